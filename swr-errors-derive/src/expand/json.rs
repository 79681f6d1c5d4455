//! `write_json`: the body of a variant with a static message, escaped at compile time.
//!
//! For each own variant whose message reads no field, the derive writes out the whole start of its
//! body, `[{"errorCode":"…","errorMessage":"…","detail":"`, escaped as `serde_json` escapes, into a
//! static table indexed like `__SWR_OWN`. Writing the body is then one copy of that text, the
//! detail (escaped at run time, if the variant has one) and `"}]`: no scan of the code or the
//! message. Variants that format their message, and transparent ones, take the general path.

use proc_macro2::TokenStream;
use quote::quote;

use crate::valid::{Checked, Message};

/// `__SWR_JSON`, the body prefix of each own variant with a static message (`""` for the others),
/// indexed like `__SWR_OWN`; `None` when no own variant has a static message. The enum and its
/// kind share it.
pub(super) fn table(checked: &Checked) -> Option<TokenStream> {
    let prefixes: Vec<String> = checked
        .own()
        .map(|(_, own)| match &own.message {
            Message::Static(text) => body_prefix(&own.code, text),
            // Empty: the general path.
            Message::Format { .. } => String::new(),
        })
        .collect();
    if prefixes.iter().all(String::is_empty) {
        return None;
    }
    Some(quote! {
        const __SWR_JSON: &[&__swr::str] = &[#(#prefixes),*];
    })
}

/// The `write_json` method of the `SwrError` impl, reading [`table`]; nothing (the trait's
/// general writer) when there is no table.
pub(super) fn write_json_method(has_table: bool) -> TokenStream {
    if !has_table {
        return TokenStream::new();
    }
    let general = quote! {
        __swr::write_body(
            __swr_out,
            __swr::SwrError::code(self),
            &__swr::SwrError::message(self),
            __swr::SwrError::detail(self).as_deref().unwrap_or(""),
        )
    };
    quote! {
        fn write_json(&self, __swr_out: &mut __swr::String) {
            match __swr::Slotted::slot(self) {
                __swr::Slot::Own(index) if !__SWR_JSON[index].is_empty() => __swr::write_body_from(
                    __swr_out,
                    __SWR_JSON[index],
                    __swr::SwrError::detail(self).as_deref().unwrap_or(""),
                ),
                __swr::Slot::Inner(inner) => inner.write_json(__swr_out),
                __swr::Slot::Own(_) => #general,
            }
        }
    }
}

/// `[{"errorCode":"<code>","errorMessage":"<message>","detail":"`, escaped.
fn body_prefix(code: &str, message: &str) -> String {
    let mut out = String::from(r#"[{"errorCode":""#);
    escape_into(&mut out, code);
    out.push_str(r#"","errorMessage":""#);
    escape_into(&mut out, message);
    out.push_str(r#"","detail":""#);
    out
}

/// `text` escaped as `serde_json` escapes a string's contents (no quotes around it).
fn escape_into(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            '\0'..='\u{1f}' => out.push_str(&format!("\\u{:04x}", u32::from(c))),
            _ => out.push(c),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::body_prefix;

    #[test]
    fn prefix_is_escaped_like_serde_json() {
        assert_eq!(
            body_prefix("SVCSTG.SWR.4040010", "Say \"hi\"\\\n\u{1}\u{8}\u{c}\t\r é"),
            r#"[{"errorCode":"SVCSTG.SWR.4040010","errorMessage":"Say \"hi\"\\\n\u0001\b\f\t\r é","detail":""#
        );
    }
}
