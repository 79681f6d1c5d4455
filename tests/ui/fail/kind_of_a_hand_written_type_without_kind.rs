//! A kind enum over a hand-written error without `Kinded`: said as a missing kind. Not one error:
//! every item that names the kind enum's field repeats it (only derived enums carry the `KindOf`
//! that keeps a missing kind to one error).

use std::borrow::Cow;
use swr_errors::SwrError;

#[derive(Debug)]
struct Upstream;

impl SwrError for Upstream {
    fn code(&self) -> &'static str {
        "SVCSTG.UP.5000001"
    }
    fn status(&self) -> u16 {
        500
    }
    fn message(&self) -> Cow<'static, str> {
        Cow::Borrowed("Upstream failed")
    }
}

#[derive(Debug, SwrError)]
#[swr(kind)]
enum GatewayError {
    /// The gateway timed out.
    #[swr(code = "SVCSTG.GATE.5040001", status = 504)]
    Timeout,
    #[swr(transparent)]
    Up(Upstream),
}

impl std::fmt::Display for Upstream {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Upstream failed")
    }
}

impl std::error::Error for Upstream {}

impl swr_errors::Catalogue for Upstream {
    const CODES: &'static [swr_errors::CodeInfo] = &[];
}

fn main() {}
