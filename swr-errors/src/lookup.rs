//! Support for looking values up by code: [`UnknownCode`], and the code splitter the generated
//! `from_code` uses.

use std::fmt;

/// The error of `FromStr` and `TryFrom<&str>` on a derived enum: no variant has this code.
///
/// # Example
///
/// ```
/// use swr_errors::SwrCode;
///
/// let err = "SVCSTG.SWR.4049999".parse::<SwrCode>().unwrap_err();
/// assert_eq!(err.code(), "SVCSTG.SWR.4049999");
/// assert_eq!(err.to_string(), "unknown SWR error code `SVCSTG.SWR.4049999`");
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct UnknownCode {
    code: String,
}

impl UnknownCode {
    /// An error naming `code`.
    pub fn new(code: impl Into<String>) -> UnknownCode {
        UnknownCode { code: code.into() }
    }

    /// The code that was not found.
    pub fn code(&self) -> &str {
        &self.code
    }
}

impl fmt::Display for UnknownCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "unknown SWR error code `{}`", self.code.escape_debug())
    }
}

impl std::error::Error for UnknownCode {}

/// Splits `SVCSTG.SWR.4040010` into the prefix `SVCSTG.SWR.` and the number `4040010`:
/// the last seven bytes must be ASCII digits. The prefix is compared by the caller, so a string
/// that is no code at all costs a length check and a few byte comparisons.
#[inline]
pub fn split_code(code: &str) -> Option<(&str, u32)> {
    let split = code.len().checked_sub(7)?;
    // `get` fails off a char boundary, where the last seven bytes cannot all be digits anyway.
    let prefix = code.get(..split)?;
    let word = match code.as_bytes().last_chunk::<8>() {
        // One load of the last eight bytes, the first of which (not a digit) becomes a `0`.
        Some(tail) => (u64::from_le_bytes(*tail) & !0xff) | u64::from(b'0'),
        None => {
            let mut word = [b'0'; 8];
            word[1..].copy_from_slice(&code.as_bytes()[split..]);
            u64::from_le_bytes(word)
        }
    };
    Some((prefix, parse_eight_digits(word)?))
}

/// The number that eight ASCII digits spell, the first digit in the lowest byte; `None` unless
/// every byte is a digit. Branch-free arithmetic on the whole word ("SWAR"): a chain of three
/// multiplications instead of eight dependent multiply-adds.
#[inline]
fn parse_eight_digits(word: u64) -> Option<u32> {
    const ZEROS: u64 = 0x3030_3030_3030_3030;
    const HIGH_NIBBLES: u64 = 0xf0f0_f0f0_f0f0_f0f0;
    // A byte is a digit when its high nibble is 3 and adding 6 keeps it there (`0`..=`9`).
    let digits = (word & HIGH_NIBBLES) == ZEROS
        && (word.wrapping_add(0x0606_0606_0606_0606) & HIGH_NIBBLES) == ZEROS;
    if !digits {
        return None;
    }
    // Pairs, then quadruples, then the whole: each step merges neighbours with their weights.
    let values = word - ZEROS;
    let pairs = (values * 10 + (values >> 8)) & 0x00ff_00ff_00ff_00ff;
    let quads = (pairs * 100 + (pairs >> 16)) & 0x0000_ffff_0000_ffff;
    let whole = quads * 10_000 + (quads >> 32);
    // At most 99_999_999: the low 32 bits hold it exactly.
    Some(whole as u32)
}

#[cfg(test)]
mod tests {
    use super::split_code;

    #[test]
    fn splits_prefix_and_digits() {
        assert_eq!(
            split_code("SVCSTG.SWR.4040010"),
            Some(("SVCSTG.SWR.", 4_040_010))
        );
        assert_eq!(split_code("4040010"), Some(("", 4_040_010)));
        assert_eq!(split_code("SVCSTG.SWR.404001x"), None);
        assert_eq!(split_code("404001"), None);
        assert_eq!(split_code("é4040010"), Some(("é", 4_040_010)));
        assert_eq!(split_code("SVCSTG.SWR.4040０10"), None);
        assert_eq!(split_code("SVCSTG.SWR.404/010"), None);
        assert_eq!(split_code("SVCSTG.SWR.404:010"), None);
    }

    /// The word arithmetic against the plain loop, over every single-byte corruption of a set of
    /// numbers and a sweep of values.
    #[test]
    fn word_parse_matches_the_plain_parse() {
        fn plain(digits: &[u8]) -> Option<u32> {
            digits.iter().try_fold(0u32, |number, &byte| {
                byte.is_ascii_digit()
                    .then(|| number * 10 + u32::from(byte - b'0'))
            })
        }
        let mut numbers: Vec<u32> = (0..10_000_000).step_by(7_919).collect();
        numbers.extend([0, 1, 9, 10, 99, 4_040_010, 5_001_056, 9_999_999]);
        for number in numbers {
            let text = format!("{number:07}");
            let code = format!("SVCSTG.SWR.{text}");
            assert_eq!(split_code(&code), Some(("SVCSTG.SWR.", number)), "{code}");
            for at in 0..7 {
                for byte in [0u8, b' ', b'/', b':', b'0' + 10, 0x7f, 0x80, 0xff, b'a'] {
                    let mut bytes = text.clone().into_bytes();
                    bytes[at] = byte;
                    let mut word = [b'0'; 8];
                    word[1..].copy_from_slice(&bytes);
                    assert_eq!(
                        super::parse_eight_digits(u64::from_le_bytes(word)),
                        plain(&bytes)
                    );
                }
            }
        }
    }
}
