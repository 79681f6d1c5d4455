use swr_errors::SwrError;

#[derive(Debug, SwrError)]
enum RegistryError {
    /// The chart does not exist.
    #[swr(code = "SVCSTG.MYSVC.4040001", status = "404")]
    ChartMissing,
    /// The tag is invalid.
    #[swr(code = "SVCSTG.MYSVC.4000002", status = 400i32)]
    BadTag,
    /// The storage failed.
    #[swr(code = "SVCSTG.MYSVC.5000003", status = -500)]
    Storage,
    /// The quota is exceeded.
    #[swr(code = "SVCSTG.MYSVC.4030004", status = 403.0)]
    Quota,
}

fn main() {}
