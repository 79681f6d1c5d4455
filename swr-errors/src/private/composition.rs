//! The composition check, in const evaluation: no code of a derived enum may also be a code of a
//! type it wraps, and no two wrapped types may share one; the build fails with a message naming
//! the code.

use core::cmp::Ordering;

/// A message built at compile time, for a const `panic!` that names a code.
pub struct ConstMessage {
    bytes: [u8; 256],
    len: usize,
}

impl ConstMessage {
    const fn new() -> ConstMessage {
        ConstMessage {
            bytes: [0; 256],
            len: 0,
        }
    }

    const fn push(mut self, text: &str) -> ConstMessage {
        let text = text.as_bytes();
        let mut i = 0;
        // Codes are short and come first: only a very long type name, or the closing hint, can
        // be cut; `as_str` falls back to a fixed text if the cut splits a character.
        while i < text.len() && self.len < self.bytes.len() {
            self.bytes[self.len] = text[i];
            self.len += 1;
            i += 1;
        }
        self
    }

    /// The message text.
    pub const fn as_str(&self) -> &str {
        let (text, _) = self.bytes.split_at(self.len);
        match core::str::from_utf8(text) {
            Ok(text) => text,
            Err(_) => "duplicate SWR error code",
        }
    }
}

/// The first code present in both lists, each sorted by [`str_cmp`] (see [`first_shared_at`]).
pub const fn first_shared(a: &[&'static str], b: &[&'static str]) -> Option<&'static str> {
    match first_shared_at(a, b) {
        Some(i) => Some(a[i]),
        None => None,
    }
}

/// The position in `a` of the first code present in both lists, each sorted by [`str_cmp`]: one
/// linear walk, so the composition check costs the compiler time in proportion to the number of
/// codes, never to their product.
pub const fn first_shared_at(a: &[&'static str], b: &[&'static str]) -> Option<usize> {
    let (mut i, mut j) = (0, 0);
    while i < a.len() && j < b.len() {
        match str_cmp(a[i], b[j]) {
            Ordering::Less => i += 1,
            Ordering::Greater => j += 1,
            Ordering::Equal => return Some(i),
        }
    }
    None
}

/// The compile error for an own code of `ours` (declared by its variant `variant`) that `theirs`,
/// wrapped by the variant `wrapper`, also declares.
pub const fn own_clash_message(
    code: &str,
    ours: &str,
    variant: &str,
    theirs: &str,
    wrapper: &str,
) -> ConstMessage {
    ConstMessage::new()
        .push("duplicate code `")
        .push(code)
        .push("`: `")
        .push(ours)
        .push("::")
        .push(variant)
        .push("` re-declares a code of `")
        .push(theirs)
        .push("`, which `")
        .push(wrapper)
        .push("` wraps: a code names one error, so remove one of the two or renumber it")
}

/// The compile error for a code that two types both declare.
pub const fn clash_message(code: &str, ours: &str, theirs: &str) -> ConstMessage {
    ConstMessage::new()
        .push("duplicate code `")
        .push(code)
        .push("` belongs to both `")
        .push(ours)
        .push("` and `")
        .push(theirs)
        .push("`: a code names one error, so remove one of the two or renumber it")
}

/// `a` and `b`, each sorted by [`str_cmp`], merged into one sorted list of `N = a.len() + b.len()`.
pub const fn merge_sorted<const N: usize>(
    a: &[&'static str],
    b: &[&'static str],
) -> [&'static str; N] {
    let mut out = [""; N];
    let (mut i, mut j, mut at) = (0, 0, 0);
    while at < N {
        let take_a =
            j >= b.len() || (i < a.len() && !matches!(str_cmp(a[i], b[j]), Ordering::Greater));
        if take_a {
            out[at] = a[i];
            i += 1;
        } else {
            out[at] = b[j];
            j += 1;
        }
        at += 1;
    }
    out
}

/// Byte-wise comparison of two strings, the order `str`'s `Ord` has; usable in const evaluation.
pub const fn str_cmp(a: &str, b: &str) -> Ordering {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    let mut i = 0;
    while i < a.len() && i < b.len() {
        if a[i] != b[i] {
            return if a[i] < b[i] {
                Ordering::Less
            } else {
                Ordering::Greater
            };
        }
        i += 1;
    }
    if a.len() < b.len() {
        Ordering::Less
    } else if a.len() > b.len() {
        Ordering::Greater
    } else {
        Ordering::Equal
    }
}
