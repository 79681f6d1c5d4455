//! The derive never panics: it runs over a generated corpus of malformed and well-formed inputs,
//! outside the compiler through `proc_macro2`, and must answer each with tokens: generated code,
//! or `compile_error!`s that each say something.

use std::panic::{catch_unwind, AssertUnwindSafe};

use proc_macro2::{TokenStream, TokenTree};

use crate::keys;

/// A small deterministic generator (xorshift64*), so the corpus is the same on every run.
pub(crate) struct Rng(pub(crate) u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    pub(crate) fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

/// Keys that are none of [`keys::ALL`]: misspelt, raw, keywords, paths.
const NOT_KEYS: &[&str] = &[
    "stauts", "cod", "form", "knid", "unknown", "r#code", "self", "swr", "a::b", "_",
];

/// Every key of [`keys::ALL`], then [`NOT_KEYS`]: a key added to `keys.rs` is in the corpus.
fn corpus_keys() -> Vec<&'static str> {
    keys::ALL
        .iter()
        .map(|key| key.as_str())
        .chain(NOT_KEYS.iter().copied())
        .collect()
}

/// Literals of every kind, and things that are not literals.
const VALUES: &[&str] = &[
    "\"SVCSTG.MYSVC.4040001\"",
    "\"SVCSTG.MYSVC.4040002\"",
    "\"SVCSTG.S2I.4019000\"",
    "\"SVCSTG.MYSVC.404001\"",
    "\"svcstg.x.4040001\"",
    "\"\"",
    "\"{\"",
    "\"}\"",
    "\"{}\"",
    "\"{x}\"",
    "\"{0}\"",
    "\"{0:?}\"",
    "\"{name:>8}\"",
    "\"{{}}\"",
    "\"\\u{1F600} ünïcode\"",
    "\"throttled\"",
    "\"busy\"",
    "\"server_error\"",
    "\"nope\"",
    "\"crate\"",
    "\"::swr_errors\"",
    "\"ChartKind\"",
    "\"E\"",
    "\"r#type\"",
    "\"not an ident\"",
    "\"not a path!\"",
    "r#\"raw\"#",
    "b\"bytes\"",
    "c\"cstr\"",
    "'c'",
    "b'b'",
    "404",
    "404u16",
    "404u8",
    "4_04",
    "0x194",
    "-404",
    "4.04",
    "1e3",
    "399",
    "600",
    "0",
    "65535",
    "65536",
    "99999999999999999999999999",
    "true",
    "false",
    "ident",
    "a::b",
    "()",
    "[]",
    "{}",
    "(404)",
    "\"SVCSTG.MYSVC.4040001\" \"x\"",
    "404 404",
];

const SEPARATORS: &[&str] = &[" = ", " ", "=", " == ", ": ", ""];

fn random_attr_body(rng: &mut Rng) -> String {
    let keys = corpus_keys();
    let mut body = String::new();
    for i in 0..rng.below(5) {
        if i > 0 {
            body.push_str(rng.pick(&[", ", ",", " ", ",,", ", "]));
        }
        body.push_str(rng.pick(&keys));
        match rng.below(4) {
            0 => {}
            1 => {
                body.push('(');
                body.push_str(rng.pick(VALUES));
                body.push(')');
            }
            _ => {
                body.push_str(rng.pick(SEPARATORS));
                body.push_str(rng.pick(VALUES));
            }
        }
    }
    body
}

pub(crate) fn random_attr(rng: &mut Rng) -> String {
    match rng.below(10) {
        0 => "#[swr]".to_owned(),
        1 => format!("#[swr = {}]", rng.pick(VALUES)),
        2 => format!(
            "/// {}",
            rng.pick(&["The chart does not exist.", "", "{x} braces", "  "])
        ),
        3 => format!("#[error({})]", rng.pick(VALUES)),
        4 => format!("#[swr[{}]]", random_attr_body(rng)),
        _ => format!("#[swr({})]", random_attr_body(rng)),
    }
}

fn random_fields(rng: &mut Rng) -> String {
    let field_attr = |rng: &mut Rng| {
        if rng.below(3) == 0 {
            random_attr(rng)
        } else {
            String::new()
        }
    };
    match rng.below(4) {
        0 => String::new(),
        1 => {
            let fields: Vec<String> = (0..rng.below(3))
                .map(|_| {
                    format!(
                        "{} {}",
                        field_attr(rng),
                        rng.pick(&["String", "T", "&'a str", "u32", "std::io::Error", "SwrCode"])
                    )
                })
                .collect();
            format!("({})", fields.join(", "))
        }
        _ => {
            let fields: Vec<String> = (0..rng.below(4))
                .map(|i| {
                    let name = rng.pick(&["name", "tag", "repo", "r#type", "x", "cause", "reason"]);
                    format!(
                        "{} {name}{i}: {}",
                        field_attr(rng),
                        rng.pick(&["String", "T", "u32", "Box<dyn std::error::Error>"])
                    )
                })
                .collect();
            format!("{{ {} }}", fields.join(", "))
        }
    }
}

/// A well-formed enum of a few variants, of which some attributes are then swapped for random
/// ones: reaches deep into validation and, often enough, expansion.
fn mostly_valid_input(rng: &mut Rng) -> String {
    let generics = rng.pick(&["", "<T: Display>", "<'a, T: Display>"]);
    let mut variants = Vec::new();
    for i in 0..1 + rng.below(6) {
        let status = rng.pick(&["400", "404", "429", "500", "503"]);
        // Now and then a stock code, which an enum wrapping `SwrCode` may not re-declare.
        let code = match rng.below(12) {
            0 => "\"SVCSTG.SWR.4040058\"".to_owned(),
            _ => format!("\"SVCSTG.SVC{}.{status}{i:04}\"", rng.below(3)),
        };
        let (fields, message) = match rng.below(7) {
            0 => ("", "\"Plain message\""),
            1 => ("(String)", "\"Item {0} missing\""),
            2 => (
                "{ name: String, #[swr(detail)] why: String }",
                "\"Bad {name:?}\"",
            ),
            3 => (
                "{ #[swr(source)] cause: std::io::Error }",
                "\"Storage failed\"",
            ),
            4 => ("(#[swr(from)] std::io::Error)", "\"Io failed\""),
            5 => (
                "{ #[swr(source, from)] cause: std::fmt::Error }",
                "\"Format failed\"",
            ),
            _ => ("(T)", "\"Value {0:>8}\""),
        };
        let mut attr = format!("#[swr(code = {code}, status = {status}, message = {message})]");
        if rng.below(3) == 0 {
            attr = random_attr(rng);
        }
        if rng.below(8) == 0 {
            variants.push(format!(
                "#[swr(transparent)] W{i}({})",
                rng.pick(&["SwrCode", "T", "Inner", "String, u8", "swr_errors::SwrCode"])
            ));
        } else {
            variants.push(format!("{attr} V{i}{fields}"));
        }
    }
    let enum_attr = rng.pick(&[
        "",
        "",
        "#[swr(kind)]",
        "#[swr(kind = \"EKind\")]",
        "#[swr(kind = \"Self\")]",
        "#[swr(kind, display = false)]",
    ]);
    format!(
        "{enum_attr} enum E{generics} {{ {} }}",
        variants.join(",\n")
    )
}

fn random_input(rng: &mut Rng) -> String {
    if rng.below(2) == 0 {
        return mostly_valid_input(rng);
    }
    let generics = rng.pick(&[
        "",
        "<T>",
        "<'a, T: Display>",
        "<const N: usize>",
        "<T> where T: Clone",
        "<'a>",
    ]);
    let enum_attrs: String = (0..rng.below(3)).map(|_| random_attr(rng) + "\n").collect();
    match rng.below(12) {
        0 => format!("{enum_attrs} struct S{generics} {{ a: u32 }}"),
        1 => format!("{enum_attrs} union U{generics} {{ a: u32 }}"),
        2 => format!("{enum_attrs} enum E{generics} {{}}"),
        _ => {
            let variants: Vec<String> = (0..1 + rng.below(5))
                .map(|i| {
                    let attrs: String =
                        (0..rng.below(4)).map(|_| random_attr(rng) + "\n").collect();
                    format!("{attrs} V{i}{}", random_fields(rng))
                })
                .collect();
            format!(
                "{enum_attrs} pub enum E{generics} {{ {} }}",
                variants.join(",\n")
            )
        }
    }
}

/// Well-formed inputs the truncation pass cuts at every token.
const VALID: &[&str] = &[
    r#"
    #[swr(crate = "::swr_errors")]
    pub enum RegistryError<'a, T: Display> {
        /// The chart does not exist.
        #[swr(code = "SVCSTG.MYSVC.4040001", status = 404)]
        ChartMissing,
        #[swr(code = "SVCSTG.MYSVC.4001001", status = 400, message = "Invalid tag {tag} for {repo}")]
        BadTag { repo: &'a str, tag: T },
        #[swr(code = "SVCSTG.MYSVC.5001002", status = 500, message = "Storage failed", retry = "server_error")]
        Storage { #[swr(source)] cause: std::io::Error },
        #[swr(code = "SVCSTG.MYSVC.4001003", status = 400, message = "Bad manifest")]
        BadManifest { #[swr(detail)] reason: String },
        #[swr(code = "SVCSTG.MYSVC.4040004", status = 404, message = "Repository {0} not found")]
        RepoMissing(String),
        #[swr(transparent)]
        Stock(SwrCode),
    }
    "#,
    r#"
    #[swr(kind = "StoreKind")]
    pub enum StoreError {
        #[swr(code = "SVCSTG.MYSVC.5001001", status = 500, message = "Read failed")]
        Read(#[swr(from)] std::io::Error),
        #[swr(code = "SVCSTG.MYSVC.4001002", status = 400, message = "Bad {cause}")]
        Bad { #[swr(source, from)] cause: std::fmt::Error },
        /// The organization is gone.
        #[swr(code = "SVCSTG.MYSVC.4040058", status = 404)]
        OrgGone,
        #[swr(transparent)]
        Stock(SwrCode),
    }
    "#,
    r#"
    #[swr(kind = "Self", codes = "name")]
    pub enum OwnCode {
        /// blob unknown to registry
        #[swr(code = "BLOB_UNKNOWN", status = 404)]
        BlobUnknown,
    }
    "#,
    r#"
    #[derive(Debug)]
    #[swr(display = false)]
    enum E {
        #[error("x")]
        #[swr(code = "SVCSTG.A1.4290001", status = 429, retry = "throttled", message = "{{literal}}")]
        A,
    }
    "#,
];

/// Every prefix of `input`'s tokens, with the last group's contents cut too.
fn truncations(input: &str) -> Vec<TokenStream> {
    let tokens: Vec<TokenTree> = input
        .parse::<TokenStream>()
        .expect("corpus source lexes")
        .into_iter()
        .collect();
    let mut out = Vec::new();
    for end in 0..=tokens.len() {
        out.push(tokens[..end].iter().cloned().collect());
        if let Some(TokenTree::Group(group)) = tokens.get(end) {
            let inner: Vec<TokenTree> = group.stream().into_iter().collect();
            for cut in 0..inner.len() {
                let cut_group = proc_macro2::Group::new(
                    group.delimiter(),
                    inner[..cut].iter().cloned().collect(),
                );
                let mut prefix: TokenStream = tokens[..end].iter().cloned().collect();
                prefix.extend([TokenTree::Group(cut_group)]);
                out.push(prefix);
            }
        }
    }
    out
}

/// Runs the derive; fails the test on a panic, or on an error without a message.
fn assert_answers(input: TokenStream, label: &dyn Fn() -> String) -> bool {
    let output = catch_unwind(AssertUnwindSafe(|| crate::derive(input)))
        .unwrap_or_else(|_| panic!("the derive panicked on:\n{}", label()));
    let text = output.to_string();
    assert!(
        !text.is_empty(),
        "the derive gave no tokens for:\n{}",
        label()
    );
    let is_error = text.contains("compile_error");
    if is_error {
        assert!(
            !text.contains("compile_error ! { \"\" }"),
            "an empty error message for:\n{}",
            label()
        );
    }
    is_error
}

#[test]
fn never_panics_on_a_generated_corpus() {
    // Quiet the default hook: a panic is caught and reported with its input instead.
    let mut rng = Rng(0x5eed_5eed_5eed_5eed);
    let (mut total, mut errors) = (0usize, 0usize);
    for _ in 0..25_000 {
        let source = random_input(&mut rng);
        // Random text may not even lex (an unclosed delimiter): that is the compiler's job.
        let Ok(tokens) = source.parse::<TokenStream>() else {
            continue;
        };
        total += 1;
        errors += usize::from(assert_answers(tokens, &|| source.clone()));
    }
    for valid in VALID {
        for cut in truncations(valid) {
            total += 1;
            let label = cut.to_string();
            errors += usize::from(assert_answers(cut, &|| label.clone()));
        }
    }
    // The corpus must exercise both outcomes, or it tests less than it claims.
    assert!(total > 20_000, "corpus of {total} inputs");
    assert!(
        errors > total / 4 && errors < total * 9 / 10,
        "{errors} errors in {total} inputs"
    );
    println!("no panic on {total} inputs ({errors} rejected with errors)");
}

#[test]
fn well_formed_input_expands_without_errors() {
    for valid in VALID {
        let output = crate::derive(valid.parse().unwrap()).to_string();
        assert!(!output.contains("compile_error"), "{output}");
        assert!(output.contains("SwrError for"), "{output}");
        if valid.contains("kind = \"StoreKind\"") {
            assert!(output.contains("enum StoreKind"), "{output}");
        }
        if valid.contains("kind = \"Self\"") {
            assert!(output.contains("Kinded for OwnCode"), "{output}");
        }
    }
}
