use swr_errors::SwrError;

#[derive(Debug, SwrError)]
enum RegistryError {
    /// The chart does not exist.
    #[swr]
    ChartMissing,
    /// The tag is invalid.
    #[swr = "SVCSTG.MYSVC.4001001"]
    BadTag,
}

fn main() {}
