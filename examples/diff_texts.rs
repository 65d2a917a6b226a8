//! The page's diff view in one process: `wirediff::diff_texts` of two
//! files (pairing through the same sentences, not through an analysis),
//! printing its wall time, its ops and whether it stopped at the deadline.
//! For the pathological-input benchmark (`scripts/bench-hostile`):
//!   cargo run --release --example diff_texts -- OLD NEW

use std::time::Instant;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [old, new] = args.as_slice() else {
        eprintln!("usage: diff_texts OLD NEW");
        std::process::exit(2);
    };
    let read = |path: &str| {
        std::fs::read_to_string(path).unwrap_or_else(|e| {
            eprintln!("diff_texts: {path}: {e}");
            std::process::exit(2)
        })
    };
    let (a, b) = (read(old), read(new));
    let start = Instant::now();
    let diff = wirediff::diff_texts(&a, &b, &wirediff::Options::default());
    println!(
        "{:.1} ms, {} ops, timed_out {}",
        start.elapsed().as_secs_f64() * 1e3,
        diff.ops.len(),
        diff.timed_out
    );
}
