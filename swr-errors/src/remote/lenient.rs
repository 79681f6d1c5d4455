//! The lenient reading of JSON: a body whose strings hold what strict JSON forbids, or whose
//! numbers `serde_json` cannot hold, is rewritten into the nearest JSON `serde_json` reads, so a
//! bad character in a message, or a huge number beside the code, never costs the code.
//!
//! Servers write such strings: JavaScript's `JSON.stringify` writes a lone surrogate escape
//! (`"\ud800"`) for a UTF-16 string cut inside a surrogate pair, a hand-rolled encoder forgets to
//! escape a newline, a byte-oriented proxy cuts a UTF-8 sequence. `serde_json` rejects the whole
//! body for any of them. [`repair`] rewrites, inside strings:
//!
//! - a lone surrogate escape (`\ud800` without a following `\udc00`..`\udfff`, or a `\udc00`..
//!   `\udfff` without a leading one) into U+FFFD;
//! - any other invalid escape (`\x`, `\u12` with fewer than four hex digits, a backslash before a
//!   control or non-ASCII character) into U+FFFD: the backslash, the character after it, and for
//!   `\u` the hex digits that follow (at most four);
//! - a raw control character (U+0000 to U+001F) into its `\u00XX` escape, so it is kept;
//!
//! outside strings:
//!
//! - a number that is valid JSON (RFC 8259 bounds neither digits nor exponent) but out of `f64`'s
//!   range, which `serde_json` (without `arbitrary_precision`, a feature that would change
//!   `serde_json::Value` for the whole build) rejects with the whole body: `1e400`, `-1e400`, an
//!   integer of 310 digits. As the value of a code key (`error_code`, `errorCode`, `code`, at any
//!   depth) it becomes the JSON string of its literal, `"1e400"`, so a code stays the code it was
//!   written as (`serde_json` has no other way to write it); anywhere else it becomes `null`,
//!   which every other place a number can be reads as it reads a number: no message, no detail,
//!   no request id, no entry. A number within range (`1e-400` is `0.0`) is left alone;
//!
//! and anywhere in the body, a byte sequence that is not UTF-8 into U+FFFD (outside a string this
//! leaves the JSON as invalid as it was).
//!
//! Everything `serde_json` accepts keeps its meaning, so the rewrite of a body that parses reads
//! as the body itself: the parser tries the body first and repairs it only when it fails, at no
//! cost to well-formed bodies, with the same result as repairing every body first.

use std::borrow::Cow;
use std::ops::Range;

use super::keys::CODE_KEYS;

/// The body with its strings and out-of-range numbers repaired; `None` when there was nothing to
/// repair (the body is either JSON `serde_json` reads or invalid for other reasons).
pub(super) fn repair(json: &[u8]) -> Option<Vec<u8>> {
    let text = String::from_utf8_lossy(json);
    let mut changed = matches!(text, Cow::Owned(_));
    let mut out = String::with_capacity(text.len() + 8);
    let mut chars = text.chars().peekable();
    let mut in_string = false;
    // Outside strings: the last token, as far as telling a member's key goes.
    let mut last = Last::Other;
    while let Some(c) = chars.next() {
        if !in_string {
            match c {
                '"' => {
                    in_string = true;
                    last = Last::String(out.len());
                }
                ':' => {
                    last = match last {
                        Last::String(start) => Last::Key(start..out.len()),
                        _ => Last::Other,
                    }
                }
                ' ' | '\t' | '\n' | '\r' => {}
                // A number starts after a delimiter or whitespace; within another token (`+1`,
                // `true1`) it is part of that invalid token, left as it is.
                '-' | '0'..='9'
                    if matches!(
                        out.as_bytes().last(),
                        None | Some(b'[' | b',' | b':' | b' ' | b'\t' | b'\n' | b'\r')
                    ) =>
                {
                    let key = match &last {
                        Last::Key(key) => Some(key.clone()),
                        _ => None,
                    };
                    changed |= number(c, &mut chars, &mut out, key);
                    last = Last::Other;
                    continue;
                }
                _ => last = Last::Other,
            }
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

/// The last token outside strings, for [`repair`] to tell the key of the member whose value a
/// number is.
enum Last {
    /// A string, which starts at this offset of the output.
    String(usize),
    /// A string and a colon: the key, this range of the output (quotes included).
    Key(Range<usize>),
    Other,
}

/// Writes to `out` the number token that starts with `first` (already read) and goes on in
/// `chars`: as it is, unless it is a JSON number `serde_json` rejects (out of `f64`'s range), which
/// becomes the string of its literal when `key` (its member's key in `out`) is a code key, else
/// `null`. Returns whether it rewrote. A token that is not a JSON number is left as it is: the
/// JSON is invalid whatever is done here.
fn number(first: char, chars: &mut Chars<'_>, out: &mut String, key: Option<Range<usize>>) -> bool {
    let start = out.len();
    out.push(first);
    while let Some(&c) = chars.peek() {
        if !matches!(c, '0'..='9' | '-' | '+' | '.' | 'e' | 'E') {
            break;
        }
        out.push(c);
        chars.next();
    }
    let token = &out[start..];
    // Only an exponent or some 309 digits reach past f64's range; serde_json says which do.
    let out_of_range = (token.len() > 300 || token.contains(['e', 'E']))
        && is_json_number(token)
        && serde_json::from_str::<serde_json::Value>(token).is_err();
    if !out_of_range {
        return false;
    }
    let is_code = key.is_some_and(|key| {
        serde_json::from_str::<String>(&out[key]).is_ok_and(|key| CODE_KEYS.contains(&key.as_str()))
    });
    if is_code {
        // The literal holds only ASCII digits, signs, dots and exponents: nothing to escape.
        out.insert(start, '"');
        out.push('"');
    } else {
        out.truncate(start);
        out.push_str("null");
    }
    true
}

/// Whether `token` is a number by RFC 8259's grammar: an optional `-`, `0` or digits not starting
/// with `0`, then optionally `.` and digits, then optionally `e` or `E`, a sign and digits.
fn is_json_number(token: &str) -> bool {
    let bytes = token.as_bytes();
    let mut at = usize::from(bytes.first() == Some(&b'-'));
    let digits = |at: &mut usize| {
        let start = *at;
        while bytes.get(*at).is_some_and(u8::is_ascii_digit) {
            *at += 1;
        }
        *at - start
    };
    let int_start = at;
    match digits(&mut at) {
        0 => return false,
        1 => {}
        _ if bytes[int_start] == b'0' => return false,
        _ => {}
    }
    if bytes.get(at) == Some(&b'.') {
        at += 1;
        if digits(&mut at) == 0 {
            return false;
        }
    }
    if matches!(bytes.get(at), Some(b'e' | b'E')) {
        at += 1;
        if matches!(bytes.get(at), Some(b'+' | b'-')) {
            at += 1;
        }
        if digits(&mut at) == 0 {
            return false;
        }
    }
    at == bytes.len()
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
            br#"{"code":1e308,"n":-0.5e-400,"big":123456789012345678901234567890}"#,
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
    fn numbers_out_of_range_become_strings_under_code_keys_and_null_elsewhere() {
        let huge = format!("1{}", "0".repeat(309));
        for (json, expected) in [
            (r#"{"a":1e400}"#.to_owned(), r#"{"a":null}"#.to_owned()),
            (
                r#"[-1E+400, 1e400 ,0]"#.to_owned(),
                "[null, null ,0]".to_owned(),
            ),
            (format!(r#"{{"n":{huge}}}"#), r#"{"n":null}"#.to_owned()),
            (
                format!(r#"{{"code":-{huge}}}"#),
                format!(r#"{{"code":"-{huge}"}}"#),
            ),
            (
                r#"{"error_code" : 1e400,"errorCode":1e999,"x":{"code":1e400}}"#.to_owned(),
                r#"{"error_code" : "1e400","errorCode":"1e999","x":{"code":"1e400"}}"#.to_owned(),
            ),
            // A key is a key however it is escaped, or once repaired.
            (
                r#"{"error\u005fcode":1e400,"code\ud800":1e400}"#.to_owned(),
                "{\"error\\u005fcode\":\"1e400\",\"code\u{fffd}\":null}".to_owned(),
            ),
            // A code key's string value is no key: what follows it is not its value.
            (
                r#"["code",1e400,{"m":"code","n":1e400}]"#.to_owned(),
                r#"["code",null,{"m":"code","n":null}]"#.to_owned(),
            ),
            // Strings and numbers in one pass.
            (
                r#"{"code":1e400,"message":"\ud800"}"#.to_owned(),
                "{\"code\":\"1e400\",\"message\":\"\u{fffd}\"}".to_owned(),
            ),
        ] {
            assert_eq!(repaired(json.as_bytes()), expected, "{json}");
            serde_json::from_str::<serde_json::Value>(&expected).unwrap();
        }
    }

    #[test]
    fn numbers_in_range_and_tokens_that_are_no_numbers_are_left_alone() {
        for json in [
            &br#"[1e308,-1.7976931348623157e308,1e-400,-0,0.5E+3]"#[..],
            br#"{"code":01e400}"#,
            br#"{"code":1e400e}"#,
            br#"{"code":1.e400}"#,
            br#"{"code":+1e400}"#,
            br#"{"code":-e400}"#,
            br#"{"code":"1e400"}"#,
        ] {
            assert_eq!(repair(json), None, "{}", String::from_utf8_lossy(json));
        }
    }

    #[test]
    fn the_repair_of_a_repair_is_nothing() {
        for json in [
            &br#"["\ud800","\q","\u1"]"#[..],
            b"[\"\x07\xfe\"]",
            br#"{"a\ud800":"\udfff"}"#,
            br#"{"code":1e400,"n":-1e400}"#,
        ] {
            let once = repair(json).unwrap();
            assert_eq!(repair(&once), None);
            serde_json::from_slice::<serde_json::Value>(&once).unwrap();
        }
    }
}
