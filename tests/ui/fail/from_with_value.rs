use swr_errors::SwrError;

#[derive(Debug, SwrError)]
enum StoreError {
    #[swr(code = "SVCSTG.MYSVC.5001001", status = 500, message = "Read failed")]
    Read(#[swr(from = true)] std::io::Error),
}

fn main() {}
