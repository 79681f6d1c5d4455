use swr_errors::SwrError;

#[derive(Debug, SwrError)]
enum RegistryError {
    /// The storage failed.
    #[swr(code = "SVCSTG.MYSVC.5000001", status = 500)]
    Storage(#[swr(source)] std::io::Error, #[swr(source)] std::fmt::Error),
}

fn main() {}
