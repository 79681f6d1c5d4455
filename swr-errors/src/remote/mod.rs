//! The client side: [`RemoteError`], any error response read into a typed code.

mod fast;
mod general;
#[cfg(any(feature = "http", feature = "reqwest"))]
mod headers;
#[cfg(feature = "http")]
mod http_response;
mod keys;
mod lenient;
mod parse;
#[cfg(feature = "reqwest")]
pub mod reqwest;
mod said;
#[cfg(test)]
mod tests;
mod text;
#[cfg(feature = "tonic")]
mod tonic;

use std::borrow::Cow;
use std::fmt;
use std::time::Duration;

use crate::body::ErrorEntry;
use crate::catalogue::SwrCode;
use crate::retry::RetryKind;
use crate::swr_error::SwrError;
use said::{Parsed, Said};

/// See [`RemoteError::MAX_JSON_LEN`].
const MAX_JSON_LEN: usize = 64 * 1024;
/// See [`RemoteError::MAX_DEPTH`].
const MAX_DEPTH: usize = 32;
/// See [`RemoteError::MAX_TEXT_LEN`].
const MAX_TEXT_LEN: usize = 1024;
/// The longest wait [`RemoteError::retry_after`] reads from a response, whatever the transport
/// (`Retry-After`, gRPC's `RetryInfo`): 2^31 seconds (68 years), the value RFC 9111 §1.2.2 gives
/// a delta-seconds too large to represent. Any `Instant` or `SystemTime` can add it.
#[cfg(any(feature = "http", feature = "reqwest", feature = "tonic"))]
const MAX_RETRY_AFTER: Duration = Duration::from_secs(1 << 31);

/// An error response from an SWR-style service, as a client receives it: the status, and whatever
/// code and message the body carried.
///
/// [`RemoteError::from_response`] reads any status and any bytes. It never fails and never
/// panics: a body it does not recognise keeps its status and becomes the message.
///
/// # Example
///
/// ```
/// use swr_errors::{RemoteError, RetryKind, SwrCode, SwrError};
///
/// // The body a service sends for `SwrCode::ImageNotFound`.
/// let body = SwrCode::ImageNotFound.to_json();
/// let err = RemoteError::from_response(404, body.as_bytes());
/// assert_eq!(err.status(), 404);
/// assert_eq!(err.code(), Some("SVCSTG.SWR.4040010"));
/// assert_eq!(err.known(), Some(SwrCode::ImageNotFound));
/// assert_eq!(err.message(), "The image does not exist.");
/// assert_eq!(err.to_string(), "HTTP 404 SVCSTG.SWR.4040010: The image does not exist.");
///
/// // An API gateway's code: kept, though no catalogue knows it.
/// let body = br#"{"error_code":"APIGW.0308","error_msg":"The request is throttled.","request_id":"5a9c"}"#;
/// let err = RemoteError::from_response(429, body);
/// assert_eq!(err.code(), Some("APIGW.0308"));
/// assert_eq!(err.known(), None);
/// assert_eq!(err.request_id(), Some("5a9c"));
/// assert_eq!(err.retry_kind(), Some(RetryKind::Throttled));
///
/// // A proxy's HTML page: the text is the message.
/// let err = RemoteError::from_response(502, b"<html><body>502 Bad Gateway</body></html>\r\n");
/// assert_eq!(err.code(), None);
/// assert_eq!(err.message(), "<html><body>502 Bad Gateway</body></html>");
/// ```
///
/// # What is read
///
/// A body of at most [`MAX_JSON_LEN`](Self::MAX_JSON_LEN) bytes (after an optional UTF-8 byte
/// order mark and surrounding whitespace), nested at most [`MAX_DEPTH`](Self::MAX_DEPTH) deep,
/// that parses as JSON, is read as one of these shapes:
///
/// - the legacy array, `[{"errorCode":…,"errorMessage":…,"detail":…}, …]`: the first entry is the
///   error, and [`entries`](Self::entries) holds them all (an entry with neither a code nor a
///   message is skipped, `[{"detail":"x"}]` among them);
/// - an object with a code and a message under one of the key pairs Huawei Cloud's SDKs accept,
///   tried in their order: `error_code`+`error_msg`, `errorCode`+`errorMsg`, `code`+`message`,
///   then `errorCode`+`errorMessage`, and last the RFC 9457 problem's `code`+`title`. A pair
///   counts when its code is present and its message is a non-empty string; when no pair is
///   complete, the first code key present gives the code and the first message key present gives
///   the message (so `{"message":"Unauthorized"}` reads too, with no code). `detail`,
///   `request_id` and `encoded_authorization_message` are read beside them;
/// - so the problem body (`application/problem+json`, RFC 9457),
///   `{"type":…,"title":…,"status":…,"detail":…,"code":…,"request_id":…}`, reads its code from
///   `code`, its message from `title` and its detail from `detail` (`type` and `status` are not
///   kept: the response's own status is);
/// - the dual object, `{"error_code":…,"error_msg":…,"errors":[{"errorCode":…,…}]}`: the top-level
///   pair is the error, its detail comes from the first entry when that entry has the same code,
///   and [`entries`](Self::entries) holds `errors`;
/// - so the OCI distribution envelope that container registries send,
///   `{"errors":[{"code":"MANIFEST_UNKNOWN","message":"manifest unknown","detail":{"Tag":"latest"}}]}`:
///   its first entry is the error (read with `code`+`message`), and its detail, which is any JSON
///   value there, is read as said below;
/// - the same pairs nested one level down, under `"error"` (`{"error":{"code":…,"message":…}}`)
///   or, in an object with a single member, under that member whatever its name (OpenStack's
///   `{"itemNotFound":{"code":404,"message":…}}`);
/// - a JSON string, `"Bad gateway"`, which is the message.
///
/// Strings are read leniently: strict JSON's errors inside a string cost only themselves, never
/// the body. A lone surrogate escape (`"\ud800"`, as JavaScript's `JSON.stringify` writes a
/// UTF-16 string cut inside a surrogate pair), any other invalid escape (`\q`, `\u12`) and a
/// byte sequence that is not UTF-8 each become U+FFFD; a raw control character (a newline a
/// server forgot to escape) is kept. So
/// `[{"errorCode":"SVCSTG.SWR.4040010","errorMessage":"\ud800"}]` still reads its code. So are
/// numbers: one that is valid JSON but out of `f64`'s range (`1e400`, `-1e400`, an integer of 310
/// digits), which `serde_json` rejects, costs only itself: it reads as `null` (as any number
/// reads: no message, no detail), except as a code (below).
///
/// A detail is a non-empty string as it is, or an array or an object as its compact JSON text
/// (`{"Tag":"latest"}`, members in `serde_json`'s order); `null`, booleans and numbers are no
/// detail.
///
/// When the body carries a code the stock catalogue knows and no message, the message is the
/// catalogue's (see [`message`](Self::message)).
///
/// In an object, a code found at the top level wins over one nested, which wins over the first of
/// `errors`. Codes are strings; a JSON number is also taken as a code, written in decimal as
/// `serde_json` writes it (`404`, `1.5`, `1e+308`), since many gateways send numbers; one out of
/// `f64`'s range, which `serde_json` cannot write, is the code as the body wrote it (`1e400`).
/// `null`, booleans, arrays and objects are no code. An empty string is no code, no message, no detail.
///
/// Anything else (not JSON, JSON of another shape, a body too long or too deep) keeps its status,
/// has no code, and has as its message the body's text: invalid UTF-8 replaced by U+FFFD,
/// surrounding whitespace (Unicode's, as `str::trim` sees it: a no-break or ideographic space
/// too) trimmed, then cut to [`MAX_TEXT_LEN`](Self::MAX_TEXT_LEN) bytes at a char boundary (a
/// character the cut splits is dropped). An empty body gives an empty message.
///
/// Every text taken from a body (code, message, detail, request id, each entry's fields) is cut the
/// same way to `MAX_TEXT_LEN` bytes, but for the
/// [`encoded_authorization_message`](Self::encoded_authorization_message), which only whole can be
/// decoded; a client that needs a whole body should keep the bytes.
///
/// # Bounded work
///
/// The work done is linear in the size of the body and bounded whatever it holds: a body longer
/// than `MAX_JSON_LEN` is never parsed (beyond the whitespace at its ends, only its first
/// `MAX_TEXT_LEN` bytes are read), and the
/// nesting depth is checked by a linear scan before parsing into a `serde_json::Value`, so
/// 200,000 nested brackets cost a few passes over the bytes and no recursion. The depth bound is
/// this crate's own: it holds even when some crate in the build enables `serde_json`'s
/// `unbounded_depth` feature.
///
/// The legacy array in the compact form servers write (no whitespace, no escapes, string values
/// under `errorCode`, `errorMessage` and `detail`) is first tokenized by a scan of its bytes,
/// whose members are read by the same rules as every other body; any other body is handed, from
/// its first byte, to the general reading through a `serde_json::Value`. Both give the same
/// `RemoteError` for every body (a property test and the fuzz target check it); the first is only
/// faster. A body that is not strict JSON is tried as it is, then once more with its strings and
/// numbers repaired as said above: a well-formed body pays nothing for the leniency.
#[derive(Clone)]
pub struct RemoteError {
    status: u16,
    /// The code, the message and the detail.
    said: Said,
    /// The stock catalogue's message for the code, read when the error says none; `""` else.
    catalogue_message: Cow<'static, str>,
    request_id: Option<String>,
    /// The `WWW-Authenticate` challenge of the response, where the transport has headers.
    www_authenticate: Option<String>,
    /// IAM's encoded reason for a denial, from the body.
    encoded_authorization_message: Option<String>,
    /// How long the server asked the client to wait: from `Retry-After`, or set by a transport
    /// that carries it otherwise (gRPC's `RetryInfo`).
    retry_after: Option<Duration>,
    /// The retry kind a transport stated for a code no catalogue here knows (gRPC's `RetryInfo`
    /// on a service's own code), which [`retry_kind`](Self::retry_kind) could not otherwise tell.
    retry_hint: Option<RetryKind>,
    entries: Vec<ErrorEntry>,
}

impl RemoteError {
    /// The largest body, in bytes, that is parsed as JSON: 64 KiB. Error bodies are a few hundred
    /// bytes; a longer body is read as text.
    pub const MAX_JSON_LEN: usize = MAX_JSON_LEN;

    /// The deepest nesting of arrays and objects that is parsed as JSON: 32. The shapes read need 3.
    pub const MAX_DEPTH: usize = MAX_DEPTH;

    /// The longest text, in bytes, kept from a body for each of the code, the message, the detail
    /// and the request id: 1 KiB. Longer text is cut at the last char boundary within the bound.
    pub const MAX_TEXT_LEN: usize = MAX_TEXT_LEN;

    /// Reads an error response: its HTTP status and its body, whatever the body holds.
    ///
    /// See the [type documentation](RemoteError#what-is-read) for the shapes read and the bounds.
    ///
    /// ```
    /// use swr_errors::{RemoteError, SwrCode};
    ///
    /// let body = br#"{"error": {"code": "SVCSTG.SWR.4090023", "message": "The system is busy."}}"#;
    /// let err = RemoteError::from_response(409, body);
    /// assert_eq!(err.known(), Some(SwrCode::SystemBusy));
    ///
    /// let err = RemoteError::from_response(500, b"\xff\xfe not even text");
    /// assert_eq!(err.message(), "\u{fffd}\u{fffd} not even text");
    /// ```
    pub fn from_response(status: u16, body: &[u8]) -> RemoteError {
        RemoteError::from_parsed(status, parse::parse(body))
    }

    /// [`from_response`](Self::from_response) without its fast path for the legacy array: every
    /// JSON body read through a `serde_json::Value`. The reference the fast path's property tests
    /// and fuzz target compare with; built only for them (`cfg(fuzzing)` is cargo-fuzz's).
    #[cfg(any(test, fuzzing))]
    pub fn from_response_general(status: u16, body: &[u8]) -> RemoteError {
        RemoteError::from_parsed(status, parse::parse_general(body))
    }

    /// The fast path of [`from_response`](Self::from_response) alone: `None` when it leaves the
    /// body to the general path. Built only for the tests and the fuzz target.
    #[cfg(any(test, fuzzing))]
    pub fn from_response_fast(status: u16, body: &[u8]) -> Option<RemoteError> {
        parse::parse_fast(body).map(|parsed| RemoteError::from_parsed(status, parsed))
    }

    /// A body read as text whatever it holds: the start of a body too long to be read whole (a
    /// character split where reading stopped is dropped, not replaced).
    #[cfg(feature = "reqwest")]
    fn from_text(status: u16, body: &[u8]) -> RemoteError {
        RemoteError::from_parsed(status, parse::as_text(text::without_split_char(body)))
    }

    fn from_parsed(status: u16, parsed: Parsed) -> RemoteError {
        let mut error = RemoteError::new(status, parsed.said, parsed.entries);
        error.request_id = parsed.request_id;
        error.encoded_authorization_message = parsed.encoded_authorization_message;
        error
    }

    /// The error with what it says and its entries, and nothing else yet (each transport sets
    /// the rest, already bounded).
    fn new(status: u16, said: Said, entries: Vec<ErrorEntry>) -> RemoteError {
        let mut error = RemoteError {
            status,
            said,
            catalogue_message: Cow::Borrowed(""),
            request_id: None,
            www_authenticate: None,
            encoded_authorization_message: None,
            retry_after: None,
            retry_hint: None,
            entries,
        };
        if error.said().1.is_empty() {
            error.catalogue_message = catalogue_message(error.said().0);
        }
        error
    }

    /// The code, the message and the detail as said, each `None` or `""` when absent or empty.
    fn said(&self) -> (Option<&str>, &str, Option<&str>) {
        let non_empty = |text: &str| !text.is_empty();
        match &self.said {
            Said::FirstEntry => match self.entries.first() {
                Some(entry) => (
                    Some(entry.error_code.as_str()).filter(|code| non_empty(code)),
                    &entry.error_message,
                    Some(entry.detail.as_str()).filter(|detail| non_empty(detail)),
                ),
                None => (None, "", None),
            },
            Said::Own {
                code,
                message,
                detail,
            } => (code.as_deref(), message, detail.as_deref()),
        }
    }

    /// Sets the request id, typically from the response's `X-Request-Id` header, replacing any the
    /// body carried. The id is cut to [`MAX_TEXT_LEN`](Self::MAX_TEXT_LEN) bytes; an empty id
    /// clears it.
    ///
    /// ```
    /// use swr_errors::RemoteError;
    ///
    /// let err = RemoteError::from_response(503, b"").with_request_id("0f8e0c3d");
    /// assert_eq!(err.request_id(), Some("0f8e0c3d"));
    /// ```
    #[must_use]
    pub fn with_request_id(mut self, request_id: impl Into<String>) -> RemoteError {
        let mut request_id = request_id.into();
        text::cut(&mut request_id, MAX_TEXT_LEN);
        self.request_id = Some(request_id).filter(|id| !id.is_empty());
        self
    }

    /// The HTTP status of the response, as given.
    pub fn status(&self) -> u16 {
        self.status
    }

    /// The error code the body carried, known or not (`"SVCSTG.SWR.4040010"`, `"APIGW.0101"`);
    /// `None` when it carried none.
    pub fn code(&self) -> Option<&str> {
        self.said().0
    }

    /// The stock catalogue's variant for the code; `None` when there is no code or the catalogue
    /// does not have it. The code decides, whatever the status: a known code under an unexpected
    /// status (a proxy's rewrite, say) is still that code.
    ///
    /// ```
    /// use swr_errors::{RemoteError, SwrCode};
    ///
    /// let body = br#"[{"errorCode":"SVCSTG.SWR.4040010","errorMessage":"gone","detail":""}]"#;
    /// assert_eq!(RemoteError::from_response(404, body).known(), Some(SwrCode::ImageNotFound));
    /// ```
    pub fn known(&self) -> Option<SwrCode> {
        self.known_as::<SwrCode>()
    }

    /// The value of `E` whose code is the body's code, through [`SwrError::from_code`]: for a
    /// derived enum, a variant that carries no data (or, through a transparent variant, a value of
    /// the type it wraps). `None` when there is no code or `E` has no such variant. To match every
    /// variant of a service enum, fields or not, ask for its kind (`#[swr(kind)]`):
    /// `known_as::<ChartErrorKind>()`.
    ///
    /// ```
    /// use swr_errors::{RemoteError, SwrCode, SwrError};
    ///
    /// #[derive(Debug, PartialEq, SwrError)]
    /// enum ChartError {
    ///     /// The chart does not exist.
    ///     #[swr(code = "SVCSTG.CHARTS.4040001", status = 404)]
    ///     ChartMissing,
    ///     #[swr(transparent)]
    ///     Stock(SwrCode),
    /// }
    ///
    /// let body = ChartError::ChartMissing.to_json();
    /// let err = RemoteError::from_response(404, body.as_bytes());
    /// assert_eq!(err.known_as::<ChartError>(), Some(ChartError::ChartMissing));
    /// assert_eq!(err.known(), None);
    ///
    /// let body = SwrCode::ImageNotFound.to_json();
    /// let err = RemoteError::from_response(404, body.as_bytes());
    /// assert_eq!(err.known_as::<ChartError>(), Some(ChartError::Stock(SwrCode::ImageNotFound)));
    /// ```
    pub fn known_as<E: SwrError>(&self) -> Option<E> {
        E::from_code(self.code()?)
    }

    /// The message: the body's, or the body's text when it had no recognised shape; empty for an
    /// empty body. At most [`MAX_TEXT_LEN`](Self::MAX_TEXT_LEN) bytes.
    ///
    /// When the body carries a code the stock catalogue knows and no message (absent, `null` or
    /// `""`), the message is the catalogue's for that code. [`entries`](Self::entries) keep the
    /// body's own, empty, messages.
    ///
    /// ```
    /// use swr_errors::RemoteError;
    ///
    /// let body = br#"[{"errorCode":"SVCSTG.SWR.4040010","errorMessage":"","detail":""}]"#;
    /// let err = RemoteError::from_response(404, body);
    /// assert_eq!(err.message(), "The image does not exist.");
    /// assert_eq!(err.entries()[0].error_message, "");
    ///
    /// // A code no catalogue knows keeps its empty message.
    /// let err = RemoteError::from_response(404, br#"{"error_code":"APIGW.0101"}"#);
    /// assert_eq!(err.message(), "");
    /// ```
    pub fn message(&self) -> &str {
        match self.said().1 {
            "" => &self.catalogue_message,
            message => message,
        }
    }

    /// The body's `detail`; `None` when absent or empty (the legacy body always carries
    /// `"detail":""`).
    pub fn detail(&self) -> Option<&str> {
        self.said().2
    }

    /// The request id: set by [`with_request_id`](Self::with_request_id), read from the
    /// `X-Request-Id` header by `from_http`, `from_http_parts` and `from_reqwest`, or from the
    /// status by `from_status` (features `http`, `reqwest`, `tonic`); else the body's
    /// `request_id`, which API gateways add. Quote it when reporting the failure to the service's operator.
    pub fn request_id(&self) -> Option<&str> {
        self.request_id.as_deref()
    }

    /// The response's `WWW-Authenticate` challenge, as sent: what a client of a registry needs
    /// after a 401 (`UNAUTHORIZED`) to fetch a token, such as
    /// `Bearer realm="https://auth.example.com/token",service="registry",scope="repository:acme/app:pull"`.
    /// Read by `from_http`, `from_http_parts` (feature `http`) and `from_reqwest` (feature
    /// `reqwest`), several header lines joined by `", "` as RFC 9110 §5.3 combines them (a value
    /// that is not UTF-8 read lossily); `None` without the header, and always from
    /// [`from_response`](Self::from_response), which has no headers.
    ///
    /// ```
    /// use swr_errors::RemoteError;
    ///
    /// let body = br#"{"errors":[{"code":"UNAUTHORIZED","message":"authentication required","detail":null}]}"#;
    /// let err = RemoteError::from_response(401, body);
    /// assert_eq!(err.code(), Some("UNAUTHORIZED"));
    /// assert_eq!(err.www_authenticate(), None);
    /// ```
    pub fn www_authenticate(&self) -> Option<&str> {
        self.www_authenticate.as_deref()
    }

    /// IAM's encoded reason for a denial: the `encoded_authorization_message` that Huawei Cloud's
    /// services put beside their code on a 403 when a policy denies the request (at the top
    /// level, or in the object the code is nested in), which IAM can decode for an administrator.
    /// Kept whole, since a part of it cannot be decoded (the body's bound,
    /// [`MAX_JSON_LEN`](Self::MAX_JSON_LEN), bounds it); `None` when the body has none.
    ///
    /// ```
    /// use swr_errors::RemoteError;
    ///
    /// let body = br#"{"error_code":"SWR.0403","error_msg":"Access denied.","encoded_authorization_message":"4Rf0w9kGmOc..."}"#;
    /// let err = RemoteError::from_response(403, body);
    /// assert_eq!(err.code(), Some("SWR.0403"));
    /// assert_eq!(err.encoded_authorization_message(), Some("4Rf0w9kGmOc..."));
    /// ```
    pub fn encoded_authorization_message(&self) -> Option<&str> {
        self.encoded_authorization_message.as_deref()
    }

    /// Every entry of the body's error list: the legacy array's entries, or the dual object's
    /// `errors`, in order, keeping those that carry a code or a message (read with the same key
    /// pairs). Empty for a body without a list. A field the entry lacks is `""`.
    ///
    /// ```
    /// use swr_errors::RemoteError;
    ///
    /// let body = br#"[{"errorCode":"SVCSTG.SWR.4001001","errorMessage":"first","detail":""},
    ///                 {"errorCode":"SVCSTG.SWR.4001002","errorMessage":"second","detail":"tag"}]"#;
    /// let err = RemoteError::from_response(400, body);
    /// assert_eq!(err.message(), "first");
    /// let codes: Vec<&str> = err.entries().iter().map(|e| e.error_code.as_str()).collect();
    /// assert_eq!(codes, ["SVCSTG.SWR.4001001", "SVCSTG.SWR.4001002"]);
    /// assert_eq!(err.entries()[1].detail, "tag");
    /// ```
    pub fn entries(&self) -> &[ErrorEntry] {
        &self.entries
    }

    /// Whether, and how, the request may be retried.
    ///
    /// For a code the stock catalogue knows, the code's own [`SwrError::retry_kind`] (which may be
    /// `None`: the catalogue knows that, say, a reached quota fails again). For another code that
    /// came with gRPC's `RetryInfo` (`from_status`, feature `tonic`), the
    /// kind its gRPC code stands for. Otherwise, from the
    /// status:
    ///
    /// | status | kind |
    /// |---|---|
    /// | 429 Too Many Requests | [`Throttled`](RetryKind::Throttled) |
    /// | 503 Service Unavailable | [`Busy`](RetryKind::Busy) |
    /// | 500, 502 Bad Gateway, 504 Gateway Timeout | [`ServerError`](RetryKind::ServerError) |
    /// | any other (501, 505, 507, 4xx...) | `None` |
    ///
    /// 502 and 504 come from a gateway or proxy that failed to reach the service, transient as a
    /// 500 is; 501, 505, 507, 508, 510 and 511 report a lasting condition.
    ///
    /// For the codes of a service enum, use `known_as::<E>()` and the kind of the variant.
    ///
    /// ```
    /// use swr_errors::{RemoteError, RetryKind};
    ///
    /// let busy = br#"[{"errorCode":"SVCSTG.SWR.4090023","errorMessage":"The system is busy.","detail":""}]"#;
    /// assert_eq!(RemoteError::from_response(409, busy).retry_kind(), Some(RetryKind::Busy));
    /// assert_eq!(RemoteError::from_response(503, b"").retry_kind(), Some(RetryKind::Busy));
    /// assert_eq!(RemoteError::from_response(404, b"").retry_kind(), None);
    /// ```
    pub fn retry_kind(&self) -> Option<RetryKind> {
        if let Some(known) = self.known() {
            return known.retry_kind();
        }
        if self.retry_hint.is_some() {
            return self.retry_hint;
        }
        match self.status {
            429 => Some(RetryKind::Throttled),
            503 => Some(RetryKind::Busy),
            500 | 502 | 504 => Some(RetryKind::ServerError),
            _ => None,
        }
    }

    /// How long the server asked the client to wait before it retries: the response's
    /// `Retry-After` header (RFC 9110 §10.2.3), read by `from_http` and `from_http_parts` (feature
    /// `http`) and `from_reqwest` (feature `reqwest`); gRPC's `RetryInfo.retry_delay`, read by
    /// `from_status` (feature `tonic`), capped as delta-seconds are below; or what
    /// [`with_retry_after`](Self::with_retry_after) set. `None` when the response had no such
    /// header, or one that is neither form below.
    ///
    /// - delta-seconds, `Retry-After: 120`: that many seconds (capped at 2^31, 68 years, as RFC
    ///   9111 §1.2.2 caps a value too large to represent);
    /// - an HTTP-date, `Retry-After: Wed, 21 Oct 2026 07:28:00 GMT` (or its obsolete RFC 850 and
    ///   asctime forms, which RFC 9110 has recipients accept): the time from when the response
    ///   was read until that date; zero for a date already past. Two edges follow the
    ///   `httpdate` crate rather than the letter of RFC 9110: a date before 1970 is no value
    ///   (`None`), not zero, and an RFC 850 two-digit year is read as 1970 to 2069, not as the
    ///   year at most 50 years ahead, so `-75` is 1975, a date past.
    ///
    /// It complements [`retry_kind`](Self::retry_kind), which says whether to retry: a client that
    /// retries waits at least this long, and backs off as the kind says when there is no value.
    /// [`from_response`](Self::from_response), which has no headers, leaves it `None`.
    ///
    /// ```
    /// use std::time::Duration;
    /// use swr_errors::{RemoteError, RetryKind};
    ///
    /// let err = RemoteError::from_response(429, b"").with_retry_after(Duration::from_secs(2));
    /// assert_eq!(err.retry_kind(), Some(RetryKind::Throttled));
    /// assert_eq!(err.retry_after(), Some(Duration::from_secs(2)));
    /// assert_eq!(RemoteError::from_response(429, b"").retry_after(), None);
    /// ```
    pub fn retry_after(&self) -> Option<Duration> {
        self.retry_after
    }

    /// Sets [`retry_after`](Self::retry_after), for a transport this crate does not read, or one
    /// that carries the wait in its own way (a header of another name), replacing any the
    /// response's `Retry-After` gave.
    #[must_use]
    pub fn with_retry_after(mut self, retry_after: Duration) -> RemoteError {
        self.retry_after = Some(retry_after);
        self
    }
}

/// The stock catalogue's message for `code`, for a body that has none: a code the catalogue knows
/// says what went wrong even when the body does not. Empty for any other code. Out of line: the
/// bodies a client reads almost always carry their message.
#[cold]
#[inline(never)]
fn catalogue_message(code: Option<&str>) -> Cow<'static, str> {
    code.and_then(SwrCode::from_code)
        .map_or(Cow::Borrowed(""), |known| known.message())
}

/// What a `RemoteError` says, field by field, however it keeps its code, message and detail.
impl fmt::Debug for RemoteError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("RemoteError")
            .field("status", &self.status)
            .field("code", &self.code())
            .field("message", &self.message())
            .field("detail", &self.detail())
            .field("request_id", &self.request_id)
            .field("www_authenticate", &self.www_authenticate)
            .field(
                "encoded_authorization_message",
                &self.encoded_authorization_message,
            )
            .field("retry_after", &self.retry_after)
            .field("retry_hint", &self.retry_hint)
            .field("entries", &self.entries)
            .finish()
    }
}

/// Equal when they say the same: a legacy array and a dual object with the same code, message,
/// detail and entries are equal errors, though one keeps its code in its first entry.
impl PartialEq for RemoteError {
    fn eq(&self, other: &RemoteError) -> bool {
        self.status == other.status
            && self.code() == other.code()
            && self.message() == other.message()
            && self.detail() == other.detail()
            && self.request_id == other.request_id
            && self.www_authenticate == other.www_authenticate
            && self.encoded_authorization_message == other.encoded_authorization_message
            && self.retry_after == other.retry_after
            && self.retry_hint == other.retry_hint
            && self.entries == other.entries
    }
}

impl Eq for RemoteError {}

/// `HTTP <status> <code>: <message>`, without the code when there is none and without the colon
/// when the message is empty.
///
/// A hostile body must not forge or hide log text, so some characters of the code and message are
/// written escaped, as `char::escape_debug` writes them (`\n`, `\u{1b}`, `\u{202e}`: lower-case
/// hex, no leading zeros):
///
/// - control characters (`char::is_control`: newlines, terminal escapes, DEL...), so the line
///   stays one line;
/// - the line and paragraph separators U+2028 and U+2029, which some viewers break lines at;
/// - the Unicode bidirectional controls, which reorder the text displayed after them: U+061C,
///   U+200E, U+200F, U+202A to U+202E and U+2066 to U+2069;
/// - the invisible format characters that hide or join text: U+200B to U+200D, U+2060 to U+2064
///   and U+FEFF.
///
/// Every other character, any script and emoji included, is written as it is.
///
/// ```
/// use swr_errors::RemoteError;
///
/// let body = "[{\"errorCode\":\"C\",\"errorMessage\":\"txt.\u{202e}exe\\nforged\"}]";
/// let err = RemoteError::from_response(400, body.as_bytes());
/// assert_eq!(err.to_string(), r"HTTP 400 C: txt.\u{202e}exe\nforged");
/// ```
impl fmt::Display for RemoteError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "HTTP {}", self.status)?;
        if let Some(code) = self.code() {
            f.write_str(" ")?;
            write_escaped(f, code)?;
        }
        let message = self.message();
        if !message.is_empty() {
            f.write_str(": ")?;
            write_escaped(f, message)?;
        }
        Ok(())
    }
}

/// Whether `c` is written escaped in a log line (see `Display for RemoteError`).
fn must_escape(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{061c}'
                | '\u{200b}'..='\u{200f}'
                | '\u{2028}'..='\u{202e}'
                | '\u{2060}'..='\u{2064}'
                | '\u{2066}'..='\u{2069}'
                | '\u{feff}'
        )
}

fn write_escaped(f: &mut fmt::Formatter<'_>, text: &str) -> fmt::Result {
    let mut start = 0;
    for (at, c) in text.char_indices() {
        if must_escape(c) {
            f.write_str(&text[start..at])?;
            if c.is_control() {
                write!(f, "{}", c.escape_debug())?;
            } else {
                // Spelled out rather than left to `escape_debug`, whose choice for a format
                // character follows its Unicode tables; the same text either way today.
                write!(f, "\\u{{{:x}}}", u32::from(c))?;
            }
            start = at + c.len_utf8();
        }
    }
    f.write_str(&text[start..])
}

impl std::error::Error for RemoteError {}
