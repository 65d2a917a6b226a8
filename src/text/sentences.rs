//! Sentences, from the Unicode sentence boundaries of UAX #29.
//!
//! Paragraphs are runs of text between line breaks: a blank line and a
//! single line break both end a paragraph, because pasted news text uses
//! either. Sentences start from the Unicode sentence boundaries of UAX #29
//! (`unicode-segmentation`), which already keep `U.S. chipmaker`, `$2.5` and
//! `“…world class,” he said` together, and then apply a small rule set for
//! what UAX #29 cannot know about news text:
//!
//! 1. **No break without space.** A boundary after `.`, `?` or `!` that is
//!    not followed by whitespace is inside a URL, an e-mail address or a file
//!    name (`example.com/a?b=1`), so it is dropped. Ideographic full stops
//!    (`。！？`) are exempt: Chinese and Japanese put no space after them.
//! 2. **Quoted questions.** `“Are you sure?” she asked` is one sentence: a
//!    boundary after `?`, `!` or `…` (and any closing quotes) followed by a
//!    lower-case letter is dropped.
//! 3. **Abbreviations.** A boundary after a word from [`TITLES`] (`Mr.`,
//!    `Dr.`) is always dropped, because a name follows. A boundary after an
//!    initial (`J.`), a dotted acronym (`U.S.`, `a.m.`) or a word from
//!    [`ABBREVIATIONS`] (`Inc.`, `Jan.`) is dropped unless the next word is
//!    one that usually starts a sentence ([`SENTENCE_STARTERS`]: `The`,
//!    `He`, `But`…) or opens a quotation, so `in the U.S. The company` still
//!    splits while `U.S. President` does not. Abbreviations that close a
//!    name or list ([`CLOSING_ABBREVIATIONS`]: `Inc.`, `etc.`) and times of
//!    day (`a.m.`) end the sentence before a capitalised word, unless it
//!    continues the time (`9 a.m. Monday`). `No.` joins only before a number.
//! 4. **Ellipses.** UAX #29 never ends a sentence at `…`; wirediff does when
//!    a capitalised word follows after a space (`overruns… The list`).
//! 5. **Fragments.** A piece with no letter or digit (`…`, `•`) or a bare list
//!    marker (`1.`, `a)`) joins the text after it.
//!
//! All offsets are byte offsets into the original text, and every sentence is
//! trimmed of surrounding whitespace (including a byte-order mark).

use std::ops::Range;

use unicode_segmentation::UnicodeSegmentation;

use super::lexicon::{
    ABBREVIATIONS, CLOSING_ABBREVIATIONS, SENTENCE_STARTERS, TIME_ABBREVIATIONS,
    TIME_CONTINUATIONS, TITLES,
};
use super::paragraphs::{is_space, paragraphs, trim_range};
use super::quotes::{is_closing, is_opening};

/// Sentence spans within `range` (typically one paragraph) of `text`.
pub fn sentences(text: &str, range: Range<usize>) -> Vec<Range<usize>> {
    let base = range.start;
    let para = &text[range];
    // Raw UAX #29 pieces, each with its trailing whitespace.
    let pieces: Vec<Range<usize>> = para
        .split_sentence_bound_indices()
        .flat_map(|(i, s)| split_after_ellipses(s, base + i))
        .collect();
    let mut out: Vec<Range<usize>> = Vec::new();
    // Whether the previous raw piece ended with whitespace.
    let mut prev_spaced = true;
    let mut pending_fragment: Option<usize> = None;
    for raw in pieces {
        let spaced = text[raw.clone()].ends_with(is_space);
        let piece = trim_range(text, raw);
        if piece.is_empty() {
            prev_spaced = spaced;
            continue;
        }
        let start = pending_fragment.take().unwrap_or(piece.start);
        let piece = start..piece.end;
        match out.last_mut() {
            Some(last) if joins(text, last.clone(), piece.clone(), prev_spaced) => {
                last.end = piece.end;
            }
            _ if is_fragment(&text[piece.clone()]) => pending_fragment = Some(piece.start),
            _ => out.push(piece),
        }
        prev_spaced = spaced;
    }
    if let Some(start) = pending_fragment {
        // A trailing fragment joins the sentence before it, or stands alone.
        let end = trim_range(text, start..base + para.len()).end;
        match out.last_mut() {
            Some(last) => last.end = end,
            None => out.push(start..end),
        }
    }
    out
}

/// Splits a UAX #29 piece `s` (starting at byte `at`) after each `…` that
/// is followed, past closing marks and white space, by a capitalised word.
fn split_after_ellipses(s: &str, at: usize) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, _) in s.match_indices('…') {
        let after = &s[i + '…'.len_utf8()..];
        let closed = after.trim_start_matches(is_closing);
        let next = closed.trim_start_matches(is_space);
        if next.len() == closed.len() {
            continue; // No space after the ellipsis.
        }
        let word = next.trim_start_matches(is_opening);
        if word.starts_with(char::is_uppercase) {
            let cut = s.len() - next.len();
            out.push(at + start..at + cut);
            start = cut;
        }
    }
    out.push(at + start..at + s.len());
    out
}

/// A piece that cannot stand as a sentence: no letter or digit, or only a
/// list marker such as `1.`, `(a)` or `iv.`.
fn is_fragment(piece: &str) -> bool {
    if !piece.chars().any(char::is_alphanumeric) {
        return true;
    }
    let core = piece.trim_matches(|c: char| is_opening(c) || is_closing(c) || c == '.');
    let short_marker = core.chars().count() <= 3
        && (core.chars().all(|c| c.is_ascii_digit())
            || (core.chars().count() == 1 && core.chars().all(char::is_alphabetic))
            || core.chars().all(|c| matches!(c, 'i' | 'v' | 'x')));
    short_marker && piece.len() <= 6
}

/// Whether the boundary between sentence `prev` and piece `next` should be
/// dropped (rules 1 to 3 of the module documentation).
fn joins(text: &str, prev: Range<usize>, next: Range<usize>, spaced: bool) -> bool {
    let prev_text = &text[prev];
    let next_text = &text[next];
    let body = prev_text.trim_end_matches(is_closing);
    let Some(terminal) = body.chars().next_back() else {
        return false;
    };
    // Rule 1: no space after ASCII terminal punctuation.
    if !spaced && matches!(terminal, '.' | '?' | '!') {
        return true;
    }
    let next_first = next_text.chars().next().unwrap_or(' ');
    // Rule 2: a question, exclamation or ellipsis continued in lower case.
    if matches!(terminal, '?' | '!' | '…') && next_first.is_lowercase() {
        return true;
    }
    if terminal != '.' || body.ends_with("..") {
        return false;
    }
    // Rule 3: abbreviations, judged by the word before the final period.
    let word = last_word(&body[..body.len() - 1]);
    if word.is_empty() {
        return false;
    }
    let next_word = first_word(next_text);
    let opens_quote = is_opening(next_first) && next_first != '(';
    if TITLES.contains(&word) && !opens_quote {
        return true;
    }
    if word == "No" || word == "Nos" {
        return next_word.starts_with(|c: char| c.is_ascii_digit());
    }
    let capitalised =
        next_first.is_uppercase() || (opens_quote && next_word.starts_with(char::is_uppercase));
    if CLOSING_ABBREVIATIONS.contains(&word) {
        return !capitalised;
    }
    if TIME_ABBREVIATIONS.contains(&word) {
        return !capitalised || TIME_CONTINUATIONS.contains(&next_word);
    }
    let ambiguous = ABBREVIATIONS.contains(&word) || is_initial(word) || is_dotted_acronym(word);
    ambiguous && !opens_quote && !SENTENCE_STARTERS.contains(&next_word)
}

/// The last whitespace-separated word of `s`, without opening punctuation.
fn last_word(s: &str) -> &str {
    let word = s.rsplit(is_space).next().unwrap_or("");
    word.trim_start_matches(is_opening)
}

/// The first word of `s`: its leading letters, digits and apostrophes.
fn first_word(s: &str) -> &str {
    let s = s.trim_start_matches(is_opening);
    let end = s
        .char_indices()
        .find(|&(_, c)| !(c.is_alphanumeric() || c == '\'' || c == '’'))
        .map_or(s.len(), |(i, _)| i);
    &s[..end]
}

/// A single capital letter, as in `George W. Bush`.
fn is_initial(word: &str) -> bool {
    let mut chars = word.chars();
    matches!((chars.next(), chars.next()), (Some(c), None) if c.is_uppercase())
}

/// Letters separated by periods, as in `U.S` or `a.m` (the final period is
/// already removed): every part is one or two letters.
fn is_dotted_acronym(word: &str) -> bool {
    word.contains('.')
        && word.split('.').all(|part| {
            (1..=2).contains(&part.chars().count()) && part.chars().all(char::is_alphabetic)
        })
}

/// An article split into paragraphs and sentences.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Segmented {
    pub paragraphs: Vec<Range<usize>>,
    /// Sentence spans, with the index of the paragraph that holds each.
    pub sentences: Vec<(Range<usize>, usize)>,
    /// For each paragraph, the range of its sentence indices.
    pub paragraph_sentences: Vec<Range<usize>>,
}

/// Splits `text` into paragraphs and their sentences.
pub fn segment(text: &str) -> Segmented {
    let paragraphs = paragraphs(text);
    let mut sentence_spans = Vec::new();
    let mut paragraph_sentences = Vec::with_capacity(paragraphs.len());
    for (p, para) in paragraphs.iter().enumerate() {
        let first = sentence_spans.len();
        sentence_spans.extend(sentences(text, para.clone()).into_iter().map(|s| (s, p)));
        paragraph_sentences.push(first..sentence_spans.len());
    }
    Segmented {
        paragraphs,
        sentences: sentence_spans,
        paragraph_sentences,
    }
}

/// The sentence strings of `text`, in order.
pub fn sentence_texts(text: &str) -> Vec<&str> {
    segment(text)
        .sentences
        .into_iter()
        .map(|(r, _)| &text[r])
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<&str> {
        sentence_texts(text)
    }

    #[test]
    fn abbreviations_do_not_end_sentences() {
        assert_eq!(
            split("Mr. Smith met Dr. Jones at 9 a.m. on Jan. 5 in the U.S. capital. They talked."),
            [
                "Mr. Smith met Dr. Jones at 9 a.m. on Jan. 5 in the U.S. capital.",
                "They talked."
            ]
        );
        assert_eq!(
            split(
                "Shares of Apple Inc. rose. Acme Corp. chairman John Doe met U.S. President Lee at 9 a.m. Monday."
            ),
            [
                "Shares of Apple Inc. rose.",
                "Acme Corp. chairman John Doe met U.S. President Lee at 9 a.m. Monday."
            ]
        );
    }

    #[test]
    fn closing_abbreviations_and_times_end_before_capitals() {
        assert_eq!(
            split(
                "It sold to Orion Inc. Terms were not given. Bring food, water, etc. Doors open at 6 p.m. Seats are free."
            ),
            [
                "It sold to Orion Inc.",
                "Terms were not given.",
                "Bring food, water, etc.",
                "Doors open at 6 p.m.",
                "Seats are free."
            ]
        );
    }

    #[test]
    fn sentence_can_end_after_abbreviation() {
        assert_eq!(
            split(
                "The chips are made in the U.S. The company said so. It works at Acme Inc. But not for long."
            ),
            [
                "The chips are made in the U.S.",
                "The company said so.",
                "It works at Acme Inc.",
                "But not for long."
            ]
        );
    }

    #[test]
    fn initials_numbers_and_money() {
        assert_eq!(
            split("George W. Bush spoke. It cost $2.5 billion, up 5.3% from 1.5 million. Next."),
            [
                "George W. Bush spoke.",
                "It cost $2.5 billion, up 5.3% from 1.5 million.",
                "Next."
            ]
        );
    }

    #[test]
    fn quotes_and_brackets() {
        assert_eq!(
            split("“It is world class,” he said. “Are you sure?” she asked. (He was.) Done."),
            [
                "“It is world class,” he said.",
                "“Are you sure?” she asked.",
                "(He was.)",
                "Done."
            ]
        );
        assert_eq!(
            split("He said, “I agree. We all do.” Then he left."),
            ["He said, “I agree.", "We all do.”", "Then he left."]
        );
    }

    #[test]
    fn urls_emails_and_file_names() {
        assert_eq!(
            split(
                "See https://example.com/a?b=1 for more. Mail jo@news.example.org or open report.v2.pdf now."
            ),
            [
                "See https://example.com/a?b=1 for more.",
                "Mail jo@news.example.org or open report.v2.pdf now."
            ]
        );
    }

    #[test]
    fn ellipses_lists_and_headlines() {
        assert_eq!(
            split("He paused… and went on. It ended... Then silence… “Why?” Delays, costs…"),
            [
                "He paused… and went on.",
                "It ended...",
                "Then silence…",
                "“Why?”",
                "Delays, costs…"
            ]
        );
        assert_eq!(
            split("Breaking News\n1. First item\n2. Second item"),
            ["Breaking News", "1. First item", "2. Second item"]
        );
        assert_eq!(split("Step 1. Mix it."), ["Step 1.", "Mix it."]);
    }

    #[test]
    fn cjk_full_stops_and_nbsp() {
        assert_eq!(split("今天下雨。明天晴天！"), ["今天下雨。", "明天晴天！"]);
        assert_eq!(
            split("It rose 5\u{a0}%. Then\u{a0}it fell."),
            ["It rose 5\u{a0}%.", "Then\u{a0}it fell."]
        );
    }

    #[test]
    fn offsets_are_trimmed_and_inside_paragraphs() {
        let text = "  One. Two.  \n\nThree";
        let seg = segment(text);
        assert_eq!(seg.paragraphs.len(), 2);
        assert_eq!(seg.paragraph_sentences, vec![0..2, 2..3]);
        let texts: Vec<&str> = seg
            .sentences
            .iter()
            .map(|(r, _)| &text[r.clone()])
            .collect();
        assert_eq!(texts, ["One.", "Two.", "Three"]);
    }
}
