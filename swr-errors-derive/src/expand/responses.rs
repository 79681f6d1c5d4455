//! The framework integrations: one call of `__private::impl_responses!`, which `swr-errors`
//! defines per cargo feature (`http`, `axum`, `actix-web`, `tonic`). A derive cannot see the
//! features of another crate, so the decision is left to the macro; without features it expands
//! to nothing.

use proc_macro2::TokenStream;
use quote::quote;

use syn::{Generics, Ident};

use super::impl_generics;

/// The call for `ident` with `generics`.
pub(super) fn expand(ident: &Ident, generics: &Generics) -> TokenStream {
    let split = impl_generics(generics, &[]);
    let (impl_generics, ty_generics) = (&split.impl_generics, &split.ty_generics);
    let predicates = generics
        .where_clause
        .as_ref()
        .map(|clause| &clause.predicates);
    quote! {
        __swr::impl_responses! {
            impl [#impl_generics] [#ident #ty_generics] where [#predicates]
        }
    }
}
