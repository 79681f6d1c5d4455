//! The layers' log events (feature `tracing`): each SWR error response once (one with a record of
//! an SWR error: a derived error's, an `ErrorResponse`'s, a replaced framework error's), a 5xx at
//! ERROR with the error's `source()` chain, a 4xx at the app's level; and each panic, at ERROR.

use tracing::Level;

use super::info::ErrorInfo;

/// The request an event is about.
pub(crate) struct RequestLine<'a> {
    pub(crate) method: &'a str,
    pub(crate) path: &'a str,
    pub(crate) request_id: &'a str,
}

/// One event for an error response sent with `status`: at ERROR for a 5xx, at `client_level`
/// for a 4xx. The status is the one the client got, which a handler may have chosen over the
/// error's own (`(StatusCode::SERVICE_UNAVAILABLE, error)`).
pub(crate) fn error_response(
    client_level: Level,
    info: &ErrorInfo,
    status: u16,
    request: &RequestLine<'_>,
) {
    let level = if status >= 500 {
        Level::ERROR
    } else {
        client_level
    };
    let sources = info.sources.as_deref().unwrap_or("");
    macro_rules! emit {
        ($level:expr) => {
            tracing::event!(
                target: "swr_errors",
                $level,
                code = info.code,
                status = status,
                request_id = request.request_id,
                method = request.method,
                path = request.path,
                sources = sources,
                "{}",
                info.message
            )
        };
    }
    match level {
        Level::ERROR => emit!(Level::ERROR),
        Level::WARN => emit!(Level::WARN),
        Level::INFO => emit!(Level::INFO),
        Level::DEBUG => emit!(Level::DEBUG),
        _ => emit!(Level::TRACE),
    }
}

/// One event for a handler's panic, with the panic's text, which no body carries.
pub(crate) fn panic(request: &RequestLine<'_>, text: &str) {
    tracing::event!(
        target: "swr_errors",
        Level::ERROR,
        request_id = request.request_id,
        method = request.method,
        path = request.path,
        panic = text,
        "handler panicked"
    );
}
