//! Paragraph-level diff of two articles.
//!
//! Each article is cut into *chunks*, one per paragraph, where a chunk runs
//! from its paragraph's first character to the next paragraph's first
//! character (the first chunk also takes any leading whitespace). Chunks
//! cover the text exactly, so the diff can always rebuild both articles.
//!
//! 1. Paragraphs are compared by a canonical key (NFKC, quotes and dashes
//!    folded, white space collapsed) with `similar`'s patience diff under a
//!    deadline, giving equal, deleted, inserted and replaced runs.
//! 2. Within a replaced run, deleted and inserted paragraphs that say nearly
//!    the same thing are paired into `change` ops by an order-preserving
//!    alignment that maximises the summed similarity. The similarity is the
//!    Dice coefficient of the two paragraphs' word multisets,
//!    `2·|A ∩ B| / (|A| + |B|)` over folded words ([`crate::normalize`]):
//!    order-insensitive, so reordered clauses still pair, and cheap. Pairs
//!    below [`CHANGE_THRESHOLD`] stay a deletion and an insertion.
//! 3. A change carries a word-level inline diff over Unicode word-boundary
//!    pieces (words, spaces, punctuation), with runs of edits merged into one
//!    deletion and one insertion so that it reads as "this phrase became that".
//!
//! When the deadline passes, `similar` returns a coarser but still exact
//! diff, the alignment stops pairing, and the result says `timed_out`.

use std::ops::Range;
use std::time::Duration;

use similar::Algorithm;
// `similar` takes its deadline as `std::time::Instant`, or in the browser
// (wasm32-unknown-unknown, where std has no clock) as the `web-time` instant
// it re-exports. WASI has std's clock.
#[cfg(all(target_arch = "wasm32", target_os = "unknown"))]
use similar::Instant;
#[cfg(not(all(target_arch = "wasm32", target_os = "unknown")))]
use std::time::Instant;

use rustc_hash::FxHashMap;
use unicode_normalization::UnicodeNormalization;
use unicode_segmentation::UnicodeSegmentation;

use crate::model::{DiffOp, DiffTag, InlineChange, ParagraphDiff};
use crate::normalize::{Interner, dice, fold_word, sorted_overlap};

/// Minimum word similarity for a deleted and an inserted paragraph to be
/// shown as one changed paragraph. At 0.5, half the words of the two
/// paragraphs (counted together) are shared: a light rewrite passes, two
/// paragraphs that merely share a topic's names do not.
pub const CHANGE_THRESHOLD: f64 = 0.5;

/// Most word comparisons the pairing of one diff may spend (summed sizes of
/// the paragraph pairs it scores). Past it the pairing stops, as at the
/// deadline, and the diff says it is coarser than it could be.
pub const PAIRING_BUDGET: u64 = 50_000_000;

/// The sorted ids of a paragraph's folded words (a multiset); both sides of
/// a diff share one [`Interner`], so paragraphs compare as id lists.
fn bag(paragraph: &str, words: &mut Interner) -> Vec<u32> {
    let mut bag: Vec<u32> = paragraph
        .unicode_words()
        .map(|w| words.id(&fold_word(w)))
        .collect();
    bag.sort_unstable();
    bag
}

/// One side of a diff: the text, its paragraph chunks and their word bags.
struct Side<'a> {
    text: &'a str,
    chunks: Vec<Range<usize>>,
    keys: Vec<String>,
    /// Sorted interned folded words of each paragraph, for the Dice similarity.
    bags: Vec<Vec<u32>>,
}

impl<'a> Side<'a> {
    fn new(text: &'a str, paragraphs: &[Range<usize>], words: &mut Interner) -> Self {
        let chunks = (0..paragraphs.len())
            .map(|i| {
                let start = if i == 0 { 0 } else { paragraphs[i].start };
                let end = paragraphs.get(i + 1).map_or(text.len(), |p| p.start);
                start..end
            })
            .collect();
        let keys = paragraphs
            .iter()
            .map(|p| canonical(&text[p.clone()]))
            .collect();
        let bags = paragraphs
            .iter()
            .map(|p| bag(&text[p.clone()], words))
            .collect();
        Side {
            text,
            chunks,
            keys,
            bags,
        }
    }

    fn chunk(&self, i: usize) -> String {
        self.text[self.chunks[i].clone()].to_owned()
    }
}

/// A paragraph's identity for the equal/unequal decision: NFKC, typographic
/// quotes and dashes folded to ASCII, runs of white space collapsed.
fn canonical(paragraph: &str) -> String {
    let mut out = String::with_capacity(paragraph.len());
    let mut space = false;
    for c in paragraph.nfkc() {
        let c = match c {
            '\u{2018}' | '\u{2019}' | '\u{201a}' | '\u{201b}' | '\u{2032}' => '\'',
            '\u{201c}' | '\u{201d}' | '\u{201e}' | '\u{201f}' | '\u{2033}' | '«' | '»' => '"',
            '\u{2010}'..='\u{2015}' | '\u{2212}' => '-',
            c => c,
        };
        if c.is_whitespace() {
            space = true;
        } else {
            if space && !out.is_empty() {
                out.push(' ');
            }
            space = false;
            out.push(c);
        }
    }
    out
}

/// Dice coefficient of two sorted word multisets (0 when both are empty).
pub fn bag_similarity<T: Ord>(a: &[T], b: &[T]) -> f64 {
    dice(sorted_overlap(a, b, |x, y| x.cmp(y)), a.len(), b.len())
}

/// The fewest shared words two multisets of sizes `len` and any other size
/// need for a Dice coefficient of [`CHANGE_THRESHOLD`]: with `c` shared of
/// `a` and `b` words, `2c / (a + b) >= t` and `c <= b` give
/// `c >= t·a / (2 − t)`.
fn min_shared(len: usize) -> usize {
    let t = CHANGE_THRESHOLD;
    // The small margin keeps an exact bound from rounding up past itself.
    ((t * len as f64 / (2.0 - t)) - 1e-9).ceil().max(1.0) as usize
}

/// Diffs article `a` (old) against article `b` (new), given their paragraph
/// spans, within `timeout`. `a_index` and `b_index` label the result.
pub fn diff_paragraphs(
    (a_index, a_text, a_paragraphs): (usize, &str, &[Range<usize>]),
    (b_index, b_text, b_paragraphs): (usize, &str, &[Range<usize>]),
    timeout: Duration,
) -> ParagraphDiff {
    let deadline = Instant::now().checked_add(timeout);
    let mut words = Interner::default();
    let old = Side::new(a_text, a_paragraphs, &mut words);
    let new = Side::new(b_text, b_paragraphs, &mut words);
    let mut ops = Vec::new();
    // A text with no paragraph (empty or white space only) has no chunk; its
    // white space still belongs in the diff so that both sides rebuild.
    if old.chunks.is_empty() && !a_text.is_empty() {
        ops.push(whole_text_op(DiffTag::Delete, a_text, ""));
    }
    if new.chunks.is_empty() && !b_text.is_empty() {
        ops.push(whole_text_op(DiffTag::Insert, "", b_text));
    }
    let mut budget = Budget {
        deadline,
        work: PAIRING_BUDGET,
    };
    let mut timed_out = false;
    for op in
        similar::capture_diff_slices_deadline(Algorithm::Patience, &old.keys, &new.keys, deadline)
    {
        let (_, old_range, new_range) = op.as_tag_tuple();
        match op.tag() {
            similar::DiffTag::Equal => {
                for (o, n) in old_range.zip(new_range) {
                    ops.push(DiffOp {
                        tag: DiffTag::Equal,
                        old: Some(o),
                        new: Some(n),
                        old_text: old.chunk(o),
                        new_text: new.chunk(n),
                        similarity: Some(1.0),
                        inline: Vec::new(),
                    });
                }
            }
            _ => {
                timed_out |= align(&old, old_range, &new, new_range, &mut budget, &mut ops);
            }
        }
    }
    timed_out |= past(deadline);
    ParagraphDiff {
        a: a_index,
        b: b_index,
        ops,
        timed_out,
    }
}

fn whole_text_op(tag: DiffTag, old_text: &str, new_text: &str) -> DiffOp {
    DiffOp {
        tag,
        old: None,
        new: None,
        old_text: old_text.to_owned(),
        new_text: new_text.to_owned(),
        similarity: None,
        inline: Vec::new(),
    }
}

fn past(deadline: Option<Instant>) -> bool {
    deadline.is_some_and(|d| Instant::now() > d)
}

/// What the pairing of one diff may still spend: time and word comparisons.
struct Budget {
    deadline: Option<Instant>,
    work: u64,
}

impl Budget {
    /// Spends `cost` word comparisons; false once the work or the time is
    /// used up (the clock is read at most once per 64k comparisons).
    fn spend(&mut self, cost: u64) -> bool {
        let before = self.work;
        self.work = self.work.saturating_sub(cost);
        let checked = before >> 16 != self.work >> 16;
        self.work > 0 && !(checked && past(self.deadline))
    }
}

/// Emits the ops of a replaced block, pairing similar paragraphs into
/// changes. Returns true if the budget stopped the pairing.
fn align(
    old: &Side,
    old_range: Range<usize>,
    new: &Side,
    new_range: Range<usize>,
    budget: &mut Budget,
    ops: &mut Vec<DiffOp>,
) -> bool {
    let mut pairs: Vec<(usize, usize, f64)> = Vec::new();
    let mut timed_out = false;
    if !old_range.is_empty() && !new_range.is_empty() {
        match similar_pairs(old, old_range.clone(), new, new_range.clone(), budget) {
            Some(found) => pairs = heaviest_chain(found),
            None => timed_out = true,
        }
    }
    let (mut o, mut nw) = (old_range.start, new_range.start);
    for (po, pn, sim) in pairs
        .into_iter()
        .chain([(old_range.end, new_range.end, 0.0)])
    {
        for i in o..po {
            ops.push(DiffOp {
                tag: DiffTag::Delete,
                old: Some(i),
                new: None,
                old_text: old.chunk(i),
                new_text: String::new(),
                similarity: None,
                inline: Vec::new(),
            });
        }
        for j in nw..pn {
            ops.push(DiffOp {
                tag: DiffTag::Insert,
                old: None,
                new: Some(j),
                old_text: String::new(),
                new_text: new.chunk(j),
                similarity: None,
                inline: Vec::new(),
            });
        }
        if po < old_range.end {
            let (old_text, new_text) = (old.chunk(po), new.chunk(pn));
            let inline = inline_diff(&old_text, &new_text, budget.deadline);
            ops.push(DiffOp {
                tag: DiffTag::Change,
                old: Some(po),
                new: Some(pn),
                old_text,
                new_text,
                similarity: Some(sim),
                inline,
            });
        }
        o = po + 1;
        nw = pn + 1;
    }
    timed_out
}

/// Every pair of an old and a new paragraph of the block whose similarity
/// reaches [`CHANGE_THRESHOLD`], as `(old, new, similarity)` sorted by old
/// then new paragraph; `None` if the budget ran out.
///
/// Only pairs that can reach the threshold are scored (prefix filtering):
/// words are ordered rarest first within the block, and two paragraphs that
/// share at least `c` words share a word among the first `len − c + 1` of
/// each (copies of a word count as distinct tokens, so multisets behave as
/// sets). With [`min_shared`] as `c`, no qualifying pair is missed, and the
/// cost follows the pairs that share rare words rather than the product of
/// the block's sides.
fn similar_pairs(
    old: &Side,
    old_range: Range<usize>,
    new: &Side,
    new_range: Range<usize>,
    budget: &mut Budget,
) -> Option<Vec<(usize, usize, f64)>> {
    let old_bags = &old.bags[old_range.clone()];
    let new_bags = &new.bags[new_range.clone()];
    // Block-wide word counts, then each paragraph's tokens rarest first:
    // `(count, word, copy)` with the copy number telling repeats apart.
    let mut count: FxHashMap<u32, u32> = FxHashMap::default();
    for &w in old_bags.iter().chain(new_bags).flatten() {
        *count.entry(w).or_insert(0) += 1;
    }
    let prefix = |bag: &[u32]| -> Vec<(u32, u32, u32)> {
        let mut tokens: Vec<(u32, u32, u32)> = Vec::with_capacity(bag.len());
        for (k, &w) in bag.iter().enumerate() {
            let copy = if k > 0 && bag[k - 1] == w {
                tokens.last().map_or(0, |t| t.2 + 1)
            } else {
                0
            };
            tokens.push((count[&w], w, copy));
        }
        tokens.sort_unstable();
        tokens.truncate(bag.len() + 1 - min_shared(bag.len()).min(bag.len()));
        tokens
    };
    let mut index: FxHashMap<(u32, u32, u32), Vec<u32>> = FxHashMap::default();
    for (j, bag) in new_bags.iter().enumerate() {
        if !budget.spend(bag.len() as u64) {
            return None;
        }
        for token in prefix(bag) {
            index.entry(token).or_default().push(j as u32);
        }
    }
    let mut seen: Vec<usize> = vec![usize::MAX; new_bags.len()];
    let mut pairs = Vec::new();
    for (i, a) in old_bags.iter().enumerate() {
        if a.is_empty() {
            continue;
        }
        for token in prefix(a) {
            let Some(list) = index.get(&token) else {
                continue;
            };
            for &j in list {
                let j = j as usize;
                if std::mem::replace(&mut seen[j], i) == i {
                    continue;
                }
                let b = &new_bags[j];
                // A pair that cannot share enough words is not scored.
                if min_shared(a.len()) > b.len() || min_shared(b.len()) > a.len() {
                    continue;
                }
                if !budget.spend((a.len() + b.len()) as u64) {
                    return None;
                }
                let s = bag_similarity(a, b);
                if s >= CHANGE_THRESHOLD {
                    pairs.push((old_range.start + i, new_range.start + j, s));
                }
            }
        }
    }
    pairs.sort_unstable_by_key(|&(i, j, _)| (i, j));
    Some(pairs)
}

/// The order-preserving choice of pairs (strictly increasing in both old and
/// new paragraph) with the largest summed similarity: the heaviest
/// increasing chain, found with a Fenwick tree of prefix maxima over the
/// new paragraphs, in `O(p log p)` for `p` pairs. `pairs` is sorted by old
/// then new paragraph; ties keep the earliest pairs.
fn heaviest_chain(pairs: Vec<(usize, usize, f64)>) -> Vec<(usize, usize, f64)> {
    if pairs.is_empty() {
        return pairs;
    }
    // New paragraphs ranked, so the tree spans only those in some pair.
    let mut columns: Vec<usize> = pairs.iter().map(|p| p.1).collect();
    columns.sort_unstable();
    columns.dedup();
    let rank = |j: usize| columns.partition_point(|&c| c < j);
    // tree[k]: the best (total, pair) among chains ending in columns of its range.
    let mut tree: Vec<(f64, usize)> = vec![(0.0, usize::MAX); columns.len() + 1];
    let better = |x: (f64, usize), y: (f64, usize)| x.0 > y.0 || (x.0 == y.0 && x.1 < y.1);
    // Best chain ending at each pair: (total, previous pair).
    let mut ending: Vec<(f64, usize)> = Vec::with_capacity(pairs.len());
    let mut row_start = 0;
    while row_start < pairs.len() {
        let row = pairs[row_start].0;
        let row_end = row_start + pairs[row_start..].iter().take_while(|p| p.0 == row).count();
        // Query the whole row before updating, so one old paragraph pairs once.
        for &(_, j, s) in &pairs[row_start..row_end] {
            let mut best = (0.0, usize::MAX);
            let mut k = rank(j); // Columns strictly before j: 1-based prefix k.
            while k > 0 {
                if better(tree[k], best) {
                    best = tree[k];
                }
                k &= k - 1;
            }
            ending.push((best.0 + s, best.1));
        }
        for (p, &(_, j, _)) in pairs.iter().enumerate().take(row_end).skip(row_start) {
            let value = (ending[p].0, p);
            let mut k = rank(j) + 1;
            while k < tree.len() {
                if better(value, tree[k]) {
                    tree[k] = value;
                }
                k += k & k.wrapping_neg();
            }
        }
        row_start = row_end;
    }
    let mut last = (0..pairs.len()).fold(usize::MAX, |b, p| {
        if b == usize::MAX || ending[p].0 > ending[b].0 {
            p
        } else {
            b
        }
    });
    let mut chain = Vec::new();
    while last != usize::MAX {
        chain.push(pairs[last]);
        last = ending[last].1;
    }
    chain.reverse();
    chain
}

/// Word-level diff of two paragraph chunks. Concatenating the `equal` and
/// `delete` pieces gives `old`, the `equal` and `insert` pieces give `new`.
pub fn inline_diff(old: &str, new: &str, deadline: Option<Instant>) -> Vec<InlineChange> {
    let old_pieces: Vec<&str> = old.split_word_bounds().collect();
    let new_pieces: Vec<&str> = new.split_word_bounds().collect();
    let ops =
        similar::capture_diff_slices_deadline(Algorithm::Myers, &old_pieces, &new_pieces, deadline);
    // Runs of (tag, text) straight from the diff.
    let mut runs: Vec<(DiffTag, String)> = Vec::new();
    for op in ops {
        let (tag, o, n) = op.as_tag_tuple();
        let old_text: String = old_pieces[o].concat();
        let new_text: String = new_pieces[n].concat();
        match tag {
            similar::DiffTag::Equal => runs.push((DiffTag::Equal, old_text)),
            similar::DiffTag::Delete => runs.push((DiffTag::Delete, old_text)),
            similar::DiffTag::Insert => runs.push((DiffTag::Insert, new_text)),
            similar::DiffTag::Replace => {
                runs.push((DiffTag::Delete, old_text));
                runs.push((DiffTag::Insert, new_text));
            }
        }
    }
    merge_edit_runs(runs)
}

/// Merges each maximal stretch of edits, including white space that merely
/// separates two edits, into one deletion followed by one insertion.
fn merge_edit_runs(runs: Vec<(DiffTag, String)>) -> Vec<InlineChange> {
    let mut out: Vec<InlineChange> = Vec::new();
    let (mut deleted, mut inserted) = (String::new(), String::new());
    let flush = |out: &mut Vec<InlineChange>, deleted: &mut String, inserted: &mut String| {
        for (tag, text) in [(DiffTag::Delete, deleted), (DiffTag::Insert, inserted)] {
            if !text.is_empty() {
                out.push(InlineChange {
                    tag,
                    text: std::mem::take(text),
                });
            }
        }
    };
    for (k, (tag, text)) in runs.iter().enumerate() {
        match tag {
            DiffTag::Delete => deleted.push_str(text),
            DiffTag::Insert => inserted.push_str(text),
            _ => {
                let between_edits = k > 0
                    && k + 1 < runs.len()
                    && text.chars().all(char::is_whitespace)
                    && (!deleted.is_empty() || !inserted.is_empty());
                if between_edits {
                    deleted.push_str(text);
                    inserted.push_str(text);
                    continue;
                }
                flush(&mut out, &mut deleted, &mut inserted);
                match out.last_mut() {
                    Some(last) if last.tag == DiffTag::Equal => last.text.push_str(text),
                    _ => out.push(InlineChange {
                        tag: DiffTag::Equal,
                        text: text.clone(),
                    }),
                }
            }
        }
    }
    flush(&mut out, &mut deleted, &mut inserted);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::paragraphs;

    fn diff(a: &str, b: &str) -> ParagraphDiff {
        diff_paragraphs(
            (0, a, &paragraphs(a)),
            (1, b, &paragraphs(b)),
            Duration::from_secs(5),
        )
    }

    fn rebuild(d: &ParagraphDiff) -> (String, String) {
        (d.old_side(), d.new_side())
    }

    fn tags(d: &ParagraphDiff) -> Vec<DiffTag> {
        d.ops.iter().map(|o| o.tag).collect()
    }

    #[test]
    fn pairs_rewritten_paragraph_as_change() {
        let a = "Title\n\nThe company said sales rose by 5% in the first quarter.\n\nUnrelated ending here.";
        let b = "Title\nThe company said its sales rose 5% in the quarter.\nA completely different closing line about weather.";
        let d = diff(a, b);
        assert_eq!(
            tags(&d),
            [
                DiffTag::Equal,
                DiffTag::Change,
                DiffTag::Delete,
                DiffTag::Insert
            ]
        );
        assert_eq!(rebuild(&d), (a.to_owned(), b.to_owned()));
        let change = &d.ops[1];
        assert_eq!(change.inline_old(), change.old_text);
        assert_eq!(change.inline_new(), change.new_text);
        assert!(
            change
                .inline
                .iter()
                .any(|c| c.tag == DiffTag::Insert && c.text.contains("its"))
        );
    }

    #[test]
    fn quote_style_and_spacing_do_not_break_equality() {
        let d = diff("“Hi,” he said.\n", "\"Hi,\"  he said.\r\n");
        assert_eq!(tags(&d), [DiffTag::Equal]);
    }

    #[test]
    fn empty_and_blank_texts_rebuild() {
        for (a, b) in [("", ""), ("  \n", "x"), ("x", ""), ("\n\n", " ")] {
            let d = diff(a, b);
            assert_eq!(rebuild(&d), (a.to_owned(), b.to_owned()), "{a:?} {b:?}");
        }
    }

    /// The plain dynamic programme over every old × new cell: the best
    /// summed similarity of an order-preserving pairing.
    fn dense_best(old: &[Vec<u32>], new: &[Vec<u32>]) -> f64 {
        let (n, m) = (old.len(), new.len());
        let mut best = vec![vec![0.0f64; m + 1]; n + 1];
        for i in 1..=n {
            for j in 1..=m {
                let s = bag_similarity(&old[i - 1], &new[j - 1]);
                let diag = if s >= CHANGE_THRESHOLD {
                    best[i - 1][j - 1] + s
                } else {
                    0.0
                };
                best[i][j] = best[i - 1][j].max(best[i][j - 1]).max(diag);
            }
        }
        best[n][m]
    }

    fn paragraphs_of(words: &[Vec<u8>]) -> String {
        words
            .iter()
            .map(|p| {
                let line: Vec<String> = p.iter().map(|w| format!("w{w}")).collect();
                format!("{}\n", line.join(" "))
            })
            .collect()
    }

    proptest::proptest! {
        #[test]
        fn pairing_finds_the_best_order_preserving_pairs(
            old in proptest::collection::vec(proptest::collection::vec(0u8..8, 0..9), 0..12),
            new in proptest::collection::vec(proptest::collection::vec(0u8..8, 0..9), 0..12),
        ) {
            let (a, b) = (paragraphs_of(&old), paragraphs_of(&new));
            let mut words = Interner::default();
            let (pa, pb) = (paragraphs(&a), paragraphs(&b));
            let (sa, sb) = (Side::new(&a, &pa, &mut words), Side::new(&b, &pb, &mut words));
            let mut budget = Budget { deadline: None, work: PAIRING_BUDGET };
            let pairs = similar_pairs(&sa, 0..sa.bags.len(), &sb, 0..sb.bags.len(), &mut budget)
                .expect("within budget");
            // Prefix filtering misses no pair at or above the threshold.
            let all: usize = sa.bags.iter().map(|x| {
                sb.bags.iter().filter(|y| bag_similarity(x, y) >= CHANGE_THRESHOLD).count()
            }).sum();
            proptest::prop_assert_eq!(pairs.len(), all);
            let chain = heaviest_chain(pairs);
            for w in chain.windows(2) {
                proptest::prop_assert!(w[0].0 < w[1].0 && w[0].1 < w[1].1, "{:?}", chain);
            }
            let total: f64 = chain.iter().map(|p| p.2).sum();
            let best = dense_best(&sa.bags, &sb.bags);
            proptest::prop_assert!((total - best).abs() < 1e-9, "{} vs {}", total, best);
        }
    }

    #[test]
    fn similarity_is_dice_of_word_bags() {
        let bag = |s: &str| {
            let mut v: Vec<String> = s.split(' ').map(str::to_owned).collect();
            v.sort();
            v
        };
        assert_eq!(bag_similarity(&bag("a b c d"), &bag("a b c e")), 0.75);
        assert_eq!(bag_similarity::<u32>(&[], &[]), 0.0);
    }
}
