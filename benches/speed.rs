//! Speed of wirediff next to named peers, measured in the same run.
//!
//! `cargo bench --bench speed` prints one table: sentence segmentation
//! against `sentencex` (Wikimedia's segmenter) and plain UAX #29
//! (`unicode-segmentation`, the base wirediff builds on); clustering against
//! a brute-force all-pairs search with the same score; paragraph diffs
//! against `similar`'s line and word diffs. Corpora are the five seed
//! articles and larger sets derived from them deterministically (paragraphs
//! sampled and words substituted, as outlets rewrite), so runs compare.

#[path = "../tests/common/mod.rs"]
mod common;

use std::hint::black_box;
use std::time::{Duration, Instant};

use unicode_segmentation::UnicodeSegmentation;
use wirediff::{Input, Options};

/// Median wall time of `f` over enough runs to fill about half a second.
fn time<R>(mut f: impl FnMut() -> R) -> Duration {
    let start = Instant::now();
    black_box(f());
    let once = start.elapsed().max(Duration::from_micros(1));
    let runs = (Duration::from_millis(500).as_nanos() / once.as_nanos()).clamp(3, 200) as usize;
    let mut samples: Vec<Duration> = (0..runs)
        .map(|_| {
            let t = Instant::now();
            black_box(f());
            t.elapsed()
        })
        .collect();
    samples.sort();
    samples[runs / 2]
}

/// `n` articles of 20 paragraphs sampled from the seeds, one word in ten
/// replaced by another seed word, with a fixed pseudo-random sequence.
fn derived(seeds: &[Input], n: usize) -> Vec<Input> {
    let paragraphs: Vec<&str> = seeds
        .iter()
        .flat_map(|s| s.text.lines())
        .filter(|l| !l.trim().is_empty())
        .collect();
    let words: Vec<&str> = paragraphs.iter().flat_map(|p| p.split(' ')).collect();
    let mut state = 0x2545_f491_4f6c_dd1d_u64;
    let mut next = move |bound: usize| {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        (state % bound as u64) as usize
    };
    (0..n)
        .map(|i| {
            let body: Vec<String> = (0..20)
                .map(|_| {
                    let mut w: Vec<&str> = paragraphs[next(paragraphs.len())].split(' ').collect();
                    for _ in 0..w.len() / 10 {
                        let k = next(w.len());
                        w[k] = words[next(words.len())];
                    }
                    w.join(" ")
                })
                .collect();
            Input::new(format!("derived-{i}"), body.join("\n\n"))
        })
        .collect()
}

/// The peer for clustering: score every pair of sentences from different
/// articles with wirediff's own score, no index.
fn brute_force_links(inputs: &[Input], threshold: f64) -> usize {
    let sentences: Vec<(usize, Vec<wirediff::text::Token>)> = inputs
        .iter()
        .enumerate()
        .flat_map(|(a, i)| {
            wirediff::text::segment(&i.text)
                .sentences
                .into_iter()
                .map(move |(r, _)| (a, wirediff::text::tokens(&i.text, r)))
        })
        .filter(|(_, t)| t.len() >= wirediff::options::MIN_WORDS)
        .collect();
    let mut links = 0;
    for (k, (a, x)) in sentences.iter().enumerate() {
        for (b, y) in &sentences[k + 1..] {
            if a != b && wirediff::cluster::score(x, y).similarity >= threshold {
                links += 1;
            }
        }
    }
    links
}

fn row(task: &str, corpus: &str, who: &str, took: Duration, per: &str) {
    println!(
        "{task:<12} {corpus:<16} {who:<34} {:>10.3} ms  {per}",
        took.as_secs_f64() * 1e3
    );
}

fn main() {
    let seeds = common::seeds();
    let sets = [
        ("5 seeds", seeds.clone()),
        ("100 derived", derived(&seeds, 100)),
        ("300 derived", derived(&seeds, 300)),
    ];
    println!(
        "{:<12} {:<16} {:<34} {:>13}",
        "task", "corpus", "implementation", "median"
    );

    for (name, set) in &sets[..2] {
        let bytes: usize = set.iter().map(|i| i.text.len()).sum();
        let mbps = |d: Duration| format!("{:.1} MB/s", bytes as f64 / d.as_secs_f64() / 1e6);
        let t = time(|| {
            set.iter()
                .map(|i| wirediff::text::segment(&i.text).sentences.len())
                .sum::<usize>()
        });
        row("segment", name, "wirediff::text::segment", t, &mbps(t));
        // sentencex is a native-only dev-dependency (see Cargo.toml).
        #[cfg(not(target_arch = "wasm32"))]
        {
            let t = time(|| {
                set.iter()
                    .map(|i| sentencex::segment("en", &i.text).len())
                    .sum::<usize>()
            });
            row("segment", name, "sentencex 0.1 (en)", t, &mbps(t));
        }
        let t = time(|| {
            set.iter()
                .map(|i| i.text.split_sentence_bounds().count())
                .sum::<usize>()
        });
        row("segment", name, "unicode-segmentation UAX #29", t, &mbps(t));
    }

    let no_diffs = Options {
        diffs: false,
        ..Options::default()
    };
    for (name, set) in &sets {
        let t = time(|| wirediff::analyze(set, &no_diffs).unwrap().clusters.len());
        let found = wirediff::analyze(set, &no_diffs).unwrap();
        row(
            "cluster",
            name,
            "wirediff::analyze (no diffs)",
            t,
            &format!(
                "indexed: {} clusters, {} links",
                found.clusters.len(),
                found.links.len()
            ),
        );
        if set.len() <= 100 {
            let t = time(|| brute_force_links(set, no_diffs.threshold));
            row(
                "cluster",
                name,
                "brute force: score() on every pair",
                t,
                "no index",
            );
        }
    }

    let (a, b) = (&seeds[2].text, &seeds[3].text);
    let options = Options::default();
    let t = time(|| wirediff::diff_texts(a, b, &options).ops.len());
    row(
        "diff",
        "seeds 002/003",
        "wirediff::diff_texts",
        t,
        "paragraphs + pairing",
    );
    let t = time(|| {
        similar::TextDiff::from_lines(a.as_str(), b.as_str())
            .ops()
            .len()
    });
    row(
        "diff",
        "seeds 002/003",
        "similar TextDiff::from_lines",
        t,
        "lines only",
    );
    let t = time(|| {
        similar::TextDiff::from_words(a.as_str(), b.as_str())
            .ops()
            .len()
    });
    row(
        "diff",
        "seeds 002/003",
        "similar TextDiff::from_words",
        t,
        "whole-text words",
    );
    let all = Options::default();
    let t = time(|| wirediff::analyze(&seeds, &all).unwrap().diffs.len());
    row(
        "analyze",
        "5 seeds",
        "wirediff::analyze (all 10 diffs)",
        t,
        "end to end",
    );
}
