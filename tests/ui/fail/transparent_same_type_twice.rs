use swr_errors::{SwrCode, SwrError};

#[derive(Debug, SwrError)]
pub enum RegistryError {
    #[swr(transparent)]
    Stock(SwrCode),
    #[swr(transparent)]
    Again(SwrCode),
}

fn main() {}
