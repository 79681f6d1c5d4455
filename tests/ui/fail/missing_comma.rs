use swr_errors::SwrError;

#[derive(Debug, SwrError)]
enum RegistryError {
    /// The chart does not exist.
    #[swr(code = "SVCSTG.MYSVC.4040001" status = 404)]
    ChartMissing,
    #[swr(transparent message = "Stock")]
    Stock(swr_errors::SwrCode),
}

fn main() {}
