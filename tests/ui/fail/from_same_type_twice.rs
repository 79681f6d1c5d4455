use swr_errors::SwrError;

#[derive(Debug, SwrError)]
enum StoreError {
    #[swr(code = "SVCSTG.MYSVC.5001001", status = 500, message = "Read failed")]
    Read(#[swr(from)] std::io::Error),
    #[swr(code = "SVCSTG.MYSVC.5001002", status = 500, message = "Write failed")]
    Write(#[swr(source, from)] std::io::Error),
}

fn main() {}
