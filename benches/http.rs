//! The two ends of an HTTP exchange, over all 188 codes of the catalogue:
//!
//! - `axum/into_response`: `IntoResponse` of a catalogue error (feature `axum`) against what a
//!   handler writes by hand, `(StatusCode, Json(body))` with an equivalent
//!   `#[derive(Serialize)]` struct. Both build a complete `axum::response::Response` (status,
//!   `Content-Type: application/json`, body); it is dropped inside the measurement.
//! - `remote/from_response`: `RemoteError::from_response` on the legacy body
//!   `[{"errorCode":…,"errorMessage":…,"detail":""}]` against `serde_json::from_slice` of the
//!   same bytes into `Vec<Entry>` of an equivalent `#[derive(Deserialize)]` struct with owned
//!   strings. `RemoteError` does more (it accepts every body shape, never fails, and looks the
//!   code up in the catalogue); the comparison is what a client that knows the shape would write.
//!
//! Before measuring, the two sides are checked to agree (`cargo test` runs this file for that).
//! Run: `cargo bench --bench http`.

use std::hint::black_box;

use axum::http::StatusCode;
use axum::response::IntoResponse;
use axum::Json;
use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use serde::Deserialize;
use swr_errors::{RemoteError, SwrCode, SwrError};

mod generated {
    include!(concat!(env!("OUT_DIR"), "/rows.rs"));
}

use generated::ROWS;

#[path = "support/serde_entry.rs"]
mod serde_entry;

use serde_entry::Entry;

#[derive(Debug, Deserialize)]
struct OwnedEntry {
    #[serde(rename = "errorCode")]
    error_code: String,
    #[serde(rename = "errorMessage")]
    error_message: String,
    #[serde(default)]
    detail: String,
}

fn hand_written(row: &(&'static str, u16, &'static str)) -> axum::response::Response {
    let status = StatusCode::from_u16(row.1).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    let body = [Entry {
        error_code: row.0,
        error_message: row.2,
        detail: "",
    }];
    (status, Json(body)).into_response()
}

fn check_agree(bodies: &[(u16, Vec<u8>)]) {
    // The seed's rows: `SwrCode::ALL` then has the codes the current table adds.
    assert_eq!(ROWS.len(), SwrCode::ALL.len() - SwrCode::ADDED_AFTER_SEED);
    for (row, value) in ROWS.iter().zip(SwrCode::ALL) {
        let ours = value.into_response();
        let theirs = hand_written(row);
        assert_eq!(ours.status(), theirs.status());
        assert_eq!(
            ours.headers()["content-type"],
            theirs.headers()["content-type"]
        );
    }
    for ((status, body), value) in bodies.iter().zip(SwrCode::ALL) {
        let remote = RemoteError::from_response(*status, body);
        let parsed: Vec<OwnedEntry> = serde_json::from_slice(body).unwrap();
        assert_eq!(remote.code(), Some(parsed[0].error_code.as_str()));
        assert_eq!(remote.message(), parsed[0].error_message);
        assert_eq!(parsed[0].detail, "");
        assert_eq!(remote.known(), Some(*value));
    }
}

fn http(c: &mut Criterion) {
    let bodies: Vec<(u16, Vec<u8>)> = SwrCode::ALL
        .iter()
        .map(|code| (code.status(), code.to_json().into_bytes()))
        .collect();
    check_agree(&bodies);
    let elements = Throughput::Elements(ROWS.len() as u64);

    let mut group = c.benchmark_group("axum/into_response");
    group.throughput(elements.clone());
    group.bench_function("swr", |b| {
        b.iter(|| {
            for value in black_box(SwrCode::ALL) {
                black_box(black_box(*value).into_response());
            }
        });
    });
    group.bench_function("status_json", |b| {
        b.iter(|| {
            for row in black_box(&ROWS) {
                black_box(hand_written(black_box(row)));
            }
        });
    });
    group.finish();

    let mut group = c.benchmark_group("remote/from_response");
    group.throughput(elements);
    group.bench_function("swr", |b| {
        b.iter(|| {
            for (status, body) in black_box(&bodies) {
                black_box(RemoteError::from_response(*status, black_box(body)));
            }
        });
    });
    group.bench_function("serde_from_slice", |b| {
        b.iter(|| {
            for (_, body) in black_box(&bodies) {
                black_box(serde_json::from_slice::<Vec<OwnedEntry>>(black_box(body)).unwrap());
            }
        });
    });
    group.finish();
}

criterion_group!(benches, http);
criterion_main!(benches);
