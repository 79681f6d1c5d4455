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
fn a_doc_comment_gives_its_first_paragraph_in_every_comment_style() {
    #[derive(Debug, SwrError)]
    enum Styles {
        ///
        /// The chart
        ///   does not exist.
        ///
        /// Shown to no client.
        #[swr(code = "SVCSTG.DOCS.4040001", status = 404)]
        Lines,
        /** The chart
        does not exist.

        Shown to no client. */
        #[swr(code = "SVCSTG.DOCS.4040002", status = 404)]
        Block,
        /**
         * The chart
         * does not exist.
         *
         * Shown to no client.
         */
        #[swr(code = "SVCSTG.DOCS.4040003", status = 404)]
        Decorated,
    }
    for error in [Styles::Lines, Styles::Block, Styles::Decorated] {
        assert_eq!(error.message(), "The chart does not exist.", "{error:?}");
    }
}

#[test]
fn a_block_doc_comment_keeps_a_bullet_unless_every_line_is_decorated() {
    #[derive(Debug, SwrError)]
    enum Stars {
        /**
        The chart has layers:
        * none of them pulled.
        */
        #[swr(code = "SVCSTG.DOCS.4040012", status = 404)]
        Bullet,
        /**
         * The chart has layers:
         * * none of them pulled.
         */
        #[swr(code = "SVCSTG.DOCS.4040013", status = 404)]
        DecoratedBullet,
    }
    assert_eq!(
        Stars::Bullet.message(),
        "The chart has layers: * none of them pulled."
    );
    assert_eq!(
        Stars::DecoratedBullet.message(),
        "The chart has layers: * none of them pulled."
    );
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
    assert_eq!(codes.len(), 5 + SwrCode::ALL.len());
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
    assert_eq!(codes.len(), 1 + SwrCode::ALL.len());
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

/// A unit-only enum that is neither `Copy` nor `Clone`, and counts its drops: `from_code` builds
/// its variants without a `match` (out of a fresh copy of its `ALL`), and drops nothing else.
mod unit_only {
    use std::sync::atomic::{AtomicUsize, Ordering};

    use swr_errors::{AllVariants, Catalogue, SwrError};

    static DROPS: AtomicUsize = AtomicUsize::new(0);

    #[derive(Debug, PartialEq, SwrError)]
    pub enum Moved {
        /// First.
        #[swr(code = "SVCSTG.UNIT.4040001", status = 404)]
        First,
        /// Second.
        #[swr(code = "SVCSTG.UNIT.5000002", status = 500, retry = "busy")]
        Second,
        /// Third, elsewhere.
        #[swr(code = "SVCSTG.OTHER.4290003", status = 429)]
        Third,
    }

    impl Drop for Moved {
        fn drop(&mut self) {
            DROPS.fetch_add(1, Ordering::SeqCst);
        }
    }

    #[derive(Clone, Copy, Debug, PartialEq, SwrError)]
    pub enum Copied {
        /// One.
        #[swr(code = "SVCSTG.UNIT.4000011", status = 400)]
        One,
        /// Two.
        #[swr(code = "SVCSTG.UNIT.4000012", status = 400)]
        Two,
    }

    #[test]
    fn from_code_builds_every_unit_variant_copy_or_not() {
        let before = DROPS.load(Ordering::SeqCst);
        let found = Moved::from_code("SVCSTG.UNIT.5000002");
        assert_eq!(DROPS.load(Ordering::SeqCst), before, "nothing else dropped");
        assert_eq!(found.as_ref(), Some(&Moved::Second));
        assert_eq!(Moved::from_code("SVCSTG.OTHER.4290003"), Some(Moved::Third));
        assert_eq!(Moved::from_code("SVCSTG.UNIT.4040001"), Some(Moved::First));
        assert!(Moved::from_code("SVCSTG.UNIT.4040002").is_none());
        assert!(Moved::from_code("SVCSTG.OTHER.4040001").is_none());
        for (i, value) in Moved::ALL.iter().enumerate() {
            assert_eq!(value.code(), Moved::CODES[i].code);
            assert_eq!(Moved::from_code(value.code()).as_ref(), Some(value));
        }
        assert_eq!(Moved::Second.status(), 500);
        assert_eq!(Moved::Third.status(), 429);
        assert_eq!(
            Moved::Second.retry_kind(),
            Some(swr_errors::RetryKind::Busy)
        );
        for code in Copied::ALL {
            assert_eq!(Copied::from_code(code.code()), Some(*code));
            assert_eq!(
                code.to_json(),
                serde_json::to_string(&code.to_body()).unwrap()
            );
        }
        assert_eq!(Copied::from_code("SVCSTG.UNIT.4000013"), None);
    }

    /// A kind of unit variants: its `Debug` (read from a table) is the std derive's text.
    #[derive(Debug, SwrError)]
    #[swr(kind)]
    #[allow(non_camel_case_types)]
    pub enum Named {
        /// One.
        #[swr(code = "SVCSTG.UNIT.4000021", status = 400)]
        ChartMissing,
        /// Two.
        #[swr(code = "SVCSTG.UNIT.4000022", status = 400)]
        r#type,
    }

    #[test]
    fn a_fieldless_kind_debugs_as_the_std_derive_would() {
        assert_eq!(format!("{:?}", NamedKind::ChartMissing), "ChartMissing");
        assert_eq!(format!("{:?}", NamedKind::r#type), "type");
        assert_eq!(format!("{:?}", Named::r#type), "type");
        assert_eq!(format!("{:?}", Named::r#type.kind()), "type");
        assert_eq!(
            NamedKind::from_code("SVCSTG.UNIT.4000022"),
            Some(NamedKind::r#type)
        );
    }
}

/// `#[swr(from)]` and `#[swr(kind)]` together, as a service that shares its enum with its clients
/// writes it.
mod kinds {
    use std::error::Error as _;
    use std::str::FromStr;

    use swr_errors::{
        AllVariants, Catalogue, Kinded, RemoteError, RetryKind, SwrCode, SwrError, UnknownCode,
    };

    #[derive(Debug, SwrError)]
    #[swr(kind)]
    pub enum StoreError {
        /// The chart does not exist.
        #[swr(code = "SVCSTG.STORE.4040001", status = 404)]
        ChartMissing,

        #[swr(
            code = "SVCSTG.STORE.4001001",
            status = 400,
            message = "Invalid tag {tag} for {repo}"
        )]
        BadTag { repo: String, tag: String },

        #[swr(
            code = "SVCSTG.STORE.5001002",
            status = 500,
            message = "Storage failed"
        )]
        #[swr(retry = "server_error")]
        Storage(#[swr(from)] std::io::Error),

        #[swr(code = "SVCSTG.STORE.4001003", status = 400, message = "Bad number")]
        BadNumber {
            #[swr(source, from)]
            cause: std::num::ParseIntError,
        },

        #[swr(transparent)]
        Stock(SwrCode),
    }

    /// A service enum without transparent variants: its kind is a plain fieldless enum.
    #[derive(Debug, SwrError)]
    #[swr(kind = "Flat")]
    pub enum FlatError {
        #[swr(code = "SVCSTG.FLAT.4001001", status = 400, message = "Bad {0}")]
        Bad(String),
        /// Busy.
        #[swr(code = "SVCSTG.FLAT.5030002", status = 503, retry = "busy")]
        Busy,
        #[swr(
            code = "SVCSTG.FLAT.4290003",
            status = 429,
            message = "Slow down, {who}"
        )]
        Throttled { who: String },
    }

    /// Wraps an enum that has a kind: the outer kind carries the inner one.
    #[derive(Debug, SwrError)]
    #[swr(kind)]
    pub enum GatewayError {
        /// The gateway timed out.
        #[swr(code = "SVCSTG.GATE.5040001", status = 504)]
        Timeout,
        #[swr(transparent)]
        Store(StoreError),
    }

    fn read(path: &str) -> Result<Vec<u8>, StoreError> {
        Ok(std::fs::read(path)?)
    }

    fn number(text: &str) -> Result<u32, StoreError> {
        Ok(text.parse::<u32>()?)
    }

    #[test]
    fn question_mark_converts_a_from_field_which_is_the_source() {
        let err = read("/no/such/file/anywhere").unwrap_err();
        assert!(matches!(err, StoreError::Storage(_)));
        assert_eq!(err.code(), "SVCSTG.STORE.5001002");
        let source = err.source().expect("the from field is the source");
        assert!(source.downcast_ref::<std::io::Error>().is_some());
        assert_eq!(err.to_string(), "Storage failed");

        let err = number("x").unwrap_err();
        assert_eq!(err.kind(), StoreErrorKind::BadNumber);
        assert!(err
            .source()
            .unwrap()
            .downcast_ref::<std::num::ParseIntError>()
            .is_some());
        assert_eq!(number("7").unwrap(), 7);
        // The source is never serialized.
        assert!(!err.to_json().contains("invalid digit"));
    }

    #[test]
    fn every_variant_has_a_kind_with_its_code_status_and_retry() {
        let errors = [
            StoreError::ChartMissing,
            StoreError::BadTag {
                repo: "r".into(),
                tag: "t".into(),
            },
            StoreError::Storage(std::io::Error::other("disk")),
            StoreError::BadNumber {
                cause: "x".parse::<u32>().unwrap_err(),
            },
            StoreError::Stock(SwrCode::ImageNotFound),
        ];
        let kinds = [
            StoreErrorKind::ChartMissing,
            StoreErrorKind::BadTag,
            StoreErrorKind::Storage,
            StoreErrorKind::BadNumber,
            StoreErrorKind::Stock(SwrCode::ImageNotFound),
        ];
        for (err, kind) in errors.iter().zip(kinds) {
            assert_eq!(err.kind(), kind);
            assert_eq!(Kinded::kind(err), kind);
            assert_eq!(kind.code(), err.code());
            assert_eq!(kind.status(), err.status());
            assert_eq!(kind.retry_kind(), err.retry_kind());
            assert_eq!(StoreErrorKind::from_code(err.code()), Some(kind));
            assert_eq!(err.code().parse::<StoreErrorKind>(), Ok(kind));
            assert_eq!(StoreErrorKind::try_from(err.code()), Ok(kind));
            assert_eq!(kind.kind(), kind);
        }
        assert_eq!(
            StoreErrorKind::Storage.retry_kind(),
            Some(RetryKind::ServerError)
        );
        assert_eq!(
            StoreErrorKind::from_str("SVCSTG.STORE.4049999"),
            Err(UnknownCode::new("SVCSTG.STORE.4049999"))
        );
        // The enum itself still finds only what it can build from a code alone.
        assert!(StoreError::from_code("SVCSTG.STORE.4001001").is_none());
    }

    #[test]
    fn a_kind_message_is_the_message_as_written() {
        assert_eq!(
            StoreErrorKind::ChartMissing.message(),
            "The chart does not exist."
        );
        assert_eq!(
            StoreErrorKind::BadTag.message(),
            "Invalid tag {tag} for {repo}"
        );
        assert_eq!(
            StoreErrorKind::BadTag.to_string(),
            "Invalid tag {tag} for {repo}"
        );
        assert_eq!(StoreErrorKind::BadTag.detail(), None);
        assert_eq!(
            StoreErrorKind::BadTag.to_json(),
            r#"[{"errorCode":"SVCSTG.STORE.4001001","errorMessage":"Invalid tag {tag} for {repo}","detail":""}]"#
        );
        assert_eq!(
            StoreErrorKind::ChartMissing.to_json(),
            StoreError::ChartMissing.to_json()
        );
        assert_eq!(
            StoreErrorKind::Stock(SwrCode::SystemBusy).to_json(),
            SwrCode::SystemBusy.to_json()
        );
        assert!(StoreErrorKind::Stock(SwrCode::SystemBusy)
            .source()
            .is_none());
    }

    #[test]
    fn a_kind_lists_the_same_codes() {
        assert_eq!(StoreErrorKind::CODES, StoreError::CODES);
        assert_eq!(StoreErrorKind::CODES.len(), 4 + SwrCode::ALL.len());
        assert_eq!(Flat::CODES, FlatError::CODES);
    }

    #[test]
    fn a_kind_without_transparent_variants_lists_all_its_variants() {
        assert_eq!(Flat::ALL, [Flat::Bad, Flat::Busy, Flat::Throttled]);
        for (kind, info) in Flat::ALL.iter().zip(FlatError::CODES) {
            assert_eq!(kind.code(), info.code);
            assert_eq!(kind.status(), info.status);
            assert_eq!(kind.message(), info.message);
            assert_eq!(Flat::from_code(info.code), Some(*kind));
        }
        assert_eq!(FlatError::Bad("x".into()).kind(), Flat::Bad);
        assert_eq!(
            FlatError::Throttled { who: "me".into() }.kind(),
            Flat::Throttled
        );
        assert_eq!(FlatError::Busy.kind(), Flat::Busy);
        assert_eq!(Flat::Busy.retry_kind(), Some(RetryKind::Busy));
        // Copy, Hash, Eq: a kind is a map key.
        let set: std::collections::HashSet<Flat> = Flat::ALL.iter().copied().collect();
        assert_eq!(set.len(), 3);
    }

    #[test]
    fn a_transparent_variant_carries_the_wrapped_kind() {
        let err = GatewayError::Store(StoreError::BadTag {
            repo: "r".into(),
            tag: "t".into(),
        });
        assert_eq!(err.kind(), GatewayErrorKind::Store(StoreErrorKind::BadTag));
        assert_eq!(
            GatewayError::Store(StoreError::Stock(SwrCode::ImageNotFound)).kind(),
            GatewayErrorKind::Store(StoreErrorKind::Stock(SwrCode::ImageNotFound))
        );
        assert_eq!(
            GatewayErrorKind::from_code("SVCSTG.STORE.4001001"),
            Some(GatewayErrorKind::Store(StoreErrorKind::BadTag))
        );
        assert_eq!(
            GatewayErrorKind::from_code("SVCSTG.SWR.4040010"),
            Some(GatewayErrorKind::Store(StoreErrorKind::Stock(
                SwrCode::ImageNotFound
            )))
        );
        assert_eq!(GatewayErrorKind::Timeout.code(), "SVCSTG.GATE.5040001");
        // `SwrCode` is its own kind.
        assert_eq!(SwrCode::ImageNotFound.kind(), SwrCode::ImageNotFound);
    }

    #[test]
    fn a_client_matches_every_variant_of_a_response_by_its_kind() {
        let bad_tag = StoreError::BadTag {
            repo: "library/nginx".into(),
            tag: "v1?".into(),
        };
        let remote = RemoteError::from_response(400, bad_tag.to_json().as_bytes());
        assert_eq!(remote.known_as::<StoreError>().map(|e| e.kind()), None);
        assert_eq!(
            remote.known_as::<StoreErrorKind>(),
            Some(StoreErrorKind::BadTag)
        );
        assert_eq!(remote.message(), "Invalid tag v1? for library/nginx");

        let storage = StoreError::Storage(std::io::Error::other("disk"));
        let remote = RemoteError::from_response(500, storage.to_json().as_bytes());
        assert_eq!(
            remote.known_as::<StoreErrorKind>(),
            Some(StoreErrorKind::Storage)
        );

        let stock = RemoteError::from_response(404, SwrCode::ImageNotFound.to_json().as_bytes());
        assert_eq!(
            stock.known_as::<StoreErrorKind>(),
            Some(StoreErrorKind::Stock(SwrCode::ImageNotFound))
        );
        assert_eq!(
            stock.known_as::<GatewayErrorKind>(),
            Some(GatewayErrorKind::Store(StoreErrorKind::Stock(
                SwrCode::ImageNotFound
            )))
        );

        let foreign = RemoteError::from_response(
            400,
            br#"[{"errorCode":"SVCSTG.OTHER.4001001","errorMessage":"x","detail":""}]"#,
        );
        assert_eq!(foreign.known_as::<StoreErrorKind>(), None);
    }

    #[test]
    fn kinds_are_listed_by_all_variants_only_without_transparent_variants() {
        fn all<T: AllVariants>() -> usize {
            T::ALL.len()
        }
        assert_eq!(all::<Flat>(), 3);
        assert_eq!(all::<SwrCode>(), 190);
    }
}

/// Variants written with an empty field list, `A {}` or `A()`, are variants without data like a
/// unit one: their accessors, their lookup by code and the enum's `ALL` build and match them.
mod empty_field_lists {
    use swr_errors::{AllVariants, SwrError};

    #[derive(Debug, PartialEq, SwrError)]
    #[swr(kind)]
    enum Empty {
        /// Braces.
        #[swr(code = "SVCSTG.EMPTY.4040001", status = 404)]
        Braces {},
        /// Parentheses.
        #[swr(code = "SVCSTG.EMPTY.4040002", status = 404)]
        Parens(),
        /// A unit variant.
        #[swr(code = "SVCSTG.EMPTY.4040003", status = 404)]
        Unit,
    }

    #[derive(Debug, PartialEq, SwrError)]
    enum WithData {
        /// Braces.
        #[swr(code = "SVCSTG.EMPTY.4040011", status = 404)]
        Braces {},
        #[swr(code = "SVCSTG.EMPTY.4040012", status = 404, message = "Tag {0}")]
        Tag(String),
    }

    #[test]
    fn are_matched_built_and_listed() {
        assert_eq!(Empty::Braces {}.code(), "SVCSTG.EMPTY.4040001");
        assert_eq!(Empty::Parens().message(), "Parentheses.");
        assert_eq!(Empty::Unit.to_string(), "A unit variant.");
        assert_eq!(
            Empty::from_code("SVCSTG.EMPTY.4040001"),
            Some(Empty::Braces {})
        );
        assert_eq!("SVCSTG.EMPTY.4040002".parse(), Ok(Empty::Parens()));
        assert_eq!(Empty::ALL, [Empty::Braces {}, Empty::Parens(), Empty::Unit]);
        assert_eq!(Empty::Parens().kind(), EmptyKind::Parens);
        assert_eq!(
            WithData::from_code("SVCSTG.EMPTY.4040011"),
            Some(WithData::Braces {})
        );
        assert_eq!(WithData::Tag("v1".into()).message(), "Tag v1");
    }
}

/// A generic enum needs no bounds of its own for the fields it formats: the derive infers them
/// from the placeholders (`{0}` `Display`, `{0:?}` `Debug`, `{1:#x}` `LowerHex`) and the detail
/// field (`Display`), as thiserror does.
mod inferred_bounds {
    use swr_errors::SwrError;

    #[derive(Debug, SwrError)]
    #[swr(kind)]
    enum Generic<T, U, D> {
        #[swr(
            code = "SVCSTG.GEN.4000001",
            status = 400,
            message = "Bad {0}, {0:?} at {1:#x}"
        )]
        Bad(T, U),
        #[swr(code = "SVCSTG.GEN.4000002", status = 400, message = "Rejected")]
        Rejected {
            #[swr(detail)]
            why: D,
        },
        /// Missing.
        #[swr(code = "SVCSTG.GEN.4040003", status = 404)]
        Missing,
    }

    #[test]
    fn from_the_placeholders_and_the_detail() {
        let err: Generic<&str, u8, u32> = Generic::Bad("tag", 255);
        assert_eq!(err.message(), r#"Bad tag, "tag" at 0xff"#);
        assert_eq!(err.to_string(), err.message());
        assert_eq!(err.kind(), GenericKind::Bad);
        let err: Generic<&str, u8, u32> = Generic::Rejected { why: 7 };
        assert_eq!(err.detail().as_deref(), Some("7"));
        let _: &dyn std::error::Error = &err;
        let found = "SVCSTG.GEN.4040003".parse::<Generic<&str, u8, u32>>();
        assert!(matches!(found, Ok(Generic::Missing)));
    }

    /// A field of the enum's own type gets no inferred bound: `Box<Tree<T>>: Display` would ask
    /// the impl for itself, and no `Tree<u8>` would be an error.
    #[derive(Debug, SwrError)]
    enum Tree<T> {
        #[swr(code = "SVCSTG.GEN.4000011", status = 400, message = "leaf {0}")]
        Leaf(T),
        #[swr(code = "SVCSTG.GEN.4000012", status = 400, message = "nested: {0}")]
        Nested(Box<Tree<T>>),
        #[swr(code = "SVCSTG.GEN.4000013", status = 400, message = "again: {0}")]
        Again(Box<Self>),
    }

    #[test]
    fn not_for_a_field_of_the_enums_own_type() {
        let err: Tree<u8> = Tree::Again(Box::new(Tree::Nested(Box::new(Tree::Leaf(3)))));
        assert_eq!(err.message(), "again: nested: leaf 3");
        assert_eq!(err.to_string(), err.message());
    }

    /// Text that is no `Display`: a detail whose type the enum bounds by `AsRef<str>`.
    #[derive(Debug)]
    struct Name(String);

    impl AsRef<str> for Name {
        fn as_ref(&self) -> &str {
            &self.0
        }
    }

    #[derive(Debug, SwrError)]
    enum Text<D: AsRef<str>, W>
    where
        W: AsRef<str>,
    {
        #[swr(code = "SVCSTG.GEN.4000021", status = 400, message = "Rejected")]
        Rejected {
            #[swr(detail)]
            why: D,
        },
        #[swr(code = "SVCSTG.GEN.4000022", status = 400, message = "Refused")]
        Refused {
            #[swr(detail)]
            why: W,
        },
    }

    #[test]
    fn not_display_for_a_detail_bound_by_as_ref() {
        let err: Text<Name, Name> = Text::Rejected {
            why: Name("n1".into()),
        };
        assert_eq!(err.detail().as_deref(), Some("n1"));
        let err: Text<Name, Name> = Text::Refused {
            why: Name("n2".into()),
        };
        assert_eq!(err.detail().as_deref(), Some("n2"));
    }
}

/// `#[swr(kind = "Self")]`: a fieldless enum that is its own kind, as `SwrCode` is, found by its
/// codes, and wrapped by an enum whose kind carries it.
mod own_kind {
    use swr_errors::{Kinded, RemoteError, SwrError};

    #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, SwrError)]
    #[swr(kind = "Self")]
    pub enum ChartCode {
        /// The chart does not exist.
        #[swr(code = "SVCSTG.CHARTS.4040001", status = 404)]
        Missing,
        /// The chart is locked.
        #[swr(code = "SVCSTG.CHARTS.4230002", status = 423)]
        Locked,
    }

    #[derive(Debug, SwrError)]
    #[swr(kind)]
    pub enum ChartError {
        #[swr(code = "SVCSTG.CHARTS.4001003", status = 400, message = "Bad tag {0}")]
        BadTag(String),
        #[swr(transparent)]
        Code(ChartCode),
    }

    fn kind_of<T: Kinded>(value: &T) -> T::Kind {
        value.kind()
    }

    #[test]
    fn is_its_own_kind_and_a_kind_enum_carries_it() {
        assert_eq!(ChartCode::Locked.kind(), ChartCode::Locked);
        assert_eq!(kind_of(&ChartCode::Missing), ChartCode::Missing);
        assert_eq!(
            ChartError::Code(ChartCode::Locked).kind(),
            ChartErrorKind::Code(ChartCode::Locked)
        );
        assert_eq!(
            ChartErrorKind::from_code("SVCSTG.CHARTS.4230002"),
            Some(ChartErrorKind::Code(ChartCode::Locked))
        );
        assert_eq!(ChartErrorKind::Code(ChartCode::Locked).status(), 423);

        let remote = RemoteError::from_response(423, ChartCode::Locked.to_json().as_bytes());
        assert_eq!(remote.known_as::<ChartCode>(), Some(ChartCode::Locked));
        assert_eq!(
            remote.known_as::<ChartErrorKind>(),
            Some(ChartErrorKind::Code(ChartCode::Locked))
        );
    }
}
