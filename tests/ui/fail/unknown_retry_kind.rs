use swr_errors::SwrError;

#[derive(Debug, SwrError)]
enum RegistryError {
    /// The system is busy.
    #[swr(code = "SVCSTG.MYSVC.4090001", status = 409, retry = "later")]
    Busy,
}

fn main() {}
