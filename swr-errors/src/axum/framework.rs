//! axum's own error responses, told apart from a handler's and rewritten as SWR errors.
//!
//! axum marks none of its responses. Its fallback for an unmatched route is a bare 404, for a
//! wrong method a bare 405 with `Allow`, and every extractor rejection (`JsonRejection`,
//! `PathRejection`, `QueryRejection`, a body over `DefaultBodyLimit`...) is
//! `(status, text).into_response()`: `Content-Type: text/plain; charset=utf-8` and the
//! rejection's text. So an error response (4xx or 5xx) is taken as the framework's when it carries
//! no record of an SWR error, no [`Untouched`](crate::Untouched) marker, and either no
//! `Content-Type` or a `text/plain` one.

use ::axum::body::{to_bytes, Body, HttpBody};
use ::axum::http::header::{CONTENT_ENCODING, CONTENT_LENGTH, CONTENT_TYPE};
use ::axum::http::{HeaderValue, StatusCode};
use ::axum::response::Response;

use crate::format::{BodyFormat, Context};
use crate::layer::info::ErrorInfo;
use crate::layer::Config;

/// The longest framework text read into the body's `detail`; axum's are far shorter. A longer
/// (or streaming) body is dropped without a detail.
const MAX_TEXT: u64 = 4096;

/// Whether an error response of this `Content-Type` looks like one of axum's own (see the module
/// docs).
pub(super) fn is_framework(content_type: Option<&HeaderValue>) -> bool {
    match content_type {
        None => true,
        Some(value) => value
            .as_bytes()
            .get(..10)
            .is_some_and(|start| start.eq_ignore_ascii_case(b"text/plain")),
    }
}

/// The SWR response that replaces the framework's `response`, with its text as the detail; the
/// response itself when the app's table keeps its status.
pub(super) async fn replace(
    response: Response,
    config: &Config,
    format: BodyFormat,
    context: Context<'_>,
) -> (Response, Option<ErrorInfo>) {
    let status = response.status().as_u16();
    if config.framework.get(status).is_none() {
        return (response, None);
    }
    let (mut parts, body) = response.into_parts();
    // An encoded body (a compressing middleware inside the layer, a proxied upstream) is not
    // text to quote: no detail then, rather than its bytes.
    let encoded = parts
        .headers
        .get(CONTENT_ENCODING)
        .is_some_and(|encoding| !encoding.as_bytes().eq_ignore_ascii_case(b"identity"));
    let text = if encoded {
        String::new()
    } else {
        read_text(body).await
    };
    let Some(info) = config.framework_error(status, &text) else {
        // Not reached: the table maps this status (checked above). The text read is the body.
        return (Response::from_parts(parts, Body::from(text)), None);
    };
    let body = info.body(format, context);
    parts.status = StatusCode::from_u16(info.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    set_body_headers(&mut parts.headers, format);
    (Response::from_parts(parts, Body::from(body)), Some(info))
}

/// The body's text, when it is short and complete; else empty.
async fn read_text(body: Body) -> String {
    let short = body
        .size_hint()
        .upper()
        .is_some_and(|upper| upper <= MAX_TEXT);
    if !short {
        return String::new();
    }
    match to_bytes(body, MAX_TEXT as usize).await {
        Ok(bytes) => String::from_utf8_lossy(&bytes).into_owned(),
        Err(_) => String::new(),
    }
}

/// The headers of a rewritten body: its format's type, and no stale length or encoding (a
/// compressing middleware inside the layer may have encoded the body it replaces).
pub(super) fn set_body_headers(headers: &mut ::axum::http::HeaderMap, format: BodyFormat) {
    headers.insert(CONTENT_TYPE, crate::http_response::content_type(format));
    headers.remove(CONTENT_LENGTH);
    headers.remove(CONTENT_ENCODING);
}
