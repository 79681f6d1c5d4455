//! [`RetryKind`]: whether a failed request may be sent again.

/// How a client may retry a request that failed with a given error.
///
/// Set on a variant with `#[swr(retry = "throttled" | "busy" | "server_error")]` and read with
/// [`SwrError::retry_kind`](crate::SwrError::retry_kind). An error without a kind is not worth
/// retrying unchanged: the request itself, the caller's permissions or the account's state must
/// change first.
///
/// The stock catalogue [`SwrCode`](crate::SwrCode) marks:
///
/// - `Throttled`: "The number of requests exceeds the maximum number allowed." (`4031032`) and
///   "There are too many requests." (`4031042`);
/// - `Busy`: "The system is busy." (`4090023`);
/// - `ServerError`: the HTTP 500 rows (internal failures of the service), except those that report a
///   disabled feature or a reached quota (`5000017`, `5001002`, `5007019`), which fail again until
///   someone changes the account. The 507 row (OBS service disabled) and `4000045` (a 400 whose
///   message begins "Internal server error") carry no kind either.
///
/// # Example
///
/// ```
/// use swr_errors::{RetryKind, SwrCode, SwrError};
///
/// assert_eq!(SwrCode::TooManyRequests.retry_kind(), Some(RetryKind::Throttled));
/// assert_eq!(SwrCode::ImageNotFound.retry_kind(), None);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum RetryKind {
    /// The caller sent too many requests: wait, honouring `Retry-After` when the response has it,
    /// then retry with exponential backoff.
    Throttled,
    /// The service is momentarily busy: retry after a short delay.
    Busy,
    /// An internal failure of the service: retry with backoff, and only a request that is safe to
    /// repeat (a read, or a write that is idempotent), as the major cloud SDKs do for HTTP 500.
    ServerError,
}
