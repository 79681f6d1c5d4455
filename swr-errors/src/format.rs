//! [`BodyFormat`]: the two JSON shapes an SWR-style error body can take, and [`DualErrorBody`],
//! the serde type of the second one.

use std::fmt;
use std::str::FromStr;
use std::sync::atomic::{AtomicU8, Ordering};

use serde::{Deserialize, Serialize};

use crate::body::ErrorEntry;
use crate::json;

/// The JSON shape of an error body.
///
/// - [`Legacy`](BodyFormat::Legacy), the default: the array of the published SWR error table,
///   `[{"errorCode":"SVCSTG.SWR.4040010","errorMessage":"The image does not exist.","detail":""}]`.
/// - [`Dual`](BodyFormat::Dual): an object with the top-level `"error_code"` and `"error_msg"`
///   that Huawei Cloud's current documentation describes and its official SDKs (Python, Go,
///   Java) read, plus the legacy entry under `"errors"`:
///   `{"error_code":"SVCSTG.SWR.4040010","error_msg":"The image does not exist.","errors":[{"errorCode":"SVCSTG.SWR.4040010","errorMessage":"The image does not exist.","detail":""}]}`.
///
/// The SDKs' exception handlers look for a code only in a JSON *object*: given the legacy array,
/// their callers see the HTTP status where the error code should be. Choose `Dual` when clients
/// use those SDKs; `Legacy` when they parse the table's array.
///
/// Choose per response with [`ErrorResponse::with_format`](crate::ErrorResponse::with_format), or for the
/// whole process with [`BodyFormat::set_global_default`].
///
/// # Example
///
/// ```
/// use swr_errors::{BodyFormat, SwrCode, SwrError};
///
/// let err = SwrCode::OrganizationNotFound;
/// assert_eq!(
///     err.to_json_as(BodyFormat::Legacy),
///     r#"[{"errorCode":"SVCSTG.SWR.4040058","errorMessage":"The organization does not exist.","detail":""}]"#
/// );
/// assert_eq!(
///     err.to_json_as(BodyFormat::Dual),
///     concat!(
///         r#"{"error_code":"SVCSTG.SWR.4040058","error_msg":"The organization does not exist.","#,
///         r#""errors":[{"errorCode":"SVCSTG.SWR.4040058","errorMessage":"The organization does not exist.","detail":""}]}"#
///     )
/// );
/// assert_eq!("dual".parse::<BodyFormat>(), Ok(BodyFormat::Dual));
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum BodyFormat {
    /// The published table's array, `[{"errorCode","errorMessage","detail"}]`.
    #[default]
    Legacy,
    /// `{"error_code","error_msg","errors":[{"errorCode","errorMessage","detail"}]}`: readable by
    /// Huawei Cloud's SDKs and by clients of the legacy entry alike.
    Dual,
}

/// The process-wide default: 0 is `Legacy`, 1 is `Dual`.
static GLOBAL_DEFAULT: AtomicU8 = AtomicU8::new(0);

impl BodyFormat {
    /// The format's name as [`FromStr`] reads it: `"legacy"` or `"dual"`.
    pub const fn as_str(self) -> &'static str {
        match self {
            BodyFormat::Legacy => "legacy",
            BodyFormat::Dual => "dual",
        }
    }

    /// Sets the format that responses use when none is chosen for them: the framework
    /// conversions of a derived error (`IntoResponse`, `ResponseError`, `From<E> for
    /// http::Response`) and [`ErrorResponse::new`](crate::ErrorResponse::new).
    ///
    /// The setting is process-wide, like a logger's maximum level: an application sets it once at
    /// start-up; a library should not call it, and should choose per response instead.
    ///
    /// ```
    /// use swr_errors::BodyFormat;
    ///
    /// BodyFormat::set_global_default(BodyFormat::Dual);
    /// assert_eq!(BodyFormat::global_default(), BodyFormat::Dual);
    /// # BodyFormat::set_global_default(BodyFormat::Legacy);
    /// ```
    pub fn set_global_default(format: BodyFormat) {
        GLOBAL_DEFAULT.store(format as u8, Ordering::Relaxed);
    }

    /// The format set by [`set_global_default`](BodyFormat::set_global_default);
    /// [`Legacy`](BodyFormat::Legacy) until it is called.
    pub fn global_default() -> BodyFormat {
        match GLOBAL_DEFAULT.load(Ordering::Relaxed) {
            1 => BodyFormat::Dual,
            _ => BodyFormat::Legacy,
        }
    }
}

impl fmt::Display for BodyFormat {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The error of parsing a [`BodyFormat`] from a string other than `legacy` or `dual`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnknownBodyFormat(String);

impl fmt::Display for UnknownBodyFormat {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "unknown body format `{}`: expected `legacy` or `dual`",
            self.0
        )
    }
}

impl std::error::Error for UnknownBodyFormat {}

impl FromStr for BodyFormat {
    type Err = UnknownBodyFormat;

    /// `"legacy"` or `"dual"`, in any case.
    fn from_str(text: &str) -> Result<BodyFormat, UnknownBodyFormat> {
        if text.eq_ignore_ascii_case("legacy") {
            Ok(BodyFormat::Legacy)
        } else if text.eq_ignore_ascii_case("dual") {
            Ok(BodyFormat::Dual)
        } else {
            Err(UnknownBodyFormat(text.to_owned()))
        }
    }
}

/// The [`Dual`](BodyFormat::Dual) error body as a serde type:
/// `{"error_code":...,"error_msg":...,"errors":[{"errorCode":...,"errorMessage":...,"detail":...}]}`.
///
/// Serializing it with `serde_json` gives the same bytes as
/// [`SwrError::to_json_as(BodyFormat::Dual)`](crate::SwrError::to_json_as); deserializing
/// accepts a body without `"errors"` (an empty list), as Huawei Cloud's other services send.
///
/// ```
/// use swr_errors::{BodyFormat, DualErrorBody, SwrCode, SwrError};
///
/// let json = SwrCode::OrganizationExists.to_json_as(BodyFormat::Dual);
/// let body: DualErrorBody = serde_json::from_str(&json).unwrap();
/// assert_eq!(body.error_code, "SVCSTG.SWR.4090060");
/// assert_eq!(body.errors[0].error_message, body.error_msg);
/// assert_eq!(serde_json::to_string(&body).unwrap(), json);
///
/// let sdk_style: DualErrorBody =
///     serde_json::from_str(r#"{"error_code":"SVCSTG.SWR.4040058","error_msg":"gone"}"#).unwrap();
/// assert!(sdk_style.errors.is_empty());
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct DualErrorBody {
    /// `"error_code"`: the code, such as `SVCSTG.SWR.4040058`.
    pub error_code: String,
    /// `"error_msg"`: the human-readable message.
    pub error_msg: String,
    /// `"errors"`: the legacy entries; one, repeating the code and message, with the detail.
    #[serde(default)]
    pub errors: Vec<ErrorEntry>,
}

impl DualErrorBody {
    /// A body with one entry.
    pub fn single(
        code: impl Into<String>,
        message: impl Into<String>,
        detail: impl Into<String>,
    ) -> DualErrorBody {
        let (code, message) = (code.into(), message.into());
        DualErrorBody {
            errors: vec![ErrorEntry {
                error_code: code.clone(),
                error_message: message.clone(),
                detail: detail.into(),
            }],
            error_code: code,
            error_msg: message,
        }
    }
}

/// The fixed text (keys, quotes, brackets) of the dual body:
/// `{"error_code":"","error_msg":"","errors":[{"errorCode":"","errorMessage":"","detail":""}]}`.
const DUAL_OVERHEAD: usize = 90;

/// The body of `format` for one error, in a `String` allocated once at the size it needs (unless
/// escapes make it longer).
pub(crate) fn body_as(format: BodyFormat, code: &str, message: &str, detail: &str) -> String {
    // The fixed text (keys, quotes, brackets) of the legacy body is 48 bytes.
    let capacity = match format {
        BodyFormat::Legacy => 48 + code.len() + message.len() + detail.len(),
        BodyFormat::Dual => dual_len(code, message, detail),
    };
    let mut out = String::with_capacity(capacity);
    write_body_as(&mut out, format, code, message, detail);
    out
}

/// The length of the dual body when nothing needs escaping: the code and message appear twice.
fn dual_len(code: &str, message: &str, detail: &str) -> usize {
    DUAL_OVERHEAD + 2 * (code.len() + message.len()) + detail.len()
}

/// Appends the body of `format` for one error to `out`.
pub(crate) fn write_body_as(
    out: &mut String,
    format: BodyFormat,
    code: &str,
    message: &str,
    detail: &str,
) {
    match format {
        BodyFormat::Legacy => json::write_body(out, code, message, detail),
        BodyFormat::Dual => write_dual(out, code, message, detail),
    }
}

/// Appends `{"error_code":code,"error_msg":message,"errors":[entry]}` to `out`: the field order of
/// [`DualErrorBody`], so the bytes are those `serde_json` writes for it.
pub(crate) fn write_dual(out: &mut String, code: &str, message: &str, detail: &str) {
    // One reservation for the whole body when nothing needs escaping, as `json::write_body` does.
    out.reserve(dual_len(code, message, detail));
    out.push_str(r#"{"error_code":"#);
    json::write_str(out, code);
    out.push_str(r#","error_msg":"#);
    json::write_str(out, message);
    out.push_str(r#","errors":["#);
    json::write_entry(out, code, message, detail);
    out.push_str("]}");
}

#[cfg(test)]
mod tests {
    use super::{write_body_as, BodyFormat, DualErrorBody};

    fn body(format: BodyFormat, code: &str, message: &str, detail: &str) -> String {
        let mut out = String::new();
        write_body_as(&mut out, format, code, message, detail);
        out
    }

    #[test]
    fn dual_is_byte_identical_to_serde_json_even_with_escapes() {
        let cases = [
            ("SVCSTG.SWR.4040058", "The organization does not exist.", ""),
            (
                "SVCSTG.X.4001001",
                "quote \" back \\ nl \n tab \t",
                "ctl \u{1} \u{1f} é 😀",
            ),
            ("SVCSTG.X.5001002", "", "\u{2028}</script>"),
        ];
        for (code, message, detail) in cases {
            let expected =
                serde_json::to_string(&DualErrorBody::single(code, message, detail)).unwrap();
            assert_eq!(body(BodyFormat::Dual, code, message, detail), expected);
        }
    }

    #[test]
    fn legacy_is_the_array_and_dual_nests_it_under_errors() {
        let legacy = body(BodyFormat::Legacy, "SVCSTG.SWR.4040083", "m", "d");
        let dual = body(BodyFormat::Dual, "SVCSTG.SWR.4040083", "m", "d");
        let legacy: serde_json::Value = serde_json::from_str(&legacy).unwrap();
        let dual: serde_json::Value = serde_json::from_str(&dual).unwrap();
        assert!(legacy.is_array());
        assert_eq!(dual["error_code"], "SVCSTG.SWR.4040083");
        assert_eq!(dual["error_msg"], "m");
        assert_eq!(dual["errors"], legacy);
        assert_eq!(dual.as_object().unwrap().len(), 3);
    }

    #[test]
    fn body_as_allocates_exactly_what_an_unescaped_body_needs() {
        for format in [BodyFormat::Legacy, BodyFormat::Dual] {
            for (code, message, detail) in [("SVCSTG.SWR.4040058", "m", ""), ("C", "", "d")] {
                let out = super::body_as(format, code, message, detail);
                assert_eq!(out, body(format, code, message, detail));
                assert_eq!(out.capacity(), out.len(), "{format:?} {code}");
            }
        }
    }

    #[test]
    fn appends_to_what_the_buffer_holds() {
        let mut out = String::from("prefix:");
        write_body_as(&mut out, BodyFormat::Dual, "SVCSTG.X.4000001", "m", "");
        assert!(out.starts_with(r#"prefix:{"error_code""#));
    }

    #[test]
    fn parses_and_prints_names() {
        for format in [BodyFormat::Legacy, BodyFormat::Dual] {
            assert_eq!(format.to_string().parse::<BodyFormat>(), Ok(format));
        }
        assert_eq!("DUAL".parse::<BodyFormat>(), Ok(BodyFormat::Dual));
        let err = "json".parse::<BodyFormat>().unwrap_err();
        assert_eq!(
            err.to_string(),
            "unknown body format `json`: expected `legacy` or `dual`"
        );
        assert_eq!(BodyFormat::default(), BodyFormat::Legacy);
    }
}
