//! Lookup by code: `SwrError::from_code`, `FromStr`, `TryFrom<&str>`, and `AllVariants`.
//!
//! `from_code` splits the string into prefix and seven digits, compares the prefix, and finds the
//! number in a collision-free slot table (or, failing one, a `match`): no hashing of the string,
//! no allocation, and a miss on a foreign prefix costs a few byte comparisons. One search, `__swr_find`,
//! serves the enum and its kind. Only unit variants can be built from a code alone (a kind builds
//! every variant); transparent variants ask the
//! type they wrap.

use std::collections::BTreeMap;

use proc_macro2::{Literal, TokenStream};
use quote::{format_ident, quote};

use super::{bounds_for, impl_generics_with, wrapped_from_code};
use crate::generics::mentions_type_param;
use crate::model::{Checked, Kind, Own};
use crate::{slots, whole_table};

/// `__swr_find`, at the top of the block: the position in `__SWR_OWN` of the variant whose code is
/// the given one, among every variant with a code of its own. `from_code` then builds the variant
/// when it can (a unit variant; for a kind, every variant). The enum and its kind share it, so
/// the slot tables are emitted once. Nothing when the lookup could build no variant.
///
/// The slot tables and the numbers they are checked against are byte strings (see
/// `__private::slot_lookup`): one token each, and nothing for const evaluation to do.
pub(super) fn find_fn(checked: &Checked) -> TokenStream {
    let all = checked.kind.is_some();
    if !checked
        .own()
        .any(|(variant, _)| all || variant.ast.fields.is_empty())
    {
        return TokenStream::new();
    }
    let count = Literal::usize_unsuffixed(checked.own().count() * 4);
    let mut by_prefix: BTreeMap<&str, Vec<(&Own, u32)>> = BTreeMap::new();
    let mut whole: Vec<&Own> = Vec::new();
    for (_, own) in checked.own() {
        match &own.parsed.split {
            Some((prefix, number)) => by_prefix.entry(prefix).or_default().push((own, *number)),
            None => whole.push(own),
        }
    }
    // The `match` on the prefix compares in order: the service with the most codes goes first.
    let mut by_prefix: Vec<(&str, Vec<(&Own, u32)>)> = by_prefix.into_iter().collect();
    by_prefix.sort_by_key(|(_, owns)| std::cmp::Reverse(owns.len()));
    let mut slotted = false;
    let prefixes: Vec<TokenStream> = by_prefix
        .iter()
        .map(|(prefix, owns)| {
            let (lookup, uses_slots) = prefix_lookup(owns);
            slotted |= uses_slots;
            quote!(#prefix => #lookup,)
        })
        .collect();
    // The number of each own variant, by position, as little-endian `u32`s: what a slot's
    // candidate is checked against (`0` for a code found by its whole text, which no slot holds).
    let numbers = slotted.then(|| {
        let bytes: Vec<u8> = checked
            .own()
            .flat_map(|(_, own)| {
                let number = own.parsed.split.as_ref().map_or(0, |(_, number)| *number);
                number.to_le_bytes()
            })
            .collect();
        let bytes = Literal::byte_string(&bytes);
        quote!(const __SWR_NUMBERS: &[__swr::u8; #count] = #bytes;)
    });
    // A string that `split_code` splits ends in seven digits, which no code found by its whole
    // text does: the two lookups never both apply.
    let split = match (prefixes.is_empty(), whole.is_empty()) {
        (true, _) => TokenStream::new(),
        (false, true) => quote! {
            let (__swr_prefix, __swr_number) = __swr::split_code(__swr_code)?;
            match __swr_prefix {
                #(#prefixes)*
                _ => __swr::None,
            }
        },
        (false, false) => quote! {
            if let __swr::Some((__swr_prefix, __swr_number)) = __swr::split_code(__swr_code) {
                return match __swr_prefix {
                    #(#prefixes)*
                    _ => __swr::None,
                };
            }
        },
    };
    let whole = (!whole.is_empty()).then(|| whole_lookup(&whole));
    quote! {
        #numbers

        fn __swr_find(__swr_code: &__swr::str) -> __swr::Option<__swr::usize> {
            #split
            #whole
        }
    }
}

/// The lookup of the codes that do not end in seven digits, by their whole text: a paired table
/// (one load, see [`whole_table::build_paired`]), else displaced tables (see
/// [`crate::whole_table`]), checked against the code in `__SWR_OWN`; failing both, a `match`.
fn whole_lookup(owns: &[&Own]) -> TokenStream {
    let codes: Vec<&str> = owns.iter().map(|own| own.code.as_str()).collect();
    // Positions beyond `u16` do not fit a slot: such an enum takes the `match`.
    let fits = owns.iter().all(|own| own.index < usize::from(u16::MAX));
    // The own position of the code at `slot` among `owns` (`u16::MAX` when empty).
    let position = |slot: u16| match owns.get(usize::from(slot)) {
        Some(own) => u16::try_from(own.index).unwrap_or(u16::MAX),
        None => u16::MAX,
    };
    let bytes = |values: Vec<u16>| -> (Literal, Literal) {
        let bytes: Vec<u8> = values.into_iter().flat_map(u16::to_le_bytes).collect();
        (
            Literal::usize_unsuffixed(bytes.len()),
            Literal::byte_string(&bytes),
        )
    };
    if let Some(table) = fits.then(|| whole_table::build_paired(&codes)).flatten() {
        let seed = Literal::u64_unsuffixed(table.seed);
        // Each bucket: two entries of an own position, then the code's fingerprint.
        let (len, buckets) = bytes(
            table
                .buckets
                .into_iter()
                .flatten()
                .flat_map(|(slot, fingerprint)| [position(slot), fingerprint])
                .collect(),
        );
        return quote! {{
            const __SWR_PAIRS: &[__swr::u8; #len] = #buckets;
            __swr::paired_lookup(__SWR_OWN, #seed, __SWR_PAIRS, __swr_code)
        }};
    }
    let Some(table) = fits.then(|| whole_table::build(&codes)).flatten() else {
        let arms = owns.iter().map(|own| {
            let (code, index) = (&own.code, own.index);
            quote!(#code => __swr::Some(#index),)
        });
        return quote! {
            match __swr_code {
                #(#arms)*
                _ => __swr::None,
            }
        };
    };
    let (displacements_len, displacements) = bytes(table.displacements);
    // Each slot: the own position, then the code's fingerprint.
    let (slots_len, slots) = bytes(
        table
            .slots
            .into_iter()
            .flat_map(|(slot, fingerprint)| [position(slot), fingerprint])
            .collect(),
    );
    quote! {{
        const __SWR_DISPLACEMENTS: &[__swr::u8; #displacements_len] = #displacements;
        const __SWR_WHOLE: &[__swr::u8; #slots_len] = #slots;
        __swr::whole_lookup(__SWR_OWN, __SWR_DISPLACEMENTS, __SWR_WHOLE, __swr_code)
    }}
}

/// The `from_code` method of the `SwrError` impl, or nothing when no value can be found by code.
///
pub(super) fn from_code_method(checked: &Checked) -> TokenStream {
    if !has_lookup(checked) {
        return TokenStream::new();
    }
    let covers_any = checked
        .own()
        .any(|(variant, _)| checked.kind.is_some() || variant.ast.fields.is_empty());
    let own_lookup = covers_any.then(|| {
        let all_unit = checked
            .variants
            .iter()
            .all(|variant| variant.ast.fields.is_empty());
        // Own positions are the positions among all variants when every variant is a unit one:
        // a kind (which is `Copy`) indexes its `ALL`; the enum picks from its `ALL` too, copied
        // when it is `Copy`, taken out of a fresh copy of the constant otherwise (`Pick`). A
        // generic enum has no `ALL`, and builds its unit variants by a `match`.
        if all_unit && !checked.is_generic() {
            return quote! {
                #[allow(unused_imports)]
                use __swr::{PickCopy as _, PickMove as _};
                if let __swr::Some(__swr_index) = __swr_find(__swr_code) {
                    return (&__swr::Pick(<Self as __swr::AllVariants>::ALL, || __SWR_ALL)).pick(__swr_index);
                }
            };
        }
        let arms = checked.own().filter_map(|(variant, own)| {
            let (name, index) = (variant.ast.ident, own.index);
            // `A {}` builds a variant written `A {}` or `A()` as well as a unit one.
            let braces = (!variant.ast.unit).then(|| quote!({}));
            variant
                .ast
                .fields
                .is_empty()
                .then(|| quote!(#index => return __swr::Some(Self::#name #braces),))
        });
        quote! {
            if let __swr::Some(__swr_index) = __swr_find(__swr_code) {
                match __swr_index { #(#arms)* _ => {} }
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

/// The lookup of a number among the own variants of one prefix, to their position in
/// `__SWR_OWN`, and whether it reads `__SWR_NUMBERS`: a slot table when a collision-free modulus
/// exists (see [`crate::slots`]), written as a byte string of little-endian `u16` positions and
/// checked against `__SWR_NUMBERS`, else a `match` on the number.
fn prefix_lookup(owns: &[(&Own, u32)]) -> (TokenStream, bool) {
    let numbers: Vec<u32> = owns.iter().map(|(_, number)| *number).collect();
    // Positions beyond `u16` do not fit a slot: such an enum takes the `match`.
    let fits = owns
        .iter()
        .all(|(own, _)| own.index < usize::from(u16::MAX));
    let Some(modulus) = fits.then(|| slots::find_modulus(&numbers)).flatten() else {
        let arms = owns.iter().map(|(own, number)| {
            let index = own.index;
            quote!(#number => __swr::Some(#index),)
        });
        let lookup = quote! {
            match __swr_number {
                #(#arms)*
                _ => __swr::None,
            }
        };
        return (lookup, false);
    };
    // Slots hold own positions (`u16::MAX` when empty).
    let bytes: Vec<u8> = slots::slot_table(&numbers, modulus)
        .into_iter()
        .flat_map(|slot| {
            let position = match owns.get(usize::from(slot)) {
                Some((own, _)) => u16::try_from(own.index).unwrap_or(u16::MAX),
                None => u16::MAX,
            };
            position.to_le_bytes()
        })
        .collect();
    let len = Literal::usize_unsuffixed(bytes.len());
    let bytes = Literal::byte_string(&bytes);
    let lookup = quote! {{
        const __SWR_SLOTS: &[__swr::u8; #len] = #bytes;
        __swr::slot_lookup(__SWR_SLOTS, __SWR_NUMBERS, __swr_number)
    }};
    (lookup, true)
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
    let generics = impl_generics_with(checked, extra);
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
    // `__SWR_ALL` is a constant of its own, so that `from_code` can take a value out of a fresh
    // copy of it when the enum is not `Copy`. A kind's `from_code` reads `ALL` directly.
    let all_variants = (all_unit && !checked.is_generic()).then(|| {
        let variants = checked.variants.iter().map(|variant| {
            let (name, braces) = (variant.ast.ident, (!variant.ast.unit).then(|| quote!({})));
            quote!(#name #braces)
        });
        let count = checked.variants.len();
        quote! {
            const __SWR_ALL: [#ident; #count] = [#(#ident::#variants),*];

            #[automatically_derived]
            impl __swr::AllVariants for #ident {
                const ALL: &'static [Self] = &__SWR_ALL;
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
                    .ok_or_else(|| __swr::unknown_code(__swr_code))
            }
        }

        #try_from
        #all_variants
    }
}
