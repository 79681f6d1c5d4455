//! [`BodyFormat::Oci`](super::BodyFormat::Oci): the error envelope of the OCI distribution spec
//! (the registry API that docker, podman, containerd and skopeo speak), `application/json`:
//! `{"errors":[{"code":"MANIFEST_UNKNOWN","message":"manifest unknown","detail":{"Tag":"latest"}}]}`.
//!
//! `detail` is any JSON value. A text detail is written as a JSON string; a structured one (an
//! error whose [`detail_is_json`](crate::SwrError::detail_is_json) is true, such as a
//! `#[swr(detail = "json")]` field) as the JSON value its text holds; an error without a detail
//! leaves the member out, as the reference registry does. The envelope has no status member:
//! the status is the response's.

use super::{Fields, Format};
use crate::json;

/// The fixed text of the body without `detail`: `{"errors":[{"code":"","message":""}]}`.
const OVERHEAD: usize = 37;
/// `,"detail":` (a string detail adds its two quotes).
const DETAIL_OVERHEAD: usize = 10;

pub(super) struct Oci;

impl Format for Oci {
    fn capacity(fields: &Fields<'_>) -> usize {
        let detail = fields.detail.map_or(0, |detail| {
            let quotes = if fields.detail_is_json { 0 } else { 2 };
            DETAIL_OVERHEAD + quotes + detail.len()
        });
        OVERHEAD + fields.code.len() + fields.message.len() + detail
    }

    /// The members in the reference registry's order: `code`, `message`, then `detail` when
    /// there is one.
    fn write(out: &mut String, fields: &Fields<'_>) {
        out.push_str(r#"{"errors":[{"code":"#);
        json::write_str(out, fields.code);
        out.push_str(r#","message":"#);
        json::write_str(out, fields.message);
        if let Some(detail) = fields.detail {
            out.push_str(r#","detail":"#);
            if fields.detail_is_json {
                out.push_str(detail);
            } else {
                json::write_str(out, detail);
            }
        }
        out.push_str("}]}");
    }
}
