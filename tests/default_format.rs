//! `BodyFormat::set_global_default` changes what every integration writes when no format is
//! chosen. The setting is process-wide, so this is the only test in its binary.

use actix_web::ResponseError;
use axum::response::IntoResponse;
use http_body_util::BodyExt;
use swr_errors::{BodyFormat, ErrorResponse, SwrCode, SwrError};

async fn bodies(error: SwrCode) -> [Vec<u8>; 4] {
    let http: http::Response<Vec<u8>> = error.into();
    let axum = error.into_response().into_body().collect().await.unwrap();
    let actix = error.error_response().into_body();
    let actix = actix_web::body::MessageBody::try_into_bytes(actix).unwrap();
    let builder = ErrorResponse::new(error).into_http();
    [
        http.into_body(),
        axum.to_bytes().to_vec(),
        actix.to_vec(),
        builder.into_body(),
    ]
}

#[tokio::test]
async fn the_global_default_reaches_every_integration() {
    let error = SwrCode::OrganizationNotFound;
    assert_eq!(BodyFormat::global_default(), BodyFormat::Legacy);
    for body in bodies(error).await {
        assert_eq!(body, error.to_json_as(BodyFormat::Legacy).into_bytes());
    }

    BodyFormat::set_global_default(BodyFormat::Dual);
    for body in bodies(error).await {
        assert_eq!(body, error.to_json_as(BodyFormat::Dual).into_bytes());
    }
    // A format chosen per response still wins.
    let legacy = error.response().with_format(BodyFormat::Legacy).into_http();
    assert_eq!(legacy.body(), error.to_json().as_bytes());

    BodyFormat::set_global_default(BodyFormat::Legacy);
    for body in bodies(error).await {
        assert_eq!(body, error.to_json().into_bytes());
    }
}
