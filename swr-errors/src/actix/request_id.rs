//! [`RequestId`] as an actix-web extractor, and how the middleware reads one from a request.

use std::future::{ready, Ready};

use ::actix_web::dev::Payload;
use ::actix_web::http::header::HeaderMap;
use ::actix_web::{FromRequest, HttpMessage, HttpRequest};

use crate::response::{RequestId, X_REQUEST_ID};

/// The request's valid `X-Request-Id`, if it has one.
pub(super) fn from_headers(headers: &HeaderMap) -> Option<RequestId> {
    let value = headers.get(X_REQUEST_ID)?.to_str().ok()?;
    RequestId::new(value)
}

/// The request's id: the one [`SwrErrors`](super::SwrErrors) stored, else the request's valid
/// `X-Request-Id` header, else a generated one. Never fails.
impl FromRequest for RequestId {
    type Error = std::convert::Infallible;
    type Future = Ready<Result<RequestId, Self::Error>>;

    fn from_request(request: &HttpRequest, _payload: &mut Payload) -> Self::Future {
        let id = request
            .extensions()
            .get::<RequestId>()
            .cloned()
            .or_else(|| from_headers(request.headers()))
            .unwrap_or_else(RequestId::generate);
        ready(Ok(id))
    }
}
