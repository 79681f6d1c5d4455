use swr_errors::SwrError;

#[derive(Debug, SwrError)]
enum RegistryError {
    #[swr(code = "SVCSTG.MYSVC.4000001", status = 400, message = "Invalid {type} `{match}` in {r#ref}")]
    BadRef {
        r#type: String,
        r#match: String,
        #[swr(detail)]
        r#ref: String,
    },
}

fn main() {
    let err = RegistryError::BadRef { r#type: "tag".into(), r#match: "v*".into(), r#ref: "nginx".into() };
    assert_eq!(err.message(), "Invalid tag `v*` in nginx");
    assert_eq!(err.to_string(), "Invalid tag `v*` in nginx");
    assert_eq!(err.detail().as_deref(), Some("nginx"));
}
