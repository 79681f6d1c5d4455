//! Which of the enum's generic parameters a type names: computed here once, for the checks (a
//! kind cannot carry a generic wrapped type) and the expansion (bounds, and which wrapped types
//! take part in the const tables).

use proc_macro2::{TokenStream, TokenTree};
use quote::ToTokens;
use syn::{GenericParam, Generics, Type};

/// The parameters that count.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Params {
    /// Type parameters only (`T`): what a bound can name.
    Types,
    /// Every parameter: types, lifetimes (`'a`) and consts (`N`): what a free constant cannot.
    All,
}

/// The parameters of `generics` as written in a type (`T`, `'a`, `N`).
fn names(generics: &Generics, which: Params) -> Vec<String> {
    generics
        .params
        .iter()
        .filter_map(|param| match param {
            GenericParam::Type(param) => Some(param.ident.to_string()),
            GenericParam::Lifetime(param) if which == Params::All => {
                Some(param.lifetime.to_string())
            }
            GenericParam::Const(param) if which == Params::All => Some(param.ident.to_string()),
            _ => None,
        })
        .collect()
}

/// The first parameter of `generics` (of the sort `which`) that `ty` names, as written.
pub(crate) fn first_named(ty: &Type, generics: &Generics, which: Params) -> Option<String> {
    if generics.params.is_empty() {
        return None;
    }
    let names = names(generics, which);
    if names.is_empty() {
        return None;
    }
    first_of(ty.to_token_stream(), &names).cloned()
}

/// Whether `ty` names a type parameter of `generics`.
pub(crate) fn mentions_type_param(ty: &Type, generics: &Generics) -> bool {
    first_named(ty, generics, Params::Types).is_some()
}

/// Whether `ty` names any generic parameter of `generics`.
pub(crate) fn mentions_generic(ty: &Type, generics: &Generics) -> bool {
    first_named(ty, generics, Params::All).is_some()
}

/// Whether `ty` names one of `names` (identifiers, such as the enum's own name or `Self`).
pub(crate) fn names_any(ty: &Type, names: &[String]) -> bool {
    first_of(ty.to_token_stream(), names).is_some()
}

/// The first of `names` that `tokens` hold: an identifier, or a lifetime (`'` then an identifier).
fn first_of(tokens: TokenStream, names: &[String]) -> Option<&String> {
    let mut after_quote = false;
    for token in tokens {
        match token {
            TokenTree::Ident(ident) => {
                let text = if after_quote {
                    format!("'{ident}")
                } else {
                    ident.to_string()
                };
                if let Some(found) = names.iter().find(|name| **name == text) {
                    return Some(found);
                }
                after_quote = false;
            }
            TokenTree::Punct(punct) => after_quote = punct.as_char() == '\'',
            TokenTree::Group(group) => {
                if let Some(found) = first_of(group.stream(), names) {
                    return Some(found);
                }
                after_quote = false;
            }
            TokenTree::Literal(_) => after_quote = false,
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::{first_named, Params};

    fn named(ty: &str, generics: &str, which: Params) -> Option<String> {
        let ty: syn::Type = syn::parse_str(ty).unwrap();
        let input: syn::DeriveInput = syn::parse_str(&format!("struct S{generics};")).unwrap();
        first_named(&ty, &input.generics, which)
    }

    #[test]
    fn finds_types_lifetimes_and_consts_as_asked() {
        let generics = "<'a, T, const N: usize>";
        assert_eq!(
            named("Vec<T>", generics, Params::Types).as_deref(),
            Some("T")
        );
        assert_eq!(named("&'a str", generics, Params::Types), None);
        assert_eq!(
            named("&'a str", generics, Params::All).as_deref(),
            Some("'a")
        );
        assert_eq!(
            named("[u8; N]", generics, Params::All).as_deref(),
            Some("N")
        );
        // A type named `a` is not the lifetime `'a`.
        assert_eq!(named("a", generics, Params::All), None);
        assert_eq!(named("String", generics, Params::All), None);
        assert_eq!(named("T", "", Params::All), None);
    }
}
