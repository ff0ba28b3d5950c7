//! Baselines: the findings a team has accepted, recorded once
//! (`--write-baseline FILE`) and not reported again (`--baseline FILE`).
//! Findings are matched by fingerprint (see `emit::fingerprint`): what
//! they say and the words they point at, not their line, so edits
//! elsewhere in a file keep them matched; a new finding still fails the run.
//!
//! The file is JSON, version 1: `{"version": 1, "findings": [{"fingerprint",
//! "code", "path", "message"}]}`; only the fingerprints are used to match,
//! the rest is there for people reviewing it.

use std::collections::HashSet;
use std::io::Write;
use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::emit::{Report, fingerprint};

#[derive(Serialize, Deserialize)]
struct File {
    version: u32,
    findings: Vec<Entry>,
}

#[derive(Serialize, Deserialize)]
struct Entry {
    fingerprint: String,
    #[serde(default)]
    code: String,
    #[serde(default)]
    path: String,
    #[serde(default)]
    message: String,
}

/// Why a baseline could not be used.
#[derive(thiserror::Error, Debug)]
pub enum Error {
    #[error("{path}: {source}")]
    Io {
        path: String,
        source: std::io::Error,
    },
    #[error("{path}: not a numcheck baseline ({reason})")]
    Format { path: String, reason: String },
}

/// The fingerprints of accepted findings.
#[derive(Debug, Default)]
pub struct Baseline {
    known: HashSet<String>,
}

impl Baseline {
    pub fn read(path: &Path) -> Result<Baseline, Error> {
        let name = crate::load::display_path(path);
        let text = std::fs::read_to_string(path).map_err(|source| Error::Io {
            path: name.clone(),
            source,
        })?;
        let file: File = serde_json::from_str(&text).map_err(|e| Error::Format {
            path: name.clone(),
            reason: e.to_string(),
        })?;
        if file.version != 1 {
            return Err(Error::Format {
                path: name,
                reason: format!("version {} is not 1", file.version),
            });
        }
        Ok(Baseline {
            known: file.findings.into_iter().map(|e| e.fingerprint).collect(),
        })
    }

    /// Drops the findings of `report` the baseline knows; returns how many.
    pub fn apply(&self, report: &mut Report) -> usize {
        let fingerprints = fingerprint::all(report);
        let mut i = 0;
        let mut hidden = 0;
        for f in &mut report.files {
            f.diagnostics.retain(|_| {
                let known = self.known.contains(&fingerprints[i]);
                i += 1;
                hidden += usize::from(known);
                !known
            });
        }
        hidden
    }
}

/// Writes every finding of `report` as the new baseline, atomically (a
/// temporary file renamed over the old one); returns how many.
pub fn write(path: &Path, report: &Report) -> Result<usize, Error> {
    let findings: Vec<Entry> = report
        .diagnostics()
        .zip(fingerprint::all(report))
        .map(|(d, fingerprint)| Entry {
            fingerprint,
            code: d.code.to_string(),
            path: d.primary.file.name().to_string(),
            message: d.message.clone(),
        })
        .collect();
    let n = findings.len();
    let io = |source| Error::Io {
        path: crate::load::display_path(path),
        source,
    };
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let mut tmp = tempfile::NamedTempFile::new_in(dir).map_err(io)?;
    serde_json::to_writer_pretty(
        &mut tmp,
        &File {
            version: 1,
            findings,
        },
    )
    .map_err(|e| io(e.into()))?;
    writeln!(tmp).map_err(io)?;
    tmp.persist(path).map_err(|e| io(e.error))?;
    Ok(n)
}
