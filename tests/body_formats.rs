//! The three body formats over the whole catalogue, byte-identical to `serde_json`; and writing either
//! into a reused buffer allocates nothing for a static message. Problem bodies read back through
//! `RemoteError`. Allocations are counted with a
//! global allocator, so these tests have their own binary.

use swr_errors::{
    BodyFormat, DualErrorBody, ErrorBody, ProblemBody, RemoteError, SwrCode, SwrError,
};

#[path = "support/counting_alloc.rs"]
mod counting_alloc;

use counting_alloc::allocations_during;

#[test]
fn every_code_in_every_format_matches_serde_json() {
    for &code in SwrCode::ALL {
        let (c, m) = (code.code(), code.message());
        let problem = serde_json::to_string(&ProblemBody {
            problem_type: format!("{}{c}", ProblemBody::DEFAULT_TYPE_BASE),
            title: m.to_string(),
            status: code.status(),
            detail: None,
            code: c.to_owned(),
            request_id: None,
        })
        .unwrap();
        assert_eq!(code.to_json_as(BodyFormat::Problem), problem, "{code:?}");
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
    for format in BodyFormat::ALL {
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
    for format in BodyFormat::ALL {
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
    // Every format reserves the whole body before writing: no growth step by step.
    for format in BodyFormat::ALL {
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

/// An error with a detail that needs every kind of escape.
#[derive(Debug, SwrError)]
enum Detailed {
    #[swr(
        code = "SVCSTG.DET.4001001",
        status = 400,
        message = "Bad \"manifest\""
    )]
    Bad {
        #[swr(detail)]
        reason: String,
    },
}

#[test]
fn problem_bodies_with_details_match_serde_json_and_read_back() {
    let details = [
        "layer 3: \"size\" < 0\n",
        "ctl \u{0} \u{1f} \u{7f} back \\ slash",
        "日本語 😀 \u{2028} é",
        "",
    ];
    for reason in details {
        let error = Detailed::Bad {
            reason: reason.to_owned(),
        };
        let json = error.to_json_as(BodyFormat::Problem);
        let expected = serde_json::to_string(&ProblemBody {
            problem_type: "urn:swr-errors:code:SVCSTG.DET.4001001".to_owned(),
            title: "Bad \"manifest\"".to_owned(),
            status: 400,
            detail: Some(reason.to_owned()).filter(|d| !d.is_empty()),
            code: "SVCSTG.DET.4001001".to_owned(),
            request_id: None,
        })
        .unwrap();
        assert_eq!(json, expected, "{reason:?}");
        let remote = RemoteError::from_response(400, json.as_bytes());
        assert_eq!(remote.code(), Some("SVCSTG.DET.4001001"));
        assert_eq!(remote.message(), "Bad \"manifest\"");
        assert_eq!(remote.detail(), Some(reason).filter(|d| !d.is_empty()));
    }
    for &code in SwrCode::ALL {
        let remote = RemoteError::from_response(
            code.status(),
            code.to_json_as(BodyFormat::Problem).as_bytes(),
        );
        assert_eq!(remote.known(), Some(code));
        assert_eq!(remote.message(), code.message());
        assert_eq!(remote.detail(), None);
    }
}

#[test]
fn a_problem_body_without_type_reads_as_about_blank() {
    // RFC 9457 §3.1.1: a problem without "type" is of type "about:blank". A gateway's or another
    // service's body may leave it out; the rest still reads.
    let body: ProblemBody = serde_json::from_str(
        r#"{"title":"Busy","status":503,"code":"SVCSTG.SWR.5030001","request_id":"r-1"}"#,
    )
    .unwrap();
    assert_eq!(body.problem_type, "about:blank");
    assert_eq!((body.title.as_str(), body.status), ("Busy", 503));
    assert_eq!(body.request_id.as_deref(), Some("r-1"));
}
