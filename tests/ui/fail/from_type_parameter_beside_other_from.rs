use swr_errors::{SwrCode, SwrError};

#[derive(Debug, SwrError)]
enum BackendError<E: std::error::Error + 'static> {
    #[swr(code = "SVCSTG.BACK.5001001", status = 500, message = "Storage failed")]
    Storage(#[swr(from)] std::io::Error),
    #[swr(code = "SVCSTG.BACK.5001002", status = 500, message = "Backend failed")]
    Backend(#[swr(from)] E),
    #[swr(transparent)]
    Stock(SwrCode),
}

fn main() {}
