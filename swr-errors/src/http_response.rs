//! `http` 1.x: every error converts into `http::Response<Vec<u8>>`.
//!
//! The body is a `Vec<u8>`: the JSON text, already complete, with no dependency on a body crate.
//! It converts without copying into `bytes::Bytes` (`Bytes::from(vec)`), and from there into
//! the body types of hyper (`http_body_util::Full`) and axum (`axum::body::Body`) alike;
//! `response.map(Bytes::from)` does it for a whole response. For gRPC, the `tonic` feature
//! converts an error into a `tonic::Status` instead (module `swr_errors::tonic`).

use ::http::header::{HeaderName, HeaderValue, CONTENT_TYPE};
use ::http::{Response, StatusCode};

use crate::format::BodyFormat;
use crate::response::{ErrorResponse, Parts, X_REQUEST_ID};
use crate::SwrError;

/// The response for an error, in its own format if it has one ([`SwrError::body_format`]), else
/// Legacy: what `From<E> for http::Response<Vec<u8>>` of a derived type calls (through
/// `__private`).
pub fn http_response(error: &dyn SwrError) -> Response<Vec<u8>> {
    build(Parts::of(
        error,
        error.body_format().unwrap_or_default(),
        None,
    ))
}

pub(crate) fn build(parts: Parts<'_>) -> Response<Vec<u8>> {
    let mut response = Response::new(parts.body.into_bytes());
    *response.status_mut() = status_code(parts.status);
    let headers = response.headers_mut();
    headers.insert(CONTENT_TYPE, content_type(parts.format));
    if let Some(id) = parts.request_id {
        // `RequestId` holds visible ASCII only, so this never fails.
        if let Ok(value) = HeaderValue::from_str(id) {
            headers.insert(HeaderName::from_static(X_REQUEST_ID), value);
        }
    }
    response
}

/// The format's `Content-Type`, as a value made at compile time: `HeaderValue::from_static` at
/// run time checks every byte, on every response.
pub(crate) fn content_type(format: BodyFormat) -> HeaderValue {
    const JSON: HeaderValue = HeaderValue::from_static(BodyFormat::Legacy.content_type());
    const PROBLEM: HeaderValue = HeaderValue::from_static(BodyFormat::Problem.content_type());
    match format {
        BodyFormat::Legacy | BodyFormat::Dual | BodyFormat::Oci => JSON,
        BodyFormat::Problem => PROBLEM,
    }
}

/// The status as `http`'s type. Callers pass a status already through `sent_status` (400 to
/// 599); a number `http` rejects is 500 all the same, rather than a panic.
pub(crate) fn status_code(status: u16) -> StatusCode {
    StatusCode::from_u16(status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR)
}

/// With the status, the format's `Content-Type`, the body in the response's format and
/// `X-Request-Id` when one was set.
///
/// ```
/// use swr_errors::{BodyFormat, SwrCode, SwrError};
///
/// let response: http::Response<Vec<u8>> = SwrCode::OrganizationExists
///     .response()
///     .with_format(BodyFormat::Dual)
///     .with_request_id("req-1")
///     .into();
/// assert_eq!(response.status(), 409);
/// assert_eq!(response.headers()["content-type"], "application/json");
/// assert_eq!(response.headers()["x-request-id"], "req-1");
/// assert!(response.body().starts_with(br#"{"error_code":"SVCSTG.SWR.4090060""#));
/// ```
#[cfg_attr(docsrs, doc(cfg(feature = "http")))]
impl<E: SwrError> From<ErrorResponse<E>> for Response<Vec<u8>> {
    fn from(response: ErrorResponse<E>) -> Response<Vec<u8>> {
        build(Parts::of_response(&response))
    }
}

#[cfg_attr(docsrs, doc(cfg(feature = "http")))]
impl<E: SwrError> ErrorResponse<E> {
    /// The `http` response; the same as `http::Response::from(self)`.
    pub fn into_http(self) -> Response<Vec<u8>> {
        self.into()
    }
}

#[cfg(test)]
mod tests {
    use ::http::Response;

    use super::status_code;
    use crate::{BodyFormat, SwrCode, SwrError};

    #[test]
    fn a_derived_error_converts_with_status_type_and_legacy_body() {
        let response: Response<Vec<u8>> = SwrCode::QueriedImageNotFound.into();
        assert_eq!(response.status(), 404);
        assert_eq!(response.headers()["content-type"], "application/json");
        assert!(response.headers().get("x-request-id").is_none());
        assert_eq!(
            response.body(),
            SwrCode::QueriedImageNotFound.to_json().as_bytes()
        );
    }

    #[test]
    fn the_builder_sets_format_and_request_id() {
        let response = SwrCode::InvalidOrganizationName
            .response()
            .with_format(BodyFormat::Dual)
            .with_request_id("abc")
            .into_http();
        assert_eq!(response.status(), 400);
        assert_eq!(response.headers()["x-request-id"], "abc");
        assert_eq!(response.headers().len(), 2);
        let body: serde_json::Value = serde_json::from_slice(response.body()).unwrap();
        assert_eq!(body["error_code"], "SVCSTG.SWR.4001028");
        assert_eq!(
            body["errors"][0]["errorMessage"],
            "Invalid organization name."
        );
    }

    #[test]
    fn problem_is_sent_as_problem_json_with_its_request_id() {
        let response = SwrCode::UrlNotFound
            .response()
            .with_format(BodyFormat::Problem)
            .with_request_id("rid")
            .into_http();
        assert_eq!(response.status(), 404);
        assert_eq!(
            response.headers()["content-type"],
            "application/problem+json"
        );
        let body: serde_json::Value = serde_json::from_slice(response.body()).unwrap();
        assert_eq!(body["request_id"], "rid");
        assert_eq!(body["code"], "SVCSTG.SWR.4040083");
    }

    #[test]
    fn out_of_range_statuses_become_500() {
        assert_eq!(status_code(404), 404);
        assert_eq!(status_code(599), 599);
        assert_eq!(status_code(0), 500);
        assert_eq!(status_code(1000), 500);
    }
}
