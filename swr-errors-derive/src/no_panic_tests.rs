//! The derive never panics: it runs over a corpus of malformed inputs and must answer each with
//! tokens (generated code or a `compile_error!`).
