//! The lenient reading of JSON strings: a body whose strings hold what strict JSON forbids is
//! rewritten into the nearest strict JSON, so a bad character in a message never costs the code.
//!
//! Servers write such strings: JavaScript's `JSON.stringify` writes a lone surrogate escape
//! (`"\ud800"`) for a UTF-16 string cut inside a surrogate pair, a hand-rolled encoder forgets to
//! escape a newline, a byte-oriented proxy cuts a UTF-8 sequence. `serde_json` rejects the whole
//! body for any of them. [`repair`] rewrites, inside strings only:
//!
//! - a lone surrogate escape (`\ud800` without a following `\udc00`..`\udfff`, or a `\udc00`..
//!   `\udfff` without a leading one) into U+FFFD;
//! - any other invalid escape (`\x`, `\u12` with fewer than four hex digits, a backslash before a
//!   control or non-ASCII character) into U+FFFD: the backslash, the character after it, and for
//!   `\u` the hex digits that follow (at most four);
//! - a raw control character (U+0000 to U+001F) into its `\u00XX` escape, so it is kept;
//! - anywhere in the body, a byte sequence that is not UTF-8 into U+FFFD (outside a string this
//!   leaves the JSON as invalid as it was).
//!
//! Everything strict JSON accepts keeps its meaning, so the rewrite of a body that parses reads
//! as the body itself: the parser tries the body first and repairs it only when it fails, at no cost to
//! well-formed bodies, with the same result as repairing every body first.

use std::borrow::Cow;

/// The body with its strings repaired; `None` when there was nothing to repair (the body is
/// either strict JSON or invalid for reasons outside its strings).
pub(super) fn repair(json: &[u8]) -> Option<Vec<u8>> {
    let text = String::from_utf8_lossy(json);
    let mut changed = matches!(text, Cow::Owned(_));
    let mut out = String::with_capacity(text.len() + 8);
    let mut chars = text.chars().peekable();
    let mut in_string = false;
    while let Some(c) = chars.next() {
        if !in_string {
            in_string = c == '"';
            out.push(c);
            continue;
        }
        match c {
            '"' => {
                in_string = false;
                out.push(c);
            }
            '\\' => match chars.next() {
                Some(e @ ('"' | '\\' | '/' | 'b' | 'f' | 'n' | 'r' | 't')) => {
                    out.push('\\');
                    out.push(e);
                }
                Some('u') => changed |= unicode_escape(&mut chars, &mut out),
                Some(_) => {
                    out.push(char::REPLACEMENT_CHARACTER);
                    changed = true;
                }
                // A backslash that ends the body: the string is unterminated, the JSON invalid
                // whatever is done here.
                None => out.push('\\'),
            },
            '\u{0}'..='\u{1f}' => {
                push_escape(&mut out, u32::from(c));
                changed = true;
            }
            _ => out.push(c),
        }
    }
    changed.then(|| out.into_bytes())
}

type Chars<'a> = std::iter::Peekable<std::str::Chars<'a>>;

/// Writes the rest of a `\u` escape (the `\u` already read) to `out`: as written when it is four
/// hex digits that are not a surrogate, or a leading surrogate with the trailing one's escape
/// after it; else U+FFFD. Consumes what it writes or replaces, and no more: a leading surrogate
/// followed by anything but a trailing surrogate's escape is replaced alone. Returns whether it
/// replaced.
fn unicode_escape(chars: &mut Chars<'_>, out: &mut String) -> bool {
    let Some(unit) = hex4(chars) else {
        out.push(char::REPLACEMENT_CHARACTER);
        return true;
    };
    let pair = match unit {
        0xd800..=0xdbff => {
            // Look ahead without consuming: `\uDC00`..`\uDFFF` completes the pair.
            let mut ahead = chars.clone();
            match (ahead.next(), ahead.next(), hex4(&mut ahead)) {
                (Some('\\'), Some('u'), Some(low @ 0xdc00..=0xdfff)) => {
                    *chars = ahead;
                    Some(low)
                }
                _ => None,
            }
        }
        _ => None,
    };
    match (unit, pair) {
        (0xd800..=0xdfff, None) => {
            out.push(char::REPLACEMENT_CHARACTER);
            true
        }
        _ => {
            for unit in std::iter::once(unit).chain(pair) {
                push_escape(out, unit);
            }
            false
        }
    }
}

/// Writes `\uXXXX` for a UTF-16 code unit.
fn push_escape(out: &mut String, unit: u32) {
    use std::fmt::Write;
    // Writing to a `String` cannot fail.
    let _ = write!(out, "\\u{unit:04x}");
}

/// Four hex digits as a UTF-16 code unit; `None`, having consumed the digits present, when there
/// are fewer.
fn hex4(chars: &mut Chars<'_>) -> Option<u32> {
    let mut unit = 0;
    for _ in 0..4 {
        let digit = chars.peek()?.to_digit(16)?;
        chars.next();
        unit = unit * 16 + digit;
    }
    Some(unit)
}

#[cfg(test)]
mod tests {
    use super::repair;

    fn repaired(json: &[u8]) -> String {
        String::from_utf8(repair(json).expect("something to repair")).unwrap()
    }

    #[test]
    fn strict_json_is_left_alone() {
        for json in [
            &br#"[{"errorCode":"C","errorMessage":"a\"b\\c\/\b\f\n\r\t"}]"#[..],
            br#"{"m":"\u0041\u00e9\ud83d\ude00\uFFFF"}"#,
            "{\"m\":\"\u{e9}\u{1f600}\"}".as_bytes(),
            b"not json at all \\ \\u",
            b"",
            br#""unterminated \"#,
        ] {
            assert_eq!(repair(json), None, "{}", String::from_utf8_lossy(json));
        }
    }

    #[test]
    fn lone_surrogates_become_replacement_characters() {
        assert_eq!(repaired(br#"["\ud800"]"#), "[\"\u{fffd}\"]");
        assert_eq!(repaired(br#"["\udc00x"]"#), "[\"\u{fffd}x\"]");
        assert_eq!(
            repaired(br#"["a\ud800\ud800b"]"#),
            "[\"a\u{fffd}\u{fffd}b\"]"
        );
        // A leading surrogate before a valid escape: only the surrogate goes.
        assert_eq!(repaired(br#"["\ud800\u0041"]"#), "[\"\u{fffd}\\u0041\"]");
        assert_eq!(repaired(br#"["\ud800\n"]"#), "[\"\u{fffd}\\n\"]");
        // A trailing surrogate after a pair: the pair stays.
        assert_eq!(
            repaired(br#"["\ud83d\ude00\ude00"]"#),
            "[\"\\ud83d\\ude00\u{fffd}\"]"
        );
    }

    #[test]
    fn other_invalid_escapes_become_replacement_characters() {
        assert_eq!(repaired(br#"["a\qb"]"#), "[\"a\u{fffd}b\"]");
        assert_eq!(repaired(br#"["\u12"]"#), "[\"\u{fffd}\"]");
        assert_eq!(repaired(br#"["\u12zz"]"#), "[\"\u{fffd}zz\"]");
        assert_eq!(repaired(br#"["\u"]"#), "[\"\u{fffd}\"]");
        assert_eq!(repaired("[\"\\\u{e9}\"]".as_bytes()), "[\"\u{fffd}\"]");
        assert_eq!(repaired(b"[\"\\\x01\"]"), "[\"\u{fffd}\"]");
    }

    #[test]
    fn raw_control_characters_are_escaped_and_invalid_utf8_replaced() {
        assert_eq!(repaired(b"[\"a\nb\x00\"]"), "[\"a\\u000ab\\u0000\"]");
        assert_eq!(repaired(b"[\"a\xffb\"]"), "[\"a\u{fffd}b\"]");
        // Outside strings: control characters are whitespace or errors, left to the parser.
        assert_eq!(repair(b"[\n\"a\"\t]"), None);
    }

    #[test]
    fn the_repair_of_a_repair_is_nothing() {
        for json in [
            &br#"["\ud800","\q","\u1"]"#[..],
            b"[\"\x07\xfe\"]",
            br#"{"a\ud800":"\udfff"}"#,
        ] {
            let once = repair(json).unwrap();
            assert_eq!(repair(&once), None);
            serde_json::from_slice::<serde_json::Value>(&once).unwrap();
        }
    }
}
