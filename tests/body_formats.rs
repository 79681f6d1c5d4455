//! Both body formats over the whole catalogue, byte-identical to `serde_json`; and writing either
//! into a reused buffer allocates nothing for a static message. Allocations are counted with a
//! global allocator, so these tests have their own binary.

use swr_errors::{BodyFormat, DualErrorBody, ErrorBody, SwrCode, SwrError};

#[path = "support/counting_alloc.rs"]
mod counting_alloc;

use counting_alloc::allocations_during;

#[test]
fn every_code_in_both_formats_matches_serde_json() {
    for &code in SwrCode::ALL {
        let (c, m) = (code.code(), code.message());
        let dual = serde_json::to_string(&DualErrorBody::single(c, m.as_ref(), "")).unwrap();
        assert_eq!(code.to_json_as(BodyFormat::Dual), dual, "{code:?}");
        let legacy = serde_json::to_string(&ErrorBody::single(c, m, "")).unwrap();
        assert_eq!(code.to_json_as(BodyFormat::Legacy), legacy, "{code:?}");
        assert_eq!(
            code.to_json_as(BodyFormat::Legacy),
            code.to_json(),
            "{code:?}"
        );
    }
}

#[test]
fn writing_into_a_reused_buffer_allocates_nothing() {
    let mut out = String::with_capacity(4096);
    for format in [BodyFormat::Legacy, BodyFormat::Dual] {
        let count = allocations_during(|| {
            for &code in SwrCode::ALL {
                out.clear();
                code.write_json_as(format, &mut out);
            }
        });
        assert_eq!(count, 0, "{format:?}");
        assert!(!out.is_empty());
    }
}

#[test]
fn to_json_as_allocates_only_its_string() {
    // One allocation, sized up front, for the returned `String`; none for the message, which is
    // borrowed.
    for format in [BodyFormat::Legacy, BodyFormat::Dual] {
        for &code in SwrCode::ALL {
            let count = allocations_during(|| {
                let _ = code.to_json_as(format);
            });
            assert_eq!(count, 1, "{code:?} {format:?}");
        }
    }
}

#[test]
fn writing_into_an_empty_buffer_allocates_once() {
    // Both formats reserve the whole body before writing: no growth step by step.
    for format in [BodyFormat::Legacy, BodyFormat::Dual] {
        for &code in SwrCode::ALL {
            let mut out = String::new();
            let count = allocations_during(|| code.write_json_as(format, &mut out));
            assert_eq!(count, 1, "{code:?} {format:?}");
            assert_eq!(out.len(), out.capacity(), "{code:?} {format:?}");
        }
    }
}

/// A hand-written error whose `write_json` is its own, as the derive's is.
#[derive(Debug)]
struct OwnWriter;

impl SwrError for OwnWriter {
    fn code(&self) -> &'static str {
        "SVCSTG.OWN.4000001"
    }
    fn status(&self) -> u16 {
        400
    }
    fn message(&self) -> std::borrow::Cow<'static, str> {
        "general".into()
    }
    fn write_json(&self, out: &mut String) {
        out.push_str(r#"[{"errorCode":"SVCSTG.OWN.4000001","errorMessage":"own","detail":""}]"#);
    }
}

#[test]
fn the_legacy_body_is_the_errors_own_write_json_everywhere() {
    let own = OwnWriter.to_json();
    assert!(own.contains(r#""own""#));
    assert_eq!(OwnWriter.to_json_as(BodyFormat::Legacy), own);
    let mut out = String::new();
    OwnWriter.write_json_as(BodyFormat::Legacy, &mut out);
    assert_eq!(out, own);
    let response = OwnWriter.response().with_format(BodyFormat::Legacy);
    assert_eq!(response.body(), own);
    let response: http::Response<Vec<u8>> = response.into();
    assert_eq!(response.body().as_slice(), own.as_bytes());
    // Dual has no such method: its general writer.
    assert!(OwnWriter
        .to_json_as(BodyFormat::Dual)
        .contains(r#""error_msg":"general""#));
}
