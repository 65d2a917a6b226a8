//! The `wirediff` command line: analyse, segment and diff article files.
//!
//! A thin shell around the library: it reads files (bounded, see
//! [`cli::input`]), calls `wirediff`, prints JSON or a diff, and turns every
//! failure, running out of memory included ([`cli::memory`]), into one line on
//! standard error and exit status 2.

// WebAssembly builds (the page's, and wasm32-wasip1 for the 32-bit tests)
// have no command line.
#[cfg(target_family = "wasm")]
fn main() {}

#[cfg(not(target_family = "wasm"))]
fn main() -> std::process::ExitCode {
    cli::main()
}

/// Out of memory is a one-line error with exit status 2, not an abort.
#[cfg(unix)]
#[global_allocator]
static ALLOCATOR: cli::memory::OneLineFailure = cli::memory::OneLineFailure;

#[cfg(not(target_family = "wasm"))]
mod cli {
    use std::io::{self, BufWriter, IsTerminal, Write};
    use std::path::{Path, PathBuf};
    use std::process::ExitCode;

    use anstyle::{AnsiColor, Style};
    use clap::{Parser, Subcommand};
    use wirediff::{DiffTag, Input, Options, ParagraphDiff};

    /// Exit status of every failure: bad input, bad options, out of memory
    /// (clap uses it for bad arguments too).
    pub const EXIT_FAILURE: u8 = 2;

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
    struct Cli {
        #[command(subcommand)]
        command: Command,
    }

    #[derive(Subcommand)]
    enum Command {
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
            /// Labelled sentence-boundary cases (JSON lines).
            #[arg(long, default_value = "tests/data/eval/boundaries.jsonl")]
            boundaries: PathBuf,
            /// A directory of articles (*.txt) with gold links in links.jsonl; repeatable.
            #[arg(long = "set", default_values = ["tests/data/seeds", "tests/data/eval/second", "tests/data/eval/third"])]
            sets: Vec<PathBuf>,
            /// Minimum similarity (0 to 1) for two sentences to be linked.
            #[arg(long, default_value_t = wirediff::options::THRESHOLD)]
            threshold: f64,
            /// Minimum paraphrase score (0 to 1) for rewritten sentences to be linked.
            #[arg(long, default_value_t = wirediff::options::PARAPHRASE_THRESHOLD)]
            paraphrase_threshold: f64,
            /// Also list every wrong boundary case and every wrong or missed link.
            #[arg(long)]
            verbose: bool,
        },
    }

    use wirediff::options::ALL_PAIRS_UP_TO;

    /// A failure to report on one line before exiting with status 2.
    pub struct Failure(String);

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
                let analysis =
                    wirediff::analyze(&inputs, &options).map_err(|e| match e.kind() {
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
                print_diff(&quote(&a.name), &quote(&b.name), &diff)
            }
        }
    }

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
        for line in lines {
            writeln!(out, "{line}").map_err(write_failure)?;
        }
        Ok(())
    }

    /// Streams the JSON to standard output: the CLI never holds the whole
    /// text in memory (a large analysis is several times its input).
    fn print_json<T: serde::Serialize>(value: &T, compact: bool) -> Result<(), Failure> {
        let mut out = BufWriter::new(io::stdout().lock());
        if compact {
            serde_json::to_writer(&mut out, value)
        } else {
            serde_json::to_writer_pretty(&mut out, value)
        }
        .map_err(|e| {
            if e.is_io() {
                write_failure(e.into())
            } else {
                Failure(format!("cannot encode the result: {e}"))
            }
        })?;
        writeln!(out)
            .and_then(|()| out.flush())
            .map_err(write_failure)
    }

    const BROKEN_PIPE: &str = "broken pipe";

    fn write_failure(e: io::Error) -> Failure {
        if e.kind() == io::ErrorKind::BrokenPipe {
            return Failure(BROKEN_PIPE.to_owned());
        }
        Failure(format!("cannot write the output: {e}"))
    }

    /// A name as written, or quoted with Rust's escapes (`"a\nb.txt"`) when
    /// it holds a line break, another control or invisible character, a quote
    /// or backslash, or space at either end, so every message stays one
    /// unambiguous line.
    pub fn quote(name: &str) -> String {
        let quoted = format!("{name:?}");
        let plain = !name.is_empty() && quoted.len() == name.len() + 2 && name.trim() == name;
        if plain { name.to_owned() } else { quoted }
    }

    /// A path as written, or quoted like [`quote`]; bytes that are not UTF-8
    /// show as `\xNN`.
    pub fn quote_path(path: &Path) -> String {
        match path.to_str() {
            Some(name) => quote(name),
            None => format!("{path:?}"),
        }
    }

    fn base_name(path: &Path) -> String {
        path.file_name().map_or_else(
            || path.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        )
    }

    /// Reads an article file, refusing anything that is not non-empty UTF-8 text.
    fn read_article(path: &Path) -> Result<Input, Failure> {
        let shown = quote_path(path);
        let bytes = input::read_file(path, &shown)?;
        decode(&shown, base_name(path), bytes)
    }

    fn read_stdin() -> Result<Input, Failure> {
        let shown = "standard input";
        let bytes = input::read_stream(io::stdin().lock(), shown, Vec::new(), 0)?;
        decode(shown, "stdin".to_owned(), bytes)
    }

    fn decode(shown: &str, name: String, bytes: Vec<u8>) -> Result<Input, Failure> {
        if let Some((encoding, iconv)) = input::utf16_or_32(&bytes) {
            return Err(Failure(format!(
                "{shown}: is {encoding} text, not UTF-8 (convert it, e.g. `iconv -f {iconv} -t UTF-8`)"
            )));
        }
        if bytes.contains(&0) {
            return Err(Failure(format!(
                "{shown}: looks like a binary file (it contains NUL bytes), not text"
            )));
        }
        // A UTF-8 byte-order mark is valid UTF-8; the library skips it.
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

    /// Reading articles: at most [`input::MAX_BYTES`] each, and never stuck
    /// on a pipe that no program writes to.
    pub mod input {
        use std::fs::{File, Metadata};
        use std::io::{self, Read};
        use std::path::Path;
        use std::time::Duration;

        use super::{Failure, memory};

        /// The most bytes read from one article file or from standard input:
        /// 8 MiB. The page takes up to 2,000,000 characters (UTF-16 units) per
        /// article, at most 6,000,000 bytes of UTF-8, so whatever the page
        /// takes, the CLI takes.
        pub const MAX_BYTES: usize = 8 * 1024 * 1024;

        /// How long a pipe may have no writer before it is given up.
        pub const PIPE_WAIT: Duration = Duration::from_secs(2);

        /// Reads a file, a pipe (a FIFO, `<(cat a)`) or a device such as
        /// `/dev/stdin`, refusing directories and anything over the limit.
        pub fn read_file(path: &Path, shown: &str) -> Result<Vec<u8>, Failure> {
            let file = open(path).map_err(|e| {
                if path.is_dir() {
                    is_a_directory(shown)
                } else {
                    cannot_read(shown, &e)
                }
            })?;
            let meta = file.metadata().map_err(|e| cannot_read(shown, &e))?;
            if meta.is_dir() {
                return Err(is_a_directory(shown));
            }
            if meta.is_file() && meta.len() > MAX_BYTES as u64 {
                return Err(too_large(shown, Some(meta.len())));
            }
            let first = wait_for_writer(&file, &meta, shown)?;
            set_blocking(&file).map_err(|e| cannot_read(shown, &e))?;
            // A regular file's size is known: reserve it exactly, once.
            let expected = if meta.is_file() {
                meta.len() as usize
            } else {
                0
            };
            read_stream(file, shown, first, expected)
        }

        /// Reads to the end after `bytes` (what was read already), failing at
        /// the limit; `expected` is the size to reserve up front.
        pub fn read_stream(
            mut reader: impl Read,
            shown: &str,
            mut bytes: Vec<u8>,
            expected: usize,
        ) -> Result<Vec<u8>, Failure> {
            let exact = expected.saturating_sub(bytes.len());
            memory::try_reserve_exact(&mut bytes, exact).map_err(|_| no_memory(shown, expected))?;
            let mut chunk = [0u8; 64 * 1024];
            loop {
                let n = match reader.read(&mut chunk) {
                    Ok(0) => return Ok(bytes),
                    Ok(n) => n,
                    Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                    Err(e) => return Err(cannot_read(shown, &e)),
                };
                if bytes.len() + n > MAX_BYTES {
                    return Err(too_large(shown, None));
                }
                memory::try_reserve(&mut bytes, n)
                    .map_err(|_| no_memory(shown, bytes.len() + n))?;
                bytes.extend_from_slice(&chunk[..n]);
            }
        }

        /// The encoding of text in UTF-16 or UTF-32, and the name `iconv`
        /// reads it by, known by its byte-order mark or, for UTF-16 without
        /// one, by the NUL byte that ASCII text has in every other place.
        pub fn utf16_or_32(bytes: &[u8]) -> Option<(&'static str, &'static str)> {
            if bytes.starts_with(&[0xFF, 0xFE, 0, 0]) || bytes.starts_with(&[0, 0, 0xFE, 0xFF]) {
                return Some(("UTF-32", "UTF-32"));
            }
            if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
                return Some(("UTF-16", "UTF-16"));
            }
            let pairs = bytes[..bytes.len().min(4096)].chunks_exact(2);
            let n = pairs.len();
            let (mut little, mut big) = (0, 0);
            for pair in pairs {
                match pair {
                    [0, 0] => {}
                    [_, 0] => little += 1,
                    [0, _] => big += 1,
                    _ => {}
                }
            }
            // Three pairs in four leave room for some non-ASCII characters.
            match (little * 4 >= n * 3, big * 4 >= n * 3) {
                _ if n < 2 => None,
                (true, _) => Some(("UTF-16", "UTF-16LE")),
                (_, true) => Some(("UTF-16", "UTF-16BE")),
                _ => None,
            }
        }

        /// Opens without blocking: opening a FIFO for reading otherwise waits
        /// until some program opens it for writing, perhaps forever.
        #[cfg(unix)]
        fn open(path: &Path) -> io::Result<File> {
            use std::os::unix::fs::OpenOptionsExt;
            std::fs::OpenOptions::new()
                .read(true)
                .custom_flags(libc::O_NONBLOCK)
                .open(path)
        }

        #[cfg(not(unix))]
        fn open(path: &Path) -> io::Result<File> {
            File::open(path)
        }

        /// Waits for a FIFO's writer and returns what it read. On a pipe
        /// opened without blocking, a read tells the cases apart: data; no
        /// data yet from a writer that has it open (as with `<(slow
        /// command)`: the rest of the read waits for it as long as it takes);
        /// or end of file, which means no program has it open for writing:
        /// then one has [`PIPE_WAIT`] to open it.
        #[cfg(unix)]
        fn wait_for_writer(
            mut file: &File,
            meta: &Metadata,
            shown: &str,
        ) -> Result<Vec<u8>, Failure> {
            use std::os::unix::fs::FileTypeExt;
            if !meta.file_type().is_fifo() {
                return Ok(Vec::new());
            }
            let deadline = std::time::Instant::now() + PIPE_WAIT;
            let mut first = [0u8; 4096];
            loop {
                match file.read(&mut first) {
                    Ok(0) if std::time::Instant::now() < deadline => {
                        std::thread::sleep(Duration::from_millis(20));
                    }
                    Ok(0) => {
                        return Err(Failure(format!(
                            "{shown}: nothing to read after waiting {} s: a pipe with no writer?",
                            PIPE_WAIT.as_secs()
                        )));
                    }
                    Ok(n) => return Ok(first[..n].to_vec()),
                    Err(e) if e.kind() == io::ErrorKind::WouldBlock => return Ok(Vec::new()),
                    Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                    Err(e) => return Err(cannot_read(shown, &e)),
                }
            }
        }

        #[cfg(not(unix))]
        fn wait_for_writer(_: &File, _: &Metadata, _: &str) -> Result<Vec<u8>, Failure> {
            Ok(Vec::new())
        }

        /// Clears the `O_NONBLOCK` that [`open`] set, so that reads wait for
        /// a slow writer (or a terminal) instead of failing.
        #[cfg(unix)]
        fn set_blocking(file: &File) -> io::Result<()> {
            use std::os::fd::AsRawFd;
            let fd = file.as_raw_fd();
            // SAFETY: F_GETFL and F_SETFL on a descriptor that `file` owns
            // and keeps open; no memory is passed.
            let flags = unsafe { libc::fcntl(fd, libc::F_GETFL) };
            if flags == -1
                || unsafe { libc::fcntl(fd, libc::F_SETFL, flags & !libc::O_NONBLOCK) } == -1
            {
                return Err(io::Error::last_os_error());
            }
            Ok(())
        }

        #[cfg(not(unix))]
        fn set_blocking(_: &File) -> io::Result<()> {
            Ok(())
        }

        fn is_a_directory(shown: &str) -> Failure {
            Failure(format!("{shown}: is a directory, not an article file"))
        }

        fn cannot_read(shown: &str, e: &io::Error) -> Failure {
            let why = match e.kind() {
                io::ErrorKind::NotFound => "no such file".to_owned(),
                io::ErrorKind::PermissionDenied => "permission denied".to_owned(),
                _ => e.to_string(),
            };
            Failure(format!("{shown}: cannot read: {why}"))
        }

        fn too_large(shown: &str, size: Option<u64>) -> Failure {
            let what = match size {
                Some(size) => format!("is {size} bytes, more than"),
                None => "holds more than".to_owned(),
            };
            Failure(format!(
                "{shown}: {what} the 8 MiB (8,388,608 bytes) that wirediff reads from one article"
            ))
        }

        fn no_memory(shown: &str, bytes: usize) -> Failure {
            Failure(format!(
                "{shown}: not enough memory to read it ({bytes} bytes)"
            ))
        }
    }

    /// Out of memory as an error: one line and exit status 2.
    ///
    /// Rust's default on a failed allocation is to print `memory allocation
    /// of N bytes failed` and abort (SIGABRT, perhaps a core dump); the hook
    /// that would change it (`std::alloc::set_alloc_error_hook`) is unstable.
    /// So the global allocator itself reacts: [`OneLineFailure`] passes every
    /// call to [`System`] and, when the system has no memory left, writes one
    /// fixed line to standard error with `write(2)` and ends the process with
    /// `_exit(2)`. An allocator must not unwind (panic), and that path does
    /// not: it allocates nothing, takes no lock, and runs no destructor or
    /// `atexit` handler that could allocate again. Buffered output is lost,
    /// as it would be with an abort.
    ///
    /// [`try_reserve`] and [`try_reserve_exact`] mark their allocation as
    /// fallible, so a failure there returns to the caller, which names what
    /// it was reading. The mark is process-wide: the CLI runs on one thread.
    /// (Were another thread to fail meanwhile, it would get std's abort.)
    pub mod memory {
        use std::alloc::{GlobalAlloc, Layout, System};
        use std::collections::TryReserveError;
        use std::sync::atomic::{AtomicBool, Ordering};

        /// While set, a failed allocation returns null to its caller.
        static FALLIBLE: AtomicBool = AtomicBool::new(false);

        /// The system allocator, with a one-line error instead of an abort.
        pub struct OneLineFailure;

        // SAFETY: every call is passed to `System` with the same arguments;
        // only a null result is acted on, and that path never returns.
        unsafe impl GlobalAlloc for OneLineFailure {
            unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
                checked(unsafe { System.alloc(layout) }, layout.size())
            }

            unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
                checked(unsafe { System.alloc_zeroed(layout) }, layout.size())
            }

            unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
                unsafe { System.dealloc(ptr, layout) }
            }

            unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
                checked(unsafe { System.realloc(ptr, layout, new_size) }, new_size)
            }
        }

        fn checked(ptr: *mut u8, size: usize) -> *mut u8 {
            if ptr.is_null() && !FALLIBLE.load(Ordering::Relaxed) {
                out_of_memory(size);
            }
            ptr
        }

        /// `Vec::try_reserve`, failing with an error rather than ending the process.
        pub fn try_reserve(bytes: &mut Vec<u8>, additional: usize) -> Result<(), TryReserveError> {
            fallibly(|| bytes.try_reserve(additional))
        }

        /// `Vec::try_reserve_exact`, failing with an error rather than ending the process.
        pub fn try_reserve_exact(
            bytes: &mut Vec<u8>,
            additional: usize,
        ) -> Result<(), TryReserveError> {
            fallibly(|| bytes.try_reserve_exact(additional))
        }

        fn fallibly<T>(f: impl FnOnce() -> T) -> T {
            FALLIBLE.store(true, Ordering::Relaxed);
            let result = f();
            FALLIBLE.store(false, Ordering::Relaxed);
            result
        }

        /// The line, built on the stack: `wirediff: error: out of memory …`.
        #[cfg(unix)]
        fn out_of_memory(size: usize) -> ! {
            let mut line = Line::default();
            line.push(b"wirediff: error: out of memory (an allocation of ");
            line.push_number(size);
            line.push(b" bytes failed): try fewer or smaller articles");
            line.push(b", or analyze --no-diffs\n");
            let mut rest = &line.bytes[..line.len];
            while !rest.is_empty() {
                // SAFETY: writes initialised bytes from a live stack buffer
                // to standard error; allocates nothing.
                let n =
                    unsafe { libc::write(libc::STDERR_FILENO, rest.as_ptr().cast(), rest.len()) };
                if n <= 0 {
                    break;
                }
                rest = &rest[n as usize..];
            }
            // SAFETY: `_exit` ends the process at once; it is safe to call
            // anywhere, in an allocator too (it is async-signal-safe).
            unsafe { libc::_exit(super::EXIT_FAILURE.into()) }
        }

        #[cfg(not(unix))]
        fn out_of_memory(size: usize) -> ! {
            std::alloc::handle_alloc_error(Layout::from_size_align(size, 1).unwrap())
        }

        /// A fixed-size line, so that reporting needs no allocation.
        struct Line {
            bytes: [u8; 192],
            len: usize,
        }

        impl Default for Line {
            fn default() -> Self {
                Line {
                    bytes: [0; 192],
                    len: 0,
                }
            }
        }

        impl Line {
            fn push(&mut self, text: &[u8]) {
                let n = text.len().min(self.bytes.len() - self.len);
                self.bytes[self.len..self.len + n].copy_from_slice(&text[..n]);
                self.len += n;
            }

            fn push_number(&mut self, mut n: usize) {
                let mut digits = [0u8; 20];
                let mut start = digits.len();
                loop {
                    start -= 1;
                    digits[start] = b'0' + (n % 10) as u8;
                    n /= 10;
                    if n == 0 {
                        break;
                    }
                }
                self.push(&digits[start..]);
            }
        }
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

    #[cfg(test)]
    mod tests {
        use super::input::{MAX_BYTES, read_stream, utf16_or_32};
        use super::quote;

        #[test]
        fn names_are_quoted_only_when_they_need_it() {
            assert_eq!(quote("a/b c.txt"), "a/b c.txt");
            assert_eq!(quote("é/日本.txt"), "é/日本.txt");
            assert_eq!(quote("a\nb.txt"), r#""a\nb.txt""#);
            assert_eq!(quote("tab\t"), r#""tab\t""#);
            assert_eq!(quote("say \"hi\""), r#""say \"hi\"""#);
            assert_eq!(quote("trailing "), r#""trailing ""#);
            assert_eq!(quote(""), r#""""#);
        }

        #[test]
        fn reading_takes_the_limit_and_not_a_byte_more() {
            let full = vec![b'a'; MAX_BYTES];
            let got = read_stream(&full[..], "x", Vec::new(), 0).ok().unwrap();
            assert_eq!(got.len(), MAX_BYTES);
            let over = vec![b'a'; MAX_BYTES + 1];
            let failure = read_stream(&over[..], "x", Vec::new(), 0).err().unwrap();
            assert!(
                failure.0.contains("holds more than the 8 MiB"),
                "{}",
                failure.0
            );
            let got = read_stream(&b"cd"[..], "x", b"ab".to_vec(), 4)
                .ok()
                .unwrap();
            assert_eq!(got, b"abcd");
        }

        #[test]
        fn utf16_is_told_from_binary() {
            assert_eq!(utf16_or_32(b"A\0B\0C\0"), Some(("UTF-16", "UTF-16LE")));
            assert_eq!(utf16_or_32(b"\0A\0B\0C"), Some(("UTF-16", "UTF-16BE")));
            assert_eq!(
                utf16_or_32(b"\xFF\xFE\0\0A\0\0\0"),
                Some(("UTF-32", "UTF-32"))
            );
            assert_eq!(utf16_or_32(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"), None);
            assert_eq!(utf16_or_32(b"\0\0\0\0\0\0"), None);
            assert_eq!(utf16_or_32(b"A\0"), None);
            assert_eq!(utf16_or_32("plain UTF-8 text".as_bytes()), None);
        }
    }
}
