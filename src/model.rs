//! The data model: the one serde description of what goes in (articles,
//! options), what comes out (a whole analysis) and the labelled data that
//! `wirediff eval` scores against.
//!
//! The CLI prints it as JSON and the WebAssembly boundary hands the same
//! structure to the page, so every field here is part of a public contract.
//! Offsets are byte offsets into the article's original text (after nothing:
//! not even a BOM is stripped), so `&text[start..end]` is always the span a
//! page should highlight.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// One article to analyse.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct Input {
    /// Display name, such as a file's base name.
    pub name: String,
    pub text: String,
    /// The parts the reader gave paragraphs, whatever
    /// [`crate::text::parts`] made of them.
    #[serde(flatten)]
    pub marks: Marks,
}

/// Paragraphs (indices) the reader marked, by the part each plays. A
/// paragraph in two lists has the part of the later one in this order.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
pub struct Marks {
    /// Story text, compared.
    #[serde(default)]
    pub story: Vec<usize>,
    /// Set aside ([`Reason::Reader`]).
    #[serde(default)]
    pub aside: Vec<usize>,
    /// The headline: detected headlines the reader did not mark are story text.
    #[serde(default)]
    pub headline: Vec<usize>,
    /// Bylines, set aside; the first is the article's byline.
    #[serde(default)]
    pub byline: Vec<usize>,
    /// Date lines, set aside; the first is the article's date.
    #[serde(default)]
    pub date: Vec<usize>,
}

impl Marks {
    /// The lists with the role each gives, in the order they apply.
    pub fn by_role(&self) -> [(Role, &[usize]); 5] {
        [
            (Role::Story, &self.story),
            (Role::Aside, &self.aside),
            (Role::Headline, &self.headline),
            (Role::Byline, &self.byline),
            (Role::Date, &self.date),
        ]
    }
}

impl Input {
    pub fn new(name: impl Into<String>, text: impl Into<String>) -> Self {
        Input {
            name: name.into(),
            text: text.into(),
            marks: Marks::default(),
        }
    }
}

/// Everything wirediff computes for a set of articles.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Analysis {
    /// The options the analysis ran with.
    pub options: Options,
    /// The articles in input order.
    pub articles: Vec<Article>,
    /// Clusters of shared sentences, largest (most articles) first.
    pub clusters: Vec<Cluster>,
    /// Linked pairs of sentences that no cluster holds together: a sentence
    /// that merges two source sentences (it sits in one cluster but matches
    /// members of another), or a pair the clusters' guard kept apart because
    /// one of them is unlike the rest of the other's cluster. A sentence is
    /// linked to another cluster through its strongest pair only (a link is
    /// kept when it is the strongest into the other's group for either of
    /// its sentences). Ordered by their first sentence, then their second.
    pub links: Vec<Link>,
    /// Paragraph diffs of every pair `(a, b)` with `a < b`; empty when
    /// [`Options::diffs`] is false.
    pub diffs: Vec<ParagraphDiff>,
    /// How much each article shares with each other one.
    pub overlap: Overlap,
}

/// Tunable parts of the analysis.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Options {
    /// Minimum similarity (0..=1) for two sentences to be linked.
    pub threshold: f64,
    /// Sentences with fewer normalised words than this are never clustered:
    /// very short lines ("Related posts") are boilerplate, not shared reporting.
    pub min_words: usize,
    /// Whether [`Analysis::diffs`] holds the diff of every pair of articles.
    pub diffs: bool,
    /// Time budget for one paragraph diff, in milliseconds; past it the diff
    /// falls back to a coarser (still exact) result and says so.
    pub diff_timeout_ms: u64,
    /// Whether rewritten sentences (paraphrases) are linked too.
    pub paraphrases: bool,
    /// Minimum paraphrase score (0..=1): the rewrite model's probability, see
    /// [`crate::cluster::features`].
    pub paraphrase_threshold: f64,
    /// Whether the paragraph diff takes paragraphs that differ only in
    /// letter case as the same (quote style and spacing always are).
    pub diff_ignore_case: bool,
    /// Whether the paragraph diff takes paragraphs that differ only in
    /// punctuation as the same.
    pub diff_ignore_punctuation: bool,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            threshold: crate::options::THRESHOLD,
            min_words: crate::options::MIN_WORDS,
            diffs: true,
            diff_timeout_ms: crate::options::DIFF_TIMEOUT_MS,
            paraphrases: crate::options::PARAPHRASES,
            paraphrase_threshold: crate::options::PARAPHRASE_THRESHOLD,
            diff_ignore_case: false,
            diff_ignore_punctuation: false,
        }
    }
}

/// One input article split into paragraphs and sentences.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Article {
    /// A display name (for files, the base name).
    pub name: String,
    /// The outlet's name when the display name carries one
    /// (`003_shropshire_star.txt`: "Shropshire Star"); none for a name
    /// that is only numbers or a hash.
    pub outlet: Option<String>,
    /// The headline's text; else the first paragraph of the story.
    pub title: String,
    /// The byline's text, if one was found.
    pub byline: Option<String>,
    /// The date line's text, if one was found.
    pub date: Option<String>,
    /// Length of the original text in bytes.
    pub len: usize,
    pub paragraphs: Vec<Paragraph>,
    pub sentences: Vec<Sentence>,
}

impl Article {
    /// Whether a sentence of the article takes part in groups, links and
    /// shares (its paragraph is a headline or story text).
    pub fn compared(&self, sentence: &Sentence) -> bool {
        self.paragraphs
            .get(sentence.paragraph)
            .is_none_or(|p| p.role.compared())
    }

    /// How many of its sentences take part.
    pub fn compared_sentences(&self) -> usize {
        self.sentences.iter().filter(|s| self.compared(s)).count()
    }
}

/// What a paragraph is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    /// The article's headline: compared as a heading (it joins only near
    /// copies of itself, never a rewrite).
    Headline,
    /// Who wrote it ("By …"): set aside.
    Byline,
    /// When it was published: set aside.
    Date,
    /// The story itself.
    Story,
    /// Site furniture: set aside, see [`Reason`].
    Aside,
}

impl Role {
    /// Whether the paragraph takes part in groups and shares.
    pub fn compared(self) -> bool {
        matches!(self, Role::Headline | Role::Story)
    }
}

/// Why a paragraph was set aside.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Reason {
    /// A copyright line or a disclaimer.
    Legal,
    /// A cookie banner.
    Cookies,
    /// A prompt of the site: share, comment, subscribe, read more, a lone
    /// "Advertisement".
    Prompt,
    /// "Published on", "Updated", "5 min read", "32 mins ago".
    Timestamp,
    /// Another story's headline, listed after a "related" or
    /// "read more" prompt or after the story's end.
    Links,
    /// A photo's caption: it ends with the photo's credit ("(Name/AP)",
    /// "[Name/Reuters]", "NAME / AGENCY", "© AGENCY").
    Caption,
    /// The reader set it aside.
    Reader,
}

/// A paragraph: a run of non-blank text between line breaks.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Paragraph {
    /// Byte offset of the paragraph's first non-space character.
    pub start: usize,
    /// Byte offset just past its last non-space character.
    pub end: usize,
    /// Indices into [`Article::sentences`] of the sentences it holds.
    pub sentences: std::ops::Range<usize>,
    /// What the paragraph is ([`crate::text::parts`]): only headlines and
    /// story text take part in groups, links and shares.
    pub role: Role,
    /// Why it was set aside, when its role is `aside`.
    pub reason: Option<Reason>,
}

/// A sentence, with the cluster it belongs to if any.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Sentence {
    /// The exact, trimmed substring `text[start..end]` of the input.
    pub text: String,
    /// Index of the paragraph that holds it.
    pub paragraph: usize,
    pub start: usize,
    pub end: usize,
    /// Number of normalised words.
    pub words: usize,
    /// Index into [`Analysis::clusters`], if the sentence is shared.
    pub cluster: Option<usize>,
    /// Indices into [`Analysis::links`] of the links that involve it.
    pub links: Vec<usize>,
}

/// How closely the members of a cluster agree.
/// Ordered from the closest relation to the loosest.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// Every member has the same normalised words.
    Verbatim,
    /// Members differ, but their words overlap above the threshold.
    Near,
    /// At least one member is a rewrite: it shares the content words (names,
    /// numbers, rare words) of the others more than their wording.
    Paraphrase,
}

/// Reference to one sentence of one article.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct SentenceRef {
    pub article: usize,
    pub sentence: usize,
}

/// A set of sentences from different articles that say the same thing.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Cluster {
    /// Members in article order, then sentence order.
    pub members: Vec<ClusterMember>,
    pub kind: Kind,
    /// Mean similarity over the linked pairs of members (0..=1).
    pub similarity: f64,
    /// Number of distinct articles among the members.
    pub articles: usize,
    /// Index into `members` of the member most similar to all others; the
    /// explanations of the other members are given relative to it.
    pub representative: usize,
    /// Normalised words that every member contains, in the representative's order.
    pub shared_words: Vec<String>,
}

/// One sentence in a cluster, with why it was linked.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ClusterMember {
    pub article: usize,
    pub sentence: usize,
    /// How it relates to the representative: `verbatim` (same words),
    /// `near` (word similarity at or above the threshold) or `paraphrase`;
    /// for the representative itself, its closest relation to another member.
    pub kind: Kind,
    /// Word similarity to the representative (1 for the representative).
    pub similarity: f64,
    /// Content words of this sentence, as written, whose stems the
    /// representative also holds (for the representative: that any other
    /// member holds): the names, numbers and rare words that link a
    /// paraphrase.
    pub shared: Vec<String>,
    /// Byte span, in the article's text, of the longest run of words this
    /// sentence shares with the representative.
    pub run_start: usize,
    pub run_end: usize,
    /// Number of words in that run.
    pub run_words: usize,
}

/// Two linked sentences of different articles that no cluster holds
/// together (see [`Analysis::links`]), with why they were linked.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Link {
    /// The sentence that comes first in article order.
    pub a: LinkEnd,
    pub b: LinkEnd,
    /// `verbatim`, `near` (word similarity at or above the threshold) or
    /// `paraphrase`.
    pub kind: Kind,
    /// Word similarity of the two sentences (0..=1).
    pub similarity: f64,
    /// The score the link was made on: the word similarity for `verbatim`
    /// and `near`, the paraphrase score for `paraphrase`.
    pub score: f64,
    /// Number of words in the longest run the two share.
    pub run_words: usize,
}

/// One side of a [`Link`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LinkEnd {
    pub article: usize,
    pub sentence: usize,
    /// Content words of this sentence, as written, whose stems the other
    /// sentence also holds.
    pub shared: Vec<String>,
    /// Byte span, in the article's text, of the longest run of words the
    /// two sentences share.
    pub run_start: usize,
    pub run_end: usize,
}

/// Why two sentences of an analysed set are or are not linked, in the
/// terms a link is explained with ([`crate::analysis::explain_pair`]): the
/// pair test the analysis applies to every candidate pair, with the set's
/// term weights, against the thresholds of its [`Options`]. Grouping can
/// still keep a passing pair apart (or join a failing one through a third
/// sentence); the page says so.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PairWhy {
    #[serde(serialize_with = "reason_name")]
    pub reason: WhyReason,
    /// The link they make, or would make: its kind, word similarity, shared
    /// words and run; its `score` is the paraphrase score when the rewrite
    /// model was asked (`rewrite` and `below`), else the word similarity.
    pub link: Link,
}

impl PairWhy {
    /// Whether the pair test links them.
    pub fn linked(&self) -> bool {
        matches!(self.reason, WhyReason::Near | WhyReason::Rewrite)
    }
}

/// The deciding reason of a [`PairWhy`], in the order the engine asks;
/// serialised as its [`name`](Self::name).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WhyReason {
    /// A sentence is site furniture, a byline or a date (or none of the
    /// set): never compared.
    NotCompared,
    /// A sentence has fewer words than `min_words`.
    TooShort,
    /// Both are in one article.
    SameArticle,
    /// They stand side by side in at least half of the articles carrying
    /// either: two statements of one story.
    SideBySide,
    /// Linked: word similarity at or above the threshold.
    Near,
    /// Linked: paraphrase score at or above its cut-off.
    Rewrite,
    /// Below the threshold; and rewrites are not linked.
    NoRewrites,
    /// Below the threshold; a heading is linked only as a near copy.
    Heading,
    /// Below the threshold; both quote someone, but not the same words.
    Quotes,
    /// Below the threshold; fewer than two content words shared, so the
    /// rewrite model is not asked.
    FewTerms,
    /// Below the threshold, and the paraphrase score below its cut-off.
    Below,
}

fn reason_name<S: serde::Serializer>(reason: &WhyReason, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.serialize_str(reason.name())
}

impl WhyReason {
    /// The names, in order: one table rather than a derived `Serialize`,
    /// which costs the page's module a branch per variant.
    const NAMES: [&str; 11] = [
        "not_compared",
        "too_short",
        "same_article",
        "side_by_side",
        "near",
        "rewrite",
        "no_rewrites",
        "heading",
        "quotes",
        "few_terms",
        "below",
    ];

    pub fn name(self) -> &'static str {
        Self::NAMES[self as usize]
    }
}

/// Paragraph-level diff of article `a` (old) against article `b` (new).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ParagraphDiff {
    pub a: usize,
    pub b: usize,
    /// Operations in order. Concatenating `old_text` of every op rebuilds
    /// article `a` exactly, and `new_text` rebuilds article `b`.
    pub ops: Vec<DiffOp>,
    /// True when the diff hit its deadline and is coarser than it could be.
    pub timed_out: bool,
}

impl ParagraphDiff {
    /// Article `a` rebuilt from the ops.
    pub fn old_side(&self) -> String {
        self.ops.iter().map(|o| o.old_text.as_str()).collect()
    }

    /// Article `b` rebuilt from the ops.
    pub fn new_side(&self) -> String {
        self.ops.iter().map(|o| o.new_text.as_str()).collect()
    }

    /// The old text `op`'s inline pieces compare: its own `old_text`, or
    /// for a `moved_to` op the `old_text` of its `moved_from` op.
    pub fn inline_source<'a>(&'a self, op: &'a DiffOp) -> &'a str {
        match op.tag {
            DiffTag::MovedTo => self
                .ops
                .iter()
                .find(|o| o.tag == DiffTag::MovedFrom && o.old == op.old)
                .map_or("", |o| o.old_text.as_str()),
            _ => &op.old_text,
        }
    }
}

/// What happened to a paragraph between two articles (inline pieces use
/// only `equal`, `delete` and `insert`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DiffTag {
    Equal,
    Delete,
    Insert,
    /// A deleted and an inserted paragraph that say nearly the same thing,
    /// or share a sentence, in the same place.
    Change,
    /// Several paragraphs of `a` that became one of `b`.
    Merge,
    /// One paragraph of `a` that became several of `b`.
    Split,
    /// Paragraphs of `a` that `b` has elsewhere, out of order: the op at
    /// their place in `a` (it carries `old_text` only).
    MovedFrom,
    /// The same move at its place in `b` (it carries `new_text` only; its
    /// inline pieces compare the moved text of `a` with this one).
    MovedTo,
}

/// One paragraph operation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DiffOp {
    pub tag: DiffTag,
    /// Index of the op's first paragraph in article `a` (absent for
    /// inserts).
    pub old: Option<usize>,
    /// Index of the op's first paragraph in article `b` (absent for
    /// deletes).
    pub new: Option<usize>,
    /// How many paragraphs of `a` from `old` the op pairs (0 for inserts;
    /// more than 1 for a merge; a move's ops both give its two sides).
    pub old_len: usize,
    /// How many paragraphs of `b` from `new` the op pairs.
    pub new_len: usize,
    /// The slice of article `a` this op covers, separators included.
    pub old_text: String,
    /// The slice of article `b` this op covers, separators included.
    pub new_text: String,
    /// Word similarity of the paired paragraphs (1 for equal, absent for
    /// deletes and inserts).
    pub similarity: Option<f64>,
    /// Word-level inline diff of paired paragraphs that differ (change,
    /// merge, split, moved to): concatenating the text of `equal` and
    /// `delete` pieces gives the paragraphs of `a` (`old_text`, or for a
    /// move the `old_text` of its `moved_from` op), of `equal` and `insert`
    /// pieces gives `new_text`.
    pub inline: Vec<InlineChange>,
}

impl DiffOp {
    /// The old paragraph rebuilt from the inline pieces.
    pub fn inline_old(&self) -> String {
        self.inline_side(DiffTag::Insert)
    }

    /// The new paragraph rebuilt from the inline pieces.
    pub fn inline_new(&self) -> String {
        self.inline_side(DiffTag::Delete)
    }

    fn inline_side(&self, other: DiffTag) -> String {
        self.inline
            .iter()
            .filter(|c| c.tag != other)
            .map(|c| c.text.as_str())
            .collect()
    }
}

/// One word-level piece of a changed paragraph.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct InlineChange {
    /// `equal`, `delete` or `insert` (never `change`).
    pub tag: DiffTag,
    pub text: String,
}

/// Pairwise and per-article overlap shares. Only pairs of articles that
/// share something are listed, and for each article only its closest
/// [`crate::overlap::PARTNERS`] partners, so the summary grows with the
/// articles, not with their pairs (see [`crate::overlap`]).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Overlap {
    /// Pairs `a < b` of articles that share a sentence, by `a` then `b`:
    /// every such pair up to 51 articles; beyond, those where `b` is among
    /// the 50 articles holding most of `a`, or `a` among those of `b`.
    pub pairs: Vec<OverlapPair>,
    /// `unique[i]`: share of article `i`'s sentences found in no other article.
    pub unique: Vec<f64>,
}

/// How much two articles share.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OverlapPair {
    pub a: usize,
    pub b: usize,
    /// Share (0..=1) of article `a`'s sentences that have a cluster-mate or
    /// a link in article `b`.
    pub a_in_b: f64,
    /// Share of article `b`'s sentences found in article `a`.
    pub b_in_a: f64,
}

impl Overlap {
    /// The share of article `i`'s sentences found in article `j` (1 when
    /// `i == j`; 0 for a pair that shares nothing).
    pub fn shared(&self, i: usize, j: usize) -> f64 {
        if i == j {
            return 1.0;
        }
        let key = (i.min(j), i.max(j));
        match self.pairs.binary_search_by_key(&key, |p| (p.a, p.b)) {
            Ok(k) if i < j => self.pairs[k].a_in_b,
            Ok(k) => self.pairs[k].b_in_a,
            Err(_) => 0.0,
        }
    }
}

// Labelled data (`tests/data/eval/`) and the scores of `wirediff eval`
// (see [`crate::eval`]).

/// One labelled sentence-boundary case.
#[derive(Debug, Clone, Deserialize)]
pub struct BoundaryCase {
    pub id: String,
    pub category: String,
    pub text: String,
    pub sentences: Vec<String>,
}

/// A boundary case the engine got wrong.
#[derive(Debug, Clone, Serialize)]
pub struct BoundaryMiss {
    pub id: String,
    pub category: String,
    pub expected: Vec<String>,
    pub got: Vec<String>,
}

/// Sentence-boundary accuracy.
#[derive(Debug, Clone, Serialize)]
pub struct BoundaryReport {
    pub cases: usize,
    pub correct: usize,
    pub accuracy: f64,
    /// `(correct, cases)` per category.
    pub by_category: BTreeMap<String, (usize, usize)>,
    pub misses: Vec<BoundaryMiss>,
}

/// One labelled link between sentences of two articles (by file name).
#[derive(Debug, Clone, Deserialize)]
pub struct GoldLink {
    pub a: String,
    pub a_text: String,
    pub b: String,
    pub b_text: String,
    pub kind: Kind,
    #[serde(default)]
    pub optional: bool,
}

/// Precision, recall and F1 of one class of links.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct Prf {
    pub predicted: usize,
    pub gold: usize,
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
}

/// A sentence named by article and text, for error listings.
#[derive(Debug, Clone, Serialize)]
pub struct LinkError {
    pub kind: String,
    pub a: String,
    pub a_sentence: String,
    pub b: String,
    pub b_sentence: String,
}

/// Link accuracy on one set of articles.
#[derive(Debug, Clone, Serialize)]
pub struct LinkReport {
    pub articles: usize,
    /// `verbatim` + `near` predictions against `verbatim` + `near` gold.
    pub close: Prf,
    /// All predictions against all gold links, paraphrases included.
    pub all: Prf,
    /// Predicted links that the gold data does not have.
    pub false_links: Vec<LinkError>,
    /// Gold links (not optional) that were not predicted.
    pub missed: Vec<LinkError>,
}
