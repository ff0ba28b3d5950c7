//! Why a file or rules file could not be used. Findings are never errors.

use crate::diagnostic::Diagnostic;

fn count(n: usize) -> String {
    if n == 1 {
        "1 error".to_string()
    } else {
        format!("{n} errors")
    }
}

#[derive(thiserror::Error, Debug)]
pub enum Error {
    #[error("{path}: {source}")]
    Io {
        path: String,
        #[source]
        source: std::io::Error,
    },
    #[error(
        "{path}: not UTF-8 text (invalid byte at offset {offset}); convert it to UTF-8 to check it"
    )]
    NotUtf8 { path: String, offset: usize },
    #[error("{path}: the rules file has {}", count(diagnostics.len()))]
    Rules {
        path: String,
        diagnostics: Vec<Diagnostic>,
    },
}
