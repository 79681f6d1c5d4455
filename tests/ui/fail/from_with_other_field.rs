use swr_errors::SwrError;

#[derive(Debug, SwrError)]
enum StoreError {
    #[swr(code = "SVCSTG.MYSVC.5001001", status = 500, message = "Storage failed for {path}")]
    Storage {
        path: String,
        #[swr(from)]
        cause: std::io::Error,
    },
}

fn main() {}
