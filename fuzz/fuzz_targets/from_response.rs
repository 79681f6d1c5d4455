//! Fuzzes `RemoteError::from_response`: the first two bytes are the status (big-endian), the rest
//! is the body. Any panic, overflow (with `-a`) or broken invariant is a crash.

#![no_main]

use libfuzzer_sys::fuzz_target;
use swr_errors::{RemoteError, SwrError};

fuzz_target!(|data: &[u8]| {
    let (status, body) = match data {
        [high, low, body @ ..] => (u16::from_be_bytes([*high, *low]), body),
        _ => (0, data),
    };
    let err = RemoteError::from_response(status, body);

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
    // No headers, no wait.
    assert_eq!(err.retry_after(), None);
    let _ = err.retry_kind();
    let shown = err.to_string();
    assert!(shown.starts_with("HTTP "));
    assert!(!shown.contains(['\n', '\r']));
});
