//! The registry API's errors: [`OciCode`], every error code of the OCI distribution spec and of
//! its reference implementation (distribution, the `registry` that docker, podman, containerd and
//! skopeo are tested against), each with the status and message the reference sends.
//!
//! A container registry shaped like SWR has two APIs: the management API (`/v2/manage/...`)
//! answers with the SWR table's codes ([`SwrCode`](crate::SwrCode)), the registry API
//! (`/v2/<name>/manifests/...`, `/v2/<name>/blobs/...`) with the OCI envelope,
//! `{"errors":[{"code":"MANIFEST_UNKNOWN","message":"manifest unknown","detail":{"Tag":"latest"}}]}`
//! ([`BodyFormat::Oci`](crate::BodyFormat::Oci)). `OciCode` is derived with
//! `#[swr(codes = "name", format = "oci")]`: its codes are symbolic names, and every response of
//! it is the OCI envelope, whatever the app's default or the request, since OCI clients read
//! nothing else.
//!
//! ```
//! use swr_errors::oci::OciCode;
//! use swr_errors::{BodyFormat, SwrError};
//!
//! let code = OciCode::from_code("MANIFEST_UNKNOWN").unwrap();
//! assert_eq!(code, OciCode::ManifestUnknown);
//! assert_eq!((code.status(), &*code.message()), (404, "manifest unknown"));
//! assert_eq!(code.body_format(), Some(BodyFormat::Oci));
//! assert_eq!(
//!     code.to_json_as(BodyFormat::Oci),
//!     r#"{"errors":[{"code":"MANIFEST_UNKNOWN","message":"manifest unknown"}]}"#
//! );
//! ```
//!
//! The reference adds a detail to most errors (`{"Tag":"latest"}`, the digest as a string,
//! `{"name":"acme/app"}`): an enum of the service's own carries it in a
//! `#[swr(detail = "json")]` field and reuses these codes' statuses and messages, or wraps
//! `OciCode` through a transparent variant where no detail is needed.

use crate::table::AllVariants;
use crate::SwrError;

/// The error codes of the OCI distribution spec's registry API, with the status and message the
/// reference registry (distribution) registers for each.
///
/// The spec's fourteen codes, then the ones the reference adds that clients meet: `UNKNOWN` (a
/// failure without a classification, 500), `UNAVAILABLE`, `TAG_INVALID`, `MANIFEST_UNVERIFIED`,
/// `PAGINATION_NUMBER_INVALID` and (distribution 3) `RANGE_INVALID`.
///
/// The enum is `#[non_exhaustive]`: the spec may grow.
///
/// ```
/// use swr_errors::oci::OciCode;
/// use swr_errors::SwrError;
///
/// assert_eq!(OciCode::ALL.len(), 20);
/// assert_eq!(OciCode::BlobUnknown.code(), "BLOB_UNKNOWN");
/// assert_eq!(OciCode::Unsupported.status(), 405);
/// assert_eq!("DENIED".parse::<OciCode>(), Ok(OciCode::Denied));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, SwrError)]
#[swr(crate = "crate", codes = "name", format = "oci", kind = "Self")]
#[non_exhaustive]
pub enum OciCode {
    /// blob unknown to registry
    ///
    /// `BLOB_UNKNOWN` · HTTP 404. The blob is not in the repository: a `GET` or `HEAD` of
    /// `/v2/<name>/blobs/<digest>`. The reference's detail is the digest, as a string.
    #[swr(code = "BLOB_UNKNOWN", status = 404)]
    BlobUnknown,

    /// blob upload invalid
    ///
    /// `BLOB_UPLOAD_INVALID` · HTTP 404. The upload failed and cannot go on, or its state is
    /// unknown (the reference answers a `PATCH`, `PUT` or `GET` of an upload it does not know
    /// with it).
    #[swr(code = "BLOB_UPLOAD_INVALID", status = 404)]
    BlobUploadInvalid,

    /// blob upload unknown to registry
    ///
    /// `BLOB_UPLOAD_UNKNOWN` · HTTP 404. The upload was cancelled or never started.
    #[swr(code = "BLOB_UPLOAD_UNKNOWN", status = 404)]
    BlobUploadUnknown,

    /// provided digest did not match uploaded content
    ///
    /// `DIGEST_INVALID` · HTTP 400. Finishing an upload: the content does not have the digest
    /// given (detail `{"Digest":…,"Reason":…}`), or the digest is missing or malformed (detail a
    /// string).
    #[swr(code = "DIGEST_INVALID", status = 400)]
    DigestInvalid,

    /// blob unknown to registry
    ///
    /// `MANIFEST_BLOB_UNKNOWN` · HTTP 400. A manifest being pushed names a blob (its config or a
    /// layer) the repository does not have; the detail is its digest, as a string.
    #[swr(code = "MANIFEST_BLOB_UNKNOWN", status = 400)]
    ManifestBlobUnknown,

    /// manifest invalid
    ///
    /// `MANIFEST_INVALID` · HTTP 400. A manifest being pushed fails validation (not JSON, or not
    /// a manifest).
    #[swr(code = "MANIFEST_INVALID", status = 400)]
    ManifestInvalid,

    /// manifest unknown
    ///
    /// `MANIFEST_UNKNOWN` · HTTP 404. No manifest under that tag or digest; the reference's
    /// detail is `{"Tag":…}`, or `{"Name":…,"Revision":…}` for a digest.
    #[swr(code = "MANIFEST_UNKNOWN", status = 404)]
    ManifestUnknown,

    /// invalid repository name
    ///
    /// `NAME_INVALID` · HTTP 400. The repository name is not a valid name.
    #[swr(code = "NAME_INVALID", status = 400)]
    NameInvalid,

    /// repository name not known to registry
    ///
    /// `NAME_UNKNOWN` · HTTP 404. The repository does not exist (a tags list of a repository
    /// without tags included); the reference's detail is `{"name":…}`.
    #[swr(code = "NAME_UNKNOWN", status = 404)]
    NameUnknown,

    /// provided length did not match content length
    ///
    /// `SIZE_INVALID` · HTTP 400. The uploaded content does not have the length announced.
    #[swr(code = "SIZE_INVALID", status = 400)]
    SizeInvalid,

    /// authentication required
    ///
    /// `UNAUTHORIZED` · HTTP 401. Sent with a `WWW-Authenticate` challenge, which tells the
    /// client where to fetch a token.
    #[swr(code = "UNAUTHORIZED", status = 401)]
    Unauthorized,

    /// requested access to the resource is denied
    ///
    /// `DENIED` · HTTP 403. Authenticated, but not allowed this operation.
    #[swr(code = "DENIED", status = 403)]
    Denied,

    /// The operation is unsupported.
    ///
    /// `UNSUPPORTED` · HTTP 405. What the reference answers a `DELETE` of a manifest or a blob
    /// with when deletes are disabled (its default).
    #[swr(code = "UNSUPPORTED", status = 405)]
    Unsupported,

    /// too many requests
    ///
    /// `TOOMANYREQUESTS` · HTTP 429. Throttled; retry after a while.
    #[swr(code = "TOOMANYREQUESTS", status = 429, retry = "throttled")]
    TooManyRequests,

    /// unknown error
    ///
    /// `UNKNOWN` · HTTP 500. A failure the registry has no classification for; the reference
    /// sends it for any error that is not one of its codes.
    #[swr(code = "UNKNOWN", status = 500, retry = "server_error")]
    Unknown,

    /// service unavailable
    ///
    /// `UNAVAILABLE` · HTTP 503. The registry, or a service it needs, is not available.
    #[swr(code = "UNAVAILABLE", status = 503, retry = "server_error")]
    Unavailable,

    /// manifest tag did not match URI
    ///
    /// `TAG_INVALID` · HTTP 400. A (schema 1) manifest names another tag than the URL.
    #[swr(code = "TAG_INVALID", status = 400)]
    TagInvalid,

    /// manifest failed signature verification
    ///
    /// `MANIFEST_UNVERIFIED` · HTTP 400. A signed (schema 1) manifest's signature does not
    /// verify.
    #[swr(code = "MANIFEST_UNVERIFIED", status = 400)]
    ManifestUnverified,

    /// invalid number of results requested
    ///
    /// `PAGINATION_NUMBER_INVALID` · HTTP 400. The `n` of a paginated list is not a number, is
    /// negative or is over the registry's maximum.
    #[swr(code = "PAGINATION_NUMBER_INVALID", status = 400)]
    PaginationNumberInvalid,

    /// invalid content range
    ///
    /// `RANGE_INVALID` · HTTP 416. A chunk's `Content-Range` is out of order (distribution 3;
    /// 2.8 answers `BLOB_UPLOAD_INVALID`).
    #[swr(code = "RANGE_INVALID", status = 416)]
    RangeInvalid,
}

impl OciCode {
    /// Every code, in declaration order: the spec's, then the reference's additions.
    pub const ALL: &'static [OciCode] = <OciCode as AllVariants>::ALL;

    /// The code named `code` (`"MANIFEST_UNKNOWN"`), exactly; `None` for any other string.
    ///
    /// ```
    /// use swr_errors::oci::OciCode;
    ///
    /// assert_eq!(OciCode::from_code("NAME_UNKNOWN"), Some(OciCode::NameUnknown));
    /// assert_eq!(OciCode::from_code("name_unknown"), None);
    /// ```
    #[inline]
    pub fn from_code(code: &str) -> Option<OciCode> {
        <OciCode as SwrError>::from_code(code)
    }
}
