//! A handler's panic, caught: the app keeps serving, the client gets a 500 SWR body without the
//! panic's text, and the text goes to the log.
//!
//! axum catches no panics; tower-http's `CatchPanic` does, but writes its own body. The layer
//! catches both a panic of the inner service's `call` and one while its future is polled
//! (`futures-util`'s `catch_unwind`), the two places a handler's code runs.

use std::any::Any;
use std::panic::{catch_unwind, AssertUnwindSafe};

use ::axum::body::Body;
use ::axum::response::Response;

use super::framework::set_body_headers;
use crate::format::BodyFormat;
use crate::http_response;

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

/// The response that replaces a panic: `body`, written in `format`, sent with `status`.
pub(super) fn response(status: u16, body: String, format: BodyFormat) -> Response {
    let mut response = Response::new(Body::from(body));
    *response.status_mut() = http_response::status_code(status);
    set_body_headers(response.headers_mut(), format);
    response
}
