//! Quotation marks and apostrophes: the one table that folds their
//! typographic forms, the marks that open and close a sentence, and the
//! spans a sentence quotes.

/// Characters that may close a sentence after its final punctuation.
pub fn is_closing(c: char) -> bool {
    matches!(
        c,
        '"' | '\''
            | ')'
            | ']'
            | '}'
            | '»'
            | '›'
            | '”'
            | '’'
            | '」'
            | '』'
            | '）'
            | '】'
            | '〕'
            | '〉'
            | '》'
    )
}

/// Characters that may open a sentence before its first word.
pub fn is_opening(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '(' | '[' | '{' | '«' | '‹' | '“' | '‘' | '„' | '「' | '『' | '（' | '【'
    )
}

/// The plain form of a typographic mark: single quotes, apostrophes and
/// primes fold to `'`, double quotes and guillemets to `"`, dashes and the
/// minus sign to `-`; any other character is returned as it is. Matching
/// (words) and the diff's paragraph identity both fold with this table.
pub fn fold_mark(c: char) -> char {
    match c {
        '\u{2018}' | '\u{2019}' | '\u{201a}' | '\u{201b}' | '\u{2032}' | '\u{02bc}' | '`' => '\'',
        '\u{201c}' | '\u{201d}' | '\u{201e}' | '\u{201f}' | '\u{2033}' | '«' | '»' => '"',
        '\u{2010}'..='\u{2015}' | '\u{2212}' => '-',
        c => c,
    }
}

/// Byte ranges of `sentence` (which starts at byte `start` of its text)
/// that lie inside quotation marks: `“…”`, `„…“`, `«…»`, `»…«` and
/// straight `"…"`. A straight mark opens after a space, a bracket or a dash
/// and before a non-space; otherwise it closes, and right after a digit with
/// no quotation open it is an inch mark. A closing mark before any other
/// mark closes a quotation that began in an earlier sentence; an opening
/// mark with no closing one runs to the sentence's end.
pub fn quoted_spans(sentence: &str, start: usize) -> Vec<std::ops::Range<usize>> {
    #[derive(PartialEq)]
    enum Role {
        Open,
        Close,
    }
    const MARKS: [char; 6] = ['"', '„', '“', '”', '«', '»'];
    if !sentence.contains(MARKS) {
        return Vec::new();
    }
    let chars: Vec<(usize, char)> = sentence.char_indices().collect();
    let mut spans = Vec::new();
    // The open quotation: where its text starts, and its opening mark.
    let mut open: Option<(usize, char)> = None;
    let mut seen_any = false;
    for (k, &(i, c)) in chars.iter().enumerate() {
        if !MARKS.contains(&c) {
            continue;
        }
        let prev = k.checked_sub(1).map(|k| chars[k].1);
        let next = chars.get(k + 1).map(|&(_, c)| c);
        let opened_by = open.map(|(_, o)| o);
        let starts_word = prev.is_none_or(|p| p.is_whitespace() || "([{—–-:".contains(p))
            && next.is_some_and(|n| !n.is_whitespace());
        let role = match c {
            '„' => Role::Open,
            '“' if opened_by == Some('„') => Role::Close,
            '“' => Role::Open,
            '”' => Role::Close,
            '«' if opened_by == Some('»') => Role::Close,
            '«' => Role::Open,
            '»' if opened_by == Some('«') || opened_by.is_none() && !starts_word => Role::Close,
            '»' => Role::Open,
            '"' if opened_by.is_some() => Role::Close,
            '"' if starts_word => Role::Open,
            '"' if prev.is_some_and(|p| p.is_ascii_digit()) => continue,
            '"' => Role::Close,
            _ => continue,
        };
        let at = start + i;
        match (role, open) {
            (Role::Close, Some((from, _))) => {
                spans.push(from..at);
                open = None;
            }
            (Role::Close, None) if !seen_any => spans.push(start..at),
            (Role::Open, None) => open = Some((at + c.len_utf8(), c)),
            _ => {}
        }
        seen_any = true;
    }
    if let Some((from, _)) = open {
        spans.push(from..start + sentence.len());
    }
    spans.retain(|r| !r.is_empty());
    spans
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_fold_to_their_plain_forms() {
        assert_eq!(
            "‘’‚‛′ʼ`".chars().map(fold_mark).collect::<String>(),
            "'''''''"
        );
        assert_eq!(
            "“”„‟″«»".chars().map(fold_mark).collect::<String>(),
            "\"\"\"\"\"\"\""
        );
        assert_eq!("‐–—−".chars().map(fold_mark).collect::<String>(), "----");
        assert_eq!(fold_mark('a'), 'a');
    }

    #[test]
    fn quoted_spans_follow_the_marks() {
        fn quoted(s: &str) -> Vec<&str> {
            quoted_spans(s, 0).into_iter().map(|r| &s[r]).collect()
        }
        assert_eq!(quoted("“We ship today,” he said."), ["We ship today,"]);
        assert_eq!(quoted("\"Stop,\" she said. \"Now.\""), ["Stop,", "Now."]);
        // A quotation begun in an earlier sentence, one running on to a later one.
        assert_eq!(
            quoted("Fires spread fast,” she said."),
            ["Fires spread fast,"]
        );
        assert_eq!(quoted("He added: “We will"), ["We will"]);
        assert_eq!(quoted("«Oui», dit-il."), ["Oui"]);
        assert_eq!(
            quoted("„Wir schaffen das“, sagte sie."),
            ["Wir schaffen das"]
        );
        assert_eq!(
            quoted("Sie sagte: »Wir schaffen das«."),
            ["Wir schaffen das"]
        );
        // A straight mark after a word closes a quotation begun earlier; after
        // a digit it is an inch mark.
        assert_eq!(quoted("We will win,\" Whitfield said."), ["We will win,"]);
        assert_eq!(quoted("He is 6'5\" tall and said \"hi\"."), ["hi"]);
        // Apostrophes and single quotes are not quotation marks here.
        assert!(quoted("Nvidia’s chips, the ‘best’ ones").is_empty());
        // Offsets are into the whole text.
        let spans = quoted_spans("“Hi”", 10);
        assert_eq!((spans.len(), spans[0].start, spans[0].end), (1, 13, 15));
    }
}
