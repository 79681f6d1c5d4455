//! [`Kinded`]: the kind of an error, a `Copy` value that names its variant without its fields.

use core::hash::Hash;

use crate::table::Catalogue;

/// An error whose kind is a `Copy` unit enum with the same codes: which variant it is, without the
/// fields.
///
/// `#[derive(SwrError)]` with `#[swr(kind)]` implements it (and generates the kind enum, named
/// `{Enum}Kind`); with `#[swr(kind = "Self")]` a fieldless enum is its own kind, as
/// [`SwrCode`](crate::SwrCode) is, and so is every kind enum. A derived enum takes its kind from
/// the derive only (a hand-written impl conflicts with the derive's). A kind
/// is found by every code its enum has, fields or not, which makes it what a client matches a
/// response against: `RemoteError::known_as`.
///
/// # Example
///
/// ```
/// use swr_errors::{Kinded, SwrCode, SwrError};
///
/// #[derive(Debug, SwrError)]
/// #[swr(kind)]
/// enum ChartError {
///     #[swr(code = "SVCSTG.CHARTS.4001001", status = 400, message = "Invalid tag {tag}")]
///     BadTag { tag: String },
///     #[swr(transparent)]
///     Stock(SwrCode),
/// }
///
/// let err = ChartError::BadTag { tag: "v?".into() };
/// assert_eq!(err.kind(), ChartErrorKind::BadTag);
/// assert_eq!(err.kind().code(), err.code());
/// assert_eq!(ChartErrorKind::from_code("SVCSTG.CHARTS.4001001"), Some(ChartErrorKind::BadTag));
/// assert_eq!(
///     ChartError::Stock(SwrCode::ImageNotFound).kind(),
///     ChartErrorKind::Stock(SwrCode::ImageNotFound)
/// );
/// assert_eq!(SwrCode::ImageNotFound.kind(), SwrCode::ImageNotFound);
/// ```
///
/// A fieldless enum is its own kind with `kind = "Self"`, and a kind enum can carry it:
///
/// ```
/// use swr_errors::{Kinded, SwrError};
///
/// #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, SwrError)]
/// #[swr(kind = "Self")]
/// enum TagCode {
///     /// The tag is locked.
///     #[swr(code = "SVCSTG.CHARTS.4230002", status = 423)]
///     Locked,
/// }
///
/// #[derive(Debug, SwrError)]
/// #[swr(kind)]
/// enum ChartError {
///     #[swr(transparent)]
///     Tag(TagCode),
/// }
///
/// assert_eq!(TagCode::Locked.kind(), TagCode::Locked);
/// assert_eq!(ChartError::Tag(TagCode::Locked).kind(), ChartErrorKind::Tag(TagCode::Locked));
/// ```
#[diagnostic::on_unimplemented(
    message = "`{Self}` has no kind (`swr_errors::Kinded`)",
    label = "no kind",
    note = "the kind of a #[swr(transparent)] variant is the kind of the type it wraps: derive that type with `#[swr(kind)]`, or `#[swr(kind = \"Self\")]` if it is a fieldless `Copy` enum"
)]
pub trait Kinded {
    /// The kind: a unit enum (or one whose variants carry other kinds) with the same codes,
    /// statuses and retry kinds.
    type Kind: Catalogue + std::error::Error + Copy + Eq + Hash + 'static;

    /// Which variant this is, without its fields.
    fn kind(&self) -> Self::Kind;
}
