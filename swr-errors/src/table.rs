//! What a derived type knows about its codes as static data: [`Catalogue`] and [`AllVariants`].

use crate::retry::RetryKind;
use crate::SwrError;

/// One code a type can produce, with its status, message and retry kind.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct CodeInfo {
    /// The code, such as `"SVCSTG.SWR.4040010"`.
    pub code: &'static str,
    /// The HTTP status.
    pub status: u16,
    /// The message; for a variant whose message reads fields, the template as written
    /// (`"Invalid tag {tag} for {repo}"`).
    pub message: &'static str,
    /// The retry kind, if the variant has one.
    pub retry: Option<RetryKind>,
}

/// Every code a type can produce, as static data.
///
/// `#[derive(SwrError)]` implements it: `CODES` lists the enum's own codes in declaration order,
/// then those of each type it wraps through a `#[swr(transparent)]` variant. The derive uses these
/// lists to reject, at compile time, an enum that declares a code which a wrapped type also has.
/// (A wrapped type that names a generic parameter of the enum, such as `Other(E)`, cannot be
/// listed in a constant: its codes are left out of `CODES` and of the check.)
///
/// A hand-written [`SwrError`](crate::SwrError) type can be wrapped transparently once it
/// implements this trait too.
///
/// # Example
///
/// ```
/// use swr_errors::{Catalogue, SwrCode};
///
/// let not_found = SwrCode::CODES.iter().filter(|info| info.status == 404).count();
/// assert!(not_found > 10);
/// assert_eq!(SwrCode::CODES[0].code, "SVCSTG.SWR.4010000");
/// ```
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not an SWR error that a transparent variant can wrap: it does not implement `swr_errors::Catalogue`",
    label = "not a derived SWR error",
    note = "a #[swr(transparent)] variant wraps a type that derives SwrError (which implements `SwrError` and `Catalogue`), such as `swr_errors::SwrCode`"
)]
pub trait Catalogue: SwrError {
    /// Every code of the type, own codes first, in declaration order.
    const CODES: &'static [CodeInfo];

    /// Not public API: how the derive reaches a transparent field, so that a field that is no
    /// `SwrError` fails one bound (this trait's), reported once, instead of one per use.
    #[doc(hidden)]
    #[inline]
    fn __as_swr_error(&self) -> &dyn SwrError
    where
        Self: Sized,
    {
        self
    }

    /// Not public API: [`SwrError::from_code`] through this trait, as
    /// [`__as_swr_error`](Catalogue::__as_swr_error).
    #[doc(hidden)]
    #[inline]
    fn __from_code(code: &str) -> Option<Self>
    where
        Self: Sized,
    {
        <Self as SwrError>::from_code(code)
    }

    /// The codes of [`CODES`](Catalogue::CODES) sorted byte-wise, for the derive's linear
    /// composition check. Not public API: the derive writes it; a hand-written implementation
    /// keeps the empty default, and is then not checked for overlaps.
    #[doc(hidden)]
    const __SORTED_CODES: &'static [&'static str] = &[];
}

/// Every value of an enum whose variants all carry no data, in declaration order.
///
/// `#[derive(SwrError)]` implements it for such enums without generic parameters.
/// [`SwrCode::ALL`](crate::SwrCode::ALL) is this list for the stock catalogue.
pub trait AllVariants: Sized + 'static {
    /// Every variant, in declaration order.
    const ALL: &'static [Self];
}
