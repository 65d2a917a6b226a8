//! Helpers shared by the integration tests and benchmarks (each uses some).
#![allow(dead_code)]

use std::path::{Path, PathBuf};

use wirediff::Input;

/// Directory holding the five seed articles.
pub fn seeds_dir() -> PathBuf {
    data("seeds")
}

/// A path under `tests/data/`.
pub fn data(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data")
        .join(path)
}

/// The article files (`*.txt`) of a directory, sorted by name.
pub fn article_paths(dir: &Path) -> Vec<PathBuf> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    paths.sort();
    paths
}

/// The articles of a directory, named by file name, sorted by name.
pub fn articles(dir: &Path) -> Vec<Input> {
    article_paths(dir)
        .into_iter()
        .map(|p| {
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            Input::new(name, std::fs::read_to_string(&p).expect("article text"))
        })
        .collect()
}

/// The seed article files, sorted by name.
pub fn seed_paths() -> Vec<PathBuf> {
    article_paths(&seeds_dir())
}

/// The five seed articles, in file-name order.
pub fn seeds() -> Vec<Input> {
    articles(&seeds_dir())
}
