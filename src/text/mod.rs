//! Text: from an article's raw text to paragraphs, sentences and word
//! tokens, with byte offsets into the original text throughout.
//!
//! - [`paragraphs`](mod@paragraphs): runs of text between line breaks;
//! - [`sentences`](mod@sentences): sentence spans within a paragraph (UAX #29 plus rules
//!   for news text), using the word lists of [`lexicon`];
//! - [`nfkc`](mod@nfkc): compatibility normalisation (NFKC), natively or by the browser;
//! - [`quotes`]: the quotation marks, their folding and the quoted spans;
//! - [`parts`](mod@parts): what each paragraph is (headline, byline, date,
//!   story, or site furniture set aside with its reason);
//! - [`tokens`](mod@tokens): folded word tokens, the interner and bag arithmetic that
//!   matching works on.

pub mod lexicon;
pub mod nfkc;
pub mod paragraphs;
pub mod parts;
pub mod quotes;
pub mod sentences;
pub mod tokens;

pub use nfkc::nfkc;
pub use paragraphs::{is_space, paragraphs, trim_range};
pub use parts::{Part, Reason, Role, parts};
pub use quotes::{fold_mark, quoted_spans};
pub use sentences::{Segmented, segment, sentence_texts, sentences};
pub use tokens::{
    Interner, Token, dice, fold_text, fold_word, merge_equal, merge_runs, sorted_overlap, tokens,
};
