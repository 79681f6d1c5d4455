use swr_errors::SwrError;

#[derive(Debug, SwrError)]
#[swr(kind = "ChartError")]
enum ChartError {
    /// The chart does not exist.
    #[swr(code = "SVCSTG.MYSVC.4040001", status = 404)]
    ChartMissing,
}

#[derive(Debug, SwrError)]
#[swr(kind = "not an identifier")]
enum TagError {
    /// The tag does not exist.
    #[swr(code = "SVCSTG.MYSVC.4040002", status = 404)]
    TagMissing,
}

#[derive(Debug, SwrError)]
#[swr(kind(TagKind))]
enum RepoError {
    /// The repository does not exist.
    #[swr(code = "SVCSTG.MYSVC.4040003", status = 404)]
    RepoMissing,
}

// With fields, it cannot be its own kind: no `kind = "Self"` suggested.
#[derive(Debug, SwrError)]
#[swr(kind = "BlobError")]
enum BlobError {
    #[swr(code = "SVCSTG.MYSVC.4040004", status = 404, message = "Blob {0} not found")]
    BlobMissing(String),
}

fn main() {}
