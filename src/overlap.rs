//! The overlap summary: how much of each article is found in the others.
//!
//! Shares are over an article's sentences, headlines and short lines
//! included, so that they read as "this share of what the article says";
//! sentences of paragraphs set aside (bylines, dates, site furniture: see
//! [`crate::text::parts`]) do not count.
//!
//! A wire story re-published by a thousand outlets makes every pair of them
//! overlap, so listing every pair would grow with the square of the
//! articles. The summary keeps, for each article, its [`PARTNERS`] closest
//! partners (the articles holding most of its sentences); a pair is listed
//! when either end keeps it, with both shares counted exactly. Up to
//! `PARTNERS + 1` articles, that is every pair that shares anything.
//!
//! Choosing the partners visits, for each sentence, the articles of its
//! cluster; when a cluster spans more than [`VISIT`] articles, only `VISIT`
//! of them are visited: the ones that follow the article in an order fixed by
//! the articles' content (not their input order). Among hundreds of copies
//! of one story the partners are then a deterministic sample, and the cost
//! grows with the text, not with the square of the copies.

use std::hash::Hasher;

use rustc_hash::FxHashSet;

use crate::model::{Article, Cluster, Link, Overlap, OverlapPair};

/// How many partners each article keeps in [`Overlap::pairs`].
pub const PARTNERS: usize = 50;

/// Most articles of one cluster visited per sentence when choosing partners.
pub const VISIT: usize = 4 * PARTNERS;

/// Computes pairwise and per-article shares from the clusters and the links
/// they leave out: at most [`PARTNERS`] pairs per article, each with both of
/// its shares.
pub fn overlap(articles: &[Article], clusters: &[Cluster], links: &[Link]) -> Overlap {
    let n = articles.len();
    // The articles each cluster spans, once, by index; and the large spans
    // again in content order (`(hash, index)`), for the visits.
    let spans: Vec<Vec<usize>> = clusters
        .iter()
        .map(|c| {
            let mut a: Vec<usize> = c.members.iter().map(|m| m.article).collect();
            crate::sort::sort(&mut a);
            a.dedup();
            a
        })
        .collect();
    let hashes: Vec<u64> = articles.iter().map(content_hash).collect();
    // Each article's compared sentences (not set aside), counted once.
    let compared: Vec<usize> = articles.iter().map(Article::compared_sentences).collect();
    let ordered: Vec<Vec<(u64, usize)>> = spans
        .iter()
        .map(|s| {
            if s.len() <= VISIT {
                return Vec::new();
            }
            let mut o: Vec<(u64, usize)> = s.iter().map(|&a| (hashes[a], a)).collect();
            crate::sort::sort(&mut o);
            o
        })
        .collect();
    let mut unique = vec![0.0; n];
    let mut kept: FxHashSet<(usize, usize)> = FxHashSet::default();
    // counts[j]: sentences of the current article visited in article j.
    let mut counts = vec![0usize; n];
    let mut touched: Vec<usize> = Vec::new();
    // seen[j] == stamp: article j already counted for the current sentence.
    let mut seen = vec![0usize; n];
    let mut stamp = 0usize;
    let mut partners: Vec<(usize, usize)> = Vec::new();
    for (i, article) in articles.iter().enumerate() {
        let total = compared[i];
        if total == 0 {
            continue;
        }
        let mut alone = 0usize;
        for sentence in article.sentences.iter().filter(|s| article.compared(s)) {
            stamp += 1;
            let mut visit = |j: usize| {
                if j != i && seen[j] != stamp {
                    seen[j] = stamp;
                    if counts[j] == 0 {
                        touched.push(j);
                    }
                    counts[j] += 1;
                }
            };
            let mut held = false;
            if let Some(c) = sentence.cluster {
                held |= spans[c].len() > 1;
                if ordered[c].is_empty() {
                    spans[c].iter().for_each(|&j| visit(j));
                } else {
                    let o = &ordered[c];
                    let at = o.partition_point(|&x| x <= (hashes[i], i));
                    (0..VISIT).for_each(|k| visit(o[(at + k) % o.len()].1));
                }
            }
            for &l in &sentence.links {
                held = true;
                visit(links[l].a.article);
                visit(links[l].b.article);
            }
            if !held {
                alone += 1;
            }
        }
        unique[i] = alone as f64 / total as f64;
        partners.clear();
        for j in touched.drain(..) {
            partners.push((counts[j], j));
            counts[j] = 0;
        }
        // Most sentences held first, then the smaller index.
        let closest = |x: &(usize, usize), y: &(usize, usize)| y.0.cmp(&x.0).then(x.1.cmp(&y.1));
        if partners.len() > PARTNERS {
            partners.select_nth_unstable_by(PARTNERS - 1, closest);
            partners.truncate(PARTNERS);
        }
        kept.extend(partners.iter().map(|&(_, j)| (i.min(j), i.max(j))));
    }
    // Each article's clusters, sorted, to count a pair's shares by one walk.
    let clusters_of: Vec<Vec<usize>> = articles
        .iter()
        .map(|a| {
            let mut c: Vec<usize> = a.sentences.iter().filter_map(|s| s.cluster).collect();
            crate::sort::sort(&mut c);
            c
        })
        .collect();
    // Each article's linked sentences by the other end's article, sorted:
    // one sentence may carry thousands of links (every copy of a sentence
    // links to the same copy elsewhere), so a pair looks up its own.
    let mut linked: Vec<Vec<(usize, usize)>> = vec![Vec::new(); n];
    for l in links {
        linked[l.a.article].push((l.b.article, l.a.sentence));
        linked[l.b.article].push((l.a.article, l.b.sentence));
    }
    for list in &mut linked {
        crate::sort::sort(list);
        list.dedup();
    }
    let share = |a: usize, b: usize| -> f64 {
        let from = linked[a].partition_point(|&(o, _)| o < b);
        let to = linked[a].partition_point(|&(o, _)| o <= b);
        let via_links = linked[a][from..to].iter().map(|&(_, s)| s);
        share(
            &articles[a],
            compared[a],
            via_links,
            &clusters_of[a],
            &clusters_of[b],
        )
    };
    let mut pairs: Vec<OverlapPair> = kept
        .into_iter()
        .map(|(a, b)| OverlapPair {
            a,
            b,
            a_in_b: share(a, b),
            b_in_a: share(b, a),
        })
        .collect();
    pairs.sort_unstable_by_key(|p| (p.a, p.b));
    Overlap { pairs, unique }
}

/// The exact share of `article`'s sentences that another article holds:
/// `mine` and `theirs` are both articles' sorted cluster lists (one entry
/// per clustered sentence), `via_links` the sentences of `article` linked
/// to the other one, without repeats, `compared` how many of its sentences
/// count (those not set aside).
fn share(
    article: &Article,
    compared: usize,
    via_links: impl Iterator<Item = usize>,
    mine: &[usize],
    theirs: &[usize],
) -> f64 {
    // How many of `mine` `theirs` holds: one merge.
    let (mut held, mut j) = (0usize, 0usize);
    for &c in mine {
        while j < theirs.len() && theirs[j] < c {
            j += 1;
        }
        if theirs.get(j) == Some(&c) {
            held += 1;
        }
    }
    // Linked sentences not already held through their cluster.
    held += via_links
        .filter(|&s| {
            article.sentences[s]
                .cluster
                .is_none_or(|c| theirs.binary_search(&c).is_err())
        })
        .count();
    held as f64 / compared.max(1) as f64
}

/// A hash of an article's sentences, the same on every platform and for
/// every input order.
fn content_hash(article: &Article) -> u64 {
    let mut h = std::hash::DefaultHasher::new();
    for s in &article.sentences {
        h.write(s.text.as_bytes());
        h.write_u8(0);
    }
    h.finish()
}
