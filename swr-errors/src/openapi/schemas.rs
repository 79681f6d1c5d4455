//! The schemas: of each body format (inline, its code fields restricted to a status's codes, or
//! as components referencing `ErrorEntry`), and of a catalogue's codes, [`ErrorCodes`].

use std::borrow::Cow;
use std::collections::HashSet;
use std::marker::PhantomData;

use serde_json::json;
use utoipa::openapi::schema::{ArrayBuilder, ObjectBuilder, Ref, Schema, SchemaType, Type};
use utoipa::openapi::RefOr;
use utoipa::{PartialSchema, ToSchema};

use crate::body::{ErrorBody, ErrorEntry};
use crate::format::{BodyFormat, DualErrorBody, ProblemBody};
use crate::table::Catalogue;

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
/// assert_eq!(schema["enum"].as_array().unwrap().len(), SwrCode::ALL.len());
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
pub(super) fn body_schema(format: BodyFormat, codes: Option<&[&str]>) -> RefOr<Schema> {
    let entry: RefOr<Schema> = match codes {
        Some(codes) => entry_schema(Some(codes)),
        None => Ref::from_schema_name(ErrorEntry::name()).into(),
    };
    let entries = ArrayBuilder::new().items(entry);
    match format {
        BodyFormat::Problem => problem_schema(codes),
        BodyFormat::Oci => oci_schema(codes),
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

/// The schema of the RFC 9457 body, its `code` restricted to `codes` when given.
fn problem_schema(codes: Option<&[&str]>) -> RefOr<Schema> {
    let text = |description: &'static str| {
        ObjectBuilder::new()
            .schema_type(Type::String)
            .description(Some(description))
    };
    ObjectBuilder::new()
        .description(Some(
            "RFC 9457 problem details (`application/problem+json`), with the SWR code and the \
             request id as extension members.",
        ))
        .property(
            "type",
            text("A URI naming the problem type: the app's base followed by the code.").format(
                Some(utoipa::openapi::SchemaFormat::Custom(
                    "uri-reference".into(),
                )),
            ),
        )
        .required("type")
        .property("title", text("The human-readable message."))
        .required("title")
        .property(
            "status",
            ObjectBuilder::new()
                .schema_type(Type::Integer)
                .description(Some("The HTTP status.")),
        )
        .required("status")
        .property(
            "detail",
            text("More about this occurrence; absent when there is nothing to add."),
        )
        .property("code", code_schema(codes))
        .required("code")
        .property(
            "request_id",
            text("The response's `X-Request-Id`, when it has one."),
        )
        .into()
}

/// The schema of the OCI distribution spec's envelope, its `code` restricted to `codes` when
/// given.
fn oci_schema(codes: Option<&[&str]>) -> RefOr<Schema> {
    let entry = ObjectBuilder::new()
        .description(Some("One error of the OCI envelope."))
        .property("code", code_schema(codes))
        .required("code")
        .property(
            "message",
            ObjectBuilder::new()
                .schema_type(Type::String)
                .description(Some("The human-readable message.")),
        )
        .required("message")
        .property(
            "detail",
            ObjectBuilder::new().schema_type(SchemaType::AnyValue).description(Some(
                "Any JSON value about this occurrence (a string, or an object such as                  `{\"Tag\":\"latest\"}`); absent when there is none.",
            )),
        );
    ObjectBuilder::new()
        .description(Some(
            "The OCI distribution spec's error envelope, as registries send it.",
        ))
        .property("errors", ArrayBuilder::new().items(entry))
        .required("errors")
        .into()
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
        .description(Some(
            "The error code, of the shape its enum declares (`SVCSTG.<SERVICE>.<7 digits>` unless \
             another): `SVCSTG.SWR.4040010`, `APIGW.0101`, `MANIFEST_UNKNOWN`.",
        ));
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
impl PartialSchema for ProblemBody {
    /// An object with the required `type`, `title`, `status` and `code`, and the optional
    /// `detail` and `request_id`.
    fn schema() -> RefOr<Schema> {
        body_schema(BodyFormat::Problem, None)
    }
}

#[cfg_attr(docsrs, doc(cfg(feature = "utoipa")))]
impl ToSchema for ProblemBody {
    /// `"ProblemBody"`.
    fn name() -> Cow<'static, str> {
        Cow::Borrowed("ProblemBody")
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_type_names() {
        assert_eq!(short_type_name::<crate::SwrCode>(), "SwrCode");
        assert_eq!(short_type_name::<Vec<crate::SwrCode>>(), "Vec");
        assert_eq!(
            <ErrorCodes<crate::SwrCode> as ToSchema>::name(),
            Cow::Borrowed("SwrCode")
        );
    }
}
