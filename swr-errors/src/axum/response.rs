//! `IntoResponse` for every derived error (through `__private`) and for [`ErrorResponse`]: the
//! status, the format's `Content-Type`, the body, and the [`ErrorInfo`] record the app's
//! [`SwrLayer`](super::SwrLayer) reads.

use ::axum::body::Body;
use ::axum::response::{IntoResponse, Response};

use crate::format::BodyFormat;
use crate::http_response;
use crate::layer::info::ErrorInfo;
use crate::response::{ErrorResponse, Parts};
use crate::SwrError;

/// The response for a derived error: Legacy, as without a layer; the layer rewrites it in the
/// format it negotiates.
pub fn axum_response(error: &dyn SwrError) -> Response {
    let info = ErrorInfo::of(error, false);
    build(Parts::of(error, BodyFormat::Legacy, None), info)
}

fn build(parts: Parts<'_>, info: ErrorInfo) -> Response {
    let mut response = http_response::build(parts).map(Body::from);
    response.extensions_mut().insert(info);
    response
}

/// With the status, the format's `Content-Type`, the body in the response's format and
/// `X-Request-Id` when one was set. Through [`SwrLayer`](super::SwrLayer), a response without
/// [`with_format`](ErrorResponse::with_format) is rewritten in the negotiated format; one with
/// it is sent as chosen.
impl<E: SwrError> IntoResponse for ErrorResponse<E> {
    fn into_response(self) -> Response {
        let info = ErrorInfo::of(self.error(), self.has_chosen_format());
        build(Parts::of_response(&self), info)
    }
}

#[cfg(test)]
mod tests {
    use ::axum::response::IntoResponse;

    use crate::layer::info::ErrorInfo;
    use crate::{BodyFormat, SwrCode, SwrError};

    #[test]
    fn a_derived_error_is_legacy_and_carries_its_record() {
        let response = SwrCode::ImageNotFound.into_response();
        assert_eq!(response.status(), 404);
        assert_eq!(response.headers()["content-type"], "application/json");
        let info = response.extensions().get::<ErrorInfo>().unwrap();
        assert_eq!(info.code, "SVCSTG.SWR.4040010");
        assert!(!info.chosen);
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
        assert!(response.extensions().get::<ErrorInfo>().unwrap().chosen);
        let response = SwrCode::ImageNotFound.response().into_response();
        assert!(!response.extensions().get::<ErrorInfo>().unwrap().chosen);
    }
}
