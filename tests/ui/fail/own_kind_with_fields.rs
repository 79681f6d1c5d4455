//! `kind = "Self"` on an enum whose variants carry fields: a kind has none.

use swr_errors::{Kinded, SwrError};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, SwrError)]
#[swr(kind = "Self")]
enum ChartCode {
    /// The chart does not exist.
    #[swr(code = "SVCSTG.CHART.4040001", status = 404)]
    ChartMissing,
    /// The chart's tag is bad.
    #[swr(code = "SVCSTG.CHART.4000001", status = 400)]
    BadTag { tag: &'static str },
    #[swr(transparent)]
    Stock(swr_errors::SwrCode),
}

fn main() {
    let _ = ChartCode::ChartMissing.kind();
}
