//! An axum API that serves its OpenAPI document, whose error responses come from the same
//! `#[swr(...)]` attributes as the errors the handlers return (`swr_errors::openapi`, feature
//! `utoipa`).
//!
//! ```text
//! cargo run -p swr-errors-net-examples --example openapi                      # serves on 127.0.0.1:3000
//! curl http://127.0.0.1:3000/openapi.json          # the document
//! curl -i http://127.0.0.1:3000/charts/nope        # a 404 with its SWR body
//! cargo run -p swr-errors-net-examples --example openapi -- --print           # prints the document and exits
//! ```
//!
//! `--addr HOST:PORT` chooses the address; the server stops on Ctrl-C.

use std::process::ExitCode;

use axum::extract::Path;
use axum::http::header::CONTENT_TYPE;
use axum::response::IntoResponse;
use axum::routing::get;
use axum::Router;
use swr_errors::axum::SwrLayer;
use swr_errors::openapi::{ErrorCodes, SwrResponses};
use swr_errors::{DualErrorBody, ErrorBody, ProblemBody, SwrCode, SwrError, CONTENT_TYPE_JSON};
use utoipa::OpenApi;

/// The errors of the charts API: two of its own, and the stock catalogue.
#[derive(Debug, SwrError)]
pub enum ChartError {
    /// The chart does not exist.
    #[swr(code = "SVCSTG.CHARTS.4040001", status = 404)]
    ChartMissing,

    #[swr(
        code = "SVCSTG.CHARTS.4001002",
        status = 400,
        message = "Invalid chart name {0}: use lower-case letters, digits and '-'"
    )]
    BadName(String),

    #[swr(transparent)]
    Stock(SwrCode),
}

/// The codes of [`ChartError`], as a named schema (`ChartErrorCode`) in the document's
/// components: the alias gives it its own name there.
type ChartErrorCode = ErrorCodes<ChartError>;

/// Reads a chart.
///
/// Every error code of `ChartError` is documented under its status, with its exact body.
#[utoipa::path(
    get,
    path = "/charts/{name}",
    params(("name" = String, Path, description = "The chart's name")),
    responses(
        (status = 200, description = "The chart's manifest", body = String, content_type = "text/plain"),
        SwrResponses<ChartError>,
    )
)]
async fn get_chart(Path(name): Path<String>) -> Result<String, ChartError> {
    let valid = !name.is_empty()
        && name
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
    if !valid {
        return Err(ChartError::BadName(name));
    }
    match name.as_str() {
        "nginx" => Ok("apiVersion: v2\nname: nginx\nversion: 1.0.0\n".to_owned()),
        "locked" => Err(SwrCode::OperationNotPermitted.into()),
        _ => Err(ChartError::ChartMissing),
    }
}

#[derive(OpenApi)]
#[openapi(
    info(
        title = "charts",
        description = "A charts API whose errors follow the SWR format."
    ),
    paths(get_chart),
    components(schemas(ErrorBody, DualErrorBody, ProblemBody, ChartErrorCode))
)]
struct ApiDoc;

async fn openapi_json() -> impl IntoResponse {
    match ApiDoc::openapi().to_pretty_json() {
        Ok(json) => Ok(([(CONTENT_TYPE, CONTENT_TYPE_JSON)], json)),
        Err(_) => Err(SwrCode::OperationFailed),
    }
}

fn router() -> Router {
    Router::new()
        .route("/charts/{name}", get(get_chart))
        .route("/openapi.json", get(openapi_json))
        // Legacy by default, Problem on request: what `SwrResponses<ChartError>` documents.
        .layer(SwrLayer::new())
}

#[tokio::main]
async fn main() -> ExitCode {
    let mut addr = "127.0.0.1:3000".to_owned();
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--print" => {
                return match ApiDoc::openapi().to_pretty_json() {
                    Ok(json) => {
                        println!("{json}");
                        ExitCode::SUCCESS
                    }
                    Err(err) => {
                        eprintln!("openapi: {err}");
                        ExitCode::FAILURE
                    }
                };
            }
            "--addr" => match args.next() {
                Some(value) => addr = value,
                None => return usage("--addr needs a value"),
            },
            "-h" | "--help" => {
                println!("usage: openapi [--addr HOST:PORT] [--print]");
                return ExitCode::SUCCESS;
            }
            other => return usage(&format!("unknown argument `{other}`")),
        }
    }
    let listener = match tokio::net::TcpListener::bind(&addr).await {
        Ok(listener) => listener,
        Err(err) => {
            eprintln!("openapi: cannot listen on {addr}: {err}");
            return ExitCode::FAILURE;
        }
    };
    if let Ok(local) = listener.local_addr() {
        println!("openapi listening on http://{local} (GET /openapi.json, GET /charts/{{name}})");
    }
    let shutdown = async {
        // Without a Ctrl-C handler, serve until killed.
        if tokio::signal::ctrl_c().await.is_err() {
            std::future::pending::<()>().await;
        }
    };
    match axum::serve(listener, router())
        .with_graceful_shutdown(shutdown)
        .await
    {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("openapi: {err}");
            ExitCode::FAILURE
        }
    }
}

fn usage(message: &str) -> ExitCode {
    eprintln!("openapi: {message}\nusage: openapi [--addr HOST:PORT] [--print]");
    ExitCode::from(2)
}
