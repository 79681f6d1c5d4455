use swr_errors::SwrError;

#[derive(Debug, SwrError)]
#[swr(codes = "service")]
enum CloudError {
    /// No dot.
    #[swr(code = "APIGW0101", status = 404)]
    NoDot,
    /// A dash for the dot.
    #[swr(code = "APIGW-0101", status = 404)]
    Dash,
    /// A hyphenated service.
    #[swr(code = "CCE-ADDONMGR.0001", status = 400)]
    Hyphen,
    /// A letter among the digits.
    #[swr(code = "IAM.00l1", status = 401)]
    Letter,
    /// Two dots.
    #[swr(code = "CCI..409101", status = 409)]
    TwoDots,
    /// A trailing dot.
    #[swr(code = "CCI.02.", status = 409)]
    TrailingDot,
    /// A default-scheme code.
    #[swr(code = "SVCSTG.SWR.4040010", status = 404)]
    SvcstgShaped,
    /// A name.
    #[swr(code = "NoSuchKey", status = 404)]
    NameShaped,
    /// Status out of range: no status is implied, but the range holds.
    #[swr(code = "APIGW.0200", status = 200)]
    NotAnError,
}

fn main() {}
