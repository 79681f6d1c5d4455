use swr_errors::SwrError;

#[derive(Debug, SwrError)]
enum RegistryError {
    /// The chart does not exist.
    #[swr(code = "SVCSTG.MYSVC.4040001", status = 404)]
    ChartMissing,
    /// The tag does not exist.
    #[swr(code = "SVCSTG.MYSVC.4040002", status = 404)]
    TagMissing,
    /// The repository does not exist.
    #[swr(code = "SVCSTG.MYSVC.4040001", status = 404)]
    RepoMissing,
    /// The image does not exist.
    #[swr(code = "SVCSTG.MYSVC.4040001", status = 404)]
    ImageMissing,
}

fn main() {}
