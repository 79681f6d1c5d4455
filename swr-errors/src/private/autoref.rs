//! Helpers resolved by autoref: a method on `&Wrapper<T>` wins when `T` has a trait, the one on
//! `Wrapper<T>` serves the rest, so generated code picks a behaviour by the field's type without
//! naming it.

use std::borrow::Cow;
use std::error::Error;
use std::fmt;
use std::ops::Deref;

/// `detail()` of a `#[swr(detail)]` field: borrowed when the field is text (`String`, `&str`,
/// `Cow<str>`, ...), else formatted with `Display`. Resolved by autoref: the method on
/// `&DetailOf<T>` wins when `T: AsRef<str>`, the one on `DetailOf<T>` serves the rest.
pub struct DetailOf<'a, T: ?Sized>(pub &'a T);

impl<T: ?Sized> Clone for DetailOf<'_, T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T: ?Sized> Copy for DetailOf<'_, T> {}

pub trait DetailAsStr<'a> {
    fn swr_detail(self) -> Cow<'a, str>;
}

impl<'a, T: AsRef<str> + ?Sized> DetailAsStr<'a> for &DetailOf<'a, T> {
    fn swr_detail(self) -> Cow<'a, str> {
        Cow::Borrowed(self.0.as_ref())
    }
}

/// The fallback of [`DetailOf`]: a field that is not text is formatted, and must then be
/// [`DetailText`] (`Display`); a field that is neither reads as [`DetailText`]'s message.
pub trait DetailToString<T: ?Sized> {
    fn swr_detail(self) -> Cow<'static, str>
    where
        T: DetailText;
}

impl<T: ?Sized> DetailToString<T> for DetailOf<'_, T> {
    fn swr_detail(self) -> Cow<'static, str>
    where
        T: DetailText,
    {
        Cow::Owned(self.0.detail_text())
    }
}

/// A detail that is formatted: every `Display` type. A trait of its own so that a field that is
/// neither text nor `Display` is told so in a sentence about the field.
#[diagnostic::on_unimplemented(
    message = "a `#[swr(detail)]` field is text or `Display`: `{Self}` is neither",
    label = "not text (`AsRef<str>`), not `Display`",
    note = "the body's \"detail\" is text: make the field a `String`, or implement `Display` for `{Self}`"
)]
pub trait DetailText {
    fn detail_text(&self) -> String;
}

impl<T: fmt::Display + ?Sized> DetailText for T {
    fn detail_text(&self) -> String {
        self.to_string()
    }
}

/// The `&dyn Error` of a `#[swr(source)]` field. Resolved by autoref: the method on
/// `&SourceOf<T>` ([`SourceByDeref`]) wins for a pointer to an error (`Box<dyn Error + Send +
/// Sync>`, `Arc<dyn Error>`, which do not themselves implement `Error`), the one on `SourceOf<T>`
/// ([`SourceDirect`]) serves the rest, and requires [`ErrorSource`].
pub struct SourceOf<'s, T: ?Sized>(pub &'s T);

impl<T: ?Sized> Clone for SourceOf<'_, T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T: ?Sized> Copy for SourceOf<'_, T> {}

pub trait SourceByDeref<'s, 'e> {
    fn swr_source(self) -> &'s (dyn Error + 'e);
}

impl<'s, 'e, T: ?Sized + Deref> SourceByDeref<'s, 'e> for &SourceOf<'s, T>
where
    T::Target: AsDynError<'e>,
{
    fn swr_source(self) -> &'s (dyn Error + 'e) {
        (**self.0).as_dyn_error()
    }
}

pub trait SourceDirect<'s, 'e, T: ?Sized> {
    fn swr_source(self) -> &'s (dyn Error + 'e)
    where
        T: ErrorSource<'e>;
}

impl<'s, 'e, T: ?Sized> SourceDirect<'s, 'e, T> for SourceOf<'s, T> {
    fn swr_source(self) -> &'s (dyn Error + 'e)
    where
        T: ErrorSource<'e>,
    {
        self.0.as_source()
    }
}

/// A source: every `Error` type. A trait of its own so that a field that is no error is told so
/// in a sentence about the field.
#[diagnostic::on_unimplemented(
    message = "a `#[swr(source)]` field is an error: `{Self}` does not implement `std::error::Error`",
    label = "not an error",
    note = "a source is what `Error::source` returns: a type that implements `std::error::Error`, or a `Box<dyn Error>`"
)]
pub trait ErrorSource<'e> {
    fn as_source(&self) -> &(dyn Error + 'e);
}

impl<'e, T: Error + 'e> ErrorSource<'e> for T {
    fn as_source(&self) -> &(dyn Error + 'e) {
        self
    }
}

/// A value as `&dyn Error`, whether it is a sized error or an error trait object (which the
/// pointers [`SourceByDeref`] serves point to).
pub trait AsDynError<'a> {
    fn as_dyn_error(&self) -> &(dyn Error + 'a);
}

impl<'a, T: Error + 'a> AsDynError<'a> for T {
    fn as_dyn_error(&self) -> &(dyn Error + 'a) {
        self
    }
}

impl<'a> AsDynError<'a> for dyn Error + 'a {
    fn as_dyn_error(&self) -> &(dyn Error + 'a) {
        self
    }
}

impl<'a> AsDynError<'a> for dyn Error + Send + 'a {
    fn as_dyn_error(&self) -> &(dyn Error + 'a) {
        self
    }
}

impl<'a> AsDynError<'a> for dyn Error + Send + Sync + 'a {
    fn as_dyn_error(&self) -> &(dyn Error + 'a) {
        self
    }
}

/// The value as `&dyn Error` when its type implements `Error`, else `None`, for the layers' log
/// of a response's causes. Resolved by autoref, as [`DetailOf`]: the method on `&ErrorOf<T>`
/// wins when `T: Error`, the one on `ErrorOf<T>` serves the rest (a `#[swr(display = false)]`
/// type without an `Error` impl, or a generic one whose bounds do not give it).
pub struct ErrorOf<'a, T: ?Sized>(pub &'a T);

impl<T: ?Sized> Clone for ErrorOf<'_, T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T: ?Sized> Copy for ErrorOf<'_, T> {}

pub trait ErrorOfError<'a> {
    fn swr_as_error(self) -> Option<&'a (dyn Error + 'a)>;
}

impl<'a, T: Error + 'a> ErrorOfError<'a> for &ErrorOf<'a, T> {
    fn swr_as_error(self) -> Option<&'a (dyn Error + 'a)> {
        Some(self.0)
    }
}

pub trait ErrorOfOther<'a> {
    fn swr_as_error(self) -> Option<&'a (dyn Error + 'a)>;
}

impl<'a, T: ?Sized> ErrorOfOther<'a> for ErrorOf<'a, T> {
    fn swr_as_error(self) -> Option<&'a (dyn Error + 'a)> {
        None
    }
}

/// The variant at `index` of an enum's `ALL` list, by value: copied when the enum is `Copy`
/// (`(&Pick(..)).pick(index)` resolves to [`PickCopy`] then), else taken out of a fresh copy of
/// the constant array the closure returns ([`PickMove`]), with nothing dropped. Either way the
/// derive writes no `match` from position to variant.
pub struct Pick<T: 'static, F>(pub &'static [T], pub F);

impl<T: 'static, F: Copy> Clone for Pick<T, F> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T: 'static, F: Copy> Copy for Pick<T, F> {}

pub trait PickCopy<T> {
    fn pick(self, index: usize) -> Option<T>;
}

impl<T: Copy + 'static, F> PickCopy<T> for &Pick<T, F> {
    #[inline]
    fn pick(self, index: usize) -> Option<T> {
        self.0.get(index).copied()
    }
}

pub trait PickMove<T> {
    fn pick(self, index: usize) -> Option<T>;
}

impl<T: 'static, F: FnOnce() -> [T; N], const N: usize> PickMove<T> for Pick<T, F> {
    #[inline]
    fn pick(self, index: usize) -> Option<T> {
        if index >= N {
            return None;
        }
        let mut all = (self.1)();
        all.swap(0, index);
        // The other values are forgotten, not dropped: the derive built none of them.
        core::mem::ManuallyDrop::new(all.into_iter()).next()
    }
}
