//! `swr_errors::axum::SwrLayer` through the real framework: request ids, per-app formats and
//! negotiation, framework errors, handler-built responses and successes left alone, panics. Most
//! requests go through tower's `oneshot`; the two-app test runs over real sockets.

use std::collections::HashMap;

use axum::body::{Body, Bytes};
use axum::extract::{DefaultBodyLimit, Path, Query};
use axum::http::{Request, StatusCode};
use axum::response::Response;
use axum::routing::{get, post};
use axum::{Extension, Json, Router};
use http_body_util::{BodyExt, Full};
use hyper_util::client::legacy::Client;
use hyper_util::rt::TokioExecutor;
use serde_json::{json, Value};
use swr_errors::axum::SwrLayer;
use swr_errors::{BodyFormat, FrameworkErrors, RequestId, SwrCode, SwrError, Untouched};
use tower::ServiceExt;

#[path = "support/forward.rs"]
mod forward;
#[path = "support/shop.rs"]
mod shop;

use forward::forward_to;

use shop::ShopError;

async fn item(Path(id): Path<u32>) -> Result<String, ShopError> {
    match id {
        1 => Ok("one".to_owned()),
        2 => Err(ShopError::BadOrder {
            reason: "quantity \"-1\"".to_owned(),
        }),
        3 => Err(ShopError::Storage {
            cause: std::io::Error::other("disk full at /var/secret"),
        }),
        _ => Err(ShopError::ItemMissing(id)),
    }
}

#[derive(serde::Deserialize)]
#[allow(dead_code)]
struct Order {
    count: u32,
}

async fn order(Json(order): Json<Order>) -> StatusCode {
    let _ = order.count;
    StatusCode::CREATED
}

async fn search(Query(query): Query<HashMap<String, u32>>) -> String {
    format!("{}", query.len())
}

async fn echo_id(id: RequestId) -> String {
    id.to_string()
}

/// A derived error's response built in a task of its own: out of the layer's reach, so it
/// carries its record as an extension.
async fn built_in_a_task() -> Response {
    use axum::response::IntoResponse;

    tokio::spawn(async { SwrCode::ImageNotFound.into_response() })
        .await
        .unwrap()
}

async fn panics() -> &'static str {
    panic!("secret panic text")
}

fn routes() -> Router {
    Router::new()
        .route("/items/{id}", get(item))
        .route("/orders", post(order))
        .route("/search", get(search))
        .route("/id", get(echo_id))
        .route("/panic", get(panics))
        .route(
            "/chosen",
            get(|| async {
                SwrCode::OrganizationExists
                    .response()
                    .with_format(BodyFormat::Legacy)
            }),
        )
        .route(
            "/own-id",
            get(|| async {
                SwrCode::UrlNotFound
                    .response()
                    .with_request_id("handler-id")
            }),
        )
        .route(
            "/handler-json",
            get(|| async { (StatusCode::CONFLICT, Json(json!({"mine": true}))) }),
        )
        .route(
            "/handler-text",
            get(|| async { (StatusCode::BAD_REQUEST, "short and stout") }),
        )
        .route(
            "/untouched",
            get(|| async {
                (
                    StatusCode::BAD_REQUEST,
                    Extension(Untouched),
                    "short and stout",
                )
            }),
        )
        .layer(DefaultBodyLimit::max(64))
}

fn app(layer: SwrLayer) -> Router {
    routes().layer(layer)
}

struct Reply {
    status: u16,
    headers: axum::http::HeaderMap,
    body: Bytes,
}

impl Reply {
    fn json(&self) -> Value {
        serde_json::from_slice(&self.body)
            .unwrap_or_else(|_| panic!("not JSON: {:?}", String::from_utf8_lossy(&self.body)))
    }

    fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).map(|v| v.to_str().unwrap())
    }

    fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }
}

async fn read(response: Response) -> Reply {
    let status = response.status().as_u16();
    let headers = response.headers().clone();
    let body = response.into_body().collect().await.unwrap().to_bytes();
    Reply {
        status,
        headers,
        body,
    }
}

async fn call(app: &Router, request: Request<Body>) -> Reply {
    read(app.clone().oneshot(request).await.unwrap()).await
}

async fn get_with(app: &Router, path: &str, headers: &[(&str, &str)]) -> Reply {
    let mut request = Request::get(path);
    for (name, value) in headers {
        request = request.header(*name, *value);
    }
    call(app, request.body(Body::empty()).unwrap()).await
}

fn assert_generated(id: Option<&str>) {
    let id = id.expect("x-request-id");
    assert_eq!(id.len(), 32, "{id}");
    assert!(id.bytes().all(|b| b.is_ascii_hexdigit()), "{id}");
}

#[tokio::test]
async fn request_ids_are_echoed_generated_and_extracted() {
    let app = app(SwrLayer::new());
    let reply = get_with(&app, "/id", &[("x-request-id", "client-7")]).await;
    assert_eq!(reply.header("x-request-id"), Some("client-7"));
    assert_eq!(reply.text(), "client-7");

    for bad in ["", "two words", &"x".repeat(129)] {
        let reply = get_with(&app, "/id", &[("x-request-id", bad)]).await;
        assert_generated(reply.header("x-request-id"));
        // The extractor sees the id the response carries.
        assert_eq!(Some(reply.text().as_str()), reply.header("x-request-id"));
    }
    let error = get_with(&app, "/items/9", &[]).await;
    assert_generated(error.header("x-request-id"));
    let other = get_with(&app, "/items/9", &[]).await;
    assert_ne!(error.header("x-request-id"), other.header("x-request-id"));

    // A handler's own id wins, once.
    let own = get_with(&app, "/own-id", &[("x-request-id", "client")]).await;
    assert_eq!(own.header("x-request-id"), Some("handler-id"));
    assert_eq!(own.headers.get_all("x-request-id").iter().count(), 1);
}

#[tokio::test]
async fn the_app_default_and_negotiation_choose_the_format() {
    let legacy = app(SwrLayer::new());
    let dual = app(SwrLayer::new().default_format(BodyFormat::Dual));
    let no_sdk = app(SwrLayer::new().sdk_dual(false));
    let expected_legacy = json!([{"errorCode": "SVCSTG.SHOP.4040001", "errorMessage": "Item 9 not found", "detail": ""}]);

    let reply = get_with(&legacy, "/items/9", &[]).await;
    assert_eq!(reply.status, 404);
    assert_eq!(reply.header("content-type"), Some("application/json"));
    assert_eq!(reply.json(), expected_legacy);

    let reply = get_with(&dual, "/items/9", &[]).await;
    assert_eq!(
        reply.json(),
        json!({"error_code": "SVCSTG.SHOP.4040001", "error_msg": "Item 9 not found", "errors": expected_legacy})
    );

    // Accept: application/problem+json wins everywhere, with the request id in the body.
    for app in [&legacy, &dual, &no_sdk] {
        let reply = get_with(
            app,
            "/items/2",
            &[
                ("accept", "application/problem+json"),
                ("x-request-id", "r-2"),
                ("user-agent", "huaweicloud-usdk-go/0.1"),
            ],
        )
        .await;
        assert_eq!(reply.status, 400);
        assert_eq!(
            reply.header("content-type"),
            Some("application/problem+json")
        );
        assert_eq!(
            reply.text(),
            r#"{"type":"urn:swr-errors:code:SVCSTG.SHOP.4001002","title":"Bad order","status":400,"detail":"quantity \"-1\"","code":"SVCSTG.SHOP.4001002","request_id":"r-2"}"#
        );
    }

    // The SDKs' user agents get Dual, unless the app turned that off.
    for agent in [
        "huaweicloud-usdk-python/3.1.86",
        "huaweicloud-usdk-nodejs/3.1.0",
        "huaweicloud-usdk-java/3.1.0",
        "huaweicloud-usdk-go/0.1.0",
    ] {
        let reply = get_with(&legacy, "/items/9", &[("user-agent", agent)]).await;
        assert_eq!(reply.json()["error_code"], "SVCSTG.SHOP.4040001", "{agent}");
        let reply = get_with(&no_sdk, "/items/9", &[("user-agent", agent)]).await;
        assert_eq!(reply.json(), expected_legacy, "{agent}");
    }

    // The Problem type base is the app's.
    let documented = app(SwrLayer::new().problem_type_base("https://docs.example.com/errors/"));
    let reply = get_with(
        &documented,
        "/items/9",
        &[("accept", "application/problem+json")],
    )
    .await;
    assert_eq!(
        reply.json()["type"],
        "https://docs.example.com/errors/SVCSTG.SHOP.4040001"
    );
}

#[tokio::test]
async fn successes_and_handler_built_responses_pass_untouched() {
    let with = app(SwrLayer::new().default_format(BodyFormat::Problem));
    let without = routes();
    for path in ["/items/1", "/handler-json", "/untouched", "/chosen"] {
        let a = get_with(&with, path, &[("x-request-id", "same")]).await;
        let b = get_with(&without, path, &[("x-request-id", "same")]).await;
        assert_eq!(a.status, b.status, "{path}");
        assert_eq!(a.body, b.body, "{path}");
        assert_eq!(a.header("content-type"), b.header("content-type"), "{path}");
        assert_eq!(a.header("x-request-id"), Some("same"), "{path}");
    }
    // A format the handler chose stays, whatever the client asks.
    let chosen = get_with(&with, "/chosen", &[("accept", "application/problem+json")]).await;
    assert!(chosen.json().is_array());
    // A handler's plain-text error is taken for the framework's (documented); `Untouched` keeps it.
    // Both answer 400, a status of the table: only the marker tells them apart.
    let text = get_with(&with, "/handler-text", &[]).await;
    assert_eq!(text.status, 400);
    assert_eq!(
        text.header("content-type"),
        Some("application/problem+json")
    );
    assert_eq!(text.json()["code"], "SVCSTG.SWR.4000014");
    assert_eq!(text.json()["detail"], "short and stout");
    let kept = get_with(&with, "/untouched", &[]).await;
    assert_eq!(kept.status, 400);
    assert_eq!(
        kept.header("content-type"),
        Some("text/plain; charset=utf-8")
    );
    assert_eq!(kept.text(), "short and stout");
}

/// What a framework error must become: status, code, and whether axum's text is the detail.
async fn assert_swr(reply: &Reply, status: u16, code: &str, detail_starts: &str) {
    assert_eq!(reply.status, status, "{code}: {}", reply.text());
    assert_eq!(reply.header("content-type"), Some("application/json"));
    let body = reply.json();
    assert_eq!(body[0]["errorCode"], code, "{body}");
    let known = SwrCode::from_code(code).unwrap();
    assert_eq!(body[0]["errorMessage"], known.message().as_ref());
    let detail = body[0]["detail"].as_str().unwrap();
    assert!(detail.starts_with(detail_starts), "{code}: {detail:?}");
    assert_generated(reply.header("x-request-id"));
}

fn post_json(path: &str, content_type: &str, body: &'static str) -> Request<Body> {
    Request::post(path)
        .header("content-type", content_type)
        .body(Body::from(body))
        .unwrap()
}

#[tokio::test]
async fn framework_errors_become_catalogue_codes() {
    let app = app(SwrLayer::new());
    let unmatched = get_with(&app, "/nowhere", &[]).await;
    assert_swr(&unmatched, 404, "SVCSTG.SWR.4040083", "").await;
    assert_eq!(unmatched.json()[0]["detail"], "");

    let wrong_method = call(
        &app,
        Request::delete("/items/1").body(Body::empty()).unwrap(),
    )
    .await;
    assert_swr(&wrong_method, 404, "SVCSTG.SWR.4040083", "").await;
    assert_eq!(wrong_method.header("allow"), Some("GET,HEAD"));

    let malformed = call(&app, post_json("/orders", "application/json", "{not json")).await;
    assert_swr(
        &malformed,
        400,
        "SVCSTG.SWR.4000014",
        "Failed to parse the request body as JSON",
    )
    .await;

    let wrong_shape = call(
        &app,
        post_json("/orders", "application/json", r#"{"count":"x"}"#),
    )
    .await;
    assert_swr(
        &wrong_shape,
        400,
        "SVCSTG.SWR.4000014",
        "Failed to deserialize the JSON body",
    )
    .await;

    let wrong_type = call(&app, post_json("/orders", "text/plain", r#"{"count":1}"#)).await;
    assert_swr(
        &wrong_type,
        400,
        "SVCSTG.SWR.4001018",
        "Expected request with `Content-Type: application/json`",
    )
    .await;

    let too_big = "{\"count\":1,\"pad\":\"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\"}";
    let over = call(&app, post_json("/orders", "application/json", too_big)).await;
    assert_swr(
        &over,
        413,
        "SVCSTG.SWR.4131001",
        "Failed to buffer the request body",
    )
    .await;

    let bad_path = get_with(&app, "/items/abc", &[]).await;
    assert_swr(&bad_path, 400, "SVCSTG.SWR.4000014", "Invalid URL").await;

    let bad_query = get_with(&app, "/search?n=abc", &[]).await;
    assert_swr(
        &bad_query,
        400,
        "SVCSTG.SWR.4000014",
        "Failed to deserialize query string",
    )
    .await;

    // In the request's format, like any error.
    let problem = get_with(&app, "/nowhere", &[("accept", "application/problem+json")]).await;
    assert_eq!(
        problem.header("content-type"),
        Some("application/problem+json")
    );
    assert_eq!(problem.json()["code"], "SVCSTG.SWR.4040083");
    assert_eq!(problem.json()["status"], 404);
}

#[tokio::test]
async fn the_app_can_change_or_turn_off_the_mapping() {
    let mapped = app(SwrLayer::new().framework_errors(
        FrameworkErrors::new()
            .map(404, SwrCode::ImageNotFound)
            .keep(405),
    ));
    let reply = get_with(&mapped, "/nowhere", &[]).await;
    assert_eq!(reply.json()[0]["errorCode"], "SVCSTG.SWR.4040010");
    let kept = call(
        &mapped,
        Request::delete("/items/1").body(Body::empty()).unwrap(),
    )
    .await;
    assert_eq!(kept.status, 405);
    assert!(kept.body.is_empty());

    let off = app(SwrLayer::new().framework_errors(FrameworkErrors::none()));
    let reply = get_with(&off, "/nowhere", &[]).await;
    assert_eq!(reply.status, 404);
    assert!(reply.body.is_empty());
    assert_generated(reply.header("x-request-id"));
    let reply = call(&off, post_json("/orders", "application/json", "{")).await;
    assert!(reply.text().starts_with("Failed to parse"));
    // Derived errors are still written in the app's format.
    let reply = get_with(&off, "/items/9", &[("accept", "application/problem+json")]).await;
    assert_eq!(reply.json()["code"], "SVCSTG.SHOP.4040001");
}

#[tokio::test]
async fn a_panicking_handler_gets_a_500_and_the_app_keeps_serving() {
    let app = app(SwrLayer::new().default_format(BodyFormat::Dual));
    for _ in 0..3 {
        let reply = get_with(&app, "/panic", &[("x-request-id", "p-1")]).await;
        assert_eq!(reply.status, 500);
        assert_eq!(reply.header("x-request-id"), Some("p-1"));
        assert_eq!(reply.json()["error_code"], "SVCSTG.SWR.5000007");
        assert!(!reply.text().contains("secret"), "{}", reply.text());
        let ok = get_with(&app, "/items/1", &[]).await;
        assert_eq!(ok.status, 200);
    }
    let custom = routes().layer(
        SwrLayer::new().framework_errors(FrameworkErrors::new().on_panic(SwrCode::DeletionFailed)),
    );
    let reply = get_with(&custom, "/panic", &[]).await;
    assert_eq!(reply.json()[0]["errorCode"], "SVCSTG.SWR.5000005");
}

/// Two apps in one process, one Dual and one Problem, served on their own sockets; 1,000
/// requests interleaved over both, all in flight together. Each body is in its own app's format
/// and carries (header and, for Problem, body) its own request's id.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_apps_keep_their_own_formats_under_concurrency() {
    async fn serve(app: Router) -> String {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let base = format!("http://{}", listener.local_addr().unwrap());
        tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
        base
    }
    let dual = serve(app(SwrLayer::new().default_format(BodyFormat::Dual))).await;
    let problem = serve(app(SwrLayer::new().default_format(BodyFormat::Problem))).await;
    let client = Client::builder(TokioExecutor::new()).build_http::<Full<Bytes>>();

    let mut tasks = tokio::task::JoinSet::new();
    for n in 0..1000u32 {
        let is_dual = n % 2 == 0;
        let base = if is_dual {
            dual.clone()
        } else {
            problem.clone()
        };
        let client = client.clone();
        tasks.spawn(async move {
            let id = format!("req-{n}");
            // Alternate a derived error and a framework error.
            let path = if n % 4 < 2 {
                format!("/items/{}", 100 + n)
            } else {
                "/nowhere".to_owned()
            };
            let request = Request::get(format!("{base}{path}"))
                .header("x-request-id", &id)
                .body(Full::default())
                .unwrap();
            let response = client.request(request).await.unwrap();
            let reply = Reply {
                status: response.status().as_u16(),
                headers: response.headers().clone(),
                body: response.into_body().collect().await.unwrap().to_bytes(),
            };
            (n, is_dual, id, path, reply)
        });
    }
    let mut seen = 0;
    while let Some(done) = tasks.join_next().await {
        let (n, is_dual, id, path, reply) = done.unwrap();
        assert_eq!(reply.status, 404, "{n}");
        assert_eq!(reply.header("x-request-id"), Some(id.as_str()), "{n}");
        let body = reply.json();
        let code = if path == "/nowhere" {
            "SVCSTG.SWR.4040083"
        } else {
            "SVCSTG.SHOP.4040001"
        };
        if is_dual {
            assert_eq!(reply.header("content-type"), Some("application/json"));
            assert_eq!(body["error_code"], code, "{n}");
            assert_eq!(body["errors"][0]["errorCode"], code, "{n}");
            if code == "SVCSTG.SHOP.4040001" {
                assert_eq!(body["error_msg"], format!("Item {} not found", 100 + n));
            }
        } else {
            assert_eq!(
                reply.header("content-type"),
                Some("application/problem+json")
            );
            assert_eq!(body["code"], code, "{n}");
            assert_eq!(body["request_id"], id.as_str(), "{n}");
        }
        seen += 1;
    }
    assert_eq!(seen, 1000);
}

/// The Problem body of `code` as the layer writes it with the default type base.
fn problem(code: &str, title: &str, status: u16, request_id: &str) -> Value {
    json!({
        "type": format!("urn:swr-errors:code:{code}"),
        "title": title,
        "status": status,
        "code": code,
        "request_id": request_id,
    })
}

/// A derived error's response built while the layer polls the handler is written at once in the
/// request's format; one built anywhere else carries its record, which the layer rewrites from.
/// Either way the client gets the same response, naming the id it carries.
#[tokio::test]
async fn a_response_is_in_the_request_format_wherever_the_handler_built_it() {
    let not_found = SwrCode::ImageNotFound;
    let routes = Router::new()
        .route("/here", get(|| async { SwrCode::ImageNotFound }))
        // In a task of its own: out of the layer's reach while it is built.
        .route(
            "/spawned",
            get(|| async {
                tokio::spawn(async {
                    axum::response::IntoResponse::into_response(SwrCode::ImageNotFound)
                })
                .await
                .unwrap()
            }),
        )
        // The handler sets its own `X-Request-Id` over the error's response.
        .route(
            "/own-header",
            get(|| async { ([("x-request-id", "handler-7")], SwrCode::ImageNotFound) }),
        );
    let app = routes.layer(SwrLayer::new());
    let accept = ("accept", "application/problem+json");
    for path in ["/here", "/spawned"] {
        let reply = get_with(&app, path, &[accept, ("x-request-id", "c-1")]).await;
        assert_eq!(reply.status, 404, "{path}");
        assert_eq!(
            reply.header("content-type"),
            Some("application/problem+json")
        );
        assert_eq!(reply.header("x-request-id"), Some("c-1"), "{path}");
        let expected = problem(not_found.code(), &not_found.message(), 404, "c-1");
        assert_eq!(reply.json(), expected, "{path}");
    }
    let reply = get_with(&app, "/own-header", &[accept, ("x-request-id", "c-2")]).await;
    assert_eq!(reply.header("x-request-id"), Some("handler-7"));
    assert_eq!(reply.headers.get_all("x-request-id").iter().count(), 1);
    assert_eq!(reply.json()["request_id"], "handler-7");
    // In Legacy, the default, every path sends the catalogue's array.
    for path in ["/here", "/spawned", "/own-header"] {
        let reply = get_with(&app, path, &[]).await;
        assert_eq!(reply.json()[0]["errorCode"], not_found.code(), "{path}");
    }
}

/// A handler that drives another app with a layer of its own: the inner app's response is that
/// app's, in its format, and the outer layer passes it on as a handler's own JSON response; the
/// outer app's own errors keep the outer format.
#[tokio::test]
async fn a_layer_nested_in_a_handler_of_another_app_keeps_its_own_format() {
    let inner = Router::new()
        .route(
            "/inner",
            get(|| async { Err::<String, _>(SwrCode::UrlNotFound) }),
        )
        .layer(SwrLayer::new().default_format(BodyFormat::Problem));
    let outer = Router::new()
        .route("/inner", forward_to(inner))
        .route("/own", get(|| async { SwrCode::ImageNotFound }))
        .layer(SwrLayer::new().default_format(BodyFormat::Dual));
    let reply = get_with(&outer, "/inner", &[("x-request-id", "n-1")]).await;
    assert_eq!(reply.status, 404);
    assert_eq!(
        reply.header("content-type"),
        Some("application/problem+json")
    );
    let url = SwrCode::UrlNotFound;
    assert_eq!(
        reply.json(),
        problem(url.code(), &url.message(), 404, "n-1")
    );
    // The outer app's own error, after the inner exchange ended: the outer format again.
    let reply = get_with(&outer, "/own", &[("x-request-id", "n-2")]).await;
    assert_eq!(reply.json()["error_code"], SwrCode::ImageNotFound.code());
    assert_eq!(reply.header("x-request-id"), Some("n-2"));
}

/// What a handler returns is what the layer judges, not what it built on the way: a response of
/// its own after a dropped error's passes untouched; a format it chose stays, though an earlier
/// error of the request's format was built; and an id it sets over an `ErrorResponse`'s own is
/// the one the body names.
#[tokio::test]
async fn the_layer_judges_the_response_returned() {
    use axum::response::IntoResponse;

    let routes = Router::new()
        // A middleware inside the layer answers for the handler's error with its own page.
        .route(
            "/page",
            get(|| async { Err::<String, _>(SwrCode::ImageNotFound) }),
        )
        .layer(axum::middleware::from_fn(
            |request: axum::extract::Request, next: axum::middleware::Next| async move {
                let _ = next.run(request).await;
                (
                    StatusCode::NOT_FOUND,
                    [("x-request-id", "page-1")],
                    axum::response::Html("<h1>gone</h1>"),
                )
                    .into_response()
            },
        ))
        .route(
            "/chosen-after",
            get(|| async {
                let _ = SwrCode::UrlNotFound.into_response();
                (
                    [("x-request-id", "h-1")],
                    SwrCode::ImageNotFound
                        .response()
                        .with_format(BodyFormat::Legacy),
                )
            }),
        )
        .route(
            "/two-ids",
            get(|| async {
                (
                    [("x-request-id", "outer-b")],
                    SwrCode::ImageNotFound.response().with_request_id("inner-a"),
                )
            }),
        );
    let app = routes.layer(SwrLayer::new());
    let accept = ("accept", "application/problem+json");

    let reply = get_with(&app, "/page", &[accept]).await;
    assert_eq!(
        reply.header("content-type"),
        Some("text/html; charset=utf-8")
    );
    assert_eq!(reply.text(), "<h1>gone</h1>");
    assert_eq!(reply.header("x-request-id"), Some("page-1"));

    let reply = get_with(&app, "/chosen-after", &[accept]).await;
    assert_eq!(reply.header("content-type"), Some("application/json"));
    assert_eq!(reply.json()[0]["errorCode"], SwrCode::ImageNotFound.code());

    let reply = get_with(&app, "/two-ids", &[accept]).await;
    assert_eq!(reply.header("x-request-id"), Some("outer-b"));
    assert_eq!(reply.json()["request_id"], "outer-b");
}

/// Nested apps: the inner app's own framework errors and panics, and a response its service
/// builds in `call` rather than in its future, are the inner app's, in its format; the outer
/// layer passes them on.
#[tokio::test]
async fn a_nested_apps_framework_errors_and_panics_stay_its_own() {
    use axum::response::IntoResponse;

    let inner_layer = SwrLayer::new().default_format(BodyFormat::Problem);
    let inner = Router::new()
        .route("/inner/panic", get(panics))
        .layer(inner_layer.clone());
    // The layer straight around a service that answers in `call` itself.
    let built_in_call = tower::Layer::layer(
        &inner_layer,
        tower::service_fn(|_request: Request<Body>| {
            let response = SwrCode::ImageNotFound.into_response();
            std::future::ready(Ok::<_, std::convert::Infallible>(response))
        }),
    );
    let outer = Router::new()
        .route("/inner/sync", forward_to(built_in_call))
        .route("/{*path}", forward_to(inner))
        .layer(SwrLayer::new().default_format(BodyFormat::Dual));
    for (path, status, code) in [
        ("/inner/nowhere", 404, "SVCSTG.SWR.4040083"),
        ("/inner/panic", 500, "SVCSTG.SWR.5000007"),
        ("/inner/sync", 404, SwrCode::ImageNotFound.code()),
    ] {
        let reply = get_with(&outer, path, &[("x-request-id", "nest-1")]).await;
        assert_eq!(reply.status, status, "{path}");
        assert_eq!(
            reply.header("content-type"),
            Some("application/problem+json"),
            "{path}: {}",
            reply.text()
        );
        assert_eq!(reply.json()["code"], code, "{path}");
        assert_eq!(reply.json()["request_id"], "nest-1", "{path}");
    }
}

/// A body the layer writes anew (an error built out of its reach, in a task of its own, then
/// encoded by a middleware inside the layer) carries no stale `Content-Encoding`.
#[tokio::test]
async fn a_rewritten_body_drops_the_encoding_of_the_one_it_replaces() {
    let app = Router::new()
        .route("/spawned", get(built_in_a_task))
        .layer(axum::middleware::map_response(
            |mut response: Response| async {
                // As a compressing middleware marks what it encoded.
                let gzip = axum::http::HeaderValue::from_static("gzip");
                response.headers_mut().insert("content-encoding", gzip);
                response
            },
        ))
        .layer(SwrLayer::new());
    let reply = get_with(&app, "/spawned", &[("accept", "application/problem+json")]).await;
    assert_eq!(
        reply.header("content-type"),
        Some("application/problem+json")
    );
    assert_eq!(reply.header("content-encoding"), None);
    assert_eq!(reply.json()["code"], SwrCode::ImageNotFound.code());
}

/// A framework error the layer replaces names the id its response carries: one a handler set on
/// the text response, else the layer's.
#[tokio::test]
async fn a_replaced_framework_error_names_the_id_its_response_carries() {
    let app = Router::new()
        .route(
            "/text",
            get(|| async {
                (
                    StatusCode::BAD_REQUEST,
                    [("x-request-id", "h-1")],
                    "bad input",
                )
            }),
        )
        .layer(SwrLayer::new());
    let problem = ("accept", "application/problem+json");
    let reply = get_with(&app, "/text", &[problem, ("x-request-id", "c-1")]).await;
    assert_eq!(reply.status, 400);
    assert_eq!(reply.header("x-request-id"), Some("h-1"));
    assert_eq!(reply.json()["request_id"], "h-1", "{}", reply.text());
    assert_eq!(reply.json()["detail"], "bad input");

    let reply = get_with(&app, "/nowhere", &[problem, ("x-request-id", "c-2")]).await;
    assert_eq!(reply.json()["request_id"], "c-2", "{}", reply.text());
}

/// `Accept` sent as two field lines is one list (RFC 9110 §5.3): Problem named on the second
/// line counts.
#[tokio::test]
async fn accept_sent_as_two_lines_is_one_list() {
    let app = app(SwrLayer::new());
    let request = Request::get("/items/7")
        .header("accept", "application/json")
        .header("accept", "application/problem+json")
        .body(Body::empty())
        .unwrap();
    let reply = call(&app, request).await;
    assert_eq!(
        reply.header("content-type"),
        Some("application/problem+json"),
        "{}",
        reply.text()
    );
    assert_eq!(reply.json()["code"], "SVCSTG.SHOP.4040001");
}

/// Of two errors a handler builds, the one it returns is the one the layer finishes: its body
/// names the id the handler set, and the other's record plays no part.
#[tokio::test]
async fn of_two_errors_built_the_one_returned_is_finished() {
    use axum::response::IntoResponse;

    // Builds items 1 and 2 missing, in that order, and returns the one named, under an id of
    // its own.
    let app = Router::new()
        .route(
            "/returns/{item}",
            get(|Path(item): Path<u32>| async move {
                let built = [1, 2].map(|n| ShopError::ItemMissing(n).into_response());
                let [first, second] = built;
                let (returned, id) = if item == 1 {
                    (first, "h-1")
                } else {
                    (second, "h-2")
                };
                ([("x-request-id", id)], returned)
            }),
        )
        .layer(SwrLayer::new());
    let problem = ("accept", "application/problem+json");
    for (path, title, id) in [
        ("/returns/1", "Item 1 not found", "h-1"),
        ("/returns/2", "Item 2 not found", "h-2"),
    ] {
        let reply = get_with(&app, path, &[problem, ("x-request-id", "c-1")]).await;
        assert_eq!(reply.header("x-request-id"), Some(id), "{path}");
        assert_eq!(reply.json()["title"], title, "{path}: {}", reply.text());
        assert_eq!(reply.json()["request_id"], id, "{path}");
    }
}

/// A middleware between the layer and the handler that puts its own page in place of an
/// error's is left alone, whether the error was built in reach of the layer or in a task of its
/// own.
#[tokio::test]
async fn a_middlewares_page_in_place_of_an_error_is_left_alone() {
    use axum::response::IntoResponse;

    let app = Router::new()
        .route(
            "/here",
            get(|| async { SwrCode::ImageNotFound.into_response() }),
        )
        .route("/spawned", get(built_in_a_task))
        .layer(axum::middleware::map_response(|response: Response| async {
            let (mut parts, _) = response.into_parts();
            let html = axum::http::HeaderValue::from_static("text/html; charset=utf-8");
            parts.headers.insert("content-type", html);
            Response::from_parts(parts, Body::from("<h1>gone</h1>"))
        }))
        .layer(SwrLayer::new());
    for path in ["/here", "/spawned"] {
        let reply = get_with(&app, path, &[("accept", "application/problem+json")]).await;
        assert_eq!(reply.status, 404, "{path}");
        assert_eq!(reply.text(), "<h1>gone</h1>", "{path}");
        assert_eq!(
            reply.header("content-type"),
            Some("text/html; charset=utf-8"),
            "{path}"
        );
    }
}

/// A framework's text the layer replaces is quoted as the detail only when it is text: an
/// encoded body (a compressing middleware, a proxied upstream) gives no detail.
#[tokio::test]
async fn an_encoded_framework_text_is_not_quoted_as_the_detail() {
    let gzip_start = vec![
        0x1f_u8, 0x8b, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x03,
    ];
    let app = Router::new()
        .route(
            "/gz",
            get(move || {
                let body = gzip_start.clone();
                async move {
                    (
                        StatusCode::BAD_REQUEST,
                        [
                            ("content-type", "text/plain; charset=utf-8"),
                            ("content-encoding", "gzip"),
                        ],
                        body,
                    )
                }
            }),
        )
        .layer(SwrLayer::new());
    let reply = get_with(&app, "/gz", &[]).await;
    assert_eq!(reply.status, 400);
    assert_eq!(reply.header("content-encoding"), None);
    assert_eq!(reply.header("content-type"), Some("application/json"));
    assert_eq!(reply.json()[0]["detail"], "", "{}", reply.text());
}

/// A Problem body the handler chose is sent as Problem whatever the request asks, in the app's
/// context: the app's type base and the id the response carries.
#[tokio::test]
async fn a_chosen_problem_names_the_apps_type_and_the_responses_id() {
    use axum::response::IntoResponse;

    let chosen = || {
        SwrCode::ImageNotFound
            .response()
            .with_format(BodyFormat::Problem)
    };
    let app = Router::new()
        .route("/chosen", get(move || async move { chosen() }))
        .route(
            "/chosen-spawned",
            get(move || async move {
                tokio::spawn(async move { chosen().into_response() })
                    .await
                    .unwrap()
            }),
        )
        .layer(SwrLayer::new().problem_type_base("https://docs.example.com/errors/"));
    for path in ["/chosen", "/chosen-spawned"] {
        let reply = get_with(&app, path, &[("x-request-id", "c-7")]).await;
        assert_eq!(reply.header("x-request-id"), Some("c-7"), "{path}");
        assert_eq!(
            reply.header("content-type"),
            Some("application/problem+json"),
            "{path}"
        );
        let body = reply.json();
        assert_eq!(body["request_id"], "c-7", "{path}: {body}");
        assert_eq!(
            body["type"], "https://docs.example.com/errors/SVCSTG.SWR.4040010",
            "{path}: {body}"
        );
    }
}

#[tokio::test]
async fn a_problem_sent_under_a_status_of_its_own_says_that_status() {
    // RFC 9457 §3.1.2: the body's `status` is the one the response is sent with. A handler that
    // sends an error under another status (`(StatusCode, error)`) gets a Problem body saying so;
    // the code stays the error's.
    let app = Router::new()
        .route(
            "/busy",
            get(|| async { (StatusCode::SERVICE_UNAVAILABLE, SwrCode::ImageNotFound) }),
        )
        .route(
            "/busy-in-a-task",
            get(|| async {
                let (mut parts, body) = built_in_a_task().await.into_parts();
                parts.status = StatusCode::SERVICE_UNAVAILABLE;
                Response::from_parts(parts, body)
            }),
        )
        .layer(SwrLayer::new());
    let reply = get_with(&app, "/busy", &[("accept", "application/problem+json")]).await;
    assert_eq!(reply.status, 503);
    assert_eq!(
        reply.header("content-type"),
        Some("application/problem+json")
    );
    let body = reply.json();
    assert_eq!(body["status"], 503);
    assert_eq!(body["code"], SwrCode::ImageNotFound.code());
    assert_eq!(body["title"], *SwrCode::ImageNotFound.message());
    assert_eq!(body["request_id"].as_str(), reply.header("x-request-id"));
    // Legacy and Dual name no status: the body is the error's own.
    let reply = get_with(&app, "/busy", &[]).await;
    assert_eq!(reply.status, 503);
    assert_eq!(reply.json()[0]["errorCode"], SwrCode::ImageNotFound.code());
    // Built out of the layer's reach (Legacy) and sent under another status, it gets the same
    // answer as one built in reach: the request's format, naming the status sent.
    let reply = get_with(
        &app,
        "/busy-in-a-task",
        &[("accept", "application/problem+json")],
    )
    .await;
    assert_eq!(reply.status, 503);
    assert_eq!(
        reply.header("content-type"),
        Some("application/problem+json")
    );
    let body = reply.json();
    assert_eq!(body["status"], 503);
    assert_eq!(body["code"], SwrCode::ImageNotFound.code());
    assert_eq!(body["request_id"].as_str(), reply.header("x-request-id"));
}
