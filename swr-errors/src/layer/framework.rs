//! [`FrameworkErrors`]: which SWR error replaces each error response the framework writes itself
//! (an unmatched route, a wrong method, an extractor's rejection), and which one a panic becomes.

use std::borrow::Cow;

use super::info::ErrorInfo;
use crate::catalogue::SwrCode;
use crate::oci::OciCode;
use crate::SwrError;

/// The SWR error sent instead of a framework's own error response, by that response's status;
/// and the one sent for a handler's panic.
///
/// The default table:
///
/// | the framework answers | for example | the layer sends |
/// |---|---|---|
/// | 400 | malformed JSON, a bad path parameter, a bad query string | 400 `SVCSTG.SWR.4000014` Invalid parameter. |
/// | 404 | no route matches | 404 `SVCSTG.SWR.4040083` The requested URL cannot be found. |
/// | 405 | the route exists, not with this method | 404 `SVCSTG.SWR.4040083` The requested URL cannot be found. (the `Allow` header is kept) |
/// | 413 | the body is over the limit | 413 `SVCSTG.SWR.4131001` The request exceeds the maximum size allowed. |
/// | 415 | JSON expected, another `Content-Type` sent | 400 `SVCSTG.SWR.4001018` Incorrect request body type. |
/// | 422 | well-formed JSON of the wrong shape | 400 `SVCSTG.SWR.4000014` Invalid parameter. |
/// | 500 | an extractor used on a route it cannot serve | 500 `SVCSTG.SWR.5000007` Internal server error: Operation fails. |
/// | any other | | the framework's response, untouched |
/// | a panic | | 500 `SVCSTG.SWR.5000007` Internal server error: Operation fails. |
///
/// The catalogue has no 405, 415 or 422 code. SWR itself answers a method it does not serve at a
/// path as an unknown URL, so 405 becomes the 404 of an unmatched route; a body of the wrong
/// type or shape is a client's bad request, 400, the status of the catalogue's codes for it. The
/// framework's own text (such as axum's `Failed to parse the request body as JSON: …`) becomes
/// the body's `detail`.
///
/// Change an entry with [`map`](FrameworkErrors::map), leave a status untouched with
/// [`keep`](FrameworkErrors::keep), and hand the table to the layer
/// (`SwrLayer::framework_errors`, `SwrErrors::framework_errors`).
///
/// ```
/// use swr_errors::{FrameworkErrors, SwrCode};
///
/// let table = FrameworkErrors::new()
///     .map(422, SwrCode::MissingMandatoryParameters)
///     .keep(405);
/// assert_eq!(table.code_for(404), Some("SVCSTG.SWR.4040083"));
/// assert_eq!(table.code_for(422), Some("SVCSTG.SWR.4001014"));
/// assert_eq!(table.code_for(405), None);
/// assert_eq!(table.code_for(418), None);
/// assert_eq!(FrameworkErrors::none().code_for(404), None);
/// ```
#[derive(Clone, Debug)]
pub struct FrameworkErrors {
    /// By the framework's status; a few entries, searched in order.
    entries: Vec<(u16, Replacement)>,
    panic: Replacement,
}

/// One SWR error, as static data and its message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Replacement {
    pub(crate) code: &'static str,
    pub(crate) status: u16,
    pub(crate) message: Cow<'static, str>,
}

impl Replacement {
    fn of(error: &dyn SwrError) -> Replacement {
        Replacement {
            code: error.code(),
            status: crate::status::sent_status(error),
            message: error.message(),
        }
    }

    /// The record of this error sent for one occurrence, with `text` (the framework's, trimmed)
    /// as the detail when there is any. A panic's gets none: its text may hold anything and goes
    /// to the log instead.
    pub(crate) fn error(&self, text: Option<&str>) -> ErrorInfo {
        let detail = text.map(str::trim).filter(|text| !text.is_empty());
        ErrorInfo::framework(
            self.code,
            self.status,
            self.message.clone(),
            detail.map(Into::into),
        )
    }
}

impl FrameworkErrors {
    /// The default table (see the [type documentation](FrameworkErrors)).
    pub fn new() -> FrameworkErrors {
        let entries = [
            (400, SwrCode::InvalidParameter),
            (404, SwrCode::UrlNotFound),
            (405, SwrCode::UrlNotFound),
            (413, SwrCode::RequestTooLarge),
            (415, SwrCode::InvalidRequestBodyType),
            (422, SwrCode::InvalidParameter),
            (500, SwrCode::OperationFailed),
        ];
        FrameworkErrors {
            entries: entries
                .iter()
                .map(|(status, error)| (*status, Replacement::of(error)))
                .collect(),
            panic: Replacement::of(&SwrCode::OperationFailed),
        }
    }

    /// The table for a registry API (the OCI distribution spec's `/v2/<name>/...`), served under
    /// a layer whose default format is [`BodyFormat::Oci`](crate::BodyFormat::Oci):
    ///
    /// | the framework answers | the layer sends |
    /// |---|---|
    /// | 405 | 405 `UNSUPPORTED` The operation is unsupported. (the `Allow` header is kept) |
    /// | 500 | 500 `UNKNOWN` unknown error |
    /// | a panic | 500 `UNKNOWN` unknown error |
    /// | 404, and any other | the framework's response, untouched |
    ///
    /// The reference registry's router answers an unmatched route (`404 page not found`) and a
    /// method it lacks (`Method not allowed`) in plain text. No OCI code names a missing route, so
    /// a 404 stays the framework's; `UNSUPPORTED` is the code the reference registers for an
    /// operation it does not serve, with the same 405, and OCI clients read its envelope.
    ///
    /// ```
    /// use swr_errors::FrameworkErrors;
    ///
    /// let table = FrameworkErrors::oci();
    /// assert_eq!(table.code_for(405), Some("UNSUPPORTED"));
    /// assert_eq!(table.code_for(404), None);
    /// assert_eq!(table.panic_code(), "UNKNOWN");
    /// ```
    pub fn oci() -> FrameworkErrors {
        FrameworkErrors::none()
            .map(405, OciCode::Unsupported)
            .map(500, OciCode::Unknown)
            .on_panic(OciCode::Unknown)
    }

    /// An empty table: every framework response passes untouched (a panic still becomes the
    /// default 500).
    pub fn none() -> FrameworkErrors {
        FrameworkErrors {
            entries: Vec::new(),
            ..FrameworkErrors::new()
        }
    }

    /// Sends `error`'s code, status and message instead of the framework's responses of
    /// `framework_status`.
    #[must_use]
    pub fn map(mut self, framework_status: u16, error: impl SwrError) -> FrameworkErrors {
        let replacement = Replacement::of(&error);
        match self
            .entries
            .iter_mut()
            .find(|(s, _)| *s == framework_status)
        {
            Some(entry) => entry.1 = replacement,
            None => self.entries.push((framework_status, replacement)),
        }
        self
    }

    /// Leaves the framework's responses of `framework_status` as the framework wrote them.
    #[must_use]
    pub fn keep(mut self, framework_status: u16) -> FrameworkErrors {
        self.entries
            .retain(|(status, _)| *status != framework_status);
        self
    }

    /// Sends `error` for a handler's panic; it should be a 5xx, as the server failed.
    #[must_use]
    pub fn on_panic(mut self, error: impl SwrError) -> FrameworkErrors {
        self.panic = Replacement::of(&error);
        self
    }

    /// The code sent instead of a framework response of `framework_status`, if any.
    pub fn code_for(&self, framework_status: u16) -> Option<&'static str> {
        self.get(framework_status)
            .map(|replacement| replacement.code)
    }

    /// The code sent for a panic.
    pub fn panic_code(&self) -> &'static str {
        self.panic.code
    }

    pub(crate) fn get(&self, framework_status: u16) -> Option<&Replacement> {
        self.entries
            .iter()
            .find(|(status, _)| *status == framework_status)
            .map(|(_, replacement)| replacement)
    }

    pub(crate) fn panic(&self) -> &Replacement {
        &self.panic
    }
}

impl Default for FrameworkErrors {
    /// [`FrameworkErrors::new`], the default table.
    fn default() -> FrameworkErrors {
        FrameworkErrors::new()
    }
}

#[cfg(test)]
mod tests {
    use super::FrameworkErrors;
    use crate::{SwrCode, SwrError};

    #[test]
    fn every_default_replacement_carries_its_codes_status() {
        let table = FrameworkErrors::new();
        for status in [400, 404, 405, 413, 415, 422, 500] {
            let replacement = table.get(status).unwrap();
            let error = SwrCode::from_code(replacement.code).unwrap();
            assert_eq!(replacement.status, error.status());
            assert_eq!(replacement.message, error.message());
            // The status the code's digits carry.
            assert_eq!(replacement.code[11..14], replacement.status.to_string());
        }
        assert_eq!(table.get(405).unwrap().status, 404);
        assert_eq!(table.panic().status, 500);
    }

    #[test]
    fn map_replaces_or_adds() {
        let table = FrameworkErrors::new()
            .map(404, SwrCode::ImageNotFound)
            .map(429, SwrCode::TooManyRequests)
            .on_panic(SwrCode::DeletionFailed);
        assert_eq!(table.code_for(404), Some("SVCSTG.SWR.4040010"));
        assert_eq!(table.get(429).unwrap().status, 403);
        assert_eq!(table.panic_code(), SwrCode::DeletionFailed.code());
    }
}
