//! axum's side of replacing its own error responses: reading the framework's text, and the
//! headers of a body the layer writes.
//!
//! axum marks none of its responses. Its fallback for an unmatched route is a bare 404, for a
//! wrong method a bare 405 with `Allow`, and every extractor rejection (`JsonRejection`,
//! `PathRejection`, `QueryRejection`, a body over `DefaultBodyLimit`...) is
//! `(status, text).into_response()`: `Content-Type: text/plain; charset=utf-8` and the
//! rejection's text; the layer's policy tells them apart by that.

use ::axum::body::{to_bytes, Body, HttpBody};
use ::axum::http::header::{HeaderValue, CONTENT_ENCODING, CONTENT_LENGTH, CONTENT_TYPE};
use ::axum::http::response::Parts as Head;
use ::axum::response::Response;

use crate::format::BodyFormat;
use crate::http_response;
use crate::layer::policy;

/// The framework's `response` as its head and its text, which becomes the detail: its body when
/// the policy quotes it; else empty.
pub(super) async fn text(response: Response) -> (Head, String) {
    let (head, body) = response.into_parts();
    let encoding = head
        .headers
        .get(CONTENT_ENCODING)
        .map(HeaderValue::as_bytes);
    if !policy::quotes(encoding, body.size_hint().upper()) {
        return (head, String::new());
    }
    let text = match to_bytes(body, policy::MAX_TEXT as usize).await {
        Ok(bytes) => String::from_utf8_lossy(&bytes).into_owned(),
        Err(_) => String::new(),
    };
    (head, text)
}

/// The response with `head`'s other headers (such as `Allow`), sent with `status` and `body`,
/// written in `format`.
pub(super) fn replaced(mut head: Head, status: u16, body: String, format: BodyFormat) -> Response {
    head.status = http_response::status_code(status);
    set_body_headers(&mut head.headers, format);
    Response::from_parts(head, Body::from(body))
}

/// The headers of a rewritten body: its format's type, and no stale length or encoding (a
/// compressing middleware inside the layer may have encoded the body it replaces).
pub(super) fn set_body_headers(headers: &mut ::axum::http::HeaderMap, format: BodyFormat) {
    headers.insert(CONTENT_TYPE, http_response::content_type(format));
    headers.remove(CONTENT_LENGTH);
    headers.remove(CONTENT_ENCODING);
}
