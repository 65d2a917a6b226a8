//! Word tokens for matching.
//!
//! Matching works on word tokens, never on the raw text: the words come from
//! the Unicode word boundaries of UAX #29 (`unicode-segmentation`), so
//! punctuation, quotes, dashes and spacing drop out, and each word is folded
//! to a canonical form: compatibility-normalised (NFKC: full-width letters,
//! ligatures and non-breaking spaces become their plain forms), lower-cased,
//! with typographic apostrophes folded to `'` ([`fold_mark`]). The original text is never
//! changed; every token keeps its byte span so a match can be shown where it
//! was found.

use std::ops::Range;

use rustc_hash::FxHashMap;

use unicode_segmentation::UnicodeSegmentation;

use super::nfkc::nfkc;
use super::quotes::fold_mark;

/// A word of the original text with its folded form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    /// Byte span of the word in the original text.
    pub span: Range<usize>,
    /// The folded form used for matching.
    pub norm: String,
}

/// Whether `word` is a number written with thousands separators
/// (`9,000`, `1,250,000.5`): digits, then groups of exactly three digits
/// each after a comma, then perhaps a decimal part. `2,5` (a decimal comma)
/// is not one.
fn grouped_number(word: &str) -> bool {
    let whole = word.split('.').next().unwrap_or(word);
    let mut groups = whole.split(',');
    let first = groups.next().unwrap_or("");
    let digits = |g: &str| !g.is_empty() && g.bytes().all(|b| b.is_ascii_digit());
    let mut rest = groups.peekable();
    rest.peek().is_some()
        && digits(first)
        && first.len() <= 3
        && rest.all(|g| g.len() == 3 && digits(g))
        && word[whole.len()..]
            .trim_start_matches('.')
            .bytes()
            .all(|b| b.is_ascii_digit())
}

/// Folds one word to its matching form. A number's thousands separators
/// are dropped (`9,000` and `9000` are one word).
pub fn fold_word(word: &str) -> String {
    if word.contains(',') && grouped_number(word) {
        return word.replace(',', "");
    }
    if word.is_ascii() {
        // NFKC leaves ASCII unchanged; only case and the backtick fold.
        return word
            .bytes()
            .map(|b| match b {
                b'`' => '\'',
                b => char::from(b.to_ascii_lowercase()),
            })
            .collect();
    }
    nfkc(word)
        .chars()
        .flat_map(char::to_lowercase)
        .map(fold_mark)
        .collect()
}

/// Folds a whole text for comparison while keeping word separation: words
/// folded with [`fold_word`] and joined by single spaces.
pub fn fold_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text.unicode_words() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(&fold_word(word));
    }
    out
}

/// The word tokens of `text[range]`, with spans into `text`.
pub fn tokens(text: &str, range: Range<usize>) -> Vec<Token> {
    let base = range.start;
    text[range]
        .unicode_word_indices()
        .map(|(i, w)| Token {
            span: base + i..base + i + w.len(),
            norm: fold_word(w),
        })
        .collect()
}

/// The one sorted-merge walk: over two lists sorted by `order`, calls
/// `f(run_a, run_b)` for each key both hold, with the runs of elements of
/// each list equal to it, in order.
pub fn merge_runs<T, U>(
    a: &[T],
    b: &[U],
    order: impl Fn(&T, &U) -> std::cmp::Ordering,
    mut f: impl FnMut(&[T], &[U]),
) {
    use std::cmp::Ordering::{Equal, Greater, Less};
    let (mut i, mut j) = (0, 0);
    while i < a.len() && j < b.len() {
        match order(&a[i], &b[j]) {
            Less => i += 1,
            Greater => j += 1,
            Equal => {
                let i_end = i + a[i..]
                    .iter()
                    .take_while(|x| order(x, &b[j]) == Equal)
                    .count();
                let j_end = j + b[j..]
                    .iter()
                    .take_while(|y| order(&a[i], y) == Equal)
                    .count();
                f(&a[i..i_end], &b[j..j_end]);
                (i, j) = (i_end, j_end);
            }
        }
    }
}

/// Over two lists sorted by `order`, calls `f(x, y)` for each pair of
/// equal elements, pairing them off one to one (the multiset
/// intersection), in order.
pub fn merge_equal<T, U>(
    a: &[T],
    b: &[U],
    order: impl Fn(&T, &U) -> std::cmp::Ordering,
    mut f: impl FnMut(&T, &U),
) {
    merge_runs(a, b, order, |xs, ys| {
        for (x, y) in xs.iter().zip(ys) {
            f(x, y);
        }
    });
}

/// Size of the multiset intersection of two lists sorted by `order`.
pub fn sorted_overlap<T>(a: &[T], b: &[T], order: impl Fn(&T, &T) -> std::cmp::Ordering) -> usize {
    let mut common = 0;
    merge_equal(a, b, order, |_, _| common += 1);
    common
}

/// Dice coefficient `2·|A ∩ B| / (|A| + |B|)` of two multisets of sizes
/// `a` and `b` sharing `common` elements (0 when both are empty). The sum
/// is taken in `f64`: `a + b` in `usize` could wrap where it is 32 bits.
pub fn dice(common: usize, a: usize, b: usize) -> f64 {
    let total = a as f64 + b as f64;
    if total == 0.0 {
        0.0
    } else {
        2.0 * common as f64 / total
    }
}

/// Strings numbered in the order they are first seen, so that words and
/// terms compare as `u32` ids.
#[derive(Debug, Default)]
pub struct Interner {
    ids: FxHashMap<String, u32>,
}

impl Interner {
    /// The id of `word`, given a new one the first time.
    pub fn id(&mut self, word: &str) -> u32 {
        if let Some(&id) = self.ids.get(word) {
            return id;
        }
        let id = self.ids.len() as u32;
        self.ids.insert(word.to_owned(), id);
        id
    }

    /// How many strings have an id.
    pub fn len(&self) -> usize {
        self.ids.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ids.is_empty()
    }

    /// Strings by id.
    pub fn by_id(&self) -> Vec<&str> {
        let mut out = vec![""; self.ids.len()];
        for (w, &id) in &self.ids {
            out[id as usize] = w;
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_case_quotes_and_width() {
        assert_eq!(fold_word("China’s"), "china's");
        assert_eq!(fold_word("ＡＩ"), "ai");
        assert_eq!(
            fold_text("“World-class,” he said\u{a0}— really!"),
            "world class he said really"
        );
    }

    #[test]
    fn thousands_separators_fold_away_and_decimal_commas_stay() {
        assert_eq!(fold_word("9,000"), "9000");
        assert_eq!(fold_word("1,250,000.5"), "1250000.5");
        for kept in ["2,5", "12,34", "1,2345", ",000", "9,000,", "a,000"] {
            assert_eq!(fold_word(kept), kept, "{kept}");
        }
        let words: Vec<String> = tokens("It cut 9,000 jobs, not 9000.", 0..28)
            .into_iter()
            .map(|t| t.norm)
            .collect();
        assert_eq!(words, ["it", "cut", "9000", "jobs", "not", "9000"]);
    }

    #[test]
    fn overlap_counts_repeats_once_per_match() {
        let (a, b) = (["a", "a", "b", "c"], ["a", "b", "b", "d"]);
        assert_eq!(sorted_overlap(&a, &b, |x, y| x.cmp(y)), 2);
        assert_eq!(dice(2, 4, 4), 0.5);
        assert_eq!(dice(0, 0, 0), 0.0);
    }

    #[test]
    fn dice_of_sizes_whose_sum_overflows_usize() {
        let half = usize::MAX / 2 + 1;
        assert_eq!(dice(half, half, half), 1.0);
    }

    #[test]
    fn tokens_keep_original_spans() {
        let text = "Nvidia’s $2.5 billion";
        let toks = tokens(text, 0..text.len());
        let words: Vec<&str> = toks.iter().map(|t| &text[t.span.clone()]).collect();
        assert_eq!(words, ["Nvidia’s", "2.5", "billion"]);
        assert_eq!(toks[0].norm, "nvidia's");
    }
}
