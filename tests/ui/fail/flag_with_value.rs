use swr_errors::SwrError;

#[derive(Debug, SwrError)]
enum RegistryError {
    #[swr(transparent = true)]
    Stock(swr_errors::SwrCode),
    #[swr(code = "SVCSTG.MYSVC.5000002", status = 500, message = "Storage failed")]
    Storage {
        #[swr(source(io))]
        cause: std::io::Error,
    },
}

fn main() {}
