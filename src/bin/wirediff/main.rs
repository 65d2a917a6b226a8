//! The `wirediff` command line: analyse, segment and diff article files.
//!
//! A thin shell around the library: it reads files (bounded, see
//! [`input`]), calls `wirediff`, prints JSON or a diff, and turns every
//! failure, running out of memory included ([`memory`]), into one line on
//! standard error and exit status 2.

// WebAssembly builds (the page's, and wasm32-wasip1 for the 32-bit tests)
// have no command line.
#[cfg(target_family = "wasm")]
fn main() {}

#[cfg(not(target_family = "wasm"))]
fn main() -> std::process::ExitCode {
    run::main()
}

/// Out of memory is a one-line error with exit status 2, not an abort.
#[cfg(unix)]
#[global_allocator]
static ALLOCATOR: memory::OneLineFailure = memory::OneLineFailure;

#[cfg(not(target_family = "wasm"))]
mod args;
#[cfg(not(target_family = "wasm"))]
mod eval_report;
#[cfg(not(target_family = "wasm"))]
mod input;
#[cfg(not(target_family = "wasm"))]
mod memory;
#[cfg(not(target_family = "wasm"))]
mod print;
#[cfg(not(target_family = "wasm"))]
mod run;

/// Exit status of every failure: bad input, bad options, out of memory
/// (clap uses it for bad arguments too).
pub const EXIT_FAILURE: u8 = 2;

#[cfg(not(target_family = "wasm"))]
/// A failure to report on one line before exiting with status 2.
pub struct Failure(String);

#[cfg(not(target_family = "wasm"))]
impl From<wirediff::Error> for Failure {
    fn from(e: wirediff::Error) -> Self {
        Failure(e.to_string())
    }
}
