//! Paragraphs paired through what they share. Identical paragraphs and
//! paragraphs that hold linked sentences are joined into *blocks*: one
//! paragraph of each article, several of `a` merged into one of `b`, or one
//! of `a` split into several of `b`. The heaviest order-preserving chain of
//! blocks anchors the diff; a block off that chain is a move. Between two
//! anchors, the paragraphs no block holds are paired by word similarity
//! ([`super::alignment`]) or left deleted and inserted.
//!
//! A paragraph joins the partner it shares most with (ties: the first);
//! two paragraphs that are each other's strongest partner make a block, and
//! a paragraph whose strongest partner is in a block next to it widens that
//! block into a merge or a split. Every step is linear in the paragraphs
//! and the pairs, but the chain, which is `O(b log b)` in the blocks.

use std::ops::Range;

use super::alignment::{Budget, heaviest_chain, similar_chain};
use super::{Side, bag_similarity, inline_diff};
use crate::model::{DiffOp, DiffTag};

/// Paragraphs of `a` and of `b` paired as one (one side has one paragraph).
pub(super) struct Block {
    old: Range<usize>,
    new: Range<usize>,
    /// Linked sentence pairs and identical paragraphs the block holds.
    weight: u32,
    /// Off the heaviest order-preserving chain: the block moved.
    moved: bool,
}

/// The blocks of `n` paragraphs of `a` and `m` of `b` given `pairs`, one
/// `(paragraph of a, paragraph of b)` per linked sentence pair or identical
/// paragraph, sorted by their paragraph of `a`.
pub(super) fn blocks(
    n: usize,
    m: usize,
    pairs: impl Iterator<Item = (usize, usize)>,
) -> Vec<Block> {
    let mut pairs: Vec<(usize, usize)> = pairs.collect();
    crate::sort::sort(&mut pairs);
    let mut edges: Vec<(usize, usize, u32)> = Vec::new();
    for (i, j) in pairs {
        match edges.last_mut() {
            Some(e) if (e.0, e.1) == (i, j) => e.2 = e.2.saturating_add(1),
            _ => edges.push((i, j, 1)),
        }
    }
    // Each paragraph's strongest partner: edges come sorted, so the first of
    // equal weights is kept.
    let mut best_old: Vec<Option<(u32, usize)>> = vec![None; n];
    let mut best_new: Vec<Option<(u32, usize)>> = vec![None; m];
    for &(i, j, w) in &edges {
        if best_old[i].is_none_or(|(b, _)| w > b) {
            best_old[i] = Some((w, j));
        }
        if best_new[j].is_none_or(|(b, _)| w > b) {
            best_new[j] = Some((w, i));
        }
    }
    let mut blocks: Vec<Block> = Vec::new();
    let (mut old_block, mut new_block) = (vec![usize::MAX; n], vec![usize::MAX; m]);
    for (i, best) in best_old.iter().enumerate() {
        if let Some((weight, j)) = *best
            && best_new[j].is_some_and(|(_, k)| k == i)
        {
            old_block[i] = blocks.len();
            new_block[j] = blocks.len();
            blocks.push(Block {
                old: i..i + 1,
                new: j..j + 1,
                weight,
                moved: false,
            });
        }
    }
    // Merges, then splits: forward passes grow a block at its end, backward
    // passes at its start.
    widen(&best_old, &mut old_block, &new_block, &mut blocks, |b| {
        (&mut b.old, b.new.len())
    });
    widen(&best_new, &mut new_block, &old_block, &mut blocks, |b| {
        (&mut b.new, b.old.len())
    });
    // Blocks were made in order of their first paragraph of `a`, and
    // widening keeps them apart: they are sorted by it.
    let chain = heaviest_chain(
        blocks
            .iter()
            .map(|b| (b.old.start, b.new.start, f64::from(b.weight)))
            .collect(),
    );
    let mut on_chain = chain.iter().map(|c| c.0).peekable();
    for b in &mut blocks {
        b.moved = on_chain.next_if_eq(&b.old.start).is_none();
    }
    blocks
}

/// Adds each paragraph of one side that no block holds to the block of its
/// strongest partner, when that block is next to it and has one paragraph
/// on the other side. `sides` gives a block's range on this side and its
/// length on the other.
fn widen(
    best: &[Option<(u32, usize)>],
    at: &mut [usize],
    other_at: &[usize],
    blocks: &mut [Block],
    sides: impl Fn(&mut Block) -> (&mut Range<usize>, usize),
) {
    for i in (0..best.len()).chain((0..best.len()).rev()) {
        let Some((w, j)) = best[i] else { continue };
        let k = other_at[j];
        if at[i] != usize::MAX || k == usize::MAX {
            continue;
        }
        let block = &mut blocks[k];
        let (range, other_len) = sides(block);
        if other_len != 1 {
            continue;
        }
        if range.end == i {
            range.end += 1;
        } else if range.start == i + 1 {
            range.start = i;
        } else {
            continue;
        }
        block.weight = block.weight.saturating_add(w);
        at[i] = k;
    }
}

/// Emits the ops of the whole diff: the gaps between anchors, then each
/// anchor. Returns true if the budget stopped the word pairing.
pub(super) fn emit(
    old: &Side,
    new: &Side,
    blocks: &[Block],
    budget: &mut Budget,
    ops: &mut Vec<DiffOp>,
) -> bool {
    let (mut old_at, mut new_at) = (
        vec![usize::MAX; old.chunks.len()],
        vec![usize::MAX; new.chunks.len()],
    );
    for (k, b) in blocks.iter().enumerate() {
        old_at[b.old.clone()].fill(k);
        new_at[b.new.clone()].fill(k);
    }
    let at = Placed {
        blocks,
        old_at: &old_at,
        new_at: &new_at,
    };
    let mut timed_out = false;
    let (mut o, mut n) = (0, 0);
    let anchors = blocks.iter().filter(|b| !b.moved);
    for anchor in anchors.map(Some).chain([None]) {
        let (old_end, new_end) = anchor.map_or((old.chunks.len(), new.chunks.len()), |b| {
            (b.old.start, b.new.start)
        });
        timed_out |= gap(old, o..old_end, new, n..new_end, &at, budget, ops);
        if let Some(b) = anchor {
            ops.push(paired(old, new, b, None, budget));
            (o, n) = (b.old.end, b.new.end);
        }
    }
    timed_out
}

/// Which block, if any, holds each paragraph.
struct Placed<'a> {
    blocks: &'a [Block],
    old_at: &'a [usize],
    new_at: &'a [usize],
}

/// The ops of the paragraphs between two anchors: changes where word
/// similarity pairs them, deletions and insertions, and moves.
fn gap(
    old: &Side,
    old_range: Range<usize>,
    new: &Side,
    new_range: Range<usize>,
    at: &Placed,
    budget: &mut Budget,
    ops: &mut Vec<DiffOp>,
) -> bool {
    let free_old: Vec<usize> = old_range
        .clone()
        .filter(|&i| at.old_at[i] == usize::MAX)
        .collect();
    let free_new: Vec<usize> = new_range
        .clone()
        .filter(|&j| at.new_at[j] == usize::MAX)
        .collect();
    let (chain, timed_out) = match similar_chain(old, &free_old, new, &free_new, budget) {
        Some(chain) => (chain, false),
        None => (Vec::new(), true),
    };
    let (mut i, mut j) = (old_range.start, new_range.start);
    for pair in chain.into_iter().map(Some).chain([None]) {
        let (old_end, new_end) = pair.map_or((old_range.end, new_range.end), |p| (p.0, p.1));
        while i < old_end {
            match at.blocks.get(at.old_at[i]) {
                Some(b) => {
                    ops.push(paired(old, new, b, Some(DiffTag::MovedFrom), budget));
                    i = b.old.end;
                }
                None => {
                    ops.push(single(
                        DiffTag::Delete,
                        Some(i),
                        None,
                        old.chunk(i),
                        String::new(),
                    ));
                    i += 1;
                }
            }
        }
        while j < new_end {
            match at.blocks.get(at.new_at[j]) {
                Some(b) => {
                    ops.push(paired(old, new, b, Some(DiffTag::MovedTo), budget));
                    j = b.new.end;
                }
                None => {
                    ops.push(single(
                        DiffTag::Insert,
                        None,
                        Some(j),
                        String::new(),
                        new.chunk(j),
                    ));
                    j += 1;
                }
            }
        }
        if let Some((po, pn, similarity)) = pair {
            let (old_text, new_text) = (old.chunk(po), new.chunk(pn));
            let inline = inline_diff(&old_text, &new_text, budget.deadline);
            ops.push(DiffOp {
                similarity: Some(similarity),
                inline,
                ..single(DiffTag::Change, Some(po), Some(pn), old_text, new_text)
            });
            (i, j) = (po + 1, pn + 1);
        }
    }
    timed_out
}

/// An op of one paragraph of each side given (or of one side).
fn single(
    tag: DiffTag,
    old: Option<usize>,
    new: Option<usize>,
    old_text: String,
    new_text: String,
) -> DiffOp {
    DiffOp {
        tag,
        old,
        new,
        old_len: usize::from(old.is_some()),
        new_len: usize::from(new.is_some()),
        old_text,
        new_text,
        similarity: None,
        inline: Vec::new(),
    }
}

/// The op of a block: in place (`moved` none: equal, change, merge or
/// split), or one side of its move.
fn paired(old: &Side, new: &Side, b: &Block, moved: Option<DiffTag>, budget: &Budget) -> DiffOp {
    let (old_text, new_text) = (old.chunks(b.old.clone()), new.chunks(b.new.clone()));
    let same =
        b.old.len() == 1 && b.new.len() == 1 && old.keys[b.old.start] == new.keys[b.new.start];
    let bag = |side: &Side, range: Range<usize>| {
        let mut bag: Vec<u32> = side.bags[range].iter().flatten().copied().collect();
        crate::sort::sort(&mut bag);
        bag
    };
    let similarity = if same {
        1.0
    } else {
        bag_similarity(&bag(old, b.old.clone()), &bag(new, b.new.clone()))
    };
    let inline = if same || moved == Some(DiffTag::MovedFrom) {
        Vec::new()
    } else {
        inline_diff(&old_text, &new_text, budget.deadline)
    };
    let tag = moved.unwrap_or(if same {
        DiffTag::Equal
    } else if b.old.len() > 1 {
        DiffTag::Merge
    } else if b.new.len() > 1 {
        DiffTag::Split
    } else {
        DiffTag::Change
    });
    let (old_text, new_text) = match moved {
        Some(DiffTag::MovedFrom) => (old_text, String::new()),
        Some(_) => (String::new(), new_text),
        None => (old_text, new_text),
    };
    DiffOp {
        tag,
        old: Some(b.old.start),
        new: Some(b.new.start),
        old_len: b.old.len(),
        new_len: b.new.len(),
        old_text,
        new_text,
        similarity: Some(similarity),
        inline,
    }
}
