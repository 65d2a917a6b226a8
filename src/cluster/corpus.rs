//! The corpus as the clusterer sees it: every sentence long enough to
//! match becomes an [`Item`] (interned words, content terms, quotes), and
//! items identical for matching are grouped into [`Variant`]s once.

use std::hash::Hasher;
use std::ops::Range;

use rustc_hash::FxHashMap;

use super::ArticleTokens;
use super::features::Shapes;
use super::score::Words;
use super::terms::{Terms, is_number, term_factor, weight};
use crate::model::{Options, SentenceRef};
use crate::text::{Interner, merge_equal};

/// An item's place in [`Corpus::items`]: a sentence long enough to match.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(super) struct ItemId(pub(super) u32);

/// A variant's place in [`Corpus::variants`]; variants are numbered by
/// first appearance in corpus order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(super) struct VariantId(pub(super) u32);

impl ItemId {
    pub(super) fn index(self) -> usize {
        self.0 as usize
    }
}

impl VariantId {
    pub(super) fn index(self) -> usize {
        self.0 as usize
    }

    /// Every variant id of a corpus of `n` variants, in order.
    pub(super) fn all(n: usize) -> impl Iterator<Item = VariantId> {
        (0..n as u32).map(VariantId)
    }
}

/// A sentence prepared for matching.
pub(super) struct Item {
    pub(super) at: SentenceRef,
    pub(super) words: Words,
    /// Sorted interned content terms (see [`crate::cluster::terms`]).
    pub(super) terms: Vec<u32>,
    /// Summed weight of `terms`.
    pub(super) term_weight: f64,
    /// Headings take part in near links only.
    pub(super) heading: bool,
    /// Sorted terms of words inside quotation marks, and whether the
    /// sentence quotes anyone at all.
    pub(super) quoted_terms: Vec<u32>,
    pub(super) quotes: bool,
    /// Sorted words written with a capital after the sentence's first word
    /// (names, mostly).
    pub(super) names: Vec<u32>,
    /// Content key for order-independent tie breaking.
    pub(super) key: (u64, usize),
}

/// What links two sentences (or two variants: see [`Variant`]).
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Edge {
    /// Word similarity for near links, paraphrase score for paraphrases.
    pub(super) score: f64,
    /// How alike the two are as wholes, for the grouping order: the Dice
    /// coefficient of their words for near links (a short sentence inside a
    /// long one has similarity 1 by its run, but not resemblance 1), the
    /// score for paraphrases.
    pub(super) resemblance: f64,
    pub(super) near: bool,
}

/// Sentences that are the same for matching: the same folded words in the
/// same order, the same heading flag and the same quoted terms. Copies are
/// grouped once, so candidates, scores and groups are worked out per variant
/// and a sentence copied `k` times costs about `k`, not `k²`; copies inside
/// one article count once towards the index's posting cap.
pub(super) struct Variant {
    /// Items holding it, in corpus order (article, then sentence).
    pub(super) items: Vec<ItemId>,
    /// `(article, copies)`, by article.
    pub(super) articles: Vec<(usize, u32)>,
    /// The smallest content key of its items, for tie breaking.
    pub(super) key: (u64, usize),
}

impl Variant {
    pub(super) fn copies(&self) -> u64 {
        self.items.len() as u64
    }

    /// Copies of this variant in `article`.
    pub(super) fn copies_in(&self, article: usize) -> u64 {
        self.articles
            .binary_search_by_key(&article, |&(a, _)| a)
            .map_or(0, |k| u64::from(self.articles[k].1))
    }

    /// Pairs of its copies that lie in different articles.
    pub(super) fn pairs_within(&self) -> u64 {
        let same: u64 = self
            .articles
            .iter()
            .map(|&(_, c)| u64::from(c) * u64::from(c))
            .sum();
        (self.copies() * self.copies() - same) / 2
    }

    /// Pairs of a copy of this and a copy of `other` in different articles.
    pub(super) fn pairs_with(&self, other: &Variant) -> u64 {
        let mut same = 0u64;
        merge_equal(
            &self.articles,
            &other.articles,
            |x, y| x.0.cmp(&y.0),
            |x, y| same += u64::from(x.1) * u64::from(y.1),
        );
        self.copies() * other.copies() - same
    }
}

/// Two variants `(v, w)` with `v < w`.
pub(super) type Pair = (VariantId, VariantId);

/// Edges between variants, keyed by their [`Pair`].
pub(super) type Edges = FxHashMap<Pair, Edge>;

/// Everything the clusterer knows about the corpus.
pub(super) struct Corpus<'a> {
    pub(super) articles: &'a [ArticleTokens<'a>],
    pub(super) items: Vec<Item>,
    pub(super) variants: Vec<Variant>,
    pub(super) words: Interner,
    /// Content-term strings by id, and their weights.
    pub(super) terms: Interner,
    /// The content term of each word id ([`NO_TERM`] for a function word):
    /// each distinct word is stemmed once.
    pub(super) term_of: Vec<u32>,
    pub(super) weights: Vec<f64>,
    /// Whether each content term is a number.
    pub(super) numeric: Vec<bool>,
    /// Character trigrams and word bigrams, for the rewrite decision.
    pub(super) shapes: Shapes,
    pub(super) threshold: f64,
    /// Minimum paraphrase score, if paraphrases are linked.
    pub(super) paraphrase: Option<f64>,
}

/// A hash of an article's text that is the same on every platform (FxHash
/// depends on the width of `usize`, so WebAssembly and the CLI would break
/// ties differently): SipHash with fixed keys over the bytes.
pub(super) fn content_hash(text: &str) -> u64 {
    let mut h = std::hash::DefaultHasher::new();
    h.write(text.as_bytes());
    h.finish()
}

/// The end of pair `p` that is not `from`.
pub(super) fn to_of(p: Pair, from: VariantId) -> VariantId {
    if p.0 == from { p.1 } else { p.0 }
}

/// [`Corpus::term_of`] for a word that is no content term.
pub(super) const NO_TERM: u32 = u32::MAX;

pub(super) fn pair(v: VariantId, w: VariantId) -> Pair {
    (v.min(w), v.max(w))
}

impl<'a> Corpus<'a> {
    pub(super) fn new(articles: &'a [ArticleTokens<'a>], options: &Options) -> Self {
        let stemmer = Terms::default();
        let (mut words, mut terms) = (Interner::default(), Interner::default());
        let mut term_of: Vec<u32> = Vec::new();
        let mut items: Vec<Item> = Vec::new();
        for (a, article) in articles.iter().enumerate() {
            let article_key = content_hash(article.text);
            for (s, tokens) in article.sentences.iter().enumerate() {
                if tokens.len() < options.min_words.max(1) {
                    continue;
                }
                let seq: Vec<u32> = tokens
                    .iter()
                    .map(|t| {
                        let id = words.id(&t.norm);
                        if id as usize == term_of.len() {
                            term_of.push(stemmer.term(t).map_or(NO_TERM, |term| terms.id(&term)));
                        }
                        id
                    })
                    .collect();
                let term = |w: &u32| Some(term_of[*w as usize]).filter(|&t| t != NO_TERM);
                let mut ids: Vec<u32> = seq.iter().filter_map(term).collect();
                crate::sort::sort(&mut ids);
                ids.dedup();
                let quotes: &[Range<usize>] = article.quotes.get(s).map_or(&[], Vec::as_slice);
                let mut quoted_terms: Vec<u32> = tokens
                    .iter()
                    .zip(&seq)
                    .filter(|(t, _)| quotes.iter().any(|q| q.contains(&t.span.start)))
                    .filter_map(|(_, w)| term(w))
                    .collect();
                crate::sort::sort(&mut quoted_terms);
                quoted_terms.dedup();
                // Only the lone-pair measures read the names: the page's
                // module (where only the corpus model runs) skips them
                // unless that model takes those measures.
                let mut names: Vec<u32> = if !super::features::NAMES_NEEDED {
                    Vec::new()
                } else {
                    tokens
                        .iter()
                        .zip(&seq)
                        .skip(1)
                        .filter(|(t, _)| {
                            article.text[t.span.clone()]
                                .chars()
                                .next()
                                .is_some_and(char::is_uppercase)
                        })
                        .map(|(_, &w)| w)
                        .collect()
                };
                crate::sort::sort(&mut names);
                names.dedup();
                items.push(Item {
                    at: SentenceRef {
                        article: a,
                        sentence: s,
                    },
                    words: Words::new(seq),
                    terms: ids,
                    term_weight: 0.0,
                    heading: article.headings.get(s).copied().unwrap_or(false),
                    quotes: !quoted_terms.is_empty(),
                    quoted_terms,
                    names,
                    key: (article_key, s),
                });
            }
        }
        let mut df = vec![0usize; terms.len()];
        for item in &items {
            for &t in &item.terms {
                df[t as usize] += 1;
            }
        }
        let weights: Vec<f64> = terms
            .by_id()
            .iter()
            .zip(&df)
            .map(|(term, &d)| weight(d, items.len()) * term_factor(term))
            .collect();
        for item in &mut items {
            item.term_weight = item.terms.iter().map(|&t| weights[t as usize]).sum();
        }
        let variants = variants(&items);
        let numeric = terms.by_id().iter().map(|t| is_number(t)).collect();
        let shapes = Shapes::new(items.len());
        Corpus {
            articles,
            items,
            variants,
            words,
            terms,
            term_of,
            weights,
            numeric,
            shapes,
            threshold: options.threshold,
            paraphrase: options.paraphrases.then_some(options.paraphrase_threshold),
        }
    }

    pub(super) fn item(&self, i: ItemId) -> &Item {
        &self.items[i.index()]
    }

    pub(super) fn variant(&self, v: VariantId) -> &Variant {
        &self.variants[v.index()]
    }

    /// The first item of variant `v`: every item of a variant has the same
    /// words, terms, heading flag and quoted terms.
    pub(super) fn sample(&self, v: VariantId) -> &Item {
        self.item(self.sample_id(v))
    }

    pub(super) fn sample_id(&self, v: VariantId) -> ItemId {
        self.variant(v).items[0]
    }
}

/// Groups items into variants (see [`Variant`]), numbered by first
/// appearance.
pub(super) fn variants(items: &[Item]) -> Vec<Variant> {
    let mut ids: FxHashMap<(&[u32], bool, &[u32]), VariantId> = FxHashMap::default();
    let mut variants: Vec<Variant> = Vec::new();
    for (i, item) in items.iter().enumerate() {
        let next = VariantId(variants.len() as u32);
        let v = *ids
            .entry((&item.words.seq, item.heading, &item.quoted_terms))
            .or_insert(next);
        if v == next {
            variants.push(Variant {
                items: Vec::new(),
                articles: Vec::new(),
                key: item.key,
            });
        }
        let variant = &mut variants[v.index()];
        variant.items.push(ItemId(i as u32));
        variant.key = variant.key.min(item.key);
        // Items come in article order, so each article's copies are adjacent.
        match variant.articles.last_mut() {
            Some((a, copies)) if *a == item.at.article => *copies += 1,
            _ => variant.articles.push((item.at.article, 1)),
        }
    }
    variants
}
