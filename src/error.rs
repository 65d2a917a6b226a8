//! Why an analysis could not run: one typed error for the library, whose
//! kind callers match on, and whose message is one line for the CLI and the
//! page.

use std::fmt;

/// An error of the library; [`Error::kind`] says which.
#[derive(Debug, Clone, PartialEq)]
pub struct Error {
    kind: ErrorKind,
}

/// What went wrong. New kinds may be added, so matches need a `_` arm.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum ErrorKind {
    /// Fewer than two articles were given.
    TooFewArticles { got: usize },
    /// The article at `index` (in input order), named `name`, has no words.
    EmptyArticle { index: usize, name: String },
    /// An option is out of range: which one, and what it must be.
    InvalidOption {
        option: &'static str,
        reason: String,
    },
}

impl Error {
    pub fn new(kind: ErrorKind) -> Self {
        Error { kind }
    }

    pub fn kind(&self) -> &ErrorKind {
        &self.kind
    }
}

impl From<ErrorKind> for Error {
    fn from(kind: ErrorKind) -> Self {
        Error::new(kind)
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.kind {
            ErrorKind::TooFewArticles { got } => {
                write!(f, "need at least two articles to compare, got {got}")
            }
            ErrorKind::EmptyArticle { name, .. } => write!(f, "{name}: the article has no words"),
            ErrorKind::InvalidOption { option, reason } => {
                write!(f, "invalid option: {option} {reason}")
            }
        }
    }
}

impl std::error::Error for Error {}
