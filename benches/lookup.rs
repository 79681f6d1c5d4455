//! Looking a code up, and reading a value's code, status and message: `swr-errors` against what a
//! user would write instead, over all 188 codes of the catalogue.
//!
//! - `from_code/{hits,near_misses,foreign_misses}`: `SwrCode::from_code` against a `phf::Map`
//!   (`phf_map!`), a std `HashMap`, an `FxHashMap` and strum's `EnumString` (a `match` on the
//!   string), each mapping code to variant. Near misses are catalogue codes with one digit changed;
//!   foreign misses are catalogue codes under another service's prefix.
//! - `accessors/{code,status,message}`: over `SwrCode::ALL`, against hand-written `match`es on a
//!   strum enum of the same codes.
//!
//! - `from_code_{service,name}/{hits,misses}`: `from_code` on 188-code enums of the `service` and
//!   `name` code schemes against an `FxHashMap`. Misses are the codes with their last byte
//!   changed. Checked, not measured: a 1,200-code `name` enum, which takes the larger lookup.
//!
//! One iteration does every input once; throughput is in lookups, so criterion's time divided by
//! the element count (188) is the time of one lookup. Every input and every result goes through
//! `black_box`, for all contestants alike. Before measuring, every alternative is checked to give
//! the same answer as `swr-errors` on every input (`cargo test` runs this file for that).
//!
//! Run: `cargo bench --bench lookup`.

use std::collections::HashMap;
use std::hint::black_box;
use std::str::FromStr;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use rustc_hash::FxHashMap;
use swr_errors::{SwrCode, SwrError};

mod generated {
    use swr_errors::SwrCode;

    include!(concat!(env!("OUT_DIR"), "/rows.rs"));
    include!(concat!(env!("OUT_DIR"), "/phf.rs"));
    include!(concat!(env!("OUT_DIR"), "/strum.rs"));
    include!(concat!(env!("OUT_DIR"), "/schemes.rs"));
}

use generated::{StrumCode, PHF, ROWS, STRUM_ALL};

/// Each catalogue code with one digit changed, so that the result is no catalogue code: the last
/// digit where possible, else an earlier one.
fn near_misses() -> Vec<String> {
    ROWS.iter()
        .map(|&(code, _, _)| {
            let bytes = code.as_bytes();
            (0..7)
                .map(|back| bytes.len() - 1 - back)
                .flat_map(|at| (1..10u8).map(move |step| (at, step)))
                .map(|(at, step)| {
                    let mut changed = bytes.to_vec();
                    changed[at] = b'0' + (changed[at] - b'0' + step) % 10;
                    String::from_utf8(changed).expect("ASCII")
                })
                .find(|candidate| ROWS.iter().all(|row| row.0 != candidate))
                .expect("some one-digit change is no catalogue code")
        })
        .collect()
}

/// Each catalogue code under another service's prefix (`SVCSTG.IMS.`).
fn foreign_misses() -> Vec<String> {
    ROWS.iter()
        .map(|&(code, _, _)| {
            let digits = &code[code.len() - 7..];
            format!("SVCSTG.IMS.{digits}")
        })
        .collect()
}

fn hits() -> Vec<String> {
    ROWS.iter().map(|row| row.0.to_owned()).collect()
}

struct Maps {
    std: HashMap<&'static str, SwrCode>,
    fx: FxHashMap<&'static str, SwrCode>,
}

fn maps() -> Maps {
    let pairs = ROWS
        .iter()
        .zip(SwrCode::ALL)
        .map(|(row, &code)| (row.0, code));
    Maps {
        std: pairs.clone().collect(),
        fx: pairs.collect(),
    }
}

/// The alternatives give the answers `swr-errors` gives, on every input; the generated tables
/// are in `SwrCode::ALL`'s order.
fn check_alternatives_agree(maps: &Maps) {
    // The seed's rows: `SwrCode::ALL` then has the codes the current table adds.
    assert_eq!(ROWS.len(), SwrCode::ALL.len() - SwrCode::ADDED_AFTER_SEED);
    for ((code, status, message), value) in ROWS.iter().zip(SwrCode::ALL) {
        assert_eq!((value.code(), value.status()), (*code, *status));
        assert_eq!(value.message(), *message);
    }
    for (i, strum) in STRUM_ALL.iter().enumerate() {
        let value = SwrCode::ALL[i];
        assert_eq!(strum.code(), value.code());
        assert_eq!(strum.status(), value.status());
        assert_eq!(strum.message(), value.message());
    }
    let inputs = [hits(), near_misses(), foreign_misses()];
    for (kind, inputs) in inputs.iter().enumerate() {
        for input in inputs {
            let expected = SwrCode::from_code(input);
            assert_eq!(expected.is_some(), kind == 0, "{input}");
            assert_eq!(PHF.get(input.as_str()).copied(), expected, "{input}");
            assert_eq!(maps.std.get(input.as_str()).copied(), expected, "{input}");
            assert_eq!(maps.fx.get(input.as_str()).copied(), expected, "{input}");
            let strum = StrumCode::from_str(input).ok();
            assert_eq!(strum.map(StrumCode::code), expected.map(|v| v.code()));
        }
    }
}

fn from_code(c: &mut Criterion) {
    let maps = maps();
    check_alternatives_agree(&maps);
    let cases = [
        ("hits", hits()),
        ("near_misses", near_misses()),
        ("foreign_misses", foreign_misses()),
    ];
    for (case, inputs) in &cases {
        let mut group = c.benchmark_group(format!("from_code/{case}"));
        group.throughput(Throughput::Elements(inputs.len() as u64));
        group.bench_function("swr", |b| {
            b.iter(|| {
                for input in inputs {
                    black_box(SwrCode::from_code(black_box(input)));
                }
            });
        });
        group.bench_function("phf", |b| {
            b.iter(|| {
                for input in inputs {
                    black_box(PHF.get(black_box(input.as_str())).copied());
                }
            });
        });
        group.bench_function("std_hashmap", |b| {
            b.iter(|| {
                for input in inputs {
                    black_box(maps.std.get(black_box(input.as_str())).copied());
                }
            });
        });
        group.bench_function("fxhashmap", |b| {
            b.iter(|| {
                for input in inputs {
                    black_box(maps.fx.get(black_box(input.as_str())).copied());
                }
            });
        });
        group.bench_function("strum_match", |b| {
            b.iter(|| {
                for input in inputs {
                    black_box(StrumCode::from_str(black_box(input)).ok());
                }
            });
        });
        group.finish();
    }
}

fn accessors(c: &mut Criterion) {
    let elements = Throughput::Elements(SwrCode::ALL.len() as u64);

    let mut group = c.benchmark_group("accessors/code");
    group.throughput(elements.clone());
    group.bench_function("swr", |b| {
        b.iter(|| {
            for value in black_box(SwrCode::ALL) {
                black_box(black_box(value).code());
            }
        });
    });
    group.bench_function("match", |b| {
        b.iter(|| {
            for value in black_box(&STRUM_ALL) {
                black_box(black_box(value).code());
            }
        });
    });
    group.finish();

    let mut group = c.benchmark_group("accessors/status");
    group.throughput(elements.clone());
    group.bench_function("swr", |b| {
        b.iter(|| {
            for value in black_box(SwrCode::ALL) {
                black_box(black_box(value).status());
            }
        });
    });
    group.bench_function("match", |b| {
        b.iter(|| {
            for value in black_box(&STRUM_ALL) {
                black_box(black_box(value).status());
            }
        });
    });
    group.finish();

    let mut group = c.benchmark_group("accessors/message");
    group.throughput(elements);
    group.bench_function("swr", |b| {
        b.iter(|| {
            for value in black_box(SwrCode::ALL) {
                black_box(black_box(value).message());
            }
        });
    });
    group.bench_function("match", |b| {
        b.iter(|| {
            for value in black_box(&STRUM_ALL) {
                black_box(black_box(value).message());
            }
        });
    });
    group.finish();
}

/// An `FxHashMap` of `codes` to `E`'s variants, the codes as hits and with their last byte
/// changed as misses, after checking `from_code` gives the map's answer on every one.
#[allow(clippy::type_complexity)]
fn checked_scheme<E>(
    codes: &[&'static str],
) -> (FxHashMap<&'static str, E>, [(&'static str, Vec<String>); 2])
where
    E: SwrError + swr_errors::AllVariants + Copy + PartialEq + std::fmt::Debug + 'static,
{
    let fx: FxHashMap<&'static str, E> =
        codes.iter().copied().zip(E::ALL.iter().copied()).collect();
    let hits: Vec<String> = codes.iter().map(|code| (*code).to_owned()).collect();
    let misses: Vec<String> = codes
        .iter()
        .map(|code| {
            let mut bytes = code.as_bytes().to_vec();
            let last = bytes.len() - 1;
            bytes[last] = if bytes[last] == b'Z' { b'Y' } else { b'Z' };
            String::from_utf8(bytes).expect("ASCII")
        })
        .collect();
    assert_eq!(E::ALL.len(), codes.len());
    for (value, code) in E::ALL.iter().zip(codes) {
        assert_eq!(value.code(), *code);
    }
    let cases = [("hits", hits), ("misses", misses)];
    for (case, inputs) in &cases {
        for input in inputs {
            let expected = E::from_code(input);
            assert_eq!(expected.is_some(), *case == "hits", "{input}");
            assert_eq!(fx.get(input.as_str()).copied(), expected, "{input}");
        }
    }
    (fx, cases)
}

/// `from_code` on an enum of another code scheme against an `FxHashMap` of its codes, after
/// checking both give the same answer on every input.
fn scheme_group<E>(c: &mut Criterion, scheme: &str, codes: &[&'static str])
where
    E: SwrError + swr_errors::AllVariants + Copy + PartialEq + std::fmt::Debug + 'static,
{
    let (fx, cases) = checked_scheme::<E>(codes);
    for (case, inputs) in &cases {
        let mut group = c.benchmark_group(format!("from_code_{scheme}/{case}"));
        group.throughput(Throughput::Elements(inputs.len() as u64));
        group.bench_function("swr", |b| {
            b.iter(|| {
                for input in inputs {
                    black_box(E::from_code(black_box(input)));
                }
            });
        });
        group.bench_function("fxhashmap", |b| {
            b.iter(|| {
                for input in inputs {
                    black_box(fx.get(black_box(input.as_str())).copied());
                }
            });
        });
        group.finish();
    }
}

fn schemes(c: &mut Criterion) {
    scheme_group::<generated::ServiceCode>(c, "service", &generated::SERVICE_CODES);
    scheme_group::<generated::NameCode>(c, "name", &generated::NAME_CODES);
    // Checked only: too many codes for the one-load table, so found by the displaced one.
    checked_scheme::<generated::ManyNameCode>(&generated::MANY_NAME_CODES);
}

criterion_group!(benches, from_code, accessors, schemes);
criterion_main!(benches);
