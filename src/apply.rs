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

/// What `--fix` may write, besides the file it read: `--fix` runs in CI
/// over a pull request whose author chose the names and the links.
#[derive(Debug)]
pub struct Guard {
    /// Canonical folders a written file must lie in: those of the paths
    /// checked (a file named on the command line stands for its folder).
    pub roots: Vec<PathBuf>,
    /// Write files that are read-only too (their mode is kept).
    pub read_only: bool,
}

impl Guard {
    /// The guard for a run over `paths`; a path that cannot be resolved
    /// adds no root.
    pub fn new(paths: &[PathBuf], read_only: bool) -> Guard {
        let roots = paths
            .iter()
            .filter_map(|p| {
                let folder = if p.is_dir() {
                    p.as_path()
                } else {
                    p.parent()
                        .filter(|d| !d.as_os_str().is_empty())
                        .unwrap_or(Path::new("."))
                };
                fs::canonicalize(folder).ok()
            })
            .collect();
        Guard { roots, read_only }
    }
}

/// What a write did.
#[derive(Debug, PartialEq, Eq)]
pub enum Written {
    /// The fixed text replaced the file; it had this many hard links, and
    /// the others (a new file is renamed over one name) keep the old text.
    Fixed { links: u64 },
    /// The file already held the fixed text (another `--fix` got there first).
    AlreadyFixed,
}

/// Why a file was not written.
#[derive(Debug, thiserror::Error)]
pub enum WriteError {
    /// Not a failure: a file `--fix` must leave alone, and why.
    #[error("{path}: not fixed: {why}")]
    Refused { path: String, why: String },
    #[error("{path}: changed since it was read; not fixed (run again)")]
    Changed { path: String },
    #[error("{path}: cannot write the fix: {source}")]
    Io {
        path: String,
        #[source]
        source: io::Error,
    },
}

/// The name temporary files start with; a run removes those a killed one left.
const TEMP_PREFIX: &str = ".numcheck-fix-";

/// Replaces the file at `path` with `new`, atomically, if it still holds
/// `old` and `guard` allows it; a link is followed and the file it names
/// replaced. The file's mode, owner and group are kept.
///
/// The file is held under an advisory lock (`flock`) from the comparison
/// to the rename, and compared again (inode, size, modification time and
/// text) just before the rename: a writer that takes the lock, and checks
/// on getting it that its file is still the one at the path, never loses
/// an edit; one that takes none can only in the moment of the rename.
pub fn write(path: &Path, old: &str, new: &str, guard: &Guard) -> Result<Written, WriteError> {
    use std::io::{Read, Seek};
    use std::os::unix::fs::MetadataExt;

    let shown = crate::load::display_path(path);
    let io_error = |source| WriteError::Io {
        path: shown.clone(),
        source,
    };
    let refuse = |why: String| WriteError::Refused {
        path: shown.clone(),
        why,
    };
    let target: PathBuf = fs::canonicalize(path).map_err(io_error)?;
    if !guard.roots.iter().any(|r| target.starts_with(r)) {
        return Err(refuse(format!(
            "it is `{}`, outside the paths checked",
            crate::load::display_path(&target)
        )));
    }
    if !crate::walk::is_prose(&target) {
        return Err(refuse(format!(
            "it is `{}`, not a prose file ({})",
            crate::load::display_path(&target),
            crate::walk::EXTENSIONS.join(", ")
        )));
    }
    if !fs::metadata(&target).map_err(io_error)?.is_file() {
        return Err(refuse("not a regular file".into()));
    }
    let (mut file, before) = locked(&target).map_err(io_error)?;
    let read_now = |file: &mut fs::File| -> io::Result<Vec<u8>> {
        file.rewind()?;
        let mut now = Vec::new();
        file.read_to_end(&mut now)?;
        Ok(now)
    };
    let now = read_now(&mut file).map_err(io_error)?;
    if now == new.as_bytes() {
        return Ok(Written::AlreadyFixed);
    }
    if now != old.as_bytes() {
        return Err(WriteError::Changed { path: shown });
    }
    if before.permissions().readonly() && !guard.read_only {
        return Err(refuse("it is read-only (--fix-read-only writes it)".into()));
    }
    let dir = target.parent().unwrap_or(Path::new("."));
    remove_stale(dir);
    let temp = locked_temp(dir).map_err(io_error)?;
    let mut out = temp.as_file();
    out.write_all(new.as_bytes()).map_err(io_error)?;
    let made = out.metadata().map_err(io_error)?;
    if (made.uid(), made.gid()) != (before.uid(), before.gid())
        && std::os::unix::fs::fchown(out, Some(before.uid()), Some(before.gid())).is_err()
    {
        return Err(refuse(format!(
            "it belongs to {}:{}, and the fixed file could not",
            before.uid(),
            before.gid()
        )));
    }
    // After the owner: a change of owner clears the set-id bits.
    out.set_permissions(before.permissions())
        .map_err(io_error)?;
    out.sync_all().map_err(io_error)?;
    let again = fs::metadata(&target).map_err(io_error)?;
    let same_file = (again.dev(), again.ino(), again.len(), again.modified().ok())
        == (
            before.dev(),
            before.ino(),
            before.len(),
            before.modified().ok(),
        );
    if !same_file || read_now(&mut file).map_err(io_error)? != old.as_bytes() {
        return Err(WriteError::Changed { path: shown });
    }
    // On failure the temporary file is removed and the original stands.
    temp.persist(&target).map_err(|e| io_error(e.error))?;
    Ok(Written::Fixed {
        links: before.nlink(),
    })
}

/// The file at `path`, opened and locked, and its metadata. Another run
/// may rename its fix over the path while this one waits for the lock:
/// then the file locked is no longer the one at the path, and it is opened
/// again.
fn locked(path: &Path) -> io::Result<(fs::File, fs::Metadata)> {
    use std::os::unix::fs::MetadataExt;
    loop {
        let file = fs::File::open(path)?;
        file.lock()?;
        let held = file.metadata()?;
        let there = fs::metadata(path)?;
        if (held.dev(), held.ino()) == (there.dev(), there.ino()) {
            return Ok((file, held));
        }
    }
}

/// A temporary file in `dir`, locked for as long as it is open, so that
/// [`remove_stale`] in another run knows it is in use.
fn locked_temp(dir: &Path) -> io::Result<tempfile::NamedTempFile> {
    use std::os::unix::fs::MetadataExt;
    loop {
        let temp = tempfile::Builder::new()
            .prefix(TEMP_PREFIX)
            .tempfile_in(dir)?;
        temp.as_file().lock()?;
        // Another run may have found it unlocked, in the moment between
        // its making and its locking, and removed it: then make another.
        let ours = temp.as_file().metadata()?;
        if fs::symlink_metadata(temp.path()).is_ok_and(|m| m.ino() == ours.ino()) {
            return Ok(temp);
        }
    }
}

/// Removes the temporary files in `dir` that no run holds: those of a run
/// that was killed between writing one and renaming it.
fn remove_stale(dir: &Path) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let stale = entry
            .file_name()
            .as_encoded_bytes()
            .starts_with(TEMP_PREFIX.as_bytes())
            // Only a regular file is opened: a FIFO would block, and a
            // link is not one of ours.
            && entry.file_type().is_ok_and(|t| t.is_file())
            && fs::File::open(entry.path()).is_ok_and(|f| f.try_lock().is_ok());
        if stale {
            // Another run may have removed it first.
            let _ = fs::remove_file(entry.path());
        }
    }
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
        let guard = Guard::new(&[dir.path().to_path_buf()], false);
        assert_eq!(
            write(&path, "45", "40", &guard).unwrap(),
            Written::Fixed { links: 1 }
        );
        assert_eq!(fs::read_to_string(&path).unwrap(), "40");
        let mode = fs::metadata(&path).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o640);
        assert!(matches!(
            write(&path, "45", "50", &guard),
            Err(WriteError::Changed { .. })
        ));
        assert_eq!(
            write(&path, "45", "40", &guard).unwrap(),
            Written::AlreadyFixed,
            "a file another run fixed is no failure"
        );
        assert_eq!(
            fs::read_dir(dir.path()).unwrap().count(),
            1,
            "no temporary file left"
        );
    }
}
