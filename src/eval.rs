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

use crate::analysis::analyze;
use crate::cluster::score;
use crate::model::{Analysis, Input, Options};
pub use crate::model::{
    BoundaryCase, BoundaryMiss, BoundaryReport, GoldLink, Kind, LinkError, LinkReport, Prf,
};
use crate::text::sentence_texts;
use crate::text::tokens;

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

/// The sentence of `analysis.articles[article]` whose span holds the first
/// occurrence of `snippet` in `text`.
fn locate(analysis: &Analysis, article: usize, text: &str, snippet: &str) -> Result<usize, String> {
    let at = text.find(snippet).ok_or_else(|| {
        format!(
            "{}: snippet not found: {snippet:?}",
            analysis.articles[article].name
        )
    })?;
    analysis.articles[article]
        .sentences
        .iter()
        .position(|s| s.start <= at && at < s.end)
        .ok_or_else(|| {
            format!(
                "{}: snippet outside any sentence: {snippet:?}",
                analysis.articles[article].name
            )
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
        let sa = locate(&analysis, a, &inputs[a].text, &link.a_text)?;
        let sb = locate(&analysis, b, &inputs[b].text, &link.b_text)?;
        let pair = ordered((a, sa), (b, sb));
        all_gold.insert(pair);
        kinds.insert(pair, link.kind);
        if link.optional {
            optional.insert(pair);
        } else if link.kind != Kind::Paraphrase {
            close_gold.insert(pair);
        }
    }
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

/// How well "linked by the engine" predicts "paraphrase" on labelled pairs.
#[derive(Debug, Clone, PartialEq)]
pub struct PairReport {
    pub pairs: usize,
    pub accuracy: f64,
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
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

/// Whether the engine links the two texts: each is an article of its own,
/// and some cluster or link joins a sentence of one to one of the other.
pub fn engine_links(a: &str, b: &str, options: &Options) -> Result<bool, String> {
    let inputs = [Input::new("a", a), Input::new("b", b)];
    let analysis = analyze(&inputs, options).map_err(|e| e.to_string())?;
    let in_cluster = analysis.clusters.iter().any(|c| {
        c.members.iter().any(|m| m.article == 0) && c.members.iter().any(|m| m.article == 1)
    });
    Ok(in_cluster || !analysis.links.is_empty())
}

/// Scores [`engine_links`] as a paraphrase detector on labelled pairs.
pub fn score_pairs(pairs: &[SentencePair], options: &Options) -> Result<PairReport, String> {
    let mut predicted = Vec::with_capacity(pairs.len());
    for pair in pairs {
        predicted.push(engine_links(&pair.a, &pair.b, options)?);
    }
    let gold: Vec<bool> = pairs.iter().map(|p| p.paraphrase).collect();
    let (accuracy, precision, recall, f1) = binary_scores(&predicted, &gold);
    let always = binary_scores(&vec![true; gold.len()], &gold).3;
    Ok(PairReport {
        pairs: pairs.len(),
        accuracy,
        precision,
        recall,
        f1,
        always_f1: always,
        jaccard: best_jaccard(pairs),
    })
}

/// Accuracy, precision, recall and F1 of `predicted` against `gold`.
fn binary_scores(predicted: &[bool], gold: &[bool]) -> (f64, f64, f64, f64) {
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
    (ratio(tp + tn, gold.len()), precision, recall, f1)
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
        let (accuracy, _, _, f1) = binary_scores(&predicted, &gold);
        if accuracy > best.1 {
            best = (threshold, accuracy, f1);
        }
    }
    best
}
