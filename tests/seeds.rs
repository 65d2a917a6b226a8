//! What a reader can check on the five seed articles.

mod common;

use std::collections::BTreeSet;

use wirediff::text::fold_text;
use wirediff::{Analysis, DiffTag, Kind, Options, analyze};

fn seed_analysis() -> (Vec<wirediff::Input>, Analysis) {
    let inputs = common::seeds();
    assert_eq!(inputs.len(), 5, "the five seed articles");
    let analysis = analyze(&inputs, &Options::default()).expect("analysis");
    (inputs, analysis)
}

/// Articles whose text carries `phrase` (compared on folded words).
fn carriers(inputs: &[wirediff::Input], phrase: &str) -> BTreeSet<usize> {
    let phrase = fold_text(phrase);
    inputs
        .iter()
        .enumerate()
        .filter(|(_, i)| fold_text(&i.text).contains(&phrase))
        .map(|(a, _)| a)
        .collect()
}

/// Clusters holding a sentence that contains `phrase`, with their articles.
fn clusters_with(analysis: &Analysis, phrase: &str) -> Vec<BTreeSet<usize>> {
    let phrase = fold_text(phrase);
    analysis
        .clusters
        .iter()
        .filter(|c| {
            c.members.iter().any(|m| {
                let s = &analysis.articles[m.article].sentences[m.sentence];
                fold_text(&s.text).contains(&phrase)
            })
        })
        .map(|c| c.members.iter().map(|m| m.article).collect())
        .collect()
}

/// The one cluster holding sentences that carry `phrase`: it spans every
/// carrier, and any other member is a paraphrase of it.
fn assert_one_cluster_over_carriers(phrase: &str) {
    let (inputs, analysis) = seed_analysis();
    let expected = carriers(&inputs, phrase);
    assert!(expected.len() >= 2, "{expected:?}");
    let found = clusters_with(&analysis, phrase);
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(found[0].is_superset(&expected), "{found:?} {expected:?}");
    let cluster = analysis
        .clusters
        .iter()
        .find(|c| c.members.iter().map(|m| m.article).collect::<BTreeSet<_>>() == found[0])
        .unwrap();
    for m in &cluster.members {
        if !expected.contains(&m.article) {
            assert_eq!(m.kind, Kind::Paraphrase, "{m:?}");
        }
    }
    // Every sentence carrying the phrase is in that cluster.
    for article in &analysis.articles {
        for s in &article.sentences {
            if fold_text(&s.text).contains(&fold_text(phrase)) {
                let c = s.cluster.expect("carrier sentence clustered");
                assert_eq!(&analysis.clusters[c], cluster);
            }
        }
    }
}

#[test]
fn world_class_quote_is_one_cluster_over_every_carrier() {
    let phrase =
        "Models like DeepSeek, Alibaba, Tencent, MiniMax, and Baidu Ernie bot are world class";
    assert!(carriers(&common::seeds(), phrase).len() >= 3);
    assert_one_cluster_over_carriers(phrase);
}

#[test]
fn licenses_quote_links_the_articles_that_quote_it() {
    assert_one_cluster_over_carriers("I have been assured that the licenses will come very fast");
}

#[test]
fn every_cluster_spans_two_articles() {
    let (_, analysis) = seed_analysis();
    assert!(!analysis.clusters.is_empty());
    for c in &analysis.clusters {
        let articles: BTreeSet<usize> = c.members.iter().map(|m| m.article).collect();
        assert!(articles.len() >= 2, "{c:?}");
        assert_eq!(c.articles, articles.len());
        assert!((0.0..=1.0).contains(&c.similarity));
        if c.kind == Kind::Verbatim {
            let forms: BTreeSet<String> = c
                .members
                .iter()
                .map(|m| fold_text(&analysis.articles[m.article].sentences[m.sentence].text))
                .collect();
            assert_eq!(forms.len(), 1, "{c:?}");
        }
    }
}

#[test]
fn cookie_banner_is_in_no_cluster() {
    let (_, analysis) = seed_analysis();
    let mut banner = 0;
    for article in &analysis.articles {
        for s in &article.sentences {
            if s.text.contains("cookies") {
                banner += 1;
                assert_eq!(s.cluster, None, "{}", s.text);
            }
        }
    }
    assert!(banner >= 5, "the banner is in the seeds");
}

#[test]
fn sentences_are_exact_trimmed_substrings() {
    let (inputs, analysis) = seed_analysis();
    for (input, article) in inputs.iter().zip(&analysis.articles) {
        assert_eq!(article.name, input.name);
        assert_eq!(article.len, input.text.len());
        for s in &article.sentences {
            assert_eq!(s.text, input.text[s.start..s.end]);
            assert_eq!(s.text, s.text.trim());
            let p = &article.paragraphs[s.paragraph];
            assert!(p.start <= s.start && s.end <= p.end);
        }
    }
}

#[test]
fn every_diff_rebuilds_both_articles() {
    let (inputs, analysis) = seed_analysis();
    assert_eq!(analysis.diffs.len(), 10);
    let mut changes = 0;
    for d in &analysis.diffs {
        assert_eq!(d.old_side(), inputs[d.a].text, "diff {} {}", d.a, d.b);
        assert_eq!(d.new_side(), inputs[d.b].text, "diff {} {}", d.a, d.b);
        for op in d.ops.iter().filter(|o| o.tag == DiffTag::Change) {
            changes += 1;
            assert_eq!(op.inline_old(), op.old_text);
            assert_eq!(op.inline_new(), op.new_text);
        }
    }
    assert!(changes > 0, "syndicated seeds have changed paragraphs");
}

#[test]
fn overlap_matches_clusters_and_links() {
    let (_, analysis) = seed_analysis();
    let n = analysis.articles.len();
    let overlap = &analysis.overlap;
    for i in 0..n {
        assert_eq!(overlap.shared(i, i), 1.0);
        // Shares count the compared sentences only (not those set aside).
        let article = &analysis.articles[i];
        let sentences: Vec<_> = article
            .sentences
            .iter()
            .filter(|s| article.compared(s))
            .collect();
        assert!(
            sentences.len() < article.sentences.len(),
            "the seeds have site furniture"
        );
        let total = sentences.len() as f64;
        let linked = sentences
            .iter()
            .filter(|s| s.cluster.is_some() || !s.links.is_empty())
            .count() as f64;
        assert!((overlap.unique[i] - (1.0 - linked / total)).abs() < 1e-9);
        for j in (0..n).filter(|&j| j != i) {
            // The share, counted the plain way: sentences of i with a
            // cluster-mate or a link end in j.
            let found = sentences
                .iter()
                .filter(|s| {
                    s.cluster.is_some_and(|c| {
                        analysis.clusters[c].members.iter().any(|m| m.article == j)
                    }) || s.links.iter().any(|&l| {
                        let link = &analysis.links[l];
                        link.a.article == j || link.b.article == j
                    })
                })
                .count() as f64;
            assert_eq!(overlap.shared(i, j), found / total, "{i} in {j}");
            assert!(overlap.shared(i, j) <= 1.0 - overlap.unique[i] + 1e-9);
        }
    }
    // Listed once per pair, in order, and only pairs that share something.
    for w in overlap.pairs.windows(2) {
        assert!((w[0].a, w[0].b) < (w[1].a, w[1].b));
    }
    assert!(
        overlap
            .pairs
            .iter()
            .all(|p| p.a < p.b && p.a_in_b > 0.0 && p.b_in_a > 0.0)
    );
    // 000 and 003 share the world-class quote, so their overlap is non-zero.
    assert!(overlap.shared(0, 3) > 0.0);
}
