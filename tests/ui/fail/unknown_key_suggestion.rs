use swr_errors::SwrError;

#[derive(Debug, SwrError)]
#[swr(crat = "::swr_errors")]
enum RegistryError {
    /// The chart does not exist.
    #[swr(code = "SVCSTG.MYSVC.4040001", stauts = 404)]
    ChartMissing,
    #[swr(code = "SVCSTG.MYSVC.4000002", status = 400, mesage = "Bad tag")]
    BadTag {
        #[swr(detial)]
        reason: String,
    },
}

fn main() {}
