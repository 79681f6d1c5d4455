//! OpenAPI documentation of the error responses, with [utoipa](https://docs.rs/utoipa/5) 5
//! (feature `utoipa`).
//!
//! The documentation comes from the same `#[swr(...)]` attributes as the responses themselves,
//! through [`Catalogue::CODES`], so the two cannot drift apart:
//!
//! - [`SwrResponses<E>`] implements [`utoipa::IntoResponses`] for any derived enum `E`: list it in
//!   `#[utoipa::path(responses(...))]`. It gives one response per status, and under it one
//!   *named* example per code of that status (the example's name is the code), each the body the
//!   server sends, under each content type the app's layer may send: `application/json` (the
//!   app's format) and `application/problem+json` (RFC 9457, for clients that ask for it).
//! - [`responses`] and [`responses_for`] build the same map by hand, for a format chosen
//!   explicitly or for a subset of the codes.
//! - [`ErrorCodes<E>`] is the string enum schema of `E`'s codes.
//! - [`ErrorBody`], [`ErrorEntry`], [`DualErrorBody`] and [`ProblemBody`](crate::ProblemBody) implement
//!   [`utoipa::ToSchema`], for documents that describe the bodies themselves.
//!
//! One file per concern: `responses` (the response map and its formats), `examples` (the
//! named examples), `schemas` (the body and code schemas), `status` (the reason phrases).
//!
//! # Example
//!
//! ```
//! use swr_errors::openapi::SwrResponses;
//! use swr_errors::{SwrCode, SwrError};
//! use utoipa::IntoResponses;
//!
//! #[derive(Debug, SwrError)]
//! enum ChartError {
//!     /// The chart does not exist.
//!     #[swr(code = "SVCSTG.CHARTS.4040001", status = 404)]
//!     ChartMissing,
//!     #[swr(transparent)]
//!     Stock(SwrCode),
//! }
//!
//! // With utoipa's macros: #[utoipa::path(get, path = "/charts/{name}",
//! //     responses((status = 200, body = Chart), SwrResponses<ChartError>))]
//! let responses = SwrResponses::<ChartError>::responses();
//! let json = serde_json::to_value(&responses).unwrap();
//! let example = &json["404"]["content"]["application/json"]["examples"]["SVCSTG.CHARTS.4040001"];
//! assert_eq!(example["summary"], "The chart does not exist.");
//! assert_eq!(
//!     example["value"],
//!     serde_json::json!([{
//!         "errorCode": "SVCSTG.CHARTS.4040001",
//!         "errorMessage": "The chart does not exist.",
//!         "detail": ""
//!     }])
//! );
//! // The transparent variant brings the stock codes, each under its own status.
//! assert!(json["404"]["content"]["application/json"]["examples"]["SVCSTG.SWR.4040010"].is_object());
//! ```
//!
//! # What the examples show
//!
//! Each example is the JSON of the body the server writes for the code (the same writer makes
//! both), with `"detail": ""`. Three cases differ from a given response:
//!
//! - a message that interpolates fields (`message = "Invalid tag {tag} for {repo}"`) appears as
//!   its template, placeholders and all; the example's description says so, and the server fills
//!   them in. (The description is chosen by the presence of `{` in the message, so a static
//!   message that contains a brace gets it too.)
//! - a variant with a `#[swr(detail)]` field sends that field's text as `"detail"`; the Problem
//!   examples leave `detail` and `request_id` out (the server adds them when it has them).
//! - a Problem example's `type` is under the default base, `urn:swr-errors:code:`; an app whose
//!   layer sets `.problem_type_base(..)` sends its own base there.
//!
//! The example is a JSON value: a document serializer may write its keys in another order than
//! the server does, which JSON does not distinguish.
//!
//! # Schemas
//!
//! The responses of [`SwrResponses`] carry their schema inline, with `errorCode` (and the dual
//! body's `error_code`) restricted to the codes of that status: utoipa 5 registers no component
//! schemas for an `IntoResponses` type, so a `$ref` would dangle unless every user remembered to
//! register it. Nothing needs registering. To describe the bodies in `components`, list
//! [`ErrorBody`], [`DualErrorBody`] or [`ProblemBody`](crate::ProblemBody) in `#[openapi(components(schemas(...)))]`;
//! the first two bring [`ErrorEntry`], which they reference.

mod examples;
mod responses;
mod schemas;
mod status;

pub use examples::example_body;
pub use responses::{responses, responses_for, Dual, ExampleFormat, Legacy, Oci, SwrResponses};
pub use schemas::ErrorCodes;

#[cfg(doc)]
use crate::{body::ErrorBody, body::ErrorEntry, format::DualErrorBody, table::Catalogue};
