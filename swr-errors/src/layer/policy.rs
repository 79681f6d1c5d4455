//! What becomes of each response an app's layer meets: the one statement of the rule, for every
//! framework. An adapter (`axum::SwrLayer`, `actix::SwrErrors`) reads its framework's response
//! into [`Facts`], asks [`decide`], and applies the [`Answer`]: keep the body, write the
//! response's SWR error anew in a format, or replace a framework's own response by the app's
//! [`FrameworkErrors`](super::FrameworkErrors) table; what to log; which id the body names and
//! whether the response still needs its `X-Request-Id`.
//!
//! The rule, in order:
//!
//! 1. A response below 400 is kept; it only gets the request's id.
//! 2. A response that is an SWR error the crate wrote (a record on it, or one handed to the
//!    layer while it polled the handler, whose type and length are the response's) is logged,
//!    and its body written anew when it says something other than the client should get (see
//!    [`is_as_sent`]) and is still the body written (its type, its exact length), unless the
//!    response is [`Untouched`](super::Untouched). The format the client should get is the one
//!    the handler chose, else the request's.
//! 3. Else an error response that looks like the framework's own (no `Content-Type`, or
//!    `text/plain`), not [`Untouched`](super::Untouched), whose status the table maps, is
//!    replaced by the table's error in the request's format, the framework's text (its body,
//!    when [`quotes`] says so) as the detail.
//! 4. Anything else is kept as it is.
//!
//! A handler's panic ([`on_panic`]) becomes the table's panic error, in the request's format,
//! with the layer's id, without the panic's text (which is logged, as is the error).

use super::framework::Replacement;
use super::info::Written;
use super::Config;
use crate::format::BodyFormat;

/// What the layer knows of a response, read before anything changes it.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Facts<'a> {
    pub(crate) status: u16,
    /// The first `Content-Type` value.
    pub(crate) content_type: Option<&'a [u8]>,
    /// The first `X-Request-Id` value, as the handler (or a middleware) set it.
    pub(crate) header_id: Option<&'a [u8]>,
    /// The body's exact length, when the framework knows it. Read only with a record: an
    /// adapter may leave it `None` without one.
    pub(crate) body_len: Option<u64>,
    /// An [`Untouched`](super::Untouched) marker is on the response.
    pub(crate) untouched: bool,
    /// The record found on the response: written out of the layer's reach, in the handler's
    /// chosen format or Legacy, outside the app's context.
    pub(crate) carried: Option<&'a Written>,
    /// The record handed to the layer while it polled the handler: written in the format the
    /// client should get, in the app's context. It may be of a response built and dropped.
    pub(crate) polled: Option<&'a Written>,
}

/// Which record an answer is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Record {
    Carried,
    Polled,
}

/// Which id the body names and the log reports: the response's own `X-Request-Id` (a handler's,
/// readable as text), else the layer's.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Named {
    Layer,
    Response,
}

/// What becomes of the body.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Body {
    /// Sent as it is.
    Keep,
    /// The record's error, written anew in `format` for the response's status, in the app's
    /// context.
    Rewrite(BodyFormat),
    /// A framework's response, replaced.
    Replace(Replace),
}

/// A response replaced by the app's table: `by`, in `format`, sent with `by`'s status, in the
/// app's context.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Replace {
    /// A clone of the table's entry: static data and a message, borrowed but for a message the
    /// app made.
    pub(crate) by: Replacement,
    pub(crate) format: BodyFormat,
}

/// What the layer does with a response.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Answer {
    pub(crate) body: Body,
    /// The record the response is, whose error is logged or written anew.
    pub(crate) record: Option<Record>,
    /// Log the error the client gets (the record's, or the replacement's) as sent with this
    /// status.
    pub(crate) log: Option<u16>,
    pub(crate) id: Named,
    /// The response has no `X-Request-Id`: it gets the layer's.
    pub(crate) set_id: bool,
}

/// Whether a response of `status` is an error, which the layer may log or change; anything
/// else only gets the request's id. (An adapter's fast path for successes asks this first.)
#[inline]
pub(crate) fn is_error(status: u16) -> bool {
    status >= 400
}

/// The format the client should get for an error whose handler chose `chosen`, on a request
/// that negotiated `negotiated`.
#[inline]
pub(crate) fn format_of(chosen: Option<BodyFormat>, negotiated: BodyFormat) -> BodyFormat {
    chosen.unwrap_or(negotiated)
}

/// The answer for a response of an exchange that negotiated `negotiated`, and whose id is
/// `layer_id`.
pub(crate) fn decide(
    config: &Config,
    negotiated: BodyFormat,
    layer_id: &[u8],
    facts: &Facts<'_>,
) -> Answer {
    let id = named(facts.header_id);
    let mut answer = Answer {
        body: Body::Keep,
        record: None,
        log: None,
        id,
        set_id: facts.header_id.is_none(),
    };
    if !is_error(facts.status) {
        return answer;
    }
    let id = match id {
        Named::Layer => layer_id,
        Named::Response => facts.header_id.unwrap_or_default(),
    };
    let picked = match (facts.carried, facts.polled) {
        (Some(written), _) => Some((Record::Carried, written)),
        (None, Some(written)) if describes(written, facts) => Some((Record::Polled, written)),
        _ => None,
    };
    if let Some((record, written)) = picked {
        answer.record = Some(record);
        answer.log = Some(facts.status);
        let format = format_of(written.info.chosen, negotiated);
        let sent = Sent {
            format,
            status: facts.status,
            id,
        };
        if !facts.untouched
            && is_as_written(written, facts)
            && !is_as_sent(written, record, layer_id, &sent)
        {
            answer.body = Body::Rewrite(format);
        }
        return answer;
    }
    if !facts.untouched && is_framework(facts.content_type) {
        if let Some(by) = config.framework.get(facts.status) {
            answer.body = Body::Replace(Replace {
                by: by.clone(),
                format: negotiated,
            });
            // With the status it is sent with (a 405 goes out as the table's 404).
            answer.log = Some(by.status);
        }
    }
    answer
}

/// The response to a handler's panic, which left none: the table's panic error in the request's
/// format, with the layer's id; logged, with the panic's text, which no body carries.
pub(crate) fn on_panic(config: &Config, negotiated: BodyFormat) -> Replace {
    Replace {
        by: config.framework.panic().clone(),
        format: negotiated,
    }
}

/// The longest framework text quoted as the detail; the frameworks' own are far shorter.
pub(crate) const MAX_TEXT: u64 = 4096;

/// Whether a framework response's body is quoted as the replacement's detail: when it is text,
/// not encoded (a compressing middleware inside the layer, a proxied upstream: no detail then,
/// rather than its bytes), and complete and short, of at most `len`, [`MAX_TEXT`] bytes.
pub(crate) fn quotes(content_encoding: Option<&[u8]>, len: Option<u64>) -> bool {
    let encoded = content_encoding.is_some_and(|value| !value.eq_ignore_ascii_case(b"identity"));
    !encoded && len.is_some_and(|len| len <= MAX_TEXT)
}

/// Whether an error response of this `Content-Type` looks like a framework's own: none, or
/// `text/plain`. Neither framework marks its own responses (an unmatched route, a wrong method,
/// an extractor's rejection); both write them so.
pub(crate) fn is_framework(content_type: Option<&[u8]>) -> bool {
    match content_type {
        None => true,
        Some(value) => value
            .get(..10)
            .is_some_and(|start| start.eq_ignore_ascii_case(b"text/plain")),
    }
}

/// What the client should get: the body's format, the status it is sent with, the id it names.
struct Sent<'a> {
    format: BodyFormat,
    status: u16,
    id: &'a [u8],
}

/// Whether `written` already says what the client should get. Legacy, Dual and Oci name nothing of
/// the exchange: the format decides. Problem names the status, the request id and the app's
/// type (RFC 9457 §3.1.2): only a body written in the app's context (polled), for the status
/// and the id the response is sent with, says it.
fn is_as_sent(written: &Written, record: Record, layer_id: &[u8], sent: &Sent<'_>) -> bool {
    if written.format != sent.format {
        return false;
    }
    match sent.format {
        BodyFormat::Legacy | BodyFormat::Dual | BodyFormat::Oci => true,
        BodyFormat::Problem => {
            let names = written.own_id.as_deref().map_or(layer_id, str::as_bytes);
            record == Record::Polled && written.info.status == sent.status && names == sent.id
        }
    }
}

/// Whether the polled record is of this response: its type, and its length when known (a
/// compressing middleware hides it). A response the handler built and dropped is no match.
fn describes(written: &Written, facts: &Facts<'_>) -> bool {
    is_type(written, facts) && facts.body_len.is_none_or(|len| len == written.len as u64)
}

/// Whether the body is still the one written, byte for byte as far as the layer can tell: only
/// then may it be written anew (a middleware's page, or a compressed body, is not).
fn is_as_written(written: &Written, facts: &Facts<'_>) -> bool {
    is_type(written, facts) && facts.body_len == Some(written.len as u64)
}

fn is_type(written: &Written, facts: &Facts<'_>) -> bool {
    facts
        .content_type
        .is_some_and(|value| written.format.is_content_type(value))
}

/// [`Named::Response`] when the response carries an id readable as text (as `http`'s
/// `HeaderValue::to_str` reads it: visible ASCII, spaces and tabs).
fn named(header_id: Option<&[u8]>) -> Named {
    match header_id {
        Some(id) if id.iter().all(|&b| b == b'\t' || (b' '..=b'~').contains(&b)) => Named::Response,
        _ => Named::Layer,
    }
}

#[cfg(test)]
mod tests {
    use super::{
        decide, is_framework, on_panic, quotes, Answer, Body, Facts, Named, Record, Replace,
    };
    use crate::layer::info::Written;
    use crate::layer::{Config, FrameworkErrors};
    use crate::{BodyFormat, SwrCode, SwrError};

    const LAYER_ID: &[u8] = b"layer-1";

    /// The record of `SwrCode::ImageNotFound` (404) written in `format`, chosen or not.
    fn written(format: BodyFormat, chosen: bool, own_id: Option<&str>) -> Written {
        let chosen = chosen.then_some(format);
        Written::of(&SwrCode::ImageNotFound, chosen, format, 100, own_id)
    }

    /// An error response of `status` with this type and an exact 100-byte body.
    fn facts<'a>(status: u16, content_type: Option<&'static str>) -> Facts<'a> {
        Facts {
            status,
            content_type: content_type.map(str::as_bytes),
            header_id: None,
            body_len: Some(100),
            untouched: false,
            carried: None,
            polled: None,
        }
    }

    fn answer(config: &Config, negotiated: BodyFormat, facts: Facts<'_>) -> Answer {
        decide(config, negotiated, LAYER_ID, &facts)
    }

    const JSON: Option<&str> = Some("application/json");
    const PROBLEM: Option<&str> = Some("application/problem+json");

    #[test]
    fn successes_are_kept_and_get_the_id() {
        let config = Config::default();
        for status in [200, 201, 204, 301, 399] {
            let mut success = facts(status, None);
            let got = answer(&config, BodyFormat::Problem, success);
            assert_eq!(got.body, Body::Keep, "{status}");
            assert_eq!((got.log, got.set_id, got.id), (None, true, Named::Layer));
            success.header_id = Some(b"own");
            let got = answer(&config, BodyFormat::Problem, success);
            assert_eq!((got.set_id, got.id), (false, Named::Response));
        }
    }

    /// A record on the response (written out of the layer's reach): each written format and
    /// chosen or not, against each negotiated format.
    #[test]
    fn a_carried_record_is_written_anew_only_when_it_says_otherwise() {
        use BodyFormat::{Dual as D, Legacy as L, Problem as P};
        let config = Config::default();
        // (written in, chosen, negotiated, the body: None kept, Some(format) written anew)
        let table = [
            (L, false, L, None),
            (L, false, D, Some(D)),
            (L, false, P, Some(P)),
            // A chosen format is kept whatever the request negotiated...
            (L, true, P, None),
            (D, true, L, None),
            (D, true, P, None),
            // ...and a chosen Problem is written in the app's context, which it lacked.
            (P, true, L, Some(P)),
            (P, true, P, Some(P)),
        ];
        for (format, chosen, negotiated, expected) in table {
            let record = written(format, chosen, None);
            let content_type = Some(format.content_type());
            let facts = Facts {
                carried: Some(&record),
                ..facts(404, content_type)
            };
            let got = answer(&config, negotiated, facts);
            let case = (format, chosen, negotiated);
            assert_eq!(
                got.body,
                expected.map_or(Body::Keep, Body::Rewrite),
                "{case:?}"
            );
            assert_eq!(got.record, Some(Record::Carried), "{case:?}");
            assert_eq!(got.log, Some(404), "{case:?}");
        }
    }

    /// A record handed over while the layer polled: written in the client's format, in the app's
    /// context; written anew only when a Problem names another status or id than sent.
    #[test]
    fn a_polled_record_is_written_anew_only_when_its_problem_is_outdated() {
        let config = Config::default();
        for format in BodyFormat::ALL {
            let record = written(format, false, None);
            let base = Facts {
                polled: Some(&record),
                ..facts(404, Some(format.content_type()))
            };
            let got = answer(&config, format, base);
            assert_eq!((got.body, got.record), (Body::Keep, Some(Record::Polled)));
            let problem = format == BodyFormat::Problem;
            let rewritten = |got: &Answer| got.body == Body::Rewrite(format);
            // Sent under another status (`(StatusCode, error)`).
            let busy = answer(
                &config,
                format,
                Facts {
                    status: 503,
                    ..base
                },
            );
            assert_eq!(rewritten(&busy), problem, "{format}");
            assert_eq!(busy.log, Some(503));
            // Under an id the handler set over the layer's.
            let other_id = Facts {
                header_id: Some(b"handler-2"),
                ..base
            };
            let got = answer(&config, format, other_id);
            assert_eq!(rewritten(&got), problem, "{format}");
            assert_eq!(got.id, Named::Response);
            // The same id as the body names: nothing to change.
            let same_id = Facts {
                header_id: Some(LAYER_ID),
                ..base
            };
            assert_eq!(answer(&config, format, same_id).body, Body::Keep);
        }
        // An `ErrorResponse`'s own id, which its header carries.
        let record = written(BodyFormat::Problem, false, Some("own-1"));
        let own = Facts {
            polled: Some(&record),
            header_id: Some(b"own-1"),
            ..facts(404, PROBLEM)
        };
        assert_eq!(answer(&config, BodyFormat::Problem, own).body, Body::Keep);
    }

    /// A body that is no longer the one written is left alone; a polled record that does not
    /// describe the response is of another one, built and dropped.
    #[test]
    fn only_the_body_as_written_is_written_anew() {
        let config = Config::default();
        let record = written(BodyFormat::Legacy, false, None);
        let html = Facts {
            carried: Some(&record),
            ..facts(404, Some("text/html"))
        };
        let got = answer(&config, BodyFormat::Problem, html);
        assert_eq!((got.body, got.log), (Body::Keep, Some(404)));
        let compressed = Facts {
            body_len: None,
            carried: Some(&record),
            ..facts(404, JSON)
        };
        assert_eq!(
            answer(&config, BodyFormat::Dual, compressed).body,
            Body::Keep
        );
        let longer = Facts {
            body_len: Some(101),
            carried: Some(&record),
            ..facts(404, JSON)
        };
        assert_eq!(answer(&config, BodyFormat::Dual, longer).body, Body::Keep);
        // A Legacy body sent under another status says nothing of it: written anew in the
        // client's format for that status.
        let busy = Facts {
            carried: Some(&record),
            ..facts(503, JSON)
        };
        let got = answer(&config, BodyFormat::Problem, busy);
        assert_eq!(
            (got.body, got.log),
            (Body::Rewrite(BodyFormat::Problem), Some(503))
        );

        let polled = written(BodyFormat::Problem, false, None);
        // The handler's own JSON after a dropped error: not the record's response.
        let own = Facts {
            polled: Some(&polled),
            ..facts(409, JSON)
        };
        let got = answer(&config, BodyFormat::Problem, own);
        assert_eq!((got.body, got.record, got.log), (Body::Keep, None, None));
        // Its own text after a dropped error: the framework rule applies.
        let text = Facts {
            polled: Some(&polled),
            ..facts(400, Some("text/plain"))
        };
        assert!(matches!(
            answer(&config, BodyFormat::Problem, text).body,
            Body::Replace(_)
        ));
        // Compressed (no known length): still the record's response, logged, not rewritten.
        let compressed = Facts {
            body_len: None,
            status: 503,
            polled: Some(&polled),
            ..facts(404, PROBLEM)
        };
        let got = answer(&config, BodyFormat::Problem, compressed);
        assert_eq!((got.body, got.record), (Body::Keep, Some(Record::Polled)));
    }

    #[test]
    fn a_carried_record_comes_before_a_polled_one() {
        let config = Config::default();
        let first = written(BodyFormat::Problem, false, None);
        let second = written(BodyFormat::Legacy, false, None);
        let both = Facts {
            polled: Some(&first),
            carried: Some(&second),
            ..facts(404, JSON)
        };
        let got = answer(&config, BodyFormat::Problem, both);
        assert_eq!(got.record, Some(Record::Carried));
        assert_eq!(got.body, Body::Rewrite(BodyFormat::Problem));
    }

    #[test]
    fn untouched_keeps_the_body_and_still_logs_an_swr_error() {
        let config = Config::default();
        let record = written(BodyFormat::Legacy, false, None);
        let marked = Facts {
            untouched: true,
            carried: Some(&record),
            ..facts(404, JSON)
        };
        let got = answer(&config, BodyFormat::Problem, marked);
        assert_eq!((got.body, got.log), (Body::Keep, Some(404)));
        let text = Facts {
            untouched: true,
            ..facts(400, Some("text/plain"))
        };
        let got = answer(&config, BodyFormat::Problem, text);
        assert_eq!((got.body, got.log), (Body::Keep, None));
    }

    #[test]
    fn framework_responses_are_replaced_by_the_table() {
        let config = Config::default();
        let table = &config.framework;
        for (status, content_type, sent) in [
            (404, None, Some(404)),
            (405, None, Some(404)),
            (400, Some("text/plain; charset=utf-8"), Some(400)),
            (415, Some("Text/Plain"), Some(400)),
            (422, Some("text/plain"), Some(400)),
            (500, None, Some(500)),
            // Statuses the table does not map, and other types, are kept.
            (418, None, None),
            (503, Some("text/plain"), None),
            (404, JSON, None),
            (400, Some("text/html"), None),
        ] {
            let got = answer(&config, BodyFormat::Dual, facts(status, content_type));
            let case = (status, content_type);
            match sent {
                Some(sent) => {
                    let by = table.get(status).unwrap();
                    assert_eq!(by.status, sent, "{case:?}");
                    let format = BodyFormat::Dual;
                    let replace = Body::Replace(Replace {
                        by: by.clone(),
                        format,
                    });
                    assert_eq!(got.body, replace, "{case:?}");
                    assert_eq!(got.log, Some(sent), "{case:?}");
                }
                None => assert_eq!((got.body, got.log), (Body::Keep, None), "{case:?}"),
            }
            assert_eq!(got.record, None);
        }
        let none = Config {
            framework: FrameworkErrors::none(),
            ..Config::default()
        };
        let got = answer(&none, BodyFormat::Legacy, facts(404, None));
        assert_eq!(got.body, Body::Keep);
    }

    #[test]
    fn the_body_names_the_responses_readable_id_else_the_layers() {
        let config = Config::default();
        for (header, named, set) in [
            (None, Named::Layer, true),
            (Some(&b"h-1"[..]), Named::Response, false),
            (Some(&b"with space"[..]), Named::Response, false),
            (Some(&b"caf\xc3\xa9"[..]), Named::Layer, false),
        ] {
            let facts = Facts {
                header_id: header,
                ..facts(404, None)
            };
            let got = answer(&config, BodyFormat::Legacy, facts);
            assert_eq!((got.id, got.set_id), (named, set), "{header:?}");
        }
    }

    #[test]
    fn a_panic_becomes_the_tables_panic_error_without_its_text() {
        let config = Config {
            framework: FrameworkErrors::new().on_panic(SwrCode::DeletionFailed),
            ..Config::default()
        };
        let got = on_panic(&config, BodyFormat::Problem);
        assert_eq!(got.by.code, SwrCode::DeletionFailed.code());
        assert_eq!(got.format, BodyFormat::Problem);
        assert_eq!(got.by.status, 500);
    }

    #[test]
    fn only_short_plain_text_is_quoted() {
        assert!(quotes(None, Some(0)));
        assert!(quotes(Some(b"identity"), Some(4096)));
        assert!(!quotes(None, Some(4097)));
        assert!(!quotes(None, None));
        assert!(!quotes(Some(b"gzip"), Some(10)));
    }

    #[test]
    fn framework_types_are_none_or_plain_text() {
        assert!(is_framework(None));
        assert!(is_framework(Some(b"text/plain")));
        assert!(is_framework(Some(b"TEXT/PLAIN; charset=utf-8")));
        assert!(!is_framework(Some(b"text/plai")));
        assert!(!is_framework(Some(b"application/json")));
    }
}
