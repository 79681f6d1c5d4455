//! `impl std::error::Error`, with `source()` from `#[swr(source)]` fields and transparent
//! variants.

use proc_macro2::TokenStream;
use quote::{format_ident, quote, quote_spanned};
use syn::spanned::Spanned;

use super::{bounds_for, impl_generics_with, located_at, pattern};
use crate::model::Checked;

pub(super) fn expand(checked: &Checked) -> TokenStream {
    let ident = checked.input.ident;
    let bound = quote!(__swr::Error + 'static);
    let sources = checked.own().filter_map(|(_, own)| own.source);
    let wrapped: Vec<_> = checked.transparent().map(|(_, field)| field).collect();
    let mut extra = bounds_for(checked, sources.chain(wrapped.iter().copied()), &bound);
    extra.extend(bounds_for(
        checked,
        wrapped.into_iter(),
        &quote!(__swr::fmt::Display + __swr::SwrError),
    ));
    let debug = quote!(Self: __swr::fmt::Debug);
    if checked.is_generic() {
        extra.push(debug);
    }
    let generics = impl_generics_with(checked, extra);
    let (impl_generics, ty_generics, where_clause) = (
        &generics.impl_generics,
        &generics.ty_generics,
        &generics.where_clause,
    );

    let own_arms = checked.own().filter_map(|(variant, own)| {
        let field = own.source?;
        let pat = pattern(
            variant.ast.ident,
            [(&field.member, format_ident!("__swr_source"))],
        );
        // Spanned on the field's type, where an error about a source that is not an `Error`
        // belongs.
        let source = quote_spanned!(located_at(field.ty.span())=> (&__swr::SourceOf(__swr_source)).swr_source());
        Some(quote! {
            #pat => __swr::Some(#source),
        })
    });
    let inner_arms = checked.transparent().map(|(variant, field)| {
        let pat = pattern(
            variant.ast.ident,
            [(&field.member, format_ident!("__swr_inner"))],
        );
        quote!(#pat => __swr::Error::source(__swr_inner),)
    });
    let arms: Vec<TokenStream> = own_arms.chain(inner_arms).collect();
    let source = (!arms.is_empty()).then(|| {
        quote! {
            fn source(&self) -> __swr::Option<&(dyn __swr::Error + 'static)> {
                #[allow(unused_imports)]
                use __swr::{SourceByDeref as _, SourceDirect as _};
                #[allow(unreachable_patterns)]
                match self {
                    #(#arms)*
                    _ => __swr::None,
                }
            }
        }
    });

    quote! {
        #[automatically_derived]
        impl #impl_generics __swr::Error for #ident #ty_generics #where_clause {
            #source
        }
    }
}
