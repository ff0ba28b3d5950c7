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
    #[error("{path}: not written: {why}")]
    Refused { path: String, why: String },
}

/// The largest baseline read: a million findings' fingerprints fit.
const MAX_SIZE: u64 = 256 * 1024 * 1024;

/// The fingerprints of accepted findings.
#[derive(Debug, Default)]
pub struct Baseline {
    known: HashSet<String>,
}

impl Baseline {
    pub fn read(path: &Path) -> Result<Baseline, Error> {
        let name = crate::load::display_path(path);
        let io = |source| Error::Io {
            path: name.clone(),
            source,
        };
        let bytes = crate::load::read_regular(path, MAX_SIZE).map_err(io)?;
        let text = String::from_utf8(bytes).map_err(|e| Error::Format {
            path: name.clone(),
            reason: format!("not UTF-8 at offset {}", e.utf8_error().valid_up_to()),
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
/// temporary file renamed over the old one, whose mode it keeps); returns
/// how many. A link is followed, as `--fix` does; anything at the path but
/// a regular file (a FIFO, a device) is left alone.
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
    let shown = crate::load::display_path(path);
    let io = |source| Error::Io {
        path: shown.clone(),
        source,
    };
    let (target, mode) = match std::fs::symlink_metadata(path) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => (path.to_path_buf(), None),
        Err(e) => return Err(io(e)),
        Ok(_) => {
            let target = std::fs::canonicalize(path).map_err(io)?;
            // The workflow names the path; the pull request may have put a
            // link there. Its target must lie in the folder of the path.
            let folder = path
                .parent()
                .filter(|p| !p.as_os_str().is_empty())
                .unwrap_or(Path::new("."));
            if std::fs::canonicalize(folder).is_ok_and(|f| !target.starts_with(f)) {
                return Err(Error::Refused {
                    path: shown,
                    why: format!(
                        "it is a link to `{}`, outside its folder",
                        crate::load::display_path(&target)
                    ),
                });
            }
            let meta = std::fs::metadata(&target).map_err(io)?;
            if !meta.is_file() {
                return Err(Error::Refused {
                    path: shown,
                    why: "not a regular file".into(),
                });
            }
            (target, Some(meta.permissions()))
        }
    };
    let dir = target
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    // A new baseline is made as any new file is (0666 less the umask),
    // not with a temporary file's 0600: it is committed and shared.
    let mut tmp = tempfile::Builder::new()
        .prefix(".numcheck-baseline-")
        .permissions(std::os::unix::fs::PermissionsExt::from_mode(0o666))
        .tempfile_in(dir)
        .map_err(io)?;
    if let Some(mode) = mode {
        tmp.as_file().set_permissions(mode).map_err(io)?;
    }
    serde_json::to_writer_pretty(
        &mut tmp,
        &File {
            version: 1,
            findings,
        },
    )
    .map_err(|e| io(e.into()))?;
    writeln!(tmp).map_err(io)?;
    tmp.persist(&target).map_err(|e| io(e.error))?;
    Ok(n)
}
