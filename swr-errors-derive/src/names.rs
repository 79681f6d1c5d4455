//! The user's names as messages and generated text show them: an identifier without its `r#`,
//! a type as written.

use quote::ToTokens;

/// `name` without the `r#` of a raw identifier (`r#type` is `type` in text, messages and
/// placeholders).
pub(crate) fn unraw(name: &str) -> &str {
    name.strip_prefix("r#").unwrap_or(name)
}

/// An identifier as text, unraw.
pub(crate) fn ident_name(ident: &syn::Ident) -> String {
    unraw(&ident.to_string()).to_owned()
}

/// A type as the user wrote it, for messages: `std::io::Error`, `&'a str`, `Box<dyn Error>`.
pub(crate) fn type_name(ty: &syn::Type) -> String {
    let spaced = ty.to_token_stream().to_string();
    let chars: Vec<char> = spaced.chars().collect();
    let word = |c: char| c.is_alphanumeric() || c == '_' || c == '\'';
    let mut out = String::with_capacity(spaced.len());
    for (i, &c) in chars.iter().enumerate() {
        let keep = c != ' '
            || (i > 0 && word(chars[i - 1]) && chars.get(i + 1).is_some_and(|&next| word(next)));
        if keep {
            out.push(c);
        }
    }
    out
}

/// Whether `ty` is the stock catalogue, `SwrCode` (by its last path segment, as written:
/// `SwrCode`, `swr_errors::SwrCode`, `crate::SwrCode`).
pub(crate) fn is_stock(ty: &syn::Type) -> bool {
    match ty {
        syn::Type::Path(path) if path.qself.is_none() => path
            .path
            .segments
            .last()
            .is_some_and(|last| last.ident == "SwrCode" && last.arguments.is_none()),
        syn::Type::Group(group) => is_stock(&group.elem),
        syn::Type::Paren(paren) => is_stock(&paren.elem),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::{type_name, unraw};

    #[test]
    fn unraw_strips_only_the_raw_prefix() {
        assert_eq!(unraw("r#type"), "type");
        assert_eq!(unraw("repo"), "repo");
        assert_eq!(unraw("r"), "r");
    }

    #[test]
    fn type_name_keeps_the_spaces_between_words_only() {
        let ty: syn::Type = syn::parse_str("Box < dyn std :: error :: Error + 'a >").unwrap();
        assert_eq!(type_name(&ty), "Box<dyn std::error::Error+'a>");
    }
}
