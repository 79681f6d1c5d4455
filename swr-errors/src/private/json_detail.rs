//! `detail()` of a `#[swr(detail = "json")]` field.

use std::borrow::Cow;

/// `detail()` of a `#[swr(detail = "json")]` field: the field serialized as compact JSON, which
/// [`BodyFormat::Oci`](crate::BodyFormat::Oci) writes as a value. A value serde_json cannot write
/// (a map with keys that are not strings) is written as a JSON string saying why, never a panic.
#[cfg(feature = "client")]
pub fn json_detail<T: JsonDetail + ?Sized>(value: &T) -> Cow<'static, str> {
    match serde_json::to_string(value) {
        Ok(json) => Cow::Owned(json),
        Err(err) => Cow::Owned(
            serde_json::Value::String(format!("detail not serializable as JSON: {err}"))
                .to_string(),
        ),
    }
}

/// What a `#[swr(detail = "json")]` field must be: serializable. Its own trait so that a field
/// that is not reads as a sentence about the field rather than a bound of this module.
#[cfg(feature = "client")]
#[diagnostic::on_unimplemented(
    message = "a `#[swr(detail = \"json\")]` field is written as JSON: `{Self}` does not implement `serde::Serialize`",
    label = "not `serde::Serialize`",
    note = "derive `serde::Serialize` for `{Self}`, or make the field a `serde_json::Value`"
)]
pub trait JsonDetail: serde::Serialize {}

#[cfg(feature = "client")]
impl<T: serde::Serialize + ?Sized> JsonDetail for T {}

/// Without the `client` feature there is no JSON writer: a `#[swr(detail = "json")]` field is a
/// compile error naming the feature.
#[cfg(not(feature = "client"))]
#[diagnostic::on_unimplemented(
    message = "a `#[swr(detail = \"json\")]` field needs the `client` feature of swr-errors (its JSON writer, serde_json)",
    label = "written as JSON"
)]
pub trait JsonDetailNeedsTheClientFeature {}

/// See the `client` build of this function.
#[cfg(not(feature = "client"))]
pub fn json_detail<T: JsonDetailNeedsTheClientFeature + ?Sized>(_: &T) -> Cow<'static, str> {
    Cow::Borrowed("null")
}
