//! gRPC both ways: a small tonic service whose handlers return a service error enum, and a tonic
//! client that reads every failure back as a `RemoteError`: its code, message, detail, retry
//! kind and request id, and the enum's value where one can be rebuilt from the code alone (a unit
//! or a stock variant).
//!
//! ```text
//! cargo run -p swr-errors-net-examples --example grpc
//! ```
//!
//! It serves `charts.Charts` on a free port of 127.0.0.1, calls it, prints what each call got, and
//! stops. On the server each error becomes a `tonic::Status` with Google's rich error model
//! (`ErrorInfo` with the code, `RetryInfo` for a retryable code, `DebugInfo` with the detail); on
//! the client `RemoteError::from_status` reads it back.
//!
//! No `.proto` file and no `protoc`: the two messages are written with prost's derive, the
//! service and the client with tonic's generic `Grpc` server and client and `tonic_prost`'s codec,
//! which is what `tonic-build` would generate from
//!
//! ```text
//! service Charts {
//!   rpc GetChart(GetChartRequest) returns (Chart);
//!   rpc PushChart(Chart) returns (Chart);
//! }
//! message GetChartRequest { string name = 1; }
//! message Chart { string name = 1; string version = 2; }
//! ```

use std::convert::Infallible;
use std::future::Future;
use std::io;
use std::pin::Pin;
use std::process::ExitCode;
use std::sync::Arc;
use std::task::{Context, Poll};
use std::time::Duration;

use swr_errors::tonic::TonicOptions;
use swr_errors::{RemoteError, RequestId, RetryKind, SwrCode, SwrError, X_REQUEST_ID};
use tonic::transport::server::TcpIncoming;
use tonic::transport::{Channel, Server};
use tonic::{Request, Response, Status};
use tonic_prost::ProstCodec;

// ---- The service's errors: an ordinary derived enum, shared by server and client. ----

/// What the charts service can fail with.
#[derive(Debug, SwrError)]
pub enum ChartError {
    /// The chart does not exist.
    #[swr(code = "SVCSTG.CHARTS.4040001", status = 404)]
    ChartMissing,

    #[swr(
        code = "SVCSTG.CHARTS.4001002",
        status = 400,
        message = "Invalid chart name {0}"
    )]
    BadName(String),

    #[swr(
        code = "SVCSTG.CHARTS.4001003",
        status = 400,
        message = "Bad chart version"
    )]
    BadVersion {
        #[swr(detail)]
        reason: String,
    },

    #[swr(
        code = "SVCSTG.CHARTS.5001004",
        status = 500,
        message = "Storage failed"
    )]
    #[swr(retry = "server_error")]
    Storage {
        #[swr(source)]
        cause: io::Error,
    },

    #[swr(transparent)]
    Stock(SwrCode),
}

// ---- The messages, as prost would generate them. ----

/// `GetChart`'s request.
#[derive(Clone, PartialEq, prost::Message)]
pub struct GetChartRequest {
    /// The chart's name.
    #[prost(string, tag = "1")]
    pub name: String,
}

/// A chart: `PushChart`'s request, and both methods' response.
#[derive(Clone, PartialEq, prost::Message)]
pub struct Chart {
    /// The chart's name.
    #[prost(string, tag = "1")]
    pub name: String,
    /// Its version, `MAJOR.MINOR.PATCH`.
    #[prost(string, tag = "2")]
    pub version: String,
}

const GET_CHART: &str = "/charts.Charts/GetChart";
const PUSH_CHART: &str = "/charts.Charts/PushChart";

// ---- The server: handlers return `ChartError`; one function turns it into a `Status`. ----

/// The service's state and its gRPC error settings, held by the app (nothing process-wide).
struct Charts {
    errors: TonicOptions,
}

impl Charts {
    async fn get_chart(&self, request: GetChartRequest) -> Result<Chart, ChartError> {
        match request.name.as_str() {
            "nginx" => Ok(Chart {
                name: request.name,
                version: "1.27.0".to_owned(),
            }),
            "broken" => Err(ChartError::Storage {
                cause: io::Error::other("volume /srv/charts is read-only"),
            }),
            "busy" => Err(SwrCode::SystemBusy.into()),
            name if !name.bytes().all(|b| b.is_ascii_lowercase() || b == b'-') => {
                Err(ChartError::BadName(name.to_owned()))
            }
            _ => Err(ChartError::ChartMissing),
        }
    }

    async fn push_chart(&self, chart: Chart) -> Result<Chart, ChartError> {
        let parts: Vec<&str> = chart.version.split('.').collect();
        if parts.len() != 3 || parts.iter().any(|part| part.parse::<u32>().is_err()) {
            return Err(ChartError::BadVersion {
                reason: format!("{:?} is not MAJOR.MINOR.PATCH", chart.version),
            });
        }
        Err(SwrCode::TooManyRequests.into())
    }

    /// A handler's result as gRPC: the error's cause goes to the log (it never leaves the
    /// server), the error itself to the client, with the caller's request id when it sent one.
    fn reply<T>(
        &self,
        id: RequestId,
        result: Result<T, ChartError>,
    ) -> Result<Response<T>, Status> {
        result.map(Response::new).map_err(|error| {
            let mut cause = std::error::Error::source(&error);
            while let Some(err) = cause {
                eprintln!("  [server] request {id}: {} caused by: {err}", error.code());
                cause = err.source();
            }
            error
                .response()
                .with_request_id(id)
                .into_status_with(&self.errors)
        })
    }
}

/// The request id the client sent, or a fresh one.
fn request_id<T>(request: &Request<T>) -> RequestId {
    request
        .metadata()
        .get(X_REQUEST_ID)
        .and_then(|value| value.to_str().ok())
        .and_then(RequestId::new)
        .unwrap_or_else(RequestId::generate)
}

/// The `charts.Charts` service for tonic's server: routes each method to its handler.
#[derive(Clone)]
struct ChartsServer(Arc<Charts>);

impl tonic::server::NamedService for ChartsServer {
    const NAME: &'static str = "charts.Charts";
}

type BoxFuture<T, E> = Pin<Box<dyn Future<Output = Result<T, E>> + Send>>;

impl tower::Service<http::Request<tonic::body::Body>> for ChartsServer {
    type Response = http::Response<tonic::body::Body>;
    type Error = Infallible;
    type Future = BoxFuture<Self::Response, Infallible>;

    fn poll_ready(&mut self, _: &mut Context<'_>) -> Poll<Result<(), Infallible>> {
        Poll::Ready(Ok(()))
    }

    fn call(&mut self, request: http::Request<tonic::body::Body>) -> Self::Future {
        let charts = Arc::clone(&self.0);
        Box::pin(async move {
            let response = match request.uri().path() {
                GET_CHART => {
                    let method = tower::service_fn(move |call: Request<GetChartRequest>| {
                        let charts = Arc::clone(&charts);
                        async move {
                            let id = request_id(&call);
                            charts.reply(id, charts.get_chart(call.into_inner()).await)
                        }
                    });
                    tonic::server::Grpc::new(ProstCodec::default())
                        .unary(method, request)
                        .await
                }
                PUSH_CHART => {
                    let method = tower::service_fn(move |call: Request<Chart>| {
                        let charts = Arc::clone(&charts);
                        async move {
                            let id = request_id(&call);
                            charts.reply(id, charts.push_chart(call.into_inner()).await)
                        }
                    });
                    tonic::server::Grpc::new(ProstCodec::default())
                        .unary(method, request)
                        .await
                }
                path => Status::unimplemented(format!("no method {path}")).into_http(),
            };
            Ok(response)
        })
    }
}

// ---- The client: every failure read back as a `RemoteError`. ----

/// A failed call: the gRPC code, and the error read from the status.
struct Failure {
    grpc: tonic::Code,
    error: RemoteError,
}

/// A client of `charts.Charts`.
struct ChartsClient {
    grpc: tonic::client::Grpc<Channel>,
}

impl ChartsClient {
    async fn call<In, Out>(
        &mut self,
        path: &'static str,
        message: In,
        id: &str,
    ) -> Result<Out, Failure>
    where
        In: prost::Message + Send + Sync + 'static,
        Out: prost::Message + Default + Send + Sync + 'static,
    {
        let mut request = Request::new(message);
        if let Ok(value) = id.parse() {
            request.metadata_mut().insert(X_REQUEST_ID, value);
        }
        let reply = match self.grpc.ready().await {
            Ok(()) => {
                let path = http::uri::PathAndQuery::from_static(path);
                self.grpc.unary(request, path, ProstCodec::default()).await
            }
            Err(err) => Err(Status::unavailable(err.to_string())),
        };
        reply.map(Response::into_inner).map_err(|status| Failure {
            grpc: status.code(),
            error: RemoteError::from_status(&status),
        })
    }

    async fn get_chart(&mut self, name: &str, id: &str) -> Result<Chart, Failure> {
        let request = GetChartRequest {
            name: name.to_owned(),
        };
        self.call(GET_CHART, request, id).await
    }

    async fn push_chart(&mut self, name: &str, version: &str, id: &str) -> Result<Chart, Failure> {
        let chart = Chart {
            name: name.to_owned(),
            version: version.to_owned(),
        };
        self.call(PUSH_CHART, chart, id).await
    }
}

/// How the client sees a failure: the typed error, and what the rich model added.
fn print_failure(failure: &Failure) {
    let err = &failure.error;
    println!("  gRPC code:   {:?}", failure.grpc);
    println!("  error:       {err}");
    match err.known_as::<ChartError>() {
        Some(ChartError::Stock(code)) => println!("  typed:       SwrCode::{code:?}"),
        Some(typed) => println!("  typed:       ChartError::{typed:?}"),
        // Variants with data have no value to rebuild; their code still says which one it was.
        None => println!("  typed:       code {}", err.code().unwrap_or("(none)")),
    }
    if let Some(detail) = err.detail() {
        println!("  detail:      {detail}");
    }
    if let Some(kind) = err.retry_kind() {
        let after = err
            .retry_after()
            .map_or("no delay given".to_owned(), |d| format!("after {d:?}"));
        println!("  retry:       {kind:?}, {after}");
    }
    if let Some(id) = err.request_id() {
        println!("  request id:  {id}");
    }
}

#[tokio::main]
async fn main() -> ExitCode {
    let listener = match tokio::net::TcpListener::bind("127.0.0.1:0").await {
        Ok(listener) => listener,
        Err(err) => {
            eprintln!("grpc: cannot listen on 127.0.0.1: {err}");
            return ExitCode::FAILURE;
        }
    };
    let addr = match listener.local_addr() {
        Ok(addr) => addr,
        Err(err) => {
            eprintln!("grpc: {err}");
            return ExitCode::FAILURE;
        }
    };
    let charts = Charts {
        errors: TonicOptions::new()
            .domain("charts.example.com")
            .retry_delay(RetryKind::Throttled, Duration::from_secs(2))
            .retry_delay(RetryKind::Busy, Duration::from_millis(500)),
    };
    let server = Server::builder()
        .add_service(ChartsServer(Arc::new(charts)))
        .serve_with_incoming(TcpIncoming::from(listener));
    tokio::spawn(async move {
        if let Err(err) = server.await {
            eprintln!("grpc: server failed: {err}");
        }
    });

    let channel = match Channel::from_shared(format!("http://{addr}")) {
        Ok(endpoint) => endpoint.connect().await,
        Err(err) => {
            eprintln!("grpc: bad address {addr}: {err}");
            return ExitCode::FAILURE;
        }
    };
    let mut client = match channel {
        Ok(channel) => ChartsClient {
            grpc: tonic::client::Grpc::new(channel),
        },
        Err(err) => {
            eprintln!("grpc: cannot connect to {addr}: {err}");
            return ExitCode::FAILURE;
        }
    };
    println!("charts.Charts on http://{addr}\n");

    let mut failures = 0;
    for (n, name) in ["nginx", "redis", "Bad_Name", "broken", "busy"]
        .iter()
        .enumerate()
    {
        let id = format!("call-{n}");
        println!("GetChart {name:?} ({id})");
        match client.get_chart(name, &id).await {
            Ok(chart) => println!("  ok:          {} {}", chart.name, chart.version),
            Err(err) => {
                failures += 1;
                print_failure(&err);
            }
        }
    }
    for (name, version) in [("nginx", "1.x"), ("nginx", "1.28.0")] {
        println!("PushChart {name:?} {version:?}");
        match client.push_chart(name, version, "call-push").await {
            Ok(chart) => println!("  ok:          {} {}", chart.name, chart.version),
            Err(err) => {
                failures += 1;
                print_failure(&err);
            }
        }
    }
    println!("\n{failures} calls failed, each read back as a RemoteError");
    ExitCode::SUCCESS
}
