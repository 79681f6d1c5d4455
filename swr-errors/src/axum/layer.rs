//! [`SwrLayer`], the tower layer of one axum app, and [`SwrService`], the service it wraps
//! around the app's routes.

use std::any::Any;
use std::future::Future;
use std::panic::AssertUnwindSafe;
use std::pin::Pin;
use std::sync::Arc;
use std::task::{ready, Context as TaskContext, Poll};

use ::axum::extract::Request;
use ::axum::http::header::{HeaderValue, ACCEPT, USER_AGENT};
use ::axum::response::Response;
use futures_util::future::CatchUnwind;
use futures_util::FutureExt;
use pin_project_lite::pin_project;
use tower_layer::Layer;
use tower_service::Service;

use super::exchange::{Exchange, Replacing};
use super::{panic, polling, request_id};
use crate::layer::{negotiate, settings_methods, Config};

/// The SWR error layer of one axum app: add it once, last, with `Router::layer`, or around the
/// whole router, which costs less ([why](crate::axum#around-the-whole-router)).
///
/// - **Request ids.** Every request gets an id, its own `X-Request-Id` when that is a valid
///   [`RequestId`](crate::RequestId), else a [generated](crate::RequestId::generate) one, which
///   replaces the request's header; handlers read it with the [`RequestId`](crate::RequestId)
///   extractor (or the header), and every response carries it as `X-Request-Id` (unless the
///   handler set that header itself).
/// - **Formats.** An error response of a derived type (or an [`ErrorResponse`](crate::ErrorResponse)
///   without [`with_format`](crate::ErrorResponse::with_format)) is sent in the request's format:
///   Problem for `Accept: application/problem+json`; Dual for the user agent of a Huawei Cloud
///   SDK (`huaweicloud-usdk-python/…`, `-nodejs/`, `-java/`, `-go/`: those SDKs read nothing
///   else; turn it off with [`sdk_dual(false)`](SwrLayer::sdk_dual)); else the app's
///   [`default_format`](SwrLayer::default_format), Legacy unless set.
/// - **Framework errors.** axum's own error responses (an unmatched route, a wrong method, an
///   extractor's rejection) become SWR errors by the [`FrameworkErrors`](crate::FrameworkErrors) table; see
///   [the rule](crate::axum#what-the-layer-treats-as-axums-own-response) by which they are told
///   apart from a handler's. A response a handler built itself, and every success, pass
///   untouched (but for `X-Request-Id`).
/// - **Panics.** A panicking handler's client gets a 500 SWR body without the panic's text; the
///   app keeps serving. The text reaches stderr through Rust's panic hook and, with the `tracing`
///   feature, an ERROR event.
/// - **Logs** (feature `tracing`): each SWR error response once (a derived error's, an
///   [`ErrorResponse`](crate::ErrorResponse)'s, a replaced framework error's; not a handler's own
///   JSON or HTML error), a 5xx at ERROR with code, status,
///   request id, method, path and the error's whole `source()` chain, a 4xx at
///   `client_error_level` (INFO unless set), by the status the
///   client got. Without the feature nothing is logged.
///
/// The settings belong to this layer alone: two apps in one process can differ.
///
/// ```
/// use axum::{routing::get, Router};
/// use swr_errors::axum::SwrLayer;
/// use swr_errors::{BodyFormat, SwrCode};
///
/// async fn show() -> Result<String, SwrCode> {
///     Err(SwrCode::OrganizationNotFound)
/// }
///
/// let app: Router = Router::new()
///     .route("/v2/manage/namespaces/{namespace}", get(show))
///     .layer(SwrLayer::new().default_format(BodyFormat::Dual));
/// ```
#[derive(Clone, Debug, Default)]
pub struct SwrLayer {
    config: Arc<Config>,
}

impl SwrLayer {
    /// The layer with the defaults: Legacy, Dual for the SDKs, the default Problem type base,
    /// the default [`FrameworkErrors`](crate::FrameworkErrors) table.
    pub fn new() -> SwrLayer {
        SwrLayer::default()
    }

    settings_methods!(SwrLayer);
}

impl<S> Layer<S> for SwrLayer {
    type Service = SwrService<S>;

    fn layer(&self, inner: S) -> SwrService<S> {
        SwrService {
            inner,
            config: Arc::clone(&self.config),
        }
    }
}

/// The service [`SwrLayer`] wraps around an app's routes.
#[derive(Clone, Debug)]
pub struct SwrService<S> {
    inner: S,
    config: Arc<Config>,
}

impl<S> Service<Request> for SwrService<S>
where
    S: Service<Request, Response = Response>,
{
    type Response = Response;
    type Error = S::Error;
    type Future = SwrFuture<S::Future>;

    fn poll_ready(&mut self, cx: &mut TaskContext<'_>) -> Poll<Result<(), S::Error>> {
        self.inner.poll_ready(cx)
    }

    fn call(&mut self, mut request: Request) -> Self::Future {
        // One pass over the request's headers (a handful) rather than a lookup per name, each of
        // which hashes the name.
        let (mut problem_accepted, mut user_agent, mut client_id) = (false, None, None);
        for (name, value) in request.headers() {
            let slot = if *name == ACCEPT {
                // Every line: together they are one list (RFC 9110 §5.3).
                problem_accepted = problem_accepted || negotiate::accepts_problem(value.as_bytes());
                continue;
            } else if *name == USER_AGENT {
                &mut user_agent
            } else if *name == request_id::NAME {
                &mut client_id
            } else {
                continue;
            };
            // The first value of a repeated header, as `HeaderMap::get` reads it.
            slot.get_or_insert(value);
        }
        let format = negotiate::choose(
            &self.config,
            problem_accepted,
            user_agent.map(HeaderValue::as_bytes),
        );
        let id = request_id::valid(client_id).cloned();
        let id = id.unwrap_or_else(|| request_id::generate_into(request.headers_mut()));
        let exchange = Exchange::new(Arc::clone(&self.config), format, id, &request);
        // Two branches, each moving the request once, rather than a closure in a closure.
        let called = if polling::nested() {
            polling::polling(Some(&exchange), || panic::call(|| self.inner.call(request)))
        } else {
            panic::call(|| self.inner.call(request))
        };
        match called {
            Ok(future) => SwrFuture {
                inner: Some(AssertUnwindSafe(future).catch_unwind()),
                panicked: None,
                exchange: Some(exchange),
                replacing: None,
            },
            Err(payload) => SwrFuture {
                inner: None,
                panicked: Some(payload),
                exchange: Some(exchange),
                replacing: None,
            },
        }
    }
}

pin_project! {
    /// The future of [`SwrService`]: the inner service's future, caught for panics, and the
    /// layer's work on its response. Not boxed: a success or a derived error is finished as soon
    /// as the inner future is; only a framework error, whose short body is read, boxes the rest.
    pub struct SwrFuture<F> {
        #[pin]
        inner: Option<CatchUnwind<AssertUnwindSafe<F>>>,
        panicked: Option<Box<dyn Any + Send>>,
        exchange: Option<Exchange>,
        replacing: Option<Replacing>,
    }
}

impl<F, E> Future for SwrFuture<F>
where
    F: Future<Output = Result<Response, E>>,
{
    type Output = Result<Response, E>;

    fn poll(self: Pin<&mut Self>, cx: &mut TaskContext<'_>) -> Poll<Self::Output> {
        let mut this = self.project();
        if let Some(replacing) = this.replacing.as_mut() {
            let response = ready!(replacing.as_mut().poll(cx));
            // Polled again after this, the future answers as for a panic (below), not by
            // resuming a finished `async fn`.
            *this.replacing = None;
            return Poll::Ready(Ok(response));
        }
        let caught = match this.inner.as_mut().as_pin_mut() {
            // With the exchange in reach of the responses the handler builds.
            Some(inner) => ready!(polling::polling(this.exchange.as_ref(), || inner.poll(cx))),
            None => Err(this
                .panicked
                .take()
                .unwrap_or_else(|| Box::new("polled after completion"))),
        };
        this.inner.set(None);
        let Some(exchange) = this.exchange.take() else {
            // Polled again after completion: a bug of the caller; answer as for a panic.
            return Poll::Ready(Ok(Exchange::lost().panicked(Box::new("polled twice"))));
        };
        match caught {
            // Finished in place: a response is a few hundred bytes, not moved in and out.
            Ok(Ok(mut response)) => match exchange.finish(&mut response) {
                None => Poll::Ready(Ok(response)),
                Some(mut replacing) => match replacing.as_mut().poll(cx) {
                    Poll::Ready(response) => Poll::Ready(Ok(response)),
                    Poll::Pending => {
                        *this.replacing = Some(replacing);
                        Poll::Pending
                    }
                },
            },
            Ok(Err(error)) => Poll::Ready(Err(error)),
            Err(payload) => Poll::Ready(Ok(exchange.panicked(payload))),
        }
    }
}
