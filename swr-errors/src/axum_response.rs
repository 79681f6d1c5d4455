//! axum 0.8: `IntoResponse` for every derived error and for [`ErrorResponse`], the
//! [`request_id`] middleware, and [`RequestId`] as an extractor.
//!
//! # Example
//!
//! ```
//! use axum::{middleware, routing::get, Router};
//! use swr_errors::{RequestId, SwrCode, SwrError};
//!
//! async fn show_namespace() -> Result<String, SwrCode> {
//!     Err(SwrCode::OrganizationNotFound) // a 404 with the JSON body
//! }
//!
//! async fn create_namespace(id: RequestId) -> swr_errors::ErrorResponse<SwrCode> {
//!     // The id the middleware took from the request (or generated).
//!     SwrCode::OrganizationExists.response().with_request_id(id)
//! }
//!
//! let app: Router = Router::new()
//!     .route("/v2/manage/namespaces/{namespace}", get(show_namespace))
//!     .route("/v2/manage/namespaces", axum::routing::post(create_namespace))
//!     // One line: every response carries `X-Request-Id`.
//!     .layer(middleware::from_fn(swr_errors::axum::request_id));
//! ```

use std::convert::Infallible;

use ::axum::extract::{FromRequestParts, Request};
use ::axum::http::header::{HeaderName, HeaderValue};
use ::axum::http::request::Parts as RequestParts;
use ::axum::middleware::Next;
use ::axum::response::{IntoResponse, Response};

use crate::format::BodyFormat;
use crate::http_response;
use crate::response::{ErrorResponse, Parts, RequestId, X_REQUEST_ID};
use crate::SwrError;

/// The response for an error in the [global default format](BodyFormat::global_default): what
/// `IntoResponse` of a derived type calls.
#[doc(hidden)]
pub fn axum_response(error: &dyn SwrError) -> Response {
    into_axum(Parts::of(error, BodyFormat::global_default(), None))
}

fn into_axum(parts: Parts<'_>) -> Response {
    http_response::build(parts).map(::axum::body::Body::from)
}

/// With the status, `Content-Type: application/json`, the body in the response's format and
/// `X-Request-Id` when one was set.
impl<E: SwrError> IntoResponse for ErrorResponse<E> {
    fn into_response(self) -> Response {
        into_axum(Parts::of_response(&self))
    }
}

/// Middleware that gives every request and response an `X-Request-Id`: the request's own when it
/// is a valid [`RequestId`], else a [generated](RequestId::generate) one.
///
/// The id is stored in the request's extensions (read it with the [`RequestId`] extractor) and
/// set on the response, unless the handler set one itself. Install it with
/// `.layer(axum::middleware::from_fn(swr_errors::axum::request_id))`.
pub async fn request_id(mut request: Request, next: Next) -> Response {
    let id = from_headers(request.headers()).unwrap_or_else(RequestId::generate);
    request.extensions_mut().insert(id.clone());
    let mut response = next.run(request).await;
    let name = HeaderName::from_static(X_REQUEST_ID);
    if !response.headers().contains_key(&name) {
        if let Ok(value) = HeaderValue::from_str(id.as_str()) {
            response.headers_mut().insert(name, value);
        }
    }
    response
}

fn from_headers(headers: &::axum::http::HeaderMap) -> Option<RequestId> {
    let value = headers.get(X_REQUEST_ID)?.to_str().ok()?;
    RequestId::new(value)
}

/// The request's id: the one the [`request_id`] middleware stored, else the request's valid
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
