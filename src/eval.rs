//! Scoring the engine against labelled data.
//!
//! Two kinds of gold data (see `tests/data/eval/README.md`):
//!
//! - **Sentence boundaries**: a text and the exact sentences a careful
//!   reader splits it into. A case is right only if every sentence matches.
//! - **Cross-article links**: pairs of sentences in different articles that
//!   are the same sentence reproduced (`verbatim`), lightly edited (`near`) or
//!   rewritten from the same source (`paraphrase`). Each side is given by a
//!   distinctive snippet of the sentence, so the labels do not depend on how
//!   the engine splits sentences. A predicted link is a pair of sentences
//!   from different articles in the same cluster, or a link that the
//!   clusters leave out ([`crate::Analysis::links`]); it is `verbatim` or
//!   `near` when the pair's own word similarity reaches
//!   [`crate::options::NEAR_KIND`] (the kind does not move with the
//!   threshold), and a
//!   paraphrase otherwise.
//!
//! Link scores are given for the `verbatim` + `near` class and for all links.
//! A predicted link counts as correct when the gold data links the same two
//! sentences (of any kind); recall of a class is the share of its gold links
//! that are predicted. Links marked `optional` (judgment calls) count neither
//! way.

use std::collections::{BTreeMap, BTreeSet};

use crate::analysis::{analyze, with_article_tokens};
use crate::cluster::features::FEATURES;
use crate::cluster::{ArticleTokens, PairJudgment, score};
use crate::model::{Article, Input, Options};
pub use crate::model::{
    BoundaryCase, BoundaryMiss, BoundaryReport, GoldLink, Kind, LinkError, LinkReport, Prf,
};
use crate::text::{Token, quoted_spans, sentence_texts, tokens};

/// Scores the segmenter on labelled cases.
pub fn score_boundaries(cases: &[BoundaryCase]) -> BoundaryReport {
    let mut by_category: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    let mut misses = Vec::new();
    for case in cases {
        let got: Vec<String> = sentence_texts(&case.text)
            .into_iter()
            .map(str::to_owned)
            .collect();
        let entry = by_category.entry(case.category.clone()).or_default();
        entry.1 += 1;
        if got == case.sentences {
            entry.0 += 1;
        } else {
            misses.push(BoundaryMiss {
                id: case.id.clone(),
                category: case.category.clone(),
                expected: case.sentences.clone(),
                got,
            });
        }
    }
    let correct = cases.len() - misses.len();
    BoundaryReport {
        cases: cases.len(),
        correct,
        accuracy: ratio(correct, cases.len()),
        by_category,
        misses,
    }
}

type Pair = ((usize, usize), (usize, usize));

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 1.0 } else { a as f64 / b as f64 }
}

fn prf(
    predicted: &BTreeSet<Pair>,
    gold: &BTreeSet<Pair>,
    all_gold: &BTreeSet<Pair>,
    ignore: &BTreeSet<Pair>,
) -> Prf {
    let counted: BTreeSet<&Pair> = predicted.iter().filter(|p| !ignore.contains(p)).collect();
    let right = counted.iter().filter(|p| all_gold.contains(p)).count();
    let found = gold.iter().filter(|g| predicted.contains(g)).count();
    let precision = ratio(right, counted.len());
    let recall = ratio(found, gold.len());
    let f1 = if precision + recall == 0.0 {
        0.0
    } else {
        2.0 * precision * recall / (precision + recall)
    };
    Prf {
        predicted: counted.len(),
        gold: gold.len(),
        precision,
        recall,
        f1,
    }
}

/// The sentence of `articles[article]` whose span holds the first
/// occurrence of `snippet` in `text`.
fn locate(
    articles: &[Article],
    article: usize,
    text: &str,
    snippet: &str,
) -> Result<usize, String> {
    let at = text
        .find(snippet)
        .ok_or_else(|| format!("{}: snippet not found: {snippet:?}", articles[article].name))?;
    articles[article]
        .sentences
        .iter()
        .position(|s| s.start <= at && at < s.end)
        .ok_or_else(|| {
            format!(
                "{}: snippet outside any sentence: {snippet:?}",
                articles[article].name
            )
        })
}

/// The gold links of a set as sentence pairs of its segmented articles.
struct Gold {
    /// Every gold pair, optional ones included.
    all: BTreeSet<Pair>,
    /// The required verbatim and near pairs.
    close: BTreeSet<Pair>,
    /// Judgment calls, counted neither way.
    optional: BTreeSet<Pair>,
    kinds: BTreeMap<Pair, Kind>,
}

fn locate_gold(articles: &[Article], inputs: &[Input], gold: &[GoldLink]) -> Result<Gold, String> {
    let index: BTreeMap<&str, usize> = inputs
        .iter()
        .enumerate()
        .map(|(i, a)| (a.name.as_str(), i))
        .collect();
    let article = |name: &str| {
        index
            .get(name)
            .copied()
            .ok_or_else(|| format!("gold link names an unknown article: {name}"))
    };
    let (mut close_gold, mut all_gold, mut optional) =
        (BTreeSet::new(), BTreeSet::new(), BTreeSet::new());
    let mut kinds: BTreeMap<Pair, Kind> = BTreeMap::new();
    for link in gold {
        let (a, b) = (article(&link.a)?, article(&link.b)?);
        let sa = locate(articles, a, &inputs[a].text, &link.a_text)?;
        let sb = locate(articles, b, &inputs[b].text, &link.b_text)?;
        let pair = ordered((a, sa), (b, sb));
        all_gold.insert(pair);
        kinds.insert(pair, link.kind);
        if link.optional {
            optional.insert(pair);
        } else if link.kind != Kind::Paraphrase {
            close_gold.insert(pair);
        }
    }
    Ok(Gold {
        all: all_gold,
        close: close_gold,
        optional,
        kinds,
    })
}

/// Analyses `inputs` with `options` and scores the links against `gold`.
pub fn score_links(
    inputs: &[Input],
    gold: &[GoldLink],
    options: &Options,
) -> Result<LinkReport, String> {
    let options = Options {
        diffs: false,
        ..options.clone()
    };
    let analysis = analyze(inputs, &options).map_err(|e| e.to_string())?;
    let Gold {
        all: all_gold,
        close: close_gold,
        optional,
        kinds,
    } = locate_gold(&analysis.articles, inputs, gold)?;
    // A predicted pair is `verbatim` or `near` when its own word similarity
    // reaches `options::NEAR_KIND`, whatever else its cluster holds.
    let word_similarity = |((a, sa), (b, sb)): Pair| {
        let tokens = |article: usize, s: usize| {
            let sentence = &analysis.articles[article].sentences[s];
            tokens(&inputs[article].text, sentence.start..sentence.end)
        };
        score(&tokens(a, sa), &tokens(b, sb)).similarity
    };
    let mut predicted: BTreeSet<Pair> = BTreeSet::new();
    for cluster in &analysis.clusters {
        for (k, x) in cluster.members.iter().enumerate() {
            for y in &cluster.members[k + 1..] {
                if x.article != y.article {
                    predicted.insert(ordered((x.article, x.sentence), (y.article, y.sentence)));
                }
            }
        }
    }
    for link in &analysis.links {
        predicted.insert(ordered(
            (link.a.article, link.a.sentence),
            (link.b.article, link.b.sentence),
        ));
    }
    let (mut close_pred, mut all_pred) = (BTreeSet::new(), BTreeSet::new());
    for pair in predicted {
        all_pred.insert(pair);
        if word_similarity(pair) >= crate::options::NEAR_KIND {
            close_pred.insert(pair);
        }
    }
    let required: BTreeSet<Pair> = all_gold.difference(&optional).copied().collect();
    let describe = |kind: &str, ((a, sa), (b, sb)): Pair| LinkError {
        kind: kind.to_owned(),
        a: inputs[a].name.clone(),
        a_sentence: analysis.articles[a].sentences[sa].text.clone(),
        b: inputs[b].name.clone(),
        b_sentence: analysis.articles[b].sentences[sb].text.clone(),
    };
    Ok(LinkReport {
        articles: inputs.len(),
        close: prf(&close_pred, &close_gold, &all_gold, &optional),
        all: prf(&all_pred, &required, &all_gold, &optional),
        false_links: all_pred
            .difference(&all_gold)
            .map(|&p| describe("predicted", p))
            .collect(),
        missed: required
            .difference(&all_pred)
            .map(|&p| {
                let kind = match kinds[&p] {
                    Kind::Verbatim => "verbatim",
                    Kind::Near => "near",
                    Kind::Paraphrase => "paraphrase",
                };
                describe(kind, p)
            })
            .collect(),
    })
}

fn ordered(x: (usize, usize), y: (usize, usize)) -> Pair {
    if x <= y { (x, y) } else { (y, x) }
}

/// A labelled pair of sentences from a paraphrase corpus (MRPC's format:
/// see [`parse_paraphrase_pairs`]).
#[derive(Debug, Clone, PartialEq)]
pub struct SentencePair {
    pub paraphrase: bool,
    pub a: String,
    pub b: String,
}

/// Accuracy, precision, recall and F1 of a yes/no prediction.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Binary {
    pub accuracy: f64,
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
}

/// How well the engine's judgments predict "paraphrase" on labelled pairs.
#[derive(Debug, Clone, PartialEq)]
pub struct PairReport {
    pub pairs: usize,
    /// "Paraphrase" when the engine would link the two inside a corpus
    /// ([`PairJudgment::linked`]).
    pub linked: Binary,
    /// "Paraphrase" when the pair model judges them one statement
    /// ([`PairJudgment::same_statement`]; learned on MRPC's training split,
    /// so on that split this is no held-out figure).
    pub same_statement: Binary,
    /// F1 of answering "paraphrase" for every pair.
    pub always_f1: f64,
    /// The word-set Jaccard baseline at its best threshold on these very
    /// pairs (an optimistic peer): (threshold, accuracy, F1).
    pub jaccard: (f64, f64, f64),
}

/// Reads the Microsoft Research Paraphrase Corpus's tab-separated format:
/// a header line, then `Quality`, `#1 ID`, `#2 ID`, `#1 String`,
/// `#2 String` per line (quality 1 for a paraphrase, 0 for not).
pub fn parse_paraphrase_pairs(text: &str) -> Result<Vec<SentencePair>, String> {
    let mut lines = text.trim_start_matches('\u{feff}').lines().enumerate();
    match lines.next() {
        Some((_, header)) if header.starts_with("Quality\t") => {}
        _ => return Err("line 1: expected the header \"Quality\t#1 ID\t…\"".into()),
    }
    lines
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(n, line)| {
            let fields: Vec<&str> = line.split('\t').collect();
            let paraphrase = match fields.first() {
                Some(&"1") => true,
                Some(&"0") => false,
                _ => return Err(format!("line {}: quality must be 0 or 1", n + 1)),
            };
            if fields.len() != 5 {
                return Err(format!("line {}: expected 5 tab-separated fields", n + 1));
            }
            Ok(SentencePair {
                paraphrase,
                a: fields[3].to_owned(),
                b: fields[4].to_owned(),
            })
        })
        .collect()
}

/// The engine's judgment of each labelled pair: every text is a sentence
/// of its own (MRPC's strings are single sentences; no segmenting), and the
/// content terms are weighted over all the texts of `pairs`, as over the
/// articles of one analysis.
pub fn judge_pairs(pairs: &[SentencePair], options: &Options) -> Vec<Option<PairJudgment>> {
    let texts: Vec<&str> = pairs
        .iter()
        .flat_map(|p| [p.a.as_str(), p.b.as_str()])
        .collect();
    let tokens: Vec<Vec<Vec<Token>>> = texts.iter().map(|t| vec![tokens(t, 0..t.len())]).collect();
    let quotes: Vec<Vec<Vec<std::ops::Range<usize>>>> =
        texts.iter().map(|t| vec![quoted_spans(t, 0)]).collect();
    let articles: Vec<ArticleTokens> = texts
        .iter()
        .zip(&tokens)
        .zip(&quotes)
        .map(|((text, sentences), quotes)| ArticleTokens {
            text,
            sentences,
            headings: &[false],
            quotes,
        })
        .collect();
    let index: Vec<(usize, usize)> = (0..pairs.len()).map(|i| (2 * i, 2 * i + 1)).collect();
    crate::cluster::judge_pairs(&articles, &index, options)
}

/// Scores the engine as a paraphrase detector on labelled pairs: a pair
/// counts as "paraphrase" when the engine links its two sentences
/// ([`PairJudgment::linked`]).
pub fn score_pairs(pairs: &[SentencePair], options: &Options) -> PairReport {
    let judged = judge_pairs(pairs, options);
    let gold: Vec<bool> = pairs.iter().map(|p| p.paraphrase).collect();
    let by = |f: &dyn Fn(&PairJudgment) -> bool| {
        let predicted: Vec<bool> = judged.iter().map(|j| j.as_ref().is_some_and(f)).collect();
        binary_scores(&predicted, &gold)
    };
    PairReport {
        pairs: pairs.len(),
        linked: by(&|j| j.linked(options)),
        same_statement: by(&|j| j.same_statement()),
        always_f1: binary_scores(&vec![true; gold.len()], &gold).f1,
        jaccard: best_jaccard(pairs),
    }
}

/// One labelled example for the rewrite model: a candidate pair of a
/// labelled set, linked or not in the gold data, with its measures.
#[derive(Debug, Clone, PartialEq)]
pub struct TrainingRow {
    pub linked: bool,
    pub features: [f64; FEATURES],
}

/// The rewrite decision's candidate pairs of one labelled set (see
/// [`crate::cluster::rewrite_candidates`]), each labelled by the gold
/// links; pairs marked optional are left out.
pub fn training_rows(
    inputs: &[Input],
    gold: &[GoldLink],
    options: &Options,
) -> Result<Vec<TrainingRow>, String> {
    let (gold, candidates) = with_article_tokens(inputs, |articles, tokens| {
        let gold = locate_gold(articles, inputs, gold)?;
        Ok::<_, String>((gold, crate::cluster::rewrite_candidates(tokens, options)))
    })?;
    Ok(candidates
        .into_iter()
        .filter_map(|c| {
            let pair = ordered((c.a.article, c.a.sentence), (c.b.article, c.b.sentence));
            (!gold.optional.contains(&pair)).then(|| TrainingRow {
                linked: gold.all.contains(&pair),
                features: c.features,
            })
        })
        .collect())
}

/// Accuracy, precision, recall and F1 of `predicted` against `gold`.
fn binary_scores(predicted: &[bool], gold: &[bool]) -> Binary {
    let count = |p: bool, g: bool| {
        predicted
            .iter()
            .zip(gold)
            .filter(|&(&x, &y)| x == p && y == g)
            .count()
    };
    let (tp, fp, fn_, tn) = (
        count(true, true),
        count(true, false),
        count(false, true),
        count(false, false),
    );
    let precision = ratio(tp, tp + fp);
    let recall = ratio(tp, tp + fn_);
    let f1 = if tp == 0 {
        0.0
    } else {
        2.0 * precision * recall / (precision + recall)
    };
    Binary {
        accuracy: ratio(tp + tn, gold.len()),
        precision,
        recall,
        f1,
    }
}

/// The word-set Jaccard baseline (folded words, as the engine tokenises)
/// at the threshold that gives the best accuracy on `pairs`.
fn best_jaccard(pairs: &[SentencePair]) -> (f64, f64, f64) {
    let words = |s: &str| -> BTreeSet<String> {
        tokens(s, 0..s.len()).into_iter().map(|t| t.norm).collect()
    };
    let similarity: Vec<f64> = pairs
        .iter()
        .map(|p| {
            let (a, b) = (words(&p.a), words(&p.b));
            let union = a.union(&b).count();
            ratio(a.intersection(&b).count(), union)
        })
        .collect();
    let gold: Vec<bool> = pairs.iter().map(|p| p.paraphrase).collect();
    let mut best = (0.0, 0.0, 0.0);
    for step in 0..=100 {
        let threshold = f64::from(step) / 100.0;
        let predicted: Vec<bool> = similarity.iter().map(|&s| s >= threshold).collect();
        let b = binary_scores(&predicted, &gold);
        if b.accuracy > best.1 {
            best = (threshold, b.accuracy, b.f1);
        }
    }
    best
}
