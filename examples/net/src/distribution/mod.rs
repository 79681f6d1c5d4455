//! The registry API (the OCI distribution spec, `/v2/<name>/...`), in memory, answering as the
//! reference registry (distribution 2.8, deletes disabled) answers: enough for `skopeo copy` to
//! push an image in and pull it back out, and every error in the OCI envelope with the
//! reference's status, code, message and detail.
//!
//! | request | answer |
//! |---|---|
//! | any method on `/v2/` | 200 `{}` |
//! | `GET`/`HEAD /v2/<name>/manifests/<tag or digest>` | 200 and the manifest; 404 `MANIFEST_UNKNOWN`, detail `{"Tag":…}` or `{"Name":…,"Revision":…}`; 404 `MANIFEST_UNKNOWN` "OCI manifest found, but accept header does not support OCI manifests" (or indexes) when the `Accept` header does not name an OCI manifest's type |
//! | `PUT /v2/<name>/manifests/<tag or digest>` | 201; 400 `MANIFEST_INVALID` (not JSON: detail `{"Offset":…}`; not a manifest: `{}`), 400 `MANIFEST_BLOB_UNKNOWN` (detail the digest) |
//! | `DELETE /v2/<name>/manifests/…`, `DELETE /v2/<name>/blobs/…` | 405 `UNSUPPORTED` (deletes disabled) |
//! | `GET`/`HEAD /v2/<name>/blobs/<digest>` | 200 and the blob; 404 `BLOB_UNKNOWN` (detail the digest); 400 `DIGEST_INVALID` for a digest that does not parse |
//! | `POST /v2/<name>/blobs/uploads/` (`?mount=&from=`) | 202 and the upload's `Location` (201 when the mount finds the blob) |
//! | `PATCH`, `GET`, `PUT ?digest=`, `DELETE /v2/<name>/blobs/uploads/<id>` | 202, 204, 201, 204; 404 `BLOB_UPLOAD_INVALID` for an unknown upload, 400 `DIGEST_INVALID` for a missing, malformed or wrong digest |
//! | `GET /v2/<name>/tags/list` | 200 `{"name","tags"}`; 404 `NAME_UNKNOWN`, detail `{"name":…}` |
//! | `GET /v2/_catalog` | 200 `{"repositories":[…]}` |
//! | a path of no route, a method a route lacks | 404 `404 page not found`, 405 `Method not allowed` (plain text, as the reference) |
//!
//! Every response carries `Docker-Distribution-Api-Version: registry/2.0`. The errors are
//! [`ApiError`]s, whose format is fixed to the envelope: `SwrLayer`, which writes the
//! management API's errors in the request's format, sends them as they are.

pub mod error;
pub mod paths;
pub mod store;

use std::sync::{Arc, Mutex, MutexGuard, PoisonError};

use axum::body::Bytes;
use axum::extract::rejection::BytesRejection;
use axum::extract::{DefaultBodyLimit, State};
use axum::http::header::{HeaderName, HeaderValue, ACCEPT, ALLOW, CONTENT_TYPE, LOCATION, RANGE};
use axum::http::{HeaderMap, Method, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use axum::routing::{any, MethodRouter};
use swr_errors::oci::OciCode;
use swr_errors::{ErrorResponse, Untouched, CONTENT_TYPE_JSON};

pub use error::ApiError;
use paths::Route;
use store::Store;

/// The largest request body the registry API reads (a blob chunk, a manifest), in bytes.
pub const BLOB_LIMIT: usize = 64 * 1024 * 1024;

/// `Docker-Distribution-Api-Version`, on every response of the registry API.
pub const API_VERSION: (&str, &str) = ("docker-distribution-api-version", "registry/2.0");

/// The registry API's content, shared by its routes.
#[derive(Clone, Default)]
pub struct Distribution {
    store: Arc<Mutex<Store>>,
}

impl Distribution {
    /// The handler of `/v2/` and `/v2/{*path}`, for any state type.
    pub fn method_router<S: Clone + Send + Sync + 'static>(&self) -> MethodRouter<S> {
        any(answer)
            .layer(DefaultBodyLimit::max(BLOB_LIMIT))
            .with_state(self.clone())
    }

    fn store(&self) -> MutexGuard<'_, Store> {
        // No code panics while holding the lock; a poisoned store is still consistent.
        self.store.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

/// The response to any request under `/v2/`: the route's, with the API version header.
async fn answer(
    State(registry): State<Distribution>,
    method: Method,
    uri: Uri,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Response {
    let path = uri.path();
    // `/v2/manage/...` is the management API: what its routes do not match is its 404.
    if path == "/v2/manage" || path.starts_with("/v2/manage/") {
        return swr_errors::SwrCode::UrlNotFound.into_response();
    }
    let mut response = match paths::route(path) {
        None => plain(StatusCode::NOT_FOUND, "404 page not found\n"),
        Some(route) => match route.allow() {
            Some(allow) if !allow.split(", ").any(|m| m == method.as_str()) => {
                let mut response = plain(StatusCode::METHOD_NOT_ALLOWED, "Method not allowed\n");
                response
                    .headers_mut()
                    .insert(ALLOW, HeaderValue::from_static(allow));
                response
            }
            _ => {
                let request = Request {
                    method: &method,
                    query: uri.query().unwrap_or(""),
                    headers: &headers,
                    body,
                };
                match respond(&registry, route, request) {
                    Ok(response) => response,
                    Err(error) => ErrorResponse::new(error).into_response(),
                }
            }
        },
    };
    let (name, value) = API_VERSION;
    response.headers_mut().insert(
        HeaderName::from_static(name),
        HeaderValue::from_static(value),
    );
    response
}

/// What a route reads of the request.
struct Request<'a> {
    method: &'a Method,
    query: &'a str,
    headers: &'a HeaderMap,
    body: Result<Bytes, BytesRejection>,
}

impl Request<'_> {
    fn query(&self, key: &str) -> Option<String> {
        self.query.split('&').find_map(|pair| {
            let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
            (k == key).then(|| crate::registry::percent_decode(v).unwrap_or_default())
        })
    }

    fn body(&mut self) -> Result<Bytes, ApiError> {
        std::mem::replace(&mut self.body, Ok(Bytes::new()))
            .map_err(|_| ApiError::new(OciCode::SizeInvalid))
    }
}

/// Whether an `Accept` header of the request names `media_type` (parameters and `q` aside).
fn accepts(headers: &HeaderMap, media_type: &str) -> bool {
    headers
        .get_all(ACCEPT)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .flat_map(|value| value.split(','))
        .any(|item| item.split(';').next().unwrap_or("").trim() == media_type)
}

/// A plain-text answer of the reference's router, which no layer rewrites.
fn plain(status: StatusCode, text: &'static str) -> Response {
    let mut response =
        (status, [(CONTENT_TYPE, "text/plain; charset=utf-8")], text).into_response();
    response.extensions_mut().insert(Untouched);
    response
}

fn json(status: StatusCode, value: serde_json::Value) -> Response {
    (
        status,
        [(CONTENT_TYPE, CONTENT_TYPE_JSON)],
        value.to_string(),
    )
        .into_response()
}

fn header(response: &mut Response, name: &'static str, value: &str) {
    if let Ok(value) = HeaderValue::from_str(value) {
        response
            .headers_mut()
            .insert(HeaderName::from_static(name), value);
    }
}

/// 201 Created for the content at `location`, named by `digest`, as the reference answers a
/// manifest pushed, a blob mounted and an upload finished.
fn created(location: &str, digest: &str) -> Response {
    let mut response = StatusCode::CREATED.into_response();
    header(&mut response, LOCATION.as_str(), location);
    header(&mut response, "docker-content-digest", digest);
    response
}

/// The upload's state in the headers of its answers: `Location`, `Range`, its id.
fn upload_state(mut response: Response, name: &str, id: &str, len: usize) -> Response {
    header(
        &mut response,
        LOCATION.as_str(),
        &format!("/v2/{name}/blobs/uploads/{id}"),
    );
    let end = len.saturating_sub(1);
    header(&mut response, RANGE.as_str(), &format!("0-{end}"));
    header(&mut response, "docker-upload-uuid", id);
    response
}

fn respond(
    registry: &Distribution,
    route: Route<'_>,
    mut request: Request<'_>,
) -> Result<Response, ApiError> {
    let method = request.method.clone();
    match route {
        Route::Base => Ok(json(StatusCode::OK, serde_json::json!({}))),
        Route::Catalog => {
            let repositories = registry.store().catalog();
            Ok(json(
                StatusCode::OK,
                serde_json::json!({ "repositories": repositories }),
            ))
        }
        Route::Tags { name } => {
            let tags = registry.store().tags(name)?;
            Ok(json(
                StatusCode::OK,
                serde_json::json!({"name": name, "tags": tags}),
            ))
        }
        Route::Manifest { name, reference } => match method {
            Method::GET | Method::HEAD => {
                let (digest, manifest) = registry.store().manifest(name, reference)?;
                // An OCI manifest goes only to a client that says it reads one.
                let oci = [store::OCI_MANIFEST, store::OCI_INDEX];
                if oci.contains(&manifest.media_type.as_str())
                    && !accepts(request.headers, &manifest.media_type)
                {
                    let index = manifest.media_type == store::OCI_INDEX;
                    return Err(ApiError::not_accepted(index));
                }
                let mut response = (
                    StatusCode::OK,
                    [(CONTENT_TYPE, manifest.media_type.as_str())],
                    manifest.body,
                )
                    .into_response();
                header(&mut response, "docker-content-digest", &digest);
                Ok(response)
            }
            Method::PUT => {
                let content_type = request
                    .headers
                    .get(CONTENT_TYPE)
                    .and_then(|value| value.to_str().ok())
                    .map(str::to_owned);
                let body = request.body()?;
                let digest = registry.store().put_manifest(
                    name,
                    reference,
                    content_type.as_deref(),
                    body,
                )?;
                Ok(created(&format!("/v2/{name}/manifests/{digest}"), &digest))
            }
            _ => Err(OciCode::Unsupported.into()),
        },
        Route::Blob { name, digest } => match method {
            Method::GET | Method::HEAD => {
                let blob = registry.store().blob(name, digest)?;
                let mut response = (
                    StatusCode::OK,
                    [(CONTENT_TYPE, "application/octet-stream")],
                    blob,
                )
                    .into_response();
                header(&mut response, "docker-content-digest", digest);
                Ok(response)
            }
            _ => Err(OciCode::Unsupported.into()),
        },
        Route::Uploads { name } => {
            if method != Method::POST {
                return Err(OciCode::BlobUploadUnknown.into());
            }
            if let (Some(digest), Some(from)) = (request.query("mount"), request.query("from")) {
                if registry.store().mount(name, &digest, &from) {
                    return Ok(created(&format!("/v2/{name}/blobs/{digest}"), &digest));
                }
            }
            let id = registry.store().start_upload(name);
            Ok(upload_state(
                StatusCode::ACCEPTED.into_response(),
                name,
                &id,
                0,
            ))
        }
        Route::Upload { name, id } => match method {
            Method::GET | Method::HEAD => {
                let len = registry.store().upload_len(name, id)?;
                Ok(upload_state(
                    StatusCode::NO_CONTENT.into_response(),
                    name,
                    id,
                    len,
                ))
            }
            Method::PATCH => {
                let body = request.body()?;
                let len = registry.store().append(name, id, &body)?;
                Ok(upload_state(
                    StatusCode::ACCEPTED.into_response(),
                    name,
                    id,
                    len,
                ))
            }
            Method::PUT => {
                let digest = request.query("digest");
                let body = request.body()?;
                let digest = registry
                    .store()
                    .finish(name, id, digest.as_deref(), &body)?;
                Ok(created(&format!("/v2/{name}/blobs/{digest}"), &digest))
            }
            Method::DELETE => {
                registry.store().cancel(name, id)?;
                Ok(StatusCode::NO_CONTENT.into_response())
            }
            _ => Err(ApiError::upload_invalid()),
        },
    }
}
