//! The fast path: the legacy array in the compact form servers write, tokenized by a scan of its
//! bytes, without building a `serde_json::Value`.
//!
//! It accepts exactly one form: `[`, objects separated by commas, `]`, each object's members
//! under the legacy entry's three keys (`errorCode`, `errorMessage`, `detail`, each at most once)
//! with string values, no whitespace between tokens, and no escape or control character in any
//! string. It only tokenizes: each item's members are read by the general path's rules
//! ([`Fields::read`], [`Fields::into_entry`], [`general::array`]), so the two agree by
//! construction wherever the scan accepts a body (a property test and the fuzz target check it).
//!
//! Anything else gives up ([`None`]) at its first byte out of form, and the general path reads
//! the body from the start: whitespace, an escape, another key, a repeated key (a `Value` keeps
//! the last one), a value that is not a string, an item that is not an object, no item kept (the
//! body is then text), invalid JSON or UTF-8. Giving up never changes the result, only its cost.
//! The form nests two deep, within `MAX_DEPTH`.

use super::general::{self, Fields, Scalar};
use super::keys::{DETAIL, LEGACY_CODE, LEGACY_MESSAGE};
use super::said::Parsed;
use crate::json::find_escape;

/// The legacy array at `json` (already stripped of BOM and whitespace, within `MAX_JSON_LEN`), or
/// `None` when the general path must decide.
pub(super) fn legacy(json: &[u8]) -> Option<Parsed> {
    // One UTF-8 check for the whole body: every string ends at an ASCII quote, a char boundary,
    // so each text is then a slice of `json` without a check of its own.
    let json = std::str::from_utf8(json).ok()?;
    let bytes = json.as_bytes();
    if bytes.first() != Some(&b'[') {
        return None;
    }
    let mut at = 1;
    let mut entries = Vec::new();
    loop {
        if bytes.get(at) != Some(&b'{') {
            return None;
        }
        at += 1;
        // The text under each key, when the key was seen (a second time gives up).
        let mut members: [Option<&str>; 3] = [None; 3];
        if bytes.get(at) == Some(&b'}') {
            at += 1;
        } else {
            loop {
                let key = plain_string(bytes, &mut at)?;
                let slot = slot(&json[key])?;
                if members[slot].is_some() || bytes.get(at) != Some(&b':') {
                    return None;
                }
                at += 1;
                members[slot] = Some(&json[plain_string(bytes, &mut at)?]);
                at += 1;
                match bytes.get(at - 1) {
                    Some(b',') => {}
                    Some(b'}') => break,
                    _ => return None,
                }
            }
        }
        let fields = Fields::read(|key| Some(Scalar::Text(members[slot(key)?]?)));
        if let Some(entry) = fields.into_entry() {
            entries.push(entry);
        }
        at += 1;
        match bytes.get(at - 1) {
            Some(b',') => {}
            Some(b']') if at == bytes.len() => return general::array(entries),
            _ => return None,
        }
    }
}

/// The place of a legacy entry's key among an item's members; `None` for any other key.
fn slot(key: &str) -> Option<usize> {
    match key {
        LEGACY_CODE => Some(0),
        LEGACY_MESSAGE => Some(1),
        DETAIL => Some(2),
        _ => None,
    }
}

/// The range of the text of the JSON string at `*at`, which must hold no escape and no control
/// character; `*at` moves past its closing quote. `None` when there is no such string there.
fn plain_string(bytes: &[u8], at: &mut usize) -> Option<std::ops::Range<usize>> {
    if bytes.get(*at) != Some(&b'"') {
        return None;
    }
    let start = *at + 1;
    let end = find_escape(bytes, start)?;
    if bytes[end] != b'"' {
        return None;
    }
    *at = end + 1;
    Some(start..end)
}

#[cfg(test)]
mod tests {
    use super::legacy;
    use crate::{SwrCode, SwrError};

    #[test]
    fn the_scan_reads_every_catalogue_body() {
        for code in SwrCode::ALL {
            let body = code.to_json();
            let parsed = legacy(body.as_bytes()).expect("the compact form");
            assert_eq!(parsed.entries[0].error_code, code.code(), "{body}");
        }
        let body = br#"[{"detail":"d","errorCode":"C"},{},{"errorMessage":"m"}]"#;
        assert_eq!(legacy(body).unwrap().entries.len(), 2);
    }

    #[test]
    fn the_scan_leaves_every_other_form_to_the_general_path() {
        for body in [
            &br#"[ {"errorCode":"C"}]"#[..],
            br#"[{"errorCode": "C"}]"#,
            br#"[{"errorCode":"C\n"}]"#,
            br#"[{"errorCode":"C\u0041"}]"#,
            br#"[{"errorCode":null}]"#,
            br#"[{"errorCode":"C","errorCode":"D"}]"#,
            br#"[{"errorCode":"C","other":"D"}]"#,
            br#"[{"errorCode":"C"}] "#,
            br#"[{"errorCode":"C"}]]"#,
            br#"[{"errorCode":"C"}"#,
            br#"[{"errorCode":"C",}]"#,
            br#"[{"errorCode":"C"},]"#,
            b"[{\"errorCode\":\"C\xff\"}]",
            b"[{\"errorCode\":\"C\x01\"}]",
            br#"[]"#,
            br#"[{}]"#,
        ] {
            assert!(legacy(body).is_none(), "{}", String::from_utf8_lossy(body));
        }
    }
}
