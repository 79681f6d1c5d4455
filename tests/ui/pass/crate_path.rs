// The `crate` attribute: the derive names everything through the given path instead of
// `::swr_errors`, for a renamed dependency or a re-export.

extern crate swr_errors as renamed;

mod reexport {
    pub mod errors {
        pub use swr_errors as swr;
    }
}

use renamed::SwrError;

#[derive(Debug, SwrError)]
#[swr(crate = "renamed")]
enum ThroughRenamed {
    /// The chart does not exist.
    #[swr(code = "SVCSTG.MYSVC.4040001", status = 404)]
    ChartMissing,
    #[swr(transparent)]
    Stock(renamed::SwrCode),
}

#[derive(Debug, SwrError)]
#[swr(crate = "crate::reexport::errors::swr")]
enum ThroughReexport {
    #[swr(code = "SVCSTG.MYSVC.4000002", status = 400, message = "Invalid tag {0}")]
    BadTag(String),
    #[swr(transparent)]
    Inner(ThroughRenamed),
}

fn main() {
    assert_eq!(ThroughRenamed::ChartMissing.status(), 404);
    assert_eq!(ThroughReexport::BadTag("v1".into()).to_string(), "Invalid tag v1");
    let err = ThroughReexport::from(ThroughRenamed::ChartMissing);
    assert_eq!(err.code(), "SVCSTG.MYSVC.4040001");
    assert!("SVCSTG.SWR.4040010".parse::<ThroughReexport>().is_ok());
}
