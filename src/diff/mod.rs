//! Paragraph-level diff of two articles: `blocks` pairs paragraphs through
//! what they share and finds moves, merges and splits, `alignment` pairs the
//! rest by their words, `inline` diffs the words of a pair.
//!
//! Each article is cut into *chunks*, one per paragraph, where a chunk runs
//! from its paragraph's first character to the next paragraph's first
//! character (the first chunk also takes any leading whitespace). Chunks
//! cover the text exactly, so the diff can always rebuild both articles.
//!
//! 1. Paragraphs are compared by a canonical key (NFKC, quotes and dashes
//!    folded, white space collapsed; case and punctuation too when the
//!    options say so). `similar`'s Myers diff of the keys, under a deadline,
//!    gives the identical paragraphs in order; identical ones left over pair
//!    by occurrence (they moved).
//! 2. With the pairs of paragraphs that hold linked sentences (from an
//!    analysis, [`crate::analysis::shared_paragraphs`], or the same sentence,
//!    [`same_sentences`]), they become *blocks* of one paragraph of each
//!    article, or of several of one and one of the other (a merge or a
//!    split). The heaviest order-preserving chain of blocks anchors the
//!    diff; the blocks off the chain are moves, shown on both sides.
//! 3. Between two anchors, deleted and inserted paragraphs that say nearly
//!    the same thing are paired into `change` ops by an order-preserving
//!    alignment that maximises the summed similarity. The similarity is the
//!    Dice coefficient of the two paragraphs' word multisets,
//!    `2·|A ∩ B| / (|A| + |B|)` over folded words ([`crate::text::tokens`](mod@crate::text::tokens)):
//!    order-insensitive, so reordered clauses still pair, and cheap. Pairs
//!    below [`CHANGE_THRESHOLD`] stay a deletion and an insertion.
//! 4. A pair that differs carries a word-level inline diff over Unicode
//!    word-boundary pieces (words, spaces, punctuation), with runs of edits
//!    merged into one deletion and one insertion so that it reads as "this
//!    phrase became that".
//!
//! When the deadline passes, `similar` returns a coarser but still exact
//! diff, the alignment stops pairing, and the result says `timed_out`.

mod alignment;
mod blocks;
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

use crate::model::{DiffOp, DiffTag, Options, ParagraphDiff};
use crate::text::{Interner, fold_mark, fold_word, nfkc, segment};

pub use alignment::{PAIRING_BUDGET, bag_similarity};
pub use inline::inline_diff;

use alignment::{Budget, past};

/// The edit script of two sequences of pieces: `similar`'s classic Myers
/// diff, under the deadline. Both of the crate's diffs go through here with
/// one element type and one hook, so the page's module carries one copy of
/// the algorithm (its preflight, which reruns the algorithm on reduced
/// input, would add a second copy, about 4 KB of the compressed page, and
/// patience diff 12 KB); the paragraph diff discards the keys the other
/// side lacks itself ([`identical_pairs`]).
fn pieces_diff(old: &[&str], new: &[&str], deadline: Option<Instant>) -> Vec<similar::DiffOp> {
    use similar::algorithms::{Capture, myers};
    let mut hook = Capture::new();
    let Ok(()) =
        myers::diff_deadline_raw(&mut hook, old, 0..old.len(), new, 0..new.len(), deadline);
    hook.into_ops()
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
    crate::sort::sort(&mut bag);
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
    fn new(
        text: &'a str,
        paragraphs: &[Range<usize>],
        ignore: Ignore,
        words: &mut Interner,
    ) -> Self {
        let chunks = (0..paragraphs.len())
            .map(|i| {
                let start = if i == 0 { 0 } else { paragraphs[i].start };
                let end = paragraphs.get(i + 1).map_or(text.len(), |p| p.start);
                start..end
            })
            .collect();
        let keys = paragraphs
            .iter()
            .map(|p| canonical(&text[p.clone()], ignore))
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

    /// The chunks of paragraphs `range`, as one string.
    fn chunks(&self, range: Range<usize>) -> String {
        match (self.chunks.get(range.start), range.end.checked_sub(1)) {
            (Some(first), Some(last)) if last >= range.start => {
                self.text[first.start..self.chunks[last].end].to_owned()
            }
            _ => String::new(),
        }
    }
}

/// What the diff may ignore when it decides two paragraphs are the same.
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct Ignore {
    case: bool,
    punctuation: bool,
}

/// A paragraph's identity for the equal/unequal decision: NFKC, typographic
/// quotes and dashes folded to ASCII, runs of white space collapsed; letter
/// case folded and punctuation dropped when `ignore` says so.
fn canonical(paragraph: &str, ignore: Ignore) -> String {
    let mut out = String::with_capacity(paragraph.len());
    let mut space = false;
    // Lower case letter by letter: the same table as the words' folding.
    let lower = |c: char| c.to_lowercase().next().unwrap_or(c);
    for c in nfkc(paragraph).chars() {
        let c = fold_mark(if ignore.case { lower(c) } else { c });
        if ignore.punctuation && !c.is_alphanumeric() && !c.is_whitespace() {
            continue;
        }
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
/// spans and `shared`, the pairs `(paragraph of a, paragraph of b)` that
/// hold two linked sentences (one entry per pair of sentences); the
/// deadline and what counts as the same paragraph come from `options`.
/// `a_index` and `b_index` label the result.
pub fn diff_paragraphs(
    (a_index, a_text, a_paragraphs): (usize, &str, &[Range<usize>]),
    (b_index, b_text, b_paragraphs): (usize, &str, &[Range<usize>]),
    shared: &[(usize, usize)],
    options: &Options,
) -> ParagraphDiff {
    let deadline = Instant::now().checked_add(Duration::from_millis(options.diff_timeout_ms));
    let ignore = Ignore {
        case: options.diff_ignore_case,
        punctuation: options.diff_ignore_punctuation,
    };
    let mut words = Interner::default();
    let old = Side::new(a_text, a_paragraphs, ignore, &mut words);
    let new = Side::new(b_text, b_paragraphs, ignore, &mut words);
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
    let identical = identical_pairs(&old, &new, deadline);
    let pairs = identical.into_iter().chain(
        shared
            .iter()
            .copied()
            .filter(|&(i, j)| i < old.chunks.len() && j < new.chunks.len()),
    );
    let blocks = blocks::blocks(old.chunks.len(), new.chunks.len(), pairs);
    let mut timed_out = blocks::emit(&old, &new, &blocks, &mut budget, &mut ops);
    timed_out |= past(deadline);
    ParagraphDiff {
        a: a_index,
        b: b_index,
        ops,
        timed_out,
    }
}

/// The pairs of paragraphs with the same key: those in order (`similar`'s
/// Myers diff of the keys, under the deadline), then those left over, the
/// k-th copy of a key in `a` with its k-th leftover copy in `b` (moves).
fn identical_pairs(old: &Side, new: &Side, deadline: Option<Instant>) -> Vec<(usize, usize)> {
    let mut ids = Interner::default();
    let old_ids: Vec<usize> = old.keys.iter().map(|k| ids.id(k) as usize).collect();
    let new_ids: Vec<usize> = new.keys.iter().map(|k| ids.id(k) as usize).collect();
    // Only keys both sides have can be equal: the others are left out of
    // the diff (as GNU diff discards lines without a match), which keeps it
    // fast on texts that share little.
    let (mut in_old, mut in_new) = (vec![false; ids.len()], vec![false; ids.len()]);
    old_ids.iter().for_each(|&k| in_old[k] = true);
    new_ids.iter().for_each(|&k| in_new[k] = true);
    fn kept<'s>(side: &'s Side, keys: &[usize], other: &[bool]) -> (Vec<usize>, Vec<&'s str>) {
        (0..keys.len())
            .filter(|&i| other[keys[i]])
            .map(|i| (i, side.keys[i].as_str()))
            .unzip()
    }
    let (old_at, old_keys) = kept(old, &old_ids, &in_new);
    let (new_at, new_keys) = kept(new, &new_ids, &in_old);
    let mut pairs = Vec::new();
    let (mut old_done, mut new_done) = (vec![false; old_ids.len()], vec![false; new_ids.len()]);
    for op in pieces_diff(&old_keys, &new_keys, deadline) {
        if let similar::DiffOp::Equal {
            old_index,
            new_index,
            len,
        } = op
        {
            for k in 0..len {
                let (i, j) = (old_at[old_index + k], new_at[new_index + k]);
                pairs.push((i, j));
                old_done[i] = true;
                new_done[j] = true;
            }
        }
    }
    // The leftover copies of each key in `b`, by key id then position.
    let mut left: Vec<(usize, usize)> = (0..new_ids.len())
        .filter(|&j| !new_done[j])
        .map(|j| (new_ids[j], j))
        .collect();
    crate::sort::sort(&mut left);
    let mut taken = vec![0; ids.len()];
    for i in (0..old_ids.len()).filter(|&i| !old_done[i]) {
        let id = old_ids[i];
        let at = left.partition_point(|x| x.0 < id) + taken[id];
        if let Some(&(key, j)) = left.get(at)
            && key == id
        {
            pairs.push((i, j));
            taken[id] += 1;
        }
    }
    pairs
}

/// Most sentences of the other article one sentence's paragraph pairs with
/// in a diff (a sentence a group holds many times over adds no more).
pub const SHARED_PER_SENTENCE: usize = 4;

/// The pairs `(paragraph of a, paragraph of b)` of sentences with the same
/// key, given `(key, paragraph)` for the sentences of each article: each
/// sentence of `a` with at most [`SHARED_PER_SENTENCE`] of `b`.
pub fn pairs_by_key(
    a: impl IntoIterator<Item = (usize, usize)>,
    mut b: Vec<(usize, usize)>,
) -> Vec<(usize, usize)> {
    crate::sort::sort(&mut b);
    let mut pairs = Vec::new();
    for (key, p) in a {
        let from = b.partition_point(|x| x.0 < key);
        let copies = b[from..].iter().take_while(|x| x.0 == key);
        pairs.extend(copies.take(SHARED_PER_SENTENCE).map(|x| (p, x.1)));
    }
    pairs
}

/// The pairs `(paragraph of a, paragraph of b)` that hold the same sentence
/// (the same key, at least `min_words` words), for a diff without an
/// analysis ([`pairs_by_key`]).
pub fn same_sentences(a: &str, b: &str, min_words: usize) -> Vec<(usize, usize)> {
    let mut ids = Interner::default();
    let mut keyed = |text: &str| -> Vec<(usize, usize)> {
        segment(text)
            .sentences
            .into_iter()
            .map(|(span, p)| (&text[span], p))
            .filter(|(s, _)| s.unicode_words().nth(min_words.saturating_sub(1)).is_some())
            .map(|(s, p)| (ids.id(&canonical(s, Ignore::default())) as usize, p))
            .collect()
    };
    let in_b = keyed(b);
    pairs_by_key(keyed(a), in_b)
}

fn whole_text_op(tag: DiffTag, old_text: &str, new_text: &str) -> DiffOp {
    DiffOp {
        tag,
        old: None,
        new: None,
        old_len: 0,
        new_len: 0,
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
        let options = Options {
            diff_timeout_ms: 5_000,
            ..Options::default()
        };
        diff_paragraphs(
            (0, a, &paragraphs(a)),
            (1, b, &paragraphs(b)),
            &same_sentences(a, b, options.min_words),
            &options,
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
    fn a_paragraph_out_of_order_is_a_move_on_both_sides() {
        let a = "Lead sentence of the story here.\nSecond part of the story here.\nThird part of the story here.\n";
        let b = "Second part of the story here.\nThird part of the story here.\nLead sentence of the story, edited here.\n";
        let d = diff(a, b);
        assert_eq!(rebuild(&d), (a.to_owned(), b.to_owned()));
        // The edited lead shares no sentence: it is paired by its words.
        assert_eq!(
            tags(&d),
            [
                DiffTag::Delete,
                DiffTag::Equal,
                DiffTag::Equal,
                DiffTag::Insert
            ]
        );
        // Linked sentences (as an analysis gives them) make it a move.
        let shared = [(0, 2)];
        let options = Options::default();
        let d = diff_paragraphs(
            (0, a, &paragraphs(a)),
            (1, b, &paragraphs(b)),
            &shared,
            &options,
        );
        assert_eq!(
            tags(&d),
            [
                DiffTag::MovedFrom,
                DiffTag::Equal,
                DiffTag::Equal,
                DiffTag::MovedTo
            ]
        );
        assert_eq!(rebuild(&d), (a.to_owned(), b.to_owned()));
        let to = &d.ops[3];
        assert_eq!(
            (to.old, to.new, to.old_len, to.new_len),
            (Some(0), Some(2), 1, 1)
        );
        assert_eq!(to.inline_old(), d.ops[0].old_text);
        assert_eq!(to.inline_new(), to.new_text);
    }

    #[test]
    fn the_same_sentences_under_other_line_breaks_are_a_split_or_a_merge() {
        let one =
            "Title\nThe first sentence of the lead is here. The second sentence follows it.\nEnd.";
        let two =
            "Title\nThe first sentence of the lead is here.\nThe second sentence follows it.\nEnd.";
        let d = diff(one, two);
        assert_eq!(tags(&d), [DiffTag::Equal, DiffTag::Split, DiffTag::Equal]);
        assert_eq!((d.ops[1].old_len, d.ops[1].new_len), (1, 2));
        assert_eq!(rebuild(&d), (one.to_owned(), two.to_owned()));
        let d = diff(two, one);
        assert_eq!(tags(&d), [DiffTag::Equal, DiffTag::Merge, DiffTag::Equal]);
        assert_eq!(d.ops[1].inline_old(), d.ops[1].old_text);
    }

    #[test]
    fn case_and_punctuation_are_ignored_when_asked() {
        let (a, b) = ("The Council voted, 5-2.\n", "the council voted 5-2\n");
        let with = |case, punctuation| {
            let options = Options {
                diff_ignore_case: case,
                diff_ignore_punctuation: punctuation,
                ..Options::default()
            };
            tags(&diff_paragraphs(
                (0, a, &paragraphs(a)),
                (1, b, &paragraphs(b)),
                &[],
                &options,
            ))
        };
        assert_eq!(with(false, false), [DiffTag::Change]);
        assert_eq!(with(true, false), [DiffTag::Change]);
        assert_eq!(with(false, true), [DiffTag::Change]);
        assert_eq!(with(true, true), [DiffTag::Equal]);
    }

    #[test]
    fn empty_and_blank_texts_rebuild() {
        for (a, b) in [("", ""), ("  \n", "x"), ("x", ""), ("\n\n", " ")] {
            let d = diff(a, b);
            assert_eq!(rebuild(&d), (a.to_owned(), b.to_owned()), "{a:?} {b:?}");
        }
    }
}
