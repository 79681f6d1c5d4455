//! `#[swr(kind)]`: the kind enum, `{Enum}Kind`, and `Kinded` for the enum (`err.kind()`).
//!
//! The kind enum has one variant per variant of the enum, of the same name: a unit variant for
//! each variant with a code of its own, and for each transparent variant one field, the kind of
//! the type it wraps. It is not derived by a second run of the macro: its impls are generated
//! here, in the enum's own block, from a model of the kind built out of the enum's checked model,
//! and they read the enum's tables (`__SWR_OWN`, and `__SWR_CODES` when it wraps other types). The kind adds
//! only what differs: its lookup by code (every variant is a unit variant now), `FromStr`,
//! `AllVariants`, and the `match`es of its transparent variants, if any.
//!
//! A kind has no fields to interpolate: its message is the variant's as written, placeholders and
//! all, which is the text `__SWR_OWN` holds.

use proc_macro2::TokenStream;
use quote::{quote, quote_spanned};
use syn::spanned::Spanned;
use syn::{Generics, Member, Type};

use super::{
    catalogue, display, impl_generics, located_at, lookup, pattern, responses, std_error, swr_error,
};
use crate::ast::{Field, Input, Variant};
use crate::attr::{EnumAttrs, FieldAttrs, VariantAttrs};
use crate::valid::{Checked, CheckedVariant, Kind, Message, Own};

/// The kind enum's definition, which goes beside the enum (outside the block, so that users can
/// name it); empty without `#[swr(kind)]`.
pub(super) fn definition(checked: &Checked) -> TokenStream {
    let Some(kind) = &checked.kind else {
        return TokenStream::new();
    };
    let krate = &checked.krate;
    let vis = checked.input.vis;
    let ident = checked.input.ident;
    let variants = checked.variants.iter().map(|variant| {
        let name = variant.ast.ident;
        match &variant.kind {
            Kind::Own(_) => quote!(#name,),
            Kind::Transparent(field) => {
                let kind_of = kind_of(krate, field.ty);
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
        unraw(ident)
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
        .map(|variant| unraw(variant.ast.ident));
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

/// `<Ty as Kinded>::Kind`, spanned on the wrapped type: a type without a kind is reported there.
fn kind_of(krate: &syn::Path, ty: &Type) -> TokenStream {
    quote_spanned!(located_at(ty.span())=> <#ty as #krate::Kinded>::Kind)
}

fn unraw(ident: &syn::Ident) -> String {
    ident.to_string().trim_start_matches("r#").to_owned()
}

/// The kind's impls and the enum's `Kinded`, for the enum's block; empty without `#[swr(kind)]`.
pub(super) fn impls(checked: &Checked) -> TokenStream {
    let Some(kind) = &checked.kind else {
        return TokenStream::new();
    };
    let krate = &checked.krate;

    // The kind's model: same variants, no fields but the wrapped kinds, every message static.
    let generics = Generics::default();
    let wrapped_kinds: Vec<Type> = checked
        .variants
        .iter()
        .map(|variant| match &variant.kind {
            Kind::Transparent(field) => {
                syn::parse2(kind_of(krate, field.ty)).unwrap_or_else(|_| field.ty.clone())
            }
            Kind::Own(_) => Type::Verbatim(TokenStream::new()),
        })
        .collect();
    let input = Input {
        ident: kind,
        vis: checked.input.vis,
        generics: &generics,
        attrs: EnumAttrs::default(),
        variants: checked
            .variants
            .iter()
            .zip(&wrapped_kinds)
            .map(|(variant, ty)| Variant {
                ident: variant.ast.ident,
                attrs: VariantAttrs::default(),
                thiserror: false,
                unit: matches!(variant.kind, Kind::Own(_)),
                fields: match variant.kind {
                    Kind::Own(_) => Vec::new(),
                    Kind::Transparent(_) => vec![Field {
                        member: Member::Unnamed(0.into()),
                        ty,
                        attrs: FieldAttrs::default(),
                        thiserror_from: false,
                    }],
                },
            })
            .collect(),
    };
    let variants = checked
        .variants
        .iter()
        .zip(&input.variants)
        .map(|(variant, ast)| CheckedVariant {
            ast,
            kind: match &variant.kind {
                Kind::Own(own) => Kind::Own(Own {
                    index: own.index,
                    code: own.code.clone(),
                    parsed: own.parsed.clone(),
                    status: own.status,
                    message: Message::Static(match &own.message {
                        Message::Static(text) => text.clone(),
                        Message::Format { raw, .. } => raw.clone(),
                    }),
                    retry: own.retry,
                    detail: None,
                    source: None,
                    from: None,
                }),
                Kind::Transparent(_) => Kind::Transparent(&ast.fields[0]),
            },
        })
        .collect();
    let model = Checked {
        input: &input,
        krate: krate.clone(),
        std_impls: true,
        variants,
        kind: None,
        is_kind: true,
        format: checked.format.clone(),
    };

    let swr_error = swr_error::expand(&model, checked);
    let display = display::expand(&model);
    let std_error = std_error::expand(&model);
    let lookup = lookup::expand(&model);
    let catalogue = catalogue::kind_impl(checked, kind);
    let responses = responses::expand(&model);
    let kinded = kinded(checked, kind);
    let debug = debug_impl(checked, kind);
    quote! {
        #debug
        #swr_error
        #display
        #std_error
        #lookup
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
                    quote!(#pat => #kind::#name(#krate::Kinded::kind(__swr_inner)),)
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
