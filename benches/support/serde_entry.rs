//! What a user would serialize with serde instead of `swr-errors`: the same body entry, field for
//! field. Shared by the benches that compare against `serde_json`.

use serde::Serialize;

#[derive(Serialize)]
pub struct Entry<'a> {
    #[serde(rename = "errorCode")]
    pub error_code: &'a str,
    #[serde(rename = "errorMessage")]
    pub error_message: &'a str,
    pub detail: &'a str,
}
