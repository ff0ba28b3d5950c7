//! The files a run checks: files named on the command line, always; inside
//! directories, prose files (Markdown, plain text, HTML) the way `git`
//! sees them: `.gitignore` honoured, hidden files skipped. Each file once,
//! however many paths or links reach it, in the order output shows them.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use crate::load::{display_path, one_line};

/// Extensions of the files checked when a directory is walked.
pub const EXTENSIONS: &[&str] = &["md", "markdown", "mdx", "txt", "text", "html", "htm"];

/// Whether the file at `path` is prose by its extension.
pub fn is_prose(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| EXTENSIONS.iter().any(|x| x.eq_ignore_ascii_case(e)))
}

/// What a walk found.
#[derive(Debug, Default)]
pub struct Walk {
    /// Each file once, sorted by the path output shows.
    pub files: Vec<PathBuf>,
    /// Paths that could not be walked (unreadable directories), as (path, message).
    pub problems: Vec<(String, String)>,
    /// Links that lead back into a folder being walked, as (path, why): left
    /// alone, since everything they reach is walked anyway.
    pub skipped: Vec<(String, String)>,
    /// Folders named on the command line that held no file to check, as
    /// (path, why): what was there instead, counted.
    pub empty: Vec<(String, String)>,
}

/// How directories are walked.
#[derive(Clone, Copy, Debug, Default)]
pub struct Options {
    /// `--no-ignore`: read no `.gitignore` (hidden files are still skipped).
    pub no_ignore: bool,
}

/// A link back to a folder above it.
fn is_loop(e: &ignore::Error) -> bool {
    match e {
        ignore::Error::Loop { .. } => true,
        ignore::Error::WithPath { err, .. }
        | ignore::Error::WithDepth { err, .. }
        | ignore::Error::WithLineNumber { err, .. } => is_loop(err),
        _ => false,
    }
}

/// The path an error is about, if it names one.
fn error_path(e: &ignore::Error) -> Option<&Path> {
    match e {
        ignore::Error::WithPath { path, .. } => Some(path),
        ignore::Error::WithDepth { err, .. } | ignore::Error::WithLineNumber { err, .. } => {
            error_path(err)
        }
        _ => None,
    }
}

/// Whether `dir` is in a git repository: it or a folder above holds `.git`.
fn in_repository(dir: &Path) -> bool {
    std::fs::canonicalize(dir).is_ok_and(|d| d.ancestors().any(|a| a.join(".git").exists()))
}

/// The largest `.gitignore` read.
const MAX_GITIGNORE: u64 = 1024 * 1024;

/// Why the `.gitignore` in `dir` may not be read, if it may not. The
/// ignore crate opens one and reads it to its end: a FIFO would block the
/// walk, and a link to `/dev/zero` (which a pull request can add) would
/// fill the memory. A dangling link is the crate's to report.
fn unreadable_gitignore(dir: &Path) -> Option<String> {
    let path = dir.join(".gitignore");
    std::fs::symlink_metadata(&path).ok()?;
    let why = match std::fs::metadata(&path) {
        Ok(m) if m.is_file() && m.len() <= MAX_GITIGNORE => return None,
        Ok(m) if m.is_file() => format!("it is over {MAX_GITIGNORE} bytes"),
        Ok(_) => "it is not a regular file".to_string(),
        Err(_) => return None,
    };
    Some(format!(
        "{}: not read: {why}; the folder is not checked",
        display_path(&path)
    ))
}

/// The files under `paths`, `.gitignore` honoured.
pub fn files(paths: &[PathBuf]) -> Walk {
    files_with(paths, Options::default())
}

/// A walker of `dir` as `opts` says; `filters` false reads every file,
/// hidden or ignored, for counting what a walk left out.
fn walker(dir: &Path, opts: Options, filters: bool) -> ignore::Walk {
    builder(dir, opts, filters).build()
}

/// The walk of `walker`, before it is built.
fn builder(dir: &Path, opts: Options, filters: bool) -> ignore::WalkBuilder {
    let mut b = ignore::WalkBuilder::new(dir);
    b.follow_links(true)
        // A drafts folder need not be a git repository for its
        // .gitignore to count; inside one, a .gitignore above the
        // repository's root must not (git reads none there), and the
        // ignore crate stops at the root only when it requires git.
        .require_git(in_repository(dir))
        // git reads no .ignore files: a draft it shows is checked.
        .ignore(false);
    if opts.no_ignore || !filters {
        b.git_ignore(false)
            .git_exclude(false)
            .git_global(false)
            .parents(false);
    }
    if !filters {
        b.hidden(false);
    }
    b
}

/// Why the folder `dir` gave no file to check: how many prose files the
/// ignore rules or hiding left out, and how many files of other kinds.
fn why_empty(dir: &Path, opts: Options) -> String {
    let files = |w: ignore::Walk| {
        w.flatten()
            .filter(|e| e.file_type().is_some_and(|t| t.is_file()))
            .map(|e| is_prose(e.path()))
            .collect::<Vec<bool>>()
    };
    let seen = files(walker(dir, opts, true));
    let other = seen.iter().filter(|p| !**p).count();
    let all_prose = files(walker(dir, opts, false))
        .iter()
        .filter(|p| **p)
        .count();
    let mut parts = Vec::new();
    if all_prose > 0 {
        let by = if opts.no_ignore {
            "hidden"
        } else {
            "ignored by .gitignore or hidden"
        };
        parts.push(format!("{all_prose} {by}"));
    }
    if other > 0 {
        parts.push(format!(
            "{other} with other extensions (checked: {})",
            EXTENSIONS.join(", ")
        ));
    }
    let counts = if parts.is_empty() {
        "it holds no files".to_string()
    } else {
        parts.join("; ")
    };
    let hint = if all_prose > 0 && !opts.no_ignore {
        "; use --no-ignore to read ignored files, or name files on the command line"
    } else {
        ""
    };
    format!(
        "no file to check under {} ({counts}){hint}",
        display_path(dir)
    )
}

/// The files under `paths`, walked as `opts` says.
pub fn files_with(paths: &[PathBuf], opts: Options) -> Walk {
    let mut walk = Walk::default();
    let mut found = Vec::new();
    for p in paths {
        if !p.is_dir() {
            found.push(p.clone());
            continue;
        }
        // The crate reads the .gitignore of the folder and those above it.
        let above = std::fs::canonicalize(p).ok();
        let refused = std::iter::once(p.as_path())
            .chain(above.iter().flat_map(|a| a.ancestors().skip(1)))
            .find_map(unreadable_gitignore);
        if let Some(why) = refused {
            walk.problems.push((display_path(p), one_line(&why)));
            continue;
        }
        let inner = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
        let seen = std::sync::Arc::clone(&inner);
        let walker = builder(p, opts, true)
            .filter_entry(move |e| {
                if !e.file_type().is_some_and(|t| t.is_dir()) {
                    return true;
                }
                let Some(why) = unreadable_gitignore(e.path()) else {
                    return true;
                };
                if let Ok(mut problems) = seen.lock() {
                    problems.push((display_path(e.path()), one_line(&why)));
                }
                false
            })
            .build();
        let before = found.len();
        for entry in walker {
            match entry {
                Ok(e) if e.file_type().is_some_and(|t| t.is_file()) && is_prose(e.path()) => {
                    found.push(e.into_path())
                }
                Ok(_) => {}
                // A dangling or looping link to an image is no more a
                // document than the image: not reading it is no error.
                Err(err) if error_path(&err).is_some_and(|p| !is_prose(p)) => {}
                Err(err) if is_loop(&err) => walk.skipped.push((
                    display_path(p),
                    one_line(&format!("a link loops back: {err}")),
                )),
                Err(err) => walk
                    .problems
                    .push((display_path(p), one_line(&err.to_string()))),
            }
        }
        let refused_inside = inner.lock().map(|p| !p.is_empty()).unwrap_or(false);
        if let Ok(mut problems) = inner.lock() {
            walk.problems.append(&mut problems);
        }
        if found.len() == before && !refused_inside {
            walk.empty.push((display_path(p), why_empty(p, opts)));
        }
    }
    // Sorted as shown, then one path per file: "a/x", "./a/x", "/abs/a/x"
    // and a link to it are all the same file, read once.
    let mut shown: Vec<(String, PathBuf)> =
        found.into_iter().map(|p| (display_path(&p), p)).collect();
    shown.sort();
    let mut seen = HashSet::new();
    for (_, path) in shown {
        let key = std::fs::canonicalize(&path).unwrap_or_else(|_| path.clone());
        if seen.insert(key) {
            walk.files.push(path);
        }
    }
    walk
}
