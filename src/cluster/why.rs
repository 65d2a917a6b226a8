//! Why two sentences are or are not linked: the pair test that candidate
//! pairs pass to become edges (`candidates.rs`), asked of any two
//! sentences, with the corpus's own term weights, and told in the terms a
//! link is explained with.

use super::corpus::{Corpus, Item, ItemId, VariantId};
use super::explain::Explainer;
use super::features::judgeable;
use super::group::side_by_side;
use super::score::{link, score_words};
use super::terms::quotes_agree;
use crate::model::{Kind, LinkEnd, PairWhy, SentenceRef, WhyReason};

impl Corpus<'_> {
    fn item_at(&self, at: SentenceRef) -> Option<ItemId> {
        let k = self.items.binary_search_by_key(&at, |i| i.at).ok()?;
        Some(ItemId(k as u32))
    }

    fn variant_of(&self, i: ItemId) -> VariantId {
        let k = self.variants.iter().position(|v| v.items.contains(&i));
        VariantId(k.unwrap_or(0) as u32)
    }

    /// The pair test of `x` and `y`, explained.
    fn why(&self, x: ItemId, y: ItemId) -> PairWhy {
        let (a, b) = (self.item(x), self.item(y));
        let (v, w) = (self.variant_of(x), self.variant_of(y));
        let s = score_words(&a.words, &b.words);
        // Why the rewrite model does or does not judge them, in the order
        // of `judgeable`: a heading, quotes that disagree, too few terms.
        let judged = || match self.paraphrase {
            None => (WhyReason::NoRewrites, None),
            Some(_) if judgeable(a, b) => (WhyReason::Below, Some(self.rewrite_probability(x, y))),
            Some(_) if a.heading || b.heading => (WhyReason::Heading, None),
            Some(_) if !quotes_agree(a, b) => (WhyReason::Quotes, None),
            Some(_) => (WhyReason::FewTerms, None),
        };
        let (mut reason, score) = if a.at.article == b.at.article {
            (WhyReason::SameArticle, None)
        } else if v != w && side_by_side(&self.variant(v).articles, &self.variant(w).articles) {
            (WhyReason::SideBySide, judged().1)
        } else if link(&a.words, &b.words, self.threshold).is_some() {
            (WhyReason::Near, None)
        } else {
            judged()
        };
        if let (WhyReason::Below, Some(p), Some(min)) = (reason, score, self.paraphrase)
            && p >= min
        {
            reason = WhyReason::Rewrite;
        }
        let explain = Explainer::new(self);
        let end = |item: &Item, run, other| {
            let (run_start, run_end) = self.run_span(item, run);
            LinkEnd {
                article: item.at.article,
                sentence: item.at.sentence,
                shared: explain.shared(self, item, &[other]),
                run_start,
                run_end,
            }
        };
        PairWhy {
            reason,
            kind: self.kind(a, b, s.similarity),
            similarity: s.similarity,
            threshold: self.threshold,
            score,
            paraphrase_threshold: self.paraphrase,
            a: end(a, &s.run_a, b),
            b: end(b, &s.run_b, a),
            run_words: s.run_a.len(),
        }
    }
}

/// Why sentences `a` and `b` of `articles` are or are not linked by the
/// pair test under `options` (see [`PairWhy`]); `None` if either is out of
/// range. A sentence the clusterer never sees (not compared, or too
/// short) gets that reason and no measures.
pub fn explain_pair(
    articles: &[super::ArticleTokens],
    options: &crate::model::Options,
    a: SentenceRef,
    b: SentenceRef,
) -> Option<PairWhy> {
    let tokens = |r: SentenceRef| articles.get(r.article)?.sentences.get(r.sentence);
    let (ta, tb) = (tokens(a)?, tokens(b)?);
    let corpus = Corpus::new(articles, options);
    if let (Some(x), Some(y)) = (corpus.item_at(a), corpus.item_at(b)) {
        return Some(corpus.why(x, y));
    }
    let end = |r: SentenceRef| LinkEnd {
        article: r.article,
        sentence: r.sentence,
        shared: Vec::new(),
        run_start: 0,
        run_end: 0,
    };
    Some(PairWhy {
        reason: if ta.is_empty() || tb.is_empty() {
            WhyReason::NotCompared
        } else {
            WhyReason::TooShort
        },
        kind: Kind::Paraphrase,
        similarity: 0.0,
        threshold: options.threshold,
        score: None,
        paraphrase_threshold: corpus.paraphrase,
        a: end(a),
        b: end(b),
        run_words: 0,
    })
}
