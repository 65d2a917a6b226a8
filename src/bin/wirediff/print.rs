//! Printing: JSON streamed to standard output, and a paragraph diff for
//! the terminal.

use std::io::{self, BufWriter, IsTerminal, Write};

use anstyle::{AnsiColor, Style};
use wirediff::{DiffTag, ParagraphDiff};

use crate::Failure;

/// Streams the JSON to standard output: the CLI never holds the whole
/// text in memory (a large analysis is several times its input).
pub fn print_json<T: serde::Serialize>(value: &T, compact: bool) -> Result<(), Failure> {
    let mut out = BufWriter::new(io::stdout().lock());
    if compact {
        serde_json::to_writer(&mut out, value)
    } else {
        serde_json::to_writer_pretty(&mut out, value)
    }
    .map_err(|e| {
        if e.is_io() {
            write_failure(e.into())
        } else {
            Failure(format!("cannot encode the result: {e}"))
        }
    })?;
    writeln!(out)
        .and_then(|()| out.flush())
        .map_err(write_failure)
}

pub const BROKEN_PIPE: &str = "broken pipe";

pub fn write_failure(e: io::Error) -> Failure {
    if e.kind() == io::ErrorKind::BrokenPipe {
        return Failure(BROKEN_PIPE.to_owned());
    }
    Failure(format!("cannot write the output: {e}"))
}

const DELETED: Style = AnsiColor::Red.on_default();
const INSERTED: Style = AnsiColor::Green.on_default();
const CHANGED: Style = AnsiColor::Yellow.on_default();
const DIM: Style = Style::new().dimmed();
const STRUCK: Style = AnsiColor::Red.on_default().strikethrough();
const ADDED: Style = AnsiColor::Green.on_default().underline();

/// Prints a paragraph diff: `  ` equal, `-` deleted, `+` inserted and `~`
/// changed, merged or split paragraphs with `[-old-]{+new+}` word changes
/// (coloured instead of bracketed on a terminal); a moved paragraph shows
/// as `<` where it was (its place in the new article named) and `>` where
/// it went, with its word changes. Paragraphs are numbered from 1.
pub fn print_diff(old: &str, new: &str, diff: &ParagraphDiff) -> Result<(), Failure> {
    let colour = io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none();
    let mut out = anstream::AutoStream::new(
        io::stdout().lock(),
        if colour {
            anstream::ColorChoice::Always
        } else {
            anstream::ColorChoice::Never
        },
    );
    let mut counts = [0usize; 8];
    writeln!(out, "{DELETED}--- {old}{DELETED:#}").map_err(write_failure)?;
    writeln!(out, "{INSERTED}+++ {new}{INSERTED:#}").map_err(write_failure)?;
    let span = |first: Option<usize>, len: usize| match (first, len) {
        (Some(i), 1) => format!("paragraph {}", i + 1),
        (Some(i), n) => format!("paragraphs {}-{}", i + 1, i + n),
        (None, _) => String::new(),
    };
    for op in &diff.ops {
        counts[op.tag as usize] += 1;
        let (mark, style, text) = match op.tag {
            DiffTag::Equal => (' ', DIM, op.new_text.trim()),
            DiffTag::Delete => ('-', DELETED, op.old_text.trim()),
            DiffTag::Insert => ('+', INSERTED, op.new_text.trim()),
            DiffTag::MovedFrom => ('<', CHANGED, op.old_text.trim()),
            DiffTag::MovedTo if op.inline.is_empty() => ('>', CHANGED, op.new_text.trim()),
            _ => ('~', CHANGED, ""),
        };
        let note = match op.tag {
            DiffTag::Merge => format!("{} merged", span(op.old, op.old_len)),
            DiffTag::Split => format!("split into {}", span(op.new, op.new_len)),
            DiffTag::MovedFrom => format!("moved to {} of the new", span(op.new, op.new_len)),
            DiffTag::MovedTo => format!("moved from {} of the old", span(op.old, op.old_len)),
            _ => String::new(),
        };
        let similar = op
            .similarity
            .filter(|_| !op.inline.is_empty())
            .map(|s| format!("{:.0}% similar", s * 100.0));
        let note: Vec<String> = [note, similar.unwrap_or_default()]
            .into_iter()
            .filter(|n| !n.is_empty())
            .collect();
        let note = if note.is_empty() {
            String::new()
        } else {
            format!("  {DIM}({}){DIM:#}", note.join(", "))
        };
        if op.inline.is_empty() {
            if !text.is_empty() {
                writeln!(out, "\n{style}{mark} {text}{style:#}{note}").map_err(write_failure)?;
            }
            continue;
        }
        write!(out, "\n{style}{mark}{style:#} ").map_err(write_failure)?;
        let pieces = op.inline.iter().map(|c| (c.tag, c.text.as_str()));
        let last = op.inline.len().saturating_sub(1);
        for (k, (tag, text)) in pieces.enumerate() {
            // Trailing separators of the paragraph are not worth showing.
            let text = if k == last { text.trim_end() } else { text };
            match (tag, colour) {
                (DiffTag::Delete, true) => write!(out, "{STRUCK}{text}{STRUCK:#}"),
                (DiffTag::Insert, true) => write!(out, "{ADDED}{text}{ADDED:#}"),
                (DiffTag::Delete, false) => write!(out, "[-{text}-]"),
                (DiffTag::Insert, false) => write!(out, "{{+{text}+}}"),
                _ => write!(out, "{text}"),
            }
            .map_err(write_failure)?;
        }
        writeln!(out, "{note}").map_err(write_failure)?;
    }
    let [equal, deleted, inserted, changed, merged, split, moved, _] = counts;
    writeln!(
        out,
        "\n{equal} equal, {changed} changed, {merged} merged, {split} split, {moved} moved, {deleted} deleted, {inserted} inserted paragraphs{}",
        if diff.timed_out {
            " (diff timed out: coarser than usual)"
        } else {
            ""
        }
    )
    .map_err(write_failure)
}
