//! The first examples of `swr-errors`, runnable from the repository's root:
//!
//! - `cargo run --example service`: a service's error enum, its codes, statuses, messages and
//!   JSON bodies;
//! - `cargo run --example catalogue -- --format markdown`: the stock catalogue as a table;
//! - `cargo run --example explain -- SVCSTG.SWR.4040010`: one code explained.
//!
//! The library is empty: a package needs one target besides its examples. The examples that
//! serve or call over the network are in `examples/net`.

#![forbid(unsafe_code)]
#![deny(missing_docs)]
