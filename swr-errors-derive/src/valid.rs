//! Validation: checks the whole [`ast`](crate::ast) model, records every mistake, and turns a
//! sound model into the checked model of [`crate::model`].

use std::collections::HashMap;

use proc_macro2::Span;
use quote::ToTokens;

use crate::ast::{Field, Input, Variant};
use crate::attr::Str;
use crate::errors::Errors;
use crate::generics::{first_named, Params};
use crate::keys::{self, Key};
use crate::message::Template;
use crate::model::{Checked, CheckedVariant, Kind, Message, Own, RetryKind};
use crate::names::{ident_name, is_stock, type_name};
use crate::scheme::{Code, Scheme};

/// Runs every check over `input`; `Ok` only when none failed (and `errors` was empty).
pub(crate) fn validate<'a>(input: &'a Input<'a>, mut errors: Errors) -> syn::Result<Checked<'a>> {
    if input.variants.is_empty() {
        errors.spanned(
            input.ident,
            "an enum deriving SwrError needs at least one variant: each variant is one error code",
        );
    }
    let mut own_index = 0;
    let mut variants = Vec::new();
    // Every valid code of a variant of its own, also of one that fails another check: read once
    // (a literal's value is parsed anew on every read), for the duplicate check.
    let mut codes = Vec::new();
    let scheme = check_scheme(input, &mut errors);
    for variant in &input.variants {
        let kind = if variant.attrs.transparent.is_some() {
            check_transparent(variant, &mut errors).map(Kind::Transparent)
        } else {
            let own = check_own(variant, own_index, scheme, &mut errors, &mut codes);
            own_index += 1;
            own.map(Kind::Own)
        };
        if let Some(kind) = kind {
            variants.push(CheckedVariant { ast: variant, kind });
        }
    }
    check_duplicate_codes(&codes, &mut errors);
    check_stock_codes(input, &mut errors);
    check_duplicate_from(&variants, &mut errors);
    check_generic_from(input, &variants, &mut errors);
    let kind = check_kind(input, &mut errors);
    let format = check_format(input, &mut errors);
    errors.finish()?;
    Ok(Checked {
        input,
        krate: input
            .attrs
            .krate
            .clone()
            .unwrap_or_else(|| syn::parse_quote!(::swr_errors)),
        // An explicit `display = ...` decides; without it, thiserror's `#[error]` turns ours off.
        std_impls: match &input.attrs.display {
            Some(lit) => lit.value,
            None => !input.uses_thiserror(),
        },
        variants,
        kind,
        format,
    })
}

/// `#[swr(format = "...")]`: one of the body formats' names, as `BodyFormat`'s `FromStr` reads
/// them (lower case here: the attribute is code, not user input).
fn check_format(input: &Input, errors: &mut Errors) -> Option<syn::Ident> {
    const FORMATS: [(&str, &str); 4] = [
        ("legacy", "Legacy"),
        ("dual", "Dual"),
        ("problem", "Problem"),
        ("oci", "Oci"),
    ];
    let lit = input.attrs.format.as_ref()?;
    match FORMATS.iter().find(|(name, _)| *name == lit.value) {
        Some((_, variant)) => Some(syn::Ident::new(variant, lit.span())),
        None => {
            errors.spanned(
                lit,
                format!(
                    "`format` names the body format of every response of the enum: \
                     \"oci\", \"legacy\", \"dual\" or \"problem\"; `{}` is none of them",
                    lit.value
                ),
            );
            None
        }
    }
}

/// `#[swr(kind)]`: the kind enum's name (`{Enum}Kind` unless given), which must differ from the
/// enum's; and no transparent variant may wrap a type that names a generic parameter, since the
/// kind enum has none.
fn check_kind(input: &Input, errors: &mut Errors) -> Option<syn::Ident> {
    let attr = input.attrs.kind.as_ref()?;
    if attr.itself {
        check_own_kind(input, errors);
        return None;
    }
    let name = input.kind_name()?;
    if name == *input.ident {
        let at: &dyn ToTokens = match &attr.name {
            Some(name) => name,
            None => &attr.key,
        };
        // An enum without fields may have meant to be its own kind.
        let own = if input
            .variants
            .iter()
            .all(|variant| variant.fields.is_empty())
        {
            ", or `kind = \"Self\"` for the enum to be its own kind"
        } else {
            ""
        };
        errors.spanned(
            at,
            format!(
                "the kind enum needs a name of its own: `{name}` is the enum's; try `{name}Kind`{own}"
            ),
        );
    }
    for variant in &input.variants {
        if variant.attrs.transparent.is_none() {
            continue;
        }
        if let [field] = variant.fields.as_slice() {
            if let Some(param) = first_named(field.ty, input.generics, Params::All) {
                errors.spanned(
                    field.ty,
                    format!(
                        "#[swr(kind)]: the kind enum has no generic parameters, so `{}` cannot carry the kind of `{}`, which names `{param}`; wrap a concrete type, or drop `kind`",
                        variant.ident,
                        type_name(field.ty)
                    ),
                );
            }
        }
    }
    Some(name)
}

/// `#[swr(kind = "Self")]`: a kind names a variant without fields, so every variant must be a
/// unit variant (a transparent one has its field).
fn check_own_kind(input: &Input, errors: &mut Errors) {
    for variant in &input.variants {
        if let Some(field) = variant.fields.first() {
            errors.spanned(
                field.ty,
                format!(
                    "#[swr(kind = \"Self\")]: the enum is its own kind, and a kind carries no fields, but `{}` has one; use `#[swr(kind)]` for a kind enum beside it",
                    variant.ident
                ),
            );
        }
    }
}

fn check_transparent<'a>(variant: &'a Variant<'a>, errors: &mut Errors) -> Option<&'a Field<'a>> {
    let attrs = &variant.attrs;
    let own_keys = [
        (keys::CODE, attrs.code.as_ref().map(Str::span)),
        (keys::STATUS, attrs.status.as_ref().map(syn::LitInt::span)),
        (keys::MESSAGE, attrs.message.as_ref().map(Str::span)),
        (keys::RETRY, attrs.retry.as_ref().map(Str::span)),
    ];
    for (key, span) in own_keys {
        if let Some(span) = span {
            errors.at(
                span,
                format!(
                    "a transparent variant takes its {key} from the field it wraps; remove `{key}`"
                ),
            );
        }
    }
    for field in &variant.fields {
        for (key, path) in [
            (keys::SOURCE, &field.attrs.source),
            (keys::DETAIL, &field.attrs.detail),
        ] {
            if let Some(path) = path {
                errors.spanned(
                    path,
                    format!("a transparent variant forwards `{key}` from the field it wraps; remove #[swr({key})]"),
                );
            }
        }
        if let Some(path) = &field.attrs.from {
            errors.spanned(
                path,
                format!("a transparent variant already converts from the field it wraps (`From<{}>`); remove #[swr({})]", type_name(field.ty), keys::FROM),
            );
        }
    }
    match variant.fields.as_slice() {
        [field] => Some(field),
        fields => {
            errors.spanned(
                variant.ident,
                format!(
                    "a transparent variant wraps exactly one field (a type that implements SwrError); `{}` has {}",
                    variant.ident,
                    fields.len()
                ),
            );
            None
        }
    }
}

/// The checks of a variant of its own (not transparent); its code, when valid, is also added to
/// `codes` (with the variant and the literal's span), whatever else fails.
fn check_own<'a>(
    variant: &'a Variant<'a>,
    index: usize,
    scheme: Option<Scheme>,
    errors: &mut Errors,
    codes: &mut Vec<(&'a syn::Ident, Span, &'a str)>,
) -> Option<Own<'a>> {
    let attrs = &variant.attrs;
    let ident = variant.ident;
    let code = match &attrs.code {
        Some(lit) => scheme
            .and_then(|scheme| check_code(lit, scheme, errors))
            .inspect(|_| {
                codes.push((ident, lit.span(), &lit.value));
            }),
        None => {
            if !attrs.seen.contains(&keys::CODE) {
                errors.spanned(
                    ident,
                    format!(
                        "`{ident}` needs a code: #[swr(code = \"{}\", status = 404)]",
                        scheme.unwrap_or(Scheme::Svcstg).example()
                    ),
                );
            }
            None
        }
    };
    let status = match &attrs.status {
        Some(lit) => check_status(lit, code.as_ref().map(|(_, parsed)| parsed), errors),
        None => {
            if !attrs.seen.contains(&keys::STATUS) {
                errors.spanned(
                    ident,
                    format!("`{ident}` needs a status: #[swr(status = 404)]"),
                );
            }
            None
        }
    };
    let message = check_message(variant, errors);
    let retry = attrs
        .retry
        .as_ref()
        .and_then(|lit| check_retry(lit, errors));
    let detail = single_marked(
        variant,
        keys::DETAIL,
        |field| field.attrs.detail.as_ref(),
        errors,
    );
    // A `from` field is the source: thiserror's `#[from]` means the same.
    let source = single_marked(
        variant,
        keys::SOURCE,
        |field| field.attrs.source.as_ref().or(field.attrs.from.as_ref()),
        errors,
    );
    let from = check_from(variant, errors);
    let ((code, parsed), status, message) = (code?, status?, message?);
    let retry = if attrs.retry.is_some() {
        Some(retry?)
    } else {
        None
    };
    Some(Own {
        index,
        code,
        parsed,
        status,
        message,
        retry,
        detail: detail?,
        source: source?,
        from: from?,
    })
}

/// `#[swr(codes = "...")]`: the enum's code scheme, `svcstg` unless given; `None` (and an error
/// at the value) when the value names none or is no string, and then no code is checked against
/// a grammar.
fn check_scheme(input: &Input, errors: &mut Errors) -> Option<Scheme> {
    let Some(lit) = &input.attrs.codes else {
        return (!input.attrs.codes_written).then_some(Scheme::Svcstg);
    };
    Scheme::from_name(&lit.value)
        .map_err(|why| errors.spanned(lit, why))
        .ok()
}

fn check_code(lit: &Str, scheme: Scheme, errors: &mut Errors) -> Option<(String, Code)> {
    let text = lit.value.clone();
    match scheme.check(&text) {
        Ok(parsed) => Some((text, parsed)),
        Err(why) => {
            errors.spanned(lit, why);
            None
        }
    }
}

fn check_status(lit: &syn::LitInt, code: Option<&Code>, errors: &mut Errors) -> Option<u16> {
    let status = match lit.base10_parse::<u16>() {
        Ok(status) if (400..=599).contains(&status) => status,
        _ => {
            errors.spanned(
                lit,
                format!("status {} is not an error status: use 400 to 599 (4xx client, 5xx server errors)", lit.base10_digits()),
            );
            return None;
        }
    };
    if let Some(carried) = code.and_then(|code| code.status) {
        if carried != u32::from(status) {
            errors.spanned(
                lit,
                format!(
                    "status {status} disagrees with the code, whose first three digits say {carried}"
                ),
            );
            return None;
        }
    }
    Some(status)
}

fn check_message<'a>(variant: &'a Variant<'a>, errors: &mut Errors) -> Option<Message<'a>> {
    let ident = variant.ident;
    let Some(lit) = &variant.attrs.message else {
        if variant.attrs.seen.contains(&keys::MESSAGE) {
            return None;
        }
        return match &variant.attrs.doc {
            // A doc comment is prose: taken verbatim, braces and all, never interpolated.
            Some(doc) => Some(Message::Static(doc.text.clone())),
            None if variant.attrs.doc_macro.is_some() => {
                errors.spanned(
                    &variant.attrs.doc_macro,
                    format!("`{ident}` needs a message: the derive cannot read a doc comment written with a macro; add `message = \"...\"` to #[swr(...)]"),
                );
                None
            }
            None => {
                errors.spanned(
                    ident,
                    format!("`{ident}` needs a message: add `message = \"...\"` to #[swr(...)] or a doc comment"),
                );
                None
            }
        };
    };
    // A client shows this text: an empty one is a mistake, as a blank doc comment is.
    if lit.value.trim().is_empty() {
        errors.spanned(
            lit,
            format!("`{ident}` has an empty message: write the text a client shows, or leave `message` out and use a doc comment"),
        );
        return None;
    }
    let mut problems = Vec::new();
    let template = Template::parse(&lit.value, &mut problems);
    let malformed = !problems.is_empty();
    for why in problems {
        errors.spanned(lit, why);
    }
    if let Some(text) = template.as_static() {
        return (!malformed).then_some(Message::Static(text));
    }
    let mut fields = Vec::new();
    for wanted in template.fields() {
        let name = wanted.to_string();
        match variant.fields.iter().find(|field| field.name() == name) {
            Some(field) => fields.push((wanted.clone(), field)),
            None => errors.spanned(
                lit,
                format!(
                    "the message reads `{{{name}}}`, but `{ident}` has no field `{name}`; {}",
                    fields_it_has(variant)
                ),
            ),
        }
    }
    // The well-formed placeholders are checked too, so that one build reports every mistake.
    if malformed || fields.len() != template.fields().len() {
        return None;
    }
    Some(Message::Format {
        template,
        raw: lit.value.clone(),
        span: lit.span(),
        fields,
    })
}

/// "its fields are `repo`, `tag`", "its fields are `{0}`, `{1}`", or "it has no fields".
fn fields_it_has(variant: &Variant) -> String {
    if variant.fields.is_empty() {
        return "it has no fields".to_owned();
    }
    let names: Vec<String> = variant
        .fields
        .iter()
        .map(|field| match field.member {
            syn::Member::Named(_) => format!("`{}`", field.name()),
            syn::Member::Unnamed(_) => format!("`{{{}}}`", field.name()),
        })
        .collect();
    match names.as_slice() {
        [one] => format!("its one field is {one}"),
        _ => format!("its fields are {}", names.join(", ")),
    }
}

fn check_retry(lit: &Str, errors: &mut Errors) -> Option<RetryKind> {
    let value = &lit.value;
    if let Some((_, kind)) = RetryKind::NAMES.iter().find(|(name, _)| name == value) {
        return Some(*kind);
    }
    let names: Vec<String> = RetryKind::NAMES
        .iter()
        .map(|(name, _)| format!("`{name}`"))
        .collect();
    errors.spanned(
        lit,
        format!(
            "unknown retry kind `{value}`; expected one of {}",
            names.join(", ")
        ),
    );
    None
}

/// The `#[swr(from)]` field, if any; an error (and `None`) at every other field of its variant,
/// since `From<Field>` could not fill them.
fn check_from<'a>(variant: &'a Variant<'a>, errors: &mut Errors) -> Option<Option<&'a Field<'a>>> {
    let Some(field) = variant
        .fields
        .iter()
        .find(|field| field.attrs.from.is_some())
    else {
        return Some(None);
    };
    let mut ok = true;
    for other in variant
        .fields
        .iter()
        .filter(|other| other.member != field.member)
    {
        ok = false;
        let what = match &other.member {
            syn::Member::Named(ident) => {
                format!("field `{}`", ident_name(ident))
            }
            syn::Member::Unnamed(index) => format!("field {}", index.index),
        };
        let at: &dyn ToTokens = match &other.member {
            syn::Member::Named(ident) => ident,
            syn::Member::Unnamed(_) => other.ty,
        };
        errors.spanned(
            at,
            format!(
                "`{}` has #[swr({})] on `{}`, so it may have no other field: `From<{}>` could not fill {what}",
                variant.ident,
                keys::FROM,
                field.name(),
                type_name(field.ty),
            ),
        );
    }
    ok.then_some(Some(field))
}

/// The one field marked with `key`, if any; an error (and `None`) when two are.
fn single_marked<'a>(
    variant: &'a Variant<'a>,
    key: Key,
    marker: impl Fn(&'a Field<'a>) -> Option<&'a syn::Path>,
    errors: &mut Errors,
) -> Option<Option<&'a Field<'a>>> {
    let mut marked = variant
        .fields
        .iter()
        .filter(|field| marker(field).is_some());
    let first = marked.next();
    let mut ok = true;
    for extra in marked {
        ok = false;
        if let Some(path) = marker(extra) {
            errors.spanned(
                path,
                format!(
                    "`{}` has two #[swr({key})] fields; mark only one",
                    variant.ident
                ),
            );
        }
    }
    ok.then_some(first)
}

/// The same code on two variants: the error on the later one, a note on the first. Runs over
/// every well-formed code, whether or not the rest of its variant is sound, and uses a hash map,
/// so the check is linear in the number of variants.
fn check_duplicate_codes(codes: &[(&syn::Ident, Span, &str)], errors: &mut Errors) {
    let mut first_use: HashMap<&str, (&syn::Ident, Span)> = HashMap::with_capacity(codes.len());
    for (ident, span, code) in codes {
        match first_use.get(code) {
            Some((first, first_span)) => {
                errors.at(
                    *span,
                    format!("duplicate code `{code}`: `{first}` already has it"),
                );
                errors.at(
                    *first_span,
                    format!("note: `{code}` is first used by `{first}` here"),
                );
            }
            None => {
                first_use.insert(code, (ident, *span));
            }
        }
    }
}

/// A `from` field whose type is a bare type parameter (`E`) converts from any type, so beside any
/// other conversion of the enum (`from`, transparent, thiserror's `#[from]`) the `From` impls
/// would overlap (E0119, pointed at the derive): reported here, at the parameter's field.
fn check_generic_from(input: &Input, variants: &[CheckedVariant], errors: &mut Errors) {
    let is_param = |ty: &syn::Type| match ty {
        syn::Type::Path(path) if path.qself.is_none() => {
            path.path.get_ident().is_some_and(|ident| {
                input
                    .generics
                    .type_params()
                    .any(|param| param.ident == *ident)
            })
        }
        _ => false,
    };
    let conversions: Vec<(&syn::Ident, &Field)> = variants
        .iter()
        .filter_map(|variant| {
            let field = match &variant.kind {
                Kind::Transparent(field) => Some(*field),
                Kind::Own(own) => own
                    .from
                    .or_else(|| variant.ast.fields.iter().find(|field| field.thiserror_from)),
            }?;
            Some((variant.ast.ident, field))
        })
        .collect();
    if conversions.len() < 2 {
        return;
    }
    for (ident, field) in &conversions {
        if !is_param(field.ty) {
            continue;
        }
        let others: Vec<String> = conversions
            .iter()
            .filter(|(other, _)| other != ident)
            .map(|(other, field)| format!("`{other}` (`From<{}>`)", type_name(field.ty)))
            .collect();
        errors.spanned(
            field.ty,
            format!(
                "`{ident}` converts from the type parameter `{}`, which may be any type, so its `From` \
                 would overlap the other conversions of the enum: {}; keep one, and build the \
                 others with `map_err`",
                type_name(field.ty),
                others.join(", ")
            ),
        );
    }
}

/// Composition with the stock catalogue, checked here rather than in const evaluation: in an enum
/// that wraps `SwrCode`, a code of its own that is also a stock code is an error at that code,
/// naming the stock variant. Runs over every well-formed code, like [`check_duplicate_codes`], so
/// it is reported with every other mistake of the enum.
fn check_stock_codes(input: &Input, errors: &mut Errors) {
    let Some(stock) = input.variants.iter().find(|variant| {
        variant.attrs.transparent.is_some()
            && matches!(variant.fields.as_slice(), [field] if is_stock(field.ty))
    }) else {
        return;
    };
    for variant in &input.variants {
        let Some(lit) = &variant.attrs.code else {
            continue;
        };
        if variant.attrs.transparent.is_some() {
            continue;
        }
        let code = &lit.value;
        if let Some(stock_variant) = crate::stock::stock_variant(code) {
            errors.spanned(
                lit,
                format!(
                    "`{}` re-declares `SwrCode::{stock_variant}`, `{code}`, which `{}` already \
                     produces: use `SwrCode::{stock_variant}`, or give `{}` a code of your own service",
                    variant.ident, stock.ident, variant.ident
                ),
            );
        }
    }
}

/// Two variants that convert from the same type: two transparent variants around it (the lookup
/// by code could not tell them apart), or a `from` field and another conversion. Their `From`
/// impls would conflict. Types are compared as written, which catches the common case
/// (`Stock(SwrCode)` twice, `io::Error` in two variants) without resolving paths.
fn check_duplicate_from(variants: &[CheckedVariant], errors: &mut Errors) {
    let mut first_use: HashMap<String, (&syn::Ident, bool)> = HashMap::new();
    for variant in variants {
        let (field, transparent) = match &variant.kind {
            Kind::Transparent(field) => (*field, true),
            Kind::Own(own) => match own.from {
                Some(field) => (field, false),
                None => match variant.ast.fields.as_slice() {
                    // thiserror's `#[from]` writes a `From` impl too.
                    [field] if field.thiserror_from => (field, false),
                    _ => continue,
                },
            },
        };
        let written = type_name(field.ty);
        match first_use.get(&written) {
            Some((first, true)) if transparent => errors.spanned(
                field.ty,
                format!("`{first}` already wraps `{written}`: wrap each type in one transparent variant"),
            ),
            Some((first, _)) => errors.spanned(
                field.ty,
                format!(
                    "`{first}` already converts from `{written}`: two variants cannot both take `From<{written}>`; \
                     build `{}` with `map_err` instead",
                    variant.ast.ident
                ),
            ),
            None => {
                first_use.insert(written, (variant.ast.ident, transparent));
            }
        }
    }
}
