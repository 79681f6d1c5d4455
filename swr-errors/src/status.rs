//! The status an error is sent with: one rule for every response, body and document the crate
//! builds, so a status line and a Problem body's `status` always agree.

use crate::SwrError;

/// The status `error` is sent with: its own when it is an error status (400 to 599), 500 for
/// anything else a hand-written impl returns. A handler that sends the error under a status of
/// its own (axum's `(StatusCode, error)`) changes the status line only; the axum layer then
/// writes a Problem body it wrote anew with the status sent (a Legacy or Dual body names no
/// status), and the layers' log events have the status sent.
pub(crate) fn sent_status<E: SwrError + ?Sized>(error: &E) -> u16 {
    sent_status_of(error.status())
}

/// [`sent_status`] of a status known without its error: a [`CodeInfo`](crate::CodeInfo)'s,
/// for the OpenAPI document, which must say what is sent.
pub(crate) fn sent_status_of(status: u16) -> u16 {
    match status {
        400..=599 => status,
        _ => 500,
    }
}
