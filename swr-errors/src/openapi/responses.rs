//! [`SwrResponses`] and the response maps: one response per status, one content per type the
//! layer may send, one named example per code.

use std::collections::{BTreeMap, HashSet};
use std::marker::PhantomData;

use utoipa::openapi::{ContentBuilder, RefOr, Response, ResponseBuilder};
use utoipa::IntoResponses;

use super::examples::example;
use super::schemas::body_schema;
use super::status::reason_phrase;
use crate::format::{BodyFormat, CONTENT_TYPE_JSON, CONTENT_TYPE_PROBLEM};
use crate::table::{Catalogue, CodeInfo};

/// The error responses of `E`, for `#[utoipa::path(responses(...))]`: one response per status,
/// with one named example per code.
///
/// `E` is any type that derives [`SwrError`](crate::SwrError) (it implements [`Catalogue`]): its
/// own codes and those of every type it wraps through `#[swr(transparent)]` (a wrapped
/// [`SwrCode`](crate::SwrCode) brings all 190). For a generic enum, [`Catalogue::CODES`] holds
/// only its own codes, and so do its responses.
///
/// `F` chooses the body format of the `application/json` examples and schemas: [`Legacy`] (the
/// default, what the framework conversions and a layer left at its default send) or [`Dual`]
/// (for an app whose layer has `.default_format(BodyFormat::Dual)`). Each response also lists
/// `application/problem+json`, the RFC 9457 body the layer sends a client that asks for it. For
/// the registry API's errors (an enum with `#[swr(format = "oci")]`, such as
/// [`OciCode`](crate::oci::OciCode)) choose [`Oci`]: the envelope alone, which is all they send.
///
/// With its SDK rule on (the default), a layer also answers the user agents of Huawei Cloud's
/// SDKs with Dual under the same `application/json`, whatever the app's format. The document
/// describes one body per content type, the app's: choose [`Dual`] when those SDKs are the
/// clients the document is for.
///
/// The response map is keyed by status (`"404"`); utoipa merges it with the operation's other
/// responses, and a later entry for the same status replaces an earlier one, so list a
/// `(status = ...)` tuple of an error status after `SwrResponses` to override it.
///
/// The type is never constructed: it only names `E` and `F` for utoipa. See the
/// [module documentation](crate::openapi) for what the examples show.
///
/// ```
/// use swr_errors::openapi::{Dual, SwrResponses};
/// use swr_errors::SwrCode;
/// use utoipa::IntoResponses;
///
/// let responses = SwrResponses::<SwrCode, Dual>::responses();
/// let json = serde_json::to_value(&responses).unwrap();
/// let example = &json["403"]["content"]["application/json"]["examples"]["SVCSTG.SWR.4031042"];
/// assert_eq!(example["summary"], "There are too many requests.");
/// assert_eq!(example["value"]["error_code"], "SVCSTG.SWR.4031042");
/// assert_eq!(example["value"]["errors"][0]["detail"], "");
/// ```
#[cfg_attr(docsrs, doc(cfg(feature = "utoipa")))]
pub struct SwrResponses<E, F = Legacy>(PhantomData<fn() -> (E, F)>);

impl<E: Catalogue, F: ExampleFormat> IntoResponses for SwrResponses<E, F> {
    fn responses() -> BTreeMap<String, RefOr<Response>> {
        responses_for(E::CODES, F::body_format())
    }
}

/// The `application/json` body format of [`SwrResponses`]: [`Legacy`], [`Dual`] or [`Oci`].
///
/// Sealed: only these three implement it.
#[cfg_attr(docsrs, doc(cfg(feature = "utoipa")))]
pub trait ExampleFormat: sealed::Sealed {
    /// The format.
    fn body_format() -> BodyFormat;
}

mod sealed {
    pub trait Sealed {}
    impl Sealed for super::Legacy {}
    impl Sealed for super::Dual {}
    impl Sealed for super::Oci {}
}

/// [`SwrResponses`] in [`BodyFormat::Legacy`]: the array of the published table.
#[cfg_attr(docsrs, doc(cfg(feature = "utoipa")))]
#[derive(Debug)]
pub enum Legacy {}

/// [`SwrResponses`] in [`BodyFormat::Dual`]: the object with `error_code`, `error_msg` and
/// `errors`.
#[cfg_attr(docsrs, doc(cfg(feature = "utoipa")))]
#[derive(Debug)]
pub enum Dual {}

impl ExampleFormat for Legacy {
    fn body_format() -> BodyFormat {
        BodyFormat::Legacy
    }
}

impl ExampleFormat for Dual {
    fn body_format() -> BodyFormat {
        BodyFormat::Dual
    }
}

/// [`SwrResponses`] in [`BodyFormat::Oci`]: the OCI distribution spec's envelope, the only
/// content type listed.
///
/// ```
/// use swr_errors::oci::OciCode;
/// use swr_errors::openapi::{Oci, SwrResponses};
/// use utoipa::IntoResponses;
///
/// let json = serde_json::to_value(SwrResponses::<OciCode, Oci>::responses()).unwrap();
/// let content = json["404"]["content"].as_object().unwrap();
/// assert_eq!(content.keys().collect::<Vec<_>>(), ["application/json"]);
/// let example = &content["application/json"]["examples"]["MANIFEST_UNKNOWN"]["value"];
/// assert_eq!(example["errors"][0]["message"], "manifest unknown");
/// ```
#[cfg_attr(docsrs, doc(cfg(feature = "utoipa")))]
#[derive(Debug)]
pub enum Oci {}

impl ExampleFormat for Oci {
    fn body_format() -> BodyFormat {
        BodyFormat::Oci
    }
}

/// The error responses of `E` with `format` under `application/json` (Legacy or Dual; Problem
/// lists only `application/problem+json`): what [`SwrResponses<E>`] gives, with the format
/// chosen here.
///
/// For `utoipa::openapi::ResponsesBuilder::responses_from_iter`, or to insert into a document
/// built by hand.
///
/// ```
/// use swr_errors::{openapi, BodyFormat, SwrCode};
///
/// let responses = openapi::responses::<SwrCode>(BodyFormat::Legacy);
/// let statuses: Vec<&str> = responses.keys().map(String::as_str).collect();
/// assert_eq!(statuses, ["400", "401", "403", "404", "406", "409", "413", "500", "507"]);
/// ```
#[cfg_attr(docsrs, doc(cfg(feature = "utoipa")))]
pub fn responses<E: Catalogue>(format: BodyFormat) -> BTreeMap<String, RefOr<Response>> {
    responses_for(E::CODES, format)
}

/// The error responses of the given codes: one response per status, keyed by the status
/// (`"404"`), with one example per code, named by the code, under `application/json` in
/// `format` and under `application/problem+json` in Problem.
///
/// For an operation that can fail with only some codes, pass those (from
/// [`Catalogue::CODES`], filtered). A code listed twice is documented once, as first listed.
///
/// ```
/// use swr_errors::{openapi, BodyFormat, Catalogue, SwrCode};
///
/// let only = ["SVCSTG.SWR.4040010", "SVCSTG.SWR.4040058", "SVCSTG.SWR.4031042"];
/// let codes = SwrCode::CODES.iter().filter(|info| only.contains(&info.code));
/// let responses = openapi::responses_for(codes, BodyFormat::Legacy);
/// assert_eq!(responses.len(), 2); // 403 and 404
/// ```
#[cfg_attr(docsrs, doc(cfg(feature = "utoipa")))]
pub fn responses_for<'a>(
    codes: impl IntoIterator<Item = &'a CodeInfo>,
    format: BodyFormat,
) -> BTreeMap<String, RefOr<Response>> {
    let mut seen = HashSet::new();
    let mut by_status: BTreeMap<u16, Vec<&CodeInfo>> = BTreeMap::new();
    for info in codes {
        if seen.insert(info.code) {
            // Under the status the server sends: 500 for one a hand-written impl has outside
            // 400..=599.
            let status = crate::status::sent_status_of(info.status);
            by_status.entry(status).or_default().push(info);
        }
    }
    by_status
        .into_iter()
        .map(|(status, infos)| (status.to_string(), status_response(status, &infos, format)))
        .collect()
}

/// The response of one status: its description, and per content type the schema and the
/// examples.
fn status_response(status: u16, infos: &[&CodeInfo], format: BodyFormat) -> RefOr<Response> {
    let codes: Vec<&str> = infos.iter().map(|info| info.code).collect();
    let content = |format: BodyFormat| {
        let examples = infos.iter().map(|info| (info.code, example(info, format)));
        ContentBuilder::new()
            .schema(Some(body_schema(format, Some(&codes))))
            .examples_from_iter(examples)
            .build()
    };
    let count = match infos.len() {
        1 => "1 error code".to_owned(),
        n => format!("{n} error codes"),
    };
    let mut response = ResponseBuilder::new().description(format!(
        "{}: {count}, one example each, named by the code. {}",
        reason_phrase(status),
        content_note(format)
    ));
    if format != BodyFormat::Problem {
        response = response.content(CONTENT_TYPE_JSON, content(format));
    }
    // OCI clients read the envelope alone: no Problem body is offered beside it.
    if format != BodyFormat::Oci {
        response = response.content(CONTENT_TYPE_PROBLEM, content(BodyFormat::Problem));
    }
    response.build().into()
}

/// Which client gets which content type, as the layer negotiates with `format` as the app's.
fn content_note(format: BodyFormat) -> &'static str {
    match format {
        BodyFormat::Legacy | BodyFormat::Dual => {
            "`application/problem+json` (RFC 9457) for a client whose `Accept` asks for it; \
             `application/json` otherwise (the Dual body for Huawei Cloud's SDKs)."
        }
        // Problem as the app's format: every client gets it but the SDKs' user agents.
        BodyFormat::Problem => {
            "`application/problem+json` (RFC 9457), the app's format; only Huawei Cloud's SDKs \
             get `application/json` (the Dual body)."
        }
        BodyFormat::Oci => {
            "`application/json`, the OCI distribution spec's envelope, whatever the request \
             (OCI clients read nothing else)."
        }
    }
}

#[cfg(test)]
mod tests {
    use serde_json::{json, Value};

    use super::*;
    use crate::body::ErrorBody;
    use crate::format::DualErrorBody;
    use crate::openapi::example_body;
    use crate::retry::RetryKind;

    const CODES: &[CodeInfo] = &[
        CodeInfo {
            code: "SVCSTG.T.4040001",
            status: 404,
            message: "First.",
            retry: None,
        },
        CodeInfo {
            code: "SVCSTG.T.4040002",
            status: 404,
            message: "Tag {tag} of {0}",
            retry: None,
        },
        CodeInfo {
            code: "SVCSTG.T.4040001",
            status: 404,
            message: "Listed again.",
            retry: None,
        },
        CodeInfo {
            code: "SVCSTG.T.5000003",
            status: 500,
            message: "Quote \" and backslash \\",
            retry: Some(RetryKind::ServerError),
        },
    ];

    fn json(format: BodyFormat) -> Value {
        serde_json::to_value(responses_for(CODES, format)).unwrap()
    }

    #[test]
    fn a_code_listed_twice_is_documented_once_as_first_listed() {
        let doc = json(BodyFormat::Legacy);
        let examples = &doc["404"]["content"]["application/json"]["examples"];
        assert_eq!(examples.as_object().unwrap().len(), 2);
        assert_eq!(examples["SVCSTG.T.4040001"]["summary"], "First.");
        assert_eq!(
            doc["404"]["content"]["application/json"]["schema"]["items"]["properties"]["errorCode"]
                ["enum"],
            json!(["SVCSTG.T.4040001", "SVCSTG.T.4040002"])
        );
        let description = |status: &str| doc[status]["description"].as_str().unwrap().to_owned();
        assert!(description("404")
            .starts_with("Not Found: 2 error codes, one example each, named by the code. "));
        assert!(description("500").starts_with(
            "Internal Server Error: 1 error code, one example each, named by the code. "
        ));
        assert!(description("404").contains("`application/problem+json` (RFC 9457)"));
    }

    #[test]
    fn notes_say_what_is_a_template_and_how_to_retry() {
        let doc = json(BodyFormat::Legacy);
        let examples = &doc["404"]["content"]["application/json"]["examples"];
        assert!(examples["SVCSTG.T.4040001"].get("description").is_none());
        let template = examples["SVCSTG.T.4040002"]["description"]
            .as_str()
            .unwrap();
        assert!(template.starts_with("The message is shown as its template"));
        assert_eq!(
            examples["SVCSTG.T.4040002"]["value"][0]["errorMessage"],
            "Tag {tag} of {0}"
        );
        let retry = &doc["500"]["content"]["application/json"]["examples"]["SVCSTG.T.5000003"];
        assert!(retry["description"]
            .as_str()
            .unwrap()
            .starts_with("Retry: server error"));
    }

    #[test]
    fn examples_are_the_written_bodies_even_with_escapes() {
        for format in BodyFormat::ALL {
            let info = &CODES[3];
            // serde's representation of the body types, a path independent of the writer.
            let expected = match format {
                BodyFormat::Legacy => {
                    serde_json::to_value(ErrorBody::single(info.code, info.message, ""))
                }
                BodyFormat::Dual => {
                    serde_json::to_value(DualErrorBody::single(info.code, info.message, ""))
                }
                BodyFormat::Problem => serde_json::to_value(crate::ProblemBody {
                    problem_type: format!("urn:swr-errors:code:{}", info.code),
                    title: info.message.to_owned(),
                    status: info.status,
                    detail: None,
                    code: info.code.to_owned(),
                    request_id: None,
                }),
                BodyFormat::Oci => Ok(serde_json::json!({
                    "errors": [{"code": info.code, "message": info.message}]
                })),
            }
            .unwrap();
            assert_eq!(example_body(info, format), expected);
            let content_type = format.content_type();
            assert_eq!(
                json(format)["500"]["content"][content_type]["examples"][info.code]["value"],
                expected
            );
        }
    }

    #[test]
    fn every_response_lists_the_content_types_the_layer_may_send() {
        for format in [BodyFormat::Legacy, BodyFormat::Dual] {
            let doc = json(format);
            let content = doc["404"]["content"].as_object().unwrap();
            let types: Vec<&str> = content.keys().map(String::as_str).collect();
            assert_eq!(types, ["application/json", "application/problem+json"]);
            let problem = &content["application/problem+json"];
            assert_eq!(
                problem["schema"]["properties"]["code"]["enum"],
                json!(["SVCSTG.T.4040001", "SVCSTG.T.4040002"])
            );
            assert_eq!(
                problem["examples"]["SVCSTG.T.4040001"]["value"]["title"],
                "First."
            );
            assert_eq!(
                problem["examples"]["SVCSTG.T.4040001"]["value"]["status"],
                404
            );
        }
        let problem_only = json(BodyFormat::Problem);
        let content = problem_only["404"]["content"].as_object().unwrap();
        assert_eq!(content.len(), 1);
    }

    #[test]
    fn a_problem_only_description_names_problem_as_the_app_format() {
        // With Problem as the app's format, a client that does not ask for it gets it all the
        // same: only the SDKs' user agents get `application/json`.
        let doc = json(BodyFormat::Problem);
        let description = doc["404"]["description"].as_str().unwrap();
        assert!(description.starts_with("Not Found: 2 error codes, one example each"));
        assert!(
            !description.contains("`application/json` otherwise"),
            "{description}"
        );
        assert!(description.contains("`application/problem+json` (RFC 9457), the app's format"));
    }

    #[test]
    fn a_status_outside_the_error_range_is_documented_as_the_500_it_is_sent_as() {
        // A hand-written `Catalogue` can hold any status; the server sends such an error as 500
        // (in the status line and in a Problem body's `status`), and so must the document say.
        const ODD: &[CodeInfo] = &[CodeInfo {
            code: "SVCSTG.HAND.2000001",
            status: 200,
            message: "Odd.",
            retry: None,
        }];
        let doc = serde_json::to_value(responses_for(ODD, BodyFormat::Legacy)).unwrap();
        let statuses: Vec<&String> = doc.as_object().unwrap().keys().collect();
        assert_eq!(statuses, ["500"]);
        let problem =
            &doc["500"]["content"]["application/problem+json"]["examples"]["SVCSTG.HAND.2000001"];
        assert_eq!(problem["value"]["status"], 500);
        assert_eq!(example_body(&ODD[0], BodyFormat::Problem)["status"], 500);
    }

    #[test]
    fn dual_schema_restricts_both_code_fields() {
        let doc = json(BodyFormat::Dual);
        let schema = &doc["500"]["content"]["application/json"]["schema"];
        assert_eq!(schema["type"], "object");
        assert_eq!(
            schema["required"],
            json!(["error_code", "error_msg", "errors"])
        );
        assert_eq!(
            schema["properties"]["error_code"]["enum"],
            json!(["SVCSTG.T.5000003"])
        );
        assert_eq!(
            schema["properties"]["errors"]["items"]["properties"]["errorCode"]["enum"],
            json!(["SVCSTG.T.5000003"])
        );
    }
}
