//! UI tests of `#[derive(SwrError)]`: every compile-time check fails the build with the message
//! and span recorded in `tests/ui/fail/*.stderr`, and the supported shapes in `tests/ui/pass`
//! compile and behave.
//!
//! Regenerate the expected output after a deliberate change of a message with
//! `TRYBUILD=overwrite cargo test --test ui`, then read the diff.

#[test]
fn ui() {
    let cases = trybuild::TestCases::new();
    cases.compile_fail("ui/fail/*.rs");
    cases.pass("ui/pass/*.rs");
}
