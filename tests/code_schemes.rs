//! `#[swr(codes = "...")]`: every real code of each scheme round-trips through the lookups, the
//! three body formats, the client side (`RemoteError::known_as`), tonic's `ErrorInfo.reason` and
//! the OpenAPI examples; and enums of different schemes compose through transparent variants.

use std::collections::BTreeSet;

use serde_json::Value;
use swr_errors::openapi::SwrResponses;
use swr_errors::{
    AllVariants, BodyFormat, Catalogue, DualErrorBody, ErrorBody, ProblemBody, RemoteError,
    SwrCode, SwrError, UnknownCode,
};
use tonic_types::StatusExt;
use utoipa::OpenApi;

/// The default scheme's new forms beside the classic one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, SwrError)]
#[swr(kind)]
enum AddonError {
    /// The add-on does not exist.
    #[swr(code = "SVCSTG.CCE-ADDONMGR.4000003", status = 400)]
    AddonBad,
    /// The log stream is read-only.
    #[swr(code = "SVCSTG.ALS.403.105", status = 403)]
    ReadOnly,
    /// The log group does not exist.
    #[swr(code = "SVCSTG.ALS.404.001", status = 404)]
    GroupMissing,
    /// The chart does not exist.
    #[swr(code = "SVCSTG.CCE_CM.4040001", status = 404)]
    ChartMissing,
}

/// Every `service` code of the table: seven trailing digits or not, either case, dotted groups.
#[derive(Debug, Clone, Copy, PartialEq, Eq, SwrError)]
#[swr(codes = "service")]
enum CloudError {
    /// Enterprise SWR: bad request.
    #[swr(code = "SWR.400003", status = 400)]
    Swr,
    /// The API does not exist.
    #[swr(code = "APIGW.0101", status = 404)]
    ApiMissing,
    /// The API group does not exist.
    #[swr(code = "APIG.0301", status = 404)]
    GroupMissing,
    /// The token expired.
    #[swr(code = "IAM.0011", status = 401)]
    TokenExpired,
    /// The server does not exist.
    #[swr(code = "Ecs.0001", status = 404, retry = "busy")]
    ServerMissing,
    /// The cluster is busy.
    #[swr(code = "CCE.01400001", status = 409)]
    ClusterBusy,
    /// The config map does not exist.
    #[swr(code = "CCE_CM.0004", status = 404)]
    ConfigMissing,
    /// The namespace is taken.
    #[swr(code = "CCI.02.409101", status = 409)]
    NamespaceTaken,
}

/// The `name` codes of the table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, SwrError)]
#[swr(codes = "name", kind = "NameKind")]
enum NameError {
    /// manifest unknown
    #[swr(code = "MANIFEST_UNKNOWN", status = 404)]
    ManifestUnknown,
    /// too many requests
    #[swr(code = "TOOMANYREQUESTS", status = 429, retry = "throttled")]
    TooManyRequests,
    /// The specified key does not exist.
    #[swr(code = "NoSuchKey", status = 404)]
    NoSuchKey,
    /// A name that ends in seven digits, found as codes of that shape are.
    #[swr(code = "Quota1234567", status = 403)]
    Quota,
}

/// A `service` enum wrapping the stock catalogue and enums of the two other schemes.
#[derive(Debug, SwrError)]
#[swr(codes = "service", kind)]
enum Gateway {
    /// The route does not exist.
    #[swr(code = "APIGW.0102", status = 404)]
    RouteMissing,
    #[swr(code = "APIGW.0500", status = 500, message = "Backend {0} failed")]
    Backend(String),
    #[swr(transparent)]
    Stock(SwrCode),
    #[swr(transparent)]
    Names(NameError),
    #[swr(transparent)]
    Addons(AddonError),
}

fn own_codes<E>()
where
    E: AllVariants + SwrError + std::fmt::Debug + PartialEq + 'static,
    E: std::str::FromStr<Err = UnknownCode> + for<'a> TryFrom<&'a str, Error = UnknownCode>,
{
    for value in E::ALL {
        let code = value.code();
        assert_eq!(E::from_code(code).as_ref(), Some(value), "{code}");
        assert_eq!(code.parse::<E>().as_ref(), Ok(value), "{code}");
        assert_eq!(E::try_from(code).as_ref(), Ok(value), "{code}");
    }
}

#[test]
fn every_code_round_trips_through_the_lookups() {
    own_codes::<AddonError>();
    own_codes::<CloudError>();
    own_codes::<NameError>();
    own_codes::<AddonErrorKind>();
    own_codes::<NameKind>();
    assert_eq!(CloudError::ALL.len(), 8);
    assert_eq!(AddonError::ReadOnly.status(), 403);
    assert_eq!(CloudError::ServerMissing.code(), "Ecs.0001");
}

#[test]
fn near_codes_are_no_codes() {
    for code in [
        "",
        "APIGW.101",
        "APIGW.01010",
        "apigw.0101",
        "ECS.0001",
        "CCE.1400001",
        "CCE.01400002",
        "CCI.024.09101",
        "CCI.02.409101.",
        "SWR.400003 ",
        "SVCSTG.ALS.403105",
        "SVCSTG.ALS.4030105",
        "SVCSTG.ALS.403.10",
        "MANIFEST_UNKNOWn",
        "MANIFEST_UNKNOWN_",
        "Quota1234568",
        "Quota 1234567",
        "NoSuchKeý",
    ] {
        assert_eq!(CloudError::from_code(code), None, "{code:?}");
        assert_eq!(AddonError::from_code(code), None, "{code:?}");
        assert_eq!(NameError::from_code(code), None, "{code:?}");
        assert!(Gateway::from_code(code).is_none(), "{code:?}");
        assert_eq!(
            code.parse::<NameError>(),
            Err(UnknownCode::new(code)),
            "{code:?}"
        );
    }
}

#[test]
fn a_service_enum_finds_the_codes_of_every_scheme_it_wraps() {
    assert!(matches!(
        Gateway::from_code("APIGW.0102"),
        Some(Gateway::RouteMissing)
    ));
    assert!(
        Gateway::from_code("APIGW.0500").is_none(),
        "not a unit variant"
    );
    assert!(matches!(
        Gateway::from_code("SVCSTG.SWR.4040010"),
        Some(Gateway::Stock(SwrCode::ImageNotFound))
    ));
    assert!(matches!(
        Gateway::from_code("NoSuchKey"),
        Some(Gateway::Names(NameError::NoSuchKey))
    ));
    assert!(matches!(
        Gateway::from_code("SVCSTG.ALS.403.105"),
        Some(Gateway::Addons(AddonError::ReadOnly))
    ));
    assert_eq!(
        GatewayKind::from_code("APIGW.0500"),
        Some(GatewayKind::Backend)
    );
    let codes: BTreeSet<&str> = Gateway::CODES.iter().map(|info| info.code).collect();
    assert_eq!(codes.len(), 2 + SwrCode::ALL.len() + 4 + 4);
    for info in Gateway::CODES {
        assert_eq!(
            GatewayKind::from_code(info.code).map(|kind| kind.code()),
            Some(info.code)
        );
    }
}

fn values() -> Vec<Box<dyn SwrError>> {
    let mut values: Vec<Box<dyn SwrError>> = Vec::new();
    values.extend(
        AddonError::ALL
            .iter()
            .map(|v| Box::new(*v) as Box<dyn SwrError>),
    );
    values.extend(
        CloudError::ALL
            .iter()
            .map(|v| Box::new(*v) as Box<dyn SwrError>),
    );
    values.extend(
        NameError::ALL
            .iter()
            .map(|v| Box::new(*v) as Box<dyn SwrError>),
    );
    values.push(Box::new(Gateway::Backend("b1".into())));
    values.push(Box::new(Gateway::Names(NameError::Quota)));
    values
}

#[test]
fn bodies_of_every_scheme_match_serde_json() {
    for value in values() {
        let (c, m, status) = (value.code(), value.message(), value.status());
        let legacy = serde_json::to_string(&ErrorBody::single(c, m.to_string(), "")).unwrap();
        assert_eq!(value.to_json_as(BodyFormat::Legacy), legacy, "{c}");
        assert_eq!(value.to_json(), legacy, "{c}");
        let dual = serde_json::to_string(&DualErrorBody::single(c, m.to_string(), "")).unwrap();
        assert_eq!(value.to_json_as(BodyFormat::Dual), dual, "{c}");
        let problem = serde_json::to_string(&ProblemBody {
            problem_type: format!("{}{c}", ProblemBody::DEFAULT_TYPE_BASE),
            title: m.to_string(),
            status,
            detail: None,
            code: c.to_owned(),
            request_id: None,
        })
        .unwrap();
        assert_eq!(value.to_json_as(BodyFormat::Problem), problem, "{c}");
    }
}

#[test]
fn the_client_side_knows_every_code_in_every_format() {
    for format in [BodyFormat::Legacy, BodyFormat::Dual, BodyFormat::Problem] {
        for value in CloudError::ALL {
            let body = value.to_json_as(format);
            let remote = RemoteError::from_response(value.status(), body.as_bytes());
            assert_eq!(remote.code(), Some(value.code()), "{body}");
            assert_eq!(remote.known_as::<CloudError>(), Some(*value), "{body}");
            assert!(remote.known_as::<NameError>().is_none());
        }
        for value in NameError::ALL {
            let remote =
                RemoteError::from_response(value.status(), value.to_json_as(format).as_bytes());
            assert_eq!(remote.known_as::<NameError>(), Some(*value));
            assert!(matches!(
                remote.known_as::<GatewayKind>(),
                Some(GatewayKind::Names(kind)) if kind.code() == value.code()
            ));
        }
        for value in AddonError::ALL {
            let remote =
                RemoteError::from_response(value.status(), value.to_json_as(format).as_bytes());
            assert_eq!(
                remote.known_as::<AddonErrorKind>().map(|k| k.code()),
                Some(value.code())
            );
        }
    }
}

#[test]
fn tonic_error_info_reason_is_the_code() {
    for value in values() {
        let status = swr_errors::tonic::to_status_with(
            value.as_ref(),
            &swr_errors::tonic::TonicOptions::new(),
        );
        let info = status.get_details_error_info().expect("ErrorInfo");
        assert_eq!(info.reason, value.code());
        let remote = RemoteError::from_status(&status);
        assert_eq!(remote.code(), Some(value.code()));
    }
}

#[utoipa::path(get, path = "/gateway", responses(SwrResponses<Gateway>))]
#[allow(dead_code)]
fn gateway_op() {}

#[derive(OpenApi)]
#[openapi(paths(gateway_op))]
struct ApiDoc;

#[test]
fn openapi_examples_list_every_code_of_every_scheme() {
    let doc = serde_json::to_value(ApiDoc::openapi()).unwrap();
    let responses = doc["paths"]["/gateway"]["get"]["responses"]
        .as_object()
        .unwrap();
    let mut documented = BTreeSet::new();
    for (status, response) in responses {
        let examples = response["content"]["application/json"]["examples"]
            .as_object()
            .unwrap_or_else(|| panic!("no examples under {status}"));
        for (code, example) in examples {
            let value: &Value = &example["value"];
            assert_eq!(value[0]["errorCode"], Value::from(code.as_str()), "{code}");
            documented.insert(code.clone());
        }
    }
    let expected: BTreeSet<String> = Gateway::CODES
        .iter()
        .map(|info| info.code.to_owned())
        .collect();
    assert_eq!(documented, expected);
}
