use swr_errors::SwrError;

struct Tag(String);

#[derive(Debug, SwrError)]
#[swr(codes = "name", format = "oci")]
enum RegistryError {
    #[swr(code = "MANIFEST_UNKNOWN", status = 404, message = "manifest unknown")]
    ManifestUnknown {
        #[swr(detail = "json")]
        tag: Tag,
    },
}

impl std::fmt::Debug for Tag {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

fn main() {}
