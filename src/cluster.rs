//! Clusters of shared sentences across articles.
//!
//! 1. **Index.** Every sentence with at least `min_words` folded words is cut
//!    into word bigrams (hashed pairs of interned word ids). An inverted
//!    index maps each bigram to the sentences that hold it. Bigrams held by
//!    more than [`posting_cap`] sentences (`of the`, `he said`) carry no
//!    evidence and are skipped, so candidate generation stays near linear
//!    instead of comparing every sentence with every other one.
//! 2. **Verify.** Each candidate pair from different articles is scored by
//!    [`score`]: the larger of the Dice coefficient of the two word multisets
//!    and, for sentences of at least [`RUN_MIN_SENTENCE`] words, the share of
//!    the shorter sentence covered by the longest common run of words (so a
//!    quote reproduced inside a longer sentence still scores high). Pairs at
//!    or above the threshold become near links; sentences not linked so may
//!    still be linked as paraphrases.
//! 3. **Group.** Edges are merged strongest first. Two groups join only when
//!    at least half of their cross-article member pairs are themselves linked
//!    and none of those pairs is unrelated (scores below half the threshold),
//!    so one middle sentence cannot chain two unrelated ones together. Ties
//!    are broken by content, never by article position, so the clusters do
//!    not depend on the order of the articles.
//!    Paraphrase links ([`crate::paraphrase`]) join after all near links.
//! 4. **Explain.** Each cluster names a representative (the member with the
//!    strongest links), and each member carries its kind and score against
//!    it, the span of their longest common run and the content words it
//!    shares with it; the cluster lists the words that all members share.
//! 5. **Leftover links.** A sentence sits in one cluster only, and the guard
//!    keeps a sentence out of a group it is partly unlike. A linked pair
//!    that ends up in two different clusters (or with a side in none) is
//!    reported as a [`Link`], with the same explanation, if it is the
//!    strongest link of one of its sentences into the other's group; links
//!    merge nothing.

use std::hash::Hasher;
use std::ops::Range;

use rustc_hash::{FxHashMap, FxHashSet};

use crate::model::{Cluster, ClusterMember, Kind, Link, LinkEnd, Options, SentenceRef};
use crate::paraphrase::{
    MIN_SHARED_TERMS, PREFIX_TERMS, Terms, term_factor, weight, weighted_dice,
};
use crate::text::{Interner, Token, dice, sorted_overlap};

/// Shorter sentences are judged by word overlap alone: a common run of a few
/// words between short sentences is usually a stock phrase, not a copy.
pub const RUN_MIN_SENTENCE: usize = 8;

/// A common run of this many words counts as full coverage however long the
/// sentences are: unrelated sentences almost never share that many words in
/// a row, so a long quote reproduced inside two long sentences links them.
pub const RUN_SATURATION: usize = 16;

/// How the two sentences of a pair relate.
#[derive(Debug, Clone, PartialEq)]
pub struct Score {
    /// `max(dice, run coverage)`, in 0..=1.
    pub similarity: f64,
    /// Longest common run of words: token ranges in each sentence.
    pub run_a: Range<usize>,
    pub run_b: Range<usize>,
}

/// A sentence's interned words, in order and sorted with their positions.
#[derive(Debug, Clone)]
struct Words {
    seq: Vec<u32>,
    /// `(word, position)` pairs sorted by word then position.
    sorted: Vec<(u32, u32)>,
}

impl Words {
    fn new(seq: Vec<u32>) -> Self {
        let mut sorted: Vec<(u32, u32)> = seq
            .iter()
            .enumerate()
            .map(|(i, &w)| (w, i as u32))
            .collect();
        sorted.sort_unstable();
        Words { seq, sorted }
    }

    fn len(&self) -> usize {
        self.seq.len()
    }

    fn contains(&self, word: u32) -> bool {
        self.sorted.binary_search_by(|&(w, _)| w.cmp(&word)).is_ok()
    }
}

/// A sentence prepared for matching.
struct Item {
    at: SentenceRef,
    words: Words,
    /// Sorted interned content terms (see [`crate::paraphrase`]).
    terms: Vec<u32>,
    /// Summed weight of `terms`.
    term_weight: f64,
    /// Headings take part in near links only.
    heading: bool,
    /// Sorted terms of words inside quotation marks, and whether the
    /// sentence quotes anyone at all.
    quoted_terms: Vec<u32>,
    quotes: bool,
    /// Content key for order-independent tie breaking.
    key: (u64, usize),
}

/// Bigrams held by more sentences than this are skipped by the index:
/// twice the number of articles, so a quote that every article carries is
/// still indexed, and at least 64.
pub fn posting_cap(articles: usize) -> usize {
    (2 * articles).max(64)
}

/// Walks the words two sentences share: calls `f(i, j)` for every pair of
/// positions holding the same word, grouped by word.
fn for_shared(a: &Words, b: &Words, mut f: impl FnMut(usize, usize)) {
    let (x, y) = (&a.sorted, &b.sorted);
    let (mut i, mut j) = (0, 0);
    while i < x.len() && j < y.len() {
        let (wa, wb) = (x[i].0, y[j].0);
        if wa < wb {
            i += 1;
        } else if wa > wb {
            j += 1;
        } else {
            let i_end = i + x[i..].iter().take_while(|p| p.0 == wa).count();
            let j_end = j + y[j..].iter().take_while(|p| p.0 == wa).count();
            for &(_, pa) in &x[i..i_end] {
                for &(_, pb) in &y[j..j_end] {
                    f(pa as usize, pb as usize);
                }
            }
            (i, j) = (i_end, j_end);
        }
    }
}

/// Size of the multiset intersection of two sentences' words.
fn overlap_count(a: &Words, b: &Words) -> usize {
    sorted_overlap(&a.sorted, &b.sorted, |x, y| x.0.cmp(&y.0))
}

/// Longest common contiguous run of words, as token ranges into each
/// sentence: the longest, then the earliest in `a`, then in `b`. Runs are
/// extended only from the positions where both sentences hold the same word,
/// so the cost follows the number of shared words, not the product of the
/// lengths.
fn longest_common_run(a: &Words, b: &Words) -> (Range<usize>, Range<usize>) {
    let (sa, sb) = (&a.seq, &b.seq);
    let mut best = (0usize, 0usize, 0usize);
    for_shared(a, b, |i, j| {
        if i > 0 && j > 0 && sa[i - 1] == sb[j - 1] {
            return; // Not the start of a run.
        }
        let len = sa[i..]
            .iter()
            .zip(&sb[j..])
            .take_while(|(x, y)| x == y)
            .count();
        if len > best.0 || (len == best.0 && len > 0 && (i, j) < (best.1, best.2)) {
            best = (len, i, j);
        }
    });
    let (len, i, j) = best;
    (i..i + len, j..j + len)
}

/// The similarity of [`Score`], given the multiset overlap and the length of
/// the longest common run.
fn similarity(a: &Words, b: &Words, common: usize, run: usize) -> f64 {
    let dice = dice(common, a.len(), b.len());
    let shorter = a.len().min(b.len());
    let coverage = if shorter >= RUN_MIN_SENTENCE {
        run.min(RUN_SATURATION) as f64 / shorter.min(RUN_SATURATION) as f64
    } else {
        0.0
    };
    dice.max(coverage)
}

/// Scores two prepared sentences.
fn score_words(a: &Words, b: &Words) -> Score {
    let (run_a, run_b) = longest_common_run(a, b);
    Score {
        similarity: similarity(a, b, overlap_count(a, b), run_a.len()),
        run_a,
        run_b,
    }
}

/// The score of two sentences if it reaches `threshold`. The run is never
/// longer than the overlap, so the run is computed only when the overlap
/// leaves the answer open.
fn link(a: &Words, b: &Words, threshold: f64) -> Option<f64> {
    let common = overlap_count(a, b);
    if similarity(a, b, common, common) < threshold {
        return None;
    }
    let s = similarity(a, b, common, longest_common_run(a, b).0.len());
    (s >= threshold).then_some(s)
}

/// Scores two token sequences (folded words) the way the clusterer does.
pub fn score(a: &[Token], b: &[Token]) -> Score {
    let mut interner = Interner::default();
    let a = Words::new(a.iter().map(|t| interner.id(&t.norm)).collect());
    let b = Words::new(b.iter().map(|t| interner.id(&t.norm)).collect());
    score_words(&a, &b)
}

/// Input for clustering: per article, its text and its sentences' tokens.
pub struct ArticleTokens<'a> {
    pub text: &'a str,
    pub sentences: &'a [Vec<Token>],
    /// For each sentence, whether it is a heading (see [`crate::paraphrase`]).
    pub headings: &'a [bool],
    /// For each sentence, the byte ranges inside quotation marks (see
    /// [`crate::text::quoted_spans`]); may be empty.
    pub quotes: &'a [Vec<Range<usize>>],
}

/// What links two sentences (or two variants: see [`Variant`]).
#[derive(Debug, Clone, Copy, PartialEq)]
struct Edge {
    /// Word similarity for near links, paraphrase score for paraphrases.
    score: f64,
    near: bool,
}

/// Sentences that are the same for matching: the same folded words in the
/// same order, the same heading flag and the same quoted terms. Copies are
/// grouped once, so candidates, scores and groups are worked out per variant
/// and a sentence copied `k` times costs about `k`, not `k²`; copies inside
/// one article count once towards the index's posting cap.
struct Variant {
    /// Items holding it, in corpus order (article, then sentence).
    items: Vec<u32>,
    /// `(article, copies)`, by article.
    articles: Vec<(usize, u32)>,
    /// The smallest content key of its items, for tie breaking.
    key: (u64, usize),
}

impl Variant {
    fn copies(&self) -> u64 {
        self.items.len() as u64
    }

    /// Copies of this variant in `article`.
    fn copies_in(&self, article: usize) -> u64 {
        self.articles
            .binary_search_by_key(&article, |&(a, _)| a)
            .map_or(0, |k| u64::from(self.articles[k].1))
    }

    /// Pairs of its copies that lie in different articles.
    fn pairs_within(&self) -> u64 {
        let same: u64 = self
            .articles
            .iter()
            .map(|&(_, c)| u64::from(c) * u64::from(c))
            .sum();
        (self.copies() * self.copies() - same) / 2
    }

    /// Pairs of a copy of this and a copy of `other` in different articles.
    fn pairs_with(&self, other: &Variant) -> u64 {
        let (mut i, mut j, mut same) = (0, 0, 0u64);
        let (x, y) = (&self.articles, &other.articles);
        while i < x.len() && j < y.len() {
            match x[i].0.cmp(&y[j].0) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
                std::cmp::Ordering::Equal => {
                    same += u64::from(x[i].1) * u64::from(y[j].1);
                    i += 1;
                    j += 1;
                }
            }
        }
        self.copies() * other.copies() - same
    }
}

/// Edges between variants, keyed `(v, w)` with `v < w`.
type Edges = FxHashMap<(u32, u32), Edge>;

/// Everything the clusterer knows about the corpus.
struct Corpus<'a> {
    articles: &'a [ArticleTokens<'a>],
    items: Vec<Item>,
    variants: Vec<Variant>,
    words: Interner,
    /// Content-term strings by id, and their weights.
    terms: Interner,
    weights: Vec<f64>,
    threshold: f64,
    /// Minimum paraphrase score, if paraphrases are linked.
    paraphrase: Option<f64>,
}

/// What clustering finds.
#[derive(Debug, Clone, PartialEq)]
pub struct Clustering {
    /// Clusters, most articles first, then most members.
    pub clusters: Vec<Cluster>,
    /// Links that the clusters leave out (see [`crate::Analysis::links`]).
    pub links: Vec<Link>,
}

/// Finds clusters of shared sentences, and the links they leave out, with
/// the given options (threshold, minimum words, paraphrases).
pub fn cluster(articles: &[ArticleTokens], options: &Options) -> Clustering {
    let corpus = Corpus::new(articles, options);
    let cap = posting_cap(articles.len());
    let mut edges = corpus.near_pairs(cap);
    if corpus.paraphrase.is_some() {
        corpus.paraphrase_pairs(cap, &mut edges);
    }
    let groups = corpus.group(&edges);
    let explain = Explainer::new(&corpus);
    let mut clusters: Vec<Cluster> = groups
        .iter()
        .map(|members| corpus.describe(members, &edges, &explain))
        .collect();
    clusters.sort_by(|x, y| {
        y.articles
            .cmp(&x.articles)
            .then(y.members.len().cmp(&x.members.len()))
            .then(y.similarity.total_cmp(&x.similarity))
            .then_with(|| first_ref(x).cmp(&first_ref(y)))
    });
    let links = corpus.links(&groups, &edges, &explain);
    Clustering { clusters, links }
}

fn first_ref(c: &Cluster) -> (usize, usize) {
    c.members
        .first()
        .map_or((0, 0), |m| (m.article, m.sentence))
}

/// A hash of an article's text that is the same on every platform (FxHash
/// depends on the width of `usize`, so WebAssembly and the CLI would break
/// ties differently): SipHash with fixed keys over the bytes.
fn content_hash(text: &str) -> u64 {
    let mut h = std::hash::DefaultHasher::new();
    h.write(text.as_bytes());
    h.finish()
}

/// Whether two sentences may be paraphrases as far as their quotations go:
/// when both quote someone, the terms they share must include a word that
/// one of them quotes; otherwise they are two different quotes that share
/// only their attribution (the speaker's name and title).
fn quotes_agree(a: &Item, b: &Item) -> bool {
    let quoted_in = |x: &Item, y: &Item| {
        x.quoted_terms
            .iter()
            .any(|t| y.terms.binary_search(t).is_ok())
    };
    !(a.quotes && b.quotes) || quoted_in(a, b) || quoted_in(b, a)
}

/// The end of pair `p` that is not `from`.
fn to_of(p: (u32, u32), from: u32) -> u32 {
    if p.0 == from { p.1 } else { p.0 }
}

fn pair(i: u32, j: u32) -> (u32, u32) {
    (i.min(j), i.max(j))
}

impl<'a> Corpus<'a> {
    fn new(articles: &'a [ArticleTokens<'a>], options: &Options) -> Self {
        let stemmer = Terms::default();
        let (mut words, mut terms) = (Interner::default(), Interner::default());
        let mut items: Vec<Item> = Vec::new();
        for (a, article) in articles.iter().enumerate() {
            let article_key = content_hash(article.text);
            for (s, tokens) in article.sentences.iter().enumerate() {
                if tokens.len() < options.min_words.max(1) {
                    continue;
                }
                let mut ids: Vec<u32> = stemmer.of(tokens).iter().map(|t| terms.id(t)).collect();
                ids.sort_unstable();
                let quotes: &[Range<usize>] = article.quotes.get(s).map_or(&[], Vec::as_slice);
                let mut quoted_terms: Vec<u32> = tokens
                    .iter()
                    .filter(|t| quotes.iter().any(|q| q.contains(&t.span.start)))
                    .filter_map(|t| stemmer.term(t))
                    .map(|t| terms.id(&t))
                    .collect();
                quoted_terms.sort_unstable();
                quoted_terms.dedup();
                items.push(Item {
                    at: SentenceRef {
                        article: a,
                        sentence: s,
                    },
                    words: Words::new(tokens.iter().map(|t| words.id(&t.norm)).collect()),
                    terms: ids,
                    term_weight: 0.0,
                    heading: article.headings.get(s).copied().unwrap_or(false),
                    quotes: !quoted_terms.is_empty(),
                    quoted_terms,
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
        Corpus {
            articles,
            items,
            variants,
            words,
            terms,
            weights,
            threshold: options.threshold,
            paraphrase: options.paraphrases.then_some(options.paraphrase_threshold),
        }
    }

    fn item(&self, i: u32) -> &Item {
        &self.items[i as usize]
    }

    /// The first item of variant `v`: every item of a variant has the same
    /// words, terms, heading flag and quoted terms.
    fn sample(&self, v: u32) -> &Item {
        self.item(self.variants[v as usize].items[0])
    }

    /// Paraphrase score of two items and the number of terms they share.
    fn paraphrase_score(&self, a: &Item, b: &Item) -> (f64, usize) {
        let (mut i, mut j, mut shared, mut count) = (0, 0, 0.0, 0);
        while i < a.terms.len() && j < b.terms.len() {
            match a.terms[i].cmp(&b.terms[j]) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
                std::cmp::Ordering::Equal => {
                    shared += self.weights[a.terms[i] as usize];
                    count += 1;
                    i += 1;
                    j += 1;
                }
            }
        }
        (weighted_dice(shared, a.term_weight, b.term_weight), count)
    }

    /// Candidate pairs of variants from the bigram index, verified and kept
    /// at or above the threshold.
    fn near_pairs(&self, cap: usize) -> Edges {
        let grams = |v: u32| -> Vec<u64> {
            let seq = &self.sample(v).words.seq;
            let mut grams: Vec<u64> = if seq.len() == 1 {
                vec![u64::from(seq[0])]
            } else {
                seq.windows(2)
                    .map(|w| (u64::from(w[0]) << 32) | u64::from(w[1]))
                    .collect()
            };
            grams.sort_unstable();
            grams.dedup();
            grams
        };
        let mut index: FxHashMap<u64, Vec<u32>> = FxHashMap::default();
        for v in 0..self.variants.len() as u32 {
            for g in grams(v) {
                index.entry(g).or_default().push(v);
            }
        }
        let mut edges = Edges::default();
        self.for_candidates(&index, grams, cap, |v, w| {
            let (a, b) = (self.sample(v), self.sample(w));
            if let Some(score) = link(&a.words, &b.words, self.threshold) {
                edges.insert((v, w), Edge { score, near: true });
            }
        });
        edges
    }

    /// Adds paraphrase edges between variants not already linked: each
    /// variant is indexed under its rarest content terms (ties broken by the
    /// term itself), then candidates are scored.
    fn paraphrase_pairs(&self, cap: usize, edges: &mut Edges) {
        let Some(min_score) = self.paraphrase else {
            return;
        };
        let term_text = self.terms.by_id();
        let rarest = |v: u32| -> Vec<u32> {
            let item = self.sample(v);
            if item.heading {
                return Vec::new();
            }
            let mut rarest = item.terms.clone();
            rarest.sort_by(|&x, &y| {
                self.weights[y as usize]
                    .total_cmp(&self.weights[x as usize])
                    .then_with(|| term_text[x as usize].cmp(term_text[y as usize]))
            });
            rarest.truncate(PREFIX_TERMS);
            rarest
        };
        let mut index: FxHashMap<u32, Vec<u32>> = FxHashMap::default();
        for v in 0..self.variants.len() as u32 {
            for t in rarest(v) {
                index.entry(t).or_default().push(v);
            }
        }
        let mut found: Vec<((u32, u32), Edge)> = Vec::new();
        self.for_candidates(&index, rarest, cap, |v, w| {
            if edges.contains_key(&(v, w)) {
                return;
            }
            let (a, b) = (self.sample(v), self.sample(w));
            let (score, shared) = self.paraphrase_score(a, b);
            if score >= min_score && shared >= MIN_SHARED_TERMS && quotes_agree(a, b) {
                found.push(((v, w), Edge { score, near: false }));
            }
        });
        edges.extend(found);
    }

    /// Calls `f(v, w)` once for every pair of variants `v < w` that share a
    /// posting list no longer than `cap` and have copies in two different
    /// articles. Pairs are found variant by variant, so memory stays linear
    /// in the number of variants however many pairs there are.
    fn for_candidates<K: std::hash::Hash + Eq>(
        &self,
        index: &FxHashMap<K, Vec<u32>>,
        keys: impl Fn(u32) -> Vec<K>,
        cap: usize,
        mut f: impl FnMut(u32, u32),
    ) {
        let mut seen: Vec<u32> = vec![u32::MAX; self.variants.len()];
        for v in 0..self.variants.len() as u32 {
            for key in keys(v) {
                let Some(list) = index.get(&key) else {
                    continue;
                };
                if list.len() > cap {
                    continue;
                }
                // Lists are in variant order: only the later ones pair with v.
                for &w in &list[list.partition_point(|&w| w <= v)..] {
                    if std::mem::replace(&mut seen[w as usize], v) != v && self.apart(v, w) {
                        f(v, w);
                    }
                }
            }
        }
    }

    /// Whether two variants have copies in two different articles.
    fn apart(&self, v: u32, w: u32) -> bool {
        let (x, y) = (&self.variants[v as usize], &self.variants[w as usize]);
        x.articles.len() > 1 || y.articles.len() > 1 || x.articles[0].0 != y.articles[0].0
    }

    /// Strongest-first grouping of variants with the average-linkage guard:
    /// near links before paraphrases, then by score, then by content. A
    /// variant starts as a group of its copies; groups that end up in one
    /// article only are not clusters.
    fn group(&self, edges: &Edges) -> Vec<Vec<u32>> {
        let mut order: Vec<(&(u32, u32), &Edge)> = edges.iter().collect();
        let key = |v: u32| self.variants[v as usize].key;
        let content = |p: &(u32, u32)| (key(p.0).min(key(p.1)), key(p.0).max(key(p.1)));
        order.sort_by(|(p, e), (q, f)| {
            f.near
                .cmp(&e.near)
                .then(f.score.total_cmp(&e.score))
                .then_with(|| content(p).cmp(&content(q)))
        });
        let n = self.variants.len();
        let mut group_of: Vec<usize> = (0..n).collect();
        let mut members: Vec<Vec<u32>> = (0..n as u32).map(|v| vec![v]).collect();
        // Groups that may not join, with their sizes then: groups only grow,
        // so the same sizes mean the same groups and the same answer.
        let mut refused: FxHashSet<[usize; 4]> = FxHashSet::default();
        for (&(v, w), _) in order {
            let (gv, gw) = (group_of[v as usize], group_of[w as usize]);
            if gv == gw {
                continue;
            }
            let (lo, hi) = (gv.min(gw), gv.max(gw));
            let key = [lo, hi, members[lo].len(), members[hi].len()];
            if refused.contains(&key) {
                continue;
            }
            if !self.well_linked(edges, &members[gv], &members[gw]) {
                refused.insert(key);
                continue;
            }
            let (keep, gone) = if members[gv].len() >= members[gw].len() {
                (gv, gw)
            } else {
                (gw, gv)
            };
            let moved = std::mem::take(&mut members[gone]);
            for &m in &moved {
                group_of[m as usize] = keep;
            }
            members[keep].extend(moved);
        }
        members
            .into_iter()
            .filter(|m| {
                let mut articles = m
                    .iter()
                    .flat_map(|&v| self.variants[v as usize].articles.iter().map(|a| a.0));
                let first = articles.next();
                articles.any(|a| Some(a) != first)
            })
            .collect()
    }

    /// Whether two groups of variants may join: at least half of the pairs
    /// of their sentences that lie in different articles are linked, and
    /// none is unrelated (word similarity and paraphrase score both below
    /// half their thresholds).
    fn well_linked(&self, edges: &Edges, x: &[u32], y: &[u32]) -> bool {
        let (mut pairs, mut linked) = (0u64, 0u64);
        for &v in x {
            for &w in y {
                let apart = self.variants[v as usize].pairs_with(&self.variants[w as usize]);
                if apart == 0 {
                    continue;
                }
                pairs += apart;
                if edges.contains_key(&pair(v, w)) {
                    linked += apart;
                    continue;
                }
                let (a, b) = (self.sample(v), self.sample(w));
                let near = link(&a.words, &b.words, self.threshold / 2.0).is_some();
                let rewritten = self
                    .paraphrase
                    .is_some_and(|p| self.paraphrase_score(a, b).0 >= p / 2.0);
                if !near && !rewritten {
                    return false;
                }
            }
        }
        2 * linked >= pairs
    }

    /// How `item` relates to `rep` (a cluster's representative, or the other
    /// end of a link), given their word similarity.
    fn kind(&self, item: &Item, rep: &Item, similarity: f64) -> Kind {
        if item.words.seq == rep.words.seq {
            Kind::Verbatim
        } else if similarity >= self.threshold {
            Kind::Near
        } else {
            Kind::Paraphrase
        }
    }

    /// The byte span in its article of a run of `item`'s tokens (empty at
    /// the sentence's start when the run is empty).
    fn run_span(&self, item: &Item, run: &Range<usize>) -> (usize, usize) {
        let tokens = &self.articles[item.at.article].sentences[item.at.sentence];
        if run.is_empty() {
            (tokens[0].span.start, tokens[0].span.start)
        } else {
            (tokens[run.start].span.start, tokens[run.end - 1].span.end)
        }
    }

    /// Builds the public description of one group of variants.
    fn describe(&self, group: &[u32], edges: &Edges, explain: &Explainer) -> Cluster {
        let variant = |v: u32| &self.variants[v as usize];
        // Each variant's linked neighbours in the group, with the edge score.
        let neighbours: Vec<Vec<(u32, f64)>> = group
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
        let mut items: Vec<(u32, usize)> = group
            .iter()
            .enumerate()
            .flat_map(|(x, &v)| variant(v).items.iter().map(move |&i| (i, x)))
            .collect();
        items.sort_by_key(|&(i, _)| self.item(i).at);
        // A member's strength: the summed scores of its links to members in
        // other articles (a copy is linked with score 1).
        let strength = |i: u32, x: usize| -> f64 {
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
        for &w in &rep.words.seq {
            let everywhere = group.iter().all(|&v| self.sample(v).words.contains(w));
            let word = explain.words[w as usize];
            if everywhere && !shared_words.iter().any(|s| s == word) {
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

impl Corpus<'_> {
    /// The edges that the groups leave out: between two groups, or from a
    /// sentence in none. Each sentence keeps only its strongest edge into
    /// each other group (copies of a sentence in no cluster are a group of
    /// their own), and an edge is kept if it is the strongest for either of
    /// its ends: each sentence reaches a group through one link of its own
    /// (more only when copies in the group pick it as their best), and
    /// hundreds of copies of two sentences give hundreds of links, not
    /// their product. The link goes to the copy of the chosen variant with
    /// the smallest content key in another article.
    fn links(&self, groups: &[Vec<u32>], edges: &Edges, explain: &Explainer) -> Vec<Link> {
        // Group of each variant; variants in no group get ids past the groups'.
        let n = self.variants.len();
        let mut group_of: Vec<usize> = (groups.len()..groups.len() + n).collect();
        for (g, members) in groups.iter().enumerate() {
            for &v in members {
                group_of[v as usize] = g;
            }
        }
        // Near before paraphrase, then score, then the other end's content.
        let strength = |e: &Edge, other: u32| {
            (
                e.near,
                e.score,
                std::cmp::Reverse(self.variants[other as usize].key),
            )
        };
        let mut best: FxHashMap<(u32, usize), (u32, u32)> = FxHashMap::default();
        let mut offer = |from: u32, to: u32, p: (u32, u32), e: &Edge| {
            let slot = best.entry((from, group_of[to as usize])).or_insert(p);
            if strength(e, to).partial_cmp(&strength(&edges[slot], to_of(*slot, from)))
                == Some(std::cmp::Ordering::Greater)
            {
                *slot = p;
            }
        };
        for (&p @ (v, w), e) in edges {
            if group_of[v as usize] != group_of[w as usize] {
                offer(v, w, p, e);
                offer(w, v, p, e);
            }
        }
        // Each copy of the `from` variant, linked to a copy of the other.
        let mut kept: Vec<(u32, u32, (u32, u32))> = Vec::new();
        for ((from, _), p) in best {
            let to = &self.variants[to_of(p, from) as usize];
            for &i in &self.variants[from as usize].items {
                let article = self.item(i).at.article;
                let target = to
                    .items
                    .iter()
                    .filter(|&&j| self.item(j).at.article != article)
                    .min_by_key(|&&j| self.item(j).key);
                if let Some(&j) = target {
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
        links.sort_by_key(|l| (l.a.article, l.a.sentence, l.b.article, l.b.sentence));
        links
    }

    /// The public description of the edge between items `i < j`.
    fn describe_link(&self, i: u32, j: u32, edge: &Edge, explain: &Explainer) -> Link {
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

/// Groups items into variants (see [`Variant`]), numbered by first
/// appearance.
fn variants(items: &[Item]) -> Vec<Variant> {
    let mut ids: FxHashMap<(&[u32], bool, &[u32]), u32> = FxHashMap::default();
    let mut variants: Vec<Variant> = Vec::new();
    for (i, item) in items.iter().enumerate() {
        let next = variants.len() as u32;
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
        let variant = &mut variants[v as usize];
        variant.items.push(i as u32);
        variant.key = variant.key.min(item.key);
        // Items come in article order, so each article's copies are adjacent.
        match variant.articles.last_mut() {
            Some((a, copies)) if *a == item.at.article => *copies += 1,
            _ => variant.articles.push((item.at.article, 1)),
        }
    }
    variants
}

/// Finds the words that explain a link: content words of one sentence
/// whose terms another sentence holds.
struct Explainer<'c> {
    /// Folded words by id.
    words: Vec<&'c str>,
    stemmer: Terms,
    term_ids: FxHashMap<&'c str, u32>,
}

impl<'c> Explainer<'c> {
    fn new(corpus: &'c Corpus) -> Self {
        Explainer {
            words: corpus.words.by_id(),
            stemmer: Terms::default(),
            term_ids: corpus.terms.by_id().into_iter().zip(0u32..).collect(),
        }
    }

    /// Content words of `item`, as written and without repeats, whose
    /// terms any of `others` holds.
    fn shared(&self, corpus: &Corpus, item: &Item, others: &[&Item]) -> Vec<String> {
        let article = &corpus.articles[item.at.article];
        let mut shared: Vec<String> = Vec::new();
        for token in &article.sentences[item.at.sentence] {
            let Some(term) = self.stemmer.term(token) else {
                continue;
            };
            let held = self
                .term_ids
                .get(term.as_str())
                .is_some_and(|id| others.iter().any(|o| o.terms.binary_search(id).is_ok()));
            let word = &article.text[token.span.clone()];
            if held && !shared.iter().any(|w| w == word) {
                shared.push(word.to_owned());
            }
        }
        shared
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::quoted_spans;
    use crate::text::tokens;

    fn toks(s: &str) -> Vec<Token> {
        tokens(s, 0..s.len())
    }

    fn run(texts: &[&[&str]], threshold: f64) -> Vec<Vec<(usize, usize)>> {
        analyse(texts, threshold)
            .clusters
            .into_iter()
            .map(|c| c.members.iter().map(|m| (m.article, m.sentence)).collect())
            .collect()
    }

    fn analyse(texts: &[&[&str]], threshold: f64) -> Clustering {
        let options = Options {
            threshold,
            paraphrases: false,
            ..Options::default()
        };
        analyse_with(texts, &options)
    }

    fn analyse_with(texts: &[&[&str]], options: &Options) -> Clustering {
        let joined: Vec<String> = texts.iter().map(|sents| sents.join("\n")).collect();
        // Per article, each sentence's tokens and quoted spans.
        type Prepared = (Vec<Vec<Token>>, Vec<Vec<Range<usize>>>);
        let prepared: Vec<Prepared> = texts
            .iter()
            .zip(&joined)
            .map(|(sents, text)| {
                let mut at = 0;
                sents
                    .iter()
                    .map(|s| {
                        let range = at..at + s.len();
                        at += s.len() + 1;
                        (tokens(text, range.clone()), quoted_spans(s, range.start))
                    })
                    .unzip()
            })
            .collect();
        let no_headings = [false; 16];
        let articles: Vec<ArticleTokens> = joined
            .iter()
            .zip(&prepared)
            .map(|(text, (sentences, quotes))| ArticleTokens {
                text,
                sentences,
                headings: &no_headings[..sentences.len()],
                quotes,
            })
            .collect();
        cluster(&articles, options)
    }

    /// Whether two sentences are linked, by a cluster or a link.
    fn linked(found: &Clustering, x: (usize, usize), y: (usize, usize)) -> bool {
        let has =
            |c: &Cluster, r: (usize, usize)| c.members.iter().any(|m| (m.article, m.sentence) == r);
        found.clusters.iter().any(|c| has(c, x) && has(c, y))
            || found.links.iter().any(|l| {
                let ends = [(l.a.article, l.a.sentence), (l.b.article, l.b.sentence)];
                ends.contains(&x) && ends.contains(&y)
            })
    }

    #[test]
    fn two_quotes_sharing_only_their_attribution_are_not_paraphrases() {
        let filler: [&str; 3] = [
            "Shares of the retailer rose slightly in early trading on the exchange.",
            "The company did not respond to a request for comment by publication time.",
            "Analysts had expected weaker holiday sales across the whole region.",
        ];
        let article = |lead: &'static str| -> Vec<&'static str> {
            std::iter::once(lead)
                .chain(filler.iter().copied())
                .collect()
        };
        let first = article(
            "\u{201c}Consumers should stop using these fryers immediately,\u{201d} the agency\u{2019}s acting chair, Dana Whitfield, said on Monday.",
        );
        let second = article(
            "\u{201c}A fire that starts on a counter can spread within seconds,\u{201d} Dana Whitfield, the agency\u{2019}s acting chair, said on Monday.",
        );
        let reported = vec![
            "Whitfield told owners on Monday that consumers should stop using the fryers immediately.",
        ];
        // Only the filler is alike word for word, so the lead sentences meet
        // as paraphrases or not at all.
        let found = analyse_with(&[&first, &second, &reported], &Options::default());
        assert!(!linked(&found, (0, 0), (1, 0)), "{found:#?}");
        // Reported speech of the first quote still links to it.
        assert!(linked(&found, (0, 0), (2, 0)), "{found:#?}");
    }

    /// The plain dynamic-programming longest common substring.
    fn naive_run(a: &[u32], b: &[u32]) -> usize {
        let mut best = 0;
        for i in 0..a.len() {
            for j in 0..b.len() {
                let len = a[i..]
                    .iter()
                    .zip(&b[j..])
                    .take_while(|(x, y)| x == y)
                    .count();
                best = best.max(len);
            }
        }
        best
    }

    proptest::proptest! {
        #[test]
        fn run_matches_the_naive_search(
            a in proptest::collection::vec(0u32..6, 0..30),
            b in proptest::collection::vec(0u32..6, 0..30),
        ) {
            let (wa, wb) = (Words::new(a.clone()), Words::new(b.clone()));
            let (ra, rb) = longest_common_run(&wa, &wb);
            proptest::prop_assert_eq!(ra.len(), naive_run(&a, &b));
            proptest::prop_assert_eq!(&a[ra], &b[rb]);
            let s = score_words(&wa, &wb).similarity;
            proptest::prop_assert!((0.0..=1.0).contains(&s), "{}", s);
            proptest::prop_assert_eq!(s, score_words(&wb, &wa).similarity);
        }
    }

    #[test]
    fn score_covers_embedded_quote() {
        let quote = "We will ship the new chips to every customer who asks for them";
        let long = format!("Speaking to reporters at the plant on Monday, the chief said: {quote}");
        let s = score(&toks(quote), &toks(&long));
        assert_eq!(s.similarity, 1.0);
        assert_eq!(s.run_a, 0..13);
    }

    #[test]
    fn short_sentences_need_word_overlap() {
        let s = score(
            &toks("the company said on monday"),
            &toks("a totally different thing the company said on monday in a long sentence"),
        );
        assert!(s.similarity < 0.6, "{s:?}");
    }

    #[test]
    fn links_verbatim_and_near_across_articles_only() {
        let got = run(
            &[
                &[
                    "The storm closed every school in the county on Tuesday.",
                    "The storm closed every school in the county on Tuesday.",
                ],
                &[
                    "Officials said the storm closed every school in the county on Tuesday.",
                    "Nothing else is alike in this sentence at all.",
                ],
                &["Completely unrelated words appear here for testing purposes."],
            ],
            0.6,
        );
        assert_eq!(got, vec![vec![(0, 0), (0, 1), (1, 0)]]);
    }

    const STORM: &str = "The storm closed every school in the county on Tuesday morning.";
    const ROADS: &str =
        "Officials expect the roads to reopen by Friday once crews clear the fallen trees.";

    /// The two sentences above merged into one.
    fn merged() -> String {
        format!("{STORM} {ROADS}").replace(". O", ", and o")
    }

    #[test]
    fn a_merged_sentence_links_to_the_source_its_cluster_leaves_out() {
        let (storm, roads, merged) = (STORM, ROADS, merged());
        let found = analyse(&[&[storm, roads], &[&merged], &[storm, roads]], 0.6);
        // The merged sentence joins one of the two clusters...
        assert_eq!(found.clusters.len(), 2, "{:?}", found.clusters);
        let holds_merged = |c: &Cluster| c.members.iter().any(|m| m.article == 1);
        let other = found.clusters.iter().find(|c| !holds_merged(c)).unwrap();
        // ...and is linked to every member of the other one.
        let mut linked: Vec<(usize, usize)> = found
            .links
            .iter()
            .map(|l| {
                assert_eq!(l.kind, Kind::Near);
                assert!(l.run_words >= 10 && l.similarity >= 0.6, "{l:?}");
                assert!(l.a.article < l.b.article, "{l:?}");
                let (merged_end, other_end) = if l.a.article == 1 {
                    (&l.a, &l.b)
                } else {
                    (&l.b, &l.a)
                };
                assert_eq!((merged_end.article, merged_end.sentence), (1, 0));
                assert!(!other_end.shared.is_empty() && other_end.run_end > other_end.run_start);
                (other_end.article, other_end.sentence)
            })
            .collect();
        linked.sort();
        let expected: Vec<(usize, usize)> = other
            .members
            .iter()
            .map(|m| (m.article, m.sentence))
            .collect();
        assert_eq!(linked, expected);
        assert_eq!(expected.len(), 2);
    }

    #[test]
    fn a_sentence_links_to_another_group_once_not_to_every_copy() {
        let (storm, roads, merged) = (STORM, ROADS, merged());
        let (apart, joined): (&[&str], &[&str]) = (&[storm, roads], &[&merged]);
        let texts: Vec<&[&str]> = (0..12)
            .map(|k| if k < 6 { apart } else { joined })
            .collect();
        let found = analyse(&texts, 0.6);
        // Six merged copies against six separate copies of the sentence
        // their cluster leaves out: 36 linked pairs, reported once per
        // sentence and group.
        assert!(
            (6..=12).contains(&found.links.len()),
            "{} links",
            found.links.len()
        );
        let mut ends: Vec<(usize, usize)> = found
            .links
            .iter()
            .flat_map(|l| [(l.a.article, l.a.sentence), (l.b.article, l.b.sentence)])
            .collect();
        ends.sort();
        ends.dedup();
        let clustered = |a: usize, s: usize| {
            found
                .clusters
                .iter()
                .position(|c| c.members.iter().any(|m| (m.article, m.sentence) == (a, s)))
        };
        // Every merged copy, and every copy of the sentence outside its
        // cluster, keeps a link.
        let outside = if clustered(0, 0) == clustered(6, 0) {
            1
        } else {
            0
        };
        for k in 0..12 {
            let at = if k < 6 { (k, outside) } else { (k, 0) };
            assert!(ends.contains(&at), "{at:?} has no link");
        }
    }

    #[test]
    fn guard_stops_chaining_through_a_middle_sentence() {
        // B shares its first half with A and its second half with C; A and C
        // share nothing, so they must not end up in one cluster.
        let a = "alpha beta gamma delta epsilon zeta eta theta";
        let b =
            "alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu nu xi omicron pi";
        let c = "iota kappa lambda mu nu xi omicron pi";
        let got = run(&[&[a], &[b], &[c]], 0.6);
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got[0].len(), 2);
    }
}
