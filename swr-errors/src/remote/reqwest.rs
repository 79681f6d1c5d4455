//! With the `reqwest` feature (reqwest 0.12): error responses read straight from a
//! [`reqwest::Response`](::reqwest::Response), their body streamed within a bound.
//!
//! [`ResponseExt::error_for_swr`] is to SWR errors what reqwest's `error_for_status` is to
//! statuses: a success comes back untouched, an error status becomes a [`RemoteError`] with the
//! code, message and detail of its body, its status, its `X-Request-Id` and its `Retry-After`.
//!
//! ```no_run
//! use swr_errors::reqwest::ResponseExt;
//! use swr_errors::SwrCode;
//!
//! async fn image_exists(
//!     client: &reqwest::Client,
//!     url: &str,
//! ) -> Result<bool, Box<dyn std::error::Error>> {
//!     match client.get(url).send().await?.error_for_swr().await {
//!         Ok(_) => Ok(true),
//!         Err(err) if err.known() == Some(SwrCode::ImageNotFound) => Ok(false),
//!         Err(err) => Err(err.into()),
//!     }
//! }
//! ```
//!
//! A transport failure (no connection, a timeout before the status) is reqwest's own
//! `reqwest::Error`, before there is any response to read; see the crate's README for a client
//! that runs against a real server.

use std::future::Future;

use ::reqwest::header::HeaderValue;
use ::reqwest::Response;

use super::headers::Head;
use super::{RemoteError, MAX_JSON_LEN};

impl RemoteError {
    /// Reads an error response from reqwest: its status, its `X-Request-Id` (which wins over a
    /// `request_id` in the body) and `Retry-After` headers, and its body, as
    /// [`from_response`](Self::from_response) reads it.
    ///
    /// The body is read chunk by chunk, and never beyond
    /// [`MAX_JSON_LEN`](Self::MAX_JSON_LEN) bytes plus the chunk that crosses it: an error page of
    /// 64 MiB costs 64 KiB and a chunk, and the rest is never received (the connection is closed
    /// when the response is dropped, not returned to the pool). A body that does not end within
    /// the bound is read as text, its first [`MAX_TEXT_LEN`](Self::MAX_TEXT_LEN) bytes the
    /// message, as `from_response` reads any body over `MAX_JSON_LEN`. A body cut short by the
    /// transport (a reset, a timeout) is read as far as it arrived.
    ///
    /// It reads any response, a success too; [`ResponseExt::error_for_swr`] reads only errors.
    ///
    /// ```no_run
    /// use swr_errors::RemoteError;
    ///
    /// # async fn run() -> Result<(), reqwest::Error> {
    /// let response = reqwest::get("http://127.0.0.1:8080/v2/manage/namespaces/nope").await?;
    /// if !response.status().is_success() {
    ///     let err = RemoteError::from_reqwest(response).await;
    ///     eprintln!("{err} (request {})", err.request_id().unwrap_or("-"));
    /// }
    /// # Ok(())
    /// # }
    /// ```
    #[cfg_attr(docsrs, doc(cfg(feature = "reqwest")))]
    pub async fn from_reqwest(mut response: Response) -> RemoteError {
        let status = response.status().as_u16();
        let headers = response.headers();
        let head = Head::read(|name| headers.get(name).map(HeaderValue::as_bytes));
        let (body, whole) = read_bounded(&mut response).await;
        let err = if whole {
            RemoteError::from_response(status, &body)
        } else {
            RemoteError::from_text(status, &body)
        };
        err.with_head(head)
    }
}

/// The body, up to the first chunk that takes it past `MAX_JSON_LEN`, and whether it is the
/// whole body (it ended within the bound, or the transport cut it there).
async fn read_bounded(response: &mut Response) -> (Vec<u8>, bool) {
    let expected = response.content_length().unwrap_or(0);
    let capacity = usize::try_from(expected).map_or(MAX_JSON_LEN, |len| len.min(MAX_JSON_LEN));
    let mut body = Vec::with_capacity(capacity);
    while body.len() <= MAX_JSON_LEN {
        match response.chunk().await {
            Ok(Some(chunk)) => body.extend_from_slice(&chunk),
            // The end, or a transport error: what arrived is all there is.
            Ok(None) | Err(_) => return (body, true),
        }
    }
    (body, false)
}

/// Reading SWR error responses in one call; implemented for [`reqwest::Response`](Response).
///
/// Sealed: only this crate implements it.
pub trait ResponseExt: sealed::Sealed + Sized {
    /// The response itself when its status is not an error (below 400: reqwest follows redirects
    /// by default, so this is mostly 2xx), untouched and with its body unread; for a 4xx or 5xx
    /// status, the [`RemoteError`] that
    /// [`RemoteError::from_reqwest`] reads from it.
    ///
    /// ```no_run
    /// use swr_errors::reqwest::ResponseExt;
    /// use swr_errors::RemoteError;
    ///
    /// # async fn run(client: reqwest::Client) -> Result<(), Box<dyn std::error::Error>> {
    /// let response = client
    ///     .get("http://127.0.0.1:8080/v2/manage/namespaces/acme")
    ///     .send()
    ///     .await?
    ///     .error_for_swr()
    ///     .await?;
    /// println!("{}", response.text().await?);
    /// # Ok(())
    /// # }
    /// ```
    fn error_for_swr(self) -> impl Future<Output = Result<Response, RemoteError>> + Send;
}

impl ResponseExt for Response {
    // The trait's `Send` bound holds the future of this `async fn` to it.
    async fn error_for_swr(self) -> Result<Response, RemoteError> {
        let status = self.status();
        if status.is_client_error() || status.is_server_error() {
            Err(RemoteError::from_reqwest(self).await)
        } else {
            Ok(self)
        }
    }
}

mod sealed {
    /// Keeps [`ResponseExt`](super::ResponseExt) to the types this crate implements it for.
    pub trait Sealed {}

    impl Sealed for ::reqwest::Response {}
}
