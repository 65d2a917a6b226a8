//! Candidate pairs of variants, found through inverted indexes and
//! verified at once: word bigrams for near links, rarest content terms for
//! paraphrases.

use rustc_hash::FxHashMap;

use super::corpus::{Corpus, Edge, Edges, Pair, VariantId};
use super::features::{candidate, judgeable};
use super::group::side_by_side;
use super::score::link;
use super::terms::PREFIX_TERMS;

/// Bigrams held by more sentences than this are skipped by the index:
/// twice the number of articles, so a quote that every article carries is
/// still indexed, and at least 64.
pub fn posting_cap(articles: usize) -> usize {
    (2 * articles).max(64)
}

/// Posting lists longer than this pair each variant with only the next
/// [`BAND`] variants of the list: a sentence lightly edited in hundreds of
/// different ways fills every list of its words with those variants, and
/// pairing them all would cost the square of their number. Near neighbours
/// in many lists link the variants into one band; the grouping's guard
/// checks the pairs that have no edge itself.
pub const FULL_LIST: usize = 64;

/// How many later variants of a long posting list each variant is paired with.
pub const BAND: usize = 12;

impl<'a> Corpus<'a> {
    /// Candidate pairs of variants from the bigram index, verified and kept
    /// at or above the threshold.
    pub(super) fn near_pairs(&self, cap: usize) -> Edges {
        let grams = |v: VariantId| -> Vec<u64> {
            let seq = &self.sample(v).words.seq;
            let mut grams: Vec<u64> = if seq.len() == 1 {
                vec![u64::from(seq[0])]
            } else {
                seq.windows(2)
                    .map(|w| (u64::from(w[0]) << 32) | u64::from(w[1]))
                    .collect()
            };
            crate::sort::sort(&mut grams);
            grams.dedup();
            grams
        };
        let mut index: FxHashMap<u64, Vec<VariantId>> = FxHashMap::default();
        for v in VariantId::all(self.variants.len()) {
            for g in grams(v) {
                index.entry(g).or_default().push(v);
            }
        }
        let mut edges = Edges::default();
        self.for_candidates(&index, grams, cap, |v, w| {
            let (a, b) = (self.sample(v), self.sample(w));
            if let Some((score, resemblance)) = link(&a.words, &b.words, self.threshold) {
                edges.insert(
                    (v, w),
                    Edge {
                        score,
                        resemblance,
                        near: true,
                    },
                );
            }
        });
        edges
    }

    /// Calls `f(v, w)` for every pair of variants that the rewrite decision
    /// judges: variants sharing one of their [`PREFIX_TERMS`] rarest content
    /// terms, with no edge yet (a near link wins), that are a rewrite
    /// [`candidate`].
    pub(super) fn rewrite_candidates(
        &self,
        cap: usize,
        edges: &Edges,
        mut f: impl FnMut(VariantId, VariantId),
    ) {
        let term_text = self.terms.by_id();
        let rarest = |v: VariantId| -> Vec<u32> {
            let item = self.sample(v);
            if item.heading {
                return Vec::new();
            }
            let mut rarest = item.terms.clone();
            crate::sort::sort_by(&mut rarest, |&x, &y| {
                self.weights[y as usize]
                    .total_cmp(&self.weights[x as usize])
                    .then_with(|| term_text[x as usize].cmp(term_text[y as usize]))
            });
            rarest.truncate(PREFIX_TERMS);
            rarest
        };
        let mut index: FxHashMap<u32, Vec<VariantId>> = FxHashMap::default();
        for v in VariantId::all(self.variants.len()) {
            for t in rarest(v) {
                index.entry(t).or_default().push(v);
            }
        }
        self.for_candidates(&index, rarest, cap, |v, w| {
            if !edges.contains_key(&(v, w)) && candidate(self.sample(v), self.sample(w)) {
                f(v, w);
            }
        });
    }

    /// Adds the paraphrase edges: the [`rewrite_candidates`](Self::rewrite_candidates)
    /// that are [`judgeable`] and whose rewrite probability
    /// ([`super::features`]) reaches the paraphrase threshold.
    pub(super) fn paraphrase_pairs(&self, cap: usize, edges: &mut Edges) {
        let Some(min_score) = self.paraphrase else {
            return;
        };
        let mut found: Vec<(Pair, Edge)> = Vec::new();
        self.rewrite_candidates(cap, edges, |v, w| {
            if !judgeable(self.sample(v), self.sample(w)) {
                return;
            }
            let score = self.rewrite_probability(self.sample_id(v), self.sample_id(w));
            if score >= min_score {
                found.push((
                    (v, w),
                    Edge {
                        score,
                        resemblance: score,
                        near: false,
                    },
                ));
            }
        });
        edges.extend(found);
    }

    /// Calls `f(v, w)` once for every pair of variants `v < w` that share a
    /// posting list no longer than `cap` (in one longer than [`FULL_LIST`],
    /// `w` is one of the [`BAND`] variants after `v`), have copies in two
    /// different articles and are not [`side by side`](Self::side_by_side). Pairs are found variant by variant, so memory stays linear
    /// in the number of variants however many pairs there are.
    pub(super) fn for_candidates<K: std::hash::Hash + Eq>(
        &self,
        index: &FxHashMap<K, Vec<VariantId>>,
        keys: impl Fn(VariantId) -> Vec<K>,
        cap: usize,
        mut f: impl FnMut(VariantId, VariantId),
    ) {
        let mut seen: Vec<VariantId> = vec![VariantId(u32::MAX); self.variants.len()];
        for v in VariantId::all(self.variants.len()) {
            for key in keys(v) {
                let Some(list) = index.get(&key) else {
                    continue;
                };
                if list.len() > cap {
                    continue;
                }
                // Lists are in variant order: only the later ones pair with v.
                let later = &list[list.partition_point(|&w| w <= v)..];
                let band = if list.len() > FULL_LIST {
                    BAND.min(later.len())
                } else {
                    later.len()
                };
                for &w in &later[..band] {
                    if std::mem::replace(&mut seen[w.index()], v) != v
                        && self.apart(v, w)
                        && !self.side_by_side(v, w)
                    {
                        f(v, w);
                    }
                }
            }
        }
    }

    /// Whether two variants are two statements of one story rather than
    /// one sentence and its rewrite (see [`side_by_side`]).
    pub(super) fn side_by_side(&self, v: VariantId, w: VariantId) -> bool {
        side_by_side(&self.variant(v).articles, &self.variant(w).articles)
    }

    /// Whether two variants have copies in two different articles.
    pub(super) fn apart(&self, v: VariantId, w: VariantId) -> bool {
        let (x, y) = (self.variant(v), self.variant(w));
        x.articles.len() > 1 || y.articles.len() > 1 || x.articles[0].0 != y.articles[0].0
    }
}
