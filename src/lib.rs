//! The workspace root of `swr-errors`: a package that is never published and exists to hold the
//! examples in `examples/` and the cross-crate tests in `tests/` (the derive's UI tests among
//! them), which need the derive and the runtime crate together.

#![forbid(unsafe_code)]
#![deny(missing_docs)]

pub mod registry;
