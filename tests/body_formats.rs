//! Both body formats over the whole catalogue, byte-identical to `serde_json`; and writing either
//! into a reused buffer allocates nothing for a static message. Allocations are counted with a
//! global allocator, so these tests have their own binary.

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;

use swr_errors::{BodyFormat, DualErrorBody, ErrorBody, SwrCode, SwrError};

struct Counting;

thread_local! {
    static ALLOCATIONS: Cell<usize> = const { Cell::new(0) };
}

// SAFETY: every call is forwarded unchanged to the system allocator; the counter is a
// thread-local `Cell` that never allocates.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        ALLOCATIONS.with(|count| count.set(count.get() + 1));
        // SAFETY: forwarded with the caller's own layout.
        unsafe { System.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: `ptr` came from `System.alloc` with this layout.
        unsafe { System.dealloc(ptr, layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        ALLOCATIONS.with(|count| count.set(count.get() + 1));
        // SAFETY: forwarded unchanged.
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

fn allocations_during(work: impl FnOnce()) -> usize {
    let before = ALLOCATIONS.with(Cell::get);
    work();
    ALLOCATIONS.with(Cell::get) - before
}

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
