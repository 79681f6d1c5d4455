//! The `utoipa` feature: the OpenAPI document of an API built with `#[utoipa::path]` and
//! `#[derive(OpenApi)]` documents every code of a derived enum under its status, with the body the
//! server sends for it, in both body formats.

use std::collections::{BTreeMap, BTreeSet};

use serde_json::{json, Value};
use swr_errors::openapi::{Dual, ErrorCodes, Legacy, SwrResponses};
use swr_errors::{BodyFormat, Catalogue, DualErrorBody, ErrorBody, ProblemBody, SwrCode, SwrError};
use utoipa::OpenApi;

#[derive(Debug, SwrError)]
enum ShopError {
    /// The shop does not exist.
    #[swr(code = "SVCSTG.SHOP.4040001", status = 404)]
    ShopMissing,

    /// The item does not exist.
    #[swr(code = "SVCSTG.SHOP.4040002", status = 404)]
    ItemMissing,

    #[swr(
        code = "SVCSTG.SHOP.4000003",
        status = 400,
        message = "Invalid tag {tag} for {repo}"
    )]
    BadTag { repo: String, tag: String },

    #[swr(code = "SVCSTG.SHOP.4000004", status = 400, message = "Bad manifest")]
    BadManifest {
        #[swr(detail)]
        reason: String,
    },

    #[swr(
        code = "SVCSTG.SHOP.5000005",
        status = 500,
        message = "Storage failed",
        retry = "server_error"
    )]
    Storage {
        #[swr(source)]
        cause: std::io::Error,
    },

    #[swr(
        code = "SVCSTG.SHOP.4040006",
        status = 404,
        message = "Order {0} not found: \"{1}\""
    )]
    OrderMissing(u32, String),

    #[swr(transparent)]
    Stock(SwrCode),
}

/// A value of every code of `ShopError`. The fields of interpolating variants hold their own
/// placeholders, so the message the server writes is the template, as the examples show it;
/// details are empty, as the examples show them.
fn every_shop_error() -> Vec<ShopError> {
    let mut all = vec![
        ShopError::ShopMissing,
        ShopError::ItemMissing,
        ShopError::BadTag {
            repo: "{repo}".into(),
            tag: "{tag}".into(),
        },
        ShopError::BadManifest {
            reason: String::new(),
        },
        ShopError::Storage {
            cause: std::io::Error::other("disk"),
        },
    ];
    // `{0}` is a u32: no value of it prints as its placeholder, so this one is checked apart.
    all.extend(SwrCode::ALL.iter().copied().map(ShopError::Stock));
    all
}

#[derive(Debug, SwrError)]
enum Small {
    /// Nothing here.
    #[swr(code = "SVCSTG.SMALL.4040001", status = 404)]
    Nothing,

    /// Slow down.
    #[swr(code = "SVCSTG.SMALL.4030002", status = 403, retry = "throttled")]
    SlowDown,
}

/// The codes of `ShopError` under their own name in the components.
type ShopErrorCode = ErrorCodes<ShopError>;

#[utoipa::path(
    get,
    path = "/legacy",
    responses((status = 200, description = "The shop"), SwrResponses<ShopError, Legacy>)
)]
#[allow(dead_code)]
fn legacy_op() {}

#[utoipa::path(get, path = "/dual", responses(SwrResponses<ShopError, Dual>))]
#[allow(dead_code)]
fn dual_op() {}

#[utoipa::path(get, path = "/default", responses(SwrResponses<Small>))]
#[allow(dead_code)]
fn default_op() {}

#[derive(OpenApi)]
#[openapi(
    paths(legacy_op, dual_op, default_op),
    components(schemas(ErrorBody, DualErrorBody, ProblemBody, ShopErrorCode))
)]
struct ApiDoc;

fn document() -> Value {
    serde_json::to_value(ApiDoc::openapi()).unwrap()
}

fn responses<'a>(doc: &'a Value, path: &str) -> &'a serde_json::Map<String, Value> {
    doc["paths"][path]["get"]["responses"]
        .as_object()
        .unwrap_or_else(|| panic!("no responses for {path}"))
}

fn examples(response: &Value) -> &serde_json::Map<String, Value> {
    response["content"]["application/json"]["examples"]
        .as_object()
        .unwrap_or_else(|| panic!("no examples in {response}"))
}

/// The status and the parsed body of the HTTP response the server sends for `error`.
fn sent(error: ShopError, format: BodyFormat) -> (u16, Value) {
    let response = error.response().with_format(format).into_http();
    let body = serde_json::from_slice(response.body()).unwrap();
    (response.status().as_u16(), body)
}

#[test]
fn every_code_is_under_its_status_with_the_body_the_server_sends() {
    let doc = document();
    for (path, format) in [("/legacy", BodyFormat::Legacy), ("/dual", BodyFormat::Dual)] {
        let responses = responses(&doc, path);
        let mut documented = 0;
        for error in every_shop_error() {
            let code = error.code();
            let message = error.message().into_owned();
            let (status, body) = sent(error, format);
            let example = &examples(&responses[&status.to_string()])[code];
            assert_eq!(example["value"], body, "{path} {code}");
            assert_eq!(example["summary"], message.as_str(), "{path} {code}");
            documented += 1;
        }
        // The tuple variant: its template, as the server would write it with `{0}` and `{1}`.
        let order = &examples(&responses["404"])["SVCSTG.SHOP.4040006"]["value"];
        let (code, message) = ("SVCSTG.SHOP.4040006", r#"Order {0} not found: "{1}""#);
        let expected = match format {
            BodyFormat::Legacy => {
                json!([{"errorCode": code, "errorMessage": message, "detail": ""}])
            }
            _ => json!({
                "error_code": code,
                "error_msg": message,
                "errors": [{"errorCode": code, "errorMessage": message, "detail": ""}]
            }),
        };
        assert_eq!(*order, expected, "{path}");
        let (status, body) = sent(ShopError::OrderMissing(7, "x".into()), format);
        assert_eq!(status, 404);
        assert_eq!(
            body.to_string(),
            expected.to_string().replace("{0}", "7").replace("{1}", "x"),
            "the server fills the template in"
        );
        documented += 1;

        // Nothing else: every example is a code of the enum, under its status.
        let codes: BTreeMap<&str, u16> = ShopError::CODES
            .iter()
            .map(|info| (info.code, info.status))
            .collect();
        assert_eq!(documented, codes.len());
        let mut total = 0;
        for (status, response) in responses {
            if status == "200" {
                continue;
            }
            for code in examples(response).keys() {
                assert_eq!(codes[code.as_str()].to_string(), *status, "{path} {code}");
                total += 1;
            }
        }
        assert_eq!(total, codes.len(), "{path}");
    }
}

#[test]
fn a_transparent_swrcode_variant_brings_every_catalogue_code() {
    let doc = document();
    for path in ["/legacy", "/dual"] {
        let responses = responses(&doc, path);
        let mut stock = BTreeSet::new();
        for (status, response) in responses.iter().filter(|(status, _)| *status != "200") {
            for code in examples(response).keys() {
                if let Some(known) = SwrCode::from_code(code) {
                    assert_eq!(known.status().to_string(), *status);
                    stock.insert(known.code());
                }
            }
        }
        assert_eq!(stock.len(), SwrCode::ALL.len(), "{path}");
        assert_eq!(SwrCode::ALL.len(), 190);
    }
    let statuses: BTreeSet<u16> = ShopError::CODES.iter().map(|info| info.status).collect();
    let keys: BTreeSet<u16> = responses(&doc, "/dual")
        .keys()
        .map(|status| status.parse().unwrap())
        .collect();
    assert_eq!(keys, statuses, "one response per status, no more");
}

#[test]
fn the_operation_keeps_its_own_responses() {
    let doc = document();
    let legacy = responses(&doc, "/legacy");
    assert_eq!(legacy["200"]["description"], "The shop");
    assert!(legacy["200"].get("content").is_none());
}

#[test]
fn examples_say_which_messages_are_templates_and_which_codes_may_be_retried() {
    let doc = document();
    let legacy = responses(&doc, "/legacy");
    let bad_tag = &examples(&legacy["400"])["SVCSTG.SHOP.4000003"];
    assert_eq!(bad_tag["summary"], "Invalid tag {tag} for {repo}");
    assert!(bad_tag["description"]
        .as_str()
        .unwrap()
        .contains("template"));
    let storage = &examples(&legacy["500"])["SVCSTG.SHOP.5000005"];
    assert!(storage["description"]
        .as_str()
        .unwrap()
        .starts_with("Retry: server error"));
    let missing = &examples(&legacy["404"])["SVCSTG.SHOP.4040001"];
    assert!(missing.get("description").is_none(), "{missing}");
}

#[test]
fn response_schemas_name_the_fields_and_the_codes_of_their_status() {
    let doc = document();
    let legacy = &responses(&doc, "/legacy")["409"]["content"]["application/json"]["schema"];
    assert_eq!(legacy["type"], "array");
    let entry = &legacy["items"];
    assert_eq!(
        entry["required"],
        json!(["errorCode", "errorMessage", "detail"])
    );
    let conflict_codes: Vec<&str> = ShopError::CODES
        .iter()
        .filter(|info| info.status == 409)
        .map(|info| info.code)
        .collect();
    assert!(conflict_codes.len() > 1);
    assert_eq!(
        entry["properties"]["errorCode"]["enum"],
        json!(conflict_codes)
    );

    let dual = &responses(&doc, "/dual")["409"]["content"]["application/json"]["schema"];
    assert_eq!(dual["type"], "object");
    assert_eq!(
        dual["required"],
        json!(["error_code", "error_msg", "errors"])
    );
    assert_eq!(
        dual["properties"]["error_code"]["enum"],
        json!(conflict_codes)
    );
    assert_eq!(
        dual["properties"]["errors"]["items"]["properties"]["errorCode"]["enum"],
        json!(conflict_codes)
    );
}

#[test]
fn components_describe_the_bodies_and_the_code_enum() {
    let doc = document();
    let schemas = &doc["components"]["schemas"];
    assert_eq!(
        schemas["ErrorBody"],
        json!({
            "type": "array",
            "items": {"$ref": "#/components/schemas/ErrorEntry"},
            "description": "The SWR error body: an array of entries; services send one."
        })
    );
    let entry = &schemas["ErrorEntry"];
    assert_eq!(entry["type"], "object");
    assert_eq!(
        entry["required"],
        json!(["errorCode", "errorMessage", "detail"])
    );
    let fields: Vec<&String> = entry["properties"].as_object().unwrap().keys().collect();
    assert_eq!(fields, ["detail", "errorCode", "errorMessage"]);

    let dual = &schemas["DualErrorBody"];
    assert_eq!(
        dual["required"],
        json!(["error_code", "error_msg", "errors"])
    );
    assert_eq!(
        dual["properties"]["errors"]["items"],
        json!({"$ref": "#/components/schemas/ErrorEntry"})
    );

    let codes = &schemas["ShopErrorCode"];
    assert_eq!(codes["type"], "string");
    let listed: Vec<&str> = ShopError::CODES.iter().map(|info| info.code).collect();
    assert_eq!(listed.len(), 6 + SwrCode::ALL.len());
    assert_eq!(codes["enum"], json!(listed));

    // A serialized body of each type validates against the shape: the same field names.
    let body = serde_json::to_value(ShopError::ShopMissing.to_body()).unwrap();
    let sent: BTreeSet<&String> = body[0].as_object().unwrap().keys().collect();
    assert_eq!(sent, fields.into_iter().collect());
}

/// Without a format argument, `SwrResponses` documents Legacy under `application/json` (what a
/// layer left at its default sends), and Problem under `application/problem+json`: the document
/// depends on no start-up order.
#[test]
fn the_default_documents_legacy_and_problem() {
    let doc = document();
    let content = |content_type: &str| {
        responses(&doc, "/default")["403"]["content"][content_type]["examples"]
            ["SVCSTG.SMALL.4030002"]["value"]
            .clone()
    };
    for (content_type, format) in [
        ("application/json", BodyFormat::Legacy),
        ("application/problem+json", BodyFormat::Problem),
    ] {
        assert_eq!(
            content(content_type),
            serde_json::from_str::<Value>(&Small::SlowDown.to_json_as(format)).unwrap()
        );
    }
    assert_eq!(
        responses(&doc, "/default").keys().collect::<Vec<_>>(),
        ["403", "404"]
    );
    let _ = Small::Nothing;
}
