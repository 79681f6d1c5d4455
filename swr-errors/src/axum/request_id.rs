//! [`RequestId`] as an axum extractor, and how the layer reads one from a request.

use std::convert::Infallible;

use ::axum::extract::FromRequestParts;
use ::axum::http::request::Parts as RequestParts;
use ::axum::http::HeaderMap;

use crate::response::{RequestId, X_REQUEST_ID};

/// The request's valid `X-Request-Id`, if it has one.
pub(super) fn from_headers(headers: &HeaderMap) -> Option<RequestId> {
    let value = headers.get(X_REQUEST_ID)?.to_str().ok()?;
    RequestId::new(value)
}

/// The request's id: the one [`SwrLayer`](super::SwrLayer) stored, else the request's valid
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
