//! What the derive costs: its run time outside the compiler and the size of what it emits, for
//! the catalogue-shaped enum (the 188 stock codes, a doc-comment message each) and for a
//! 5,000-variant enum of the same shape. Measurements, not assertions: run them with
//!
//! ```text
//! cargo test -p swr-errors-derive --release cost_ -- --ignored --nocapture
//! ```

use std::fmt::Write as _;
use std::time::Instant;

use proc_macro2::{TokenStream, TokenTree};

use crate::stock::STOCK_CODES;

/// The catalogue-shaped enum: each stock code (in code order) as a unit variant with a one-line
/// doc comment, as `SwrCode` declares them; `kind` adds `#[swr(kind)]`.
pub(crate) fn catalogue_enum(kind: bool) -> String {
    let rows = STOCK_CODES
        .iter()
        .enumerate()
        .map(|(i, (code, name))| ((*code).to_owned(), (*name).to_owned(), i));
    enum_source(rows, kind)
}

/// `n` variants of the same shape, codes `SVCSTG.BENCH.<status><4 digits>`.
pub(crate) fn synthetic_enum(n: usize, kind: bool) -> String {
    const STATUSES: [u16; 8] = [400, 401, 403, 404, 409, 429, 500, 503];
    let rows = (0..n).map(|i| {
        let status = STATUSES[i % STATUSES.len()];
        (
            format!("SVCSTG.BENCH.{status}{i:04}"),
            format!("Error{i}"),
            i,
        )
    });
    enum_source(rows, kind)
}

fn enum_source(rows: impl Iterator<Item = (String, String, usize)>, kind: bool) -> String {
    let mut source = String::from("#[derive(Clone, Copy, Debug)]\n");
    if kind {
        source.push_str("#[swr(kind)]\n");
    }
    source.push_str("pub enum Catalogue {\n");
    for (code, name, i) in rows {
        let status = &code[code.len() - 7..code.len() - 4];
        let _ = writeln!(
            source,
            "    /// Something number {i} went wrong.\n    #[swr(code = \"{code}\", status = {status})]\n    {name},"
        );
    }
    source.push('}');
    source
}

/// Token trees in `tokens`, counted as `proc_macro` does: each identifier, punctuation
/// character and literal is one, and each group one more than what it holds.
pub(crate) fn count_tokens(tokens: TokenStream) -> usize {
    tokens
        .into_iter()
        .map(|tree| match tree {
            TokenTree::Group(group) => 1 + count_tokens(group.stream()),
            _ => 1,
        })
        .sum()
}

fn measure(label: &str, source: &str, runs: usize) {
    let input: TokenStream = source.parse().expect("the enum lexes");
    let output = crate::derive(input.clone());
    let text = output.to_string();
    assert!(!text.contains("compile_error"), "{text}");
    let start = Instant::now();
    for _ in 0..runs {
        std::hint::black_box(crate::derive(std::hint::black_box(input.clone())));
    }
    let each = start.elapsed() / u32::try_from(runs).unwrap_or(u32::MAX);
    println!(
        "{label:<24} {:>7} tokens {:>8} bytes  {:>9.3} ms an expansion ({runs} runs)",
        count_tokens(output),
        text.len(),
        each.as_secs_f64() * 1e3,
    );
}

#[test]
#[ignore = "a measurement: run with --ignored --nocapture"]
fn cost_of_the_derive() {
    measure("catalogue (188)", &catalogue_enum(false), 200);
    measure("catalogue (188), kind", &catalogue_enum(true), 200);
    measure("synthetic (5,000)", &synthetic_enum(5_000, false), 10);
    measure("synthetic (5,000), kind", &synthetic_enum(5_000, true), 10);
}

/// The expansion of the catalogue-shaped enum, for a look at it (`> expansion.rs`, then
/// `rustfmt`).
#[test]
#[ignore = "prints the expansion: run with --ignored --nocapture"]
fn cost_print_expansion() {
    let kind = std::env::var_os("SWR_KIND").is_some();
    println!("{}", crate::derive(catalogue_enum(kind).parse().unwrap()));
}

/// The derive's stages timed apart, on the catalogue-shaped enum and on 5,000 variants.
#[test]
#[ignore = "a measurement: run with --ignored --nocapture"]
fn cost_of_each_stage() {
    let cases = [
        ("catalogue (188)", catalogue_enum(false), 200u32),
        ("catalogue (188), kind", catalogue_enum(true), 200),
        ("synthetic (5,000)", synthetic_enum(5_000, false), 10),
    ];
    for (label, source, runs) in cases {
        let input: TokenStream = source.parse().unwrap();
        let (mut parse, mut model, mut check, mut expand) = Default::default();
        for _ in 0..runs {
            let start = Instant::now();
            let syn_input = syn::parse2::<syn::DeriveInput>(input.clone()).unwrap();
            let parsed = Instant::now();
            let mut errors = crate::errors::Errors::default();
            let ast = crate::ast::Input::from_syn(&syn_input, &mut errors).unwrap();
            let modelled = Instant::now();
            let checked = crate::valid::validate(&ast, errors).unwrap();
            let validated = Instant::now();
            std::hint::black_box(crate::expand::expand(&checked));
            let expanded = Instant::now();
            parse += parsed - start;
            model += modelled - parsed;
            check += validated - modelled;
            expand += expanded - validated;
        }
        let ms = |d: std::time::Duration| d.as_secs_f64() * 1e3 / f64::from(runs);
        println!(
            "{label}: parse {:.3} ms, model {:.3} ms, validate {:.3} ms, expand {:.3} ms",
            ms(parse),
            ms(model),
            ms(check),
            ms(expand)
        );
    }
}
