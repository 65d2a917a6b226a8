//! The rewrite models' weights (see [`super::features`]), on the raw
//! measures. Written by `scripts/train-links`; do not edit by hand.

use super::features::Model;

/// Learned from 1156 examples of `tests/data/eval/events/mexico-quake-2022`, `tests/data/eval/second`, `tests/data/seeds`.
pub const CORPUS: Model = Model {
    bias: -7.936386,
    weights: [
        -1.151463, // word_dice
        -0.394586, // run_cover
        15.787784, // bigram_dice
        3.994382,  // term_dice
        3.72965,   // term_recall_min
        2.808832,  // term_recall_max
        2.177055,  // length_ratio
        -0.780815, // unmatched_numbers
        -0.778834, // unmatched_terms
        -0.196661, // shared_terms
        14.434382, // char_dice
        -0.767405, // word_cover_min
        0.651229,  // word_cover_max
        -0.276122, // length_difference
    ],
};

/// Learned from 4076 examples of `msr_paraphrase_train.txt`.
pub const PAIRS: Model = Model {
    bias: 0.462197,
    weights: [
        3.508214,   // word_dice
        -1.578159,  // run_cover
        -2.766737,  // bigram_dice
        -4.190658,  // term_dice
        3.248961,   // term_recall_min
        1.960325,   // term_recall_max
        -4.705495,  // length_ratio
        -0.322939,  // unmatched_numbers
        -0.385132,  // unmatched_terms
        -0.575425,  // shared_terms
        6.753796,   // char_dice
        13.545744,  // word_cover_min
        -10.026603, // word_cover_max
        0.119436,   // length_difference
    ],
};
