//! The rules of reading an error body, stated once: which JSON shapes are recognised, under which
//! keys, and in which order. The general path reads any JSON through a `serde_json::Value`; the
//! fast path (`fast.rs`) only tokenizes the common legacy array and hands each item's members to
//! these same rules.

use std::borrow::Cow;

use serde_json::{Map, Number, Value};

use super::keys::{
    CODE_KEYS, DETAIL, ENCODED_AUTHORIZATION_MESSAGE, ERRORS, MESSAGE_KEYS, NESTED, PAIRS,
    REQUEST_ID,
};
use super::said::{Parsed, Said};
use super::text::{bounded, depth_within};
use super::{MAX_DEPTH, MAX_TEXT_LEN};
use crate::body::ErrorEntry;

/// The JSON text does not parse (as opposed to parsing into a shape that is not recognised).
pub(super) struct NotJson;

/// The JSON text read through a `serde_json::Value`, if it is shallow enough, parses, and has a
/// recognised shape; `Err` when it does not parse, and is worth a lenient repair.
pub(super) fn read(json: &[u8]) -> Result<Option<Parsed>, NotJson> {
    if !matches!(json.first(), Some(b'[' | b'{' | b'"')) || !depth_within(json, MAX_DEPTH) {
        return Ok(None);
    }
    let value = serde_json::from_slice::<Value>(json).map_err(|_| NotJson)?;
    Ok(match value {
        Value::Array(items) => array(entries(&items)),
        Value::Object(map) => object(&map),
        Value::String(text) => {
            let message = bounded(text.trim(), MAX_TEXT_LEN);
            (!message.is_empty()).then(|| Parsed::saying(Said::message(message)))
        }
        _ => None,
    })
}

/// The legacy body, an array, from its kept entries: the first describes the error, all stay
/// reachable. `None` without entries (the body is then read as text).
pub(super) fn array(entries: Vec<ErrorEntry>) -> Option<Parsed> {
    entries.first()?;
    Some(Parsed {
        entries,
        ..Parsed::saying(Said::FirstEntry)
    })
}

/// An object: the dual body (top-level pair and `errors[]`), a flat pair, or a pair nested one
/// level down.
fn object(map: &Map<String, Value>) -> Option<Parsed> {
    let top = Fields::of_map(map);
    let nested = nested(map).map(Fields::of_map);
    let entries = match map.get(ERRORS) {
        Some(Value::Array(items)) => entries(items),
        _ => Vec::new(),
    };
    let first = entries.first().map(Fields::from_entry);

    let candidates = [Some(&top), nested.as_ref(), first.as_ref()];
    let chosen = candidates
        .iter()
        .flatten()
        .find(|fields| fields.code.is_some())
        .or_else(|| {
            candidates
                .iter()
                .flatten()
                .find(|fields| fields.message.is_some())
        })?;

    // The dual body carries the detail only in its entries.
    let detail = chosen.detail.clone().or_else(|| {
        let first = first.as_ref()?;
        (first.code == chosen.code).then(|| first.detail.clone())?
    });
    let request_id = top
        .request_id
        .clone()
        .or_else(|| nested.as_ref()?.request_id.clone());
    let encoded_authorization_message = top
        .encoded_authorization_message
        .clone()
        .or_else(|| nested.as_ref()?.encoded_authorization_message.clone());
    // A code found without a message takes the first message found beside it.
    let message = chosen.message.clone().or_else(|| {
        candidates
            .iter()
            .flatten()
            .find_map(|fields| fields.message.clone())
    });
    Some(Parsed {
        said: Said::Own {
            code: chosen.code.clone(),
            message: message.unwrap_or_default(),
            detail,
        },
        request_id,
        encoded_authorization_message,
        entries,
    })
}

/// The object one level down: under `"error"`, or, for an object with a single member, under
/// that member whatever its name (the OpenStack style, `{"itemNotFound": {"code": 404, ...}}`).
fn nested(map: &Map<String, Value>) -> Option<&Map<String, Value>> {
    let value = match map.get(NESTED) {
        Some(value) => value,
        None if map.len() == 1 => map.values().next()?,
        None => return None,
    };
    value.as_object()
}

/// The entries of an array that carry a code or a message; other items are skipped.
fn entries(items: &[Value]) -> Vec<ErrorEntry> {
    items
        .iter()
        .filter_map(Value::as_object)
        .filter_map(|map| Fields::of_map(map).into_entry())
        .collect()
}

/// A member's value, as far as the rules tell values apart.
#[derive(Clone, Copy)]
pub(super) enum Scalar<'a> {
    Text(&'a str),
    Number(&'a Number),
    /// An array or an object: a detail (as its JSON text), never a code or a message.
    Structured(&'a Value),
    /// `null` or a boolean: no code and no text.
    Other,
}

impl<'a> Scalar<'a> {
    fn of(value: &'a Value) -> Scalar<'a> {
        match value {
            Value::String(text) => Scalar::Text(text),
            Value::Number(number) => Scalar::Number(number),
            Value::Array(_) | Value::Object(_) => Scalar::Structured(value),
            Value::Null | Value::Bool(_) => Scalar::Other,
        }
    }

    /// A code: a non-empty string, or a number written in decimal as `serde_json` writes it
    /// (`404`, `-1`, `1.5`). `null`, booleans, arrays and objects are no code.
    fn code(self) -> Option<Cow<'a, str>> {
        match self {
            Scalar::Text(_) => self.text().map(Cow::Borrowed),
            Scalar::Number(number) => Some(Cow::Owned(number.to_string())),
            Scalar::Structured(_) | Scalar::Other => None,
        }
    }

    /// A detail: a non-empty string as it is, an array or an object as its compact JSON text
    /// (the OCI distribution envelope's `"detail":{"Tag":"latest"}` reads `{"Tag":"latest"}`).
    fn detail(self) -> Option<Cow<'a, str>> {
        match self {
            Scalar::Structured(value) => Some(Cow::Owned(value.to_string())),
            _ => self.text().map(Cow::Borrowed),
        }
    }

    /// A non-empty string.
    fn text(self) -> Option<&'a str> {
        match self {
            Scalar::Text(text) if !text.is_empty() => Some(text),
            _ => None,
        }
    }
}

/// What one object says, each text bounded to [`MAX_TEXT_LEN`] bytes, empty texts as `None`.
#[derive(Debug, Default)]
pub(super) struct Fields {
    code: Option<String>,
    message: Option<String>,
    detail: Option<String>,
    request_id: Option<String>,
    /// Not cut: a part of it cannot be decoded (the body's own bound, `MAX_JSON_LEN`, bounds it).
    encoded_authorization_message: Option<String>,
}

impl Fields {
    /// Reads an object through `member`, which gives the value of a member by its key: the first
    /// full pair of [`PAIRS`] (a code and a non-empty message); else the first code key, with the
    /// first message key that holds text; else the first message key alone.
    // Inlined into each reader: the fast path's keys then fold into its key match, and the
    // fields are written in place rather than copied out (measured: 7% of a body).
    #[inline(always)]
    pub(super) fn read<'a>(member: impl Fn(&str) -> Option<Scalar<'a>>) -> Fields {
        let full = PAIRS.iter().find_map(|&(code_key, message_key)| {
            Some((member(code_key)?.code()?, member(message_key)?.text()?))
        });
        let (code, message) = match full {
            Some((code, message)) => (Some(code), Some(message)),
            None => (
                CODE_KEYS.iter().find_map(|&key| member(key)?.code()),
                MESSAGE_KEYS.iter().find_map(|&key| member(key)?.text()),
            ),
        };
        let kept = |text: &str| bounded(text, MAX_TEXT_LEN);
        Fields {
            code: code.as_deref().map(kept),
            message: message.map(kept),
            detail: member(DETAIL).and_then(Scalar::detail).as_deref().map(kept),
            request_id: member(REQUEST_ID).and_then(Scalar::text).map(kept),
            encoded_authorization_message: member(ENCODED_AUTHORIZATION_MESSAGE)
                .and_then(Scalar::text)
                .map(str::to_owned),
        }
    }

    fn of_map(map: &Map<String, Value>) -> Fields {
        Fields::read(|key| map.get(key).map(Scalar::of))
    }

    /// The entry an item of an error list gives: `None` when it has neither code nor message.
    #[inline]
    pub(super) fn into_entry(self) -> Option<ErrorEntry> {
        if self.code.is_none() && self.message.is_none() {
            return None;
        }
        Some(ErrorEntry {
            error_code: self.code.unwrap_or_default(),
            error_message: self.message.unwrap_or_default(),
            detail: self.detail.unwrap_or_default(),
        })
    }

    fn from_entry(entry: &ErrorEntry) -> Fields {
        let some = |text: &str| Some(text.to_owned()).filter(|text| !text.is_empty());
        Fields {
            code: some(&entry.error_code),
            message: some(&entry.error_message),
            detail: some(&entry.detail),
            request_id: None,
            encoded_authorization_message: None,
        }
    }
}
