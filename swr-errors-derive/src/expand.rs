//! Expansion: code generation from a [`Checked`] enum, one module per generated capability.
//!
//! Everything lands in one `const _: () = { ... };` block, so the helper items it declares (the
//! enum's static code table above all) stay private to it, and everything it names goes through
//! `__swr`, the `__private` module of `swr-errors`.

mod catalogue;
mod display;
pub(crate) mod fallback;
mod from;
mod json;
mod kind;
mod lookup;
mod responses;
mod std_error;
mod swr_error;

use proc_macro2::{Ident, Literal, Span, TokenStream};
use quote::{format_ident, quote, quote_spanned, ToTokens};
use syn::spanned::Spanned;
use syn::{Generics, Member, Type};

use crate::ast::Field;
use crate::generics::{mentions_generic, mentions_type_param, names_any};
use crate::message::Piece;
use crate::model::{Checked, Message, RetryKind};

pub(crate) fn expand(checked: &Checked) -> TokenStream {
    let krate = &checked.krate;
    let own_table = own_table(checked);
    let find = lookup::find_fn(checked);
    let swr_error = swr_error::expand(checked);
    let display = checked.std_impls.then(|| display::expand(checked));
    let std_error = checked.std_impls.then(|| std_error::expand(checked));
    let lookup = lookup::expand(checked);
    let catalogue = catalogue::expand(checked);
    let from = from::expand(checked);
    let responses = responses::expand(checked.input.ident, checked.input.generics);
    let kind_definition = kind::definition(checked);
    let kind_impls = kind::impls(checked);
    quote! {
        #kind_definition

        #[allow(non_upper_case_globals, unused_qualifications, clippy::all, clippy::pedantic)]
        const _: () = {
            use #krate::__private as __swr;
            #own_table
            #find
            #swr_error
            #display
            #std_error
            #lookup
            #catalogue
            #from
            #responses
            #kind_impls
        };
    }
}

/// `__SWR_OWN`: the code, status, message and retry kind of each variant that has a code, in
/// declaration order. Accessors index it instead of each `match`ing over every variant.
///
/// Each row is a tuple of four literals, `(code, message, status, retry)`, made a `CodeInfo` by
/// `__private::code_table` in const evaluation: a quarter of the tokens of a struct literal.
fn own_table(checked: &Checked) -> TokenStream {
    let rows = checked.own().map(|(_, own)| {
        let code = &own.code;
        let message = own.message.text();
        let retry = Literal::u8_unsuffixed(own.retry.map_or(0, RetryKind::row_number));
        let status = Literal::u16_unsuffixed(own.status);
        quote!((#code, #message, #status, #retry))
    });
    quote! {
        const __SWR_OWN: &[__swr::CodeInfo] = &__swr::code_table([#(#rows),*]);
    }
}

/// A value's entry `field` in the enum's `__SWR_OWN` table: by the variant's position when every
/// variant has a row (`indexed`), else through its slot, forwarding to the wrapped value's
/// `forward` method.
fn table_row(indexed: bool, field: TokenStream, forward: TokenStream) -> TokenStream {
    if indexed {
        quote!(__SWR_OWN[__swr::Indexed::index(self)].#field)
    } else {
        quote! {
            match __swr::Slotted::slot(self) {
                __swr::Slot::Own(index) => __SWR_OWN[index].#field,
                __swr::Slot::Inner(inner) => inner.#forward,
            }
        }
    }
}

/// The pattern `Self::Variant { member: binding, .. }` that binds the given fields.
fn pattern<'a>(
    variant: &Ident,
    bindings: impl IntoIterator<Item = (&'a Member, Ident)>,
) -> TokenStream {
    let bindings = bindings
        .into_iter()
        .map(|(member, binding)| quote!(#member: #binding,));
    quote!(Self::#variant { #(#bindings)* .. })
}

/// A variant whose message reads fields: the `match` pattern that binds them, the format string
/// with the placeholders renamed to the bindings, and the `name = value` arguments, all meant to
/// be spanned on the message (resolved at the call site, see [`located_at`]).
struct Interpolated {
    pat: TokenStream,
    format: syn::LitStr,
    args: Vec<TokenStream>,
    span: Span,
}

/// Every variant whose message reads fields, ready for `format!` or `format_args!`.
fn interpolated<'a>(checked: &'a Checked) -> impl Iterator<Item = Interpolated> + 'a {
    checked.own().filter_map(|(variant, own)| {
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
        let args = fields
            .iter()
            .map(|(_, field)| {
                let binding = binding(field);
                // The value carries the message's span, so that a field that is not `Display` (or
                // not `LowerHex`, ...) is reported on the message that formats it.
                let value = Ident::new(&binding.to_string(), located_at(*span));
                quote!(#binding = #value)
            })
            .collect();
        Some(Interpolated {
            pat,
            format: syn::LitStr::new(&format, *span),
            args,
            span: located_at(*span),
        })
    })
}

/// One `match` arm per variant whose message reads fields, spanned on the message:
/// `pattern => write(format_args!(…))` for `Display`, `pattern => owned(format!(…))` for
/// `message()`; `call` writes the arm's body, spanned on the message's `Span` it is given (where
/// an error about a field that cannot be formatted belongs).
fn format_arms(
    checked: &Checked,
    call: impl Fn(Span, &syn::LitStr, &[TokenStream]) -> TokenStream,
) -> Vec<TokenStream> {
    interpolated(checked)
        .map(|message| {
            let Interpolated {
                pat,
                format,
                args,
                span,
            } = message;
            let body = call(span, &format, &args);
            quote_spanned! {span=> #pat => #body, }
        })
        .collect()
}

/// A span that resolves names as the macro's own tokens do, but points at `span` in errors.
///
/// Generated locals (`__formatter`, the field bindings) must resolve at the call site: a span
/// taken from the user's tokens carries their hygiene, which inside a `macro_rules!` that
/// generates the enum cannot see the derive's bindings.
fn located_at(span: Span) -> Span {
    Span::call_site().located_at(span)
}

/// The local name a field is bound to in generated `match` arms.
fn binding(field: &Field) -> Ident {
    format_ident!("__swr_field_{}", field.name())
}

/// `impl` generics, type generics and where clause, with extra predicates appended.
struct ImplGenerics {
    impl_generics: TokenStream,
    ty_generics: TokenStream,
    where_clause: TokenStream,
}

fn impl_generics(generics: &Generics, extra: &[TokenStream]) -> ImplGenerics {
    let (impl_generics, ty_generics, where_clause) = generics.split_for_impl();
    // Each predicate is written with its own comma: the user's clause may or may not end in one
    // (`where W: Debug,`), and two commas in a row do not parse.
    let existing: Vec<_> = where_clause
        .map(|clause| clause.predicates.iter().collect())
        .unwrap_or_default();
    let where_clause = if existing.is_empty() && extra.is_empty() {
        TokenStream::new()
    } else {
        quote!(where #(#existing,)* #(#extra,)*)
    };
    ImplGenerics {
        impl_generics: impl_generics.to_token_stream(),
        ty_generics: ty_generics.to_token_stream(),
        where_clause,
    }
}

/// [`impl_generics`] with `extra` and the [`field_bounds`] of `checked`.
fn impl_generics_with(checked: &Checked, mut extra: Vec<TokenStream>) -> ImplGenerics {
    extra.extend(field_bounds(checked));
    impl_generics(checked.input.generics, &extra)
}

/// `ty: bound` for each transparent (or otherwise wrapped) field type that mentions a type
/// parameter; concrete types need no predicate.
fn bounds_for<'a>(
    checked: &Checked,
    fields: impl Iterator<Item = &'a Field<'a>>,
    bound: &TokenStream,
) -> Vec<TokenStream> {
    fields
        .filter(|field| mentions_type_param(field.ty, checked.input.generics))
        .map(|field| {
            let ty = field.ty;
            quote!(#ty: #bound)
        })
        .collect()
}

/// The bounds the formatted fields need when their types name a type parameter, as thiserror
/// infers them: each field a message reads, by the trait of its placeholder (`{tag}` `Display`,
/// `{tag:?}` `Debug`, `{size:x}` `LowerHex`, ...), and each `#[swr(detail)]` field, `Display`.
/// Every impl that formats a message or calls `SwrError` on the enum needs them.
fn field_bounds(checked: &Checked) -> Vec<TokenStream> {
    let generics = checked.input.generics;
    let mut bounds: Vec<TokenStream> = Vec::new();
    // The common case, and called once per impl: nothing to look at.
    if generics.type_params().next().is_none() {
        return bounds;
    }
    // A field of the enum's own type (`Box<Self>`, `Box<Tree<T>>`) gets no bound: the bound
    // would ask the impl for itself, a cycle no use of the enum can satisfy.
    let own_type = [checked.input.ident.to_string(), "Self".to_owned()];
    let mut push = |ty: &Type, bound: TokenStream| {
        if !mentions_type_param(ty, generics) || names_any(ty, &own_type) {
            return;
        }
        let predicate = quote!(#ty: #bound);
        let text = predicate.to_string();
        if !bounds.iter().any(|known| known.to_string() == text) {
            bounds.push(predicate);
        }
    };
    for (_, own) in checked.own() {
        if let Message::Format {
            template, fields, ..
        } = &own.message
        {
            for piece in &template.pieces {
                let Piece::Field { field, spec } = piece else {
                    continue;
                };
                let Some((_, field)) = fields.iter().find(|(wanted, _)| wanted == field) else {
                    continue;
                };
                // The type is the spec's last character: what comes before it is never a letter
                // or `?` (a fill character is followed by its alignment).
                let bound = match spec.chars().last() {
                    Some('?') => quote!(__swr::fmt::Debug),
                    Some('x') => quote!(__swr::fmt::LowerHex),
                    Some('X') => quote!(__swr::fmt::UpperHex),
                    Some('o') => quote!(__swr::fmt::Octal),
                    Some('b') => quote!(__swr::fmt::Binary),
                    Some('e') => quote!(__swr::fmt::LowerExp),
                    Some('E') => quote!(__swr::fmt::UpperExp),
                    // The binding is a reference, which is always `Pointer`.
                    Some('p') => continue,
                    _ => quote!(__swr::fmt::Display),
                };
                push(field.ty, bound);
            }
        }
        // A detail is text (`AsRef<str>`) or `Display`: one the user bounds by `AsRef` is text.
        if let Some(field) = own
            .detail
            .filter(|field| !bound_by_as_ref(field.ty, generics))
        {
            push(field.ty, quote!(__swr::fmt::Display));
        }
    }
    bounds
}

/// Whether the enum's generics bound `ty` by `AsRef<..>`: inline on the type parameter `ty` is,
/// or in a `where` predicate for `ty`.
fn bound_by_as_ref(ty: &Type, generics: &Generics) -> bool {
    let is_as_ref = |bound: &syn::TypeParamBound| {
        matches!(bound, syn::TypeParamBound::Trait(bound)
            if bound.path.segments.last().is_some_and(|segment| segment.ident == "AsRef"))
    };
    let text = ty.to_token_stream().to_string();
    let inline = generics
        .type_params()
        .any(|param| param.ident == text && param.bounds.iter().any(is_as_ref));
    let in_where = generics
        .where_clause
        .iter()
        .flat_map(|clause| &clause.predicates)
        .any(|predicate| {
            matches!(predicate, syn::WherePredicate::Type(predicate)
                if predicate.bounded_ty.to_token_stream().to_string() == text
                    && predicate.bounds.iter().any(is_as_ref))
        });
    inline || in_where
}

/// `inner`, a transparent field's binding, as `&dyn SwrError`. A concrete type goes through
/// `Catalogue`, which every wrapped concrete type needs anyway: every use then asks for the one
/// bound, at the one span (the field's type), and a type that is no `SwrError` gets one error,
/// not one per use. A type naming a generic parameter is bound by `SwrError` in the impls instead.
fn wrapped_as_swr(checked: &Checked, field: &Field, inner: &Ident) -> TokenStream {
    let ty = field.ty;
    if mentions_generic(ty, checked.input.generics) {
        return quote!(#inner);
    }
    quote_spanned!(located_at(ty.span())=> <#ty as __swr::Catalogue>::__as_swr_error(#inner))
}

/// `<Ty>::from_code`, through `Catalogue` for a concrete type (see [`wrapped_as_swr`]).
fn wrapped_from_code(checked: &Checked, field: &Field) -> TokenStream {
    let ty = field.ty;
    if mentions_generic(ty, checked.input.generics) {
        return quote!(<#ty as __swr::SwrError>::from_code);
    }
    quote_spanned!(located_at(ty.span())=> <#ty as __swr::Catalogue>::__from_code)
}
