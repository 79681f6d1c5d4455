use swr_errors::SwrError;

#[derive(Debug, SwrError)]
enum RegistryError {
    #[swr(code = "SVCSTG.MYSVC.4000001", status = 400, message = "Invalid tag {tag} for {repo}")]
    BadTag { repository: String, tag: String },
    #[swr(code = "SVCSTG.MYSVC.4040002", status = 404, message = "Repository {1} not found")]
    RepoMissing(String),
    #[swr(code = "SVCSTG.MYSVC.4040003", status = 404, message = "Chart {name} not found")]
    ChartMissing,
    #[swr(code = "SVCSTG.MYSVC.4040004", status = 404, message = "Layer {2} of {0}")]
    LayerMissing(String, u32),
}

fn main() {}
