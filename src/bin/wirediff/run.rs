//! Running one command: read, call the library, print; every failure is a
//! [`Failure`] with one line to show.

use std::process::ExitCode;

use clap::Parser;
use wirediff::Options;

use crate::args::{Cli, Command};
use crate::eval_report::{evaluate, write_features};
use crate::input::{quote, quote_path, read_article, read_stdin};
use crate::print::{BROKEN_PIPE, print_diff, print_json};
use crate::{EXIT_FAILURE, Failure};

use wirediff::options::ALL_PAIRS_UP_TO;

pub fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli.command) {
        Ok(()) => ExitCode::SUCCESS,
        // A reader that stops early (`| head`) is not an error.
        Err(Failure(message)) if message == BROKEN_PIPE => ExitCode::SUCCESS,
        Err(Failure(message)) => {
            // Paths are quoted where they are formatted; this keeps any
            // other line break (from a library message) out as well.
            let message = message.replace('\n', "\\n").replace('\r', "\\r");
            eprintln!("wirediff: error: {message}");
            ExitCode::from(EXIT_FAILURE)
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
            diffs,
            compact,
        } => {
            if let [only] = files.as_slice() {
                return Err(Failure(format!(
                    "{}: analyze needs at least two article files to compare",
                    quote_path(only)
                )));
            }
            let inputs = files
                .iter()
                .map(|f| read_article(f))
                .collect::<Result<Vec<_>, _>>()?;
            let options = Options {
                threshold,
                min_words,
                diffs: diffs || (!no_diffs && files.len() <= ALL_PAIRS_UP_TO),
                paraphrases: !no_paraphrases,
                paraphrase_threshold,
                ..Options::default()
            };
            let analysis = wirediff::analyze(&inputs, &options).map_err(|e| match e.kind() {
                // Base names can repeat (`a/same.txt`, `b/same.txt`): name the path.
                &wirediff::ErrorKind::EmptyArticle { index, .. } => Failure(format!(
                    "{}: the article has no words",
                    quote_path(&files[index])
                )),
                _ => e.into(),
            })?;
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
            pairs,
            features,
            verbose,
        } => {
            let options = Options {
                threshold,
                paraphrase_threshold,
                ..Options::default()
            };
            match features {
                Some(out) => write_features(&out, &sets, pairs.as_deref(), &options),
                None => evaluate(&boundaries, &sets, pairs.as_deref(), &options, verbose),
            }
        }
        Command::Diff { old, new } => {
            let (a, b) = (read_article(&old)?, read_article(&new)?);
            // The analysis of the two, when both have words, pairs the
            // paragraphs that hold linked sentences, as the page does.
            let inputs = [a.clone(), b.clone()];
            let diff = match wirediff::analyze(&inputs, &Options::default()) {
                Ok(mut analysis) => analysis.diffs.swap_remove(0),
                Err(_) => wirediff::diff_texts(&a.text, &b.text, &Options::default()),
            };
            print_diff(&quote(&a.name), &quote(&b.name), &diff)
        }
    }
}
