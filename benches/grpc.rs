//! The two ends of a gRPC error, over all 188 codes of the catalogue (feature `tonic`):
//!
//! - `tonic/into_status`: `tonic::Status::from(code)` (gRPC code by the mapping table, message,
//!   `ErrorInfo` with `httpStatus`, `RetryInfo` for the codes with a retry kind) against what a
//!   tonic user writes by hand: the same rich status built with tonic-types from the row
//!   (`ErrorInfo` only, since a hand-written table has no retry kinds), and, as the floor, a plain
//!   `Status::new(code, message)` with no details at all.
//! - `tonic/from_status`: `RemoteError::from_status` on those statuses against reading them by
//!   hand with tonic-types (`get_error_details`, then the reason, message and `httpStatus` copied
//!   into owned strings).
//!
//! Before measuring, the two sides are checked to agree (`cargo test` runs this file for that).
//! Run: `cargo bench --bench grpc`.

use std::collections::HashMap;
use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use swr_errors::tonic::grpc_code;
use swr_errors::{RemoteError, SwrCode, SwrError};
use tonic::{Code, Status};
use tonic_types::{ErrorDetails, StatusExt};

mod generated {
    include!(concat!(env!("OUT_DIR"), "/rows.rs"));
}

use generated::ROWS;

/// A hand-written status table, as a tonic user maps statuses today.
fn hand_code(status: u16) -> Code {
    match status {
        400 | 413 => Code::InvalidArgument,
        401 => Code::Unauthenticated,
        403 => Code::PermissionDenied,
        404 => Code::NotFound,
        406 => Code::FailedPrecondition,
        409 => Code::AlreadyExists,
        429 | 507 => Code::ResourceExhausted,
        503 => Code::Unavailable,
        _ => Code::Internal,
    }
}

fn hand_rich(row: &(&'static str, u16, &'static str)) -> Status {
    let metadata = HashMap::from([("httpStatus".to_owned(), row.1.to_string())]);
    let details = ErrorDetails::with_error_info(row.0, "swr-errors", metadata);
    Status::with_error_details(hand_code(row.1), row.2, details)
}

fn hand_plain(row: &(&'static str, u16, &'static str)) -> Status {
    Status::new(hand_code(row.1), row.2)
}

/// What a client reading the rich model by hand keeps: the code, the message, the HTTP status.
fn hand_read(status: &Status) -> (Option<String>, String, Option<String>) {
    let details = status.get_error_details();
    let info = details.error_info();
    (
        info.map(|info| info.reason.clone()),
        status.message().to_owned(),
        info.and_then(|info| info.metadata.get("httpStatus").cloned()),
    )
}

fn check_agree(statuses: &[Status]) {
    // The seed's rows: `SwrCode::ALL` then has the codes the current table adds.
    assert_eq!(ROWS.len(), SwrCode::ALL.len() - SwrCode::ADDED_AFTER_SEED);
    for ((row, value), status) in ROWS.iter().zip(SwrCode::ALL).zip(statuses) {
        let theirs = hand_rich(row);
        assert_eq!(status.message(), theirs.message());
        // The hand-written table has no retry kinds: it differs exactly on the busy and throttled
        // codes.
        if value.retry_kind().is_none() || value.status() >= 500 {
            assert_eq!(status.code(), theirs.code(), "{}", row.0);
        }
        assert_eq!(status.code(), grpc_code(value));
        let remote = RemoteError::from_status(status);
        let (code, message, http) = hand_read(&theirs);
        assert_eq!(remote.code(), code.as_deref());
        assert_eq!(remote.message(), message);
        assert_eq!(Some(remote.status().to_string()), http);
        assert_eq!(remote.known(), Some(*value));
    }
}

fn grpc(c: &mut Criterion) {
    let statuses: Vec<Status> = SwrCode::ALL
        .iter()
        .map(|code| Status::from(*code))
        .collect();
    check_agree(&statuses);
    let elements = Throughput::Elements(ROWS.len() as u64);

    let mut group = c.benchmark_group("tonic/into_status");
    group.throughput(elements.clone());
    group.bench_function("swr", |b| {
        b.iter(|| {
            for value in black_box(SwrCode::ALL) {
                black_box(Status::from(black_box(*value)));
            }
        });
    });
    group.bench_function("hand_rich", |b| {
        b.iter(|| {
            for row in black_box(&ROWS) {
                black_box(hand_rich(black_box(row)));
            }
        });
    });
    group.bench_function("hand_plain", |b| {
        b.iter(|| {
            for row in black_box(&ROWS) {
                black_box(hand_plain(black_box(row)));
            }
        });
    });
    group.finish();

    let hand_statuses: Vec<Status> = ROWS.iter().map(hand_rich).collect();
    let mut group = c.benchmark_group("tonic/from_status");
    group.throughput(elements);
    group.bench_function("swr", |b| {
        b.iter(|| {
            for status in black_box(&statuses) {
                black_box(RemoteError::from_status(black_box(status)));
            }
        });
    });
    group.bench_function("hand_read", |b| {
        b.iter(|| {
            for status in black_box(&hand_statuses) {
                black_box(hand_read(black_box(status)));
            }
        });
    });
    group.finish();
}

criterion_group!(benches, grpc);
criterion_main!(benches);
