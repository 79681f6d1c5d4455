//! What the two app layers share, framework-neutral: their settings ([`Config`] and the builder
//! methods over it), the format negotiation, the table of framework errors, the record a derived
//! error's response carries for them, their log events, and the [`policy`] that decides what
//! becomes of each response. `axum::SwrLayer` and `actix::SwrErrors` are adapters: they read
//! their framework's response into the policy's facts and apply its answer.

pub(crate) mod framework;
pub(crate) mod info;
#[cfg(feature = "tracing")]
pub(crate) mod log;
pub(crate) mod negotiate;
pub(crate) mod policy;
mod settings;

pub use framework::FrameworkErrors;
pub(crate) use settings::{settings_methods, Config};

/// A response extension that tells the app's layer to leave an error response as the handler
/// built it: no rewritten body, no framework-error mapping. A derived error's response is still
/// logged (feature `tracing`).
///
/// A derived error's response built while the axum layer polls the handler is already written in
/// the request's format when the marker is added; to send one format whatever the request asks,
/// choose it: `error.response().with_format(..)`.
///
/// The layers cannot tell a handler's own plain-text 4xx from a framework's rejection (neither
/// framework marks its own responses), so they treat every error response that has no
/// `Content-Type`, or a `text/plain` one, as the framework's (unless a derived error or an
/// `ErrorResponse` built it). A handler that means to send such a response adds this marker.
///
/// ```
/// # #[cfg(feature = "axum")] {
/// use axum::http::StatusCode;
/// use axum::response::IntoResponse;
/// use swr_errors::Untouched;
///
/// // Sent as written, even through the layer.
/// let teapot = (StatusCode::IM_A_TEAPOT, [("content-type", "text/plain")], "short and stout");
/// let response = (axum::Extension(Untouched), teapot).into_response();
/// assert!(response.extensions().get::<Untouched>().is_some());
/// # }
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Untouched;

/// The text of a panic's payload: a `&str` or a `String`, as `panic!` makes them.
#[cfg(feature = "tracing")]
pub(crate) fn panic_text(payload: &(dyn std::any::Any + Send)) -> &str {
    payload
        .downcast_ref::<&str>()
        .copied()
        .or_else(|| payload.downcast_ref::<String>().map(String::as_str))
        .unwrap_or("a panic payload that is not text")
}
