//! The command line's arguments (clap), and the limits `--help` shows.

use std::path::PathBuf;

use clap::{Parser, Subcommand};

/// The limits, shown at the end of `--help` (README.md, "Limits", says the same).
const LIMITS: &str = "\
Limits: an article file, or standard input, may hold at most 8 MiB
(8,388,608 bytes; the page's 2,000,000 characters fit); reading stops there
with an error. A pipe that no program has open for writing is given up after
2 seconds. Running out of memory is an error too. Every error is one line on
standard error and exit status 2.";

/// See how news articles copy each other.
#[derive(Parser)]
#[command(name = "wirediff", version, about, after_help = LIMITS)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand)]
pub enum Command {
    /// Analyse two or more articles and print the result as JSON.
    #[command(after_help = LIMITS)]
    Analyze {
        /// Article files (UTF-8 text).
        #[arg(required = true, num_args = 1..)]
        files: Vec<PathBuf>,
        /// Minimum similarity (0 to 1) for two sentences to be linked.
        #[arg(long, default_value_t = wirediff::options::THRESHOLD)]
        threshold: f64,
        /// Sentences with fewer words are never linked.
        #[arg(long, default_value_t = wirediff::options::MIN_WORDS)]
        min_words: usize,
        /// Minimum paraphrase score (0 to 1) for rewritten sentences to be linked.
        #[arg(long, default_value_t = wirediff::options::PARAPHRASE_THRESHOLD)]
        paraphrase_threshold: f64,
        /// Link only copied and lightly edited sentences, not paraphrases.
        #[arg(long)]
        no_paraphrases: bool,
        /// Leave out the paragraph diffs. By default they are included for
        /// up to 10 articles (45 pairs) and left out for more; `wirediff
        /// diff OLD NEW` diffs one pair.
        #[arg(long, conflicts_with = "diffs")]
        no_diffs: bool,
        /// Include the paragraph diff of every pair of articles, however
        /// many: n articles give n(n-1)/2 diffs, so 1000 give 499,500.
        #[arg(long)]
        diffs: bool,
        /// Print compact JSON on one line.
        #[arg(long)]
        compact: bool,
    },
    /// Print the sentences of a file (standard input when none) as a JSON array.
    #[command(after_help = LIMITS)]
    Segment { file: Option<PathBuf> },
    /// Print a readable paragraph diff of two articles.
    #[command(after_help = LIMITS)]
    Diff { old: PathBuf, new: PathBuf },
    /// Score sentence boundaries and cross-article links against labelled data.
    Eval {
        /// Labelled sentence-boundary cases (JSON lines); repeatable. By
        /// default the news cases, the English Golden Rules and pySBD's
        /// English tests.
        #[arg(long, default_values = [
            "tests/data/eval/boundaries.jsonl",
            "tests/data/eval/golden_rules.jsonl",
            "tests/data/eval/pysbd_english.jsonl",
        ])]
        boundaries: Vec<PathBuf>,
        /// A directory of articles (*.txt) with gold links in links.jsonl; repeatable.
        #[arg(long = "set", default_values = [
            "tests/data/seeds",
            "tests/data/eval/second",
            "tests/data/eval/third",
            "tests/data/eval/events/mexico-quake-2022",
            "tests/data/eval/events/haneda-collision-2024",
            "tests/data/eval/events/cebu-quake-2025",
            "tests/data/eval/events/boeing-job-cuts-2024",
        ])]
        sets: Vec<PathBuf>,
        /// Minimum similarity (0 to 1) for two sentences to be linked.
        #[arg(long, default_value_t = wirediff::options::THRESHOLD)]
        threshold: f64,
        /// Minimum paraphrase score (0 to 1) for rewritten sentences to be linked.
        #[arg(long, default_value_t = wirediff::options::PARAPHRASE_THRESHOLD)]
        paraphrase_threshold: f64,
        /// Labelled sentence pairs in the MRPC format (e.g. a local copy of
        /// MRPC's training split, msr_paraphrase_train.txt: its licence keeps
        /// it out of the repository); scored as "paraphrase" when the engine
        /// links the two sentences. MRPC's test split is refused: it is kept
        /// for checking, never for development.
        #[arg(long, value_name = "FILE")]
        pairs: Option<PathBuf>,
        /// Instead of the report, write the rewrite model's examples to FILE
        /// (tab-separated: source, label, near, judgeable, then the measures of
        /// wirediff::cluster::features): every pair the rewrite decision
        /// judges in each --set, labelled by its gold links, and every pair
        /// of --pairs. `scripts/train-links` learns the weights from them. A
        /// held-out set (a directory holding HELD_OUT) is refused, so the
        /// sets must be named with --set.
        #[arg(long, value_name = "FILE")]
        features: Option<PathBuf>,
        /// Also list every wrong boundary case and every wrong or missed link.
        #[arg(long)]
        verbose: bool,
    },
}
