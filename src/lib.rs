//! wirediff: see how news articles copy each other.
//!
//! The pipeline, module by module:
//! [`text`] splits each article into paragraphs and sentences with byte
//! offsets and word tokens for matching;
//! [`diff`] computes paragraph-level diffs of two articles; [`cluster`] finds
//! sentences shared across articles, with [`cluster`] for rewritten ones;
//! [`overlap`] summarises them; [`model`]
//! is the serde result that the CLI prints and the page receives.
//!
//! ```
//! use wirediff::{Input, Options, analyze};
//!
//! let wire = Input::new("wire", "Storm shuts schools\n\nThe storm closed every school in the county on Tuesday.");
//! let local = Input::new("local", "Schools closed\n\nOfficials said the storm closed every school in the county on Tuesday.");
//! let analysis = analyze(&[wire, local], &Options::default()).unwrap();
//! let shared = &analysis.clusters[0];
//! assert_eq!(shared.articles, 2);
//! assert!(shared.similarity > 0.8);
//! // The two bodies are one paragraph, changed by two words.
//! assert_eq!(analysis.diffs[0].ops.last().unwrap().tag, wirediff::DiffTag::Change);
//! ```

pub mod analysis;
pub mod cluster;
pub mod diff;
pub mod error;
pub mod eval;
pub mod model;
pub mod options;
pub mod overlap;
pub mod sort;
pub mod text;

// The browser's boundary; wasm32-wasip1 (tests with 32-bit usize) has none.
#[cfg(all(target_arch = "wasm32", target_os = "unknown"))]
pub mod wasm;

pub use analysis::{analyze, diff_texts, diff_texts_sharing, explain_pair};
pub use error::{Error, ErrorKind};
pub use model::*;
