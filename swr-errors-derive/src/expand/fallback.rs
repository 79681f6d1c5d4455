//! What the derive emits beside its errors: the impls it would have written, with bodies that
//! never run (the crate does not compile), so that uses of the enum elsewhere (`e.code()`,
//! `e.to_string()`, `?`, `Box<dyn Error>`, `parse::<E>()`, a handler returning it, `E::kind()`)
//! add no errors of their own and one mistake reads as one error.

use proc_macro2::TokenStream;
use quote::quote;
use syn::{DeriveInput, Generics, Ident};

use super::{impl_generics, responses};
use crate::ast::{Field, Input};
use crate::generics::{mentions_generic, mentions_type_param};
use crate::names::type_name;

/// `errors` and the fallback impls for `input`; `model` is what could be read of it (none for a
/// struct or union, which the derive rejects).
pub(crate) fn expand(
    input: &DeriveInput,
    model: Option<&Input>,
    errors: &syn::Error,
) -> TokenStream {
    let errors = errors.to_compile_error();
    let ident = &input.ident;
    let generics = &input.generics;
    let krate = model
        .and_then(|model| model.attrs.krate.clone())
        .unwrap_or_else(|| syn::parse_quote!(::swr_errors));
    let std_impls = match model {
        Some(model) => model
            .attrs
            .display
            .as_ref()
            .map_or(!model.uses_thiserror(), |lit| lit.value),
        None => !crate::attr::has_thiserror_attr(&input.attrs),
    };
    let kind = model.and_then(|model| model.kind_name().filter(|kind| kind != ident));

    let common = impls(ident, generics, std_impls, model.is_some());
    let from = model
        .map(|model| from_impls(model, generics))
        .unwrap_or_default();
    let kind_definition = kind
        .as_ref()
        .zip(model)
        .map(|(kind, model)| kind_definition(kind, model, &krate));
    let kind_impls = kind.as_ref().map(|kind| {
        let kind_common = impls(kind, &Generics::default(), true, true);
        let g = impl_generics(generics, &[]);
        let (ig, tg, wc) = (&g.impl_generics, &g.ty_generics, &g.where_clause);
        let vis = &input.vis;
        quote! {
            #kind_common

            #[automatically_derived]
            impl #krate::Kinded for #kind {
                type Kind = Self;
                fn kind(&self) -> Self {
                    *self
                }
            }

            #[automatically_derived]
            impl #ig #krate::Kinded for #ident #tg #wc {
                type Kind = #kind;
                fn kind(&self) -> #kind {
                    __swr::unreachable!()
                }
            }

            impl #ig #ident #tg #wc {
                /// Which variant this is, without its fields.
                #vis fn kind(&self) -> #kind {
                    __swr::unreachable!()
                }
            }
        }
    });
    let own_kind = model.is_some_and(Input::is_own_kind);
    let kind_impls = kind_impls.unwrap_or_else(|| without_kind_enum(input, &krate, own_kind));
    quote! {
        #errors
        #kind_definition

        #[allow(non_upper_case_globals, unused_qualifications, clippy::all, clippy::pedantic)]
        const _: () = {
            use #krate::__private as __swr;
            #common
            #from
            #kind_impls
        };
    }
}

/// `SwrError`, `Catalogue`, `FromStr`, `TryFrom<&str>`, with `std_impls` `Display` and `Error`,
/// and for an enum the framework impls (whose bounds would ask a struct or union for a `Debug`
/// it may not have), for `ident`.
fn impls(ident: &Ident, generics: &Generics, std_impls: bool, frameworks: bool) -> TokenStream {
    let g = impl_generics(generics, &[]);
    let (ig, tg, wc) = (&g.impl_generics, &g.ty_generics, &g.where_clause);
    // `Error` needs `Debug`, which the user derives or not: bound through a higher-ranked
    // predicate, which a type without `Debug` leaves unmet without an error of its own.
    let debug = quote!(for<'__swr> #ident #tg: __swr::fmt::Debug);
    let error_generics = impl_generics(generics, &[debug]);
    let std = std_impls.then(|| {
        let error_where = &error_generics.where_clause;
        quote! {
            #[automatically_derived]
            impl #ig __swr::fmt::Display for #ident #tg #wc {
                fn fmt(&self, _: &mut __swr::fmt::Formatter<'_>) -> __swr::fmt::Result {
                    __swr::unreachable!()
                }
            }

            #[automatically_derived]
            impl #ig __swr::Error for #ident #tg #error_where {}
        }
    });
    // `TryFrom<&str>` could overlap core's blanket impl through a `From<T>` of a type parameter;
    // a lifetime would need its own parameter list: kept to the plain case.
    let try_from = generics.params.is_empty().then(|| {
        quote! {
            #[automatically_derived]
            impl<'__swr_str> __swr::TryFrom<&'__swr_str __swr::str> for #ident {
                type Error = __swr::UnknownCode;
                fn try_from(_: &'__swr_str __swr::str) -> __swr::Result<Self, __swr::UnknownCode> {
                    __swr::unreachable!()
                }
            }
        }
    });
    let responses = frameworks.then(|| responses::expand(ident, generics));
    quote! {
        #[automatically_derived]
        impl #ig __swr::SwrError for #ident #tg #wc {
            fn code(&self) -> &'static __swr::str {
                __swr::unreachable!()
            }
            fn status(&self) -> __swr::u16 {
                __swr::unreachable!()
            }
            fn message(&self) -> __swr::Cow<'static, __swr::str> {
                __swr::unreachable!()
            }
        }

        #[automatically_derived]
        impl #ig __swr::Catalogue for #ident #tg #wc {
            const CODES: &'static [__swr::CodeInfo] = &[];
        }

        #[automatically_derived]
        impl #ig __swr::FromStr for #ident #tg #wc {
            type Err = __swr::UnknownCode;
            fn from_str(_: &__swr::str) -> __swr::Result<Self, __swr::UnknownCode> {
                __swr::unreachable!()
            }
        }

        #try_from
        #std
        #responses
    }
}

/// `From<Field>` for each transparent variant and each `#[swr(from)]` field of a one-field
/// variant, so that `?` still converts; a type written twice, or a type parameter (whose impl
/// could overlap another), gets none.
fn from_impls(model: &Input, generics: &Generics) -> TokenStream {
    let ident = model.ident;
    let g = impl_generics(generics, &[]);
    let (ig, tg, wc) = (&g.impl_generics, &g.ty_generics, &g.where_clause);
    let mut seen: Vec<String> = Vec::new();
    let mut out = TokenStream::new();
    for variant in &model.variants {
        let [field] = variant.fields.as_slice() else {
            continue;
        };
        let converts = variant.attrs.transparent.is_some() || field.attrs.from.is_some();
        if !converts || field.thiserror_from || mentions_type_param(field.ty, generics) {
            continue;
        }
        let written = type_name(field.ty);
        if seen.contains(&written) {
            continue;
        }
        seen.push(written);
        let ty = field.ty;
        out.extend(quote! {
            #[automatically_derived]
            impl #ig __swr::From<#ty> for #ident #tg #wc {
                fn from(_: #ty) -> Self {
                    __swr::unreachable!()
                }
            }
        });
    }
    out
}

/// The kind enum, beside the enum: a variant of the same name for each variant, carrying the
/// wrapped type's kind for a transparent variant around a concrete type.
fn kind_definition(kind: &Ident, model: &Input, krate: &syn::Path) -> TokenStream {
    let vis = model.vis;
    let variants = model.variants.iter().map(|variant| {
        let name = variant.ident;
        match variant.fields.as_slice() {
            [Field { ty, .. }]
                if variant.attrs.transparent.is_some() && !mentions_generic(ty, model.generics) =>
            {
                quote!(#name(<#ty as #krate::__private::KindOf>::Kind),)
            }
            _ => quote!(#name,),
        }
    });
    quote! {
        #[allow(non_camel_case_types, missing_docs, dead_code)]
        #[derive(
            ::core::clone::Clone,
            ::core::marker::Copy,
            ::core::fmt::Debug,
            ::core::cmp::PartialEq,
            ::core::cmp::Eq,
            ::core::hash::Hash,
        )]
        #vis enum #kind {
            #(#variants)*
        }
    }
}

/// Without a kind enum: `Kinded` with the enum as its kind for `kind = "Self"` (bound through a
/// higher-ranked predicate, as `Error` above, so that an enum missing `Copy`, `Eq`, `Hash` or
/// `Debug` gets no error of its own from it), and `KindOf` (none) otherwise.
fn without_kind_enum(input: &DeriveInput, krate: &syn::Path, own_kind: bool) -> TokenStream {
    let ident = &input.ident;
    let g = impl_generics(&input.generics, &[]);
    let (ig, tg, wc) = (&g.impl_generics, &g.ty_generics, &g.where_clause);
    if !own_kind {
        return quote! {
            #[automatically_derived]
            impl #ig __swr::KindOf for #ident #tg #wc {
                type Kind = __swr::NoKind;
            }
        };
    }
    // `'static`, as the trait asks of a kind.
    let bounds = [
        quote! {
            for<'__swr> #ident #tg: ::core::marker::Copy + ::core::cmp::Eq + ::core::hash::Hash + __swr::Error
        },
        quote!(#ident #tg: 'static),
    ];
    let g = impl_generics(&input.generics, &bounds);
    let wc = &g.where_clause;
    quote! {
        #[automatically_derived]
        impl #ig #krate::Kinded for #ident #tg #wc {
            type Kind = Self;
            fn kind(&self) -> Self {
                __swr::unreachable!()
            }
        }
    }
}
