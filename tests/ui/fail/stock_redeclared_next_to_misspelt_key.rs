use swr_errors::{SwrCode, SwrError};

#[derive(Debug, SwrError)]
enum RegistryError {
    /// The chart does not exist.
    #[swr(code = "SVCSTG.MYSVC.4040001", stauts = 404)]
    ChartMissing,
    /// The organization is gone.
    #[swr(code = "SVCSTG.SWR.4040058", status = 404)]
    OrgGone,
    #[swr(transparent)]
    Stock(SwrCode),
}

fn main() {}
