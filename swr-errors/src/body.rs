//! [`ErrorBody`]: the JSON error body in the SWR format.

use std::borrow::Cow;

use serde::{Deserialize, Serialize};

/// The error body an SWR-style service sends: a JSON array of entries.
///
/// ```json
/// [{"errorCode":"SVCSTG.SWR.4040010","errorMessage":"The image does not exist.","detail":""}]
/// ```
///
/// It serializes to exactly that shape (`detail` always present, `""` when there is none) and
/// deserializes from it; a missing `detail` reads as `""`.
///
/// # Example
///
/// ```
/// use swr_errors::{ErrorBody, SwrCode, SwrError};
///
/// let body = SwrCode::ImageNotFound.to_body();
/// let json = serde_json::to_string(&body).unwrap();
/// assert_eq!(json, SwrCode::ImageNotFound.to_json());
///
/// let back: ErrorBody = serde_json::from_str(&json).unwrap();
/// assert_eq!(back.first().map(|entry| entry.error_code.as_str()), Some("SVCSTG.SWR.4040010"));
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct ErrorBody {
    /// The entries, in order; services send one.
    pub errors: Vec<ErrorEntry>,
}

/// One entry of an [`ErrorBody`].
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct ErrorEntry {
    /// `"errorCode"`: the code, such as `SVCSTG.SWR.4040010`.
    #[serde(rename = "errorCode")]
    pub error_code: String,
    /// `"errorMessage"`: the human-readable message.
    #[serde(rename = "errorMessage")]
    pub error_message: String,
    /// `"detail"`: more about this occurrence, `""` when there is nothing to add.
    #[serde(default)]
    pub detail: String,
}

impl ErrorBody {
    /// A body with one entry.
    pub fn single(
        code: impl Into<String>,
        message: impl Into<Cow<'static, str>>,
        detail: impl Into<String>,
    ) -> ErrorBody {
        ErrorBody {
            errors: vec![ErrorEntry {
                error_code: code.into(),
                error_message: message.into().into_owned(),
                detail: detail.into(),
            }],
        }
    }

    /// The first entry, the one that describes the error; `None` for an empty body.
    pub fn first(&self) -> Option<&ErrorEntry> {
        self.errors.first()
    }

    /// The body as JSON text.
    pub fn to_json(&self) -> String {
        let mut out = String::from("[");
        for (i, entry) in self.errors.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            crate::format::legacy::write_entry(
                &mut out,
                &entry.error_code,
                &entry.error_message,
                &entry.detail,
            );
        }
        out.push(']');
        out
    }
}
