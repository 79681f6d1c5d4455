//! gRPC both ways over a real tonic channel on 127.0.0.1: errors become `tonic::Status`es with
//! Google's rich error model on the server, and `RemoteError::from_status` reads them back on
//! the client.
//!
//! The service is written by hand (prost messages, tonic's generic `Grpc` server and client with
//! `tonic_prost::ProstCodec`), so the test needs no `protoc`. It has one method, `Fail`, whose
//! request names the error to fail with.

use std::convert::Infallible;
use std::future::Future;
use std::io;
use std::pin::Pin;
use std::task::{Context, Poll};
use std::time::Duration;

use swr_errors::tonic::{grpc_code, TonicOptions};
use swr_errors::{RemoteError, RetryKind, SwrCode, SwrError};
use tonic::transport::server::TcpIncoming;
use tonic::transport::{Channel, Server};
use tonic::{Code, Status};
use tonic_prost::ProstCodec;
use tonic_types::{ErrorDetails, StatusExt};

/// One variant per row of the mapping table in `swr_errors::tonic`'s docs.
#[derive(Debug, SwrError)]
enum Table {
    #[swr(code = "SVCSTG.GRPC.4000001", status = 400, message = "bad request")]
    BadRequest,
    #[swr(
        code = "SVCSTG.GRPC.4010001",
        status = 401,
        message = "unauthenticated"
    )]
    Unauthorized,
    #[swr(code = "SVCSTG.GRPC.4030001", status = 403, message = "forbidden")]
    Forbidden,
    #[swr(
        code = "SVCSTG.GRPC.4030002",
        status = 403,
        message = "throttled",
        retry = "throttled"
    )]
    Throttled,
    #[swr(code = "SVCSTG.GRPC.4040001", status = 404, message = "not found")]
    NotFound,
    #[swr(
        code = "SVCSTG.GRPC.4050001",
        status = 405,
        message = "method not allowed"
    )]
    MethodNotAllowed,
    #[swr(code = "SVCSTG.GRPC.4060001", status = 406, message = "not acceptable")]
    NotAcceptable,
    #[swr(
        code = "SVCSTG.GRPC.4080001",
        status = 408,
        message = "request timeout"
    )]
    RequestTimeout,
    #[swr(code = "SVCSTG.GRPC.4090001", status = 409, message = "exists")]
    Conflict,
    #[swr(
        code = "SVCSTG.GRPC.4090002",
        status = 409,
        message = "busy",
        retry = "busy"
    )]
    Busy,
    #[swr(code = "SVCSTG.GRPC.4100001", status = 410, message = "gone")]
    Gone,
    #[swr(
        code = "SVCSTG.GRPC.4120001",
        status = 412,
        message = "precondition failed"
    )]
    PreconditionFailed,
    #[swr(code = "SVCSTG.GRPC.4130001", status = 413, message = "too large")]
    TooLarge,
    #[swr(code = "SVCSTG.GRPC.4160001", status = 416, message = "range")]
    Range,
    #[swr(code = "SVCSTG.GRPC.4180001", status = 418, message = "teapot")]
    OtherClientError,
    #[swr(code = "SVCSTG.GRPC.4220001", status = 422, message = "unprocessable")]
    Unprocessable,
    #[swr(
        code = "SVCSTG.GRPC.4280001",
        status = 428,
        message = "precondition required"
    )]
    PreconditionRequired,
    #[swr(
        code = "SVCSTG.GRPC.4290001",
        status = 429,
        message = "too many requests"
    )]
    TooManyRequests,
    #[swr(code = "SVCSTG.GRPC.4990001", status = 499, message = "client closed")]
    ClientClosed,
    #[swr(code = "SVCSTG.GRPC.5000001", status = 500, message = "internal")]
    Internal,
    #[swr(
        code = "SVCSTG.GRPC.5000002",
        status = 500,
        message = "internal, retry",
        retry = "server_error"
    )]
    InternalRetryable,
    #[swr(
        code = "SVCSTG.GRPC.5000003",
        status = 500,
        message = "busy server",
        retry = "busy"
    )]
    BusyServer,
    #[swr(
        code = "SVCSTG.GRPC.5010001",
        status = 501,
        message = "not implemented"
    )]
    NotImplemented,
    #[swr(code = "SVCSTG.GRPC.5020001", status = 502, message = "bad gateway")]
    BadGateway,
    #[swr(code = "SVCSTG.GRPC.5030001", status = 503, message = "unavailable")]
    Unavailable,
    #[swr(
        code = "SVCSTG.GRPC.5040001",
        status = 504,
        message = "gateway timeout"
    )]
    GatewayTimeout,
    #[swr(code = "SVCSTG.GRPC.5050001", status = 505, message = "version")]
    OtherServerError,
    #[swr(
        code = "SVCSTG.GRPC.5070001",
        status = 507,
        message = "insufficient storage"
    )]
    InsufficientStorage,
}

/// The table of the docs, written out: each row's expected gRPC code.
const EXPECTED: &[(Table, Code)] = &[
    (Table::BadRequest, Code::InvalidArgument),
    (Table::Unauthorized, Code::Unauthenticated),
    (Table::Forbidden, Code::PermissionDenied),
    (Table::Throttled, Code::ResourceExhausted),
    (Table::NotFound, Code::NotFound),
    (Table::MethodNotAllowed, Code::Unimplemented),
    (Table::NotAcceptable, Code::FailedPrecondition),
    (Table::RequestTimeout, Code::DeadlineExceeded),
    (Table::Conflict, Code::AlreadyExists),
    (Table::Busy, Code::Aborted),
    (Table::Gone, Code::NotFound),
    (Table::PreconditionFailed, Code::FailedPrecondition),
    (Table::TooLarge, Code::InvalidArgument),
    (Table::Range, Code::OutOfRange),
    (Table::OtherClientError, Code::InvalidArgument),
    (Table::Unprocessable, Code::InvalidArgument),
    (Table::PreconditionRequired, Code::FailedPrecondition),
    (Table::TooManyRequests, Code::ResourceExhausted),
    (Table::ClientClosed, Code::Cancelled),
    (Table::Internal, Code::Internal),
    (Table::InternalRetryable, Code::Internal),
    (Table::BusyServer, Code::Unavailable),
    (Table::NotImplemented, Code::Unimplemented),
    (Table::BadGateway, Code::Unavailable),
    (Table::Unavailable, Code::Unavailable),
    (Table::GatewayTimeout, Code::DeadlineExceeded),
    (Table::OtherServerError, Code::Internal),
    (Table::InsufficientStorage, Code::ResourceExhausted),
];

/// Errors with data: a detail, and a source that must never reach the client.
#[derive(Debug, SwrError)]
enum WithData {
    #[swr(code = "SVCSTG.GRPC.4000101", status = 400, message = "Bad manifest")]
    BadManifest {
        #[swr(detail)]
        reason: String,
    },
    #[swr(
        code = "SVCSTG.GRPC.4000102",
        status = 400,
        message = "Invalid tag {tag}"
    )]
    BadTag { tag: String },
    #[swr(code = "SVCSTG.GRPC.5000101", status = 500, message = "Storage failed")]
    Storage {
        #[swr(source)]
        cause: io::Error,
    },
}

const SECRET: &str = "/srv/secret/volume-7 is read-only";

/// The request of `Fail`: what to fail with. `kind` picks the error's family, `code` the error.
#[derive(Clone, PartialEq, prost::Message)]
struct FailRequest {
    #[prost(string, tag = "1")]
    kind: String,
    #[prost(string, tag = "2")]
    code: String,
}

/// The response of `Fail`, never sent: every call fails.
#[derive(Clone, PartialEq, prost::Message)]
struct Empty {}

const PATH: &str = "/swrtest.Errors/Fail";

/// The handler: the error the request names, as the `Status` the server sends.
async fn fail(request: tonic::Request<FailRequest>) -> Result<tonic::Response<Empty>, Status> {
    let FailRequest { kind, code } = request.into_inner();
    let unknown = || Status::internal(format!("no such case {kind}/{code}"));
    match kind.as_str() {
        // `From<E> for Status`: a handler's `?` does the same.
        "table" => Err(Table::from_code(&code).ok_or_else(unknown)?.into()),
        "stock" => Err(SwrCode::from_code(&code).ok_or_else(unknown)?.into()),
        "detail" => Err(WithData::BadManifest { reason: code }.into()),
        "message" => Err(WithData::BadTag { tag: code }.into()),
        "source" => Err(WithData::Storage {
            cause: io::Error::new(io::ErrorKind::PermissionDenied, SECRET),
        }
        .into()),
        // The app's options and a request id.
        "options" => {
            let options = TonicOptions::new()
                .domain("charts.example.com")
                .retry_delay(RetryKind::Throttled, Duration::from_millis(1500))
                .retry_delay(RetryKind::Busy, Duration::from_millis(250));
            let error = SwrCode::from_code(&code).ok_or_else(unknown)?;
            Err(error
                .response()
                .with_request_id("req-42")
                .into_status_with(&options))
        }
        // Statuses this crate did not build.
        "plain" => Err(Status::unavailable("draining")),
        "foreign" => {
            let details = ErrorDetails::with_error_info(
                "RATE_LIMIT_EXCEEDED",
                "googleapis.com",
                [("quota".to_owned(), "reads".to_owned())],
            );
            Err(Status::with_error_details(
                Code::ResourceExhausted,
                "Quota exceeded",
                details,
            ))
        }
        _ => Err(unknown()),
    }
}

/// The hand-written server side of the one-method service.
#[derive(Clone)]
struct ErrorsServer;

impl tonic::server::NamedService for ErrorsServer {
    const NAME: &'static str = "swrtest.Errors";
}

type BoxFuture<T> = Pin<Box<dyn Future<Output = Result<T, Infallible>> + Send>>;

impl tower_service::Service<http::Request<tonic::body::Body>> for ErrorsServer {
    type Response = http::Response<tonic::body::Body>;
    type Error = Infallible;
    type Future = BoxFuture<Self::Response>;

    fn poll_ready(&mut self, _: &mut Context<'_>) -> Poll<Result<(), Infallible>> {
        Poll::Ready(Ok(()))
    }

    fn call(&mut self, request: http::Request<tonic::body::Body>) -> Self::Future {
        Box::pin(async move {
            if request.uri().path() != PATH {
                return Ok(Status::unimplemented(request.uri().path().to_owned()).into_http());
            }
            let mut grpc = tonic::server::Grpc::new(ProstCodec::<Empty, FailRequest>::default());
            Ok(grpc.unary(Fail, request).await)
        })
    }
}

/// `fail` as tonic's unary service.
struct Fail;

impl tonic::server::UnaryService<FailRequest> for Fail {
    type Response = Empty;
    type Future = Pin<Box<dyn Future<Output = Result<tonic::Response<Empty>, Status>> + Send>>;

    fn call(&mut self, request: tonic::Request<FailRequest>) -> Self::Future {
        Box::pin(fail(request))
    }
}

/// A client of the server on a fresh 127.0.0.1 port.
struct Client {
    grpc: tonic::client::Grpc<Channel>,
}

impl Client {
    async fn start() -> Client {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        tokio::spawn(
            Server::builder()
                .add_service(ErrorsServer)
                .serve_with_incoming(TcpIncoming::from(listener)),
        );
        let channel = Channel::from_shared(format!("http://{addr}"))
            .unwrap()
            .connect()
            .await
            .unwrap();
        Client {
            grpc: tonic::client::Grpc::new(channel),
        }
    }

    /// The `Status` the server answers for `kind`/`code`, as received over the channel.
    async fn fail(&mut self, kind: &str, code: &str) -> Status {
        self.grpc.ready().await.unwrap();
        let request = FailRequest {
            kind: kind.to_owned(),
            code: code.to_owned(),
        };
        let reply: Result<tonic::Response<Empty>, Status> = self
            .grpc
            .unary(
                tonic::Request::new(request),
                http::uri::PathAndQuery::from_static(PATH),
                ProstCodec::default(),
            )
            .await;
        reply.expect_err("every call fails")
    }
}

/// What every status built from `error` carries, read both with tonic-types and as a
/// `RemoteError`.
fn assert_rich(status: &Status, error: &dyn SwrError, domain: &str) {
    assert_eq!(status.message(), error.message());
    let details = status.check_error_details().expect("details decode");
    let info = details.error_info().expect("ErrorInfo");
    assert_eq!(info.reason, error.code());
    assert_eq!(info.domain, domain);
    assert_eq!(info.metadata["httpStatus"], error.status().to_string());
    assert_eq!(
        details.retry_info().is_some(),
        error.retry_kind().is_some(),
        "RetryInfo exactly for a code with a retry kind: {}",
        error.code()
    );

    let remote = RemoteError::from_status(status);
    assert_eq!(remote.code(), Some(error.code()));
    assert_eq!(remote.status(), error.status());
    assert_eq!(remote.message(), error.message());
    assert_eq!(remote.detail(), error.detail().as_deref());
}

#[tokio::test]
async fn every_row_of_the_mapping_table_crosses_the_channel() {
    let mut client = Client::start().await;
    for (error, expected) in EXPECTED {
        let status = client.fail("table", error.code()).await;
        assert_eq!(status.code(), *expected, "{}", error.code());
        assert_eq!(grpc_code(error), *expected, "{}", error.code());
        assert_rich(&status, error, "swr-errors");
        let remote = RemoteError::from_status(&status);
        assert_eq!(remote.request_id(), None);
        assert_eq!(remote.retry_after(), None);
    }
}

#[tokio::test]
async fn every_stock_code_crosses_the_channel_and_reads_back_as_itself() {
    let mut client = Client::start().await;
    for &code in SwrCode::ALL {
        let status = client.fail("stock", code.code()).await;
        assert_eq!(status.code(), grpc_code(&code), "{}", code.code());
        assert_rich(&status, &code, "swr-errors");
        let remote = RemoteError::from_status(&status);
        assert_eq!(remote.known(), Some(code));
        assert_eq!(remote.retry_kind(), code.retry_kind(), "{}", code.code());
    }
    // The catalogue's rows the table names.
    for (code, expected) in [
        (SwrCode::SystemBusy, Code::Aborted),
        (SwrCode::TooManyRequests, Code::ResourceExhausted),
        (SwrCode::ImageExists, Code::AlreadyExists),
        (SwrCode::RepositoryNotEmpty, Code::FailedPrecondition),
        (SwrCode::FileTooLarge, Code::InvalidArgument),
        (SwrCode::ObsServiceDisabled, Code::ResourceExhausted),
    ] {
        assert_eq!(client.fail("stock", code.code()).await.code(), expected);
    }
}

#[tokio::test]
async fn options_set_domain_retry_delay_and_request_id() {
    let mut client = Client::start().await;

    let status = client
        .fail("options", SwrCode::TooManyRequests.code())
        .await;
    assert_rich(&status, &SwrCode::TooManyRequests, "charts.example.com");
    let retry = status.get_details_retry_info().expect("RetryInfo");
    assert_eq!(retry.retry_delay, Some(Duration::from_millis(1500)));
    let info = status.get_details_error_info().unwrap();
    assert_eq!(info.metadata["requestId"], "req-42");
    let remote = RemoteError::from_status(&status);
    assert_eq!(remote.retry_after(), Some(Duration::from_millis(1500)));
    assert_eq!(remote.retry_kind(), Some(RetryKind::Throttled));
    assert_eq!(remote.request_id(), Some("req-42"));

    let status = client.fail("options", SwrCode::SystemBusy.code()).await;
    assert_eq!(status.code(), Code::Aborted);
    let remote = RemoteError::from_status(&status);
    assert_eq!(remote.retry_after(), Some(Duration::from_millis(250)));
    assert_eq!(remote.retry_kind(), Some(RetryKind::Busy));

    // No delay configured for server errors: `RetryInfo` still says the code may be retried.
    let status = client
        .fail("options", SwrCode::ApplicationDescriptionFetchFailed.code())
        .await;
    assert_eq!(status.code(), Code::Internal);
    let retry = status.get_details_retry_info().expect("RetryInfo");
    assert_eq!(retry.retry_delay, None);
    assert_eq!(RemoteError::from_status(&status).retry_after(), None);

    // Without a kind, no `RetryInfo`, whatever the options.
    let status = client.fail("options", SwrCode::ImageNotFound.code()).await;
    assert!(status.get_details_retry_info().is_none());
}

#[tokio::test]
async fn the_detail_travels_as_debug_info() {
    let mut client = Client::start().await;
    let reason = "layer 3: \"size\" < 0, é";
    let status = client.fail("detail", reason).await;
    assert_eq!(status.code(), Code::InvalidArgument);
    let debug = status.get_details_debug_info().expect("DebugInfo");
    assert_eq!(debug.detail, reason);
    assert!(debug.stack_entries.is_empty());
    let error = WithData::BadManifest {
        reason: reason.to_owned(),
    };
    assert_rich(&status, &error, "swr-errors");
    assert_eq!(RemoteError::from_status(&status).detail(), Some(reason));

    // No detail, no `DebugInfo`.
    let status = client.fail("stock", SwrCode::ImageNotFound.code()).await;
    assert!(status.get_details_debug_info().is_none());
}

#[tokio::test]
async fn a_long_detail_or_message_is_cut_and_the_status_still_arrives() {
    // Both texts travel in the trailers, which HTTP/2 peers limit to 16 KiB: uncut, a
    // 12,000-byte detail reached the client as `Internal` "h2 protocol error", without a code.
    let mut client = Client::start().await;
    let long = "é".repeat(10_000);
    let cut = &long[..swr_errors::tonic::MAX_TEXT_LEN];
    let status = client.fail("detail", &long).await;
    assert_eq!(status.code(), Code::InvalidArgument, "{}", status.message());
    assert_eq!(status.get_details_debug_info().unwrap().detail, cut);
    let remote = RemoteError::from_status(&status);
    assert_eq!(remote.code(), Some("SVCSTG.GRPC.4000101"));
    assert_eq!(remote.detail(), Some(cut));

    let status = client.fail("message", &long).await;
    assert_eq!(status.code(), Code::InvalidArgument, "{}", status.message());
    let remote = RemoteError::from_status(&status);
    assert_eq!(remote.code(), Some("SVCSTG.GRPC.4000102"));
    assert!(remote.message().starts_with("Invalid tag éé"));
    assert!(remote.message().len() <= swr_errors::tonic::MAX_TEXT_LEN);
}

#[tokio::test]
async fn sources_never_leave_the_server() {
    let error = WithData::Storage {
        cause: io::Error::other(SECRET),
    };
    assert!(std::error::Error::source(&error).is_some());
    let local = Status::from(error);
    assert!(std::error::Error::source(&local).is_none());

    let mut client = Client::start().await;
    let status = client.fail("source", "").await;
    assert_eq!(status.code(), Code::Internal);
    assert_eq!(status.message(), "Storage failed");
    assert!(std::error::Error::source(&status).is_none());
    let details = status.check_error_details().unwrap();
    assert!(details.debug_info().is_none());
    assert_eq!(details.error_info().unwrap().metadata.len(), 1);
    let secret = SECRET.as_bytes();
    assert!(!status.details().windows(secret.len()).any(|w| w == secret));
    for (name, value) in status.metadata().clone().into_headers().iter() {
        let value = value.as_bytes();
        assert!(!value.windows(secret.len()).any(|w| w == secret), "{name}");
    }
    let remote = RemoteError::from_status(&status);
    assert_eq!(remote.detail(), None);
    assert!(!remote.to_string().contains(SECRET));
}

#[tokio::test]
async fn a_foreign_status_is_kept() {
    let mut client = Client::start().await;

    let status = client.fail("plain", "").await;
    assert_eq!(status.code(), Code::Unavailable);
    let remote = RemoteError::from_status(&status);
    assert_eq!(remote.code(), None);
    assert_eq!(remote.known(), None);
    assert_eq!(remote.message(), "draining");
    assert_eq!(remote.status(), 503);
    assert_eq!(remote.detail(), None);
    assert_eq!(remote.retry_after(), None);
    assert_eq!(remote.retry_kind(), Some(RetryKind::Busy));
    assert_eq!(remote.to_string(), "HTTP 503: draining");

    // Another server's rich status: its reason is its code, the status comes from the gRPC code.
    let status = client.fail("foreign", "").await;
    let remote = RemoteError::from_status(&status);
    assert_eq!(remote.code(), Some("RATE_LIMIT_EXCEEDED"));
    assert_eq!(remote.known(), None);
    assert_eq!(remote.message(), "Quota exceeded");
    assert_eq!(remote.status(), 429);
    assert_eq!(remote.retry_kind(), Some(RetryKind::Throttled));

    // An unknown method: tonic's own status, read the same way.
    client.grpc.ready().await.unwrap();
    let reply: Result<tonic::Response<Empty>, Status> = client
        .grpc
        .unary(
            tonic::Request::new(Empty {}),
            http::uri::PathAndQuery::from_static("/swrtest.Errors/Nope"),
            ProstCodec::default(),
        )
        .await;
    let remote = RemoteError::from_status(&reply.unwrap_err());
    assert_eq!((remote.status(), remote.code()), (501, None));
}
