//! [`ErrorInfo`], the error behind a response, and [`Written`], an error response as the crate
//! wrote it: what an error response carries, in its extensions, for the app's layer.
//!
//! A derived error's `IntoResponse` (axum) and `ResponseError` (actix-web) write the Legacy body
//! at once, so a response is complete without a layer, and attach this small record, so a layer
//! can rewrite the body in the format it negotiated (without the error itself, which the
//! conversion consumed) and log the error's causes, which no body carries. (Built while the axum
//! layer polls the handler, the response is written in the negotiated format at once and the
//! record goes to that layer directly, not as an extension: `axum::polling`.)

use std::borrow::Cow;
#[cfg(feature = "tracing")]
use std::error::Error;

use crate::format::{self, BodyFormat, Context, Fields};
use crate::SwrError;

/// The error behind a response: enough to write its body in any format, and to log it.
#[derive(Clone, Debug)]
pub(crate) struct ErrorInfo {
    pub(crate) code: &'static str,
    pub(crate) status: u16,
    pub(crate) message: Cow<'static, str>,
    pub(crate) detail: Option<Box<str>>,
    /// Whether `detail` is JSON text ([`SwrError::detail_is_json`]).
    pub(crate) detail_is_json: bool,
    /// The format the handler chose (`ErrorResponse::with_format`), which the layer keeps;
    /// `None` for the one it negotiates.
    pub(crate) chosen: Option<BodyFormat>,
    /// The error's `source()` chain, `": "`-separated, for the log; only with `tracing`, and
    /// only when the error has a source.
    #[cfg(feature = "tracing")]
    pub(crate) sources: Option<Box<str>>,
}

impl ErrorInfo {
    /// The record of `error`, with its source chain (through [`SwrError::as_error`]) for the log.
    pub(crate) fn of(error: &dyn SwrError, chosen: Option<BodyFormat>) -> ErrorInfo {
        ErrorInfo {
            code: error.code(),
            status: crate::status::sent_status(error),
            message: error.message(),
            detail: error.detail().map(|detail| detail.into()),
            detail_is_json: error.detail_is_json(),
            chosen: error.body_format().or(chosen),
            #[cfg(feature = "tracing")]
            sources: error.as_error().and_then(source_chain),
        }
    }

    /// A record of a catalogue entry with a detail of the occurrence: a framework error or a
    /// panic, neither of which has a source.
    pub(crate) fn framework(
        code: &'static str,
        status: u16,
        message: Cow<'static, str>,
        detail: Option<Box<str>>,
    ) -> ErrorInfo {
        ErrorInfo {
            code,
            status,
            message,
            detail,
            detail_is_json: false,
            chosen: None,
            #[cfg(feature = "tracing")]
            sources: None,
        }
    }

    /// The body in `format` for a response sent with `status`, through the one writer of every
    /// format.
    pub(crate) fn body(&self, format: BodyFormat, status: u16, context: Context<'_>) -> String {
        let fields = Fields {
            code: self.code,
            status,
            message: &self.message,
            detail: self.detail.as_deref(),
            detail_is_json: self.detail_is_json,
            request_id: context.request_id,
            problem_type: context.problem_type,
        };
        let mut out = String::new();
        format::write_fields(&mut out, format, &fields);
        out
    }
}

/// An error response as the crate wrote it: the error's record, and what its body says besides,
/// by which the layer tells whether the body it meets is still this one and whether it names
/// what the client gets (the layer's `policy`).
#[derive(Clone, Debug)]
pub(crate) struct Written {
    /// The error; its `status` is the one the body was written for.
    pub(crate) info: ErrorInfo,
    /// The body's format.
    pub(crate) format: BodyFormat,
    /// The body's length in bytes.
    pub(crate) len: usize,
    /// The request id an `ErrorResponse` gave it, which the response's header carries and a
    /// Problem body names.
    pub(crate) own_id: Option<Box<str>>,
}

impl Written {
    /// The record of `error`'s body, written in `format` at `len` bytes.
    pub(crate) fn of(
        error: &dyn SwrError,
        chosen: Option<BodyFormat>,
        format: BodyFormat,
        len: usize,
        own_id: Option<&str>,
    ) -> Written {
        Written {
            info: ErrorInfo::of(error, chosen),
            format,
            len,
            own_id: own_id.map(Into::into),
        }
    }
}

/// `error`'s sources, outermost first, `": "`-separated; `None` without a source.
#[cfg(feature = "tracing")]
fn source_chain(error: &dyn Error) -> Option<Box<str>> {
    use std::fmt::Write;

    let mut source = error.source()?;
    let mut chain = String::new();
    // A cycle of sources is a bug of some error type; it must not hang the server.
    for depth in 0..64 {
        if depth > 0 {
            chain.push_str(": ");
        }
        let _ = write!(chain, "{source}");
        match source.source() {
            Some(next) => source = next,
            None => break,
        }
    }
    Some(chain.into())
}

#[cfg(all(test, feature = "tracing"))]
mod tests {
    use std::borrow::Cow;

    use super::ErrorInfo;
    use crate::{BodyFormat, SwrCode, SwrError};

    /// An error named `name`, caused by `cause`.
    #[derive(Debug)]
    struct Layered {
        name: &'static str,
        cause: Option<Box<Layered>>,
    }

    impl std::fmt::Display for Layered {
        fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str(self.name)
        }
    }

    impl std::error::Error for Layered {
        fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
            self.cause.as_deref().map(|cause| cause as _)
        }
    }

    fn layered(names: &[&'static str]) -> Option<Box<Layered>> {
        let (first, rest) = names.split_first()?;
        Some(Box::new(Layered {
            name: first,
            cause: layered(rest),
        }))
    }

    /// A hand-written `SwrError` that says it is a `std::error::Error`.
    impl SwrError for Layered {
        fn code(&self) -> &'static str {
            "SVCSTG.SWR.5000007"
        }

        fn status(&self) -> u16 {
            500
        }

        fn message(&self) -> Cow<'static, str> {
            Cow::Borrowed(self.name)
        }

        fn as_error(&self) -> Option<&dyn std::error::Error> {
            Some(self)
        }
    }

    #[test]
    fn the_chain_starts_at_the_first_source() {
        let error = layered(&["top", "middle", "disk full"]).unwrap();
        let info = ErrorInfo::of(&*error, None);
        assert_eq!(info.sources.as_deref(), Some("middle: disk full"));
        let alone = layered(&["top"]).unwrap();
        let info = ErrorInfo::of(&*alone, None);
        assert_eq!(info.sources, None);
        let info = ErrorInfo::of(&SwrCode::OperationFailed, Some(BodyFormat::Dual));
        assert_eq!(info.chosen, Some(BodyFormat::Dual));
        assert_eq!(info.code, "SVCSTG.SWR.5000007");
    }
}
