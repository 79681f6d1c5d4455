use swr_errors::SwrError;

#[derive(Debug, SwrError)]
enum RegistryError {
    /// The chart does not exist.
    #[swr(status = 404)]
    ChartMissing,
    /// The tag is invalid.
    BadTag,
}

fn main() {}
