use swr_errors::SwrError;

#[derive(Debug, SwrError)]
enum RegistryError {
    /// Moved.
    #[swr(code = "SVCSTG.MYSVC.3010001", status = 301)]
    Moved,
    /// Beyond the error range.
    #[swr(code = "SVCSTG.MYSVC.6000002", status = 600)]
    Beyond,
    /// Not even a u16.
    #[swr(code = "SVCSTG.MYSVC.4040003", status = 70000)]
    Huge,
}

fn main() {}
