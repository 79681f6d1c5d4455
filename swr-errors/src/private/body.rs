//! The Legacy body of a table row, as the derived `write_json` writes it.

/// The body of a variant whose code and message need no escaping (the derive checked them):
/// both copied verbatim, `detail` escaped. Not `#[inline]`: compiled once, here, rather than in
/// every crate that derives (a call costs the body a nanosecond).
pub fn write_plain_body(out: &mut String, code: &str, message: &str, detail: &str) {
    crate::format::legacy::write_plain(out, code, message, detail);
}
