//! Why two sentences are or are not linked: the pair test that candidate
//! pairs pass to become edges (`candidates.rs`), asked of any two
//! sentences, with the corpus's own term weights, and told in the terms a
//! link is explained with.

use super::corpus::{Corpus, Edge, ItemId, VariantId};
use super::explain::Explainer;
use super::features::judgeable;
use super::group::side_by_side;
use super::score::{link, score_words};
use super::terms::quotes_agree;
use crate::model::{PairWhy, SentenceRef, WhyReason};

impl Corpus<'_> {
    /// The item of sentence `at`, and its variant.
    fn find(&self, at: SentenceRef) -> Option<(ItemId, VariantId)> {
        VariantId::all(self.variants.len()).find_map(|v| {
            let items = &self.variant(v).items;
            items
                .iter()
                .find(|&&i| self.item(i).at == at)
                .map(|&i| (i, v))
        })
    }

    /// The pair test of `x` and `y`, explained.
    fn why(&self, (x, v): (ItemId, VariantId), (y, w): (ItemId, VariantId)) -> PairWhy {
        let (a, b) = (self.item(x), self.item(y));
        // Why the rewrite model does or does not judge them, in the order
        // of `judgeable`: a heading, quotes that disagree, too few terms.
        let judged = || match self.paraphrase {
            None => (WhyReason::NoRewrites, None),
            Some(min) if judgeable(a, b) => {
                let p = self.rewrite_probability(x, y);
                let reason = if p >= min {
                    WhyReason::Rewrite
                } else {
                    WhyReason::Below
                };
                (reason, Some(p))
            }
            Some(_) if a.heading || b.heading => (WhyReason::Heading, None),
            Some(_) if !quotes_agree(a, b) => (WhyReason::Quotes, None),
            Some(_) => (WhyReason::FewTerms, None),
        };
        let (reason, score) = if a.at.article == b.at.article {
            (WhyReason::SameArticle, None)
        } else if v != w && side_by_side(&self.variant(v).articles, &self.variant(w).articles) {
            (WhyReason::SideBySide, None)
        } else if link(&a.words, &b.words, self.threshold).is_some() {
            (WhyReason::Near, None)
        } else {
            judged()
        };
        let similarity = score_words(&a.words, &b.words).similarity;
        let edge = Edge {
            score: score.unwrap_or(similarity),
            resemblance: 0.0,
            near: score.is_none(),
        };
        PairWhy {
            reason,
            link: self.describe_link(x, y, &edge, &Explainer::new(self)),
        }
    }
}

/// Why sentences `a` and `b` of `articles` are or are not linked by the
/// pair test under `options` (see [`PairWhy`]); or, for a sentence the
/// clusterer never sees, why not: [`WhyReason::NotCompared`] (set aside as
/// site furniture, a byline or a date; or no sentence of the set at all)
/// or [`WhyReason::TooShort`].
pub fn explain_pair(
    articles: &[super::ArticleTokens],
    options: &crate::model::Options,
    a: SentenceRef,
    b: SentenceRef,
) -> Result<PairWhy, WhyReason> {
    let compared = |r: SentenceRef| {
        articles
            .get(r.article)
            .and_then(|x| x.sentences.get(r.sentence))
            .is_some_and(|t| !t.is_empty())
    };
    let corpus = Corpus::new(articles, options);
    match (corpus.find(a), corpus.find(b)) {
        (Some(x), Some(y)) => Ok(corpus.why(x, y)),
        _ if compared(a) && compared(b) => Err(WhyReason::TooShort),
        _ => Err(WhyReason::NotCompared),
    }
}
