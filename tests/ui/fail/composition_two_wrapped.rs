use swr_errors::{SwrCode, SwrError};

#[derive(Debug, SwrError)]
enum ChartError {
    /// The chart does not exist.
    #[swr(code = "SVCSTG.CHART.4040001", status = 404)]
    ChartMissing,
    /// The image does not exist.
    #[swr(code = "SVCSTG.SWR.4040010", status = 404)]
    ImageMissing,
}

#[derive(Debug, SwrError)]
enum RegistryError {
    #[swr(transparent)]
    Stock(SwrCode),
    #[swr(transparent)]
    Chart(ChartError),
}

fn main() {}
