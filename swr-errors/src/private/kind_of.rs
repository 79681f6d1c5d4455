//! The type a kind enum's transparent variant holds: [`KindOf::Kind`], the wrapped type's kind.
//!
//! A kind enum names its wrapped kinds through this trait rather than through `Kinded` so that a
//! wrapped type without a kind is reported once: every derived enum has a `KindOf` (its kind, or
//! [`NoKind`]), the kind enum and its impls type-check either way, and only the enum's `kind()`,
//! which needs the wrapped type's `Kinded`, fails, on the wrapped type's span. Naming `Kinded`
//! there made every item that names the field (the enum, each std derive, each impl that takes the
//! kind by value) repeat the error.

use core::fmt;

use crate::{Kinded, SwrError};

/// The kind of `Self` where it has one, [`NoKind`] for a derived enum that has none.
pub trait KindOf {
    type Kind;
}

impl<T: Kinded + ?Sized> KindOf for T {
    type Kind = T::Kind;
}

/// The kind of a wrapped value, as the kind enum holds it: the one place that requires `Kinded`
/// of the wrapped type; its result type is `KindOf`'s, so that a missing kind fails only here.
#[inline]
pub fn kind_of<T: Kinded + ?Sized>(value: &T) -> <T as KindOf>::Kind {
    value.kind()
}

/// The kind of a derived enum without one: no value, so nothing that holds it ever runs; it exists
/// only for a crate that fails to compile (with the one error the wrapped type's missing kind
/// gives).
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub enum NoKind {}

impl fmt::Debug for NoKind {
    fn fmt(&self, _: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {}
    }
}

impl SwrError for NoKind {
    fn code(&self) -> &'static str {
        match *self {}
    }

    fn status(&self) -> u16 {
        match *self {}
    }

    fn message(&self) -> std::borrow::Cow<'static, str> {
        match *self {}
    }
}
