//! Property tests of `RemoteError::from_response`: no body makes it panic, and what it returns
//! keeps its invariants.

use proptest::prelude::*;
use serde_json::{Map, Value};
use swr_errors::{ErrorBody, ErrorEntry, RemoteError};

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
    for entry in err.entries() {
        prop_assert!(!entry.error_code.is_empty() || !entry.error_message.is_empty());
        prop_assert!(entry.error_code.len() <= MAX_TEXT);
        prop_assert!(entry.error_message.len() <= MAX_TEXT);
        prop_assert!(entry.detail.len() <= MAX_TEXT);
    }
    // `known` agrees with `code`.
    if let Some(known) = err.known() {
        prop_assert_eq!(Some(swr_errors::SwrError::code(&known)), err.code());
    }
    let _ = err.retry_kind();
    // Display is one line, and starts with the status.
    let shown = err.to_string();
    let head = format!("HTTP {status}");
    prop_assert!(shown.starts_with(&head));
    prop_assert!(!shown.contains(['\n', '\r', '\u{1b}']), "{}", shown);
    Ok(())
}

/// Keys the parser looks for, and a few it does not.
fn key() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => prop::sample::select(vec![
            "error_code", "error_msg", "errorCode", "errorMsg", "errorMessage", "code", "message",
            "detail", "request_id", "error", "errors",
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

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn any_bytes(status in any::<u16>(), body in prop::collection::vec(any::<u8>(), 0..4096)) {
        let err = RemoteError::from_response(status, &body);
        check_invariants(status, &err)?;
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
    }

    #[test]
    fn any_json_value(status in any::<u16>(), value in json_value()) {
        let body = serde_json::to_vec(&value).unwrap();
        let err = RemoteError::from_response(status, &body);
        check_invariants(status, &err)?;

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

    #[test]
    fn text_that_is_not_json_is_the_message(status in any::<u16>(), text in "[^\\[{\"\u{feff}].{0,300}") {
        let err = RemoteError::from_response(status, text.as_bytes());
        check_invariants(status, &err)?;
        prop_assert_eq!(err.code(), None);
        prop_assert_eq!(err.message(), text.trim());
    }
}
