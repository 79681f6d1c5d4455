//! `#[swr(kind)]` on the shapes users write: generic and lifetime-generic enums, thiserror, raw
//! identifiers, a crate that denies missing docs, a renamed kind, the crate path renamed.
#![deny(missing_docs)]
//! A crate with documented errors.

use std::fmt::Display;

use swr_errors::{SwrCode, SwrError};

/// Generic over a field type: the kind has no parameters.
#[derive(Debug, SwrError)]
#[swr(kind)]
pub enum Generic<'a, T: Display> {
    /// Bad value.
    #[swr(code = "SVCSTG.GEN.4001001", status = 400, message = "Bad {0} in {1}")]
    Bad(T, &'a str),
    /// The stock catalogue.
    #[swr(transparent)]
    Stock(SwrCode),
}

/// Display and source from thiserror; the kind still displays its message.
#[derive(Debug, thiserror::Error, SwrError)]
#[swr(kind = "PushKind")]
pub enum PushError {
    /// The layer is too large.
    #[error("layer of {0} bytes")]
    #[swr(code = "SVCSTG.PUSH.4130001", status = 413)]
    LayerTooLarge(u64),
    /// Storage failed.
    #[error("io")]
    #[swr(code = "SVCSTG.PUSH.5000002", status = 500)]
    Io(#[from] std::io::Error),
}

/// Raw identifiers and a private enum.
#[derive(Debug, SwrError)]
#[swr(kind)]
#[allow(non_camel_case_types)]
enum r#type {
    /// A keyword-named variant.
    #[swr(code = "SVCSTG.RAW.4000001", status = 400)]
    r#match,
}

mod renamed {
    pub use swr_errors as errors;
}

/// The crate reached through another path.
#[derive(Debug, SwrError)]
#[swr(crate = "renamed::errors", kind)]
pub enum Renamed {
    /// Gone.
    #[swr(code = "SVCSTG.REN.4100001", status = 410)]
    Gone,
}

fn main() {
    let err: Generic<'_, u32> = Generic::Bad(7, "x");
    assert_eq!(err.kind(), GenericKind::Bad);
    assert_eq!(GenericKind::Bad.message(), "Bad {0} in {1}");
    assert_eq!(
        Generic::<'_, u32>::Stock(SwrCode::SystemBusy).kind(),
        GenericKind::Stock(SwrCode::SystemBusy)
    );

    let err = PushError::LayerTooLarge(1);
    assert_eq!(err.to_string(), "layer of 1 bytes");
    assert_eq!(err.kind(), PushKind::LayerTooLarge);
    assert_eq!(PushKind::LayerTooLarge.to_string(), "The layer is too large.");
    let io: PushError = std::io::Error::other("disk").into();
    assert_eq!(io.kind(), PushKind::Io);

    assert_eq!(r#type::r#match.kind(), typeKind::r#match);
    assert_eq!(Renamed::Gone.kind(), RenamedKind::Gone);
    assert_eq!(RenamedKind::Gone.status(), 410);
}
