//! [`SwrErrors`], the actix-web middleware of one app, and [`SwrErrorsService`], the service it
//! wraps around the app.

use std::any::Any;
use std::borrow::Cow;
use std::future::{ready, Future, Ready};
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::pin::Pin;
use std::rc::Rc;
use std::sync::Arc;

use ::actix_web::body::{BoxBody, EitherBody, MessageBody};
use ::actix_web::dev::{forward_ready, Service, ServiceRequest, ServiceResponse, Transform};
use ::actix_web::http::header::{
    HeaderMap, HeaderName, HeaderValue, ACCEPT, CONTENT_ENCODING, CONTENT_LENGTH, CONTENT_TYPE,
    USER_AGENT,
};
use ::actix_web::{Error, HttpMessage, HttpResponse};
use futures_util::FutureExt;

use super::request_id;
use super::response::actix_status;
use crate::format::BodyFormat;
use crate::layer::info::ErrorInfo;
use crate::layer::{negotiate, Config, FrameworkErrors, Untouched};
use crate::response::{RequestId, X_REQUEST_ID};

/// The SWR error middleware of one actix-web app: `App::new().wrap(SwrErrors::new())`.
///
/// The same options and promises as [`axum::SwrLayer`](crate::axum::SwrLayer), as far as
/// actix-web lets a middleware see them:
///
/// - **Request ids**: a valid incoming `X-Request-Id` is echoed, else one is generated and set
///   as the request's header (replacing an invalid one); handlers read it with the [`RequestId`]
///   extractor or the header; every response carries it.
/// - **Formats**: `Accept: application/problem+json` gets Problem, a Huawei Cloud SDK user agent
///   Dual (unless [`sdk_dual(false)`](SwrErrors::sdk_dual)), anything else the app's
///   [`default_format`](SwrErrors::default_format) (Legacy unless set). Applies to derived
///   errors and to [`ErrorResponse`](crate::ErrorResponse)s without a chosen format; one built
///   with [`with_format`](crate::ErrorResponse::with_format) keeps that format, written in the
///   app's context: its [`problem_type_base`](SwrErrors::problem_type_base) and the response's
///   `X-Request-Id`.
/// - **Framework errors**: by the [`FrameworkErrors`] table, an error response with no SWR
///   record, no [`Untouched`] marker, and no `Content-Type` or a `text/plain` one: actix-web's
///   bare 404 for an unmatched route and 405 for a wrong method on a resource, and every
///   `ResponseError` that keeps actix-web's default `error_response` (the extractors'
///   `JsonPayloadError`, `PathError`, `QueryPayloadError`...). The error's `Display` text
///   becomes the `detail`.
/// - **Panics**: a handler's panic becomes a 500 SWR body without its text; the app keeps
///   serving; the text goes to stderr (Rust's panic hook) and, with `tracing`, an ERROR event.
///   actix-web builds no response without the request, which the panicking handler took, so the
///   answer leaves the middleware as an `Err` whose `error_response` is that SWR response: what
///   actix-web's server sends. (`actix_web::test::call_service` unwraps that `Err`; drive a
///   panicking route with `test::try_call_service` or a real server.)
/// - **Logs** (feature `tracing`): as the axum layer's.
/// - **Nesting**: a `web::scope` wrapped in its own `SwrErrors` inside an app wrapped in
///   another: the closest middleware writes the scope's error responses, in its format, and logs
///   them; the app's passes them on, as written, and logs them no second time.
///
/// Where actix-web does not let it:
///
/// - an error that a service *returns* (`Err` from a middleware between this one and the
///   handler: one `.wrap`ped before it, or on a scope or a resource; a handler's or an
///   extractor's error is already a response, and so is a guard's rejection, actix-web's 404 or
///   405) is passed on untouched: the middleware has no response to rewrite, and actix-web writes
///   it later (its own `text/plain` error, without `X-Request-Id`);
/// - a panic in code outside the wrapped service (another middleware wrapped around this one, a
///   body stream polled after the response left) is not caught; actix-web then drops the
///   connection, and its worker keeps serving other requests.
///
/// ```
/// use actix_web::{web, App};
/// use swr_errors::actix::SwrErrors;
/// use swr_errors::{BodyFormat, SwrCode};
///
/// async fn show() -> Result<String, SwrCode> {
///     Err(SwrCode::OrganizationNotFound)
/// }
///
/// let app = App::new()
///     .route("/v2/manage/namespaces/{namespace}", web::get().to(show))
///     .wrap(SwrErrors::new().default_format(BodyFormat::Dual));
/// # drop(app);
/// ```
#[derive(Clone, Debug, Default)]
pub struct SwrErrors {
    config: Arc<Config>,
}

impl SwrErrors {
    /// The middleware with the defaults, as [`SwrLayer::new`](crate::axum::SwrLayer::new).
    pub fn new() -> SwrErrors {
        SwrErrors::default()
    }

    fn config(&mut self) -> &mut Config {
        Arc::make_mut(&mut self.config)
    }

    /// The format of a request that asks for none (Legacy unless set).
    #[must_use]
    pub fn default_format(mut self, format: BodyFormat) -> SwrErrors {
        self.config().default_format = format;
        self
    }

    /// Whether the user agents of Huawei Cloud's SDKs get Dual (on unless turned off).
    #[must_use]
    pub fn sdk_dual(mut self, on: bool) -> SwrErrors {
        self.config().sdk_dual = on;
        self
    }

    /// The base of Problem's `type` URI, which the code follows.
    #[must_use]
    pub fn problem_type_base(mut self, base: impl Into<Cow<'static, str>>) -> SwrErrors {
        self.config().problem_type = base.into();
        self
    }

    /// The table of framework errors (and of the error a panic becomes).
    #[must_use]
    pub fn framework_errors(mut self, table: FrameworkErrors) -> SwrErrors {
        self.config().framework = table;
        self
    }

    /// The level of a 4xx's log event (INFO unless set); a 5xx's is always ERROR.
    #[cfg(feature = "tracing")]
    #[cfg_attr(docsrs, doc(cfg(feature = "tracing")))]
    #[must_use]
    pub fn client_error_level(mut self, level: tracing::Level) -> SwrErrors {
        self.config().client_error_level = level;
        self
    }
}

impl<S, B> Transform<S, ServiceRequest> for SwrErrors
where
    S: Service<ServiceRequest, Response = ServiceResponse<B>, Error = Error> + 'static,
    B: MessageBody + 'static,
{
    type Response = ServiceResponse<EitherBody<B>>;
    type Error = Error;
    type Transform = SwrErrorsService<S>;
    type InitError = ();
    type Future = Ready<Result<SwrErrorsService<S>, ()>>;

    fn new_transform(&self, service: S) -> Self::Future {
        ready(Ok(SwrErrorsService {
            service: Rc::new(service),
            config: Arc::clone(&self.config),
        }))
    }
}

/// The service [`SwrErrors`] wraps around an app.
#[derive(Debug)]
pub struct SwrErrorsService<S> {
    service: Rc<S>,
    config: Arc<Config>,
}

/// What a guarded call gives: the inner service's result, or a panic's payload.
type Caught<T> = Result<T, Box<dyn Any + Send>>;

impl<S, B> Service<ServiceRequest> for SwrErrorsService<S>
where
    S: Service<ServiceRequest, Response = ServiceResponse<B>, Error = Error> + 'static,
    B: MessageBody + 'static,
{
    type Response = ServiceResponse<EitherBody<B>>;
    type Error = Error;
    type Future = Pin<Box<dyn Future<Output = Result<Self::Response, Error>>>>;

    forward_ready!(service);

    fn call(&self, mut request: ServiceRequest) -> Self::Future {
        let headers = request.headers();
        // Every `Accept` line: together they are one list.
        let problem_accepted = headers
            .get_all(ACCEPT)
            .any(|value| negotiate::accepts_problem(value.as_bytes()));
        let format = negotiate::choose(
            &self.config,
            problem_accepted,
            headers.get(USER_AGENT).map(HeaderValue::as_bytes),
        );
        let id = match request_id::from_headers(headers) {
            Some(id) => id,
            None => {
                // Set on the request (over an invalid one): a handler or an inner middleware that
                // reads the header sees the id the response carries, as through the axum layer.
                let id = RequestId::generate();
                if let Ok(value) = HeaderValue::from_str(id.as_str()) {
                    let name = HeaderName::from_static(X_REQUEST_ID);
                    request.headers_mut().insert(name, value);
                }
                id
            }
        };
        request.extensions_mut().insert(id.clone());
        #[cfg(feature = "tracing")]
        let line = (request.method().to_string(), request.path().to_owned());
        let config = Arc::clone(&self.config);
        // `AssertUnwindSafe`: after a panic nothing of the handler's is used again.
        let called: Caught<S::Future> =
            catch_unwind(AssertUnwindSafe(|| self.service.call(request)));
        Box::pin(async move {
            let result = match called {
                Ok(future) => AssertUnwindSafe(future).catch_unwind().await,
                Err(payload) => Err(payload),
            };
            let exchange = Exchange {
                config: &config,
                format,
                id: &id,
                #[cfg(feature = "tracing")]
                line,
            };
            match result {
                Ok(Ok(response)) => Ok(exchange.finish(response)),
                Ok(Err(error)) => Err(error),
                // actix-web has no response without the request, which the panicking handler
                // took: the answer goes back as an error, which actix-web turns into the
                // response `PanicResponse::error_response` writes.
                Err(payload) => Err(exchange.panicked(payload)),
            }
        })
    }
}

/// One request's settings, on the way back.
struct Exchange<'a> {
    config: &'a Config,
    format: BodyFormat,
    id: &'a RequestId,
    /// Method and path, for the log of a panic (whose request is gone).
    #[cfg(feature = "tracing")]
    line: (String, String),
}

impl Exchange<'_> {
    fn finish<B: MessageBody + 'static>(
        &self,
        mut response: ServiceResponse<B>,
    ) -> ServiceResponse<EitherBody<B>> {
        let mut response = match self.replacement(&mut response) {
            Some((info, format, status)) => {
                let id = response_id(response.headers(), self.id);
                let body = info.body(format, self.config.context(id));
                response.map_body(|head, _old| {
                    head.status = actix_status(status);
                    set_body_headers(&mut head.headers, format);
                    EitherBody::right(BoxBody::new(body))
                })
            }
            None => response.map_into_left_body(),
        };
        set_id(response.headers_mut(), self.id);
        response
    }

    /// The record to write the response's new body from, in which format, and its status;
    /// `None` to keep the body. A format the handler chose is kept, and written again in this
    /// app's context (its Problem type, the response's id), which the handler did not have.
    ///
    /// Logs the error response, and takes its SWR record off: a middleware further out (the
    /// app's, around a scope wrapped in this one) passes it on as written here, in this
    /// middleware's format, and logs it no second time. [`Untouched`] keeps the body and skips
    /// the framework mapping; a derived error under it is still logged.
    fn replacement<B>(
        &self,
        response: &mut ServiceResponse<B>,
    ) -> Option<(ErrorInfo, BodyFormat, u16)> {
        let status = response.status().as_u16();
        if status < 400 {
            return None;
        }
        let untouched = response
            .response()
            .extensions()
            .get::<Untouched>()
            .is_some();
        let record = response
            .response_mut()
            .extensions_mut()
            .remove::<ErrorInfo>();
        if let Some(info) = record {
            self.log(response, &info, status);
            let format = info.chosen.unwrap_or(self.format);
            // Legacy names neither the request id nor a Problem type: the body is as written.
            if untouched || format == BodyFormat::Legacy {
                return None;
            }
            // Only the body as written, at its status: a middleware between this one and the
            // handler that put its own page in its place, or sent it with another status, is
            // left alone (as through the axum layer).
            let written = response.headers().get(CONTENT_TYPE).is_some_and(|value| {
                BodyFormat::ALL
                    .iter()
                    .any(|format| format.is_content_type(value.as_bytes()))
            });
            if !written || status != info.status {
                return None;
            }
            let status = info.status;
            return Some((info, format, status));
        }
        if untouched || !is_framework(response.headers()) {
            return None;
        }
        let text = response
            .response()
            .error()
            .map(ToString::to_string)
            .unwrap_or_default();
        let info = self.config.framework_error(status, &text)?;
        // Logged with the status it is sent with (a 405 goes out as the table's 404).
        self.log(response, &info, info.status);
        let status = info.status;
        Some((info, self.format, status))
    }

    fn panicked(&self, payload: Box<dyn Any + Send>) -> Error {
        #[cfg(feature = "tracing")]
        crate::layer::log::panic(
            &crate::layer::log::RequestLine {
                method: &self.line.0,
                path: &self.line.1,
                request_id: self.id.as_str(),
            },
            crate::layer::panic_text(&*payload),
        );
        drop(payload);
        let info = self.config.panic_error();
        let body = info.body(self.format, self.config.context(self.id.as_str()));
        #[cfg(feature = "tracing")]
        crate::layer::log::error_response(
            self.config.client_error_level,
            &info,
            info.status,
            &crate::layer::log::RequestLine {
                method: &self.line.0,
                path: &self.line.1,
                request_id: self.id.as_str(),
            },
        );
        Error::from(PanicResponse {
            status: info.status,
            format: self.format,
            body,
            id: self.id.clone(),
        })
    }

    /// Logs `info` as an error response sent with `status`.
    #[cfg_attr(not(feature = "tracing"), allow(unused_variables))]
    fn log<B>(&self, response: &ServiceResponse<B>, info: &ErrorInfo, status: u16) {
        #[cfg(feature = "tracing")]
        crate::layer::log::error_response(
            self.config.client_error_level,
            info,
            status,
            &crate::layer::log::RequestLine {
                method: response.request().method().as_str(),
                path: response.request().path(),
                // The id the client gets back: the handler's own, else the layer's.
                request_id: response_id(response.headers(), self.id),
            },
        );
    }
}

/// The SWR answer to a handler's panic, as an actix-web error: actix-web writes the response
/// from it.
#[derive(Debug)]
struct PanicResponse {
    status: u16,
    format: BodyFormat,
    body: String,
    id: RequestId,
}

impl std::fmt::Display for PanicResponse {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("the handler panicked")
    }
}

impl ::actix_web::ResponseError for PanicResponse {
    fn status_code(&self) -> ::actix_web::http::StatusCode {
        actix_status(self.status)
    }

    fn error_response(&self) -> HttpResponse {
        let mut response =
            HttpResponse::new(actix_status(self.status)).set_body(BoxBody::new(self.body.clone()));
        set_body_headers(response.headers_mut(), self.format);
        set_id(response.headers_mut(), &self.id);
        response.extensions_mut().insert(Untouched);
        response
    }
}

/// No `Content-Type`, or a `text/plain` one: actix-web's bare statuses and the default
/// `ResponseError::error_response`.
fn is_framework(headers: &HeaderMap) -> bool {
    match headers.get(CONTENT_TYPE) {
        None => true,
        Some(value) => value
            .as_bytes()
            .get(..10)
            .is_some_and(|start| start.eq_ignore_ascii_case(b"text/plain")),
    }
}

/// The headers of a rewritten body: its format's type, and no stale length or encoding.
fn set_body_headers(headers: &mut HeaderMap, format: BodyFormat) {
    headers.insert(
        CONTENT_TYPE,
        HeaderValue::from_static(format.content_type()),
    );
    headers.remove(CONTENT_LENGTH);
    headers.remove(CONTENT_ENCODING);
}

/// Sets `X-Request-Id` unless the handler set it.
fn set_id(headers: &mut HeaderMap, id: &RequestId) {
    let name = HeaderName::from_static(X_REQUEST_ID);
    if !headers.contains_key(&name) {
        if let Ok(value) = HeaderValue::from_str(id.as_str()) {
            headers.insert(name, value);
        }
    }
}

/// The handler's own `X-Request-Id` when it set a valid one, else the middleware's.
fn response_id<'a>(headers: &'a HeaderMap, id: &'a RequestId) -> &'a str {
    headers
        .get(X_REQUEST_ID)
        .and_then(|value| value.to_str().ok())
        .unwrap_or(id.as_str())
}
