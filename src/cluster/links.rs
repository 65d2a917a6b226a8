//! Links the clusters leave out: between two groups, or from a sentence in
//! none, at most one per sentence and other group.

use std::ops::Range;

use rustc_hash::FxHashMap;

use super::corpus::{Corpus, Edge, Edges, Item, ItemId, Pair, VariantId, to_of};
use super::explain::Explainer;
use super::score::score_words;
use crate::model::{Link, LinkEnd};

impl Corpus<'_> {
    /// The edges that the groups leave out: between two groups, or from a
    /// sentence in none. Each sentence keeps only its strongest edge into
    /// each other group (copies of a sentence in no cluster are a group of
    /// their own), and an edge is kept if it is the strongest for either of
    /// its ends: each sentence reaches a group through one link of its own
    /// (more only when copies in the group pick it as their best), and
    /// hundreds of copies of two sentences give hundreds of links, not
    /// their product. The link goes to the copy of the chosen variant with
    /// the smallest content key in another article. A rewrite between two
    /// groups is left out when each group already holds a sentence in the
    /// other end's article: there each end has its counterpart, so the two
    /// ends are two statements that stand side by side (an outlet that
    /// merges two sentences into one holds the merged one in one group
    /// only, and keeps its link).
    pub(super) fn links(
        &self,
        groups: &[Vec<VariantId>],
        edges: &Edges,
        explain: &Explainer,
    ) -> Vec<Link> {
        // Group of each variant; variants in no group get ids past the groups'.
        let n = self.variants.len();
        let mut group_of: Vec<usize> = (groups.len()..groups.len() + n).collect();
        for (g, members) in groups.iter().enumerate() {
            for &v in members {
                group_of[v.index()] = g;
            }
        }
        // Near before paraphrase, then score, then the other end's content.
        let strength = |e: &Edge, other: VariantId| {
            (e.near, e.score, std::cmp::Reverse(self.variant(other).key))
        };
        let mut best: FxHashMap<(VariantId, usize), Pair> = FxHashMap::default();
        let mut offer = |from: VariantId, to: VariantId, p: Pair, e: &Edge| {
            let slot = best.entry((from, group_of[to.index()])).or_insert(p);
            if strength(e, to).partial_cmp(&strength(&edges[slot], to_of(*slot, from)))
                == Some(std::cmp::Ordering::Greater)
            {
                *slot = p;
            }
        };
        for (&p @ (v, w), e) in edges {
            if group_of[v.index()] != group_of[w.index()] {
                offer(v, w, p, e);
                offer(w, v, p, e);
            }
        }
        // The articles each group has a sentence in, sorted.
        let group_articles: Vec<Vec<usize>> = groups
            .iter()
            .map(|members| {
                let mut a: Vec<usize> = members
                    .iter()
                    .flat_map(|&v| self.variant(v).articles.iter().map(|x| x.0))
                    .collect();
                a.sort_unstable();
                a.dedup();
                a
            })
            .collect();
        let holds = |group: usize, article: usize| {
            group_articles
                .get(group)
                .is_some_and(|a| a.binary_search(&article).is_ok())
        };
        // Each copy of the `from` variant, linked to a copy of the other.
        let mut kept: Vec<(ItemId, ItemId, Pair)> = Vec::new();
        for ((from, _), p) in best {
            let to = self.variant(to_of(p, from));
            for &i in &self.variant(from).items {
                let article = self.item(i).at.article;
                let target = to
                    .items
                    .iter()
                    .filter(|&&j| self.item(j).at.article != article)
                    .min_by_key(|&&j| self.item(j).key);
                if let Some(&j) = target {
                    let other = self.item(j).at.article;
                    let (gi, gj) = (group_of[from.index()], group_of[to_of(p, from).index()]);
                    // A rewrite across: each end's group already has a
                    // sentence in the other end's article, its counterpart
                    // there, so the two are two statements side by side.
                    if !edges[&p].near && holds(gi, other) && holds(gj, article) {
                        continue;
                    }
                    let (i, j) = (i.min(j), i.max(j));
                    kept.push((i, j, p));
                }
            }
        }
        kept.sort_unstable_by_key(|&(i, j, _)| (i, j));
        kept.dedup_by_key(|&mut (i, j, _)| (i, j));
        let mut links: Vec<Link> = kept
            .into_iter()
            .map(|(i, j, p)| self.describe_link(i, j, &edges[&p], explain))
            .collect();
        crate::sort::sort_by_key(&mut links, |l| {
            (l.a.article, l.a.sentence, l.b.article, l.b.sentence)
        });
        links
    }

    /// The public description of the edge between items `i` and `j` (`a` is
    /// `i`: links put the earlier first).
    pub(super) fn describe_link(
        &self,
        i: ItemId,
        j: ItemId,
        edge: &Edge,
        explain: &Explainer,
    ) -> Link {
        let (a, b) = (self.item(i), self.item(j));
        let s = score_words(&a.words, &b.words);
        let end = |item: &Item, run: &Range<usize>, other: &Item| {
            let (run_start, run_end) = self.run_span(item, run);
            LinkEnd {
                article: item.at.article,
                sentence: item.at.sentence,
                shared: explain.shared(self, item, &[other]),
                run_start,
                run_end,
            }
        };
        Link {
            a: end(a, &s.run_a, b),
            b: end(b, &s.run_b, a),
            kind: self.kind(a, b, s.similarity),
            similarity: s.similarity,
            score: edge.score,
            run_words: s.run_a.len(),
        }
    }
}
