use swr_errors::SwrError;

#[derive(Debug, SwrError)]
enum RegistryError {
    #[swr(code = "SVCSTG.MYSVC.4040001", status = 404, message = ChartMissing)]
    ChartMissing,
    #[swr(code = "SVCSTG.MYSVC.4000002", status = 400, message = b"Bad tag")]
    BadTag,
}

fn main() {}
