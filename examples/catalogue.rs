//! Prints the stock catalogue as JSON or as a Markdown table with the columns of the published
//! SWR table (Status Code, Error Code, Description), so the two can be diffed: the seed's 188 rows
//! in order, then the codes the current table adds (`"added_after_seed": true` in the JSON).
//!
//! ```text
//! cargo run --example catalogue -- --format markdown
//! cargo run --example catalogue -- --format json
//! ```

use std::process::ExitCode;

use swr_errors::{SwrCode, SwrError};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let format = match args
        .iter()
        .map(String::as_str)
        .collect::<Vec<_>>()
        .as_slice()
    {
        [] => "markdown",
        ["--format", format] => format,
        _ => {
            eprintln!("usage: catalogue [--format json|markdown]");
            return ExitCode::from(2);
        }
    };
    match format {
        "markdown" => print!("{}", markdown()),
        "json" => println!("{}", json()),
        other => {
            eprintln!("error: unknown format `{other}`; use json or markdown");
            return ExitCode::from(2);
        }
    }
    ExitCode::SUCCESS
}

fn markdown() -> String {
    let mut out = String::from("| Status Code | Error Code | Description |\n|---|---|---|\n");
    for code in SwrCode::ALL {
        out.push_str(&format!(
            "| {} | {} | {} |\n",
            code.status(),
            code.code(),
            code.message()
        ));
    }
    out
}

fn json() -> String {
    let added_after_seed = &SwrCode::ALL[SwrCode::ALL.len() - SwrCode::ADDED_AFTER_SEED..];
    let rows: Vec<serde_json::Value> = SwrCode::ALL
        .iter()
        .map(|code| {
            serde_json::json!({
                "code": code.code(),
                "status": code.status(),
                "message": code.message(),
                "variant": format!("{code:?}"),
                "retry": code.retry_kind().map(|kind| format!("{kind:?}")),
                "added_after_seed": added_after_seed.contains(code),
            })
        })
        .collect();
    serde_json::to_string_pretty(&rows).unwrap_or_else(|err| format!("error: {err}"))
}
