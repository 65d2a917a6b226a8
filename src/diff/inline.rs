//! Word-level diff of a changed paragraph, for showing what changed.

use unicode_segmentation::UnicodeSegmentation;

use super::Instant;
use crate::model::{DiffTag, InlineChange};

/// Word-level diff of two paragraph chunks. Concatenating the `equal` and
/// `delete` pieces gives `old`, the `equal` and `insert` pieces give `new`.
pub fn inline_diff(old: &str, new: &str, deadline: Option<Instant>) -> Vec<InlineChange> {
    let old_pieces: Vec<&str> = old.split_word_bounds().collect();
    let new_pieces: Vec<&str> = new.split_word_bounds().collect();
    let ops = super::pieces_diff(&old_pieces, &new_pieces, deadline);
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
