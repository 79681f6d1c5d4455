//! Fuzzes `RemoteError::from_response`: the first two bytes are the status (big-endian), the rest
//! is the body. Any panic, overflow (with `-a`) or broken invariant is a crash, and so is any
//! body on which the fast path for the legacy array and the general path disagree (both are
//! built for this target only: cargo-fuzz compiles with `--cfg fuzzing`).

#![no_main]

use libfuzzer_sys::fuzz_target;
use swr_errors::{RemoteError, SwrError};

fuzz_target!(|data: &[u8]| {
    let (status, body) = match data {
        [high, low, body @ ..] => (u16::from_be_bytes([*high, *low]), body),
        _ => (0, data),
    };
    let err = RemoteError::from_response(status, body);

    // The general path is the rule; the fast path, where it reads a body at all, agrees with it.
    let general = RemoteError::from_response_general(status, body);
    assert_eq!(err, general);
    if let Some(fast) = RemoteError::from_response_fast(status, body) {
        assert_eq!(fast, general);
    }

    assert_eq!(err.status(), status);
    let max = RemoteError::MAX_TEXT_LEN;
    assert!(err.message().len() <= max);
    for text in [err.code(), err.detail(), err.request_id()].into_iter().flatten() {
        assert!(!text.is_empty() && text.len() <= max);
    }
    for entry in err.entries() {
        assert!(!entry.error_code.is_empty() || !entry.error_message.is_empty());
        assert!(entry.error_code.len() <= max);
        assert!(entry.error_message.len() <= max);
        assert!(entry.detail.len() <= max);
    }
    if let Some(known) = err.known() {
        assert_eq!(Some(known.code()), err.code());
        // A known code always has a message: the body's, else the catalogue's.
        assert!(!err.message().is_empty());
    }
    // Kept whole, so bounded by the body only.
    if let Some(encoded) = err.encoded_authorization_message() {
        assert!(!encoded.is_empty() && encoded.len() <= RemoteError::MAX_JSON_LEN);
    }
    // No headers, no wait and no challenge.
    assert_eq!(err.retry_after(), None);
    assert_eq!(err.www_authenticate(), None);
    let _ = err.retry_kind();
    let shown = err.to_string();
    assert!(shown.starts_with("HTTP "));
    assert!(!shown.contains(['\n', '\r']));
});
