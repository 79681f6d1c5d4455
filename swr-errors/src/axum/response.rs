//! `IntoResponse` for every derived error (through `__private`) and for [`ErrorResponse`]: the
//! status, the format's `Content-Type` and the body. Built while the app's
//! [`SwrLayer`](super::SwrLayer) polls the handler, the body is in the request's format and the
//! layer takes the error's record directly ([`polling`](super::polling)); built anywhere else, it
//! is Legacy (or the format an `ErrorResponse` chose) and carries the [`Written`] record as an
//! extension, for a layer to rewrite it.

use ::axum::body::Body;
use ::axum::response::{IntoResponse, Response};

use super::polling;
use crate::format::BodyFormat;
use crate::http_response;
use crate::layer::info::Written;
use crate::response::{ErrorResponse, Parts};
use crate::SwrError;

/// The response for a derived error: in its own format if it has one
/// ([`SwrError::body_format`]), else in the request's through the layer, else Legacy.
pub fn axum_response(error: &dyn SwrError) -> Response {
    respond(error, error.body_format(), None)
}

/// One function for a derived error and an `ErrorResponse` of any type: compiled once.
fn respond(error: &dyn SwrError, chosen: Option<BodyFormat>, own_id: Option<&str>) -> Response {
    polling::with_current(|exchange| match exchange {
        Some(exchange) => exchange.respond(error, chosen, own_id),
        None => {
            let format = chosen.unwrap_or(BodyFormat::Legacy);
            let parts = Parts::of(error, format, own_id);
            let record = Written::of(error, chosen, format, parts.body.len(), own_id);
            let mut response = http_response::build(parts).map(Body::from);
            response.extensions_mut().insert(record);
            response
        }
    })
}

/// With the status, the format's `Content-Type`, the body in the response's format and
/// `X-Request-Id` when one was set. Through [`SwrLayer`](super::SwrLayer), a response without
/// [`with_format`](ErrorResponse::with_format) is sent in the negotiated format; one with it is
/// sent in the format chosen (a Problem naming the app's type and the response's request id).
impl<E: SwrError> IntoResponse for ErrorResponse<E> {
    fn into_response(self) -> Response {
        let chosen = self.has_chosen_format().then(|| self.format());
        respond(self.error(), chosen, self.request_id())
    }
}

#[cfg(test)]
mod tests {
    use ::axum::response::IntoResponse;

    use crate::layer::info::Written;
    use crate::{BodyFormat, SwrCode, SwrError};

    #[test]
    fn a_derived_error_is_legacy_and_carries_its_record() {
        let response = SwrCode::ImageNotFound.into_response();
        assert_eq!(response.status(), 404);
        assert_eq!(response.headers()["content-type"], "application/json");
        let record = response.extensions().get::<Written>().unwrap();
        assert_eq!(record.info.code, "SVCSTG.SWR.4040010");
        assert_eq!(record.info.chosen, None);
        let legacy = SwrCode::ImageNotFound.to_json();
        assert_eq!(
            (record.format, record.len),
            (BodyFormat::Legacy, legacy.len())
        );
    }

    #[test]
    fn a_chosen_format_is_marked() {
        let response = SwrCode::ImageNotFound
            .response()
            .with_format(BodyFormat::Problem)
            .into_response();
        assert_eq!(
            response.headers()["content-type"],
            "application/problem+json"
        );
        let record = response.extensions().get::<Written>().unwrap();
        assert_eq!(record.info.chosen, Some(BodyFormat::Problem));
        assert_eq!(record.format, BodyFormat::Problem);
        let response = SwrCode::ImageNotFound.response().into_response();
        let record = response.extensions().get::<Written>().unwrap();
        assert_eq!(record.info.chosen, None);
    }
}
