use swr_errors::SwrError;

#[derive(Debug, SwrError)]
enum RegistryError {
    /// The chart does not exist.
    #[swr("SVCSTG.MYSVC.4040001", status = 404)]
    ChartMissing,
    /// The tag is invalid.
    #[swr(code = "SVCSTG.MYSVC.4000002", status = 400)]
    BadTag,
}

fn main() {}
