//! [`BodyFormat::Dual`](super::BodyFormat::Dual): the object Huawei Cloud's SDKs read, with the
//! legacy entry under `"errors"`; and [`DualErrorBody`], its serde type.

use serde::{Deserialize, Serialize};

use super::{legacy, Fields, Format};
use crate::body::ErrorEntry;
use crate::json;

/// The [`Dual`](super::BodyFormat::Dual) error body as a serde type:
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

/// The fixed text (keys, quotes, brackets) of the body:
/// `{"error_code":"","error_msg":"","errors":[{"errorCode":"","errorMessage":"","detail":""}]}`.
const OVERHEAD: usize = 90;

pub(super) struct Dual;

impl Format for Dual {
    /// The code and the message appear twice.
    fn capacity(fields: &Fields<'_>) -> usize {
        OVERHEAD
            + 2 * (fields.code.len() + fields.message.len())
            + fields.detail.map_or(0, str::len)
    }

    /// `{"error_code":code,"error_msg":message,"errors":[entry]}`: the field order of
    /// [`DualErrorBody`], so the bytes are those `serde_json` writes for it.
    fn write(out: &mut String, fields: &Fields<'_>) {
        out.push_str(r#"{"error_code":"#);
        json::write_str(out, fields.code);
        out.push_str(r#","error_msg":"#);
        json::write_str(out, fields.message);
        out.push_str(r#","errors":["#);
        legacy::write_entry(
            out,
            fields.code,
            fields.message,
            fields.detail.unwrap_or(""),
        );
        out.push_str("]}");
    }
}
