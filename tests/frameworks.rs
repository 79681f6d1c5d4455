//! One service enum through all three integrations: `http::Response`, axum's `IntoResponse`
//! (served on 127.0.0.1:0 and read with hyper's client) and actix-web's `ResponseError` (driven
//! through actix-web's test service). Each response has the status, `Content-Type:
//! application/json`, the body in the chosen format and, when given, `X-Request-Id`.

use bytes::Bytes;
use http_body_util::{BodyExt, Full};
use hyper_util::client::legacy::Client;
use hyper_util::rt::TokioExecutor;
use serde_json::{json, Value};
use swr_errors::{BodyFormat, ErrorResponse, RequestId, SwrCode, SwrError};

/// The errors of a chart service, reusing the stock catalogue.
#[derive(Debug, SwrError)]
pub enum ChartError {
    /// The chart does not exist.
    #[swr(code = "SVCSTG.CHARTS.4040001", status = 404)]
    ChartMissing,

    #[swr(
        code = "SVCSTG.CHARTS.4001001",
        status = 400,
        message = "Invalid tag {tag} for {repo}"
    )]
    BadTag { repo: String, tag: String },

    #[swr(code = "SVCSTG.CHARTS.4001003", status = 400, message = "Bad manifest")]
    BadManifest {
        #[swr(detail)]
        reason: String,
    },

    #[swr(
        code = "SVCSTG.CHARTS.5031004",
        status = 503,
        message = "Storage failed"
    )]
    Storage {
        #[swr(source)]
        cause: std::io::Error,
    },

    #[swr(transparent)]
    Stock(SwrCode),
}

/// A generic enum: the impls follow its own `SwrError` impl's bounds.
#[derive(Debug, SwrError)]
pub enum Wrapped<'a, T: std::fmt::Display> {
    #[swr(
        code = "SVCSTG.GEN.4220001",
        status = 422,
        message = "cannot use {0} for {1}"
    )]
    Unusable(T, &'a str),
}

fn bad_manifest() -> ChartError {
    ChartError::BadManifest {
        reason: "layer 3: \"size\" < 0\n".into(),
    }
}

/// Each error with the status and JSON it must produce (legacy), written out literally.
fn cases() -> Vec<(ChartError, u16, Value)> {
    let entry = |code: &str, message: &str, detail: &str| json!([{"errorCode": code, "errorMessage": message, "detail": detail}]);
    vec![
        (
            ChartError::ChartMissing,
            404,
            entry("SVCSTG.CHARTS.4040001", "The chart does not exist.", ""),
        ),
        (
            ChartError::BadTag {
                repo: "nginx".into(),
                tag: "v?".into(),
            },
            400,
            entry("SVCSTG.CHARTS.4001001", "Invalid tag v? for nginx", ""),
        ),
        (
            bad_manifest(),
            400,
            entry(
                "SVCSTG.CHARTS.4001003",
                "Bad manifest",
                "layer 3: \"size\" < 0\n",
            ),
        ),
        (
            ChartError::Storage {
                cause: std::io::Error::other("disk full: secret path /var/x"),
            },
            503,
            entry("SVCSTG.CHARTS.5031004", "Storage failed", ""),
        ),
        (
            SwrCode::OrganizationNotFound.into(),
            404,
            entry("SVCSTG.SWR.4040058", "The organization does not exist.", ""),
        ),
    ]
}

/// The dual shape of a legacy body.
fn dual(legacy: &Value) -> Value {
    json!({
        "error_code": legacy[0]["errorCode"],
        "error_msg": legacy[0]["errorMessage"],
        "errors": legacy,
    })
}

#[test]
fn http_responses_of_a_service_enum() {
    for (error, status, legacy) in cases() {
        let response: http::Response<Vec<u8>> = error.into();
        assert_eq!(response.status().as_u16(), status);
        assert_eq!(response.headers()["content-type"], "application/json");
        assert!(response.headers().get("x-request-id").is_none());
        let body: Value = serde_json::from_slice(response.body()).unwrap();
        assert_eq!(body, legacy);
    }
    for (error, status, legacy) in cases() {
        let response = error
            .response()
            .with_format(BodyFormat::Dual)
            .with_request_id("req-7")
            .into_http();
        assert_eq!(response.status().as_u16(), status);
        assert_eq!(response.headers()["content-type"], "application/json");
        assert_eq!(response.headers()["x-request-id"], "req-7");
        let body: Value = serde_json::from_slice(response.body()).unwrap();
        assert_eq!(body, dual(&legacy));
    }
    // The body becomes `Bytes` without a copy.
    let response = http::Response::from(ChartError::ChartMissing).map(Bytes::from);
    assert!(response.body().starts_with(b"[{\"errorCode\""));

    let generic: http::Response<Vec<u8>> = Wrapped::Unusable(7, "x").into();
    assert_eq!(generic.status(), 422);
    let body: Value = serde_json::from_slice(generic.body()).unwrap();
    assert_eq!(body[0]["errorMessage"], "cannot use 7 for x");
}

mod axum_server {
    use super::*;
    use axum::routing::get;
    use axum::Router;
    use swr_errors::axum::SwrLayer;

    async fn fetch(
        base: &str,
        path: &str,
        request_id: Option<&str>,
    ) -> (u16, http::HeaderMap, Value) {
        let client = Client::builder(TokioExecutor::new()).build_http::<Full<Bytes>>();
        let mut request = http::Request::get(format!("{base}{path}"));
        if let Some(id) = request_id {
            request = request.header("x-request-id", id);
        }
        let response = client
            .request(request.body(Full::default()).unwrap())
            .await
            .unwrap();
        let status = response.status().as_u16();
        let headers = response.headers().clone();
        let body = response.into_body().collect().await.unwrap().to_bytes();
        // Not JSON (the plain-text success route): the text, which equals no expected body.
        let body = serde_json::from_slice(&body)
            .unwrap_or_else(|_| Value::String(String::from_utf8_lossy(&body).into_owned()));
        (status, headers, body)
    }

    fn app() -> Router {
        Router::new()
            .route(
                "/case/{n}",
                get(
                    |axum::extract::Path(n): axum::extract::Path<usize>| async move {
                        let error = cases().swap_remove(n).0;
                        Err::<(), ChartError>(error)
                    },
                ),
            )
            .route(
                "/dual/{n}",
                get(
                    |axum::extract::Path(n): axum::extract::Path<usize>, id: RequestId| async move {
                        let error = cases().swap_remove(n).0;
                        // The handler's own id wins over the layer's.
                        let id = format!("handler-{id}");
                        error
                            .response()
                            .with_format(BodyFormat::Dual)
                            .with_request_id(id)
                    },
                ),
            )
            .route("/ok", get(|| async { "fine" }))
            .route(
                "/generic",
                get(|| async { Err::<(), _>(Wrapped::Unusable("a", "b")) }),
            )
            .layer(SwrLayer::new())
    }

    #[tokio::test]
    async fn into_response_through_the_layer() {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let base = format!("http://{}", listener.local_addr().unwrap());
        tokio::spawn(async move { axum::serve(listener, app()).await.unwrap() });

        for (n, (_, status, legacy)) in cases().into_iter().enumerate() {
            let (got, headers, body) = fetch(&base, &format!("/case/{n}"), Some("abc")).await;
            assert_eq!(got, status);
            assert_eq!(headers["content-type"], "application/json");
            assert_eq!(headers["x-request-id"], "abc");
            assert_eq!(body, legacy);

            let (got, headers, body) = fetch(&base, &format!("/dual/{n}"), Some("abc")).await;
            assert_eq!(got, status);
            assert_eq!(headers["content-type"], "application/json");
            assert_eq!(headers["x-request-id"], "handler-abc");
            assert_eq!(headers.get_all("x-request-id").iter().count(), 1);
            assert_eq!(body, dual(&legacy));
        }

        // Without an id, the layer generates one, on errors and successes alike, and the
        // extractor sees the same one.
        let (_, headers, _) = fetch(&base, "/dual/0", None).await;
        let id = headers["x-request-id"].to_str().unwrap();
        let generated = id.strip_prefix("handler-").unwrap();
        assert_eq!(generated.len(), 32);
        let (status, headers, body) = fetch(&base, "/ok", None).await;
        assert_eq!(status, 200);
        assert_eq!(body, "fine");
        assert_eq!(headers["x-request-id"].len(), 32);

        let (status, _, body) = fetch(&base, "/generic", None).await;
        assert_eq!(status, 422);
        assert_eq!(body[0]["errorMessage"], "cannot use a for b");
    }
}

mod actix {
    use super::*;
    use actix_web::body::MessageBody;
    use actix_web::test as actix_test;
    use actix_web::{web, App, HttpResponse, ResponseError};

    async fn legacy(n: web::Path<usize>) -> Result<HttpResponse, ChartError> {
        Err(cases().swap_remove(n.into_inner()).0)
    }

    async fn dual_with_id(
        n: web::Path<usize>,
        request: actix_web::HttpRequest,
    ) -> Result<HttpResponse, ErrorResponse<ChartError>> {
        let id = request
            .headers()
            .get("x-request-id")
            .and_then(|value| value.to_str().ok())
            .unwrap_or("none")
            .to_owned();
        Err(cases()
            .swap_remove(n.into_inner())
            .0
            .response()
            .with_format(BodyFormat::Dual)
            .with_request_id(id))
    }

    #[actix_web::test]
    async fn response_error_of_the_same_service_enum() {
        let app = actix_test::init_service(
            App::new()
                .route("/case/{n}", web::get().to(legacy))
                .route("/dual/{n}", web::get().to(dual_with_id)),
        )
        .await;
        for (n, (_, status, legacy)) in cases().into_iter().enumerate() {
            let request = actix_test::TestRequest::get()
                .uri(&format!("/case/{n}"))
                .to_request();
            let response = actix_test::call_service(&app, request).await;
            assert_eq!(response.status().as_u16(), status);
            assert_eq!(
                response.headers().get("content-type").unwrap(),
                "application/json"
            );
            assert!(response.headers().get("x-request-id").is_none());
            let body: Value =
                serde_json::from_slice(&actix_test::read_body(response).await).unwrap();
            assert_eq!(body, legacy);

            let request = actix_test::TestRequest::get()
                .uri(&format!("/dual/{n}"))
                .insert_header(("x-request-id", "actix-1"))
                .to_request();
            let response = actix_test::call_service(&app, request).await;
            assert_eq!(response.status().as_u16(), status);
            assert_eq!(
                response.headers().get("content-type").unwrap(),
                "application/json"
            );
            assert_eq!(response.headers().get("x-request-id").unwrap(), "actix-1");
            let body: Value =
                serde_json::from_slice(&actix_test::read_body(response).await).unwrap();
            assert_eq!(body, dual(&legacy));
        }
    }

    #[test]
    fn status_code_and_error_response_directly() {
        for (error, status, legacy) in cases() {
            assert_eq!(ResponseError::status_code(&error).as_u16(), status);
            let response = error.error_response();
            assert_eq!(response.status().as_u16(), status);
            let body = response.into_body().try_into_bytes().unwrap();
            assert_eq!(serde_json::from_slice::<Value>(&body).unwrap(), legacy);
        }
        let generic = Wrapped::Unusable(1.5, "y");
        assert_eq!(generic.status_code().as_u16(), 422);
        // `?` turns it into actix-web's own error type, which keeps the response.
        let error: actix_web::Error = bad_manifest().into();
        assert_eq!(error.as_response_error().status_code().as_u16(), 400);
    }
}

/// A hand-written error whose status is no error status: sent as 500 by every integration,
/// with a Problem body whose `status` says the same as the status line.
mod out_of_range_status {
    use super::*;
    use axum::response::IntoResponse;
    use std::borrow::Cow;

    #[derive(Debug)]
    struct Odd(u16);

    impl std::fmt::Display for Odd {
        fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str("odd")
        }
    }

    impl SwrError for Odd {
        fn code(&self) -> &'static str {
            "SVCSTG.ODD.5000001"
        }
        fn status(&self) -> u16 {
            self.0
        }
        fn message(&self) -> Cow<'static, str> {
            "odd".into()
        }
    }

    const ODD: [u16; 5] = [0, 99, 200, 302, 1000];

    fn problem_status(body: &[u8]) -> Value {
        serde_json::from_slice::<Value>(body).unwrap()["status"].clone()
    }

    #[test]
    fn http_and_actix_send_500_in_the_status_line_and_the_body() {
        use actix_web::body::MessageBody;
        use actix_web::ResponseError;
        for status in ODD {
            let response = Odd(status).response().with_format(BodyFormat::Problem);
            let http = response.into_http();
            assert_eq!(http.status(), 500, "{status}");
            assert_eq!(problem_status(http.body()), 500, "{status}");

            let response = Odd(status).response().with_format(BodyFormat::Problem);
            assert_eq!(response.status_code().as_u16(), 500, "{status}");
            let actix = response.error_response();
            assert_eq!(actix.status().as_u16(), 500, "{status}");
            let body = actix.into_body().try_into_bytes().unwrap();
            assert_eq!(problem_status(&body), 500, "{status}");
        }
        // An error status of its own is kept.
        let http = Odd(418)
            .response()
            .with_format(BodyFormat::Problem)
            .into_http();
        assert_eq!(
            (http.status().as_u16(), problem_status(http.body())),
            (418, json!(418))
        );
    }

    /// A derived enum that forwards to a hand-written error.
    #[derive(Debug, SwrError)]
    enum Wraps<E> {
        #[swr(transparent)]
        Other(E),
    }

    #[test]
    fn tonic_and_a_derived_actix_status_code_say_500_too() {
        use actix_web::ResponseError;
        use swr_errors::tonic::{grpc_code, TonicOptions};
        for status in ODD {
            let grpc = Odd(status)
                .response()
                .into_status_with(&TonicOptions::new());
            assert_eq!(grpc.code(), tonic::Code::Internal, "{status}");
            assert_eq!(
                swr_errors::RemoteError::from_status(&grpc).status(),
                500,
                "{status}"
            );
            assert_eq!(grpc_code(&Odd(status)), tonic::Code::Internal, "{status}");
            let grpc: tonic::Status = Wraps::Other(Odd(status)).into();
            assert_eq!(grpc.code(), tonic::Code::Internal, "{status}");

            let wrapped = Wraps::Other(Odd(status));
            assert_eq!(wrapped.status_code().as_u16(), 500, "{status}");
            assert_eq!(wrapped.error_response().status().as_u16(), 500, "{status}");
        }
    }

    #[tokio::test]
    async fn axum_sends_500_in_the_status_line_and_the_body() {
        for status in ODD {
            let response = Odd(status)
                .response()
                .with_format(BodyFormat::Problem)
                .into_response();
            assert_eq!(response.status(), 500, "{status}");
            let body = response.into_body().collect().await.unwrap().to_bytes();
            assert_eq!(problem_status(&body), 500, "{status}");
        }
    }
}
