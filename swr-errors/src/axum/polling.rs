//! The exchange an app's [`SwrLayer`](super::SwrLayer) is polling on this thread, so that an
//! error response built inside the handler it polls meets its layer directly.
//!
//! A derived error's response needs the layer's request format, id and Problem type to write its
//! body, and the layer needs the error's record (its causes, for the log). Handed over as a
//! response extension, that record costs the extension map's three allocations and their frees:
//! the largest part of an error response's cost through the layer, more than writing the body.
//! Handed over here, a response built while the layer polls is written once, in the right
//! format, and its record goes straight to the layer.
//!
//! Scoped, not global: the layer sets a reference to its exchange around each poll of its inner
//! future, and what was set before (the exchange of an outer app, when a handler drives another
//! app with a layer of its own) is set again afterwards, also on unwinding. A response built
//! anywhere else (without a layer, in a task of its own) carries its record as an extension,
//! which the layer reads as before.

use super::exchange::Exchange;

scoped_tls::scoped_thread_local!(static POLLING: Exchange);

/// Runs `poll` with `exchange` as the one being polled on this thread.
pub(super) fn polling<T>(exchange: Option<&Exchange>, poll: impl FnOnce() -> T) -> T {
    match exchange {
        Some(exchange) => POLLING.set(exchange, poll),
        None => poll(),
    }
}

/// Whether another app's exchange is being polled on this thread: a handler of that app is
/// driving this one. A response this app's inner service builds in `call` itself, outside any
/// poll, takes the extension path, which the layer reads as well; but here it would reach the
/// other app's exchange, so the layer sets its own around the call. One read of the
/// thread-local.
pub(super) fn nested() -> bool {
    POLLING.is_set()
}

/// Calls `respond` with the exchange being polled on this thread, if any.
pub(super) fn with_current<T>(respond: impl FnOnce(Option<&Exchange>) -> T) -> T {
    if POLLING.is_set() {
        POLLING.with(|exchange| respond(Some(exchange)))
    } else {
        respond(None)
    }
}
