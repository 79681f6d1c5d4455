//! The client side over reqwest: a real `reqwest::Client` against a real axum server on
//! `127.0.0.1:0`, one route per kind of answer an SWR client meets. `RemoteError::from_reqwest`
//! and `ResponseExt::error_for_swr` read each one: the success untouched, every error shape
//! typed, the request id and `Retry-After` kept, and a huge error page read only as far as needed.

use std::convert::Infallible;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, SystemTime};

use axum::body::{Body, Bytes};
use axum::http::{header, HeaderName, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use swr_errors::reqwest::ResponseExt;
use swr_errors::{BodyFormat, RemoteError, SwrCode, SwrError};
use tokio::sync::oneshot;

/// The size of the huge error page, and of each chunk the server sends of it.
const HUGE: usize = 64 << 20;
const CHUNK: usize = 16 << 10;

/// What the huge route reports: the bytes it handed to the connection, and when its body was
/// dropped (the client went away, or it was all sent).
struct Huge {
    sent: Arc<AtomicUsize>,
    dropped: std::sync::Mutex<Option<oneshot::Receiver<()>>>,
}

/// Sends its message when dropped: the body stream owns it.
struct OnDrop(Option<oneshot::Sender<()>>);

impl Drop for OnDrop {
    fn drop(&mut self) {
        if let Some(done) = self.0.take() {
            let _ = done.send(());
        }
    }
}

/// A registry's challenge, as the reference registry sends it with token authentication.
const OCI_CHALLENGE: &str = r#"Bearer realm="https://auth.example.com/token",service="registry.example.com",scope="repository:acme/app:pull""#;

/// IAM's encoded reason for a denial: longer than `MAX_TEXT_LEN`, and kept whole.
const IAM_ENCODED: &str = concat!(
    "eyJkZW55IjoidHJ1ZSIsImFjdGlvbiI6InN3cjpyZXBvOmdldCIsInJlc291cmNlIjoic3dyOmNuLW5vcnRoLTQ6YWNtZTpyZXBvOmFwcCJ9",
    "eyJkZW55IjoidHJ1ZSIsImFjdGlvbiI6InN3cjpyZXBvOmdldCIsInJlc291cmNlIjoic3dyOmNuLW5vcnRoLTQ6YWNtZTpyZXBvOmFwcCJ9",
    "eyJkZW55IjoidHJ1ZSIsImFjdGlvbiI6InN3cjpyZXBvOmdldCIsInJlc291cmNlIjoic3dyOmNuLW5vcnRoLTQ6YWNtZTpyZXBvOmFwcCJ9",
    "eyJkZW55IjoidHJ1ZSIsImFjdGlvbiI6InN3cjpyZXBvOmdldCIsInJlc291cmNlIjoic3dyOmNuLW5vcnRoLTQ6YWNtZTpyZXBvOmFwcCJ9",
    "eyJkZW55IjoidHJ1ZSIsImFjdGlvbiI6InN3cjpyZXBvOmdldCIsInJlc291cmNlIjoic3dyOmNuLW5vcnRoLTQ6YWNtZTpyZXBvOmFwcCJ9",
    "eyJkZW55IjoidHJ1ZSIsImFjdGlvbiI6InN3cjpyZXBvOmdldCIsInJlc291cmNlIjoic3dyOmNuLW5vcnRoLTQ6YWNtZTpyZXBvOmFwcCJ9",
    "eyJkZW55IjoidHJ1ZSIsImFjdGlvbiI6InN3cjpyZXBvOmdldCIsInJlc291cmNlIjoic3dyOmNuLW5vcnRoLTQ6YWNtZTpyZXBvOmFwcCJ9",
    "eyJkZW55IjoidHJ1ZSIsImFjdGlvbiI6InN3cjpyZXBvOmdldCIsInJlc291cmNlIjoic3dyOmNuLW5vcnRoLTQ6YWNtZTpyZXBvOmFwcCJ9",
    "eyJkZW55IjoidHJ1ZSIsImFjdGlvbiI6InN3cjpyZXBvOmdldCIsInJlc291cmNlIjoic3dyOmNuLW5vcnRoLTQ6YWNtZTpyZXBvOmFwcCJ9",
    "eyJkZW55IjoidHJ1ZSIsImFjdGlvbiI6InN3cjpyZXBvOmdldCIsInJlc291cmNlIjoic3dyOmNuLW5vcnRoLTQ6YWNtZTpyZXBvOmFwcCJ9",
);

struct Server {
    base: String,
    client: reqwest::Client,
    huge: Arc<Huge>,
}

impl Server {
    async fn get(&self, path: &str) -> reqwest::Response {
        self.client
            .get(format!("{}{path}", self.base))
            .send()
            .await
            .unwrap()
    }

    async fn error(&self, path: &str) -> RemoteError {
        self.get(path)
            .await
            .error_for_swr()
            .await
            .expect_err("an error status")
    }
}

fn json(status: u16, extra: &[(&str, &str)], body: &str) -> Response {
    let mut response = (
        StatusCode::from_u16(status).unwrap(),
        [(header::CONTENT_TYPE, "application/json")],
        body.to_owned(),
    )
        .into_response();
    for (name, value) in extra {
        response.headers_mut().insert(
            HeaderName::from_bytes(name.as_bytes()).unwrap(),
            value.parse().unwrap(),
        );
    }
    response
}

async fn start() -> Server {
    let sent = Arc::new(AtomicUsize::new(0));
    let (done, dropped) = oneshot::channel();
    let huge = Arc::new(Huge {
        sent: Arc::clone(&sent),
        dropped: std::sync::Mutex::new(Some(dropped)),
    });
    let done = Arc::new(std::sync::Mutex::new(Some(done)));
    let in_an_hour = httpdate::fmt_http_date(SystemTime::now() + Duration::from_secs(3600));

    let app = Router::new()
        .route(
            "/ok",
            get(|| async { ([("x-request-id", "ok-1"), ("x-extra", "kept")], "all fine") }),
        )
        .route(
            "/legacy",
            get(|| async {
                SwrCode::ImageNotFound
                    .response()
                    .with_format(BodyFormat::Legacy)
                    .with_request_id("req-legacy")
            }),
        )
        .route(
            "/dual",
            get(|| async {
                SwrCode::OrganizationExists
                    .response()
                    .with_format(BodyFormat::Dual)
                    .with_request_id("req-dual")
            }),
        )
        .route(
            "/problem",
            get(|| async {
                let mut response = json(
                    404,
                    &[("x-request-id", "req-problem")],
                    r#"{"type":"about:blank","title":"The image does not exist.","status":404,"detail":"nginx:1.27","code":"SVCSTG.SWR.4040010","request_id":"req-problem"}"#,
                );
                response.headers_mut().insert(
                    header::CONTENT_TYPE,
                    "application/problem+json".parse().unwrap(),
                );
                response
            }),
        )
        .route(
            "/gateway",
            get(|| async {
                json(
                    404,
                    &[],
                    r#"{"error_code":"APIGW.0101","error_msg":"The API does not exist or has not been published in the environment.","request_id":"gw-7f3a"}"#,
                )
            }),
        )
        .route(
            "/oci/unauthorized",
            get(|| async {
                json(
                    401,
                    &[
                        ("www-authenticate", OCI_CHALLENGE),
                        ("docker-distribution-api-version", "registry/2.0"),
                    ],
                    r#"{"errors":[{"code":"UNAUTHORIZED","message":"authentication required","detail":[{"Type":"repository","Class":"","Name":"acme/app","Action":"pull"}]}]}"#,
                )
            }),
        )
        .route(
            "/oci/manifest",
            get(|| async {
                json(
                    404,
                    &[("docker-distribution-api-version", "registry/2.0")],
                    "{\"errors\":[{\"code\":\"MANIFEST_UNKNOWN\",\"message\":\"manifest unknown\",\"detail\":{\"Tag\":\"latest\"}}]}\n",
                )
            }),
        )
        .route(
            "/iam/denied",
            get(|| async {
                json(
                    403,
                    &[("x-request-id", "iam-1")],
                    &format!(
                        r#"{{"error_code":"SWR.0403","error_msg":"Policy doesn't allow swr:repo:get to be performed.","encoded_authorization_message":"{IAM_ENCODED}"}}"#
                    ),
                )
            }),
        )
        .route(
            "/html",
            get(|| async {
                (
                    StatusCode::BAD_GATEWAY,
                    [(header::CONTENT_TYPE, "text/html")],
                    "<html><body><h1>502 Bad Gateway</h1></body></html>\r\n",
                )
            }),
        )
        .route(
            "/surrogate",
            get(|| async {
                json(
                    404,
                    &[],
                    r#"[{"errorCode":"SVCSTG.SWR.4040010","errorMessage":"Image \ud83d","detail":""}]"#,
                )
            }),
        )
        .route(
            "/throttled",
            get(|| async {
                json(
                    429,
                    &[("retry-after", "7")],
                    &SwrCode::TooManyRequests.to_json(),
                )
            }),
        )
        .route(
            "/busy-until",
            get(move || {
                let date = in_an_hour.clone();
                async move {
                    json(
                        503,
                        &[("retry-after", date.as_str())],
                        &SwrCode::SystemBusy.to_json(),
                    )
                }
            }),
        )
        .route(
            "/busy-since",
            get(|| async {
                json(
                    503,
                    &[("retry-after", "Sun, 06 Nov 1994 08:49:37 GMT")],
                    "",
                )
            }),
        )
        .route(
            "/huge",
            get(move || {
                let (done, sent) = (Arc::clone(&done), Arc::clone(&sent));
                async move {
                let guard = OnDrop(done.lock().unwrap().take());
                let page = Bytes::from(vec![b'x'; CHUNK]);
                let chunks = std::iter::once(Bytes::from_static(b"<html><body>"))
                    .chain(std::iter::repeat_n(page, HUGE / CHUNK))
                    .map(move |chunk| {
                        let _owned_by_the_stream = &guard;
                        sent.fetch_add(chunk.len(), Ordering::SeqCst);
                        Ok::<_, Infallible>(chunk)
                    });
                (
                    StatusCode::INTERNAL_SERVER_ERROR,
                    [(header::CONTENT_TYPE, "text/html")],
                    Body::from_stream(futures_util::stream::iter(chunks)),
                )
                }
            }),
        );

    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    Server {
        base: format!("http://{addr}"),
        // No proxy from the environment: the server is on loopback.
        client: reqwest::Client::builder().no_proxy().build().unwrap(),
        huge,
    }
}

#[tokio::test]
async fn a_success_passes_untouched() {
    let server = start().await;
    let response = server.get("/ok").await.error_for_swr().await.unwrap();
    assert_eq!(response.status(), 200);
    assert_eq!(response.headers()["x-extra"], "kept");
    assert_eq!(response.text().await.unwrap(), "all fine");
}

#[tokio::test]
async fn the_legacy_array_comes_back_typed() {
    let server = start().await;
    let err = server.error("/legacy").await;
    assert_eq!(err.status(), 404);
    assert_eq!(err.known(), Some(SwrCode::ImageNotFound));
    assert_eq!(err.message(), "The image does not exist.");
    assert_eq!(err.request_id(), Some("req-legacy"));
    assert_eq!(err.entries().len(), 1);
    assert_eq!(err.retry_after(), None);
}

#[tokio::test]
async fn the_dual_object_comes_back_typed() {
    let server = start().await;
    let err = server.error("/dual").await;
    assert_eq!(err.status(), 409);
    assert_eq!(err.known(), Some(SwrCode::OrganizationExists));
    assert_eq!(err.message(), SwrCode::OrganizationExists.message());
    assert_eq!(err.request_id(), Some("req-dual"));
    assert_eq!(err.entries()[0].error_code, "SVCSTG.SWR.4090060");
}

#[tokio::test]
async fn the_problem_shape_comes_back_typed() {
    let server = start().await;
    let err = server.error("/problem").await;
    assert_eq!(err.status(), 404);
    assert_eq!(err.known(), Some(SwrCode::ImageNotFound));
    assert_eq!(err.message(), "The image does not exist.");
    assert_eq!(err.detail(), Some("nginx:1.27"));
    assert_eq!(err.request_id(), Some("req-problem"));
}

#[tokio::test]
async fn a_gateway_code_is_kept_with_the_body_s_request_id() {
    let server = start().await;
    let err = server.error("/gateway").await;
    assert_eq!(err.status(), 404);
    assert_eq!(err.code(), Some("APIGW.0101"));
    assert_eq!(err.known(), None);
    assert_eq!(
        err.message(),
        "The API does not exist or has not been published in the environment."
    );
    // No header: the id the gateway wrote in the body.
    assert_eq!(err.request_id(), Some("gw-7f3a"));
}

#[tokio::test]
async fn an_oci_401_keeps_its_challenge_and_structured_detail() {
    let server = start().await;
    let err = server.error("/oci/unauthorized").await;
    assert_eq!(err.status(), 401);
    assert_eq!(err.code(), Some("UNAUTHORIZED"));
    assert_eq!(err.message(), "authentication required");
    assert_eq!(
        err.detail(),
        Some(r#"[{"Action":"pull","Class":"","Name":"acme/app","Type":"repository"}]"#)
    );
    assert_eq!(err.www_authenticate(), Some(OCI_CHALLENGE));
    let err = server.error("/oci/manifest").await;
    assert_eq!(
        (err.code(), err.message(), err.detail()),
        (
            Some("MANIFEST_UNKNOWN"),
            "manifest unknown",
            Some(r#"{"Tag":"latest"}"#)
        )
    );
    assert_eq!(err.www_authenticate(), None);
}

#[tokio::test]
async fn an_iam_denial_keeps_its_encoded_message_whole() {
    let server = start().await;
    let err = server.error("/iam/denied").await;
    assert_eq!(err.status(), 403);
    assert_eq!(err.code(), Some("SWR.0403"));
    assert_eq!(err.request_id(), Some("iam-1"));
    assert!(IAM_ENCODED.len() > RemoteError::MAX_TEXT_LEN);
    assert_eq!(err.encoded_authorization_message(), Some(IAM_ENCODED));
}

#[tokio::test]
async fn an_html_page_is_the_message() {
    let server = start().await;
    let err = server.error("/html").await;
    assert_eq!(err.status(), 502);
    assert_eq!(err.code(), None);
    assert_eq!(
        err.message(),
        "<html><body><h1>502 Bad Gateway</h1></body></html>"
    );
    assert_eq!(err.retry_kind(), Some(swr_errors::RetryKind::ServerError));
}

#[tokio::test]
async fn a_lone_surrogate_over_the_wire_keeps_the_code() {
    let server = start().await;
    let err = server.error("/surrogate").await;
    assert_eq!(err.known(), Some(SwrCode::ImageNotFound));
    assert_eq!(err.message(), "Image \u{fffd}");
}

#[tokio::test]
async fn retry_after_in_delta_seconds() {
    let server = start().await;
    let err = server.error("/throttled").await;
    assert_eq!(err.known(), Some(SwrCode::TooManyRequests));
    assert_eq!(err.retry_kind(), Some(swr_errors::RetryKind::Throttled));
    assert_eq!(err.retry_after(), Some(Duration::from_secs(7)));
}

#[tokio::test]
async fn retry_after_as_an_http_date() {
    let server = start().await;
    let err = server.error("/busy-until").await;
    assert_eq!(err.known(), Some(SwrCode::SystemBusy));
    let wait = err.retry_after().expect("a Retry-After date");
    // An hour from when the server wrote it, to the second the date carries.
    assert!(
        wait <= Duration::from_secs(3600) && wait >= Duration::from_secs(3500),
        "{wait:?}"
    );
    let err = server.error("/busy-since").await;
    assert_eq!(err.retry_after(), Some(Duration::ZERO));
    assert_eq!(err.retry_kind(), Some(swr_errors::RetryKind::Busy));
}

#[tokio::test]
async fn from_reqwest_reads_any_response_and_agrees_with_error_for_swr() {
    let server = start().await;
    for path in [
        "/legacy",
        "/dual",
        "/problem",
        "/gateway",
        "/html",
        "/throttled",
    ] {
        let read = RemoteError::from_reqwest(server.get(path).await).await;
        assert_eq!(read, server.error(path).await, "{path}");
    }
    // A success read as an error: its status, and its body as the message.
    let read = RemoteError::from_reqwest(server.get("/ok").await).await;
    assert_eq!((read.status(), read.message()), (200, "all fine"));
    assert_eq!(read.request_id(), Some("ok-1"));
}

#[tokio::test]
async fn a_huge_error_page_is_not_read_whole() {
    let server = start().await;
    let err = server.error("/huge").await;
    assert_eq!(err.status(), 500);
    assert_eq!(err.code(), None);
    assert_eq!(err.message().len(), RemoteError::MAX_TEXT_LEN);
    assert!(err.message().starts_with("<html><body>xxx"));

    // The client has dropped the response: the server's body stream ends early.
    drop(server.client);
    let dropped = server.huge.dropped.lock().unwrap().take().unwrap();
    tokio::time::timeout(Duration::from_secs(30), dropped)
        .await
        .expect("the server stopped sending")
        .unwrap();
    let sent = server.huge.sent.load(Ordering::SeqCst);
    eprintln!("the server handed {sent} bytes of {HUGE} to the connection");
    // What was read (64 KiB and a chunk), plus what the sockets buffered before the client
    // closed: the server's send buffer (Linux's default cap, tcp_wmem, is 4 MiB) and the client's
    // receive window, which grows only as fast as the client reads.
    assert!(sent < HUGE / 4, "{sent} bytes sent of {HUGE}");
}

/// Both futures can be spawned on a multi-threaded runtime: this fails to compile otherwise.
#[allow(dead_code)]
fn the_futures_are_send(response: reqwest::Response, other: reqwest::Response) {
    fn send<T: Send>(_: &T) {}
    send(&RemoteError::from_reqwest(response));
    send(&other.error_for_swr());
}
