use swr_errors::SwrError;

#[derive(Debug, SwrError)]
enum RegistryError {
    /// The manifest is invalid.
    #[swr(code = "SVCSTG.MYSVC.4000001", status = 400)]
    BadManifest {
        #[swr(detail)]
        reason: String,
        #[swr(detail)]
        layer: String,
    },
}

fn main() {}
