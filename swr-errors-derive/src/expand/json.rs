//! `write_json`: the body of an enum whose codes and messages need no escaping.
//!
//! When the enum has no transparent variant and no message that reads fields or holds a
//! character JSON escapes (a quote, a backslash, a control character), its body is its code and
//! message copied verbatim from `__SWR_OWN` around the fixed text of the format, and the detail
//! (escaped at run time, if the variant has one): no scan of the code or the message, and no
//! table of its own. Other enums keep the trait's general writer.

use proc_macro2::TokenStream;
use quote::quote;

use crate::model::{Checked, Message};

/// The `write_json` method of the enum's `SwrError` impl; nothing (the trait's general writer)
/// when some value of the enum needs it.
pub(super) fn write_json_method(checked: &Checked) -> TokenStream {
    let plain = checked
        .own()
        .all(|(_, own)| matches!(&own.message, Message::Static(text) if !needs_escape(text)));
    let has_detail = checked.own().any(|(_, own)| own.detail.is_some());
    plain_writer(checked, plain, has_detail)
}

/// The `write_json` method of the kind's `SwrError` impl: a kind's message is its row's text.
pub(super) fn kind_write_json_method(checked: &Checked) -> TokenStream {
    let plain = checked
        .own()
        .all(|(_, own)| !needs_escape(own.message.text()));
    plain_writer(checked, plain, false)
}

/// The row copied verbatim, when every value has a row (no transparent variant) and `plain`.
fn plain_writer(checked: &Checked, plain: bool, has_detail: bool) -> TokenStream {
    let direct = checked.transparent().next().is_none();
    if !direct || !plain {
        return TokenStream::new();
    }
    let detail = if has_detail {
        quote!(__swr::SwrError::detail(self).as_deref().unwrap_or(""))
    } else {
        quote!("")
    };
    quote! {
        fn write_json(&self, __swr_out: &mut __swr::String) {
            let __swr_row = &__SWR_OWN[__swr::Indexed::index(self)];
            __swr::write_plain_body(__swr_out, __swr_row.code, __swr_row.message, #detail)
        }
    }
}

/// Whether `text` holds a character that JSON escapes, as `serde_json` escapes: `"`, `\`, or a
/// control character.
fn needs_escape(text: &str) -> bool {
    text.bytes()
        .any(|byte| byte == b'"' || byte == b'\\' || byte < 0x20)
}

#[cfg(test)]
mod tests {
    use super::needs_escape;

    #[test]
    fn finds_what_serde_json_escapes() {
        assert!(!needs_escape("The image does not exist. é {x} /"));
        for text in [
            "Say \"hi\"",
            "a\\b",
            "line\nbreak",
            "\u{1}",
            "tab\t",
            "\u{1f}",
        ] {
            assert!(needs_escape(text), "{text:?}");
        }
    }
}
