//! Reading an error body: which JSON shapes are recognised, and in which order.

use serde_json::{Map, Value};

use super::text::{bounded, depth_within, lossy_prefix};
use super::{fast, lenient, Said};
use super::{MAX_DEPTH, MAX_JSON_LEN, MAX_TEXT_LEN};
use crate::body::ErrorEntry;

/// What a body says, before it becomes a [`RemoteError`](super::RemoteError).
#[derive(Debug)]
pub(super) struct Parsed {
    pub(super) said: Said,
    pub(super) request_id: Option<String>,
    pub(super) entries: Vec<ErrorEntry>,
}

/// The key pairs of Huawei Cloud's SDKs, in the order they try them, then the pair of the SWR
/// legacy body, then the RFC 9457 problem's (`title` is its message, `code` the SWR code
/// extension member).
const PAIRS: [(&str, &str); 5] = [
    ("error_code", "error_msg"),
    ("errorCode", "errorMsg"),
    ("code", "message"),
    ("errorCode", "errorMessage"),
    ("code", "title"),
];

/// The code keys, in the order of [`PAIRS`].
pub(super) const CODE_KEYS: [&str; 3] = ["error_code", "errorCode", "code"];

/// The message keys, in the order of [`PAIRS`].
const MESSAGE_KEYS: [&str; 5] = ["error_msg", "errorMsg", "message", "errorMessage", "title"];

const UTF8_BOM: &[u8] = b"\xef\xbb\xbf";

/// Reads any body. Never fails: what is not a recognised JSON shape becomes the message.
pub(super) fn parse(body: &[u8]) -> Parsed {
    let Some(json) = json_text(body) else {
        return as_text(body);
    };
    // The common case first, and alone: a legacy array in strict JSON.
    if let Some(parsed) = fast::legacy(json) {
        return parsed;
    }
    match general(json) {
        Ok(parsed) => parsed,
        // Not JSON serde_json reads: once more with its strings and out-of-range numbers repaired.
        // The repair leaves what serde_json reads as it reads, so trying the body as it is first
        // only spares well-formed bodies its pass.
        Err(NotJson) => lenient::repair(json)
            .and_then(|json| fast::legacy(&json).or_else(|| general(&json).ok().flatten())),
    }
    .unwrap_or_else(|| as_text(body))
}

/// [`parse`] without the fast path: the reference the fast path must agree with.
#[cfg(test)]
pub(super) fn parse_general(body: &[u8]) -> Parsed {
    let parsed = json_text(body).and_then(|json| match general(json) {
        Ok(parsed) => parsed,
        Err(NotJson) => general(&lenient::repair(json)?).ok().flatten(),
    });
    parsed.unwrap_or_else(|| as_text(body))
}

/// The fast path alone (on the repaired body when the body is not strict JSON): `None` when it
/// gives the body up to the general path.
#[cfg(test)]
pub(super) fn parse_fast(body: &[u8]) -> Option<Parsed> {
    let json = json_text(body)?;
    fast::legacy(json).or_else(|| fast::legacy(&lenient::repair(json)?))
}

/// A body that is not read as JSON: its text is the message.
pub(super) fn as_text(body: &[u8]) -> Parsed {
    Parsed {
        said: Said::message(lossy_prefix(body, MAX_TEXT_LEN)),
        request_id: None,
        entries: Vec::new(),
    }
}

/// The JSON text of the body (without a UTF-8 byte order mark and surrounding whitespace), if it
/// is small enough to parse. Also how `from_reqwest` tells whether a body it streams in can still
/// be read as JSON.
pub(super) fn json_text(body: &[u8]) -> Option<&[u8]> {
    let json = body.strip_prefix(UTF8_BOM).unwrap_or(body).trim_ascii();
    (json.len() <= MAX_JSON_LEN).then_some(json)
}

/// The JSON text does not parse (as opposed to parsing into a shape that is not recognised).
struct NotJson;

/// The JSON text read through a `serde_json::Value`, if it is shallow enough, parses, and has a
/// recognised shape; `Err` when it does not parse, and is worth a [lenient repair](lenient).
fn general(json: &[u8]) -> Result<Option<Parsed>, NotJson> {
    if !matches!(json.first(), Some(b'[' | b'{' | b'"')) || !depth_within(json, MAX_DEPTH) {
        return Ok(None);
    }
    let value = serde_json::from_slice::<Value>(json).map_err(|_| NotJson)?;
    Ok(match value {
        Value::Array(items) => array(&items),
        Value::Object(map) => object(&map),
        Value::String(text) => {
            let message = bounded(text.trim(), MAX_TEXT_LEN);
            (!message.is_empty()).then(|| Parsed {
                said: Said::message(message),
                request_id: None,
                entries: Vec::new(),
            })
        }
        _ => None,
    })
}

/// The legacy body: an array of entries, the first of which describes the error.
fn array(items: &[Value]) -> Option<Parsed> {
    Parsed::from_entries(entries(items))
}

impl Parsed {
    /// A legacy body's reading: the first entry describes the error, all stay reachable. `None`
    /// without entries. Shared by this general path and the typed fast path.
    pub(super) fn from_entries(entries: Vec<ErrorEntry>) -> Option<Parsed> {
        entries.first()?;
        Some(Parsed {
            said: Said::FirstEntry,
            request_id: None,
            entries,
        })
    }
}

/// An object: the dual body (top-level pair and `errors[]`), a flat pair, or a pair nested one
/// level down.
fn object(map: &Map<String, Value>) -> Option<Parsed> {
    let top = Fields::read(map);
    let nested = nested(map).map(Fields::read);
    let entries = match map.get("errors") {
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
        entries,
    })
}

/// The object one level down: under `"error"`, or, for an object with a single member, under
/// that member whatever its name (the OpenStack style, `{"itemNotFound": {"code": 404, ...}}`).
fn nested(map: &Map<String, Value>) -> Option<&Map<String, Value>> {
    let value = match map.get("error") {
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
        .map(Fields::read)
        .filter(|fields| fields.code.is_some() || fields.message.is_some())
        .map(|fields| ErrorEntry {
            error_code: fields.code.unwrap_or_default(),
            error_message: fields.message.unwrap_or_default(),
            detail: fields.detail.unwrap_or_default(),
        })
        .collect()
}

/// What one object says, each text bounded to [`MAX_TEXT_LEN`] bytes, empty texts as `None`.
#[derive(Debug, Default)]
struct Fields {
    code: Option<String>,
    message: Option<String>,
    detail: Option<String>,
    request_id: Option<String>,
}

impl Fields {
    /// Reads the first full pair of [`PAIRS`] (a code and a non-empty message); else the first code
    /// key, with the first message key that holds text; else the first message key alone.
    fn read(map: &Map<String, Value>) -> Fields {
        let full = PAIRS.iter().find_map(|&(code_key, message_key)| {
            Some((code(map.get(code_key)?)?, text(map.get(message_key)?)?))
        });
        let (code, message) = match full {
            Some((code, message)) => (Some(code), Some(message)),
            None => (
                CODE_KEYS.iter().find_map(|&key| code(map.get(key)?)),
                MESSAGE_KEYS.iter().find_map(|&key| text(map.get(key)?)),
            ),
        };
        Fields {
            code,
            message,
            detail: map.get("detail").and_then(text),
            request_id: map.get("request_id").and_then(text),
        }
    }

    fn from_entry(entry: &ErrorEntry) -> Fields {
        let some = |text: &str| Some(text.to_owned()).filter(|text| !text.is_empty());
        Fields {
            code: some(&entry.error_code),
            message: some(&entry.error_message),
            detail: some(&entry.detail),
            request_id: None,
        }
    }
}

/// A code: a non-empty string, or a number written in decimal as `serde_json` writes it
/// (`404`, `-1`, `1.5`). `null`, booleans, arrays and objects are no code.
fn code(value: &Value) -> Option<String> {
    match value {
        Value::String(_) => text(value),
        Value::Number(number) => Some(bounded(&number.to_string(), MAX_TEXT_LEN)),
        _ => None,
    }
}

/// A non-empty string, bounded.
fn text(value: &Value) -> Option<String> {
    let text = value.as_str()?;
    (!text.is_empty()).then(|| bounded(text, MAX_TEXT_LEN))
}

#[cfg(test)]
mod problem_tests {
    use crate::{BodyFormat, RemoteError, SwrCode, SwrError};

    #[test]
    fn a_problem_body_reads_as_code_title_and_detail() {
        let body = SwrCode::UrlNotFound.to_json_as(BodyFormat::Problem);
        let err = RemoteError::from_response(404, body.as_bytes());
        assert_eq!(err.code(), Some("SVCSTG.SWR.4040083"));
        assert_eq!(err.message(), "The requested URL cannot be found.");
        assert_eq!(err.detail(), None);
        let body = br#"{"type":"urn:x","title":"Bad manifest","status":400,"detail":"layer \"3\"","code":"SVCSTG.X.4001003","request_id":"r-1"}"#;
        let err = RemoteError::from_response(400, body);
        assert_eq!(err.code(), Some("SVCSTG.X.4001003"));
        assert_eq!(err.message(), "Bad manifest");
        assert_eq!(err.detail(), Some("layer \"3\""));
        assert_eq!(err.request_id(), Some("r-1"));
    }
}
