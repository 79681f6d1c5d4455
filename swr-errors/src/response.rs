//! [`ErrorResponse`]: an error on its way to becoming an HTTP response, with its body format and
//! request id; and [`RequestId`], the value of `X-Request-Id`.
//!
//! Both are framework-neutral; the cargo features `http`, `axum` and `actix-web` convert an
//! [`ErrorResponse`] into their response types.

use std::collections::hash_map::RandomState;
use std::fmt;
use std::hash::BuildHasher;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::OnceLock;

use crate::format::{self, BodyFormat, Context};
use crate::SwrError;

/// The name of the request id header, lower-case as HTTP/2 writes it (header names are
/// case-insensitive).
pub const X_REQUEST_ID: &str = "x-request-id";

/// An error with what its HTTP response needs besides the error itself: the body format and an
/// optional request id.
///
/// Build one with [`SwrError::response`] (or [`ErrorResponse::new`]), then hand it to the
/// framework: with the `http` feature it converts into `http::Response<Vec<u8>>`, with `axum`
/// it implements `IntoResponse`, with `actix-web` it implements `ResponseError`. Every response
/// carries the error's status, the format's `Content-Type` (`application/json`, or
/// `application/problem+json` for Problem), the body in the chosen format and, when one was
/// given, `X-Request-Id`.
///
/// Without [`with_format`](ErrorResponse::with_format) the body is Legacy, and the app's layer
/// (`axum::SwrLayer`, `actix::SwrErrors`) may
/// rewrite it in the format it negotiates; with it, the layer keeps the format chosen (a Problem
/// body names the app's type and the response's request id). A derived
/// error also converts directly, as if by `ErrorResponse::new(error)`.
///
/// # Example
///
/// ```
/// use swr_errors::{BodyFormat, SwrCode, SwrError};
///
/// let response = SwrCode::OrganizationNotFound
///     .response()
///     .with_format(BodyFormat::Dual)
///     .with_request_id("4d0e9c3a5b2f41d7a6c8e1f0b3d5a7c9");
/// assert_eq!(response.status(), 404);
/// assert_eq!(response.request_id(), Some("4d0e9c3a5b2f41d7a6c8e1f0b3d5a7c9"));
/// assert!(response.body().starts_with(r#"{"error_code":"SVCSTG.SWR.4040058","#));
/// ```
#[derive(Clone, Debug)]
pub struct ErrorResponse<E> {
    error: E,
    /// `None`: Legacy, or whatever the app's layer negotiates.
    format: Option<BodyFormat>,
    request_id: Option<RequestId>,
}

impl<E: SwrError> ErrorResponse<E> {
    /// The response for `error`, without a request id, in Legacy unless the app's layer chooses
    /// another format.
    pub fn new(error: E) -> ErrorResponse<E> {
        ErrorResponse {
            error,
            format: None,
            request_id: None,
        }
    }

    /// Sets the body format, which the app's layer then keeps whatever the request asks (in the
    /// app's context: a Problem body names the app's type and the response's request id).
    #[must_use]
    pub fn with_format(mut self, format: BodyFormat) -> ErrorResponse<E> {
        self.format = Some(format);
        self
    }

    /// Sets the `X-Request-Id` header's value (a `&str`, a `String` or a [`RequestId`]).
    ///
    /// A header value can hold only visible ASCII: an id with anything else, or longer than
    /// [`RequestId::MAX_LEN`], is replaced by a [generated](RequestId::generate) one, so the
    /// response always carries a usable id once this is called.
    #[must_use]
    pub fn with_request_id(mut self, id: impl AsRef<str>) -> ErrorResponse<E> {
        self.request_id = Some(RequestId::new(id.as_ref()).unwrap_or_else(RequestId::generate));
        self
    }

    /// The HTTP status the response is sent with: the error's [`status`](SwrError::status), or
    /// 500 when that is no error status (400 to 599), which only a hand-written impl can return.
    pub fn status(&self) -> u16 {
        crate::status::sent_status(&self.error)
    }

    /// The request id the response will carry, if any.
    pub fn request_id(&self) -> Option<&str> {
        self.request_id.as_ref().map(RequestId::as_str)
    }

    /// The body format: the error's own ([`SwrError::body_format`], such as OCI's), else the
    /// one set with [`with_format`](ErrorResponse::with_format), else Legacy.
    pub fn format(&self) -> BodyFormat {
        self.chosen_format().unwrap_or_default()
    }

    /// Whether the format was chosen, by the error itself ([`SwrError::body_format`]) or with
    /// [`with_format`](ErrorResponse::with_format), so that the app's layer keeps it rather than
    /// negotiating one (a chosen Problem body is still written in the app's context: its type
    /// base and the response's request id).
    pub fn has_chosen_format(&self) -> bool {
        self.chosen_format().is_some()
    }

    fn chosen_format(&self) -> Option<BodyFormat> {
        self.error.body_format().or(self.format)
    }

    /// The error.
    pub fn error(&self) -> &E {
        &self.error
    }

    /// The error, giving up the response settings.
    pub fn into_error(self) -> E {
        self.error
    }

    /// The body, JSON in the chosen format (with the request id, for Problem).
    pub fn body(&self) -> String {
        let context = Context {
            request_id: self.request_id(),
            ..Context::default()
        };
        format::error_body(self.format(), &self.error, context)
    }
}

impl<E: SwrError> From<E> for ErrorResponse<E> {
    fn from(error: E) -> ErrorResponse<E> {
        ErrorResponse::new(error)
    }
}

/// The error's own `Display`: an `ErrorResponse` reads as the error it carries.
impl<E: fmt::Display> fmt::Display for ErrorResponse<E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.error.fmt(f)
    }
}

/// Transparent: the source is the error's own source.
impl<E: std::error::Error> std::error::Error for ErrorResponse<E> {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        self.error.source()
    }
}

/// The parts of a response, computed once for every framework: status, content type, body and
/// request id.
#[cfg(any(feature = "http", feature = "actix-web"))]
pub(crate) struct Parts<'a> {
    pub(crate) status: u16,
    pub(crate) format: BodyFormat,
    pub(crate) body: String,
    pub(crate) request_id: Option<&'a str>,
}

#[cfg(any(feature = "http", feature = "actix-web"))]
impl<'a> Parts<'a> {
    /// Through `&dyn SwrError`, so each framework's conversion is compiled once, not once per
    /// error type.
    pub(crate) fn of(
        error: &dyn SwrError,
        format: BodyFormat,
        request_id: Option<&'a str>,
    ) -> Parts<'a> {
        let context = Context {
            request_id,
            ..Context::default()
        };
        Parts::in_context(error, format, context, request_id)
    }

    /// The body written in `context` (an app's request id and Problem type), with `request_id`
    /// as the response's header when given.
    pub(crate) fn in_context(
        error: &dyn SwrError,
        format: BodyFormat,
        context: Context<'_>,
        request_id: Option<&'a str>,
    ) -> Parts<'a> {
        Parts {
            status: crate::status::sent_status(error),
            format,
            body: format::error_body(format, error, context),
            request_id,
        }
    }

    pub(crate) fn of_response<E: SwrError>(response: &'a ErrorResponse<E>) -> Parts<'a> {
        Parts::of(&response.error, response.format(), response.request_id())
    }
}

/// The value of an `X-Request-Id` header: 1 to [`MAX_LEN`](RequestId::MAX_LEN) bytes of visible
/// ASCII (`!` to `~`), so it is always a valid header value.
///
/// Take it from the request with [`RequestId::new`], or make a fresh one with
/// [`RequestId::generate`]. With the `axum` or the `actix-web` feature it is also an extractor,
/// and the app's layer (`axum::SwrLayer`,
/// `actix::SwrErrors`) puts one on every request and response.
///
/// ```
/// use swr_errors::RequestId;
///
/// assert_eq!(RequestId::new("abc-123").unwrap().as_str(), "abc-123");
/// assert!(RequestId::new("").is_none());
/// assert!(RequestId::new("two words").is_none());
///
/// let id = RequestId::generate();
/// assert_eq!(id.as_str().len(), 32);
/// assert_ne!(id, RequestId::generate());
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct RequestId(String);

impl RequestId {
    /// The longest id accepted from a client, in bytes.
    pub const MAX_LEN: usize = 128;

    /// `id` as a request id, or `None` when it is empty, longer than
    /// [`MAX_LEN`](RequestId::MAX_LEN), or holds anything but visible ASCII.
    pub fn new(id: &str) -> Option<RequestId> {
        RequestId::is_valid(id.as_bytes()).then(|| RequestId(id.to_owned()))
    }

    /// Whether `id` is a valid request id: 1 to `MAX_LEN` bytes of visible ASCII.
    pub(crate) fn is_valid(id: &[u8]) -> bool {
        !id.is_empty() && id.len() <= RequestId::MAX_LEN && id.iter().all(u8::is_ascii_graphic)
    }

    /// A fresh id: 32 lower-case hex digits, like the ids Huawei Cloud's services send.
    ///
    /// Unique within the process (the second half is a counter under a per-process random
    /// mask), and unlike the ids of another process (both halves depend on random keys drawn
    /// once per process). A correlation id, not a secret: one id tells much about the next.
    pub fn generate() -> RequestId {
        let digits = RequestId::generate_digits();
        // The digits are ASCII hex: always UTF-8.
        RequestId(String::from_utf8_lossy(&digits).into_owned())
    }

    /// The digits of a fresh id, on the stack: what the layers set as a header without making a
    /// `String` first.
    pub(crate) fn generate_digits() -> [u8; 32] {
        RequestId::digits_of(RequestId::reserve(1))
    }

    /// The first of `count` consecutive numbers no other id of this process has: one atomic
    /// operation for a block of ids.
    pub(crate) fn reserve(count: u64) -> u64 {
        static COUNTER: AtomicU64 = AtomicU64::new(0);
        COUNTER.fetch_add(count, Ordering::Relaxed)
    }

    /// The digits of the id numbered `n` (from [`reserve`](RequestId::reserve)).
    pub(crate) fn digits_of(n: u64) -> [u8; 32] {
        static KEYS: OnceLock<(u64, u64)> = OnceLock::new();
        let &(seed, mask) = KEYS.get_or_init(|| {
            let random = RandomState::new();
            (random.hash_one(0u8), random.hash_one(1u8))
        });
        // The second half is the counter under a random mask: a bijection, so no two ids of one
        // process are alike. The first half scatters the counter (SplitMix64's finaliser, from a
        // random seed), so the ids of one process do not look alike and those of two differ.
        // A few multiplications where a keyed hash cost ten times as much on every request.
        let mut z = n.wrapping_add(seed).wrapping_mul(0x9e37_79b9_7f4a_7c15);
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        let mut digits = [0u8; 32];
        write_hex(&mut digits[..16], z ^ (z >> 31));
        write_hex(&mut digits[16..], n ^ mask);
        digits
    }

    /// The id.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// `word` as 16 lower-case hex digits: eight at a time in a `u64`, one nibble per byte, with no
/// table and no branch (a table lookup per digit pair was most of an id's cost).
fn write_hex(out: &mut [u8], word: u64) {
    /// The eight nibbles of `half`, most significant first, as ASCII hex digits.
    fn eight(half: u32) -> [u8; 8] {
        let mut x = u64::from(half);
        // Spread the nibbles one per byte, least significant in the lowest byte.
        x = (x | x << 16) & 0x0000_ffff_0000_ffff;
        x = (x | x << 8) & 0x00ff_00ff_00ff_00ff;
        x = (x | x << 4) & 0x0f0f_0f0f_0f0f_0f0f;
        // Each byte 0..=15 to '0'..='9' or 'a'..='f': 1 in the bytes of 10 and above, times
        // the gap between '9' + 1 and 'a'. No byte carries into the next.
        let letters = ((x + 0x0606_0606_0606_0606) >> 4) & 0x0101_0101_0101_0101;
        (x + 0x3030_3030_3030_3030 + letters * u64::from(b'a' - b'9' - 1)).to_be_bytes()
    }
    out[..8].copy_from_slice(&eight((word >> 32) as u32));
    out[8..16].copy_from_slice(&eight(word as u32));
}

impl AsRef<str> for RequestId {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for RequestId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    use super::{ErrorResponse, RequestId};
    use crate::{BodyFormat, SwrCode, SwrError};

    #[test]
    fn request_ids_accept_visible_ascii_only() {
        assert!(RequestId::new("a").is_some());
        assert!(RequestId::new(&"x".repeat(RequestId::MAX_LEN)).is_some());
        assert!(RequestId::new(&"x".repeat(RequestId::MAX_LEN + 1)).is_none());
        for bad in ["", " ", "a b", "tab\t", "nl\n", "é", "\u{7f}"] {
            assert!(RequestId::new(bad).is_none(), "{bad:?}");
        }
    }

    #[test]
    fn hex_digits_are_the_formatters() {
        let mut word = 0x0123_4567_89ab_cdefu64;
        for special in [0, u64::MAX, 0x0a0b_0c0d_0e0f_1009, 1 << 63] {
            let mut out = [0u8; 16];
            super::write_hex(&mut out, special);
            assert_eq!(
                std::str::from_utf8(&out).unwrap(),
                format!("{special:016x}")
            );
        }
        for _ in 0..10_000 {
            word = word.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
            let mut out = [0u8; 16];
            super::write_hex(&mut out, word);
            assert_eq!(std::str::from_utf8(&out).unwrap(), format!("{word:016x}"));
        }
    }

    #[test]
    fn generated_ids_are_hex_and_distinct() {
        let ids: HashSet<RequestId> = (0..1000).map(|_| RequestId::generate()).collect();
        assert_eq!(ids.len(), 1000);
        for id in &ids {
            assert_eq!(id.as_str().len(), 32);
            assert!(id
                .as_str()
                .bytes()
                .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b)));
        }
    }

    #[test]
    fn an_invalid_request_id_is_replaced_not_dropped() {
        let response = SwrCode::UrlNotFound.response();
        assert_eq!(response.request_id(), None);
        let response = response.with_request_id("bad id\n");
        let id = response.request_id().unwrap();
        assert_eq!(id.len(), 32);
        let response = SwrCode::UrlNotFound.response().with_request_id("good-id");
        assert_eq!(response.request_id(), Some("good-id"));
    }

    #[test]
    fn response_reads_as_its_error() {
        let response =
            ErrorResponse::from(SwrCode::OrganizationExists).with_format(BodyFormat::Dual);
        assert_eq!(response.status(), 409);
        assert_eq!(response.to_string(), "The organization already exists.");
        assert_eq!(response.format(), BodyFormat::Dual);
        assert_eq!(
            response.body(),
            SwrCode::OrganizationExists.to_json_as(BodyFormat::Dual)
        );
        assert_eq!(*response.error(), SwrCode::OrganizationExists);
        assert_eq!(response.into_error(), SwrCode::OrganizationExists);
    }
}
