//! Names a user may have in scope that the generated code must not pick up: std's types and
//! macros, and primitive types shadowed by user types.
#![allow(non_camel_case_types, dead_code, unused_macros)]

use swr_errors::{SwrCode, SwrError};

struct str;
struct u16;
struct u32;
struct usize;
struct Option;
struct Some;
struct Result;
struct String;
struct Cow;

macro_rules! format {
    ($($tokens:tt)*) => {
        compile_error!("the user's format! was called")
    };
}

#[derive(Debug, SwrError)]
pub enum Shadowed {
    /// Plain.
    #[swr(code = "SVCSTG.SHADOW.4000001", status = 400)]
    Plain,
    #[swr(code = "SVCSTG.SHADOW.4000002", status = 400, message = "value {0}")]
    Value(i64),
    #[swr(transparent)]
    Stock(SwrCode),
}

fn main() {
    assert_eq!(Shadowed::Value(3).message(), "value 3");
    assert!(matches!(Shadowed::from_code("SVCSTG.SHADOW.4000001"), ::core::option::Option::Some(Shadowed::Plain)));
}
