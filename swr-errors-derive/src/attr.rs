//! Parsing of `#[swr(...)]` attributes (and doc comments) into plain values with their spans.
//!
//! Parsing never stops at the first mistake: an unknown, repeated or malformed key is recorded
//! in [`Errors`] and its value skipped, so the rest of the attribute is still read and checked.

use proc_macro2::{Literal, Span, TokenStream, TokenTree};
use quote::ToTokens;
use syn::ext::IdentExt;
use syn::meta::ParseNestedMeta;
use syn::parse::discouraged::Speculative;
use syn::parse::ParseStream;
use syn::{Attribute, Expr, ExprLit, Ident, Lit, LitBool, LitInt, LitStr, Meta, Token};

use crate::errors::Errors;
use crate::keys::{self, Key};

/// Where an `#[swr(...)]` attribute sits: each place accepts its own keys.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Place {
    Enum,
    Variant,
    Field,
}

impl Place {
    pub(crate) fn keys(self) -> &'static [Key] {
        match self {
            Place::Enum => keys::ENUM_KEYS,
            Place::Variant => keys::VARIANT_KEYS,
            Place::Field => keys::FIELD_KEYS,
        }
    }

    fn name(self) -> &'static str {
        match self {
            Place::Enum => "the enum",
            Place::Variant => "a variant",
            Place::Field => "a field",
        }
    }

    const ALL: [Place; 3] = [Place::Enum, Place::Variant, Place::Field];
}

/// `#[swr(...)]` keys of the enum itself.
#[derive(Default)]
pub(crate) struct EnumAttrs {
    /// `crate = "..."`: the path of the `swr-errors` crate, parsed.
    pub krate: Option<syn::Path>,
    /// `display = false` turns off the generated `Display` and `std::error::Error` impls.
    pub display: Option<LitBool>,
    /// `kind` or `kind = "Name"`: generate the kind enum; `kind = "Self"`: the enum is its own.
    pub kind: Option<KindAttr>,
    /// `codes = "..."`: the name of the code scheme, checked by `valid`.
    pub codes: Option<Str>,
    /// Whether `codes` was written, with a string or not: a malformed one names no scheme.
    pub codes_written: bool,
    /// `format = "..."`: the body format of every response, checked by `valid`.
    pub format: Option<Str>,
    /// Whether a thiserror `#[error(...)]` attribute sits on the enum or one of its variants.
    pub thiserror: bool,
}

/// `#[swr(kind)]`, `#[swr(kind = "Name")]` or `#[swr(kind = "Self")]`.
#[derive(Clone)]
pub(crate) struct KindAttr {
    /// The `kind` key itself, for spans.
    pub key: syn::Path,
    /// The name given, already checked to be an identifier; `None` for `{Enum}Kind` or `Self`.
    pub name: Option<Ident>,
    /// `kind = "Self"`: the enum is its own kind, and no kind enum is generated.
    pub itself: bool,
}

/// A string literal as written (for spans) and its value, unescaped once: syn's
/// [`LitStr::value`] unescapes it anew on every call.
pub(crate) struct Str {
    pub token: Literal,
    pub value: String,
}

impl Str {
    pub(crate) fn span(&self) -> Span {
        self.token.span()
    }
}

impl From<LitStr> for Str {
    fn from(lit: LitStr) -> Str {
        Str {
            value: lit.value(),
            token: lit.token(),
        }
    }
}

impl ToTokens for Str {
    fn to_tokens(&self, tokens: &mut TokenStream) {
        self.token.to_tokens(tokens);
    }
}

/// `#[swr(...)]` keys of one variant, and its doc comment.
#[derive(Default)]
pub(crate) struct VariantAttrs {
    pub code: Option<Str>,
    pub status: Option<LitInt>,
    pub message: Option<Str>,
    pub retry: Option<Str>,
    /// The `transparent` key itself, kept for its span.
    pub transparent: Option<syn::Path>,
    pub doc: Option<Doc>,
    /// The value of a doc attribute written with a macro (`#[doc = include_str!("...")]`), which
    /// the derive cannot read: for the error of a variant without a message.
    pub doc_macro: Option<TokenStream>,
    /// Every key written or attempted: with a valid value or not, misspelt (`stauts` counts as
    /// `status`), or in an attribute too malformed to read (then every key counts), so that one
    /// mistake is not also reported as a missing key.
    pub seen: Vec<Key>,
}

/// `#[swr(...)]` keys of one field.
#[derive(Default)]
pub(crate) struct FieldAttrs {
    pub source: Option<syn::Path>,
    pub detail: Option<syn::Path>,
    /// `detail = "json"`: the detail is the field serialized as JSON, a value in the OCI body.
    pub detail_json: bool,
    pub from: Option<syn::Path>,
}

/// The first paragraph of a doc comment, the default message of a variant.
pub(crate) struct Doc {
    pub text: String,
}

pub(crate) fn enum_attrs(attrs: &[Attribute], errors: &mut Errors) -> EnumAttrs {
    let mut out = EnumAttrs {
        thiserror: has_thiserror_attr(attrs),
        ..EnumAttrs::default()
    };
    let _ = for_each_key(attrs, Place::Enum, errors, |key, meta, errors| {
        match key {
            keys::CRATE => {
                if let Some(lit) = lit_str(meta, key, "crate = \"::swr_errors\"", errors)? {
                    out.krate = errors.ok(lit.parse::<syn::Path>().map_err(|_| {
                        syn::Error::new_spanned(
                            &lit,
                            "`crate` must name a path, such as `crate = \"::swr_errors\"`",
                        )
                    }));
                }
            }
            keys::DISPLAY => out.display = lit_bool(meta, key, errors)?,
            keys::FORMAT => {
                out.format = lit_str(meta, key, "format = \"oci\"", errors)?.map(Str::from);
            }
            keys::CODES => {
                out.codes_written = true;
                out.codes = lit_str(meta, key, "codes = \"service\"", errors)?.map(Str::from);
            }
            keys::KIND => {
                let mut itself = false;
                let name = if meta.input.peek(Token![=]) {
                    let Some(lit) = lit_str(meta, key, "kind = \"ChartErrorKind\"", errors)? else {
                        return Ok(());
                    };
                    let value = lit.value();
                    if value == "Self" {
                        itself = true;
                        None
                    } else if let Ok(mut ident) = syn::parse_str::<Ident>(&value) {
                        ident.set_span(lit.span());
                        Some(ident)
                    } else {
                        errors.spanned(
                            &lit,
                            format!("`kind` names the kind enum: `{value}` is not an identifier"),
                        );
                        return Ok(());
                    }
                } else {
                    flag(meta, key, errors);
                    None
                };
                out.kind = Some(KindAttr {
                    key: meta.path.clone(),
                    name,
                    itself,
                });
            }
            _ => {}
        }
        Ok(())
    });
    out
}

/// A variant's `#[swr(...)]` keys and doc comment: the general reader, which states the rules
/// (`quick_attrs` reads the common form faster, and is held equal to this).
pub(crate) fn variant_attrs(attrs: &[Attribute], errors: &mut Errors) -> VariantAttrs {
    let (doc, doc_macro) = variant_docs(attrs);
    let keys = variant_keys(attrs, errors);
    VariantAttrs {
        doc,
        doc_macro,
        ..keys
    }
}

/// A variant's doc comment: its first paragraph, and the value of a doc attribute written with a
/// macro, if any (see [`VariantAttrs::doc_macro`]).
pub(crate) fn variant_docs(attrs: &[Attribute]) -> (Option<Doc>, Option<TokenStream>) {
    let doc = doc_paragraph(attrs);
    let doc_macro = attrs
        .iter()
        .filter(|attr| attr.path().is_ident("doc"))
        .find_map(|attr| match &attr.meta {
            Meta::NameValue(nv) if !matches!(nv.value, Expr::Lit(_)) => {
                Some(nv.value.to_token_stream())
            }
            _ => None,
        });
    (doc, doc_macro)
}

/// The `#[swr(...)]` keys of a variant, every mistake reported.
pub(crate) fn variant_keys(attrs: &[Attribute], errors: &mut Errors) -> VariantAttrs {
    let mut out = VariantAttrs::default();
    out.seen = for_each_key(attrs, Place::Variant, errors, |key, meta, errors| {
        let string = |lit: Option<LitStr>| lit.map(Str::from);
        match key {
            keys::CODE => {
                out.code = string(lit_str(
                    meta,
                    key,
                    "code = \"SVCSTG.MYSVC.4040001\"",
                    errors,
                )?)
            }
            keys::STATUS => out.status = lit_int(meta, key, errors)?,
            keys::MESSAGE => {
                out.message = string(lit_str(
                    meta,
                    key,
                    "message = \"Chart {name} not found\"",
                    errors,
                )?)
            }
            keys::RETRY => out.retry = string(lit_str(meta, key, "retry = \"busy\"", errors)?),
            keys::TRANSPARENT => out.transparent = flag(meta, key, errors),
            _ => {}
        }
        Ok(())
    });
    out
}

pub(crate) fn field_attrs(attrs: &[Attribute], errors: &mut Errors) -> FieldAttrs {
    let mut out = FieldAttrs::default();
    let _ = for_each_key(attrs, Place::Field, errors, |key, meta, errors| {
        match key {
            keys::SOURCE => out.source = flag(meta, key, errors),
            keys::DETAIL if meta.input.peek(Token![=]) => {
                let example = "detail = \"json\"";
                if let Some(lit) = lit_str(meta, key, example, errors)? {
                    if lit.value() == "json" {
                        out.detail_json = true;
                    } else {
                        errors.spanned(
                            &lit,
                            format!(
                                "`detail` takes no value (the field as text), or `detail = \"json\"` \
                                 (the field serialized as JSON); `{}` is neither",
                                lit.value()
                            ),
                        );
                    }
                }
                // The key was meant: the field is the detail, whatever its value.
                out.detail = Some(meta.path.clone());
            }
            keys::DETAIL => out.detail = flag(meta, key, errors),
            keys::FROM => out.from = flag(meta, key, errors),
            _ => {}
        }
        Ok(())
    });
    out
}

/// Calls `handle` for every valid, first-seen key of every `#[swr(...)]` attribute in `attrs`.
/// Unknown and repeated keys, and malformed attributes, are recorded in `errors` and skipped.
/// Returns the keys written or attempted (see [`VariantAttrs::seen`]).
fn for_each_key(
    attrs: &[Attribute],
    place: Place,
    errors: &mut Errors,
    mut handle: impl FnMut(Key, &ParseNestedMeta, &mut Errors) -> syn::Result<()>,
) -> Vec<Key> {
    let mut seen: Vec<Key> = Vec::new();
    let mut attempted: Vec<Key> = Vec::new();
    for attr in attrs.iter().filter(|attr| attr.path().is_ident("swr")) {
        if !matches!(attr.meta, Meta::List(_)) {
            errors.spanned(
                attr,
                format!(
                    "expected `#[swr(...)]` with keys inside, such as {}",
                    example_of(place)
                ),
            );
            attempted.extend(place.keys());
            continue;
        }
        let mut local = Errors::default();
        let parsed = attr.parse_nested_meta(|meta| {
            let name = path_name(&meta.path);
            let Some(key) = place.keys().iter().copied().find(|key| key.as_str() == name) else {
                let (message, meant) = unknown_key_message(&name, place);
                local.spanned(&meta.path, message);
                attempted.extend(meant);
                return skip_value(meta.input);
            };
            if seen.contains(&key) {
                local.spanned(
                    &meta.path,
                    format!(
                        "duplicate key `{key}`: it may appear once on {}",
                        place.name()
                    ),
                );
                return skip_value(meta.input);
            }
            seen.push(key);
            if let Err(err) = handle(key, &meta, &mut local) {
                local.push(err);
                return skip_value(meta.input);
            }
            if !meta.input.is_empty() && !meta.input.peek(Token![,]) {
                // `code = "..." status = 404`: the value was read, the comma is missing. What
                // follows is skipped, so its keys count as attempted.
                let next = meta.input.fork().parse::<TokenTree>()?;
                local.spanned(
                    &next,
                    format!("expected `,` before `{next}`: separate the keys of #[swr(...)] with commas"),
                );
                attempted.extend(place.keys());
                return skip_value(meta.input);
            }
            Ok(())
        });
        if parsed.is_err() {
            attempted.extend(place.keys());
        }
        errors.ok(parsed);
        if let Err(err) = local.finish() {
            errors.push(err);
        }
    }
    seen.extend(attempted);
    seen
}

fn path_name(path: &syn::Path) -> String {
    // A key is one word: printing a whole path is only for the rare mistake that is not.
    match path.get_ident() {
        Some(ident) => ident.to_string(),
        None => path.to_token_stream().to_string().replace(' ', ""),
    }
}

fn example_of(place: Place) -> &'static str {
    match place {
        Place::Enum => "`#[swr(crate = \"::swr_errors\")]`",
        Place::Variant => "`#[swr(code = \"SVCSTG.MYSVC.4040001\", status = 404)]`",
        Place::Field => "`#[swr(source)]`",
    }
}

/// "unknown key" with the most useful hint: the key that belongs elsewhere, a close spelling,
/// or the list of keys this place accepts.
fn unknown_key_message(name: &str, place: Place) -> (String, Option<Key>) {
    let keys = place.keys();
    if let Some(other) = Place::ALL
        .iter()
        .find(|other| **other != place && other.keys().iter().any(|key| key.as_str() == name))
    {
        let message = format!(
            "`{name}` belongs on {}, not on {}",
            other.name(),
            place.name()
        );
        return (message, None);
    }
    let closest = keys
        .iter()
        .map(|key| (edit_distance(name, key.as_str()), *key))
        .filter(|(distance, key)| *distance <= 2.max(key.as_str().len() / 3))
        .min();
    match closest {
        Some((_, key)) => (
            format!("unknown key `{name}`; did you mean `{key}`?"),
            Some(key),
        ),
        None => (
            format!(
                "unknown key `{name}`; {} accepts {}",
                place.name(),
                keys.iter()
                    .map(|key| format!("`{key}`"))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
            None,
        ),
    }
}

/// Levenshtein distance, for "did you mean" hints (keys are short: the quadratic table is tiny).
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let next = (diagonal + usize::from(ca != *cb))
                .min(row[j] + 1)
                .min(row[j + 1] + 1);
            diagonal = row[j + 1];
            row[j + 1] = next;
        }
    }
    row[b.len()]
}

/// Consumes the rest of a key's value (`= tokens` or `(tokens)`) up to the next comma.
fn skip_value(input: ParseStream) -> syn::Result<()> {
    while !input.is_empty() && !input.peek(Token![,]) {
        input.parse::<TokenTree>()?;
    }
    Ok(())
}

/// Consumes a value up to the next comma and returns its tokens, for spanning an error on them.
/// Stops early at a word right after a literal (`"..." status`): that is a missing comma, which
/// [`for_each_key`] reports, not part of a malformed value.
fn take_value(input: ParseStream) -> syn::Result<TokenStream> {
    let mut tokens = TokenStream::new();
    let mut after_literal = false;
    while !input.is_empty() && !input.peek(Token![,]) {
        if after_literal && input.peek(Ident::peek_any) {
            break;
        }
        let token = input.parse::<TokenTree>()?;
        after_literal = matches!(token, TokenTree::Literal(_));
        tokens.extend([token]);
    }
    Ok(tokens)
}

/// Reads `= <literal>`; `Ok(None)` after recording an error when the value is missing or not a
/// literal of the wanted kind (as told by `pick`).
fn literal<T>(
    meta: &ParseNestedMeta,
    key: Key,
    expected: impl Fn() -> String,
    errors: &mut Errors,
    pick: impl Fn(Lit) -> Option<T>,
) -> syn::Result<Option<T>> {
    if !meta.input.peek(Token![=]) {
        errors.spanned(&meta.path, format!("`{key}` needs a value: {}", expected()));
        skip_value(meta.input)?;
        return Ok(None);
    }
    let value = meta.value()?;
    // The common case, one literal of the wanted kind and then a comma or the end, read in place.
    let fork = value.fork();
    if let Ok(lit) = fork.parse::<Lit>() {
        if fork.is_empty() || fork.peek(Token![,]) {
            if let Some(picked) = pick(lit) {
                value.advance_to(&fork);
                return Ok(Some(picked));
            }
        }
    }
    let tokens = take_value(value)?;
    let picked = syn::parse2::<Lit>(tokens.clone()).ok().and_then(pick);
    if picked.is_none() {
        let spanned: &dyn ToTokens = if tokens.is_empty() {
            &meta.path
        } else {
            &tokens
        };
        errors.spanned(spanned, format!("`{key}` takes {}", expected()));
    }
    Ok(picked)
}

fn lit_str(
    meta: &ParseNestedMeta,
    key: Key,
    example: &str,
    errors: &mut Errors,
) -> syn::Result<Option<LitStr>> {
    let expected = || format!("a string literal, such as `{example}`");
    literal(meta, key, expected, errors, |lit| match lit {
        Lit::Str(lit) if lit.suffix().is_empty() => Some(lit),
        _ => None,
    })
}

fn lit_int(meta: &ParseNestedMeta, key: Key, errors: &mut Errors) -> syn::Result<Option<LitInt>> {
    let expected = || format!("an integer literal from 400 to 599, such as `{key} = 404`");
    literal(meta, key, expected, errors, |lit| match lit {
        // syn reads `-500` as one literal; it is no status, and its span would cover only `-`.
        Lit::Int(lit)
            if matches!(lit.suffix(), "" | "u16") && !lit.base10_digits().starts_with('-') =>
        {
            Some(lit)
        }
        _ => None,
    })
}

fn lit_bool(meta: &ParseNestedMeta, key: Key, errors: &mut Errors) -> syn::Result<Option<LitBool>> {
    let expected = || format!("`true` or `false`, such as `{key} = false`");
    literal(meta, key, expected, errors, |lit| match lit {
        Lit::Bool(lit) => Some(lit),
        _ => None,
    })
}

/// A key that takes no value, such as `transparent`.
fn flag(meta: &ParseNestedMeta, key: Key, errors: &mut Errors) -> Option<syn::Path> {
    // A word right after the key is a missing comma, which `for_each_key` reports.
    if meta.input.is_empty() || meta.input.peek(Token![,]) || meta.input.peek(Ident::peek_any) {
        return Some(meta.path.clone());
    }
    let tokens = take_value(meta.input).unwrap_or_default();
    errors.spanned(
        &tokens,
        format!("`{key}` takes no value: write `#[swr({key})]`"),
    );
    // The key was meant: keep it, so the variant or field is not also reported for lacking it.
    Some(meta.path.clone())
}

/// Whether thiserror's `#[error(...)]` sits among `attrs` (of the enum or of a variant).
pub(crate) fn has_thiserror_attr(attrs: &[Attribute]) -> bool {
    attrs.iter().any(|attr| attr.path().is_ident("error"))
}

/// The first paragraph of the doc comment: lines up to the first blank one, trimmed and joined
/// with single spaces; leading blank lines are skipped. `None` when there is no doc comment.
///
/// A `///` comment is one attribute per line; a `/** ... */` block is one attribute holding every
/// line, each perhaps led by the ` * ` of a decorated block, which rustdoc strips too.
fn doc_paragraph(attrs: &[Attribute]) -> Option<Doc> {
    let mut lines = Vec::new();
    'attrs: for attr in attrs.iter().filter(|attr| attr.path().is_ident("doc")) {
        let Meta::NameValue(nv) = &attr.meta else {
            continue;
        };
        let Expr::Lit(ExprLit {
            lit: Lit::Str(lit), ..
        }) = &nv.value
        else {
            continue;
        };
        let value = lit.value();
        // A decorated block: each line after the first, blank ones aside, starts with `*`, which
        // rustdoc strips then (and only then: a `* bullet` line of an undecorated block is kept).
        let decorated = value.contains('\n')
            && value
                .split('\n')
                .enumerate()
                .map(|(i, line)| (i, line.trim()))
                .filter(|(i, line)| !line.is_empty() && (*i > 0 || line.starts_with('*')))
                .all(|(_, line)| line.starts_with('*'));
        // `split`, not `lines`: an empty `///` line is one blank line, which ends the paragraph.
        for line in value.split('\n') {
            let mut line = line.trim();
            if decorated {
                line = line.strip_prefix('*').map_or(line, str::trim);
            }
            if line.is_empty() {
                if lines.is_empty() {
                    continue;
                }
                break 'attrs;
            }
            lines.push(line.to_owned());
        }
    }
    let text = lines.join(" ");
    (!text.is_empty()).then_some(Doc { text })
}

#[cfg(test)]
mod tests {
    use super::edit_distance;

    #[test]
    fn edit_distance_counts_single_edits() {
        assert_eq!(edit_distance("status", "status"), 0);
        assert_eq!(edit_distance("stauts", "status"), 2);
        assert_eq!(edit_distance("cod", "code"), 1);
        assert_eq!(edit_distance("mesage", "message"), 1);
        assert_eq!(edit_distance("", "code"), 4);
    }
}
