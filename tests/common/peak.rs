//! A global allocator that tracks the live heap bytes allocated on the
//! threads that ask for it, and their peak: for tests that check memory
//! stays bounded. Only the tracked thread counts, since the test harness's
//! threads allocate too.
//!
//! A global allocator cannot be written without `unsafe`; the test files
//! that include this module allow it for this and nothing else.

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;
use std::sync::atomic::{AtomicIsize, Ordering};

struct Peak;

static LIVE: AtomicIsize = AtomicIsize::new(0);
static PEAK: AtomicIsize = AtomicIsize::new(0);

/// Whether every thread counts (for work spread over a thread pool).
static ALL: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

thread_local! {
    static TRACKED: Cell<bool> = const { Cell::new(false) };
}

fn track(delta: isize) {
    if ALL.load(Ordering::Relaxed) || TRACKED.with(Cell::get) {
        let live = LIVE.fetch_add(delta, Ordering::Relaxed) + delta;
        PEAK.fetch_max(live, Ordering::Relaxed);
    }
}

// SAFETY: forwards every call to the system allocator unchanged, only
// counting bytes on the way.
unsafe impl GlobalAlloc for Peak {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        track(layout.size() as isize);
        // SAFETY: the caller's contract for `alloc` is passed on as is.
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        track(-(layout.size() as isize));
        // SAFETY: `ptr` came from `System.alloc` with this layout.
        unsafe { System.dealloc(ptr, layout) }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        track(new_size as isize - layout.size() as isize);
        // SAFETY: the caller's contract for `realloc` is passed on as is.
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static GLOBAL: Peak = Peak;

/// The peak heap growth, in bytes, on this thread while `f` runs.
pub fn peak_growth<T>(f: impl FnOnce() -> T) -> (T, isize) {
    TRACKED.with(|t| t.set(true));
    let base = LIVE.load(Ordering::Relaxed);
    PEAK.store(base, Ordering::Relaxed);
    let out = f();
    TRACKED.with(|t| t.set(false));
    (out, PEAK.load(Ordering::Relaxed) - base)
}

/// The peak heap growth, in bytes, on every thread while `f` runs (the
/// test's other threads must be idle: one test function per file).
#[allow(dead_code)] // not every test that includes this module uses it
pub fn peak_growth_all_threads<T>(f: impl FnOnce() -> T) -> (T, isize) {
    let base = LIVE.load(Ordering::Relaxed);
    PEAK.store(base, Ordering::Relaxed);
    ALL.store(true, Ordering::Relaxed);
    let out = f();
    ALL.store(false, Ordering::Relaxed);
    (out, PEAK.load(Ordering::Relaxed) - base)
}
