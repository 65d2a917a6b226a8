//! Grouping variants into clusters: edges merged strongest first, under
//! an average-linkage guard.

use rustc_hash::FxHashSet;

use crate::text::merge_equal;

use super::corpus::{Corpus, Edge, Edges, Pair, VariantId, pair};
use super::features::judgeable;
use super::score::link;

/// Most variants of a group that the joining guard compares, a side.
pub const GUARD_SIDE: usize = 64;

impl<'a> Corpus<'a> {
    /// Strongest-first grouping of variants with the average-linkage guard:
    /// near links before paraphrases, then by resemblance (so copies and
    /// light edits of one sentence group before a longer sentence that
    /// merges it with another joins them), then by score, then by content. A
    /// variant starts as a group of its copies; groups that end up in one
    /// article only are not clusters.
    pub(super) fn group(&self, edges: &Edges) -> Vec<Vec<VariantId>> {
        let mut order: Vec<(&Pair, &Edge)> = edges.iter().collect();
        let key = |v: VariantId| self.variant(v).key;
        let content = |p: &Pair| (key(p.0).min(key(p.1)), key(p.0).max(key(p.1)));
        crate::sort::sort_by(&mut order, |(p, e), (q, f)| {
            f.near
                .cmp(&e.near)
                .then(f.resemblance.total_cmp(&e.resemblance))
                .then(f.score.total_cmp(&e.score))
                .then_with(|| content(p).cmp(&content(q)))
        });
        let n = self.variants.len();
        let mut group_of: Vec<usize> = (0..n).collect();
        let mut members: Vec<Vec<VariantId>> = VariantId::all(n).map(|v| vec![v]).collect();
        // The articles each group has a sentence in, by article.
        let mut articles: Vec<Vec<(usize, u32)>> = VariantId::all(n)
            .map(|v| self.variant(v).articles.clone())
            .collect();
        // Groups that may not join, with their sizes then: groups only grow,
        // so the same sizes mean the same groups and the same answer.
        let mut refused: FxHashSet<[usize; 4]> = FxHashSet::default();
        for (&(v, w), _) in order {
            let (gv, gw) = (group_of[v.index()], group_of[w.index()]);
            if gv == gw {
                continue;
            }
            let (lo, hi) = (gv.min(gw), gv.max(gw));
            let key = [lo, hi, members[lo].len(), members[hi].len()];
            if refused.contains(&key) {
                continue;
            }
            if side_by_side(&articles[gv], &articles[gw])
                || !self.well_linked(edges, &members[gv], &members[gw])
            {
                refused.insert(key);
                continue;
            }
            let (keep, gone) = if members[gv].len() >= members[gw].len() {
                (gv, gw)
            } else {
                (gw, gv)
            };
            let arrived = std::mem::take(&mut articles[gone]);
            articles[keep] = union(&articles[keep], &arrived);
            let moved = std::mem::take(&mut members[gone]);
            for &m in &moved {
                group_of[m.index()] = keep;
            }
            members[keep].extend(moved);
        }
        members
            .into_iter()
            .filter(|m| {
                let mut articles = m
                    .iter()
                    .flat_map(|&v| self.variant(v).articles.iter().map(|a| a.0));
                let first = articles.next();
                articles.any(|a| Some(a) != first)
            })
            .collect()
    }

    /// Whether two groups of variants may join (besides
    /// [`side_by_side`]): at least half of the pairs
    /// of their sentences that lie in different articles are linked, and
    /// none is unrelated (word similarity below half its threshold, and no
    /// rewrite either: not [`judgeable`] or a paraphrase score below half the
    /// paraphrase threshold). Two large groups (hundreds of light edits of
    /// one sentence) are judged on an even sample of at most
    /// [`GUARD_SIDE`] variants a side, so a check costs at most
    /// `GUARD_SIDE²` pairs and a cluster of `k` variants about `k`, not
    /// `k²`, per join.
    pub(super) fn well_linked(&self, edges: &Edges, x: &[VariantId], y: &[VariantId]) -> bool {
        let (mut pairs, mut linked) = (0u64, 0u64);
        let even = |g: &[VariantId]| g.len().div_ceil(GUARD_SIDE).max(1);
        let (sx, sy) = (even(x), even(y));
        for &v in x.iter().step_by(sx) {
            for &w in y.iter().step_by(sy) {
                let apart = self.variant(v).pairs_with(self.variant(w));
                if apart == 0 {
                    continue;
                }
                pairs += apart;
                if edges.contains_key(&pair(v, w)) {
                    linked += apart;
                    continue;
                }
                let (a, b) = (self.sample(v), self.sample(w));
                // A pair the candidates left out (see `candidates::BAND`)
                // counts as linked if it would have been.
                if link(&a.words, &b.words, self.threshold).is_some() {
                    linked += apart;
                    continue;
                }
                let near = link(&a.words, &b.words, self.threshold / 2.0).is_some();
                let rewritten = self.paraphrase.is_some_and(|p| {
                    judgeable(a, b)
                        && self.rewrite_probability(self.sample_id(v), self.sample_id(w)) >= p / 2.0
                });
                if !near && !rewritten {
                    return false;
                }
            }
        }
        2 * linked >= pairs
    }
}

/// Whether two sentences or groups, given by the articles that carry them
/// (sorted), are two statements of one story, not one sentence and its
/// rewrites: at least half of the articles that carry either carry both.
/// An outlet that rewrites a sentence carries the rewrite instead of the
/// original, so two sentences that stand side by side in most of their
/// articles are two statements, however many words and names they share;
/// an outlet that splits a sentence in two holds both halves, but among
/// all the articles of the sentence that is one in many.
pub(super) fn side_by_side(x: &[(usize, u32)], y: &[(usize, u32)]) -> bool {
    let mut both = 0;
    merge_equal(x, y, |a, b| a.0.cmp(&b.0), |_, _| both += 1);
    2 * both >= x.len() + y.len() - both
}

/// The articles of two groups together, sorted, copies summed.
fn union(x: &[(usize, u32)], y: &[(usize, u32)]) -> Vec<(usize, u32)> {
    let mut out = Vec::with_capacity(x.len() + y.len());
    let (mut i, mut j) = (0, 0);
    while i < x.len() || j < y.len() {
        let next = match (x.get(i), y.get(j)) {
            (Some(a), Some(b)) if a.0 == b.0 => {
                (i, j) = (i + 1, j + 1);
                (a.0, a.1 + b.1)
            }
            (Some(a), Some(b)) if a.0 < b.0 => {
                i += 1;
                *a
            }
            (Some(a), None) => {
                i += 1;
                *a
            }
            (_, Some(b)) => {
                j += 1;
                *b
            }
            (None, None) => unreachable!(),
        };
        out.push(next);
    }
    out
}
