//! Writing the body of a unit variant into a reused buffer allocates nothing, and neither do
//! `code()`, `status()`, `message()` or the lookup by code. Counted with a global allocator,
//! in its own test binary.

use swr_errors::{SwrCode, SwrError};

#[path = "support/counting_alloc.rs"]
mod counting_alloc;

use counting_alloc::allocations_during;

#[test]
fn hot_paths_of_the_catalogue_do_not_allocate() {
    let mut buffer = String::with_capacity(4096);
    let count = allocations_during(|| {
        for code in SwrCode::ALL {
            buffer.clear();
            code.write_json(&mut buffer);
            assert!(!code.code().is_empty());
            assert!(code.status() >= 400);
            assert!(!code.message().is_empty());
            assert_eq!(SwrCode::from_code(code.code()), Some(*code));
        }
        assert_eq!(SwrCode::from_code("SVCSTG.SWR.4049999"), None);
    });
    assert_eq!(count, 0);
    // The counter does count: a fresh buffer allocates.
    assert!(allocations_during(|| drop(SwrCode::ImageNotFound.to_json())) > 0);
}
