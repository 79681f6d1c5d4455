//! Property tests of `RemoteError::from_response`: no body makes it panic, what it returns keeps
//! its invariants, the fast path for the legacy array agrees with the general path (both private,
//! hence these tests live in the crate), and no string content, however malformed, costs a
//! well-formed code.

use crate::{ErrorBody, ErrorEntry, RemoteError};
use proptest::prelude::*;
use serde_json::{Map, Value};

const MAX_TEXT: usize = RemoteError::MAX_TEXT_LEN;

/// What must hold of any `RemoteError`, whatever the body.
fn check_invariants(status: u16, err: &RemoteError) -> Result<(), TestCaseError> {
    prop_assert_eq!(err.status(), status);
    prop_assert!(err.message().len() <= MAX_TEXT);
    for text in [err.code(), err.detail(), err.request_id()]
        .into_iter()
        .flatten()
    {
        prop_assert!(!text.is_empty());
        prop_assert!(text.len() <= MAX_TEXT);
    }
    // Kept whole, so bounded by the body only.
    if let Some(encoded) = err.encoded_authorization_message() {
        prop_assert!(!encoded.is_empty() && encoded.len() <= RemoteError::MAX_JSON_LEN);
    }
    prop_assert_eq!(err.www_authenticate(), None);
    for entry in err.entries() {
        prop_assert!(!entry.error_code.is_empty() || !entry.error_message.is_empty());
        prop_assert!(entry.error_code.len() <= MAX_TEXT);
        prop_assert!(entry.error_message.len() <= MAX_TEXT);
        prop_assert!(entry.detail.len() <= MAX_TEXT);
    }
    // `known` agrees with `code`.
    if let Some(known) = err.known() {
        prop_assert_eq!(Some(crate::SwrError::code(&known)), err.code());
    }
    let _ = err.retry_kind();
    // Display is one line, and starts with the status.
    let shown = err.to_string();
    let head = format!("HTTP {status}");
    prop_assert!(shown.starts_with(&head));
    prop_assert!(!shown.contains(['\n', '\r', '\u{1b}']), "{}", shown);
    // Nor can it reorder or hide text: no bidi control or invisible format character.
    prop_assert!(
        !shown.contains(|c: char| matches!(
            c,
            '\u{061c}'
                | '\u{200b}'..='\u{200f}'
                | '\u{2028}'..='\u{202e}'
                | '\u{2060}'..='\u{2064}'
                | '\u{2066}'..='\u{2069}'
                | '\u{feff}'
        )),
        "{}",
        shown
    );
    Ok(())
}

/// Keys the parser looks for, and a few it does not.
fn key() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => prop::sample::select(vec![
            "error_code", "error_msg", "errorCode", "errorMsg", "errorMessage", "code", "message",
            "detail", "request_id", "error", "errors", "encoded_authorization_message",
        ])
        .prop_map(str::to_owned),
        1 => ".{0,8}",
    ]
}

/// Strings: short and any Unicode, codes that look like codes, or long.
fn string() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => ".{0,16}",
        2 => "SVCSTG\\.SWR\\.[45]0[0-9]{5}",
        1 => "APIGW\\.0[0-9]{3}",
        1 => prop::collection::vec(any::<char>(), 1000..1100).prop_map(String::from_iter),
    ]
}

/// Any JSON value, with objects drawn towards the keys the parser reads.
fn json_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<f64>().prop_map(Value::from), // NaN and infinities become null
        string().prop_map(Value::String),
    ];
    leaf.prop_recursive(6, 64, 8, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..8).prop_map(Value::Array),
            prop::collection::vec((key(), inner), 0..8)
                .prop_map(|members| Value::Object(members.into_iter().collect::<Map<_, _>>())),
        ]
    })
}

fn entry() -> impl Strategy<Value = ErrorEntry> {
    (".{0,24}", ".{0,24}", ".{0,24}").prop_map(|(error_code, error_message, detail)| ErrorEntry {
        error_code,
        error_message,
        detail,
    })
}

/// The fast path for the legacy array gives exactly what the general path (through a
/// `serde_json::Value`) gives, whenever it does not give the body up; and `from_response` is
/// the general path's answer either way.
fn check_paths_agree(status: u16, body: &[u8], err: &RemoteError) -> Result<(), TestCaseError> {
    let general = RemoteError::from_response_general(status, body);
    prop_assert_eq!(err, &general);
    if let Some(fast) = RemoteError::from_response_fast(status, body) {
        prop_assert_eq!(&fast, &general);
    }
    Ok(())
}

/// A value in an entry of a legacy-shaped body, as JSON text.
#[derive(Clone, Debug)]
enum Member {
    /// A string: written as `serde_json` writes it, or with every character as `\uXXXX`.
    Text(String, bool),
    Null,
    /// Anything else (a number, a boolean, an array, an object): the fast path gives up on it.
    Other(&'static str),
}

impl Member {
    fn json(&self) -> String {
        match self {
            Member::Text(text, false) => serde_json::to_string(text).unwrap(),
            Member::Text(text, true) => {
                let mut out = String::from("\"");
                for unit in text.encode_utf16() {
                    out.push_str(&format!("\\u{unit:04X}"));
                }
                out.push('"');
                out
            }
            Member::Null => "null".to_owned(),
            Member::Other(json) => (*json).to_owned(),
        }
    }

    /// The text the general path reads from it: a non-empty string.
    fn text(&self) -> Option<&str> {
        match self {
            Member::Text(text, _) if !text.is_empty() => Some(text),
            _ => None,
        }
    }
}

fn member() -> impl Strategy<Value = Member> {
    prop_oneof![
        12 => (string(), prop::bool::weighted(0.15)).prop_map(|(text, all)| Member::Text(text, all)),
        3 => Just(Member::Text(String::new(), false)),
        2 => Just(Member::Null),
        1 => prop::sample::select(vec![
            "404", "-1", "1.5e3", "1e400", "-1E+400", "true", "false", "[]", "{}", "[\"a\"]",
            "{\"errorCode\":\"x\"}",
        ])
        .prop_map(Member::Other),
    ]
}

const LEGACY_KEYS: [&str; 3] = ["errorCode", "errorMessage", "detail"];

/// One item of a legacy-shaped array: an object with some of the three keys in any order, and
/// sometimes something out of shape (another key, a repeated key, or an item that is not an
/// object). `compact` says whether the item is in the fast path's form.
#[derive(Clone, Debug)]
struct Item {
    json: String,
    /// Whether the item is in the fast path's compact form: only the three keys, each once, with
    /// string values, no whitespace, and nothing to escape.
    compact: bool,
    /// Whether the general path keeps it: a non-empty code or message (for an item of the three keys).
    kept: bool,
}

fn item() -> impl Strategy<Value = Item> {
    let object = (
        prop::sample::subsequence(vec![0usize, 1, 2], 0..=3).prop_shuffle(),
        prop::collection::vec(member(), 3),
        prop::option::weighted(0.1, (key(), member(), any::<prop::sample::Index>())),
        prop::option::weighted(0.05, (0usize..3, member(), any::<prop::sample::Index>())),
        prop::sample::select(vec!["", " ", "\n  "]),
    )
        .prop_map(|(keys, values, extra, repeated, ws)| {
            let mut members: Vec<(String, Member)> = keys
                .iter()
                .map(|&k| (LEGACY_KEYS[k].to_owned(), values[k].clone()))
                .collect();
            for (key, value, at) in extra
                .into_iter()
                .chain(repeated.map(|(k, v, at)| (LEGACY_KEYS[k].to_owned(), v, at)))
            {
                let at = at.index(members.len() + 1);
                members.insert(at, (key, value));
            }
            let mut keys: Vec<&str> = members.iter().map(|(k, _)| k.as_str()).collect();
            keys.sort_unstable();
            let pure = keys.windows(2).all(|pair| pair[0] != pair[1])
                && members.iter().all(|(k, v)| {
                    LEGACY_KEYS.contains(&k.as_str()) && !matches!(v, Member::Other(_))
                });
            let kept = members
                .iter()
                .any(|(k, v)| k != "detail" && v.text().is_some());
            let compact = pure
                && ws.is_empty()
                && members.iter().all(|(_, v)| match v {
                    Member::Text(text, false) => {
                        !text.contains(|c: char| matches!(c, '"' | '\\' | '\0'..='\u{1f}'))
                    }
                    _ => false,
                });
            let body: Vec<String> = members
                .iter()
                .map(|(k, v)| {
                    format!(
                        "{ws}{}{ws}:{ws}{}",
                        serde_json::to_string(k).unwrap(),
                        v.json()
                    )
                })
                .collect();
            Item {
                json: format!("{{{}{ws}}}", body.join(",")),
                compact,
                kept,
            }
        });
    prop_oneof![
        12 => object,
        1 => prop::sample::select(vec!["1", "null", "\"text\"", "[]", "[\"SVCSTG.SWR.4040010\",\"m\",\"\"]"])
            .prop_map(|json| Item { json: json.to_owned(), compact: false, kept: false }),
    ]
}

/// A legacy-shaped body: the items in an array, with optional whitespace and byte order mark.
fn legacy_shaped() -> impl Strategy<Value = (Vec<u8>, Vec<Item>, bool)> {
    (
        prop::collection::vec(item(), 0..5),
        any::<bool>(),
        prop::sample::select(vec!["", " ", "\r\n", "\t \n"]),
    )
        .prop_map(|(items, bom, ws)| {
            let json: Vec<&str> = items.iter().map(|item| item.json.as_str()).collect();
            let mut body = if bom {
                "\u{feff}".to_owned()
            } else {
                String::new()
            };
            body.push_str(&format!(
                "{ws}[{ws}{}{ws}]{ws}",
                json.join(&format!("{ws},{ws}"))
            ));
            (body.into_bytes(), items, ws.is_empty())
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn any_bytes(status in any::<u16>(), body in prop::collection::vec(any::<u8>(), 0..4096)) {
        let err = RemoteError::from_response(status, &body);
        check_invariants(status, &err)?;
        check_paths_agree(status, &body, &err)?;
    }

    #[test]
    fn any_bytes_after_a_json_opening(
        status in any::<u16>(),
        open in prop::sample::select(vec!["[", "{", "[{", "\"", "{\"error\":", "\u{feff}["]),
        body in prop::collection::vec(any::<u8>(), 0..512),
    ) {
        let mut bytes = open.as_bytes().to_vec();
        bytes.extend(body);
        let err = RemoteError::from_response(status, &bytes);
        check_invariants(status, &err)?;
        check_paths_agree(status, &bytes, &err)?;
    }

    #[test]
    fn any_json_value(status in any::<u16>(), value in json_value()) {
        let body = serde_json::to_vec(&value).unwrap();
        let err = RemoteError::from_response(status, &body);
        check_invariants(status, &err)?;
        check_paths_agree(status, &body, &err)?;

        // An object with the first SDK pair at the top level is read from it.
        if let Some(Value::String(code)) = value.get("error_code") {
            if let Some(Value::String(message)) = value.get("error_msg") {
                if !code.is_empty() && !message.is_empty() && body.len() <= RemoteError::MAX_JSON_LEN {
                    let expected = |text: &str| {
                        let mut end = text.len().min(MAX_TEXT);
                        while !text.is_char_boundary(end) { end -= 1; }
                        text[..end].to_owned()
                    };
                    let code = expected(code);
                    prop_assert_eq!(err.code(), Some(code.as_str()));
                    prop_assert_eq!(err.message(), expected(message));
                }
            }
        }
    }

    #[test]
    fn any_legacy_body_round_trips(status in 400u16..600, entries in prop::collection::vec(entry(), 1..6)) {
        let body = ErrorBody { errors: entries };
        let err = RemoteError::from_response(status, body.to_json().as_bytes());
        check_invariants(status, &err)?;
        check_paths_agree(status, body.to_json().as_bytes(), &err)?;
        let kept: Vec<ErrorEntry> = body
            .errors
            .iter()
            .filter(|e| !e.error_code.is_empty() || !e.error_message.is_empty())
            .cloned()
            .collect();
        prop_assert_eq!(err.entries(), kept.as_slice());
        if let Some(first) = kept.first() {
            prop_assert_eq!(err.code().unwrap_or(""), first.error_code.as_str());
            prop_assert_eq!(err.message(), first.error_message.as_str());
            prop_assert_eq!(err.detail().unwrap_or(""), first.detail.as_str());
        } else {
            // No entry: the body is text.
            prop_assert_eq!(err.code(), None);
            prop_assert_eq!(err.message(), body.to_json());
        }
    }

    // The first character is no whitespace either: `\t"0"` is a JSON string.
    #[test]
    fn text_that_is_not_json_is_the_message(status in any::<u16>(), text in "[^\\[{\"\u{feff}\\s].{0,300}") {
        let err = RemoteError::from_response(status, text.as_bytes());
        check_invariants(status, &err)?;
        prop_assert_eq!(err.code(), None);
        prop_assert_eq!(err.message(), text.trim());
    }

    #[test]
    fn text_after_any_whitespace_is_the_message(
        status in any::<u16>(),
        space in "[ \t\n\r\u{b}\u{c}\u{85}\u{a0}\u{2003}\u{2028}\u{3000}]{0,800}",
        text in "[^\\[{\"\u{feff}\\s]{1,50}",
    ) {
        // Up to 2,400 bytes of whitespace on each side, more than MAX_TEXT_LEN: trimmed before the
        // cut, so the text is the whole message.
        let body = format!("{space}{text}{space}");
        let err = RemoteError::from_response(status, body.as_bytes());
        check_invariants(status, &err)?;
        check_paths_agree(status, body.as_bytes(), &err)?;
        prop_assert_eq!(err.code(), None);
        prop_assert_eq!(err.message(), text.as_str());
    }

    #[test]
    fn fast_path_agrees_with_the_general_path_on_legacy_shaped_bodies(
        status in any::<u16>(),
        (body, items, tight) in legacy_shaped(),
    ) {
        let err = RemoteError::from_response(status, &body);
        check_invariants(status, &err)?;
        check_paths_agree(status, &body, &err)?;
        // The fast path is taken for every body in its compact form that has an entry to keep
        // (else the body is text, which only the general path decides), and for no other.
        let fast = RemoteError::from_response_fast(status, &body);
        let compact = tight && !items.is_empty() && items.iter().all(|item| item.compact);
        prop_assert_eq!(fast.is_some(), compact && items.iter().any(|item| item.kept));
    }
}

/// The bodies at the edge of the fast path's form: each is read alike by both paths, and the fast
/// path takes exactly those in its form.
#[test]
fn fast_path_edges() {
    let long = "é".repeat(RemoteError::MAX_TEXT_LEN);
    let long_body =
        format!(r#"[{{"errorCode":"{long}","errorMessage":"{long}","detail":"{long}"}}]"#);
    let too_long = format!(
        r#"[{{"errorCode":"C","errorMessage":"{}"}}]"#,
        "m".repeat(RemoteError::MAX_JSON_LEN)
    );
    let deep = format!("[{}{}]", "[".repeat(40), "]".repeat(40));
    let taken: &[&str] = &[
        r#"[{"errorCode":"SVCSTG.SWR.4040010","errorMessage":"gone","detail":""}]"#,
        // What surrounds the JSON is stripped before either path reads it.
        "\u{feff} \r\n[{\"errorCode\":\"C\",\"errorMessage\":\"m\"}]\n\x0c",
        r#"[{"detail":"d","errorMessage":"m"}]"#,
        r#"[{"errorCode":"C","errorMessage":""}]"#,
        r#"[{},{"detail":"only"},{"errorCode":"","errorMessage":""},{"errorCode":"C2"}]"#,
        "[{\"errorCode\":\"C\",\"errorMessage\":\"\u{202e}\u{7f}[31m\"}]",
        &long_body,
    ];
    let given_up: &[&str] = &[
        "[]",
        "[{}]",
        r#"[{"errorCode":"","errorMessage":"","detail":"d"}]"#,
        r#"[{"errorCode":404,"errorMessage":"m"}]"#,
        r#"[{"errorCode":null,"errorMessage":"m","detail":null}]"#,
        r#"[ {"errorCode":"C","errorMessage":"m"}]"#,
        r#"[{"errorCode":"C","errorMessage":"m","errorMsg":"other"}]"#,
        r#"[{"errorCode":"A","errorCode":"B","errorMessage":"m"}]"#,
        r#"[{"errorCode":"C","errorMessage":"m","extra":[[[[]]]]}]"#,
        r#"[{"error\u0043ode":"\u0043\ud83d\ude00","errorMessage":"a\"b\\c\n"}]"#,
        r#"[["SVCSTG.SWR.4040010","gone",""]]"#,
        r#"[1,{"errorCode":"C","errorMessage":"m"}]"#,
        r#"[{"errorCode":"C","errorMessage":"m"}] trailing"#,
        r#"[{"errorCode":"C","errorMessage":"m"}"#,
        r#"[{"errorCode":["C"],"errorMessage":"m"}]"#,
        r#"{"errorCode":"C","errorMessage":"m"}"#,
        "\"text\"",
        &too_long,
        &deep,
        // Not strict JSON: read by the general path once repaired (see `lenient`).
        r#"[{"errorCode":"\ud800","errorMessage":"m"}]"#,
        r#"[{"errorCode":"C","errorMessage":"\q\u12\udc00"}]"#,
        "[{\"errorCode\":\"C\",\"errorMessage\":\"raw\nline\"}]",
        r#"[{"errorCode":1e400,"errorMessage":"m"}]"#,
        r#"[{"errorCode":"C","errorMessage":-1e400,"detail":1E+999}]"#,
    ];
    for (body, fast) in taken
        .iter()
        .map(|body| (body, true))
        .chain(given_up.iter().map(|body| (body, false)))
    {
        let shown = body.get(..200).unwrap_or(body);
        let body = body.as_bytes();
        let general = RemoteError::from_response_general(404, body);
        assert_eq!(RemoteError::from_response(404, body), general, "{shown}");
        match RemoteError::from_response_fast(404, body) {
            Some(err) => {
                assert!(fast, "the fast path took {shown}");
                assert_eq!(err, general, "{shown}");
            }
            None => assert!(!fast, "the fast path gave up {shown}"),
        }
    }
    let general = RemoteError::from_response(404, br#"[{"errorCode":-1e400}]"#);
    assert_eq!(general.code(), Some("-1e400"));
    // Invalid UTF-8 inside a string: the general path reads the repaired body, the byte as U+FFFD.
    let body = b"[{\"errorCode\":\"C\xff\",\"errorMessage\":\"m\"}]";
    assert_eq!(RemoteError::from_response_fast(404, body), None);
    assert_eq!(
        RemoteError::from_response(404, body).code(),
        Some("C\u{fffd}")
    );
}

/// One piece of a JSON string's content as a server may write it, and the text the lenient
/// reading gives it. Pieces never interact: a short `\u` escape or a lone leading surrogate is
/// followed by a character that cannot continue it, an invalid byte is one that is invalid alone.
fn piece() -> impl Strategy<Value = (Vec<u8>, String)> {
    let raw = any::<char>()
        .prop_filter("not a quote or backslash", |c| !matches!(c, '"' | '\\'))
        .prop_map(|c| (c.to_string().into_bytes(), c.to_string()));
    let simple = prop::sample::select(vec![
        ("\\\"", "\""),
        ("\\\\", "\\"),
        ("\\/", "/"),
        ("\\b", "\u{8}"),
        ("\\f", "\u{c}"),
        ("\\n", "\n"),
        ("\\r", "\r"),
        ("\\t", "\t"),
    ])
    .prop_map(|(json, text)| (json.as_bytes().to_vec(), text.to_owned()));
    let unicode = any::<char>().prop_map(|c| {
        let mut json = String::new();
        for unit in c.encode_utf16(&mut [0; 2]) {
            json.push_str(&format!("\\u{unit:04X}"));
        }
        (json.into_bytes(), c.to_string())
    });
    let lone_leading = (0xd800u32..0xdc00).prop_map(|unit| {
        (
            format!("\\u{unit:04x}x").into_bytes(),
            "\u{fffd}x".to_owned(),
        )
    });
    let lone_trailing = (0xdc00u32..0xe000)
        .prop_map(|unit| (format!("\\u{unit:04X}").into_bytes(), "\u{fffd}".to_owned()));
    let short_unicode = "[0-9a-fA-F]{0,3}"
        .prop_map(|digits| (format!("\\u{digits}g").into_bytes(), "\u{fffd}g".to_owned()));
    let bad_escape = any::<char>()
        .prop_filter("not a valid escape", |c| {
            !matches!(c, '"' | '\\' | '/' | 'b' | 'f' | 'n' | 'r' | 't' | 'u')
        })
        .prop_map(|c| (format!("\\{c}").into_bytes(), "\u{fffd}".to_owned()));
    let bad_byte = prop_oneof![0x80u8..0xc0, 0xf8u8..=0xff]
        .prop_map(|byte| (vec![byte], "\u{fffd}".to_owned()));
    let raw_control = (0u32..0x20).prop_map(|unit| {
        let c = char::from_u32(unit).unwrap();
        (vec![unit as u8], c.to_string())
    });
    prop_oneof![
        6 => raw,
        2 => simple,
        2 => unicode,
        1 => lone_leading,
        1 => lone_trailing,
        1 => short_unicode,
        1 => bad_escape,
        1 => bad_byte,
        1 => raw_control,
    ]
}

/// A string's content: the bytes between its quotes, and the text it reads as.
fn string_content() -> impl Strategy<Value = (Vec<u8>, String)> {
    prop::collection::vec(piece(), 0..12).prop_map(|pieces| {
        let mut json = Vec::new();
        let mut text = String::new();
        for (piece_json, piece_text) in pieces {
            json.extend(piece_json);
            text.push_str(&piece_text);
        }
        (json, text)
    })
}

/// A well-formed code: one of the stock catalogue, or one no catalogue knows.
fn well_formed_code() -> impl Strategy<Value = String> {
    prop_oneof![
        prop::sample::select(crate::SwrCode::ALL.to_vec())
            .prop_map(|code| crate::SwrError::code(&code).to_owned()),
        "SVCSTG\\.[A-Z]{2,8}\\.[45][0-9]{6}",
        "APIGW\\.0[0-9]{3}",
    ]
}

/// The body shapes a service sends, with `m` and `d` the raw contents of the message and detail
/// strings.
#[derive(Clone, Copy, Debug)]
enum Shape {
    Legacy,
    Dual,
    Problem,
    Gateway,
    /// The OCI distribution envelope.
    Oci,
}

impl Shape {
    fn body(self, code: &str, m: &[u8], d: &[u8]) -> Vec<u8> {
        let code = serde_json::to_string(code).unwrap();
        let parts: Vec<&[u8]> = match self {
            Shape::Legacy => vec![
                b"[{\"errorCode\":",
                code.as_bytes(),
                b",\"errorMessage\":\"",
                m,
                b"\",\"detail\":\"",
                d,
                b"\"}]",
            ],
            Shape::Dual => vec![
                b"{\"error_code\":",
                code.as_bytes(),
                b",\"error_msg\":\"",
                m,
                b"\",\"errors\":[{\"errorCode\":",
                code.as_bytes(),
                b",\"errorMessage\":\"",
                m,
                b"\",\"detail\":\"",
                d,
                b"\"}]}",
            ],
            Shape::Problem => vec![
                b"{\"type\":\"about:blank\",\"title\":\"",
                m,
                b"\",\"status\":404,\"detail\":\"",
                d,
                b"\",\"code\":",
                code.as_bytes(),
                b",\"request_id\":\"r-1\"}",
            ],
            Shape::Gateway => vec![
                b"{\"error_code\":",
                code.as_bytes(),
                b",\"error_msg\":\"",
                m,
                b"\",\"detail\":\"",
                d,
                b"\",\"request_id\":\"r-1\"}",
            ],
            Shape::Oci => vec![
                b"{\"errors\":[{\"code\":",
                code.as_bytes(),
                b",\"message\":\"",
                m,
                b"\",\"detail\":\"",
                d,
                b"\"}]}",
            ],
        };
        parts.concat()
    }
}

fn shape() -> impl Strategy<Value = Shape> {
    prop::sample::select(vec![
        Shape::Legacy,
        Shape::Dual,
        Shape::Problem,
        Shape::Gateway,
        Shape::Oci,
    ])
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(3000))]

    /// Whatever the message and detail strings hold (lone surrogates, invalid escapes, raw control
    /// characters, bytes that are not UTF-8), the code is read, and each string reads as its
    /// content with every bad escape or byte as U+FFFD.
    #[test]
    fn string_content_never_costs_the_code(
        status in 400u16..600,
        shape in shape(),
        code in well_formed_code(),
        (m_json, m_text) in string_content(),
        (d_json, d_text) in string_content(),
    ) {
        let body = shape.body(&code, &m_json, &d_json);
        let err = RemoteError::from_response(status, &body);
        check_invariants(status, &err)?;
        check_paths_agree(status, &body, &err)?;
        prop_assert_eq!(err.code(), Some(code.as_str()), "{}", String::from_utf8_lossy(&body));
        let message = match crate::SwrCode::from_code(&code) {
            Some(known) if m_text.is_empty() => crate::SwrError::message(&known).into_owned(),
            _ => m_text,
        };
        prop_assert_eq!(err.message(), message);
        prop_assert_eq!(err.detail(), Some(d_text.as_str()).filter(|d| !d.is_empty()));
        if matches!(shape, Shape::Legacy | Shape::Dual | Shape::Oci) {
            prop_assert_eq!(err.entries().len(), 1);
            prop_assert_eq!(err.entries()[0].error_code.as_str(), code.as_str());
        }
    }

    /// Any escape at all, valid or not, anywhere in the message: never a panic, and the code kept.
    #[test]
    fn any_escapes_never_cost_the_code(
        status in any::<u16>(),
        shape in shape(),
        code in well_formed_code(),
        message in prop::collection::vec(
            prop_oneof![
                3 => any::<char>().prop_filter("no quote or backslash", |c| !matches!(c, '"' | '\\')).prop_map(String::from),
                2 => any::<char>().prop_map(|c| format!("\\{c}")),
                2 => "\\\\u[0-9a-fA-FdD]{0,6}",
                1 => "(\\\\u[dD][89abAB][0-9a-fA-F]{2}){1,3}",
                1 => "(\\\\u[dD][c-fC-F][0-9a-fA-F]{2}){1,3}",
            ],
            0..16,
        ),
        detail in prop::collection::vec(any::<u8>().prop_filter("no quote or backslash", |b| !matches!(b, b'"' | b'\\')), 0..16),
    ) {
        let message = message.concat();
        let body = shape.body(&code, message.as_bytes(), &detail);
        let err = RemoteError::from_response(status, &body);
        check_invariants(status, &err)?;
        check_paths_agree(status, &body, &err)?;
        prop_assert_eq!(err.code(), Some(code.as_str()), "{}", String::from_utf8_lossy(&body));
    }
}

#[test]
fn the_problem_shape_reads_code_title_and_detail() {
    let body = br#"{"type":"about:blank","title":"The image does not exist.","status":404,
        "detail":"nginx:1.27","code":"SVCSTG.SWR.4040010","request_id":"5a9c"}"#;
    let err = RemoteError::from_response(404, body);
    assert_eq!(err.known(), Some(crate::SwrCode::ImageNotFound));
    assert_eq!(err.message(), "The image does not exist.");
    assert_eq!(err.detail(), Some("nginx:1.27"));
    assert_eq!(err.request_id(), Some("5a9c"));
    assert!(err.entries().is_empty());
    // A problem of another service, without the code extension: its title is the message.
    let body = br#"{"type":"https://example.com/probs/out-of-credit","title":"You do not have enough credit.","status":403}"#;
    let err = RemoteError::from_response(403, body);
    assert_eq!(err.code(), None);
    assert_eq!(err.message(), "You do not have enough credit.");
    // `message` wins over `title` when a body has both.
    let err = RemoteError::from_response(400, br#"{"code":"C","title":"t","message":"m"}"#);
    assert_eq!(err.message(), "m");
}

#[test]
fn the_issue_s_lone_surrogate_keeps_the_code() {
    // What `JSON.stringify` writes for a UTF-16 string cut inside a surrogate pair.
    let body = br#"[{"errorCode":"SVCSTG.SWR.4040010","errorMessage":"Image \ud83d not found","detail":""}]"#;
    let err = RemoteError::from_response(404, body);
    assert_eq!(err.known(), Some(crate::SwrCode::ImageNotFound));
    assert_eq!(err.message(), "Image \u{fffd} not found");
}

#[test]
fn a_known_code_without_a_message_reads_the_catalogue_s() {
    for body in [
        &br#"[{"errorCode":"SVCSTG.SWR.4090023","errorMessage":"","detail":""}]"#[..],
        br#"[{"errorCode":"SVCSTG.SWR.4090023"}]"#,
        br#"{"error_code":"SVCSTG.SWR.4090023","error_msg":null}"#,
        br#"{"code":"SVCSTG.SWR.4090023","status":409}"#,
        br#"{"error":{"code":"SVCSTG.SWR.4090023"}}"#,
    ] {
        let err = RemoteError::from_response(409, body);
        assert_eq!(err.known(), Some(crate::SwrCode::SystemBusy));
        assert_eq!(
            err.message(),
            "The system is busy.",
            "{}",
            String::from_utf8_lossy(body)
        );
    }
    let err = RemoteError::from_response(409, br#"[{"errorCode":"SVCSTG.OTHER.4090001"}]"#);
    assert_eq!(err.message(), "");
}
