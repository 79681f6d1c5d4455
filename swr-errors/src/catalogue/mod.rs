//! The stock catalogue: [`SwrCode`], every code of the published SWR error table.

mod variants;

pub use variants::SwrCode;

use crate::kind::Kinded;
use crate::table::AllVariants;
use crate::SwrError;

impl SwrCode {
    /// All 188 codes, in the order of the published table.
    ///
    /// ```
    /// use swr_errors::{SwrCode, SwrError};
    ///
    /// assert_eq!(SwrCode::ALL.len(), 188);
    /// assert_eq!(SwrCode::ALL[0].code(), "SVCSTG.SWR.4010000");
    /// ```
    pub const ALL: &'static [SwrCode] = <SwrCode as AllVariants>::ALL;

    /// The variant whose code is `code`; `None` for any other string. Exact: the service prefix
    /// counts, so `"SVCSTG.S2I.4040010"` is not `ImageNotFound`.
    ///
    /// ```
    /// use swr_errors::SwrCode;
    ///
    /// assert_eq!(SwrCode::from_code("SVCSTG.SWR.4040010"), Some(SwrCode::ImageNotFound));
    /// assert_eq!(SwrCode::from_code("SVCSTG.S2I.4040010"), None);
    /// ```
    #[inline]
    pub fn from_code(code: &str) -> Option<SwrCode> {
        <SwrCode as SwrError>::from_code(code)
    }
}

/// A stock code is its own kind: it carries no fields.
impl Kinded for SwrCode {
    type Kind = SwrCode;

    #[inline]
    fn kind(&self) -> SwrCode {
        *self
    }
}
