//! actix-web 4: [`SwrErrors`], the app's error middleware; `ResponseError` for every derived
//! error and for [`ErrorResponse`](crate::ErrorResponse); [`RequestId`](crate::RequestId) as an
//! extractor.
//!
//! Without the middleware a derived error still converts: its status, `Content-Type:
//! application/json`, the Legacy body, and a small record (code, status, message, detail and,
//! with `tracing`, its causes) in the response's extensions, which the middleware reads.

mod middleware;
mod request_id;
// `pub(crate)`: `__private` re-exports the conversion the derive's code calls.
pub(crate) mod response;

pub use middleware::{SwrErrors, SwrErrorsService};

pub use crate::layer::{FrameworkErrors, Untouched};
