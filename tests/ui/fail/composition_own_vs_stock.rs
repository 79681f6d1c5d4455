use swr_errors::{SwrCode, SwrError};

#[derive(Debug, SwrError)]
enum RegistryError {
    /// The chart does not exist.
    #[swr(code = "SVCSTG.MYSVC.4040001", status = 404)]
    ChartMissing,
    /// The image does not exist (again).
    #[swr(code = "SVCSTG.SWR.4040010", status = 404)]
    ImageMissing,
    #[swr(transparent)]
    Stock(SwrCode),
}

fn main() {}
