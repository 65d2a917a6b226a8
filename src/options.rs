//! Every default of the engine, once. [`crate::Options::default`] reads
//! them, the CLI's `--help` shows them, and the page's controls start from
//! the same values (the WebAssembly module hands the defaults over).

/// Minimum word similarity (0..=1) for two sentences to be linked as
/// verbatim or near copies.
pub const THRESHOLD: f64 = 0.6;

/// The share of words alike (word similarity) from which a pair is a light
/// edit ("near") rather than a rewrite ("paraphrase"). A pair's kind comes
/// from its own two texts: the threshold only decides which pairs are
/// linked, never what a link is called.
pub const NEAR_KIND: f64 = 0.6;

/// Sentences with fewer normalised words than this are never clustered:
/// very short lines ("Related posts") are boilerplate, not shared reporting.
pub const MIN_WORDS: usize = 4;

/// Whether rewritten sentences (paraphrases) are linked too.
pub const PARAPHRASES: bool = true;

/// Minimum paraphrase score (0..=1): the rewrite model's probability, see
/// [`crate::cluster::features`].
pub const PARAPHRASE_THRESHOLD: f64 = 0.5;

/// Time budget for one paragraph diff, in milliseconds.
pub const DIFF_TIMEOUT_MS: u64 = 200;

/// The CLI's `analyze` includes the diff of every pair of articles when
/// given at most this many (10 articles are 45 pairs); beyond, only when
/// asked with `--diffs`. The page diffs only the pair a reader opens.
pub const ALL_PAIRS_UP_TO: usize = 10;
