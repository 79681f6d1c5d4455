//! The main job of `swr-errors`: a service declares its errors once, as an enum, and gets codes,
//! statuses, messages and the SWR JSON error bodies from it — checked at compile time.
//!
//! Run it with `cargo run --example service`.

use swr_errors::{SwrCode, SwrError};

/// The errors of a small chart-registry service.
#[derive(Debug, SwrError)]
pub enum ChartError {
    /// The chart does not exist.
    #[swr(code = "SVCSTG.CHARTS.4040001", status = 404)]
    ChartMissing,

    #[swr(
        code = "SVCSTG.CHARTS.4001001",
        status = 400,
        message = "Invalid tag {tag} for {repo}"
    )]
    BadTag { repo: String, tag: String },

    #[swr(
        code = "SVCSTG.CHARTS.5001002",
        status = 500,
        message = "Storage failed"
    )]
    #[swr(retry = "server_error")]
    Storage {
        #[swr(source)]
        cause: std::io::Error,
    },

    #[swr(code = "SVCSTG.CHARTS.4001003", status = 400, message = "Bad manifest")]
    BadManifest {
        #[swr(detail)]
        reason: String,
    },

    #[swr(
        code = "SVCSTG.CHARTS.4040004",
        status = 404,
        message = "Repository {0} not found"
    )]
    RepoMissing(String),

    /// Every stock SWR code, reused as it is.
    #[swr(transparent)]
    Stock(SwrCode),
}

fn main() {
    let errors = [
        ChartError::ChartMissing,
        ChartError::BadTag {
            repo: "library/nginx".into(),
            tag: "v1?".into(),
        },
        ChartError::Storage {
            cause: std::io::Error::other("disk quota exceeded"),
        },
        ChartError::BadManifest {
            reason: "layer 3: \"size\" is negative".into(),
        },
        ChartError::RepoMissing("charts/redis".into()),
        ChartError::Stock(SwrCode::TooManyRequests),
        SwrCode::OrganizationNotFound.into(),
    ];
    for error in &errors {
        println!("{} {} {}", error.status(), error.code(), error.message());
        if let Some(kind) = error.retry_kind() {
            println!("    retry: {kind:?}");
        }
        if let Some(source) = std::error::Error::source(error) {
            println!("    caused by: {source}");
        }
        println!("    {}", error.to_json());
    }

    // Clients turn a code back into a value.
    let code = "SVCSTG.SWR.4040010";
    match code.parse::<ChartError>() {
        Ok(found) => println!("\n{code} is {found:?}: {found}"),
        Err(unknown) => println!("\n{unknown}"),
    }
}
