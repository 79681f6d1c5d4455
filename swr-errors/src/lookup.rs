//! Support for looking values up by code: [`UnknownCode`], and the code splitter and the whole-code
//! lookup the generated `from_code` uses.

use std::fmt;

use crate::table::CodeInfo;

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

/// The constants of [`code_hash`] (the 64-bit golden ratio, and two odd numbers of mixed bits).
const K: [u64; 3] = [
    0x9e37_79b9_7f4a_7c15,
    0xa076_1d64_78bd_642f,
    0xe703_7ed1_a0b4_28db,
];

/// The two halves of the 128-bit product of `a` and `b`, xored: every bit of each input reaches
/// every bit of the result.
#[inline]
fn fold(a: u64, b: u64) -> u64 {
    let product = u128::from(a) * u128::from(b);
    (product as u64) ^ ((product >> 64) as u64)
}

/// The bytes of a code shorter than eight bytes in one word, without a call to `memcpy`: its
/// first and last four bytes (overlapping) from four up, else its first, middle and last bytes;
/// with the length, which the hash adds, no two such codes share a word.
#[inline]
fn short_word(bytes: &[u8]) -> u64 {
    match (bytes.first_chunk::<4>(), bytes.last_chunk::<4>()) {
        (Some(first), Some(last)) => {
            u64::from(u32::from_le_bytes(*first)) | u64::from(u32::from_le_bytes(*last)) << 32
        }
        _ => match (bytes.first(), bytes.last()) {
            (Some(&first), Some(&last)) => {
                let middle = bytes.get(bytes.len() / 2).copied().unwrap_or(0);
                u64::from(first) | u64::from(middle) << 8 | u64::from(last) << 16
            }
            _ => 0,
        },
    }
}

/// The hash of a code, shaped as FxHash's of bytes: up to sixteen bytes (the first and last
/// eight, overlapping, or the [`short_word`] of a shorter code) in one product; a longer code's
/// bytes sixteen to a product, then its last sixteen in one more. The length and a multiplication
/// finish it, so that every bit reaches the bits that pick a bucket; `seed` varies it. The
/// derive computes the same (its `whole_table::code_hash`) to build the tables; the lookup tests
/// of every code scheme hold the two equal.
#[inline]
fn code_hash(bytes: &[u8], seed: u64) -> u64 {
    let len = bytes.len();
    let (mut s0, mut s1) = (K[0] ^ seed, K[1]);
    match bytes.last_chunk::<16>() {
        Some(suffix) if len > 16 => {
            // Two streams, each product mixing into the other's next, as FxHash does.
            let mut bulk = bytes.get(..len - 1).unwrap_or_default();
            while let Some((chunk, rest)) = bulk.split_first_chunk::<16>() {
                let chunk = u128::from_le_bytes(*chunk);
                (s0, s1) = (s1, fold(s0 ^ chunk as u64, K[2] ^ (chunk >> 64) as u64));
                bulk = rest;
            }
            let suffix = u128::from_le_bytes(*suffix);
            s0 ^= suffix as u64;
            s1 ^= (suffix >> 64) as u64;
        }
        _ => match (bytes.first_chunk::<8>(), bytes.last_chunk::<8>()) {
            (Some(first), Some(last)) => {
                s0 ^= u64::from_le_bytes(*first);
                s1 ^= u64::from_le_bytes(*last);
            }
            _ => s0 ^= short_word(bytes),
        },
    }
    (fold(s0, s1) ^ len as u64).wrapping_mul(K[2])
}

/// The position among `table`'s rows of the code `code`, for the codes that do not end in seven
/// digits (`APIGW.0101`, `MANIFEST_UNKNOWN`): a perfect hash the derive built (hash and
/// displace), written as byte strings of little-endian `u16`s: `displacements`, one a bucket;
/// `slots`, two a slot, the position of the slot's code (`u16::MAX` when empty) and its
/// fingerprint, the hash's low 16 bits. One hash of the string, two loads and, unless the
/// fingerprint already rules it out, one comparison.
#[inline]
pub fn whole_lookup<const D2: usize, const S4: usize>(
    table: &[CodeInfo],
    displacements: &[u8; D2],
    slots: &[u8; S4],
    code: &str,
) -> Option<usize> {
    let hash = code_hash(code.as_bytes(), 0);
    let bucket = (((hash >> 32) * (D2 / 2) as u64) >> 32) as usize * 2;
    let displacement =
        u16::from_le_bytes([*displacements.get(bucket)?, *displacements.get(bucket + 1)?]);
    let mixed = fold(hash ^ u64::from(displacement), K[2]);
    let slot = (((mixed >> 32) * (S4 / 4) as u64) >> 32) as usize * 4;
    let entry: [u8; 4] = slots.get(slot..slot + 4)?.try_into().ok()?;
    if u16::from_le_bytes([entry[2], entry[3]]) != hash as u16 {
        return None;
    }
    let index = usize::from(u16::from_le_bytes([entry[0], entry[1]]));
    same_code(table.get(index)?.code, code).then_some(index)
}

/// The position among `table`'s rows of the code `code`, for the codes that do not end in seven
/// digits, when the derive found a `seed` under which no three codes share a bucket: `buckets`
/// (a power of two of them) are eight bytes each, two entries of a little-endian `u16` position
/// (`u16::MAX` when empty, the first entry filled first) and that code's fingerprint, the hash's
/// low 16 bits, distinct within a bucket. One hash, one load, and a comparison of the code only
/// when a fingerprint matches: a miss rarely gets that far.
// Inlined into the one function that calls it for each enum: saving and restoring registers
// for a call was a fifth of the lookup's instructions.
#[inline(always)]
pub fn paired_lookup<const B8: usize>(
    table: &[CodeInfo],
    seed: u64,
    buckets: &[u8; B8],
    code: &str,
) -> Option<usize> {
    let hash = code_hash(code.as_bytes(), seed);
    let at = ((hash >> 32) as usize & (B8 / 8).wrapping_sub(1)) * 8;
    let pair = u64::from_le_bytes(buckets.get(at..at + 8)?.try_into().ok()?);
    let fingerprint = hash as u16;
    let index = if (pair >> 16) as u16 == fingerprint {
        pair as u16
    } else if (pair >> 48) as u16 == fingerprint {
        (pair >> 32) as u16
    } else {
        return None;
    };
    let index = usize::from(index);
    same_code(table.get(index)?.code, code).then_some(index)
}

/// Whether `a` and `b` are equal, compared eight bytes at a time with no call out (codes are
/// short: a call to `memcmp` would cost more than the comparison).
#[inline]
fn same_code(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    let len = a.len();
    if len != b.len() {
        return false;
    }
    if len < 8 {
        return a == b;
    }
    let word = |bytes: &[u8], at: usize| {
        bytes
            .get(at..at + 8)
            .and_then(|eight| eight.try_into().ok())
            .map(u64::from_ne_bytes)
    };
    // Every whole word, then the last eight bytes (overlapping the word before).
    let mut at = 0;
    while at + 8 < len {
        if word(a, at) != word(b, at) {
            return false;
        }
        at += 8;
    }
    word(a, len - 8) == word(b, len - 8)
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

    /// The word-wise comparison against `==`, over every length up to 40 and every single-byte
    /// change, and strings of different lengths.
    #[test]
    fn same_code_is_equality() {
        let base: String = "MANIFEST_UNKNOWN.SVCSTG.ALS.403.105_NoSuchKey".to_owned();
        for len in 0..=40 {
            let a = &base[..len];
            assert!(super::same_code(a, a));
            for at in 0..len {
                let mut bytes = a.as_bytes().to_vec();
                bytes[at] = if bytes[at] == b'x' { b'y' } else { b'x' };
                let b = String::from_utf8(bytes).unwrap();
                assert_eq!(super::same_code(a, &b), a == b, "{a:?} {b:?}");
            }
            assert!(!super::same_code(a, &base[..len + 1]));
        }
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
