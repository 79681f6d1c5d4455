//! Writing the JSON error body, `[{"errorCode":…,"errorMessage":…,"detail":…}]`: `swr-errors`'
//! `write_json` into a reused buffer against `serde_json` on an equivalent
//! `#[derive(Serialize)]` struct, over all 188 codes of the catalogue.
//!
//! Groups: `body/empty_detail` (the `SwrCode` values, detail `""`), `body/plain_detail` and
//! `body/escaped_detail` (a `#[derive(SwrError)]` enum of the same 188 codes whose variants carry
//! a `#[swr(detail)]` field, the detail needing no escapes and several). Contestants:
//!
//! - `swr`: `write_json` into a `String` cleared and reused;
//! - `serde_to_writer`: `serde_json::to_writer` into a `Vec<u8>` cleared and reused;
//! - `serde_to_vec`: `serde_json::to_vec`, a new `Vec` each time (what handlers usually write).
//!
//! Before measuring, every output is checked to be byte-identical to `serde_json`'s for the same
//! body (`cargo test` runs this file for that). Run: `cargo bench --bench body`.

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use swr_errors::{SwrCode, SwrError};

mod generated {
    include!(concat!(env!("OUT_DIR"), "/rows.rs"));
    include!(concat!(env!("OUT_DIR"), "/detailed.rs"));
}

use generated::{detailed_all, Detailed, ROWS};

#[path = "support/serde_entry.rs"]
mod serde_entry;

use serde_entry::Entry;

/// The body of row `i` with `detail`, as a one-element array.
fn entry(row: &(&'static str, u16, &'static str), detail: &'static str) -> [Entry<'static>; 1] {
    [Entry {
        error_code: row.0,
        error_message: row.2,
        detail,
    }]
}

const PLAIN: &str = "layer sha256:9f86d081884c7d65 of library/nginx:1.27 is missing";
const ESCAPED: &str =
    "manifest \"library/nginx:1.27\" rejected:\n\tlayer 3 at C:\\layers\\3 is \"missing\"";

/// `swr-errors` writes what `serde_json` writes for the same body, byte for byte, for every code
/// and each detail measured.
fn check_byte_identical(detailed: &[(&'static str, [Detailed; 188])]) {
    // The seed's rows: `SwrCode::ALL` then has the codes the current table adds.
    assert_eq!(ROWS.len(), SwrCode::ALL.len() - SwrCode::ADDED_AFTER_SEED);
    let mut ours = String::new();
    for (row, value) in ROWS.iter().zip(SwrCode::ALL) {
        ours.clear();
        value.write_json(&mut ours);
        assert_eq!(ours, serde_json::to_string(&entry(row, "")).unwrap());
    }
    for (detail, values) in detailed {
        for (row, value) in ROWS.iter().zip(values) {
            ours.clear();
            value.write_json(&mut ours);
            assert_eq!(ours, serde_json::to_string(&entry(row, detail)).unwrap());
        }
    }
}

fn body(c: &mut Criterion) {
    let detailed = [
        (PLAIN, detailed_all(PLAIN)),
        (ESCAPED, detailed_all(ESCAPED)),
    ];
    check_byte_identical(&detailed);
    let elements = Throughput::Elements(ROWS.len() as u64);
    let mut text = String::with_capacity(512);
    let mut bytes = Vec::with_capacity(512);

    let mut group = c.benchmark_group("body/empty_detail");
    group.throughput(elements.clone());
    group.bench_function("swr", |b| {
        b.iter(|| {
            for value in black_box(SwrCode::ALL) {
                text.clear();
                black_box(value).write_json(&mut text);
                black_box(text.as_str());
            }
        });
    });
    serde_contestants(&mut group, &mut bytes, "");
    group.finish();

    for (name, (detail, values)) in ["plain", "escaped"].into_iter().zip(&detailed) {
        let mut group = c.benchmark_group(format!("body/{name}_detail"));
        group.throughput(elements.clone());
        group.bench_function("swr", |b| {
            b.iter(|| {
                for value in black_box(values) {
                    text.clear();
                    black_box(value).write_json(&mut text);
                    black_box(text.as_str());
                }
            });
        });
        serde_contestants(&mut group, &mut bytes, detail);
        group.finish();
    }
}

fn serde_contestants(
    group: &mut criterion::BenchmarkGroup<'_, criterion::measurement::WallTime>,
    bytes: &mut Vec<u8>,
    detail: &'static str,
) {
    group.bench_function("serde_to_writer", |b| {
        b.iter(|| {
            for row in black_box(&ROWS) {
                bytes.clear();
                serde_json::to_writer(&mut *bytes, &entry(black_box(row), detail)).unwrap();
                black_box(bytes.as_slice());
            }
        });
    });
    group.bench_function("serde_to_vec", |b| {
        b.iter(|| {
            for row in black_box(&ROWS) {
                black_box(serde_json::to_vec(&entry(black_box(row), detail)).unwrap());
            }
        });
    });
}

criterion_group!(benches, body);
criterion_main!(benches);
