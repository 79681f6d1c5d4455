//! The procedural macro behind [`swr-errors`](https://docs.rs/swr-errors): `#[derive(SwrError)]`.
//!
//! Use it through `swr_errors::SwrError`, which re-exports this macro beside the trait of the same
//! name; the generated code names everything through `::swr_errors::__private`, so a crate that
//! derives needs only `swr-errors` in its dependencies.
//!
//! The macro is a pipeline of three stages, one file each:
//!
//! 1. `ast` reads the `DeriveInput` into a small model of our own, with the `#[swr(...)]`
//!    attributes parsed by `attr`;
//! 2. `valid` checks the whole model, collects every mistake, and gives the checked model of
//!    `model`;
//! 3. `expand` generates code from the checked model.
//!
//! Every user mistake the tokens show becomes a `syn::Error` spanned on the offending tokens, and
//! all of an enum's errors are reported together, beside fallback impls of every trait the derive
//! implements (`expand::fallback`), so that uses of the enum elsewhere add no errors of their own.
//! What needs the types (a transparent field that is no `SwrError`, a detail that is not text, a
//! source that is no error, a wrapped type's codes) the generated code leaves to the compiler,
//! through traits of `swr_errors::__private` whose messages speak of the user's field.

#![forbid(unsafe_code)]
#![deny(missing_docs)]

mod ast;
mod attr;
mod errors;
mod expand;
mod generics;
mod keys;
mod message;
mod model;
mod names;
mod quick_attrs;
mod scheme;
mod slots;
mod stock;
mod valid;
mod whole_table;

#[cfg(test)]
mod cost_tests;
#[cfg(test)]
mod no_panic_tests;

use proc_macro::TokenStream;

/// Derives `swr_errors::SwrError` (and `Display`, `std::error::Error`, `FromStr`, ...) for an enum
/// of API errors. See the `swr-errors` crate for the attributes and the generated API.
#[proc_macro_derive(SwrError, attributes(swr))]
pub fn derive_swr_error(input: TokenStream) -> TokenStream {
    derive(input.into()).into()
}

/// The whole derive on `proc_macro2` tokens, so tests can run it outside the compiler.
fn derive(input: proc_macro2::TokenStream) -> proc_macro2::TokenStream {
    let input = match syn::parse2::<syn::DeriveInput>(input) {
        Ok(input) => input,
        Err(err) => return err.to_compile_error(),
    };
    expand_derive(&input)
}

/// Parse, validate, expand: the three stages of the pipeline. On any mistake, the errors and the
/// fallback impls (see `expand::fallback`).
fn expand_derive(input: &syn::DeriveInput) -> proc_macro2::TokenStream {
    let mut errors = errors::Errors::default();
    let model = match ast::Input::from_syn(input, &mut errors) {
        Ok(model) => model,
        Err(err) => return expand::fallback::expand(input, None, &err),
    };
    match valid::validate(&model, errors) {
        Ok(checked) => expand::expand(&checked),
        Err(err) => expand::fallback::expand(input, Some(&model), &err),
    }
}
