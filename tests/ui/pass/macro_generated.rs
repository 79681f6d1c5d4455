//! An enum written by a `macro_rules!` macro: the message, the field types and the wrapped type
//! come from the macro's caller, with the caller's hygiene, and must still see the derive's own
//! bindings.

use swr_errors::{SwrCode, SwrError};

macro_rules! service_error {
    ($name:ident, $message:literal, $detail:ident, $source:ty, $stock:ident) => {
        #[derive(Debug, SwrError)]
        pub enum $name {
            #[swr(code = "SVCSTG.MACRO.4000001", status = 400, message = $message)]
            Bad(u8),
            #[swr(code = "SVCSTG.MACRO.4000002", status = 400, message = "detail")]
            Detail {
                #[swr(detail)]
                why: $detail,
            },
            #[swr(code = "SVCSTG.MACRO.5000003", status = 500, message = "storage")]
            Storage {
                #[swr(source)]
                cause: $source,
            },
            #[swr(transparent)]
            Stock($stock),
        }
    };
}

service_error!(MacroError, "value {0} is bad", String, std::io::Error, SwrCode);

fn main() {
    assert_eq!(MacroError::Bad(7).message(), "value 7 is bad");
    assert_eq!(MacroError::Bad(7).to_string(), "value 7 is bad");
    let detail = MacroError::Detail { why: "because".into() };
    assert_eq!(detail.detail().as_deref(), Some("because"));
    let storage = MacroError::Storage { cause: std::io::Error::other("disk") };
    assert!(std::error::Error::source(&storage).is_some());
    assert_eq!(MacroError::from(SwrCode::ImageNotFound).status(), 404);
}
