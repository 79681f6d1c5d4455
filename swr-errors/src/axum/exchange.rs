//! [`Exchange`]: one request's settings on the way back through [`SwrLayer`](super::SwrLayer),
//! and the adapter between axum's response and the layer's [`policy`]: it reads the response
//! into the policy's facts and applies the answer.

use std::any::Any;
use std::cell::Cell;
use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;

use ::axum::body::HttpBody;
use ::axum::extract::Request;
use ::axum::http::header::{HeaderValue, CONTENT_TYPE};
#[cfg(feature = "tracing")]
use ::axum::http::{Method, Uri};
use ::axum::response::Response;

use super::{framework, panic, request_id};
use crate::format::BodyFormat;
use crate::http_response;
use crate::layer::info::{ErrorInfo, Written};
use crate::layer::policy::{self, Body, Facts, Named, Record, Replace};
use crate::layer::{Config, Untouched};
use crate::response::Parts;
use crate::SwrError;

/// One request's settings, on the way back.
pub(super) struct Exchange {
    config: Arc<Config>,
    format: BodyFormat,
    /// The request's id, as the header it is sent as.
    id: HeaderValue,
    /// The record of the first error response built while this exchange was polled
    /// ([`Exchange::respond`]; a later one carries its own). Boxed: the exchange is moved with
    /// the layer's future on every request, and most requests record nothing.
    pending: Cell<Option<Box<Written>>>,
    /// Method and URI (cheap clones), for the log.
    #[cfg(feature = "tracing")]
    line: (Method, Uri),
}

/// What an answer says besides its body, kept while a framework error's text is read.
pub(super) struct Finish {
    id: Named,
    log: Option<u16>,
    set_id: bool,
}

/// The replacement of a framework error, whose body is being read to become the detail.
pub(super) type Replacing = Pin<Box<dyn Future<Output = Response> + Send>>;

impl Exchange {
    /// The exchange of `request`, in `format`, under `id`.
    #[cfg_attr(not(feature = "tracing"), allow(unused_variables))]
    pub(super) fn new(
        config: Arc<Config>,
        format: BodyFormat,
        id: HeaderValue,
        request: &Request,
    ) -> Exchange {
        Exchange {
            config,
            format,
            id,
            pending: Cell::new(None),
            #[cfg(feature = "tracing")]
            line: (request.method().clone(), request.uri().clone()),
        }
    }

    /// A stand-in for an exchange already finished.
    pub(super) fn lost() -> Exchange {
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

    /// The response of an error built while this exchange is polled: written at once in the
    /// format the client should get, in the app's context, so that the policy finds it as sent;
    /// its record kept for [`finish`](Self::finish) when the log or a later rewrite may need it.
    pub(super) fn respond(
        &self,
        error: &dyn SwrError,
        chosen: Option<BodyFormat>,
        own_id: Option<&str>,
    ) -> Response {
        let format = policy::format_of(chosen, self.format);
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
        // the handler set another id over it. Without either, none is made: a Legacy or Dual
        // body written here is as the policy would send it.
        let needed = cfg!(feature = "tracing") || format == BodyFormat::Problem;
        let record =
            needed.then(|| Box::new(Written::of(error, chosen, format, parts.body.len(), own_id)));
        let mut response: Response = http_response::build(parts).map(Into::into);
        // One record waits here per exchange. An error built while another's is waiting (one of
        // the two is dropped, or both kept for later) carries its record itself, as one built
        // out of the layer's reach does: the layer then never takes one response for another.
        match self.pending.take() {
            None => self.pending.set(record),
            Some(first) => {
                self.pending.set(Some(first));
                if let Some(record) = record {
                    response.extensions_mut().insert(*record);
                }
            }
        }
        response
    }

    /// The response as the client gets it; a future when a framework error's text is read.
    pub(super) fn finish(self, response: &mut Response) -> Option<Replacing> {
        if policy::is_error(response.status().as_u16()) {
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
        // Most responses carry no extensions: then neither lookup is made. The record is taken
        // off: a layer further out (one whose handler drove this app) passes the response on as
        // this app's, as it does one written under it.
        let (carried, untouched) = if response.extensions().is_empty() {
            (None, false)
        } else {
            let untouched = response.extensions().get::<Untouched>().is_some();
            (response.extensions_mut().remove::<Written>(), untouched)
        };
        let polled = self.pending.take();
        // One pass over the response's few headers, rather than a hashed lookup per name.
        let (mut content_type, mut header_id) = (None, None);
        for (name, value) in response.headers() {
            if *name == CONTENT_TYPE {
                content_type.get_or_insert(value.as_bytes());
            } else if *name == request_id::NAME {
                header_id.get_or_insert(value.as_bytes());
            }
        }
        let recorded = carried.is_some() || polled.is_some();
        let facts = Facts {
            status: response.status().as_u16(),
            content_type,
            header_id,
            // A call through the body's box: only when the policy reads it.
            body_len: recorded
                .then(|| response.body().size_hint().exact())
                .flatten(),
            untouched,
            carried: carried.as_ref(),
            polled: polled.as_deref(),
        };
        let answer = policy::decide(&self.config, self.format, self.id.as_bytes(), &facts);
        let record = match answer.record {
            Some(Record::Carried) => carried.as_ref(),
            Some(Record::Polled) => polled.as_deref(),
            None => None,
        };
        match answer.body {
            Body::Keep | Body::Rewrite(_) => {
                if let (Some(written), Some(status)) = (record, answer.log) {
                    self.log(
                        &written.info,
                        status,
                        response_id(response, answer.id, self.id()),
                    );
                }
                if let (Body::Rewrite(format), Some(written)) = (answer.body, record) {
                    let id = response_id(response, answer.id, self.id());
                    let status = response.status().as_u16();
                    let body = written.info.body(format, status, self.config.context(id));
                    set_body(response, body, format);
                }
            }
            Body::Replace(replace) => {
                let response = std::mem::take(response);
                let finish = Finish {
                    id: answer.id,
                    log: answer.log,
                    set_id: answer.set_id,
                };
                return Some(Box::pin(self.replace(response, replace, finish)));
            }
        }
        if answer.set_id {
            response.headers_mut().insert(request_id::NAME, self.id);
        }
        None
    }

    /// A framework error replaced by `by`, in `format`, its text read as the detail.
    async fn replace(
        self,
        response: Response,
        Replace { by, format }: Replace,
        answer: Finish,
    ) -> Response {
        // The id the client gets: one a handler set on the text response, else the layer's.
        let id = response_id(&response, answer.id, self.id()).to_owned();
        let (head, text) = framework::text(response).await;
        let info = by.error(Some(&text));
        if let Some(status) = answer.log {
            self.log(&info, status, &id);
        }
        let body = info.body(format, info.status, self.config.context(&id));
        let mut response = framework::replaced(head, info.status, body, format);
        if answer.set_id {
            response.headers_mut().insert(request_id::NAME, self.id);
        }
        response
    }

    /// The response to a handler's panic.
    pub(super) fn panicked(self, payload: Box<dyn Any + Send>) -> Response {
        #[cfg(feature = "tracing")]
        crate::layer::log::panic(
            &self.request_line(self.id()),
            crate::layer::panic_text(&*payload),
        );
        drop(payload);
        let Replace { by, format } = policy::on_panic(&self.config, self.format);
        let info = by.error(None);
        self.log(&info, info.status, self.id());
        let body = info.body(format, info.status, self.config.context(self.id()));
        let mut response = panic::response(info.status, body, format);
        response.headers_mut().insert(request_id::NAME, self.id);
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

    /// Logs an error response sent with `status` under `id`. Without `tracing`, nothing.
    #[cfg_attr(not(feature = "tracing"), allow(unused_variables))]
    fn log(&self, info: &ErrorInfo, status: u16, id: &str) {
        #[cfg(feature = "tracing")]
        crate::layer::log::error_response(
            self.config.client_error_level,
            info,
            status,
            &self.request_line(id),
        );
    }
}

/// `response` with `body`, written in `format`.
fn set_body(response: &mut Response, body: String, format: BodyFormat) {
    framework::set_body_headers(response.headers_mut(), format);
    *response.body_mut() = body.into();
}

/// The id the answer names: the response's own `X-Request-Id`, else the layer's.
fn response_id<'a>(response: &'a Response, named: Named, id: &'a str) -> &'a str {
    match named {
        Named::Layer => id,
        Named::Response => response
            .headers()
            .get(&request_id::NAME)
            .and_then(|value| value.to_str().ok())
            .unwrap_or(id),
    }
}
