//! With the `http` feature: [`RemoteError`] from an `http` 1.x response, with its request id and
//! `Retry-After`.

use http::response::Parts;
use http::{HeaderMap, HeaderValue, Response};

use super::headers::Head;
use super::RemoteError;

impl RemoteError {
    /// Reads an `http` 1.x response whose body is bytes (`Vec<u8>`, `bytes::Bytes`, `String`,
    /// `&[u8]`...): its status, its body as [`from_response`](Self::from_response) reads it, and
    /// its `X-Request-Id` header, which when present and not empty wins over a `request_id` in the
    /// body (a header that is not UTF-8 is read lossily), its `Retry-After` header, read into
    /// [`retry_after`](Self::retry_after), and its `WWW-Authenticate` challenge, kept as
    /// [`www_authenticate`](Self::www_authenticate).
    ///
    /// ```
    /// use std::time::Duration;
    /// use swr_errors::{RemoteError, SwrCode, SwrError};
    ///
    /// let response = http::Response::builder()
    ///     .status(429)
    ///     .header("X-Request-Id", "7c1a2b")
    ///     .header("Retry-After", "30")
    ///     .body(SwrCode::TooManyRequests.to_json())
    ///     .unwrap();
    /// let err = RemoteError::from_http(&response);
    /// assert_eq!(err.known(), Some(SwrCode::TooManyRequests));
    /// assert_eq!(err.request_id(), Some("7c1a2b"));
    /// assert_eq!(err.retry_after(), Some(Duration::from_secs(30)));
    /// ```
    #[cfg_attr(docsrs, doc(cfg(feature = "http")))]
    pub fn from_http<B: AsRef<[u8]>>(response: &Response<B>) -> RemoteError {
        RemoteError::from_http_head(
            response.status(),
            response.headers(),
            response.body().as_ref(),
        )
    }

    /// As [`from_http`](Self::from_http), for a response already split with
    /// `Response::into_parts`, as clients built on `http` (hyper, ureq 3) hand it over.
    ///
    /// ```
    /// use swr_errors::{RemoteError, SwrCode, SwrError};
    ///
    /// let response = http::Response::builder()
    ///     .status(503)
    ///     .header("x-request-id", "9e")
    ///     .body(())
    ///     .unwrap();
    /// let (parts, ()) = response.into_parts();
    /// let err = RemoteError::from_http_parts(&parts, b"<html>Service Unavailable</html>");
    /// assert_eq!(err.status(), 503);
    /// assert_eq!(err.message(), "<html>Service Unavailable</html>");
    /// assert_eq!(err.request_id(), Some("9e"));
    /// ```
    #[cfg_attr(docsrs, doc(cfg(feature = "http")))]
    pub fn from_http_parts(parts: &Parts, body: &[u8]) -> RemoteError {
        RemoteError::from_http_head(parts.status, &parts.headers, body)
    }

    fn from_http_head(status: http::StatusCode, headers: &HeaderMap, body: &[u8]) -> RemoteError {
        let head = Head::read(|name| headers.get_all(name).iter().map(HeaderValue::as_bytes));
        RemoteError::from_response(status.as_u16(), body).with_head(head)
    }
}

#[cfg(test)]
mod tests {
    use super::RemoteError;
    use crate::{SwrCode, SwrError};

    fn response(request_id: Option<&[u8]>, body: &str) -> http::Response<Vec<u8>> {
        let mut builder = http::Response::builder().status(404);
        if let Some(id) = request_id {
            builder = builder.header("X-Request-Id", id);
        }
        builder.body(body.as_bytes().to_vec()).unwrap()
    }

    #[test]
    fn reads_status_body_and_request_id() {
        let err =
            RemoteError::from_http(&response(Some(b"abc"), &SwrCode::ImageNotFound.to_json()));
        assert_eq!(err.status(), 404);
        assert_eq!(err.known(), Some(SwrCode::ImageNotFound));
        assert_eq!(err.request_id(), Some("abc"));
    }

    #[test]
    fn header_wins_over_body_and_body_serves_without_header() {
        let body =
            r#"{"error_code":"APIGW.0101","error_msg":"Not found","request_id":"from-body"}"#;
        assert_eq!(
            RemoteError::from_http(&response(Some(b"from-header"), body)).request_id(),
            Some("from-header")
        );
        assert_eq!(
            RemoteError::from_http(&response(None, body)).request_id(),
            Some("from-body")
        );
        assert_eq!(
            RemoteError::from_http(&response(Some(b""), body)).request_id(),
            Some("from-body")
        );
        assert_eq!(
            RemoteError::from_http(&response(None, "")).request_id(),
            None
        );
    }

    #[test]
    fn a_header_that_is_not_utf8_is_read_lossily() {
        let err = RemoteError::from_http(&response(Some(b"id-\xff"), ""));
        assert_eq!(err.request_id(), Some("id-\u{fffd}"));
    }

    #[test]
    fn reads_retry_after_in_both_forms() {
        use std::time::{Duration, SystemTime};

        let with = |value: &str| {
            let response = http::Response::builder()
                .status(503)
                .header("Retry-After", value)
                .body(Vec::new())
                .unwrap();
            RemoteError::from_http(&response).retry_after()
        };
        assert_eq!(with("120"), Some(Duration::from_secs(120)));
        let in_an_hour = httpdate::fmt_http_date(SystemTime::now() + Duration::from_secs(3600));
        let wait = with(&in_an_hour).unwrap();
        assert!(
            wait <= Duration::from_secs(3600) && wait > Duration::from_secs(3500),
            "{wait:?}"
        );
        assert_eq!(with("Sun, 06 Nov 1994 08:49:37 GMT"), Some(Duration::ZERO));
        assert_eq!(with("later"), None);
        assert_eq!(
            RemoteError::from_http(&response(None, "")).retry_after(),
            None
        );
    }

    #[test]
    fn parts_and_whole_response_agree() {
        let whole = response(Some(b"r1"), &SwrCode::SystemBusy.to_json());
        let (parts, body) = whole.clone().into_parts();
        assert_eq!(
            RemoteError::from_http_parts(&parts, &body),
            RemoteError::from_http(&whole)
        );
    }

    #[test]
    fn keeps_the_www_authenticate_challenge_of_an_oci_401() {
        let challenge = r#"Bearer realm="https://auth.example.com/token",service="registry.example.com",scope="repository:acme/app:pull""#;
        let body = r#"{"errors":[{"code":"UNAUTHORIZED","message":"authentication required","detail":[{"Type":"repository","Class":"","Name":"acme/app","Action":"pull"}]}]}"#;
        let response = http::Response::builder()
            .status(401)
            .header("Www-Authenticate", challenge)
            .header("Docker-Distribution-Api-Version", "registry/2.0")
            .body(body)
            .unwrap();
        let err = RemoteError::from_http(&response);
        assert_eq!(err.code(), Some("UNAUTHORIZED"));
        assert_eq!(err.message(), "authentication required");
        assert_eq!(
            err.detail(),
            Some(r#"[{"Action":"pull","Class":"","Name":"acme/app","Type":"repository"}]"#)
        );
        assert_eq!(err.www_authenticate(), Some(challenge));
        let (parts, body) = response.into_parts();
        assert_eq!(RemoteError::from_http_parts(&parts, body.as_bytes()), err);
        // The body alone has no headers.
        assert_eq!(
            RemoteError::from_response(401, body.as_bytes()).www_authenticate(),
            None
        );
    }

    #[test]
    fn several_challenges_are_joined_and_empty_ones_skipped() {
        let response = http::Response::builder()
            .status(401)
            .header("WWW-Authenticate", r#"Bearer realm="https://a/token""#)
            .header("WWW-Authenticate", "")
            .header("WWW-Authenticate", r#"Basic realm="registry""#)
            .body(Vec::new())
            .unwrap();
        assert_eq!(
            RemoteError::from_http(&response).www_authenticate(),
            Some(r#"Bearer realm="https://a/token", Basic realm="registry""#)
        );
        let response = http::Response::builder()
            .status(401)
            .header("WWW-Authenticate", " ")
            .body(Vec::new())
            .unwrap();
        assert_eq!(RemoteError::from_http(&response).www_authenticate(), None);
        assert_eq!(
            RemoteError::from_http(&self::response(None, "")).www_authenticate(),
            None
        );
    }

    #[test]
    fn an_iam_denial_keeps_its_encoded_message() {
        let body = r#"{"error_code":"SWR.0403","error_msg":"Policy doesn't allow swr:repo:get to be performed.","encoded_authorization_message":"W2RlbnldIHN3cjpyZXBvOmdldA=="}"#;
        let err = RemoteError::from_http(&response(Some(b"r-403"), body));
        assert_eq!(err.code(), Some("SWR.0403"));
        assert_eq!(
            err.encoded_authorization_message(),
            Some("W2RlbnldIHN3cjpyZXBvOmdldA==")
        );
        assert_eq!(err.request_id(), Some("r-403"));
    }
}
