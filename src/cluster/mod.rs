//! Clusters of shared sentences across articles.
//!
//! The stages live in one file each: `corpus` (sentences prepared and
//! grouped into variants), [`terms`] (content terms for paraphrases),
//! [`score`](mod@score), `candidates`, `group`, `explain` and `links`;
//! `why` asks the pair test of any two sentences ([`explain_pair`]).
//!
//! 1. **Index.** Every sentence with at least `min_words` folded words is cut
//!    into word bigrams (hashed pairs of interned word ids). An inverted
//!    index maps each bigram to the sentences that hold it. Bigrams held by
//!    more than [`posting_cap`] sentences (`of the`, `he said`) carry no
//!    evidence and are skipped, so candidate generation stays near linear
//!    instead of comparing every sentence with every other one. In a list
//!    longer than [`FULL_LIST`] (one sentence edited in hundreds
//!    of ways) each sentence is paired with the next [`BAND`]
//!    only; the guard of step 3 scores the pairs left out itself.
//! 2. **Verify.** Each candidate pair from different articles is scored by
//!    [`score()`]: the larger of the Dice coefficient of the two word multisets
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
//!    Paraphrase links ([`crate::cluster::terms`]) join after all near links.
//!    Two sentences, or two groups, that stand side by side in at least half
//!    of the articles carrying either are two statements of the story, not
//!    a sentence and its rewrite: they are neither linked nor joined,
//!    however many names and words they share.
//! 4. **Explain.** Each cluster names a representative (the member with the
//!    strongest links), and each member carries its kind and score against
//!    it, the span of their longest common run and the content words it
//!    shares with it; the cluster lists the words that all members share.
//! 5. **Leftover links.** A sentence sits in one cluster only, and the guard
//!    keeps a sentence out of a group it is partly unlike. A linked pair
//!    that ends up in two different clusters (or with a side in none) is
//!    reported as a [`Link`], with the same explanation, if it is the
//!    strongest link of one of its sentences into the other's group, and is
//!    not a rewrite across two groups that each hold a sentence in the other
//!    end's article (two statements side by side); links merge nothing.
mod candidates;
mod corpus;
mod explain;
pub mod features;
mod group;
mod learned;
mod links;
pub mod score;
pub mod terms;
mod why;

use std::ops::Range;

use crate::model::{Cluster, Link, Options, SentenceRef};
use crate::text::Token;

use corpus::Corpus;
use explain::Explainer;

pub use candidates::{BAND, FULL_LIST, posting_cap};
pub use score::{RUN_MIN_SENTENCE, RUN_SATURATION, Score, score};
pub use why::explain_pair;

/// Input for clustering: per article, its text and its sentences' tokens.
pub struct ArticleTokens<'a> {
    pub text: &'a str,
    pub sentences: &'a [Vec<Token>],
    /// For each sentence, whether it is a heading (see [`crate::cluster::terms`]).
    pub headings: &'a [bool],
    /// For each sentence, the byte ranges inside quotation marks (see
    /// [`crate::text::quoted_spans`]); may be empty.
    pub quotes: &'a [Vec<Range<usize>>],
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
    crate::sort::sort_by(&mut clusters, |x, y| {
        y.articles
            .cmp(&x.articles)
            .then(y.members.len().cmp(&x.members.len()))
            .then(y.similarity.total_cmp(&x.similarity))
            .then_with(|| first_ref(x).cmp(&first_ref(y)))
    });
    let links = corpus.links(&groups, &edges, &explain);
    Clustering { clusters, links }
}

/// A pair of sentences in different articles that the rewrite decision
/// judges, with its measures (see [`features`]).
#[derive(Debug, Clone, PartialEq)]
pub struct Candidate {
    pub a: SentenceRef,
    pub b: SentenceRef,
    pub features: [f64; features::FEATURES],
}

/// Every pair of sentences in different articles that the rewrite decision
/// judges under `options` (whatever it decides), for training and checking
/// the model: each pair of [`Corpus::rewrite_candidates`] variants, for each
/// of their copies in two different articles.
pub fn rewrite_candidates(articles: &[ArticleTokens], options: &Options) -> Vec<Candidate> {
    let corpus = Corpus::new(articles, options);
    let cap = posting_cap(articles.len());
    let edges = corpus.near_pairs(cap);
    let mut out = Vec::new();
    corpus.rewrite_candidates(cap, &edges, |v, w| {
        let features = corpus.features(corpus.sample_id(v), corpus.sample_id(w));
        for &x in &corpus.variant(v).items {
            for &y in &corpus.variant(w).items {
                let (a, b) = (corpus.item(x).at, corpus.item(y).at);
                if a.article != b.article {
                    out.push(Candidate { a, b, features });
                }
            }
        }
    });
    out
}

/// How the engine sees one pair of sentences on its own (MRPC's task).
#[derive(Debug, Clone, PartialEq)]
pub struct PairJudgment {
    /// A near link joins them (word similarity at the threshold).
    pub near: bool,
    /// The rewrite model may judge them ([`features::judgeable`]: no
    /// heading, quotations that agree, two content terms shared).
    pub judgeable: bool,
    /// The measures of the rewrite decision.
    pub features: [f64; features::FEATURES],
}

impl PairJudgment {
    /// Whether the engine would link the two inside a corpus under
    /// `options`: a near link, or a rewrite by [`features::CORPUS`].
    pub fn linked(&self, options: &Options) -> bool {
        self.near
            || (options.paraphrases
                && self.judgeable
                && features::CORPUS.probability(&self.features) >= options.paraphrase_threshold)
    }

    /// Whether [`features::PAIRS`] judges the two one statement.
    pub fn same_statement(&self) -> bool {
        features::PAIRS.probability(&self.features) >= 0.5
    }
}

/// Judges pairs of articles, `(x, y)` by index into `articles`, each by its
/// first sentence long enough to match (`None` if either has none), with
/// content-term weights from all of `articles`.
pub fn judge_pairs(
    articles: &[ArticleTokens],
    pairs: &[(usize, usize)],
    options: &Options,
) -> Vec<Option<PairJudgment>> {
    let corpus = Corpus::new(articles, options);
    let mut first: Vec<Option<usize>> = vec![None; articles.len()];
    for (i, item) in corpus.items.iter().enumerate().rev() {
        first[item.at.article] = Some(i);
    }
    pairs
        .iter()
        .map(|&(x, y)| {
            let item = |k: usize| {
                first
                    .get(k)
                    .copied()
                    .flatten()
                    .map(|i| corpus::ItemId(i as u32))
            };
            let (i, j) = (item(x)?, item(y)?);
            let (a, b) = (corpus.item(i), corpus.item(j));
            Some(PairJudgment {
                near: score::link(&a.words, &b.words, corpus.threshold).is_some(),
                judgeable: features::judgeable(a, b),
                features: corpus.features(i, j),
            })
        })
        .collect()
}

fn first_ref(c: &Cluster) -> (usize, usize) {
    c.members
        .first()
        .map_or((0, 0), |m| (m.article, m.sentence))
}

#[cfg(test)]
mod tests {
    use super::score::{Words, longest_common_run, score_words};
    use super::*;
    use crate::model::Kind;
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

    proptest::proptest! {
        #[test]
        fn automaton_finds_the_walked_run(
            a in proptest::collection::vec(0u32..3, 0..40),
            b in proptest::collection::vec(0u32..3, 0..40),
        ) {
            // The same run, to the tie break: the longest, then the
            // earliest in `a`, then in `b`.
            let walked = score::walked_run(&Words::new(a.clone()), &Words::new(b.clone()), u64::MAX);
            let walked = walked.expect("no limit");
            proptest::prop_assert_eq!(score::automaton_run(&a, &b), walked);
        }
    }

    #[test]
    fn one_word_repeated_runs_the_whole_shorter_sentence() {
        // 3,000 copies of one word in each: 9 million shared pairs, past
        // the walk's budget; the run is the whole of the shorter one.
        let (a, b) = (vec![7u32; 3000], vec![7u32; 2000]);
        let (ra, rb) = longest_common_run(&Words::new(a), &Words::new(b));
        assert_eq!((ra, rb), (0..2000, 0..2000));
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

    #[test]
    fn a_sentence_that_merges_two_does_not_join_their_clusters() {
        // One outlet merges two sentences of a story that share its names;
        // the others carry both, lightly edited. The merged sentence covers
        // each whole (run coverage 1), but the two stay two clusters.
        let a = [
            "Councilmember Thomas Brandt of Eastfield led the opposition to the plan on Tuesday.",
            "Councilmember Thomas Brandt of Eastfield led the opposition to the plan on Monday.",
            "Councilman Thomas Brandt of Eastfield led the opposition to the plan on Tuesday.",
        ];
        let c = [
            "Thomas Brandt of Eastfield said the plan would hurt nurses who drive in early.",
            "Thomas Brandt of Eastfield said the plan would hurt the nurses who drive in early.",
            "Thomas Brandt of Eastfield said this plan would hurt nurses who drive in early.",
        ];
        let merged = format!("{} {}", a[0].trim_end_matches('.'), c[0]);
        let got = run(
            &[&[&merged], &[a[0], c[0]], &[a[1], c[1]], &[a[2], c[2]]],
            0.6,
        );
        for cluster in &got {
            let from_a = cluster.iter().any(|&(art, s)| art > 0 && s == 0);
            let from_c = cluster.iter().any(|&(art, s)| art > 0 && s == 1);
            assert!(!(from_a && from_c), "{got:?}");
        }
        assert!(got.iter().any(|g| g.len() >= 3), "{got:?}");
    }

    #[test]
    fn two_sentences_that_stand_side_by_side_in_most_articles_are_two_clusters() {
        let x = "Mayor Lena Ortiz said the new Calder River bridge would open to traffic in early May after two years of work.";
        let y = "The new Calder River bridge took two years of work and cost the city of Mayor Lena Ortiz about $40 million.";
        let options = Options::default();
        let in_one = |found: &Clustering| {
            found.clusters.iter().any(|c| {
                let has = |s: usize| c.members.iter().any(|m| m.sentence == s && m.article > 0);
                has(0) && has(1)
            })
        };
        // Apart, the two are linked: they share their names and words.
        let apart = analyse_with(&[&[x], &[y]], &options);
        assert!(linked(&apart, (0, 0), (1, 0)), "{apart:?}");
        // Side by side in six articles, among others that say other things,
        // they are two statements.
        let others: Vec<String> = (0..40)
            .map(|k| format!("Item{k} north{k} quiet{k} river{k} stone{k} lamp{k} field{k}."))
            .collect();
        let others: Vec<[&str; 1]> = others.iter().map(|o| [o.as_str()]).collect();
        let (one, both): (&[&str], &[&str]) = (&[x], &[x, y]);
        let texts: Vec<&[&str]> = std::iter::once(one)
            .chain(std::iter::repeat_n(both, 6))
            .chain(others.iter().map(|o| &o[..]))
            .collect();
        let found = analyse_with(&texts, &options);
        assert!(!in_one(&found), "{:?}", found.clusters);
        assert_eq!(found.clusters.len(), 2, "{:?}", found.clusters);
        // Nor is either a rewrite of the other across two articles.
        assert!(!linked(&found, (1, 0), (2, 1)), "{:?}", found.links);
    }

    #[test]
    fn a_sentence_edited_in_hundreds_of_ways_is_one_cluster() {
        // 200 outlets each change one word of their own (every copy is a
        // different variant): more than `candidates::FULL_LIST` share
        // each word pair, so each is paired only with a band of the others.
        let words: Vec<&str> = "the regional transit authority said on tuesday that it would add forty new electric buses to its fleet by the end of next year"
            .split(' ')
            .collect();
        let texts: Vec<String> = (0..200)
            .map(|k| {
                let mut w: Vec<String> = words.iter().map(|s| s.to_string()).collect();
                w[k % words.len()] = format!("edit{k}");
                w.join(" ") + "."
            })
            .collect();
        let sentences: Vec<[&str; 1]> = texts.iter().map(|t| [t.as_str()]).collect();
        let articles: Vec<&[&str]> = sentences.iter().map(|s| &s[..]).collect();
        let found = analyse(&articles, 0.6);
        assert_eq!(found.clusters.len(), 1, "{} clusters", found.clusters.len());
        assert_eq!(found.clusters[0].members.len(), 200);
    }

    #[test]
    fn a_pair_is_called_what_its_own_texts_make_it_whatever_the_threshold() {
        let a =
            "The city council voted on Tuesday to approve a new parking fee for drivers downtown.";
        let b = "Officials said drivers will soon pay a fee to park after a vote by the council on Tuesday.";
        let c =
            "The city council voted on Tuesday to approve a new parking fee for drivers downtown.";
        let mut seen_low = false;
        for threshold in [0.3, 0.6, 0.9] {
            let found = analyse(&[&[a], &[b], &[c]], threshold);
            let members = found.clusters.iter().flat_map(|c| &c.members);
            let ends = members
                .map(|m| (m.kind, m.similarity))
                .chain(found.links.iter().map(|l| (l.kind, l.similarity)));
            for (kind, similarity) in ends {
                seen_low |= similarity < crate::options::NEAR_KIND;
                let expected = if similarity >= 1.0 {
                    kind // verbatim or near: the same words or not
                } else if similarity >= crate::options::NEAR_KIND {
                    Kind::Near
                } else {
                    Kind::Paraphrase
                };
                assert_eq!(kind, expected, "at {threshold}: {found:?}");
            }
        }
        assert!(seen_low, "no pair below the near cut to check");
    }
}
