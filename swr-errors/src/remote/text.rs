//! Byte- and text-level helpers of the parser: the nesting pre-scan, the lossy UTF-8 prefix of a
//! body that is not JSON, and cutting text at a char boundary.

use crate::prefix::char_prefix;

/// Cuts `text` to at most `max` bytes, at the last char boundary at or before `max`.
pub(super) fn cut(text: &mut String, max: usize) {
    let end = char_prefix(text, max).len();
    text.truncate(end);
}

/// `text` as an owned string of at most `max` bytes (see [`cut`]).
pub(super) fn bounded(text: &str, max: usize) -> String {
    char_prefix(text, max).to_owned()
}

/// The body as text for a message: invalid UTF-8 replaced by U+FFFD, surrounding whitespace (as
/// `str::trim` sees it: Unicode's, not only ASCII's) trimmed, then at most `max` bytes, cut at a
/// char boundary. Reads the leading whitespace and at most `max` bytes beyond it, so a huge body
/// costs no more than a small one, and a huge run of whitespace a pass over it.
pub(super) fn lossy_prefix(body: &[u8], max: usize) -> String {
    let body = trim_start_lossy(body);
    let was_cut = body.len() > max;
    let prefix = &body[..body.len().min(max)];
    let mut text = String::with_capacity(prefix.len());
    for chunk in prefix.utf8_chunks() {
        text.push_str(chunk.valid());
        let invalid = chunk.invalid();
        if invalid.is_empty() {
            continue;
        }
        // An incomplete sequence at the very end of a cut prefix is a character the cut split,
        // not invalid input: drop it rather than show a replacement character.
        let split_by_cut = was_cut
            && invalid.as_ptr_range().end == prefix.as_ptr_range().end
            && std::str::from_utf8(invalid).is_err_and(|e| e.error_len().is_none());
        if !split_by_cut {
            text.push(char::REPLACEMENT_CHARACTER);
        }
    }
    // Each replacement character may stand for one byte yet takes three.
    cut(&mut text, max);
    match text.trim_end() {
        trimmed if trimmed.len() == text.len() => text,
        trimmed => trimmed.to_owned(),
    }
}

/// `body` without its leading whitespace, as `str::trim_start` sees it in the body's lossy
/// decoding (an invalid sequence is U+FFFD, which is not whitespace). Decodes a window at a time
/// and stops at the first character that is not whitespace: it reads the whitespace and at most a
/// window beyond it, never the rest of the body.
fn trim_start_lossy(mut body: &[u8]) -> &[u8] {
    const WINDOW: usize = 256;
    loop {
        let window = &body[..body.len().min(WINDOW)];
        // The window's longest valid prefix: a cut character at its end, or an invalid sequence,
        // ends it.
        let valid = match std::str::from_utf8(window) {
            Ok(valid) => valid,
            Err(error) => std::str::from_utf8(&window[..error.valid_up_to()]).unwrap_or_default(),
        };
        let rest = valid.trim_start();
        let skipped = valid.len() - rest.len();
        body = &body[skipped..];
        // Something that is not whitespace (or the end) is next, unless all the window's valid
        // text was whitespace: then the next window decides.
        if skipped == 0 || !rest.is_empty() {
            return body;
        }
    }
}

/// `body` without the incomplete UTF-8 sequence it ends with, if any: for the start of a body,
/// the part of a character that the end of what was read split, which is not invalid input.
#[cfg(feature = "reqwest")]
pub(super) fn without_split_char(body: &[u8]) -> &[u8] {
    // A sequence is at most 4 bytes: an incomplete one, at most 3.
    for start in (body.len().saturating_sub(3)..body.len()).rev() {
        if !matches!(body[start], 0x80..=0xbf) {
            let incomplete =
                std::str::from_utf8(&body[start..]).is_err_and(|e| e.error_len().is_none());
            return if incomplete { &body[..start] } else { body };
        }
    }
    body
}

/// Whether `json` nests arrays and objects at most `max` deep, counting brackets outside strings.
///
/// Exact for valid JSON; for anything else the answer does not matter, as the parse that follows
/// fails. This keeps the depth bound ours rather than `serde_json`'s (whose limit a crate anywhere
/// in the build can lift with the `unbounded_depth` feature).
pub(super) fn depth_within(json: &[u8], max: usize) -> bool {
    let mut depth = 0usize;
    let mut in_string = false;
    let mut escaped = false;
    for &byte in json {
        if in_string {
            if escaped {
                escaped = false;
            } else if byte == b'\\' {
                escaped = true;
            } else if byte == b'"' {
                in_string = false;
            }
            continue;
        }
        match byte {
            b'"' => in_string = true,
            b'[' | b'{' => {
                depth += 1;
                if depth > max {
                    return false;
                }
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use super::{bounded, cut, depth_within, lossy_prefix, trim_start_lossy};

    #[test]
    fn cut_stays_on_char_boundaries() {
        let mut text = String::from("aé€😀");
        cut(&mut text, 100);
        assert_eq!(text, "aé€😀");
        for (max, expected) in [
            (0, ""),
            (1, "a"),
            (2, "a"),
            (3, "aé"),
            (5, "aé"),
            (6, "aé€"),
            (9, "aé€"),
            (10, "aé€😀"),
        ] {
            let mut text = String::from("aé€😀");
            cut(&mut text, max);
            assert_eq!(text, expected, "max {max}");
            assert_eq!(bounded("aé€😀", max), expected, "max {max}");
        }
    }

    #[test]
    fn lossy_prefix_trims_replaces_and_bounds() {
        assert_eq!(
            lossy_prefix(b"  \r\n<html>502</html>\n\n", 100),
            "<html>502</html>"
        );
        assert_eq!(lossy_prefix(b"", 100), "");
        assert_eq!(lossy_prefix(b" \t\n", 100), "");
        assert_eq!(lossy_prefix(b"a\xffb", 100), "a\u{fffd}b");
        // A truncated sequence inside the body is invalid input...
        assert_eq!(lossy_prefix(b"a\xe2\x82b", 100), "a\u{fffd}b");
        // ...and so is one at its very end when nothing was cut.
        assert_eq!(lossy_prefix(b"a\xe2\x82", 100), "a\u{fffd}");
        // A character split by the cut is dropped, not replaced.
        assert_eq!(lossy_prefix("ab€cd".as_bytes(), 3), "ab");
        assert_eq!(lossy_prefix("ab€cd".as_bytes(), 4), "ab");
        assert_eq!(lossy_prefix("ab€cd".as_bytes(), 5), "ab€");
        // An invalid byte at the cut is replaced, and the replacement cut by the bound.
        assert_eq!(lossy_prefix(b"ab\xffcd", 3), "ab");
        assert_eq!(lossy_prefix(b"\xffab\xffcd", 6), "\u{fffd}ab");
        // Replacement characters never push the text past the bound.
        let text = lossy_prefix(&[0xff; 10], 10);
        assert!(text.len() <= 10);
        assert_eq!(text, "\u{fffd}\u{fffd}\u{fffd}");
    }

    #[test]
    fn lossy_prefix_trims_unicode_whitespace_before_it_cuts() {
        // U+3000 (ideographic space, 3 bytes), U+00A0, U+2003, U+0085, and the vertical tab that
        // `trim_ascii` leaves: all whitespace to `str::trim`.
        let body = format!("{}Bad Gateway\u{3000}\n", "\u{3000}".repeat(400));
        assert_eq!(lossy_prefix(body.as_bytes(), 1024), "Bad Gateway");
        let body = format!("{}Bad Gateway", "\u{a0}\u{2003}\u{85}\x0b \r\n".repeat(300));
        assert_eq!(lossy_prefix(body.as_bytes(), 1024), "Bad Gateway");
        // The bound applies to what follows the whitespace.
        let body = format!("{}{}", "\u{3000}".repeat(400), "x".repeat(2000));
        assert_eq!(lossy_prefix(body.as_bytes(), 1024), "x".repeat(1024));
        // Whitespace only, of any length, is empty.
        assert_eq!(
            lossy_prefix("\u{3000}".repeat(100_000).as_bytes(), 1024),
            ""
        );
        // An invalid byte is U+FFFD, not whitespace: it ends the leading whitespace.
        assert_eq!(
            lossy_prefix(b"\xc2 \xe3\x80\x80x", 1024),
            "\u{fffd} \u{3000}x"
        );
        assert_eq!(lossy_prefix("\u{3000}\u{3000}".as_bytes(), 4), "");
    }

    #[test]
    fn trim_start_lossy_reads_across_windows() {
        // Characters split by every window boundary, whatever the offset.
        for pad in 0..4 {
            let body = format!("{}{}x", " ".repeat(pad), "\u{3000}".repeat(1000));
            assert_eq!(trim_start_lossy(body.as_bytes()), b"x", "pad {pad}");
        }
        assert_eq!(trim_start_lossy(b""), b"");
        assert_eq!(trim_start_lossy(b"   "), b"");
        assert_eq!(trim_start_lossy(b" \xff "), b"\xff ");
        // A truncated sequence at the end is invalid input, kept.
        assert_eq!(trim_start_lossy(b" \xe3\x80"), b"\xe3\x80");
        // Other text is left as it is.
        assert_eq!(
            trim_start_lossy("\u{feff} x".as_bytes()),
            "\u{feff} x".as_bytes()
        );
    }

    #[cfg(feature = "reqwest")]
    #[test]
    fn without_split_char_drops_only_an_incomplete_end() {
        use super::without_split_char;
        assert_eq!(without_split_char(b""), b"");
        assert_eq!(without_split_char(b"ab"), b"ab");
        assert_eq!(
            without_split_char("a\u{3000}".as_bytes()),
            "a\u{3000}".as_bytes()
        );
        assert_eq!(without_split_char(b"a\xe3\x80"), b"a");
        assert_eq!(without_split_char(b"a\xe3"), b"a");
        assert_eq!(without_split_char(b"a\xf0\x9f\x98"), b"a");
        assert_eq!(without_split_char("😀".as_bytes()), "😀".as_bytes());
        // Invalid input stays, to become U+FFFD.
        assert_eq!(without_split_char(b"a\xff"), b"a\xff");
        assert_eq!(without_split_char(b"a\x80\x80"), b"a\x80\x80");
        assert_eq!(without_split_char(b"a\xe3x"), b"a\xe3x");
        // The start of a body of whitespace cut inside a character reads as empty.
        let mut body = "\u{3000}".repeat(100).into_bytes();
        body.truncate(body.len() - 1);
        assert_eq!(lossy_prefix(without_split_char(&body), 1024), "");
    }

    #[test]
    fn depth_counts_brackets_outside_strings() {
        assert!(depth_within(b"[]", 1));
        assert!(!depth_within(b"[[]]", 1));
        assert!(depth_within(b"[[]]", 2));
        assert!(depth_within(br#"[{"a":"[[[[{{{{"}]"#, 2));
        assert!(depth_within(br#"[{"a":"\"[[[[{{{{"}]"#, 2));
        assert!(depth_within(br#"[{"a\\":"b"},{"c":[]}]"#, 3));
        assert!(!depth_within(br#"[{"a\\":"b"},{"c":[[]]}]"#, 3));
        let deep = "[".repeat(200_000);
        assert!(!depth_within(deep.as_bytes(), 64));
    }
}
