//! A client of an SWR-style service: it calls the `registry_server` example over real HTTP with
//! reqwest, and turns each error response into a typed value with
//! `swr_errors::reqwest::ResponseExt::error_for_swr`, then decides what to do by the registry's kind enum.
//!
//! ```text
//! cargo run -p swr-errors-net-examples --example registry_server &          # in one terminal
//! cargo run -p swr-errors-net-examples --example client                      # calls http://127.0.0.1:8080
//! cargo run -p swr-errors-net-examples --example client -- --url http://127.0.0.1:9000
//! cargo run -p swr-errors-net-examples --example client -- --in-process      # starts its own registry on a free port
//! ```

use std::process::ExitCode;

use swr_errors::reqwest::ResponseExt;
use swr_errors::{BodyFormat, RemoteError, SwrCode};
use swr_errors_net_examples::registry::{Registry, RegistryErrorKind};

/// The calls the client makes: each fails in its own way on a fresh registry, but the first.
const CALLS: &[(&str, &str, &str)] = &[
    ("GET", "/v2/manage/namespaces/acme", ""),
    ("GET", "/v2/manage/namespaces/nope", ""),
    ("GET", "/v2/manage/namespaces/acme/repos/missing", ""),
    ("GET", "/v2/manage/namespaces/Not_A_Name", ""),
    ("POST", "/v2/manage/namespaces", r#"{"namespace": "acme"}"#),
    ("POST", "/v2/manage/namespaces", "namespace=acme"),
    ("POST", "/v2/manage/namespaces", r#"{"name": "acme"}"#),
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
    // The registry runs on loopback: a proxy set in the environment must not be asked for it.
    let client = match reqwest::Client::builder().no_proxy().build() {
        Ok(client) => client,
        Err(err) => {
            eprintln!("client: cannot build the HTTP client: {err}");
            return ExitCode::FAILURE;
        }
    };
    for (method, path, body) in CALLS {
        let request = match *method {
            "POST" => client.post(format!("{base}{path}")),
            _ => client.get(format!("{base}{path}")),
        };
        let sent = request
            .header("content-type", "application/json")
            .body(*body)
            .send()
            .await;
        // A transport failure is reqwest's own error: there is no response to read.
        let response = match sent {
            Ok(response) => response,
            Err(err) => {
                eprintln!("client: {method} {base}{path} failed: {err}");
                eprintln!("client: is the server running? `cargo run -p swr-errors-net-examples --example registry_server`, or pass --in-process");
                return ExitCode::FAILURE;
            }
        };
        println!("{method} {path}");
        match response.error_for_swr().await {
            Ok(success) => {
                let status = success.status().as_u16();
                match success.text().await {
                    Ok(text) => println!("    {status} {text}\n"),
                    Err(err) => println!("    {status}, body unreadable: {err}\n"),
                }
            }
            Err(error) => {
                println!("    {error}");
                println!("    handling:   {}", handle(&error));
                println!("    retry:      {:?}", error.retry_kind());
                if let Some(wait) = error.retry_after() {
                    println!("    wait:       {wait:?}");
                }
                println!("    request id: {}\n", error.request_id().unwrap_or("-"));
            }
        }
    }
    ExitCode::SUCCESS
}

/// What this client does about each error the registry may answer with: a `match` on the
/// service's own kind enum, which the client shares with the server (`RegistryErrorKind`, from
/// `#[swr(kind)]`), so every code the service declares is a typed arm.
fn handle(error: &RemoteError) -> &'static str {
    use RegistryErrorKind::Stock;
    match error.known_as::<RegistryErrorKind>() {
        Some(Stock(SwrCode::OrganizationExists)) => "the organisation is already there: carry on",
        Some(Stock(SwrCode::OrganizationNotFound)) => "no such organisation: create it first",
        Some(Stock(SwrCode::QueriedImageNotFound)) => "no such repository: push an image first",
        Some(Stock(SwrCode::InvalidOrganizationName)) => {
            "bad organisation name: lower-case letters, digits, '.', '_', '-'"
        }
        Some(Stock(SwrCode::InvalidRequestBodyType | SwrCode::MissingMandatoryParameters)) => {
            "this client sent a bad request: a bug to fix here"
        }
        Some(Stock(SwrCode::UrlNotFound)) => "the service has no such endpoint: check the base URL",
        Some(_) => "another error of the service: report it with the request id",
        None => {
            "not the service's error (a gateway or proxy answered): report it with the request id"
        }
    }
}

/// Starts the registry of the `registry_server` example on a free loopback port.
async fn start_registry() -> std::io::Result<String> {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
    let addr = listener.local_addr()?;
    let app = Registry::new(BodyFormat::Dual).router();
    tokio::spawn(async move { axum::serve(listener, app).await });
    Ok(format!("http://{addr}"))
}
