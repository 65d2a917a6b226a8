//! The overlap summary: how much of each article is found in the others.
//!
//! Shares are over all of an article's sentences, headlines and short lines
//! included, so that they read as "this share of what the article says".

use crate::model::{Article, Cluster, Link, Overlap};

/// Computes pairwise and per-article shares from the clusters and the links
/// they leave out.
pub fn overlap(articles: &[Article], clusters: &[Cluster], links: &[Link]) -> Overlap {
    let n = articles.len();
    let mut shared = vec![vec![0.0; n]; n];
    let mut unique = vec![0.0; n];
    for (i, article) in articles.iter().enumerate() {
        let total = article.sentences.len();
        if total == 0 {
            continue;
        }
        // counts[j]: sentences of i with a cluster-mate or a link in article j.
        let mut counts = vec![0usize; n];
        let mut alone = 0usize;
        for sentence in &article.sentences {
            let mut seen = vec![false; n];
            if let Some(c) = sentence.cluster {
                for m in &clusters[c].members {
                    seen[m.article] = true;
                }
            }
            for &l in &sentence.links {
                seen[links[l].a.article] = true;
                seen[links[l].b.article] = true;
            }
            seen[i] = true;
            if seen.iter().filter(|&&s| s).count() == 1 {
                alone += 1;
            }
            for (j, s) in seen.into_iter().enumerate() {
                counts[j] += usize::from(s);
            }
        }
        for j in 0..n {
            shared[i][j] = counts[j] as f64 / total as f64;
        }
        shared[i][i] = 1.0;
        unique[i] = alone as f64 / total as f64;
    }
    Overlap { shared, unique }
}
