//! [`BodyFormat::Legacy`](super::BodyFormat::Legacy): the array of the published SWR error table,
//! `[{"errorCode":…,"errorMessage":…,"detail":…}]`.

use super::{Fields, Format};
use crate::json;

/// The fixed text (keys, quotes, brackets) of the body:
/// `[{"errorCode":"","errorMessage":"","detail":""}]`.
const OVERHEAD: usize = 48;

pub(super) struct Legacy;

impl Format for Legacy {
    fn capacity(fields: &Fields<'_>) -> usize {
        OVERHEAD + fields.code.len() + fields.message.len() + fields.detail.map_or(0, str::len)
    }

    fn write(out: &mut String, fields: &Fields<'_>) {
        json::write_body(
            out,
            fields.code,
            fields.message,
            fields.detail.unwrap_or(""),
        );
    }
}
