//! `#[swr(from)]` on the shapes users write: tuple and named fields, with `source`, in a
//! lifetime-generic enum beside a transparent variant, over a type parameter (which must not
//! collide with core's `TryFrom` blanket impl), and beside thiserror's own `#[from]`.

use std::error::Error as _;

use swr_errors::{SwrCode, SwrError};

#[derive(Debug, SwrError)]
enum StoreError<'a> {
    #[swr(code = "SVCSTG.STORE.5001001", status = 500, message = "Storage failed")]
    Storage(#[swr(from)] std::io::Error),
    #[swr(code = "SVCSTG.STORE.4001002", status = 400, message = "Bad name {name}")]
    BadName { name: &'a str },
    /// Nothing here.
    #[swr(code = "SVCSTG.STORE.4040003", status = 404)]
    Missing,
    #[swr(transparent)]
    Stock(SwrCode),
}

/// A `from` field over a type parameter: then no other variant converts (they would overlap).
#[derive(Debug, SwrError)]
enum BackendError<E: std::error::Error + 'static> {
    #[swr(code = "SVCSTG.BACK.5001002", status = 500, message = "Backend failed: {cause}")]
    Backend {
        #[swr(source, from)]
        cause: E,
    },
    /// Nothing here.
    #[swr(code = "SVCSTG.BACK.4040003", status = 404)]
    Missing,
}

#[derive(Debug, thiserror::Error, SwrError)]
enum MixedError {
    /// Parsing failed.
    #[error("parse: {0}")]
    #[swr(code = "SVCSTG.MIX.4001001", status = 400)]
    Parse(#[from] std::num::ParseIntError),
    /// Formatting failed.
    #[error("format")]
    #[swr(code = "SVCSTG.MIX.5001002", status = 500)]
    Format(#[swr(from)] std::fmt::Error),
}

fn store<'a>() -> Result<(), StoreError<'a>> {
    std::fs::read("/no/such/file/anywhere")?;
    Ok(())
}

fn backend() -> Result<(), BackendError<std::fmt::Error>> {
    Err(std::fmt::Error)?
}

fn mixed(text: &str) -> Result<u8, MixedError> {
    if text.is_empty() {
        Err(std::fmt::Error)?;
    }
    Ok(text.parse::<u8>()?)
}

fn main() {
    let err = store().unwrap_err();
    assert_eq!(err.code(), "SVCSTG.STORE.5001001");
    assert!(err.source().is_some());
    let stock: StoreError<'_> = SwrCode::SystemBusy.into();
    assert_eq!(stock.status(), 409);
    assert!(matches!(
        StoreError::try_from("SVCSTG.STORE.4040003"),
        Ok(StoreError::Missing)
    ));
    assert_eq!(StoreError::BadName { name: "x" }.message(), "Bad name x");

    let err = backend().unwrap_err();
    assert_eq!(err.code(), "SVCSTG.BACK.5001002");
    assert!(err.source().is_some());
    assert!(matches!(
        "SVCSTG.BACK.4040003".parse::<BackendError<std::fmt::Error>>(),
        Ok(BackendError::Missing)
    ));

    assert_eq!(mixed("x").unwrap_err().code(), "SVCSTG.MIX.4001001");
    assert_eq!(mixed("").unwrap_err().code(), "SVCSTG.MIX.5001002");
    assert_eq!(mixed("7").unwrap(), 7);
}
