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
    let digits = &code.as_bytes()[split..];
    let mut number = 0u32;
    for &byte in digits {
        let digit = byte.wrapping_sub(b'0');
        if digit > 9 {
            return None;
        }
        number = number * 10 + u32::from(digit);
    }
    Some((prefix, number))
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
    }
}
