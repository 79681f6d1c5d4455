//! `#[swr(kind)]`: the kind enum, `{Enum}Kind`, and `Kinded` for the enum (`err.kind()`);
//! `#[swr(kind = "Self")]`: `Kinded` with the enum as its own kind; without either, the enum's
//! `KindOf` (none), so that a kind enum wrapping it reports the missing kind once.
//!
//! The kind enum has one variant per variant of the enum, of the same name: a unit variant for
//! each variant with a code of its own, and for each transparent variant one field, the kind of
//! the type it wraps. It is not derived by a second run of the macro: its impls are written here,
//! in the enum's own block, from the enum's checked model, and they read the enum's tables
//! (`__SWR_OWN`, `__swr_find`, and `__SWR_CODES` when it wraps other types). The kind adds only
//! what differs: its lookup by code (every variant is a unit variant now), `FromStr`,
//! `AllVariants`, and the `match`es of its transparent variants, if any.
//!
//! A kind has no fields to interpolate: its message is the variant's as written, placeholders and
//! all, which is the text `__SWR_OWN` holds.

use proc_macro2::{Span, TokenStream};
use quote::{format_ident, quote, quote_spanned};
use syn::spanned::Spanned;
use syn::{Generics, Type};

use super::{catalogue, impl_generics, json, located_at, pattern, responses, table_row};
use crate::model::{Checked, Kind};
use crate::names::ident_name;

/// The kind enum's definition, which goes beside the enum (outside the block, so that users can
/// name it); empty without one.
pub(super) fn definition(checked: &Checked) -> TokenStream {
    let Some(kind) = &checked.kind else {
        return TokenStream::new();
    };
    let krate = &checked.krate;
    let private = quote!(#krate::__private);
    let vis = checked.input.vis;
    let ident = checked.input.ident;
    let variants = checked.variants.iter().map(|variant| {
        let name = variant.ast.ident;
        match &variant.kind {
            Kind::Own(_) => quote!(#name,),
            Kind::Transparent(field) => {
                let kind_of = kind_of(&private, field.ty);
                quote!(#name(#kind_of),)
            }
        }
    });
    // Fieldless, its `Debug` is generated in the block (see `debug_impl`).
    let debug = (!fieldless(checked)).then(|| quote!(::core::fmt::Debug,));
    let doc = format!(
        "The kind of [`{}`]: which variant an error is, without its fields, with the same codes \
         and statuses; each variant is the kind of the variant of the same name. Found by every \
         code of the enum (`from_code`, `FromStr`).",
        ident_name(ident)
    );
    quote! {
        #[doc = #doc]
        // Named after the user's names, whatever their case; documented as a whole, each variant
        // being the kind of the variant of the same name (a doc line each would cost a token
        // tree per variant in every build).
        #[allow(non_camel_case_types, missing_docs)]
        #[derive(
            ::core::clone::Clone,
            ::core::marker::Copy,
            #debug
            ::core::cmp::PartialEq,
            ::core::cmp::Eq,
            ::core::hash::Hash,
        )]
        #vis enum #kind {
            #(#variants)*
        }
    }
}

/// Whether the kind is a fieldless enum in table order: every variant of the enum has a code of
/// its own.
fn fieldless(checked: &Checked) -> bool {
    checked.transparent().next().is_none()
}

/// The kind's `Debug` when it is fieldless: the variant's name from a table, where the std derive
/// would write a `match` of one arm per variant; the same text (`ChartMissing`).
fn debug_impl(checked: &Checked, kind: &syn::Ident) -> TokenStream {
    if !fieldless(checked) {
        return TokenStream::new();
    }
    let names = checked
        .variants
        .iter()
        .map(|variant| ident_name(variant.ast.ident));
    let count = checked.variants.len();
    quote! {
        #[automatically_derived]
        impl __swr::fmt::Debug for #kind {
            fn fmt(&self, __formatter: &mut __swr::fmt::Formatter<'_>) -> __swr::fmt::Result {
                const __SWR_NAMES: [&__swr::str; #count] = [#(#names),*];
                __formatter.write_str(__SWR_NAMES[*self as __swr::usize])
            }
        }
    }
}

/// The wrapped type's kind, named through `KindOf` (see `__private::kind_of`), which every
/// derived enum implements: a type without a kind is reported once, by `kinded`, not by every item
/// that names the field.
/// `private` is the path to `__private` where the tokens go: the crate's outside the enum's
/// block, `__swr` inside.
fn kind_of(private: &TokenStream, ty: &Type) -> TokenStream {
    quote_spanned!(located_at(ty.span())=> <#ty as #private::KindOf>::Kind)
}

/// `#[swr(kind = "Self")]`: `Kinded` with the enum as its own kind (no inherent `kind()`: a value
/// of the enum is its kind already). Spanned on the `kind` key, where each derive the enum lacks (`Copy`, `Eq`, `Hash`, `Clone`)
/// is reported once, with rustc's `#[derive]` suggestion: `Clone::clone`, not `*self`, so that a
/// missing `Copy` adds no error of the borrow checker's.
fn itself(checked: &Checked) -> TokenStream {
    let krate = &checked.krate;
    let ident = checked.input.ident;
    let key = checked
        .input
        .attrs
        .kind
        .as_ref()
        .map(|attr| attr.key.span());
    let key = located_at(key.unwrap_or_else(Span::call_site));
    let kind = quote_spanned!(key=> Self);
    let copy = quote_spanned!(key=> ::core::clone::Clone::clone(self));
    let generics = impl_generics(checked.input.generics, &[]);
    let (impl_generics, ty_generics, where_clause) = (
        &generics.impl_generics,
        &generics.ty_generics,
        &generics.where_clause,
    );
    quote! {
        #[automatically_derived]
        impl #impl_generics #krate::Kinded for #ident #ty_generics #where_clause {
            type Kind = #kind;

            #[inline]
            fn kind(&self) -> Self {
                #copy
            }
        }
    }
}

/// `KindOf` of an enum without `#[swr(kind)]`: none, so that a kind enum wrapping it reports the
/// missing kind once.
fn no_kind(checked: &Checked) -> TokenStream {
    let ident = checked.input.ident;
    let generics = impl_generics(checked.input.generics, &[]);
    let (impl_generics, ty_generics, where_clause) = (
        &generics.impl_generics,
        &generics.ty_generics,
        &generics.where_clause,
    );
    quote! {
        #[automatically_derived]
        impl #impl_generics __swr::KindOf for #ident #ty_generics #where_clause {
            type Kind = __swr::NoKind;
        }
    }
}

/// The kind's impls and the enum's `Kinded`, for the enum's block; for an enum that is its own
/// kind, its `Kinded`; for one without a kind, its `KindOf` (none).
/// Written here from the enum's checked model: the kind reads the enum's tables (`__SWR_OWN`,
/// `__swr_find`) and adds only its own `match`es.
pub(super) fn impls(checked: &Checked) -> TokenStream {
    let Some(kind) = &checked.kind else {
        return if checked.input.is_own_kind() {
            itself(checked)
        } else {
            no_kind(checked)
        };
    };
    let krate = &checked.krate;
    let fieldless = fieldless(checked);
    let inner = format_ident!("__swr_inner");

    // Where a kind's data lives: its row of `__SWR_OWN`, by position (the cast, when fieldless),
    // or the wrapped kind.
    let dispatch = if fieldless {
        quote! {
            #[automatically_derived]
            impl __swr::Indexed for #kind {
                #[inline]
                fn index(&self) -> __swr::usize {
                    *self as __swr::usize
                }
            }
        }
    } else {
        let arms = checked.variants.iter().map(|variant| {
            let name = variant.ast.ident;
            match &variant.kind {
                Kind::Own(own) => {
                    let index = own.index;
                    quote!(#kind::#name => __swr::Slot::Own(#index),)
                }
                Kind::Transparent(_) => quote!(#kind::#name(#inner) => __swr::Slot::Inner(#inner),),
            }
        });
        quote! {
            #[automatically_derived]
            impl __swr::Slotted for #kind {
                #[inline]
                fn slot(&self) -> __swr::Slot<'_> {
                    match self {
                        #(#arms)*
                    }
                }
            }
        }
    };
    let code = table_row(fieldless, quote!(code), quote!(code()));
    let status = table_row(fieldless, quote!(status), quote!(status()));
    let retry = table_row(fieldless, quote!(retry), quote!(retry_kind()));
    let message = if fieldless {
        quote!(__swr::Cow::Borrowed(
            __SWR_OWN[__swr::Indexed::index(self)].message
        ))
    } else {
        quote! {
            match __swr::Slotted::slot(self) {
                __swr::Slot::Own(index) => __swr::Cow::Borrowed(__SWR_OWN[index].message),
                __swr::Slot::Inner(inner) => inner.message(),
            }
        }
    };
    let detail = (!fieldless).then(|| {
        quote! {
            fn detail(&self) -> __swr::Option<__swr::Cow<'_, __swr::str>> {
                match __swr::Slotted::slot(self) {
                    __swr::Slot::Own(_) => __swr::None,
                    __swr::Slot::Inner(inner) => inner.detail(),
                }
            }
        }
    });
    // The enum's fixed body format, or, without one, that of the kind a transparent variant wraps.
    let body_format = match &checked.format {
        Some(format) => Some(quote! {
            #[inline]
            fn body_format(&self) -> __swr::Option<__swr::BodyFormat> {
                __swr::Some(__swr::BodyFormat::#format)
            }
        }),
        None => (!fieldless).then(|| {
            quote! {
                fn body_format(&self) -> __swr::Option<__swr::BodyFormat> {
                    match __swr::Slotted::slot(self) {
                        __swr::Slot::Own(_) => __swr::None,
                        __swr::Slot::Inner(inner) => inner.body_format(),
                    }
                }
            }
        }),
    };
    let from_code = from_code(checked, kind);
    let write_json = json::kind_write_json_method(checked);
    let names = checked
        .variants
        .iter()
        .filter(|variant| matches!(variant.kind, Kind::Own(_)));
    let all_variants = fieldless.then(|| {
        let names = names.map(|variant| variant.ast.ident);
        quote! {
            #[automatically_derived]
            impl __swr::AllVariants for #kind {
                const ALL: &'static [Self] = &[#(Self::#names),*];
            }
        }
    });
    let catalogue = catalogue::kind_impl(checked, kind);
    let responses = responses::expand(kind, &Generics::default());
    let kinded = kinded(checked, kind);
    let debug = debug_impl(checked, kind);
    quote! {
        #debug
        #dispatch

        #[automatically_derived]
        impl __swr::SwrError for #kind {
            #[inline]
            fn code(&self) -> &'static __swr::str {
                #code
            }

            #[inline]
            fn status(&self) -> __swr::u16 {
                #status
            }

            #[inline]
            fn retry_kind(&self) -> __swr::Option<__swr::RetryKind> {
                #retry
            }

            #[inline]
            fn message(&self) -> __swr::Cow<'static, __swr::str> {
                #message
            }

            #detail
            #body_format
            #from_code
            #write_json

            #[inline]
            fn as_error(&self) -> __swr::Option<&dyn __swr::Error> {
                __swr::Some(self)
            }
        }

        // A kind carries no source: its message is all there is to show.
        #[automatically_derived]
        impl __swr::fmt::Display for #kind {
            fn fmt(&self, __formatter: &mut __swr::fmt::Formatter<'_>) -> __swr::fmt::Result {
                __formatter.write_str(&__swr::SwrError::message(self))
            }
        }

        #[automatically_derived]
        impl __swr::Error for #kind {}

        #[automatically_derived]
        impl __swr::FromStr for #kind {
            type Err = __swr::UnknownCode;

            fn from_str(__swr_code: &__swr::str) -> __swr::Result<Self, __swr::UnknownCode> {
                <Self as __swr::SwrError>::from_code(__swr_code)
                    .ok_or_else(|| __swr::unknown_code(__swr_code))
            }
        }

        #[automatically_derived]
        impl<'__swr_str> __swr::TryFrom<&'__swr_str __swr::str> for #kind {
            type Error = __swr::UnknownCode;

            fn try_from(__swr_code: &'__swr_str __swr::str) -> __swr::Result<Self, __swr::UnknownCode> {
                <Self as __swr::FromStr>::from_str(__swr_code)
            }
        }

        #all_variants
        #catalogue
        #responses

        #[automatically_derived]
        impl #krate::Kinded for #kind {
            type Kind = Self;

            #[inline]
            fn kind(&self) -> Self {
                *self
            }
        }

        #kinded
    }
}

/// The kind's `from_code`: every own variant is found by `__swr_find` (a fieldless kind takes it
/// from `ALL` at the position found), then each wrapped kind is asked.
fn from_code(checked: &Checked, kind: &syn::Ident) -> TokenStream {
    let own = checked.own().next().is_some().then(|| {
        if fieldless(checked) {
            return quote! {
                if let __swr::Some(__swr_index) = __swr_find(__swr_code) {
                    return __swr::Some(<Self as __swr::AllVariants>::ALL[__swr_index]);
                }
            };
        }
        let arms = checked.own().map(|(variant, own)| {
            let (name, index) = (variant.ast.ident, own.index);
            quote!(#index => return __swr::Some(#kind::#name),)
        });
        quote! {
            if let __swr::Some(__swr_index) = __swr_find(__swr_code) {
                match __swr_index { #(#arms)* _ => {} }
            }
        }
    });
    let inner = checked.transparent().map(|(variant, field)| {
        let name = variant.ast.ident;
        let kind_of = kind_of(&quote!(__swr), field.ty);
        quote! {
            if let __swr::Some(__swr_inner) = <#kind_of as __swr::SwrError>::from_code(__swr_code) {
                return __swr::Some(#kind::#name(__swr_inner));
            }
        }
    });
    quote! {
        fn from_code(__swr_code: &__swr::str) -> __swr::Option<Self> {
            #own
            #(#inner)*
            __swr::None
        }
    }
}

/// `Kinded` for the enum, and the inherent `kind()` that saves users the trait's import.
fn kinded(checked: &Checked, kind: &syn::Ident) -> TokenStream {
    let krate = &checked.krate;
    let ident = checked.input.ident;
    let vis = checked.input.vis;
    let generics = impl_generics(checked.input.generics, &[]);
    let (impl_generics, ty_generics, where_clause) = (
        &generics.impl_generics,
        &generics.ty_generics,
        &generics.where_clause,
    );
    let body = if checked.transparent().next().is_none() {
        // Both enums list the variants in the same order: the position is the kind's index.
        quote!(<#kind as __swr::AllVariants>::ALL[__swr::Indexed::index(self)])
    } else {
        let arms = checked.variants.iter().map(|variant| {
            let name = variant.ast.ident;
            match &variant.kind {
                Kind::Own(_) => quote!(Self::#name { .. } => #kind::#name,),
                Kind::Transparent(field) => {
                    let pat = pattern(name, [(&field.member, quote::format_ident!("__swr_inner"))]);
                    // The one place the wrapped type's `Kinded` is required, on its span.
                    let kind_of = quote_spanned!(located_at(field.ty.span())=>
                        __swr::kind_of(__swr_inner));
                    quote!(#pat => #kind::#name(#kind_of),)
                }
            }
        });
        quote!(match self { #(#arms)* })
    };
    quote! {
        #[automatically_derived]
        impl #impl_generics #krate::Kinded for #ident #ty_generics #where_clause {
            type Kind = #kind;

            #[inline]
            fn kind(&self) -> #kind {
                #body
            }
        }

        impl #impl_generics #ident #ty_generics #where_clause {
            /// Which variant this is, without its fields: its kind, with the same code and status.
            #[inline]
            #vis fn kind(&self) -> #kind {
                <Self as #krate::Kinded>::kind(self)
            }
        }
    }
}
