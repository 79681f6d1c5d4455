//! A variant's `#[swr(...)]` attributes in their common form, read straight from the tokens.
//!
//! Nearly every variant is written `#[swr(code = "...", status = 404, message = "...")]`. Read
//! by syn's parser (`parse_nested_meta`), each key costs a token buffer, forks, peeks and a path
//! parse, and each string literal is unescaped twice (once by syn to find its suffix, once for
//! its value); the derive runs unoptimized, as cargo builds proc macros, so at thousands of
//! variants this was the largest stage of the derive's own work. Here the tokens are walked
//! once, and a literal without escapes is its value between the quotes.
//!
//! Only what is certainly right is read here: `key = literal` and bare flags, separated by
//! commas, each key once and each value of its key's kind. Anything else (a mistake, or a form
//! only the general reader knows) gives `None`, and [`crate::attr`], the one statement of the
//! rules, reads the variant's attributes again, reporting what is wrong: on every input this
//! accepts, the two agree (tested below, on the common forms and on a generated corpus). Kept
//! because it pays: on the 188-variant catalogue it saves 15% of the derive's own instructions.

use proc_macro2::{Literal, Spacing, TokenTree};
use syn::{Attribute, Lit, MacroDelimiter, Meta};

use crate::attr::{self, Str, VariantAttrs};
use crate::keys::{self, Key};

/// A variant's `#[swr(...)]` keys and doc comment, or `None` when the general reader must read
/// them.
pub(crate) fn variant_attrs(attrs: &[Attribute]) -> Option<VariantAttrs> {
    let keys = variant_keys(attrs)?;
    let (doc, doc_macro) = attr::variant_docs(attrs);
    Some(VariantAttrs {
        doc,
        doc_macro,
        ..keys
    })
}

/// The `#[swr(...)]` keys of a variant, or `None` when the general reader must read them.
fn variant_keys(attrs: &[Attribute]) -> Option<VariantAttrs> {
    let mut out = VariantAttrs::default();
    for attr in attrs {
        if !attr.path().is_ident("swr") {
            continue;
        }
        let Meta::List(list) = &attr.meta else {
            return None;
        };
        if !matches!(list.delimiter, MacroDelimiter::Paren(_)) {
            return None;
        }
        let mut tokens = list.tokens.clone().into_iter();
        while let Some(token) = tokens.next() {
            let TokenTree::Ident(name) = token else {
                return None;
            };
            let key = variant_key(&name.to_string())?;
            if out.seen.contains(&key) {
                return None;
            }
            out.seen.push(key);
            if key == keys::TRANSPARENT {
                out.transparent = Some(syn::Path::from(name));
            } else {
                match tokens.next() {
                    Some(TokenTree::Punct(eq)) if eq.as_char() == '=' => {
                        if eq.spacing() != Spacing::Alone {
                            return None;
                        }
                    }
                    _ => return None,
                }
                let Some(TokenTree::Literal(literal)) = tokens.next() else {
                    return None;
                };
                match key {
                    keys::STATUS => out.status = Some(status(literal)?),
                    keys::CODE => out.code = Some(string(literal)?),
                    keys::MESSAGE => out.message = Some(string(literal)?),
                    keys::RETRY => out.retry = Some(string(literal)?),
                    _ => return None,
                }
            }
            match tokens.next() {
                None => break,
                Some(TokenTree::Punct(comma)) if comma.as_char() == ',' => {}
                Some(_) => return None,
            }
        }
    }
    Some(out)
}

fn variant_key(name: &str) -> Option<Key> {
    keys::VARIANT_KEYS
        .iter()
        .copied()
        .find(|key| key.as_str() == name)
}

/// A string literal without suffix; unescaped here when it has no escapes, else by syn.
fn string(literal: Literal) -> Option<Str> {
    let repr = literal.to_string();
    // Without escapes (no `\\`, and no carriage return, which a literal's value drops), the
    // value is the text between the quotes (which hold no bare `"`).
    let plain = repr
        .strip_prefix('"')
        .and_then(|inside| inside.strip_suffix('"'))
        .filter(|inside| !inside.contains(['\\', '\r']));
    match plain {
        Some(inside) => Some(Str {
            value: inside.to_owned(),
            token: literal,
        }),
        None => match Lit::new(literal) {
            Lit::Str(lit) if lit.suffix().is_empty() => Some(Str::from(lit)),
            _ => None,
        },
    }
}

/// An integer literal as a status may be written (the general reader's rule: no suffix but
/// `u16`, not negative); its range is judged by the validator.
fn status(literal: Literal) -> Option<syn::LitInt> {
    match Lit::new(literal) {
        Lit::Int(lit)
            if matches!(lit.suffix(), "" | "u16") && !lit.base10_digits().starts_with('-') =>
        {
            Some(lit)
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::variant_keys;
    use crate::attr::{self, Str, VariantAttrs};
    use crate::errors::Errors;
    use crate::no_panic_tests::{random_attr, Rng};

    /// What a reader made of a variant's keys, comparable: each literal as written and read.
    /// (Spans are not compared: both readers keep the attribute's own literal and key tokens,
    /// whose text is.)
    fn summary(attrs: &VariantAttrs) -> String {
        let string = |lit: &Option<Str>| {
            lit.as_ref()
                .map(|lit| format!("{} => {:?}", lit.token, lit.value))
        };
        format!(
            "code {:?}, status {:?}, message {:?}, retry {:?}, transparent {}, seen {:?}",
            string(&attrs.code),
            attrs.status.as_ref().map(|lit| lit.to_string()),
            string(&attrs.message),
            string(&attrs.retry),
            attrs.transparent.is_some(),
            attrs.seen,
        )
    }

    fn variant(attrs: &str) -> syn::Variant {
        syn::parse_str(&format!("{attrs} V")).unwrap()
    }

    /// The two readers on `variant`: `None` when the quick one declines.
    fn both(variant: &syn::Variant) -> Option<(String, String, bool)> {
        let quick = variant_keys(&variant.attrs)?;
        let mut errors = Errors::default();
        let general = attr::variant_keys(&variant.attrs, &mut errors);
        Some((summary(&quick), summary(&general), errors.finish().is_ok()))
    }

    #[test]
    fn reads_the_common_forms_as_the_general_reader_does() {
        for attrs in [
            r#"#[swr(code = "SVCSTG.SWR.4040010", status = 404)]"#,
            r#"#[swr(code = "SVCSTG.SWR.4040010", status = 404, message = "The image does not exist.")]"#,
            r#"#[swr(code = "SVCSTG.SWR.4290001", status = 429u16, retry = "throttled",)]"#,
            r#"#[swr(message = "Tag {tag} of {0:?} has \"quotes\"", code = "SVCSTG.X.4000001")] #[swr(status = 400)]"#,
            r#"#[swr(code = r"SVCSTG.SWR.4040010", message = "ünïcode \u{1F600}", status = 404)]"#,
            "#[swr(transparent)]",
            "/// A doc comment. \n #[error(\"x\")] #[swr(transparent,)]",
        ] {
            let variant = variant(attrs);
            let (quick, general, clean) =
                both(&variant).unwrap_or_else(|| panic!("declined {attrs}"));
            assert_eq!(quick, general, "{attrs}");
            assert!(clean, "{attrs}");
        }
    }

    /// Values of each kind in every form a literal takes: plain, escaped, raw, with suffixes,
    /// in other bases; and a few of the wrong kind.
    const STRINGS: &[&str] = &[
        r#""SVCSTG.SWR.4040010""#,
        r#""SVCSTG.SWR.40400\x310""#,
        r#"r"SVCSTG.SWR.4040010""#,
        r##"r#"SVCSTG.SWR.4040010"#"##,
        r#""The image does not exist.""#,
        r#""Tag {tag} has \"quotes\", a \\ and a\nline""#,
        r#""ünïcode \u{1F600} 😀""#,
        "\"a line \\\n      continued\"",
        "\"a carriage\r\nreturn\"",
        r#""busy""#,
        r#""throttled""#,
        r#""""#,
    ];
    const STATUSES: &[&str] = &["404", "404u16", "0x194", "4_04", "0o624", "500", "599"];
    const WRONG: &[&str] = &[
        "404i32",
        "-404",
        r#""404""#,
        r#""x"suffix"#,
        r#"b"SVCSTG.SWR.4040010""#,
        "true",
        "x",
        "(404)",
        "'c'",
        "4.04",
    ];

    /// A variant's `#[swr(...)]` keys, well-formed, in any order, split over one or two
    /// attributes, trailing commas or not; then, now and then, one mistake: a key repeated (in
    /// the same attribute or the other), a comma dropped, a value of the wrong kind, `==`.
    fn keys_attrs(rng: &mut Rng) -> String {
        let mut keys: Vec<String> = Vec::new();
        let pick = |rng: &mut Rng, items: &[&str]| items[rng.below(items.len())].to_owned();
        if rng.below(6) == 0 {
            keys.push("transparent".to_owned());
        } else {
            keys.push(format!("code = {}", pick(rng, STRINGS)));
            keys.push(format!("status = {}", pick(rng, STATUSES)));
            if rng.below(2) == 0 {
                keys.push(format!("message = {}", pick(rng, STRINGS)));
            }
            if rng.below(3) == 0 {
                keys.push(format!("retry = {}", pick(rng, STRINGS)));
            }
        }
        for i in (1..keys.len()).rev() {
            keys.swap(i, rng.below(i + 1));
        }
        match rng.below(8) {
            0 => keys.push(keys[0].clone()),
            1 => {
                let at = rng.below(keys.len());
                let key = keys[at].split(' ').next().unwrap_or("code").to_owned();
                keys[at] = format!("{key} = {}", pick(rng, WRONG));
            }
            2 => keys[0] = keys[0].replacen(" = ", " == ", 1),
            _ => {}
        }
        let split = if keys.len() > 1 && rng.below(3) == 0 {
            1 + rng.below(keys.len() - 1)
        } else {
            keys.len()
        };
        let comma = |rng: &mut Rng, part: &[String]| {
            let joint = if rng.below(10) == 0 { " " } else { ", " };
            let trailing = if rng.below(3) == 0 { "," } else { "" };
            format!("#[swr({}{trailing})]", part.join(joint))
        };
        let (first, second) = keys.split_at(split);
        let mut attrs = comma(rng, first);
        if !second.is_empty() {
            attrs.push_str(" /// Between.\n ");
            attrs.push_str(&comma(rng, second));
        }
        attrs
    }

    /// Runs both readers on each variant (its attributes as written, for messages): where the
    /// quick one reads, it must agree with the general one, which must report nothing. How many
    /// were read and how many declined.
    fn compare(variants: impl Iterator<Item = (String, syn::Variant)>) -> (usize, usize) {
        let (mut read, mut declined) = (0, 0);
        for (attrs, variant) in variants {
            match both(&variant) {
                Some((quick, general, clean)) => {
                    read += 1;
                    assert_eq!(quick, general, "{attrs}");
                    assert!(clean, "read a variant with mistakes: {attrs}");
                }
                None => declined += 1,
            }
        }
        (read, declined)
    }

    #[test]
    fn agrees_on_every_form_of_well_formed_keys() {
        let mut rng = Rng(0x0dd_ba11_5eed_0002);
        let variants = (0..20_000).map(|_| {
            let attrs = keys_attrs(&mut rng);
            let parsed = variant(&attrs);
            (attrs, parsed)
        });
        let (read, declined) = compare(variants);
        // Most inputs are well-formed and read; the mistakes, and the forms left to the general
        // reader, are declined.
        assert!(
            read > 10_000 && declined > 2_000,
            "read {read}, declined {declined}"
        );
    }

    #[test]
    fn declines_what_it_does_not_read_and_agrees_on_what_it_reads() {
        // The no-panic corpus's attributes, one to three to a variant: well-formed, misspelt,
        // repeated, of the wrong kind, malformed.
        let mut rng = Rng(0x5eed_1234_abcd_0001);
        let variants = (0..20_000).filter_map(|_| {
            let attrs: Vec<String> = (0..1 + rng.below(3))
                .map(|_| random_attr(&mut rng))
                .collect();
            let attrs = attrs.join(" ");
            let parsed = syn::parse_str::<syn::Variant>(&format!("{attrs} V")).ok()?;
            Some((attrs, parsed))
        });
        let (read, declined) = compare(variants);
        // Both branches were taken often enough to mean something.
        assert!(
            read > 500 && declined > 500,
            "read {read}, declined {declined}"
        );
    }
}
