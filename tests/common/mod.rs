//! Helpers shared by the integration tests (each test crate uses some).
#![allow(dead_code)]

use std::path::PathBuf;

use wirediff::Input;

/// Directory holding the five seed articles.
pub fn seeds_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data/seeds")
}

/// The seed article files, sorted by name.
pub fn seed_paths() -> Vec<PathBuf> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(seeds_dir())
        .expect("seed directory")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    paths.sort();
    paths
}

/// The five seed articles, in file-name order.
pub fn seeds() -> Vec<Input> {
    seed_paths()
        .into_iter()
        .map(|p| {
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            Input::new(name, std::fs::read_to_string(&p).expect("seed text"))
        })
        .collect()
}
