use swr_errors::{SwrCode, SwrError};

#[derive(Debug, SwrError)]
enum RegistryError {
    #[swr(transparent)]
    Stock(SwrCode, String),
    #[swr(transparent)]
    Nothing,
    #[swr(transparent)]
    Empty {},
}

fn main() {}
