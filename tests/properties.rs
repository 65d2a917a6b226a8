//! Properties that hold for any input.

use std::collections::BTreeSet;

use proptest::prelude::*;
use wirediff::text::{is_space, segment};
use wirediff::{Input, Options, analyze, diff_texts};

/// Text built from news-like pieces: words, abbreviations, numbers, quotes,
/// punctuation, odd spaces and every kind of line break.
fn newsish() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("the".to_owned()),
        Just("Mr.".to_owned()),
        Just("U.S.".to_owned()),
        Just("$2.5".to_owned()),
        Just("5.3%".to_owned()),
        Just("“Yes,”".to_owned()),
        Just("he said.".to_owned()),
        Just("Why?".to_owned()),
        Just("…".to_owned()),
        Just("1.".to_owned()),
        Just("example.com/a?b".to_owned()),
        Just("中文。".to_owned()),
        Just("e\u{301}".to_owned()),
        Just("👍🏽".to_owned()),
        Just("\u{feff}".to_owned()),
        "[A-Za-z]{1,8}[.!?,]?",
        "\\PC{1,3}",
    ];
    let sep = prop_oneof![
        Just(" "),
        Just("\u{a0}"),
        Just("\n"),
        Just("\r\n"),
        Just("\n\n"),
        Just("\r"),
        Just("\u{2028}"),
        Just(""),
    ];
    prop::collection::vec((piece, sep), 0..40)
        .prop_map(|parts| parts.into_iter().map(|(p, s)| p + s).collect())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn sentences_cut_valid_utf8_and_cover_the_text(text in newsish()) {
        let seg = segment(&text);
        let mut covered = vec![false; text.len()];
        let mut last_end = 0;
        for (r, p) in &seg.sentences {
            prop_assert!(text.is_char_boundary(r.start) && text.is_char_boundary(r.end));
            prop_assert!(r.start < r.end && r.start >= last_end);
            let s = &text[r.clone()];
            prop_assert_eq!(s, s.trim_matches(is_space));
            let para = &seg.paragraphs[*p];
            prop_assert!(para.start <= r.start && r.end <= para.end);
            covered[r.clone()].iter_mut().for_each(|c| *c = true);
            last_end = r.end;
        }
        for (i, c) in text.char_indices() {
            prop_assert!(is_space(c) || covered[i], "{:?} at {} not in a sentence", c, i);
        }
    }

    #[test]
    fn diffs_rebuild_both_sides(a in newsish(), b in newsish()) {
        let d = diff_texts(&a, &b, &Options::default());
        prop_assert_eq!(d.old_side(), a);
        prop_assert_eq!(d.new_side(), b);
        for op in &d.ops {
            if !op.inline.is_empty() {
                prop_assert_eq!(op.inline_old(), d.inline_source(op));
                prop_assert_eq!(op.inline_new(), op.new_text.clone());
            }
        }
    }
}

/// Sentences that articles copy, edit or leave out.
const POOL: &[&str] = &[
    "The storm closed every school in the county on Tuesday morning.",
    "Officials said the storm closed every school in the county on Tuesday.",
    "“We expect power to return by Friday at the latest,” the mayor said.",
    "The mayor said power should return by Friday at the latest.",
    "More than 40,000 homes lost electricity across the region overnight.",
    "About 40,000 homes lost power across the region overnight, the utility said.",
    "Forecasters warned that a second storm could arrive this weekend.",
    "The council will meet on Thursday to discuss emergency funding.",
    "Residents were told to avoid downed lines and flooded roads.",
    "Schools are expected to reopen on Monday if roads are clear.",
];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(60))]

    #[test]
    fn clusters_do_not_depend_on_article_order(
        picks in prop::collection::vec(prop::collection::vec(0..POOL.len(), 1..6), 2..5),
        rotation in 0usize..5,
        threshold in 0.4f64..0.9,
    ) {
        let inputs: Vec<Input> = picks
            .iter()
            .enumerate()
            .map(|(i, p)| {
                let body: Vec<&str> = p.iter().map(|&k| POOL[k]).collect();
                Input::new(format!("a{i}"), format!("Article {i}\n\n{}", body.join(" ")))
            })
            .collect();
        let n = inputs.len();
        let order: Vec<usize> = (0..n).map(|k| (k + rotation) % n).rev().collect();
        let shuffled: Vec<Input> = order.iter().map(|&k| inputs[k].clone()).collect();
        let options = Options { threshold, diffs: false, ..Options::default() };
        let sets = |inputs: &[Input], map: &dyn Fn(usize) -> usize| -> BTreeSet<BTreeSet<(usize, usize)>> {
            analyze(inputs, &options)
                .unwrap()
                .clusters
                .iter()
                .map(|c| c.members.iter().map(|m| (map(m.article), m.sentence)).collect())
                .collect()
        };
        let direct = sets(&inputs, &|a| a);
        let permuted = sets(&shuffled, &|a| order[a]);
        prop_assert_eq!(direct, permuted);
    }
}
