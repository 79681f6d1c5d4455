//! Typed, compile-time-checked error codes for Huawei Cloud SWR (SoftWare Repository for
//! Container) and APIs shaped like it.
//!
//! - [`SwrCode`]: the stock catalogue, all 188 codes of the published SWR table, each with its
//!   status, message and retry kind.
//! - `#[derive(SwrError)]`: your own error enums, with codes, statuses and messages checked at
//!   compile time (duplicates, malformed codes, statuses that disagree with their code, messages
//!   that name missing fields...).
//! - [`ErrorBody`]: the JSON error body, `[{"errorCode":...,"errorMessage":...,"detail":...}]`;
//!   [`BodyFormat`] names it and the two other formats, Dual (for Huawei Cloud's SDKs) and Problem
//!   (RFC 9457).
//! - `axum::SwrLayer` and `actix::SwrErrors` (features `axum`, `actix-web`): one layer per app
//!   that gives every response a request id, writes errors in the app's and the request's format,
//!   turns the framework's own errors and panics into SWR bodies, and (feature `tracing`) logs
//!   each error with its causes.
//!
//! # Deriving
//!
//! ```
//! use swr_errors::{SwrCode, SwrError};
//!
//! #[derive(Debug, SwrError)]
//! pub enum RegistryError {
//!     /// The chart does not exist.
//!     #[swr(code = "SVCSTG.MYSVC.4040001", status = 404)]
//!     ChartMissing,
//!
//!     #[swr(code = "SVCSTG.MYSVC.4001001", status = 400, message = "Invalid tag {tag} for {repo}")]
//!     BadTag { repo: String, tag: String },
//!
//!     #[swr(code = "SVCSTG.MYSVC.5001002", status = 500, message = "Storage failed")]
//!     Storage { #[swr(source)] cause: std::io::Error },
//!
//!     #[swr(code = "SVCSTG.MYSVC.4001003", status = 400, message = "Bad manifest")]
//!     BadManifest { #[swr(detail)] reason: String },
//!
//!     #[swr(code = "SVCSTG.MYSVC.4040004", status = 404, message = "Repository {0} not found")]
//!     RepoMissing(String),
//!
//!     #[swr(transparent)]
//!     Stock(SwrCode),
//! }
//!
//! let err = RegistryError::BadManifest { reason: "layer 3: \"size\" < 0".into() };
//! assert_eq!(err.status(), 400);
//! assert_eq!(
//!     err.to_json(),
//!     r#"[{"errorCode":"SVCSTG.MYSVC.4001003","errorMessage":"Bad manifest","detail":"layer 3: \"size\" < 0"}]"#
//! );
//!
//! // `?` converts a stock code, and lookups see through the transparent variant.
//! let stock: RegistryError = SwrCode::ImageNotFound.into();
//! assert_eq!(stock.code(), "SVCSTG.SWR.4040010");
//! assert!(matches!(
//!     RegistryError::from_code("SVCSTG.SWR.4040010"),
//!     Some(RegistryError::Stock(SwrCode::ImageNotFound))
//! ));
//! ```
//!
//! # The attributes
//!
//! | key | where | meaning |
//! |---|---|---|
//! | `code = "SVCSTG.<SERVICE>.<7 digits>"` | variant | the error code; unique in the enum, and not a code of a type it wraps (a stock code beside `Stock(SwrCode)` is reported at the variant, naming the [`SwrCode`] variant) |
//! | `status = 404` | variant | the HTTP status, 400 to 599, equal to the code's first three digits |
//! | `message = "..."` | variant | the message; `{name}` and `{0}` interpolate fields by `Display`. Without it, the first paragraph of the doc comment, verbatim |
//! | `retry = "throttled" \| "busy" \| "server_error"` | variant | the [`RetryKind`] |
//! | `transparent` | variant | on a one-field variant: code, status, message, detail, retry kind and source all come from the field, which implements `SwrError`; also generates `From<Field>` |
//! | `source` | field | returned by `Error::source`, never serialized |
//! | `detail` | field | the body's `"detail"`; borrowed when the field is text, else formatted |
//! | `from` | field | on the only field of a variant (alone or with `source`): `From<Field>` for the enum, so `?` converts it, and the field is the source, as thiserror's `#[from]`; two variants cannot convert from the same type |
//! | `crate = "path"` | enum | the path to this crate when it is not `::swr_errors` (as serde's `crate` attribute) |
//! | `display = false` | enum | leaves `Display` and `std::error::Error` to you |
//! | `kind`, `kind = "Name"` | enum | generates `{Enum}Kind` (or `Name`), the enum's kind: see below |
//!
//! # What the derive generates
//!
//! [`SwrError`], [`Catalogue`] (every code as static data), `Display` (the message),
//! `std::error::Error` (with `source`), `FromStr` and `TryFrom<&str>` by code (error:
//! [`UnknownCode`]) when some variant can be found by its code (a unit or a transparent variant;
//! `TryFrom<&str>` is left out when a transparent or `from` field is a type parameter, where it
//! would overlap core's blanket impl), `From<Inner>` for each transparent variant and each `from`
//! field (unless thiserror's `#[from]` writes it), [`AllVariants`] when every variant is a unit
//! variant of a non-generic enum, and the `http`, `axum` and `actix-web` responses and the
//! `tonic::Status` of the features that are on.
//!
//! With `#[swr(kind)]`, also `{Enum}Kind` (with the enum's visibility): one unit variant per
//! variant, of the same name, `Copy, Clone, Debug, PartialEq, Eq, Hash`, implementing everything
//! above with the same codes, statuses and retry kinds, so that every variant, with fields or not,
//! is found by its code (`from_code`, `FromStr`, [`AllVariants::ALL`] when the enum has no
//! transparent variant, [`RemoteError::known_as`]); and `err.kind()` (the [`Kinded`] trait, also
//! an inherent method). A transparent variant's kind carries the kind of the type it wraps
//! ([`Kinded::Kind`]: `SwrCode` is its own kind, a derived enum's is its kind enum), which must
//! not name a generic parameter of the enum. A kind has no fields, so its `message()` is the
//! variant's message as written: the doc comment or `message`, with any `{field}` placeholders
//! left unfilled (`"Invalid tag {tag} for {repo}"`, as in [`CodeInfo::message`]); its `detail()`
//! is `None`.
//!
//! ```
//! use swr_errors::{RemoteError, SwrCode, SwrError};
//!
//! #[derive(Debug, SwrError)]
//! #[swr(kind)]
//! pub enum ChartError {
//!     #[swr(code = "SVCSTG.CHARTS.4001001", status = 400, message = "Invalid tag {tag}")]
//!     BadTag { tag: String },
//!     #[swr(code = "SVCSTG.CHARTS.5001002", status = 500, message = "Storage failed")]
//!     Storage(#[swr(from)] std::io::Error),
//!     #[swr(transparent)]
//!     Stock(SwrCode),
//! }
//!
//! let err = ChartError::BadTag { tag: "v?".into() };
//! assert_eq!(err.kind(), ChartErrorKind::BadTag);
//! assert_eq!(ChartErrorKind::BadTag.message(), "Invalid tag {tag}");
//!
//! // The client side matches every variant by its code.
//! let remote = RemoteError::from_response(400, err.to_json().as_bytes());
//! assert_eq!(remote.known_as::<ChartErrorKind>(), Some(ChartErrorKind::BadTag));
//! let remote = RemoteError::from_response(404, SwrCode::ImageNotFound.to_json().as_bytes());
//! assert_eq!(
//!     remote.known_as::<ChartErrorKind>(),
//!     Some(ChartErrorKind::Stock(SwrCode::ImageNotFound))
//! );
//!
//! // `?` converts the `from` field.
//! fn read() -> Result<Vec<u8>, ChartError> {
//!     Ok(std::fs::read("/no/such/file")?)
//! }
//! assert_eq!(read().unwrap_err().kind(), ChartErrorKind::Storage);
//! ```
//!
//! # With thiserror
//!
//! An enum may derive both `thiserror::Error` and `SwrError`. When any `#[error(...)]` attribute
//! sits on the enum or its variants, the derive leaves `Display` and `std::error::Error` to
//! thiserror; `#[swr(display = false)]` does the same explicitly, for a hand-written `Display`.
//! The message of each variant still comes from `#[swr(message)]` or its doc comment.
//!
//! ```
//! use swr_errors::SwrError;
//!
//! #[derive(Debug, thiserror::Error, SwrError)]
//! enum PushError {
//!     /// The layer is too large.
//!     #[error("layer of {0} bytes exceeds the limit")]
//!     #[swr(code = "SVCSTG.MYSVC.4130001", status = 413)]
//!     LayerTooLarge(u64),
//! }
//!
//! let err = PushError::LayerTooLarge(1 << 40);
//! assert_eq!(err.to_string(), "layer of 1099511627776 bytes exceeds the limit");
//! assert_eq!(err.message(), "The layer is too large.");
//! ```

#![forbid(unsafe_code)]
#![deny(missing_docs)]
#![cfg_attr(docsrs, feature(doc_cfg))]

mod body;
mod catalogue;
mod format;
mod json;
mod kind;
mod lookup;
mod remote;
mod response;
mod retry;
mod swr_error;
mod table;

#[doc(hidden)]
#[path = "private.rs"]
pub mod __private;

#[cfg(feature = "actix-web")]
#[cfg_attr(docsrs, doc(cfg(feature = "actix-web")))]
pub mod actix;
#[cfg(feature = "axum")]
#[cfg_attr(docsrs, doc(cfg(feature = "axum")))]
pub mod axum;
#[cfg(feature = "http")]
#[cfg_attr(docsrs, doc(cfg(feature = "http")))]
mod http_response;
#[cfg(any(feature = "axum", feature = "actix-web"))]
mod layer;
#[cfg(feature = "utoipa")]
#[cfg_attr(docsrs, doc(cfg(feature = "utoipa")))]
pub mod openapi;
#[cfg(feature = "tonic")]
#[cfg_attr(docsrs, doc(cfg(feature = "tonic")))]
pub mod tonic;

pub use body::{ErrorBody, ErrorEntry};
pub use catalogue::SwrCode;
pub use format::{
    BodyFormat, DualErrorBody, ProblemBody, UnknownBodyFormat, CONTENT_TYPE_JSON,
    CONTENT_TYPE_PROBLEM,
};
pub use kind::Kinded;
#[cfg(any(feature = "axum", feature = "actix-web"))]
#[cfg_attr(docsrs, doc(cfg(any(feature = "axum", feature = "actix-web"))))]
pub use layer::{FrameworkErrors, Untouched};
pub use lookup::UnknownCode;
#[cfg(feature = "reqwest")]
#[cfg_attr(docsrs, doc(cfg(feature = "reqwest")))]
pub use remote::reqwest;
pub use remote::RemoteError;
pub use response::{ErrorResponse, RequestId, X_REQUEST_ID};
pub use retry::RetryKind;
pub use swr_error::SwrError;
pub use table::{AllVariants, Catalogue, CodeInfo};

/// Derives [`SwrError`](trait@SwrError) for an enum; see the [crate documentation](crate).
pub use swr_errors_derive::SwrError;
