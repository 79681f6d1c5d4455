//! The dispatch from a derived value to its row: the position of its variant among the variants
//! with codes ([`Indexed`]), or, when the enum wraps other types, a [`Slot`] ([`Slotted`]).

use crate::SwrError;

/// Where a value's data lives: in the deriving enum's own tables (by the variant's position among
/// the variants with codes), or in the type a transparent variant wraps.
pub enum Slot<'a> {
    Own(usize),
    Inner(&'a dyn SwrError),
}

/// Implemented by the derive: the `match` from a value to its [`Slot`], written once and shared
/// by `code`, `status`, `message` and `retry_kind`.
pub trait Slotted {
    fn slot(&self) -> Slot<'_>;
}

/// Implemented by the derive for enums without transparent variants: the position of the value's
/// variant among the variants, which indexes the enum's static table directly.
pub trait Indexed {
    fn index(&self) -> usize;
}
