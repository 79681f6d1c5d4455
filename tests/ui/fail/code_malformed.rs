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
    /// Dashes for dots.
    #[swr(code = "SVCSTG-MYSVC-4040005", status = 404)]
    Dashes,
    /// Lower-case prefix.
    #[swr(code = "svcstg.MYSVC.4040006", status = 404)]
    LowerPrefix,
    /// A dot too many.
    #[swr(code = "SVCSTG.MY.SVC.4040007", status = 404)]
    ThreeParts,
    /// A letter among the digits.
    #[swr(code = "SVCSTG.MYSVC.40400x8", status = 404)]
    NotDigits,
    /// Eight digits.
    #[swr(code = "SVCSTG.MYSVC.40400009", status = 404)]
    EightDigits,
}

fn main() {}
