//! Writing the body of a unit variant into a reused buffer allocates nothing, and neither do
//! `code()`, `status()`, `message()` or the lookup by code. Counted with a global allocator,
//! in its own test binary.

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;

use swr_errors::{SwrCode, SwrError};

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
