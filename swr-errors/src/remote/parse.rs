//! Reading a body: the order of the readers. A body too long for JSON is text; the fast path
//! (`fast.rs`) reads the common legacy array; the general path (`general.rs`, where the rules
//! live) reads any other JSON, once more after a lenient repair (`lenient.rs`) when the body is
//! not strict JSON; what none recognises is text.

use super::said::{Parsed, Said};
use super::text::lossy_prefix;
use super::{fast, general, lenient};
use super::{MAX_JSON_LEN, MAX_TEXT_LEN};

const UTF8_BOM: &[u8] = b"\xef\xbb\xbf";

/// Reads any body. Never fails: what is not a recognised JSON shape becomes the message.
pub(super) fn parse(body: &[u8]) -> Parsed {
    json_text(body)
        .and_then(|json| fast::legacy(json).or_else(|| lenient_general(json)))
        .unwrap_or_else(|| as_text(body))
}

/// [`parse`] without the fast path: the reference the fast path must agree with.
#[cfg(any(test, fuzzing))]
pub(super) fn parse_general(body: &[u8]) -> Parsed {
    json_text(body)
        .and_then(lenient_general)
        .unwrap_or_else(|| as_text(body))
}

/// The fast path alone: `None` when it gives the body up to the general path.
#[cfg(any(test, fuzzing))]
pub(super) fn parse_fast(body: &[u8]) -> Option<Parsed> {
    fast::legacy(json_text(body)?)
}

/// The general path on the body, or, when the body is not JSON `serde_json` reads, on its lenient
/// repair. The repair leaves what `serde_json` reads as it reads, so trying the body as it is
/// first only spares well-formed bodies its pass.
fn lenient_general(json: &[u8]) -> Option<Parsed> {
    match general::read(json) {
        Ok(parsed) => parsed,
        Err(general::NotJson) => general::read(&lenient::repair(json)?).ok().flatten(),
    }
}

/// A body that is not read as JSON: its text is the message.
pub(super) fn as_text(body: &[u8]) -> Parsed {
    Parsed::saying(Said::message(lossy_prefix(body, MAX_TEXT_LEN)))
}

/// The JSON text of the body (without a UTF-8 byte order mark and surrounding whitespace), if it
/// is small enough to parse. Also how `from_reqwest` tells whether a body it streams in can still
/// be read as JSON.
pub(super) fn json_text(body: &[u8]) -> Option<&[u8]> {
    let json = body.strip_prefix(UTF8_BOM).unwrap_or(body).trim_ascii();
    (json.len() <= MAX_JSON_LEN).then_some(json)
}

#[cfg(test)]
mod problem_tests {
    use crate::{BodyFormat, RemoteError, SwrCode, SwrError};

    #[test]
    fn a_problem_body_reads_as_code_title_and_detail() {
        let body = SwrCode::UrlNotFound.to_json_as(BodyFormat::Problem);
        let err = RemoteError::from_response(404, body.as_bytes());
        assert_eq!(err.code(), Some("SVCSTG.SWR.4040083"));
        assert_eq!(err.message(), "The requested URL cannot be found.");
        assert_eq!(err.detail(), None);
        let body = br#"{"type":"urn:x","title":"Bad manifest","status":400,"detail":"layer \"3\"","code":"SVCSTG.X.4001003","request_id":"r-1"}"#;
        let err = RemoteError::from_response(400, body);
        assert_eq!(err.code(), Some("SVCSTG.X.4001003"));
        assert_eq!(err.message(), "Bad manifest");
        assert_eq!(err.detail(), Some("layer \"3\""));
        assert_eq!(err.request_id(), Some("r-1"));
    }
}
