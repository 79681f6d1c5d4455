//! `impl Display`: the message, written straight into the formatter without allocating.

use proc_macro2::TokenStream;
use quote::{format_ident, quote, quote_spanned};

use super::{bounds_for, format_arms, impl_generics_with, pattern};
use crate::model::Checked;

pub(super) fn expand(checked: &Checked) -> TokenStream {
    let ident = checked.input.ident;
    let bound = quote!(__swr::fmt::Display + __swr::SwrError);
    let extra = bounds_for(
        checked,
        checked.transparent().map(|(_, field)| field),
        &bound,
    );
    let generics = impl_generics_with(checked, extra);
    let (impl_generics, ty_generics, where_clause) = (
        &generics.impl_generics,
        &generics.ty_generics,
        &generics.where_clause,
    );

    let format_arms = format_arms(
        checked,
        |span, format, args| quote_spanned!(span=> __formatter.write_fmt(__swr::format_args!(#format, #(#args),*))),
    );
    let inner_arms = checked
        .transparent()
        .map(|(variant, field)| {
            let pat = pattern(
                variant.ast.ident,
                [(&field.member, format_ident!("__swr_inner"))],
            );
            quote!(#pat => __swr::fmt::Display::fmt(__swr_inner, __formatter),)
        })
        .collect::<Vec<_>>();
    let body = if format_arms.is_empty() && inner_arms.is_empty() {
        quote!(__formatter.write_str(&__swr::SwrError::message(self)))
    } else {
        quote! {
            #[allow(unreachable_patterns)]
            match self {
                #(#format_arms)*
                #(#inner_arms)*
                _ => __formatter.write_str(&__swr::SwrError::message(self)),
            }
        }
    };

    quote! {
        #[automatically_derived]
        impl #impl_generics __swr::fmt::Display for #ident #ty_generics #where_clause {
            fn fmt(&self, __formatter: &mut __swr::fmt::Formatter<'_>) -> __swr::fmt::Result {
                #body
            }
        }
    }
}
