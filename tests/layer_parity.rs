//! The same requests through `axum::SwrLayer` and `actix::SwrErrors`, each app served on a real
//! loopback socket and read by one raw HTTP/1.1 client: both must answer alike (status,
//! `Content-Type`, body, `X-Request-Id`), for every format × handler-built error, formats the
//! handler chose, a stock code, the handler's own JSON and text, a success, a panic, an unknown
//! route and bad JSON, each with no, a valid and an invalid `X-Request-Id`, under two app
//! settings. A generated id differs per request: each response's must have the generated form and
//! be the one its body names; the bodies are compared with it taken out.

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};

use serde_json::{json, Value};
use swr_errors::{BodyFormat, SwrCode, SwrError};

#[path = "support/shop.rs"]
mod shop;

use shop::ShopError;

/// The handler-built errors, by number: a field in the message, a detail needing escapes, a 500
/// with a source, a stock code.
fn error(n: u32) -> Result<ShopError, SwrCode> {
    match n {
        0 => Ok(ShopError::ItemMissing(7)),
        1 => Ok(ShopError::BadOrder {
            reason: "quantity \"-1\"\n< 0".to_owned(),
        }),
        2 => Ok(ShopError::Storage {
            cause: std::io::Error::other("disk full"),
        }),
        _ => Err(SwrCode::ImageNotFound),
    }
}

const ERRORS: u32 = 4;

/// A format the handler chooses, by name.
fn chosen(name: &str) -> BodyFormat {
    name.parse().expect("a format name")
}

/// The id an `ErrorResponse` names itself.
const HANDLER_ID: &str = "handler-7";

/// A JSON body the handlers read: `{"count": <u32>}`.
#[derive(serde::Deserialize)]
struct Order {
    count: u32,
}

mod axum_app {
    use axum::extract::Path;
    use axum::http::StatusCode;
    use axum::response::{IntoResponse, Response};
    use axum::routing::{get, post};
    use axum::{Json, Router};
    use serde_json::json;
    use swr_errors::axum::SwrLayer;
    use swr_errors::SwrError;
    use tower::Layer;

    use super::{chosen, error, Order, HANDLER_ID};

    async fn derived(Path(n): Path<u32>) -> Response {
        match error(n) {
            Ok(shop) => shop.into_response(),
            Err(stock) => stock.into_response(),
        }
    }

    async fn chosen_format(Path((format, n)): Path<(String, u32)>) -> Response {
        let format = chosen(&format);
        match error(n) {
            Ok(shop) => shop.response().with_format(format).into_response(),
            Err(stock) => stock.response().with_format(format).into_response(),
        }
    }

    async fn chosen_with_id(Path(format): Path<String>) -> Response {
        let response = swr_errors::SwrCode::UrlNotFound
            .response()
            .with_format(chosen(&format))
            .with_request_id(HANDLER_ID);
        response.into_response()
    }

    async fn order(Json(order): Json<Order>) -> String {
        order.count.to_string()
    }

    async fn panics() -> &'static str {
        panic!("secret panic text")
    }

    /// The app, the layer around the whole router.
    pub fn app(layer: SwrLayer) -> axum::routing::IntoMakeService<super::AxumApp> {
        use axum::ServiceExt;
        let routes = Router::new()
            .route("/error/{n}", get(derived))
            .route("/chosen/{format}/{n}", get(chosen_format))
            .route("/chosen-id/{format}", get(chosen_with_id))
            .route(
                "/own-json",
                get(|| async { (StatusCode::CONFLICT, Json(json!({"mine": true}))) }),
            )
            .route(
                "/own-text",
                get(|| async { (StatusCode::BAD_REQUEST, "bad input") }),
            )
            .route("/ok", get(|| async { "ok" }))
            .route("/panic", get(panics))
            .route("/orders", post(order));
        layer.layer(routes).into_make_service()
    }
}

type AxumApp = swr_errors::axum::SwrService<axum::Router>;

mod actix_app {
    use actix_web::{web, App, HttpResponse};
    use serde_json::json;
    use swr_errors::actix::SwrErrors;
    use swr_errors::SwrError;

    use super::{chosen, error, Order, HANDLER_ID};

    async fn derived(n: web::Path<u32>) -> HttpResponse {
        use actix_web::ResponseError;
        match error(n.into_inner()) {
            Ok(shop) => shop.error_response(),
            Err(stock) => stock.error_response(),
        }
    }

    async fn chosen_format(path: web::Path<(String, u32)>) -> HttpResponse {
        use actix_web::ResponseError;
        let (format, n) = path.into_inner();
        let format = chosen(&format);
        match error(n) {
            Ok(shop) => shop.response().with_format(format).error_response(),
            Err(stock) => stock.response().with_format(format).error_response(),
        }
    }

    async fn chosen_with_id(format: web::Path<String>) -> HttpResponse {
        use actix_web::ResponseError;
        swr_errors::SwrCode::UrlNotFound
            .response()
            .with_format(chosen(&format))
            .with_request_id(HANDLER_ID)
            .error_response()
    }

    async fn order(order: web::Json<Order>) -> String {
        order.count.to_string()
    }

    async fn panics() -> &'static str {
        panic!("secret panic text")
    }

    pub fn configure(config: &mut web::ServiceConfig) {
        config
            .route("/error/{n}", web::get().to(derived))
            .route("/chosen/{format}/{n}", web::get().to(chosen_format))
            .route("/chosen-id/{format}", web::get().to(chosen_with_id))
            .route(
                "/own-json",
                web::get().to(|| async { HttpResponse::Conflict().json(json!({"mine": true})) }),
            )
            .route(
                "/own-text",
                web::get().to(|| async {
                    HttpResponse::BadRequest()
                        .content_type("text/plain; charset=utf-8")
                        .body("bad input")
                }),
            )
            .route("/ok", web::get().to(|| async { "ok" }))
            .route("/panic", web::get().to(panics))
            .route("/orders", web::post().to(order));
    }

    /// The app under `errors`, served until the test process ends.
    pub fn serve(listener: std::net::TcpListener, errors: SwrErrors) {
        std::thread::spawn(move || {
            actix_web::rt::System::new().block_on(async move {
                actix_web::HttpServer::new(move || {
                    App::new().configure(configure).wrap(errors.clone())
                })
                .workers(1)
                .disable_signals()
                .listen(listener)
                .unwrap()
                .run()
                .await
                .unwrap();
            });
        });
    }
}

/// One app of each framework under the same settings.
struct Pair {
    axum: SocketAddr,
    actix: SocketAddr,
}

fn serve(layer: swr_errors::axum::SwrLayer, errors: swr_errors::actix::SwrErrors) -> Pair {
    let axum_listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let axum = axum_listener.local_addr().unwrap();
    axum_listener.set_nonblocking(true).unwrap();
    std::thread::spawn(move || {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap();
        runtime.block_on(async move {
            let listener = tokio::net::TcpListener::from_std(axum_listener).unwrap();
            axum::serve(listener, axum_app::app(layer)).await.unwrap();
        });
    });
    let actix_listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let actix = actix_listener.local_addr().unwrap();
    actix_app::serve(actix_listener, errors);
    Pair { axum, actix }
}

/// A response as the client reads it.
#[derive(Debug)]
struct Reply {
    status: u16,
    content_type: Option<String>,
    id: Option<String>,
    body: Vec<u8>,
}

/// A request: method, path, extra header lines, body.
struct Ask<'a> {
    method: &'a str,
    path: String,
    headers: Vec<(&'a str, &'a str)>,
    body: &'a str,
}

fn send(addr: SocketAddr, ask: &Ask<'_>) -> Reply {
    let mut stream = TcpStream::connect(addr).unwrap();
    let mut request = format!(
        "{} {} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\nContent-Length: {}\r\n",
        ask.method,
        ask.path,
        ask.body.len()
    );
    for (name, value) in &ask.headers {
        request.push_str(&format!("{name}: {value}\r\n"));
    }
    request.push_str("\r\n");
    request.push_str(ask.body);
    stream.write_all(request.as_bytes()).unwrap();
    let mut raw = Vec::new();
    stream.read_to_end(&mut raw).unwrap();
    parse(&raw)
}

fn parse(raw: &[u8]) -> Reply {
    let end = raw
        .windows(4)
        .position(|window| window == b"\r\n\r\n")
        .expect("a complete head");
    let head = std::str::from_utf8(&raw[..end]).unwrap();
    let mut lines = head.split("\r\n");
    let status = lines.next().unwrap().split(' ').nth(1).unwrap();
    let (mut content_type, mut id, mut chunked) = (None, None, false);
    for line in lines {
        let (name, value) = line.split_once(':').unwrap();
        let value = value.trim().to_owned();
        match name.to_ascii_lowercase().as_str() {
            "content-type" => content_type = Some(value),
            "x-request-id" => {
                assert!(id.is_none(), "one X-Request-Id: {head}");
                id = Some(value);
            }
            "transfer-encoding" => chunked = value.eq_ignore_ascii_case("chunked"),
            _ => {}
        }
    }
    let mut body = raw[end + 4..].to_vec();
    if chunked {
        body = dechunk(&body);
    }
    Reply {
        status: status.parse().unwrap(),
        content_type,
        id,
        body,
    }
}

fn dechunk(mut data: &[u8]) -> Vec<u8> {
    let mut body = Vec::new();
    loop {
        let line_end = data.windows(2).position(|w| w == b"\r\n").unwrap();
        let size = std::str::from_utf8(&data[..line_end]).unwrap();
        let size = usize::from_str_radix(size.split(';').next().unwrap().trim(), 16).unwrap();
        if size == 0 {
            return body;
        }
        let start = line_end + 2;
        body.extend_from_slice(&data[start..start + size]);
        data = &data[start + size + 2..];
    }
}

/// How a request asks for its format.
const NEGOTIATIONS: [(&str, &[(&str, &str)]); 3] = [
    ("default", &[]),
    ("problem", &[("accept", "application/problem+json")]),
    ("sdk", &[("user-agent", "huaweicloud-usdk-python/3.1.86")]),
];

/// The request's own `X-Request-Id`: none, valid, invalid (a space is not allowed).
const IDS: [Option<&str>; 3] = [None, Some("client-1"), Some("not valid")];

/// What is compared of a framework error's body: its text comes from each framework (axum's
/// `Failed to parse…`, actix-web's `Json deserialize error…`) and is left out.
#[derive(Clone, Copy, PartialEq)]
enum Detail {
    Same,
    FrameworksOwn,
}

fn scenarios() -> Vec<(String, &'static str, &'static str, Detail)> {
    let mut all = Vec::new();
    for n in 0..ERRORS {
        all.push((format!("/error/{n}"), "GET", "", Detail::Same));
        for format in BodyFormat::ALL {
            all.push((format!("/chosen/{format}/{n}"), "GET", "", Detail::Same));
        }
    }
    for format in BodyFormat::ALL {
        all.push((format!("/chosen-id/{format}"), "GET", "", Detail::Same));
    }
    for path in ["/own-json", "/own-text", "/ok", "/panic", "/nowhere"] {
        all.push((path.to_owned(), "GET", "", Detail::Same));
    }
    all.push((
        "/orders".to_owned(),
        "POST",
        "{\"count\": ",
        Detail::FrameworksOwn,
    ));
    all.push(("/orders".to_owned(), "POST", "{\"count\": 2}", Detail::Same));
    all
}

/// `reply`'s body as compared: its own id replaced by a marker when generated (each framework's
/// differs), and a framework's text taken out.
fn comparable(reply: &Reply, generated: bool, detail: Detail) -> Vec<u8> {
    let mut body = String::from_utf8(reply.body.clone()).expect("UTF-8 body");
    if generated {
        let id = reply.id.as_deref().unwrap();
        body = body.replace(id, "<generated id>");
    }
    if detail == Detail::FrameworksOwn {
        let mut value: Value = serde_json::from_str(&body).expect("a JSON body");
        assert_ne!(
            take_detail(&mut value),
            "",
            "a framework's text as the detail: {body}"
        );
        body = value.to_string();
    }
    body.into_bytes()
}

/// Removes every `detail` member of `value`, returning the first one's text.
fn take_detail(value: &mut Value) -> String {
    match value {
        Value::Object(map) => {
            let own = map.remove("detail");
            let nested: Vec<String> = map.values_mut().map(take_detail).collect();
            own.and_then(|detail| detail.as_str().map(str::to_owned))
                .or_else(|| nested.into_iter().find(|text| !text.is_empty()))
                .unwrap_or_default()
        }
        Value::Array(items) => items
            .iter_mut()
            .map(take_detail)
            .find(|text| !text.is_empty())
            .unwrap_or_default(),
        _ => String::new(),
    }
}

fn assert_generated(id: Option<&str>, case: &str) {
    let id = id.unwrap_or_else(|| panic!("{case}: no X-Request-Id"));
    assert_eq!(id.len(), 32, "{case}: {id}");
    assert!(id.bytes().all(|b| b.is_ascii_hexdigit()), "{case}: {id}");
}

/// Sends every scenario to both apps of `pair`; returns how many were compared.
fn compare(pair: &Pair, settings: &str) -> usize {
    let mut compared = 0;
    for (path, method, body, detail) in scenarios() {
        for (negotiation, headers) in NEGOTIATIONS {
            for id in IDS {
                let mut ask = Ask {
                    method,
                    path: path.clone(),
                    headers: headers.to_vec(),
                    body,
                };
                if method == "POST" {
                    ask.headers.push(("content-type", "application/json"));
                }
                if let Some(id) = id {
                    ask.headers.push(("x-request-id", id));
                }
                let case = format!("{settings}: {method} {path}, {negotiation}, id {id:?}");
                let axum = send(pair.axum, &ask);
                let actix = send(pair.actix, &ask);
                assert_eq!(axum.status, actix.status, "{case}: status");
                assert_eq!(
                    axum.content_type, actix.content_type,
                    "{case}: content type"
                );
                // The id: the handler's own, else the client's valid one, else generated.
                let expected = if path.starts_with("/chosen-id/") {
                    Some(HANDLER_ID)
                } else {
                    id.filter(|id| !id.contains(' '))
                };
                for reply in [&axum, &actix] {
                    match expected {
                        Some(expected) => {
                            assert_eq!(reply.id.as_deref(), Some(expected), "{case}")
                        }
                        None => assert_generated(reply.id.as_deref(), &case),
                    }
                    if reply.content_type.as_deref() == Some("application/problem+json") {
                        let problem: Value = serde_json::from_slice(&reply.body).unwrap();
                        assert_eq!(
                            problem["request_id"].as_str(),
                            reply.id.as_deref(),
                            "{case}"
                        );
                        assert_eq!(problem["status"], reply.status, "{case}");
                    }
                }
                assert!(
                    !String::from_utf8_lossy(&axum.body).contains("secret"),
                    "{case}"
                );
                let generated = expected.is_none();
                let (axum_body, actix_body) = (
                    comparable(&axum, generated, detail),
                    comparable(&actix, generated, detail),
                );
                assert_eq!(
                    String::from_utf8_lossy(&axum_body),
                    String::from_utf8_lossy(&actix_body),
                    "{case}: body"
                );
                compared += 1;
            }
        }
    }
    compared
}

#[test]
fn both_frameworks_answer_every_scenario_alike() {
    use swr_errors::actix::SwrErrors;
    use swr_errors::axum::SwrLayer;

    let defaults = serve(SwrLayer::new(), SwrErrors::new());
    let base = "https://docs.example.com/errors/";
    let set = serve(
        SwrLayer::new()
            .default_format(BodyFormat::Dual)
            .problem_type_base(base),
        SwrErrors::new()
            .default_format(BodyFormat::Dual)
            .problem_type_base(base),
    );
    let compared = compare(&defaults, "defaults") + compare(&set, "Dual, own type base");
    assert_eq!(
        compared,
        2 * scenarios().len() * NEGOTIATIONS.len() * IDS.len()
    );

    // The scenarios reach what they are meant to: an SWR body in each format, a chosen one, a
    // replaced framework error, a panic's 500.
    let ask = |path: &str, headers: Vec<(&'static str, &'static str)>| Ask {
        method: "GET",
        path: path.to_owned(),
        headers,
        body: "",
    };
    let problem = vec![("accept", "application/problem+json")];
    let reply = send(set.actix, &ask("/error/1", problem.clone()));
    let body: Value = serde_json::from_slice(&reply.body).unwrap();
    assert_eq!(body["type"], format!("{base}SVCSTG.SHOP.4001002"));
    assert_eq!(body["detail"], "quantity \"-1\"\n< 0");
    let reply = send(defaults.axum, &ask("/chosen/dual/3", problem.clone()));
    let body: Value = serde_json::from_slice(&reply.body).unwrap();
    assert_eq!(body["error_code"], SwrCode::ImageNotFound.code());
    let reply = send(defaults.actix, &ask("/nowhere", vec![]));
    let body: Value = serde_json::from_slice(&reply.body).unwrap();
    assert_eq!(
        body,
        json!([{"errorCode": "SVCSTG.SWR.4040083", "errorMessage": SwrCode::UrlNotFound.message(), "detail": ""}])
    );
    let reply = send(set.actix, &ask("/own-text", vec![]));
    let body: Value = serde_json::from_slice(&reply.body).unwrap();
    assert_eq!(body["errors"][0]["detail"], "bad input");
    let reply = send(set.axum, &ask("/panic", vec![]));
    let body: Value = serde_json::from_slice(&reply.body).unwrap();
    assert_eq!(
        (reply.status, &body["error_code"]),
        (500, &json!("SVCSTG.SWR.5000007"))
    );
    let reply = send(defaults.axum, &ask("/ok", vec![]));
    assert_eq!((reply.status, reply.body.as_slice()), (200, &b"ok"[..]));
}
