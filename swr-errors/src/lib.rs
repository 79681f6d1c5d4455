//! Typed, compile-time-checked error codes for Huawei Cloud SWR (SoftWare Repository for
//! Container) and APIs shaped like it.
//!
//! - [`SwrCode`]: the stock catalogue, every code of the published SWR table (the seed's 188 and
//!   the two the current table adds), each with its
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
//! - [`RemoteError`]: the client side, any response a server, a gateway or a proxy sends read into
//!   a typed code, from bytes, `http`, `reqwest` or a gRPC `tonic::Status`.
//!
//! This page walks through all of it: [deriving](#deriving), [the attributes](#the-attributes),
//! [what the derive generates](#what-the-derive-generates), [with thiserror](#with-thiserror),
//! [the stock catalogue](#the-stock-catalogue), [cargo features](#cargo-features),
//! [HTTP responses](#http-responses), [body formats](#body-formats),
//! [the client side](#the-client-side), [gRPC](#grpc), [compile-time checks](#compile-time-checks)
//! and [the minimum supported Rust version](#minimum-supported-rust-version).
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
//! | `code = "..."` | variant | the error code, of the enum's scheme (`codes`); unique in the enum, and not a code of a type it wraps (a stock code beside `Stock(SwrCode)` is reported at the variant, naming the [`SwrCode`] variant) |
//! | `status = 404` | variant | the HTTP status, 400 to 599, equal to the code's first three digits in the `svcstg` scheme |
//! | `message = "..."` | variant | the message; `{name}` and `{0}` interpolate fields by `Display`. Without it, the first paragraph of the doc comment, verbatim |
//! | `retry = "throttled" \| "busy" \| "server_error"` | variant | the [`RetryKind`] |
//! | `transparent` | variant | on a one-field variant: code, status, message, detail, retry kind and source all come from the field, which implements `SwrError`; also generates `From<Field>` |
//! | `source` | field | returned by `Error::source`, never serialized |
//! | `detail`, `detail = "json"` | field | the body's `"detail"`; borrowed when the field is text, else formatted. With `= "json"`, the field (any `serde::Serialize` type, such as `serde_json::Value`) serialized as JSON: [`BodyFormat::Oci`] writes it as a JSON value (`"detail":{"Tag":"latest"}`), the other formats as a string (needs the `client` feature, which brings `serde_json`) |
//! | `from` | field | on the only field of a variant (alone or with `source`): `From<Field>` for the enum, so `?` converts it, and the field is the source, as thiserror's `#[from]`; two variants cannot convert from the same type |
//! | `crate = "path"` | enum | the path to this crate when it is not `::swr_errors` (as serde's `crate` attribute) |
//! | `display = false` | enum | leaves `Display` and `std::error::Error` to you |
//! | `kind`, `kind = "Name"` | enum | generates `{Enum}Kind` (or `Name`), the enum's kind: see below |
//! | `kind = "Self"` | enum | the enum is its own kind, as `SwrCode` is: every variant a unit variant, and the enum `Clone, Copy, PartialEq, Eq, Hash` |
//! | `codes = "svcstg" \| "service" \| "name"` | enum | the shape of the enum's codes, `"svcstg"` unless given: see [code schemes](#code-schemes) |
//! | `format = "oci"` | enum | every response of the enum is in this [`BodyFormat`] (`"oci"`, `"legacy"`, `"dual"` or `"problem"`), whatever the app's default, the request or `with_format`: for the registry API's errors, which OCI clients read in no other shape ([`oci::OciCode`]); an enum without it takes the format of the type a transparent variant wraps |
//!
//! ## Code schemes
//!
//! Every code of an enum has the shape its `codes` scheme gives; a code of another shape fails
//! the build, and the error names the scheme it fits. Whatever the scheme, codes are unique
//! across the enum and every type it wraps, and are found by `from_code`, `FromStr` and
//! [`RemoteError::known_as`]. No scheme admits a character JSON escapes.
//!
//! - `"svcstg"`, the default: `SVCSTG.<SERVICE>.<7 digits>` or `SVCSTG.<SERVICE>.<NNN>.<NNN>`,
//!   SERVICE of upper-case letters, digits, `-` and `_`. The first three digits are the status,
//!   and the variant's `status` must agree.
//!
//! ```
//! use swr_errors::SwrError;
//!
//! #[derive(Debug, SwrError)]
//! pub enum AddonError {
//!     /// The add-on does not exist.
//!     #[swr(code = "SVCSTG.CCE-ADDONMGR.4040003", status = 404)]
//!     AddonMissing,
//!     /// The log stream is read-only.
//!     #[swr(code = "SVCSTG.ALS.403.105", status = 403)]
//!     ReadOnly,
//! }
//!
//! assert_eq!(AddonError::ReadOnly.status(), 403);
//! assert!(matches!(AddonError::from_code("SVCSTG.ALS.403.105"), Some(AddonError::ReadOnly)));
//! ```
//!
//! - `"service"`: `<SERVICE>.<digits>`, as Huawei Cloud's other services write them: SERVICE of
//!   ASCII letters (either case), digits and `_`, then one or more groups of digits separated by
//!   `.` (`APIGW.0101`, `Ecs.0001`, `CCI.02.409101`). No status is implied by the digits. Such an
//!   enum may wrap enums of any scheme, `SwrCode` among them.
//!
//! ```
//! use swr_errors::{SwrCode, SwrError};
//!
//! #[derive(Debug, SwrError)]
//! #[swr(codes = "service")]
//! pub enum GatewayError {
//!     /// The API does not exist.
//!     #[swr(code = "APIGW.0101", status = 404)]
//!     ApiMissing,
//!     /// The request was throttled.
//!     #[swr(code = "APIGW.0308", status = 429, retry = "throttled")]
//!     Throttled,
//!     #[swr(transparent)]
//!     Stock(SwrCode),
//! }
//!
//! assert_eq!("APIGW.0101".parse::<GatewayError>().unwrap().status(), 404);
//! assert!(matches!(
//!     GatewayError::from_code("SVCSTG.SWR.4040010"),
//!     Some(GatewayError::Stock(SwrCode::ImageNotFound))
//! ));
//! ```
//!
//! - `"name"`: a symbolic name, ASCII letters, digits and `_`, starting with a letter
//!   (`MANIFEST_UNKNOWN`, `NoSuchKey`).
//!
//! ```
//! use swr_errors::SwrError;
//!
//! #[derive(Debug, SwrError)]
//! #[swr(codes = "name")]
//! pub enum BucketError {
//!     /// The specified key does not exist.
//!     #[swr(code = "NoSuchKey", status = 404)]
//!     NoSuchKey,
//!     /// Too many requests.
//!     #[swr(code = "TOOMANYREQUESTS", status = 429, retry = "throttled")]
//!     TooManyRequests,
//! }
//!
//! assert_eq!(
//!     BucketError::NoSuchKey.to_json(),
//!     r#"[{"errorCode":"NoSuchKey","errorMessage":"The specified key does not exist.","detail":""}]"#
//! );
//! ```
//!
//! # Compile-time checks
//!
//! Each is spanned on the offending tokens. What the derive reads in the tokens is a
//! `compile_error!`, and every such mistake of an enum is reported in the same build; what needs the
//! types (a transparent field that is no `SwrError`, a wrapped type's code, a field that is not
//! `Display` or not an `Error`) is a compiler error the generated code meets, reported once the
//! enum has none of the others:
//!
//! - a code on two variants (error at the second, note at the first); a code that re-declares a stock
//!   code beside `Stock(SwrCode)`, at that code, naming the variant and the stock variant
//!   (``` `OrgGone` re-declares `SwrCode::OrganizationNotFound`, `SVCSTG.SWR.4040058` ```); for other
//!   wrapped types, a const-evaluation error naming the code, the variant and the wrapped type;
//! - a code not of the enum's [scheme](#code-schemes), saying what is wrong (in the default scheme:
//!   the digit count, the case of the prefix or the service, a separator other than `.`, a part
//!   too many), and naming the scheme it fits when it fits another; a `codes` value that names no
//!   scheme;
//! - a status outside 400..=599, not an integer literal, or, in the `svcstg` scheme, disagreeing
//!   with the code's first three digits;
//! - a `format` that names no body format, a `detail` value other than `"json"`;
//! - a variant without `message` or doc comment, or with an empty `message`, or whose only doc
//!   comment is a macro (`#[doc = include_str!(..)]`, which the derive cannot read); a `{field}` the
//!   variant lacks (the message lists the fields it has); each malformed placeholder or stray brace
//!   of a message template;
//! - a missing, repeated or unknown key, with the right key suggested (`stauts`: did you mean
//!   `status`?), or the place it belongs;
//! - a transparent variant without exactly one field, or whose field is no `SwrError` (one error, at
//!   the field's type);
//! - `#[swr(from)]` on a variant with another field (at that field); two variants converting from the
//!   same type (at the second); a `from` field over a type parameter beside another conversion;
//!   `from` on a transparent variant (which converts already);
//! - `#[swr(kind)]` named like the enum, or not an identifier; a kind over a transparent variant whose
//!   type names a generic parameter, or a type without a kind (for a derived type, one error, at
//!   that type); `kind = "Self"` on an enum with fields (at each such variant's first field) or
//!   without the derives a kind has (each once, at `kind`);
//! - the derive on a struct or a union.
//!
//! What a user sees for a stock re-declaration next to a misspelt key:
//!
//! ```text
//! error: unknown key `stauts`; did you mean `status`?
//!  --> src/lib.rs:6:42
//!   |
//! 6 |     #[swr(code = "SVCSTG.MYSVC.4040001", stauts = 404)]
//!   |                                          ^^^^^^
//!
//! error: `OrgGone` re-declares `SwrCode::OrganizationNotFound`, `SVCSTG.SWR.4040058`, which `Stock` already produces: use `SwrCode::OrganizationNotFound`, or give `OrgGone` a code of your own service
//!  --> src/lib.rs:9:18
//!   |
//! 9 |     #[swr(code = "SVCSTG.SWR.4040058", status = 404)]
//!   |                  ^^^^^^^^^^^^^^^^^^^^
//! ```
//!
//! Every message has a UI test in the repository's `tests/ui/fail/` (a `.rs` and the `.stderr` it
//! must produce).
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
//! ([`Kinded::Kind`]: `SwrCode` and an enum with `kind = "Self"` are their own kinds, a derived
//! enum's is its kind enum), which must not name a generic parameter of the enum. A derived enum's
//! kind comes from the derive only: a `Kinded` written by hand for it conflicts with the derive's
//! impls. A kind has no fields, so its `message()` is the
//! variant's message as written: the doc comment or `message`, with any `{field}` placeholders
//! left unfilled (`"Invalid tag {tag} for {repo}"`, as in [`CodeInfo::message`]); its `detail()`
//! is `None`.
//!
//! ```
//! # #[cfg(feature = "client")] {
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
//! # }
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
//!
//! # The stock catalogue
//!
//! [`SwrCode`] is the published SWR table as an enum: the seed's 188 variants in table order, then
//! the two the current table adds, each documented
//! with its message, deriving `SwrError` like any service enum. Reuse it inside your own enum
//! through a transparent variant (`Stock(SwrCode)`, above), or on its own.
//!
//! ```
//! use swr_errors::{RetryKind, SwrCode, SwrError};
//!
//! assert_eq!(SwrCode::ALL.len(), 190);
//! let code = SwrCode::from_code("SVCSTG.SWR.4040010").unwrap();
//! assert_eq!(code, SwrCode::ImageNotFound);
//! assert_eq!((code.status(), &*code.message()), (404, "The image does not exist."));
//! assert_eq!(SwrCode::TooManyRequests.retry_kind(), Some(RetryKind::Throttled));
//! // `FromStr` says which code it did not know.
//! let err = "SVCSTG.SWR.4049999".parse::<SwrCode>().unwrap_err();
//! assert!(err.to_string().contains("SVCSTG.SWR.4049999"));
//! ```
//!
//! # Cargo features
//!
//! Serde support is always on, and the client side (`client`) is on by default. Everything else
//! is behind a feature of this crate; a service crate turns on the ones it uses and declares none
//! of its own (the derive emits one macro call that expands to the impls of the features that are
//! on).
//!
//! | feature | what it adds |
//! |---|---|
//! | `client` (default) | [`RemoteError`], the client side's parser, and with it `serde_json`; a server that reads no SWR bodies can leave it out (`default-features = false`), and its binaries link less |
//! | `http` | `From<E> for http::Response<Vec<u8>>` (http 1.x); with `client`, `RemoteError::from_http`, `from_http_parts` |
//! | `axum` | axum 0.8 `IntoResponse` for every derived type; [`axum::SwrLayer`], the app's error layer; `RequestId` as an extractor (implies `http`) |
//! | `actix-web` | actix-web 4 `ResponseError` for every derived type; [`actix::SwrErrors`], the same layer as a middleware |
//! | `tracing` | the layers log each SWR error response once (a derived error's, an `ErrorResponse`'s, a replaced framework error's), a 5xx at ERROR with the error's whole `source()` chain, and each panic |
//! | `reqwest` | reqwest 0.12 on the client: [`RemoteError::from_reqwest`], [`reqwest::ResponseExt::error_for_swr`] |
//! | `tonic` | tonic 0.14 `From<E> for tonic::Status` with Google's rich error model; with `client`, [`RemoteError::from_status`]; see [`tonic`][tonic-module] |
//! | `utoipa` | utoipa 5: [`openapi::SwrResponses`], every error response of a derived type in an OpenAPI document |
//!
//! # HTTP responses
//!
//! With a framework's feature on, a handler returns a derived error and the framework sends its
//! status, `Content-Type` and body. Add the layer once per app and every response it sends is
//! SWR-shaped: request ids, the body format the app and the request choose, the framework's own
//! errors (an unmatched route, a rejected extractor) and panics as SWR bodies.
//!
//! ```
//! # #[cfg(feature = "axum")] {
//! use axum::{routing::get, Router};
//! use swr_errors::axum::SwrLayer;
//! use swr_errors::{BodyFormat, SwrCode};
//!
//! async fn show() -> Result<String, SwrCode> {
//!     Err(SwrCode::OrganizationNotFound) // 404 SVCSTG.SWR.4040058, in the request's format
//! }
//!
//! let app: Router = Router::new()
//!     .route("/v2/manage/namespaces/{namespace}", get(show))
//!     .layer(SwrLayer::new().default_format(BodyFormat::Dual));
//! # drop(app);
//! # }
//! ```
//!
//! actix-web: `App::new().wrap(swr_errors::actix::SwrErrors::new())`. Without a framework,
//! `err.response().with_format(..).with_request_id(..)` builds one response ([`ErrorResponse`]).
//!
//! # Body formats
//!
//! [`BodyFormat`] names the three bodies; [`SwrError::to_json_as`] and
//! [`SwrError::write_json_as`] write any of them, byte for byte what `serde_json` writes for
//! [`ErrorBody`], [`DualErrorBody`] and [`ProblemBody`], without allocating beyond the output for
//! a static message. The layers choose per request; nothing is set process-wide.
//!
//! ```
//! use swr_errors::{BodyFormat, SwrCode, SwrError};
//!
//! let code = SwrCode::OrganizationNotFound;
//! assert_eq!(
//!     code.to_json_as(BodyFormat::Legacy),
//!     r#"[{"errorCode":"SVCSTG.SWR.4040058","errorMessage":"The organization does not exist.","detail":""}]"#
//! );
//! // What Huawei Cloud's SDKs read: the code and message at the top of an object.
//! assert!(code.to_json_as(BodyFormat::Dual).starts_with(
//!     r#"{"error_code":"SVCSTG.SWR.4040058","error_msg":"The organization does not exist.""#
//! ));
//! // RFC 9457 problem details, sent as application/problem+json.
//! assert!(code.to_json_as(BodyFormat::Problem).contains(r#""code":"SVCSTG.SWR.4040058""#));
//! ```
//!
//! # The client side
//!
//! [`RemoteError::from_response`] reads any status and any bytes (the SWR array, the Dual object,
//! a problem, the key pairs Huawei Cloud's SDKs accept, a gateway's JSON, an HTML page, a
//! truncated or hostile body) into a typed answer, and never fails or panics. With `reqwest`,
//! `response.error_for_swr().await` is the `error_for_status` of SWR errors.
//!
//! ```
//! # #[cfg(feature = "client")] {
//! use swr_errors::{RemoteError, RetryKind, SwrCode};
//!
//! let body = br#"[{"errorCode":"SVCSTG.SWR.4031042","errorMessage":"There are too many requests.","detail":""}]"#;
//! let err = RemoteError::from_response(403, body);
//! assert_eq!(err.known(), Some(SwrCode::TooManyRequests));
//! assert_eq!(err.retry_kind(), Some(RetryKind::Throttled));
//!
//! // A proxy's error page keeps its status and becomes the message.
//! let err = RemoteError::from_response(502, b"<html>Bad Gateway</html>");
//! assert_eq!((err.status(), err.code()), (502, None));
//! # }
//! ```
//!
//! `known_as::<YourKind>()` matches the code against your own enum's kind
//! ([what the derive generates](#what-the-derive-generates)).
//!
//! # gRPC
//!
//! With `tonic`, every derived error converts into a `tonic::Status` carrying `ErrorInfo` (the
//! code), `RetryInfo` and the detail, and [`RemoteError::from_status`] reads any `Status` back;
//! the mapping table is in [`tonic`][tonic-module].
//!
//! ```
//! # #[cfg(feature = "tonic")] {
//! use swr_errors::{RemoteError, SwrCode};
//!
//! let status = tonic::Status::from(SwrCode::ImageNotFound);
//! assert_eq!(status.code(), tonic::Code::NotFound);
//! assert_eq!(RemoteError::from_status(&status).known(), Some(SwrCode::ImageNotFound));
//! # }
//! ```
//!
//! # Minimum supported Rust version
//!
//! `rust-version = "1.82"`. The dependencies of the default features ask for at most 1.71 (syn 3,
//! quote, proc-macro2, serde, serde_json, read from the `rust-version` of each crate in
//! `cargo tree -p swr-errors`); our own code is what needs 1.82. A framework feature raises the
//! floor to what its crates declare: `axum` 1.80 (with tokio 1.85 under it in practice), `utoipa`
//! 1.75 (indexmap 2.14 under it, 1.85), `tonic` 1.88 (tonic and tonic-types 0.14.9), `actix-web`
//! 1.89 (actix-web 4.18), `reqwest` 1.64 (tokio 1.85 under it, and the ICU crates under `url`'s
//! `idna` 1.88, as `Cargo.lock` resolves them); `http` and `tracing` stay at or below 1.82 (http
//! 1.57, httpdate 1.56, tracing 1.65). CI builds with one toolchain (1.95), so these floors are
//! read off the dependencies' manifests, not tested on the old compilers.
//!
// Links to items of features that are off point at docs.rs, so that the docs of any feature set
// build without broken links; with the feature on, rustdoc resolves them in place.
#![cfg_attr(feature = "tonic", doc = "[tonic-module]: mod@tonic")]
#![cfg_attr(
    not(feature = "tonic"),
    doc = "[tonic-module]: https://docs.rs/swr-errors/latest/swr_errors/tonic/index.html"
)]
#![cfg_attr(
    not(all(feature = "tonic", feature = "client")),
    doc = "[`RemoteError::from_status`]: https://docs.rs/swr-errors/latest/swr_errors/struct.RemoteError.html#method.from_status"
)]
#![cfg_attr(
    not(feature = "client"),
    doc = "[`RemoteError`]: https://docs.rs/swr-errors/latest/swr_errors/struct.RemoteError.html"
)]
#![cfg_attr(
    not(feature = "client"),
    doc = "[`RemoteError::from_response`]: https://docs.rs/swr-errors/latest/swr_errors/struct.RemoteError.html#method.from_response"
)]
#![cfg_attr(
    not(feature = "client"),
    doc = "[`RemoteError::known_as`]: https://docs.rs/swr-errors/latest/swr_errors/struct.RemoteError.html#method.known_as"
)]
#![cfg_attr(
    not(feature = "reqwest"),
    doc = "[`RemoteError::from_reqwest`]: https://docs.rs/swr-errors/latest/swr_errors/struct.RemoteError.html#method.from_reqwest"
)]
#![cfg_attr(
    not(feature = "reqwest"),
    doc = "[`reqwest::ResponseExt::error_for_swr`]: https://docs.rs/swr-errors/latest/swr_errors/reqwest/trait.ResponseExt.html#tymethod.error_for_swr"
)]
#![cfg_attr(
    not(feature = "axum"),
    doc = "[`axum::SwrLayer`]: https://docs.rs/swr-errors/latest/swr_errors/axum/struct.SwrLayer.html"
)]
#![cfg_attr(
    not(feature = "actix-web"),
    doc = "[`actix::SwrErrors`]: https://docs.rs/swr-errors/latest/swr_errors/actix/struct.SwrErrors.html"
)]
#![cfg_attr(
    not(feature = "utoipa"),
    doc = "[`openapi::SwrResponses`]: https://docs.rs/swr-errors/latest/swr_errors/openapi/struct.SwrResponses.html"
)]
#![forbid(unsafe_code)]
#![deny(missing_docs)]
#![cfg_attr(docsrs, feature(doc_cfg))]

mod body;
mod catalogue;
mod format;
mod json;
mod kind;
mod lookup;
#[cfg(any(feature = "client", feature = "tonic"))]
mod prefix;
#[cfg(feature = "client")]
#[cfg_attr(docsrs, doc(cfg(feature = "client")))]
mod remote;
mod response;
mod retry;
mod status;
mod swr_error;
mod table;

#[doc(hidden)]
#[path = "private/mod.rs"]
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

pub mod oci;

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
#[cfg(feature = "client")]
#[cfg_attr(docsrs, doc(cfg(feature = "client")))]
pub use remote::RemoteError;
pub use response::{ErrorResponse, RequestId, X_REQUEST_ID};
pub use retry::RetryKind;
pub use swr_error::SwrError;
pub use table::{AllVariants, Catalogue, CodeInfo};

/// Derives [`SwrError`](trait@SwrError) for an enum; see the [crate documentation](crate).
pub use swr_errors_derive::SwrError;
