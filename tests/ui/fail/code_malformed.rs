use swr_errors::SwrError;

#[derive(Debug, SwrError)]
enum RegistryError {
    /// Lower-case service.
    #[swr(code = "SVCSTG.mysvc.4040001", status = 404)]
    LowerCase,
    /// Six digits.
    #[swr(code = "SVCSTG.MYSVC.404001", status = 404)]
    SixDigits,
    /// Wrong prefix.
    #[swr(code = "SWR.MYSVC.4040003", status = 404)]
    WrongPrefix,
    /// Empty.
    #[swr(code = "", status = 404)]
    Empty,
}

fn main() {}
