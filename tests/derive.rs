//! What a service crate relies on when it derives `SwrError`: the contract enum of DESIGN.md,
//! end to end.

use std::borrow::Cow;
use std::error::Error as _;
use std::fmt::Display;

use swr_errors::{Catalogue, RetryKind, SwrCode, SwrError, UnknownCode};

#[derive(Debug, SwrError)]
pub enum RegistryError {
    /// The chart does not exist.
    #[swr(code = "SVCSTG.MYSVC.4040001", status = 404)]
    ChartMissing,

    #[swr(
        code = "SVCSTG.MYSVC.4001001",
        status = 400,
        message = "Invalid tag {tag} for {repo}"
    )]
    BadTag { repo: String, tag: String },

    #[swr(
        code = "SVCSTG.MYSVC.5001002",
        status = 500,
        message = "Storage failed"
    )]
    #[swr(retry = "server_error")]
    Storage {
        #[swr(source)]
        cause: std::io::Error,
    },

    #[swr(code = "SVCSTG.MYSVC.4001003", status = 400, message = "Bad manifest")]
    BadManifest {
        #[swr(detail)]
        reason: String,
    },

    #[swr(
        code = "SVCSTG.MYSVC.4040004",
        status = 404,
        message = "Repository {0} not found"
    )]
    RepoMissing(String),

    #[swr(transparent)]
    Stock(SwrCode),
}

fn bad_tag() -> RegistryError {
    RegistryError::BadTag {
        repo: "library/nginx".into(),
        tag: "v1?".into(),
    }
}

#[test]
fn codes_and_statuses_come_from_the_attributes() {
    assert_eq!(RegistryError::ChartMissing.code(), "SVCSTG.MYSVC.4040001");
    assert_eq!(RegistryError::ChartMissing.status(), 404);
    assert_eq!(bad_tag().code(), "SVCSTG.MYSVC.4001001");
    assert_eq!(bad_tag().status(), 400);
    assert_eq!(RegistryError::RepoMissing("x".into()).status(), 404);
}

#[test]
fn the_doc_comment_is_the_default_message_and_is_borrowed() {
    let message = RegistryError::ChartMissing.message();
    assert_eq!(message, "The chart does not exist.");
    assert!(matches!(message, Cow::Borrowed(_)));
    assert!(matches!(
        RegistryError::BadManifest {
            reason: String::new()
        }
        .message(),
        Cow::Borrowed("Bad manifest")
    ));
}

#[test]
fn fields_interpolate_into_the_message_by_name_and_position() {
    assert_eq!(bad_tag().message(), "Invalid tag v1? for library/nginx");
    assert_eq!(
        RegistryError::RepoMissing("charts".into()).message(),
        "Repository charts not found"
    );
}

#[test]
fn display_is_the_message() {
    assert_eq!(bad_tag().to_string(), "Invalid tag v1? for library/nginx");
    assert_eq!(
        RegistryError::ChartMissing.to_string(),
        "The chart does not exist."
    );
    assert_eq!(
        RegistryError::Stock(SwrCode::ImageNotFound).to_string(),
        "The image does not exist."
    );
}

#[test]
fn source_is_chained_and_never_serialized() {
    let err = RegistryError::Storage {
        cause: std::io::Error::other("disk on fire"),
    };
    assert_eq!(
        err.source().map(ToString::to_string).as_deref(),
        Some("disk on fire")
    );
    assert_eq!(err.detail(), None);
    assert!(!err.to_json().contains("disk on fire"));
    assert!(RegistryError::ChartMissing.source().is_none());
    assert_eq!(err.retry_kind(), Some(RetryKind::ServerError));
}

#[test]
fn detail_goes_into_the_body() {
    let err = RegistryError::BadManifest {
        reason: "layer 3 is missing".into(),
    };
    assert_eq!(err.detail().as_deref(), Some("layer 3 is missing"));
    assert!(matches!(err.detail(), Some(Cow::Borrowed(_))));
    assert_eq!(
        err.to_json(),
        r#"[{"errorCode":"SVCSTG.MYSVC.4001003","errorMessage":"Bad manifest","detail":"layer 3 is missing"}]"#
    );
    assert_eq!(RegistryError::ChartMissing.detail(), None);
}

#[test]
fn the_body_is_the_seed_format_with_detail_always_present() {
    assert_eq!(
        RegistryError::ChartMissing.to_json(),
        r#"[{"errorCode":"SVCSTG.MYSVC.4040001","errorMessage":"The chart does not exist.","detail":""}]"#
    );
    let body = RegistryError::ChartMissing.to_body();
    assert_eq!(
        serde_json::to_string(&body).unwrap(),
        RegistryError::ChartMissing.to_json()
    );
}

#[test]
fn any_detail_text_gives_valid_json_identical_to_serde_json() {
    let nasty = [
        "\"quoted\" and \\backslashed\\",
        "line\nbreak\r\ttab \u{0} nul \u{1f} unit \u{7f} del",
        "ünïcödé ☃ 🦀 \u{2028}\u{2029} right-to-left \u{202e}",
        "</script><script>alert(1)</script>",
        "",
    ];
    for reason in nasty {
        let err = RegistryError::BadManifest {
            reason: reason.into(),
        };
        let json = err.to_json();
        let parsed: serde_json::Value = serde_json::from_str(&json).expect("valid JSON");
        assert_eq!(parsed[0]["detail"], reason);
        assert_eq!(
            json,
            serde_json::to_string(&err.to_body()).unwrap(),
            "byte-identical to serde_json"
        );
        let tagged = RegistryError::BadTag {
            repo: reason.into(),
            tag: reason.into(),
        };
        let parsed: serde_json::Value =
            serde_json::from_str(&tagged.to_json()).expect("valid JSON");
        assert_eq!(
            parsed[0]["errorMessage"],
            format!("Invalid tag {reason} for {reason}")
        );
    }
}

#[test]
fn write_json_appends_to_a_reused_buffer() {
    let mut out = String::from("prefix:");
    RegistryError::ChartMissing.write_json(&mut out);
    assert_eq!(
        out,
        format!("prefix:{}", RegistryError::ChartMissing.to_json())
    );
}

#[test]
fn transparent_variants_forward_everything() {
    let stock = RegistryError::Stock(SwrCode::TooManyRequests);
    assert_eq!(stock.code(), "SVCSTG.SWR.4031042");
    assert_eq!(stock.status(), 403);
    assert_eq!(stock.message(), "There are too many requests.");
    assert_eq!(stock.retry_kind(), Some(RetryKind::Throttled));
    assert_eq!(stock.to_json(), SwrCode::TooManyRequests.to_json());
}

#[test]
fn question_mark_converts_a_stock_code() {
    fn lookup(found: bool) -> Result<(), RegistryError> {
        if found {
            Ok(())
        } else {
            Err(SwrCode::ImageNotFound)?
        }
    }
    assert!(matches!(
        lookup(false),
        Err(RegistryError::Stock(SwrCode::ImageNotFound))
    ));
}

#[test]
fn lookup_by_code_finds_unit_variants_and_sees_through_transparent_ones() {
    assert!(matches!(
        RegistryError::from_code("SVCSTG.MYSVC.4040001"),
        Some(RegistryError::ChartMissing)
    ));
    assert!(matches!(
        RegistryError::from_code("SVCSTG.SWR.4040010"),
        Some(RegistryError::Stock(SwrCode::ImageNotFound))
    ));
    // Variants with data cannot be built from a code alone.
    assert!(RegistryError::from_code("SVCSTG.MYSVC.4001001").is_none());
    assert!(RegistryError::from_code("SVCSTG.OTHER.4040001").is_none());
    assert!(RegistryError::from_code("").is_none());

    let parsed: RegistryError = "SVCSTG.MYSVC.4040001".parse().unwrap();
    assert!(matches!(parsed, RegistryError::ChartMissing));
    let err = "SVCSTG.MYSVC.4049999".parse::<RegistryError>().unwrap_err();
    assert_eq!(err, UnknownCode::new("SVCSTG.MYSVC.4049999"));
    assert!(matches!(
        RegistryError::try_from("SVCSTG.SWR.4090060"),
        Ok(RegistryError::Stock(SwrCode::OrganizationExists))
    ));
}

#[test]
fn the_catalogue_lists_own_codes_then_wrapped_ones() {
    let codes = <RegistryError as Catalogue>::CODES;
    assert_eq!(codes.len(), 5 + 188);
    assert_eq!(codes[0].code, "SVCSTG.MYSVC.4040001");
    assert_eq!(codes[1].message, "Invalid tag {tag} for {repo}");
    assert_eq!(codes[2].retry, Some(RetryKind::ServerError));
    assert_eq!(&codes[5..], SwrCode::CODES);
}

#[test]
fn the_trait_is_dyn_compatible() {
    let errors: Vec<Box<dyn SwrError>> = vec![Box::new(bad_tag()), Box::new(SwrCode::SystemBusy)];
    let codes: Vec<&str> = errors.iter().map(|err| err.code()).collect();
    assert_eq!(codes, ["SVCSTG.MYSVC.4001001", "SVCSTG.SWR.4090023"]);
}

/// Generics and lifetimes work as they do with thiserror.
#[derive(Debug, SwrError)]
enum Generic<'a, T: Display, W: SwrError + Display + std::error::Error + 'static> {
    #[swr(code = "SVCSTG.GEN.4000001", status = 400, message = "bad {0} in {1}")]
    Bad(T, &'a str),
    #[swr(code = "SVCSTG.GEN.4040002", status = 404, message = "missing")]
    Missing {
        #[swr(detail)]
        what: T,
    },
    #[swr(transparent)]
    Wrapped(W),
}

#[test]
fn generic_enums_interpolate_and_forward() {
    let bad: Generic<'_, u32, SwrCode> = Generic::Bad(42, "manifest");
    assert_eq!(bad.message(), "bad 42 in manifest");
    assert_eq!(bad.to_string(), "bad 42 in manifest");
    let missing: Generic<'_, u32, SwrCode> = Generic::Missing { what: 7 };
    assert_eq!(missing.detail().as_deref(), Some("7"));
    let wrapped: Generic<'_, u32, SwrCode> = Generic::Wrapped(SwrCode::ImageNotFound);
    assert_eq!(wrapped.code(), "SVCSTG.SWR.4040010");
    assert!(matches!(
        Generic::<u32, SwrCode>::from_code("SVCSTG.SWR.4040010"),
        Some(Generic::Wrapped(SwrCode::ImageNotFound))
    ));
}

/// thiserror owns `Display` and `Error` when it is on the enum; the SWR message stays ours.
#[derive(Debug, thiserror::Error, SwrError)]
enum WithThiserror {
    /// The layer is too large.
    #[error("layer of {0} bytes exceeds the limit")]
    #[swr(code = "SVCSTG.MYSVC.4130001", status = 413)]
    LayerTooLarge(u64),

    #[error("storage")]
    #[swr(
        code = "SVCSTG.MYSVC.5000002",
        status = 500,
        message = "Storage failed"
    )]
    Storage(#[source] std::io::Error),
}

#[test]
fn thiserror_keeps_display_and_source_while_swr_keeps_the_message() {
    let err = WithThiserror::LayerTooLarge(10);
    assert_eq!(err.to_string(), "layer of 10 bytes exceeds the limit");
    assert_eq!(err.message(), "The layer is too large.");
    assert_eq!(err.status(), 413);
    let storage = WithThiserror::Storage(std::io::Error::other("gone"));
    assert_eq!(
        storage.source().map(ToString::to_string).as_deref(),
        Some("gone")
    );
}

/// `display = false`: a hand-written `Display` and no generated `Error`.
#[derive(Debug, SwrError)]
#[swr(display = false)]
enum HandWritten {
    /// Quota exceeded.
    #[swr(code = "SVCSTG.MYSVC.4030001", status = 403)]
    Quota,
}

impl Display for HandWritten {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "[{}] {}", self.code(), self.message())
    }
}

#[test]
fn display_false_leaves_display_to_the_user() {
    assert_eq!(
        HandWritten::Quota.to_string(),
        "[SVCSTG.MYSVC.4030001] Quota exceeded."
    );
}

/// A lifetime parameter does not stop the composition: the stock codes are listed, and checked.
#[derive(Debug, SwrError)]
enum Borrowing<'a> {
    #[swr(code = "SVCSTG.MYSVC.4000009", status = 400, message = "bad {0}")]
    Bad(&'a str),
    #[swr(transparent)]
    Stock(SwrCode),
}

#[test]
fn generic_enums_list_their_concrete_wrapped_codes() {
    let codes = <Borrowing<'static> as Catalogue>::CODES;
    assert_eq!(codes.len(), 1 + 188);
    assert_eq!(&codes[1..], SwrCode::CODES);
    assert_eq!(Borrowing::Bad("x").to_string(), "bad x");
}

#[test]
fn every_catalogue_exports_its_codes_sorted_for_the_composition_check() {
    fn assert_sorted_view<T: Catalogue + ?Sized>() {
        let mut expected: Vec<&str> = T::CODES.iter().map(|info| info.code).collect();
        expected.sort_unstable();
        assert_eq!(T::__SORTED_CODES, expected.as_slice());
    }
    assert_sorted_view::<SwrCode>();
    assert_sorted_view::<RegistryError>();
    assert_sorted_view::<Borrowing<'static>>();
}

/// Static messages that need escaping: their body text is escaped by the derive at compile time.
#[derive(Debug, SwrError)]
enum Escapes {
    /// Say "hi" to C:\temp — ünïcode ☃.
    #[swr(code = "SVCSTG.ESC.4000001", status = 400)]
    FromDoc,
    #[swr(
        code = "SVCSTG.ESC.4000002",
        status = 400,
        message = "line\nbreak \u{1} \u{7f} \"q\" {{}}"
    )]
    FromAttribute,
}

#[test]
fn compile_time_escaped_bodies_match_serde_json() {
    for err in [Escapes::FromDoc, Escapes::FromAttribute] {
        assert_eq!(
            err.to_json(),
            serde_json::to_string(&err.to_body()).unwrap()
        );
        let parsed: serde_json::Value = serde_json::from_str(&err.to_json()).unwrap();
        assert_eq!(parsed[0]["errorMessage"], *err.message());
    }
    assert_eq!(
        Escapes::FromDoc.message(),
        "Say \"hi\" to C:\\temp — ünïcode ☃."
    );
}
