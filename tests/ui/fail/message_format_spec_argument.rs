use swr_errors::SwrError;

#[derive(Debug, SwrError)]
enum RegistryError {
    #[swr(code = "SVCSTG.MYSVC.4130001", status = 413, message = "Layer of {size:>width$} bytes")]
    TooLarge { size: u64, width: usize },
    #[swr(code = "SVCSTG.MYSVC.4000002", status = 400, message = "Ratio {0:.*}")]
    BadRatio(f64),
}

fn main() {}
