//! The body formats: [`BodyFormat`], and the one place every body is written.
//!
//! Each format is one file holding one implementation of the internal [`Format`] trait (its size
//! estimate and its writer) and, where it has one, its serde type: [`legacy`], [`dual`]
//! ([`DualErrorBody`]), [`problem`] ([`ProblemBody`]), [`oci`] (the OCI distribution spec's
//! envelope). Everything that writes a body goes through
//! [`write_error`] (an error) or [`write_fields`] (data from a table, such as an OpenAPI example
//! or a framework error): `SwrError::to_json_as`, every framework response, both layers and the
//! OpenAPI examples. A new format is one file and one variant of [`BodyFormat`].

mod dual;
pub(crate) mod legacy;
mod oci;
mod problem;

use std::fmt;
use std::str::FromStr;

pub use dual::DualErrorBody;
pub use problem::ProblemBody;

use crate::SwrError;

/// The `Content-Type` of the [`Legacy`](BodyFormat::Legacy), [`Dual`](BodyFormat::Dual) and
/// [`Oci`](BodyFormat::Oci) bodies.
pub const CONTENT_TYPE_JSON: &str = "application/json";

/// The `Content-Type` of the [`Problem`](BodyFormat::Problem) body (RFC 9457).
pub const CONTENT_TYPE_PROBLEM: &str = "application/problem+json";

/// The JSON shape of an error body.
///
/// - [`Legacy`](BodyFormat::Legacy), the default: the array of the published SWR error table,
///   `[{"errorCode":"SVCSTG.SWR.4040010","errorMessage":"The image does not exist.","detail":""}]`.
/// - [`Dual`](BodyFormat::Dual): an object with the top-level `"error_code"` and `"error_msg"`
///   that Huawei Cloud's current documentation describes and its official SDKs (Python, Node.js,
///   Go, Java) read, plus the legacy entry under `"errors"`:
///   `{"error_code":"SVCSTG.SWR.4040010","error_msg":"The image does not exist.","errors":[{"errorCode":"SVCSTG.SWR.4040010","errorMessage":"The image does not exist.","detail":""}]}`.
/// - [`Problem`](BodyFormat::Problem): RFC 9457 problem details, `application/problem+json`:
///   `{"type":"urn:swr-errors:code:SVCSTG.SWR.4040010","title":"The image does not exist.","status":404,"code":"SVCSTG.SWR.4040010"}`
///   (see [`ProblemBody`]).
/// - [`Oci`](BodyFormat::Oci): the error envelope of the OCI distribution spec, the registry API's
///   (`/v2/<name>/manifests/...`), `application/json`:
///   `{"errors":[{"code":"MANIFEST_UNKNOWN","message":"manifest unknown","detail":{"Tag":"latest"}}]}`.
///   OCI clients read nothing else: an enum derived with `#[swr(format = "oci")]` is always sent
///   in it, whatever the app's default or the request.
///
/// The SDKs' exception handlers look for a code only in a JSON *object*: given the legacy array,
/// their callers see the HTTP status where the error code should be. The layers
/// (`axum::SwrLayer`, `actix::SwrErrors`)
/// choose per request: Problem for `Accept: application/problem+json`, Dual for the SDKs' user
/// agents, the app's default otherwise. Without a layer, choose per response with
/// [`ErrorResponse::with_format`](crate::ErrorResponse::with_format); a direct conversion
/// (`IntoResponse`, `ResponseError`, `From<E> for http::Response`) writes Legacy.
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
/// assert_eq!(BodyFormat::Problem.content_type(), "application/problem+json");
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
    /// RFC 9457 problem details: `{"type","title","status","detail"?,"code","request_id"?}`,
    /// sent as `application/problem+json`.
    Problem,
    /// The OCI distribution spec's envelope, `{"errors":[{"code","message","detail"?}]}`: the
    /// detail as a JSON value (a string, or the structure of a `#[swr(detail = "json")]` field),
    /// left out when there is none.
    Oci,
}

impl BodyFormat {
    /// Every format, in declaration order.
    pub const ALL: [BodyFormat; 4] = [
        BodyFormat::Legacy,
        BodyFormat::Dual,
        BodyFormat::Problem,
        BodyFormat::Oci,
    ];

    /// The format's name as [`FromStr`] reads it: `"legacy"`, `"dual"`, `"problem"` or `"oci"`.
    pub const fn as_str(self) -> &'static str {
        match self {
            BodyFormat::Legacy => "legacy",
            BodyFormat::Dual => "dual",
            BodyFormat::Problem => "problem",
            BodyFormat::Oci => "oci",
        }
    }

    /// The `Content-Type` a body of this format is sent with: [`CONTENT_TYPE_JSON`], or
    /// [`CONTENT_TYPE_PROBLEM`] for [`Problem`](BodyFormat::Problem).
    pub const fn content_type(self) -> &'static str {
        match self {
            BodyFormat::Legacy | BodyFormat::Dual | BodyFormat::Oci => CONTENT_TYPE_JSON,
            BodyFormat::Problem => CONTENT_TYPE_PROBLEM,
        }
    }

    /// Whether a `Content-Type` header's value is this format's, as the crate writes it: how
    /// both layers tell a body they wrote from one put in its place (so only with a layer's
    /// feature: without, it would be dead code).
    #[cfg(any(feature = "axum", feature = "actix-web"))]
    pub(crate) fn is_content_type(self, value: &[u8]) -> bool {
        value == self.content_type().as_bytes()
    }
}

impl fmt::Display for BodyFormat {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The error of parsing a [`BodyFormat`] from a string other than `legacy`, `dual`, `problem` or
/// `oci`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnknownBodyFormat(String);

impl fmt::Display for UnknownBodyFormat {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "unknown body format `{}`: expected `legacy`, `dual`, `problem` or `oci`",
            self.0
        )
    }
}

impl std::error::Error for UnknownBodyFormat {}

impl FromStr for BodyFormat {
    type Err = UnknownBodyFormat;

    /// `"legacy"`, `"dual"`, `"problem"` or `"oci"`, in any case.
    fn from_str(text: &str) -> Result<BodyFormat, UnknownBodyFormat> {
        BodyFormat::ALL
            .into_iter()
            .find(|format| text.eq_ignore_ascii_case(format.as_str()))
            .ok_or_else(|| UnknownBodyFormat(text.to_owned()))
    }
}

/// What a body says: the error's data and the response's context.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Fields<'a> {
    pub(crate) code: &'a str,
    pub(crate) status: u16,
    pub(crate) message: &'a str,
    pub(crate) detail: Option<&'a str>,
    /// Whether `detail` is JSON text, which [`Oci`](BodyFormat::Oci) writes as a value (the
    /// other formats write any detail as a string).
    pub(crate) detail_is_json: bool,
    pub(crate) request_id: Option<&'a str>,
    /// The base of Problem's `type` URI, the code follows it.
    pub(crate) problem_type: &'a str,
}

/// What a body needs besides the error: its request id and the app's Problem type base.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Context<'a> {
    pub(crate) request_id: Option<&'a str>,
    pub(crate) problem_type: &'a str,
}

impl Default for Context<'_> {
    fn default() -> Self {
        Context {
            request_id: None,
            problem_type: ProblemBody::DEFAULT_TYPE_BASE,
        }
    }
}

/// One body format: how long its body is when nothing needs escaping, and its writer, which
/// writes what `serde_json` writes for the format's serde type.
trait Format {
    fn capacity(fields: &Fields<'_>) -> usize;
    fn write(out: &mut String, fields: &Fields<'_>);
}

/// Appends the body of `format` for `fields` to `out`, reserving once what an unescaped body
/// needs, so a reused buffer allocates nothing.
pub(crate) fn write_fields(out: &mut String, format: BodyFormat, fields: &Fields<'_>) {
    fn go<F: Format>(out: &mut String, fields: &Fields<'_>) {
        out.reserve(F::capacity(fields));
        F::write(out, fields);
    }
    match format {
        BodyFormat::Legacy => go::<legacy::Legacy>(out, fields),
        BodyFormat::Dual => go::<dual::Dual>(out, fields),
        BodyFormat::Problem => go::<problem::Problem>(out, fields),
        BodyFormat::Oci => go::<oci::Oci>(out, fields),
    }
}

/// Appends the body of `format` for `error` to `out`.
///
/// Legacy goes through the error's own [`write_json`](SwrError::write_json): for a derived type
/// with a static message, one copy of the body's start, escaped at compile time. The other
/// formats read the message and the detail once and write them with [`write_fields`].
pub(crate) fn write_error<E: SwrError + ?Sized>(
    out: &mut String,
    format: BodyFormat,
    error: &E,
    context: Context<'_>,
) {
    if format == BodyFormat::Legacy {
        return error.write_json(out);
    }
    let message = error.message();
    let detail = error.detail();
    let fields = Fields {
        code: error.code(),
        status: crate::status::sent_status(error),
        message: &message,
        detail: detail.as_deref(),
        detail_is_json: detail.is_some() && error.detail_is_json(),
        request_id: context.request_id,
        problem_type: context.problem_type,
    };
    write_fields(out, format, &fields);
}

/// [`write_error`] into a new `String`, sized once.
pub(crate) fn error_body<E: SwrError + ?Sized>(
    format: BodyFormat,
    error: &E,
    context: Context<'_>,
) -> String {
    let mut out = String::new();
    write_error(&mut out, format, error, context);
    out
}

#[cfg(test)]
mod tests {
    use super::{write_fields, BodyFormat, DualErrorBody, Fields, ProblemBody};
    use crate::ErrorBody;

    fn fields<'a>(code: &'a str, message: &'a str, detail: &'a str) -> Fields<'a> {
        Fields {
            code,
            status: 404,
            message,
            detail: Some(detail),
            detail_is_json: false,
            request_id: None,
            problem_type: ProblemBody::DEFAULT_TYPE_BASE,
        }
    }

    fn body(format: BodyFormat, fields: &Fields<'_>) -> String {
        let mut out = String::new();
        write_fields(&mut out, format, fields);
        out
    }

    /// serde_json's writing of each format's serde type: the reference every writer matches.
    fn serde(format: BodyFormat, f: &Fields<'_>) -> String {
        let detail = f.detail.unwrap_or("");
        match format {
            BodyFormat::Legacy => serde_json::to_string(&ErrorBody::single(
                f.code.to_owned(),
                f.message.to_owned(),
                detail.to_owned(),
            )),
            BodyFormat::Dual => {
                serde_json::to_string(&DualErrorBody::single(f.code, f.message, detail))
            }
            BodyFormat::Problem => serde_json::to_string(&ProblemBody {
                problem_type: format!("{}{}", f.problem_type, f.code),
                title: f.message.to_owned(),
                status: f.status,
                detail: Some(detail.to_owned()).filter(|d| !d.is_empty()),
                code: f.code.to_owned(),
                request_id: f.request_id.map(str::to_owned),
            }),
            BodyFormat::Oci => {
                #[derive(serde::Serialize)]
                struct Entry<'a> {
                    code: &'a str,
                    message: &'a str,
                    #[serde(skip_serializing_if = "Option::is_none")]
                    detail: Option<serde_json::Value>,
                }
                #[derive(serde::Serialize)]
                struct Envelope<'a> {
                    errors: [Entry<'a>; 1],
                }
                let detail = f.detail.map(|detail| match f.detail_is_json {
                    true => serde_json::from_str(detail).unwrap(),
                    false => detail.into(),
                });
                serde_json::to_string(&Envelope {
                    errors: [Entry {
                        code: f.code,
                        message: f.message,
                        detail,
                    }],
                })
            }
        }
        .unwrap()
    }

    const TEXTS: [(&str, &str, &str); 4] = [
        ("SVCSTG.SWR.4040058", "The organization does not exist.", ""),
        (
            "SVCSTG.X.4001001",
            "quote \" back \\ nl \n tab \t",
            "ctl \u{1} \u{1f} \u{7f} é 😀 \u{2028}",
        ),
        ("SVCSTG.X.5001002", "", "\u{2028}</script>"),
        ("C\"odd", "日本語のメッセージ", "\"detail\" with \u{0} nul"),
    ];

    #[test]
    fn every_format_is_byte_identical_to_serde_json_even_with_escapes() {
        for format in BodyFormat::ALL {
            for (code, message, detail) in TEXTS {
                for request_id in [None, Some("req-1"), Some("odd \"id\"")] {
                    for problem_type in [ProblemBody::DEFAULT_TYPE_BASE, "https://x/\"q\"/"] {
                        for status in [400, 404, 599] {
                            let f = Fields {
                                status,
                                request_id,
                                problem_type,
                                ..fields(code, message, detail)
                            };
                            assert_eq!(body(format, &f), serde(format, &f), "{format} {f:?}");
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn problem_leaves_out_what_is_absent() {
        let f = Fields {
            detail: None,
            ..fields("SVCSTG.SWR.4040083", "m", "")
        };
        let value: serde_json::Value =
            serde_json::from_str(&body(BodyFormat::Problem, &f)).unwrap();
        let keys: Vec<&str> = value
            .as_object()
            .unwrap()
            .keys()
            .map(|k| k.as_str())
            .collect();
        assert_eq!(keys.len(), 4);
        assert_eq!(value["type"], "urn:swr-errors:code:SVCSTG.SWR.4040083");
        assert_eq!(value["status"], 404);
        let f = Fields {
            request_id: Some("r"),
            ..fields("SVCSTG.SWR.4040083", "m", "d")
        };
        let value: serde_json::Value =
            serde_json::from_str(&body(BodyFormat::Problem, &f)).unwrap();
        assert_eq!(value["detail"], "d");
        assert_eq!(value["request_id"], "r");
    }

    #[test]
    fn oci_writes_a_json_detail_as_a_value_a_text_as_a_string_and_none_not_at_all() {
        let none = Fields {
            detail: None,
            ..fields("MANIFEST_UNKNOWN", "manifest unknown", "")
        };
        assert_eq!(
            body(BodyFormat::Oci, &none),
            r#"{"errors":[{"code":"MANIFEST_UNKNOWN","message":"manifest unknown"}]}"#
        );
        let text = fields("BLOB_UNKNOWN", "blob unknown to registry", "sha256:0\"");
        assert_eq!(
            body(BodyFormat::Oci, &text),
            r#"{"errors":[{"code":"BLOB_UNKNOWN","message":"blob unknown to registry","detail":"sha256:0\""}]}"#
        );
        for detail in [
            r#"{"Tag":"latest"}"#,
            r#"{"Digest":"sha256:0","Reason":{}}"#,
            "[1,null]",
            "{}",
        ] {
            let structured = Fields {
                detail_is_json: true,
                ..fields("MANIFEST_UNKNOWN", "manifest unknown", detail)
            };
            let out = body(BodyFormat::Oci, &structured);
            assert_eq!(out, serde(BodyFormat::Oci, &structured));
            assert_eq!(out.capacity(), out.len(), "{detail}");
            let value: serde_json::Value = serde_json::from_str(&out).unwrap();
            assert_eq!(
                value["errors"][0]["detail"],
                serde_json::from_str::<serde_json::Value>(detail).unwrap()
            );
        }
        // The other formats carry a JSON detail as the text it is.
        let structured = Fields {
            detail_is_json: true,
            ..fields(
                "MANIFEST_UNKNOWN",
                "manifest unknown",
                r#"{"Tag":"latest"}"#,
            )
        };
        let legacy: serde_json::Value =
            serde_json::from_str(&body(BodyFormat::Legacy, &structured)).unwrap();
        assert_eq!(legacy[0]["detail"], r#"{"Tag":"latest"}"#);
    }

    #[test]
    fn legacy_is_the_array_and_dual_nests_it_under_errors() {
        let f = fields("SVCSTG.SWR.4040083", "m", "d");
        let legacy: serde_json::Value =
            serde_json::from_str(&body(BodyFormat::Legacy, &f)).unwrap();
        let dual: serde_json::Value = serde_json::from_str(&body(BodyFormat::Dual, &f)).unwrap();
        assert!(legacy.is_array());
        assert_eq!(dual["error_code"], "SVCSTG.SWR.4040083");
        assert_eq!(dual["error_msg"], "m");
        assert_eq!(dual["errors"], legacy);
        assert_eq!(dual.as_object().unwrap().len(), 3);
    }

    #[test]
    fn the_reservation_is_exactly_an_unescaped_body() {
        for format in BodyFormat::ALL {
            for (code, message, detail) in [("SVCSTG.SWR.4040058", "m", ""), ("C", "", "d")] {
                for request_id in [None, Some("abc")] {
                    let f = Fields {
                        request_id,
                        ..fields(code, message, detail)
                    };
                    let out = body(format, &f);
                    assert_eq!(out.capacity(), out.len(), "{format:?} {code}");
                }
            }
        }
    }

    #[test]
    fn appends_to_what_the_buffer_holds() {
        let mut out = String::from("prefix:");
        write_fields(
            &mut out,
            BodyFormat::Dual,
            &fields("SVCSTG.X.4000001", "m", ""),
        );
        assert!(out.starts_with(r#"prefix:{"error_code""#));
    }

    #[test]
    fn parses_and_prints_names() {
        for format in BodyFormat::ALL {
            assert_eq!(format.to_string().parse::<BodyFormat>(), Ok(format));
        }
        assert_eq!("DUAL".parse::<BodyFormat>(), Ok(BodyFormat::Dual));
        assert_eq!("Problem".parse::<BodyFormat>(), Ok(BodyFormat::Problem));
        let err = "json".parse::<BodyFormat>().unwrap_err();
        assert_eq!(
            err.to_string(),
            "unknown body format `json`: expected `legacy`, `dual`, `problem` or `oci`"
        );
        assert_eq!("OCI".parse::<BodyFormat>(), Ok(BodyFormat::Oci));
        assert_eq!(BodyFormat::Oci.content_type(), "application/json");
        assert_eq!(BodyFormat::default(), BodyFormat::Legacy);
        assert_eq!(BodyFormat::Dual.content_type(), "application/json");
    }
}
