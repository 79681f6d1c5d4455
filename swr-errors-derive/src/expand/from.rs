//! `impl From<Inner>` for each transparent variant and each `#[swr(from)]` field, so `?` converts
//! the wrapped type; left to thiserror when the field carries its `#[from]`.

use proc_macro2::TokenStream;
use quote::quote;

use super::impl_generics;
use crate::model::Checked;

pub(super) fn expand(checked: &Checked) -> TokenStream {
    let ident = checked.input.ident;
    let generics = impl_generics(checked.input.generics, &[]);
    let (impl_generics, ty_generics, where_clause) = (
        &generics.impl_generics,
        &generics.ty_generics,
        &generics.where_clause,
    );
    let from_fields = checked
        .own()
        .filter_map(|(variant, own)| Some((variant, own.from?)));
    let impls = checked
        .transparent()
        .chain(from_fields)
        .filter(|(_, field)| !field.thiserror_from)
        .map(|(variant, field)| {
            let (ty, member, name) = (field.ty, &field.member, variant.ast.ident);
            quote! {
                #[automatically_derived]
                impl #impl_generics __swr::From<#ty> for #ident #ty_generics #where_clause {
                    #[inline]
                    fn from(__swr_inner: #ty) -> Self {
                        Self::#name { #member: __swr_inner }
                    }
                }
            }
        });
    quote!(#(#impls)*)
}
