//! [`SwrErrors`], the actix-web middleware of one app, and [`SwrErrorsService`], the service it
//! wraps around the app.

use std::any::Any;
use std::future::{ready, Future, Ready};
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::pin::Pin;
use std::rc::Rc;
use std::sync::Arc;

use ::actix_web::body::{to_bytes_limited, BodySize, BoxBody, EitherBody, MessageBody};
use ::actix_web::dev::{forward_ready, Service, ServiceRequest, ServiceResponse, Transform};
use ::actix_web::http::header::{
    HeaderMap, HeaderName, HeaderValue, ACCEPT, CONTENT_ENCODING, CONTENT_LENGTH, CONTENT_TYPE,
    USER_AGENT,
};
use ::actix_web::{Error, HttpMessage, HttpRequest, HttpResponse};
use futures_util::FutureExt;

use super::request_id;
use super::response::actix_status;
use crate::format::BodyFormat;
use crate::layer::info::{ErrorInfo, Written};
use crate::layer::policy::{self, Body, Facts, Named, Replace};
use crate::layer::{negotiate, settings_methods, Config, Untouched};
use crate::response::{RequestId, X_REQUEST_ID};

/// The SWR error middleware of one actix-web app: `App::new().wrap(SwrErrors::new())`.
///
/// The same options and promises as `axum::SwrLayer`, as far as
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
/// - **Framework errors**: by the [`FrameworkErrors`](crate::FrameworkErrors) table, an error
///   response with no SWR record, no [`Untouched`] marker, and no `Content-Type` or a
///   `text/plain` one: actix-web's bare 404 for an unmatched route and 405 for a wrong method on
///   a resource, and every `ResponseError` that keeps actix-web's default `error_response` (the
///   extractors' `JsonPayloadError`, `PathError`, `QueryPayloadError`...). Its text (the body,
///   which that default writes from the error's `Display`) becomes the `detail`, as through the
///   axum layer.
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
    /// The middleware with the defaults, as `SwrLayer::new`.
    pub fn new() -> SwrErrors {
        SwrErrors::default()
    }

    settings_methods!(SwrErrors);
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
                Ok(Ok(response)) => Ok(exchange.finish(response).await),
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
    async fn finish<B: MessageBody + 'static>(
        &self,
        mut response: ServiceResponse<B>,
    ) -> ServiceResponse<EitherBody<B>> {
        let status = response.status().as_u16();
        if !policy::is_error(status) {
            set_id(response.headers_mut(), self.id);
            return response.map_into_left_body();
        }
        let untouched = response
            .response()
            .extensions()
            .get::<Untouched>()
            .is_some();
        // Taken off: a middleware further out (the app's, around a scope wrapped in this one)
        // passes the response on as written here, and logs it no second time.
        let carried = response.response_mut().extensions_mut().remove::<Written>();
        let headers = response.headers();
        let facts = Facts {
            status,
            content_type: headers.get(CONTENT_TYPE).map(HeaderValue::as_bytes),
            header_id: headers.get(X_REQUEST_ID).map(HeaderValue::as_bytes),
            body_len: match response.response().body().size() {
                BodySize::Sized(len) => Some(len),
                BodySize::None => Some(0),
                BodySize::Stream => None,
            },
            untouched,
            carried: carried.as_ref(),
            polled: None,
        };
        let layer_id = self.id.as_str().as_bytes();
        let answer = policy::decide(self.config, self.format, layer_id, &facts);
        let format = match answer.body {
            Body::Keep => None,
            Body::Rewrite(format) => Some(format),
            Body::Replace(replace) => {
                let (id, log, needs_id) = (answer.id, answer.log, answer.set_id);
                return self.replace(response, replace, id, log, needs_id).await;
            }
        };
        let id = response_id(response.headers(), answer.id, self.id);
        let error = carried.map(|record| record.info);
        if let (Some(status), Some(error)) = (answer.log, &error) {
            self.log(response.request(), error, status, id);
        }
        let mut response = match (format, error) {
            (Some(format), Some(error)) => {
                let body = error.body(format, status, self.config.context(id));
                with_body(response, status, format, body)
            }
            _ => response.map_into_left_body(),
        };
        if answer.set_id {
            set_id(response.headers_mut(), self.id);
        }
        response
    }

    /// A framework error replaced by `by`, in `format`, the framework's text read as the
    /// detail; `named`, `log` and `needs_id` (its `set_id`) as the answer says.
    async fn replace<B: MessageBody + 'static>(
        &self,
        response: ServiceResponse<B>,
        Replace { by, format }: Replace,
        named: Named,
        log: Option<u16>,
        needs_id: bool,
    ) -> ServiceResponse<EitherBody<B>> {
        let id = response_id(response.headers(), named, self.id).to_owned();
        let (request, response) = response.into_parts();
        let (head, body) = response.into_parts();
        let text = read_text(head.headers(), body).await;
        let error = by.error(Some(&text));
        if let Some(status) = log {
            self.log(&request, &error, status, &id);
        }
        let body = error.body(format, error.status, self.config.context(&id));
        let mut response = with_body(
            ServiceResponse::new(request, head),
            error.status,
            format,
            body,
        );
        if needs_id {
            set_id(response.headers_mut(), self.id);
        }
        response
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
        let Replace { by, format } = policy::on_panic(self.config, self.format);
        let info = by.error(None);
        let body = info.body(format, info.status, self.config.context(self.id.as_str()));
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
            format,
            body,
            id: self.id.clone(),
        })
    }

    /// Logs `info` as an error response to `request` sent with `status`, under `id`.
    #[cfg_attr(not(feature = "tracing"), allow(unused_variables))]
    fn log(&self, request: &HttpRequest, info: &ErrorInfo, status: u16, id: &str) {
        #[cfg(feature = "tracing")]
        crate::layer::log::error_response(
            self.config.client_error_level,
            info,
            status,
            &crate::layer::log::RequestLine {
                method: request.method().as_str(),
                path: request.path(),
                request_id: id,
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

/// `response` with `body`, written in `format`, sent with `status`.
fn with_body<B, Old>(
    response: ServiceResponse<Old>,
    status: u16,
    format: BodyFormat,
    body: String,
) -> ServiceResponse<EitherBody<B>> {
    response.map_body(|head, _old| {
        head.status = actix_status(status);
        set_body_headers(&mut head.headers, format);
        EitherBody::right(BoxBody::new(body))
    })
}

/// A framework response's text, which becomes the detail: its body, when the policy quotes it
/// (short, complete, not encoded); else empty.
async fn read_text<B: MessageBody>(headers: &HeaderMap, body: B) -> String {
    let encoding = headers.get(CONTENT_ENCODING).map(HeaderValue::as_bytes);
    let len = match body.size() {
        BodySize::Sized(len) => Some(len),
        BodySize::None => Some(0),
        BodySize::Stream => None,
    };
    if !policy::quotes(encoding, len) {
        return String::new();
    }
    match to_bytes_limited(body, policy::MAX_TEXT as usize).await {
        Ok(Ok(bytes)) => String::from_utf8_lossy(&bytes).into_owned(),
        Ok(Err(_)) | Err(_) => String::new(),
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

/// The id the answer names: the response's own `X-Request-Id`, else the middleware's.
fn response_id<'a>(headers: &'a HeaderMap, named: Named, id: &'a RequestId) -> &'a str {
    match named {
        Named::Layer => id.as_str(),
        Named::Response => headers
            .get(X_REQUEST_ID)
            .and_then(|value| value.to_str().ok())
            .unwrap_or(id.as_str()),
    }
}
