use swr_errors::{SwrCode, SwrError};

#[derive(Debug, SwrError)]
enum RegistryError {
    #[swr(transparent, code = "SVCSTG.MYSVC.4040001", status = 404, message = "Stock", retry = "busy")]
    Stock(SwrCode),
}

fn main() {}
