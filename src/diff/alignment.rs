//! Pairing the deleted and inserted paragraphs of a replaced block into
//! changes: prefix filtering finds every pair that reaches
//! [`super::CHANGE_THRESHOLD`], a heaviest increasing chain keeps the best
//! order-preserving set of them, all within a [`Budget`].

use rustc_hash::FxHashMap;

use super::{CHANGE_THRESHOLD, Instant, Side};
use crate::text::{dice, sorted_overlap};

/// Most word comparisons the pairing of one diff may spend (summed sizes of
/// the paragraph pairs it scores). Past it the pairing stops, as at the
/// deadline, and the diff says it is coarser than it could be.
pub const PAIRING_BUDGET: u64 = 50_000_000;

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

pub(super) fn past(deadline: Option<Instant>) -> bool {
    deadline.is_some_and(|d| Instant::now() > d)
}

/// What the pairing of one diff may still spend: time and word comparisons.
pub(super) struct Budget {
    pub(super) deadline: Option<Instant>,
    pub(super) work: u64,
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

/// The best order-preserving pairs `(old, new, similarity)` of the old
/// paragraphs `old_idx` and the new ones `new_idx` (both ascending) whose
/// word similarity reaches [`CHANGE_THRESHOLD`]; `None` if the budget ran
/// out.
pub(super) fn similar_chain(
    old: &Side,
    old_idx: &[usize],
    new: &Side,
    new_idx: &[usize],
    budget: &mut Budget,
) -> Option<Vec<(usize, usize, f64)>> {
    if old_idx.is_empty() || new_idx.is_empty() {
        return Some(Vec::new());
    }
    similar_pairs(old, old_idx, new, new_idx, budget).map(heaviest_chain)
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
    old_idx: &[usize],
    new: &Side,
    new_idx: &[usize],
    budget: &mut Budget,
) -> Option<Vec<(usize, usize, f64)>> {
    let old_bags: Vec<&[u32]> = old_idx.iter().map(|&i| old.bags[i].as_slice()).collect();
    let new_bags: Vec<&[u32]> = new_idx.iter().map(|&j| new.bags[j].as_slice()).collect();
    // Block-wide word counts, then each paragraph's tokens rarest first:
    // `(count, word, copy)` with the copy number telling repeats apart.
    let mut count: FxHashMap<u32, u32> = FxHashMap::default();
    for &w in old_bags.iter().chain(&new_bags).copied().flatten() {
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
        crate::sort::sort(&mut tokens);
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
                let b = new_bags[j];
                // A pair that cannot share enough words is not scored.
                if min_shared(a.len()) > b.len() || min_shared(b.len()) > a.len() {
                    continue;
                }
                if !budget.spend((a.len() + b.len()) as u64) {
                    return None;
                }
                let s = bag_similarity(a, b);
                if s >= CHANGE_THRESHOLD {
                    pairs.push((old_idx[i], new_idx[j], s));
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
pub(super) fn heaviest_chain(pairs: Vec<(usize, usize, f64)>) -> Vec<(usize, usize, f64)> {
    if pairs.is_empty() {
        return pairs;
    }
    // New paragraphs ranked, so the tree spans only those in some pair.
    let mut columns: Vec<usize> = pairs.iter().map(|p| p.1).collect();
    crate::sort::sort(&mut columns);
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::{Interner, paragraphs};

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
            let ignore = super::super::Ignore::default();
            let (sa, sb) = (Side::new(&a, &pa, ignore, &mut words), Side::new(&b, &pb, ignore, &mut words));
            let mut budget = Budget { deadline: None, work: PAIRING_BUDGET };
            let (ia, ib): (Vec<usize>, Vec<usize>) = ((0..sa.bags.len()).collect(), (0..sb.bags.len()).collect());
            let pairs = similar_pairs(&sa, &ia, &sb, &ib, &mut budget)
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
