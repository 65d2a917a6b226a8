//! The `wirediff` command line, run as a user would.
// It runs the binary, which a WebAssembly target cannot spawn.
#![cfg(not(target_family = "wasm"))]

mod common;

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

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
    assert_eq!(json["overlap"]["shared"].as_array().unwrap().len(), 5);
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
        text.contains("1 equal, 1 changed, 0 deleted, 0 inserted"),
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
