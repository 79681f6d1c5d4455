//! `swr_errors::axum::SwrLayer` against the app without it, in the same run, each request driven
//! through the whole `Router` (routing, handler, `IntoResponse`, the layer) with tower's
//! `oneshot` on a current-thread runtime, with the headers curl sends and no `X-Request-Id` (so
//! the layer generates one):
//!
//! - `layer/success`: a handler answering `200 "ok"`, through the router `without` the layer and
//!   `with` it (request id generated and set, format negotiated, the response passed on).
//!   Target: `with` at most 5% above `without`. `*_client_id`: the same with the client's own
//!   `X-Request-Id`, which the layer echoes instead of generating one. `wrapping_the_router`:
//!   the layer around the whole `Router` as one service (`SwrLayer::new().layer(router)`)
//!   rather than through `Router::layer`, which wraps each route in a boxed service of its own.
//!   `noop_layer`: tower's `Identity` through `Router::layer`, what that re-boxing costs alone.
//!   `one_fixed_id`: the least a layer that keeps the first promise (an `X-Request-Id` on every
//!   request and response) can do, around the whole router: one constant id, inserted into the
//!   request's headers and the response's, nothing generated, negotiated or caught. Not a
//!   contestant of a target: the floor under `wrapping_the_router`.
//! - `layer/error`: a 404 error. `status_json` is what a handler writes by hand without the
//!   crate, `(StatusCode::NOT_FOUND, Json([Entry { .. }]))`, with no layer; `swr_legacy` returns
//!   `Err(SwrCode::ImageNotFound)` through the layer (Legacy, the default); `swr_dual` the same
//!   through a layer whose default is Dual (either way the body is written once, in the
//!   request's format, while the layer polls the handler); `swr_legacy_wrapping_the_router` with
//!   the layer around the whole router.
//!   Target: no slower than `status_json`. `status_json_request_ids` is the same handler with
//!   what the layer's first promise costs an app without this crate: tower-http's
//!   `SetRequestId` (a UUID per request) and `PropagateRequestId` around the whole router, so
//!   its response carries `X-Request-Id` as the layer's does. Not a target: the like-for-like
//!   comparison, for the share of the error target that is the header itself.
//!   `status_json_one_fixed_id`: the same handler under `one_fixed_id`'s floor.
//!
//! - `layer/socket`: the same success and error pairs as a service meets them, over a real
//!   loopback socket: `axum::serve` on a current-thread runtime of its own thread, a blocking
//!   HTTP/1.1 client on one keep-alive connection that pipelines 32 requests per round trip (a
//!   minimal client, so the server's share of the time is as large as it can be, and the
//!   threads' wake-ups, which alone vary by tens of microseconds with the machine's load, are
//!   shared by the batch); time per response. Targets: success `with` at most 5% above
//!   `without`; error `swr_legacy` no slower than `status_json`; `error_status_json_request_ids`
//!   as in `layer/error`; `success_one_fixed_id` and `error_status_json_one_fixed_id`, the floor
//!   as in `layer/success` and `layer/error`.
//!
//! Before measuring, each pair is checked to answer alike (status, content type, body).
//! Run: `cargo bench -p swr-errors-benches --bench layer`; the targets as ratios over
//! alternating rounds: `python3 scripts/layer_ratios.py`.

use std::hint::black_box;

use axum::body::Body;
use axum::http::{HeaderName, HeaderValue, Request, StatusCode};
use axum::response::Response;
use axum::routing::get;
use axum::serve::ListenerExt;
use axum::{Json, Router};
use criterion::{criterion_group, criterion_main, Criterion};
use http_body_util::BodyExt;
use swr_errors::axum::SwrLayer;
use swr_errors::{BodyFormat, SwrCode, SwrError};
use tower::{Layer, ServiceExt};
use tower_http::request_id::{
    MakeRequestUuid, PropagateRequestId, PropagateRequestIdLayer, SetRequestId, SetRequestIdLayer,
};

#[path = "support/serde_entry.rs"]
mod serde_entry;

use serde_entry::Entry;

async fn ok() -> &'static str {
    "ok"
}

async fn swr_error() -> Result<&'static str, SwrCode> {
    Err(SwrCode::ImageNotFound)
}

async fn hand_written() -> (StatusCode, Json<[Entry<'static>; 1]>) {
    (
        StatusCode::NOT_FOUND,
        Json([Entry {
            error_code: "SVCSTG.SWR.4040010",
            error_message: "The image does not exist.",
            detail: "",
        }]),
    )
}

/// `app` with request ids as tower-http gives them: a UUID set on each request that has none,
/// and copied to its response.
fn with_request_ids<S>(app: S) -> RequestIds<S> {
    tower::ServiceBuilder::new()
        .layer(SetRequestIdLayer::x_request_id(MakeRequestUuid))
        .layer(PropagateRequestIdLayer::x_request_id())
        .service(app)
}

type RequestIds<S> = SetRequestId<PropagateRequestId<S>, MakeRequestUuid>;

/// `app` with the least work that puts an `X-Request-Id` on every request and response: one
/// constant header value (a clone of it copies no bytes), inserted into both header maps.
fn with_one_fixed_id<S>(app: S) -> OneFixedId<S> {
    tower::ServiceBuilder::new()
        .map_request(set_fixed_id as fn(Request<Body>) -> Request<Body>)
        .map_response(set_fixed_id as fn(Response) -> Response)
        .service(app)
}

type OneFixedId<S> = tower::util::MapRequest<
    tower::util::MapResponse<S, fn(Response) -> Response>,
    fn(Request<Body>) -> Request<Body>,
>;

/// What a request-id layer does to the request and to its response, at the least.
fn set_fixed_id<B>(mut message: B) -> B
where
    B: HasHeaders,
{
    // Both made at compile time: no name is parsed, no value checked, per request.
    const NAME: HeaderName = HeaderName::from_static("x-request-id");
    const FIXED: HeaderValue = HeaderValue::from_static("4d0e9c3a5b2f41d7a6c8e1f0b3d5a7c9");
    message.headers_mut().insert(NAME, FIXED);
    message
}

/// A request or a response: what has headers.
trait HasHeaders {
    fn headers_mut(&mut self) -> &mut axum::http::HeaderMap;
}

impl<T> HasHeaders for Request<T> {
    fn headers_mut(&mut self) -> &mut axum::http::HeaderMap {
        Request::headers_mut(self)
    }
}

impl<T> HasHeaders for axum::http::Response<T> {
    fn headers_mut(&mut self) -> &mut axum::http::HeaderMap {
        axum::http::Response::headers_mut(self)
    }
}

/// A request as curl sends it: with the headers any client sends (the same for both sides), so
/// the map the layer adds `X-Request-Id` to exists, as it does for a request hyper parsed.
fn request() -> Request<Body> {
    request_with(None)
}

/// The same request, with the client's own `X-Request-Id` when given.
fn request_with(id: Option<&'static str>) -> Request<Body> {
    let mut request = Request::get("/r")
        .header("host", "127.0.0.1:8080")
        .header("user-agent", "curl/8.5.0")
        .header("accept", "*/*");
    if let Some(id) = id {
        request = request.header("x-request-id", id);
    }
    request.body(Body::empty()).unwrap()
}

/// One request through `app`: a router, or the layer around one.
async fn send<S>(app: &S) -> Response
where
    S: tower::Service<Request<Body>, Response = Response, Error = std::convert::Infallible> + Clone,
{
    app.clone().oneshot(request()).await.unwrap()
}

async fn send_with_id(app: &Router) -> Response {
    let id = Some("4d0e9c3a5b2f41d7a6c8e1f0b3d5a7c9");
    app.clone().oneshot(request_with(id)).await.unwrap()
}

async fn read(app: &Router) -> (u16, String, serde_json::Value) {
    let response = send(app).await;
    let status = response.status().as_u16();
    let content_type = response.headers()["content-type"]
        .to_str()
        .unwrap()
        .to_owned();
    let body = response.into_body().collect().await.unwrap().to_bytes();
    let body = serde_json::from_slice(&body).unwrap_or(serde_json::Value::Null);
    (status, content_type, body)
}

fn layer(c: &mut Criterion) {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .build()
        .unwrap();
    let success_without = Router::new().route("/r", get(ok));
    let success_with = Router::new().route("/r", get(ok)).layer(SwrLayer::new());
    let status_json = Router::new().route("/r", get(hand_written));
    let swr_legacy = Router::new()
        .route("/r", get(swr_error))
        .layer(SwrLayer::new());
    let swr_dual = Router::new()
        .route("/r", get(swr_error))
        .layer(SwrLayer::new().default_format(BodyFormat::Dual));

    runtime.block_on(async {
        let plain = send(&success_without).await;
        let layered = send(&success_with).await;
        assert_eq!(plain.status(), layered.status());
        assert!(layered.headers().contains_key("x-request-id"));
        let (status, content_type, body) = read(&status_json).await;
        assert_eq!(
            read(&swr_legacy).await,
            (status, content_type.clone(), body.clone())
        );
        let (dual_status, dual_type, dual) = read(&swr_dual).await;
        assert_eq!((dual_status, dual_type), (status, content_type));
        assert_eq!(dual["errors"], body);
        assert_eq!(dual["error_code"], SwrCode::ImageNotFound.code());
    });

    let mut group = c.benchmark_group("layer/success");
    for (name, app) in [("without", &success_without), ("with", &success_with)] {
        group.bench_function(name, |b| {
            b.iter(|| runtime.block_on(async { black_box(send(black_box(app)).await) }));
        });
    }
    // What `Router::layer` costs by itself: a layer that does nothing (tower's `Identity`),
    // through which every route is still re-boxed. The share of `with` that no layer can avoid.
    let noop = Router::new()
        .route("/r", get(ok))
        .layer(tower::layer::util::Identity::new());
    group.bench_function("noop_layer", |b| {
        b.iter(|| runtime.block_on(async { black_box(send(black_box(&noop)).await) }));
    });
    // The layer around the whole router, as one service, instead of `Router::layer`, which
    // wraps every route (and the fallback) in its own boxed service.
    let wrapped = SwrLayer::new().layer(Router::new().route("/r", get(ok)));
    group.bench_function("wrapping_the_router", |b| {
        b.iter(|| runtime.block_on(async { black_box(send(black_box(&wrapped)).await) }));
    });
    let fixed = with_one_fixed_id(Router::new().route("/r", get(ok)));
    runtime.block_on(async {
        assert_eq!(send(&fixed).await.headers()["x-request-id"].len(), 32);
    });
    group.bench_function("one_fixed_id", |b| {
        b.iter(|| runtime.block_on(async { black_box(send(black_box(&fixed)).await) }));
    });
    // The client sends its own id: the layer echoes it instead of generating one.
    for (name, app) in [
        ("without_client_id", &success_without),
        ("with_client_id", &success_with),
    ] {
        group.bench_function(name, |b| {
            b.iter(|| runtime.block_on(async { black_box(send_with_id(black_box(app)).await) }));
        });
    }
    group.finish();

    let mut group = c.benchmark_group("layer/error");
    for (name, app) in [
        ("status_json", &status_json),
        ("swr_legacy", &swr_legacy),
        ("swr_dual", &swr_dual),
    ] {
        group.bench_function(name, |b| {
            b.iter(|| runtime.block_on(async { black_box(send(black_box(app)).await) }));
        });
    }
    let wrapped = SwrLayer::new().layer(Router::new().route("/r", get(swr_error)));
    runtime.block_on(async {
        assert_eq!(send(&wrapped).await.status(), StatusCode::NOT_FOUND);
    });
    group.bench_function("swr_legacy_wrapping_the_router", |b| {
        b.iter(|| runtime.block_on(async { black_box(send(black_box(&wrapped)).await) }));
    });
    let request_ids = with_request_ids(Router::new().route("/r", get(hand_written)));
    runtime.block_on(async {
        let response = send(&request_ids).await;
        assert_eq!(response.status(), StatusCode::NOT_FOUND);
        assert_eq!(response.headers()["x-request-id"].len(), 36);
    });
    group.bench_function("status_json_request_ids", |b| {
        b.iter(|| runtime.block_on(async { black_box(send(black_box(&request_ids)).await) }));
    });
    let fixed = with_one_fixed_id(Router::new().route("/r", get(hand_written)));
    runtime.block_on(async {
        let response = send(&fixed).await;
        assert_eq!(response.status(), StatusCode::NOT_FOUND);
        assert_eq!(response.headers()["x-request-id"].len(), 32);
    });
    group.bench_function("status_json_one_fixed_id", |b| {
        b.iter(|| runtime.block_on(async { black_box(send(black_box(&fixed)).await) }));
    });
    group.finish();
}

/// A blocking HTTP/1.1 client on one keep-alive connection to a server of its own thread.
struct Connection {
    stream: std::net::TcpStream,
    /// `BATCH` requests, one after another.
    requests: Vec<u8>,
    buffer: Vec<u8>,
}

impl Connection {
    /// Serves `app` on a free loopback port, on a current-thread runtime of a new thread, and
    /// connects to it.
    fn serve(app: Router) -> Connection {
        Connection::serve_service(app)
    }

    /// The same for any service an app can be: a router, or a layer around one.
    fn serve_service<S>(app: S) -> Connection
    where
        S: tower::Service<Request<Body>, Response = Response, Error = std::convert::Infallible>
            + Clone
            + Send
            + 'static,
        S::Future: Send,
    {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        let address = listener.local_addr().unwrap();
        listener.set_nonblocking(true).unwrap();
        std::thread::spawn(move || {
            let runtime = tokio::runtime::Builder::new_current_thread()
                .enable_io()
                .build()
                .unwrap();
            runtime.block_on(async move {
                let listener =
                    tokio::net::TcpListener::from_std(listener)
                        .unwrap()
                        .tap_io(|stream| {
                            let _ = stream.set_nodelay(true);
                        });
                axum::serve(listener, axum::ServiceExt::into_make_service(app))
                    .await
                    .unwrap();
            });
        });
        let stream = std::net::TcpStream::connect(address).unwrap();
        stream.set_nodelay(true).unwrap();
        const REQUEST: &[u8] =
            b"GET /r HTTP/1.1\r\nhost: 127.0.0.1\r\nuser-agent: curl/8.5.0\r\naccept: */*\r\n\r\n";
        Connection {
            stream,
            requests: REQUEST.repeat(BATCH),
            buffer: Vec::with_capacity(16384),
        }
    }

    /// One round trip of `BATCH` requests as curl sends them, pipelined in one write (HTTP/1.1
    /// keep-alive: the server answers them in order), and every response read whole: what one
    /// response costs the server, with the threads' wake-ups shared by the batch. The status and
    /// body of the last response.
    fn round_trip(&mut self) -> (u16, &[u8]) {
        use std::io::Write;

        self.stream.write_all(&self.requests).unwrap();
        self.buffer.clear();
        let mut chunk = [0u8; 16384];
        let mut start = 0;
        let mut last = (0, 0..0);
        for _ in 0..BATCH {
            let (head, length) = loop {
                if let Some(end) = head_end(&self.buffer[start..]) {
                    let end = start + end;
                    break (end + 4, content_length(&self.buffer[start..end]));
                }
                self.read_more(&mut chunk);
            };
            while self.buffer.len() < head + length {
                self.read_more(&mut chunk);
            }
            let status = std::str::from_utf8(&self.buffer[start + 9..start + 12])
                .unwrap()
                .parse()
                .unwrap();
            last = (status, head..head + length);
            start = head + length;
        }
        assert_eq!(start, self.buffer.len(), "more responses than requests");
        (last.0, &self.buffer[last.1])
    }

    fn read_more(&mut self, chunk: &mut [u8]) {
        use std::io::Read;

        let read = self.stream.read(chunk).unwrap();
        assert!(read > 0, "the server closed the connection");
        self.buffer.extend_from_slice(&chunk[..read]);
    }
}

/// The requests of one socket round trip.
const BATCH: usize = 32;

/// The end of a response head (the offset of its blank line's `\r\n\r\n`): a scan for each
/// `\n`, cheap per byte, so that an extra header costs the client little and the comparison
/// measures the server.
fn head_end(bytes: &[u8]) -> Option<usize> {
    let mut from = 3;
    while let Some(offset) = bytes.get(from..)?.iter().position(|&byte| byte == b'\n') {
        let at = from + offset;
        if &bytes[at - 3..=at] == b"\r\n\r\n" {
            return Some(at - 3);
        }
        from = at + 1;
    }
    None
}

/// The `Content-Length` of a response head (axum sends one, in lower case, for these bodies).
fn content_length(head: &[u8]) -> usize {
    const NAME: &[u8] = b"content-length: ";
    let value = head
        .split(|&byte| byte == b'\n')
        .find_map(|line| line.strip_prefix(NAME))
        .expect("a Content-Length");
    value
        .iter()
        .take_while(|byte| byte.is_ascii_digit())
        .fold(0, |length, &digit| length * 10 + usize::from(digit - b'0'))
}

fn socket(c: &mut Criterion) {
    let mut success_without = Connection::serve(Router::new().route("/r", get(ok)));
    let mut success_with =
        Connection::serve(Router::new().route("/r", get(ok)).layer(SwrLayer::new()));
    let mut status_json = Connection::serve(Router::new().route("/r", get(hand_written)));
    let mut success_wrapping =
        Connection::serve_service(SwrLayer::new().layer(Router::new().route("/r", get(ok))));
    let mut swr_legacy_wrapping =
        Connection::serve_service(SwrLayer::new().layer(Router::new().route("/r", get(swr_error))));
    let mut status_json_request_ids = Connection::serve_service(with_request_ids(
        Router::new().route("/r", get(hand_written)),
    ));
    let mut success_one_fixed_id =
        Connection::serve_service(with_one_fixed_id(Router::new().route("/r", get(ok))));
    let mut status_json_one_fixed_id = Connection::serve_service(with_one_fixed_id(
        Router::new().route("/r", get(hand_written)),
    ));
    let mut swr_legacy = Connection::serve(
        Router::new()
            .route("/r", get(swr_error))
            .layer(SwrLayer::new()),
    );
    assert_eq!(success_without.round_trip(), (200, &b"ok"[..]));
    assert_eq!(success_with.round_trip(), (200, &b"ok"[..]));
    let (status, body) = status_json.round_trip();
    let expected = (status, body.to_vec());
    let (status, body) = swr_legacy.round_trip();
    assert_eq!((status, body.to_vec()), expected);
    assert_eq!(success_wrapping.round_trip(), (200, &b"ok"[..]));
    let (status, body) = swr_legacy_wrapping.round_trip();
    assert_eq!((status, body.to_vec()), expected);
    let (status, body) = status_json_request_ids.round_trip();
    assert_eq!((status, body.to_vec()), expected);
    assert_eq!(success_one_fixed_id.round_trip(), (200, &b"ok"[..]));
    let (status, body) = status_json_one_fixed_id.round_trip();
    assert_eq!((status, body.to_vec()), expected);

    let mut group = c.benchmark_group("layer/socket");
    group.throughput(criterion::Throughput::Elements(BATCH as u64));
    for (name, connection) in [
        ("success_without", &mut success_without),
        ("success_with", &mut success_with),
        ("error_status_json", &mut status_json),
        ("error_swr_legacy", &mut swr_legacy),
        ("success_wrapping_the_router", &mut success_wrapping),
        (
            "error_swr_legacy_wrapping_the_router",
            &mut swr_legacy_wrapping,
        ),
        (
            "error_status_json_request_ids",
            &mut status_json_request_ids,
        ),
        ("success_one_fixed_id", &mut success_one_fixed_id),
        (
            "error_status_json_one_fixed_id",
            &mut status_json_one_fixed_id,
        ),
    ] {
        group.bench_function(name, |b| {
            b.iter(|| black_box(connection.round_trip().0));
        });
    }
    group.finish();
}

criterion_group!(benches, layer, socket);
criterion_main!(benches);
