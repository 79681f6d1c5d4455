use swr_errors::SwrError;

#[derive(Debug, SwrError)]
#[swr(codes = "service")]
enum CloudError {
    /// The API does not exist.
    #[swr(code = "APIGW.0101", status = 404)]
    ApiMissing,
    /// The route does not exist.
    #[swr(code = "APIGW.0101", status = 404)]
    RouteMissing,
    /// Eight digits, found by their last seven.
    #[swr(code = "CCE.01400001", status = 400)]
    ClusterBusy,
    /// The same.
    #[swr(code = "CCE.01400001", status = 409)]
    ClusterLocked,
}

#[derive(Debug, SwrError)]
#[swr(codes = "name")]
enum OciError {
    /// manifest unknown
    #[swr(code = "MANIFEST_UNKNOWN", status = 404)]
    ManifestUnknown,
    /// manifest unknown, again
    #[swr(code = "MANIFEST_UNKNOWN", status = 404)]
    ManifestMissing,
}

#[derive(Debug, SwrError)]
enum AlsError {
    /// Read-only.
    #[swr(code = "SVCSTG.ALS.403.105", status = 403)]
    ReadOnly,
    /// Read-only, again.
    #[swr(code = "SVCSTG.ALS.403.105", status = 403)]
    Locked,
}

fn main() {}
