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
//!    continues the time (`9 a.m. Monday`) or the time only opens the
//!    sentence (`At 5 a.m. Mr. Smith went…`: a clock time with at most one
//!    word before it). `No.`, `N°.` ([`NUMBER_ABBREVIATIONS`]) join only
//!    before a number.
//! 4. **Ellipses** (`…`, `...`, `. . .`). UAX #29 never ends a sentence at
//!    `…`; wirediff does when a capitalised word follows after a space
//!    (`overruns… The list`), as after `...`, except before the pronoun `I`,
//!    which is capitalised anywhere (`the thing is . . . I didn’t mean it`).
//!    Four dots are an ellipsis and the sentence's period, and when the
//!    period is set on the word (`compounds. . . . The practice`) the break
//!    moves to it: the ellipsis opens the next sentence.
//! 5. **Fragments.** A piece with no letter or digit (`…`, `•`) or a bare list
//!    marker (`1.`, `a)`, `• 9.`) joins the text after it.
//! 6. **Lists on one line.** A paragraph that opens with a list marker (a
//!    number or a lower-case letter as `1.`, `1)`, `1.)`, `(1)`, or a
//!    bullet glyph such as `•`) lists its items: each later marker of the
//!    same form with the next number or letter (or the same glyph), after
//!    white space, starts an item, with or without a stop before it
//!    (`1) The first item 2) The second item`). No rule joins across it.
//!    An enumeration that does not open its paragraph (`must: (1) …; (2)
//!    …`) is not split.
//! 7. **Citations.** After a closing quotation mark, a short parenthetical
//!    followed by the sentence's stop (`…stairways [...]" (Smith 55).`)
//!    belongs to the sentence it cites.
//! 8. **The pronoun `I`.** `I.` after a lower-case word (`you and I.`) is
//!    the pronoun ending a sentence, not an initial (`Albert I. Jones`).
//!
//! All offsets are byte offsets into the original text, and every sentence is
//! trimmed of surrounding whitespace (including a byte-order mark).

use std::ops::Range;

use unicode_segmentation::UnicodeSegmentation;

use super::lexicon::{
    ABBREVIATIONS, CLOSING_ABBREVIATIONS, NUMBER_ABBREVIATIONS, SENTENCE_STARTERS,
    TIME_ABBREVIATIONS, TIME_CONTINUATIONS, TITLES,
};
use super::paragraphs::{is_space, paragraphs, trim_range};
use super::quotes::{is_closing, is_opening};

/// Sentence spans within `range` (typically one paragraph) of `text`.
pub fn sentences(text: &str, range: Range<usize>) -> Vec<Range<usize>> {
    let base = range.start;
    let para = &text[range];
    // Where the items of a list written on one line start (rule 6): a
    // boundary there is kept, whatever the rules that join say.
    let items = list_items(para);
    // Raw UAX #29 pieces, each with its trailing whitespace, cut further
    // after ellipses and at list items.
    let mut pieces: Vec<Range<usize>> = Vec::new();
    for (i, s) in para.split_sentence_bound_indices() {
        split_after_ellipses(s, base + i, &mut pieces);
    }
    if !items.is_empty() {
        // Pieces and items both ascend: one pass over each.
        let mut cut = Vec::with_capacity(pieces.len() + items.len());
        let mut next = 0;
        for piece in pieces {
            let mut start = piece.start;
            while let Some(&item) = items.get(next) {
                let at = base + item;
                if at >= piece.end {
                    break;
                }
                if start < at {
                    cut.push(start..at);
                    start = at;
                }
                next += 1;
            }
            cut.push(start..piece.end);
        }
        pieces = cut;
    }
    let mut out: Vec<Range<usize>> = Vec::new();
    // Whether the previous raw piece ended with whitespace.
    let mut prev_spaced = true;
    // A fragment waiting for the text after it: its start, whether a list
    // item starts there, and what `is_fragment` has read of it.
    let mut pending_fragment: Option<(usize, bool, Fragment)> = None;
    for raw in pieces {
        // Whether white space follows (a cut may leave it to the next piece).
        let spaced = text[raw.clone()].ends_with(is_space) || text[raw.end..].starts_with(is_space);
        let piece = trim_range(text, raw);
        if piece.is_empty() {
            prev_spaced = spaced;
            continue;
        }
        let item = items.binary_search(&(piece.start - base)).is_ok();
        // A fragment and the pieces after it are read once each, so that a
        // paragraph of fragments (`! * ! * …`) costs its length.
        let (start, item, read) = match pending_fragment.take() {
            Some((start, fragment_item, read)) => (start, item || fragment_item, read),
            None => (piece.start, item, Fragment::default()),
        };
        let fragment = read.then(text, piece.clone());
        let piece = start..piece.end;
        match out.last_mut() {
            Some(last) if !item && joins(text, last.clone(), piece.clone(), prev_spaced) => {
                last.end = piece.end;
            }
            _ if fragment.is_fragment(text, piece.end) => {
                pending_fragment = Some((piece.start, item, fragment));
            }
            _ => out.push(piece),
        }
        prev_spaced = spaced;
    }
    if let Some((start, _, _)) = pending_fragment {
        // A trailing fragment joins the sentence before it, or stands alone.
        let end = trim_range(text, start..base + para.len()).end;
        match out.last_mut() {
            Some(last) => last.end = end,
            None => out.push(start..end),
        }
    }
    out
}

/// Splits a UAX #29 piece `s` (starting at byte `at`) into `out` after each `…` that
/// is followed, past closing marks and white space, by a capitalised word
/// other than the pronoun `I` (rule 4), and moves a break after a word's
/// own period followed by a spaced ellipsis (`compounds. . . .`) to that
/// period: the ellipsis then opens the next sentence, or joins the one
/// before at the end of the paragraph.
fn split_after_ellipses(s: &str, at: usize, out: &mut Vec<Range<usize>>) {
    let mut start = 0;
    for (i, _) in s.match_indices('…') {
        let after = &s[i + '…'.len_utf8()..];
        let closed = after.trim_start_matches(is_closing);
        let next = closed.trim_start_matches(is_space);
        if next.len() == closed.len() {
            continue; // No space after the ellipsis.
        }
        let word = next.trim_start_matches(is_opening);
        if word.starts_with(char::is_uppercase) && !is_pronoun_i(first_word(word)) {
            let cut = s.len() - next.len();
            out.push(at + start..at + cut);
            start = cut;
        }
    }
    let body = s[start..].trim_end_matches(is_space);
    if let Some(word) = body.strip_suffix(" . . .") {
        let before = word.strip_suffix('.').and_then(|w| w.chars().next_back());
        if before.is_some_and(|c| c.is_alphanumeric() || is_closing(c)) {
            let cut = start + word.len();
            out.push(at + start..at + cut);
            start = cut;
        }
    }
    out.push(at + start..at + s.len());
}

/// The pronoun `I` (and `I'm`, `I’ve`…), capitalised wherever it stands,
/// so its capital says nothing about a new sentence.
fn is_pronoun_i(word: &str) -> bool {
    match word.strip_prefix('I') {
        Some("") => true,
        Some(rest) => {
            let rest = rest.trim_start_matches(['\'', '’']);
            rest.len() < word.len() - 1 && matches!(rest, "m" | "d" | "ve" | "ll")
        }
        None => false,
    }
}

/// The number of dots of the ellipsis that ends `s`: three for `...`, `…`
/// and `. . .`, four with a sentence's period (`....`, `. . . .`), fewer
/// when `s` ends with no ellipsis.
fn trailing_dots(s: &str) -> usize {
    let mut dots = 0;
    let mut rest = s;
    loop {
        if let Some(r) = rest.strip_suffix('.') {
            dots += 1;
            rest = r;
        } else if let Some(r) = rest.strip_suffix('…') {
            dots += 3;
            rest = r;
        } else {
            return dots;
        }
        if let Some(r) = rest.strip_suffix(' ') {
            if r.ends_with(['.', '…']) {
                rest = r;
            }
        }
    }
}

/// Bullet glyphs that open a list item; none of them occurs in running
/// text. (`-` and `*` bullets are told by their line alone.)
fn is_bullet(c: char) -> bool {
    matches!(c, '•' | '‣' | '⁃' | '◦' | '∙' | '▪' | '●' | '▸' | '►')
}

/// The form of a counted list marker.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Form {
    /// `1.`, `a.`
    Dot,
    /// `1)`, `a)`
    Paren,
    /// `1.)`, `a.)`
    DotParen,
    /// `(1)`, `(a)`
    Enclosed,
}

/// A list marker: a bullet glyph, or a number (up to three digits) or a
/// lower-case letter (`a` = 1) in one of the [`Form`]s.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Marker {
    Bullet(char),
    Count {
        value: u32,
        letter: bool,
        form: Form,
    },
}

impl Marker {
    /// The marker of the item after this one.
    fn next(self) -> Self {
        match self {
            Marker::Bullet(c) => Marker::Bullet(c),
            Marker::Count {
                value,
                letter,
                form,
            } => Marker::Count {
                value: value + 1,
                letter,
                form,
            },
        }
    }
}

/// The list marker that starts `s`, and its length: a bullet glyph, or a
/// counted marker followed by white space.
fn list_marker(s: &str) -> Option<(Marker, usize)> {
    let c = s.chars().next()?;
    if is_bullet(c) {
        return Some((Marker::Bullet(c), c.len_utf8()));
    }
    let b = s.as_bytes();
    let enclosed = b[0] == b'(';
    let first = usize::from(enclosed);
    let mut i = first;
    let (value, letter) = match b.get(i) {
        Some(&l) if l.is_ascii_lowercase() => {
            i += 1;
            (u32::from(l - b'a') + 1, true)
        }
        _ => {
            let mut value = 0;
            while i < b.len() && i - first < 3 && b[i].is_ascii_digit() {
                value = value * 10 + u32::from(b[i] - b'0');
                i += 1;
            }
            if i == first {
                return None;
            }
            (value, false)
        }
    };
    let rest = &b[i..];
    let (form, len) = if enclosed {
        (Form::Enclosed, usize::from(rest.first() == Some(&b')')))
    } else if rest.starts_with(b".)") {
        (Form::DotParen, 2)
    } else {
        match rest.first() {
            Some(b'.') => (Form::Dot, 1),
            Some(b')') => (Form::Paren, 1),
            _ => (Form::Dot, 0),
        }
    };
    let end = i + len;
    let spaced = s[end..].starts_with(is_space);
    (len > 0 && spaced).then_some((
        Marker::Count {
            value,
            letter,
            form,
        },
        end,
    ))
}

/// Rule 6: where the items of a list written on one paragraph start,
/// relative to `para`. A paragraph that opens with a list marker lists its
/// items: each later marker of the same form, with the next number or
/// letter (or the same bullet glyph), after white space, starts an item.
/// A paragraph that does not open with a marker has none: `must: (1) …;
/// (2) …` is one sentence.
fn list_items(para: &str) -> Vec<usize> {
    let mut items = Vec::new();
    let Some((first, _)) = list_marker(para) else {
        return items;
    };
    let mut expected = first.next();
    let mut prev_space = false;
    for (i, c) in para.char_indices() {
        if prev_space && (c == '(' || c.is_ascii_alphanumeric() || is_bullet(c)) {
            if let Some((marker, _)) = list_marker(&para[i..]) {
                if marker == expected {
                    items.push(i);
                    expected = marker.next();
                }
            }
        }
        prev_space = is_space(c);
    }
    items
}

/// What [`Fragment::is_fragment`] needs of a piece, read a part at a time:
/// a fragment grows by the pieces after it until it is no longer one, and
/// reading each part once keeps that linear.
#[derive(Clone, Copy, Default)]
struct Fragment {
    /// Whether a letter or digit was read.
    alphanumeric: bool,
    /// Where the first character that is neither a bullet nor a space is.
    marker: Option<usize>,
}

impl Fragment {
    /// This, with the part `range` of `text` read (parts come in order,
    /// with only white space between them).
    #[inline(never)]
    fn then(self, text: &str, range: Range<usize>) -> Self {
        let part = &text[range.clone()];
        Fragment {
            alphanumeric: self.alphanumeric || part.chars().any(char::is_alphanumeric),
            marker: self.marker.or_else(|| {
                part.find(|c| !(is_bullet(c) || is_space(c)))
                    .map(|k| range.start + k)
            }),
        }
    }

    /// Whether the piece read, which ends at `end`, cannot stand as a
    /// sentence: no letter or digit, or only a list marker such as `1.`,
    /// `(a)`, `iv.` or `• 9.`.
    fn is_fragment(self, text: &str, end: usize) -> bool {
        match self.marker {
            Some(start) if self.alphanumeric => is_marker(&text[start..end]),
            _ => true,
        }
    }
}

/// Whether `marker`, a piece from its first character that is neither a
/// bullet nor a space, holding a letter or digit, is only a list marker.
fn is_marker(marker: &str) -> bool {
    if marker.len() > 6 {
        return false; // Longer than any marker: most pieces end here.
    }
    let core = marker.trim_matches(|c: char| is_opening(c) || is_closing(c) || c == '.');
    core.chars().count() <= 3
        && (core.chars().all(|c| c.is_ascii_digit())
            || (core.chars().count() == 1 && core.chars().all(char::is_alphabetic))
            || core.chars().all(|c| matches!(c, 'i' | 'v' | 'x')))
}

/// Whether the boundary between sentence `prev` and piece `next` should be
/// dropped (rules 1 to 3, 7 and 8 of the module documentation).
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
    // Rule 7: a citation after a quotation.
    let quoted = prev_text.ends_with(['"', '\'', '”', '’', '»']);
    if quoted && is_citation(next_text) {
        return true;
    }
    let next_first = next_text.chars().next().unwrap_or(' ');
    // Rule 4: an ellipsis of three dots before the pronoun `I`.
    if next_first == 'I' && trailing_dots(body) == 3 && is_pronoun_i(first_word(next_text)) {
        return true;
    }
    // Rule 2: a question, exclamation or ellipsis continued in lower case.
    if matches!(terminal, '?' | '!' | '…') && next_first.is_lowercase() {
        return true;
    }
    if terminal != '.' || body.ends_with("..") {
        return false;
    }
    // Rule 3: abbreviations, judged by the word before the final period.
    let before = &body[..body.len() - 1];
    let word = last_word(before);
    if word.is_empty() {
        return false;
    }
    let next_word = first_word(next_text);
    let opens_quote = is_opening(next_first) && next_first != '(';
    if TITLES.contains(&word) && !opens_quote {
        return true;
    }
    if NUMBER_ABBREVIATIONS.contains(&word) {
        return next_word.starts_with(|c: char| c.is_ascii_digit());
    }
    let capitalised =
        next_first.is_uppercase() || (opens_quote && next_word.starts_with(char::is_uppercase));
    if CLOSING_ABBREVIATIONS.contains(&word) {
        return !capitalised;
    }
    if TIME_ABBREVIATIONS.contains(&word) {
        return !capitalised || TIME_CONTINUATIONS.contains(&next_word) || is_time_opening(before);
    }
    // Rule 8: `I` after a lower-case word is the pronoun (`you and I.`),
    // not an initial.
    let pronoun = word == "I"
        && last_word(before[..before.len() - 1].trim_end_matches(is_space))
            .starts_with(char::is_lowercase);
    let ambiguous =
        ABBREVIATIONS.contains(&word) || (is_initial(word) && !pronoun) || is_dotted_acronym(word);
    ambiguous && !opens_quote && !SENTENCE_STARTERS.contains(&next_word)
}

/// Whether `s`, a sentence up to a time abbreviation's period, is only a
/// time that opens the sentence: a clock time with at most one word
/// before it (`At 5 a.m`, `By 10:30 p.m`).
fn is_time_opening(s: &str) -> bool {
    let mut words = s.split_whitespace().rev();
    let _abbreviation = words.next();
    let is_clock = |w: &str| {
        w.starts_with(|c: char| c.is_ascii_digit())
            && w.chars()
                .all(|c| c.is_ascii_digit() || c == ':' || c == '.')
    };
    words.next().is_some_and(is_clock) && words.nth(1).is_none()
}

/// Rule 7: a parenthetical citation with the sentence's stop after it
/// (`(Smith 55).`): a few words in brackets, with no stop of their own,
/// then only terminal punctuation and closing marks.
fn is_citation(piece: &str) -> bool {
    let Some(inner) = piece.strip_prefix('(') else {
        return false;
    };
    let Some((inner, after)) = inner.split_once(')') else {
        return false;
    };
    !inner.contains('(')
        && !inner.ends_with(['.', '?', '!', '…'])
        && inner.split_whitespace().count() <= 6
        && after.starts_with(['.', '?', '!'])
        && after
            .chars()
            .all(|c| matches!(c, '.' | '?' | '!') || is_closing(c))
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
    fn lists_on_one_line() {
        assert_eq!(
            split("1.) First item 2.) Second item"),
            ["1.) First item", "2.) Second item"]
        );
        assert_eq!(
            split("(1) Call Acme Inc. (2) Wait (4) never"),
            ["(1) Call Acme Inc.", "(2) Wait (4) never"]
        );
        assert_eq!(
            split("a. ask b. tell c. go"),
            ["a. ask", "b. tell", "c. go"]
        );
        assert_eq!(
            split("• 9. First item • 10. Second item ⁃ not a bullet of this list"),
            [
                "• 9. First item",
                "• 10. Second item ⁃ not a bullet of this list"
            ]
        );
        // An enumeration inside a sentence, and a number that does not
        // follow on, are not items.
        assert_eq!(
            split("Applicants must: (1) apply; (2) pay."),
            ["Applicants must: (1) apply; (2) pay."]
        );
        assert_eq!(
            split("1. Rates rose 3. Banks"),
            ["1. Rates rose 3.", "Banks"]
        );
    }

    #[test]
    fn ellipsis_forms() {
        assert_eq!(
            split("It is . . . I do not know. It was... I think so. So… I left."),
            [
                "It is . . . I do not know.",
                "It was... I think so.",
                "So… I left."
            ]
        );
        assert_eq!(
            split("He said so. . . . The rest is lost. . . ."),
            ["He said so.", ". . . The rest is lost. . . ."]
        );
        assert_eq!(
            split("It ended . . . . Then it began again.... She left."),
            ["It ended . . . .", "Then it began again....", "She left."]
        );
    }

    #[test]
    fn times_citations_numbers_and_the_pronoun_i() {
        assert_eq!(
            split("By 10:30 p.m. Dr. Lee had left. He left at 6 p.m. Dr. Lee then slept."),
            [
                "By 10:30 p.m. Dr. Lee had left.",
                "He left at 6 p.m.",
                "Dr. Lee then slept."
            ]
        );
        assert_eq!(
            split("He wrote “it ended [...]” (Hale 12). “It ended.” (The rest is lost.)"),
            [
                "He wrote “it ended [...]” (Hale 12).",
                "“It ended.”",
                "(The rest is lost.)"
            ]
        );
        assert_eq!(
            split("See N°. 12 and № 3. Say no. Next."),
            ["See N°. 12 and № 3.", "Say no.", "Next."]
        );
        assert_eq!(
            split("It was you and I. Did Anna K. Ross come? I. Ross did."),
            [
                "It was you and I.",
                "Did Anna K. Ross come?",
                "I. Ross did."
            ]
        );
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
