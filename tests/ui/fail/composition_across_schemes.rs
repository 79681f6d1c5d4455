use swr_errors::SwrError;

#[derive(Debug, SwrError)]
#[swr(codes = "name")]
pub enum OciError {
    /// manifest unknown
    #[swr(code = "MANIFEST_UNKNOWN", status = 404)]
    ManifestUnknown,
}

#[derive(Debug, SwrError)]
#[swr(codes = "service")]
pub enum CloudError {
    /// The API does not exist.
    #[swr(code = "APIGW.0101", status = 404)]
    ApiMissing,
}

#[derive(Debug, SwrError)]
#[swr(codes = "name")]
pub enum Gateway {
    /// Re-declares a code of the wrapped `name` enum.
    #[swr(code = "MANIFEST_UNKNOWN", status = 404)]
    Unknown,
    #[swr(transparent)]
    Oci(OciError),
    #[swr(transparent)]
    Cloud(CloudError),
}

fn main() {}
