//! The named example of each code: the body the server writes, through the same writer.

use serde_json::Value;
use utoipa::openapi::example::ExampleBuilder;

use crate::format::{self, BodyFormat, Fields, ProblemBody};
use crate::retry::RetryKind;
use crate::table::CodeInfo;

/// The named example of one code: the message as summary, the body as value.
pub(super) fn example(info: &CodeInfo, format: BodyFormat) -> utoipa::openapi::example::Example {
    let mut notes = Vec::new();
    if info.message.contains('{') {
        notes.push(
            "The message is shown as its template: the server replaces each `{...}` with a value \
             of the occurrence.",
        );
    }
    if let Some(retry) = info.retry {
        notes.push(retry_note(retry));
    }
    ExampleBuilder::new()
        .summary(info.message)
        .description(notes.join(" "))
        .value(Some(example_body(info, format)))
        .build()
}

fn retry_note(retry: RetryKind) -> &'static str {
    match retry {
        RetryKind::Throttled => {
            "Retry: throttled; wait, honouring Retry-After when present, then retry with backoff."
        }
        RetryKind::Busy => "Retry: busy; retry after a short delay.",
        RetryKind::ServerError => {
            "Retry: server error; retry with backoff, and only a request that is safe to repeat."
        }
    }
}

/// The body the server sends for `info` in `format`, as a JSON value, with `"detail": ""`.
///
/// It is the text of the same writer that makes response bodies, parsed; for a message that
/// interpolates fields, the message is the template (see the [module documentation](crate::openapi)).
///
/// ```
/// use swr_errors::{openapi, BodyFormat, Catalogue, SwrCode, SwrError};
///
/// let info = &SwrCode::CODES[0];
/// let body = openapi::example_body(info, BodyFormat::Dual);
/// let sent: serde_json::Value =
///     serde_json::from_str(&SwrCode::ALL[0].to_json_as(BodyFormat::Dual)).unwrap();
/// assert_eq!(body, sent);
/// ```
#[cfg_attr(docsrs, doc(cfg(feature = "utoipa")))]
pub fn example_body(info: &CodeInfo, format: BodyFormat) -> Value {
    let mut text = String::new();
    let fields = Fields {
        code: info.code,
        status: crate::status::sent_status_of(info.status),
        message: info.message,
        detail: None,
        detail_is_json: false,
        request_id: None,
        problem_type: ProblemBody::DEFAULT_TYPE_BASE,
    };
    format::write_fields(&mut text, format, &fields);
    // The writer always produces valid JSON (its tests hold it to serde_json's output); should
    // that ever fail, the example still shows the exact text.
    serde_json::from_str(&text).unwrap_or(Value::String(text))
}
