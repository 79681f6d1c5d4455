//! [`BodyFormat::Problem`](super::BodyFormat::Problem): RFC 9457 "Problem Details for HTTP APIs",
//! `application/problem+json`; and [`ProblemBody`], its serde type.
//!
//! The members: `type` (a URI naming the code: a base, [`ProblemBody::DEFAULT_TYPE_BASE`] unless
//! the app sets its own, followed by the code), `title` (the message), `status`, `detail` (only
//! when the error has a non-empty one), then the extension members `code` (the SWR code) and
//! `request_id` (when the response has one).

use serde::{Deserialize, Serialize};

use super::{Fields, Format};
use crate::json;

/// The [`Problem`](super::BodyFormat::Problem) error body as a serde type, in the order the
/// members are written:
/// `{"type":…,"title":…,"status":404,"detail":…,"code":…,"request_id":…}`.
///
/// Serializing it with `serde_json` gives the bytes of
/// [`SwrError::to_json_as(BodyFormat::Problem)`](crate::SwrError::to_json_as) (and of the
/// layers, which add `request_id`); `detail` and `request_id` are left out when `None`.
///
/// ```
/// use swr_errors::{BodyFormat, ProblemBody, SwrCode, SwrError};
///
/// let json = SwrCode::OrganizationNotFound.to_json_as(BodyFormat::Problem);
/// assert_eq!(
///     json,
///     concat!(
///         r#"{"type":"urn:swr-errors:code:SVCSTG.SWR.4040058","#,
///         r#""title":"The organization does not exist.","status":404,"code":"SVCSTG.SWR.4040058"}"#
///     )
/// );
/// let body: ProblemBody = serde_json::from_str(&json).unwrap();
/// assert_eq!(body.status, 404);
/// assert_eq!(serde_json::to_string(&body).unwrap(), json);
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct ProblemBody {
    /// `"type"`: a URI identifying the problem type; here, the base followed by the code.
    /// Read as `about:blank` from a body without it, as RFC 9457 §3.1.1 says to.
    #[serde(rename = "type", default = "about_blank")]
    pub problem_type: String,
    /// `"title"`: the human-readable message.
    pub title: String,
    /// `"status"`: the HTTP status.
    pub status: u16,
    /// `"detail"`: more about this occurrence, when there is something.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
    /// `"code"`: the SWR code, such as `SVCSTG.SWR.4040058`.
    pub code: String,
    /// `"request_id"`: the response's `X-Request-Id`, when it has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub request_id: Option<String>,
}

impl ProblemBody {
    /// The base of the default `type` URI: `urn:swr-errors:code:`, so `SVCSTG.SWR.4040010`'s type
    /// is `urn:swr-errors:code:SVCSTG.SWR.4040010`. RFC 9457 allows a type URI that is not a
    /// locator; this one names the code without promising a page. Point it at your documentation
    /// with `SwrLayer::problem_type_base` (axum) or `SwrErrors::problem_type_base` (actix-web).
    pub const DEFAULT_TYPE_BASE: &'static str = "urn:swr-errors:code:";
}

/// The `type` of a problem body that has none (RFC 9457 §3.1.1).
fn about_blank() -> String {
    "about:blank".to_owned()
}

/// The fixed text of the body without `detail` and `request_id`:
/// `{"type":"","title":"","status":,"code":""}`.
const OVERHEAD: usize = 42;
/// `,"detail":""`.
const DETAIL_OVERHEAD: usize = 12;
/// `,"request_id":""`.
const REQUEST_ID_OVERHEAD: usize = 16;

pub(super) struct Problem;

impl Format for Problem {
    fn capacity(fields: &Fields<'_>) -> usize {
        OVERHEAD
            + fields.problem_type.len()
            + 2 * fields.code.len()
            + fields.message.len()
            + 3
            + detail(fields).map_or(0, |detail| DETAIL_OVERHEAD + detail.len())
            + fields
                .request_id
                .map_or(0, |id| REQUEST_ID_OVERHEAD + id.len())
    }

    /// The members in [`ProblemBody`]'s order, so the bytes are those `serde_json` writes for it.
    fn write(out: &mut String, fields: &Fields<'_>) {
        out.push_str(r#"{"type":""#);
        json::write_str_contents(out, fields.problem_type);
        json::write_str_contents(out, fields.code);
        out.push_str(r#"","title":"#);
        json::write_str(out, fields.message);
        out.push_str(r#","status":"#);
        json::write_u16(out, fields.status);
        if let Some(detail) = detail(fields) {
            out.push_str(r#","detail":"#);
            json::write_str(out, detail);
        }
        out.push_str(r#","code":"#);
        json::write_str(out, fields.code);
        if let Some(id) = fields.request_id {
            out.push_str(r#","request_id":"#);
            json::write_str(out, id);
        }
        out.push('}');
    }
}

/// The detail, when there is one to write: an empty detail is none.
fn detail<'a>(fields: &Fields<'a>) -> Option<&'a str> {
    fields.detail.filter(|detail| !detail.is_empty())
}
