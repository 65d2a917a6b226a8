//! Out of memory as an error: one line and exit status 2.
//!
//! Rust's default on a failed allocation is to print `memory allocation
//! of N bytes failed` and abort (SIGABRT, perhaps a core dump); the hook
//! that would change it (`std::alloc::set_alloc_error_hook`) is unstable.
//! So the global allocator itself reacts: [`OneLineFailure`] passes every
//! call to [`System`] and, when the system has no memory left, writes one
//! fixed line to standard error with `write(2)` and ends the process with
//! `_exit(2)`. An allocator must not unwind (panic), and that path does
//! not: it allocates nothing, takes no lock, and runs no destructor or
//! `atexit` handler that could allocate again. Buffered output is lost,
//! as it would be with an abort.
//!
//! [`try_reserve`] and [`try_reserve_exact`] mark their allocation as
//! fallible, so a failure there returns to the caller, which names what
//! it was reading. The mark is process-wide: the CLI runs on one thread.
//! (Were another thread to fail meanwhile, it would get std's abort.)

use std::alloc::{GlobalAlloc, Layout, System};
use std::collections::TryReserveError;
use std::sync::atomic::{AtomicBool, Ordering};

/// While set, a failed allocation returns null to its caller.
static FALLIBLE: AtomicBool = AtomicBool::new(false);

/// The system allocator, with a one-line error instead of an abort.
pub struct OneLineFailure;

// SAFETY: every call is passed to `System` with the same arguments;
// only a null result is acted on, and that path never returns.
unsafe impl GlobalAlloc for OneLineFailure {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        checked(unsafe { System.alloc(layout) }, layout.size())
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        checked(unsafe { System.alloc_zeroed(layout) }, layout.size())
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        checked(unsafe { System.realloc(ptr, layout, new_size) }, new_size)
    }
}

fn checked(ptr: *mut u8, size: usize) -> *mut u8 {
    if ptr.is_null() && !FALLIBLE.load(Ordering::Relaxed) {
        out_of_memory(size);
    }
    ptr
}

/// `Vec::try_reserve`, failing with an error rather than ending the process.
pub fn try_reserve(bytes: &mut Vec<u8>, additional: usize) -> Result<(), TryReserveError> {
    fallibly(|| bytes.try_reserve(additional))
}

/// `Vec::try_reserve_exact`, failing with an error rather than ending the process.
pub fn try_reserve_exact(bytes: &mut Vec<u8>, additional: usize) -> Result<(), TryReserveError> {
    fallibly(|| bytes.try_reserve_exact(additional))
}

fn fallibly<T>(f: impl FnOnce() -> T) -> T {
    FALLIBLE.store(true, Ordering::Relaxed);
    let result = f();
    FALLIBLE.store(false, Ordering::Relaxed);
    result
}

/// The line, built on the stack: `wirediff: error: out of memory …`.
#[cfg(unix)]
fn out_of_memory(size: usize) -> ! {
    let mut line = Line::default();
    line.push(b"wirediff: error: out of memory (an allocation of ");
    line.push_number(size);
    line.push(b" bytes failed): try fewer or smaller articles");
    line.push(b", or analyze --no-diffs\n");
    let mut rest = &line.bytes[..line.len];
    while !rest.is_empty() {
        // SAFETY: writes initialised bytes from a live stack buffer
        // to standard error; allocates nothing.
        let n = unsafe { libc::write(libc::STDERR_FILENO, rest.as_ptr().cast(), rest.len()) };
        if n <= 0 {
            break;
        }
        rest = &rest[n as usize..];
    }
    // SAFETY: `_exit` ends the process at once; it is safe to call
    // anywhere, in an allocator too (it is async-signal-safe).
    unsafe { libc::_exit(super::EXIT_FAILURE.into()) }
}

#[cfg(not(unix))]
fn out_of_memory(size: usize) -> ! {
    std::alloc::handle_alloc_error(Layout::from_size_align(size, 1).unwrap())
}

/// A fixed-size line, so that reporting needs no allocation.
struct Line {
    bytes: [u8; 192],
    len: usize,
}

impl Default for Line {
    fn default() -> Self {
        Line {
            bytes: [0; 192],
            len: 0,
        }
    }
}

impl Line {
    fn push(&mut self, text: &[u8]) {
        let n = text.len().min(self.bytes.len() - self.len);
        self.bytes[self.len..self.len + n].copy_from_slice(&text[..n]);
        self.len += n;
    }

    fn push_number(&mut self, mut n: usize) {
        let mut digits = [0u8; 20];
        let mut start = digits.len();
        loop {
            start -= 1;
            digits[start] = b'0' + (n % 10) as u8;
            n /= 10;
            if n == 0 {
                break;
            }
        }
        self.push(&digits[start..]);
    }
}
