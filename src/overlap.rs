//! The overlap summary: how much of each article is found in the others.
//!
//! Shares are over all of an article's sentences, headlines and short lines
//! included, so that they read as "this share of what the article says".

use crate::model::{Article, Cluster, Link, Overlap, OverlapPair};

/// Computes pairwise and per-article shares from the clusters and the links
/// they leave out. The cost follows what is shared (each sentence visits the
/// articles of its cluster and links), never the number of article pairs.
pub fn overlap(articles: &[Article], clusters: &[Cluster], links: &[Link]) -> Overlap {
    let n = articles.len();
    // The articles each cluster spans, once.
    let spans: Vec<Vec<usize>> = clusters
        .iter()
        .map(|c| {
            let mut a: Vec<usize> = c.members.iter().map(|m| m.article).collect();
            a.sort_unstable();
            a.dedup();
            a
        })
        .collect();
    let mut unique = vec![0.0; n];
    // (i, j, share of i in j) for every i != j sharing something.
    let mut shares: Vec<(usize, usize, f64)> = Vec::new();
    // counts[j]: sentences of the current article found in article j.
    let mut counts = vec![0usize; n];
    let mut touched: Vec<usize> = Vec::new();
    // seen[j] == s + 1: article j already counted for sentence s.
    let mut seen = vec![0usize; n];
    let mut stamp = 0usize;
    for (i, article) in articles.iter().enumerate() {
        let total = article.sentences.len();
        if total == 0 {
            continue;
        }
        let mut alone = 0usize;
        for sentence in &article.sentences {
            stamp += 1;
            let mut found = false;
            let mut count = |j: usize| {
                if j != i && seen[j] != stamp {
                    seen[j] = stamp;
                    if counts[j] == 0 {
                        touched.push(j);
                    }
                    counts[j] += 1;
                    found = true;
                }
            };
            if let Some(c) = sentence.cluster {
                spans[c].iter().for_each(|&j| count(j));
            }
            for &l in &sentence.links {
                count(links[l].a.article);
                count(links[l].b.article);
            }
            if !found {
                alone += 1;
            }
        }
        for j in touched.drain(..) {
            shares.push((i, j, counts[j] as f64 / total as f64));
            counts[j] = 0;
        }
        unique[i] = alone as f64 / total as f64;
    }
    // Both directions of a pair side by side: sharing is mutual (a
    // sentence's mate in `j` has its mate in `i`), so each pair appears twice.
    shares.sort_unstable_by_key(|&(i, j, _)| (i.min(j), i.max(j), i));
    let mut pairs: Vec<OverlapPair> = Vec::new();
    for &(i, j, share) in &shares {
        let (a, b) = (i.min(j), i.max(j));
        if pairs.last().is_none_or(|p| (p.a, p.b) != (a, b)) {
            pairs.push(OverlapPair {
                a,
                b,
                a_in_b: 0.0,
                b_in_a: 0.0,
            });
        }
        let pair = pairs.last_mut().expect("pushed above");
        if i == a {
            pair.a_in_b = share;
        } else {
            pair.b_in_a = share;
        }
    }
    Overlap { pairs, unique }
}
