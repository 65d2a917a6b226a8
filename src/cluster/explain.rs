//! The public description of a cluster: its representative, each member's
//! kind, score, common run and shared words.

use std::ops::Range;

use super::corpus::{Corpus, Edges, Item, ItemId, NO_TERM, VariantId, pair};
use super::score::{Score, score_words};
use crate::model::{Cluster, ClusterMember, Kind};
use crate::text::Interner;

impl<'a> Corpus<'a> {
    /// How `item` relates to `rep` (a cluster's representative, or the other
    /// end of a link), given their word similarity: from the two texts
    /// alone, whatever the threshold ([`crate::options::NEAR_KIND`]).
    pub(super) fn kind(&self, item: &Item, rep: &Item, similarity: f64) -> Kind {
        if item.words.seq == rep.words.seq {
            Kind::Verbatim
        } else if similarity >= crate::options::NEAR_KIND {
            Kind::Near
        } else {
            Kind::Paraphrase
        }
    }

    /// The byte span in its article of a run of `item`'s tokens (empty at
    /// the sentence's start when the run is empty).
    pub(super) fn run_span(&self, item: &Item, run: &Range<usize>) -> (usize, usize) {
        let tokens = &self.articles[item.at.article].sentences[item.at.sentence];
        if run.is_empty() {
            (tokens[0].span.start, tokens[0].span.start)
        } else {
            (tokens[run.start].span.start, tokens[run.end - 1].span.end)
        }
    }

    /// Builds the public description of one group of variants.
    pub(super) fn describe(
        &self,
        group: &[VariantId],
        edges: &Edges,
        explain: &Explainer,
    ) -> Cluster {
        let variant = |v: VariantId| self.variant(v);
        // Each variant's linked neighbours in the group, with the edge score.
        let neighbours: Vec<Vec<(VariantId, f64)>> = group
            .iter()
            .map(|&v| {
                group
                    .iter()
                    .filter(|&&w| w != v)
                    .filter_map(|&w| edges.get(&pair(v, w)).map(|e| (w, e.score)))
                    .collect()
            })
            .collect();
        // Members in corpus order, each with its variant's place in `group`.
        let mut items: Vec<(ItemId, usize)> = group
            .iter()
            .enumerate()
            .flat_map(|(x, &v)| variant(v).items.iter().map(move |&i| (i, x)))
            .collect();
        crate::sort::sort_by_key(&mut items, |&(i, _)| self.item(i).at);
        // A member's strength: the summed scores of its links to members in
        // other articles (a copy is linked with score 1).
        let strength = |i: ItemId, x: usize| -> f64 {
            let article = self.item(i).at.article;
            let own = variant(group[x]);
            let copies = (own.copies() - own.copies_in(article)) as f64;
            copies
                + neighbours[x]
                    .iter()
                    .map(|&(w, s)| s * (variant(w).copies() - variant(w).copies_in(article)) as f64)
                    .sum::<f64>()
        };
        let (mut total, mut count) = (0.0, 0u64);
        for (x, &v) in group.iter().enumerate() {
            let within = variant(v).pairs_within();
            total += within as f64;
            count += within;
            for &(w, s) in &neighbours[x] {
                if v < w {
                    let apart = variant(v).pairs_with(variant(w));
                    total += s * apart as f64;
                    count += apart;
                }
            }
        }
        let strengths: Vec<f64> = items.iter().map(|&(i, x)| strength(i, x)).collect();
        let representative = (0..items.len())
            .max_by(|&x, &y| strengths[x].total_cmp(&strengths[y]).then(y.cmp(&x)))
            .unwrap_or(0);
        let (rep_item, rep_x) = items[representative];
        let rep = self.item(rep_item);
        // Scores against the representative, once per variant.
        let scores: Vec<Score> = group
            .iter()
            .map(|&v| score_words(&self.sample(v).words, &rep.words))
            .collect();
        // What the representative shares with the others: one item of each
        // other variant, and a copy of its own if it has one.
        let rep_others: Vec<&Item> = group
            .iter()
            .enumerate()
            .filter_map(|(x, &v)| {
                let items = &variant(v).items;
                if x != rep_x {
                    Some(self.item(items[0]))
                } else {
                    items
                        .iter()
                        .find(|&&i| i != rep_item)
                        .map(|&i| self.item(i))
                }
            })
            .collect();
        let members: Vec<ClusterMember> = items
            .iter()
            .enumerate()
            .map(|(k, &(i, x))| {
                let item = self.item(i);
                let (similarity, run) = if k == representative {
                    (1.0, 0..item.words.len())
                } else {
                    (scores[x].similarity, scores[x].run_a.clone())
                };
                let (run_start, run_end) = self.run_span(item, &run);
                let kind = self.kind(item, rep, similarity);
                // The representative shares what any other member holds;
                // every other member, what the representative holds.
                let shared = if k == representative {
                    explain.shared(self, item, &rep_others)
                } else {
                    explain.shared(self, item, &[rep])
                };
                ClusterMember {
                    article: item.at.article,
                    sentence: item.at.sentence,
                    kind,
                    similarity,
                    shared,
                    run_start,
                    run_end,
                    run_words: run.len(),
                }
            })
            .collect();
        // The representative's own kind is its closest relation to another.
        let closest = members
            .iter()
            .enumerate()
            .filter(|&(x, _)| x != representative)
            .map(|(_, m)| m.kind)
            .min()
            .unwrap_or(Kind::Verbatim);
        let mut members = members;
        members[representative].kind = closest;
        let kind = if members.iter().all(|m| m.kind == Kind::Verbatim) {
            Kind::Verbatim
        } else if members.iter().any(|m| m.kind == Kind::Paraphrase) {
            Kind::Paraphrase
        } else {
            Kind::Near
        };
        let mut shared_words: Vec<String> = Vec::new();
        let mut seen = Interner::default();
        for &w in &rep.words.seq {
            let word = explain.words[w as usize];
            if first_time(&mut seen, word)
                && group.iter().all(|&v| self.sample(v).words.contains(w))
            {
                shared_words.push(word.to_owned());
            }
        }
        let mut article_ids: Vec<usize> = members.iter().map(|m| m.article).collect();
        article_ids.dedup();
        Cluster {
            kind,
            similarity: if count == 0 {
                1.0
            } else {
                total / count as f64
            },
            articles: article_ids.len(),
            representative,
            shared_words,
            members,
        }
    }
}

/// Whether `word` is new to `seen` (which then holds it): repeats found
/// by hashing, with the interner's table rather than a set of its own.
#[inline(never)]
fn first_time(seen: &mut Interner, word: &str) -> bool {
    let before = seen.len();
    seen.id(word);
    seen.len() > before
}

/// Finds the words that explain a link: content words of one sentence
/// whose terms another sentence holds.
pub(super) struct Explainer<'c> {
    /// Folded words by id.
    pub(super) words: Vec<&'c str>,
}

impl<'c> Explainer<'c> {
    pub(super) fn new(corpus: &'c Corpus) -> Self {
        Explainer {
            words: corpus.words.by_id(),
        }
    }

    /// Content words of `item`, as written and without repeats, whose
    /// terms any of `others` holds; repeats are found by hashing.
    pub(super) fn shared(&self, corpus: &Corpus, item: &Item, others: &[&Item]) -> Vec<String> {
        let article = &corpus.articles[item.at.article];
        let mut shared: Vec<String> = Vec::new();
        let mut seen = Interner::default();
        let tokens = &article.sentences[item.at.sentence];
        for (token, &w) in tokens.iter().zip(&item.words.seq) {
            let term = corpus.term_of[w as usize];
            if term == NO_TERM || !others.iter().any(|o| o.terms.binary_search(&term).is_ok()) {
                continue;
            }
            let word = &article.text[token.span.clone()];
            if first_time(&mut seen, word) {
                shared.push(word.to_owned());
            }
        }
        shared
    }
}
