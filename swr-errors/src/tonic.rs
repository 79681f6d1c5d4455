//! tonic 0.14: every error converts into a [`tonic::Status`] carrying Google's rich error model
//! (`google.rpc` details, through tonic-types 0.14), and
//! `RemoteError::from_status` reads one back.
//!
//! # Example
//!
//! ```
//! use swr_errors::tonic::TonicOptions;
//! use swr_errors::{RemoteError, SwrCode, SwrError};
//! use tonic_types::StatusExt;
//!
//! // In a handler: `Err(SwrCode::ImageNotFound)?`, or explicitly:
//! let status = tonic::Status::from(SwrCode::ImageNotFound);
//! assert_eq!(status.code(), tonic::Code::NotFound);
//! assert_eq!(status.message(), "The image does not exist.");
//! let info = status.get_details_error_info().unwrap();
//! assert_eq!(info.reason, "SVCSTG.SWR.4040010");
//! assert_eq!(info.domain, "swr-errors");
//! assert_eq!(info.metadata["httpStatus"], "404");
//!
//! // The app's own domain, and a request id, without any process-wide setting.
//! let options = TonicOptions::new().domain("charts.example.com");
//! let status = SwrCode::ImageNotFound
//!     .response()
//!     .with_request_id("4d0e9c3a")
//!     .into_status_with(&options);
//! assert_eq!(status.get_details_error_info().unwrap().domain, "charts.example.com");
//!
//! // The client side.
//! let err = RemoteError::from_status(&status);
//! assert_eq!(err.known(), Some(SwrCode::ImageNotFound));
//! assert_eq!(err.status(), 404);
//! assert_eq!(err.request_id(), Some("4d0e9c3a"));
//! ```
//!
//! # What a `Status` carries
//!
//! - the gRPC code, from the HTTP status and the retry kind, by the table below
//!   ([`grpc_code`]);
//! - the message: the error's [`message`](SwrError::message);
//! - `google.rpc.ErrorInfo`: `reason` is the error's code, `domain` the
//!   [configured](TonicOptions::domain) domain ([`DEFAULT_DOMAIN`] unless set), and `metadata`
//!   holds [`httpStatus`](METADATA_HTTP_STATUS) (the HTTP status in decimal, always) and
//!   [`requestId`](METADATA_REQUEST_ID) (when the error was sent with one, through
//!   [`ErrorResponse::with_request_id`]). The code keeps its dots: AIP-193 asks for a reason in
//!   `[A-Z0-9_]+`, but a client matches the code it knows from the HTTP API, so the code is
//!   sent unchanged;
//! - `google.rpc.RetryInfo` when the error has a [`retry_kind`](SwrError::retry_kind), with the
//!   delay [configured](TonicOptions::retry_delay) for that kind (none unless set);
//! - `google.rpc.DebugInfo` when the error has a non-empty [`detail`](SwrError::detail): its
//!   `detail` field is the text, `stack_entries` stays empty. Of Google's detail types it is the
//!   one whose job matches the body's `"detail"`: free text the server adds to the message.
//!   `LocalizedMessage` is a translation of the message itself (and needs a locale),
//!   `BadRequest` and `PreconditionFailure` need the field or subject the detail does not name.
//!   The text is what the HTTP body already shows any client, so `DebugInfo` reveals no more
//!   than the JSON body does.
//!
//! The message and the detail are each cut to [`MAX_TEXT_LEN`] bytes (at a character boundary).
//! Both travel in the response's trailers (`grpc-message`, and `grpc-status-details-bin` in
//! base64), and HTTP/2 peers limit a header block to 16 KiB by default (tonic's client among
//! them): a detail of 12,000 bytes made the client reset the stream and see only `Internal`
//! "h2 protocol error", with no code at all. `RemoteError` reads no more
//! than `MAX_TEXT_LEN` bytes of either, so a client of this crate loses nothing; the HTTP body
//! still carries the whole text.
//!
//! Never the error's [`source`](std::error::Error::source) chain: a cause is for the server's
//! log, not for the client. Log it before the conversion, where the error is still at hand.
//!
//! # The mapping table
//!
//! | HTTP status | gRPC code | why |
//! |---|---|---|
//! | any, retry kind [`Throttled`](RetryKind::Throttled) (the catalogue's 403 "too many requests" codes) | `ResourceExhausted` | gRPC's code for a quota or rate limit: the caller should back off |
//! | 4xx, retry kind [`Busy`](RetryKind::Busy) (the catalogue's 409 "The system is busy.") | `Aborted` | a concurrency conflict the client retries at a higher level, not an existing resource |
//! | 5xx, retry kind [`Busy`](RetryKind::Busy) | `Unavailable` | transient: retry with backoff |
//! | 400 Bad Request | `InvalidArgument` | |
//! | 401 Unauthorized | `Unauthenticated` | |
//! | 403 Forbidden | `PermissionDenied` | |
//! | 404 Not Found, 410 Gone | `NotFound` | |
//! | 405 Method Not Allowed, 501 Not Implemented | `Unimplemented` | the operation is not supported here |
//! | 406 Not Acceptable | `FailedPrecondition` | the catalogue's 406 rows ("the repository is not empty", "deletion is blocked by a package") are gRPC's own example of the code, deleting a non-empty directory: the state must change first |
//! | 408 Request Timeout, 504 Gateway Timeout | `DeadlineExceeded` | |
//! | 409 Conflict | `AlreadyExists` | the catalogue's 409 rows are "... already exists" |
//! | 412 Precondition Failed, 428 Precondition Required | `FailedPrecondition` | |
//! | 413 Content Too Large | `InvalidArgument` | the catalogue's 413 rows (file, request, description too large) are properties of the request: sent unchanged it fails again, so not `ResourceExhausted`, which tells clients to back off and retry |
//! | 416 Range Not Satisfiable | `OutOfRange` | |
//! | 429 Too Many Requests | `ResourceExhausted` | |
//! | 499 Client Closed Request | `Cancelled` | |
//! | any other 4xx | `InvalidArgument` | the request must change; `InvalidArgument` reads back as 400, the same class |
//! | 500 Internal Server Error | `Internal` | |
//! | 502 Bad Gateway, 503 Service Unavailable | `Unavailable` | |
//! | 507 Insufficient Storage | `ResourceExhausted` | gRPC's definition of the code names this case ("the entire file system is out of space"); the catalogue's 507 row has no retry kind, so no `RetryInfo` invites a retry |
//! | any other 5xx | `Internal` | |
//! | outside 400..=599 (a hand-written `SwrError` only; the derive checks the range) | `Internal` | sent as 500, as the HTTP response is; `httpStatus` says `500` |
//!
//! Back, for a `Status` without an `httpStatus` in its `ErrorInfo` (a plain `Status`, another
//! server's), [`http_status`] gives the HTTP status of each gRPC code, as Google's
//! `google.rpc.Code` documents it:
//!
//! | gRPC code | HTTP status |
//! |---|---|
//! | `Ok` | 200 |
//! | `Cancelled` | 499 |
//! | `Unknown`, `Internal`, `DataLoss` | 500 |
//! | `InvalidArgument`, `FailedPrecondition`, `OutOfRange` | 400 |
//! | `DeadlineExceeded` | 504 |
//! | `NotFound` | 404 |
//! | `AlreadyExists`, `Aborted` | 409 |
//! | `PermissionDenied` | 403 |
//! | `Unauthenticated` | 401 |
//! | `ResourceExhausted` | 429 |
//! | `Unimplemented` | 501 |
//! | `Unavailable` | 503 |

use std::borrow::Cow;
use std::collections::HashMap;
use std::time::Duration;

use ::tonic::{Code, Status};
use tonic_types::{ErrorDetails, StatusExt};

use crate::response::ErrorResponse;
use crate::retry::RetryKind;
use crate::SwrError;

/// The `ErrorInfo.domain` of a `Status` built without [`TonicOptions::domain`]: `"swr-errors"`,
/// which tells a client the `reason` is an SWR-style code. Google's convention is the service's
/// registered name (`"pubsub.googleapis.com"`), which only the app knows: set it there.
pub const DEFAULT_DOMAIN: &str = "swr-errors";

/// The `ErrorInfo.metadata` key of the HTTP status, in decimal: `"httpStatus"` (AIP-193 writes
/// keys in lowerCamelCase).
pub const METADATA_HTTP_STATUS: &str = "httpStatus";

/// The `ErrorInfo.metadata` key of the request id: `"requestId"`.
pub const METADATA_REQUEST_ID: &str = "requestId";

/// The most bytes of the message, and of the detail, a `Status` carries: 1,024, the bound
/// `RemoteError::MAX_TEXT_LEN` of the client side. See [what a `Status`
/// carries](self#what-a-status-carries).
pub const MAX_TEXT_LEN: usize = 1024;

/// How an app's errors become `Status`es: the `ErrorInfo` domain and the `RetryInfo` delays.
///
/// The app builds one and keeps it (in its service struct, or a `static`: `new` is `const`);
/// nothing is set process-wide. `From<E> for tonic::Status` uses [`TonicOptions::new`]'s values.
///
/// ```
/// use std::time::Duration;
/// use swr_errors::tonic::{to_status_with, TonicOptions};
/// use swr_errors::{RetryKind, SwrCode};
/// use tonic_types::StatusExt;
///
/// let options = TonicOptions::new()
///     .domain("charts.example.com")
///     .retry_delay(RetryKind::Throttled, Duration::from_secs(2));
/// let status = to_status_with(&SwrCode::TooManyRequests, &options);
/// assert_eq!(status.code(), tonic::Code::ResourceExhausted);
/// let retry = status.get_details_retry_info().unwrap();
/// assert_eq!(retry.retry_delay, Some(Duration::from_secs(2)));
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TonicOptions {
    domain: Cow<'static, str>,
    throttled: Option<Duration>,
    busy: Option<Duration>,
    server_error: Option<Duration>,
}

impl TonicOptions {
    /// The domain [`DEFAULT_DOMAIN`], and `RetryInfo` without a delay for every kind.
    pub const fn new() -> TonicOptions {
        TonicOptions {
            domain: Cow::Borrowed(DEFAULT_DOMAIN),
            throttled: None,
            busy: None,
            server_error: None,
        }
    }

    /// Sets `ErrorInfo.domain`: by Google's convention, the registered name of the service.
    #[must_use]
    pub fn domain(mut self, domain: impl Into<Cow<'static, str>>) -> TonicOptions {
        self.domain = domain.into();
        self
    }

    /// Sets the `RetryInfo.retry_delay` sent with the errors of `kind`: how long a client should
    /// wait before it retries. A delay longer than `RetryInfo::MAX_RETRY_DELAY` (about 10,000
    /// years) is sent as that maximum.
    #[must_use]
    pub fn retry_delay(mut self, kind: RetryKind, delay: Duration) -> TonicOptions {
        *self.delay_mut(kind) = Some(delay);
        self
    }

    /// The `RetryInfo.retry_delay` for the errors of `kind`; `None` when not set.
    pub fn retry_delay_of(&self, kind: RetryKind) -> Option<Duration> {
        match kind {
            RetryKind::Throttled => self.throttled,
            RetryKind::Busy => self.busy,
            RetryKind::ServerError => self.server_error,
        }
    }

    /// The `ErrorInfo.domain`.
    pub fn domain_name(&self) -> &str {
        &self.domain
    }

    fn delay_mut(&mut self, kind: RetryKind) -> &mut Option<Duration> {
        match kind {
            RetryKind::Throttled => &mut self.throttled,
            RetryKind::Busy => &mut self.busy,
            RetryKind::ServerError => &mut self.server_error,
        }
    }
}

impl Default for TonicOptions {
    fn default() -> TonicOptions {
        TonicOptions::new()
    }
}

/// The `Status` for `error`, with `options`' domain and retry delays; without a request id
/// (send one with [`ErrorResponse::into_status_with`]).
///
/// ```
/// use swr_errors::tonic::{to_status_with, TonicOptions};
/// use swr_errors::SwrCode;
///
/// let status = to_status_with(&SwrCode::SystemBusy, &TonicOptions::new());
/// assert_eq!(status.code(), tonic::Code::Aborted);
/// ```
pub fn to_status_with(error: &dyn SwrError, options: &TonicOptions) -> Status {
    build(error, None, options)
}

/// The one place a `Status` is built, through `&dyn SwrError` so it is compiled once.
fn build(error: &dyn SwrError, request_id: Option<&str>, options: &TonicOptions) -> Status {
    // The status an HTTP response would carry: 500 for a hand-written one out of range.
    let status = crate::status::sent_status(error);
    let retry = error.retry_kind();

    let mut metadata = HashMap::with_capacity(2);
    metadata.insert(METADATA_HTTP_STATUS.to_owned(), status.to_string());
    if let Some(id) = request_id {
        metadata.insert(METADATA_REQUEST_ID.to_owned(), id.to_owned());
    }
    let mut details = ErrorDetails::with_error_info(error.code(), &*options.domain, metadata);
    if let Some(kind) = retry {
        details.set_retry_info(options.retry_delay_of(kind));
    }
    if let Some(detail) = error.detail().filter(|detail| !detail.is_empty()) {
        details.set_debug_info(Vec::<String>::new(), bounded(&detail));
    }
    let message = error.message();
    Status::with_error_details(grpc_code_of(status, retry), bounded(&message), details)
}

/// `text` cut to [`MAX_TEXT_LEN`] bytes at a character boundary, so the trailers stay within
/// what HTTP/2 peers accept.
fn bounded(text: &str) -> &str {
    crate::prefix::char_prefix(text, MAX_TEXT_LEN)
}

/// The gRPC code for `error`, by the [mapping table](self#the-mapping-table): from its HTTP
/// status and its retry kind.
///
/// ```
/// use swr_errors::tonic::grpc_code;
/// use swr_errors::SwrCode;
/// use tonic::Code;
///
/// assert_eq!(grpc_code(&SwrCode::ImageNotFound), Code::NotFound);
/// assert_eq!(grpc_code(&SwrCode::ImageExists), Code::AlreadyExists);
/// assert_eq!(grpc_code(&SwrCode::SystemBusy), Code::Aborted); // a 409
/// assert_eq!(grpc_code(&SwrCode::TooManyRequests), Code::ResourceExhausted); // a 403
/// ```
pub fn grpc_code(error: &dyn SwrError) -> Code {
    grpc_code_of(crate::status::sent_status(error), error.retry_kind())
}

fn grpc_code_of(status: u16, retry: Option<RetryKind>) -> Code {
    match (status, retry) {
        (400..=599, Some(RetryKind::Throttled)) => Code::ResourceExhausted,
        (400..=499, Some(RetryKind::Busy)) => Code::Aborted,
        (500..=599, Some(RetryKind::Busy)) => Code::Unavailable,
        (400, _) => Code::InvalidArgument,
        (401, _) => Code::Unauthenticated,
        (403, _) => Code::PermissionDenied,
        (404 | 410, _) => Code::NotFound,
        (405 | 501, _) => Code::Unimplemented,
        (406 | 412 | 428, _) => Code::FailedPrecondition,
        (408 | 504, _) => Code::DeadlineExceeded,
        (409, _) => Code::AlreadyExists,
        (413, _) => Code::InvalidArgument,
        (416, _) => Code::OutOfRange,
        (429 | 507, _) => Code::ResourceExhausted,
        (499, _) => Code::Cancelled,
        (400..=499, _) => Code::InvalidArgument,
        (500, _) => Code::Internal,
        (502 | 503, _) => Code::Unavailable,
        (500..=599, _) => Code::Internal,
        // Never reached from `build` or `grpc_code`: both pass the sent status, 400 to 599.
        _ => Code::Unknown,
    }
}

/// The HTTP status of a gRPC code, by the [reverse table](self#the-mapping-table) (Google's
/// `google.rpc.Code` mapping): what `RemoteError::from_status`
/// reports for a `Status` whose `ErrorInfo` does not give `httpStatus`.
///
/// ```
/// use swr_errors::tonic::http_status;
/// use tonic::Code;
///
/// assert_eq!(http_status(Code::NotFound), 404);
/// assert_eq!(http_status(Code::Aborted), 409);
/// assert_eq!(http_status(Code::Unavailable), 503);
/// ```
pub fn http_status(code: Code) -> u16 {
    match code {
        Code::Ok => 200,
        Code::Cancelled => 499,
        Code::Unknown | Code::Internal | Code::DataLoss => 500,
        Code::InvalidArgument | Code::FailedPrecondition | Code::OutOfRange => 400,
        Code::DeadlineExceeded => 504,
        Code::NotFound => 404,
        Code::AlreadyExists | Code::Aborted => 409,
        Code::PermissionDenied => 403,
        Code::Unauthenticated => 401,
        Code::ResourceExhausted => 429,
        Code::Unimplemented => 501,
        Code::Unavailable => 503,
    }
}

/// The `Status` with [`TonicOptions::new`]'s values and the response's request id (in
/// `ErrorInfo.metadata`); the response's body format plays no part in gRPC.
///
/// ```
/// use swr_errors::{RemoteError, SwrCode, SwrError};
///
/// let status: tonic::Status = SwrCode::OrganizationExists.response().with_request_id("r-7").into();
/// assert_eq!(RemoteError::from_status(&status).request_id(), Some("r-7"));
/// ```
#[cfg_attr(docsrs, doc(cfg(feature = "tonic")))]
impl<E: SwrError> From<ErrorResponse<E>> for Status {
    fn from(response: ErrorResponse<E>) -> Status {
        response.into_status_with(&TonicOptions::new())
    }
}

#[cfg_attr(docsrs, doc(cfg(feature = "tonic")))]
impl<E: SwrError> ErrorResponse<E> {
    /// The `Status` with `options`' domain and retry delays and the response's request id.
    pub fn into_status_with(self, options: &TonicOptions) -> Status {
        build(self.error(), self.request_id(), options)
    }
}

#[cfg(test)]
mod tests {
    use ::tonic::Code;

    use super::{bounded, grpc_code_of, http_status, MAX_TEXT_LEN};
    use crate::RetryKind;

    #[test]
    fn texts_are_cut_at_a_char_boundary() {
        assert_eq!(bounded("short é"), "short é");
        let long = "é".repeat(MAX_TEXT_LEN);
        assert_eq!(bounded(&long), &long[..MAX_TEXT_LEN]);
        let odd = format!("a{long}");
        assert_eq!(bounded(&odd).len(), MAX_TEXT_LEN - 1);
    }

    /// A hand-written error whose status is no error status.
    struct Success;

    impl crate::SwrError for Success {
        fn code(&self) -> &'static str {
            "SVCSTG.HAND.2000001"
        }
        fn status(&self) -> u16 {
            200
        }
        fn message(&self) -> std::borrow::Cow<'static, str> {
            "fine".into()
        }
    }

    #[test]
    fn a_status_outside_the_error_range_is_sent_as_500() {
        // As the HTTP response: the table's last row.
        assert_eq!(super::grpc_code(&Success), Code::Internal);
        let status = super::to_status_with(&Success, &super::TonicOptions::new());
        assert_eq!(status.code(), Code::Internal);
        let info = tonic_types::StatusExt::get_details_error_info(&status).unwrap();
        assert_eq!(info.metadata[super::METADATA_HTTP_STATUS], "500");
    }

    #[cfg(feature = "client")]
    #[test]
    fn the_bound_is_the_clients() {
        assert_eq!(MAX_TEXT_LEN, crate::RemoteError::MAX_TEXT_LEN);
    }

    #[test]
    fn the_codes_google_maps_to_one_status_read_back_as_that_status() {
        for status in [400, 401, 403, 404, 409, 429, 499, 500, 501, 503, 504] {
            assert_eq!(http_status(grpc_code_of(status, None)), status);
        }
        // The rest keep at least their class, except where the table says why not.
        for status in (400..=599u16).filter(|s| ![405, 408, 507].contains(s)) {
            assert_eq!(http_status(grpc_code_of(status, None)) / 100, status / 100);
        }
    }

    #[test]
    fn retry_kinds_override_the_status() {
        assert_eq!(
            grpc_code_of(403, Some(RetryKind::Throttled)),
            Code::ResourceExhausted
        );
        assert_eq!(grpc_code_of(409, Some(RetryKind::Busy)), Code::Aborted);
        assert_eq!(grpc_code_of(500, Some(RetryKind::Busy)), Code::Unavailable);
        assert_eq!(
            grpc_code_of(500, Some(RetryKind::ServerError)),
            Code::Internal
        );
        assert_eq!(grpc_code_of(200, Some(RetryKind::Throttled)), Code::Unknown);
        assert_eq!(grpc_code_of(0, None), Code::Unknown);
    }
}
