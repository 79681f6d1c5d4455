use swr_errors::SwrError;

#[derive(Debug, SwrError)]
enum RegistryError {
    #[swr(code = "SVCSTG.MYSVC.4040001", status = 404)]
    ChartMissing,
    ///
    #[swr(code = "SVCSTG.MYSVC.4040002", status = 404)]
    TagMissing,
}

fn main() {}
