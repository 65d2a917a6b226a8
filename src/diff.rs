//! Paragraph-level diff of two articles.
//!
//! Each article is cut into *chunks*, one per paragraph, where a chunk runs
//! from its paragraph's first character to the next paragraph's first
//! character (the first chunk also takes any leading whitespace). Chunks
//! cover the text exactly, so the diff can always rebuild both articles.
//!
//! 1. Paragraphs are compared by a canonical key (NFKC, quotes and dashes
//!    folded, white space collapsed) with `similar`'s patience diff under a
//!    deadline, giving equal, deleted, inserted and replaced runs.
//! 2. Within a replaced run, deleted and inserted paragraphs that say nearly
//!    the same thing are paired into `change` ops by an order-preserving
//!    alignment that maximises the summed similarity. The similarity is the
//!    Dice coefficient of the two paragraphs' word multisets,
//!    `2·|A ∩ B| / (|A| + |B|)` over folded words ([`crate::normalize`]):
//!    order-insensitive, so reordered clauses still pair, and cheap. Pairs
//!    below [`CHANGE_THRESHOLD`] stay a deletion and an insertion.
//! 3. A change carries a word-level inline diff over Unicode word-boundary
//!    pieces (words, spaces, punctuation), with runs of edits merged into one
//!    deletion and one insertion so that it reads as "this phrase became that".
//!
//! When the deadline passes, `similar` returns a coarser but still exact
//! diff, the alignment stops pairing, and the result says `timed_out`.

use std::ops::Range;
use std::time::Duration;

use similar::Algorithm;
// `similar` takes its deadline as `std::time::Instant`, or in the browser
// (wasm32-unknown-unknown, where std has no clock) as the `web-time` instant
// it re-exports. WASI has std's clock.
#[cfg(all(target_arch = "wasm32", target_os = "unknown"))]
use similar::Instant;
#[cfg(not(all(target_arch = "wasm32", target_os = "unknown")))]
use std::time::Instant;
use unicode_normalization::UnicodeNormalization;
use unicode_segmentation::UnicodeSegmentation;

use crate::model::{DiffOp, DiffTag, InlineChange, ParagraphDiff};
use crate::normalize::{dice, fold_text, sorted_overlap};

/// Minimum word similarity for a deleted and an inserted paragraph to be
/// shown as one changed paragraph. At 0.5, half the words of the two
/// paragraphs (counted together) are shared: a light rewrite passes, two
/// paragraphs that merely share a topic's names do not.
pub const CHANGE_THRESHOLD: f64 = 0.5;

/// Largest replaced block (old × new paragraphs) that is aligned pair by pair.
const MAX_ALIGN_CELLS: usize = 250_000;

/// One side of a diff: the text, its paragraph chunks and their word bags.
struct Side<'a> {
    text: &'a str,
    chunks: Vec<Range<usize>>,
    keys: Vec<String>,
    /// Sorted folded words of each paragraph, for the Dice similarity.
    bags: Vec<Vec<String>>,
}

impl<'a> Side<'a> {
    fn new(text: &'a str, paragraphs: &[Range<usize>]) -> Self {
        let chunks = (0..paragraphs.len())
            .map(|i| {
                let start = if i == 0 { 0 } else { paragraphs[i].start };
                let end = paragraphs.get(i + 1).map_or(text.len(), |p| p.start);
                start..end
            })
            .collect();
        let keys = paragraphs
            .iter()
            .map(|p| canonical(&text[p.clone()]))
            .collect();
        let bags = paragraphs
            .iter()
            .map(|p| {
                let mut words: Vec<String> = fold_text(&text[p.clone()])
                    .split(' ')
                    .filter(|w| !w.is_empty())
                    .map(str::to_owned)
                    .collect();
                words.sort_unstable();
                words
            })
            .collect();
        Side {
            text,
            chunks,
            keys,
            bags,
        }
    }

    fn chunk(&self, i: usize) -> String {
        self.text[self.chunks[i].clone()].to_owned()
    }
}

/// A paragraph's identity for the equal/unequal decision: NFKC, typographic
/// quotes and dashes folded to ASCII, runs of white space collapsed.
fn canonical(paragraph: &str) -> String {
    let mut out = String::with_capacity(paragraph.len());
    let mut space = false;
    for c in paragraph.nfkc() {
        let c = match c {
            '\u{2018}' | '\u{2019}' | '\u{201a}' | '\u{201b}' | '\u{2032}' => '\'',
            '\u{201c}' | '\u{201d}' | '\u{201e}' | '\u{201f}' | '\u{2033}' | '«' | '»' => '"',
            '\u{2010}'..='\u{2015}' | '\u{2212}' => '-',
            c => c,
        };
        if c.is_whitespace() {
            space = true;
        } else {
            if space && !out.is_empty() {
                out.push(' ');
            }
            space = false;
            out.push(c);
        }
    }
    out
}

/// Dice coefficient of two sorted word multisets (0 when both are empty).
pub fn bag_similarity(a: &[String], b: &[String]) -> f64 {
    dice(sorted_overlap(a, b, |x, y| x.cmp(y)), a.len(), b.len())
}

/// Diffs article `a` (old) against article `b` (new), given their paragraph
/// spans, within `timeout`. `a_index` and `b_index` label the result.
pub fn diff_paragraphs(
    (a_index, a_text, a_paragraphs): (usize, &str, &[Range<usize>]),
    (b_index, b_text, b_paragraphs): (usize, &str, &[Range<usize>]),
    timeout: Duration,
) -> ParagraphDiff {
    let deadline = Instant::now().checked_add(timeout);
    let old = Side::new(a_text, a_paragraphs);
    let new = Side::new(b_text, b_paragraphs);
    let mut ops = Vec::new();
    // A text with no paragraph (empty or white space only) has no chunk; its
    // white space still belongs in the diff so that both sides rebuild.
    if old.chunks.is_empty() && !a_text.is_empty() {
        ops.push(whole_text_op(DiffTag::Delete, a_text, ""));
    }
    if new.chunks.is_empty() && !b_text.is_empty() {
        ops.push(whole_text_op(DiffTag::Insert, "", b_text));
    }
    let mut timed_out = false;
    for op in
        similar::capture_diff_slices_deadline(Algorithm::Patience, &old.keys, &new.keys, deadline)
    {
        let (_, old_range, new_range) = op.as_tag_tuple();
        match op.tag() {
            similar::DiffTag::Equal => {
                for (o, n) in old_range.zip(new_range) {
                    ops.push(DiffOp {
                        tag: DiffTag::Equal,
                        old: Some(o),
                        new: Some(n),
                        old_text: old.chunk(o),
                        new_text: new.chunk(n),
                        similarity: Some(1.0),
                        inline: Vec::new(),
                    });
                }
            }
            _ => {
                timed_out |= align(&old, old_range, &new, new_range, deadline, &mut ops);
            }
        }
    }
    timed_out |= past(deadline);
    ParagraphDiff {
        a: a_index,
        b: b_index,
        ops,
        timed_out,
    }
}

fn whole_text_op(tag: DiffTag, old_text: &str, new_text: &str) -> DiffOp {
    DiffOp {
        tag,
        old: None,
        new: None,
        old_text: old_text.to_owned(),
        new_text: new_text.to_owned(),
        similarity: None,
        inline: Vec::new(),
    }
}

fn past(deadline: Option<Instant>) -> bool {
    deadline.is_some_and(|d| Instant::now() > d)
}

/// Emits the ops of a replaced block, pairing similar paragraphs into
/// changes. Returns true if the deadline stopped the pairing.
fn align(
    old: &Side,
    old_range: Range<usize>,
    new: &Side,
    new_range: Range<usize>,
    deadline: Option<Instant>,
    ops: &mut Vec<DiffOp>,
) -> bool {
    let (n, m) = (old_range.len(), new_range.len());
    let mut pairs: Vec<(usize, usize, f64)> = Vec::new();
    let mut timed_out = false;
    if n > 0 && m > 0 && n * m <= MAX_ALIGN_CELLS {
        match best_alignment(old, old_range.clone(), new, new_range.clone(), deadline) {
            Some(found) => pairs = found,
            None => timed_out = true,
        }
    }
    let (mut o, mut nw) = (old_range.start, new_range.start);
    for (po, pn, sim) in pairs
        .into_iter()
        .chain([(old_range.end, new_range.end, 0.0)])
    {
        for i in o..po {
            ops.push(DiffOp {
                tag: DiffTag::Delete,
                old: Some(i),
                new: None,
                old_text: old.chunk(i),
                new_text: String::new(),
                similarity: None,
                inline: Vec::new(),
            });
        }
        for j in nw..pn {
            ops.push(DiffOp {
                tag: DiffTag::Insert,
                old: None,
                new: Some(j),
                old_text: String::new(),
                new_text: new.chunk(j),
                similarity: None,
                inline: Vec::new(),
            });
        }
        if po < old_range.end {
            let (old_text, new_text) = (old.chunk(po), new.chunk(pn));
            let inline = inline_diff(&old_text, &new_text, deadline);
            ops.push(DiffOp {
                tag: DiffTag::Change,
                old: Some(po),
                new: Some(pn),
                old_text,
                new_text,
                similarity: Some(sim),
                inline,
            });
        }
        o = po + 1;
        nw = pn + 1;
    }
    timed_out
}

/// Order-preserving pairing of old and new paragraphs that maximises the
/// summed similarity of pairs at or above [`CHANGE_THRESHOLD`]; `None` if the
/// deadline passed. Returns `(old, new, similarity)` in order.
fn best_alignment(
    old: &Side,
    old_range: Range<usize>,
    new: &Side,
    new_range: Range<usize>,
    deadline: Option<Instant>,
) -> Option<Vec<(usize, usize, f64)>> {
    let (n, m) = (old_range.len(), new_range.len());
    let mut sim = vec![0.0f64; n * m];
    for i in 0..n {
        if past(deadline) {
            return None;
        }
        for j in 0..m {
            let s = bag_similarity(
                &old.bags[old_range.start + i],
                &new.bags[new_range.start + j],
            );
            sim[i * m + j] = if s >= CHANGE_THRESHOLD { s } else { 0.0 };
        }
    }
    // best[i][j]: best total for the first i old and j new paragraphs.
    let w = m + 1;
    let mut best = vec![0.0f64; (n + 1) * w];
    for i in 1..=n {
        for j in 1..=m {
            let s = sim[(i - 1) * m + (j - 1)];
            let diag = if s > 0.0 {
                best[(i - 1) * w + j - 1] + s
            } else {
                0.0
            };
            best[i * w + j] = best[(i - 1) * w + j].max(best[i * w + j - 1]).max(diag);
        }
    }
    let mut pairs = Vec::new();
    let (mut i, mut j) = (n, m);
    while i > 0 && j > 0 {
        let s = sim[(i - 1) * m + (j - 1)];
        if s > 0.0 && best[i * w + j] == best[(i - 1) * w + j - 1] + s {
            pairs.push((old_range.start + i - 1, new_range.start + j - 1, s));
            i -= 1;
            j -= 1;
        } else if best[i * w + j] == best[(i - 1) * w + j] {
            i -= 1;
        } else {
            j -= 1;
        }
    }
    pairs.reverse();
    Some(pairs)
}

/// Word-level diff of two paragraph chunks. Concatenating the `equal` and
/// `delete` pieces gives `old`, the `equal` and `insert` pieces give `new`.
pub fn inline_diff(old: &str, new: &str, deadline: Option<Instant>) -> Vec<InlineChange> {
    let old_pieces: Vec<&str> = old.split_word_bounds().collect();
    let new_pieces: Vec<&str> = new.split_word_bounds().collect();
    let ops =
        similar::capture_diff_slices_deadline(Algorithm::Myers, &old_pieces, &new_pieces, deadline);
    // Runs of (tag, text) straight from the diff.
    let mut runs: Vec<(DiffTag, String)> = Vec::new();
    for op in ops {
        let (tag, o, n) = op.as_tag_tuple();
        let old_text: String = old_pieces[o].concat();
        let new_text: String = new_pieces[n].concat();
        match tag {
            similar::DiffTag::Equal => runs.push((DiffTag::Equal, old_text)),
            similar::DiffTag::Delete => runs.push((DiffTag::Delete, old_text)),
            similar::DiffTag::Insert => runs.push((DiffTag::Insert, new_text)),
            similar::DiffTag::Replace => {
                runs.push((DiffTag::Delete, old_text));
                runs.push((DiffTag::Insert, new_text));
            }
        }
    }
    merge_edit_runs(runs)
}

/// Merges each maximal stretch of edits, including white space that merely
/// separates two edits, into one deletion followed by one insertion.
fn merge_edit_runs(runs: Vec<(DiffTag, String)>) -> Vec<InlineChange> {
    let mut out: Vec<InlineChange> = Vec::new();
    let (mut deleted, mut inserted) = (String::new(), String::new());
    let flush = |out: &mut Vec<InlineChange>, deleted: &mut String, inserted: &mut String| {
        for (tag, text) in [(DiffTag::Delete, deleted), (DiffTag::Insert, inserted)] {
            if !text.is_empty() {
                out.push(InlineChange {
                    tag,
                    text: std::mem::take(text),
                });
            }
        }
    };
    for (k, (tag, text)) in runs.iter().enumerate() {
        match tag {
            DiffTag::Delete => deleted.push_str(text),
            DiffTag::Insert => inserted.push_str(text),
            _ => {
                let between_edits = k > 0
                    && k + 1 < runs.len()
                    && text.chars().all(char::is_whitespace)
                    && (!deleted.is_empty() || !inserted.is_empty());
                if between_edits {
                    deleted.push_str(text);
                    inserted.push_str(text);
                    continue;
                }
                flush(&mut out, &mut deleted, &mut inserted);
                match out.last_mut() {
                    Some(last) if last.tag == DiffTag::Equal => last.text.push_str(text),
                    _ => out.push(InlineChange {
                        tag: DiffTag::Equal,
                        text: text.clone(),
                    }),
                }
            }
        }
    }
    flush(&mut out, &mut deleted, &mut inserted);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::paragraphs;

    fn diff(a: &str, b: &str) -> ParagraphDiff {
        diff_paragraphs(
            (0, a, &paragraphs(a)),
            (1, b, &paragraphs(b)),
            Duration::from_secs(5),
        )
    }

    fn rebuild(d: &ParagraphDiff) -> (String, String) {
        (d.old_side(), d.new_side())
    }

    fn tags(d: &ParagraphDiff) -> Vec<DiffTag> {
        d.ops.iter().map(|o| o.tag).collect()
    }

    #[test]
    fn pairs_rewritten_paragraph_as_change() {
        let a = "Title\n\nThe company said sales rose by 5% in the first quarter.\n\nUnrelated ending here.";
        let b = "Title\nThe company said its sales rose 5% in the quarter.\nA completely different closing line about weather.";
        let d = diff(a, b);
        assert_eq!(
            tags(&d),
            [
                DiffTag::Equal,
                DiffTag::Change,
                DiffTag::Delete,
                DiffTag::Insert
            ]
        );
        assert_eq!(rebuild(&d), (a.to_owned(), b.to_owned()));
        let change = &d.ops[1];
        assert_eq!(change.inline_old(), change.old_text);
        assert_eq!(change.inline_new(), change.new_text);
        assert!(
            change
                .inline
                .iter()
                .any(|c| c.tag == DiffTag::Insert && c.text.contains("its"))
        );
    }

    #[test]
    fn quote_style_and_spacing_do_not_break_equality() {
        let d = diff("“Hi,” he said.\n", "\"Hi,\"  he said.\r\n");
        assert_eq!(tags(&d), [DiffTag::Equal]);
    }

    #[test]
    fn empty_and_blank_texts_rebuild() {
        for (a, b) in [("", ""), ("  \n", "x"), ("x", ""), ("\n\n", " ")] {
            let d = diff(a, b);
            assert_eq!(rebuild(&d), (a.to_owned(), b.to_owned()), "{a:?} {b:?}");
        }
    }

    #[test]
    fn similarity_is_dice_of_word_bags() {
        let bag = |s: &str| {
            let mut v: Vec<String> = s.split(' ').map(str::to_owned).collect();
            v.sort();
            v
        };
        assert_eq!(bag_similarity(&bag("a b c d"), &bag("a b c e")), 0.75);
        assert_eq!(bag_similarity(&[], &[]), 0.0);
    }
}
