use swr_errors::SwrError;

/// A service enum without `#[swr(kind)]`.
#[derive(Debug, SwrError)]
enum ChartError {
    /// The chart does not exist.
    #[swr(code = "SVCSTG.CHART.4040001", status = 404)]
    ChartMissing,
}

#[derive(Debug, SwrError)]
#[swr(kind)]
enum GatewayError {
    /// The gateway timed out.
    #[swr(code = "SVCSTG.GATE.5040001", status = 504)]
    Timeout,
    #[swr(transparent)]
    Chart(ChartError),
}

fn main() {}
