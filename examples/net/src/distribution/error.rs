//! [`ApiError`]: an error of the registry API, an [`OciCode`] with the detail the reference
//! registry sends beside it.

use std::borrow::Cow;
use std::fmt;

use serde_json::{json, Value};
use swr_errors::oci::OciCode;
use swr_errors::{BodyFormat, SwrError};

/// An [`OciCode`] and its detail, a JSON value of the shape the reference sends (`{"Tag":…}`, a
/// digest string, `{"name":…}`...), or none.
///
/// `SwrError` by hand rather than derived, because the reference words one code two ways
/// (`MANIFEST_UNKNOWN` is also "OCI manifest found, but accept header does not support OCI
/// manifests"), and a derived enum gives each code one variant. It shows the two hooks the OCI
/// envelope reads, which `#[swr(detail = "json")]` and `#[swr(format = "oci")]` generate: the
/// detail is JSON text ([`detail_is_json`](SwrError::detail_is_json)), written as a value; and
/// the format is fixed ([`body_format`](SwrError::body_format)), so `SwrLayer` sends the envelope
/// whatever the app's default or the request's `Accept`.
#[derive(Clone, Debug, PartialEq)]
pub struct ApiError {
    code: OciCode,
    /// The code's own message unless the reference words this occurrence its own way.
    message: Option<&'static str>,
    detail: Option<Value>,
}

impl ApiError {
    /// `code` without a detail.
    pub fn new(code: OciCode) -> ApiError {
        ApiError {
            code,
            message: None,
            detail: None,
        }
    }

    /// `code` with `detail`.
    pub fn with(code: OciCode, detail: Value) -> ApiError {
        ApiError {
            code,
            message: None,
            detail: Some(detail),
        }
    }

    /// An OCI manifest or index asked for by a client whose `Accept` does not name its media
    /// type: `MANIFEST_UNKNOWN`, in the reference's words.
    pub fn not_accepted(index: bool) -> ApiError {
        let message = if index {
            "OCI index found, but accept header does not support OCI indexes"
        } else {
            "OCI manifest found, but accept header does not support OCI manifests"
        };
        ApiError {
            code: OciCode::ManifestUnknown,
            message: Some(message),
            detail: None,
        }
    }

    /// The code.
    pub fn oci_code(&self) -> OciCode {
        self.code
    }

    /// No manifest under the tag or digest `reference` of `name`: detail `{"Tag":…}`, or
    /// `{"Name":…,"Revision":…}` for a digest.
    pub fn manifest_unknown(name: &str, reference: &str) -> ApiError {
        let detail = if reference.contains(':') {
            json!({"Name": name, "Revision": reference})
        } else {
            json!({"Tag": reference})
        };
        ApiError::with(OciCode::ManifestUnknown, detail)
    }

    /// A blob the repository lacks: the digest, as a string.
    pub fn blob_unknown(digest: &str) -> ApiError {
        ApiError::with(OciCode::BlobUnknown, json!(digest))
    }

    /// A blob a pushed manifest names and the repository lacks: the digest, as a string.
    pub fn manifest_blob_unknown(digest: &str) -> ApiError {
        ApiError::with(OciCode::ManifestBlobUnknown, json!(digest))
    }

    /// A repository without tags: `{"name":…}`.
    pub fn name_unknown(name: &str) -> ApiError {
        ApiError::with(OciCode::NameUnknown, json!({"name": name}))
    }

    /// An upload id the registry does not know. The reference cannot read the upload's state
    /// and sends that Go error, which serializes as `{}`.
    pub fn upload_invalid() -> ApiError {
        ApiError::with(OciCode::BlobUploadInvalid, json!({}))
    }

    /// A digest that does not parse (the reference's Go error, `{}` again).
    pub fn digest_unparsable() -> ApiError {
        ApiError::with(OciCode::DigestInvalid, json!({}))
    }
}

impl fmt::Display for ApiError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.code.code(), self.message())
    }
}

impl std::error::Error for ApiError {}

impl SwrError for ApiError {
    fn code(&self) -> &'static str {
        self.code.code()
    }

    fn status(&self) -> u16 {
        self.code.status()
    }

    fn message(&self) -> Cow<'static, str> {
        self.message
            .map_or_else(|| self.code.message(), Cow::Borrowed)
    }

    fn detail(&self) -> Option<Cow<'_, str>> {
        self.detail
            .as_ref()
            .map(|value| Cow::Owned(value.to_string()))
    }

    fn detail_is_json(&self) -> bool {
        true
    }

    fn body_format(&self) -> Option<BodyFormat> {
        Some(BodyFormat::Oci)
    }

    fn retry_kind(&self) -> Option<swr_errors::RetryKind> {
        self.code.retry_kind()
    }
}

impl From<OciCode> for ApiError {
    fn from(code: OciCode) -> ApiError {
        ApiError::new(code)
    }
}
