//! `swr_errors::axum::SwrLayer` against the app without it, in the same run, each request driven
//! through the whole `Router` (routing, handler, `IntoResponse`, the layer) with tower's
//! `oneshot` on a current-thread runtime, with the headers curl sends and no `X-Request-Id` (so
//! the layer generates one):
//!
//! - `layer/success`: a handler answering `200 "ok"`, through the router `without` the layer and
//!   `with` it (request id generated and set, format negotiated, the response passed on).
//!   Target: `with` at most 5% above `without`.
//! - `layer/error`: a 404 error. `status_json` is what a handler writes by hand without the
//!   crate, `(StatusCode::NOT_FOUND, Json([Entry { .. }]))`, with no layer; `swr_legacy` returns
//!   `Err(SwrCode::ImageNotFound)` through the layer (Legacy, the default: the body is written
//!   once); `swr_dual` the same through a layer whose default is Dual (the body rewritten from
//!   the record). Target: no slower than `status_json`.
//!
//! Before measuring, each pair is checked to answer alike (status, content type, body).
//! Run: `cargo bench -p swr-errors-benches --bench layer`.

use std::hint::black_box;

use axum::body::Body;
use axum::http::{Request, StatusCode};
use axum::response::Response;
use axum::routing::get;
use axum::{Json, Router};
use criterion::{criterion_group, criterion_main, Criterion};
use http_body_util::BodyExt;
use swr_errors::axum::SwrLayer;
use swr_errors::{BodyFormat, SwrCode, SwrError};
use tower::ServiceExt;

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

/// A request as curl sends it: with the headers any client sends (the same for both sides), so
/// the map the layer adds `X-Request-Id` to exists, as it does for a request hyper parsed.
fn request() -> Request<Body> {
    Request::get("/r")
        .header("host", "127.0.0.1:8080")
        .header("user-agent", "curl/8.5.0")
        .header("accept", "*/*")
        .body(Body::empty())
        .unwrap()
}

async fn send(app: &Router) -> Response {
    app.clone().oneshot(request()).await.unwrap()
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
    group.finish();
}

criterion_group!(benches, layer);
criterion_main!(benches);
