//! With the `tonic` feature: [`RemoteError`] from a `tonic::Status`, read through Google's rich
//! error model.

use ::tonic::Status;
use tonic_types::{ErrorDetails, StatusExt};

use super::said::Said;
use super::text::bounded;
use super::{RemoteError, MAX_RETRY_AFTER, MAX_TEXT_LEN};
use crate::response::X_REQUEST_ID;
use crate::retry::RetryKind;
use crate::tonic::{http_status, METADATA_HTTP_STATUS, METADATA_REQUEST_ID};

impl RemoteError {
    /// Reads a gRPC error: a `Status` from any server, built by this crate's
    /// [`From<E> for tonic::Status`](crate::tonic) or not.
    ///
    /// - [`code`](Self::code): `google.rpc.ErrorInfo`'s `reason`; `None` without an `ErrorInfo`
    ///   (a plain `Status`) or with an empty reason. The domain is not checked: the code says
    ///   which catalogue it belongs to, and [`known`](Self::known) matches it exactly.
    /// - [`message`](Self::message): the status message.
    /// - [`detail`](Self::detail): `google.rpc.DebugInfo`'s `detail`, when not empty.
    /// - [`status`](Self::status): `ErrorInfo.metadata["httpStatus"]` when it is a number from
    ///   100 to 599, else the HTTP status of the gRPC code by
    ///   [Google's table](crate::tonic::http_status) (`NotFound` 404, `Unavailable` 503...).
    /// - [`request_id`](Self::request_id): `ErrorInfo.metadata["requestId"]`, else
    ///   `google.rpc.RequestInfo`'s `request_id`, else the status's `x-request-id` metadata.
    /// - [`retry_after`](Self::retry_after): `google.rpc.RetryInfo`'s `retry_delay`, capped at
    ///   2^31 seconds as `Retry-After` is, so that any `Instant` or `SystemTime` can add it.
    /// - [`retry_kind`](Self::retry_kind): a stock code's own kind; for any other code that came
    ///   with a `RetryInfo` (a service's own retryable code), the kind its gRPC code stands for
    ///   (`ResourceExhausted`: throttled; `Aborted`, `Unavailable`: busy; else a server error);
    ///   without either, from the HTTP status, as for an HTTP response.
    ///
    /// Every text is cut to [`MAX_TEXT_LEN`](Self::MAX_TEXT_LEN) bytes, as from a body. Details
    /// that do not decode as `google.rpc.Status` are left unread, as tonic-types' own
    /// `get_error_details` leaves them: the gRPC code and message are still read. One detail
    /// that does not decode (a `string` field that is not UTF-8, say) is skipped alone, where
    /// `get_error_details` would drop them all. Never fails, never panics;
    /// [`entries`](Self::entries) is empty.
    ///
    /// ```
    /// use swr_errors::{RemoteError, SwrCode, SwrError};
    ///
    /// let err = RemoteError::from_status(&tonic::Status::from(SwrCode::SystemBusy));
    /// assert_eq!(err.known(), Some(SwrCode::SystemBusy));
    /// assert_eq!(err.status(), 409);
    /// assert_eq!(err.retry_kind(), Some(swr_errors::RetryKind::Busy));
    ///
    /// // Another server's plain `Status`: no code, the message kept, the status from the code.
    /// let err = RemoteError::from_status(&tonic::Status::unavailable("draining"));
    /// assert_eq!(err.code(), None);
    /// assert_eq!(err.message(), "draining");
    /// assert_eq!(err.status(), 503);
    /// ```
    #[cfg_attr(docsrs, doc(cfg(feature = "tonic")))]
    pub fn from_status(status: &Status) -> RemoteError {
        let details = status
            .check_error_details()
            .unwrap_or_else(|_| each_detail(status));
        let info = details.error_info();
        let metadata = |key: &str| info.and_then(|info| info.metadata.get(key));

        let http = metadata(METADATA_HTTP_STATUS)
            .and_then(|text| text.parse::<u16>().ok())
            .filter(|status| (100..=599).contains(status))
            .unwrap_or_else(|| http_status(status.code()));
        let code = info
            .map(|info| info.reason.as_str())
            .filter(|reason| !reason.is_empty())
            .map(|reason| bounded(reason, MAX_TEXT_LEN));
        let detail = details
            .debug_info()
            .map(|debug| debug.detail.as_str())
            .filter(|detail| !detail.is_empty())
            .map(|detail| bounded(detail, MAX_TEXT_LEN));

        // A known code sent with an empty message reads the catalogue's, as from a body.
        let said = Said::Own {
            code,
            message: bounded(status.message(), MAX_TEXT_LEN),
            detail,
        };
        let mut error = RemoteError::new(http, said, Vec::new());
        error.request_id = request_id(status, &details).map(|id| bounded(id, MAX_TEXT_LEN));
        // A server's delay, however large (`seconds: i64::MAX`), stays one a clock can add.
        error.retry_after = details
            .retry_info()
            .and_then(|retry| retry.retry_delay)
            .map(|delay| delay.min(MAX_RETRY_AFTER));
        error.retry_hint = details.retry_info().map(|_| retry_kind_of(status.code()));
        error
    }
}

/// The details `from_status` reads, each on its own: tonic-types' `check_error_details` fails
/// the whole list on one detail that does not decode, which would lose the code with it. Only
/// on that path, so a well-formed `Status` is decoded once.
fn each_detail(status: &Status) -> ErrorDetails {
    let mut details = ErrorDetails::new();
    if let Some(info) = status.get_details_error_info() {
        details.set_error_info(info.reason, info.domain, info.metadata);
    }
    if let Some(debug) = status.get_details_debug_info() {
        details.set_debug_info(debug.stack_entries, debug.detail);
    }
    if let Some(retry) = status.get_details_retry_info() {
        details.set_retry_info(retry.retry_delay);
    }
    if let Some(request) = status.get_details_request_info() {
        details.set_request_info(request.request_id, request.serving_data);
    }
    details
}

/// The retry kind a `RetryInfo` stands for, by the gRPC code it came with: the inverse of the
/// server side's table, where `Throttled` sends `ResourceExhausted` and `Busy` sends `Aborted` or
/// `Unavailable`. Any other code with `RetryInfo` is a server error worth another try.
fn retry_kind_of(code: ::tonic::Code) -> RetryKind {
    match code {
        ::tonic::Code::ResourceExhausted => RetryKind::Throttled,
        ::tonic::Code::Aborted | ::tonic::Code::Unavailable => RetryKind::Busy,
        _ => RetryKind::ServerError,
    }
}

/// The first non-empty request id among those `from_status` reads, in its order.
fn request_id<'a>(status: &'a Status, details: &'a ErrorDetails) -> Option<&'a str> {
    let from_info = details
        .error_info()
        .and_then(|info| info.metadata.get(METADATA_REQUEST_ID))
        .map(String::as_str);
    let from_request_info = details
        .request_info()
        .map(|request| request.request_id.as_str());
    let from_metadata = status
        .metadata()
        .get(X_REQUEST_ID)
        .and_then(|value| value.to_str().ok());
    [from_info, from_request_info, from_metadata]
        .into_iter()
        .flatten()
        .find(|id| !id.is_empty())
}

#[cfg(test)]
mod tests {
    use std::collections::HashMap;
    use std::time::Duration;

    use ::tonic::{Code, Status};
    use tonic_types::{ErrorDetails, StatusExt};

    use crate::tonic::TonicOptions;
    use crate::{RemoteError, RetryKind, SwrCode, SwrError};

    #[test]
    fn a_stock_code_reads_back_whole() {
        let options = TonicOptions::new().retry_delay(RetryKind::Throttled, Duration::from_secs(3));
        let status = SwrCode::TooManyRequests
            .response()
            .with_request_id("req-9")
            .into_status_with(&options);
        let err = RemoteError::from_status(&status);
        assert_eq!(err.code(), Some("SVCSTG.SWR.4031042"));
        assert_eq!(err.known(), Some(SwrCode::TooManyRequests));
        assert_eq!(err.status(), 403);
        assert_eq!(err.message(), SwrCode::TooManyRequests.message());
        assert_eq!(err.detail(), None);
        assert_eq!(err.request_id(), Some("req-9"));
        assert_eq!(err.retry_after(), Some(Duration::from_secs(3)));
        assert_eq!(err.retry_kind(), Some(RetryKind::Throttled));
        assert!(err.entries().is_empty());
    }

    #[test]
    fn a_bad_http_status_in_metadata_falls_back_to_the_grpc_code() {
        for bad in ["", "abc", "99", "600", "70000", "-404"] {
            let metadata = HashMap::from([("httpStatus".to_owned(), bad.to_owned())]);
            let details = ErrorDetails::with_error_info("X.1", "d", metadata);
            let status = Status::with_error_details(Code::NotFound, "m", details);
            assert_eq!(RemoteError::from_status(&status).status(), 404, "{bad:?}");
        }
    }

    #[test]
    fn request_ids_are_read_in_order() {
        let info = |id: &str| {
            let metadata = HashMap::from([("requestId".to_owned(), id.to_owned())]);
            ErrorDetails::with_error_info("X.1", "d", metadata)
        };
        let mut details = info("from-info");
        details.set_request_info("from-request-info", "");
        let mut status = Status::with_error_details(Code::Internal, "m", details);
        status
            .metadata_mut()
            .insert("x-request-id", "from-metadata".parse().unwrap());
        assert_eq!(
            RemoteError::from_status(&status).request_id(),
            Some("from-info")
        );

        let mut details = info("");
        details.set_request_info("from-request-info", "");
        let mut status = Status::with_error_details(Code::Internal, "m", details);
        status
            .metadata_mut()
            .insert("x-request-id", "from-metadata".parse().unwrap());
        assert_eq!(
            RemoteError::from_status(&status).request_id(),
            Some("from-request-info")
        );

        let mut status = Status::internal("m");
        status
            .metadata_mut()
            .insert("x-request-id", "from-metadata".parse().unwrap());
        assert_eq!(
            RemoteError::from_status(&status).request_id(),
            Some("from-metadata")
        );
        assert_eq!(
            RemoteError::from_status(&Status::internal("m")).request_id(),
            None
        );
    }

    #[test]
    fn undecodable_details_keep_code_and_message() {
        let status =
            Status::with_details(Code::PermissionDenied, "no", b"\xff\xff".to_vec().into());
        let err = RemoteError::from_status(&status);
        assert_eq!((err.status(), err.code(), err.message()), (403, None, "no"));
    }

    #[test]
    fn one_undecodable_detail_costs_only_itself() {
        // A `DebugInfo` whose detail is not UTF-8 (a server that put a file name's raw bytes in
        // a `string` field): tonic-types fails the whole list on it, the code and the rest must
        // still be read.
        let metadata = HashMap::from([("httpStatus".to_owned(), "409".to_owned())]);
        let mut details = ErrorDetails::with_error_info("SVCSTG.SWR.4090010", "d", metadata);
        details.set_retry_info(Some(Duration::from_secs(2)));
        details.set_debug_info(Vec::<String>::new(), "NOT-UTF-8");
        details.set_request_info("req-3", "");
        let good = Status::with_error_details(Code::Aborted, "busy", details);
        let mut bytes = good.details().to_vec();
        let at = bytes
            .windows(9)
            .position(|window| window == b"NOT-UTF-8")
            .unwrap();
        bytes[at..at + 9].fill(0xff);
        let status = Status::with_details(Code::Aborted, "busy", bytes.into());
        assert!(status.check_error_details().is_err());

        let err = RemoteError::from_status(&status);
        assert_eq!(err.code(), Some("SVCSTG.SWR.4090010"));
        assert_eq!(err.status(), 409);
        assert_eq!(err.message(), "busy");
        assert_eq!(err.detail(), None);
        assert_eq!(err.request_id(), Some("req-3"));
        assert_eq!(err.retry_after(), Some(Duration::from_secs(2)));
    }

    #[test]
    fn long_texts_are_cut() {
        let long = "é".repeat(RemoteError::MAX_TEXT_LEN);
        let mut details = ErrorDetails::with_error_info(long.as_str(), "d", HashMap::new());
        details.set_debug_info(Vec::<String>::new(), long.as_str());
        let status = Status::with_error_details(Code::Internal, long.as_str(), details);
        let err = RemoteError::from_status(&status);
        for text in [err.code().unwrap(), err.message(), err.detail().unwrap()] {
            assert_eq!(text.len(), RemoteError::MAX_TEXT_LEN);
        }
    }

    #[test]
    fn a_service_code_with_retry_info_keeps_its_retry_kind() {
        // A service's own codes are unknown to `known()`; the RetryInfo and the gRPC code say
        // what kind of retry the server meant.
        let read = |code: Code, retry: bool| {
            let mut details =
                ErrorDetails::with_error_info("SVCSTG.MYSVC.4090001", "d", HashMap::new());
            if retry {
                details.set_retry_info(Some(Duration::from_millis(250)));
            }
            RemoteError::from_status(&Status::with_error_details(code, "m", details))
        };
        for (code, kind) in [
            (Code::Aborted, RetryKind::Busy),
            (Code::Unavailable, RetryKind::Busy),
            (Code::ResourceExhausted, RetryKind::Throttled),
            (Code::Internal, RetryKind::ServerError),
        ] {
            let err = read(code, true);
            assert_eq!(err.retry_kind(), Some(kind), "{code:?}");
            assert_eq!(
                err.retry_after(),
                Some(Duration::from_millis(250)),
                "{code:?}"
            );
        }
        // Without RetryInfo, a 409 (Aborted maps back to 409) is no retry.
        assert_eq!(read(Code::Aborted, false).retry_kind(), None);
    }

    #[test]
    fn a_huge_retry_delay_is_capped_like_retry_after() {
        let cap = Duration::from_secs(1 << 31);
        // The largest delay tonic-types itself encodes (10,000 years).
        let details = ErrorDetails::with_retry_info(Some(Duration::from_secs(315_576_000_000)));
        let status = Status::with_error_details(Code::Unavailable, "m", details);
        assert_eq!(RemoteError::from_status(&status).retry_after(), Some(cap));
        // A hostile server's own encoding, `RetryInfo { retry_delay { seconds: i64::MAX } }`,
        // which tonic-types decodes as it is.
        let status = Status::with_details(Code::Unavailable, "m", hostile_retry_info().into());
        let wait = RemoteError::from_status(&status).retry_after().unwrap();
        assert_eq!(wait, cap);
        // What the cap is for: a client can always add the wait to its clock.
        assert!(std::time::Instant::now().checked_add(wait).is_some());
        assert!(std::time::SystemTime::now().checked_add(wait).is_some());
        // A delay within the cap is kept as sent.
        let details = ErrorDetails::with_retry_info(Some(cap - Duration::from_nanos(1)));
        let status = Status::with_error_details(Code::Unavailable, "m", details);
        assert_eq!(
            RemoteError::from_status(&status).retry_after(),
            Some(cap - Duration::from_nanos(1))
        );
    }

    /// A `google.rpc.Status` (code 14, Unavailable) whose one detail is a `RetryInfo` of
    /// `i64::MAX` seconds, protobuf-encoded by hand.
    fn hostile_retry_info() -> Vec<u8> {
        fn varint(mut value: u64, out: &mut Vec<u8>) {
            while value >= 0x80 {
                out.push(value as u8 | 0x80);
                value >>= 7;
            }
            out.push(value as u8);
        }
        fn bytes_field(tag: u64, bytes: &[u8], out: &mut Vec<u8>) {
            varint(tag << 3 | 2, out);
            varint(bytes.len() as u64, out);
            out.extend_from_slice(bytes);
        }
        let mut duration = Vec::new();
        varint(1 << 3, &mut duration); // seconds, a varint
        varint(i64::MAX as u64, &mut duration);
        let mut retry_info = Vec::new();
        bytes_field(1, &duration, &mut retry_info); // retry_delay
        let mut any = Vec::new();
        bytes_field(1, b"type.googleapis.com/google.rpc.RetryInfo", &mut any);
        bytes_field(2, &retry_info, &mut any);
        let mut status = Vec::new();
        varint(1 << 3, &mut status); // code
        varint(14, &mut status);
        bytes_field(2, b"m", &mut status); // message
        bytes_field(3, &any, &mut status); // details
        status
    }

    #[test]
    fn a_known_code_without_a_message_reads_the_catalogues() {
        let details = ErrorDetails::with_error_info("SVCSTG.SWR.4040010", "d", HashMap::new());
        let err =
            RemoteError::from_status(&Status::with_error_details(Code::NotFound, "", details));
        assert_eq!(err.message(), SwrCode::ImageNotFound.message());
    }
}
