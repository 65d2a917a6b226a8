//! Paragraphs: runs of text between line breaks. A blank line and a single
//! line break both end a paragraph, because pasted news text uses either.

use std::ops::Range;

/// Whitespace for trimming: Unicode white space plus the byte-order mark and
/// zero-width characters that pasted text often carries.
pub fn is_space(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{feff}' | '\u{200b}' | '\u{2060}')
}

/// Narrows `range` of `text` to exclude leading and trailing [`is_space`].
pub fn trim_range(text: &str, range: Range<usize>) -> Range<usize> {
    let slice = &text[range.clone()];
    let start = range.start + (slice.len() - slice.trim_start_matches(is_space).len());
    let end = range.start + slice.trim_end_matches(is_space).len();
    if start >= end {
        start..start
    } else {
        start..end
    }
}

/// Paragraph spans: non-blank lines, trimmed. Any line break ends a paragraph
/// (`\n`, `\r\n`, `\r`, U+0085, U+2028, U+2029).
pub fn paragraphs(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut line_start = 0;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if matches!(c, '\n' | '\r' | '\u{85}' | '\u{2028}' | '\u{2029}') {
            push_trimmed(text, line_start..i, &mut out);
            if c == '\r' && matches!(chars.peek(), Some((_, '\n'))) {
                chars.next();
            }
            line_start = chars.peek().map_or(text.len(), |&(j, _)| j);
        }
    }
    push_trimmed(text, line_start..text.len(), &mut out);
    out
}

fn push_trimmed(text: &str, range: Range<usize>, out: &mut Vec<Range<usize>>) {
    let r = trim_range(text, range);
    if !r.is_empty() {
        out.push(r);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_by_blank_line_single_break_crlf_and_bom() {
        let text = "\u{feff}Title\r\n\r\nFirst para.\r\nSecond para.\n\n\n  Third  \r";
        let spans: Vec<&str> = paragraphs(text).into_iter().map(|r| &text[r]).collect();
        assert_eq!(spans, ["Title", "First para.", "Second para.", "Third"]);
    }
}
