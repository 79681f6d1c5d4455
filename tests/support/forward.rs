//! A handler of an outer app that drives an inner app (a router, or a layer around a service)
//! with the request it got: how the layer tests nest one app's layer inside another's.

use std::convert::Infallible;

use axum::body::Body;
use axum::http::Request;
use axum::response::Response;
use axum::routing::{get, MethodRouter};
use tower::{Service, ServiceExt};

/// A `GET` route that answers with whatever `inner` answers to the same request.
pub fn forward_to<S>(inner: S) -> MethodRouter
where
    S: Service<Request<Body>, Response = Response, Error = Infallible> + Clone + Send + Sync,
    S: 'static,
    S::Future: Send,
{
    get(move |request: Request<Body>| {
        let inner = inner.clone();
        async move {
            match inner.oneshot(request).await {
                Ok(response) => response,
                Err(never) => match never {},
            }
        }
    })
}
