//! Every real code of each scheme compiles under it, and is found by its code.
use swr_errors::{SwrCode, SwrError};

#[derive(Debug, Clone, Copy, PartialEq, SwrError)]
enum Svcstg {
    /// Default scheme.
    #[swr(code = "SVCSTG.SWR.4040010", status = 404)]
    Classic,
    /// A hyphenated service.
    #[swr(code = "SVCSTG.CCE-ADDONMGR.4000003", status = 400)]
    Hyphenated,
    /// Dotted digits, status first.
    #[swr(code = "SVCSTG.ALS.403.105", status = 403)]
    Dotted,
}

#[derive(Debug, Clone, Copy, PartialEq, SwrError)]
#[swr(codes = "svcstg")]
enum SvcstgDeclared {
    /// Declared explicitly.
    #[swr(code = "SVCSTG.MYSVC.4040001", status = 404)]
    Declared,
}

#[derive(Debug, Clone, Copy, PartialEq, SwrError)]
#[swr(codes = "service")]
enum Service {
    /// Enterprise SWR.
    #[swr(code = "SWR.400003", status = 400)]
    Swr,
    /// API Gateway.
    #[swr(code = "APIGW.0101", status = 404)]
    Apigw,
    /// API Gateway, shared.
    #[swr(code = "APIG.0301", status = 404)]
    Apig,
    /// IAM.
    #[swr(code = "IAM.0011", status = 401)]
    Iam,
    /// ECS, mixed case.
    #[swr(code = "Ecs.0001", status = 404)]
    Ecs,
    /// CCE, eight digits.
    #[swr(code = "CCE.01400001", status = 400)]
    Cce,
    /// CCE config maps.
    #[swr(code = "CCE_CM.0004", status = 404)]
    CceCm,
    /// CCI, dotted groups.
    #[swr(code = "CCI.02.409101", status = 409)]
    Cci,
    #[swr(transparent)]
    Stock(SwrCode),
}

#[derive(Debug, Clone, Copy, PartialEq, SwrError)]
#[swr(codes = "name")]
enum Name {
    /// OCI.
    #[swr(code = "MANIFEST_UNKNOWN", status = 404)]
    ManifestUnknown,
    /// OCI throttling.
    #[swr(code = "TOOMANYREQUESTS", status = 429)]
    TooManyRequests,
    /// OBS.
    #[swr(code = "NoSuchKey", status = 404)]
    NoSuchKey,
}

fn main() {
    assert_eq!(Svcstg::from_code("SVCSTG.ALS.403.105"), Some(Svcstg::Dotted));
    assert_eq!(SvcstgDeclared::Declared.status(), 404);
    assert_eq!(Service::from_code("CCI.02.409101"), Some(Service::Cci));
    assert_eq!(
        Service::from_code("SVCSTG.SWR.4040010"),
        Some(Service::Stock(SwrCode::ImageNotFound))
    );
    assert_eq!(Name::from_code("NoSuchKey"), Some(Name::NoSuchKey));
}
