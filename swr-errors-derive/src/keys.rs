//! Every `#[swr(...)]` key, defined once (as serde_derive's `Symbol`s are).
//!
//! The parser matches on these constants, the validator names them in its messages, the "did you
//! mean" hints search them, and the tests (the no-panic corpus, the check of the docs' attribute
//! table) read [`ALL`]: a key misspelt in one place cannot compile into a silently different
//! message.
//!
//! This file depends on nothing else in the crate.

use std::fmt;

/// One attribute key, such as `code` in `#[swr(code = "...")]`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) struct Key(pub &'static str);

impl Key {
    /// The key as written.
    pub(crate) fn as_str(self) -> &'static str {
        self.0
    }
}

impl fmt::Display for Key {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.0)
    }
}

/// `crate = "path"` on the enum: the path of `swr-errors`.
pub(crate) const CRATE: Key = Key("crate");
/// `display = false` on the enum: no generated `Display` and `std::error::Error`.
pub(crate) const DISPLAY: Key = Key("display");
/// `kind` / `kind = "Name"` on the enum: the `{Enum}Kind` unit enum and `err.kind()`;
/// `kind = "Self"`: the enum is its own kind.
pub(crate) const KIND: Key = Key("kind");
/// `codes = "svcstg" | "service" | "name"` on the enum: the shape of its codes.
pub(crate) const CODES: Key = Key("codes");
/// `format = "oci"` (or another body format's name) on the enum: the format of every response.
pub(crate) const FORMAT: Key = Key("format");

/// `code = "SVCSTG.<SERVICE>.<7 digits>"` (or the enum's scheme's shape) on a variant.
pub(crate) const CODE: Key = Key("code");
/// `status = 404` on a variant.
pub(crate) const STATUS: Key = Key("status");
/// `message = "..."` on a variant.
pub(crate) const MESSAGE: Key = Key("message");
/// `retry = "throttled" | "busy" | "server_error"` on a variant.
pub(crate) const RETRY: Key = Key("retry");
/// `transparent` on a one-field variant.
pub(crate) const TRANSPARENT: Key = Key("transparent");

/// `source` on a field: `Error::source`.
pub(crate) const SOURCE: Key = Key("source");
/// `detail` on a field: the body's `"detail"`; `detail = "json"`: written as a JSON value.
pub(crate) const DETAIL: Key = Key("detail");
/// `from` on the only field of a variant: `From<Field>`, and the field is the source.
pub(crate) const FROM: Key = Key("from");

/// The keys of the enum's own `#[swr(...)]`.
pub(crate) const ENUM_KEYS: &[Key] = &[CRATE, DISPLAY, KIND, CODES, FORMAT];
/// The keys of a variant's `#[swr(...)]`.
pub(crate) const VARIANT_KEYS: &[Key] = &[CODE, STATUS, MESSAGE, RETRY, TRANSPARENT];
/// The keys of a field's `#[swr(...)]`.
pub(crate) const FIELD_KEYS: &[Key] = &[SOURCE, DETAIL, FROM];

/// Every key, enum keys first, then variant and field keys.
#[cfg(test)]
pub(crate) const ALL: &[Key] = &[
    CRATE,
    DISPLAY,
    KIND,
    CODES,
    FORMAT,
    CODE,
    STATUS,
    MESSAGE,
    RETRY,
    TRANSPARENT,
    SOURCE,
    DETAIL,
    FROM,
];

#[cfg(test)]
mod tests {
    use super::{ALL, ENUM_KEYS, FIELD_KEYS, VARIANT_KEYS};

    #[test]
    fn all_is_the_three_places_together() {
        let places: Vec<_> = [ENUM_KEYS, VARIANT_KEYS, FIELD_KEYS].concat();
        assert_eq!(places, ALL);
        let mut sorted = ALL.to_vec();
        sorted.sort();
        sorted.dedup();
        assert_eq!(sorted.len(), ALL.len(), "a key defined twice");
    }

    /// The attribute table of the `swr-errors` crate docs lists exactly these keys: each row's
    /// first cell starts with a key in backticks (`` `code = "..."` ``, `` `#[swr(source)]` ``).
    #[test]
    fn the_docs_attribute_table_lists_every_key_and_no_other() {
        let docs = include_str!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../swr-errors/src/lib.rs"
        ));
        let section = docs
            .split("//! # The attributes")
            .nth(1)
            .and_then(|rest| rest.split("//! # ").next())
            .expect("the crate docs have a section `# The attributes`");
        let mut documented: Vec<String> = section
            .lines()
            .filter_map(|line| line.strip_prefix("//! | `"))
            .filter_map(|cell| {
                let cell = cell.strip_prefix("#[swr(").unwrap_or(cell);
                let end = cell.find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))?;
                (end > 0).then(|| cell[..end].to_owned())
            })
            .collect();
        documented.sort();
        documented.dedup();
        let mut defined: Vec<String> = ALL.iter().map(|key| key.as_str().to_owned()).collect();
        defined.sort();
        assert_eq!(
            documented, defined,
            "the attribute table of swr-errors/src/lib.rs and keys.rs disagree"
        );
    }
}
