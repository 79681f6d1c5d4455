//! A client of an SWR-style service: it calls the `registry_server` example over real HTTP and
//! turns each error response into a typed value with `RemoteError`.
//!
//! ```text
//! cargo run --example registry_server &          # in one terminal (or with --body-format dual)
//! cargo run --example client                      # calls http://127.0.0.1:8080
//! cargo run --example client -- --url http://127.0.0.1:9000
//! cargo run --example client -- --in-process      # starts its own registry on a free port
//! ```

use std::process::ExitCode;

use bytes::Bytes;
use http::{Method, Request};
use http_body_util::{BodyExt, Full};
use hyper_util::client::legacy::Client;
use hyper_util::rt::TokioExecutor;
use swr_errors::{BodyFormat, RemoteError, SwrCode};
use swr_errors_net_examples::registry::Registry;

/// The calls the client makes: each fails in its own way on a fresh registry.
const CALLS: &[(&str, &str, &str)] = &[
    ("GET", "/v2/manage/namespaces/acme", ""),
    ("GET", "/v2/manage/namespaces/nope", ""),
    ("GET", "/v2/manage/namespaces/acme/repos/missing", ""),
    ("GET", "/v2/manage/namespaces/Not_A_Name", ""),
    ("POST", "/v2/manage/namespaces", r#"{"namespace": "acme"}"#),
    ("POST", "/v2/manage/namespaces", "namespace=acme"),
    ("GET", "/v2/nowhere", ""),
];

#[tokio::main]
async fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let base = match args
        .iter()
        .map(String::as_str)
        .collect::<Vec<_>>()
        .as_slice()
    {
        [] => "http://127.0.0.1:8080".to_owned(),
        ["--url", url] => url.trim_end_matches('/').to_owned(),
        ["--in-process"] => match start_registry().await {
            Ok(base) => base,
            Err(err) => {
                eprintln!("client: cannot start a registry: {err}");
                return ExitCode::FAILURE;
            }
        },
        _ => {
            eprintln!("usage: client [--url http://HOST:PORT | --in-process]");
            return ExitCode::from(2);
        }
    };
    println!("calling {base}\n");
    let client = Client::builder(TokioExecutor::new()).build_http::<Full<Bytes>>();
    for (method, path, body) in CALLS {
        let request = Request::builder()
            .method(Method::from_bytes(method.as_bytes()).unwrap_or(Method::GET))
            .uri(format!("{base}{path}"))
            .header("content-type", "application/json")
            .body(Full::new(Bytes::from_static(body.as_bytes())));
        let request = match request {
            Ok(request) => request,
            Err(err) => {
                eprintln!("client: bad request {method} {path}: {err}");
                return ExitCode::FAILURE;
            }
        };
        let response = match client.request(request).await {
            Ok(response) => response,
            Err(err) => {
                eprintln!("client: {method} {base}{path} failed: {err}");
                eprintln!("client: is the server running? `cargo run --example registry_server`, or pass --in-process");
                return ExitCode::FAILURE;
            }
        };
        let (parts, body) = response.into_parts();
        let body = match body.collect().await {
            Ok(collected) => collected.to_bytes(),
            Err(err) => {
                eprintln!("client: reading the body of {method} {path}: {err}");
                return ExitCode::FAILURE;
            }
        };
        println!("{method} {path}");
        if parts.status.is_success() {
            println!(
                "    {} {}\n",
                parts.status.as_u16(),
                String::from_utf8_lossy(&body)
            );
            continue;
        }
        let error = RemoteError::from_http_parts(&parts, &body);
        println!("    {error}");
        match error.known() {
            Some(code) => println!("    typed:      SwrCode::{code:?}"),
            None => println!("    typed:      not a catalogue code"),
        }
        if error.known() == Some(SwrCode::OrganizationExists) {
            println!("    handling:   the organisation is already there, carry on");
        }
        println!("    retry:      {:?}", error.retry_kind());
        println!("    request id: {}\n", error.request_id().unwrap_or("-"));
    }
    ExitCode::SUCCESS
}

/// Starts the registry of the `registry_server` example on a free loopback port.
async fn start_registry() -> std::io::Result<String> {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
    let addr = listener.local_addr()?;
    let app = Registry::new(BodyFormat::Dual).router();
    tokio::spawn(async move { axum::serve(listener, app).await });
    Ok(format!("http://{addr}"))
}
