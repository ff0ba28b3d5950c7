//! `check --fix` and `--diff`: the findings' corrections applied to the
//! files they were found in. Edits never overlap (the later of two that
//! would is left for another run), a file is written only when an edit
//! applies, and the write is atomic: a temporary file in the same folder,
//! given the original's permissions, renamed over it. Line endings and a
//! byte-order mark stay as they were: edits touch only the figures.

use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use crate::diagnostic::{Diagnostic, Edit};

/// What the corrections of one file's findings do.
#[derive(Debug, Default)]
pub struct Plan {
    /// Sorted, apart, each once.
    pub edits: Vec<Edit>,
    /// Which findings (by index) all of whose edits are in `edits`.
    pub fixed: Vec<bool>,
}

/// The edits to apply for `diagnostics`, in order: duplicates merged, and
/// an edit that overlaps one already taken dropped with its finding's others.
pub fn plan(diagnostics: &[Diagnostic]) -> Plan {
    let mut order: Vec<usize> = (0..diagnostics.len())
        .filter(|&i| !diagnostics[i].edits.is_empty())
        .collect();
    order.sort_by_key(|&i| diagnostics[i].edits.iter().map(|e| e.span.start).min());
    let mut taken: Vec<Edit> = Vec::new();
    let mut fixed = vec![false; diagnostics.len()];
    for i in order {
        let edits = &diagnostics[i].edits;
        let fits = edits
            .iter()
            .all(|e| taken.iter().all(|t| t == e || apart(e, t)));
        if fits {
            for e in edits {
                if !taken.contains(e) {
                    taken.push(e.clone());
                }
            }
            fixed[i] = true;
        }
    }
    taken.sort_by_key(|e| (e.span.start, e.span.end));
    Plan {
        edits: taken,
        fixed,
    }
}

/// Whether two edits touch different bytes. Two insertions at one place
/// are not apart: their order would be a guess.
fn apart(a: &Edit, b: &Edit) -> bool {
    let one_place = a.span.is_empty() && b.span.is_empty() && a.span.start == b.span.start;
    !one_place && (a.span.end <= b.span.start || b.span.end <= a.span.start)
}

/// How many times a file is fixed and checked again at most. A correction
/// can uncover another ("more than 1,000" corrected to "more than 50,000"
/// now differs from "about 50,000" only in its qualifier), and `--fix`
/// must leave nothing for a second run.
const ROUNDS: usize = 8;

/// A text after its corrections, and what is still to report in it.
pub struct Converged {
    pub text: String,
    /// How many findings were fixed, over all rounds.
    pub fixed: usize,
    /// The findings of the final text.
    pub remaining: Vec<Diagnostic>,
}

/// Applies the corrections of `found` to `text`, checks the result with
/// `check`, and repeats until no correction is left (or [`ROUNDS`] pass).
pub fn converge(
    text: &str,
    found: Vec<Diagnostic>,
    mut check: impl FnMut(&str) -> Vec<Diagnostic>,
) -> Converged {
    let mut out = Converged {
        text: text.to_string(),
        fixed: 0,
        remaining: found,
    };
    for _ in 0..ROUNDS {
        let plan = plan(&out.remaining);
        if plan.edits.is_empty() {
            break;
        }
        out.fixed += plan.fixed.iter().filter(|&&f| f).count();
        out.text = apply(&out.text, &plan.edits);
        out.remaining = check(&out.text);
    }
    out
}

/// `text` with `edits` (sorted, apart) applied.
pub fn apply(text: &str, edits: &[Edit]) -> String {
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for e in edits {
        out.push_str(&text[at..e.span.start]);
        out.push_str(&e.replacement);
        at = e.span.end;
    }
    out.push_str(&text[at..]);
    out
}

/// A unified diff from `old` to `new`, naming the file `name`.
pub fn diff(name: &str, old: &str, new: &str) -> String {
    similar::TextDiff::from_lines(old, new)
        .unified_diff()
        .context_radius(3)
        .header(&side("a", name), &side("b", name))
        .to_string()
}

/// A diff header's path: git's `a/` and `b/` before a relative path; an
/// absolute one as it is.
fn side(prefix: &str, name: &str) -> String {
    if name.starts_with('/') {
        name.to_string()
    } else {
        format!("{prefix}/{name}")
    }
}

/// Why a file was not written.
#[derive(Debug, thiserror::Error)]
pub enum WriteError {
    #[error("{path}: changed since it was read; not fixed (run again)")]
    Changed { path: String },
    #[error("{path}: cannot write the fix: {source}")]
    Io {
        path: String,
        #[source]
        source: io::Error,
    },
}

/// Replaces the file at `path` with `new`, atomically, if it still holds
/// `old`; a link is followed and the file it names replaced.
pub fn write(path: &Path, old: &str, new: &str) -> Result<(), WriteError> {
    let shown = crate::load::display_path(path);
    let io_error = |source| WriteError::Io {
        path: shown.clone(),
        source,
    };
    let target: PathBuf = fs::canonicalize(path).map_err(io_error)?;
    let now = fs::read(&target).map_err(io_error)?;
    if now != old.as_bytes() {
        return Err(WriteError::Changed { path: shown });
    }
    let permissions = fs::metadata(&target).map_err(io_error)?.permissions();
    let dir = target.parent().unwrap_or(Path::new("."));
    let mut temp = tempfile::Builder::new()
        .prefix(".numcheck-fix-")
        .tempfile_in(dir)
        .map_err(io_error)?;
    temp.write_all(new.as_bytes()).map_err(io_error)?;
    temp.as_file().sync_all().map_err(io_error)?;
    fs::set_permissions(temp.path(), permissions).map_err(io_error)?;
    // On failure the temporary file is removed and the original stands.
    temp.persist(&target).map_err(|e| io_error(e.error))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::Span;

    fn edit(start: usize, end: usize, to: &str) -> Edit {
        Edit {
            span: Span::new(start, end),
            replacement: to.into(),
        }
    }

    #[test]
    fn edits_apply_in_place_and_leave_the_rest() {
        let text = "a 45,000 b £5m\r\n";
        let out = apply(text, &[edit(2, 8, "40,000"), edit(11, 13, "$")]);
        assert_eq!(out, "a 40,000 b $5m\r\n");
    }

    fn finding(edits: Vec<Edit>) -> Diagnostic {
        let file = crate::source::SourceFile::new("x.txt", "0123456789");
        let mut d = Diagnostic::new(
            &crate::checks::value_mismatch::META,
            crate::diagnostic::Severity::Error,
            "",
            crate::diagnostic::Label::new(&file, Span::new(0, 1), ""),
        );
        d.edits = edits;
        d
    }

    #[test]
    fn overlapping_edits_are_never_both_applied() {
        let found = [
            finding(vec![edit(2, 6, "a")]),
            finding(vec![edit(4, 8, "b")]),
            finding(vec![edit(2, 6, "a")]),
            finding(vec![edit(8, 8, "c")]),
            finding(vec![edit(8, 8, "d")]),
            finding(vec![]),
        ];
        let p = plan(&found);
        assert_eq!(p.edits, vec![edit(2, 6, "a"), edit(8, 8, "c")]);
        assert_eq!(p.fixed, vec![true, false, true, true, false, false]);
    }

    #[test]
    fn the_diff_is_unified() {
        let d = diff("x.txt", "one\ntwo 45\nthree\n", "one\ntwo 40\nthree\n");
        assert!(
            d.starts_with("--- a/x.txt\n+++ b/x.txt\n@@ -1,3 +1,3 @@\n"),
            "{d}"
        );
        assert!(d.contains("-two 45\n+two 40\n"), "{d}");
    }

    #[test]
    fn a_write_keeps_permissions_and_refuses_a_changed_file() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("draft.txt");
        fs::write(&path, "45").unwrap();
        fs::set_permissions(&path, fs::Permissions::from_mode(0o640)).unwrap();
        write(&path, "45", "40").unwrap();
        assert_eq!(fs::read_to_string(&path).unwrap(), "40");
        let mode = fs::metadata(&path).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o640);
        assert!(matches!(
            write(&path, "45", "50"),
            Err(WriteError::Changed { .. })
        ));
        assert_eq!(
            fs::read_dir(dir.path()).unwrap().count(),
            1,
            "no temporary file left"
        );
    }
}
