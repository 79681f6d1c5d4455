//! Explains an SWR error code, or finds the codes whose message mentions a word.
//!
//! ```text
//! cargo run --example explain -- SVCSTG.SWR.4040010
//! cargo run --example explain -- tag
//! ```

use std::process::ExitCode;

use swr_errors::{SwrCode, SwrError};

fn main() -> ExitCode {
    let Some(query) = std::env::args().nth(1) else {
        eprintln!("usage: explain <CODE | WORD>   e.g. explain SVCSTG.SWR.4040010, or explain tag");
        return ExitCode::from(2);
    };
    if looks_like_code(&query) {
        explain(&query)
    } else {
        search(&query)
    }
}

/// Codes have dots and end in digits (`SVCSTG.SWR.4040010`, `APIGW.0101`); words do not.
fn looks_like_code(query: &str) -> bool {
    query.contains('.') && query.ends_with(|c: char| c.is_ascii_digit())
}

fn explain(query: &str) -> ExitCode {
    let code = match query.parse::<SwrCode>() {
        Ok(code) => code,
        Err(unknown) => {
            eprintln!("error: {unknown}: it is not in the SWR catalogue");
            return ExitCode::FAILURE;
        }
    };
    println!("variant:    SwrCode::{code:?}");
    println!("code:       {}", code.code());
    println!("status:     {}", code.status());
    println!("message:    {}", code.message());
    match code.retry_kind() {
        Some(kind) => println!("retry:      {kind:?}"),
        None => println!("retry:      no (the request must change first)"),
    }
    if added_after_seed(code) {
        println!("table:      added after the seed's table (the current published table has it)");
    }
    println!("body:       {}", code.to_json());
    ExitCode::SUCCESS
}

/// Whether `code` is one of the codes the current published table adds after the seed's 188.
fn added_after_seed(code: SwrCode) -> bool {
    SwrCode::ALL[SwrCode::ALL.len() - SwrCode::ADDED_AFTER_SEED..].contains(&code)
}

fn search(word: &str) -> ExitCode {
    let word = word.to_lowercase();
    let found: Vec<&SwrCode> = SwrCode::ALL
        .iter()
        .filter(|code| {
            code.message()
                .split(|c: char| !c.is_alphanumeric())
                .any(|token| token.to_lowercase() == word)
        })
        .collect();
    if found.is_empty() {
        eprintln!("error: no SWR error message mentions `{word}`");
        return ExitCode::FAILURE;
    }
    for code in found {
        println!(
            "{} {} {:<34} {}",
            code.code(),
            code.status(),
            format!("{code:?}"),
            code.message()
        );
    }
    ExitCode::SUCCESS
}
