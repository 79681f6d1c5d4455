//! The stock catalogue against the published tables: the seed's, transcribed in
//! `tests/data/catalogue.tsv`, then the rows the current table adds, in
//! `tests/data/catalogue_added.tsv`: every code, status and message, in order.

use std::collections::HashSet;

use swr_errors::{Catalogue, RetryKind, SwrCode, SwrError};

struct Row {
    code: String,
    status: u16,
    message: String,
}

/// The seed's 188 rows, in its order.
fn table() -> Vec<Row> {
    rows(include_str!("data/catalogue.tsv"))
}

/// The rows the current published table adds after the seed's.
fn added() -> Vec<Row> {
    rows(include_str!("data/catalogue_added.tsv"))
}

fn rows(text: &str) -> Vec<Row> {
    let mut lines = text.lines();
    assert_eq!(lines.next(), Some("code\tstatus\tmessage"));
    lines
        .map(|line| {
            let mut cells = line.split('\t');
            let (code, status, message) = (cells.next(), cells.next(), cells.next());
            assert!(cells.next().is_none(), "extra cell in {line:?}");
            Row {
                code: code.expect("code").to_owned(),
                status: status.expect("status").parse().expect("numeric status"),
                message: message.expect("message").to_owned(),
            }
        })
        .collect()
}

#[test]
fn the_seeds_188_rows_come_first_unchanged_then_the_added_ones() {
    let seed = table();
    let added = added();
    assert_eq!(seed.len(), 188);
    assert_eq!(added.len(), 2);
    assert_eq!(SwrCode::ADDED_AFTER_SEED, added.len());
    assert_eq!(SwrCode::ALL.len(), 190);
    let rows: Vec<&Row> = seed.iter().chain(&added).collect();
    assert_eq!(SwrCode::ALL.len(), rows.len());
    for (variant, row) in SwrCode::ALL.iter().zip(&rows) {
        assert_eq!(variant.code(), row.code, "{variant:?}");
        assert_eq!(variant.status(), row.status, "{variant:?}");
        assert_eq!(variant.message(), row.message, "{variant:?}");
    }
    assert_eq!(SwrCode::CODES.len(), rows.len());
    for (info, row) in SwrCode::CODES.iter().zip(&rows) {
        assert_eq!(
            (info.code, info.status, info.message),
            (row.code.as_str(), row.status, row.message.as_str())
        );
    }
}

#[test]
fn the_added_codes_are_documented_as_added_after_the_seed() {
    let source = include_str!("../src/catalogue/variants.rs");
    for row in added() {
        let at = source
            .find(&format!("`{}` · HTTP {}", row.code, row.status))
            .unwrap_or_else(|| panic!("{} is documented", row.code));
        let doc_end = source[at..].find("#[swr(").unwrap() + at;
        assert!(
            source[at..doc_end].contains("Added after the seed's table"),
            "{}",
            row.code
        );
    }
}

#[test]
fn every_code_is_found_by_its_string_and_only_by_it() {
    for variant in SwrCode::ALL {
        assert_eq!(SwrCode::from_code(variant.code()), Some(*variant));
        assert_eq!(variant.code().parse::<SwrCode>(), Ok(*variant));
        assert_eq!(SwrCode::try_from(variant.code()), Ok(*variant));
    }
    let names: HashSet<String> = SwrCode::ALL
        .iter()
        .map(|variant| format!("{variant:?}"))
        .collect();
    assert_eq!(names.len(), SwrCode::ALL.len(), "variant names are unique");
}

#[test]
fn the_odd_rows_are_exact() {
    // Another service's code in the SWR table.
    assert_eq!(
        SwrCode::from_code("SVCSTG.S2I.4019000").map(|c| c.status()),
        Some(401)
    );
    assert_eq!(SwrCode::from_code("SVCSTG.SWR.4019000"), None);
    assert_eq!(SwrCode::from_code("SVCSTG.S2I.4040010"), None);
    // Two codes that share their digits after the status.
    let (a, b) = (
        SwrCode::from_code("SVCSTG.SWR.4041056").unwrap(),
        SwrCode::from_code("SVCSTG.SWR.5001056").unwrap(),
    );
    assert_ne!(a, b);
    assert_eq!((a.status(), b.status()), (404, 500));
    // A 400 whose message reads like a server error.
    let odd = SwrCode::from_code("SVCSTG.SWR.4000045").unwrap();
    assert_eq!(odd.status(), 400);
    assert!(odd.message().starts_with("Internal server error"));
    assert_eq!(odd.retry_kind(), None);
}

#[test]
fn near_misses_and_foreign_codes_miss() {
    for miss in [
        "",
        "SVCSTG.SWR.",
        "SVCSTG.SWR.404001",
        "SVCSTG.SWR.40400100",
        "SVCSTG.SWR.4040011",
        "SVCSTG.SWR.4040000",
        "svcstg.swr.4040010",
        "SVCSTG.SWR.4040010 ",
        " SVCSTG.SWR.4040010",
        "SVCSTG.SWX.4040010",
        "APIGW.0101",
        "SVCSTG.SWR.404001٠",
    ] {
        assert_eq!(SwrCode::from_code(miss), None, "{miss:?}");
        let err = miss.parse::<SwrCode>().unwrap_err();
        assert_eq!(err.code(), miss);
    }
}

#[test]
fn retry_kinds_follow_the_documented_rule() {
    assert_eq!(
        SwrCode::from_code("SVCSTG.SWR.4090023")
            .unwrap()
            .retry_kind(),
        Some(RetryKind::Busy)
    );
    assert_eq!(
        SwrCode::from_code("SVCSTG.SWR.4031042")
            .unwrap()
            .retry_kind(),
        Some(RetryKind::Throttled)
    );
    assert_eq!(
        SwrCode::from_code("SVCSTG.SWR.4031032")
            .unwrap()
            .retry_kind(),
        Some(RetryKind::Throttled)
    );
    let not_retried = [
        "SVCSTG.SWR.5000017",
        "SVCSTG.SWR.5001002",
        "SVCSTG.SWR.5007019",
    ];
    for variant in SwrCode::ALL {
        let expected = match variant.code() {
            "SVCSTG.SWR.4090023" => Some(RetryKind::Busy),
            "SVCSTG.SWR.4031042" | "SVCSTG.SWR.4031032" => Some(RetryKind::Throttled),
            code if variant.status() == 500 && !not_retried.contains(&code) => {
                Some(RetryKind::ServerError)
            }
            _ => None,
        };
        assert_eq!(variant.retry_kind(), expected, "{variant:?}");
    }
}

#[test]
fn catalogue_messages_need_no_json_escaping() {
    for variant in SwrCode::ALL {
        let json = variant.to_json();
        let body: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert_eq!(body[0]["errorCode"], variant.code());
        assert_eq!(body[0]["errorMessage"], *variant.message());
        assert_eq!(body[0]["detail"], "");
        assert!(
            !variant.message().contains(['"', '\\'])
                && variant.message().chars().all(|c| !c.is_control())
        );
    }
}
