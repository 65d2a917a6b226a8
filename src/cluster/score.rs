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

/// Size of the multiset intersection of two sentences' words.
pub(super) fn overlap_count(a: &Words, b: &Words) -> usize {
    sorted_overlap(&a.sorted, &b.sorted, |x, y| x.0.cmp(&y.0))
}

/// How many pairs of positions holding the same word two sentences may
/// have, per word of the two, for [`longest_common_run`] to walk them; past
/// it (one word repeated thousands of times in both), a suffix automaton
/// finds the same run in time linear in the lengths.
pub const RUN_PAIRS_PER_WORD: u64 = 8;

/// Longest common contiguous run of words, as token ranges into each
/// sentence: the longest, then the earliest in `a`, then in `b`. Runs are
/// extended only from the positions where both sentences hold the same word,
/// so the cost follows the number of shared words, not the product of the
/// lengths; when the shared positions pair up more than
/// [`RUN_PAIRS_PER_WORD`] times the words of the two (repeated words), the
/// same run is found by [`automaton_run`] instead.
pub(super) fn longest_common_run(a: &Words, b: &Words) -> (Range<usize>, Range<usize>) {
    walked_run(a, b, RUN_PAIRS_PER_WORD * (a.len() + b.len()) as u64)
        .unwrap_or_else(|| automaton_run(&a.seq, &b.seq))
}

/// [`longest_common_run`] by extending runs from the shared positions
/// (each pair of them is read at most twice); `None` when they pair up more
/// than `limit` times (having walked at most `limit` of them).
pub(super) fn walked_run(a: &Words, b: &Words, limit: u64) -> Option<(Range<usize>, Range<usize>)> {
    let (sa, sb) = (&a.seq, &b.seq);
    let mut best = (0usize, 0usize, 0usize);
    let mut pairs = 0u64;
    // Every pair of positions holding the same word, grouped by word.
    merge_runs(
        &a.sorted,
        &b.sorted,
        |x, y| x.0.cmp(&y.0),
        |xs, ys| {
            pairs += xs.len() as u64 * ys.len() as u64;
            if pairs > limit {
                return;
            }
            for &(_, i) in xs {
                for &(_, j) in ys {
                    let (i, j) = (i as usize, j as usize);
                    if i > 0 && j > 0 && sa[i - 1] == sb[j - 1] {
                        continue; // Not the start of a run.
                    }
                    let len = sa[i..]
                        .iter()
                        .zip(&sb[j..])
                        .take_while(|(x, y)| x == y)
                        .count();
                    if len > best.0 || (len == best.0 && len > 0 && (i, j) < (best.1, best.2)) {
                        best = (len, i, j);
                    }
                }
            }
        },
    );
    if pairs > limit {
        return None;
    }
    let (len, i, j) = best;
    Some((i..i + len, j..j + len))
}

/// [`longest_common_run`] by a suffix automaton of `a` (states and
/// transitions linear in its length) walked along `b`: at each word of `b`,
/// the longest run ending there and the end of its first occurrence in `a`.
/// The same run (the longest, then the earliest in `a`, then in `b`) in
/// `O((|a| + |b|)` hash look-ups), whatever the words repeat.
#[inline(never)]
pub(super) fn automaton_run(a: &[u32], b: &[u32]) -> (Range<usize>, Range<usize>) {
    use rustc_hash::FxHashMap;
    const NONE: u32 = u32::MAX;
    // Per state: the longest string's length, the suffix link, the end of
    // the first occurrence in `a`, and the transitions by word. (Lengths
    // and places are at most `a.len()`, and state ids below `2·a.len()`:
    // a sentence's words fit a `u32`.)
    struct State {
        len: u32,
        link: u32,
        first: u32,
        next: FxHashMap<u32, u32>,
    }
    let state = |len, link, first, next| State {
        len,
        link,
        first,
        next,
    };
    let mut states = vec![state(0, NONE, 0, FxHashMap::default())];
    let mut last = 0u32;
    for (pos, &w) in a.iter().enumerate() {
        let cur = states.len() as u32;
        let len = states[last as usize].len + 1;
        states.push(state(len, 0, pos as u32, FxHashMap::default()));
        let mut p = last;
        while p != NONE && !states[p as usize].next.contains_key(&w) {
            states[p as usize].next.insert(w, cur);
            p = states[p as usize].link;
        }
        if p != NONE {
            let q = states[p as usize].next[&w];
            let (sp, sq) = (&states[p as usize], &states[q as usize]);
            if sp.len + 1 == sq.len {
                states[cur as usize].link = q;
            } else {
                let clone = states.len() as u32;
                states.push(state(sp.len + 1, sq.link, sq.first, sq.next.clone()));
                while p != NONE && states[p as usize].next.get(&w) == Some(&q) {
                    states[p as usize].next.insert(w, clone);
                    p = states[p as usize].link;
                }
                states[q as usize].link = clone;
                states[cur as usize].link = clone;
            }
        }
        last = cur;
    }
    // (length, start in a, start in b) of the best run so far.
    let mut best = (0usize, 0usize, 0usize);
    let (mut v, mut len) = (0usize, 0usize);
    for (j, w) in b.iter().enumerate() {
        while v != 0 && !states[v].next.contains_key(w) {
            v = states[v].link as usize;
            len = states[v].len as usize;
        }
        match states[v].next.get(w) {
            Some(&to) => (v, len) = (to as usize, len + 1),
            None => (v, len) = (0, 0),
        }
        if len > 0 {
            let run = (len, states[v].first as usize + 1 - len, j + 1 - len);
            if run.0 > best.0 || (run.0 == best.0 && (run.1, run.2) < (best.1, best.2)) {
                best = run;
            }
        }
    }
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
