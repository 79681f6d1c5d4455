use std::fmt;

use swr_errors::SwrError;

// `#[error]` detected: thiserror writes Display and Error, SwrError keeps its own message.
#[derive(Debug, thiserror::Error, SwrError)]
enum PushError {
    /// The layer is too large.
    #[error("layer of {0} bytes exceeds the limit")]
    #[swr(code = "SVCSTG.MYSVC.4130001", status = 413)]
    LayerTooLarge(u64),

    #[error("storage failed")]
    #[swr(code = "SVCSTG.MYSVC.5000002", status = 500, message = "Storage failed on {disk}")]
    Storage {
        disk: String,
        #[source]
        cause: std::io::Error,
    },
}

// `display = false`: Display and Error are written by hand.
#[derive(Debug, SwrError)]
#[swr(display = false)]
enum PullError {
    /// The image does not exist.
    #[swr(code = "SVCSTG.MYSVC.4040001", status = 404)]
    ImageMissing,
}

impl fmt::Display for PullError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "pull failed: {}", self.message())
    }
}

impl std::error::Error for PullError {}

fn main() {
    let err = PushError::LayerTooLarge(1 << 40);
    assert_eq!(err.to_string(), "layer of 1099511627776 bytes exceeds the limit");
    assert_eq!(err.message(), "The layer is too large.");

    let err = PushError::Storage { disk: "sdb".into(), cause: std::io::Error::other("full") };
    assert_eq!(err.to_string(), "storage failed");
    assert_eq!(err.message(), "Storage failed on sdb");
    assert!(std::error::Error::source(&err).is_some());

    let err = PullError::ImageMissing;
    assert_eq!(err.to_string(), "pull failed: The image does not exist.");
    assert_eq!(err.code(), "SVCSTG.MYSVC.4040001");
}
