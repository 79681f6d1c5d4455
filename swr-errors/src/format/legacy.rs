//! [`BodyFormat::Legacy`](super::BodyFormat::Legacy): the array of the published SWR error table,
//! `[{"errorCode":…,"errorMessage":…,"detail":…}]`. The one writer of that body and of its
//! entry, which [`Dual`](super::BodyFormat::Dual) and [`ErrorBody`](crate::ErrorBody) nest.

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
        write(
            out,
            fields.code,
            fields.message,
            fields.detail.unwrap_or(""),
        );
    }
}

/// The start and the end of a body, and of an entry within a list: one `push_str` each.
const BODY_OPEN: &str = r#"[{"errorCode":""#;
const BODY_CLOSE: &str = r#""}]"#;
const ENTRY_OPEN: &str = r#"{"errorCode":""#;
const ENTRY_CLOSE: &str = r#""}"#;

/// Appends the body of `code`, `message` and `detail`, each escaped, to `out`, reserving once
/// what the body needs when nothing is escaped.
pub(crate) fn write(out: &mut String, code: &str, message: &str, detail: &str) {
    out.reserve(OVERHEAD + code.len() + message.len() + detail.len());
    entry(
        out,
        [BODY_OPEN, BODY_CLOSE],
        code,
        message,
        detail,
        json::write_str_contents,
    );
}

/// Appends the body of a code and a message that need no escaping (the derive checked them):
/// both copied verbatim, `detail` escaped. Not `#[inline]`: compiled once, here, rather than in
/// every crate that derives (a call costs the body a nanosecond).
pub(crate) fn write_plain(out: &mut String, code: &str, message: &str, detail: &str) {
    let len = OVERHEAD + code.len() + message.len() + detail.len();
    if out.capacity() == 0 {
        // A fresh body (a response's): allocated at once, not through `reserve`'s growth path.
        *out = String::with_capacity(len);
    } else {
        out.reserve(len);
    }
    entry(
        out,
        [BODY_OPEN, BODY_CLOSE],
        code,
        message,
        detail,
        String::push_str,
    );
}

/// Appends one entry, `{"errorCode":code,"errorMessage":message,"detail":detail}`, each text
/// escaped, to `out`.
pub(crate) fn write_entry(out: &mut String, code: &str, message: &str, detail: &str) {
    entry(
        out,
        [ENTRY_OPEN, ENTRY_CLOSE],
        code,
        message,
        detail,
        json::write_str_contents,
    );
}

/// The entry between `ends`, its code and message written by `text` (escaped, or copied when the
/// caller knows there is nothing to escape), its detail always escaped.
#[inline(always)]
fn entry(
    out: &mut String,
    [open, close]: [&str; 2],
    code: &str,
    message: &str,
    detail: &str,
    text: impl Fn(&mut String, &str),
) {
    out.push_str(open);
    text(out, code);
    out.push_str(r#"","errorMessage":""#);
    text(out, message);
    out.push_str(r#"","detail":""#);
    // Most bodies have none: skip the scan's set-up.
    if !detail.is_empty() {
        json::write_str_contents(out, detail);
    }
    out.push_str(close);
}

#[cfg(test)]
mod tests {
    use super::{write, write_plain, OVERHEAD};

    fn body(code: &str, message: &str, detail: &str) -> String {
        let mut out = String::new();
        write(&mut out, code, message, detail);
        out
    }

    #[test]
    fn the_body_has_the_seed_shape() {
        let out = body("SVCSTG.SWR.4001048", "Failed to get Token from Context", "");
        assert_eq!(
            out,
            r#"[{"errorCode":"SVCSTG.SWR.4001048","errorMessage":"Failed to get Token from Context","detail":""}]"#
        );
    }

    #[test]
    fn the_plain_body_is_the_body_of_text_without_escapes() {
        for detail in ["", "d", "a \"b\"\n", "ctl \u{1} é 😀"] {
            for reused in [String::new(), String::from("prefix:")] {
                let mut plain = reused.clone();
                write_plain(&mut plain, "SVCSTG.SWR.4040010", "Gone.", detail);
                let mut general = reused;
                write(&mut general, "SVCSTG.SWR.4040010", "Gone.", detail);
                assert_eq!(plain, general, "{detail:?}");
            }
        }
    }

    #[test]
    fn a_fresh_plain_body_is_allocated_once_to_its_size() {
        let mut out = String::new();
        write_plain(&mut out, "C", "m", "d");
        assert_eq!(out.capacity(), out.len());
    }

    #[test]
    fn the_reservation_is_the_unescaped_length() {
        assert_eq!(body("", "", "").len(), OVERHEAD);
    }
}
