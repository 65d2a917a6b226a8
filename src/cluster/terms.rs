//! Paraphrase matching: sentences rewritten from the same source sentence.
//!
//! Outlets rarely copy a wire sentence whole; more often they rewrite it
//! and keep its facts: the names, the numbers, the rare words. Word overlap
//! with every word counting the same cannot see that (`the`, `said` and
//! `Nvidia` weigh alike), so paraphrase candidates are found, and several
//! of the rewrite model's measures taken ([`super::features`]), on
//! *content terms*:
//!
//! - **Terms**: folded words minus English function words and attribution
//!   verbs ([`STOPWORDS`]), possessive `'s` dropped, reduced to their stem by
//!   the Snowball English stemmer (`rust-stemmers`), so `licenses`/`license`
//!   and `developers`/`developing` meet. Numbers stay as written.
//! - **Weights**: each term weighs its inverse sentence frequency in the
//!   corpus being analysed, `ln((N + 1) / (df + 0.5))`: a name or number
//!   that a handful of sentences share weighs much more than the story's
//!   topic words, which every article repeats. Numbers weigh
//!   [`NUMBER_WEIGHT`] times as much: they anchor a fact.
//! - **Measures**: weighted Dice, `2·w(A ∩ B) / (w(A) + w(B))` over term
//!   sets, and the share of each side's weight the two hold in common, are
//!   measures of the rewrite decision ([`super::features`]), which a model
//!   learned on labelled data makes.
//! - **Guards** ([`super::features::judgeable`]): headings (a paragraph of
//!   one sentence without final punctuation) take part only in verbatim and
//!   near links: two headlines that share the
//!   story's names say little about copying. Two sentences that both quote
//!   someone must share a word that one of them quotes ([`crate::text::quoted_spans`]):
//!   two different quotes from one speaker share only the attribution (the
//!   name and title), which says nothing about copying.
//! - **Candidates**: each sentence is indexed under its
//!   [`PREFIX_TERMS`] rarest terms; two sentences are compared only if they
//!   share one of those (prefix filtering), which keeps the work near linear.

use rust_stemmers::{Algorithm, Stemmer};

use super::corpus::Item;
use crate::text::Token;

/// How much more a number weighs than a word held by as many sentences: a
/// shared figure (an amount, a count, a date) is a fact restated exactly,
/// while a shared word of the same rarity may be a coincidence of topic.
pub const NUMBER_WEIGHT: f64 = 2.0;

/// How many of a sentence's rarest terms index it for candidate generation.
pub const PREFIX_TERMS: usize = 10;

/// English function words, attribution verbs, approximators (`nearly`,
/// `around`, `less than`: outlets round a figure each their own way) and
/// the words of units written as signs (`percent`/`per cent` for `%`,
/// `a.m.`/`p.m.`): they carry no evidence that two sentences come from the
/// same source.
pub const STOPWORDS: &[&str] = &[
    "a",
    "a.m",
    "about",
    "according",
    "added",
    "after",
    "again",
    "against",
    "all",
    "almost",
    "also",
    "am",
    "amid",
    "an",
    "and",
    "any",
    "approximately",
    "are",
    "around",
    "as",
    "at",
    "be",
    "because",
    "been",
    "before",
    "being",
    "between",
    "both",
    "but",
    "by",
    "can",
    "cent",
    "could",
    "did",
    "do",
    "does",
    "doing",
    "during",
    "each",
    "few",
    "fewer",
    "for",
    "from",
    "further",
    "had",
    "has",
    "have",
    "having",
    "he",
    "her",
    "here",
    "hers",
    "herself",
    "him",
    "himself",
    "his",
    "how",
    "i",
    "if",
    "in",
    "into",
    "is",
    "it",
    "its",
    "itself",
    "just",
    "less",
    "may",
    "me",
    "might",
    "more",
    "most",
    "must",
    "my",
    "nearly",
    "no",
    "nor",
    "not",
    "noted",
    "now",
    "of",
    "off",
    "on",
    "once",
    "only",
    "or",
    "other",
    "our",
    "ours",
    "out",
    "over",
    "own",
    "p.m",
    "per",
    "percent",
    "roughly",
    "said",
    "same",
    "say",
    "says",
    "she",
    "should",
    "so",
    "some",
    "such",
    "than",
    "that",
    "the",
    "their",
    "them",
    "then",
    "there",
    "these",
    "they",
    "this",
    "those",
    "through",
    "to",
    "told",
    "too",
    "under",
    "until",
    "up",
    "upon",
    "us",
    "very",
    "via",
    "was",
    "we",
    "were",
    "what",
    "when",
    "where",
    "which",
    "while",
    "who",
    "whom",
    "why",
    "will",
    "with",
    "within",
    "without",
    "would",
    "you",
    "your",
];

/// British spellings and their American forms, as word endings, folded
/// before stemming so that both spellings stem alike. The fold applies to
/// every word, so it cannot pull two spellings of one word apart.
const SPELLING_ENDINGS: &[(&str, &str)] = &[
    ("isations", "izations"),
    ("isation", "ization"),
    ("ising", "izing"),
    ("ised", "ized"),
    ("ises", "izes"),
    ("ise", "ize"),
    ("ysing", "yzing"),
    ("ysed", "yzed"),
    ("yses", "yzes"),
    ("yse", "yze"),
    ("ogues", "ogs"),
    ("ogue", "og"),
    ("ammes", "ams"),
    ("amme", "am"),
    ("tres", "ters"),
    ("tre", "ter"),
];

/// `word` with a British ending replaced by the American one.
pub(super) fn american(word: &str) -> std::borrow::Cow<'_, str> {
    for (british, us) in SPELLING_ENDINGS {
        if let Some(base) = word.strip_suffix(british)
            && base.chars().count() >= 3
        {
            return format!("{base}{us}").into();
        }
    }
    word.into()
}

/// A number in one form: thousands separators and abbreviated magnitudes
/// dropped (`480,000` → `480000`, `2.5bn` → `2.5`, as in `2.5 billion`),
/// thousands written out (`9k` → `9000`, as in `9,000`), and the time of
/// day's `am`/`pm` dropped (`6am` → `6`, as in `6 a.m.`).
pub(super) fn number(word: &str) -> String {
    let plain: String = word.chars().filter(|&c| c != ',').collect();
    let digits = plain
        .find(|c: char| !(c.is_ascii_digit() || c == '.'))
        .unwrap_or(plain.len());
    let (value, suffix) = plain.split_at(digits);
    match suffix {
        "m" | "mn" | "mln" | "b" | "bn" | "bln" | "tn" | "trn" | "am" | "pm" => value.to_owned(),
        "k" => thousands(value).unwrap_or(plain),
        _ => plain,
    }
}

/// `value` (digits, perhaps one decimal point) times 1000, written out:
/// `9` → `9000`, `1.5` → `1500`, `2.25` → `2250`; `None` for more than three
/// decimals or another form.
fn thousands(value: &str) -> Option<String> {
    let (whole, fraction) = value.split_once('.').unwrap_or((value, ""));
    let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if whole.is_empty() || fraction.len() > 3 || !digits(whole) || !digits(fraction) {
        return None;
    }
    let mut out = format!("{whole}{fraction:0<3}");
    while out.len() > 1 && out.starts_with('0') {
        out.remove(0);
    }
    Some(out)
}

/// Reduces folded words to content terms.
pub struct Terms {
    stemmer: Stemmer,
}

impl Default for Terms {
    fn default() -> Self {
        Terms {
            stemmer: Stemmer::create(Algorithm::English),
        }
    }
}

impl Terms {
    /// The content term of one token, if it is a content word.
    pub fn term(&self, token: &Token) -> Option<String> {
        let word = token.norm.strip_suffix("'s").unwrap_or(&token.norm);
        let word = word.trim_matches('\'');
        if word.is_empty() || STOPWORDS.binary_search(&word).is_ok() {
            return None;
        }
        if word.starts_with(|c: char| c.is_ascii_digit()) {
            return Some(number(word));
        }
        let word = american(word);
        let stem = self.stemmer.stem(&word);
        // British and American endings that the stemmer leaves apart:
        // licenc(e)/licens(e), colour/color.
        Some(if let Some(base) = stem.strip_suffix("enc") {
            format!("{base}ens")
        } else if stem.len() > 4 && stem.ends_with("our") {
            format!("{}or", &stem[..stem.len() - 3])
        } else {
            stem.into_owned()
        })
    }

    /// The content terms of a sentence's tokens, in order, without repeats.
    pub fn of(&self, tokens: &[Token]) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for term in tokens.iter().filter_map(|t| self.term(t)) {
            if !out.contains(&term) {
                out.push(term);
            }
        }
        out
    }
}

/// Whether a content term is a number (terms keep numbers as written).
pub fn is_number(term: &str) -> bool {
    term.starts_with(|c: char| c.is_ascii_digit())
}

/// The factor of a term's weight: [`NUMBER_WEIGHT`] for numbers, else 1.
pub fn term_factor(term: &str) -> f64 {
    if is_number(term) { NUMBER_WEIGHT } else { 1.0 }
}

/// Inverse sentence frequency weight of a term held by `df` of `n` sentences.
pub fn weight(df: usize, n: usize) -> f64 {
    ((n as f64 + 1.0) / (df as f64 + 0.5)).ln().max(0.0)
}

/// Weighted Dice of two term sets given the weights of their terms: the
/// shared weight counted from `a`'s side.
pub fn weighted_dice(shared: f64, a: f64, b: f64) -> f64 {
    if a + b <= 0.0 {
        0.0
    } else {
        2.0 * shared / (a + b)
    }
}

/// Whether two sentences may be paraphrases as far as their quotations go:
/// when both quote someone, the terms they share must include a word that
/// one of them quotes; otherwise they are two different quotes that share
/// only their attribution (the speaker's name and title).
pub(super) fn quotes_agree(a: &Item, b: &Item) -> bool {
    let quoted_in = |x: &Item, y: &Item| {
        x.quoted_terms
            .iter()
            .any(|t| y.terms.binary_search(t).is_ok())
    };
    !(a.quotes && b.quotes) || quoted_in(a, b) || quoted_in(b, a)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::tokens;

    fn terms(s: &str) -> Vec<String> {
        Terms::default().of(&tokens(s, 0..s.len()))
    }

    #[test]
    fn stopwords_are_sorted_for_binary_search() {
        assert!(STOPWORDS.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn terms_drop_function_words_and_stem() {
        assert_eq!(
            terms("He said the licenses were catalysing China’s 1.5 million developers."),
            ["licens", "catalyz", "china", "1.5", "million", "develop"]
        );
        assert_eq!(terms("licences"), terms("licence"));
    }

    #[test]
    fn british_and_american_spellings_and_number_forms_meet() {
        for (uk, us) in [
            ("licences", "licenses"),
            ("licence", "license"),
            ("colour", "color"),
            ("organised", "organized"),
            ("analyse", "analyze"),
            ("centre", "center"),
            ("programme", "program"),
            ("catalogue", "catalog"),
        ] {
            assert_eq!(terms(uk), terms(us), "{uk} / {us}");
        }
        assert_eq!(terms("480,000 units"), terms("480000 units"));
        assert_eq!(terms("$2.5bn"), ["2.5"]);
        assert_eq!(terms("9k jobs"), terms("9,000 jobs"));
        assert_eq!(terms("1.5k"), ["1500"]);
        assert_eq!(terms("0.5k"), ["500"]);
        assert_eq!(terms("1.2345k"), ["1.2345k"]);
        assert_eq!(terms("at 6am"), terms("at 6 a.m."));
        assert_eq!(
            terms("nearly 4% of staff"),
            terms("about 4 percent of staff")
        );
        assert_eq!(terms("4 per cent"), terms("4%"));
        assert_eq!(terms("2.5 billion"), ["2.5", "billion"]);
        assert_ne!(terms("hour"), terms("hor"));
    }

    #[test]
    fn rare_terms_weigh_more() {
        assert!(weight(1, 100) > weight(50, 100));
        assert!(weight(100, 100) < 0.01);
        assert_eq!(weighted_dice(1.0, 1.0, 1.0), 1.0);
        assert_eq!(weighted_dice(0.0, 0.0, 0.0), 0.0);
    }
}
