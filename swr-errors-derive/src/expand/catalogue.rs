//! `impl Catalogue` (every code of the enum as static data) and the compile-time composition
//! check: no code of the enum may also be a code of a type it wraps transparently, and no two
//! wrapped types may share a code.
//!
//! The check runs in const evaluation, over the wrapped types' `Catalogue::CODES`, and fails the
//! build with a message that names the code, pointed at the wrapped type. A generic enum cannot
//! name its wrapped types' codes in a const, so it lists only its own codes and skips the check.

use proc_macro2::TokenStream;
use quote::{quote, quote_spanned, ToTokens};
use syn::spanned::Spanned;

use super::{impl_generics, located_at};
use crate::valid::Checked;

pub(super) fn expand(checked: &Checked) -> TokenStream {
    let ident = checked.input.ident;
    if checked.is_generic() {
        let generics = impl_generics(checked.input.generics, &[]);
        let (impl_generics, ty_generics, where_clause) = (
            &generics.impl_generics,
            &generics.ty_generics,
            &generics.where_clause,
        );
        return quote! {
            #[automatically_derived]
            impl #impl_generics __swr::Catalogue for #ident #ty_generics #where_clause {
                const CODES: &'static [__swr::CodeInfo] = __SWR_OWN;
            }
        };
    }

    let wrapped: Vec<&syn::Type> = checked.transparent().map(|(_, field)| field.ty).collect();
    let codes_of =
        |ty: &syn::Type| quote_spanned!(located_at(ty.span())=> <#ty as __swr::Catalogue>::CODES);
    let lists: Vec<TokenStream> = wrapped.iter().map(|ty| codes_of(ty)).collect();
    let name = ident.to_string();

    let mut checks = Vec::new();
    for (i, ty) in wrapped.iter().enumerate() {
        checks.push(overlap_check(quote!(__SWR_OWN), &name, ty, &codes_of(ty)));
        for earlier in &wrapped[..i] {
            checks.push(overlap_check(
                codes_of(earlier),
                &type_name(earlier),
                ty,
                &codes_of(ty),
            ));
        }
    }

    quote! {
        const __SWR_LEN: usize = __SWR_OWN.len() #(+ #lists.len())*;
        const __SWR_CODES: [__swr::CodeInfo; __SWR_LEN] =
            __swr::concat_codes::<__SWR_LEN>(&[__SWR_OWN #(, #lists)*]);

        #[automatically_derived]
        impl __swr::Catalogue for #ident {
            const CODES: &'static [__swr::CodeInfo] = &__SWR_CODES;
        }

        #(#checks)*
    }
}

/// A const item that fails to evaluate, naming the shared code, when `ours` and the codes of
/// `ty` overlap. Spanned on `ty`, so the error points at the wrapped type.
fn overlap_check(
    ours: TokenStream,
    ours_name: &str,
    ty: &syn::Type,
    theirs: &TokenStream,
) -> TokenStream {
    let theirs_name = type_name(ty);
    quote_spanned! {located_at(ty.span())=>
        const _: () = if let __swr::Some(__swr_message) =
            __swr::overlap(#ours, #ours_name, #theirs, #theirs_name)
        {
            ::core::panic!("{}", __swr_message.as_str())
        };
    }
}

fn type_name(ty: &syn::Type) -> String {
    ty.to_token_stream().to_string().replace(' ', "")
}
