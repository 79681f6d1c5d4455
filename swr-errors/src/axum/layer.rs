//! [`SwrLayer`], the tower layer of one axum app, and [`SwrService`], the service it wraps
//! around the app's routes.

use std::borrow::Cow;
use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context as TaskContext, Poll};

use ::axum::extract::Request;
use ::axum::http::header::{HeaderName, HeaderValue, ACCEPT, USER_AGENT};
use ::axum::response::Response;
use tower_layer::Layer;
use tower_service::Service;

use super::{framework, panic, request_id};
use crate::format::BodyFormat;
use crate::layer::info::ErrorInfo;
use crate::layer::{negotiate, Config, FrameworkErrors, Untouched};
use crate::response::{RequestId, X_REQUEST_ID};

/// The SWR error layer of one axum app: add it once, last, with `Router::layer`.
///
/// - **Request ids.** Every request gets an id, its own `X-Request-Id` when that is a valid
///   [`RequestId`], else a [generated](RequestId::generate) one; handlers read it with the
///   [`RequestId`] extractor, and every response carries it as `X-Request-Id` (unless the
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
/// - **Logs** (feature `tracing`): each error response once, a 5xx at ERROR with code, status,
///   request id, method, path and the error's whole `source()` chain, a 4xx at
///   [`client_error_level`](SwrLayer::client_error_level) (INFO unless set). Without the
///   feature nothing is logged.
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

/// The future of [`SwrService`]: boxed, as it awaits the inner service and, for a framework
/// error, its short body.
pub type SwrFuture<E> = Pin<Box<dyn Future<Output = Result<Response, E>> + Send>>;

impl<S> Service<Request> for SwrService<S>
where
    S: Service<Request, Response = Response>,
    S::Future: Send + 'static,
    S::Error: Send + 'static,
{
    type Response = Response;
    type Error = S::Error;
    type Future = SwrFuture<S::Error>;

    fn poll_ready(&mut self, cx: &mut TaskContext<'_>) -> Poll<Result<(), S::Error>> {
        self.inner.poll_ready(cx)
    }

    fn call(&mut self, mut request: Request) -> Self::Future {
        let headers = request.headers();
        let format = negotiate::choose(
            &self.config,
            headers.get(ACCEPT).map(HeaderValue::as_bytes),
            headers.get(USER_AGENT).map(HeaderValue::as_bytes),
        );
        let id = request_id::from_headers(headers).unwrap_or_else(RequestId::generate);
        request.extensions_mut().insert(id.clone());
        #[cfg(feature = "tracing")]
        let line = (request.method().clone(), request.uri().path().to_owned());
        let config = Arc::clone(&self.config);
        let called = panic::call(|| self.inner.call(request));
        Box::pin(async move {
            let exchange = Exchange {
                config: &config,
                format,
                id: &id,
                #[cfg(feature = "tracing")]
                line: (line.0.as_str(), &line.1),
            };
            let response = match panic::poll(called).await {
                Ok(Ok(response)) => exchange.finish(response).await,
                Ok(Err(error)) => return Err(error),
                Err(payload) => exchange.panicked(payload),
            };
            Ok(response)
        })
    }
}

/// One request's settings, on the way back.
struct Exchange<'a> {
    config: &'a Config,
    format: BodyFormat,
    id: &'a RequestId,
    /// Method and path, for the log.
    #[cfg(feature = "tracing")]
    line: (&'a str, &'a str),
}

impl Exchange<'_> {
    /// The response as the client gets it.
    async fn finish(&self, mut response: Response) -> Response {
        let is_error = response.status().as_u16() >= 400;
        if is_error && response.extensions().get::<Untouched>().is_none() {
            if let Some(info) = response.extensions().get::<ErrorInfo>() {
                self.log(info);
                if !info.chosen && self.format != BodyFormat::Legacy {
                    let context = self.config.context(response_id(&response, self.id));
                    let body = info.body(self.format, context);
                    framework::set_body_headers(response.headers_mut(), self.format);
                    *response.body_mut() = body.into();
                }
            } else if framework::is_framework(&response) {
                // The framework set no request id of its own.
                let context = self.config.context(self.id.as_str());
                let (replaced, info) =
                    framework::replace(response, self.config, self.format, context).await;
                response = replaced;
                if let Some(info) = info {
                    self.log(&info);
                    response.extensions_mut().insert(info);
                }
            }
        }
        self.set_id(&mut response);
        response
    }

    /// The response to a handler's panic.
    fn panicked(&self, payload: Box<dyn std::any::Any + Send>) -> Response {
        #[cfg(feature = "tracing")]
        crate::layer::log::panic(&self.request_line(), crate::layer::panic_text(&*payload));
        drop(payload);
        let (mut response, info) = panic::response(
            self.config,
            self.format,
            self.config.context(self.id.as_str()),
        );
        self.log(&info);
        response.extensions_mut().insert(info);
        self.set_id(&mut response);
        response
    }

    fn set_id(&self, response: &mut Response) {
        let name = HeaderName::from_static(X_REQUEST_ID);
        if !response.headers().contains_key(&name) {
            // A `RequestId` is visible ASCII only: always a valid header value.
            if let Ok(value) = HeaderValue::from_str(self.id.as_str()) {
                response.headers_mut().insert(name, value);
            }
        }
    }

    #[cfg(feature = "tracing")]
    fn request_line(&self) -> crate::layer::log::RequestLine<'_> {
        crate::layer::log::RequestLine {
            method: self.line.0,
            path: self.line.1,
            request_id: self.id.as_str(),
        }
    }

    #[cfg_attr(not(feature = "tracing"), allow(unused_variables))]
    fn log(&self, info: &ErrorInfo) {
        #[cfg(feature = "tracing")]
        crate::layer::log::error_response(
            self.config.client_error_level,
            info,
            &self.request_line(),
        );
    }
}

/// The id the response will carry: the handler's own `X-Request-Id` when it set a valid one,
/// else the layer's.
fn response_id<'a>(response: &'a Response, id: &'a RequestId) -> &'a str {
    response
        .headers()
        .get(X_REQUEST_ID)
        .and_then(|value| value.to_str().ok())
        .unwrap_or(id.as_str())
}
