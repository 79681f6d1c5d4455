//! The network examples of `swr-errors` (`registry_server`, `client`, `openapi`, `grpc`), and the
//! SWR-shaped mock registry they and the integration tests share: its management API
//! ([`registry`]) and its registry API ([`distribution`]). Never published.

#![forbid(unsafe_code)]
#![deny(missing_docs)]

pub mod distribution;
pub mod registry;
