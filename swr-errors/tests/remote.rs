//! `RemoteError::from_response`: every body shape it reads, every body it must survive.

use serde_json::json;
use swr_errors::{BodyFormat, ErrorBody, ErrorEntry, RemoteError, RetryKind, SwrCode, SwrError};

const MAX_TEXT: usize = RemoteError::MAX_TEXT_LEN;

fn read(status: u16, body: impl AsRef<[u8]>) -> RemoteError {
    RemoteError::from_response(status, body.as_ref())
}

/// The dual body, written by hand from the catalogue's code and message: the top-level pair the
/// SDKs read, and the legacy entry under `errors`.
fn dual_json(code: &str, message: &str, detail: &str) -> String {
    json!({
        "error_code": code,
        "error_msg": message,
        "errors": [{ "errorCode": code, "errorMessage": message, "detail": detail }],
    })
    .to_string()
}

// ---------------------------------------------------------------------------------------------
// Round trips

/// `err` is what a server that answered with the stock `code` (and no detail) meant.
fn assert_reads_as(err: &RemoteError, code: SwrCode) {
    assert_eq!(err.status(), code.status(), "{code:?}");
    assert_eq!(err.code(), Some(code.code()), "{code:?}");
    assert_eq!(err.known(), Some(code), "{code:?}");
    assert_eq!(err.message(), code.message(), "{code:?}");
    assert_eq!(err.detail(), None, "{code:?}");
    assert_eq!(err.retry_kind(), code.retry_kind(), "{code:?}");
    assert_eq!(err.entries(), code.to_body().errors.as_slice(), "{code:?}");
}

#[test]
fn every_catalogue_code_round_trips_through_the_legacy_body() {
    assert_eq!(SwrCode::ALL.len(), 190);
    for &code in SwrCode::ALL {
        let err = read(code.status(), code.to_json());
        assert_reads_as(&err, code);
        assert_eq!(err.known_as::<SwrCode>(), Some(code), "{code:?}");
    }
}

#[test]
fn every_catalogue_code_round_trips_through_the_dual_body() {
    for &code in SwrCode::ALL {
        let err = read(code.status(), code.to_json_as(BodyFormat::Dual));
        assert_reads_as(&err, code);
        // Both formats read alike.
        assert_eq!(
            err,
            read(code.status(), code.to_json_as(BodyFormat::Legacy)),
            "{code:?}"
        );
    }
}

#[test]
fn every_catalogue_code_round_trips_through_a_hand_written_dual_body() {
    // The shape as an SDK-style server writes it, independently of `to_json_as`.
    for &code in SwrCode::ALL {
        let err = read(code.status(), dual_json(code.code(), &code.message(), ""));
        assert_reads_as(&err, code);
    }
}

#[derive(Debug, PartialEq, SwrError)]
enum ChartError {
    /// The chart does not exist.
    #[swr(code = "SVCSTG.CHARTS.4040001", status = 404)]
    ChartMissing,

    #[swr(code = "SVCSTG.CHARTS.4001003", status = 400, message = "Bad manifest")]
    BadManifest {
        #[swr(detail)]
        reason: String,
    },

    /// The chart store is busy.
    #[swr(code = "SVCSTG.CHARTS.5030002", status = 503, retry = "busy")]
    StoreBusy,

    #[swr(transparent)]
    Stock(SwrCode),
}

#[test]
fn a_service_enum_round_trips_with_its_detail() {
    let sent = ChartError::BadManifest {
        reason: "layer 3: \"size\" < 0\n".into(),
    };
    let err = read(400, sent.to_json());
    assert_eq!(err.code(), Some("SVCSTG.CHARTS.4001003"));
    assert_eq!(err.message(), "Bad manifest");
    assert_eq!(err.detail(), Some("layer 3: \"size\" < 0\n"));
    assert_eq!(err.known(), None);
    // Only variants without data come back from a code.
    assert_eq!(err.known_as::<ChartError>(), None);

    let err = read(404, ChartError::ChartMissing.to_json());
    assert_eq!(err.known_as::<ChartError>(), Some(ChartError::ChartMissing));
    let err = read(404, SwrCode::ImageNotFound.to_json());
    assert_eq!(
        err.known_as::<ChartError>(),
        Some(ChartError::Stock(SwrCode::ImageNotFound))
    );

    // The dual body carries the detail in its entry.
    let err = read(400, sent.to_json_as(BodyFormat::Dual));
    assert_eq!(err.code(), Some("SVCSTG.CHARTS.4001003"));
    assert_eq!(err.detail(), Some("layer 3: \"size\" < 0\n"));
    let err = read(
        400,
        dual_json("SVCSTG.CHARTS.4001003", "Bad manifest", "layer 3"),
    );
    assert_eq!(err.detail(), Some("layer 3"));
}

#[test]
fn a_service_code_takes_its_retry_kind_through_known_as_and_the_status_otherwise() {
    let err = read(503, ChartError::StoreBusy.to_json());
    assert_eq!(
        err.known_as::<ChartError>().and_then(|e| e.retry_kind()),
        Some(RetryKind::Busy)
    );
    assert_eq!(err.retry_kind(), Some(RetryKind::Busy)); // from the status: SwrCode does not know it
}

// ---------------------------------------------------------------------------------------------
// Shapes and key pairs

#[test]
fn each_sdk_key_pair_is_read() {
    for (code_key, message_key) in [
        ("error_code", "error_msg"),
        ("errorCode", "errorMsg"),
        ("code", "message"),
        ("errorCode", "errorMessage"),
    ] {
        let body = json!({ code_key: "SVCSTG.SWR.4040010", message_key: "gone", "detail": "d" });
        let err = read(404, body.to_string());
        assert_eq!(
            err.code(),
            Some("SVCSTG.SWR.4040010"),
            "{code_key}+{message_key}"
        );
        assert_eq!(
            err.known(),
            Some(SwrCode::ImageNotFound),
            "{code_key}+{message_key}"
        );
        assert_eq!(err.message(), "gone", "{code_key}+{message_key}");
        assert_eq!(err.detail(), Some("d"), "{code_key}+{message_key}");
        assert!(err.entries().is_empty());
    }
}

#[test]
fn pairs_are_tried_in_the_sdks_order() {
    let all = json!({
        "code": "C", "message": "from code",
        "errorCode": "B", "errorMsg": "from errorCode", "errorMessage": "from errorMessage",
        "error_code": "A", "error_msg": "from error_code",
    });
    let err = read(400, all.to_string());
    assert_eq!((err.code(), err.message()), (Some("A"), "from error_code"));

    let without_first = json!({
        "code": "C", "message": "from code",
        "errorCode": "B", "errorMsg": "from errorCode", "errorMessage": "from errorMessage",
    });
    let err = read(400, without_first.to_string());
    assert_eq!((err.code(), err.message()), (Some("B"), "from errorCode"));

    let code_before_error_message = json!({
        "code": "C", "message": "from code",
        "errorCode": "B", "errorMessage": "from errorMessage",
    });
    let err = read(400, code_before_error_message.to_string());
    assert_eq!((err.code(), err.message()), (Some("C"), "from code"));
}

#[test]
fn a_complete_pair_wins_over_an_earlier_incomplete_one() {
    // `error_code` has no `error_msg`: the SDKs skip the pair, and so do we.
    let body = json!({ "error_code": "A", "code": "C", "message": "from code" });
    let err = read(400, body.to_string());
    assert_eq!((err.code(), err.message()), (Some("C"), "from code"));

    let body = json!({ "error_code": "A", "error_msg": "", "code": "C", "message": "from code" });
    assert_eq!(read(400, body.to_string()).code(), Some("C"));
}

#[test]
fn without_a_complete_pair_the_first_code_and_the_first_message_are_taken() {
    let body = json!({ "errorCode": "B", "error_msg": "a message" });
    let err = read(400, body.to_string());
    assert_eq!((err.code(), err.message()), (Some("B"), "a message"));

    let body = json!({ "code": "C" });
    let err = read(400, body.to_string());
    assert_eq!((err.code(), err.message()), (Some("C"), ""));

    let body = json!({ "message": "Unauthorized" });
    let err = read(401, body.to_string());
    assert_eq!((err.code(), err.message()), (None, "Unauthorized"));
}

#[test]
fn numbers_are_codes_and_other_values_are_not() {
    let err = read(
        404,
        json!({ "code": 404, "message": "Not Found" }).to_string(),
    );
    assert_eq!(err.code(), Some("404"));
    assert_eq!(err.known(), None);
    assert_eq!(
        read(400, r#"{"code": -1.5, "message": "m"}"#).code(),
        Some("-1.5")
    );

    for value in [
        json!(null),
        json!(true),
        json!([]),
        json!(["SVCSTG.SWR.4040010"]),
        json!({}),
        json!(""),
    ] {
        let body = json!({ "error_code": value, "error_msg": "m" }).to_string();
        let err = read(400, &body);
        assert_eq!(err.code(), None, "{body}");
        assert_eq!(err.message(), "m", "{body}");
    }
    // A message that is not a string is no message.
    let err = read(400, json!({ "code": "C", "message": 12 }).to_string());
    assert_eq!((err.code(), err.message()), (Some("C"), ""));
}

#[test]
fn a_number_out_of_f64_range_costs_only_itself() {
    // Valid JSON (RFC 8259 bounds no exponent), which serde_json rejects whole.
    let huge = format!("1{}", "0".repeat(309));
    for elsewhere in ["1e400", "-1e400", "1E+999", huge.as_str()] {
        let body = format!(
            r#"{{"error_code":"APIGW.0101","error_msg":"The API does not exist.","elapsed":{elsewhere}}}"#
        );
        let err = read(404, &body);
        assert_eq!(err.code(), Some("APIGW.0101"), "{body}");
        assert_eq!(err.message(), "The API does not exist.", "{body}");
        let body = format!(
            r#"[{{"errorCode":"SVCSTG.SWR.4040010","errorMessage":"gone","detail":"d","n":[{elsewhere}]}}]"#
        );
        assert_eq!(
            read(404, &body).known(),
            Some(SwrCode::ImageNotFound),
            "{body}"
        );
    }
    // As the code itself: the code as written, serde_json having no way to write it.
    for (body, code) in [
        (
            r#"{"error_code":1e400,"error_msg":"m"}"#.to_owned(),
            "1e400",
        ),
        (r#"{"code": -1E+400, "message": "m"}"#.to_owned(), "-1E+400"),
        (
            r#"{"error\u005fcode":1e400,"error_msg":"m"}"#.to_owned(),
            "1e400",
        ),
        (
            r#"{"error":{"code":1e400,"message":"m"}}"#.to_owned(),
            "1e400",
        ),
        (
            r#"[{"errorCode":1e400,"errorMessage":"m"}]"#.to_owned(),
            "1e400",
        ),
        (format!(r#"{{"code":{huge},"message":"m"}}"#), huge.as_str()),
    ] {
        let err = read(400, &body);
        assert_eq!(err.code(), Some(code), "{body}");
        assert_eq!(err.message(), "m", "{body}");
    }
    // Anywhere else it reads as a number does: no message, no detail.
    let err = read(400, r#"{"code":"C","message":1e400,"detail":-1e400}"#);
    assert_eq!(
        (err.code(), err.message(), err.detail()),
        (Some("C"), "", None)
    );
    // Within range, a number is read as before: 1e-400 is 0.0.
    assert_eq!(
        read(400, r#"{"code":1e308,"message":"m"}"#).code(),
        Some("1e+308")
    );
    assert_eq!(
        read(400, r#"{"code":1e-400,"message":"m"}"#).code(),
        Some("0.0")
    );
    // A token that is no JSON number leaves the body invalid: text.
    let body = r#"{"code":01e400,"message":"m"}"#;
    assert_eq!(
        (read(400, body).code(), read(400, body).message()),
        (None, body)
    );
}

#[test]
fn pairs_nested_one_level_are_read() {
    let body = json!({ "error": { "code": "SVCSTG.SWR.4090023", "message": "The system is busy.", "request_id": "r" } });
    let err = read(409, body.to_string());
    assert_eq!(err.known(), Some(SwrCode::SystemBusy));
    assert_eq!(err.message(), "The system is busy.");
    assert_eq!(err.request_id(), Some("r"));
    assert_eq!(err.retry_kind(), Some(RetryKind::Busy));

    // OpenStack style: the one member's name is the error's name.
    let body = json!({ "itemNotFound": { "code": 404, "message": "Image could not be found." } });
    let err = read(404, body.to_string());
    assert_eq!(
        (err.code(), err.message()),
        (Some("404"), "Image could not be found.")
    );

    // Two levels down is not read; neither is an unnamed member beside others.
    let body = json!({ "error": { "inner": { "code": "X", "message": "m" } } });
    assert_eq!(read(400, body.to_string()).code(), None);
    let body = json!({ "a": { "code": "X", "message": "m" }, "b": 1 });
    assert_eq!(read(400, body.to_string()).code(), None);
}

#[test]
fn a_top_level_code_wins_over_a_nested_one_which_wins_over_the_entries() {
    let body = json!({
        "error_code": "TOP", "error_msg": "top",
        "error": { "code": "NESTED", "message": "nested" },
        "errors": [{ "errorCode": "ENTRY", "errorMessage": "entry", "detail": "entry detail" }],
    });
    let err = read(400, body.to_string());
    assert_eq!(
        (err.code(), err.message(), err.detail()),
        (Some("TOP"), "top", None)
    );
    assert_eq!(err.entries().len(), 1);

    let body = json!({
        "message": "top message only",
        "error": { "code": "NESTED" },
        "errors": [{ "errorCode": "ENTRY", "errorMessage": "entry" }],
    });
    let err = read(400, body.to_string());
    assert_eq!(
        (err.code(), err.message()),
        (Some("NESTED"), "top message only")
    );

    let body =
        json!({ "errors": [{ "errorCode": "ENTRY", "errorMessage": "entry", "detail": "why" }] });
    let err = read(400, body.to_string());
    assert_eq!(
        (err.code(), err.message(), err.detail()),
        (Some("ENTRY"), "entry", Some("why"))
    );
}

#[test]
fn the_legacy_array_keeps_every_entry() {
    let body = json!([
        { "errorCode": "SVCSTG.SWR.4001001", "errorMessage": "first", "detail": "" },
        "not an entry",
        { "unrelated": true },
        { "errorCode": "SVCSTG.SWR.4001002", "errorMessage": "second", "detail": "tag v?" },
        { "errorMessage": "third, without a code" },
    ]);
    let err = read(400, body.to_string());
    assert_eq!(err.code(), Some("SVCSTG.SWR.4001001"));
    assert_eq!(err.message(), "first");
    assert_eq!(err.detail(), None);
    assert_eq!(
        err.entries(),
        [
            ErrorEntry {
                error_code: "SVCSTG.SWR.4001001".into(),
                error_message: "first".into(),
                detail: "".into()
            },
            ErrorEntry {
                error_code: "SVCSTG.SWR.4001002".into(),
                error_message: "second".into(),
                detail: "tag v?".into()
            },
            ErrorEntry {
                error_code: "".into(),
                error_message: "third, without a code".into(),
                detail: "".into()
            },
        ]
    );

    // An array with no entry is not an error body.
    let err = read(400, "[1, 2, {}]");
    assert_eq!((err.code(), err.message()), (None, "[1, 2, {}]"));
    assert_eq!(read(400, "[]").message(), "[]");
}

#[test]
fn unknown_and_gateway_codes_are_kept() {
    let body = r#"{"error_msg":"The API does not exist or has not been published in the environment","error_code":"APIGW.0101","request_id":"b2a6e9f3c0e94a3f"}"#;
    let err = read(404, body);
    assert_eq!(err.code(), Some("APIGW.0101"));
    assert_eq!(err.known(), None);
    assert_eq!(err.known_as::<ChartError>(), None);
    assert_eq!(
        err.message(),
        "The API does not exist or has not been published in the environment"
    );
    assert_eq!(err.request_id(), Some("b2a6e9f3c0e94a3f"));
    assert_eq!(err.retry_kind(), None);

    let err = read(
        404,
        r#"[{"errorCode":"SVCSTG.SWR.4049999","errorMessage":"new","detail":""}]"#,
    );
    assert_eq!(
        (err.code(), err.known()),
        (Some("SVCSTG.SWR.4049999"), None)
    );
    // The service prefix counts.
    assert_eq!(
        read(404, r#"{"code":"SVCSTG.S2I.4040010","message":"m"}"#).known(),
        None
    );
}

#[test]
fn a_json_string_body_is_the_message_and_other_scalars_are_text() {
    assert_eq!(read(502, r#""Bad gateway""#).message(), "Bad gateway");
    assert_eq!(read(502, r#""""#).message(), r#""""#);
    assert_eq!(read(500, "42").message(), "42");
    assert_eq!(read(500, "null").message(), "null");
}

#[test]
fn a_byte_order_mark_and_surrounding_whitespace_are_skipped() {
    let body = format!("\u{feff} \r\n{}\n", SwrCode::ImageNotFound.to_json());
    assert_eq!(read(404, body).known(), Some(SwrCode::ImageNotFound));
}

// ---------------------------------------------------------------------------------------------
// Bodies that are not error bodies

#[test]
fn an_html_502_page_is_the_message() {
    let page = "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n";
    let err = read(502, page);
    assert_eq!(err.status(), 502);
    assert_eq!(err.code(), None);
    assert_eq!(err.known(), None);
    assert_eq!(err.message(), page.trim());
    assert_eq!(err.retry_kind(), Some(RetryKind::ServerError));
    assert_eq!(err.entries(), []);
    let shown = err.to_string();
    assert!(
        shown.starts_with(r"HTTP 502: <html>\r\n<head><title>502 Bad Gateway</title>"),
        "{shown}"
    );
    assert!(!shown.contains('\n'));
}

#[test]
fn a_text_body_s_unicode_whitespace_is_trimmed_before_it_is_cut() {
    // 1,200 bytes of ideographic spaces (U+3000), more than MAX_TEXT_LEN, before the text.
    let body = format!("{}Bad Gateway\u{3000}\r\n", "\u{3000}".repeat(400));
    assert!(body.len() > MAX_TEXT);
    assert_eq!(read(502, &body).message(), "Bad Gateway");
    // No-break spaces, em spaces, vertical tabs: whitespace to `str::trim`, so here too.
    let body = format!("{}Bad Gateway", "\u{a0}\u{2003}\x0b".repeat(300));
    assert_eq!(read(502, &body).message(), "Bad Gateway");
    // Then the cut, of what follows the whitespace.
    let body = format!("{}{}", "\u{a0}".repeat(MAX_TEXT), "é".repeat(MAX_TEXT));
    assert_eq!(read(502, &body).message(), "é".repeat(MAX_TEXT / 2));
}

#[test]
fn truncated_json_is_text() {
    let whole = SwrCode::ImageNotFound.to_json();
    for end in 1..whole.len() {
        let err = read(404, &whole[..end]);
        assert_eq!(err.code(), None, "{}", &whole[..end]);
        assert_eq!(err.message(), whole[..end].trim(), "{}", &whole[..end]);
    }
}

#[test]
fn invalid_utf8_is_read_lossily() {
    let err = read(500, b"\xff\xfeerror\x80");
    assert_eq!(err.message(), "\u{fffd}\u{fffd}error\u{fffd}");

    // Invalid UTF-8 inside a string costs only itself: the code is kept.
    let body =
        b"[{\"errorCode\":\"SVCSTG.SWR.4040010\",\"errorMessage\":\"bad \xff\",\"detail\":\"\"}]";
    let err = read(404, body);
    assert_eq!(err.known(), Some(SwrCode::ImageNotFound));
    assert_eq!(err.message(), "bad \u{fffd}");

    // Outside a string it leaves the JSON invalid: the body is text.
    let body = b"[{\"errorCode\":\"SVCSTG.SWR.4040010\"\xff}]";
    let err = read(404, body);
    assert_eq!(err.code(), None);
    assert_eq!(err.message(), String::from_utf8_lossy(body));
}

#[test]
fn an_empty_body_keeps_its_status() {
    for body in [&b""[..], b"   \r\n\t"] {
        let err = read(503, body);
        assert_eq!(err.status(), 503);
        assert_eq!(
            (err.code(), err.message(), err.detail(), err.request_id()),
            (None, "", None, None)
        );
        assert_eq!(err.to_string(), "HTTP 503");
        assert_eq!(err.retry_kind(), Some(RetryKind::Busy));
    }
}

#[test]
fn any_status_is_kept() {
    for status in [0, 200, 302, 404, 599, 999, u16::MAX] {
        assert_eq!(
            read(status, SwrCode::ImageNotFound.to_json()).status(),
            status
        );
        assert_eq!(read(status, "x").status(), status);
    }
}

// ---------------------------------------------------------------------------------------------
// Bounds

#[test]
fn a_body_over_the_json_limit_is_text_cut_to_the_text_limit() {
    // A valid legacy body of exactly MAX_JSON_LEN bytes is parsed...
    let frame = r#"[{"errorCode":"SVCSTG.SWR.4040010","errorMessage":"m","detail":""}]"#;
    let padding = RemoteError::MAX_JSON_LEN - frame.len();
    let fits = frame.replace(
        r#""detail":"""#,
        &format!(r#""detail":"{}""#, "d".repeat(padding)),
    );
    assert_eq!(fits.len(), RemoteError::MAX_JSON_LEN);
    let err = read(404, &fits);
    assert_eq!(err.known(), Some(SwrCode::ImageNotFound));
    assert_eq!(err.detail().map(str::len), Some(MAX_TEXT));

    // ...one byte more is not.
    let over = fits.replace(r#""detail":""#, r#""detail":"d"#);
    assert_eq!(over.len(), RemoteError::MAX_JSON_LEN + 1);
    let err = read(404, &over);
    assert_eq!(err.code(), None);
    assert_eq!(err.message(), &over[..MAX_TEXT]);

    // Leading and trailing whitespace do not count.
    let padded = format!("{}{fits}{}", " ".repeat(100_000), "\n".repeat(100_000));
    assert_eq!(read(404, padded).known(), Some(SwrCode::ImageNotFound));
}

#[test]
fn a_huge_body_costs_its_first_bytes() {
    let huge = vec![b'x'; 16 << 20];
    let err = read(500, &huge);
    assert_eq!(err.message().len(), MAX_TEXT);

    let mut huge_json = SwrCode::ImageNotFound.to_json().into_bytes();
    huge_json.resize(16 << 20, b' ');
    huge_json.push(b'x');
    let err = read(500, &huge_json);
    assert_eq!(err.code(), None);
    assert!(err
        .message()
        .starts_with(r#"[{"errorCode":"SVCSTG.SWR.4040010""#));
    assert!(err.message().len() <= MAX_TEXT);
}

#[test]
fn long_fields_are_cut_at_a_char_boundary() {
    let long = "é".repeat(MAX_TEXT); // 2 bytes a char
    let body = json!([{ "errorCode": long, "errorMessage": long, "detail": long }]);
    let err = read(400, body.to_string());
    for text in [err.code().unwrap(), err.message(), err.detail().unwrap()] {
        assert_eq!(text.len(), MAX_TEXT);
        assert_eq!(text, &long[..MAX_TEXT]);
    }
    let entry = &err.entries()[0];
    assert_eq!(entry.error_code.len(), MAX_TEXT);

    // Text: a 3-byte char split by the cut is dropped, not replaced.
    let text = format!("ab{}", "€".repeat(MAX_TEXT));
    assert!(!text.is_char_boundary(MAX_TEXT));
    let err = read(500, &text);
    assert_eq!(err.message(), &text[..2 + 3 * ((MAX_TEXT - 2) / 3)]);
    assert!(!err.message().contains('\u{fffd}'));

    let err = RemoteError::from_response(500, b"").with_request_id("r".repeat(5000));
    assert_eq!(err.request_id().map(str::len), Some(MAX_TEXT));
}

fn nested(open: &str, close: &str, depth: usize, inner: &str) -> String {
    format!("{}{inner}{}", open.repeat(depth), close.repeat(depth))
}

#[test]
fn two_hundred_thousand_nested_brackets_neither_overflow_nor_parse() {
    for (open, close) in [
        ("[", "]"),
        (r#"{"a":"#, "}"),
        (r#"{"error":"#, "}"),
        (r#"[{"a":"#, "}]"),
    ] {
        for body in [open.repeat(200_000), nested(open, close, 200_000, "1")] {
            let err = read(400, &body);
            assert_eq!(err.code(), None);
            assert_eq!(err.message(), &body[..MAX_TEXT]);
        }
    }
}

#[test]
fn serde_json_alone_also_stops_at_its_recursion_limit() {
    // The second line of defence, in this build: serde_json's default limit of 128.
    let deep = nested("[", "]", 200_000, "");
    let result = serde_json::from_str::<serde_json::Value>(&deep);
    assert!(result
        .unwrap_err()
        .to_string()
        .contains("recursion limit exceeded"));
}

#[test]
fn nesting_is_read_up_to_max_depth() {
    // `{"error":{...,"x":<n brackets>}}` nests n + 2 deep.
    let body = |n| {
        let inner = nested("[", "]", n, "");
        format!(r#"{{"error":{{"code":"X","message":"m","x":{inner}}}}}"#)
    };
    let max = RemoteError::MAX_DEPTH;
    assert_eq!(read(400, body(max - 2)).code(), Some("X"));
    assert_eq!(read(400, body(max - 1)).code(), None);
    // Brackets inside strings do not count.
    let quoted = format!(r#"{{"code":"X","message":"{}"}}"#, "[".repeat(10_000));
    assert_eq!(read(400, quoted).code(), Some("X"));
}

// ---------------------------------------------------------------------------------------------
// Display, Error, retry

#[test]
fn display_shows_status_code_and_message_on_one_line() {
    assert_eq!(
        read(404, SwrCode::ImageNotFound.to_json()).to_string(),
        "HTTP 404 SVCSTG.SWR.4040010: The image does not exist."
    );
    assert_eq!(read(500, "boom").to_string(), "HTTP 500: boom");
    assert_eq!(
        read(400, json!({ "code": "C" }).to_string()).to_string(),
        "HTTP 400 C"
    );
    let hostile = json!({ "code": "C\nX", "message": "line\r\nforged: \u{1b}[31mred\u{7f}" });
    assert_eq!(
        read(400, hostile.to_string()).to_string(),
        r"HTTP 400 C\nX: line\r\nforged: \u{1b}[31mred\u{7f}"
    );
}

#[test]
fn display_escapes_bidi_controls_and_invisible_characters() {
    let escaped = [
        '\u{061c}', '\u{200b}', '\u{200c}', '\u{200d}', '\u{200e}', '\u{200f}', '\u{2028}',
        '\u{2029}', '\u{202a}', '\u{202b}', '\u{202c}', '\u{202d}', '\u{202e}', '\u{2060}',
        '\u{2061}', '\u{2062}', '\u{2063}', '\u{2064}', '\u{2066}', '\u{2067}', '\u{2068}',
        '\u{2069}', '\u{feff}',
    ];
    for c in escaped {
        let body = json!([{ "errorCode": format!("C{c}D"), "errorMessage": format!("a{c}b") }]);
        let shown = read(400, body.to_string()).to_string();
        let hex = format!("\\u{{{:x}}}", u32::from(c));
        assert_eq!(
            shown,
            format!("HTTP 400 C{hex}D: a{hex}b"),
            "U+{:04X}",
            u32::from(c)
        );
        assert!(!shown.contains(c), "U+{:04X}", u32::from(c));
    }
    // A filename reversed by RIGHT-TO-LEFT OVERRIDE, an isolate hiding a forged suffix.
    let hostile = json!({
        "code": "SVCSTG.SWR.4040010\u{2066}",
        "message": "report\u{202e}fdp.exe\u{2069} ok\u{feff}\u{2028}forged: admin",
    });
    assert_eq!(
        read(404, hostile.to_string()).to_string(),
        r"HTTP 404 SVCSTG.SWR.4040010\u{2066}: report\u{202e}fdp.exe\u{2069} ok\u{feff}\u{2028}forged: admin"
    );
    // Their neighbours, other scripts, emoji and ordinary joiners in text stay as they are.
    let plain = "\u{200a}\u{2010}\u{2027}\u{202f}\u{2065}\u{206a} שלום مرحبا 😀 e\u{301}";
    let body = json!({ "code": "C", "message": plain });
    assert_eq!(
        read(400, body.to_string()).to_string(),
        format!("HTTP 400 C: {plain}")
    );
}

#[test]
fn it_is_a_std_error_that_is_send_and_sync() {
    fn assert_error<E: std::error::Error + Send + Sync + 'static>(_: &E) {}
    let err = read(500, "boom");
    assert_error(&err);
    let boxed: Box<dyn std::error::Error + Send + Sync> = Box::new(err);
    assert!(boxed.source().is_none());
    assert_eq!(boxed.to_string(), "HTTP 500: boom");
}

#[test]
fn retry_kind_comes_from_the_known_code_then_the_status() {
    let throttled = SwrCode::ALL
        .iter()
        .copied()
        .find(|c| c.retry_kind() == Some(RetryKind::Throttled))
        .unwrap();
    assert_eq!(
        read(403, throttled.to_json()).retry_kind(),
        Some(RetryKind::Throttled)
    );
    // A known code without a kind is not retried, whatever the status says.
    assert_eq!(
        read(503, SwrCode::ImageNotFound.to_json()).retry_kind(),
        None
    );
    // A known code with a kind keeps it under any status.
    assert_eq!(
        read(400, SwrCode::SystemBusy.to_json()).retry_kind(),
        Some(RetryKind::Busy)
    );

    for (status, kind) in [
        (429, Some(RetryKind::Throttled)),
        (503, Some(RetryKind::Busy)),
        (500, Some(RetryKind::ServerError)),
        (502, Some(RetryKind::ServerError)),
        (504, Some(RetryKind::ServerError)),
        (501, None),
        (505, None),
        (507, None),
        (400, None),
        (404, None),
        (408, None),
    ] {
        assert_eq!(read(status, "").retry_kind(), kind, "{status}");
        let unknown = json!({ "error_code": "APIGW.0308", "error_msg": "m" }).to_string();
        assert_eq!(read(status, unknown).retry_kind(), kind, "{status}");
    }
}

#[test]
fn with_request_id_replaces_and_an_empty_one_clears() {
    let body =
        json!({ "error_code": "APIGW.0101", "error_msg": "m", "request_id": "body" }).to_string();
    assert_eq!(read(404, &body).request_id(), Some("body"));
    assert_eq!(
        read(404, &body).with_request_id("header").request_id(),
        Some("header")
    );
    assert_eq!(read(404, &body).with_request_id("").request_id(), None);
}

#[test]
fn the_error_body_type_round_trips_with_many_entries() {
    let body = ErrorBody {
        errors: vec![
            ErrorEntry {
                error_code: "A.1".into(),
                error_message: "first \"quoted\"".into(),
                detail: "".into(),
            },
            ErrorEntry {
                error_code: "B.2".into(),
                error_message: "second\n".into(),
                detail: "d\u{0}".into(),
            },
        ],
    };
    let err = read(400, body.to_json());
    assert_eq!(err.entries(), body.errors.as_slice());
    assert_eq!(err.message(), "first \"quoted\"");
}

// ---------------------------------------------------------------------------------------------
// The OCI distribution envelope, and IAM's encoded denial

#[test]
fn the_oci_envelope_reads_its_code_message_and_structured_detail() {
    // As distribution 2.8.2 answers `GET /v2/nosuch/repo/manifests/latest`.
    let body = br#"{"errors":[{"code":"MANIFEST_UNKNOWN","message":"manifest unknown","detail":{"Tag":"latest"}}]}
"#;
    let err = read(404, body);
    assert_eq!(err.code(), Some("MANIFEST_UNKNOWN"));
    assert_eq!(err.message(), "manifest unknown");
    assert_eq!(err.detail(), Some(r#"{"Tag":"latest"}"#));
    assert_eq!(err.known(), None);
    assert_eq!(
        err.entries(),
        [ErrorEntry {
            error_code: "MANIFEST_UNKNOWN".into(),
            error_message: "manifest unknown".into(),
            detail: r#"{"Tag":"latest"}"#.into(),
        }]
    );
    assert_eq!(
        err.to_string(),
        "HTTP 404 MANIFEST_UNKNOWN: manifest unknown"
    );

    // A string detail (a blob's digest) is the string; an envelope without one has none.
    let digest = format!("sha256:{}", "0".repeat(64));
    let body = json!({ "errors": [{ "code": "BLOB_UNKNOWN", "message": "blob unknown to registry", "detail": digest }] });
    let err = read(404, body.to_string());
    assert_eq!(err.code(), Some("BLOB_UNKNOWN"));
    assert_eq!(err.detail(), Some(digest.as_str()));
    let body = br#"{"errors":[{"code":"UNSUPPORTED","message":"The operation is unsupported."}]}"#;
    let err = read(405, body);
    assert_eq!(
        (err.code(), err.message(), err.detail()),
        (Some("UNSUPPORTED"), "The operation is unsupported.", None)
    );

    // Nested details are compact JSON whatever the body's spacing; `null` is no detail.
    let body = br#"{ "errors" : [ { "code" : "DIGEST_INVALID", "message" : "provided digest did not match uploaded content",
        "detail" : { "Digest" : "sha256:ab", "Reason" : [ 1 , true , null ] } },
        { "code" : "NAME_UNKNOWN", "message" : "repository name not known to registry", "detail" : null } ] }"#;
    let err = read(400, body);
    assert_eq!(
        err.detail(),
        Some(r#"{"Digest":"sha256:ab","Reason":[1,true,null]}"#)
    );
    assert_eq!(err.entries().len(), 2);
    assert_eq!(err.entries()[1].detail, "");
}

#[test]
fn a_structured_detail_reads_alike_in_every_shape_and_is_cut_like_any_text() {
    for body in [
        json!([{ "errorCode": "C", "errorMessage": "m", "detail": ["a", 1] }]),
        json!({ "error_code": "C", "error_msg": "m", "detail": ["a", 1] }),
        json!({ "error": { "code": "C", "message": "m", "detail": ["a", 1] } }),
        json!({ "type": "about:blank", "title": "m", "status": 400, "code": "C", "detail": ["a", 1] }),
    ] {
        let err = read(400, body.to_string());
        assert_eq!(
            (err.code(), err.message(), err.detail()),
            (Some("C"), "m", Some(r#"["a",1]"#)),
            "{body}"
        );
    }
    // Scalars other than strings are no detail, as before.
    let err = read(400, br#"{"code":"C","message":"m","detail":404}"#);
    assert_eq!(err.detail(), None);
    let err = read(400, br#"{"code":"C","message":"m","detail":false}"#);
    assert_eq!(err.detail(), None);
    // A long structured detail is cut at MAX_TEXT_LEN, as a string detail is.
    let long = json!({ "errors": [{ "code": "C", "message": "m", "detail": { "Long": "é".repeat(MAX_TEXT) } }] });
    let detail = read(400, long.to_string()).detail().unwrap().to_owned();
    assert!(detail.len() <= MAX_TEXT && detail.len() > MAX_TEXT - 4);
    assert!(detail.starts_with(r#"{"Long":"é"#));
}

#[test]
fn an_encoded_authorization_message_is_kept_whole() {
    // IAM's encoded reason is long, and useful only whole.
    let encoded = "Qk1YbUF4R0ZQb2xpY3kgZGVueS".repeat(80);
    assert!(encoded.len() > MAX_TEXT);
    for body in [
        json!({ "error_code": "SWR.0403", "error_msg": "Forbidden.", "encoded_authorization_message": encoded }),
        json!({ "error": { "code": "SWR.0403", "message": "Forbidden.", "encoded_authorization_message": encoded } }),
    ] {
        let err = read(403, body.to_string());
        assert_eq!(err.code(), Some("SWR.0403"), "{body}");
        assert_eq!(err.message(), "Forbidden.");
        assert_eq!(err.encoded_authorization_message(), Some(encoded.as_str()));
    }
    // The top level wins over the nested object; an empty one, or another type, is none.
    let body = json!({ "encoded_authorization_message": "top", "error": { "code": "C", "encoded_authorization_message": "nested" } });
    assert_eq!(
        read(403, body.to_string()).encoded_authorization_message(),
        Some("top")
    );
    for value in [json!(""), json!(null), json!(7), json!({ "a": "b" })] {
        let body =
            json!({ "error_code": "C", "error_msg": "m", "encoded_authorization_message": value });
        assert_eq!(
            read(403, body.to_string()).encoded_authorization_message(),
            None,
            "{value}"
        );
    }
    // Other bodies carry none.
    assert_eq!(
        read(403, SwrCode::ImageNotFound.to_json()).encoded_authorization_message(),
        None
    );
    assert_eq!(read(403, "Forbidden").encoded_authorization_message(), None);
}
