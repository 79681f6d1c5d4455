//! The cross-crate tests of `swr-errors`: the derive's UI tests (`ui.rs`), the integration tests
//! through the real frameworks, and the repository README's Rust code blocks, each compiled and
//! run as a doc test of this library, so that a README example that stops compiling or stops
//! being true fails `cargo test`. Never published.

#![forbid(unsafe_code)]
#![deny(missing_docs)]

/// The repository's README, whose Rust code blocks `cargo test` compiles and runs.
#[doc = include_str!("../README.md")]
#[cfg(doctest)]
pub struct ReadmeDoctests;

/// The `swr-errors` package's README (its crates.io page), whose Rust code blocks `cargo test`
/// compiles and runs.
#[doc = include_str!("../swr-errors/README.md")]
#[cfg(doctest)]
pub struct CrateReadmeDoctests;
