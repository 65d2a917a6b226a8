//! The rewrite models' weights (see [`super::features`]), on the raw
//! measures. Written by `scripts/train-links`; do not edit by hand.

use super::features::Model;

/// Learned from 1188 examples of `tests/data/eval/events/mexico-quake-2022`, `tests/data/eval/second`, `tests/data/seeds`.
pub const CORPUS: Model = Model {
    bias: -8.11465,
    weights: [
        -1.298526, // word_dice
        -0.572204, // run_cover
        16.824996, // bigram_dice
        4.380498,  // term_dice
        3.398778,  // term_recall_min
        3.235792,  // term_recall_max
        2.263201,  // length_ratio
        -1.011553, // unmatched_numbers
        -0.702022, // unmatched_terms
        -0.333735, // shared_terms
        14.495145, // char_dice
        -1.047387, // word_cover_min
        0.486927,  // word_cover_max
        -0.252055, // length_difference
    ],
};

/// Learned from 4076 examples of `msr_paraphrase_train.txt`.
pub const PAIRS: Model = Model {
    bias: 0.929283,
    weights: [
        3.576578,   // word_dice
        -1.533008,  // run_cover
        -2.832434,  // bigram_dice
        -4.370011,  // term_dice
        2.988224,   // term_recall_min
        1.875635,   // term_recall_max
        -4.735739,  // length_ratio
        -0.371449,  // unmatched_numbers
        -0.573171,  // unmatched_terms
        -0.321704,  // shared_terms
        6.400406,   // char_dice
        13.464545,  // word_cover_min
        -10.006925, // word_cover_max
        0.106784,   // length_difference
    ],
};
