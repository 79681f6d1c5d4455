//! The derive's copy of the stock catalogue (`swr-errors-derive/src/stock.rs`, with which it
//! reports a re-declared stock code at the variant) lists exactly the codes and variant names of
//! `SwrCode`, the source of truth.

#[allow(dead_code)]
#[path = "../swr-errors-derive/src/stock.rs"]
mod stock;

use swr_errors::{SwrCode, SwrError};

#[test]
fn the_derive_knows_every_stock_code_by_its_variant() {
    let mut catalogue: Vec<(&str, String)> = SwrCode::ALL
        .iter()
        .map(|code| (code.code(), format!("{code:?}")))
        .collect();
    catalogue.sort();
    let derive: Vec<(&str, String)> = stock::STOCK_CODES
        .iter()
        .map(|(code, variant)| (*code, (*variant).to_owned()))
        .collect();
    assert_eq!(derive.len(), SwrCode::ALL.len());
    assert_eq!(derive, catalogue);
}

#[test]
fn the_derive_finds_each_stock_code_and_nothing_else() {
    for code in SwrCode::ALL {
        assert_eq!(
            stock::stock_variant(code.code()),
            Some(format!("{code:?}").as_str())
        );
    }
    for other in [
        "SVCSTG.SWR.4049999",
        "SVCSTG.S2I.4040010",
        "",
        "SVCSTG.SWR.404001",
    ] {
        assert_eq!(stock::stock_variant(other), None, "{other}");
    }
}
