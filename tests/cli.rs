//! The `wirediff` command line, run as a user would.
// It runs the binary, which a WebAssembly target cannot spawn.
#![cfg(not(target_family = "wasm"))]

mod common;

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

fn wirediff(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_wirediff"))
        .args(args)
        .env("NO_COLOR", "1")
        .output()
        .expect("run wirediff")
}

fn seed(i: usize) -> String {
    common::seed_paths()[i].display().to_string()
}

/// A scratch file with the given bytes, unique to this test process.
fn scratch(name: &str, bytes: &[u8]) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("wirediff-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

#[test]
fn analyze_prints_the_json_contract() {
    let files: Vec<String> = (0..5).map(seed).collect();
    let args: Vec<&str> = ["analyze"]
        .into_iter()
        .chain(files.iter().map(String::as_str))
        .collect();
    let out = wirediff(&args);
    assert!(out.status.success(), "{}", stderr(&out));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let articles = json["articles"].as_array().unwrap();
    assert_eq!(articles.len(), 5);
    for (i, a) in articles.iter().enumerate() {
        let name = Path::new(&files[i]).file_name().unwrap().to_str().unwrap();
        assert_eq!(a["name"], name);
        let text = std::fs::read_to_string(&files[i]).unwrap();
        assert!(!a["paragraphs"].as_array().unwrap().is_empty());
        for s in a["sentences"].as_array().unwrap() {
            let (start, end) = (
                s["start"].as_u64().unwrap() as usize,
                s["end"].as_u64().unwrap() as usize,
            );
            assert_eq!(s["text"], text[start..end]);
            assert!(s["paragraph"].is_u64());
        }
    }
    let clusters = json["clusters"].as_array().unwrap();
    assert!(!clusters.is_empty());
    for c in clusters {
        assert!(["verbatim", "near", "paraphrase"].contains(&c["kind"].as_str().unwrap()));
        assert!(c["similarity"].is_f64());
        for m in c["members"].as_array().unwrap() {
            assert!(m["article"].is_u64() && m["sentence"].is_u64());
            assert!(["verbatim", "near", "paraphrase"].contains(&m["kind"].as_str().unwrap()));
            assert!(m["shared"].is_array() && m["run_start"].is_u64());
        }
    }
    // Links join sentences of different articles that no cluster holds
    // together, and both sentences list the link.
    let sentence = |end: &serde_json::Value| {
        json["articles"][end["article"].as_u64().unwrap() as usize]["sentences"]
            [end["sentence"].as_u64().unwrap() as usize]
            .clone()
    };
    let links = json["links"].as_array().unwrap();
    for (l, link) in links.iter().enumerate() {
        let (a, b) = (sentence(&link["a"]), sentence(&link["b"]));
        assert_ne!(link["a"]["article"], link["b"]["article"]);
        assert!(
            a["cluster"].is_null() || a["cluster"] != b["cluster"],
            "{link}"
        );
        for s in [&a, &b] {
            assert!(s["links"].as_array().unwrap().contains(&l.into()));
        }
        assert!(["verbatim", "near", "paraphrase"].contains(&link["kind"].as_str().unwrap()));
        assert!(link["score"].is_f64() && link["a"]["shared"].is_array());
    }
    assert_eq!(json["diffs"].as_array().unwrap().len(), 10);
    assert_eq!(json["overlap"]["unique"].as_array().unwrap().len(), 5);
    for p in json["overlap"]["pairs"].as_array().unwrap() {
        assert!(p["a"].as_u64() < p["b"].as_u64() && p["a_in_b"].is_f64() && p["b_in_a"].is_f64());
    }
}

#[test]
fn threshold_option_changes_the_links() {
    let loose = wirediff(&[
        "analyze",
        "--compact",
        "--no-diffs",
        "--threshold",
        "0.3",
        &seed(0),
        &seed(3),
    ]);
    let strict = wirediff(&[
        "analyze",
        "--compact",
        "--no-diffs",
        "--threshold",
        "0.99",
        &seed(0),
        &seed(3),
    ]);
    let count = |o: &Output| {
        let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
        assert_eq!(v["diffs"].as_array().unwrap().len(), 0);
        v["clusters"].as_array().unwrap().len()
    };
    assert!(count(&loose) > count(&strict));
    let bad = wirediff(&["analyze", "--threshold", "1.5", &seed(0), &seed(3)]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(stderr(&bad).contains("threshold"));
}

#[test]
fn all_pairs_diffs_only_for_a_handful_of_articles_unless_asked() {
    let diffs = |args: &[&str]| -> usize {
        let out = wirediff(args);
        assert!(out.status.success(), "{}", stderr(&out));
        let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        assert_eq!(
            v["options"]["diffs"],
            !v["diffs"].as_array().unwrap().is_empty()
        );
        v["diffs"].as_array().unwrap().len()
    };
    // Eleven articles (the seeds, some twice): 55 pairs, more than the default covers.
    let eleven: Vec<String> = (0..11).map(|k| seed(k % 5)).collect();
    let mut args = vec!["analyze", "--compact"];
    args.extend(eleven.iter().map(String::as_str));
    assert_eq!(diffs(&args), 0);
    args.insert(1, "--diffs");
    assert_eq!(diffs(&args), 55);
    // Ten or fewer: every pair, unless asked not to.
    let ten = &eleven[..10];
    let mut args = vec!["analyze", "--compact"];
    args.extend(ten.iter().map(String::as_str));
    assert_eq!(diffs(&args), 45);
    args.insert(1, "--no-diffs");
    assert_eq!(diffs(&args), 0);
    let both = wirediff(&["analyze", "--diffs", "--no-diffs", &seed(0), &seed(1)]);
    assert_eq!(both.status.code(), Some(2));
}

#[test]
fn segment_reads_a_file_or_standard_input() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_wirediff"))
        .arg("segment")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all("Mr. Lee met the U.S. envoy. “Fine,” he said.\nHeadline".as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    let got: Vec<String> = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        got,
        [
            "Mr. Lee met the U.S. envoy.",
            "“Fine,” he said.",
            "Headline"
        ]
    );
    let from_file = wirediff(&["segment", &seed(0)]);
    let got: Vec<String> = serde_json::from_slice(&from_file.stdout).unwrap();
    assert_eq!(
        got[0],
        "Nvidia CEO Praises China's AI Models as Chip Sales Set to Resume"
    );
}

#[test]
fn diff_shows_changed_paragraphs_with_word_changes() {
    let a = scratch(
        "a.txt",
        "Title\n\nThe council voted 5-2 to approve the budget on Monday.\n".as_bytes(),
    );
    let b = scratch(
        "b.txt",
        "Title\n\nThe city council voted 5-2 on Monday to approve the budget.\n".as_bytes(),
    );
    let out = wirediff(&["diff", a.to_str().unwrap(), b.to_str().unwrap()]);
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("~ The {+city +}council"), "{text}");
    assert!(
        text.contains("1 equal, 1 changed, 0 merged, 0 split, 0 moved, 0 deleted, 0 inserted"),
        "{text}"
    );
}

#[test]
fn diff_shows_a_moved_paragraph_where_it_was_and_where_it_went() {
    let lead = "The council voted to approve the new budget on Monday night.";
    let quote = "\u{201c}This is a good day for the city,\u{201d} the mayor said after the vote.";
    let a = scratch(
        "moved-a.txt",
        format!("Budget passes\n\n{lead}\n\n{quote}\n\nThe plan now goes to the state.\n")
            .as_bytes(),
    );
    let b = scratch(
        "moved-b.txt",
        format!("Budget passes\n\n{quote}\n\nThe plan now goes to the state.\n\n{lead}\n")
            .as_bytes(),
    );
    let out = wirediff(&["diff", a.to_str().unwrap(), b.to_str().unwrap()]);
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains(&format!("< {lead}  (moved to paragraph 4 of the new)")),
        "{text}"
    );
    assert!(
        text.contains(&format!("> {lead}  (moved from paragraph 2 of the old)")),
        "{text}"
    );
    assert!(
        text.contains("3 equal, 0 changed, 0 merged, 0 split, 1 moved, 0 deleted, 0 inserted"),
        "{text}"
    );
}

#[test]
fn bad_input_is_a_one_line_error_with_status_2() {
    let dir = std::env::temp_dir();
    let cases: Vec<(String, &str)> = vec![
        ("/no/such/article.txt".into(), "no such file"),
        (dir.display().to_string(), "is a directory"),
        (
            scratch("latin1.txt", b"caf\xe9 au lait")
                .display()
                .to_string(),
            "not valid UTF-8",
        ),
        (
            scratch("image.bin", b"\x89PNG\r\n\x1a\n\0\0\0")
                .display()
                .to_string(),
            "binary",
        ),
        (
            scratch("blank.txt", b" \n\r\n ").display().to_string(),
            "is empty",
        ),
    ];
    for (path, why) in cases {
        let out = wirediff(&["analyze", &path, &seed(0)]);
        assert_eq!(out.status.code(), Some(2), "{path}");
        let err = stderr(&out);
        assert_eq!(err.lines().count(), 1, "{err}");
        assert!(err.contains(&path) && err.contains(why), "{err}");
        assert!(out.stdout.is_empty());
    }
    let one = wirediff(&["analyze", &seed(1)]);
    assert_eq!(one.status.code(), Some(2));
    assert!(stderr(&one).contains(&seed(1)) && stderr(&one).contains("two"));
}

// Issue 9: bad input gets a one-line error and exit status 2; running out of
// memory is an error, not an abort.

/// Runs `command` and kills it if it takes longer than `limit`, so that a
/// test of a hang cannot hang.
fn wirediff_within(limit: Duration, mut command: Command) -> Output {
    let mut child = command
        .env("NO_COLOR", "1")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run wirediff");
    let start = Instant::now();
    while child.try_wait().unwrap().is_none() {
        if start.elapsed() > limit {
            child.kill().unwrap();
            panic!("wirediff still running after {limit:?}");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    child.wait_with_output().unwrap()
}

fn command(args: &[&str]) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_wirediff"));
    command.args(args);
    command
}

/// A one-line error with exit status 2 and nothing on standard output.
fn assert_one_line_error(out: &Output, expected: &str) {
    let err = stderr(out);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.starts_with("wirediff: error: "), "{err}");
    assert!(err.contains(expected), "{expected:?} not in {err}");
    assert!(out.stdout.is_empty());
}

/// A FIFO made with `mkfifo`, in a fresh directory.
#[cfg(unix)]
fn fifo(name: &str) -> PathBuf {
    let path = scratch_dir(name).join("fifo");
    let status = Command::new("mkfifo").arg(&path).status().expect("mkfifo");
    assert!(status.success());
    path
}

fn scratch_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir()
        .join(format!("wirediff-cli-{}", std::process::id()))
        .join(name);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[cfg(unix)]
#[test]
fn fifo_without_writer_is_an_error_not_a_hang() {
    let f = fifo("no-writer");
    let out = wirediff_within(
        Duration::from_secs(20),
        command(&["analyze", f.to_str().unwrap(), &seed(0)]),
    );
    assert_one_line_error(
        &out,
        "nothing to read after waiting 2 s: a pipe with no writer?",
    );
    assert!(stderr(&out).contains(f.to_str().unwrap()));
}

#[cfg(unix)]
#[test]
fn fifo_whose_writer_comes_late_is_read() {
    let f = fifo("late-writer");
    let writer = {
        let f = f.clone();
        std::thread::spawn(move || {
            std::thread::sleep(Duration::from_millis(500));
            std::fs::write(&f, std::fs::read(seed(1)).unwrap()).unwrap();
        })
    };
    let out = wirediff_within(
        Duration::from_secs(20),
        command(&["analyze", "--no-diffs", f.to_str().unwrap(), &seed(0)]),
    );
    writer.join().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
}

/// `<(command)` is a pipe with a writer, however long that takes to write.
#[cfg(unix)]
#[test]
fn process_substitution_is_read_even_from_a_slow_writer() {
    let mut bash = Command::new("bash");
    bash.args([
        "-c",
        r#"exec "$0" analyze --no-diffs <(cat "$1") <(sleep 3; cat "$2")"#,
        env!("CARGO_BIN_EXE_wirediff"),
        &seed(0),
        &seed(1),
    ]);
    let out = wirediff_within(Duration::from_secs(30), bash);
    assert!(out.status.success(), "{}", stderr(&out));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["articles"].as_array().unwrap().len(), 2);
}

#[test]
fn reading_stops_at_the_limit_of_8_mib_per_article() {
    const LIMIT: u64 = 8 * 1024 * 1024;
    // A file over the limit is refused by its size, before it is read.
    let huge = scratch_dir("huge").join("huge.txt");
    std::fs::File::create(&huge)
        .unwrap()
        .set_len(LIMIT + 1)
        .unwrap();
    let out = wirediff(&["analyze", huge.to_str().unwrap(), &seed(0)]);
    assert_one_line_error(&out, "is 8388609 bytes, more than the 8 MiB");
    // An endless device stops at the limit.
    #[cfg(unix)]
    {
        let out = wirediff_within(Duration::from_secs(60), command(&["segment", "/dev/zero"]));
        assert_one_line_error(&out, "/dev/zero: holds more than the 8 MiB");
    }
    // So does standard input.
    let mut child = command(&["segment"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let writer = std::thread::spawn(move || {
        let line = b"The storm closed every school in the county.\n".repeat(1024);
        // wirediff stops reading at the limit: the pipe then breaks.
        for _ in 0..(2 * LIMIT as usize / line.len()) {
            if stdin.write_all(&line).is_err() {
                break;
            }
        }
    });
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap();
    assert_one_line_error(&out, "standard input: holds more than the 8 MiB");
    let help = String::from_utf8(wirediff(&["analyze", "--help"]).stdout).unwrap();
    assert!(help.contains("at most 8 MiB"), "{help}");
}

/// Runs wirediff with its address space limited to `bytes` (`ulimit -v`).
#[cfg(unix)]
fn wirediff_with_memory(bytes: u64, args: &[&str]) -> Output {
    use std::os::unix::process::CommandExt;
    let mut command = command(args);
    // SAFETY: the hook only calls setrlimit, which is async-signal-safe.
    unsafe {
        command.pre_exec(move || {
            let limit = libc::rlimit {
                rlim_cur: bytes as libc::rlim_t,
                rlim_max: bytes as libc::rlim_t,
            };
            if libc::setrlimit(libc::RLIMIT_AS, &limit) == 0 {
                Ok(())
            } else {
                Err(std::io::Error::last_os_error())
            }
        });
    }
    wirediff_within(Duration::from_secs(120), command)
}

#[cfg(unix)]
#[test]
fn allocation_failure_is_a_one_line_error_not_an_abort() {
    // Two articles of short sentences, 4 MB each: their analysis needs
    // hundreds of megabytes, far more than the 48 MiB allowed here.
    let text: String = (0..180_000)
        .map(|i| {
            format!(
                "Word{} met the envoy.{}",
                i % 1000,
                if i % 5 == 4 { "\n" } else { " " }
            )
        })
        .collect();
    let dir = scratch_dir("memory");
    let (a, b) = (dir.join("a.txt"), dir.join("b.txt"));
    std::fs::write(&a, &text).unwrap();
    std::fs::write(&b, &text).unwrap();
    let (a, b) = (a.to_str().unwrap(), b.to_str().unwrap());
    let out = wirediff_with_memory(48 << 20, &["analyze", a, b]);
    assert_one_line_error(&out, "out of memory (an allocation of ");
    assert!(stderr(&out).contains("bytes failed)"), "{}", stderr(&out));
    // Reading is fallible on its own: the error names the file it could not hold.
    let files: Vec<&str> = std::iter::once("analyze")
        .chain(std::iter::repeat_n([a, b], 8).flatten())
        .collect();
    let out = wirediff_with_memory(40 << 20, &files);
    std::fs::remove_dir_all(&dir).unwrap();
    assert_one_line_error(&out, "not enough memory to read it (");
}

#[test]
fn path_with_a_newline_is_quoted_on_one_line() {
    let dir = scratch_dir("newline");
    let bad = dir.join("two\nlines.txt");
    std::fs::write(&bad, b"caf\xe9").unwrap();
    for path in [bad, dir.join("no\nsuch.txt")] {
        let out = wirediff(&["analyze", path.to_str().unwrap(), &seed(0)]);
        // Quoted with Rust's escapes: `"/tmp/…/two\nlines.txt"`.
        let quoted = format!("{:?}", path.to_str().unwrap());
        assert!(quoted.contains(r"\n") && !quoted.contains('\n'));
        assert_one_line_error(&out, &quoted);
    }
}

#[test]
fn empty_article_names_the_path_not_the_base_name() {
    let (a, b) = (scratch_dir("words"), scratch_dir("no-words"));
    std::fs::copy(seed(0), a.join("same.txt")).unwrap();
    std::fs::write(b.join("same.txt"), "* * *\n— —\n").unwrap();
    let (a, b) = (a.join("same.txt"), b.join("same.txt"));
    let out = wirediff(&["analyze", a.to_str().unwrap(), b.to_str().unwrap()]);
    assert_one_line_error(&out, &format!("{}: the article has no words", b.display()));
}

#[test]
fn utf16_is_named_as_utf16_not_binary() {
    let text = "Storm shuts schools\n\nThe storm closed every school.\n";
    let little: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
    let big: Vec<u8> = text.encode_utf16().flat_map(u16::to_be_bytes).collect();
    let cases = [
        (
            "bom-le.txt",
            [&[0xFF, 0xFE][..], &little].concat(),
            "UTF-16 -t",
        ),
        (
            "bom-be.txt",
            [&[0xFE, 0xFF][..], &big].concat(),
            "UTF-16 -t",
        ),
        ("le.txt", little, "UTF-16LE -t"),
        ("be.txt", big, "UTF-16BE -t"),
    ];
    for (name, bytes, hint) in cases {
        let path = scratch(name, &bytes);
        let out = wirediff(&["analyze", path.to_str().unwrap(), &seed(0)]);
        assert_one_line_error(
            &out,
            "is UTF-16 text, not UTF-8 (convert it, e.g. `iconv -f ",
        );
        assert!(stderr(&out).contains(hint), "{}", stderr(&out));
    }
    // A UTF-8 byte-order mark stays accepted.
    let bom = scratch(
        "bom-utf8.txt",
        "\u{feff}The storm closed every school.".as_bytes(),
    );
    let out = wirediff(&["segment", bom.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    let got: Vec<String> = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(got, ["The storm closed every school."]);
}

/// `wirediff eval` (run from the repository root, as cargo runs the tests)
/// scores every boundary set by default, the Golden Rules among them, with
/// the figures the library computes.
#[test]
fn eval_prints_each_boundary_set() {
    let out = wirediff(&["eval"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let stdout = String::from_utf8(out.stdout).unwrap();
    for (file, cases) in [
        ("boundaries.jsonl", 267),
        ("golden_rules.jsonl", 48),
        ("pysbd_english.jsonl", 108),
    ] {
        let path = format!("tests/data/eval/{file}");
        let text = std::fs::read_to_string(&path).unwrap();
        let parsed: Vec<wirediff::eval::BoundaryCase> = text
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect();
        assert_eq!(parsed.len(), cases, "{file}");
        let report = wirediff::eval::score_boundaries(&parsed);
        let line = format!(
            "sentence boundaries ({path}): {}/{cases} cases exactly right",
            report.correct
        );
        assert!(stdout.contains(&line), "{line:?} not in:\n{stdout}");
    }
}

#[test]
fn eval_refuses_a_test_split_of_paraphrase_pairs() {
    let path = scratch(
        "msr_paraphrase_test.txt",
        b"Quality\t#1 ID\t#2 ID\t#1 String\t#2 String\n",
    );
    let out = wirediff(&[
        "eval",
        "--set",
        "tests/data/seeds",
        "--pairs",
        path.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("test split"), "{err}");
}

/// `eval --features` writes the rewrite model's examples: a header with the
/// measures' names, then one row per judged pair, labelled from the gold
/// links (some linked, most not, on the seeds).
#[test]
fn eval_writes_the_rewrite_models_examples() {
    let out_path = scratch("examples.tsv", b"");
    let out = wirediff(&[
        "eval",
        "--set",
        "tests/data/seeds",
        "--features",
        out_path.to_str().unwrap(),
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(out.stdout.is_empty(), "no report with --features");
    let text = std::fs::read_to_string(&out_path).unwrap();
    let mut lines = text.lines();
    let header: Vec<&str> = lines.next().unwrap().split('\t').collect();
    assert_eq!(header[..4], ["source", "label", "near", "judgeable"]);
    assert_eq!(header[4..], wirediff::cluster::features::NAMES);
    let labels: Vec<&str> = lines
        .map(|l| {
            let fields: Vec<&str> = l.split('\t').collect();
            assert_eq!(fields.len(), header.len(), "{l}");
            assert_eq!(fields[0], "tests/data/seeds");
            assert!(fields[4..].iter().all(|x| x.parse::<f64>().is_ok()), "{l}");
            fields[1]
        })
        .collect();
    let linked = labels.iter().filter(|&&l| l == "1").count();
    assert!(
        linked >= 10 && labels.len() - linked >= 100,
        "{linked} of {}",
        labels.len()
    );
}

/// A held-out set (a directory holding HELD_OUT) never trains the rewrite
/// model: `eval --features` refuses it with one line and writes nothing.
#[test]
fn eval_features_refuses_a_held_out_set() {
    let out_path = scratch("held-out-examples.tsv", b"");
    std::fs::remove_file(&out_path).unwrap();
    let out = wirediff(&[
        "eval",
        "--set",
        "tests/data/seeds",
        "--set",
        "tests/data/eval/third",
        "--features",
        out_path.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("held-out set"), "{err}");
    assert!(!out_path.exists());
}
