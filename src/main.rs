//! The `wirediff` command line: analyse, segment and diff article files.

#[cfg(all(target_arch = "wasm32", target_os = "unknown"))]
fn main() {}

#[cfg(not(all(target_arch = "wasm32", target_os = "unknown")))]
fn main() -> std::process::ExitCode {
    cli::main()
}

#[cfg(not(all(target_arch = "wasm32", target_os = "unknown")))]
mod cli {
    use std::io::{self, IsTerminal, Read, Write};
    use std::path::{Path, PathBuf};
    use std::process::ExitCode;

    use anstyle::{AnsiColor, Style};
    use clap::{Parser, Subcommand};
    use wirediff::{DiffTag, Input, Options, ParagraphDiff};

    /// See how news articles copy each other.
    #[derive(Parser)]
    #[command(name = "wirediff", version, about)]
    struct Cli {
        #[command(subcommand)]
        command: Command,
    }

    #[derive(Subcommand)]
    enum Command {
        /// Analyse two or more articles and print the result as JSON.
        Analyze {
            /// Article files (UTF-8 text).
            #[arg(required = true, num_args = 1..)]
            files: Vec<PathBuf>,
            /// Minimum similarity (0 to 1) for two sentences to be linked.
            #[arg(long, default_value_t = wirediff::cluster::DEFAULT_THRESHOLD)]
            threshold: f64,
            /// Sentences with fewer words are never linked.
            #[arg(long, default_value_t = wirediff::cluster::DEFAULT_MIN_WORDS)]
            min_words: usize,
            /// Minimum paraphrase score (0 to 1) for rewritten sentences to be linked.
            #[arg(long, default_value_t = wirediff::paraphrase::DEFAULT_PARAPHRASE_THRESHOLD)]
            paraphrase_threshold: f64,
            /// Link only copied and lightly edited sentences, not paraphrases.
            #[arg(long)]
            no_paraphrases: bool,
            /// Leave out the paragraph diff of every pair of articles.
            #[arg(long)]
            no_diffs: bool,
            /// Print compact JSON on one line.
            #[arg(long)]
            compact: bool,
        },
        /// Print the sentences of a file (standard input when none) as a JSON array.
        Segment { file: Option<PathBuf> },
        /// Print a readable paragraph diff of two articles.
        Diff { old: PathBuf, new: PathBuf },
        /// Score sentence boundaries and cross-article links against labelled data.
        Eval {
            /// Labelled sentence-boundary cases (JSON lines).
            #[arg(long, default_value = "tests/data/eval/boundaries.jsonl")]
            boundaries: PathBuf,
            /// A directory of articles (*.txt) with gold links in links.jsonl; repeatable.
            #[arg(long = "set", default_values = ["tests/data/seeds", "tests/data/eval/second", "tests/data/eval/third"])]
            sets: Vec<PathBuf>,
            /// Minimum similarity (0 to 1) for two sentences to be linked.
            #[arg(long, default_value_t = wirediff::cluster::DEFAULT_THRESHOLD)]
            threshold: f64,
            /// Minimum paraphrase score (0 to 1) for rewritten sentences to be linked.
            #[arg(long, default_value_t = wirediff::paraphrase::DEFAULT_PARAPHRASE_THRESHOLD)]
            paraphrase_threshold: f64,
            /// Also list every wrong boundary case and every wrong or missed link.
            #[arg(long)]
            verbose: bool,
        },
    }

    /// A failure to report on one line before exiting with status 2.
    struct Failure(String);

    impl From<wirediff::Error> for Failure {
        fn from(e: wirediff::Error) -> Self {
            Failure(e.to_string())
        }
    }

    pub fn main() -> ExitCode {
        let cli = Cli::parse();
        match run(cli.command) {
            Ok(()) => ExitCode::SUCCESS,
            // A reader that stops early (`| head`) is not an error.
            Err(Failure(message)) if message == BROKEN_PIPE => ExitCode::SUCCESS,
            Err(Failure(message)) => {
                eprintln!("wirediff: error: {message}");
                ExitCode::from(2)
            }
        }
    }

    fn run(command: Command) -> Result<(), Failure> {
        match command {
            Command::Analyze {
                files,
                threshold,
                min_words,
                paraphrase_threshold,
                no_paraphrases,
                no_diffs,
                compact,
            } => {
                if let [only] = files.as_slice() {
                    return Err(Failure(format!(
                        "{}: analyze needs at least two article files to compare",
                        only.display()
                    )));
                }
                let inputs = files
                    .iter()
                    .map(|f| read_article(f))
                    .collect::<Result<Vec<_>, _>>()?;
                let options = Options {
                    threshold,
                    min_words,
                    diffs: !no_diffs,
                    paraphrases: !no_paraphrases,
                    paraphrase_threshold,
                    ..Options::default()
                };
                let analysis = wirediff::analyze(&inputs, &options)?;
                print_json(&analysis, compact)
            }
            Command::Segment { file } => {
                let input = match file {
                    Some(f) => read_article(&f)?,
                    None => read_stdin()?,
                };
                let sentences = wirediff::text::sentence_texts(&input.text);
                print_json(&sentences, false)
            }
            Command::Eval {
                boundaries,
                sets,
                threshold,
                paraphrase_threshold,
                verbose,
            } => {
                let options = Options {
                    threshold,
                    paraphrase_threshold,
                    ..Options::default()
                };
                evaluate(&boundaries, &sets, &options, verbose)
            }
            Command::Diff { old, new } => {
                let (a, b) = (read_article(&old)?, read_article(&new)?);
                let diff = wirediff::diff_texts(&a.text, &b.text, &Options::default());
                print_diff(&a.name, &b.name, &diff)
            }
        }
    }

    /// Reads a file of JSON lines (blank lines skipped).
    fn read_jsonl<T: serde::de::DeserializeOwned>(path: &Path) -> Result<Vec<T>, Failure> {
        let text = std::fs::read_to_string(path)
            .map_err(|e| Failure(format!("{}: cannot read: {e}", path.display())))?;
        text.lines()
            .enumerate()
            .filter(|(_, l)| !l.trim().is_empty())
            .map(|(n, l)| {
                serde_json::from_str(l)
                    .map_err(|e| Failure(format!("{}:{}: {e}", path.display(), n + 1)))
            })
            .collect()
    }

    /// The articles (*.txt, by name) of an evaluation set.
    fn read_set(dir: &Path) -> Result<Vec<Input>, Failure> {
        let entries = std::fs::read_dir(dir)
            .map_err(|e| Failure(format!("{}: cannot read: {e}", dir.display())))?;
        let mut paths: Vec<PathBuf> = entries
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "txt"))
            .collect();
        paths.sort();
        paths.iter().map(|p| read_article(p)).collect()
    }

    fn evaluate(
        boundaries: &Path,
        sets: &[PathBuf],
        options: &Options,
        verbose: bool,
    ) -> Result<(), Failure> {
        use wirediff::eval::{score_boundaries, score_links};
        let mut out = io::stdout().lock();
        let cases = read_jsonl(boundaries)?;
        let report = score_boundaries(&cases);
        let mut lines = vec![format!(
            "sentence boundaries ({}): {}/{} cases exactly right ({:.1}%)",
            boundaries.display(),
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
        for dir in sets {
            let inputs = read_set(dir)?;
            let gold = read_jsonl(&dir.join("links.jsonl"))?;
            let report = score_links(&inputs, &gold, options)
                .map_err(|e| Failure(format!("{}: {e}", dir.display())))?;
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
        for line in lines {
            writeln!(out, "{line}").map_err(write_failure)?;
        }
        Ok(())
    }

    fn print_json<T: serde::Serialize>(value: &T, compact: bool) -> Result<(), Failure> {
        let json = if compact {
            serde_json::to_string(value)
        } else {
            serde_json::to_string_pretty(value)
        }
        .map_err(|e| Failure(format!("cannot encode the result: {e}")))?;
        let mut out = io::stdout().lock();
        writeln!(out, "{json}").map_err(write_failure)
    }

    const BROKEN_PIPE: &str = "broken pipe";

    fn write_failure(e: io::Error) -> Failure {
        if e.kind() == io::ErrorKind::BrokenPipe {
            return Failure(BROKEN_PIPE.to_owned());
        }
        Failure(format!("cannot write the output: {e}"))
    }

    fn base_name(path: &Path) -> String {
        path.file_name().map_or_else(
            || path.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        )
    }

    /// Reads an article file, refusing anything that is not non-empty UTF-8 text.
    fn read_article(path: &Path) -> Result<Input, Failure> {
        let shown = path.display();
        if path.is_dir() {
            return Err(Failure(format!(
                "{shown}: is a directory, not an article file"
            )));
        }
        let bytes = std::fs::read(path).map_err(|e| {
            let why = match e.kind() {
                io::ErrorKind::NotFound => "no such file".to_owned(),
                io::ErrorKind::PermissionDenied => "permission denied".to_owned(),
                _ => e.to_string(),
            };
            Failure(format!("{shown}: cannot read: {why}"))
        })?;
        decode(&shown.to_string(), base_name(path), bytes)
    }

    fn read_stdin() -> Result<Input, Failure> {
        let mut bytes = Vec::new();
        io::stdin()
            .read_to_end(&mut bytes)
            .map_err(|e| Failure(format!("standard input: cannot read: {e}")))?;
        decode("standard input", "stdin".to_owned(), bytes)
    }

    fn decode(shown: &str, name: String, bytes: Vec<u8>) -> Result<Input, Failure> {
        if bytes.contains(&0) {
            return Err(Failure(format!(
                "{shown}: looks like a binary file (it contains NUL bytes), not text"
            )));
        }
        let text = String::from_utf8(bytes).map_err(|e| {
            Failure(format!(
                "{shown}: is not valid UTF-8 text (bad byte at offset {})",
                e.utf8_error().valid_up_to()
            ))
        })?;
        if text.trim_matches(wirediff::text::is_space).is_empty() {
            return Err(Failure(format!("{shown}: is empty")));
        }
        Ok(Input::new(name, text))
    }

    const DELETED: Style = AnsiColor::Red.on_default();
    const INSERTED: Style = AnsiColor::Green.on_default();
    const CHANGED: Style = AnsiColor::Yellow.on_default();
    const DIM: Style = Style::new().dimmed();
    const STRUCK: Style = AnsiColor::Red.on_default().strikethrough();
    const ADDED: Style = AnsiColor::Green.on_default().underline();

    /// Prints a paragraph diff: `  ` equal, `-` deleted, `+` inserted and `~`
    /// changed paragraphs with `[-old-]{+new+}` word changes (coloured instead
    /// of bracketed on a terminal).
    fn print_diff(old: &str, new: &str, diff: &ParagraphDiff) -> Result<(), Failure> {
        let colour = io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none();
        let mut out = anstream::AutoStream::new(
            io::stdout().lock(),
            if colour {
                anstream::ColorChoice::Always
            } else {
                anstream::ColorChoice::Never
            },
        );
        let mut counts = [0usize; 4];
        writeln!(out, "{DELETED}--- {old}{DELETED:#}").map_err(write_failure)?;
        writeln!(out, "{INSERTED}+++ {new}{INSERTED:#}").map_err(write_failure)?;
        for op in &diff.ops {
            let (mark, style, text) = match op.tag {
                DiffTag::Equal => (' ', DIM, op.new_text.trim()),
                DiffTag::Delete => ('-', DELETED, op.old_text.trim()),
                DiffTag::Insert => ('+', INSERTED, op.new_text.trim()),
                DiffTag::Change => ('~', CHANGED, ""),
            };
            counts[op.tag as usize] += 1;
            if op.tag != DiffTag::Change {
                if !text.is_empty() {
                    writeln!(out, "\n{style}{mark} {text}{style:#}").map_err(write_failure)?;
                }
                continue;
            }
            let similarity = op.similarity.unwrap_or(0.0);
            write!(out, "\n{style}~{style:#} ").map_err(write_failure)?;
            let pieces = op.inline.iter().map(|c| (c.tag, c.text.as_str()));
            let last = op.inline.len().saturating_sub(1);
            for (k, (tag, text)) in pieces.enumerate() {
                // Trailing separators of the paragraph are not worth showing.
                let text = if k == last { text.trim_end() } else { text };
                match (tag, colour) {
                    (DiffTag::Delete, true) => write!(out, "{STRUCK}{text}{STRUCK:#}"),
                    (DiffTag::Insert, true) => write!(out, "{ADDED}{text}{ADDED:#}"),
                    (DiffTag::Delete, false) => write!(out, "[-{text}-]"),
                    (DiffTag::Insert, false) => write!(out, "{{+{text}+}}"),
                    _ => write!(out, "{text}"),
                }
                .map_err(write_failure)?;
            }
            writeln!(out, "  {DIM}({:.0}% similar){DIM:#}", similarity * 100.0)
                .map_err(write_failure)?;
        }
        let [equal, deleted, inserted, changed] = counts;
        writeln!(
            out,
            "\n{equal} equal, {changed} changed, {deleted} deleted, {inserted} inserted paragraphs{}",
            if diff.timed_out { " (diff timed out: coarser than usual)" } else { "" }
        )
        .map_err(write_failure)
    }
}
