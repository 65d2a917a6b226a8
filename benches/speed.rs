//! Speed of wirediff next to named peers, measured in the same run
//! ([divan](https://docs.rs/divan)).
//!
//! `cargo bench --bench speed` prints one tree, grouped by task and corpus
//! so that each wirediff figure stands next to its peers:
//!
//! - `segment::<corpus>`: `wirediff::text::segment` against `sentencex`
//!   (Wikimedia's segmenter, English rules) and plain UAX #29 sentence
//!   bounds (`unicode-segmentation`, the base wirediff builds on);
//! - `cluster::<corpus>`: `wirediff::analyze` without diffs against a brute
//!   force that scores every pair of sentences of different articles with
//!   wirediff's own score and no index (5 seeds and 100 articles only: it
//!   takes about 20 s on 100);
//! - `diff::seeds_002_003`: `wirediff::diff_texts` against `similar`'s line
//!   and word diffs of the whole texts;
//! - `analyze::seeds_5`: the whole analysis with all ten pairwise diffs.
//!
//! Corpora are the five seed articles and sets derived from them
//! deterministically (paragraphs sampled and words substituted, as outlets
//! rewrite), so runs compare. `cluster::corpus_1000` clusters the articles of
//! the directory named by `WIREDIFF_BENCH_CORPUS`, such as one written by
//! `node scripts/corpus.mjs --articles 1000 --seed 1 --out DIR`; without it
//! that benchmark is skipped. `cargo bench --bench speed -- FILTER` runs the
//! benchmarks whose path matches the regex FILTER (`-- cluster`,
//! `-- 'segment|diff'`); `cargo test --benches` runs each small one once.
//!
//! Native only: divan and sentencex are not dev-dependencies on wasm32.

#[path = "../tests/common/mod.rs"]
mod common;

/// The environment variable naming a generated corpus to cluster.
#[cfg(not(target_arch = "wasm32"))]
const CORPUS_VAR: &str = "WIREDIFF_BENCH_CORPUS";

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    let mut divan = divan::Divan::from_args();
    if std::env::var_os(CORPUS_VAR).is_none() {
        eprintln!(
            "cluster::corpus_1000 skipped: set {CORPUS_VAR}=DIR \
             (node scripts/corpus.mjs --articles 1000 --seed 1 --out DIR)"
        );
        divan = divan.skip_regex("corpus_1000");
    }
    // `cargo test --benches` (no `--bench` argument) runs every benchmark
    // once, unoptimised: leave out the large inputs there.
    if !std::env::args().any(|a| a == "--bench") {
        divan = divan.skip_regex("derived_100::brute_force|derived_300|derived_1000");
    }
    divan.main();
}

#[cfg(target_arch = "wasm32")]
fn main() {
    eprintln!("the benchmarks run natively only");
}

/// The corpora, generated on first use (outside the timed code).
#[cfg(not(target_arch = "wasm32"))]
mod corpus {
    use std::sync::LazyLock;

    use wirediff::Input;

    use crate::common;

    pub static SEEDS: LazyLock<Vec<Input>> = LazyLock::new(common::seeds);
    pub static DERIVED_100: LazyLock<Vec<Input>> = LazyLock::new(|| derived(&SEEDS, 100));
    pub static DERIVED_300: LazyLock<Vec<Input>> = LazyLock::new(|| derived(&SEEDS, 300));
    pub static DERIVED_1000: LazyLock<Vec<Input>> = LazyLock::new(|| derived(&SEEDS, 1000));
    pub static CORPUS_1000: LazyLock<Vec<Input>> = LazyLock::new(|| {
        let dir = std::env::var_os(crate::CORPUS_VAR).expect("WIREDIFF_BENCH_CORPUS");
        let dir = std::path::PathBuf::from(dir);
        let articles = common::articles(&dir);
        assert!(!articles.is_empty(), "no *.txt in {}", dir.display());
        articles
    });

    /// Total length of the texts, for the throughput column.
    pub fn bytes(set: &[Input]) -> usize {
        set.iter().map(|i| i.text.len()).sum()
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
                        let mut w: Vec<&str> =
                            paragraphs[next(paragraphs.len())].split(' ').collect();
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
}

/// Sentence segmentation: wirediff, sentencex (en) and UAX #29 sentence
/// bounds over every article of a corpus; throughput in bytes of text.
#[cfg(not(target_arch = "wasm32"))]
mod segment {
    macro_rules! group {
        ($name:ident, $set:path) => {
            #[divan::bench_group(max_time = 1)]
            mod $name {
                use divan::Bencher;
                use divan::counter::BytesCount;
                use unicode_segmentation::UnicodeSegmentation;

                use crate::corpus;

                #[divan::bench]
                fn wirediff(bencher: Bencher) {
                    let set = &*$set;
                    bencher
                        .counter(BytesCount::new(corpus::bytes(set)))
                        .bench(|| {
                            set.iter()
                                .map(|i| wirediff::text::segment(&i.text).sentences.len())
                                .sum::<usize>()
                        });
                }

                #[divan::bench]
                fn sentencex(bencher: Bencher) {
                    let set = &*$set;
                    bencher
                        .counter(BytesCount::new(corpus::bytes(set)))
                        .bench(|| {
                            set.iter()
                                .map(|i| sentencex::segment("en", &i.text).len())
                                .sum::<usize>()
                        });
                }

                #[divan::bench]
                fn uax29(bencher: Bencher) {
                    let set = &*$set;
                    bencher
                        .counter(BytesCount::new(corpus::bytes(set)))
                        .bench(|| {
                            set.iter()
                                .map(|i| i.text.split_sentence_bounds().count())
                                .sum::<usize>()
                        });
                }
            }
        };
    }

    group!(seeds_5, corpus::SEEDS);
    group!(derived_100, corpus::DERIVED_100);
}

/// Clustering: `wirediff::analyze` without diffs, against scoring every pair
/// of sentences from different articles with wirediff's own score.
#[cfg(not(target_arch = "wasm32"))]
mod cluster {
    use divan::Bencher;
    use wirediff::{Input, Options};

    use crate::corpus;

    fn no_diffs() -> Options {
        Options {
            diffs: false,
            ..Options::default()
        }
    }

    fn wirediff(bencher: Bencher, set: &[Input]) {
        let options = no_diffs();
        bencher.bench(|| wirediff::analyze(set, &options).unwrap().clusters.len());
    }

    /// The peer: every pair of sentences (of at least `MIN_WORDS` words)
    /// from different articles scored, no index; counts the links.
    fn brute_force(bencher: Bencher, set: &[Input]) {
        let threshold = no_diffs().threshold;
        bencher.bench(|| {
            let sentences: Vec<(usize, Vec<wirediff::text::Token>)> = set
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
        });
    }

    // Each sample is one analysis (`sample_size = 1`): they take
    // milliseconds to seconds. `max_time` bounds each benchmark's samples
    // (at least one is taken).
    #[divan::bench_group(sample_size = 1, max_time = 2)]
    mod seeds_5 {
        use super::*;

        #[divan::bench(name = "wirediff")]
        fn indexed(bencher: Bencher) {
            wirediff(bencher, &corpus::SEEDS);
        }

        #[divan::bench(name = "brute_force")]
        fn all_pairs(bencher: Bencher) {
            brute_force(bencher, &corpus::SEEDS);
        }
    }

    #[divan::bench_group(sample_size = 1)]
    mod derived_100 {
        use super::*;

        #[divan::bench(name = "wirediff", max_time = 4)]
        fn indexed(bencher: Bencher) {
            wirediff(bencher, &corpus::DERIVED_100);
        }

        /// About 20 s a run: three samples.
        #[divan::bench(name = "brute_force", sample_count = 3)]
        fn all_pairs(bencher: Bencher) {
            brute_force(bencher, &corpus::DERIVED_100);
        }
    }

    #[divan::bench_group(sample_size = 1, max_time = 10)]
    mod derived_300 {
        use super::*;

        #[divan::bench(name = "wirediff")]
        fn indexed(bencher: Bencher) {
            wirediff(bencher, &corpus::DERIVED_300);
        }
    }

    /// About 20 s a run (each seed paragraph has some 170 close copies), so
    /// ignored by default: `cargo bench --bench speed -- --ignored`.
    #[divan::bench_group(sample_size = 1, max_time = 10)]
    mod derived_1000 {
        use super::*;

        #[divan::bench(name = "wirediff", ignore)]
        fn indexed(bencher: Bencher) {
            wirediff(bencher, &corpus::DERIVED_1000);
        }
    }

    /// The articles of `$WIREDIFF_BENCH_CORPUS` (skipped without it).
    #[divan::bench_group(sample_size = 1, max_time = 5)]
    mod corpus_1000 {
        use super::*;

        #[divan::bench(name = "wirediff")]
        fn indexed(bencher: Bencher) {
            wirediff(bencher, &corpus::CORPUS_1000);
        }
    }
}

/// Paragraph diff of two seed articles against `similar`'s line diff and
/// word diff of the whole texts.
#[cfg(not(target_arch = "wasm32"))]
mod diff {
    #[divan::bench_group(max_time = 1)]
    mod seeds_002_003 {
        use divan::Bencher;
        use wirediff::Options;

        use crate::corpus;

        fn pair() -> (&'static str, &'static str) {
            (&corpus::SEEDS[2].text, &corpus::SEEDS[3].text)
        }

        /// Paragraphs, then words inside changed paragraphs, and pairing.
        #[divan::bench]
        fn wirediff(bencher: Bencher) {
            let (a, b) = pair();
            let options = Options::default();
            bencher.bench(|| wirediff::diff_texts(a, b, &options).ops.len());
        }

        #[divan::bench]
        fn similar_lines(bencher: Bencher) {
            let (a, b) = pair();
            bencher.bench(|| similar::TextDiff::from_lines(a, b).ops().len());
        }

        #[divan::bench]
        fn similar_words(bencher: Bencher) {
            let (a, b) = pair();
            bencher.bench(|| similar::TextDiff::from_words(a, b).ops().len());
        }
    }
}

/// The whole analysis of the seeds, all ten pairwise diffs included.
#[cfg(not(target_arch = "wasm32"))]
mod analyze {
    use divan::Bencher;
    use wirediff::Options;

    use crate::corpus;

    #[divan::bench(sample_size = 1, max_time = 2)]
    fn seeds_5(bencher: Bencher) {
        let options = Options::default();
        bencher.bench(|| {
            wirediff::analyze(&corpus::SEEDS, &options)
                .unwrap()
                .diffs
                .len()
        });
    }
}
