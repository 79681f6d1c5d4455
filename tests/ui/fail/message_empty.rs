use swr_errors::SwrError;

#[derive(Debug, SwrError)]
enum RegistryError {
    #[swr(code = "SVCSTG.MYSVC.4040001", status = 404, message = "")]
    ChartMissing,
    /// The doc comment does not stand in for an empty message.
    #[swr(code = "SVCSTG.MYSVC.4040002", status = 404, message = "  ")]
    TagMissing,
}

fn main() {}
