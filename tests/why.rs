//! Why two sentences are or are not linked (`explain_pair`): it agrees with
//! the analysis on every pair the analysis linked, on the seeds and the
//! second labelled set, and says why for pairs it did not.

mod common;

use wirediff::{Input, Kind, Options, SentenceRef, WhyReason, analyze, explain_pair};

fn at(article: usize, sentence: usize) -> SentenceRef {
    SentenceRef { article, sentence }
}

fn agrees_with_the_analysis(inputs: &[Input]) {
    let options = Options::default();
    let analysis = analyze(inputs, &options).expect("analysis");
    let why =
        |a: SentenceRef, b: SentenceRef| explain_pair(inputs, &options, a, b).expect("compared");
    assert!(!analysis.links.is_empty() && !analysis.clusters.is_empty());
    // Every leftover link is the pair test's, with its kind and measures.
    for link in &analysis.links {
        let (a, b) = (
            at(link.a.article, link.a.sentence),
            at(link.b.article, link.b.sentence),
        );
        let w = why(a, b);
        let expected = if link.kind == Kind::Paraphrase {
            WhyReason::Rewrite
        } else {
            WhyReason::Near
        };
        assert!(w.linked(), "{link:?}: {w:?}");
        assert_eq!((w.reason, &w.link), (expected, link));
    }
    // Clusters are joined by edges: every member passes the pair test with
    // another member of another article.
    for cluster in &analysis.clusters {
        for m in &cluster.members {
            let linked = cluster.members.iter().any(|o| {
                o.article != m.article
                    && why(at(m.article, m.sentence), at(o.article, o.sentence)).linked()
            });
            assert!(linked, "{m:?} of {cluster:?}");
        }
    }
    // A pair in no cluster and no link, with their measures and reason.
    let together = |a: SentenceRef, b: SentenceRef| {
        let (x, y) = (
            &analysis.articles[a.article].sentences[a.sentence],
            &analysis.articles[b.article].sentences[b.sentence],
        );
        (x.cluster.is_some() && x.cluster == y.cluster)
            || x.links.iter().any(|l| y.links.contains(l))
    };
    // Pairs in no cluster and no link: those the pair test fails say why.
    let mut unlinked = 0;
    let first = |a: usize| analysis.articles[a].sentences.len().min(12);
    for s in 0..first(0) {
        for t in 0..first(1) {
            let (a, b) = (at(0, s), at(1, t));
            let Ok(w) = explain_pair(inputs, &options, a, b) else {
                continue;
            };
            if together(a, b) || w.linked() {
                continue;
            }
            unlinked += 1;
            assert!(
                !matches!(w.reason, WhyReason::Near | WhyReason::Rewrite),
                "{w:?}"
            );
            if w.reason != WhyReason::SideBySide && w.link.kind != Kind::Verbatim {
                assert!(w.link.similarity < options.threshold, "{w:?}");
            }
        }
    }
    assert!(unlinked > 0);
}

#[test]
fn the_seeds_links_pass_the_pair_test() {
    agrees_with_the_analysis(&common::seeds());
}

#[test]
fn the_second_sets_links_pass_the_pair_test() {
    agrees_with_the_analysis(&common::articles(&common::data("eval/second")));
}

const STORM: &str = "The storm closed every school in the county on Tuesday morning.";
const ROADS: &str =
    "Officials expect the roads to reopen by Friday once crews clear the fallen trees.";

fn two(a: &str, b: &str) -> Vec<Input> {
    vec![Input::new("a", a), Input::new("b", b)]
}

fn why(inputs: &[Input], a: SentenceRef, b: SentenceRef) -> wirediff::PairWhy {
    explain_pair(inputs, &Options::default(), a, b).expect("compared")
}

#[test]
fn a_near_copy_is_linked_as_near() {
    let inputs = two(STORM, &format!("Officials said {STORM}"));
    let w = why(&inputs, at(0, 0), at(1, 0));
    let l = &w.link;
    assert!(w.linked() && w.reason == WhyReason::Near, "{w:?}");
    assert_eq!(
        (l.kind, l.run_words, l.score),
        (Kind::Near, 11, l.similarity)
    );
    assert!(l.similarity >= 0.6 && l.a.shared.contains(&"storm".to_owned()));
}

#[test]
fn an_unlike_pair_says_which_test_failed() {
    let inputs = two(STORM, ROADS);
    let w = why(&inputs, at(0, 0), at(1, 0));
    assert!(!w.linked() && w.link.similarity < 0.6, "{w:?}");
    assert_eq!(w.reason, WhyReason::FewTerms);
    let options = Options {
        paraphrases: false,
        ..Options::default()
    };
    let w = explain_pair(&inputs, &options, at(0, 0), at(1, 0)).expect("compared");
    assert_eq!(w.reason, WhyReason::NoRewrites);
    // Two rewrites sharing their facts: the model is asked, and says.
    let inputs = two(
        "Boeing will cut 10% of its workforce, about 17,000 jobs, the company said on Friday.",
        "The planemaker said on Friday it would lay off 17,000 workers, a tenth of its Boeing staff.",
    );
    let w = why(&inputs, at(0, 0), at(1, 0));
    assert!(matches!(w.reason, WhyReason::Rewrite | WhyReason::Below));
    assert_eq!(w.linked(), w.link.score >= 0.5, "{w:?}");
    assert_eq!(w.link.kind, Kind::Paraphrase, "{w:?}");
}

#[test]
fn side_by_side_sentences_are_two_statements() {
    let both = format!("{STORM} {ROADS}");
    let inputs = two(&both, &both);
    let w = why(&inputs, at(0, 0), at(1, 1));
    assert_eq!(
        (w.linked(), w.reason),
        (false, WhyReason::SideBySide),
        "{w:?}"
    );
    // Copies of one sentence are still copies.
    let w = why(&inputs, at(0, 0), at(1, 0));
    assert_eq!((w.linked(), w.link.kind), (true, Kind::Verbatim), "{w:?}");
}

#[test]
fn furniture_short_lines_and_one_article_are_not_compared() {
    let mut inputs = two(
        &format!("{STORM}\n\n{ROADS}"),
        &format!("{ROADS}\n\nRead more here."),
    );
    inputs[0].marks.aside = vec![0];
    let not = |a, b| explain_pair(&inputs, &Options::default(), a, b).unwrap_err();
    assert_eq!(not(at(0, 0), at(1, 0)), WhyReason::NotCompared);
    assert_eq!(not(at(0, 1), at(1, 9)), WhyReason::NotCompared);
    assert_eq!(not(at(0, 1), at(1, 1)), WhyReason::TooShort);
    assert_eq!(
        why(&inputs, at(0, 1), at(0, 1)).reason,
        WhyReason::SameArticle
    );
    assert_eq!(WhyReason::NotCompared.name(), "not_compared");
}
