//! The `registry_server` example's router, started in-process on `127.0.0.1:0` and driven over
//! real HTTP (hyper's client) in each default body format: every endpoint, every error, with status,
//! headers and body checked.

use bytes::Bytes;
use http::{HeaderMap, Method, Request};
use http_body_util::{BodyExt, Full};
use hyper_util::client::legacy::Client;
use hyper_util::rt::TokioExecutor;
use serde_json::{json, Value};
use swr_errors::BodyFormat;
use swr_errors_net_examples::registry::{Registry, BODY_LIMIT};

/// A running server and a client for it.
struct Server {
    base: String,
    format: BodyFormat,
    client: Client<hyper_util::client::legacy::connect::HttpConnector, Full<Bytes>>,
}

struct Reply {
    status: u16,
    headers: HeaderMap,
    body: Vec<u8>,
}

impl Reply {
    fn json(&self) -> Value {
        serde_json::from_slice(&self.body).unwrap_or_else(|err| {
            panic!(
                "not JSON ({err}): {:?}",
                String::from_utf8_lossy(&self.body)
            )
        })
    }

    fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).map(|value| value.to_str().unwrap())
    }
}

async fn start(format: BodyFormat) -> Server {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let app = Registry::new(format).router();
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    Server {
        base: format!("http://{addr}"),
        format,
        client: Client::builder(TokioExecutor::new()).build_http(),
    }
}

impl Server {
    async fn send(
        &self,
        method: Method,
        path: &str,
        headers: &[(&str, &str)],
        body: &[u8],
    ) -> Reply {
        let mut request = Request::builder()
            .method(method)
            .uri(format!("{}{path}", self.base));
        for (name, value) in headers {
            request = request.header(*name, *value);
        }
        let request = request
            .body(Full::new(Bytes::copy_from_slice(body)))
            .unwrap();
        let response = self.client.request(request).await.unwrap();
        let status = response.status().as_u16();
        let headers = response.headers().clone();
        let body = response
            .into_body()
            .collect()
            .await
            .unwrap()
            .to_bytes()
            .to_vec();
        Reply {
            status,
            headers,
            body,
        }
    }

    async fn get(&self, path: &str) -> Reply {
        self.send(Method::GET, path, &[], b"").await
    }

    async fn post(&self, body: &[u8]) -> Reply {
        let headers = [("content-type", "application/json;charset=UTF-8")];
        self.send(Method::POST, "/v2/manage/namespaces", &headers, body)
            .await
    }

    /// Asserts `reply` is the error `code` with `message`, in this server's format, written
    /// out here literally rather than by the library under test.
    fn assert_error(&self, reply: &Reply, status: u16, code: &str, message: &str) {
        let what = format!("{code} ({:?})", self.format);
        assert_eq!(reply.status, status, "{what}");
        assert_eq!(
            reply.header("content-type"),
            Some(self.format.content_type()),
            "{what}"
        );
        assert_request_id(reply);
        let entry = json!([{"errorCode": code, "errorMessage": message, "detail": ""}]);
        let expected = match self.format {
            BodyFormat::Legacy => entry,
            BodyFormat::Dual => json!({"error_code": code, "error_msg": message, "errors": entry}),
            BodyFormat::Problem => json!({
                "type": format!("urn:swr-errors:code:{code}"),
                "title": message,
                "status": status,
                "code": code,
                "request_id": reply.header("x-request-id"),
            }),
            BodyFormat::Oci => json!({"errors": [{"code": code, "message": message}]}),
        };
        assert_eq!(reply.json(), expected, "{what}");
        // Byte for byte: the key order of the published format, no whitespace.
        let text = String::from_utf8(reply.body.clone()).unwrap();
        let prefix = match self.format {
            BodyFormat::Legacy => format!(r#"[{{"errorCode":"{code}","errorMessage":"#),
            BodyFormat::Dual => format!(r#"{{"error_code":"{code}","error_msg":"#),
            BodyFormat::Problem => r#"{"type":"urn:swr-errors:code:"#.to_owned(),
            BodyFormat::Oci => format!(r#"{{"errors":[{{"code":"{code}","message":"#),
        };
        assert!(text.starts_with(&prefix), "{what}: {text}");
    }
}

/// A generated request id: 32 lower-case hex digits.
fn assert_request_id(reply: &Reply) {
    let id = reply.header("x-request-id").expect("x-request-id");
    assert_eq!(id.len(), 32, "{id}");
    assert!(
        id.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f')),
        "{id}"
    );
}

const NOT_FOUND: (u16, &str, &str) = (
    404,
    "SVCSTG.SWR.4040058",
    "The organization does not exist.",
);
const EXISTS: (u16, &str, &str) = (
    409,
    "SVCSTG.SWR.4090060",
    "The organization already exists.",
);
const BAD_NAME: (u16, &str, &str) = (400, "SVCSTG.SWR.4001028", "Invalid organization name.");
const NO_REPO: (u16, &str, &str) = (404, "SVCSTG.SWR.4040113", "The image does not exist.");
const NO_URL: (u16, &str, &str) = (
    404,
    "SVCSTG.SWR.4040083",
    "The requested URL cannot be found.",
);
const BODY_TYPE: (u16, &str, &str) = (400, "SVCSTG.SWR.4001018", "Incorrect request body type.");
const MISSING: (u16, &str, &str) = (
    400,
    "SVCSTG.SWR.4001014",
    "Mandatory parameters must be set.",
);
const TOO_LARGE: (u16, &str, &str) = (
    413,
    "SVCSTG.SWR.4131001",
    "The request exceeds the maximum size allowed.",
);

impl Server {
    fn assert(&self, reply: &Reply, (status, code, message): (u16, &str, &str)) {
        self.assert_error(reply, status, code, message);
    }
}

async fn both_formats<F, Fut>(check: F)
where
    F: Fn(Server) -> Fut,
    Fut: std::future::Future<Output = ()>,
{
    // The management API's formats; the registry API's envelope is its own (see below).
    for format in [BodyFormat::Legacy, BodyFormat::Dual, BodyFormat::Problem] {
        check(start(format).await).await;
    }
}

#[tokio::test]
async fn an_existing_organisation_is_described() {
    both_formats(|server| async move {
        let reply = server.get("/v2/manage/namespaces/acme").await;
        assert_eq!(reply.status, 200);
        assert_eq!(reply.header("content-type"), Some("application/json"));
        assert_request_id(&reply);
        let body = reply.json();
        assert_eq!(body["name"], "acme");
        assert_eq!(body["id"], 1);
        // Path segments arrive percent-encoded: `%61cme` is `acme`.
        let reply = server.get("/v2/manage/namespaces/%61cme").await;
        assert_eq!(reply.status, 200);
        assert_eq!(reply.json()["name"], "acme");
    })
    .await;
}

#[tokio::test]
async fn a_missing_organisation_is_4040058() {
    both_formats(|server| async move {
        server.assert(&server.get("/v2/manage/namespaces/nope").await, NOT_FOUND);
        // The longest valid name: checked, then looked up.
        let longest = format!("/v2/manage/namespaces/a{}", "b".repeat(63));
        server.assert(&server.get(&longest).await, NOT_FOUND);
    })
    .await;
}

#[tokio::test]
async fn bad_organisation_names_are_4001028_on_every_route() {
    both_formats(|server| async move {
        let too_long = format!("a{}", "b".repeat(64));
        for name in [
            "Acme", "1acme", "acme-", "-acme", "a%2Fb", "ac%20me", "%FF", "%zz", "ac%", &too_long,
        ] {
            let reply = server.get(&format!("/v2/manage/namespaces/{name}")).await;
            server.assert(&reply, BAD_NAME);
            // Before anything else: even where the repository is missing too.
            let reply = server
                .get(&format!("/v2/manage/namespaces/{name}/repos/nginx"))
                .await;
            server.assert(&reply, BAD_NAME);
        }
        // `ACME` exists in no form, but the name check answers before the existence check.
        server.assert(&server.post(br#"{"namespace":"ACME"}"#).await, BAD_NAME);
        server.assert(&server.post(br#"{"namespace":""}"#).await, BAD_NAME);
    })
    .await;
}

#[tokio::test]
async fn repositories_answer_4040058_then_4040113() {
    both_formats(|server| async move {
        let reply = server.get("/v2/manage/namespaces/acme/repos/nginx").await;
        assert_eq!(reply.status, 200);
        assert_eq!(reply.header("content-type"), Some("application/json"));
        assert_request_id(&reply);
        assert_eq!(reply.json()["name"], "nginx");
        assert_eq!(reply.json()["path"], "swr.example.com/acme/nginx");

        let missing_org = server.get("/v2/manage/namespaces/nope/repos/nginx").await;
        server.assert(&missing_org, NOT_FOUND);
        for path in [
            "/v2/manage/namespaces/acme/repos/redis",
            "/v2/manage/namespaces/taken/repos/nginx",
            "/v2/manage/namespaces/acme/repos/%FF",
        ] {
            server.assert(&server.get(path).await, NO_REPO);
        }
    })
    .await;
}

#[tokio::test]
async fn creating_an_organisation_then_finding_it_then_conflicting() {
    both_formats(|server| async move {
        let reply = server.post(br#"{"namespace":"new-org.1"}"#).await;
        assert_eq!(reply.status, 201);
        assert!(reply.body.is_empty());
        assert_request_id(&reply);

        let reply = server.get("/v2/manage/namespaces/new-org.1").await;
        assert_eq!(reply.status, 200);
        assert_eq!(reply.json()["name"], "new-org.1");
        assert_eq!(reply.json()["id"], 3);

        server.assert(&server.post(br#"{"namespace":"new-org.1"}"#).await, EXISTS);
        // The ones that exist at start.
        server.assert(&server.post(br#"{"namespace":"acme"}"#).await, EXISTS);
        server.assert(
            &server.post(br#"{"namespace":"taken","extra":true}"#).await,
            EXISTS,
        );
    })
    .await;
}

#[tokio::test]
async fn bodies_that_are_not_the_json_get_fitting_400s() {
    both_formats(|server| async move {
        for body in [
            &b"namespace=acme"[..],
            b"",
            b"[]",
            b"\"acme\"",
            b"{\"namespace\":",
            b"\xff",
        ] {
            server.assert(&server.post(body).await, BODY_TYPE);
        }
        for body in [&br#"{"namespace":5}"#[..], br#"{"namespace":["a"]}"#] {
            server.assert(&server.post(body).await, BODY_TYPE);
        }
        for body in [&b"{}"[..], br#"{"name":"acme"}"#, br#"{"namespace":null}"#] {
            server.assert(&server.post(body).await, MISSING);
        }
        let huge = format!(r#"{{"namespace":"{}"}}"#, "a".repeat(BODY_LIMIT));
        server.assert(&server.post(huge.as_bytes()).await, TOO_LARGE);
    })
    .await;
}

#[tokio::test]
async fn unknown_routes_and_methods_are_4040083() {
    both_formats(|server| async move {
        for path in [
            "/",
            "/v2/manage",
            "/v2/manage/namespaces",
            "/v2/manage/namespaces/acme/",
            "/v2/manage/namespaces/acme/repos",
            "/v2/manage/namespaces/acme/repos/nginx/tags",
            "/v3/manage/namespaces/acme",
        ] {
            server.assert(&server.get(path).await, NO_URL);
        }
        for (method, path) in [
            (Method::DELETE, "/v2/manage/namespaces/acme"),
            (Method::PUT, "/v2/manage/namespaces"),
            (Method::POST, "/v2/manage/namespaces/acme"),
        ] {
            server.assert(&server.send(method, path, &[], b"").await, NO_URL);
        }
    })
    .await;
}

#[tokio::test]
async fn request_ids_are_echoed_or_generated() {
    let server = start(BodyFormat::Dual).await;
    // Echoed, on success and on error.
    for path in ["/v2/manage/namespaces/acme", "/v2/manage/namespaces/nope"] {
        let reply = server
            .send(
                Method::GET,
                path,
                &[("x-request-id", "client-chosen-42")],
                b"",
            )
            .await;
        assert_eq!(reply.header("x-request-id"), Some("client-chosen-42"));
    }
    // Generated when absent, or when the given one is unusable; a fresh one each time.
    let first = server.get("/v2/manage/namespaces/nope").await;
    let second = server.get("/v2/manage/namespaces/nope").await;
    assert_request_id(&first);
    assert_request_id(&second);
    assert_ne!(first.header("x-request-id"), second.header("x-request-id"));
    let too_long = "x".repeat(swr_errors::RequestId::MAX_LEN + 1);
    let reply = server
        .send(
            Method::GET,
            "/v2/manage/namespaces/acme",
            &[("x-request-id", &too_long)],
            b"",
        )
        .await;
    assert_request_id(&reply);
}

#[tokio::test]
async fn huawei_sdk_signing_headers_are_accepted_unverified() {
    let server = start(BodyFormat::Dual).await;
    let headers = [
        (
            "authorization",
            "SDK-HMAC-SHA256 Access=AKIDEXAMPLE, SignedHeaders=content-type;host;x-sdk-date, Signature=0123abcd",
        ),
        ("x-sdk-date", "20240101T000000Z"),
        ("x-project-id", "0123456789abcdef0123456789abcdef"),
    ];
    let reply = server
        .send(Method::GET, "/v2/manage/namespaces/acme", &headers, b"")
        .await;
    assert_eq!(reply.status, 200);
    let reply = server
        .send(Method::GET, "/v2/manage/namespaces/nope", &headers, b"")
        .await;
    server.assert(&reply, NOT_FOUND);
    // What Huawei's SDKs read: a JSON object with error_code and error_msg at the top.
    let body = reply.json();
    assert_eq!(body["error_code"], "SVCSTG.SWR.4040058");
    assert_eq!(body["error_msg"], "The organization does not exist.");
}

#[tokio::test]
async fn servers_do_not_share_state() {
    let one = start(BodyFormat::Legacy).await;
    let two = start(BodyFormat::Legacy).await;
    assert_eq!(one.post(br#"{"namespace":"only-here"}"#).await.status, 201);
    assert_eq!(one.get("/v2/manage/namespaces/only-here").await.status, 200);
    two.assert(&two.get("/v2/manage/namespaces/only-here").await, NOT_FOUND);
}

/// With no flag, each client gets what it reads: curl the documented array, the official SDKs
/// (by their user agent) the Dual object, and a client asking for RFC 9457 the Problem object.
#[tokio::test]
async fn each_client_gets_what_it_reads_without_a_flag() {
    let server = start(BodyFormat::Legacy).await;
    let path = "/v2/manage/namespaces/nope";
    let curl = server
        .send(Method::GET, path, &[("user-agent", "curl/8.5.0")], b"")
        .await;
    assert!(curl.json().is_array());
    for agent in [
        "huaweicloud-usdk-python/3.1.86",
        "huaweicloud-usdk-nodejs/3.1.120",
        "huaweicloud-usdk-java/3.1.100",
        "huaweicloud-usdk-go/0.1.150",
    ] {
        let sdk = server
            .send(Method::GET, path, &[("user-agent", agent)], b"")
            .await;
        assert_eq!(sdk.header("content-type"), Some("application/json"));
        let body = sdk.json();
        assert_eq!(body["error_code"], "SVCSTG.SWR.4040058", "{agent}");
        assert_eq!(body["error_msg"], "The organization does not exist.");
    }
    let problem = server
        .send(
            Method::GET,
            path,
            &[
                ("accept", "application/problem+json"),
                ("x-request-id", "p-1"),
            ],
            b"",
        )
        .await;
    assert_eq!(
        problem.header("content-type"),
        Some("application/problem+json")
    );
    assert_eq!(problem.json()["request_id"], "p-1");
    assert_eq!(problem.json()["code"], "SVCSTG.SWR.4040058");
}

// The registry API (`/v2/<name>/...`): the OCI envelope with the reference registry's codes,
// messages and details, whatever the server's default format or the request's `Accept`.

const ZERO: &str = "sha256:0000000000000000000000000000000000000000000000000000000000000000";

impl Server {
    /// Asserts `reply` is the OCI envelope of one error, written out literally here.
    fn assert_oci(
        &self,
        reply: &Reply,
        status: u16,
        code: &str,
        message: &str,
        detail: Option<Value>,
    ) {
        let what = format!("{code} ({:?})", self.format);
        assert_eq!(reply.status, status, "{what}");
        assert_eq!(
            reply.header("content-type"),
            Some("application/json"),
            "{what}"
        );
        assert_eq!(
            reply.header("docker-distribution-api-version"),
            Some("registry/2.0"),
            "{what}"
        );
        let mut entry = json!({"code": code, "message": message});
        if let Some(detail) = detail {
            entry["detail"] = detail;
        }
        assert_eq!(reply.json(), json!({ "errors": [entry] }), "{what}");
    }

    fn location(reply: &Reply) -> String {
        reply.header("location").expect("location").to_owned()
    }
}

fn sha256(content: &[u8]) -> String {
    swr_errors_net_examples::distribution::store::digest_of(content)
}

#[tokio::test]
async fn the_registry_api_answers_in_the_oci_envelope_whatever_the_format() {
    for format in BodyFormat::ALL {
        let server = start(format).await;
        let reply = server.get("/v2/").await;
        assert_eq!((reply.status, reply.json()), (200, json!({})));
        assert_eq!(
            reply.header("docker-distribution-api-version"),
            Some("registry/2.0")
        );
        for accept in ["application/json", "application/problem+json"] {
            let reply = server
                .send(
                    Method::GET,
                    "/v2/nosuch/repo/manifests/latest",
                    &[("accept", accept)],
                    b"",
                )
                .await;
            let detail = json!({"Tag": "latest"});
            server.assert_oci(
                &reply,
                404,
                "MANIFEST_UNKNOWN",
                "manifest unknown",
                Some(detail),
            );
        }
        let blob = server.get(&format!("/v2/nosuch/repo/blobs/{ZERO}")).await;
        server.assert_oci(
            &blob,
            404,
            "BLOB_UNKNOWN",
            "blob unknown to registry",
            Some(json!(ZERO)),
        );
        let tags = server.get("/v2/nosuch/tags/list").await;
        let detail = Some(json!({"name": "nosuch"}));
        server.assert_oci(
            &tags,
            404,
            "NAME_UNKNOWN",
            "repository name not known to registry",
            detail,
        );
        for path in [
            format!("/v2/a/manifests/{ZERO}"),
            format!("/v2/a/blobs/{ZERO}"),
        ] {
            let reply = server.send(Method::DELETE, &path, &[], b"").await;
            server.assert_oci(
                &reply,
                405,
                "UNSUPPORTED",
                "The operation is unsupported.",
                None,
            );
        }
        let bad = server
            .send(Method::PUT, "/v2/a/manifests/latest", &[], b"{bad")
            .await;
        let detail = Some(json!({"Offset": 2}));
        server.assert_oci(&bad, 400, "MANIFEST_INVALID", "manifest invalid", detail);
        let upload = server.get("/v2/a/blobs/uploads/nope").await;
        let detail = Some(json!({}));
        server.assert_oci(
            &upload,
            404,
            "BLOB_UPLOAD_INVALID",
            "blob upload invalid",
            detail,
        );
        // The router's own answers are the reference's plain text.
        let reply = server.get("/v2/NoSuch/manifests/latest").await;
        assert_eq!(
            (reply.status, reply.body.as_slice()),
            (404, &b"404 page not found\n"[..])
        );
        let reply = server.send(Method::POST, "/v2/a/tags/list", &[], b"").await;
        assert_eq!((reply.status, reply.header("allow")), (405, Some("GET")));
        assert_eq!(
            reply.header("docker-distribution-api-version"),
            Some("registry/2.0")
        );
        // The management API keeps its own errors, in the server's format.
        if format != BodyFormat::Oci {
            server.assert(&server.get("/v2/manage/namespaces/nope").await, NOT_FOUND);
            server.assert(&server.get("/v2/manage").await, NO_URL);
        }
    }
}

#[tokio::test]
async fn a_blob_and_a_manifest_go_in_and_come_out_unchanged() {
    let server = start(BodyFormat::Legacy).await;
    let octets = [("content-type", "application/octet-stream")];
    let config =
        br#"{"architecture":"amd64","os":"linux","rootfs":{"type":"layers","diff_ids":[]}}"#;
    let digest = sha256(config);

    let started = server
        .send(Method::POST, "/v2/acme/app/blobs/uploads/", &[], b"")
        .await;
    assert_eq!(started.status, 202);
    let upload = Server::location(&started);
    let patched = server
        .send(Method::PATCH, &upload, &octets, &config[..10])
        .await;
    assert_eq!(
        (patched.status, patched.header("range")),
        (202, Some("0-9"))
    );
    // A wrong digest leaves the upload as it was; the right one finishes it.
    let wrong = server
        .send(
            Method::PUT,
            &format!("{upload}?digest={ZERO}"),
            &octets,
            &config[10..],
        )
        .await;
    let detail = Some(json!({"Digest": ZERO, "Reason": {}}));
    let message = "provided digest did not match uploaded content";
    server.assert_oci(&wrong, 400, "DIGEST_INVALID", message, detail);
    let missing = server.send(Method::PUT, &upload, &octets, b"").await;
    server.assert_oci(
        &missing,
        400,
        "DIGEST_INVALID",
        message,
        Some(json!("digest missing")),
    );
    // The failed finish kept its chunk: the upload holds the whole config.
    let status = server.get(&upload).await;
    let range = format!("0-{}", config.len() - 1);
    assert_eq!(
        (status.status, status.header("range")),
        (204, Some(range.as_str()))
    );
    let finish = format!("{upload}?digest={digest}");
    let done = server.send(Method::PUT, &finish, &octets, b"").await;
    assert_eq!(
        done.status,
        201,
        "{:?}",
        String::from_utf8_lossy(&done.body)
    );
    assert_eq!(done.header("docker-content-digest"), Some(digest.as_str()));
    let blob = server.get(&format!("/v2/acme/app/blobs/{digest}")).await;
    assert_eq!((blob.status, blob.body.as_slice()), (200, &config[..]));

    let manifest = |config_digest: &str| {
        json!({
            "schemaVersion": 2,
            "mediaType": "application/vnd.oci.image.manifest.v1+json",
            "config": {"mediaType": "application/vnd.oci.image.config.v1+json", "digest": config_digest, "size": config.len()},
            "layers": []
        })
        .to_string()
    };
    let oci = [("content-type", "application/vnd.oci.image.manifest.v1+json")];
    let orphan = manifest(ZERO);
    let reply = server
        .send(
            Method::PUT,
            "/v2/acme/app/manifests/v1",
            &oci,
            orphan.as_bytes(),
        )
        .await;
    let detail = Some(json!(ZERO));
    server.assert_oci(
        &reply,
        400,
        "MANIFEST_BLOB_UNKNOWN",
        "blob unknown to registry",
        detail,
    );
    let body = manifest(&digest);
    let reply = server
        .send(
            Method::PUT,
            "/v2/acme/app/manifests/v1",
            &oci,
            body.as_bytes(),
        )
        .await;
    assert_eq!(reply.status, 201);
    // An OCI manifest goes only to a client whose Accept names its type.
    let unasked = server.get("/v2/acme/app/manifests/v1").await;
    let message = "OCI manifest found, but accept header does not support OCI manifests";
    server.assert_oci(&unasked, 404, "MANIFEST_UNKNOWN", message, None);
    let accept = [("accept", oci[0].1)];
    let got = server
        .send(Method::GET, "/v2/acme/app/manifests/v1", &accept, b"")
        .await;
    assert_eq!(got.status, 200);
    assert_eq!(got.body, body.as_bytes());
    assert_eq!(got.header("content-type"), Some(oci[0].1));
    let manifest_digest = sha256(body.as_bytes());
    assert_eq!(
        got.header("docker-content-digest"),
        Some(manifest_digest.as_str())
    );
    let path = format!("/v2/acme/app/manifests/{manifest_digest}");
    let by_digest = server.send(Method::GET, &path, &accept, b"").await;
    assert_eq!(by_digest.body, body.as_bytes());
    let tags = server.get("/v2/acme/app/tags/list").await;
    assert_eq!(tags.json(), json!({"name": "acme/app", "tags": ["v1"]}));
    let other = server
        .get(&format!("/v2/acme/other/manifests/{manifest_digest}"))
        .await;
    let detail = Some(json!({"Name": "acme/other", "Revision": manifest_digest}));
    server.assert_oci(&other, 404, "MANIFEST_UNKNOWN", "manifest unknown", detail);
}
