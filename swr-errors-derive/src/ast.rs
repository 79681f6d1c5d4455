//! The derive's own model of its input: the enum, its variants and fields, with their
//! `#[swr(...)]` attributes parsed. Nothing here judges the values; [`crate::valid`] does.

use syn::{Data, DeriveInput, Generics, Ident, Member, Type, Visibility};

use crate::attr::{self, EnumAttrs, FieldAttrs, VariantAttrs};
use crate::errors::Errors;
use crate::quick_attrs;

/// The enum being derived.
pub(crate) struct Input<'a> {
    pub ident: &'a Ident,
    pub vis: &'a Visibility,
    pub generics: &'a Generics,
    pub attrs: EnumAttrs,
    pub variants: Vec<Variant<'a>>,
}

/// One variant.
pub(crate) struct Variant<'a> {
    pub ident: &'a Ident,
    pub attrs: VariantAttrs,
    pub fields: Vec<Field<'a>>,
    /// Whether the variant is written without braces or parentheses (`A`, not `A {}` or `A()`):
    /// only then is its bare path a pattern and a value.
    pub unit: bool,
    /// Whether the variant carries thiserror's `#[error(...)]`.
    pub thiserror: bool,
}

/// One field of a variant, named (`tag`) or positional (`0`).
pub(crate) struct Field<'a> {
    pub member: Member,
    pub ty: &'a Type,
    pub attrs: FieldAttrs,
    /// Whether thiserror's `#[from]` sits on the field: thiserror then writes `From` itself.
    pub thiserror_from: bool,
}

impl<'a> Input<'a> {
    /// Reads `input`. A struct or union is an error; attribute mistakes go to `errors` and the
    /// model keeps whatever could be read.
    pub(crate) fn from_syn(input: &'a DeriveInput, errors: &mut Errors) -> syn::Result<Input<'a>> {
        let data = match &input.data {
            Data::Enum(data) => data,
            Data::Struct(data) => return Err(not_an_enum(data.struct_token, "a struct")),
            Data::Union(data) => return Err(not_an_enum(data.union_token, "a union")),
        };
        let attrs = attr::enum_attrs(&input.attrs, errors);
        let variants = data
            .variants
            .iter()
            .map(|variant| Variant {
                ident: &variant.ident,
                // The common, well-formed form by the fast reader; anything else by the general
                // one, which reports every mistake.
                attrs: quick_attrs::variant_attrs(&variant.attrs)
                    .unwrap_or_else(|| attr::variant_attrs(&variant.attrs, errors)),
                thiserror: attr::has_thiserror_attr(&variant.attrs),
                unit: matches!(variant.fields, syn::Fields::Unit),
                fields: variant
                    .fields
                    .iter()
                    .enumerate()
                    .map(|(index, field)| Field {
                        member: match &field.ident {
                            Some(ident) => Member::Named(ident.clone()),
                            None => Member::Unnamed(index.into()),
                        },
                        ty: &field.ty,
                        attrs: attr::field_attrs(&field.attrs, errors),
                        thiserror_from: field.attrs.iter().any(|attr| attr.path().is_ident("from")),
                    })
                    .collect(),
            })
            .collect();
        Ok(Input {
            ident: &input.ident,
            vis: &input.vis,
            generics: &input.generics,
            attrs,
            variants,
        })
    }

    /// `#[swr(kind)]`: the name of the kind enum, `{Enum}Kind` unless given; none for an enum that
    /// is its own kind.
    pub(crate) fn kind_name(&self) -> Option<Ident> {
        let attr = self.attrs.kind.as_ref().filter(|attr| !attr.itself)?;
        Some(match &attr.name {
            Some(name) => name.clone(),
            None => Ident::new(
                &format!("{}Kind", crate::names::ident_name(self.ident)),
                self.ident.span(),
            ),
        })
    }

    /// `#[swr(kind = "Self")]`: the enum is its own kind.
    pub(crate) fn is_own_kind(&self) -> bool {
        self.attrs.kind.as_ref().is_some_and(|attr| attr.itself)
    }

    /// Whether any variant carries thiserror's `#[error]`, or the enum itself does.
    pub(crate) fn uses_thiserror(&self) -> bool {
        self.attrs.thiserror || self.variants.iter().any(|variant| variant.thiserror)
    }
}

fn not_an_enum(keyword: impl quote::ToTokens, what: &str) -> syn::Error {
    syn::Error::new_spanned(
        keyword,
        format!(
            "`#[derive(SwrError)]` supports only enums, one variant per error code; this is {what}"
        ),
    )
}

impl Field<'_> {
    /// The field's name as written in a message placeholder (`tag`, or `0` for a tuple field).
    pub(crate) fn name(&self) -> String {
        match &self.member {
            Member::Named(ident) => crate::names::ident_name(ident),
            Member::Unnamed(index) => index.index.to_string(),
        }
    }
}
