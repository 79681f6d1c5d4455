//! The layers' log (feature `tracing`), captured with `tracing-subscriber`: a 500's source chain
//! reaches the log and never the body; a 4xx is logged at the app's level; a panic's text is
//! logged and not sent.

use std::io;
use std::sync::{Arc, Mutex};

use axum::body::Body;
use axum::http::Request;
use axum::routing::get;
use axum::Router;
use http_body_util::BodyExt;
use swr_errors::axum::SwrLayer;
use swr_errors::SwrError;
use tower::ServiceExt;
use tracing_subscriber::fmt::MakeWriter;

#[path = "support/forward.rs"]
mod forward;

use forward::forward_to;

#[derive(Debug, SwrError)]
enum StoreError {
    #[swr(
        code = "SVCSTG.STORE.5001001",
        status = 500,
        message = "Storage failed"
    )]
    Storage {
        #[swr(source)]
        cause: io::Error,
    },

    /// The blob does not exist.
    #[swr(code = "SVCSTG.STORE.4040002", status = 404)]
    Missing,
}

/// Everything the subscriber writes, shared with the test.
#[derive(Clone, Default)]
struct Captured(Arc<Mutex<Vec<u8>>>);

impl Captured {
    fn text(&self) -> String {
        String::from_utf8_lossy(&self.0.lock().unwrap()).into_owned()
    }

    /// The first logged line that names `code`; a failure showing the whole log without one.
    fn line_with(&self, code: &str) -> String {
        let text = self.text();
        match text.lines().find(|line| line.contains(code)) {
            Some(line) => line.to_owned(),
            None => panic!("no event for {code}: {text}"),
        }
    }
}

impl io::Write for Captured {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(bytes);
        Ok(bytes.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

impl<'a> MakeWriter<'a> for Captured {
    type Writer = Captured;

    fn make_writer(&'a self) -> Captured {
        self.clone()
    }
}

fn app(layer: SwrLayer) -> Router {
    routes().layer(layer)
}

fn routes() -> Router {
    Router::new()
        .route(
            "/blob",
            get(|| async {
                Err::<(), _>(StoreError::Storage {
                    cause: io::Error::other("disk full writing /var/lib/secret-volume"),
                })
            }),
        )
        .route(
            "/blob-response",
            get(|| async {
                StoreError::Storage {
                    cause: io::Error::other("disk full writing /var/lib/secret-volume"),
                }
                .response()
            }),
        )
        .route(
            "/missing",
            get(|| async { Err::<(), _>(StoreError::Missing) }),
        )
        .route(
            "/own-id",
            get(|| async { StoreError::Missing.response().with_request_id("handler-7") }),
        )
        .route("/panic", get(panics))
}

async fn panics() -> &'static str {
    panic!("secret panic text")
}

async fn get_body(app: &Router, path: &str) -> (u16, String) {
    let request = Request::get(path)
        .header("x-request-id", "log-1")
        .body(Body::empty())
        .unwrap();
    let response = app.clone().oneshot(request).await.unwrap();
    let status = response.status().as_u16();
    let body = response.into_body().collect().await.unwrap().to_bytes();
    (status, String::from_utf8_lossy(&body).into_owned())
}

/// A subscriber at `max` writing into a fresh buffer, the default for this thread while the
/// guard lives (the tests run on a current-thread runtime).
fn capture(max: tracing::Level) -> (Captured, tracing::subscriber::DefaultGuard) {
    let captured = Captured::default();
    let subscriber = tracing_subscriber::fmt()
        .with_writer(captured.clone())
        .with_max_level(max)
        .with_ansi(false)
        .finish();
    let guard = tracing::subscriber::set_default(subscriber);
    (captured, guard)
}

#[tokio::test]
async fn a_500s_source_chain_is_logged_once_and_never_sent() {
    // The error as the handler's `Err`, and inside an `ErrorResponse` it built.
    for path in ["/blob", "/blob-response"] {
        let (log, _guard) = capture(tracing::Level::TRACE);
        let app = app(SwrLayer::new());
        let (status, body) = get_body(&app, path).await;
        assert_eq!(status, 500, "{path}");
        assert!(body.contains("SVCSTG.STORE.5001001"), "{path}: {body}");
        assert!(!body.contains("disk full"), "{path}: {body}");

        let line = log.line_with("SVCSTG.STORE.5001001");
        assert!(line.contains("ERROR"), "{line}");
        assert!(
            line.contains("disk full writing /var/lib/secret-volume"),
            "{path}: {line}"
        );
        for field in [
            "status=500",
            "request_id=\"log-1\"",
            "method=\"GET\"",
            &format!("path=\"{path}\""),
            "Storage failed",
        ] {
            assert!(line.contains(field), "{field} in {line}");
        }
        let text = log.text();
        assert_eq!(text.matches("SVCSTG.STORE.5001001").count(), 1, "{text}");
    }
}

#[tokio::test]
async fn a_4xx_is_logged_at_the_apps_level() {
    let (log, _guard) = capture(tracing::Level::TRACE);
    let (status, _) = get_body(&app(SwrLayer::new()), "/missing").await;
    assert_eq!(status, 404);
    let default_line = log.text();
    assert!(default_line.contains(" INFO "), "{default_line}");
    assert!(default_line.contains("SVCSTG.STORE.4040002"));

    let (log, _guard) = capture(tracing::Level::TRACE);
    let quiet = app(SwrLayer::new().client_error_level(tracing::Level::DEBUG));
    get_body(&quiet, "/missing").await;
    let text = log.text();
    assert!(
        text.contains("DEBUG") && text.contains("SVCSTG.STORE.4040002"),
        "{text}"
    );

    // Below the subscriber's level: not written.
    let (log, _guard) = capture(tracing::Level::INFO);
    get_body(&quiet, "/missing").await;
    assert!(!log.text().contains("SVCSTG.STORE.4040002"));
}

#[tokio::test]
async fn a_panic_is_logged_with_its_text_and_answered_without_it() {
    let (log, _guard) = capture(tracing::Level::TRACE);
    let (status, body) = get_body(&app(SwrLayer::new()), "/panic").await;
    assert_eq!(status, 500);
    assert!(!body.contains("secret"), "{body}");
    let text = log.text();
    assert!(
        text.contains("handler panicked") && text.contains("secret panic text"),
        "{text}"
    );
    assert!(text.contains("SVCSTG.SWR.5000007"), "{text}");
}

#[tokio::test]
async fn an_error_is_logged_under_the_id_its_response_carries() {
    // The handler chose its own id: the client sees that one, and so must the log, or the two
    // cannot be matched.
    let (log, _guard) = capture(tracing::Level::TRACE);
    let app = app(SwrLayer::new());
    let (status, _) = get_body(&app, "/own-id").await;
    assert_eq!(status, 404);
    let line = log.line_with("SVCSTG.STORE.4040002");
    assert!(line.contains("request_id=\"handler-7\""), "{line}");
    assert!(!line.contains("log-1"), "{line}");
}

/// A derived error the handler built and dropped is not the response it returned: neither
/// logged nor written over that response. Nested apps: the inner app's layer logs its errors
/// once (its framework errors and panics included) and the outer layer passes them on.
#[tokio::test]
async fn only_the_response_sent_is_logged_and_each_once() {
    use axum::http::StatusCode;
    use axum::response::IntoResponse;

    let (log, _guard) = capture(tracing::Level::TRACE);
    let dropped = Router::new()
        .route(
            "/dropped",
            get(|| async {
                let _ = StoreError::Missing.into_response();
                (
                    StatusCode::NOT_FOUND,
                    [("x-request-id", "mine")],
                    axum::Json("my own 404"),
                )
            }),
        )
        .layer(SwrLayer::new());
    // The dropped error's body in another type than the handler's own (Problem), and in the
    // same type and status (Legacy): either way, not the response sent.
    for accept in ["application/problem+json", "*/*"] {
        let request = Request::get("/dropped")
            .header("accept", accept)
            .body(Body::empty())
            .unwrap();
        let response = dropped.clone().oneshot(request).await.unwrap();
        assert_eq!(response.headers()["content-type"], "application/json");
        let body = response.into_body().collect().await.unwrap().to_bytes();
        assert_eq!(&body[..], br#""my own 404""#);
        assert!(
            !log.text().contains("SVCSTG.STORE.4040002"),
            "{accept}: {}",
            log.text()
        );
    }

    let inner = app(SwrLayer::new());
    let outer = Router::new()
        .route("/{*path}", forward_to(inner))
        .layer(SwrLayer::new());
    for (path, code) in [
        ("/missing", "SVCSTG.STORE.4040002"),
        ("/nowhere", "SVCSTG.SWR.4040083"),
        ("/panic", "SVCSTG.SWR.5000007"),
    ] {
        let before = log.text().matches(code).count();
        let (_, body) = get_body(&outer, path).await;
        assert!(body.contains(code), "{path}: {body}");
        let events = log.text().matches(code).count() - before;
        assert_eq!(events, 1, "{path}: {}", log.text());
    }
}

/// `Untouched` keeps an error's body as the handler built it, and the error is logged all the
/// same: the marker is about the body, not the log.
#[tokio::test]
async fn an_untouched_error_is_still_logged() {
    let (log, _guard) = capture(tracing::Level::TRACE);
    let app = Router::new()
        .route(
            "/untouched",
            get(|| async {
                (
                    axum::Extension(swr_errors::Untouched),
                    StoreError::Storage {
                        cause: io::Error::other("disk full"),
                    },
                )
            }),
        )
        .layer(SwrLayer::new());
    let (status, _) = get_body(&app, "/untouched").await;
    assert_eq!(status, 500);
    let line = log.line_with("SVCSTG.STORE.5001001");
    assert!(line.contains("ERROR"), "{line}");
    assert!(line.contains("disk full"), "{line}");
    assert_eq!(log.text().matches("SVCSTG.STORE.5001001").count(), 1);
}

/// A middleware between the layer and the handler that transforms the body (as compression
/// does: a stream of unknown length) keeps the error logged with its causes, and its body is
/// not written over.
#[tokio::test]
async fn a_transformed_body_still_gets_its_error_logged() {
    let (log, _guard) = capture(tracing::Level::TRACE);
    let streamed = routes()
        .layer(axum::middleware::map_response(
            |response: axum::response::Response| async {
                response.map(|body| Body::from_stream(body.into_data_stream()))
            },
        ))
        .layer(SwrLayer::new());
    let request = Request::get("/blob")
        .header("accept", "application/problem+json")
        .header("x-request-id", "stream-1")
        .body(Body::empty())
        .unwrap();
    let response = streamed.oneshot(request).await.unwrap();
    assert_eq!(response.status(), 500);
    assert_eq!(
        response.headers()["content-type"],
        "application/problem+json"
    );
    let body = response.into_body().collect().await.unwrap().to_bytes();
    let body = String::from_utf8_lossy(&body);
    assert!(body.contains(r#""request_id":"stream-1""#), "{body}");
    assert!(!body.contains("disk full"), "{body}");
    let line = log.line_with("SVCSTG.STORE.5001001");
    assert!(
        line.contains("disk full writing /var/lib/secret-volume"),
        "{line}"
    );
}

/// actix-web: a scope wrapped in its own `SwrErrors` inside an app wrapped in another. The
/// closest middleware logs the scope's errors (derived and framework alike) once; the app's
/// passes them on.
#[actix_web::test]
async fn actix_nested_middlewares_log_each_error_once() {
    use actix_web::test::{call_service, init_service, TestRequest};
    use actix_web::{web, App};
    use swr_errors::actix::SwrErrors;
    use swr_errors::BodyFormat;

    let (log, _guard) = capture(tracing::Level::TRACE);
    let app = init_service(
        App::new()
            .service(
                web::scope("/v2")
                    .route(
                        "/missing",
                        web::get().to(|| async { Err::<String, _>(StoreError::Missing) }),
                    )
                    .wrap(SwrErrors::new().default_format(BodyFormat::Problem)),
            )
            .wrap(SwrErrors::new().default_format(BodyFormat::Dual)),
    )
    .await;
    for (path, code) in [
        ("/v2/missing", "SVCSTG.STORE.4040002"),
        ("/v2/nowhere", "SVCSTG.SWR.4040083"),
    ] {
        let before = log.text().matches(code).count();
        let response = call_service(&app, TestRequest::get().uri(path).to_request()).await;
        assert_eq!(response.status(), 404, "{path}");
        let events = log.text().matches(code).count() - before;
        assert_eq!(events, 1, "{path}: {}", log.text());
    }
}

/// actix-web: a derived 5xx whose response carries `Untouched` keeps its body, and is still
/// logged, once, with its source chain.
#[actix_web::test]
async fn actix_an_untouched_derived_5xx_is_still_logged() {
    use actix_web::test::{call_service, init_service, read_body, TestRequest};
    use actix_web::{web, App, HttpResponse, ResponseError};
    use swr_errors::actix::SwrErrors;
    use swr_errors::Untouched;

    async fn untouched() -> HttpResponse {
        let error = StoreError::Storage {
            cause: io::Error::other("disk full writing /var/lib/secret-volume"),
        };
        let mut response = error.error_response();
        response.extensions_mut().insert(Untouched);
        response
    }
    let (log, _guard) = capture(tracing::Level::TRACE);
    let app = init_service(
        App::new()
            .route("/untouched", web::get().to(untouched))
            .wrap(SwrErrors::new()),
    )
    .await;
    let request = TestRequest::get()
        .uri("/untouched")
        .insert_header(("accept", "application/problem+json"))
        .insert_header(("x-request-id", "log-1"))
        .to_request();
    let response = call_service(&app, request).await;
    assert_eq!(response.status(), 500);
    // Not rewritten: the Legacy body the conversion wrote.
    assert_eq!(
        response.headers().get("content-type").unwrap(),
        "application/json"
    );
    let body = read_body(response).await;
    let body = String::from_utf8_lossy(&body);
    assert!(
        body.contains(r#""errorCode":"SVCSTG.STORE.5001001""#),
        "{body}"
    );

    let line = log.line_with("SVCSTG.STORE.5001001");
    assert!(line.contains("ERROR"), "{line}");
    assert!(
        line.contains("disk full writing /var/lib/secret-volume"),
        "{line}"
    );
    assert!(line.contains("request_id=\"log-1\""), "{line}");
    let text = log.text();
    assert_eq!(text.matches("SVCSTG.STORE.5001001").count(), 1, "{text}");
}

/// A derived error the handler sends with another status (`(StatusCode, error)`) is still that
/// error's response: logged once, whether built in reach of the layer or in a task of its own.
#[tokio::test]
async fn an_error_sent_with_another_status_is_still_logged() {
    use axum::http::StatusCode;
    use axum::response::IntoResponse;

    let app = Router::new()
        .route(
            "/unavailable",
            get(|| async { (StatusCode::SERVICE_UNAVAILABLE, StoreError::Missing) }),
        )
        .route(
            "/unavailable-task",
            get(|| async {
                tokio::spawn(async {
                    (StatusCode::SERVICE_UNAVAILABLE, StoreError::Missing).into_response()
                })
                .await
                .unwrap()
            }),
        )
        .layer(SwrLayer::new());
    for path in ["/unavailable", "/unavailable-task"] {
        let (log, _guard) = capture(tracing::Level::TRACE);
        let (status, body) = get_body(&app, path).await;
        assert_eq!(status, 503, "{path}");
        assert!(body.contains("SVCSTG.STORE.4040002"), "{path}: {body}");
        let text = log.text();
        assert_eq!(
            text.matches("SVCSTG.STORE.4040002").count(),
            1,
            "{path}: {text}"
        );
        // The level and the status are those the client got: a 5xx, at ERROR.
        let line = log.line_with("SVCSTG.STORE.4040002");
        assert!(line.contains("ERROR"), "{path}: {line}");
        assert!(line.contains("status=503"), "{path}: {line}");
    }
}

/// A framework error is logged with the status the table sends, in both layers: a wrong method
/// (405) goes out as the unmatched route's 404, and is logged as that 404.
#[tokio::test]
async fn a_replaced_framework_error_is_logged_with_the_status_sent() {
    let app = Router::new()
        .route("/only-get", get(|| async { "ok" }))
        .layer(SwrLayer::new());
    let (log, _guard) = capture(tracing::Level::TRACE);
    let request = Request::post("/only-get").body(Body::empty()).unwrap();
    let response = app.oneshot(request).await.unwrap();
    assert_eq!(response.status(), 404);
    let line = log.line_with("SVCSTG.SWR.4040083");
    assert!(line.contains("status=404"), "{line}");
    assert!(line.contains("INFO"), "{line}");
}

#[actix_web::test]
async fn actix_a_replaced_framework_error_is_logged_with_the_status_sent() {
    use actix_web::test::{call_service, init_service, TestRequest};
    use actix_web::{web, App};
    use swr_errors::actix::SwrErrors;

    let (log, _guard) = capture(tracing::Level::TRACE);
    let app = init_service(
        App::new()
            .service(web::resource("/only-get").route(web::get().to(|| async { "ok" })))
            .wrap(SwrErrors::new()),
    )
    .await;
    let request = TestRequest::post().uri("/only-get").to_request();
    let response = call_service(&app, request).await;
    assert_eq!(response.status(), 404);
    let line = log.line_with("SVCSTG.SWR.4040083");
    assert!(line.contains("status=404"), "{line}");
    assert!(line.contains("INFO"), "{line}");
}
