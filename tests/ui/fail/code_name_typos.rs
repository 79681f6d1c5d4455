use swr_errors::SwrError;

#[derive(Debug, SwrError)]
#[swr(codes = "name")]
enum OciError {
    /// Empty.
    #[swr(code = "", status = 404)]
    Empty,
    /// A leading underscore.
    #[swr(code = "_UNKNOWN", status = 404)]
    Underscore,
    /// A leading digit.
    #[swr(code = "404_UNKNOWN", status = 404)]
    Digit,
    /// A dash.
    #[swr(code = "MANIFEST-UNKNOWN", status = 404)]
    Dash,
    /// A non-ASCII letter.
    #[swr(code = "NoSuchKéy", status = 404)]
    NonAscii,
    /// A `service` code.
    #[swr(code = "APIGW.0101", status = 404)]
    ServiceShaped,
    /// A default-scheme code.
    #[swr(code = "SVCSTG.SWR.4040010", status = 404)]
    SvcstgShaped,
}

fn main() {}
