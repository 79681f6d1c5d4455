//! thiserror's `#[from]` on a transparent field: thiserror writes `From`, the derive does not.

use swr_errors::{SwrCode, SwrError};

#[derive(Debug, thiserror::Error, SwrError)]
pub enum RegistryError {
    #[error(transparent)]
    #[swr(transparent)]
    Stock(#[from] SwrCode),
}

fn main() {
    let err: RegistryError = SwrCode::ImageNotFound.into();
    assert_eq!(err.code(), "SVCSTG.SWR.4040010");
}
