//! Hand-written JSON for the one shape the crate writes, byte-identical to `serde_json`'s output.
//!
//! A body is `[{"errorCode":C,"errorMessage":M,"detail":D}]`. Codes never need escaping (the
//! derive checks their shape), and text without quotes, backslashes or control characters is
//! copied as it is, so the common case is three `push_str`s of static text.

/// Appends `[{"errorCode":code,"errorMessage":message,"detail":detail}]` to `out`.
pub(crate) fn write_body(out: &mut String, code: &str, message: &str, detail: &str) {
    out.push('[');
    write_entry(out, code, message, detail);
    out.push(']');
}

/// Appends one entry, `{"errorCode":code,"errorMessage":message,"detail":detail}`, to `out`.
pub(crate) fn write_entry(out: &mut String, code: &str, message: &str, detail: &str) {
    out.push_str(r#"{"errorCode":"#);
    write_str(out, code);
    out.push_str(r#","errorMessage":"#);
    write_str(out, message);
    out.push_str(r#","detail":"#);
    write_str(out, detail);
    out.push('}');
}

/// Appends `text` as a JSON string literal, quotes included, escaped as `serde_json` escapes:
/// `\"`, `\\`, the short forms `\b \f \n \r \t`, and `\u00XX` for other control characters.
/// Everything else, any Unicode included, is copied unchanged.
pub(crate) fn write_str(out: &mut String, text: &str) {
    out.push('"');
    let bytes = text.as_bytes();
    let mut start = 0;
    for (i, &byte) in bytes.iter().enumerate() {
        let escape: &str = match byte {
            b'"' => "\\\"",
            b'\\' => "\\\\",
            b'\n' => "\\n",
            b'\r' => "\\r",
            b'\t' => "\\t",
            0x08 => "\\b",
            0x0c => "\\f",
            0x00..=0x1f => "",
            _ => continue,
        };
        // Every byte matched above is ASCII, so `i` is a char boundary.
        out.push_str(&text[start..i]);
        if escape.is_empty() {
            const HEX: &[u8; 16] = b"0123456789abcdef";
            out.push_str("\\u00");
            out.push(char::from(HEX[usize::from(byte >> 4)]));
            out.push(char::from(HEX[usize::from(byte & 0xf)]));
        } else {
            out.push_str(escape);
        }
        start = i + 1;
    }
    out.push_str(&text[start..]);
    out.push('"');
}

#[cfg(test)]
mod tests {
    use super::{write_body, write_str};

    fn quoted(text: &str) -> String {
        let mut out = String::new();
        write_str(&mut out, text);
        out
    }

    #[test]
    fn plain_text_is_copied() {
        assert_eq!(
            quoted("The image does not exist."),
            r#""The image does not exist.""#
        );
        assert_eq!(quoted(""), r#""""#);
    }

    #[test]
    fn escapes_match_serde_json_for_every_control_and_special_character() {
        let mut all = String::new();
        for c in (0u32..0x80).chain([0xe9, 0x2028, 0x1f600]) {
            all.push(char::from_u32(c).unwrap());
        }
        all.push_str("\"quoted\" \\ back");
        assert_eq!(quoted(&all), serde_json::to_string(&all).unwrap());
        for c in 0u8..0x20 {
            let text = format!("a{}b", char::from(c));
            assert_eq!(
                quoted(&text),
                serde_json::to_string(&text).unwrap(),
                "byte {c:#x}"
            );
        }
    }

    #[test]
    fn body_has_the_seed_shape() {
        let mut out = String::new();
        write_body(
            &mut out,
            "SVCSTG.SWR.4001048",
            "Failed to get Token from Context",
            "",
        );
        assert_eq!(
            out,
            r#"[{"errorCode":"SVCSTG.SWR.4001048","errorMessage":"Failed to get Token from Context","detail":""}]"#
        );
        let value: serde_json::Value = serde_json::from_str(&out).unwrap();
        assert_eq!(value[0]["detail"], "");
    }
}
