//! `ResponseError` for every derived error (through `__private`) and for [`ErrorResponse`]: the
//! status, the format's `Content-Type`, the body, and the [`Written`] record the app's
//! [`SwrErrors`](super::SwrErrors) reads.
//!
//! actix-web 4 is built on http 0.2, whose `StatusCode` is not http 1's: the status crosses as
//! the `u16`.

use std::fmt;

use ::actix_web::http::header::{HeaderName, HeaderValue, CONTENT_TYPE};
use ::actix_web::http::StatusCode;
use ::actix_web::{HttpResponse, ResponseError};

use crate::format::BodyFormat;
use crate::layer::info::Written;
use crate::response::{ErrorResponse, Parts, X_REQUEST_ID};
use crate::SwrError;

/// actix-web's status for `status`, a status already passed through `sent_status`; 500 for a
/// number it rejects all the same, rather than a panic.
pub(crate) fn actix_status(status: u16) -> StatusCode {
    StatusCode::from_u16(status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR)
}

/// The status of a derived error's response: the status it is sent with, as actix-web's type.
pub fn actix_status_of(error: &dyn SwrError) -> StatusCode {
    actix_status(crate::status::sent_status(error))
}

/// The response for a derived error: in its own format if it has one
/// ([`SwrError::body_format`]), else Legacy, as without the middleware, which rewrites it in the
/// format it negotiates.
pub fn actix_response(error: &dyn SwrError) -> HttpResponse {
    let chosen = error.body_format();
    build(
        error,
        chosen,
        Parts::of(error, chosen.unwrap_or_default(), None),
    )
}

/// The response of `parts`, with the record of `error`'s body.
fn build(error: &dyn SwrError, chosen: Option<BodyFormat>, parts: Parts<'_>) -> HttpResponse {
    let record = Written::of(
        error,
        chosen,
        parts.format,
        parts.body.len(),
        parts.request_id,
    );
    let mut response = HttpResponse::build(actix_status(parts.status));
    response.insert_header((
        CONTENT_TYPE,
        HeaderValue::from_static(parts.format.content_type()),
    ));
    if let Some(id) = parts.request_id {
        if let Ok(value) = HeaderValue::from_str(id) {
            response.insert_header((HeaderName::from_static(X_REQUEST_ID), value));
        }
    }
    let mut response = response.body(parts.body);
    response.extensions_mut().insert(record);
    response
}

/// With the status, the format's `Content-Type`, the body in the response's format and
/// `X-Request-Id` when one was set. Return `Err(error.response().with_request_id(..))` from a
/// handler, or use `?` on it. Through [`SwrErrors`](super::SwrErrors), a response without
/// [`with_format`](ErrorResponse::with_format) is rewritten in the negotiated format; one with it
/// keeps its format, written in the app's context (its
/// [`problem_type_base`](super::SwrErrors::problem_type_base), the response's `X-Request-Id`).
impl<E: SwrError + fmt::Debug + fmt::Display> ResponseError for ErrorResponse<E> {
    fn status_code(&self) -> StatusCode {
        actix_status(self.status())
    }

    fn error_response(&self) -> HttpResponse {
        let chosen = self.has_chosen_format().then(|| self.format());
        build(self.error(), chosen, Parts::of_response(self))
    }
}

#[cfg(test)]
mod tests {
    use super::actix_status;

    #[test]
    fn statuses_cross_by_number() {
        assert_eq!(actix_status(409).as_u16(), 409);
        assert_eq!(actix_status(0).as_u16(), 500);
    }
}
