use swr_errors::SwrError;

#[derive(Debug, SwrError)]
#[swr(codes = "Service")]
enum WrongCase {
    /// The API does not exist.
    #[swr(code = "APIGW.0101", status = 404)]
    ApiMissing,
}

#[derive(Debug, SwrError)]
#[swr(codes = "huawei")]
enum Unknown {
    /// The API does not exist.
    #[swr(code = "APIGW.0101", status = 404)]
    ApiMissing,
}

#[derive(Debug, SwrError)]
#[swr(codes = 3)]
enum NotAString {
    /// The API does not exist.
    #[swr(code = "APIGW.0101", status = 404)]
    ApiMissing,
}

fn main() {}
