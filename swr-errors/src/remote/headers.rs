//! The response headers every HTTP transport reads into a [`RemoteError`]: `X-Request-Id`,
//! `Retry-After` and `WWW-Authenticate`. Each transport (`http_response.rs`, `reqwest.rs`) only
//! looks the values up.

use std::time::{Duration, SystemTime};

use super::{RemoteError, MAX_RETRY_AFTER};
use crate::X_REQUEST_ID;

/// The name of the `Retry-After` header (RFC 9110 §10.2.3), as `http` spells header names.
const RETRY_AFTER: &str = "retry-after";
/// The name of the `WWW-Authenticate` header (RFC 9110 §11.6.1).
const WWW_AUTHENTICATE: &str = "www-authenticate";

/// What the headers of a response say, read before its body.
pub(super) struct Head {
    request_id: Option<String>,
    retry_after: Option<Duration>,
    www_authenticate: Option<String>,
}

impl Head {
    /// Reads the headers through `header`, which gives the values of a header, in order, by its
    /// (lower-case) name.
    pub(super) fn read<'a, I: Iterator<Item = &'a [u8]>>(header: impl Fn(&str) -> I) -> Head {
        Head {
            request_id: header(X_REQUEST_ID)
                .next()
                .filter(|id| !id.is_empty())
                .map(|id| String::from_utf8_lossy(id).into_owned()),
            retry_after: header(RETRY_AFTER)
                .next()
                .and_then(|value| parse_retry_after(value, SystemTime::now())),
            www_authenticate: joined(header(WWW_AUTHENTICATE)),
        }
    }
}

impl RemoteError {
    /// The error read from a body, with what its response's headers said: the header's request id
    /// wins over the body's.
    pub(super) fn with_head(mut self, head: Head) -> RemoteError {
        if let Some(id) = head.request_id {
            self = self.with_request_id(id);
        }
        self.retry_after = head.retry_after.or(self.retry_after);
        self.www_authenticate = head.www_authenticate;
        self
    }
}

/// The non-empty values of a list-based header, joined by `", "` into one (RFC 9110 §5.3), read
/// lossily; `None` when there is none.
fn joined<'a>(values: impl Iterator<Item = &'a [u8]>) -> Option<String> {
    let mut out: Option<String> = None;
    for value in values.filter(|value| !value.trim_ascii().is_empty()) {
        let value = String::from_utf8_lossy(value.trim_ascii());
        match &mut out {
            Some(out) => {
                out.push_str(", ");
                out.push_str(&value);
            }
            None => out = Some(value.into_owned()),
        }
    }
    out
}

/// A `Retry-After` value: delta-seconds (`120`), or an HTTP-date in any of the three forms RFC
/// 9110 §5.6.7 has recipients accept (`Sun, 06 Nov 1994 08:49:37 GMT`, its RFC 850 and asctime
/// spellings), as the time from `now` until then, zero for a date already past. A date before
/// 1970 is `None` and an RFC 850 year `70`..`99` is 19xx: `httpdate`'s reading, documented on
/// `RemoteError::retry_after`. Optional
/// whitespace around the value is ignored; anything else is no value (`None`). Waits are capped
/// at [`MAX_RETRY_AFTER`].
pub(super) fn parse_retry_after(value: &[u8], now: SystemTime) -> Option<Duration> {
    let value = std::str::from_utf8(value).ok()?.trim_matches([' ', '\t']);
    if !value.is_empty() && value.bytes().all(|b| b.is_ascii_digit()) {
        // All digits: only too many of them fails to parse, and saturates.
        let seconds = value.parse::<u64>().unwrap_or(u64::MAX);
        return Some(Duration::from_secs(seconds).min(MAX_RETRY_AFTER));
    }
    let date = httpdate::parse_http_date(value).ok()?;
    Some(
        date.duration_since(now)
            .unwrap_or(Duration::ZERO)
            .min(MAX_RETRY_AFTER),
    )
}

#[cfg(test)]
mod tests {
    use std::time::{Duration, SystemTime};

    use super::{parse_retry_after, MAX_RETRY_AFTER};

    /// 1994-11-06 08:49:37 UTC, the date of RFC 9110's examples.
    fn rfc_example() -> SystemTime {
        SystemTime::UNIX_EPOCH + Duration::from_secs(784_111_777)
    }

    #[test]
    fn delta_seconds() {
        let now = SystemTime::now();
        for (value, seconds) in [
            (&b"0"[..], 0),
            (b"120", 120),
            (b" 120\t", 120),
            (b"007", 7),
            (b"86400", 86_400),
        ] {
            assert_eq!(
                parse_retry_after(value, now),
                Some(Duration::from_secs(seconds))
            );
        }
        assert_eq!(
            parse_retry_after(b"99999999999999999999999999", now),
            Some(MAX_RETRY_AFTER)
        );
        assert_eq!(parse_retry_after(b"4294967296", now), Some(MAX_RETRY_AFTER));
    }

    #[test]
    fn http_dates_in_all_three_forms() {
        let before = rfc_example() - Duration::from_secs(90);
        for value in [
            &b"Sun, 06 Nov 1994 08:49:37 GMT"[..],
            b"Sunday, 06-Nov-94 08:49:37 GMT",
            b"Sun Nov  6 08:49:37 1994",
        ] {
            assert_eq!(
                parse_retry_after(value, before),
                Some(Duration::from_secs(90)),
                "{}",
                String::from_utf8_lossy(value)
            );
        }
    }

    #[test]
    fn a_date_in_the_past_is_zero() {
        let after = rfc_example() + Duration::from_secs(3600);
        assert_eq!(
            parse_retry_after(b"Sun, 06 Nov 1994 08:49:37 GMT", after),
            Some(Duration::ZERO)
        );
    }

    #[test]
    fn httpdates_edges_are_the_documented_ones() {
        let now = rfc_example();
        assert_eq!(
            parse_retry_after(b"Thu, 01 Jan 1970 00:00:00 GMT", now),
            Some(Duration::ZERO)
        );
        assert_eq!(
            parse_retry_after(b"Wed, 31 Dec 1969 23:59:59 GMT", now),
            None
        );
        // On 2026-12-01 RFC 9110 reads `-75` as 2075, 49 years ahead; it is read as 1975.
        let in_2026 = SystemTime::UNIX_EPOCH + Duration::from_secs(1_796_083_200);
        assert_eq!(
            parse_retry_after(b"Thursday, 06-Nov-75 08:49:37 GMT", in_2026),
            Some(Duration::ZERO)
        );
        assert_eq!(
            parse_retry_after(b"Wednesday, 06-Nov-69 08:49:37 GMT", in_2026),
            // 2069-11-06 08:49:37 UTC.
            Some(Duration::from_secs(3_150_953_377 - 1_796_083_200))
        );
    }

    #[test]
    fn anything_else_is_no_value() {
        let now = SystemTime::now();
        for value in [
            &b""[..],
            b" ",
            b"-1",
            b"+5",
            b"1.5",
            b"12 s",
            b"soon",
            b"Sun, 06 Nov 1994 08:49:37 UTC",
            b"Sun, 32 Nov 1994 08:49:37 GMT",
            b"\xff120",
        ] {
            assert_eq!(
                parse_retry_after(value, now),
                None,
                "{}",
                String::from_utf8_lossy(value)
            );
        }
    }
}
