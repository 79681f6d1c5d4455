//! A small SWR-shaped registry: the organisation endpoints of Huawei Cloud SWR, answering with
//! the catalogue's error codes the way the real service does, so that SWR clients (Huawei's SDKs
//! among them) can be tested against it.
//!
//! The `registry_server` example serves it; the integration tests start it in-process.
//!
//! | request | answer |
//! |---|---|
//! | `GET /v2/manage/namespaces/{namespace}` | 200 and a JSON description; 404 `SVCSTG.SWR.4040058` when the organisation does not exist |
//! | `POST /v2/manage/namespaces` with `{"namespace":"..."}` | 201 when created; 409 `SVCSTG.SWR.4090060` when it exists; 400 `SVCSTG.SWR.4001018` for a body that is not a JSON object or whose `namespace` is not a string, 400 `SVCSTG.SWR.4001014` when `namespace` is missing, 413 `SVCSTG.SWR.4131001` for a body over 64 KiB |
//! | `GET /v2/manage/namespaces/{namespace}/repos/{repository}` | 200 and a JSON description; 404 `SVCSTG.SWR.4040058` when the organisation is missing, 404 `SVCSTG.SWR.4040113` when the repository is |
//! | any other method or path | 404 `SVCSTG.SWR.4040083` (the layer's answer to axum's own 404 and 405) |
//! | `/v2/` and `/v2/<name>/...` but `/v2/manage...` | the registry API, in the OCI envelope ([`distribution`](crate::distribution)) |
//!
//! On every route the organisation name is checked first (after percent-decoding the path
//! segment, or reading the body): 1 to 64 characters, lower-case letters, digits, `.`, `_` and
//! `-`, starting with a lower-case letter and ending with a letter or digit. A bad name gets
//! 400 `SVCSTG.SWR.4001028`.
//!
//! At start the organisations `acme` (with the repository `nginx`) and `taken` (empty) exist;
//! created ones last as long as the process. Every response carries `X-Request-Id` (the
//! request's own, else a generated one). `Authorization` and `X-Sdk-Date` are accepted and not
//! verified.
//!
//! Errors go through [`SwrLayer`]: the body is in the app's default format (the one given to
//! [`Registry::new`], Legacy for the example's default), Dual for the user agent of a Huawei Cloud
//! SDK, Problem for `Accept: application/problem+json`. So curl gets the documented array and the
//! official SDKs get what they read, with no flag.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};

use axum::body::Bytes;
use axum::extract::rejection::BytesRejection;
use axum::extract::{DefaultBodyLimit, State};
use axum::http::{header, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::Router;
use swr_errors::axum::SwrLayer;

use crate::distribution::Distribution;
use swr_errors::{BodyFormat, SwrCode, SwrError};

/// The largest request body the server reads, in bytes; a larger one gets 413
/// `SVCSTG.SWR.4131001`.
pub const BODY_LIMIT: usize = 64 * 1024;

/// The server's in-memory state and its default body format.
#[derive(Clone)]
pub struct Registry {
    /// The layer's default format.
    format: BodyFormat,
    /// Whether the layer answers the SDKs' user agents in Dual.
    sdk_dual: bool,
    namespaces: Arc<Mutex<BTreeMap<String, Namespace>>>,
    /// The registry API's content.
    distribution: Distribution,
}

struct Namespace {
    id: u64,
    repositories: BTreeSet<String>,
}

/// The registry's errors, as a service declares them: SWR answers with its own catalogue, so every
/// error is a stock code, reused through a transparent variant (a service with codes of its own
/// adds its variants beside it). `#[swr(kind)]` gives clients [`RegistryErrorKind`] to match any
/// response on; the `client` example does. The layer writes each in the request's format.
#[derive(Debug, SwrError)]
#[swr(kind)]
pub enum RegistryError {
    /// A code of the stock catalogue.
    #[swr(transparent)]
    Stock(SwrCode),
}

/// What a handler returns on failure.
type Failure = RegistryError;

impl Registry {
    /// A registry with the starting organisations, answering errors in `format` unless the
    /// request calls for another (see the [module documentation](self)).
    pub fn new(format: BodyFormat) -> Registry {
        let mut namespaces = BTreeMap::new();
        namespaces.insert(
            "acme".to_owned(),
            Namespace {
                id: 1,
                repositories: BTreeSet::from(["nginx".to_owned()]),
            },
        );
        namespaces.insert(
            "taken".to_owned(),
            Namespace {
                id: 2,
                repositories: BTreeSet::new(),
            },
        );
        Registry {
            format,
            sdk_dual: true,
            namespaces: Arc::new(Mutex::new(namespaces)),
            distribution: Distribution::default(),
        }
    }

    /// Whether the SDKs' user agents get Dual (on unless turned off): off, they get the default
    /// format like any client, which shows what an SDK makes of it.
    #[must_use]
    pub fn sdk_dual(mut self, on: bool) -> Registry {
        self.sdk_dual = on;
        self
    }

    /// The routes, with the SWR error layer, ready for `axum::serve`.
    pub fn router(self) -> Router {
        let errors = SwrLayer::new()
            .default_format(self.format)
            .sdk_dual(self.sdk_dual);
        Router::new()
            .route("/v2/manage/namespaces", post(create))
            .route("/v2/manage/namespaces/{namespace}", get(show_namespace))
            .route(
                "/v2/manage/namespaces/{namespace}/repos/{repository}",
                get(show_repository),
            )
            // The registry API: its errors are OCI's, whatever the layer's format.
            .route("/v2/", self.distribution.method_router())
            .route("/v2/{*path}", self.distribution.method_router())
            .layer(DefaultBodyLimit::max(BODY_LIMIT))
            .layer(errors)
            .with_state(self)
    }

    fn namespaces(&self) -> MutexGuard<'_, BTreeMap<String, Namespace>> {
        // No code panics while holding the lock; a poisoned map is still consistent.
        self.namespaces
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
    }
}

/// Whether `name` is a valid organisation name: 1 to 64 characters of `a-z`, `0-9`, `.`, `_`
/// and `-`, starting with a letter and ending with a letter or digit.
///
/// ```
/// use swr_errors_net_examples::registry::is_valid_namespace;
///
/// assert!(is_valid_namespace("acme"));
/// assert!(is_valid_namespace("my-org.v2_1"));
/// assert!(!is_valid_namespace("Acme"));
/// assert!(!is_valid_namespace("1acme"));
/// assert!(!is_valid_namespace("acme-"));
/// assert!(!is_valid_namespace(&"a".repeat(65)));
/// ```
pub fn is_valid_namespace(name: &str) -> bool {
    let bytes = name.as_bytes();
    let (Some(first), Some(last)) = (bytes.first(), bytes.last()) else {
        return false;
    };
    bytes.len() <= 64
        && first.is_ascii_lowercase()
        && (last.is_ascii_lowercase() || last.is_ascii_digit())
        && bytes
            .iter()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b".-_".contains(b))
}

/// Decodes `%XX` escapes; `None` for a malformed escape or bytes that are not UTF-8.
///
/// ```
/// use swr_errors_net_examples::registry::percent_decode;
///
/// assert_eq!(percent_decode("%61cme").as_deref(), Some("acme"));
/// assert_eq!(percent_decode("a%2Fb").as_deref(), Some("a/b"));
/// assert_eq!(percent_decode("%zz"), None);
/// assert_eq!(percent_decode("%FF"), None);
/// ```
pub fn percent_decode(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = bytes.get(i + 1..i + 3)?;
            let hex = std::str::from_utf8(hex).ok()?;
            if !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
                return None;
            }
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

/// The `index`-th segment of the request path (`/v2/manage/namespaces/{4}/repos/{6}`), decoded.
fn segment(uri: &Uri, index: usize) -> Option<String> {
    percent_decode(uri.path().split('/').nth(index)?)
}

/// The organisation named in the path, checked; the first thing every route does.
fn namespace_in_path(uri: &Uri) -> Result<String, Failure> {
    segment(uri, 4)
        .filter(|name| is_valid_namespace(name))
        .ok_or(SwrCode::InvalidOrganizationName.into())
}

fn json(status: StatusCode, body: String) -> Response {
    (
        status,
        [(header::CONTENT_TYPE, swr_errors::CONTENT_TYPE_JSON)],
        body,
    )
        .into_response()
}

async fn show_namespace(State(registry): State<Registry>, uri: Uri) -> Result<Response, Failure> {
    let name = namespace_in_path(&uri)?;
    let namespaces = registry.namespaces();
    let namespace = namespaces.get(&name).ok_or(SwrCode::OrganizationNotFound)?;
    let body = serde_json::json!({
        "id": namespace.id,
        "name": name,
        "creator_name": "swr-errors",
        "auth": 7,
    });
    Ok(json(StatusCode::OK, body.to_string()))
}

async fn show_repository(State(registry): State<Registry>, uri: Uri) -> Result<Response, Failure> {
    let name = namespace_in_path(&uri)?;
    let namespaces = registry.namespaces();
    let namespace = namespaces.get(&name).ok_or(SwrCode::OrganizationNotFound)?;
    let repository = segment(&uri, 6)
        .filter(|repository| namespace.repositories.contains(repository))
        .ok_or(SwrCode::QueriedImageNotFound)?;
    let path = format!("swr.example.com/{name}/{repository}");
    let body = serde_json::json!({
        "ns_id": namespace.id,
        "name": repository,
        "category": "other",
        "description": "",
        "is_public": false,
        "num_images": 1,
        "path": path,
    });
    Ok(json(StatusCode::OK, body.to_string()))
}

async fn create(
    State(registry): State<Registry>,
    body: Result<Bytes, BytesRejection>,
) -> Result<Response, Failure> {
    let body = body.map_err(|rejection| {
        if rejection.status() == StatusCode::PAYLOAD_TOO_LARGE {
            SwrCode::RequestTooLarge
        } else {
            SwrCode::InvalidRequestBodyType
        }
    })?;
    let name = namespace_in_body(&body)?;
    let mut namespaces = registry.namespaces();
    if namespaces.contains_key(&name) {
        return Err(SwrCode::OrganizationExists.into());
    }
    let id = namespaces.values().map(|ns| ns.id).max().unwrap_or(0) + 1;
    namespaces.insert(
        name,
        Namespace {
            id,
            repositories: BTreeSet::new(),
        },
    );
    Ok(StatusCode::CREATED.into_response())
}

/// `{"namespace": "..."}`, checked: the name comes first, before the organisation is looked up.
fn namespace_in_body(body: &[u8]) -> Result<String, Failure> {
    let value: serde_json::Value =
        serde_json::from_slice(body).map_err(|_| SwrCode::InvalidRequestBodyType)?;
    let object = value.as_object().ok_or(SwrCode::InvalidRequestBodyType)?;
    match object.get("namespace") {
        None | Some(serde_json::Value::Null) => Err(SwrCode::MissingMandatoryParameters.into()),
        Some(serde_json::Value::String(name)) if is_valid_namespace(name) => Ok(name.clone()),
        Some(serde_json::Value::String(_)) => Err(SwrCode::InvalidOrganizationName.into()),
        Some(_) => Err(SwrCode::InvalidRequestBodyType.into()),
    }
}

/// The command line of the `registry_server` example.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Config {
    /// `--addr`: where to listen; `127.0.0.1:8080` by default.
    pub addr: String,
    /// `--body-format legacy|dual|problem`: the app's default error body format; `legacy` by
    /// default. The SDKs get Dual and `Accept: application/problem+json` gets Problem whatever it
    /// is.
    pub format: BodyFormat,
    /// `--sdk-dual on|off`: whether Huawei Cloud's SDKs get Dual whatever the default; `on` by
    /// default.
    pub sdk_dual: bool,
}

/// The usage text of the `registry_server` example.
pub const USAGE: &str = "\
usage: registry_server [--addr HOST:PORT] [--body-format legacy|dual|problem] [--sdk-dual on|off]

  --addr          address to listen on (default 127.0.0.1:8080; port 0 picks a free one)
  --body-format   the default error body format: legacy (the SWR table's array, default),
                  dual (adds the error_code/error_msg object) or problem (RFC 9457). Huawei
                  Cloud's SDKs get dual, and Accept: application/problem+json gets problem,
                  whatever the default
  --sdk-dual      on (default): Huawei Cloud's SDKs get dual whatever the default; off: they
                  get the default like any client (to see what an SDK makes of it)";

impl Config {
    /// Reads the arguments after the program name: `--addr A` / `--addr=A` and
    /// `--body-format F` / `--body-format=F`, `--sdk-dual on|off` / `--sdk-dual=on|off`. `Err` holds the message to print: the usage for
    /// `--help`, else what was wrong.
    pub fn from_args(args: impl IntoIterator<Item = String>) -> Result<Config, String> {
        let mut config = Config {
            addr: "127.0.0.1:8080".to_owned(),
            format: BodyFormat::Legacy,
            sdk_dual: true,
        };
        let mut args = args.into_iter();
        while let Some(arg) = args.next() {
            let (flag, inline) = match arg.split_once('=') {
                Some((flag, value)) if flag.starts_with("--") => {
                    (flag.to_owned(), Some(value.to_owned()))
                }
                _ => (arg.clone(), None),
            };
            let mut value = |name: &str| {
                inline
                    .clone()
                    .or_else(|| args.next())
                    .ok_or_else(|| format!("{name} needs a value\n\n{USAGE}"))
            };
            match flag.as_str() {
                "--addr" => config.addr = value("--addr")?,
                "--body-format" => {
                    config.format = value("--body-format")?
                        .parse()
                        .map_err(|err| format!("--body-format: {err}"))?;
                }
                "--sdk-dual" => {
                    config.sdk_dual = match value("--sdk-dual")?.as_str() {
                        "on" => true,
                        "off" => false,
                        other => {
                            return Err(format!("--sdk-dual: `{other}` is neither on nor off"))
                        }
                    };
                }
                "-h" | "--help" => return Err(USAGE.to_owned()),
                other => return Err(format!("unknown argument `{other}`\n\n{USAGE}")),
            }
        }
        Ok(config)
    }
}

#[cfg(test)]
mod tests {
    use super::{is_valid_namespace, percent_decode, Config};
    use swr_errors::BodyFormat;

    fn args(list: &[&str]) -> Result<Config, String> {
        Config::from_args(list.iter().map(|arg| arg.to_string()))
    }

    #[test]
    fn namespace_names_follow_the_swr_rule() {
        for good in [
            "a",
            "acme",
            "a1",
            "my.org_x-2",
            &format!("a{}", "b".repeat(63)),
        ] {
            assert!(is_valid_namespace(good), "{good}");
        }
        let too_long = format!("a{}", "b".repeat(64));
        for bad in [
            "", "Acme", "1acme", ".acme", "acme-", "acme.", "acme_", "ac me", "ac/me", "é", "acmE",
            &too_long,
        ] {
            assert!(!is_valid_namespace(bad), "{bad}");
        }
    }

    #[test]
    fn percent_decoding_is_strict() {
        assert_eq!(percent_decode("acme").as_deref(), Some("acme"));
        assert_eq!(percent_decode("a%63me").as_deref(), Some("acme"));
        assert_eq!(percent_decode("a%2Fb").as_deref(), Some("a/b"));
        assert_eq!(percent_decode("%C3%A9").as_deref(), Some("é"));
        for bad in ["%", "%4", "%zz", "a%2", "%FF", "%+1"] {
            assert_eq!(percent_decode(bad), None, "{bad}");
        }
    }

    #[test]
    fn command_line() {
        let default = args(&[]).unwrap();
        assert_eq!(default.addr, "127.0.0.1:8080");
        assert_eq!(default.format, BodyFormat::Legacy);
        assert!(default.sdk_dual);
        assert!(!args(&["--sdk-dual", "off"]).unwrap().sdk_dual);
        assert!(args(&["--sdk-dual=on"]).unwrap().sdk_dual);
        assert!(args(&["--sdk-dual", "no"])
            .unwrap_err()
            .contains("neither on nor off"));
        let set = args(&["--addr", "127.0.0.1:0", "--body-format=dual"]).unwrap();
        assert_eq!(set.addr, "127.0.0.1:0");
        assert_eq!(set.format, BodyFormat::Dual);
        let set = args(&["--addr=[::1]:9000", "--body-format", "legacy"]).unwrap();
        assert_eq!(set.addr, "[::1]:9000");
        assert!(args(&["--body-format", "xml"])
            .unwrap_err()
            .contains("unknown body format"));
        assert!(args(&["--addr"])
            .unwrap_err()
            .starts_with("--addr needs a value"));
        assert!(args(&["--port", "1"])
            .unwrap_err()
            .starts_with("unknown argument `--port`"));
        assert!(args(&["--help"]).unwrap_err().starts_with("usage:"));
    }
}
