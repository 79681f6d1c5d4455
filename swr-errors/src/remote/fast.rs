//! The fast path of the parser: the legacy array read by a typed deserializer, without building a
//! `serde_json::Value`.
//!
//! It accepts exactly one shape: a JSON array whose every item is an object whose keys are among
//! `errorCode`, `errorMessage` and `detail` (each at most once), with string or `null` values.
//! For that shape the general path ([`super::parse`]'s `Value` walk) reads each item with the
//! fourth key pair, `errorCode`+`errorMessage`: the code is the `errorCode` string when
//! non-empty, the message the `errorMessage` string when non-empty, the detail the `detail`
//! string when non-empty (`null` and a missing key read as absent), each cut to `MAX_TEXT_LEN`;
//! an item with neither code nor message is skipped; the first item kept is the error. The fast
//! path computes exactly that.
//!
//! Anything else gives up ([`None`]) at its first byte out of shape, and the general path reads
//! the body from the start: another key, a duplicate key (the `Value` keeps the last one), a number,
//! boolean, array or object where a text belongs, an item that is not an object, no item kept
//! (the general path then reads the body as text), invalid JSON. Giving up never changes the
//! result, only its cost.
//!
//! Its compact form, as servers write it (no whitespace, no escapes, string values only), is read
//! first by a scan of its bytes without serde ([`compact`]), which gives up on anything else to
//! the typed deserializer: the same reading, for the bodies that are nearly all of them.
//!
//! The shape nests two deep, and the deserializer rejects an array or object where a text belongs
//! without descending into it, so a body this path accepts is within `MAX_DEPTH` and it never
//! recurses deeper than that: the depth pre-scan is needed only by the general path.

use std::fmt;

use serde::de::{self, Deserializer, MapAccess, SeqAccess, Visitor};

use super::parse::Parsed;
use super::text::bounded;
use super::MAX_TEXT_LEN;
use crate::body::ErrorEntry;
use crate::json::find_escape;

/// The legacy array at `json` (already stripped of BOM and whitespace, within `MAX_JSON_LEN`), or
/// `None` when the general path must decide.
pub(super) fn legacy(json: &[u8]) -> Option<Parsed> {
    if json.first() != Some(&b'[') {
        return None;
    }
    let entries = match compact(json) {
        Some(entries) => entries,
        None => serde_json::from_slice::<Entries>(json).ok()?.0,
    };
    Parsed::from_entries(entries)
}

/// The kept entries of a legacy array in its compact form: `[`, objects of string members under
/// the three keys (each at most once) separated by commas, `]`, with no whitespace between
/// tokens and no escape or control character in a string. `None` for anything else, valid JSON
/// or not, which the typed deserializer then reads: this scan only spares it the common case.
fn compact(json: &[u8]) -> Option<Vec<ErrorEntry>> {
    // One UTF-8 check for the whole body: every string ends at an ASCII quote, a char boundary,
    // so each text is then a slice of `json` without a check of its own.
    let json = std::str::from_utf8(json).ok()?;
    let bytes = json.as_bytes();
    let mut at = 1;
    let mut entries = Vec::new();
    if bytes.first() != Some(&b'[') {
        return None;
    }
    loop {
        if bytes.get(at) != Some(&b'{') {
            return None;
        }
        at += 1;
        // The text under each key, when the key was seen (a second time gives up).
        let mut fields: [Option<&str>; 3] = [None; 3];
        if bytes.get(at) == Some(&b'}') {
            at += 1;
        } else {
            loop {
                let key = plain_string(bytes, &mut at)?;
                let slot = match &bytes[key] {
                    b"errorCode" => &mut fields[0],
                    b"errorMessage" => &mut fields[1],
                    b"detail" => &mut fields[2],
                    _ => return None,
                };
                if slot.is_some() || bytes.get(at) != Some(&b':') {
                    return None;
                }
                at += 1;
                *slot = Some(&json[plain_string(bytes, &mut at)?]);
                at += 1;
                match bytes.get(at - 1) {
                    Some(b',') => {}
                    Some(b'}') => break,
                    _ => return None,
                }
            }
        }
        let [code, message, detail] = fields.map(|text| match text {
            Some(text) if !text.is_empty() => bounded(text, MAX_TEXT_LEN),
            _ => String::new(),
        });
        if !code.is_empty() || !message.is_empty() {
            entries.push(ErrorEntry {
                error_code: code,
                error_message: message,
                detail,
            });
        }
        at += 1;
        match bytes.get(at - 1) {
            Some(b',') => {}
            Some(b']') if at == bytes.len() => return Some(entries),
            _ => return None,
        }
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

/// The kept entries of the array.
struct Entries(Vec<ErrorEntry>);

impl<'de> de::Deserialize<'de> for Entries {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Entries, D::Error> {
        deserializer.deserialize_seq(EntriesVisitor)
    }
}

struct EntriesVisitor;

impl<'de> Visitor<'de> for EntriesVisitor {
    type Value = Entries;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an array of error entries")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut items: A) -> Result<Entries, A::Error> {
        let mut entries = Vec::new();
        while let Some(Item(entry)) = items.next_element::<Item>()? {
            entries.extend(entry);
        }
        Ok(Entries(entries))
    }
}

/// One item: the entry it gives, `None` when it has neither code nor message (skipped, as the
/// general path skips it).
struct Item(Option<ErrorEntry>);

impl<'de> de::Deserialize<'de> for Item {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Item, D::Error> {
        // `deserialize_map`, and a visitor with `visit_map` only: serde's derive would also take
        // an array (`["code","message"]`) as a struct, which the general path skips.
        deserializer.deserialize_map(ItemVisitor)
    }
}

struct ItemVisitor;

impl<'de> Visitor<'de> for ItemVisitor {
    type Value = Item;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an error entry")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Item, A::Error> {
        // Outer `Option`: whether the key was seen (a second time gives up); inner: the text.
        let mut fields: [Option<Option<String>>; 3] = [None, None, None];
        while let Some(key) = map.next_key::<Key>()? {
            let slot = &mut fields[key as usize];
            if slot.is_some() {
                return Err(de::Error::custom("duplicate key"));
            }
            *slot = Some(map.next_value::<Text>()?.0);
        }
        let [code, message, detail] = fields.map(Option::flatten);
        if code.is_none() && message.is_none() {
            return Ok(Item(None));
        }
        Ok(Item(Some(ErrorEntry {
            error_code: code.unwrap_or_default(),
            error_message: message.unwrap_or_default(),
            detail: detail.unwrap_or_default(),
        })))
    }
}

/// The keys of a legacy entry, as indices into the fields.
#[derive(Clone, Copy)]
enum Key {
    Code = 0,
    Message = 1,
    Detail = 2,
}

impl<'de> de::Deserialize<'de> for Key {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Key, D::Error> {
        deserializer.deserialize_identifier(KeyVisitor)
    }
}

struct KeyVisitor;

impl Visitor<'_> for KeyVisitor {
    type Value = Key;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("errorCode, errorMessage or detail")
    }

    fn visit_str<E: de::Error>(self, key: &str) -> Result<Key, E> {
        match key {
            "errorCode" => Ok(Key::Code),
            "errorMessage" => Ok(Key::Message),
            "detail" => Ok(Key::Detail),
            _ => Err(E::custom("another key")),
        }
    }
}

/// A string or `null`, as the text it gives: `None` for `null` and for `""`, else the string cut
/// to `MAX_TEXT_LEN`. Read from the input in place when it has no escapes; one allocation, for
/// the text kept.
struct Text(Option<String>);

impl<'de> de::Deserialize<'de> for Text {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Text, D::Error> {
        deserializer.deserialize_option(TextVisitor)
    }
}

struct TextVisitor;

impl<'de> Visitor<'de> for TextVisitor {
    type Value = Text;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a string or null")
    }

    fn visit_none<E: de::Error>(self) -> Result<Text, E> {
        Ok(Text(None))
    }

    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<Text, D::Error> {
        deserializer.deserialize_str(TextVisitor)
    }

    fn visit_str<E: de::Error>(self, text: &str) -> Result<Text, E> {
        Ok(Text(
            (!text.is_empty()).then(|| bounded(text, MAX_TEXT_LEN)),
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::{compact, Entries};
    use crate::{SwrCode, SwrError};

    fn typed(json: &[u8]) -> Option<Vec<crate::ErrorEntry>> {
        serde_json::from_slice::<Entries>(json)
            .ok()
            .map(|entries| entries.0)
    }

    #[test]
    fn the_scan_reads_every_catalogue_body_as_the_deserializer_does() {
        for code in SwrCode::ALL {
            let body = code.to_json();
            let scanned = compact(body.as_bytes());
            assert!(scanned.is_some(), "{body}");
            assert_eq!(scanned, typed(body.as_bytes()));
        }
        let body = br#"[{"detail":"d","errorCode":"C"},{},{"errorMessage":"m"}]"#;
        assert_eq!(compact(body), typed(body));
        assert_eq!(compact(body).unwrap().len(), 2);
    }

    #[test]
    fn the_scan_leaves_every_other_form_to_the_deserializer() {
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
            b"[{\"errorCode\":\"C\xff\"}]",
            b"[{\"errorCode\":\"C\x01\"}]",
            br#"[]"#,
        ] {
            assert_eq!(compact(body), None, "{}", String::from_utf8_lossy(body));
        }
    }
}
