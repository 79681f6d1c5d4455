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
//! 2. `valid` checks the whole model and collects every mistake;
//! 3. `expand` generates code from a model that passed validation.
//!
//! Every user mistake the tokens show becomes a `syn::Error` spanned on the offending tokens, and
//! all of an enum's errors are reported together. What needs the types (a transparent field that
//! is no `SwrError`, a field that is not `Display`, a wrapped type's codes) the generated code
//! leaves to the compiler, which reports it once the derive has no error to report.

#![forbid(unsafe_code)]
#![deny(missing_docs)]

mod ast;
mod attr;
mod errors;
mod expand;
mod keys;
mod message;
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
    match expand_derive(&input) {
        Ok(tokens) => tokens,
        Err(err) => err.to_compile_error(),
    }
}

/// Parse, validate, expand: the three stages of the pipeline.
fn expand_derive(input: &syn::DeriveInput) -> syn::Result<proc_macro2::TokenStream> {
    let mut errors = errors::Errors::default();
    let model = ast::Input::from_syn(input, &mut errors)?;
    let checked = valid::validate(&model, errors)?;
    Ok(expand::expand(&checked))
}
