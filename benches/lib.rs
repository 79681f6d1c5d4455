//! The benchmarks of `swr-errors` (`lookup.rs`, `body.rs`, `http.rs`, `grpc.rs`, `layer.rs`), run with
//! `cargo bench -p swr-errors-benches`; `cargo test` runs each once, after checking that every
//! alternative agrees with `swr-errors` on every input. The alternatives are generated from the
//! catalogue's data file by `build.rs` into `OUT_DIR`.
//!
//! The library is empty: a package needs one target besides its benchmarks.

#![forbid(unsafe_code)]
#![deny(missing_docs)]
