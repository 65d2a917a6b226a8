//! Accuracy targets on the labelled data in `tests/data/eval/` and the gold
//! links beside the seed articles. `wirediff eval` prints the same figures.

mod common;

use std::path::Path;

use common::{articles, data};

use wirediff::eval::{
    BoundaryCase, BoundaryReport, GoldLink, LinkReport, score_boundaries, score_links,
};
use wirediff::{Input, Options};

fn jsonl<T: serde::de::DeserializeOwned>(path: &Path) -> Vec<T> {
    std::fs::read_to_string(path)
        .unwrap()
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{}: {e}: {l}", path.display())))
        .collect()
}

/// The boundary report on a file of `tests/data/eval/`, printed.
fn boundaries(file: &str) -> BoundaryReport {
    let cases: Vec<BoundaryCase> = jsonl(&data(&format!("eval/{file}")));
    let report = score_boundaries(&cases);
    println!(
        "{file}: {}/{} ({:.3})",
        report.correct, report.cases, report.accuracy
    );
    report
}

/// The news cases: no case that passed when the Golden Rules were added
/// may fail (265 of 267 then; the two misses are a sentence ending on
/// `U.S.` before a capitalised noun, which no rule of form can tell from
/// `U.S. Government`).
#[test]
fn sentence_boundaries_keep_every_case_that_passed() {
    let report = boundaries("boundaries.jsonl");
    assert!(report.cases >= 267, "{} cases", report.cases);
    let known = ["endabbr-006", "endabbr-011"];
    let new: Vec<_> = report
        .misses
        .iter()
        .filter(|m| !known.contains(&m.id.as_str()))
        .collect();
    assert!(new.is_empty(), "{new:#?}");
    assert!(report.correct >= 265, "{:#?}", report.misses);
}

/// The 48 English Golden Rules (pySBD's copy): at least 47 right.
#[test]
fn golden_rules_at_least_47_of_48() {
    let report = boundaries("golden_rules.jsonl");
    assert_eq!(report.cases, 48);
    assert!(report.correct >= 47, "{:#?}", report.misses);
}

/// pySBD's other English cases, scored but not tuned on (many expect a
/// quotation of several sentences to stay whole, which the news
/// convention splits): no lower than the 85 of 108 reached.
#[test]
fn pysbd_english_cases_do_not_fall() {
    let report = boundaries("pysbd_english.jsonl");
    assert_eq!(report.cases, 108);
    assert!(report.correct >= 85, "{:#?}", report.misses);
}

/// The engine's links on a set of articles with gold links beside them.
fn link_report(set: &str) -> LinkReport {
    let dir = data(set);
    let gold: Vec<GoldLink> = jsonl(&dir.join("links.jsonl"));
    score_links(&articles(&dir), &gold, &Options::default()).unwrap()
}

#[test]
fn seed_links_verbatim_and_near_meet_targets() {
    let report = link_report("seeds");
    println!("seeds: {:?}", report.close);
    assert!(report.close.gold >= 5);
    assert!(report.close.precision >= 0.97, "{:#?}", report.false_links);
    assert!(report.close.recall >= 0.95, "{:#?}", report.missed);
}

/// All links, paraphrases included: precision at least 0.9 and recall at
/// least 0.6 on the seeds, and on the second set recall no lower than the
/// engine has reached (0.9), so that a change that loses rewritten links
/// fails. The held-out third set keeps the floor it had before its figures
/// were last looked at (0.8): held-out results never set a bar.
#[test]
fn all_links_keep_precision_and_recall() {
    for (set, min_recall) in [("seeds", 0.6), ("eval/second", 0.9), ("eval/third", 0.8)] {
        let report = link_report(set);
        println!("{set}: all links {:?}", report.all);
        assert!(
            report.all.precision >= 0.9,
            "{set}: {:#?}",
            report.false_links
        );
        assert!(report.all.recall >= min_recall, "{set}: {:?}", report.all);
    }
}

#[test]
fn other_sets_verbatim_and_near_f1_is_at_least_0_9() {
    for set in ["eval/second", "eval/third"] {
        let report = link_report(set);
        println!("{set}: {:?}", report.close);
        assert!(report.close.gold >= 50);
        assert!(
            report.close.f1 >= 0.9,
            "{set}: {:#?} {:#?}",
            report.false_links,
            report.missed
        );
    }
}

/// Real outlets' coverage of four events (`tests/data/eval/events/`, see
/// its README: Mexico and Haneda are development, Cebu and Boeing are held
/// out): no
/// figure below the floors set when the events were added (held-out
/// results never raise a bar). The issue's targets are higher (all links
/// recall at least 0.7 on the held-out events).
#[test]
fn real_events_keep_their_figures() {
    let floors = [
        ("mexico-quake-2022", 0.97, 0.95, 0.95, 0.95),
        // Added at close 1.000 / 0.979, all 0.848 / 0.933; all 0.893 once
        // rewrites across two statements side by side were left out.
        ("haneda-collision-2024", 0.97, 0.95, 0.89, 0.9),
        ("cebu-quake-2025", 0.97, 0.95, 0.95, 0.62),
        ("boeing-job-cuts-2024", 0.97, 0.95, 0.95, 0.45),
    ];
    for (event, close_p, close_r, all_p, all_r) in floors {
        let report = link_report(&format!("eval/events/{event}"));
        println!("{event}: close {:?} all {:?}", report.close, report.all);
        assert!(
            report.close.precision >= close_p,
            "{event}: {:#?}",
            report.false_links
        );
        assert!(
            report.close.recall >= close_r,
            "{event}: {:#?}",
            report.missed
        );
        assert!(
            report.all.precision >= all_p,
            "{event}: {:#?}",
            report.false_links
        );
        assert!(report.all.recall >= all_r, "{event}: {:?}", report.all);
    }
}

#[test]
fn scorer_counts_wrong_and_missing_links() {
    // Gold that links two unrelated sentences and misses nothing else: the
    // engine cannot predict it, so recall drops, and its own links are false.
    let inputs = vec![
        Input::new(
            "a.txt",
            "The storm closed every school in the county on Tuesday.\nBakers sold bread.",
        ),
        Input::new(
            "b.txt",
            "Officials said the storm closed every school in the county on Tuesday.\nCats sleep a lot.",
        ),
    ];
    let gold: Vec<GoldLink> = vec![serde_json::from_str(
        r#"{"a":"a.txt","a_text":"Bakers sold","b":"b.txt","b_text":"Cats sleep","kind":"near"}"#,
    )
    .unwrap()];
    let report = score_links(&inputs, &gold, &Options::default()).unwrap();
    assert_eq!(report.close.recall, 0.0);
    assert_eq!(report.close.precision, 0.0);
    assert_eq!(report.false_links.len(), 1);
    assert_eq!(report.missed.len(), 1);
}

#[test]
fn paraphrase_pairs_are_read_and_scored() {
    use wirediff::eval::{parse_paraphrase_pairs, score_pairs};
    let text = "\u{feff}Quality\t#1 ID\t#2 ID\t#1 String\t#2 String\n\
        1\t1\t2\tThe storm closed every school in the county on Tuesday.\tThe storm closed every school in the county on Tuesday, officials said.\n\
        0\t3\t4\tBakers sold bread at the market before dawn.\tThe council approved a new budget for the city's parks.\n";
    let pairs = parse_paraphrase_pairs(text).unwrap();
    assert_eq!(pairs.len(), 2);
    assert!(pairs[0].paraphrase && !pairs[1].paraphrase);
    let report = score_pairs(&pairs, &Options::default());
    for b in [report.linked, report.same_statement] {
        assert_eq!((b.accuracy, b.f1), (1.0, 1.0), "{report:?}");
    }
    assert!(parse_paraphrase_pairs("1\tx\ty\ta\tb\n").is_err());
    assert!(parse_paraphrase_pairs("Quality\tx\n2\t1\t2\ta\tb\n").is_err());
}
