//! axum 0.8: [`SwrLayer`], the app's error layer; `IntoResponse` for every derived error and for
//! [`ErrorResponse`](crate::ErrorResponse); [`RequestId`](crate::RequestId) as an extractor.
//!
//! # Example
//!
//! ```
//! use axum::{routing::get, routing::post, Router};
//! use swr_errors::axum::SwrLayer;
//! use swr_errors::{BodyFormat, RequestId, SwrCode, SwrError};
//!
//! async fn show_namespace() -> Result<String, SwrCode> {
//!     Err(SwrCode::OrganizationNotFound) // a 404 with the app's (or the client's) format
//! }
//!
//! async fn create_namespace(id: RequestId) -> Result<String, SwrCode> {
//!     // The id the layer took from the request (or generated).
//!     Ok(format!("created in request {id}"))
//! }
//!
//! let app: Router = Router::new()
//!     .route("/v2/manage/namespaces/{namespace}", get(show_namespace))
//!     .route("/v2/manage/namespaces", post(create_namespace))
//!     // Once per app, last: request ids, formats, framework errors, panics, logs.
//!     .layer(SwrLayer::new().default_format(BodyFormat::Legacy));
//! ```
//!
//! # Around the whole router
//!
//! `Router::layer` wraps every route (and the fallback) in a boxed service of its own, which
//! costs each request a clone of that box whatever the layer does (tower's no-op `Identity`
//! alone adds about 12% to the instructions and the time of a bare in-process request). Wrapped
//! around the whole router instead, the layer is one service and costs about half as much;
//! an error response then takes about as many instructions as axum's `(StatusCode, Json(body))`
//! without any layer, 1% more (the README's measurements have the times). The layer sees the same
//! requests either way, unmatched routes included.
//!
//! ```
//! use axum::{routing::get, Router, ServiceExt};
//! use swr_errors::axum::SwrLayer;
//! use swr_errors::SwrCode;
//! use tower_layer::Layer;
//!
//! async fn show() -> Result<String, SwrCode> {
//!     Err(SwrCode::OrganizationNotFound)
//! }
//!
//! let routes = Router::new().route("/v2/manage/namespaces/{namespace}", get(show));
//! let app = SwrLayer::new().layer(routes);
//! // `axum::serve(listener, app.into_make_service())`
//! let _service = app.into_make_service();
//! ```
//!
//! # Without the layer
//!
//! A derived error still converts (`IntoResponse`): its status, `Content-Type:
//! application/json`, the Legacy body. Built while the layer polls the handler, the body is
//! written at once in the request's format and the error's record (code, message, detail and,
//! with `tracing`, its causes) goes straight to the layer; middleware between the layer and the
//! handler sees the response in its final format. Built anywhere else (without a layer, or in a
//! task of its own) it carries that record as a response extension, from which a layer
//! rewrites the body in the negotiated format and logs, and which it then removes; nothing else
//! reads it. A response that went through a layer is final: a layer further out (when a handler
//! drives another app) passes it on as a handler's own.
//!
//! # What the layer treats as axum's own response
//!
//! axum marks none of its own responses. Its fallback answers an unmatched route with a bare
//! 404 and a wrong method with a bare 405 (and `Allow`); every extractor rejection (malformed or
//! mistyped JSON, a missing JSON `Content-Type`, a body over `DefaultBodyLimit`, a bad path
//! parameter or query string) is its status with a `text/plain; charset=utf-8` text. So the layer
//! treats an error response (status 400 to 599) as the framework's when it has
//!
//! - no record of an SWR error (it was not made by a derived error or an `ErrorResponse`),
//! - no [`Untouched`] extension,
//! - and either no `Content-Type` or a `text/plain` one;
//!
//! and replaces it by the [`FrameworkErrors`] table (axum's text
//! becomes the `detail`; other headers, such as `Allow`, are kept). A handler's own bare status
//! or plain-text error is therefore replaced too: mark it [`Untouched`] to send it
//! as written, `.keep(status)` a status in the table, or turn the mapping off with
//! `SwrLayer::framework_errors(FrameworkErrors::none())`. A response with any other content
//! type (JSON, HTML...) passes untouched, as does every response below 400.

mod exchange;
mod framework;
mod layer;
mod panic;
mod polling;
mod request_id;
// `pub(crate)`: `__private` re-exports the conversion the derive's code calls.
pub(crate) mod response;

pub use layer::{SwrFuture, SwrLayer, SwrService};

pub use crate::layer::{FrameworkErrors, Untouched};
