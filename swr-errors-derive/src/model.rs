//! The checked model: an enum that passed validation, holding only values the expansion can use
//! as they are. [`crate::valid`] builds it; [`crate::expand`] reads it.

use proc_macro2::Span;

use crate::ast::{Field, Input, Variant};
use crate::message::{FieldRef, Template};
use crate::scheme::Code;

/// An enum that passed every check.
pub(crate) struct Checked<'a> {
    pub input: &'a Input<'a>,
    /// The path to the `swr-errors` crate.
    pub krate: syn::Path,
    /// Whether to generate `Display` and `std::error::Error` (off for thiserror users).
    pub std_impls: bool,
    pub variants: Vec<CheckedVariant<'a>>,
    /// `#[swr(kind)]`: the name of the kind enum to generate.
    pub kind: Option<syn::Ident>,
    /// `#[swr(format = "...")]`: the `BodyFormat` variant every response of the enum is in.
    pub format: Option<syn::Ident>,
}

impl<'a> Checked<'a> {
    /// The variants with codes of their own, with their data.
    pub(crate) fn own(&self) -> impl Iterator<Item = (&CheckedVariant<'a>, &Own<'a>)> {
        self.variants
            .iter()
            .filter_map(|variant| match &variant.kind {
                Kind::Own(own) => Some((variant, own)),
                Kind::Transparent(_) => None,
            })
    }

    /// The transparent variants, with the field each wraps.
    pub(crate) fn transparent(&self) -> impl Iterator<Item = (&CheckedVariant<'a>, &'a Field<'a>)> {
        self.variants
            .iter()
            .filter_map(|variant| match &variant.kind {
                Kind::Transparent(field) => Some((variant, *field)),
                Kind::Own(_) => None,
            })
    }

    /// Whether the enum has type, lifetime or const parameters.
    pub(crate) fn is_generic(&self) -> bool {
        !self.input.generics.params.is_empty()
    }
}

pub(crate) struct CheckedVariant<'a> {
    pub ast: &'a Variant<'a>,
    pub kind: Kind<'a>,
}

pub(crate) enum Kind<'a> {
    /// A variant with a code of its own; `index` is its position among such variants.
    Own(Own<'a>),
    /// `#[swr(transparent)]`: everything comes from the one field.
    Transparent(&'a Field<'a>),
}

pub(crate) struct Own<'a> {
    pub index: usize,
    pub code: String,
    /// The code split for the lookup.
    pub parsed: Code,
    pub status: u16,
    pub message: Message<'a>,
    pub retry: Option<RetryKind>,
    pub detail: Option<&'a Field<'a>>,
    pub source: Option<&'a Field<'a>>,
    /// The `#[swr(from)]` field: `From<its type>` builds the variant.
    pub from: Option<&'a Field<'a>>,
}

pub(crate) enum Message<'a> {
    /// Text without placeholders, braces unescaped.
    Static(String),
    /// A template that reads fields: the `format!` string is built from it.
    Format {
        template: Template,
        /// The template as written, for `Catalogue::CODES`.
        raw: String,
        span: Span,
        fields: Vec<(FieldRef, &'a Field<'a>)>,
    },
}

impl Message<'_> {
    /// The text of the table row: the message, or the template as written.
    pub(crate) fn text(&self) -> &str {
        match self {
            Message::Static(text) => text,
            Message::Format { raw, .. } => raw,
        }
    }
}

/// The retry kinds the `retry = "..."` key accepts, as named in `swr_errors::RetryKind`.
#[derive(Clone, Copy)]
pub(crate) enum RetryKind {
    Throttled,
    Busy,
    ServerError,
}

impl RetryKind {
    pub(crate) const NAMES: [(&'static str, RetryKind); 3] = [
        ("throttled", RetryKind::Throttled),
        ("busy", RetryKind::Busy),
        ("server_error", RetryKind::ServerError),
    ];

    /// The number a table row holds for the kind, as `swr_errors::__private::code_table` reads
    /// it (`0` is none).
    pub(crate) fn row_number(self) -> u8 {
        match self {
            RetryKind::Throttled => 1,
            RetryKind::Busy => 2,
            RetryKind::ServerError => 3,
        }
    }
}
