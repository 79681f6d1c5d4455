//! The stock catalogue: [`SwrCode`], every code of the published SWR error table.

mod variants;

pub use variants::SwrCode;

use crate::table::AllVariants;
use crate::SwrError;

impl SwrCode {
    /// All 190 codes: the seed table's 188 in its order, then the
    /// [`ADDED_AFTER_SEED`](SwrCode::ADDED_AFTER_SEED) codes the current published table adds.
    ///
    /// ```
    /// use swr_errors::{SwrCode, SwrError};
    ///
    /// assert_eq!(SwrCode::ALL.len(), 190);
    /// assert_eq!(SwrCode::ALL[0].code(), "SVCSTG.SWR.4010000");
    /// assert_eq!(SwrCode::ALL[188].code(), "SVCSTG.SWR.4060074");
    /// ```
    pub const ALL: &'static [SwrCode] = <SwrCode as AllVariants>::ALL;

    /// How many codes of [`ALL`](SwrCode::ALL), at its end, the current published table adds to
    /// the seed's 188: `ALL[..ALL.len() - ADDED_AFTER_SEED]` is the seed's table, unchanged.
    pub const ADDED_AFTER_SEED: usize = 2;

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
