//! `impl SwrError`, and the `Slotted` impl its accessors share when the enum wraps other types.

use proc_macro2::TokenStream;
use quote::{format_ident, quote, quote_spanned};
use syn::spanned::Spanned;

use super::{
    bounds_for, format_arms, impl_generics, impl_generics_with, json, located_at, lookup, pattern,
    table_row, wrapped_as_swr,
};
use crate::model::{Checked, Kind};

pub(super) fn expand(checked: &Checked) -> TokenStream {
    let ident = checked.input.ident;
    let bound = quote!(__swr::SwrError);
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
    // The fields that `message()` and `detail()` format are bound in the `SwrError` impl only:
    // `Indexed` and `Slotted` format nothing, and `Kinded` calls `Indexed` without them.
    let swr_generics = impl_generics_with(checked, extra);
    let swr_where_clause = &swr_generics.where_clause;

    let slot_arms = checked.variants.iter().map(|variant| {
        let name = variant.ast.ident;
        match &variant.kind {
            Kind::Own(own) => {
                let index = own.index;
                quote!(Self::#name { .. } => __swr::Slot::Own(#index),)
            }
            Kind::Transparent(field) => {
                let pat = pattern(name, [(&field.member, format_ident!("__swr_inner"))]);
                let inner = wrapped_as_swr(checked, field, &format_ident!("__swr_inner"));
                quote!(#pat => __swr::Slot::Inner(#inner),)
            }
        }
    });
    // Without transparent variants every value has a row of its own: the accessors index the
    // table directly, one load after the variant's position, with no `Slot` in between (and no
    // `Slotted` impl at all).
    let direct = checked.transparent().next().is_none();
    let message = message(checked, direct);
    let detail = detail(checked);
    let detail_is_json = detail_is_json(checked);
    let body_format = body_format(checked);
    let from_code = lookup::from_code_method(checked);
    let write_json = json::write_json_method(checked);
    let code = table_row(direct, quote!(code), quote!(code()));
    let status = table_row(direct, quote!(status), quote!(status()));
    let retry = table_row(direct, quote!(retry), quote!(retry_kind()));
    let indexed = direct.then(|| {
        let arms = checked.own().map(|(variant, own)| {
            let (name, index) = (variant.ast.ident, own.index);
            // A unit variant's pattern is its path; `{ .. }` matches any other shape (`A {}` and
            // `A()` included).
            if variant.ast.unit {
                quote!(Self::#name => #index,)
            } else {
                quote!(Self::#name { .. } => #index,)
            }
        });
        // The `match` is not `#[inline]`: compiled once, in the deriving crate (where LLVM makes
        // it a load of the discriminant), not again in every crate that calls an accessor; the
        // accessors, which call it, stay inline.
        quote! {
            #[automatically_derived]
            impl #impl_generics __swr::Indexed for #ident #ty_generics #where_clause {
                fn index(&self) -> __swr::usize {
                    match self { #(#arms)* }
                }
            }
        }
    });
    let slotted = (!direct).then(|| {
        quote! {
            #[automatically_derived]
            impl #impl_generics __swr::Slotted for #ident #ty_generics #where_clause {
                #[inline]
                fn slot(&self) -> __swr::Slot<'_> {
                    match self {
                        #(#slot_arms)*
                    }
                }
            }
        }
    });

    quote! {
        #indexed
        #slotted

        #[automatically_derived]
        impl #impl_generics __swr::SwrError for #ident #ty_generics #swr_where_clause {
            #[inline]
            fn code(&self) -> &'static __swr::str {
                #code
            }

            #[inline]
            fn status(&self) -> __swr::u16 {
                #status
            }

            #[inline]
            fn retry_kind(&self) -> __swr::Option<__swr::RetryKind> {
                #retry
            }

            #message
            #detail
            #detail_is_json
            #body_format
            #from_code
            #write_json

            #[inline]
            fn as_error(&self) -> __swr::Option<&dyn __swr::Error> {
                // Resolved by autoref: `Some(self)` when the type implements `Error` (the
                // derive's impl or another's), `None` else.
                #[allow(unused_imports)]
                use __swr::{ErrorOfError as _, ErrorOfOther as _};
                (&__swr::ErrorOf(self)).swr_as_error()
            }
        }
    }
}

/// `message()`: a `format!` arm for each variant whose message reads fields; the table for the
/// rest.
fn message(checked: &Checked, direct: bool) -> TokenStream {
    let format_arms = format_arms(
        checked,
        |span, format, args| quote_spanned!(span=> __swr::Cow::Owned(__swr::format!(#format, #(#args),*))),
    );
    let from_table = if direct {
        quote!(__swr::Cow::Borrowed(
            __SWR_OWN[__swr::Indexed::index(self)].message
        ))
    } else {
        quote! {
        match __swr::Slotted::slot(self) {
            __swr::Slot::Own(index) => __swr::Cow::Borrowed(__SWR_OWN[index].message),
            __swr::Slot::Inner(inner) => inner.message(),
        }
        }
    };
    let body = if format_arms.is_empty() {
        from_table
    } else {
        quote! {
            match self {
                #(#format_arms)*
                _ => #from_table,
            }
        }
    };
    quote! {
        #[inline]
        fn message(&self) -> __swr::Cow<'static, __swr::str> {
            #body
        }
    }
}

/// `detail()`: the `#[swr(detail)]` field of each variant that has one, forwarded through
/// transparent variants. Omitted (the trait's `None`) when no variant has a detail.
fn detail(checked: &Checked) -> TokenStream {
    let own_arms = checked.own().filter_map(|(variant, own)| {
        let field = own.detail?;
        let pat = pattern(
            variant.ast.ident,
            [(&field.member, format_ident!("__swr_detail"))],
        );
        // Spanned on the field's type, where an error about a detail that is neither text nor
        // `Display` (or, written as JSON, not `Serialize`) belongs.
        let span = located_at(field.ty.span());
        let detail = if field.attrs.detail_json {
            quote_spanned!(span=> __swr::json_detail(__swr_detail))
        } else {
            quote_spanned!(span=> (&__swr::DetailOf(__swr_detail)).swr_detail())
        };
        Some(quote! {
            #pat => __swr::Some(#detail),
        })
    });
    let inner_arms = checked.transparent().map(|(variant, field)| {
        let pat = pattern(
            variant.ast.ident,
            [(&field.member, format_ident!("__swr_inner"))],
        );
        let inner = wrapped_as_swr(checked, field, &format_ident!("__swr_inner"));
        quote!(#pat => __swr::SwrError::detail(#inner),)
    });
    let arms: Vec<TokenStream> = own_arms.chain(inner_arms).collect();
    if arms.is_empty() {
        return TokenStream::new();
    }
    quote! {
        fn detail(&self) -> __swr::Option<__swr::Cow<'_, __swr::str>> {
            #[allow(unused_imports)]
            use __swr::{DetailAsStr as _, DetailToString as _};
            #[allow(unreachable_patterns)]
            match self {
                #(#arms)*
                _ => __swr::None,
            }
        }
    }
}

/// `detail_is_json()`: true for the variants whose detail field is `#[swr(detail = "json")]`,
/// forwarded through transparent variants. Omitted (the trait's `false`) when neither exists.
fn detail_is_json(checked: &Checked) -> TokenStream {
    let own_arms = checked.own().filter_map(|(variant, own)| {
        own.detail.filter(|field| field.attrs.detail_json)?;
        let name = variant.ast.ident;
        Some(quote!(Self::#name { .. } => true,))
    });
    let inner_arms = checked.transparent().map(|(variant, field)| {
        let pat = pattern(
            variant.ast.ident,
            [(&field.member, format_ident!("__swr_inner"))],
        );
        let inner = wrapped_as_swr(checked, field, &format_ident!("__swr_inner"));
        quote!(#pat => __swr::SwrError::detail_is_json(#inner),)
    });
    let arms: Vec<TokenStream> = own_arms.chain(inner_arms).collect();
    if arms.is_empty() {
        return TokenStream::new();
    }
    quote! {
        fn detail_is_json(&self) -> __swr::bool {
            #[allow(unreachable_patterns)]
            match self {
                #(#arms)*
                _ => false,
            }
        }
    }
}

/// `body_format()`: the enum's `#[swr(format = "...")]` for every value; without it, the format
/// of the type a transparent variant wraps. Omitted (the trait's `None`) when neither applies.
fn body_format(checked: &Checked) -> TokenStream {
    let body = if let Some(format) = &checked.format {
        quote!(__swr::Some(__swr::BodyFormat::#format))
    } else {
        let arms: Vec<TokenStream> = checked
            .transparent()
            .map(|(variant, field)| {
                let pat = pattern(
                    variant.ast.ident,
                    [(&field.member, format_ident!("__swr_inner"))],
                );
                let inner = wrapped_as_swr(checked, field, &format_ident!("__swr_inner"));
                quote!(#pat => __swr::SwrError::body_format(#inner),)
            })
            .collect();
        if arms.is_empty() {
            return TokenStream::new();
        }
        quote! {
            #[allow(unreachable_patterns)]
            match self {
                #(#arms)*
                _ => __swr::None,
            }
        }
    };
    quote! {
        #[inline]
        fn body_format(&self) -> __swr::Option<__swr::BodyFormat> {
            #body
        }
    }
}
