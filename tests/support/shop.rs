//! The service enum the layer tests send through axum and actix-web: a unit-less variant with a
//! field in its message, one with a detail, and a 500 with a source, so that formats, details and
//! logged causes are all exercised. Each test binary uses the variants it needs.
#![allow(dead_code)]

use swr_errors::SwrError;

#[derive(Debug, SwrError)]
pub enum ShopError {
    #[swr(
        code = "SVCSTG.SHOP.4040001",
        status = 404,
        message = "Item {0} not found"
    )]
    ItemMissing(u32),

    #[swr(code = "SVCSTG.SHOP.4001002", status = 400, message = "Bad order")]
    BadOrder {
        #[swr(detail)]
        reason: String,
    },

    #[swr(code = "SVCSTG.SHOP.5001003", status = 500, message = "Storage failed")]
    Storage {
        #[swr(source)]
        cause: std::io::Error,
    },
}
