//! Paragraph-level diff of two articles: `alignment` pairs changed
//! paragraphs, `inline` diffs the words of a pair.
//!
//! Each article is cut into *chunks*, one per paragraph, where a chunk runs
//! from its paragraph's first character to the next paragraph's first
//! character (the first chunk also takes any leading whitespace). Chunks
//! cover the text exactly, so the diff can always rebuild both articles.
//!
//! 1. Paragraphs are compared by a canonical key (NFKC, quotes and dashes
//!    folded, white space collapsed) with `similar`'s Myers diff under a
//!    deadline, giving equal, deleted, inserted and replaced runs.
//! 2. Within a replaced run, deleted and inserted paragraphs that say nearly
//!    the same thing are paired into `change` ops by an order-preserving
//!    alignment that maximises the summed similarity. The similarity is the
//!    Dice coefficient of the two paragraphs' word multisets,
//!    `2·|A ∩ B| / (|A| + |B|)` over folded words ([`crate::text::tokens`](mod@crate::text::tokens)):
//!    order-insensitive, so reordered clauses still pair, and cheap. Pairs
//!    below [`CHANGE_THRESHOLD`] stay a deletion and an insertion.
//! 3. A change carries a word-level inline diff over Unicode word-boundary
//!    pieces (words, spaces, punctuation), with runs of edits merged into one
//!    deletion and one insertion so that it reads as "this phrase became that".
//!
//! When the deadline passes, `similar` returns a coarser but still exact
//! diff, the alignment stops pairing, and the result says `timed_out`.

mod alignment;
mod inline;

use std::ops::Range;
use std::time::Duration;

// `similar` takes its deadline as `std::time::Instant`, or in the browser
// (wasm32-unknown-unknown, where std has no clock) as the `web-time` instant
// it re-exports. WASI has std's clock.
#[cfg(all(target_arch = "wasm32", target_os = "unknown"))]
use similar::Instant;
#[cfg(not(all(target_arch = "wasm32", target_os = "unknown")))]
use std::time::Instant;

use unicode_segmentation::UnicodeSegmentation;

use crate::model::{DiffOp, DiffTag, ParagraphDiff};
use crate::text::{Interner, fold_mark, fold_word, nfkc};

pub use alignment::{PAIRING_BUDGET, bag_similarity};
pub use inline::inline_diff;

use alignment::{Budget, align, past};

/// The edit script of two sequences of pieces (`similar`'s Myers diff with
/// its preflight trimming, replaces merged). Both of the crate's diffs go
/// through here with one element type and one hook, so the page's module
/// carries one copy of the algorithm (patience diff as well would add about
/// 12 KB to the compressed page).
fn pieces_diff(old: &[&str], new: &[&str], deadline: Option<Instant>) -> Vec<similar::DiffOp> {
    use similar::algorithms::{Capture, Compact, Replace, myers};
    let mut hook = Compact::new(Replace::new(Capture::new()), old, new);
    let Ok(()) = myers::diff_deadline(&mut hook, old, 0..old.len(), new, 0..new.len(), deadline);
    hook.into_inner().into_inner().into_ops()
}

/// Minimum word similarity for a deleted and an inserted paragraph to be
/// shown as one changed paragraph. At 0.5, half the words of the two
/// paragraphs (counted together) are shared: a light rewrite passes, two
/// paragraphs that merely share a topic's names do not.
pub const CHANGE_THRESHOLD: f64 = 0.5;

/// The sorted ids of a paragraph's folded words (a multiset); both sides of
/// a diff share one [`Interner`], so paragraphs compare as id lists.
fn bag(paragraph: &str, words: &mut Interner) -> Vec<u32> {
    let mut bag: Vec<u32> = paragraph
        .unicode_words()
        .map(|w| words.id(&fold_word(w)))
        .collect();
    bag.sort_unstable();
    bag
}

/// One side of a diff: the text, its paragraph chunks and their word bags.
pub(super) struct Side<'a> {
    text: &'a str,
    chunks: Vec<Range<usize>>,
    keys: Vec<String>,
    /// Sorted interned folded words of each paragraph, for the Dice similarity.
    bags: Vec<Vec<u32>>,
}

impl<'a> Side<'a> {
    fn new(text: &'a str, paragraphs: &[Range<usize>], words: &mut Interner) -> Self {
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
            .map(|p| bag(&text[p.clone()], words))
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
    for c in nfkc(paragraph).chars() {
        let c = fold_mark(c);
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

/// Diffs article `a` (old) against article `b` (new), given their paragraph
/// spans, within `timeout`. `a_index` and `b_index` label the result.
pub fn diff_paragraphs(
    (a_index, a_text, a_paragraphs): (usize, &str, &[Range<usize>]),
    (b_index, b_text, b_paragraphs): (usize, &str, &[Range<usize>]),
    timeout: Duration,
) -> ParagraphDiff {
    let deadline = Instant::now().checked_add(timeout);
    let mut words = Interner::default();
    let old = Side::new(a_text, a_paragraphs, &mut words);
    let new = Side::new(b_text, b_paragraphs, &mut words);
    let mut ops = Vec::new();
    // A text with no paragraph (empty or white space only) has no chunk; its
    // white space still belongs in the diff so that both sides rebuild.
    if old.chunks.is_empty() && !a_text.is_empty() {
        ops.push(whole_text_op(DiffTag::Delete, a_text, ""));
    }
    if new.chunks.is_empty() && !b_text.is_empty() {
        ops.push(whole_text_op(DiffTag::Insert, "", b_text));
    }
    let mut budget = Budget {
        deadline,
        work: PAIRING_BUDGET,
    };
    let mut timed_out = false;
    let (old_keys, new_keys): (Vec<&str>, Vec<&str>) = (
        old.keys.iter().map(String::as_str).collect(),
        new.keys.iter().map(String::as_str).collect(),
    );
    for op in pieces_diff(&old_keys, &new_keys, deadline) {
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
                timed_out |= align(&old, old_range, &new, new_range, &mut budget, &mut ops);
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
}
