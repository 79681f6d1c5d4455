//! One misspelt key in an enum without a kind and one in an enum that is its own kind, both
//! wrapped and used: two mistakes, two errors.

use swr_errors::{Kinded, SwrError};

#[derive(Debug, SwrError)]
enum ChartError {
    /// The chart does not exist.
    #[swr(code = "SVCSTG.CHART.4040001", stauts = 404)]
    ChartMissing,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, SwrError)]
#[swr(kind = "Self")]
enum TagCode {
    /// The tag is bad.
    #[swr(code = "SVCSTG.TAG.4000001", stauts = 400)]
    BadTag,
}

#[derive(Debug, SwrError)]
#[swr(kind)]
enum GatewayError {
    /// The gateway timed out.
    #[swr(code = "SVCSTG.GATE.5040001", status = 504)]
    Timeout,
    #[swr(transparent)]
    Tag(TagCode),
}

#[derive(Debug, SwrError)]
enum PlainError {
    #[swr(transparent)]
    Chart(ChartError),
}

fn main() {
    let _: TagCode = TagCode::BadTag.kind();
    let _: TagCode = Kinded::kind(&TagCode::BadTag);
    let _ = GatewayError::Tag(TagCode::BadTag).kind();
    let _ = PlainError::Chart(ChartError::ChartMissing).code();
}
