use swr_errors::SwrError;

#[derive(Debug, SwrError)]
enum RegistryError {
    #[swr(code = "SVCSTG.MYSVC.4130001", status = 413, message = "Layer of {size:>8z} bytes is too large")]
    TooLarge { size: u64 },
}

fn main() {}
