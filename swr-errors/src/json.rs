//! Hand-written JSON text, byte-identical to `serde_json`'s output: strings escaped as it escapes
//! them, and integers. Every body format (`format/`) writes its keys and brackets around these.
//!
//! Text without quotes, backslashes or control characters is copied as it is, so the common case
//! is a `push_str`; the scan for characters to escape reads eight bytes at a time.

/// Appends `text` as a JSON string literal, quotes included, escaped as `serde_json` escapes:
/// `\"`, `\\`, the short forms `\b \f \n \r \t`, and `\u00XX` for other control characters.
/// Everything else, any Unicode included, is copied unchanged.
pub(crate) fn write_str(out: &mut String, text: &str) {
    out.push('"');
    write_str_contents(out, text);
    out.push('"');
}

/// Appends `text` escaped, without the quotes.
///
/// Eight bytes at a time: each word gives the exact set of its bytes to escape, and each of them
/// is written in turn, so a text with many escapes (a quoted path, a multi-line message) is read
/// once, never rescanned from each escape.
pub(crate) fn write_str_contents(out: &mut String, text: &str) {
    let bytes = text.as_bytes();
    // Every byte escaped is ASCII, so each run between two is a slice at char boundaries.
    let mut start = 0;
    let mut at = 0;
    while let Some(word) = word_at(bytes, at) {
        let mut lanes = escape_lanes(word);
        while lanes != 0 {
            escape_at(out, text, &mut start, at + lane(lanes));
            lanes &= lanes - 1;
        }
        at += 8;
    }
    for (offset, &byte) in bytes[at..].iter().enumerate() {
        if needs_escape(byte) {
            escape_at(out, text, &mut start, at + offset);
        }
    }
    out.push_str(&text[start..]);
}

/// Appends the run of `text` from `*start` to `at`, then the escape of the byte at `at`.
#[inline(always)]
fn escape_at(out: &mut String, text: &str, start: &mut usize, at: usize) {
    if *start < at {
        out.push_str(&text[*start..at]);
    }
    write_escape(out, text.as_bytes()[at]);
    *start = at + 1;
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

/// The eight bytes at `at`, as a little-endian word (the first byte in the lowest lane); `None`
/// when fewer than eight are left.
#[inline]
fn word_at(bytes: &[u8], at: usize) -> Option<u64> {
    let chunk = bytes.get(at..at + 8)?;
    Some(u64::from_le_bytes([
        chunk[0], chunk[1], chunk[2], chunk[3], chunk[4], chunk[5], chunk[6], chunk[7],
    ]))
}

/// The high bit of each byte of `word` that must be escaped, and of no other: exact, lane by lane
/// (no borrow crosses from one byte to the next, as in the usual "has a zero byte" test).
#[inline]
fn escape_lanes(word: u64) -> u64 {
    const LOW7: u64 = u64::from_ne_bytes([0x7f; 8]);
    /// The high bit of each zero byte of `word`.
    const fn zero_lanes(word: u64) -> u64 {
        !(((word & LOW7).wrapping_add(LOW7)) | word | LOW7)
    }
    // A control character has its three high bits clear; a quote or a backslash is zero once
    // xored with it.
    zero_lanes(word & u64::from_ne_bytes([0xe0; 8]))
        | zero_lanes(word ^ u64::from_ne_bytes([b'"'; 8]))
        | zero_lanes(word ^ u64::from_ne_bytes([b'\\'; 8]))
}

/// The offset, in its word, of the lowest byte that [`escape_lanes`] marked.
#[inline]
fn lane(lanes: u64) -> usize {
    (lanes.trailing_zeros() / 8) as usize
}

/// The position of the first byte at or after `from` that must be escaped: eight bytes at a time,
/// then byte by byte for the last few. The client's parser finds the end of a plain string with it.
#[cfg(feature = "client")]
#[inline]
pub(crate) fn find_escape(bytes: &[u8], from: usize) -> Option<usize> {
    let mut at = from;
    while let Some(word) = word_at(bytes, at) {
        let lanes = escape_lanes(word);
        if lanes != 0 {
            return Some(at + lane(lanes));
        }
        at += 8;
    }
    bytes[at..]
        .iter()
        .position(|&byte| needs_escape(byte))
        .map(|offset| at + offset)
}

/// Appends the escape of `byte`, one of the bytes [`needs_escape`] accepts.
#[inline(always)]
fn write_escape(out: &mut String, byte: u8) {
    /// The letter of each byte's short escape (`\"`, `\\`, `\b`, `\f`, `\n`, `\r`, `\t`); 0 for
    /// the bytes written `\u00XX`. A table and two one-byte pushes: most details that need
    /// escaping have several quotes or newlines, and a `match` of string slices costs each a
    /// copy call.
    const SHORT: [u8; 256] = {
        let mut short = [0u8; 256];
        short[b'"' as usize] = b'"';
        short[b'\\' as usize] = b'\\';
        short[0x08] = b'b';
        short[0x0c] = b'f';
        short[b'\n' as usize] = b'n';
        short[b'\r' as usize] = b'r';
        short[b'\t' as usize] = b't';
        short
    };
    const HEX: &[u8; 16] = b"0123456789abcdef";
    out.push('\\');
    match SHORT[usize::from(byte)] {
        0 => {
            out.push_str("u00");
            out.push(char::from(HEX[usize::from(byte >> 4)]));
            out.push(char::from(HEX[usize::from(byte & 0xf)]));
        }
        letter => out.push(char::from(letter)),
    }
}

#[cfg(test)]
mod tests {
    use super::write_str;

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
    fn several_escapes_in_one_word_are_each_written() {
        // Two specials at every pair of positions of texts around two words long: the lanes of
        // one word are taken one by one, lowest first.
        let specials = ['"', '\\', '\n', '\u{1}', '\u{1f}'];
        for len in 2..18 {
            for first in 0..len {
                for second in first + 1..len {
                    for (a, b) in specials.iter().zip(specials.iter().rev()) {
                        let mut text: Vec<char> = "abcdefghijklmnopqr"[..len].chars().collect();
                        text[first] = *a;
                        text[second] = *b;
                        let text: String = text.into_iter().collect();
                        assert_eq!(quoted(&text), serde_json::to_string(&text).unwrap());
                    }
                }
            }
        }
    }
}
