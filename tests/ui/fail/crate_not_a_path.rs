use swr_errors::SwrError;

#[derive(Debug, SwrError)]
#[swr(crate = "swr errors")]
enum RegistryError {
    /// The chart does not exist.
    #[swr(code = "SVCSTG.MYSVC.4040001", status = 404)]
    ChartMissing,
}

fn main() {}
