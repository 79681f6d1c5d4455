//! OpenAPI documentation of the error responses, with [utoipa](https://docs.rs/utoipa/5) 5
//! (feature `utoipa`).
//!
//! The documentation comes from the same `#[swr(...)]` attributes as the responses themselves,
//! through [`Catalogue::CODES`], so the two cannot drift apart:
//!
//! - [`SwrResponses<E>`] implements [`utoipa::IntoResponses`] for any derived enum `E`: list it in
//!   `#[utoipa::path(responses(...))]`. It gives one response per status, and under it one
//!   *named* example per code of that status (the example's name is the code), each the body the
//!   server sends, in the format the server uses.
//! - [`responses`] and [`responses_for`] build the same map by hand, for a format chosen
//!   explicitly or for a subset of the codes.
//! - [`ErrorCodes<E>`] is the string enum schema of `E`'s codes.
//! - [`ErrorBody`], [`ErrorEntry`] and [`DualErrorBody`] implement [`utoipa::ToSchema`], for
//!   documents that describe the bodies themselves.
//!
//! # Example
//!
//! ```
//! use swr_errors::openapi::SwrResponses;
//! use swr_errors::{SwrCode, SwrError};
//! use utoipa::IntoResponses;
//!
//! #[derive(Debug, SwrError)]
//! enum ChartError {
//!     /// The chart does not exist.
//!     #[swr(code = "SVCSTG.CHARTS.4040001", status = 404)]
//!     ChartMissing,
//!     #[swr(transparent)]
//!     Stock(SwrCode),
//! }
//!
//! // With utoipa's macros: #[utoipa::path(get, path = "/charts/{name}",
//! //     responses((status = 200, body = Chart), SwrResponses<ChartError>))]
//! let responses = SwrResponses::<ChartError>::responses();
//! let json = serde_json::to_value(&responses).unwrap();
//! let example = &json["404"]["content"]["application/json"]["examples"]["SVCSTG.CHARTS.4040001"];
//! assert_eq!(example["summary"], "The chart does not exist.");
//! assert_eq!(
//!     example["value"],
//!     serde_json::json!([{
//!         "errorCode": "SVCSTG.CHARTS.4040001",
//!         "errorMessage": "The chart does not exist.",
//!         "detail": ""
//!     }])
//! );
//! // The transparent variant brings the stock codes, each under its own status.
//! assert!(json["404"]["content"]["application/json"]["examples"]["SVCSTG.SWR.4040010"].is_object());
//! ```
//!
//! # What the examples show
//!
//! Each example is the JSON of the body the server writes for the code (the same writer makes
//! both), with `"detail": ""`. Two cases differ from a given response:
//!
//! - a message that interpolates fields (`message = "Invalid tag {tag} for {repo}"`) appears as
//!   its template, placeholders and all; the example's description says so, and the server fills
//!   them in. (The description is chosen by the presence of `{` in the message, so a static
//!   message that contains a brace gets it too.)
//! - a variant with a `#[swr(detail)]` field sends that field's text as `"detail"`.
//!
//! The example is a JSON value: a document serializer may write its keys in another order than
//! the server does, which JSON does not distinguish.
//!
//! # Schemas
//!
//! The responses of [`SwrResponses`] carry their schema inline, with `errorCode` (and the dual
//! body's `error_code`) restricted to the codes of that status: utoipa 5 registers no component
//! schemas for an `IntoResponses` type, so a `$ref` would dangle unless every user remembered to
//! register it. Nothing needs registering. To describe the bodies in `components`, list
//! [`ErrorBody`] or [`DualErrorBody`] in `#[openapi(components(schemas(...)))]`; each brings
//! [`ErrorEntry`], which it references.

use std::borrow::Cow;
use std::collections::{BTreeMap, HashSet};
use std::marker::PhantomData;

use serde_json::{json, Value};
use utoipa::openapi::example::ExampleBuilder;
use utoipa::openapi::schema::{ArrayBuilder, ObjectBuilder, Ref, Schema, Type};
use utoipa::openapi::{ContentBuilder, RefOr, Response, ResponseBuilder};
use utoipa::{IntoResponses, PartialSchema, ToSchema};

use crate::body::{ErrorBody, ErrorEntry};
use crate::format::{self, BodyFormat, DualErrorBody};
use crate::response::CONTENT_TYPE_JSON;
use crate::retry::RetryKind;
use crate::table::{Catalogue, CodeInfo};

/// The error responses of `E`, for `#[utoipa::path(responses(...))]`: one response per status,
/// with one named example per code.
///
/// `E` is any type that derives [`SwrError`](crate::SwrError) (it implements [`Catalogue`]): its
/// own codes and those of every type it wraps through `#[swr(transparent)]` (a wrapped
/// [`SwrCode`](crate::SwrCode) brings all 188). For a generic enum, [`Catalogue::CODES`] holds
/// only its own codes, and so do its responses.
///
/// `F` chooses the body format of the examples and schemas:
///
/// - [`GlobalDefault`] (the default): [`BodyFormat::global_default`] at the moment the document
///   is built, the format the framework conversions (`IntoResponse`, `ResponseError`,
///   `From<E> for http::Response`) use. Build the document after
///   [`BodyFormat::set_global_default`], as an application does at start-up.
/// - [`Legacy`] or [`Dual`]: that format, whatever the default.
///
/// The response map is keyed by status (`"404"`); utoipa merges it with the operation's other
/// responses, and a later entry for the same status replaces an earlier one, so list a
/// `(status = ...)` tuple of an error status after `SwrResponses` to override it.
///
/// The type is never constructed: it only names `E` and `F` for utoipa. See the
/// [module documentation](self) for what the examples show.
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
pub struct SwrResponses<E, F = GlobalDefault>(PhantomData<fn() -> (E, F)>);

impl<E: Catalogue, F: ExampleFormat> IntoResponses for SwrResponses<E, F> {
    fn responses() -> BTreeMap<String, RefOr<Response>> {
        responses_for(E::CODES, F::body_format())
    }
}

/// The body format of [`SwrResponses`]: [`GlobalDefault`], [`Legacy`] or [`Dual`].
///
/// Sealed: only these three implement it.
#[cfg_attr(docsrs, doc(cfg(feature = "utoipa")))]
pub trait ExampleFormat: sealed::Sealed {
    /// The format, read when the responses are built.
    fn body_format() -> BodyFormat;
}

mod sealed {
    pub trait Sealed {}
    impl Sealed for super::GlobalDefault {}
    impl Sealed for super::Legacy {}
    impl Sealed for super::Dual {}
}

/// [`SwrResponses`] in [`BodyFormat::global_default`], read when the document is built.
#[cfg_attr(docsrs, doc(cfg(feature = "utoipa")))]
#[derive(Debug)]
pub enum GlobalDefault {}

/// [`SwrResponses`] in [`BodyFormat::Legacy`]: the array of the published table.
#[cfg_attr(docsrs, doc(cfg(feature = "utoipa")))]
#[derive(Debug)]
pub enum Legacy {}

/// [`SwrResponses`] in [`BodyFormat::Dual`]: the object with `error_code`, `error_msg` and
/// `errors`.
#[cfg_attr(docsrs, doc(cfg(feature = "utoipa")))]
#[derive(Debug)]
pub enum Dual {}

impl ExampleFormat for GlobalDefault {
    fn body_format() -> BodyFormat {
        BodyFormat::global_default()
    }
}

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

/// The error responses of `E` in `format`: what [`SwrResponses<E>`] gives, with the format
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

/// The error responses of the given codes in `format`: one response per status, keyed by the
/// status (`"404"`), with one example per code, named by the code.
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
            by_status.entry(info.status).or_default().push(info);
        }
    }
    by_status
        .into_iter()
        .map(|(status, infos)| (status.to_string(), status_response(status, &infos, format)))
        .collect()
}

/// The response of one status: its description, and content with the schema and the examples.
fn status_response(status: u16, infos: &[&CodeInfo], format: BodyFormat) -> RefOr<Response> {
    let codes: Vec<&str> = infos.iter().map(|info| info.code).collect();
    let examples = infos.iter().map(|info| (info.code, example(info, format)));
    let content = ContentBuilder::new()
        .schema(Some(body_schema(format, Some(&codes))))
        .examples_from_iter(examples)
        .build();
    let count = match infos.len() {
        1 => "1 error code".to_owned(),
        n => format!("{n} error codes"),
    };
    ResponseBuilder::new()
        .description(format!(
            "{}: {count}, one example each, named by the code.",
            reason_phrase(status)
        ))
        .content(CONTENT_TYPE_JSON, content)
        .build()
        .into()
}

/// The named example of one code: the message as summary, the body as value.
fn example(info: &CodeInfo, format: BodyFormat) -> utoipa::openapi::example::Example {
    let mut notes = Vec::new();
    if info.message.contains('{') {
        notes.push(
            "The message is shown as its template: the server replaces each `{...}` with a value \
             of the occurrence.",
        );
    }
    if let Some(retry) = info.retry {
        notes.push(retry_note(retry));
    }
    ExampleBuilder::new()
        .summary(info.message)
        .description(notes.join(" "))
        .value(Some(example_body(info, format)))
        .build()
}

fn retry_note(retry: RetryKind) -> &'static str {
    match retry {
        RetryKind::Throttled => {
            "Retry: throttled; wait, honouring Retry-After when present, then retry with backoff."
        }
        RetryKind::Busy => "Retry: busy; retry after a short delay.",
        RetryKind::ServerError => {
            "Retry: server error; retry with backoff, and only a request that is safe to repeat."
        }
    }
}

/// The body the server sends for `info` in `format`, as a JSON value, with `"detail": ""`.
///
/// It is the text of the same writer that makes response bodies, parsed; for a message that
/// interpolates fields, the message is the template (see the [module documentation](self)).
///
/// ```
/// use swr_errors::{openapi, BodyFormat, Catalogue, SwrCode, SwrError};
///
/// let info = &SwrCode::CODES[0];
/// let body = openapi::example_body(info, BodyFormat::Dual);
/// let sent: serde_json::Value =
///     serde_json::from_str(&SwrCode::ALL[0].to_json_as(BodyFormat::Dual)).unwrap();
/// assert_eq!(body, sent);
/// ```
#[cfg_attr(docsrs, doc(cfg(feature = "utoipa")))]
pub fn example_body(info: &CodeInfo, format: BodyFormat) -> Value {
    let mut text = String::new();
    format::write_body_as(&mut text, format, info.code, info.message, "");
    // The writer always produces valid JSON (its tests hold it to serde_json's output); should
    // that ever fail, the example still shows the exact text.
    serde_json::from_str(&text).unwrap_or(Value::String(text))
}

/// The string enum schema of `E`'s codes, in the order of [`Catalogue::CODES`] (own codes, then
/// those of wrapped types), each once.
///
/// Its [`ToSchema::name`] is `E`'s name followed by `Code` (`RegistryErrorCode`), or `E`'s
/// name alone when it already ends in `Code` (`SwrCode`). utoipa's `components(schemas(...))`
/// names a generic type after its arguments as well (`RegistryErrorCode_RegistryError`): give
/// it a type alias to register it under its own name.
///
/// ```
/// use swr_errors::openapi::ErrorCodes;
/// use swr_errors::SwrCode;
/// use utoipa::{PartialSchema, ToSchema};
///
/// /// The codes of the stock catalogue; for `#[openapi(components(schemas(StockCode)))]`.
/// type StockCode = ErrorCodes<SwrCode>;
///
/// assert_eq!(StockCode::name(), "SwrCode");
/// let schema = serde_json::to_value(StockCode::schema()).unwrap();
/// assert_eq!(schema["type"], "string");
/// assert_eq!(schema["enum"].as_array().unwrap().len(), 188);
/// ```
#[cfg_attr(docsrs, doc(cfg(feature = "utoipa")))]
pub struct ErrorCodes<E>(PhantomData<fn() -> E>);

impl<E: Catalogue> PartialSchema for ErrorCodes<E> {
    fn schema() -> RefOr<Schema> {
        let mut seen = HashSet::new();
        let codes: Vec<&str> = E::CODES
            .iter()
            .map(|info| info.code)
            .filter(|code| seen.insert(*code))
            .collect();
        ObjectBuilder::new()
            .schema_type(Type::String)
            .description(Some(format!(
                "An error code of `{}`.",
                short_type_name::<E>()
            )))
            .enum_values(Some(codes))
            .into()
    }
}

impl<E: Catalogue> ToSchema for ErrorCodes<E> {
    fn name() -> Cow<'static, str> {
        let name = short_type_name::<E>();
        if name.ends_with("Code") {
            Cow::Borrowed(name)
        } else {
            Cow::Owned(format!("{name}Code"))
        }
    }
}

/// `E`'s name without its module path and generic arguments, as utoipa names schemas.
fn short_type_name<E>() -> &'static str {
    let full = std::any::type_name::<E>();
    let path = full.split_once('<').map_or(full, |(path, _)| path);
    path.rsplit_once("::").map_or(path, |(_, name)| name)
}

/// The schema of an error body in `format`. With `codes`, inline throughout, its code fields
/// restricted to `codes`; without, the entry is a `$ref` to the `ErrorEntry` component.
fn body_schema(format: BodyFormat, codes: Option<&[&str]>) -> RefOr<Schema> {
    let entry: RefOr<Schema> = match codes {
        Some(codes) => entry_schema(Some(codes)),
        None => Ref::from_schema_name(ErrorEntry::name()).into(),
    };
    let entries = ArrayBuilder::new().items(entry);
    match format {
        BodyFormat::Legacy => entries
            .description(Some(
                "The SWR error body: an array of entries; services send one.",
            ))
            .into(),
        BodyFormat::Dual => ObjectBuilder::new()
            .description(Some(
                "The dual error body: the code and message at the top level, as Huawei Cloud's \
                 SDKs read them, and the SWR entry under `errors`.",
            ))
            .property("error_code", code_schema(codes))
            .required("error_code")
            .property(
                "error_msg",
                ObjectBuilder::new()
                    .schema_type(Type::String)
                    .description(Some("The human-readable message.")),
            )
            .required("error_msg")
            .property(
                "errors",
                entries.description(Some(
                    "The entries of the SWR body, one, repeating the code and the message, with \
                     the detail.",
                )),
            )
            .required("errors")
            .into(),
    }
}

/// The schema of one entry, its `errorCode` restricted to `codes` when given.
fn entry_schema(codes: Option<&[&str]>) -> RefOr<Schema> {
    ObjectBuilder::new()
        .description(Some("One entry of an SWR error body."))
        .property("errorCode", code_schema(codes))
        .required("errorCode")
        .property(
            "errorMessage",
            ObjectBuilder::new()
                .schema_type(Type::String)
                .description(Some("The human-readable message.")),
        )
        .required("errorMessage")
        .property(
            "detail",
            ObjectBuilder::new()
                .schema_type(Type::String)
                .description(Some(
                    "More about this occurrence; an empty string when there is nothing to add.",
                )),
        )
        .required("detail")
        .into()
}

fn code_schema(codes: Option<&[&str]>) -> ObjectBuilder {
    let schema = ObjectBuilder::new()
        .schema_type(Type::String)
        .description(Some("The error code, `SVCSTG.<SERVICE>.<7 digits>`."));
    match codes {
        Some(codes) => schema.enum_values(Some(codes.iter().copied())),
        None => schema.examples([json!("SVCSTG.SWR.4040010")]),
    }
}

#[cfg_attr(docsrs, doc(cfg(feature = "utoipa")))]
impl PartialSchema for ErrorEntry {
    /// An object with the required strings `errorCode`, `errorMessage` and `detail`.
    fn schema() -> RefOr<Schema> {
        entry_schema(None)
    }
}

#[cfg_attr(docsrs, doc(cfg(feature = "utoipa")))]
impl ToSchema for ErrorEntry {
    /// `"ErrorEntry"`.
    fn name() -> Cow<'static, str> {
        Cow::Borrowed("ErrorEntry")
    }
}

#[cfg_attr(docsrs, doc(cfg(feature = "utoipa")))]
impl PartialSchema for ErrorBody {
    /// An array of `ErrorEntry` (a `$ref` to the component).
    fn schema() -> RefOr<Schema> {
        body_schema(BodyFormat::Legacy, None)
    }
}

#[cfg_attr(docsrs, doc(cfg(feature = "utoipa")))]
impl ToSchema for ErrorBody {
    /// `"ErrorBody"`.
    fn name() -> Cow<'static, str> {
        Cow::Borrowed("ErrorBody")
    }

    /// `ErrorEntry`, which the schema references.
    fn schemas(schemas: &mut Vec<(String, RefOr<Schema>)>) {
        schemas.push((ErrorEntry::name().into_owned(), ErrorEntry::schema()));
    }
}

#[cfg_attr(docsrs, doc(cfg(feature = "utoipa")))]
impl PartialSchema for DualErrorBody {
    /// An object with the required `error_code`, `error_msg` and `errors` (an array of
    /// `ErrorEntry`, a `$ref` to the component).
    fn schema() -> RefOr<Schema> {
        body_schema(BodyFormat::Dual, None)
    }
}

#[cfg_attr(docsrs, doc(cfg(feature = "utoipa")))]
impl ToSchema for DualErrorBody {
    /// `"DualErrorBody"`.
    fn name() -> Cow<'static, str> {
        Cow::Borrowed("DualErrorBody")
    }

    /// `ErrorEntry`, which the schema references.
    fn schemas(schemas: &mut Vec<(String, RefOr<Schema>)>) {
        schemas.push((ErrorEntry::name().into_owned(), ErrorEntry::schema()));
    }
}

/// The reason phrase of an error status (RFC 9110 and the registered extensions), `"Error"` for
/// an unregistered one.
fn reason_phrase(status: u16) -> &'static str {
    match status {
        400 => "Bad Request",
        401 => "Unauthorized",
        402 => "Payment Required",
        403 => "Forbidden",
        404 => "Not Found",
        405 => "Method Not Allowed",
        406 => "Not Acceptable",
        407 => "Proxy Authentication Required",
        408 => "Request Timeout",
        409 => "Conflict",
        410 => "Gone",
        411 => "Length Required",
        412 => "Precondition Failed",
        413 => "Content Too Large",
        414 => "URI Too Long",
        415 => "Unsupported Media Type",
        416 => "Range Not Satisfiable",
        417 => "Expectation Failed",
        421 => "Misdirected Request",
        422 => "Unprocessable Content",
        423 => "Locked",
        424 => "Failed Dependency",
        425 => "Too Early",
        426 => "Upgrade Required",
        428 => "Precondition Required",
        429 => "Too Many Requests",
        431 => "Request Header Fields Too Large",
        451 => "Unavailable For Legal Reasons",
        500 => "Internal Server Error",
        501 => "Not Implemented",
        502 => "Bad Gateway",
        503 => "Service Unavailable",
        504 => "Gateway Timeout",
        505 => "HTTP Version Not Supported",
        506 => "Variant Also Negotiates",
        507 => "Insufficient Storage",
        508 => "Loop Detected",
        511 => "Network Authentication Required",
        _ => "Error",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
        assert_eq!(
            doc["404"]["description"],
            "Not Found: 2 error codes, one example each, named by the code."
        );
        assert_eq!(
            doc["500"]["description"],
            "Internal Server Error: 1 error code, one example each, named by the code."
        );
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
        for format in [BodyFormat::Legacy, BodyFormat::Dual] {
            let info = &CODES[3];
            // serde's representation of the body types, a path independent of the writer.
            let expected = match format {
                BodyFormat::Legacy => {
                    serde_json::to_value(ErrorBody::single(info.code, info.message, ""))
                }
                BodyFormat::Dual => {
                    serde_json::to_value(DualErrorBody::single(info.code, info.message, ""))
                }
            }
            .unwrap();
            assert_eq!(example_body(info, format), expected);
            assert_eq!(
                json(format)["500"]["content"]["application/json"]["examples"][info.code]["value"],
                expected
            );
        }
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

    #[test]
    fn short_type_names() {
        assert_eq!(short_type_name::<crate::SwrCode>(), "SwrCode");
        assert_eq!(short_type_name::<Vec<crate::SwrCode>>(), "Vec");
        assert_eq!(
            <ErrorCodes<crate::SwrCode> as ToSchema>::name(),
            Cow::Borrowed("SwrCode")
        );
    }

    #[test]
    fn every_status_of_the_catalogue_has_a_reason_phrase() {
        for info in crate::SwrCode::CODES {
            assert_ne!(reason_phrase(info.status), "Error", "{}", info.status);
        }
        assert_eq!(reason_phrase(599), "Error");
    }
}
