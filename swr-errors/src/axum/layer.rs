//! [`SwrLayer`], the tower layer of one axum app, and [`SwrService`], the service it wraps
//! around the app's routes.

use std::any::Any;
use std::borrow::Cow;
use std::cell::Cell;
use std::future::Future;
use std::panic::AssertUnwindSafe;
use std::pin::Pin;
use std::sync::Arc;
use std::task::{ready, Context as TaskContext, Poll};

use ::axum::body::HttpBody;
use ::axum::extract::Request;
use ::axum::http::header::{HeaderValue, ACCEPT, CONTENT_TYPE, USER_AGENT};
#[cfg(feature = "tracing")]
use ::axum::http::{Method, Uri};
use ::axum::response::Response;
use futures_util::future::CatchUnwind;
use futures_util::FutureExt;
use pin_project_lite::pin_project;
use tower_layer::Layer;
use tower_service::Service;

use super::{framework, panic, polling, request_id};
use crate::format::BodyFormat;
use crate::http_response;
use crate::layer::info::ErrorInfo;
use crate::layer::{negotiate, Config, FrameworkErrors, Untouched};
use crate::response::Parts;
use crate::SwrError;

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
///   extractor's rejection) become SWR errors by the [`FrameworkErrors`] table; see
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
///   [`client_error_level`](SwrLayer::client_error_level) (INFO unless set), by the status the
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
    /// the default [`FrameworkErrors`] table.
    pub fn new() -> SwrLayer {
        SwrLayer::default()
    }

    fn config(&mut self) -> &mut Config {
        Arc::make_mut(&mut self.config)
    }

    /// The format of a request that asks for none (Legacy unless set).
    #[must_use]
    pub fn default_format(mut self, format: BodyFormat) -> SwrLayer {
        self.config().default_format = format;
        self
    }

    /// Whether the user agents of Huawei Cloud's SDKs get Dual (on unless turned off).
    #[must_use]
    pub fn sdk_dual(mut self, on: bool) -> SwrLayer {
        self.config().sdk_dual = on;
        self
    }

    /// The base of Problem's `type` URI, which the code follows:
    /// [`ProblemBody::DEFAULT_TYPE_BASE`](crate::ProblemBody::DEFAULT_TYPE_BASE) unless set, such
    /// as `"https://docs.example.com/errors/"`.
    #[must_use]
    pub fn problem_type_base(mut self, base: impl Into<Cow<'static, str>>) -> SwrLayer {
        self.config().problem_type = base.into();
        self
    }

    /// The table of framework errors (and of the error a panic becomes);
    /// [`FrameworkErrors::none()`] leaves every framework response untouched.
    #[must_use]
    pub fn framework_errors(mut self, table: FrameworkErrors) -> SwrLayer {
        self.config().framework = table;
        self
    }

    /// The level of a 4xx's log event (INFO unless set); a 5xx's is always ERROR.
    #[cfg(feature = "tracing")]
    #[cfg_attr(docsrs, doc(cfg(feature = "tracing")))]
    #[must_use]
    pub fn client_error_level(mut self, level: tracing::Level) -> SwrLayer {
        self.config().client_error_level = level;
        self
    }
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
        let exchange = Exchange {
            config: Arc::clone(&self.config),
            format,
            id,
            pending: Cell::new(None),
            #[cfg(feature = "tracing")]
            line: (request.method().clone(), request.uri().clone()),
        };
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

/// One request's settings, on the way back.
pub(super) struct Exchange {
    config: Arc<Config>,
    format: BodyFormat,
    /// The request's id, as the header it is sent as.
    id: HeaderValue,
    /// The record of the first error response built while this exchange was polled
    /// ([`Exchange::respond`]; a later one carries its own). Boxed: the exchange is moved with the layer's future on every request, and most
    /// requests record nothing.
    pending: Cell<Option<Box<Pending>>>,
    /// Method and URI (cheap clones), for the log.
    #[cfg(feature = "tracing")]
    line: (Method, Uri),
}

/// An error response [`Exchange::respond`] wrote: its record, and what tells it apart from any
/// other response the handler may return instead (one it built and dropped is no match).
struct Pending {
    info: ErrorInfo,
    /// The response's status, format and body length, as written.
    status: u16,
    format: BodyFormat,
    body_len: usize,
    /// The request id its body names, when that is the `ErrorResponse`'s own rather than the
    /// exchange's (an allocation only then).
    own_id: Option<Box<str>>,
}

impl Pending {
    /// Whether `response` is the one this record was written for: its type, which a middleware
    /// between the layer and the handler (compressing, adding headers) keeps, as does a handler
    /// that sends the error with a status of its own (`(StatusCode, error)`).
    fn describes(&self, response: &Response, content_type: Option<&HeaderValue>) -> bool {
        content_type
                .is_some_and(|value| self.format.is_content_type(value.as_bytes()))
            // A body of known length other than the one written is another response (a
            // handler's own of the same status and type); an encoded or streamed one has none.
            && response
                .body()
                .size_hint()
                .exact()
                .is_none_or(|len| len == self.body_len as u64)
    }

    /// Whether `response`'s body is still the one written, as long as written: only then may
    /// the layer write it anew (a compressed body, say, must not be replaced by plain text).
    fn body_as_written(&self, response: &Response) -> bool {
        response.body().size_hint().exact() == Some(self.body_len as u64)
    }
}

/// The replacement of a framework error, whose body is being read to become the detail.
type Replacing = Pin<Box<dyn Future<Output = Response> + Send>>;

impl Exchange {
    /// A stand-in for an exchange already finished.
    fn lost() -> Exchange {
        Exchange {
            config: Arc::default(),
            format: BodyFormat::Legacy,
            id: HeaderValue::from_static("-"),
            pending: Cell::new(None),
            #[cfg(feature = "tracing")]
            line: (Method::GET, Uri::default()),
        }
    }

    fn id(&self) -> &str {
        // Visible ASCII, checked or generated.
        self.id.to_str().unwrap_or("-")
    }

    /// The response of an error built while this exchange is polled: in the handler's chosen
    /// format, else in the request's with its id; its record kept for [`finish`](Self::finish)
    /// when the log or a later rewrite may need it.
    pub(super) fn respond(
        &self,
        error: &dyn SwrError,
        chosen: Option<BodyFormat>,
        own_id: Option<&str>,
    ) -> Response {
        let format = chosen.unwrap_or(self.format);
        let parts = if format == BodyFormat::Problem {
            // Problem names the request id and the app's type, a chosen Problem as well: the id
            // the response will carry, an `ErrorResponse`'s own or else the layer's.
            let context = self.config.context(own_id.unwrap_or(self.id()));
            Parts::in_context(error, format, context, own_id)
        } else {
            // Legacy and Dual name neither.
            Parts::of(error, format, own_id)
        };
        // The record is for the log, and for a Problem body, which names the request id, should
        // the handler set another id over it. Without either, none is made.
        let needed = cfg!(feature = "tracing") || format == BodyFormat::Problem;
        let record = needed.then(|| {
            Box::new(Pending {
                info: ErrorInfo::of(error, chosen),
                status: parts.status,
                format,
                body_len: parts.body.len(),
                own_id: own_id.map(Into::into),
            })
        });
        let mut response: Response = http_response::build(parts).map(Into::into);
        // One record waits here per exchange. An error built while another's is waiting (one of
        // the two is dropped, or both kept for later) carries its record itself, as one built
        // out of the layer's reach does: the layer then never takes one response for another.
        match self.pending.take() {
            None => self.pending.set(record),
            Some(first) => {
                self.pending.set(Some(first));
                if let Some(record) = record {
                    response.extensions_mut().insert(record.info);
                }
            }
        }
        response
    }

    /// The response as the client gets it.
    fn finish(self, response: &mut Response) -> Option<Replacing> {
        if response.status().as_u16() >= 400 {
            return self.finish_error(response);
        }
        // A success: only the id. (A record left pending is of an error the handler built and
        // dropped; it goes with the exchange.)
        self.set_id(response);
        None
    }

    /// [`finish`](Self::finish) for an error response. Not inlined: the code every success
    /// runs stays a few cache lines long.
    #[inline(never)]
    fn finish_error(self, response: &mut Response) -> Option<Replacing> {
        // What the response is, read before anything changes it: one pass over its few
        // headers, rather than a hashed lookup per name.
        let (mut content_type, mut header_id) = (None, None);
        for (name, value) in response.headers() {
            if *name == CONTENT_TYPE {
                content_type.get_or_insert(value);
            } else if *name == request_id::NAME {
                header_id.get_or_insert(value);
            }
        }
        let has_id = header_id.is_some();
        let is_framework = framework::is_framework(content_type);
        // Still in a body type the crate writes (a middleware's page in its place is not
        // rewritten), and which.
        let is_type = |format: BodyFormat| {
            content_type.is_some_and(|value| format.is_content_type(value.as_bytes()))
        };
        let written_problem = is_type(BodyFormat::Problem);
        let written_json = written_problem || is_type(BodyFormat::Legacy);
        // The record of the response `respond` wrote, if this is that response.
        let pending = self
            .pending
            .take()
            .filter(|pending| pending.describes(response, content_type));
        // A Problem names the request id and the status. Sent by the handler under another
        // `X-Request-Id` or another status (`(StatusCode, error)`) than written, its body
        // untransformed, it is written anew: it names what the client gets (RFC 9457 §3.1.2).
        let problem_outdated = pending.as_ref().is_some_and(|pending| {
            let id_changed = || {
                let written = pending.own_id.as_deref().unwrap_or(self.id());
                header_id.is_some_and(|id| id.as_bytes() != written.as_bytes())
            };
            pending.format == BodyFormat::Problem
                && pending.body_as_written(response)
                && (response.status().as_u16() != pending.status || id_changed())
        });
        // Most responses carry no extensions: then neither lookup is made.
        let has_extensions = !response.extensions().is_empty();
        let untouched = has_extensions && response.extensions().get::<Untouched>().is_some();
        let record = if has_extensions {
            response.extensions_mut().remove::<ErrorInfo>()
        } else {
            None
        };
        if let Some(info) = record {
            // Built where this exchange was out of reach: in Legacy, or the handler's
            // chosen format. Taken out: a layer further out (one whose handler drove this
            // app) passes the response on as this app's, as it does one written under it.
            self.log(&info, response);
            let still_written = written_json && response.status().as_u16() == info.status;
            // A chosen format is kept, and written again in this app's context when it
            // names it (Problem); the negotiated one is this exchange's.
            let format = info.chosen.unwrap_or(self.format);
            let rewrite_as = match info.chosen {
                _ if untouched || !still_written => None,
                Some(BodyFormat::Problem) => written_problem.then_some(format),
                Some(_) => None,
                None => (format != BodyFormat::Legacy).then_some(format),
            };
            if let Some(format) = rewrite_as {
                let body = self.body(response, &info, format);
                set_body(response, body, format);
            }
        } else if let Some(mut pending) = pending {
            // Written in its format by `respond`.
            self.log(&pending.info, response);
            if problem_outdated && !untouched {
                pending.info.status = response.status().as_u16();
                let body = self.body(response, &pending.info, pending.format);
                set_body(response, body, pending.format);
            }
        } else if is_framework
            && !untouched
            && self
                .config
                .framework
                .get(response.status().as_u16())
                .is_some()
        {
            return Some(Box::pin(self.replace(std::mem::take(response))));
        }
        if !has_id {
            response.headers_mut().insert(request_id::NAME, self.id);
        }
        None
    }

    /// The body of `info` in `format`, under the id `response` carries.
    fn body(&self, response: &Response, info: &ErrorInfo, format: BodyFormat) -> String {
        info.body(
            format,
            self.config.context(response_id(response, self.id())),
        )
    }

    /// A framework error replaced by the app's table.
    async fn replace(self, response: Response) -> Response {
        // The id the client gets: one a handler set on the text response, else the layer's.
        let id = response_id(&response, self.id()).to_owned();
        let context = self.config.context(&id);
        let (mut response, info) =
            framework::replace(response, &self.config, self.format, context).await;
        // No record left on the response: a layer further out passes it on as this app's.
        if let Some(info) = info {
            self.log(&info, &response);
        }
        self.set_id(&mut response);
        response
    }

    /// The response to a handler's panic.
    fn panicked(self, payload: Box<dyn Any + Send>) -> Response {
        #[cfg(feature = "tracing")]
        crate::layer::log::panic(
            &self.request_line(self.id()),
            crate::layer::panic_text(&*payload),
        );
        drop(payload);
        let (mut response, info) =
            panic::response(&self.config, self.format, self.config.context(self.id()));
        self.log(&info, &response);
        self.set_id(&mut response);
        response
    }

    fn set_id(self, response: &mut Response) {
        // A scan of the response's few header names: no hash of this one unless it is inserted.
        // (`finish_error` reads it in its own pass.)
        if !response
            .headers()
            .keys()
            .any(|name| *name == request_id::NAME)
        {
            response.headers_mut().insert(request_id::NAME, self.id);
        }
    }

    /// The request as a log event names it, with the id the client gets back.
    #[cfg(feature = "tracing")]
    fn request_line<'a>(&'a self, request_id: &'a str) -> crate::layer::log::RequestLine<'a> {
        crate::layer::log::RequestLine {
            method: self.line.0.as_str(),
            path: self.line.1.path(),
            request_id,
        }
    }

    /// Logs an error response under the id it carries (a handler's own, else the layer's).
    /// Without `tracing`, nothing: not even the id is looked up.
    #[cfg_attr(not(feature = "tracing"), allow(unused_variables))]
    fn log(&self, info: &ErrorInfo, response: &Response) {
        #[cfg(feature = "tracing")]
        crate::layer::log::error_response(
            self.config.client_error_level,
            info,
            response.status().as_u16(),
            &self.request_line(response_id(response, self.id())),
        );
    }
}

/// `response` with `body`, written in `format`.
fn set_body(response: &mut Response, body: String, format: BodyFormat) {
    framework::set_body_headers(response.headers_mut(), format);
    *response.body_mut() = body.into();
}

/// The id the response will carry: the handler's own `X-Request-Id` when it set a valid one,
/// else the layer's.
fn response_id<'a>(response: &'a Response, id: &'a str) -> &'a str {
    response
        .headers()
        .get(&request_id::NAME)
        .and_then(|value| value.to_str().ok())
        .unwrap_or(id)
}
