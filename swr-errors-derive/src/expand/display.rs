//! `impl Display`: the message, written straight into the formatter without allocating.

use proc_macro2::{Ident, TokenStream};
use quote::{format_ident, quote, quote_spanned};

use super::{binding, bounds_for, impl_generics, pattern};
use crate::valid::{Checked, Message};

pub(super) fn expand(checked: &Checked) -> TokenStream {
    let ident = checked.input.ident;
    let bound = quote!(__swr::fmt::Display + __swr::SwrError);
    let extra = bounds_for(
        checked,
        checked.transparent().map(|(_, field)| field),
        &bound,
    );
    let generics = impl_generics(checked.input.generics, &extra);
    let (impl_generics, ty_generics, where_clause) = (
        &generics.impl_generics,
        &generics.ty_generics,
        &generics.where_clause,
    );

    let format_arms = checked.own().filter_map(|(variant, own)| {
        let Message::Format {
            template,
            span,
            fields,
            ..
        } = &own.message
        else {
            return None;
        };
        let pat = pattern(
            variant.ast.ident,
            fields
                .iter()
                .map(|(_, field)| (&field.member, binding(field))),
        );
        let format = template.format_string(|field| format!("__swr_field_{field}"));
        let format = syn::LitStr::new(&format, *span);
        let args = fields.iter().map(|(_, field)| {
            let binding = binding(field);
            // The value carries the message's span, so that a field that is not `Display` (or not
            // `LowerHex`, ...) is reported on the message that formats it.
            let value = Ident::new(&binding.to_string(), *span);
            quote!(#binding = #value)
        });
        Some(quote_spanned! {*span=>
            #pat => __formatter.write_fmt(__swr::format_args!(#format, #(#args),*)),
        })
    });
    let inner_arms = checked.transparent().map(|(variant, field)| {
        let pat = pattern(
            variant.ast.ident,
            [(&field.member, format_ident!("__swr_inner"))],
        );
        quote!(#pat => __swr::fmt::Display::fmt(__swr_inner, __formatter),)
    });

    quote! {
        #[automatically_derived]
        impl #impl_generics __swr::fmt::Display for #ident #ty_generics #where_clause {
            fn fmt(&self, __formatter: &mut __swr::fmt::Formatter<'_>) -> __swr::fmt::Result {
                #[allow(unreachable_patterns)]
                match self {
                    #(#format_arms)*
                    #(#inner_arms)*
                    _ => __formatter.write_str(&__swr::SwrError::message(self)),
                }
            }
        }
    }
}
