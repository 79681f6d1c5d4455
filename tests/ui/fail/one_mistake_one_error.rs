//! One misspelt key, in an enum used everywhere an error is: the misspelling is the only error.

use std::error::Error;

use axum::routing::get;
use axum::Router;
use swr_errors::{SwrError, SwrCode};

#[derive(Debug, SwrError)]
#[swr(kind)]
enum RegistryError {
    /// The bucket does not exist.
    #[swr(code = "SVCSTG.MYSVC.4040001", stauts = 404)]
    BucketMissing,
    #[swr(code = "SVCSTG.MYSVC.5000002", status = 500, message = "Storage failed")]
    Storage(#[swr(from)] std::io::Error),
    #[swr(transparent)]
    Stock(SwrCode),
}

async fn get_bucket() -> Result<String, RegistryError> {
    std::fs::read_to_string("/bucket")?;
    Err(RegistryError::BucketMissing)
}

fn uses(e: RegistryError) -> Result<(), Box<dyn Error>> {
    let _code: &str = e.code();
    let _text: String = e.to_string();
    let _kind: RegistryErrorKind = e.kind();
    let _parsed = "SVCSTG.MYSVC.4040001".parse::<RegistryError>()?;
    let _wrapped: RegistryError = SwrCode::ImageNotFound.into();
    Err(Box::new(e))
}

fn main() {
    let _app: Router = Router::new().route("/buckets/{name}", get(get_bucket));
    let _ = uses(RegistryError::BucketMissing);
}
