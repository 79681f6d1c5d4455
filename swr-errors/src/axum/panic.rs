//! A handler's panic, caught: the app keeps serving, the client gets a 500 SWR body without the
//! panic's text, and the text goes to the log.
//!
//! axum catches no panics; tower-http's `CatchPanic` does, but writes its own body. The layer
//! catches both a panic of the inner service's `call` and one while its future is polled
//! (`futures-util`'s `catch_unwind`), the two places a handler's code runs.

use std::any::Any;
use std::panic::{catch_unwind, AssertUnwindSafe};

use ::axum::body::Body;
use ::axum::http::StatusCode;
use ::axum::response::Response;

use super::framework::set_body_headers;
use crate::format::{BodyFormat, Context};
use crate::layer::info::ErrorInfo;
use crate::layer::Config;

/// What a guarded call gives: the inner service's result, or a panic's payload.
pub(super) type Caught<T> = Result<T, Box<dyn Any + Send>>;

/// Calls `call`, catching a panic.
///
/// `AssertUnwindSafe` here and around the future (in the layer's `SwrFuture`): after a panic
/// nothing of the handler's is used again; the request and its future are dropped, as a
/// panicking thread's state would be.
pub(super) fn call<F>(call: impl FnOnce() -> F) -> Caught<F> {
    catch_unwind(AssertUnwindSafe(call))
}

/// The 500 response that replaces a panic, and its record.
pub(super) fn response(
    config: &Config,
    format: BodyFormat,
    context: Context<'_>,
) -> (Response, ErrorInfo) {
    let info = config.panic_error();
    let mut response = Response::new(Body::from(info.body(format, context)));
    *response.status_mut() =
        StatusCode::from_u16(info.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    set_body_headers(response.headers_mut(), format);
    (response, info)
}
