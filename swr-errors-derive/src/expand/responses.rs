//! The framework integrations: one call of `__private::impl_responses!`, which `swr-errors`
//! defines per cargo feature (`http`, `axum`, `actix-web`, `tonic`). A derive cannot see the
//! features of another crate, so the decision is left to the macro; without features it expands
//! to nothing.

use proc_macro2::TokenStream;
use quote::quote;

use super::impl_generics;
use crate::model::Checked;

pub(super) fn expand(checked: &Checked) -> TokenStream {
    let ident = checked.input.ident;
    let generics = impl_generics(checked.input.generics, &[]);
    let (impl_generics, ty_generics) = (&generics.impl_generics, &generics.ty_generics);
    let predicates = checked
        .input
        .generics
        .where_clause
        .as_ref()
        .map(|clause| &clause.predicates);
    quote! {
        __swr::impl_responses! {
            impl [#impl_generics] [#ident #ty_generics] where [#predicates]
        }
    }
}
