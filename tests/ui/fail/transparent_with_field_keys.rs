use swr_errors::{SwrCode, SwrError};

#[derive(Debug, SwrError)]
enum RegistryError {
    #[swr(transparent)]
    Stock(#[swr(source, detail)] SwrCode),
}

fn main() {}
