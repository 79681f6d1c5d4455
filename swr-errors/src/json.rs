//! Hand-written JSON for the one shape the crate writes, byte-identical to `serde_json`'s output.
//!
//! A body is `[{"errorCode":C,"errorMessage":M,"detail":D}]`. Codes never need escaping (the
//! derive checks their shape), and text without quotes, backslashes or control characters is
//! copied as it is, so the common case is a handful of `push_str`s of static text. The scan for
//! characters to escape reads eight bytes at a time.

/// The bytes of a body besides the three texts: `[{"errorCode":"","errorMessage":"","detail":""}]`.
const BODY_OVERHEAD: usize = 48;

/// Appends `[{"errorCode":code,"errorMessage":message,"detail":detail}]` to `out`.
pub fn write_body(out: &mut String, code: &str, message: &str, detail: &str) {
    // One reservation for the whole body when nothing needs escaping: the pushes below then never
    // reallocate, and into a reused buffer nothing allocates at all.
    out.reserve(BODY_OVERHEAD + code.len() + message.len() + detail.len());
    out.push('[');
    write_entry(out, code, message, detail);
    out.push(']');
}

/// Appends a body whose start, `prefix` (`[{"errorCode":"…","errorMessage":"…","detail":"`), the
/// derive wrote out and escaped at compile time, then `detail` escaped, then `"}]`.
pub fn write_body_from(out: &mut String, prefix: &str, detail: &str) {
    out.reserve(prefix.len() + detail.len() + 3);
    out.push_str(prefix);
    write_str_contents(out, detail);
    out.push_str("\"}]");
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
    write_str_contents(out, text);
    out.push('"');
}

/// Appends `text` escaped, without the quotes.
pub(crate) fn write_str_contents(out: &mut String, text: &str) {
    let bytes = text.as_bytes();
    let mut start = 0;
    while let Some(at) = find_escape(bytes, start) {
        // Every byte `find_escape` stops at is ASCII, so `at` is a char boundary.
        out.push_str(&text[start..at]);
        write_escape(out, bytes[at]);
        start = at + 1;
    }
    out.push_str(&text[start..]);
}

/// Appends `number` in decimal, as `serde_json` writes an integer; no allocation.
pub(crate) fn write_u16(out: &mut String, number: u16) {
    let mut digits = [0u8; 5];
    let mut at = digits.len();
    let mut rest = number;
    loop {
        at -= 1;
        digits[at] = b'0' + (rest % 10) as u8;
        rest /= 10;
        if rest == 0 {
            break;
        }
    }
    for &digit in &digits[at..] {
        out.push(char::from(digit));
    }
}

/// Whether `byte` must be escaped in a JSON string: `"`, `\` or a control character.
#[inline]
fn needs_escape(byte: u8) -> bool {
    byte < 0x20 || byte == b'"' || byte == b'\\'
}

/// The position of the first byte at or after `from` that must be escaped.
///
/// Eight bytes at a time: a word with no such byte is skipped whole (the test below is exact, with
/// neither false negatives nor false positives), the first word that has one is searched byte by
/// byte.
#[inline]
pub(crate) fn find_escape(bytes: &[u8], from: usize) -> Option<usize> {
    const ONES: u64 = u64::from_ne_bytes([0x01; 8]);
    const HIGHS: u64 = u64::from_ne_bytes([0x80; 8]);
    /// Whether some byte of `word` is zero (exact, per "Bit Twiddling Hacks").
    const fn has_zero(word: u64) -> bool {
        word.wrapping_sub(ONES) & !word & HIGHS != 0
    }
    let mut at = from;
    while let Some(chunk) = bytes.get(at..at + 8) {
        let word = u64::from_ne_bytes([
            chunk[0], chunk[1], chunk[2], chunk[3], chunk[4], chunk[5], chunk[6], chunk[7],
        ]);
        // A byte below 0x20 (its high bit clear, and below 0x20 once 0x20 is subtracted), a quote
        // or a backslash (zero once xored with it).
        let control = word.wrapping_sub(ONES * 0x20) & !word & HIGHS != 0;
        if control || has_zero(word ^ (ONES * u64::from(b'"'))) || has_zero(word ^ (ONES * 0x5c)) {
            break;
        }
        at += 8;
    }
    bytes[at..]
        .iter()
        .position(|&byte| needs_escape(byte))
        .map(|offset| at + offset)
}

/// Appends the escape of `byte`, one of the bytes [`needs_escape`] accepts.
fn write_escape(out: &mut String, byte: u8) {
    let short = match byte {
        b'"' => "\\\"",
        b'\\' => "\\\\",
        b'\n' => "\\n",
        b'\r' => "\\r",
        b'\t' => "\\t",
        0x08 => "\\b",
        0x0c => "\\f",
        _ => {
            const HEX: &[u8; 16] = b"0123456789abcdef";
            out.push_str("\\u00");
            out.push(char::from(HEX[usize::from(byte >> 4)]));
            out.push(char::from(HEX[usize::from(byte & 0xf)]));
            return;
        }
    };
    out.push_str(short);
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
    fn numbers_are_written_as_serde_json_writes_them() {
        for number in [0u16, 7, 10, 404, 599, 9999, 10000, u16::MAX] {
            let mut out = String::new();
            super::write_u16(&mut out, number);
            assert_eq!(out, serde_json::to_string(&number).unwrap());
        }
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
    fn escapes_are_found_at_every_offset_of_the_word_scan() {
        // Each special byte, and bytes that look like one to a careless word test (0x20, 0x21,
        // 0x23, 0x5b, 0x5d, 0x7f, 0xa2 and 0xdc of multi-byte characters), at every position of
        // texts of several lengths around the eight-byte words.
        let specials = [
            '"', '\\', '\n', '\u{0}', '\u{1f}', '\u{8}', ' ', '!', '#', '[', ']', '\u{7f}',
        ];
        for len in 0..20 {
            for at in 0..len {
                for special in specials.iter().copied().chain(['¢', 'Ü']) {
                    let mut text: String = "abcdefghijklmnopqrstu"[..len].to_owned();
                    text.replace_range(at..=at, special.encode_utf8(&mut [0; 4]));
                    text.push_str("\"é\\ 🦀");
                    assert_eq!(
                        quoted(&text),
                        serde_json::to_string(&text).unwrap(),
                        "{text:?}"
                    );
                }
            }
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

    #[test]
    fn body_from_a_prefix_is_the_body() {
        let mut whole = String::new();
        write_body(&mut whole, "SVCSTG.SWR.4040010", "Gone.", "a \"b\"\n");
        let mut from = String::new();
        let prefix = r#"[{"errorCode":"SVCSTG.SWR.4040010","errorMessage":"Gone.","detail":""#;
        super::write_body_from(&mut from, prefix, "a \"b\"\n");
        assert_eq!(from, whole);
    }

    #[test]
    fn the_reservation_is_the_unescaped_length() {
        let mut out = String::new();
        write_body(&mut out, "", "", "");
        assert_eq!(out.len(), super::BODY_OVERHEAD);
    }
}
