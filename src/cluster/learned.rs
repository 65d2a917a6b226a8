//! The rewrite models' weights (see [`super::features`]), on the raw
//! measures. Written by `scripts/train-links`; do not edit by hand.

use super::features::Model;

/// Learned from 1129 examples of `tests/data/eval/events/mexico-quake-2022`, `tests/data/eval/second`, `tests/data/seeds`.
pub const CORPUS: Model = Model {
    bias: -7.916471,
    weights: [
        -1.354894, // word_dice
        -0.415873, // run_cover
        16.430212, // bigram_dice
        4.335551,  // term_dice
        3.567505,  // term_recall_min
        3.123227,  // term_recall_max
        2.237134,  // length_ratio
        -1.011955, // unmatched_numbers
        -0.744951, // unmatched_terms
        -0.369807, // shared_terms
        14.691475, // char_dice
        -1.160406, // word_cover_min
        0.555802,  // word_cover_max
        -0.247522, // length_difference
        0.0,       // ngram_precision
        0.0,       // word_order
        0.0,       // unmatched_names
    ],
};

/// Learned from 4076 examples of `msr_paraphrase_train.txt`.
pub const PAIRS: Model = Model {
    bias: -2.952973,
    weights: [
        3.104902,  // word_dice
        -0.046595, // run_cover
        -1.012197, // bigram_dice
        -4.274173, // term_dice
        3.148457,  // term_recall_min
        1.845662,  // term_recall_max
        -3.063152, // length_ratio
        -0.331024, // unmatched_numbers
        -0.684943, // unmatched_terms
        -0.259062, // shared_terms
        6.253942,  // char_dice
        12.15397,  // word_cover_min
        -7.674497, // word_cover_max
        0.233258,  // length_difference
        -3.340947, // ngram_precision
        1.749498,  // word_order
        0.207065,  // unmatched_names
    ],
};
