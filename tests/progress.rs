//! `analyze_with_progress`: the stages the page's progress bar shows.

use wirediff::analysis::{Stage, analyze_with_progress};
use wirediff::{Input, Options, analyze};

mod common;
use common::seeds;

#[test]
fn stages_are_reported_in_order_and_reach_their_totals() {
    let inputs = seeds();
    let n = inputs.len();
    let mut seen = Vec::new();
    let with = analyze_with_progress(&inputs, &Options::default(), &mut |stage, done, total| {
        seen.push((stage, done, total));
    })
    .unwrap();
    let segmenting: Vec<_> = seen.iter().filter(|s| s.0 == Stage::Segmenting).collect();
    // From 0 to n of n, never backwards (natively the articles are
    // prepared in parallel and only the start and end are reported).
    assert_eq!(segmenting.first(), Some(&&(Stage::Segmenting, 0, n)));
    assert_eq!(segmenting.last(), Some(&&(Stage::Segmenting, n, n)));
    assert!(
        segmenting
            .windows(2)
            .all(|w| w[0].1 <= w[1].1 && w[1].2 == n)
    );
    if cfg!(target_family = "wasm") {
        assert_eq!(segmenting.len(), n + 1, "one step per article and the end");
    }
    let order: Vec<Stage> = seen.iter().map(|s| s.0).collect();
    let last = |stage| order.iter().rposition(|s| *s == stage).unwrap();
    let first = |stage| order.iter().position(|s| *s == stage).unwrap();
    assert!(last(Stage::Segmenting) < first(Stage::Matching));
    assert!(last(Stage::Matching) < first(Stage::Summarising));
    assert_eq!(seen.last(), Some(&(Stage::Summarising, 1, 1)));
    // The same result as without a progress function.
    let without = analyze(&inputs, &Options::default()).unwrap();
    assert_eq!(with.clusters.len(), without.clusters.len());
    assert_eq!(with.links.len(), without.links.len());
}

#[test]
fn refused_input_reports_nothing() {
    let mut calls = 0;
    let one = [Input::new("a", "One article.")];
    assert!(analyze_with_progress(&one, &Options::default(), &mut |_, _, _| calls += 1).is_err());
    assert_eq!(calls, 0);
}
