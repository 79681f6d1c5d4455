//! The keys a body is read under: the one list every reader of a body takes them from.

/// The key pairs of Huawei Cloud's SDKs, in the order they try them, then the pair of the SWR
/// legacy body, then the RFC 9457 problem's (`title` is its message, `code` the SWR code
/// extension member).
pub(super) const PAIRS: [(&str, &str); 5] = [
    ("error_code", "error_msg"),
    ("errorCode", "errorMsg"),
    ("code", "message"),
    (LEGACY_CODE, LEGACY_MESSAGE),
    ("code", "title"),
];

/// The code keys, in the order of [`PAIRS`].
pub(super) const CODE_KEYS: [&str; 3] = ["error_code", LEGACY_CODE, "code"];

/// The message keys, in the order of [`PAIRS`].
pub(super) const MESSAGE_KEYS: [&str; 5] =
    ["error_msg", "errorMsg", "message", LEGACY_MESSAGE, "title"];

/// The code of a legacy entry, `[{"errorCode":…}]`.
pub(super) const LEGACY_CODE: &str = "errorCode";
/// The message of a legacy entry.
pub(super) const LEGACY_MESSAGE: &str = "errorMessage";
/// The detail, beside any pair.
pub(super) const DETAIL: &str = "detail";
/// The request id an API gateway adds beside its pair.
pub(super) const REQUEST_ID: &str = "request_id";
/// IAM's encoded reason for a denial, which Huawei Cloud's services add beside their pair on a
/// 403 and its SDKs keep.
pub(super) const ENCODED_AUTHORIZATION_MESSAGE: &str = "encoded_authorization_message";
/// The dual body's list of legacy entries, and the OCI envelope's.
pub(super) const ERRORS: &str = "errors";
/// The object a pair may be nested under, one level down.
pub(super) const NESTED: &str = "error";
