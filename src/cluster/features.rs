//! The rewrite decision: whether two sentences that are no near copies are
//! rewrites of one statement, by a logistic model over a few measures of
//! the pair.
//!
//! Each measure is general (no word list, nothing of a particular story):
//! overlaps of words (Dice and the share of each side covered), word pairs,
//! letter trigrams and weighted content terms, the longest common run, the
//! lengths (ratio and difference), the number of content terms shared, and
//! how many numbers, content terms and names either side has that the other
//! lacks (log-scaled), the shorter sentence's word n-gram precision (BLEU's
//! geometric mean of the 1- to 4-gram precisions) and how much of the
//! shared words' order the two keep. The model learns from every [`candidate`] pair; the
//! engine asks it only about [`judgeable`] ones. The weights are learned
//! by `scripts/train-links` (which also reports cross-validated figures) and
//! written to `learned.rs`: [`CORPUS`] on the candidate pairs of the
//! development article sets of `tests/data`, for links inside a corpus (its
//! probability is the paraphrase score that the paraphrase threshold is
//! compared with), and [`PAIRS`] on MRPC's training split (news sentence
//! pairs judged by people), for a lone pair of sentences.

use std::cell::OnceCell;

use super::corpus::{Corpus, Item, ItemId};
use super::learned;
use super::score::{Words, longest_common_run, overlap_count};
use crate::text::{dice, merge_equal, sorted_overlap};

/// How many measures describe a pair.
pub const FEATURES: usize = 17;

/// The measures' names, in order (the columns `wirediff eval --features`
/// writes and `scripts/train-links` reads).
pub const NAMES: [&str; FEATURES] = [
    "word_dice",
    "run_cover",
    "bigram_dice",
    "term_dice",
    "term_recall_min",
    "term_recall_max",
    "length_ratio",
    "unmatched_numbers",
    "unmatched_terms",
    "shared_terms",
    "char_dice",
    "word_cover_min",
    "word_cover_max",
    "length_difference",
    "ngram_precision",
    "word_order",
    "unmatched_names",
];

/// Where the measures made for lone pairs begin (`ngram_precision`,
/// `word_order`, `unmatched_names`): `scripts/train-links` fits the corpus
/// model without them when the article sets left out of training score
/// better so.
pub const LONE_PAIR_MEASURES: usize = 14;

/// Fewest content terms two sentences share for the engine to ask the
/// rewrite model about them: about half the candidates share one term (the
/// rare one that made them candidates), and the model, which learns from
/// every candidate, links none of those on the development sets, so they are
/// not measured at all.
pub const MIN_SHARED_TERMS: usize = 2;

/// Whether a pair is a rewrite candidate at all: neither is a heading (two
/// headlines share the story's names whoever wrote them, and a headline
/// linked by rewrite chains clusters together) and their quotations agree
/// ([`super::terms::quotes_agree`]). The model learns from every such
/// candidate pair.
pub(super) fn candidate(a: &Item, b: &Item) -> bool {
    !a.heading && !b.heading && super::terms::quotes_agree(a, b)
}

/// Whether the engine asks the rewrite model about a pair: a [`candidate`]
/// sharing at least [`MIN_SHARED_TERMS`] content terms. The paraphrase
/// links, the grouping guard and a lone pair's judgment all ask this one
/// question.
pub(super) fn judgeable(a: &Item, b: &Item) -> bool {
    candidate(a, b) && crate::text::sorted_overlap(&a.terms, &b.terms, u32::cmp) >= MIN_SHARED_TERMS
}

/// The logistic function.
fn logistic(x: f64) -> f64 {
    1.0 / (1.0 + (-x).exp())
}

/// A logistic model over the measures: its intercept and one weight per
/// measure, on the raw measures.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Model {
    pub bias: f64,
    pub weights: [f64; FEATURES],
}

impl Model {
    /// The probability the model gives to `features` being a rewrite.
    pub fn probability(&self, features: &[f64; FEATURES]) -> f64 {
        let z: f64 = self.bias
            + self
                .weights
                .iter()
                .zip(features)
                .map(|(w, x)| w * x)
                .sum::<f64>();
        logistic(z)
    }
}

/// The rewrite decision inside a corpus: learned on the candidate pairs of
/// the development article sets.
pub const CORPUS: Model = learned::CORPUS;

/// Whether [`CORPUS`] gives any weight to the measures made for lone
/// pairs; when not, the engine does not take them (a constant, so the page
/// carries no code for them).
const CORPUS_TAKES_LONE_PAIR_MEASURES: bool = {
    let mut i = LONE_PAIR_MEASURES;
    let mut any = false;
    while i < FEATURES {
        any |= CORPUS.weights[i] != 0.0;
        i += 1;
    }
    any
};

/// Whether items need their names ([`Item::names`], read by the lone-pair
/// measures only): natively always (the pair model runs there), in the
/// page only when the corpus model takes those measures.
pub(super) const NAMES_NEEDED: bool =
    !cfg!(all(target_family = "wasm", target_os = "unknown")) || CORPUS_TAKES_LONE_PAIR_MEASURES;

/// The judgment of a lone pair of sentences (no corpus around it, MRPC's
/// task: are the two the same statement?): learned on MRPC's training
/// split. Among pairs chosen for their word overlap a rewrite needs more
/// than among a corpus's candidates, so the two models differ.
pub const PAIRS: Model = learned::PAIRS;

/// Three characters packed exactly into one number (a character is at most
/// 21 bits): no collisions, and the same natively and in WebAssembly.
fn gram(chars: [char; 3]) -> u64 {
    chars
        .iter()
        .fold(0u64, |packed, &c| (packed << 21) | u64::from(u32::from(c)))
}

/// A word's character trigrams, padded with a space on each side, and its
/// first and last characters (for the trigrams across the space between
/// two words).
struct WordGrams {
    grams: Vec<u64>,
    first: char,
    last: char,
}

fn word_grams(word: &str) -> WordGrams {
    let chars: Vec<char> = std::iter::once(' ')
        .chain(word.chars())
        .chain(std::iter::once(' '))
        .collect();
    WordGrams {
        grams: chars.windows(3).map(|w| gram([w[0], w[1], w[2]])).collect(),
        first: chars.get(1).copied().unwrap_or(' '),
        last: chars
            .get(chars.len().saturating_sub(2))
            .copied()
            .unwrap_or(' '),
    }
}

/// Sorted word bigrams of a word sequence.
fn bigrams(seq: &[u32]) -> Vec<(u32, u32)> {
    let mut out: Vec<(u32, u32)> = seq.windows(2).map(|w| (w[0], w[1])).collect();
    crate::sort::sort(&mut out);
    out
}

/// How many word `n`-grams two sequences share, counted as multisets. Each
/// n-gram is hashed to 64 bits (a collision among a pair's few dozen
/// n-grams is vanishingly rare), so one sort serves every order.
fn ngram_overlap(a: &[u32], b: &[u32], n: usize) -> usize {
    let grams = |seq: &[u32]| {
        let mut out: Vec<u64> = seq
            .windows(n)
            .map(|w| {
                w.iter().fold(0xcbf2_9ce4_8422_2325u64, |h, &x| {
                    (h ^ u64::from(x))
                        .wrapping_mul(0x0000_0100_0000_01b3)
                        .rotate_left(29)
                })
            })
            .collect();
        crate::sort::sort(&mut out);
        out
    };
    sorted_overlap(&grams(a), &grams(b), u64::cmp)
}

/// Smallest precision [`ngram_precision`] takes for an order, so that one
/// order without a shared n-gram does not zero the mean.
const PRECISION_FLOOR: f64 = 0.01;

/// BLEU's core for the shorter of two sentences (`shorter` words): the
/// geometric mean of its 1- to 4-gram precisions, given the n-grams the two
/// share (`common[n - 1]`). The shorter side has the fewest n-grams of every
/// order, so its precisions are the larger of the two sides'.
fn ngram_precision(common: [usize; 4], shorter: usize) -> f64 {
    let logs: f64 = common
        .iter()
        .enumerate()
        .map(|(i, &c)| {
            let total = shorter.saturating_sub(i);
            let p = if total == 0 {
                0.0
            } else {
                c as f64 / total as f64
            };
            p.max(PRECISION_FLOOR).ln()
        })
        .sum();
    (logs / common.len() as f64).exp()
}

/// How far two sentences keep the order of the words they share: among
/// the words each holds exactly once, the share of pairs of them that come
/// in the same order in both (Kendall's concordance; 1 with fewer than two
/// such words). Counted by merge sort, so long sentences cost `k log k`.
fn word_order(a: &Words, b: &Words) -> f64 {
    let once = |w: &Words| {
        let s = &w.sorted;
        (0..s.len())
            .filter(|&i| {
                (i == 0 || s[i - 1].0 != s[i].0) && (i + 1 == s.len() || s[i + 1].0 != s[i].0)
            })
            .map(|i| s[i])
            .collect::<Vec<_>>()
    };
    let (oa, ob) = (once(a), once(b));
    let mut pairs: Vec<(u32, u32)> = Vec::new();
    merge_equal(
        &oa,
        &ob,
        |x, y| x.0.cmp(&y.0),
        |x, y| pairs.push((x.1, y.1)),
    );
    let k = pairs.len();
    if k < 2 {
        return 1.0;
    }
    crate::sort::sort(&mut pairs);
    let mut positions: Vec<u32> = pairs.iter().map(|p| p.1).collect();
    let inversions = count_inversions(&mut positions);
    let total = (k * (k - 1) / 2) as f64;
    1.0 - inversions as f64 / total
}

/// The pairs `i < j` with `v[i] > v[j]`, sorting `v` on the way.
fn count_inversions(v: &mut [u32]) -> usize {
    let n = v.len();
    if n < 2 {
        return 0;
    }
    let (left, right) = v.split_at_mut(n / 2);
    let mut count = count_inversions(left) + count_inversions(right);
    let mut merged = Vec::with_capacity(n);
    let (mut i, mut j) = (0, 0);
    while i < left.len() && j < right.len() {
        if left[i] <= right[j] {
            merged.push(left[i]);
            i += 1;
        } else {
            merged.push(right[j]);
            count += left.len() - i;
            j += 1;
        }
    }
    merged.extend_from_slice(&left[i..]);
    merged.extend_from_slice(&right[j..]);
    v.copy_from_slice(&merged);
    count
}

/// An item's sorted character trigrams and word bigrams.
struct Shape {
    grams: Box<[u64]>,
    bigrams: Box<[(u32, u32)]>,
}

/// Per-word character trigrams and per-item shapes, each built when first
/// needed: an item is judged against many candidates, its shape is made
/// once.
pub(super) struct Shapes {
    words: OnceCell<Vec<WordGrams>>,
    items: Vec<OnceCell<Shape>>,
}

impl Shapes {
    pub(super) fn new(items: usize) -> Self {
        Shapes {
            words: OnceCell::new(),
            items: (0..items).map(|_| OnceCell::new()).collect(),
        }
    }
}

impl Corpus<'_> {
    /// An item's shape: the character trigrams of its words joined by
    /// spaces (each word's own, padded, and those across each space) and
    /// its word bigrams, sorted.
    fn shape(&self, id: ItemId) -> &Shape {
        self.shapes.items[id.index()].get_or_init(|| {
            let table = self
                .shapes
                .words
                .get_or_init(|| self.words.by_id().iter().map(|w| word_grams(w)).collect());
            let seq = &self.item(id).words.seq;
            let mut grams: Vec<u64> =
                seq.iter()
                    .flat_map(|&w| table[w as usize].grams.iter().copied())
                    .chain(seq.windows(2).map(|p| {
                        gram([table[p[0] as usize].last, ' ', table[p[1] as usize].first])
                    }))
                    .collect();
            crate::sort::sort(&mut grams);
            Shape {
                grams: grams.into(),
                bigrams: bigrams(seq).into(),
            }
        })
    }

    /// The measures of a pair of items (see [`NAMES`]).
    pub(super) fn features(&self, x: ItemId, y: ItemId) -> [f64; FEATURES] {
        self.measures::<true>(x, y)
    }

    /// The measures, those from [`LONE_PAIR_MEASURES`] on left at 0 unless
    /// `every` is set.
    fn measures<const EVERY: bool>(&self, x: ItemId, y: ItemId) -> [f64; FEATURES] {
        let (a, b) = (self.item(x), self.item(y));
        let (sa, sb) = (self.shape(x), self.shape(y));
        let (la, lb) = (a.words.len(), b.words.len());
        let common = overlap_count(&a.words, &b.words);
        let run = longest_common_run(&a.words, &b.words).0.len();
        let (ba, bb) = (&sa.bigrams, &sb.bigrams);
        let bigram_common = sorted_overlap(ba, bb, <(u32, u32)>::cmp);
        let (ga, gb) = (&sa.grams, &sb.grams);
        let char_common = sorted_overlap(ga, gb, u64::cmp);
        let (mut shared_weight, mut shared, mut shared_numbers) = (0.0, 0usize, 0usize);
        merge_equal(&a.terms, &b.terms, u32::cmp, |&t, _| {
            shared_weight += self.weights[t as usize];
            shared += 1;
            shared_numbers += usize::from(self.numeric[t as usize]);
        });
        let numbers = |x: &Item| {
            x.terms
                .iter()
                .filter(|&&t| self.numeric[t as usize])
                .count()
        };
        let recall = |total: f64| {
            if total > 0.0 {
                shared_weight / total
            } else {
                0.0
            }
        };
        let (ra, rb) = (recall(a.term_weight), recall(b.term_weight));
        let unmatched_numbers = numbers(a) + numbers(b) - 2 * shared_numbers;
        let unmatched_terms = a.terms.len() + b.terms.len() - 2 * shared;
        let ln1p = |n: usize| (n as f64 + 1.0).ln();
        let mut measures = [
            dice(common, la, lb),
            run as f64 / la.min(lb).max(1) as f64,
            dice(bigram_common, ba.len(), bb.len()),
            super::terms::weighted_dice(shared_weight, a.term_weight, b.term_weight),
            ra.min(rb),
            ra.max(rb),
            la.min(lb) as f64 / la.max(lb).max(1) as f64,
            ln1p(unmatched_numbers),
            ln1p(unmatched_terms),
            ln1p(shared),
            dice(char_common, ga.len(), gb.len()),
            common as f64 / la.max(lb).max(1) as f64,
            common as f64 / la.min(lb).max(1) as f64,
            ln1p(la.abs_diff(lb)),
            0.0,
            0.0,
            0.0,
        ];
        if EVERY {
            let unmatched_names = a.names.iter().filter(|&&w| !b.words.contains(w)).count()
                + b.names.iter().filter(|&&w| !a.words.contains(w)).count();
            let grams = [
                common,
                bigram_common,
                ngram_overlap(&a.words.seq, &b.words.seq, 3),
                ngram_overlap(&a.words.seq, &b.words.seq, 4),
            ];
            measures[LONE_PAIR_MEASURES..].copy_from_slice(&[
                ngram_precision(grams, la.min(lb)),
                word_order(&a.words, &b.words),
                ln1p(unmatched_names),
            ]);
        }
        measures
    }

    /// The probability ([`CORPUS`]) that two items are rewrites of one
    /// statement. The measures the model gives no weight are not taken.
    pub(super) fn rewrite_probability(&self, x: ItemId, y: ItemId) -> f64 {
        CORPUS.probability(&self.measures::<CORPUS_TAKES_LONE_PAIR_MEASURES>(x, y))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn grams_of_a_word_are_padded_trigrams() {
        assert_eq!(word_grams("ab").grams.len(), 2);
        assert_eq!(word_grams("abc").grams.len(), 3);
        assert_eq!(word_grams("abc").grams[0], word_grams("abd").grams[0]);
        let w = word_grams("día");
        assert_eq!((w.first, w.last), ('d', 'a'));
    }

    #[test]
    fn inversions_are_counted() {
        let mut v = [3, 1, 2];
        assert_eq!(count_inversions(&mut v), 2);
        assert_eq!(v, [1, 2, 3]);
        let mut sorted: Vec<u32> = (0..100).collect();
        assert_eq!(count_inversions(&mut sorted), 0);
        let mut reversed: Vec<u32> = (0..100).rev().collect();
        assert_eq!(count_inversions(&mut reversed), 100 * 99 / 2);
    }

    #[test]
    fn word_order_is_kept_reversed_or_unknown() {
        let words = |s: &[u32]| Words::new(s.to_vec());
        let a = words(&[1, 2, 3, 4]);
        assert_eq!(word_order(&a, &words(&[9, 1, 2, 3, 4])), 1.0);
        assert_eq!(word_order(&a, &words(&[4, 3, 2, 1])), 0.0);
        // Words held twice do not count; with fewer than two left, 1.
        assert_eq!(word_order(&a, &words(&[2, 2, 1, 1, 7])), 1.0);
        assert_eq!(word_order(&a, &words(&[2, 1, 3, 4])), 5.0 / 6.0);
    }

    #[test]
    fn ngram_precision_is_bleus_mean() {
        let (a, b) = ([1, 2, 3, 4, 5], [1, 2, 3, 4, 5, 6]);
        let grams = |n| match n {
            1 => sorted_overlap(
                &{
                    let mut v = a.to_vec();
                    v.sort();
                    v
                },
                &{
                    let mut v = b.to_vec();
                    v.sort();
                    v
                },
                u32::cmp,
            ),
            2 => ngram_overlap(&a, &b, 2),
            3 => ngram_overlap(&a, &b, 3),
            _ => ngram_overlap(&a, &b, 4),
        };
        let common = [grams(1), grams(2), grams(3), grams(4)];
        assert_eq!(common, [5, 4, 3, 2]);
        assert!((ngram_precision(common, 5) - 1.0).abs() < 1e-12);
        // No shared n-gram of an order: its precision is floored, not 0.
        let p = ngram_precision([2, 0, 0, 0], 4);
        assert!((p - (0.5f64 * 0.01 * 0.01 * 0.01).powf(0.25)).abs() < 1e-12);
        assert!(ngram_precision([0; 4], 0) > 0.0);
    }

    #[test]
    fn grams_are_exact() {
        assert_ne!(gram(['a', 'b', 'c']), gram(['a', 'c', 'b']));
        assert_ne!(
            gram(['\u{10FFFF}', 'a', 'b']),
            gram(['a', '\u{10FFFF}', 'b'])
        );
    }

    #[test]
    fn measures_do_not_depend_on_which_sentence_comes_first() {
        use crate::cluster::ArticleTokens;
        use crate::text::tokens;
        let texts = [
            "Boeing will cut 10% of its workforce, about 17,000 jobs, the company said.",
            "The planemaker said it would lay off 17,000 workers, a tenth of its staff.",
        ];
        let toks: Vec<Vec<Vec<crate::text::Token>>> =
            texts.iter().map(|t| vec![tokens(t, 0..t.len())]).collect();
        let articles: Vec<ArticleTokens> = texts
            .iter()
            .zip(&toks)
            .map(|(text, sentences)| ArticleTokens {
                text,
                sentences,
                headings: &[false],
                quotes: &[],
            })
            .collect();
        let corpus = Corpus::new(&articles, &crate::Options::default());
        let (x, y) = (ItemId(0), ItemId(1));
        assert_eq!(corpus.features(x, y), corpus.features(y, x));
        let p = CORPUS.probability(&corpus.features(x, y));
        assert!(p > 0.0 && p < 1.0, "{p}");
    }
}
