//! An accumulator of `syn::Error`s, so that one build reports every mistake of an enum.

use std::fmt::Display;

use proc_macro2::Span;
use quote::ToTokens;

/// Collects errors from every stage; [`Errors::finish`] combines them into one `syn::Error`.
#[derive(Default)]
pub(crate) struct Errors {
    collected: Option<syn::Error>,
}

impl Errors {
    /// Records `err`, keeping every error recorded before it.
    pub(crate) fn push(&mut self, err: syn::Error) {
        match &mut self.collected {
            Some(all) => all.combine(err),
            None => self.collected = Some(err),
        }
    }

    /// Records an error spanned on `tokens`.
    pub(crate) fn spanned(&mut self, tokens: impl ToTokens, msg: impl Display) {
        self.push(syn::Error::new_spanned(tokens, msg));
    }

    /// Records an error at `span`.
    pub(crate) fn at(&mut self, span: Span, msg: impl Display) {
        self.push(syn::Error::new(span, msg));
    }

    /// Records the error of a failed result and returns its value, if any.
    pub(crate) fn ok<T>(&mut self, result: syn::Result<T>) -> Option<T> {
        result.map_err(|err| self.push(err)).ok()
    }

    /// `Ok` when nothing was recorded, else every recorded error in one.
    pub(crate) fn finish(self) -> syn::Result<()> {
        match self.collected {
            Some(err) => Err(err),
            None => Ok(()),
        }
    }
}
