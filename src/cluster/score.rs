//! How similar two sentences are: the larger of the Dice coefficient of
//! their word multisets and the share of the shorter one covered by their
//! longest common run of words.

use std::ops::Range;

use crate::text::{Interner, Token, dice, merge_runs, sorted_overlap};

/// Shorter sentences are judged by word overlap alone: a common run of a few
/// words between short sentences is usually a stock phrase, not a copy.
pub const RUN_MIN_SENTENCE: usize = 8;

/// A common run of this many words counts as full coverage however long the
/// sentences are: unrelated sentences almost never share that many words in
/// a row, so a long quote reproduced inside two long sentences links them.
pub const RUN_SATURATION: usize = 16;

/// How the two sentences of a pair relate.
#[derive(Debug, Clone, PartialEq)]
pub struct Score {
    /// `max(dice, run coverage)`, in 0..=1.
    pub similarity: f64,
    /// Longest common run of words: token ranges in each sentence.
    pub run_a: Range<usize>,
    pub run_b: Range<usize>,
}

/// A sentence's interned words, in order and sorted with their positions.
#[derive(Debug, Clone)]
pub(super) struct Words {
    pub(super) seq: Vec<u32>,
    /// `(word, position)` pairs sorted by word then position.
    pub(super) sorted: Vec<(u32, u32)>,
}

impl Words {
    pub(super) fn new(seq: Vec<u32>) -> Self {
        let mut sorted: Vec<(u32, u32)> = seq
            .iter()
            .enumerate()
            .map(|(i, &w)| (w, i as u32))
            .collect();
        crate::sort::sort(&mut sorted);
        Words { seq, sorted }
    }

    pub(super) fn len(&self) -> usize {
        self.seq.len()
    }

    pub(super) fn contains(&self, word: u32) -> bool {
        self.sorted.binary_search_by(|&(w, _)| w.cmp(&word)).is_ok()
    }
}

/// Walks the words two sentences share: calls `f(i, j)` for every pair of
/// positions holding the same word, grouped by word.
pub(super) fn for_shared(a: &Words, b: &Words, mut f: impl FnMut(usize, usize)) {
    merge_runs(
        &a.sorted,
        &b.sorted,
        |x, y| x.0.cmp(&y.0),
        |xs, ys| {
            for &(_, pa) in xs {
                for &(_, pb) in ys {
                    f(pa as usize, pb as usize);
                }
            }
        },
    );
}

/// Size of the multiset intersection of two sentences' words.
pub(super) fn overlap_count(a: &Words, b: &Words) -> usize {
    sorted_overlap(&a.sorted, &b.sorted, |x, y| x.0.cmp(&y.0))
}

/// Longest common contiguous run of words, as token ranges into each
/// sentence: the longest, then the earliest in `a`, then in `b`. Runs are
/// extended only from the positions where both sentences hold the same word,
/// so the cost follows the number of shared words, not the product of the
/// lengths.
pub(super) fn longest_common_run(a: &Words, b: &Words) -> (Range<usize>, Range<usize>) {
    let (sa, sb) = (&a.seq, &b.seq);
    let mut best = (0usize, 0usize, 0usize);
    for_shared(a, b, |i, j| {
        if i > 0 && j > 0 && sa[i - 1] == sb[j - 1] {
            return; // Not the start of a run.
        }
        let len = sa[i..]
            .iter()
            .zip(&sb[j..])
            .take_while(|(x, y)| x == y)
            .count();
        if len > best.0 || (len == best.0 && len > 0 && (i, j) < (best.1, best.2)) {
            best = (len, i, j);
        }
    });
    let (len, i, j) = best;
    (i..i + len, j..j + len)
}

/// The similarity of [`Score`], given the multiset overlap and the length of
/// the longest common run.
pub(super) fn similarity(a: &Words, b: &Words, common: usize, run: usize) -> f64 {
    let dice = dice(common, a.len(), b.len());
    let shorter = a.len().min(b.len());
    let coverage = if shorter >= RUN_MIN_SENTENCE {
        run.min(RUN_SATURATION) as f64 / shorter.min(RUN_SATURATION) as f64
    } else {
        0.0
    };
    dice.max(coverage)
}

/// Scores two prepared sentences.
pub(super) fn score_words(a: &Words, b: &Words) -> Score {
    let (run_a, run_b) = longest_common_run(a, b);
    Score {
        similarity: similarity(a, b, overlap_count(a, b), run_a.len()),
        run_a,
        run_b,
    }
}

/// The score of two sentences if it reaches `threshold`, with the Dice
/// coefficient of their words (their resemblance as wholes). The run is
/// never longer than the overlap, so the run is computed only when the
/// overlap leaves the answer open.
pub(super) fn link(a: &Words, b: &Words, threshold: f64) -> Option<(f64, f64)> {
    let common = overlap_count(a, b);
    if similarity(a, b, common, common) < threshold {
        return None;
    }
    let s = similarity(a, b, common, longest_common_run(a, b).0.len());
    (s >= threshold).then(|| (s, dice(common, a.len(), b.len())))
}

/// Scores two token sequences (folded words) the way the clusterer does.
pub fn score(a: &[Token], b: &[Token]) -> Score {
    let mut interner = Interner::default();
    let a = Words::new(a.iter().map(|t| interner.id(&t.norm)).collect());
    let b = Words::new(b.iter().map(|t| interner.id(&t.norm)).collect());
    score_words(&a, &b)
}
