use swr_errors::SwrError;

#[derive(Debug, SwrError)]
enum RegistryError {
    #[swr(code = "SVCSTG.MYSVC.4130001", status = 413, message = "Layer of {size:>8} bytes, limit {limit:#x}")]
    TooLarge { size: u64, limit: u32 },

    #[swr(code = "SVCSTG.MYSVC.4000002", status = 400, message = "Bad digest {0:?}, {1:.3} done, {{literal}}")]
    BadDigest(String, f64),

    /// Braces in a doc comment are prose: {not} a placeholder.
    #[swr(code = "SVCSTG.MYSVC.4000003", status = 400)]
    Prose,
}

fn main() {
    let err = RegistryError::TooLarge { size: 42, limit: 255 };
    assert_eq!(err.message(), "Layer of       42 bytes, limit 0xff");
    assert_eq!(err.to_string(), err.message());

    let err = RegistryError::BadDigest("sha256:ab".into(), 0.5);
    assert_eq!(err.message(), "Bad digest \"sha256:ab\", 0.500 done, {literal}");
    assert_eq!(err.to_string(), err.message());

    assert_eq!(RegistryError::Prose.message(), "Braces in a doc comment are prose: {not} a placeholder.");
}
