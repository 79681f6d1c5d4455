//! [`RequestId`] as an axum extractor, and how the layer reads one from a request.

use std::convert::Infallible;

use ::axum::extract::FromRequestParts;
use ::axum::http::request::Parts as RequestParts;
use ::axum::http::{HeaderMap, HeaderName, HeaderValue};
use bytes::Bytes;

use crate::response::{RequestId, X_REQUEST_ID};

/// `X-Request-Id` as a header name made at compile time, so no lookup parses the name.
pub(super) const NAME: HeaderName = HeaderName::from_static(X_REQUEST_ID);

/// The request's valid `X-Request-Id`, if it has one.
pub(super) fn from_headers(headers: &HeaderMap) -> Option<RequestId> {
    let value = headers.get(&NAME)?.to_str().ok()?;
    RequestId::new(value)
}

/// The request's `X-Request-Id` when it is a valid [`RequestId`].
pub(super) fn valid(value: Option<&HeaderValue>) -> Option<&HeaderValue> {
    value.filter(|value| RequestId::is_valid(value.as_bytes()))
}

/// A generated id, set as the request's `X-Request-Id` (replacing an invalid one) so that
/// handlers, the extractor and the response all see the same id.
pub(super) fn generate_into(headers: &mut HeaderMap) -> HeaderValue {
    // One allocation, shared by the request's header and the response's: a value made from a
    // slice would be copied, and its clone copied again.
    let digits = Bytes::from_owner(RequestId::generate_digits());
    // Hex digits: always a valid header value.
    let value = HeaderValue::from_maybe_shared(digits).unwrap_or(HeaderValue::from_static("-"));
    headers.insert(NAME, value.clone());
    value
}

/// The request's id: one stored in the request's extensions, else the request's valid
/// `X-Request-Id` header, else a generated one. Never rejects.
impl<S: Send + Sync> FromRequestParts<S> for RequestId {
    type Rejection = Infallible;

    async fn from_request_parts(
        parts: &mut RequestParts,
        _state: &S,
    ) -> Result<RequestId, Infallible> {
        if let Some(id) = parts.extensions.get::<RequestId>() {
            return Ok(id.clone());
        }
        Ok(from_headers(&parts.headers).unwrap_or_else(RequestId::generate))
    }
}
