use swr_errors::{SwrCode, SwrError};

/// A lifetime parameter does not hide the stock codes from the check.
#[derive(Debug, SwrError)]
pub enum Borrowing<'a> {
    #[swr(code = "SVCSTG.SWR.4040010", status = 404, message = "image {0} missing")]
    Missing(&'a str),
    #[swr(transparent)]
    Stock(SwrCode),
}

fn main() {}
