use swr_errors::{SwrCode, SwrError};

#[derive(Debug, SwrError)]
enum StoreError {
    /// Storage failed.
    #[swr(code = "SVCSTG.MYSVC.5001001", status = 500)]
    Storage,
    #[swr(transparent)]
    Stock(#[swr(from)] SwrCode),
}

fn main() {}
