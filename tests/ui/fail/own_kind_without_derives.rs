//! `kind = "Self"` on an enum without `Clone`, `Copy`, `Eq` and `Hash`: each missing derive is
//! reported once, on the `kind` key.

use swr_errors::{Kinded, SwrError};

#[derive(Debug, SwrError)]
#[swr(kind = "Self")]
enum ChartCode {
    /// The chart does not exist.
    #[swr(code = "SVCSTG.CHART.4040001", status = 404)]
    ChartMissing,
}

fn main() {
    let _ = ChartCode::ChartMissing.kind();
}
