//! A fuzz smoke run: seeded random inputs through the public entry points
//! (`analyze`, `diff_texts`, `text::segment`, `text::sentence_texts`),
//! checking that nothing panics, that every offset lies within its text and
//! cuts it at a character boundary, and that every diff rebuilds both texts.
//!
//! The inputs are random bytes made valid UTF-8, random code points, tricky
//! Unicode (combining marks, zero-width and bidi controls, right-to-left
//! scripts, emoji ZWJ sequences, characters that NFKC or lower-casing
//! expands, every kind of line break, lone punctuation, abbreviations), very
//! long lines, and random edits of the seed articles. The large tests give
//! texts of 65,537 short distinct lines, so that a product of two lengths
//! passes 2^32 and would wrap where `usize` is 32 bits (WebAssembly; the
//! same run happens on wasm32-wasip1 in `scripts/test`).
//!
//! Every run is the same: the seed is fixed. `WIREDIFF_FUZZ_SEED=<u64>` picks
//! another, `WIREDIFF_FUZZ_CASES=<n>` runs more or fewer cases; a failure
//! names its case, and the case alone reruns with `WIREDIFF_FUZZ_ONLY=<k>`.

mod common;

use std::ops::Range;
use std::sync::Mutex;

use wirediff::analysis::has_words;
use wirediff::text::{paragraphs, segment, sentence_texts};
use wirediff::{
    Analysis, DiffTag, Error, ErrorKind, Input, Options, ParagraphDiff, Role, analyze, diff_texts,
};

/// SplitMix64: small, seedable and the same on every platform.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (`n > 0`).
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    /// True with probability `percent`/100.
    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }

    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }
}

fn env_u64(name: &str) -> Option<u64> {
    let value = std::env::var(name).ok()?;
    Some(
        value
            .parse()
            .unwrap_or_else(|_| panic!("{name}={value:?} is not a number")),
    )
}

const DEFAULT_SEED: u64 = 0x5eed_f0a1_10ff_5e70;

/// What the current test is doing, printed by the panic hook: a panic inside
/// the library then names the input that caused it (on wasm32-wasip1 a panic
/// aborts the run, so the hook is the only place to say it). `CASE` names
/// the seeded case, `CURRENT` the input.
static CASE: Mutex<String> = Mutex::new(String::new());
static CURRENT: Mutex<String> = Mutex::new(String::new());

fn set(slot: &Mutex<String>, what: String) {
    *slot.lock().unwrap_or_else(|e| e.into_inner()) = what;
}

fn doing(what: impl Into<String>) {
    static HOOK: std::sync::Once = std::sync::Once::new();
    HOOK.call_once(|| {
        let default = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            default(info);
            let get = |slot: &Mutex<String>| slot.lock().map(|s| s.clone()).unwrap_or_default();
            eprintln!(
                "fuzz: the panic happened in {}{}",
                get(&CASE),
                get(&CURRENT)
            );
        }));
    });
    // Inputs can be megabytes: the first 2,000 bytes say enough.
    let mut what = what.into();
    if what.len() > 2_000 {
        let cut = (0..=2_000)
            .rev()
            .find(|&i| what.is_char_boundary(i))
            .unwrap_or(0);
        what.truncate(cut);
        what.push('…');
    }
    set(&CURRENT, what);
}

/// Pieces that have broken text tools before.
const TRICKY: &[&str] = &[
    // Combining marks, alone, stacked and at the start of a text.
    "e\u{301}",
    "a\u{301}\u{302}\u{303}\u{304}\u{305}",
    "\u{301}",
    "\u{20dd}",
    // Zero-width and invisible characters, bidi controls.
    "\u{200b}",
    "\u{200c}",
    "\u{200d}",
    "\u{2060}",
    "\u{feff}",
    "\u{200e}",
    "\u{200f}",
    "\u{202e}",
    "\u{2066}",
    "\u{2069}",
    "\u{ad}",
    // Right-to-left scripts and their punctuation.
    "مرحبا بالعالم.",
    "قال الرئيس، «نعم».",
    "؟",
    "שלום עולם.",
    // Emoji: ZWJ sequences, flags, skin tones, variation selectors, keycaps.
    "👨\u{200d}👩\u{200d}👧\u{200d}👦",
    "🏳\u{fe0f}\u{200d}🌈",
    "🇺🇸",
    "👍🏽",
    "\u{fe0f}",
    "1\u{fe0f}\u{20e3}",
    // Line breaks of every kind, and mixes of them.
    "\n",
    "\r\n",
    "\r",
    "\n\r",
    "\r\r\n",
    "\n\n",
    "\u{2028}",
    "\u{2029}",
    "\u{85}",
    "\u{b}",
    "\u{c}",
    // Spaces.
    " ",
    "\t",
    "\u{a0}",
    "\u{3000}",
    "\u{2009}",
    // Lone punctuation and quotes.
    ".",
    "?",
    "!",
    "…",
    "...",
    "。",
    "！",
    "？",
    "“",
    "”",
    "‘",
    "’",
    "«",
    "»",
    "„",
    "\"",
    "'",
    "—",
    "–",
    "-",
    "(",
    ")",
    "[",
    "]",
    "•",
    // News abbreviations, numbers, addresses.
    "Mr.",
    "Dr.",
    "U.S.",
    "a.m.",
    "Inc.",
    "Jan.",
    "No.",
    "1.",
    "2.5bn",
    "480,000",
    "$2.5",
    "5.3%",
    "example.com/a?b.c",
    "x@y.z",
    // Other scripts.
    "中文。",
    "日本語、",
    "한국어.",
    "हिन्दी।",
    "ไทย",
    // Characters that NFKC or lower-casing turn into several.
    "İ",
    "ß",
    "ﬁ",
    "ǅ",
    "Ⅻ",
    "①",
    "ｱ",
    "㍿",
    "\u{fdfa}",
    // Controls and the edges of Unicode.
    "\u{0}",
    "\u{7f}",
    "\u{fffd}",
    "\u{ffff}",
    "\u{10ffff}",
    // Plain words, so that some inputs cluster.
    "The",
    "the",
    "storm",
    "said",
    "Whitfield",
    "licence",
    "colour",
    "schools",
    "closed",
];

const SEPARATORS: &[&str] = &[" ", " ", " ", "", "\n", "\n\n", "\r\n", ". "];

/// Random bytes, made valid UTF-8 (invalid sequences become U+FFFD).
fn random_bytes(rng: &mut Rng, max: usize) -> String {
    let len = rng.below(max + 1);
    let bytes: Vec<u8> = (0..len)
        .map(|_| match rng.below(4) {
            0 => b" .\n"[rng.below(3)],
            1 => b'a' + rng.below(26) as u8,
            _ => rng.next() as u8,
        })
        .collect();
    String::from_utf8_lossy(&bytes).into_owned()
}

/// Random code points from all of Unicode.
fn random_chars(rng: &mut Rng, max: usize) -> String {
    let len = rng.below(max + 1);
    let mut out = String::new();
    while out.chars().count() < len {
        let limit = match rng.below(3) {
            0 => 0x80,
            1 => 0x3000,
            _ => 0x11_0000,
        };
        if let Some(c) = char::from_u32(rng.below(limit) as u32) {
            out.push(c);
        }
    }
    out
}

/// Tricky pieces and words joined by separators.
fn tricky(rng: &mut Rng, max_pieces: usize) -> String {
    let mut out = String::new();
    for _ in 0..rng.below(max_pieces + 1) {
        out.push_str(rng.pick::<&str>(TRICKY));
        if rng.chance(60) {
            out.push_str(rng.pick::<&str>(SEPARATORS));
        }
    }
    out
}

/// One line of 10,000 to 60,000 bytes: words without a break, one huge word,
/// a base letter under thousands of combining marks, or sentences without a
/// line break.
fn long_line(rng: &mut Rng) -> String {
    let len = 10_000 + rng.below(50_000);
    let unit: String = match rng.below(4) {
        0 => "word ".into(),
        1 => "x".into(),
        2 => "\u{301}".into(),
        _ => "The storm closed every school. ".into(),
    };
    let mut out = String::from("a");
    while out.len() < len {
        out.push_str(&unit);
    }
    out
}

/// The char boundaries of `text`, the end included.
fn boundaries(text: &str) -> Vec<usize> {
    text.char_indices()
        .map(|(i, _)| i)
        .chain([text.len()])
        .collect()
}

/// A seed article with one to eight random edits.
fn edited_seed(rng: &mut Rng, seeds: &[Input]) -> String {
    let mut text = rng.pick(seeds).text.clone();
    for _ in 0..1 + rng.below(8) {
        let cuts = boundaries(&text);
        let at = *rng.pick(&cuts);
        match rng.below(8) {
            0 => {
                // Delete a stretch.
                let end = *rng.pick(&cuts);
                let (a, b) = (at.min(end), at.max(end));
                let b = a + (b - a).min(1 + rng.below(400));
                let b = cuts.iter().copied().find(|&c| c >= b).unwrap_or(text.len());
                text.replace_range(a..b, "");
            }
            1 => text.insert_str(at, &tricky(rng, 6)),
            2 => {
                // Duplicate a paragraph somewhere else.
                let paras = paragraphs(&text);
                if !paras.is_empty() {
                    let p = rng.pick(&paras).clone();
                    let copy = format!("\n{}\n", &text[p]);
                    text.insert_str(at, &copy);
                }
            }
            3 => {
                let breaks = ["\r\n", "\r", "\u{2028}", "\n\n\n", " "];
                text = text.replace('\n', rng.pick::<&str>(&breaks));
            }
            4 => text.truncate(at),
            5 => {
                // Swap the two halves around a cut.
                let (head, tail) = text.split_at(at);
                text = format!("{tail}\n{head}");
            }
            6 => {
                let upper = text[at..].to_uppercase();
                text.truncate(at);
                text.push_str(&upper);
            }
            _ => text.insert_str(at, &random_chars(rng, 8)),
        }
    }
    text
}

/// One random text of any kind.
fn random_text(rng: &mut Rng, seeds: &[Input]) -> (String, &'static str) {
    match rng.below(10) {
        0 => (random_bytes(rng, 300), "random bytes"),
        1 => (random_chars(rng, 120), "random code points"),
        2 | 3 => (tricky(rng, 60), "tricky pieces"),
        4 if rng.chance(20) => (long_line(rng), "a long line"),
        4 => (tricky(rng, 8), "few tricky pieces"),
        5 => {
            let mut text = edited_seed(rng, seeds);
            let cuts = boundaries(&text);
            text.insert_str(*rng.pick(&cuts), &tricky(rng, 20));
            (text, "an edited seed with tricky pieces")
        }
        _ => (edited_seed(rng, seeds), "an edited seed"),
    }
}

fn random_options(rng: &mut Rng) -> Options {
    if rng.chance(50) {
        return Options::default();
    }
    Options {
        threshold: 0.3 + 0.7 * rng.unit(),
        min_words: 1 + rng.below(5),
        diffs: rng.chance(80),
        diff_timeout_ms: *rng.pick(&[0, 1, 200, 200, 5_000]),
        paraphrases: rng.chance(70),
        paraphrase_threshold: 0.1 + 0.8 * rng.unit(),
        diff_ignore_case: rng.chance(30),
        diff_ignore_punctuation: rng.chance(30),
    }
}

fn assert_cut(text: &str, r: &Range<usize>, what: &str) {
    assert!(
        r.start <= r.end && r.end <= text.len(),
        "{what} {r:?} outside a text of {} bytes",
        text.len()
    );
    assert!(
        text.is_char_boundary(r.start) && text.is_char_boundary(r.end),
        "{what} {r:?} cuts a character"
    );
}

fn check_segment(text: &str) {
    let seg = segment(text);
    assert_eq!(seg.paragraphs, paragraphs(text));
    assert_eq!(seg.paragraph_sentences.len(), seg.paragraphs.len());
    let mut last = 0;
    for (p, para) in seg.paragraphs.iter().enumerate() {
        assert_cut(text, para, "paragraph");
        assert!(
            para.start >= last && para.start < para.end,
            "paragraph {para:?}"
        );
        last = para.end;
        for k in seg.paragraph_sentences[p].clone() {
            assert_eq!(seg.sentences[k].1, p, "sentence {k} of paragraph {p}");
        }
    }
    let mut last = 0;
    for (k, (r, p)) in seg.sentences.iter().enumerate() {
        assert_cut(text, r, "sentence");
        assert!(r.start >= last && r.start < r.end, "sentence {k}: {r:?}");
        let para = &seg.paragraphs[*p];
        assert!(
            para.start <= r.start && r.end <= para.end,
            "sentence {r:?} outside {para:?}"
        );
        assert!(seg.paragraph_sentences[*p].contains(&k));
        last = r.end;
    }
    let texts: Vec<&str> = seg
        .sentences
        .iter()
        .map(|(r, _)| &text[r.clone()])
        .collect();
    assert_eq!(sentence_texts(text), texts);
}

fn check_diff(d: &ParagraphDiff, a: &str, b: &str) {
    assert!(d.old_side() == a, "the diff does not rebuild the old text");
    assert!(d.new_side() == b, "the diff does not rebuild the new text");
    let (pa, pb) = (paragraphs(a).len(), paragraphs(b).len());
    // Each paragraph is covered by exactly one op on each side.
    let (mut old_seen, mut new_seen) = (vec![0u8; pa], vec![0u8; pb]);
    for op in &d.ops {
        assert!(
            op.old.is_none_or(|i| i + op.old_len <= pa) && op.old.is_some() == (op.old_len > 0),
            "op {:?} old {:?}+{}",
            op.tag,
            op.old,
            op.old_len
        );
        assert!(
            op.new.is_none_or(|i| i + op.new_len <= pb) && op.new.is_some() == (op.new_len > 0),
            "op {:?} new {:?}+{}",
            op.tag,
            op.new,
            op.new_len
        );
        if let Some(s) = op.similarity {
            assert!((0.0..=1.0).contains(&s), "similarity {s}");
        }
        let (covers_old, covers_new) = match op.tag {
            DiffTag::MovedFrom => (true, false),
            DiffTag::MovedTo => (false, true),
            _ => (true, true),
        };
        if covers_old && let Some(i) = op.old {
            old_seen[i..i + op.old_len].iter_mut().for_each(|c| *c += 1);
        }
        if covers_new && let Some(j) = op.new {
            new_seen[j..j + op.new_len].iter_mut().for_each(|c| *c += 1);
        }
        if !op.inline.is_empty() {
            // A move's pieces compare the text where it was with this one.
            let old_text = d.inline_source(op);
            assert!(op.inline_old() == old_text, "inline diff: old side");
            assert!(op.inline_new() == op.new_text, "inline diff: new side");
        }
    }
    assert!(
        old_seen.iter().all(|&c| c == 1),
        "old paragraphs covered {old_seen:?}"
    );
    assert!(
        new_seen.iter().all(|&c| c == 1),
        "new paragraphs covered {new_seen:?}"
    );
}

fn check_analysis(inputs: &[Input], options: &Options) {
    let result = analyze(inputs, options);
    if let Some(index) = inputs.iter().position(|i| !has_words(&i.text)) {
        match result.as_ref().map_err(Error::kind) {
            Err(&ErrorKind::EmptyArticle { index: i, .. }) => assert!(i <= index),
            other => panic!("article {index} has no words, yet {other:?}"),
        }
        return;
    }
    let analysis = result.expect("analysis");
    check_model(inputs, options, &analysis);
}

fn check_model(inputs: &[Input], options: &Options, analysis: &Analysis) {
    let n = inputs.len();
    assert_eq!(analysis.articles.len(), n);
    for (input, article) in inputs.iter().zip(&analysis.articles) {
        let text = input.text.as_str();
        assert_eq!(article.len, text.len());
        // The title: the headline, else the first story paragraph, else the
        // first paragraph.
        let first = |role: Role| article.paragraphs.iter().find(|p| p.role == role);
        assert_eq!(
            article.title,
            first(Role::Headline)
                .or_else(|| first(Role::Story))
                .or(article.paragraphs.first())
                .map_or("", |p| &text[p.start..p.end])
        );
        for p in &article.paragraphs {
            assert_eq!(p.reason.is_some(), p.role == Role::Aside, "{p:?}");
            assert_cut(text, &(p.start..p.end), "paragraph");
            assert!(p.sentences.end <= article.sentences.len());
            for s in &article.sentences[p.sentences.clone()] {
                assert!(p.start <= s.start && s.end <= p.end);
            }
        }
        for s in &article.sentences {
            assert_cut(text, &(s.start..s.end), "sentence");
            assert_eq!(s.text, text[s.start..s.end]);
            assert!(s.paragraph < article.paragraphs.len());
            assert!(s.cluster.is_none_or(|c| c < analysis.clusters.len()));
            assert!(s.links.iter().all(|&l| l < analysis.links.len()));
            if !article.compared(s) {
                assert!(
                    s.cluster.is_none() && s.links.is_empty(),
                    "set aside: {s:?}"
                );
            }
        }
    }
    let sentence = |article: usize, k: usize| {
        assert!(article < n, "article {article}");
        let sentences = &analysis.articles[article].sentences;
        assert!(k < sentences.len(), "sentence {k} of article {article}");
        &sentences[k]
    };
    let run = |article: usize, k: usize, start: usize, end: usize, what: &str| {
        let s = sentence(article, k);
        assert_cut(&inputs[article].text, &(start..end), what);
        assert!(
            s.start <= start && end <= s.end,
            "{what} {start}..{end} outside its sentence {}..{}",
            s.start,
            s.end
        );
    };
    for (c, cluster) in analysis.clusters.iter().enumerate() {
        assert!(cluster.members.len() >= 2);
        assert!(cluster.representative < cluster.members.len());
        assert!((0.0..=1.0).contains(&cluster.similarity));
        for m in &cluster.members {
            assert_eq!(sentence(m.article, m.sentence).cluster, Some(c));
            assert!((0.0..=1.0).contains(&m.similarity));
            run(m.article, m.sentence, m.run_start, m.run_end, "cluster run");
        }
    }
    for (l, link) in analysis.links.iter().enumerate() {
        for end in [&link.a, &link.b] {
            assert!(sentence(end.article, end.sentence).links.contains(&l));
            run(
                end.article,
                end.sentence,
                end.run_start,
                end.run_end,
                "link run",
            );
        }
        assert!((0.0..=1.0).contains(&link.similarity) && (0.0..=1.0).contains(&link.score));
    }
    let overlap = &analysis.overlap;
    assert_eq!(overlap.unique.len(), n);
    for p in &overlap.pairs {
        assert!(p.a < p.b && p.b < n, "{p:?}");
        assert!((0.0..=1.0).contains(&p.a_in_b) && (0.0..=1.0).contains(&p.b_in_a));
    }
    assert!(overlap.unique.iter().all(|x| (0.0..=1.0).contains(x)));
    if options.diffs {
        assert_eq!(analysis.diffs.len(), n * (n - 1) / 2);
        for d in &analysis.diffs {
            check_diff(d, &inputs[d.a].text, &inputs[d.b].text);
        }
    } else {
        assert!(analysis.diffs.is_empty());
    }
}

/// Runs `cases` seeded random cases of `body`, each with its own generator.
fn run_cases(name: &str, cases: u64, mut body: impl FnMut(&mut Rng)) {
    let seed = env_u64("WIREDIFF_FUZZ_SEED").unwrap_or(DEFAULT_SEED);
    let cases = env_u64("WIREDIFF_FUZZ_CASES").unwrap_or(cases);
    let only = env_u64("WIREDIFF_FUZZ_ONLY");
    for case in 0..cases {
        if only.is_some_and(|k| k != case) {
            continue;
        }
        set(
            &CASE,
            format!("{name} case {case} (WIREDIFF_FUZZ_SEED={seed} WIREDIFF_FUZZ_ONLY={case}): "),
        );
        doing("generating the input");
        body(&mut Rng(seed ^ case.wrapping_mul(0xa076_1d64_78bd_642f)));
    }
    set(&CASE, String::new());
}

#[test]
fn segment_random_texts() {
    let seeds = common::seeds();
    run_cases("segment", 400, |rng| {
        let (text, kind) = random_text(rng, &seeds);
        doing(format!("segment of {kind}: {text:?}"));
        check_segment(&text);
    });
}

#[test]
fn diff_random_texts() {
    let seeds = common::seeds();
    run_cases("diff", 300, |rng| {
        let (a, ka) = random_text(rng, &seeds);
        let (b, kb) = if rng.chance(30) {
            (
                edited_seed(rng, &[Input::new("a", a.clone())]),
                "an edit of it",
            )
        } else {
            random_text(rng, &seeds)
        };
        let options = random_options(rng);
        doing(format!("diff of {ka} {a:?} and {kb} {b:?}"));
        check_diff(&diff_texts(&a, &b, &options), &a, &b);
    });
}

#[test]
fn analyze_random_articles() {
    let seeds = common::seeds();
    run_cases("analyze", 100, |rng| {
        let count = 2 + rng.below(4);
        let inputs: Vec<Input> = (0..count)
            .map(|k| {
                let (text, _) = if rng.chance(70) {
                    (edited_seed(rng, &seeds), "")
                } else {
                    random_text(rng, &seeds)
                };
                Input::new(format!("a{k}"), text)
            })
            .collect();
        let options = random_options(rng);
        doing(format!("analyze of {inputs:?} with {options:?}"));
        check_analysis(&inputs, &options);
    });
}

/// `n` short distinct lines, `Line <i> of the <side> text.`: two such texts
/// differ in every paragraph, so their diff is one replaced block of n × n
/// paragraphs, and every sentence has its copy in the other text.
fn distinct_lines(side: &str, n: usize) -> String {
    (0..n)
        .map(|i| format!("Line {i} of the {side} text.\n"))
        .collect()
}

/// 65,537 lines a side: 65,537² = 2^32 + 2^17 + 1, so in 32-bit `usize`
/// the product of the block's sides wraps to 131,073.
const LINES: usize = 65_537;

#[test]
// Slow in an unoptimised 64-bit build, where no product wraps anyway:
// `cargo test --release` runs it natively, scripts/test on wasm32-wasip1.
#[cfg_attr(
    all(debug_assertions, target_pointer_width = "64"),
    ignore = "large; runs in release builds and on wasm32"
)]
fn diff_of_two_texts_of_65537_lines() {
    let (a, b) = (distinct_lines("old", LINES), distinct_lines("new", LINES));
    // No deadline in reach, so the replaced block reaches the pairing step
    // whatever the speed of the build.
    let patient = Options {
        diff_timeout_ms: 600_000,
        ..Options::default()
    };
    doing(format!("diff of {LINES} distinct lines each"));
    check_diff(&diff_texts(&a, &b, &patient), &a, &b);
    // One line changed among 65,537 equal ones.
    let mut c = b.clone();
    c.replace_range(0..4, "Row");
    doing(format!("diff of {LINES} lines with one change"));
    check_diff(&diff_texts(&b, &c, &Options::default()), &b, &c);
}

#[test]
fn segment_a_text_of_65537_lines_and_a_megabyte_line() {
    let text = distinct_lines("old", LINES);
    doing("segment of 65,537 lines");
    let seg = segment(&text);
    assert_eq!(seg.paragraphs.len(), LINES);
    assert_eq!(seg.sentences.len(), LINES);
    let line: String = "The storm closed every school. ".repeat(35_000);
    doing("segment of a 1 MB line");
    check_segment(&line);
}

#[test]
// Slow in an unoptimised 64-bit build, where no product wraps anyway:
// `cargo test --release` runs it natively, scripts/test on wasm32-wasip1.
#[cfg_attr(
    all(debug_assertions, target_pointer_width = "64"),
    ignore = "large; runs in release builds and on wasm32"
)]
fn analyze_two_articles_of_65537_lines() {
    let inputs = [
        Input::new("old", distinct_lines("old", LINES)),
        Input::new("new", distinct_lines("new", LINES)),
    ];
    doing(format!("analyze of two articles of {LINES} distinct lines"));
    let options = Options::default();
    let analysis = analyze(&inputs, &options).expect("analysis");
    check_model(&inputs, &options, &analysis);
    // Every line has its copy in the other article.
    assert_eq!(analysis.clusters.len(), LINES);
}
