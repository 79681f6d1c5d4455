use swr_errors::{SwrCode, SwrError};

/// A service enum that wraps the stock catalogue.
#[derive(Debug, SwrError)]
enum ChartError {
    /// The chart does not exist.
    #[swr(code = "SVCSTG.CHART.4040001", status = 404)]
    ChartMissing,
    #[swr(transparent)]
    Stock(SwrCode),
}

/// Wraps `ChartError`, and so the stock codes too: its own code clashes with one of them.
#[derive(Debug, SwrError)]
enum GatewayError {
    /// Authentication failed at the gateway.
    #[swr(code = "SVCSTG.SWR.4010000", status = 401)]
    AuthFailed,
    #[swr(transparent)]
    Chart(ChartError),
}

fn main() {}
