use std::error::Error;

use swr_errors::SwrError;

#[derive(Debug, SwrError)]
enum RegistryError {
    /// The storage failed.
    #[swr(code = "SVCSTG.MYSVC.5000001", status = 500)]
    Storage {
        #[swr(source)]
        cause: Box<dyn Error + Send + Sync>,
    },

    /// The upstream failed.
    #[swr(code = "SVCSTG.MYSVC.5020002", status = 502)]
    Upstream(#[swr(source)] std::io::Error),

    /// The backend is busy.
    #[swr(code = "SVCSTG.MYSVC.5030003", status = 503, retry = "busy")]
    Busy(#[swr(source)] Box<dyn Error + Send + Sync + 'static>),
}

fn main() {
    let err = RegistryError::Storage { cause: "disk full".into() };
    assert_eq!(err.source().unwrap().to_string(), "disk full");
    let err = RegistryError::Upstream(std::io::Error::other("reset"));
    assert_eq!(err.source().unwrap().to_string(), "reset");
    let err = RegistryError::Busy("later".into());
    assert_eq!(err.retry_kind(), Some(swr_errors::RetryKind::Busy));
    assert_eq!(err.source().unwrap().to_string(), "later");
    // A source is never serialized.
    assert_eq!(
        err.to_json(),
        r#"[{"errorCode":"SVCSTG.MYSVC.5030003","errorMessage":"The backend is busy.","detail":""}]"#
    );
}
