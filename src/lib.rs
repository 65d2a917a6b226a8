//! wirediff: see how news articles copy each other.
//!
//! The pipeline, module by module:
//! [`text`] splits each article into paragraphs and sentences with byte
//! offsets; [`normalize`] turns text into word tokens for matching;
//! [`diff`] computes paragraph-level diffs of two articles; [`cluster`] finds
//! sentences shared across articles; [`overlap`] summarises them; [`model`]
//! is the serde result that the CLI prints and the page receives.

pub mod analysis;
pub mod cluster;
pub mod diff;
pub mod model;
pub mod normalize;
pub mod overlap;
pub mod text;

#[cfg(target_arch = "wasm32")]
mod wasm;

pub use analysis::{Error, Input, analyze, diff_texts};
pub use model::*;
