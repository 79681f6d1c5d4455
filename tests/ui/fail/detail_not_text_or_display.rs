use swr_errors::SwrError;

#[derive(Debug)]
struct Report {
    lines: Vec<String>,
}

#[derive(Debug, SwrError)]
enum RegistryError {
    /// The manifest is invalid.
    #[swr(code = "SVCSTG.MYSVC.4000001", status = 400)]
    BadManifest {
        #[swr(detail)]
        report: Report,
    },
}

fn main() {}
