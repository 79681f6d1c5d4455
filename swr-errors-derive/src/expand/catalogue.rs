//! `impl Catalogue` (every code of the enum as static data) and the compile-time composition
//! check: no code of the enum may also be a code of a type it wraps transparently, and no two
//! wrapped types may share a code.
//!
//! The check runs in const evaluation and fails the build with a message that names the code,
//! pointed at the wrapped type. It walks sorted lists: the enum's own codes are sorted here, at
//! expansion, and each derived type exports its codes sorted (`Catalogue::__SORTED_CODES`), so
//! every check is one linear merge and a large enum costs the compiler linear time.
//!
//! All of it lives in free constants, which cannot name the enum's generic parameters: a wrapped
//! type that mentions one (`Other(E)`) is left out of the lists and of the check. Every concrete
//! wrapped type, such as `SwrCode`, takes part, whatever the enum's generics.

use proc_macro2::TokenStream;
use quote::{format_ident, quote, quote_spanned};
use syn::spanned::Spanned;

use super::{bounds_for, impl_generics_with, located_at};
use crate::generics::mentions_generic;
use crate::model::Checked;
use crate::names::{ident_name, is_stock, type_name};

pub(super) fn expand(checked: &Checked) -> TokenStream {
    let ident = checked.input.ident;
    // `Catalogue: SwrError`: the impl needs the bounds of the `SwrError` impl.
    let extra = bounds_for(
        checked,
        checked.transparent().map(|(_, field)| field),
        &quote!(__swr::SwrError),
    );
    let generics = impl_generics_with(checked, extra);
    let (impl_generics, ty_generics, where_clause) = (
        &generics.impl_generics,
        &generics.ty_generics,
        &generics.where_clause,
    );

    let wrapped: Vec<&syn::Type> = checked
        .transparent()
        .map(|(_, field)| field.ty)
        .filter(|ty| !mentions_generic(ty, checked.input.generics))
        .collect();
    let codes_of =
        |ty: &syn::Type| quote_spanned!(located_at(ty.span())=> <#ty as __swr::Catalogue>::CODES);
    let sorted_of = |ty: &syn::Type| quote_spanned!(located_at(ty.span())=> <#ty as __swr::Catalogue>::__SORTED_CODES);
    let lists: Vec<TokenStream> = wrapped.iter().map(|ty| codes_of(ty)).collect();
    if wrapped.is_empty() {
        // Own codes only: the table itself, and its codes sorted in const evaluation, which only
        // an enum that wraps this one ever asks for.
        let (codes, sorted) = own_lists(checked);
        return quote! {
            #[automatically_derived]
            impl #impl_generics __swr::Catalogue for #ident #ty_generics #where_clause {
                const CODES: &'static [__swr::CodeInfo] = #codes;
                const __SORTED_CODES: &'static [&'static __swr::str] = #sorted;
            }
        };
    }

    // Own codes sorted, with the variant of each: a clash names the variant that re-declared it.
    let mut own_sorted: Vec<(&str, String)> = checked
        .own()
        .map(|(variant, own)| (own.code.as_str(), ident_name(variant.ast.ident)))
        .collect();
    own_sorted.sort_unstable();
    let own_count = own_sorted.len();
    let own_codes = own_sorted.iter().map(|(code, _)| code);

    let name = ident.to_string();
    let wrappers: Vec<String> = checked
        .transparent()
        .filter(|(_, field)| !mentions_generic(field.ty, checked.input.generics))
        .map(|(variant, _)| ident_name(variant.ast.ident))
        .collect();
    let mut checks = Vec::new();
    let mut own_checked = false;
    for (i, ty) in wrapped.iter().enumerate() {
        // The derive itself checks own codes against the stock catalogue (see `valid`).
        if !is_stock(ty) {
            own_checked = true;
            checks.push(own_clash_check(&name, &wrappers[i], ty, &sorted_of(ty)));
        }
        for earlier in &wrapped[..i] {
            checks.push(clash_check(
                sorted_of(earlier),
                &type_name(earlier),
                ty,
                &sorted_of(ty),
            ));
        }
    }
    let own_names = own_checked.then(|| {
        let names = own_sorted.iter().map(|(_, name)| name);
        quote!(const __SWR_SORTED_NAMES: [&__swr::str; #own_count] = [#(#names),*];)
    });

    // Own codes, then each wrapped type's, merged one list at a time.
    let mut merges = Vec::new();
    for (i, ty) in wrapped.iter().enumerate() {
        let (previous, next) = (
            format_ident!("__SWR_SORTED_{}", i),
            format_ident!("__SWR_SORTED_{}", i + 1),
        );
        let theirs = sorted_of(ty);
        merges.push(quote! {
            const #next: [&__swr::str; #previous.len() + #theirs.len()] =
                __swr::merge_sorted::<{ #previous.len() + #theirs.len() }>(&#previous, #theirs);
        });
    }
    let last = format_ident!("__SWR_SORTED_{}", wrapped.len());

    quote! {
        const __SWR_LEN: __swr::usize = __SWR_OWN.len() #(+ #lists.len())*;
        const __SWR_CODES: [__swr::CodeInfo; __SWR_LEN] =
            __swr::concat_codes::<__SWR_LEN>(&[__SWR_OWN #(, #lists)*]);
        const __SWR_SORTED_0: [&__swr::str; #own_count] = [#(#own_codes),*];
        #own_names
        #(#merges)*

        #[automatically_derived]
        impl #impl_generics __swr::Catalogue for #ident #ty_generics #where_clause {
            const CODES: &'static [__swr::CodeInfo] = &__SWR_CODES;
            const __SORTED_CODES: &'static [&'static __swr::str] = &#last;
        }

        #(#checks)*
    }
}

/// A const item that fails to evaluate when an own code of the enum is also a code of `ty`, wrapped
/// by the variant `wrapper`, naming the code and the variant that re-declared it. Spanned on `ty`.
fn own_clash_check(
    enum_name: &str,
    wrapper: &str,
    ty: &syn::Type,
    theirs: &TokenStream,
) -> TokenStream {
    let theirs_name = type_name(ty);
    quote_spanned! {located_at(ty.span())=>
        const _: () = if let __swr::Some(__swr_at) = __swr::first_shared_at(&__SWR_SORTED_0, #theirs) {
            ::core::panic!("{}", __swr::own_clash_message(
                __SWR_SORTED_0[__swr_at], #enum_name, __SWR_SORTED_NAMES[__swr_at], #theirs_name, #wrapper,
            ).as_str())
        };
    }
}

/// A const item that fails to evaluate, naming the shared code, when the sorted lists `ours` and
/// `theirs` (the codes of `ty`) share one. Spanned on `ty`, so the error points at the wrapped
/// type.
fn clash_check(
    ours: TokenStream,
    ours_name: &str,
    ty: &syn::Type,
    theirs: &TokenStream,
) -> TokenStream {
    let theirs_name = type_name(ty);
    quote_spanned! {located_at(ty.span())=>
        const _: () = if let __swr::Some(__swr_code) = __swr::first_shared(#ours, #theirs) {
            ::core::panic!("{}", __swr::clash_message(__swr_code, #ours_name, #theirs_name).as_str())
        };
    }
}

/// `Catalogue` for the kind enum `kind` of `checked`'s enum: the same lists, already built in the
/// block, and no check of its own (the enum's covers the same codes).
pub(super) fn kind_impl(checked: &Checked, kind: &syn::Ident) -> TokenStream {
    let wrapped = checked
        .transparent()
        .filter(|(_, field)| !mentions_generic(field.ty, checked.input.generics))
        .count();
    let (codes, sorted) = if wrapped == 0 {
        own_lists(checked)
    } else {
        let last = format_ident!("__SWR_SORTED_{}", wrapped);
        (quote!(&__SWR_CODES), quote!(&#last))
    };
    quote! {
        #[automatically_derived]
        impl __swr::Catalogue for #kind {
            const CODES: &'static [__swr::CodeInfo] = #codes;
            const __SORTED_CODES: &'static [&'static __swr::str] = #sorted;
        }
    }
}

/// `CODES` and `__SORTED_CODES` of an enum that wraps no concrete type: `__SWR_OWN`, and its
/// codes in the byte-wise order sorted here, written as one byte string of positions (see
/// `__private::sorted_codes`). An enum of more codes than a `u16` counts lists none, as a
/// hand-written `Catalogue` does, and is then not checked for overlaps.
fn own_lists(checked: &Checked) -> (TokenStream, TokenStream) {
    let mut order: Vec<(&str, usize)> = checked
        .own()
        .map(|(_, own)| (own.code.as_str(), own.index))
        .collect();
    if order.len() > usize::from(u16::MAX) {
        return (quote!(__SWR_OWN), quote!(&[]));
    }
    order.sort_unstable();
    let bytes: Vec<u8> = order
        .iter()
        .flat_map(|(_, index)| u16::try_from(*index).unwrap_or(u16::MAX).to_le_bytes())
        .collect();
    let count = proc_macro2::Literal::usize_unsuffixed(order.len());
    let bytes = proc_macro2::Literal::byte_string(&bytes);
    (
        quote!(__SWR_OWN),
        quote!(&__swr::sorted_codes::<#count>(__SWR_OWN, #bytes)),
    )
}
