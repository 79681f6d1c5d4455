//! The registry API's errors: `OciCode` against the reference registry's registrations, and
//! `#[swr(codes = "name", format = "oci")]` enums with `#[swr(detail = "json")]` fields through
//! every conversion (http, axum under `SwrLayer`, actix-web under `SwrErrors`): always the OCI
//! envelope, whatever the app's default, the request's `Accept` or the handler's `with_format`.

use actix_web::test as actix_test;
use axum::body::Body;
use axum::routing::get;
use http_body_util::BodyExt;
use serde_json::{json, Value};
use swr_errors::oci::OciCode;
use swr_errors::{BodyFormat, ErrorResponse, SwrCode, SwrError};
use tower::ServiceExt;

/// distribution's registrations (registry/api/errcode/register.go, and registry/api/v2/errors.go
/// of 2.8), transcribed: code, status, message.
const REFERENCE: [(&str, u16, &str); 20] = [
    ("BLOB_UNKNOWN", 404, "blob unknown to registry"),
    ("BLOB_UPLOAD_INVALID", 404, "blob upload invalid"),
    (
        "BLOB_UPLOAD_UNKNOWN",
        404,
        "blob upload unknown to registry",
    ),
    (
        "DIGEST_INVALID",
        400,
        "provided digest did not match uploaded content",
    ),
    ("MANIFEST_BLOB_UNKNOWN", 400, "blob unknown to registry"),
    ("MANIFEST_INVALID", 400, "manifest invalid"),
    ("MANIFEST_UNKNOWN", 404, "manifest unknown"),
    ("NAME_INVALID", 400, "invalid repository name"),
    ("NAME_UNKNOWN", 404, "repository name not known to registry"),
    (
        "SIZE_INVALID",
        400,
        "provided length did not match content length",
    ),
    ("UNAUTHORIZED", 401, "authentication required"),
    ("DENIED", 403, "requested access to the resource is denied"),
    ("UNSUPPORTED", 405, "The operation is unsupported."),
    ("TOOMANYREQUESTS", 429, "too many requests"),
    ("UNKNOWN", 500, "unknown error"),
    ("UNAVAILABLE", 503, "service unavailable"),
    ("TAG_INVALID", 400, "manifest tag did not match URI"),
    (
        "MANIFEST_UNVERIFIED",
        400,
        "manifest failed signature verification",
    ),
    (
        "PAGINATION_NUMBER_INVALID",
        400,
        "invalid number of results requested",
    ),
    ("RANGE_INVALID", 416, "invalid content range"),
];

#[test]
fn every_code_has_the_reference_status_and_message() {
    assert_eq!(OciCode::ALL.len(), REFERENCE.len());
    for (code, (name, status, message)) in OciCode::ALL.iter().zip(REFERENCE) {
        assert_eq!(
            (code.code(), code.status(), &*code.message()),
            (name, status, message)
        );
        assert_eq!(OciCode::from_code(name), Some(*code));
        assert_eq!(name.parse::<OciCode>(), Ok(*code));
        assert_eq!(code.body_format(), Some(BodyFormat::Oci));
        let body: Value = serde_json::from_str(&code.to_json_as(BodyFormat::Oci)).unwrap();
        assert_eq!(
            body,
            json!({"errors": [{"code": name, "message": message}]})
        );
    }
    for miss in [
        "",
        "manifest_unknown",
        "MANIFEST_UNKNOWN ",
        "SVCSTG.SWR.4040010",
    ] {
        assert_eq!(OciCode::from_code(miss), None, "{miss:?}");
    }
    assert_eq!(
        OciCode::TooManyRequests.retry_kind(),
        Some(swr_errors::RetryKind::Throttled)
    );
}

/// A registry service's own errors, the reference's details as JSON values.
#[derive(Debug, SwrError)]
#[swr(codes = "name", format = "oci")]
enum ApiError {
    #[swr(code = "MANIFEST_UNKNOWN", status = 404, message = "manifest unknown")]
    ManifestUnknown {
        #[swr(detail = "json")]
        detail: TagDetail,
    },

    #[swr(
        code = "BLOB_UNKNOWN",
        status = 404,
        message = "blob unknown to registry"
    )]
    BlobUnknown {
        #[swr(detail = "json")]
        digest: String,
    },

    #[swr(
        code = "NAME_INVALID",
        status = 400,
        message = "invalid repository name"
    )]
    NameInvalid {
        #[swr(detail)]
        reason: String,
    },

    /// The operation is unsupported.
    #[swr(code = "UNSUPPORTED", status = 405)]
    Unsupported,
}

#[derive(Debug, serde::Serialize)]
struct TagDetail {
    #[serde(rename = "Tag")]
    tag: String,
}

/// An SWR-style service that also answers registry errors: each value in its own format.
#[derive(Debug, SwrError)]
enum Mixed {
    #[swr(transparent)]
    Registry(OciCode),
    #[swr(transparent)]
    Stock(SwrCode),
}

/// The same with the service's own registry errors (which cannot sit beside `OciCode`: they
/// share its codes).
#[derive(Debug, SwrError)]
enum MixedOwn {
    #[swr(transparent)]
    Api(ApiError),
    #[swr(transparent)]
    Stock(SwrCode),
}

fn manifest_unknown() -> ApiError {
    ApiError::ManifestUnknown {
        detail: TagDetail {
            tag: "latest".into(),
        },
    }
}

const MANIFEST_UNKNOWN: &str = r#"{"errors":[{"code":"MANIFEST_UNKNOWN","message":"manifest unknown","detail":{"Tag":"latest"}}]}"#;

#[test]
fn a_json_detail_is_a_value_a_text_detail_a_string() {
    let error = manifest_unknown();
    assert!(error.detail_is_json());
    assert_eq!(error.detail().as_deref(), Some(r#"{"Tag":"latest"}"#));
    assert_eq!(error.to_json_as(BodyFormat::Oci), MANIFEST_UNKNOWN);
    // The SWR formats carry it as the text it is.
    let legacy: Value = serde_json::from_str(&error.to_json_as(BodyFormat::Legacy)).unwrap();
    assert_eq!(legacy[0]["detail"], r#"{"Tag":"latest"}"#);
    let digest = ApiError::BlobUnknown {
        digest: "sha256:0\"".into(),
    };
    assert_eq!(
        digest.to_json_as(BodyFormat::Oci),
        r#"{"errors":[{"code":"BLOB_UNKNOWN","message":"blob unknown to registry","detail":"sha256:0\""}]}"#
    );
    let text = ApiError::NameInvalid {
        reason: "{not json".into(),
    };
    assert!(!text.detail_is_json());
    assert!(text
        .to_json_as(BodyFormat::Oci)
        .ends_with(r#""detail":"{not json"}]}"#));
    assert!(!ApiError::Unsupported.detail_is_json());
    // Through a transparent variant, both hooks are the wrapped value's.
    let mixed = MixedOwn::Api(manifest_unknown());
    assert!(mixed.detail_is_json());
    assert_eq!(mixed.body_format(), Some(BodyFormat::Oci));
    assert_eq!(
        Mixed::Registry(OciCode::Denied).body_format(),
        Some(BodyFormat::Oci)
    );
    assert_eq!(Mixed::Stock(SwrCode::ImageNotFound).body_format(), None);
}

async fn axum_body(response: axum::response::Response) -> (u16, String, String) {
    let status = response.status().as_u16();
    let content_type = response
        .headers()
        .get("content-type")
        .map_or("", |value| value.to_str().unwrap())
        .to_owned();
    let bytes = response.into_body().collect().await.unwrap().to_bytes();
    (
        status,
        content_type,
        String::from_utf8(bytes.to_vec()).unwrap(),
    )
}

#[test]
fn http_responses_are_the_envelope() {
    let response: http::Response<Vec<u8>> = manifest_unknown().into();
    assert_eq!(response.status(), 404);
    assert_eq!(response.headers()["content-type"], "application/json");
    assert_eq!(response.body(), MANIFEST_UNKNOWN.as_bytes());
    let chosen: http::Response<Vec<u8>> = manifest_unknown()
        .response()
        .with_format(BodyFormat::Problem)
        .into();
    assert_eq!(chosen.body(), MANIFEST_UNKNOWN.as_bytes());
    let stock: http::Response<Vec<u8>> = Mixed::Stock(SwrCode::ImageNotFound).into();
    assert!(stock.body().starts_with(b"[{\"errorCode\""));
}

#[tokio::test]
async fn through_swr_layer_whatever_the_default_or_the_accept_header() {
    let app = axum::Router::new()
        .route(
            "/direct",
            get(|| async { Err::<(), _>(manifest_unknown()) }),
        )
        .route(
            "/chosen",
            get(|| async {
                Err::<(), _>(ErrorResponse::new(manifest_unknown()).with_format(BodyFormat::Dual))
            }),
        )
        .route(
            "/wrapped",
            get(|| async { Err::<(), _>(Mixed::Registry(OciCode::Unsupported)) }),
        )
        .route(
            "/stock",
            get(|| async { Err::<(), _>(Mixed::Stock(SwrCode::ImageNotFound)) }),
        )
        .layer(swr_errors::axum::SwrLayer::new().default_format(BodyFormat::Problem));
    for accept in ["application/json", "application/problem+json"] {
        for path in ["/direct", "/chosen"] {
            let request = http::Request::get(path)
                .header("accept", accept)
                .body(Body::empty())
                .unwrap();
            let reply = axum_body(app.clone().oneshot(request).await.unwrap()).await;
            let expected = (
                404,
                "application/json".to_owned(),
                MANIFEST_UNKNOWN.to_owned(),
            );
            assert_eq!(reply, expected, "{path} {accept}");
        }
        let request = http::Request::get("/wrapped")
            .header("accept", accept)
            .body(Body::empty())
            .unwrap();
        let (status, _, body) = axum_body(app.clone().oneshot(request).await.unwrap()).await;
        assert_eq!(status, 405);
        assert_eq!(
            body,
            r#"{"errors":[{"code":"UNSUPPORTED","message":"The operation is unsupported."}]}"#
        );
    }
    // An SWR value of the same enum keeps the app's format.
    let request = http::Request::get("/stock").body(Body::empty()).unwrap();
    let (_, content_type, _) = axum_body(app.oneshot(request).await.unwrap()).await;
    assert_eq!(content_type, "application/problem+json");
}

#[actix_web::test]
async fn through_swr_errors_whatever_the_default_or_the_accept_header() {
    async fn direct() -> Result<&'static str, ApiError> {
        Err(manifest_unknown())
    }
    let app = actix_test::init_service(
        actix_web::App::new()
            .wrap(swr_errors::actix::SwrErrors::new().default_format(BodyFormat::Dual))
            .route("/direct", actix_web::web::get().to(direct)),
    )
    .await;
    for accept in ["application/json", "application/problem+json"] {
        let request = actix_test::TestRequest::get()
            .uri("/direct")
            .insert_header(("accept", accept))
            .to_request();
        let response = actix_test::call_service(&app, request).await;
        assert_eq!(response.status().as_u16(), 404);
        assert_eq!(
            response.headers().get("content-type").unwrap(),
            "application/json"
        );
        let body = actix_test::read_body(response).await;
        assert_eq!(body, MANIFEST_UNKNOWN.as_bytes(), "{accept}");
    }
}

/// A registry API subtree's layer: the envelope by default, and the OCI framework-error table.
#[tokio::test]
async fn a_registry_subtree_answers_framework_errors_and_panics_in_the_envelope() {
    async fn boom() -> &'static str {
        panic!("the handler failed")
    }
    let app = axum::Router::new()
        .route("/v2/boom", get(boom))
        .route("/v2/only-get", get(|| async { "ok" }))
        .layer(
            swr_errors::axum::SwrLayer::new()
                .default_format(BodyFormat::Oci)
                .framework_errors(swr_errors::FrameworkErrors::oci()),
        );
    let send = |method: &str, path: &str| {
        let request = http::Request::builder()
            .method(method)
            .uri(path)
            .body(Body::empty())
            .unwrap();
        let app = app.clone();
        async move { axum_body(app.oneshot(request).await.unwrap()).await }
    };
    let (status, content_type, body) = send("DELETE", "/v2/only-get").await;
    assert_eq!((status, content_type.as_str()), (405, "application/json"));
    let body: Value = serde_json::from_str(&body).unwrap();
    assert_eq!(body["errors"][0]["code"], "UNSUPPORTED");
    assert_eq!(
        body["errors"][0]["message"],
        "The operation is unsupported."
    );
    let (status, _, body) = send("GET", "/v2/boom").await;
    assert_eq!(status, 500);
    let body: Value = serde_json::from_str(&body).unwrap();
    assert_eq!(body["errors"][0]["code"], "UNKNOWN");
    assert!(!body.to_string().contains("the handler failed"));
    // An unmatched route stays the framework's 404.
    let (status, _, body) = send("GET", "/v2/nowhere").await;
    assert_eq!((status, body.as_str()), (404, ""));
}

/// The client reads the registry API's errors typed: the bytes the reference registry sends, and
/// registry_server's answers over a real socket through reqwest.
#[tokio::test]
async fn the_client_reads_the_registry_apis_errors_typed() {
    use swr_errors::RemoteError;

    // distribution's own body for `GET /v2/nosuch/repo/manifests/latest`.
    let reference = br#"{"errors":[{"code":"MANIFEST_UNKNOWN","message":"manifest unknown","detail":{"Tag":"latest"}}]}"#;
    let err = RemoteError::from_response(404, reference);
    assert_eq!(err.known_as::<OciCode>(), Some(OciCode::ManifestUnknown));
    assert_eq!(err.message(), "manifest unknown");
    assert_eq!(err.detail(), Some(r#"{"Tag":"latest"}"#));

    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let app = swr_errors_net_examples::registry::Registry::new(BodyFormat::Legacy).router();
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    let client = reqwest::Client::builder().no_proxy().build().unwrap();
    let missing_blob = format!("/v2/nosuch/repo/blobs/sha256:{}", "0".repeat(64));
    let cases = [
        ("/v2/nosuch/repo/manifests/latest", OciCode::ManifestUnknown),
        ("/v2/nosuch/tags/list", OciCode::NameUnknown),
        (missing_blob.as_str(), OciCode::BlobUnknown),
    ];
    for (path, code) in cases {
        let response = client
            .get(format!("http://{addr}{path}"))
            .send()
            .await
            .unwrap();
        let err = RemoteError::from_reqwest(response).await;
        assert_eq!(err.known_as::<OciCode>(), Some(code), "{path}");
        assert_eq!(err.status(), code.status(), "{path}");
        assert_eq!(err.message(), code.message(), "{path}");
        assert!(
            err.detail().is_some(),
            "{path}: the reference sends a detail"
        );
    }
}
