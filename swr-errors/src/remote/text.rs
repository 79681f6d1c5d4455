//! Byte- and text-level helpers of the parser: the nesting pre-scan, the lossy UTF-8 prefix of a
//! body that is not JSON, and cutting text at a char boundary.

/// Cuts `text` to at most `max` bytes, at the last char boundary at or before `max`.
pub(super) fn cut(text: &mut String, max: usize) {
    if text.len() > max {
        let mut end = max;
        // Some boundary at or below `max` exists: 0 is one.
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        text.truncate(end);
    }
}

/// `text` as an owned string of at most `max` bytes (see [`cut`]).
pub(super) fn bounded(text: &str, max: usize) -> String {
    let mut end = max.min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    text[..end].to_owned()
}

/// The body as text for a message: surrounding whitespace (as `str::trim` sees it) trimmed, invalid UTF-8 replaced by
/// U+FFFD, at most `max` bytes, cut at a char boundary. Reads at most `max` bytes of the body
/// beyond its leading whitespace, so a huge body costs no more than a small one.
pub(super) fn lossy_prefix(body: &[u8], max: usize) -> String {
    let body = body.trim_ascii_start();
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
    match text.trim() {
        trimmed if trimmed.len() == text.len() => text,
        trimmed => trimmed.to_owned(),
    }
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
    use super::{bounded, cut, depth_within, lossy_prefix};

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
