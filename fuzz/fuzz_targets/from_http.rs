//! Fuzzes `RemoteError::from_http`: the first two bytes are the status (big-endian), the third the
//! length of the `Retry-After` value that follows, the rest is the body. Any panic, overflow
//! (with `-a`) or broken invariant is a crash.

#![no_main]

use std::time::Duration;

use libfuzzer_sys::fuzz_target;
use swr_errors::RemoteError;

fuzz_target!(|data: &[u8]| {
    let [high, low, len, rest @ ..] = data else {
        return;
    };
    let Ok(status) = http::StatusCode::from_u16(u16::from_be_bytes([*high, *low])) else {
        return;
    };
    let (retry_after, body) = rest.split_at(usize::from(*len).min(rest.len()));
    let Ok(value) = http::HeaderValue::from_bytes(retry_after) else {
        return;
    };
    let response = http::Response::builder()
        .status(status)
        .header("retry-after", value)
        .body(body)
        .unwrap();
    let err = RemoteError::from_http(&response);

    // The headers change nothing the body says.
    let plain = RemoteError::from_response(status.as_u16(), body);
    assert_eq!(err.status(), plain.status());
    assert_eq!(err.code(), plain.code());
    assert_eq!(err.message(), plain.message());
    assert_eq!(err.detail(), plain.detail());
    assert_eq!(err.entries(), plain.entries());
    assert_eq!(err.encoded_authorization_message(), plain.encoded_authorization_message());
    assert_eq!(plain.retry_after(), None);
    // No `WWW-Authenticate` header was sent.
    assert_eq!(err.www_authenticate(), None);

    // Retry-After: bounded, and always read when it is delta-seconds.
    if let Some(wait) = err.retry_after() {
        assert!(wait <= Duration::from_secs(1 << 31));
    }
    let trimmed = retry_after.trim_ascii();
    if !trimmed.is_empty() && trimmed.iter().all(u8::is_ascii_digit) {
        assert!(err.retry_after().is_some());
    }
});
