//! `swr_errors::actix::SwrErrors` through actix-web's test service: request ids, per-app formats
//! and negotiation, framework errors, handler-built responses and successes left alone, panics.

use actix_web::test::{call_service, init_service, read_body, TestRequest};
use actix_web::{web, App, HttpResponse};
use serde_json::{json, Value};
use swr_errors::actix::SwrErrors;
use swr_errors::{BodyFormat, FrameworkErrors, RequestId, SwrCode, SwrError, Untouched};

#[path = "support/shop.rs"]
mod shop;

use shop::ShopError;

async fn item(id: web::Path<u32>) -> Result<String, ShopError> {
    match id.into_inner() {
        1 => Ok("one".to_owned()),
        2 => Err(ShopError::BadOrder {
            reason: "quantity \"-1\"".to_owned(),
        }),
        n => Err(ShopError::ItemMissing(n)),
    }
}

#[derive(serde::Deserialize)]
#[allow(dead_code)]
struct Order {
    count: u32,
}

async fn order(order: web::Json<Order>) -> HttpResponse {
    let _ = order.count;
    HttpResponse::Created().finish()
}

async fn echo_id(id: RequestId) -> String {
    id.to_string()
}

/// The request's `X-Request-Id` header as the handler sees it.
async fn header_id(request: actix_web::HttpRequest) -> String {
    let header = request.headers().get("x-request-id");
    header
        .map_or("none", |value| value.to_str().unwrap())
        .to_owned()
}

async fn panics() -> String {
    panic!("secret panic text")
}

async fn chosen() -> Result<String, swr_errors::ErrorResponse<SwrCode>> {
    Err(SwrCode::OrganizationExists
        .response()
        .with_format(BodyFormat::Legacy))
}

async fn handler_json() -> HttpResponse {
    HttpResponse::Conflict().json(json!({"mine": true}))
}

async fn untouched() -> HttpResponse {
    let mut response = HttpResponse::BadRequest()
        .content_type("text/plain")
        .body("left alone");
    response.extensions_mut().insert(Untouched);
    response
}

/// The routes, wrapped in `errors`.
macro_rules! app {
    ($errors:expr) => {
        init_service(
            App::new()
                .app_data(web::JsonConfig::default().limit(64))
                .route("/items/{id}", web::get().to(item))
                .route("/orders", web::post().to(order))
                .route("/id", web::get().to(echo_id))
                .route("/header-id", web::get().to(header_id))
                .route("/panic", web::get().to(panics))
                .route("/chosen", web::get().to(chosen))
                .route("/handler-json", web::get().to(handler_json))
                .route("/untouched", web::get().to(untouched))
                .wrap($errors),
        )
        .await
    };
}

struct Reply {
    status: u16,
    headers: actix_web::http::header::HeaderMap,
    body: Vec<u8>,
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

macro_rules! send {
    ($app:expr, $request:expr) => {{
        let response = call_service(&$app, $request.to_request()).await;
        let status = response.status().as_u16();
        let headers = response.headers().clone();
        let body = read_body(response).await.to_vec();
        Reply {
            status,
            headers,
            body,
        }
    }};
}

fn assert_generated(id: Option<&str>) {
    let id = id.expect("x-request-id");
    assert_eq!(id.len(), 32, "{id}");
    assert!(id.bytes().all(|b| b.is_ascii_hexdigit()), "{id}");
}

#[actix_web::test]
async fn request_ids_are_echoed_generated_and_extracted() {
    let app = app!(SwrErrors::new());
    let reply = send!(
        app,
        TestRequest::get()
            .uri("/id")
            .insert_header(("x-request-id", "c-1"))
    );
    assert_eq!(reply.header("x-request-id"), Some("c-1"));
    assert_eq!(reply.text(), "c-1");
    let reply = send!(
        app,
        TestRequest::get()
            .uri("/id")
            .insert_header(("x-request-id", "a b"))
    );
    assert_generated(reply.header("x-request-id"));
    assert_eq!(Some(reply.text().as_str()), reply.header("x-request-id"));
    let error = send!(app, TestRequest::get().uri("/items/9"));
    assert_generated(error.header("x-request-id"));
    // The request's header is the id the response carries: generated over an invalid one, or
    // where there was none.
    for request in [
        TestRequest::get()
            .uri("/header-id")
            .insert_header(("x-request-id", "a b")),
        TestRequest::get().uri("/header-id"),
    ] {
        let reply = send!(app, request);
        assert_generated(reply.header("x-request-id"));
        assert_eq!(Some(reply.text().as_str()), reply.header("x-request-id"));
    }
}

#[actix_web::test]
async fn the_app_default_and_negotiation_choose_the_format() {
    let legacy = app!(SwrErrors::new());
    let dual = app!(SwrErrors::new().default_format(BodyFormat::Dual));
    let no_sdk = app!(SwrErrors::new().sdk_dual(false));
    let expected = json!([{"errorCode": "SVCSTG.SHOP.4040001", "errorMessage": "Item 9 not found", "detail": ""}]);

    let reply = send!(legacy, TestRequest::get().uri("/items/9"));
    assert_eq!(reply.status, 404);
    assert_eq!(reply.header("content-type"), Some("application/json"));
    assert_eq!(reply.json(), expected);
    let reply = send!(dual, TestRequest::get().uri("/items/9"));
    assert_eq!(
        reply.json(),
        json!({"error_code": "SVCSTG.SHOP.4040001", "error_msg": "Item 9 not found", "errors": expected})
    );

    let problem = TestRequest::get()
        .uri("/items/2")
        .insert_header(("accept", "application/problem+json"))
        .insert_header(("x-request-id", "r-2"));
    let reply = send!(legacy, problem);
    assert_eq!(
        reply.header("content-type"),
        Some("application/problem+json")
    );
    assert_eq!(
        reply.text(),
        r#"{"type":"urn:swr-errors:code:SVCSTG.SHOP.4001002","title":"Bad order","status":400,"detail":"quantity \"-1\"","code":"SVCSTG.SHOP.4001002","request_id":"r-2"}"#
    );

    let sdk = || {
        TestRequest::get()
            .uri("/items/9")
            .insert_header(("user-agent", "huaweicloud-usdk-python/3.1.86"))
    };
    assert_eq!(
        send!(legacy, sdk()).json()["error_code"],
        "SVCSTG.SHOP.4040001"
    );
    assert_eq!(send!(no_sdk, sdk()).json(), expected);
}

#[actix_web::test]
async fn successes_and_handler_built_responses_pass_untouched() {
    let app = app!(SwrErrors::new().default_format(BodyFormat::Problem));
    let ok = send!(app, TestRequest::get().uri("/items/1"));
    assert_eq!((ok.status, ok.text().as_str()), (200, "one"));
    assert_generated(ok.header("x-request-id"));
    let mine = send!(app, TestRequest::get().uri("/handler-json"));
    assert_eq!(mine.status, 409);
    assert_eq!(mine.json(), json!({"mine": true}));
    let kept = send!(app, TestRequest::get().uri("/untouched"));
    assert_eq!((kept.status, kept.text().as_str()), (400, "left alone"));
    let chosen = send!(
        app,
        TestRequest::get()
            .uri("/chosen")
            .insert_header(("accept", "application/problem+json"))
    );
    assert!(chosen.json().is_array());
}

#[actix_web::test]
async fn framework_errors_become_catalogue_codes() {
    let app = app!(SwrErrors::new());
    let check = |reply: &Reply, status: u16, code: &str, detail: &str| {
        assert_eq!(reply.status, status, "{code}: {}", reply.text());
        assert_eq!(reply.header("content-type"), Some("application/json"));
        let body = reply.json();
        assert_eq!(body[0]["errorCode"], code, "{body}");
        let message = SwrCode::from_code(code).unwrap().message();
        assert_eq!(body[0]["errorMessage"], message.as_ref());
        let got = body[0]["detail"].as_str().unwrap();
        assert!(got.starts_with(detail), "{code}: {got:?}");
        assert_generated(reply.header("x-request-id"));
    };
    check(
        &send!(app, TestRequest::get().uri("/nowhere")),
        404,
        "SVCSTG.SWR.4040083",
        "",
    );
    // A route without this method: actix-web answers 404 too (no resource-level 405 here).
    check(
        &send!(app, TestRequest::delete().uri("/items/1")),
        404,
        "SVCSTG.SWR.4040083",
        "",
    );
    let json = |body: &'static str| {
        TestRequest::post()
            .uri("/orders")
            .insert_header(("content-type", "application/json"))
            .set_payload(body)
    };
    check(
        &send!(app, json("{not json")),
        400,
        "SVCSTG.SWR.4000014",
        "Json deserialize error",
    );
    check(
        &send!(app, json(r#"{"count":"x"}"#)),
        400,
        "SVCSTG.SWR.4000014",
        "Json deserialize error",
    );
    let too_big = "{\"count\":1,\"pad\":\"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\"}";
    check(
        &send!(app, json(too_big)),
        413,
        "SVCSTG.SWR.4131001",
        "JSON payload",
    );
    let wrong_type = TestRequest::post()
        .uri("/orders")
        .insert_header(("content-type", "text/plain"))
        .set_payload(r#"{"count":1}"#);
    check(
        &send!(app, wrong_type),
        400,
        "SVCSTG.SWR.4000014",
        "Content type error",
    );
    check(
        &send!(app, TestRequest::get().uri("/items/abc")),
        404,
        "SVCSTG.SWR.4040083",
        "",
    );

    let problem = send!(
        app,
        TestRequest::get()
            .uri("/nowhere")
            .insert_header(("accept", "application/problem+json"))
    );
    assert_eq!(
        problem.header("content-type"),
        Some("application/problem+json")
    );
    assert_eq!(problem.json()["code"], "SVCSTG.SWR.4040083");

    let off = app!(SwrErrors::new().framework_errors(FrameworkErrors::none()));
    let reply = send!(off, TestRequest::get().uri("/nowhere"));
    assert_eq!(reply.status, 404);
    assert!(reply.body.is_empty());
    let mapped =
        app!(SwrErrors::new()
            .framework_errors(FrameworkErrors::new().map(404, SwrCode::ImageNotFound)));
    let reply = send!(mapped, TestRequest::get().uri("/nowhere"));
    assert_eq!(reply.json()[0]["errorCode"], "SVCSTG.SWR.4040010");
}

#[actix_web::test]
async fn a_resource_without_the_method_answers_405_as_404() {
    let app = init_service(
        App::new()
            .service(web::resource("/only-get").route(web::get().to(|| async { "ok" })))
            .wrap(SwrErrors::new()),
    )
    .await;
    let reply = send!(app, TestRequest::post().uri("/only-get"));
    assert_eq!(reply.status, 404);
    assert_eq!(reply.json()[0]["errorCode"], "SVCSTG.SWR.4040083");
}

/// A panic leaves the middleware as the error whose response actix-web's server sends: checked
/// over a real socket, where the server writes it.
#[actix_web::test]
async fn a_panicking_handler_gets_a_500_and_the_app_keeps_serving() {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};

    let server = actix_web::HttpServer::new(|| {
        App::new()
            .route("/panic", web::get().to(panics))
            .route("/items/{id}", web::get().to(item))
            .wrap(SwrErrors::new().default_format(BodyFormat::Dual))
    })
    .workers(1)
    .bind(("127.0.0.1", 0))
    .unwrap();
    let addr = server.addrs()[0];
    let server = server.run();
    let handle = server.handle();
    actix_web::rt::spawn(server);

    async fn get(addr: std::net::SocketAddr, path: &str) -> String {
        let mut stream = tokio::net::TcpStream::connect(addr).await.unwrap();
        let request = format!(
            "GET {path} HTTP/1.1\r\nHost: localhost\r\nX-Request-Id: p-1\r\nConnection: close\r\n\r\n"
        );
        stream.write_all(request.as_bytes()).await.unwrap();
        let mut reply = String::new();
        stream.read_to_string(&mut reply).await.unwrap();
        reply
    }
    for _ in 0..3 {
        let reply = get(addr, "/panic").await;
        let (head, body) = reply.split_once("\r\n\r\n").unwrap();
        assert!(head.starts_with("HTTP/1.1 500"), "{head}");
        let head = head.to_ascii_lowercase();
        assert!(head.contains("x-request-id: p-1"), "{head}");
        assert!(head.contains("content-type: application/json"), "{head}");
        let body: Value = serde_json::from_str(body).unwrap();
        assert_eq!(body["error_code"], "SVCSTG.SWR.5000007");
        assert!(!reply.contains("secret"));
        let ok = get(addr, "/items/1").await;
        assert!(ok.starts_with("HTTP/1.1 200"), "{ok}");
        assert!(ok.ends_with("one"), "{ok}");
    }
    handle.stop(true).await;
}

/// `Accept` sent as two field lines is one list (RFC 9110 §5.3): the second line's
/// `application/problem+json` counts.
#[actix_web::test]
async fn repeated_accept_lines_are_one_list() {
    let app = app!(SwrErrors::new());
    let reply = send!(
        app,
        TestRequest::get()
            .uri("/items/9")
            .append_header(("accept", "application/json"))
            .append_header(("accept", "application/problem+json"))
    );
    assert_eq!(
        reply.header("content-type"),
        Some("application/problem+json"),
        "{}",
        reply.text()
    );
    assert_eq!(reply.json()["code"], "SVCSTG.SHOP.4040001");
}

/// A scope wrapped in its own `SwrErrors` inside an app wrapped in another: the closest
/// middleware writes the scope's errors, its derived errors and its framework errors alike, and
/// the app's passes them on.
#[actix_web::test]
async fn a_scopes_own_middleware_keeps_its_format_under_the_apps() {
    let app = init_service(
        App::new()
            .service(
                web::scope("/v2")
                    .route("/items/{id}", web::get().to(item))
                    .wrap(SwrErrors::new().default_format(BodyFormat::Problem)),
            )
            .route("/items/{id}", web::get().to(item))
            .wrap(SwrErrors::new().default_format(BodyFormat::Dual)),
    )
    .await;
    for path in ["/v2/items/9", "/v2/nowhere"] {
        let reply = send!(app, TestRequest::get().uri(path));
        assert_eq!(reply.status, 404, "{path}");
        assert_eq!(
            reply.header("content-type"),
            Some("application/problem+json"),
            "{path}: {}",
            reply.text()
        );
        assert_eq!(reply.json()["status"], 404, "{path}");
    }
    // Outside the scope, the app's own format.
    let reply = send!(app, TestRequest::get().uri("/items/9"));
    assert_eq!(reply.json()["error_code"], "SVCSTG.SHOP.4040001");
}

/// A format the handler chose is kept, and written in the app's context: its Problem type base
/// and the id the response carries (the request's, or the handler's own).
#[actix_web::test]
async fn a_chosen_problem_body_is_written_in_the_apps_context() {
    async fn chosen_problem() -> Result<String, swr_errors::ErrorResponse<SwrCode>> {
        Err(SwrCode::ImageNotFound
            .response()
            .with_format(BodyFormat::Problem))
    }
    async fn own_id() -> Result<String, swr_errors::ErrorResponse<SwrCode>> {
        Err(SwrCode::ImageNotFound
            .response()
            .with_format(BodyFormat::Problem)
            .with_request_id("own-1"))
    }
    let app = init_service(
        App::new()
            .route("/chosen", web::get().to(chosen_problem))
            .route("/own-id", web::get().to(own_id))
            .wrap(
                SwrErrors::new()
                    .default_format(BodyFormat::Dual)
                    .problem_type_base("https://docs.example.com/errors/"),
            ),
    )
    .await;
    for (path, id) in [("/chosen", "c-7"), ("/own-id", "own-1")] {
        let reply = send!(
            app,
            TestRequest::get()
                .uri(path)
                .insert_header(("x-request-id", "c-7"))
        );
        assert_eq!(reply.status, 404, "{path}");
        assert_eq!(
            reply.header("content-type"),
            Some("application/problem+json"),
            "{path}"
        );
        assert_eq!(reply.header("x-request-id"), Some(id), "{path}");
        let body = reply.json();
        assert_eq!(body["request_id"], id, "{path}: {body}");
        assert_eq!(
            body["type"], "https://docs.example.com/errors/SVCSTG.SWR.4040010",
            "{path}: {body}"
        );
    }
}

/// A middleware between `SwrErrors` and the handler that puts its own page in place of a derived
/// error's body is left alone, as through the axum layer: the SWR body is written anew only
/// while it is the one written. One that sends the error with another status gets it in the
/// request's format, naming that status (RFC 9457 §3.1.2), as through the axum layer.
#[actix_web::test]
async fn a_middlewares_page_in_place_of_an_error_is_left_alone_and_its_status_named() {
    use actix_web::dev::{Service, ServiceResponse};
    use actix_web::http::header::{HeaderValue, CONTENT_TYPE};
    use actix_web::http::StatusCode;
    use actix_web::middleware::{ErrorHandlerResponse, ErrorHandlers};

    async fn missing() -> Result<String, SwrCode> {
        Err(SwrCode::ImageNotFound)
    }
    fn page<B>(response: ServiceResponse<B>) -> actix_web::Result<ErrorHandlerResponse<B>> {
        let (request, response) = response.into_parts();
        let mut response = response.set_body("<h1>gone</h1>".to_owned());
        let html = HeaderValue::from_static("text/html");
        response.headers_mut().insert(CONTENT_TYPE, html);
        let response = ServiceResponse::new(request, response)
            .map_into_boxed_body()
            .map_into_right_body();
        Ok(ErrorHandlerResponse::Response(response))
    }
    let paged = init_service(
        App::new()
            .route("/missing", web::get().to(missing))
            .wrap(ErrorHandlers::new().handler(StatusCode::NOT_FOUND, page))
            .wrap(SwrErrors::new().default_format(BodyFormat::Dual)),
    )
    .await;
    let reply = send!(paged, TestRequest::get().uri("/missing"));
    assert_eq!(reply.status, 404);
    assert_eq!(reply.header("content-type"), Some("text/html"));
    assert_eq!(reply.text(), "<h1>gone</h1>");
    assert_generated(reply.header("x-request-id"));

    let unavailable = init_service(
        App::new()
            .route("/missing", web::get().to(missing))
            .wrap_fn(|request, service| {
                let response = service.call(request);
                async move {
                    let mut response = response.await?;
                    *response.response_mut().status_mut() = StatusCode::SERVICE_UNAVAILABLE;
                    Ok::<_, actix_web::Error>(response)
                }
            })
            .wrap(SwrErrors::new().default_format(BodyFormat::Dual)),
    )
    .await;
    let reply = send!(
        unavailable,
        TestRequest::get()
            .uri("/missing")
            .insert_header(("accept", "application/problem+json"))
    );
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
