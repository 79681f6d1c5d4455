use swr_errors::SwrError;

#[derive(Debug, SwrError)]
#[swr(code = "SVCSTG.MYSVC.4040001")]
enum RegistryError {
    /// The chart does not exist.
    #[swr(code = "SVCSTG.MYSVC.4040001", status = 404, source)]
    ChartMissing,
    /// Storage failed.
    #[swr(code = "SVCSTG.MYSVC.5000002", status = 500)]
    Storage {
        #[swr(source, status = 500)]
        cause: std::io::Error,
    },
}

fn main() {}
