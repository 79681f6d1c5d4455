//! Helpers resolved by autoref: a method on `&Wrapper<T>` wins when `T` has a trait, the one on
//! `Wrapper<T>` serves the rest, so generated code picks a behaviour by the field's type without
//! naming it.

use std::borrow::Cow;
use std::error::Error;
use std::fmt;

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

pub trait DetailToString {
    fn swr_detail(self) -> Cow<'static, str>;
}

impl<T: fmt::Display + ?Sized> DetailToString for DetailOf<'_, T> {
    fn swr_detail(self) -> Cow<'static, str> {
        Cow::Owned(self.0.to_string())
    }
}

/// `&dyn Error` of a `#[swr(source)]` field, whether the field is a sized error or a boxed
/// `dyn Error` (which does not itself implement `Error`): method lookup derefs the box.
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
