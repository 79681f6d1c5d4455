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

/// The body of a table row whose code and message need no escaping (the derive checked them):
/// both copied verbatim, `detail` escaped.
pub(crate) fn write_plain(out: &mut String, code: &str, message: &str, detail: &str) {
    let len = OVERHEAD + code.len() + message.len() + detail.len();
    if out.capacity() == 0 {
        // A fresh body (a response's): allocated at once, not through `reserve`'s growth path.
        *out = String::with_capacity(len);
    } else {
        out.reserve(len);
    }
    out.push_str(r#"[{"errorCode":""#);
    out.push_str(code);
    out.push_str(r#"","errorMessage":""#);
    out.push_str(message);
    out.push_str(r#"","detail":""#);
    if !detail.is_empty() {
        json::write_str_contents(out, detail);
    }
    out.push_str("\"}]");
}
