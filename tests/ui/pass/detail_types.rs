use std::borrow::Cow;
use std::fmt;

use swr_errors::SwrError;

#[derive(Debug)]
struct Position {
    line: u32,
    column: u32,
}

impl fmt::Display for Position {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {}, column {}", self.line, self.column)
    }
}

#[derive(Debug, SwrError)]
enum ManifestError<'a> {
    /// Owned text.
    #[swr(code = "SVCSTG.MYSVC.4000001", status = 400)]
    Owned(#[swr(detail)] String),
    /// Borrowed text.
    #[swr(code = "SVCSTG.MYSVC.4000002", status = 400)]
    Borrowed(#[swr(detail)] &'a str),
    /// Copy-on-write text.
    #[swr(code = "SVCSTG.MYSVC.4000003", status = 400)]
    Cow {
        #[swr(detail)]
        text: Cow<'a, str>,
    },
    /// Not text: formatted with Display.
    #[swr(code = "SVCSTG.MYSVC.4000004", status = 400)]
    At {
        #[swr(detail)]
        position: Position,
    },
    /// No detail at all.
    #[swr(code = "SVCSTG.MYSVC.4000005", status = 400)]
    Plain,
}

fn main() {
    let err = ManifestError::Owned("a \"quoted\"\nline".into());
    assert_eq!(err.detail().as_deref(), Some("a \"quoted\"\nline"));
    assert!(matches!(err.detail(), Some(Cow::Borrowed(_))));
    assert_eq!(
        err.to_json(),
        r#"[{"errorCode":"SVCSTG.MYSVC.4000001","errorMessage":"Owned text.","detail":"a \"quoted\"\nline"}]"#
    );

    let text = String::from("layer 3");
    assert_eq!(ManifestError::Borrowed(&text).detail().as_deref(), Some("layer 3"));
    assert!(matches!(ManifestError::Borrowed(&text).detail(), Some(Cow::Borrowed(_))));
    assert_eq!(ManifestError::Cow { text: Cow::Borrowed("c") }.detail().as_deref(), Some("c"));

    let err = ManifestError::At { position: Position { line: 3, column: 7 } };
    assert_eq!(err.detail().as_deref(), Some("line 3, column 7"));
    let value: serde_json::Value = serde_json::from_str(&err.to_json()).unwrap();
    assert_eq!(value[0]["detail"], "line 3, column 7");

    assert_eq!(ManifestError::Plain.detail(), None);
    assert_eq!(
        ManifestError::Plain.to_json(),
        r#"[{"errorCode":"SVCSTG.MYSVC.4000005","errorMessage":"No detail at all.","detail":""}]"#
    );
}
