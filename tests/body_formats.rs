//! Both body formats over the whole catalogue, byte-identical to `serde_json`; and writing either
//! into a reused buffer allocates nothing for a static message. Allocations are counted with a
//! global allocator, so these tests have their own binary.

use swr_errors::{BodyFormat, DualErrorBody, ErrorBody, SwrCode, SwrError};

#[path = "support/counting_alloc.rs"]
mod counting_alloc;

use counting_alloc::allocations_during;

#[test]
fn every_code_in_both_formats_matches_serde_json() {
    for &code in SwrCode::ALL {
        let (c, m) = (code.code(), code.message());
        let dual = serde_json::to_string(&DualErrorBody::single(c, m.as_ref(), "")).unwrap();
        assert_eq!(code.to_json_as(BodyFormat::Dual), dual, "{code:?}");
        let legacy = serde_json::to_string(&ErrorBody::single(c, m, "")).unwrap();
        assert_eq!(code.to_json_as(BodyFormat::Legacy), legacy, "{code:?}");
        assert_eq!(
            code.to_json_as(BodyFormat::Legacy),
            code.to_json(),
            "{code:?}"
        );
    }
}

#[test]
fn writing_into_a_reused_buffer_allocates_nothing() {
    let mut out = String::with_capacity(4096);
    for format in [BodyFormat::Legacy, BodyFormat::Dual] {
        let count = allocations_during(|| {
            for &code in SwrCode::ALL {
                out.clear();
                code.write_json_as(format, &mut out);
            }
        });
        assert_eq!(count, 0, "{format:?}");
        assert!(!out.is_empty());
    }
}

#[test]
fn to_json_as_allocates_only_its_string() {
    // One allocation, sized up front, for the returned `String`; none for the message, which is
    // borrowed.
    for format in [BodyFormat::Legacy, BodyFormat::Dual] {
        for &code in SwrCode::ALL {
            let count = allocations_during(|| {
                let _ = code.to_json_as(format);
            });
            assert_eq!(count, 1, "{code:?} {format:?}");
        }
    }
}
