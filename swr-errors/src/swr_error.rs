//! The [`SwrError`] trait: what every SWR-style API error can say about itself.

use std::borrow::Cow;

use crate::body::ErrorBody;
use crate::format::{self, BodyFormat, Context};
use crate::response::ErrorResponse;
use crate::retry::RetryKind;

/// An API error with an SWR-style code, an HTTP status and a message.
///
/// Derive it with `#[derive(SwrError)]` (the derive macro of the same name, re-exported beside this
/// trait) rather than implementing it by hand: the derive checks the codes at compile time and
/// generates the lookups, `Display`, `std::error::Error` and the HTTP integrations as well.
///
/// The trait is dyn-compatible: `&dyn SwrError` and `Box<dyn SwrError>` work.
///
/// # Example
///
/// ```
/// use swr_errors::SwrError;
///
/// #[derive(Debug, SwrError)]
/// enum ChartError {
///     /// The chart does not exist.
///     #[swr(code = "SVCSTG.CHARTS.4040001", status = 404)]
///     ChartMissing,
///
///     #[swr(code = "SVCSTG.CHARTS.4001002", status = 400, message = "Invalid tag {tag} for {repo}")]
///     BadTag { repo: String, tag: String },
/// }
///
/// assert_eq!(ChartError::ChartMissing.code(), "SVCSTG.CHARTS.4040001");
/// assert_eq!(ChartError::ChartMissing.status(), 404);
/// assert_eq!(ChartError::ChartMissing.message(), "The chart does not exist.");
///
/// let bad = ChartError::BadTag { repo: "nginx".into(), tag: "v?".into() };
/// assert_eq!(bad.message(), "Invalid tag v? for nginx");
/// assert_eq!(
///     bad.to_json(),
///     r#"[{"errorCode":"SVCSTG.CHARTS.4001002","errorMessage":"Invalid tag v? for nginx","detail":""}]"#
/// );
/// ```
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not an SWR error: it does not implement `swr_errors::SwrError`",
    label = "not an SWR error",
    note = "derive it with `#[derive(SwrError)]`; a #[swr(transparent)] variant wraps a type that implements SwrError"
)]
pub trait SwrError {
    /// The error code, such as `"SVCSTG.SWR.4040010"`.
    fn code(&self) -> &'static str;

    /// The HTTP status of the response that carries this error, 400 to 599.
    ///
    /// The derive checks the range. A hand-written impl that returns anything else is sent, in
    /// the status line and in a Problem body's `status` alike, as 500: an error never goes out
    /// as a success.
    fn status(&self) -> u16;

    /// The human-readable message: borrowed when it has nothing to interpolate.
    fn message(&self) -> Cow<'static, str>;

    /// The text for the body's `"detail"` field: `None` unless the variant has a
    /// `#[swr(detail)]` field.
    fn detail(&self) -> Option<Cow<'_, str>> {
        None
    }

    /// Whether [`detail`](SwrError::detail) is JSON text rather than plain text: true for a
    /// `#[swr(detail = "json")]` field, which the derive serializes with `serde_json`.
    ///
    /// [`BodyFormat::Oci`] writes such a detail as the JSON value it holds (`"detail":{"Tag":"latest"}`)
    /// and any other as a JSON string; the other formats write every detail as a string. A
    /// hand-written impl that returns true must return valid JSON text from `detail`.
    fn detail_is_json(&self) -> bool {
        false
    }

    /// The body format every response of this error is written in, whatever the app's default,
    /// the request or [`ErrorResponse::with_format`]: `Some(BodyFormat::Oci)` for an enum
    /// derived with `#[swr(format = "oci")]` (the registry API's errors, which OCI clients read
    /// in no other shape), through transparent variants too. `None`, the default, leaves the
    /// choice to the response and the app's layer.
    fn body_format(&self) -> Option<BodyFormat> {
        None
    }

    /// Whether, and how, a client may retry the request that failed with this error.
    fn retry_kind(&self) -> Option<RetryKind> {
        None
    }

    /// This error as a [`std::error::Error`], when its type is one; `None` unless implemented.
    ///
    /// The app layers log an error response's [`source()`](std::error::Error::source) chain
    /// from it (feature `tracing`), whether the error was returned as it is or inside an
    /// [`ErrorResponse`]: the chain reaches the log, never a body. `#[derive(SwrError)]`
    /// implements it whenever the type implements `Error`, by the derive's own impl or by
    /// another (thiserror's beside `#[swr(display = false)]`); a hand-written impl can return
    /// `Some(self)`.
    ///
    /// ```
    /// use swr_errors::{SwrCode, SwrError};
    ///
    /// let error = SwrCode::OperationFailed;
    /// assert_eq!(error.as_error().unwrap().to_string(), error.message());
    /// ```
    fn as_error(&self) -> Option<&dyn std::error::Error> {
        None
    }

    /// The value whose code is `code`, among the variants that carry no data (and, through
    /// transparent variants, the values of the types they wrap). `None` for any other string.
    ///
    /// The derive generates an exact lookup that allocates nothing: it checks the service prefix,
    /// parses the seven digits and finds the number in a collision-free `number % M` slot table
    /// (a `match` on the number when the derive finds no such table).
    fn from_code(code: &str) -> Option<Self>
    where
        Self: Sized,
    {
        let _ = code;
        None
    }

    /// The error body: one entry with this error's code, message and detail (`""` when none).
    fn to_body(&self) -> ErrorBody {
        ErrorBody::single(
            self.code(),
            self.message(),
            self.detail().map(Cow::into_owned).unwrap_or_default(),
        )
    }

    /// The error body as JSON text, in the SWR format:
    /// `[{"errorCode":"...","errorMessage":"...","detail":""}]`.
    fn to_json(&self) -> String {
        let mut out = String::new();
        self.write_json(&mut out);
        out
    }

    /// Appends the JSON body ([`to_json`](SwrError::to_json)'s text) to `out`.
    ///
    /// For a variant with a static message and no detail this allocates nothing beyond the growth
    /// of `out`: reuse one buffer across responses and it allocates nothing at all. The output is
    /// valid JSON whatever the message and detail hold (quotes, control characters, any Unicode),
    /// byte for byte what `serde_json` writes for the same body.
    fn write_json(&self, out: &mut String) {
        format::legacy::write(
            out,
            self.code(),
            &self.message(),
            self.detail().as_deref().unwrap_or(""),
        );
    }

    /// The error body as JSON text in `format`: [`to_json`](SwrError::to_json)'s array for
    /// [`BodyFormat::Legacy`], the object of [`DualErrorBody`](crate::DualErrorBody) for
    /// [`BodyFormat::Dual`], the RFC 9457 object of [`ProblemBody`](crate::ProblemBody) (with the
    /// default `type` base and no request id) for [`BodyFormat::Problem`].
    fn to_json_as(&self, format: BodyFormat) -> String {
        format::error_body(format, self, Context::default())
    }

    /// Appends the JSON body in `format` to `out`; allocates no more than
    /// [`write_json`](SwrError::write_json) does (nothing but the growth of `out` for a variant
    /// with a static message and no detail), and writes what `serde_json` writes for the same
    /// body.
    fn write_json_as(&self, format: BodyFormat, out: &mut String) {
        format::write_error(out, format, self, Context::default());
    }

    /// This error on its way to an HTTP response: set the body format and request id with the
    /// [`ErrorResponse`] builder, then convert it with the `http`, `axum` or `actix-web`
    /// feature.
    ///
    /// ```
    /// use swr_errors::{BodyFormat, SwrCode, SwrError};
    ///
    /// let response = SwrCode::UrlNotFound.response().with_format(BodyFormat::Dual);
    /// assert_eq!(response.status(), 404);
    /// assert!(response.body().contains(r#""error_msg":"The requested URL cannot be found.""#));
    /// ```
    fn response(self) -> ErrorResponse<Self>
    where
        Self: Sized,
    {
        ErrorResponse::new(self)
    }
}
