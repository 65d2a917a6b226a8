//! `wirediff eval`: reading the labelled data and printing the report.

use std::io::{self, Write};
use std::path::{Path, PathBuf};

use wirediff::{Input, Options};

use crate::Failure;
use crate::input::{self, quote_path, read_article};
use crate::print::write_failure;

/// Reads a file of JSON lines (blank lines skipped).
fn read_jsonl<T: serde::de::DeserializeOwned>(path: &Path) -> Result<Vec<T>, Failure> {
    let shown = quote_path(path);
    let text = String::from_utf8(input::read_file(path, &shown)?)
        .map_err(|e| Failure(format!("{shown}: is not valid UTF-8 text: {e}")))?;
    text.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(n, l)| {
            serde_json::from_str(l).map_err(|e| Failure(format!("{shown}:{}: {e}", n + 1)))
        })
        .collect()
}

/// The articles (*.txt, by name) of an evaluation set.
fn read_set(dir: &Path) -> Result<Vec<Input>, Failure> {
    let entries = std::fs::read_dir(dir)
        .map_err(|e| Failure(format!("{}: cannot read: {e}", quote_path(dir))))?;
    let mut paths: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    paths.iter().map(|p| read_article(p)).collect()
}

/// The lines of the report on one file of sentence-boundary cases.
fn boundary_lines(path: &Path, verbose: bool) -> Result<Vec<String>, Failure> {
    let cases = read_jsonl(path)?;
    let report = wirediff::eval::score_boundaries(&cases);
    let mut lines = vec![format!(
        "sentence boundaries ({}): {}/{} cases exactly right ({:.1}%)",
        path.display(),
        report.correct,
        report.cases,
        report.accuracy * 100.0
    )];
    for (category, (right, total)) in &report.by_category {
        lines.push(format!("  {category:<24} {right:>3}/{total:<3}"));
    }
    if verbose {
        for miss in &report.misses {
            lines.push(format!("  MISS {} ({})", miss.id, miss.category));
            lines.push(format!("    expected {:?}", miss.expected));
            lines.push(format!("    got      {:?}", miss.got));
        }
    }
    Ok(lines)
}

/// The lines of the report on labelled sentence pairs (MRPC's format).
fn pair_lines(path: &Path, options: &Options) -> Result<Vec<String>, Failure> {
    let pairs = read_pairs(path)?;
    let r = wirediff::eval::score_pairs(&pairs, options);
    let (jt, ja, jf) = r.jaccard;
    Ok(vec![
        format!("sentence pairs ({}): {} pairs", path.display(), r.pairs),
        binary_line(
            "pair model",
            &r.same_statement,
            "weights from MRPC's training split: scripts/train-links cross-validates them",
        ),
        binary_line(
            "corpus links",
            &r.linked,
            "a near link, or a rewrite by the model learned on the article sets",
        ),
        format!(
            "  word Jaccard   accuracy {ja:.3}  F1 {jf:.3}  (at its best threshold on these pairs, {jt:.2})"
        ),
        format!("  always yes     F1 {:.3}", r.always_f1),
    ])
}

fn binary_line(name: &str, b: &wirediff::eval::Binary, what: &str) -> String {
    format!(
        "  {name:<14} accuracy {:.3}  F1 {:.3}  (precision {:.3}, recall {:.3}; {what})",
        b.accuracy, b.f1, b.precision, b.recall
    )
}

/// Labelled sentence pairs in MRPC's format; a test split is refused.
fn read_pairs(path: &Path) -> Result<Vec<wirediff::eval::SentencePair>, Failure> {
    let shown = quote_path(path);
    let name = path.file_name().map(|n| n.to_string_lossy().to_lowercase());
    if name.is_some_and(|n| n.contains("test")) {
        return Err(Failure(format!(
            "{shown}: looks like a test split, which is kept for checking only: give the training split"
        )));
    }
    let text = String::from_utf8(input::read_file(path, &shown)?)
        .map_err(|e| Failure(format!("{shown}: is not valid UTF-8 text: {e}")))?;
    wirediff::eval::parse_paraphrase_pairs(&text).map_err(|e| Failure(format!("{shown}:{e}")))
}

/// `wirediff eval --features OUT`: the rewrite model's examples (see the
/// option's help).
pub fn write_features(
    out: &Path,
    sets: &[PathBuf],
    pairs: Option<&Path>,
    options: &Options,
) -> Result<(), Failure> {
    use std::fmt::Write as _;
    let mut text = String::from("source\tlabel\tnear\tjudgeable");
    for name in wirediff::cluster::features::NAMES {
        text.push('\t');
        text.push_str(name);
    }
    text.push('\n');
    let mut row = |source: &str, label: bool, near: bool, agree: bool, features: &[f64]| {
        let _ = write!(
            text,
            "{source}\t{}\t{}\t{}",
            u8::from(label),
            u8::from(near),
            u8::from(agree)
        );
        for x in features {
            let _ = write!(text, "\t{x:.6}");
        }
        text.push('\n');
    };
    for dir in sets {
        if dir.join("HELD_OUT").exists() {
            return Err(Failure(format!(
                "{}: is a held-out set (it holds HELD_OUT): the rewrite model learns from development sets only; name them with --set",
                quote_path(dir)
            )));
        }
        let inputs = read_set(dir)?;
        let gold = read_jsonl(&dir.join("links.jsonl"))?;
        let rows = wirediff::eval::training_rows(&inputs, &gold, options)
            .map_err(|e| Failure(format!("{}: {e}", quote_path(dir))))?;
        let source = dir.display().to_string();
        for r in rows {
            row(&source, r.linked, false, true, &r.features);
        }
    }
    if let Some(path) = pairs {
        let labelled = read_pairs(path)?;
        let source = path.display().to_string();
        for (pair, judged) in labelled
            .iter()
            .zip(wirediff::eval::judge_pairs(&labelled, options))
        {
            if let Some(j) = judged {
                row(&source, pair.paraphrase, j.near, j.judgeable, &j.features);
            }
        }
    }
    std::fs::write(out, text)
        .map_err(|e| Failure(format!("{}: cannot write: {e}", quote_path(out))))
}

pub fn evaluate(
    boundaries: &[PathBuf],
    sets: &[PathBuf],
    pairs: Option<&Path>,
    options: &Options,
    verbose: bool,
) -> Result<(), Failure> {
    use wirediff::eval::score_links;
    let mut out = io::stdout().lock();
    let mut lines = Vec::new();
    for path in boundaries {
        lines.extend(boundary_lines(path, verbose)?);
    }
    for dir in sets {
        let inputs = read_set(dir)?;
        let gold = read_jsonl(&dir.join("links.jsonl"))?;
        let report = score_links(&inputs, &gold, options)
            .map_err(|e| Failure(format!("{}: {e}", quote_path(dir))))?;
        lines.push(format!(
            "links in {} ({} articles, threshold {:.2}, paraphrase threshold {:.2}):",
            dir.display(),
            report.articles,
            options.threshold,
            options.paraphrase_threshold
        ));
        for (name, p) in [("verbatim+near", report.close), ("all links", report.all)] {
            lines.push(format!(
                "  {name:<14} precision {:.3}  recall {:.3}  F1 {:.3}  ({} predicted, {} gold)",
                p.precision, p.recall, p.f1, p.predicted, p.gold
            ));
        }
        if verbose {
            for e in report.false_links.iter().chain(&report.missed) {
                let what = if e.kind == "predicted" {
                    "FALSE"
                } else {
                    "MISSED"
                };
                lines.push(format!("  {what} {}: {} | {}", e.kind, e.a, e.a_sentence));
                lines.push(format!(
                    "  {:>w$} {} | {}",
                    "",
                    e.b,
                    e.b_sentence,
                    w = what.len() + e.kind.len() + 1
                ));
            }
        }
    }
    if let Some(path) = pairs {
        lines.extend(pair_lines(path, options)?);
    }
    for line in lines {
        writeln!(out, "{line}").map_err(write_failure)?;
    }
    Ok(())
}
