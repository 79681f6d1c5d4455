//! What a body, or another transport, says: the types every reader fills and
//! [`RemoteError`](super::RemoteError) keeps.

use crate::body::ErrorEntry;

/// Where a [`RemoteError`](super::RemoteError) keeps its code, message and detail.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) enum Said {
    /// In the first of its entries (a legacy array's first item): read there, not copied out.
    FirstEntry,
    /// On their own: every other shape, and the other transports. Empty texts are `None` (and
    /// the message `""`).
    Own {
        code: Option<String>,
        message: String,
        detail: Option<String>,
    },
}

impl Said {
    /// A message alone: a body read as text.
    pub(super) fn message(message: String) -> Said {
        Said::Own {
            code: None,
            message,
            detail: None,
        }
    }
}

/// What a body says, before it becomes a [`RemoteError`](super::RemoteError).
#[derive(Debug)]
pub(super) struct Parsed {
    pub(super) said: Said,
    pub(super) request_id: Option<String>,
    pub(super) encoded_authorization_message: Option<String>,
    pub(super) entries: Vec<ErrorEntry>,
}

impl Parsed {
    /// A reading that holds `said` and nothing else.
    pub(super) fn saying(said: Said) -> Parsed {
        Parsed {
            said,
            request_id: None,
            encoded_authorization_message: None,
            entries: Vec::new(),
        }
    }
}
