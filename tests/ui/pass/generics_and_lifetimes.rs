use std::fmt::Display;

use swr_errors::{SwrCode, SwrError};

// A generic inner error, wrapped transparently through a type parameter.
#[derive(Debug, SwrError)]
enum Inner {
    /// The inner thing failed.
    #[swr(code = "SVCSTG.INNER.5000001", status = 500)]
    Failed,
}

#[derive(Debug, SwrError)]
enum RegistryError<'a, T: Display, W>
where
    W: std::fmt::Debug,
{
    #[swr(code = "SVCSTG.MYSVC.4000001", status = 400, message = "Invalid tag {tag} in {repo}")]
    BadTag { repo: &'a str, tag: T },

    #[swr(code = "SVCSTG.MYSVC.4000002", status = 400, message = "Bad reference {0}")]
    BadRef(#[swr(detail)] &'a str),

    /// Nothing to interpolate.
    #[swr(code = "SVCSTG.MYSVC.4040003", status = 404)]
    Missing,

    #[swr(transparent)]
    Wrapped(W),
}

// Only one transparent variant may be generic over its type: with `Stock(SwrCode)` beside
// `Other(E)`, the two `From` impls would overlap for `E = SwrCode` (as with thiserror's `#[from]`).
#[derive(Debug, SwrError)]
enum Outer<E> {
    /// The outer thing failed.
    #[swr(code = "SVCSTG.OUTER.5000001", status = 500)]
    Failed,
    #[swr(transparent)]
    Other(E),
}

fn main() {
    let repo = String::from("library/nginx");
    let err: RegistryError<'_, u32, Inner> = RegistryError::BadTag { repo: &repo, tag: 7 };
    assert_eq!(err.code(), "SVCSTG.MYSVC.4000001");
    assert_eq!(err.message(), "Invalid tag 7 in library/nginx");
    assert_eq!(err.to_string(), "Invalid tag 7 in library/nginx");

    let err: RegistryError<'_, u32, Inner> = RegistryError::BadRef("x:y");
    assert_eq!(err.detail().as_deref(), Some("x:y"));

    let err: RegistryError<'_, String, Inner> = RegistryError::Wrapped(Inner::Failed);
    assert_eq!(err.status(), 500);
    assert_eq!(err.message(), "The inner thing failed.");
    assert_eq!(err.to_string(), "The inner thing failed.");
    let _: &dyn std::error::Error = &err;

    let err: Outer<Inner> = Inner::Failed.into();
    assert_eq!(err.code(), "SVCSTG.INNER.5000001");
    let err: Outer<SwrCode> = SwrCode::ImageNotFound.into();
    assert_eq!(err.code(), "SVCSTG.SWR.4040010");
    assert!(matches!(
        Outer::<Inner>::from_code("SVCSTG.INNER.5000001"),
        Some(Outer::Other(Inner::Failed))
    ));
    assert!(matches!("SVCSTG.OUTER.5000001".parse::<Outer<SwrCode>>(), Ok(Outer::Failed)));
    // `FromStr` only: `TryFrom<&str>` would overlap core's blanket impl through `From<E>`.
    assert!(matches!(
        "SVCSTG.SWR.4040010".parse::<Outer<SwrCode>>(),
        Ok(Outer::Other(SwrCode::ImageNotFound))
    ));
}
