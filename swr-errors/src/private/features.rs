//! The framework impls of a derived type, per cargo feature of this crate: the derive emits one
//! call of [`impl_responses!`], which expands to the impls of the features this build has.

#[cfg(feature = "tonic")]
use crate::SwrError;

/// Framework integrations for a derived type: `impl_responses! { impl [generics] [Type] where
/// [predicates] }` expands to the `http`, `axum`, `actix-web` and `tonic` impls of the features this build
/// of `swr-errors` has, and to nothing without them. Each impl bounds the type by the traits it
/// needs, so a generic enum gets the impl wherever its own `SwrError` impl applies; the work is
/// done by non-generic functions over `&dyn SwrError`, compiled once in this crate.
#[doc(hidden)]
#[macro_export]
macro_rules! __swr_impl_responses {
    (impl [$($generics:tt)*] [$($ty:tt)*] where [$($preds:tt)*]) => {
        $crate::__swr_impl_http! { impl [$($generics)*] [$($ty)*] where [$($preds)*] }
        $crate::__swr_impl_axum! { impl [$($generics)*] [$($ty)*] where [$($preds)*] }
        $crate::__swr_impl_actix! { impl [$($generics)*] [$($ty)*] where [$($preds)*] }
        $crate::__swr_impl_tonic! { impl [$($generics)*] [$($ty)*] where [$($preds)*] }
    };
}

#[cfg(feature = "http")]
pub use crate::http_response::http_response;
/// The response type of the `http` integration.
#[cfg(feature = "http")]
pub type HttpResponse = ::http::Response<std::vec::Vec<u8>>;

/// `From<Type> for http::Response<Vec<u8>>`, in Legacy.
#[cfg(feature = "http")]
#[doc(hidden)]
#[macro_export]
macro_rules! __swr_impl_http {
    (impl [$($generics:tt)*] [$($ty:tt)*] where [$($preds:tt)*]) => {
        impl $($generics)* $crate::__private::From<$($ty)*> for $crate::__private::HttpResponse
        where
            $($ty)*: $crate::__private::SwrError,
            $($preds)*
        {
            fn from(error: $($ty)*) -> $crate::__private::HttpResponse {
                $crate::__private::http_response(&error)
            }
        }
    };
}

#[cfg(not(feature = "http"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __swr_impl_http {
    ($($tokens:tt)*) => {};
}

#[cfg(feature = "axum")]
pub use crate::axum::response::axum_response;
#[cfg(feature = "axum")]
pub use ::axum::response::{IntoResponse, Response as AxumResponse};

/// `axum::response::IntoResponse for Type`: Legacy, with the record `SwrLayer` rewrites and logs
/// from (its causes through [`SwrError::as_error`]).
#[cfg(feature = "axum")]
#[doc(hidden)]
#[macro_export]
macro_rules! __swr_impl_axum {
    (impl [$($generics:tt)*] [$($ty:tt)*] where [$($preds:tt)*]) => {
        impl $($generics)* $crate::__private::IntoResponse for $($ty)*
        where
            $($ty)*: $crate::__private::SwrError,
            $($preds)*
        {
            fn into_response(self) -> $crate::__private::AxumResponse {
                $crate::__private::axum_response(&self)
            }
        }
    };
}

#[cfg(not(feature = "axum"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __swr_impl_axum {
    ($($tokens:tt)*) => {};
}

#[cfg(feature = "actix-web")]
pub use crate::actix::response::{actix_response, actix_status_of};
#[cfg(feature = "actix-web")]
pub use ::actix_web::{
    http::StatusCode as ActixStatusCode, HttpResponse as ActixHttpResponse, ResponseError,
};

/// `actix_web::ResponseError for Type`: Legacy, with the record `SwrErrors` rewrites and logs
/// from. actix-web requires
/// `Debug` and `Display`: the derive implements `Display` (unless told not to), and
/// `std::error::Error` needs `Debug` anyway.
#[cfg(feature = "actix-web")]
#[doc(hidden)]
#[macro_export]
macro_rules! __swr_impl_actix {
    (impl [$($generics:tt)*] [$($ty:tt)*] where [$($preds:tt)*]) => {
        impl $($generics)* $crate::__private::ResponseError for $($ty)*
        where
            $($ty)*: $crate::__private::SwrError
                + $crate::__private::fmt::Debug
                + $crate::__private::fmt::Display,
            $($preds)*
        {
            fn status_code(&self) -> $crate::__private::ActixStatusCode {
                $crate::__private::actix_status_of(self)
            }

            fn error_response(&self) -> $crate::__private::ActixHttpResponse {
                $crate::__private::actix_response(self)
            }
        }
    };
}

#[cfg(not(feature = "actix-web"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __swr_impl_actix {
    ($($tokens:tt)*) => {};
}

/// What `From<E> for tonic::Status` of a derived type calls: the default `TonicOptions`, no
/// request id; one non-generic function, so the conversion is compiled once.
#[cfg(feature = "tonic")]
pub fn tonic_status(error: &dyn SwrError) -> ::tonic::Status {
    crate::tonic::to_status_with(error, &crate::tonic::TonicOptions::new())
}
/// The status type of the `tonic` integration.
#[cfg(feature = "tonic")]
pub type TonicStatus = ::tonic::Status;

/// `From<Type> for tonic::Status`, with the default `TonicOptions` and no request id.
#[cfg(feature = "tonic")]
#[doc(hidden)]
#[macro_export]
macro_rules! __swr_impl_tonic {
    (impl [$($generics:tt)*] [$($ty:tt)*] where [$($preds:tt)*]) => {
        impl $($generics)* $crate::__private::From<$($ty)*> for $crate::__private::TonicStatus
        where
            $($ty)*: $crate::__private::SwrError,
            $($preds)*
        {
            fn from(error: $($ty)*) -> $crate::__private::TonicStatus {
                $crate::__private::tonic_status(&error)
            }
        }
    };
}

#[cfg(not(feature = "tonic"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __swr_impl_tonic {
    ($($tokens:tt)*) => {};
}

pub use crate::__swr_impl_responses as impl_responses;
