//! With the `reqwest` feature (reqwest 0.12): error responses read straight from a
//! [`reqwest::Response`](::reqwest::Response), their body streamed within a bound.
//!
//! [`ResponseExt::error_for_swr`] is to SWR errors what reqwest's `error_for_status` is to
//! statuses: a success comes back untouched, an error status becomes a [`RemoteError`] with the
//! code, message and detail of its body, its status, its `X-Request-Id`, its `Retry-After` and
//! its `WWW-Authenticate`.
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
use super::{parse, RemoteError, MAX_JSON_LEN};

/// The most bytes of byte order mark and whitespace around its JSON that a streamed body may add
/// to [`MAX_JSON_LEN`] and still be read as [`RemoteError::from_response`] reads it: room for a
/// trailing newline, a BOM, a pretty-printer's indentation at the ends.
const MAX_PADDING: usize = 1024;

impl RemoteError {
    /// Reads an error response from reqwest: its status, its `X-Request-Id` (which wins over a
    /// `request_id` in the body), `Retry-After` and `WWW-Authenticate` headers (see
    /// [`www_authenticate`](Self::www_authenticate)), and its body, as
    /// [`from_response`](Self::from_response) reads it.
    ///
    /// The body is read chunk by chunk, and never beyond
    /// [`MAX_JSON_LEN`](Self::MAX_JSON_LEN) bytes plus the chunk that crosses it: an error page of
    /// 64 MiB costs 64 KiB and a chunk, and the rest is never received (the connection is closed
    /// when the response is dropped, not returned to the pool). Only while what arrived past
    /// `MAX_JSON_LEN` is the byte order mark and whitespace that `from_response` strips around the
    /// JSON (a JSON body of exactly `MAX_JSON_LEN` bytes and a trailing newline) does reading go
    /// on, up to 1 KiB more. A body that does not end within the bound is read as text, its first
    /// [`MAX_TEXT_LEN`](Self::MAX_TEXT_LEN) bytes the message, as `from_response` reads any body
    /// over `MAX_JSON_LEN`. Only two kinds of body read otherwise than `from_response` reads them
    /// whole: JSON within the bound but padded with more than 1 KiB of whitespace (text here), and
    /// text after more than `MAX_JSON_LEN` bytes of whitespace (an empty message here). A body cut
    /// short by the transport (a reset, a timeout) is read as far as it arrived.
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
        let head = Head::read(|name| headers.get_all(name).iter().map(HeaderValue::as_bytes));
        let (body, whole) = read_bounded(&mut response).await;
        let err = if whole {
            RemoteError::from_response(status, &body)
        } else {
            RemoteError::from_text(status, &body)
        };
        err.with_head(head)
    }
}

/// The body, up to the first chunk that takes it past what `from_response` would parse as JSON
/// (`MAX_JSON_LEN` bytes, and at most [`MAX_PADDING`] more of BOM and whitespace at its ends),
/// and whether it is the whole body (it ended within the bound, or the transport cut it there).
async fn read_bounded(response: &mut Response) -> (Vec<u8>, bool) {
    let bound = MAX_JSON_LEN + MAX_PADDING;
    let expected = response.content_length().unwrap_or(0);
    let capacity = usize::try_from(expected).map_or(MAX_JSON_LEN, |len| len.min(bound));
    let mut body = Vec::with_capacity(capacity);
    // Past MAX_JSON_LEN, `json_text` strips what `from_response` strips: once what is left is
    // over the bound, no byte to come can bring it back within.
    while body.len() <= MAX_JSON_LEN || (body.len() <= bound && parse::json_text(&body).is_some()) {
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

#[cfg(all(test, feature = "http"))]
mod tests {
    use std::future::Future;
    use std::sync::Arc;
    use std::task::{Context, Poll, Wake, Waker};

    use super::MAX_PADDING;
    use crate::RemoteError;

    /// Polls to completion a future that never waits: a response's body held in memory.
    fn block_on<F: Future>(future: F) -> F::Output {
        struct Noop;
        impl Wake for Noop {
            fn wake(self: Arc<Self>) {}
        }
        let waker = Waker::from(Arc::new(Noop));
        let mut cx = Context::from_waker(&waker);
        let mut future = std::pin::pin!(future);
        loop {
            if let Poll::Ready(out) = future.as_mut().poll(&mut cx) {
                return out;
            }
        }
    }

    fn from_reqwest(status: u16, body: &[u8]) -> RemoteError {
        let response = http::Response::builder()
            .status(status)
            .body(body.to_vec())
            .unwrap();
        block_on(RemoteError::from_reqwest(::reqwest::Response::from(
            response,
        )))
    }

    /// A gateway's JSON body of exactly `len` bytes.
    fn json_of(len: usize) -> String {
        let (head, tail) = (r#"{"error_code":"APIGW.0101","error_msg":""#, r#""}"#);
        let json = format!("{head}{}{tail}", "m".repeat(len - head.len() - tail.len()));
        assert_eq!(json.len(), len);
        json
    }

    #[test]
    fn a_body_reads_as_from_response_reads_it_at_the_json_bound() {
        let json = json_of(RemoteError::MAX_JSON_LEN);
        let padded = " ".repeat(MAX_PADDING - 3);
        for body in [
            format!("{json}\n"),
            format!("\u{feff}{json}"),
            format!("\u{feff}\r\n{json}\r\n\r\n"),
            format!("\u{feff}{json}{padded}"),
        ] {
            let expected = RemoteError::from_response(404, body.as_bytes());
            assert_eq!(expected.code(), Some("APIGW.0101"));
            assert_eq!(from_reqwest(404, body.as_bytes()), expected);
        }
        // One byte of JSON more, padded or not, is text for both.
        let json = json_of(RemoteError::MAX_JSON_LEN + 1);
        for body in [json.clone(), format!("\u{feff}{json}\n")] {
            let expected = RemoteError::from_response(404, body.as_bytes());
            assert_eq!(expected.code(), None);
            assert_eq!(from_reqwest(404, body.as_bytes()), expected);
        }
    }

    #[test]
    fn reading_stops_past_the_padding() {
        // A JSON body padded with more than MAX_PADDING bytes past the bound: read as text, as
        // documented, where `from_response`, which holds all of it, parses it.
        let body = format!(
            "{}{}",
            json_of(RemoteError::MAX_JSON_LEN),
            " ".repeat(MAX_PADDING + 1)
        );
        let err = from_reqwest(404, body.as_bytes());
        assert_eq!(err.code(), None);
        assert!(err.message().starts_with(r#"{"error_code":"APIGW.0101""#));
        // A huge page is text for both, its first MAX_TEXT_LEN bytes the message.
        let page = "x".repeat(1 << 20);
        assert_eq!(
            from_reqwest(502, page.as_bytes()),
            RemoteError::from_response(502, page.as_bytes())
        );
    }
}
