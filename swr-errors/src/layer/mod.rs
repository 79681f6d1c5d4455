//! What the two app layers share, framework-neutral: their settings ([`Config`]), the format
//! negotiation, the table of framework errors, the record a derived error's response carries for
//! them, and their log events. `axum::SwrLayer` and `actix::SwrErrors` are thin adapters over it.

mod framework;
pub(crate) mod info;
#[cfg(feature = "tracing")]
pub(crate) mod log;
pub(crate) mod negotiate;

use std::borrow::Cow;

pub use framework::FrameworkErrors;

use crate::format::{BodyFormat, Context, ProblemBody};
use info::ErrorInfo;

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

/// The settings of one app's layer.
#[derive(Clone, Debug)]
pub(crate) struct Config {
    pub(crate) default_format: BodyFormat,
    /// Dual for the user agents of Huawei Cloud's SDKs.
    pub(crate) sdk_dual: bool,
    pub(crate) problem_type: Cow<'static, str>,
    pub(crate) framework: FrameworkErrors,
    /// The level of a 4xx's log event; 5xx are logged at ERROR.
    #[cfg(feature = "tracing")]
    pub(crate) client_error_level: tracing::Level,
}

impl Default for Config {
    fn default() -> Config {
        Config {
            default_format: BodyFormat::Legacy,
            sdk_dual: true,
            problem_type: Cow::Borrowed(ProblemBody::DEFAULT_TYPE_BASE),
            framework: FrameworkErrors::new(),
            #[cfg(feature = "tracing")]
            client_error_level: tracing::Level::INFO,
        }
    }
}

impl Config {
    /// The context of a body written for a request with this id.
    pub(crate) fn context<'a>(&'a self, request_id: &'a str) -> Context<'a> {
        Context {
            request_id: Some(request_id),
            problem_type: &self.problem_type,
        }
    }

    /// The record of the SWR error that replaces a framework response of `status`, with the
    /// framework's text as the detail; `None` when the table keeps that status.
    pub(crate) fn framework_error(&self, status: u16, text: &str) -> Option<ErrorInfo> {
        let replacement = self.framework.get(status)?;
        let text = text.trim();
        Some(ErrorInfo::framework(
            replacement.code,
            replacement.status,
            replacement.message.clone(),
            (!text.is_empty()).then(|| text.into()),
        ))
    }

    /// The record of the SWR error a panic becomes: no detail, as the panic's text may hold
    /// anything; it goes to the log instead.
    pub(crate) fn panic_error(&self) -> ErrorInfo {
        let replacement = self.framework.panic();
        ErrorInfo::framework(
            replacement.code,
            replacement.status,
            replacement.message.clone(),
            None,
        )
    }
}

/// The text of a panic's payload: a `&str` or a `String`, as `panic!` makes them.
#[cfg(feature = "tracing")]
pub(crate) fn panic_text(payload: &(dyn std::any::Any + Send)) -> &str {
    payload
        .downcast_ref::<&str>()
        .copied()
        .or_else(|| payload.downcast_ref::<String>().map(String::as_str))
        .unwrap_or("a panic payload that is not text")
}
