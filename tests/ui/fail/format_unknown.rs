use swr_errors::SwrError;

#[derive(Debug, SwrError)]
#[swr(codes = "name", format = "xml")]
enum RegistryError {
    /// manifest unknown
    #[swr(code = "MANIFEST_UNKNOWN", status = 404)]
    ManifestUnknown,
}

fn main() {}
