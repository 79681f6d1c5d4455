//! Lookup by code: `SwrError::from_code`, `FromStr`, `TryFrom<&str>`, and `AllVariants`.
//!
//! `from_code` splits the string into prefix and seven digits, compares the prefix, and finds the
//! number in a collision-free slot table (or, failing one, a `match`): no hashing of the string,
//! no allocation, and a miss on a foreign prefix costs a few byte comparisons. Only unit variants can be built from a code alone; transparent variants ask the
//! type they wrap.

use std::collections::BTreeMap;

use proc_macro2::{Literal, TokenStream};
use quote::{format_ident, quote};

use super::{bounds_for, impl_generics, mentions_type_param, wrapped_from_code};
use crate::slots;
use crate::valid::{Checked, Kind, Own};

/// The `from_code` method of the `SwrError` impl, or nothing when no value can be found by code.
pub(super) fn from_code_method(checked: &Checked) -> TokenStream {
    if !has_lookup(checked) {
        return TokenStream::new();
    }
    let mut by_prefix: BTreeMap<&str, Vec<(&Own, &syn::Ident)>> = BTreeMap::new();
    for (variant, own) in checked.own() {
        if variant.ast.fields.is_empty() {
            by_prefix
                .entry(&own.parsed.prefix)
                .or_default()
                .push((own, variant.ast.ident));
        }
    }
    // The `match` on the prefix compares in order: the service with the most codes goes first.
    let mut by_prefix: Vec<(&str, Vec<(&Own, &syn::Ident)>)> = by_prefix.into_iter().collect();
    by_prefix.sort_by_key(|(_, variants)| std::cmp::Reverse(variants.len()));
    let own_lookup = (!by_prefix.is_empty()).then(|| {
        let prefixes = by_prefix.iter().map(|(prefix, variants)| {
            let lookup = prefix_lookup(variants);
            quote!(#prefix => #lookup,)
        });
        quote! {
            if let __swr::Some((__swr_prefix, __swr_number)) = __swr::split_code(__swr_code) {
                let __swr_found: __swr::Option<Self> = match __swr_prefix {
                    #(#prefixes)*
                    _ => __swr::None,
                };
                if __swr_found.is_some() {
                    return __swr_found;
                }
            }
        }
    });
    let inner_lookups = checked.transparent().map(|(variant, field)| {
        let (member, name) = (&field.member, variant.ast.ident);
        let from_code = wrapped_from_code(checked, field);
        quote! {
            if let __swr::Some(__swr_inner) = #from_code(__swr_code) {
                return __swr::Some(Self::#name { #member: __swr_inner });
            }
        }
    });
    quote! {
        fn from_code(__swr_code: &__swr::str) -> __swr::Option<Self> {
            #own_lookup
            #(#inner_lookups)*
            __swr::None
        }
    }
}

/// The lookup of a number among the unit variants of one prefix: a slot table when a
/// collision-free modulus exists (see [`crate::slots`]), else a `match` on the number.
fn prefix_lookup(variants: &[(&Own, &syn::Ident)]) -> TokenStream {
    let numbers: Vec<u32> = variants.iter().map(|(own, _)| own.parsed.number).collect();
    let Some(modulus) = slots::find_modulus(&numbers) else {
        let arms = variants.iter().map(|(own, ident)| {
            let number = own.parsed.number;
            quote!(#number => __swr::Some(Self::#ident),)
        });
        return quote! {
            match __swr_number {
                #(#arms)*
                _ => __swr::None,
            }
        };
    };
    let slots = slots::slot_table(&numbers, modulus);
    let (count, modulus) = (numbers.len(), Literal::u32_unsuffixed(modulus));
    let arms = variants
        .iter()
        .enumerate()
        .map(|(index, (_, ident))| quote!(#index => __swr::Some(Self::#ident),));
    quote! {{
        const __SWR_SLOTS: &[__swr::u16] = &[#(#slots),*];
        const __SWR_NUMBERS: [__swr::u32; #count] = [#(#numbers),*];
        let __swr_index = __SWR_SLOTS[(__swr_number % #modulus) as __swr::usize] as __swr::usize;
        if __swr_index < #count && __SWR_NUMBERS[__swr_index] == __swr_number {
            match __swr_index {
                #(#arms)*
                _ => __swr::None,
            }
        } else {
            __swr::None
        }
    }}
}

/// Whether any value can be found by code: a unit variant, or a transparent one.
fn has_lookup(checked: &Checked) -> bool {
    checked.transparent().next().is_some()
        || checked
            .own()
            .any(|(variant, _)| variant.ast.fields.is_empty())
}

/// `FromStr` and `TryFrom<&str>` by code (when some value can be found by code), and
/// `AllVariants` (when every variant is a unit variant and the enum is not generic).
pub(super) fn expand(checked: &Checked) -> TokenStream {
    if !has_lookup(checked) {
        return TokenStream::new();
    }
    let ident = checked.input.ident;
    // `from_str` calls `SwrError::from_code`, so the impls need the bounds of the `SwrError`
    // impl: every transparent field whose type names a type parameter implements `SwrError`.
    let extra = bounds_for(
        checked,
        checked.transparent().map(|(_, field)| field),
        &quote!(__swr::SwrError),
    );
    let generics = impl_generics(checked.input.generics, &extra);
    let (impl_generics, ty_generics, where_clause) = (
        &generics.impl_generics,
        &generics.ty_generics,
        &generics.where_clause,
    );

    let mut with_str: syn::Generics = checked.input.generics.clone();
    let str_lifetime = syn::Lifetime::new("'__swr_str", proc_macro2::Span::call_site());
    with_str.params.insert(
        0,
        syn::GenericParam::Lifetime(syn::LifetimeParam::new(str_lifetime.clone())),
    );
    let (try_generics, _, _) = with_str.split_for_impl();

    let all_unit = checked
        .variants
        .iter()
        .all(|variant| variant.ast.fields.is_empty());
    let all_variants = (all_unit && !checked.is_generic()).then(|| {
        let variants = checked.variants.iter().map(|variant| variant.ast.ident);
        quote! {
            #[automatically_derived]
            impl __swr::AllVariants for #ident {
                const ALL: &'static [Self] = &[#(Self::#variants),*];
            }
        }
    });
    let unknown = format_ident!("UnknownCode");
    // `From<T>` of a transparent variant over a type parameter makes `TryFrom<&str>` overlap
    // core's blanket impl (for `T = &str`): such enums get `FromStr` only.
    // The same holds for `#[swr(from)]` and thiserror's `#[from]` on such a field.
    let converted = checked
        .variants
        .iter()
        .flat_map(|variant| match &variant.kind {
            Kind::Transparent(field) => vec![*field],
            Kind::Own(own) => own
                .from
                .into_iter()
                .chain(
                    variant
                        .ast
                        .fields
                        .iter()
                        .filter(|field| field.thiserror_from),
                )
                .collect(),
        });
    let generic_wrap = converted
        .into_iter()
        .any(|field| mentions_type_param(field.ty, checked.input.generics));
    let try_from = (!generic_wrap).then(|| {
        quote! {
            #[automatically_derived]
            impl #try_generics __swr::TryFrom<&#str_lifetime __swr::str> for #ident #ty_generics #where_clause {
                type Error = __swr::#unknown;

                fn try_from(__swr_code: &#str_lifetime __swr::str) -> __swr::Result<Self, __swr::#unknown> {
                    <Self as __swr::FromStr>::from_str(__swr_code)
                }
            }
        }
    });

    quote! {
        #[automatically_derived]
        impl #impl_generics __swr::FromStr for #ident #ty_generics #where_clause {
            type Err = __swr::#unknown;

            fn from_str(__swr_code: &__swr::str) -> __swr::Result<Self, __swr::#unknown> {
                <Self as __swr::SwrError>::from_code(__swr_code)
                    .ok_or_else(|| __swr::#unknown::new(__swr_code))
            }
        }

        #try_from
        #all_variants
    }
}
