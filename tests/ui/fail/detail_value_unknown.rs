use swr_errors::SwrError;

#[derive(Debug, SwrError)]
#[swr(codes = "name", format = "oci")]
enum RegistryError {
    #[swr(code = "MANIFEST_UNKNOWN", status = 404, message = "manifest unknown")]
    ManifestUnknown {
        #[swr(detail = "yaml")]
        tag: String,
    },
}

fn main() {}
