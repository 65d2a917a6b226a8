//! Regression tests for defects found by probing the engine, each named
//! after what went wrong. They run natively and on wasm32 (where `usize` is
//! 32 bits, as in the page), so they use no files: the seed articles are
//! compiled in.

use wirediff::{DiffTag, ErrorKind, Input, Kind, Options, analyze, diff_texts};

/// Two seed articles together: about 12 KB of news text.
fn story() -> String {
    [
        include_str!("data/seeds/002_7683c41612a091b6.txt"),
        include_str!("data/seeds/003_f03fed4ee1a3ea1b.txt"),
    ]
    .join("\n")
}

fn no_diffs() -> Options {
    Options {
        diffs: false,
        ..Options::default()
    }
}

/// Whether every sentence long enough to be clustered is in a cluster.
fn all_clustered(analysis: &wirediff::Analysis) -> bool {
    analysis.articles.iter().all(|a| {
        a.sentences.iter().all(|s| {
            s.words < Options::default().min_words || !a.compared(s) || s.cluster.is_some()
        })
    })
}

/// The share of an article's compared sentences (not set aside) long
/// enough to be clustered: the most of it that can be found elsewhere.
fn clusterable_share(analysis: &wirediff::Analysis, article: usize) -> f64 {
    let a = &analysis.articles[article];
    let long = a
        .sentences
        .iter()
        .filter(|s| a.compared(s) && s.words >= Options::default().min_words)
        .count();
    long as f64 / a.compared_sentences() as f64
}

#[test]
fn diff_of_65536_lines_without_a_common_line_does_not_overflow_on_32_bits() {
    // 65,536 × 65,536 paragraphs is 2^32 cells: the block size wrapped to 0
    // in a 32-bit `usize` and the alignment indexed an empty table.
    let a: String = (0..65_536).map(|k| format!("a{k}\n")).collect();
    let b: String = (0..65_536).map(|k| format!("b{k}\n")).collect();
    let options = Options {
        diff_timeout_ms: 60_000,
        ..Options::default()
    };
    let d = diff_texts(&a, &b, &options);
    assert_eq!((d.old_side(), d.new_side()), (a, b));
    assert!(d.ops.iter().all(|o| o.tag != DiffTag::Change));
    assert!(!d.timed_out);
}

#[test]
fn six_hundred_edited_paragraphs_are_changes_not_deletions_and_insertions() {
    // Above 250,000 old × new paragraphs the pairing was skipped without a
    // word: every paragraph came back deleted and inserted, `timed_out` false.
    let paragraph = |k: usize, edited: bool| {
        format!(
            "Item {k}: the council{} voted on plan p{k}x and budget q{k}y after residents r{k}z spoke{}.\n\n",
            if edited { " finally" } else { "" },
            if edited { " at length" } else { "" },
        )
    };
    let old: String = (0..600).map(|k| paragraph(k, false)).collect();
    let new: String = (0..600).map(|k| paragraph(k, true)).collect();
    let options = Options {
        diff_timeout_ms: 60_000,
        ..Options::default()
    };
    let d = diff_texts(&old, &new, &options);
    assert!(!d.timed_out);
    let changed = d.ops.iter().filter(|o| o.tag == DiffTag::Change).count();
    assert_eq!(
        changed,
        600,
        "{:?}",
        d.ops.iter().map(|o| o.tag).collect::<Vec<_>>()
    );
    for op in &d.ops {
        assert_eq!(op.old, op.new, "paired out of order: {op:?}");
    }
    assert_eq!((d.old_side(), d.new_side()), (old, new));
}

#[test]
fn a_diff_cut_short_by_its_deadline_says_so() {
    let old: String = (0..2000)
        .map(|k| format!("Line {k} of the old text.\n"))
        .collect();
    let new: String = (0..2000)
        .map(|k| format!("Line {k} of the new text!\n"))
        .collect();
    let options = Options {
        diff_timeout_ms: 0,
        ..Options::default()
    };
    let d = diff_texts(&old, &new, &options);
    assert!(d.timed_out);
    assert_eq!((d.old_side(), d.new_side()), (old, new));
}

#[test]
fn four_hundred_copies_of_one_article_cluster_without_exhausting_memory() {
    // Every bigram of the article was in 400 sentences: 80,000 candidate
    // pairs each, collected before de-duplication (`capacity overflow` on
    // 32 bits, gigabytes natively).
    let text = story();
    let inputs: Vec<Input> = (0..400)
        .map(|k| Input::new(format!("copy {k}"), text.clone()))
        .collect();
    let analysis = analyze(&inputs, &no_diffs()).expect("analysis");
    assert!(all_clustered(&analysis));
    for c in &analysis.clusters {
        assert_eq!(c.articles, 400);
        assert_eq!(c.members.len() % 400, 0);
        let rep = &c.members[c.representative];
        let text = |m: &wirediff::ClusterMember| {
            analysis.articles[m.article].sentences[m.sentence]
                .text
                .as_str()
        };
        for m in c.members.iter().filter(|m| text(m) == text(rep)) {
            assert_eq!(m.kind, Kind::Verbatim, "{m:?}");
        }
    }
    // Every listed pair has both shares exact; each article keeps its
    // closest partners, not all 399 others (79,800 pairs).
    let most = clusterable_share(&analysis, 0);
    let pairs = &analysis.overlap.pairs;
    assert!(
        pairs.len() <= 400 * wirediff::overlap::PARTNERS,
        "{}",
        pairs.len()
    );
    let mut partners = vec![0; 400];
    for p in pairs {
        assert_eq!((p.a_in_b, p.b_in_a), (most, most), "{p:?}");
        partners[p.a] += 1;
        partners[p.b] += 1;
    }
    assert!(partners.iter().all(|&k| k >= wirediff::overlap::PARTNERS));
}

#[test]
fn an_article_and_itself_repeated_64_times_share_every_sentence() {
    // Copies inside one article counted towards the index's cap of 64
    // sentences per bigram, so nothing was indexed and nothing clustered.
    let text = story();
    let repeated = vec![text.as_str(); 64].join("\n");
    let inputs = [
        Input::new("once", text.clone()),
        Input::new("64 times", repeated),
    ];
    let analysis = analyze(&inputs, &no_diffs()).expect("analysis");
    assert!(all_clustered(&analysis));
    for c in &analysis.clusters {
        assert_eq!(c.articles, 2);
        // One copy in the first article for every 64 in the second.
        let once = c.members.iter().filter(|m| m.article == 0).count();
        assert_eq!(c.members.len(), 65 * once, "{c:?}");
    }
    assert_eq!(
        analysis.overlap.shared(0, 1),
        clusterable_share(&analysis, 0)
    );
    assert_eq!(
        analysis.overlap.shared(1, 0),
        clusterable_share(&analysis, 1)
    );
}

#[test]
fn a_sentence_repeated_64_times_in_one_article_still_links_to_its_copy_elsewhere() {
    let sentence = "The storm closed every school in the county on Tuesday morning.";
    let many = vec![sentence; 64].join(" ");
    let inputs = [
        Input::new("many", many),
        Input::new("one", format!("Weather news.\n\n{sentence}")),
    ];
    let analysis = analyze(&inputs, &no_diffs()).expect("analysis");
    assert_eq!(analysis.clusters.len(), 1, "{:?}", analysis.clusters);
    assert_eq!(analysis.clusters[0].members.len(), 65);
    assert_eq!(analysis.clusters[0].articles, 2);
}

#[test]
fn copies_of_a_sentence_within_one_article_only_are_not_a_cluster() {
    let sentence = "The storm closed every school in the county on Tuesday morning.";
    let inputs = [
        Input::new("twice", format!("{sentence} {sentence}")),
        Input::new(
            "other",
            "Nothing here is like the other article at all, not one word.",
        ),
    ];
    let analysis = analyze(&inputs, &no_diffs()).expect("analysis");
    assert!(analysis.clusters.is_empty(), "{:?}", analysis.clusters);
}

#[test]
fn a_wordless_article_is_named_by_its_place_as_well_as_its_name() {
    for wordless in ["... !!! ???", "\u{200b}\u{200b}\u{200b}", "  \n "] {
        assert!(!wirediff::analysis::has_words(wordless), "{wordless:?}");
        let inputs = [
            Input::new("same.txt", "The council met on Tuesday."),
            Input::new("same.txt", wordless),
        ];
        let error = analyze(&inputs, &no_diffs()).unwrap_err();
        assert_eq!(
            *error.kind(),
            ErrorKind::EmptyArticle {
                index: 1,
                name: "same.txt".into()
            }
        );
    }
    assert!(wirediff::analysis::has_words("42"));
}

#[test]
fn a_title_byline_and_date_the_reader_gives_replace_the_detected_ones() {
    let text = "Storm shuts schools\n\nBy Jane Doe\n\nA report from the county\n\n\
                Every school in the county closed on Tuesday after the storm.\n\nTuesday";
    let other = "Every school in the county closed on Tuesday after the storm.";
    let mut inputs = [Input::new("a", text), Input::new("b", other)];
    let analysis = analyze(&inputs, &no_diffs()).expect("analysis");
    let a = &analysis.articles[0];
    assert_eq!(
        (a.title.as_str(), a.byline.as_deref()),
        ("Storm shuts schools", Some("By Jane Doe"))
    );
    inputs[0].marks.headline = vec![2];
    inputs[0].marks.byline = vec![4];
    inputs[0].marks.date = vec![4];
    let analysis = analyze(&inputs, &no_diffs()).expect("analysis");
    let a = &analysis.articles[0];
    assert_eq!(a.title, "A report from the county");
    // A paragraph in two lists plays the part of the later one.
    assert_eq!(
        (a.byline.as_deref(), a.date.as_deref()),
        (Some("By Jane Doe"), Some("Tuesday"))
    );
    assert_eq!(a.paragraphs[0].role, wirediff::Role::Story);
}

#[test]
fn a_moved_paragraphs_word_changes_rebuild_the_text_it_moved_from() {
    let (a, b) = (
        "Why?\nhe said. $2.5 example.com/a?b ",
        "$2.5 example.com/a?b\nWhy? ",
    );
    let d = diff_texts(a, b, &Options::default());
    assert_eq!((d.old_side(), d.new_side()), (a.to_owned(), b.to_owned()));
    for op in d.ops.iter().filter(|op| !op.inline.is_empty()) {
        assert_eq!(op.inline_old(), d.inline_source(op), "{op:?}");
        assert_eq!(op.inline_new(), op.new_text, "{op:?}");
    }
}
