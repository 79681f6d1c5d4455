//! [`RequestId`] as an axum extractor, and how the layer reads one from a request.

use std::cell::RefCell;
use std::convert::Infallible;

use ::axum::extract::FromRequestParts;
use ::axum::http::request::Parts as RequestParts;
use ::axum::http::{HeaderMap, HeaderName, HeaderValue};
use bytes::Bytes;

use crate::response::{RequestId, X_REQUEST_ID};

/// `X-Request-Id` as a header name made at compile time, so no lookup parses the name.
pub(super) const NAME: HeaderName = HeaderName::from_static(X_REQUEST_ID);

/// The request's valid `X-Request-Id`, if it has one.
pub(super) fn from_headers(headers: &HeaderMap) -> Option<RequestId> {
    let value = headers.get(&NAME)?.to_str().ok()?;
    RequestId::new(value)
}

/// The request's `X-Request-Id` when it is a valid [`RequestId`].
pub(super) fn valid(value: Option<&HeaderValue>) -> Option<&HeaderValue> {
    value.filter(|value| RequestId::is_valid(value.as_bytes()))
}

/// A generated id, set as the request's `X-Request-Id` (replacing an invalid one) so that
/// handlers, the extractor and the response all see the same id.
pub(super) fn generate_into(headers: &mut HeaderMap) -> HeaderValue {
    // Hex digits: always a valid header value.
    let value = HeaderValue::from_maybe_shared(next_digits())
        .unwrap_or_else(|_| HeaderValue::from_static("-"));
    // A clone shares the digits: the request's header and the response's are one buffer.
    headers.insert(NAME, value.clone());
    value
}

/// Generated ids are cut from a block of this many, made at once: two allocations (the block
/// and the header its `Bytes` share) and one atomic step of the id counter per block rather
/// than per request. An id kept alive keeps its block (2 KiB) alive.
const BLOCK: usize = 64;

/// The length of a generated id.
const LEN: usize = 32;

thread_local! {
    /// This thread's generated ids not yet handed out: a cache of values, nobody's setting.
    static IDS: RefCell<Bytes> = const { RefCell::new(Bytes::new()) };
}

/// The digits of a fresh id, from this thread's block (a new block when it is used up).
fn next_digits() -> Bytes {
    fn cut(block: &mut Bytes) -> Bytes {
        if block.len() < LEN {
            *block = new_block();
        }
        block.split_to(LEN)
    }
    /// Once in `BLOCK` ids, so out of line: what every request runs stays short.
    #[cold]
    #[inline(never)]
    fn new_block() -> Bytes {
        let mut digits = Vec::with_capacity(LEN * BLOCK);
        let first = RequestId::reserve(BLOCK as u64);
        for offset in 0..BLOCK as u64 {
            // Wrapping, as the counter does: no overflow check to fail after 2^64 ids.
            digits.extend_from_slice(&RequestId::digits_of(first.wrapping_add(offset)));
        }
        Bytes::from(digits)
    }
    IDS.try_with(|ids| ids.try_borrow_mut().ok().map(|mut block| cut(&mut block)))
        .ok()
        .flatten()
        // While the thread's locals are destroyed: an allocation of its own.
        .unwrap_or_else(|| Bytes::from_owner(RequestId::generate_digits()))
}

/// The request's id: one stored in the request's extensions, else the request's valid
/// `X-Request-Id` header, else a generated one. Never rejects.
impl<S: Send + Sync> FromRequestParts<S> for RequestId {
    type Rejection = Infallible;

    async fn from_request_parts(
        parts: &mut RequestParts,
        _state: &S,
    ) -> Result<RequestId, Infallible> {
        if let Some(id) = parts.extensions.get::<RequestId>() {
            return Ok(id.clone());
        }
        Ok(from_headers(&parts.headers).unwrap_or_else(RequestId::generate))
    }
}
