//! The files a run checks: files named on the command line, always; inside
//! directories, prose files (Markdown, plain text, HTML) the way `git`
//! sees them: `.gitignore` honoured, hidden files skipped.

use std::path::{Path, PathBuf};

/// Extensions of the files checked when a directory is walked.
pub const EXTENSIONS: &[&str] = &["md", "markdown", "mdx", "txt", "text", "html", "htm"];

fn is_prose(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| EXTENSIONS.iter().any(|x| x.eq_ignore_ascii_case(e)))
}

/// The files under `paths`, sorted and without duplicates, and the
/// problems met walking (unreadable directories, loops), as messages.
pub fn files(paths: &[PathBuf]) -> (Vec<PathBuf>, Vec<(String, String)>) {
    let mut out = Vec::new();
    let mut problems = Vec::new();
    for p in paths {
        if !p.is_dir() {
            out.push(p.clone());
            continue;
        }
        for entry in ignore::WalkBuilder::new(p).follow_links(true).build() {
            match entry {
                Ok(e) if e.file_type().is_some_and(|t| t.is_file()) && is_prose(e.path()) => {
                    out.push(e.into_path())
                }
                Ok(_) => {}
                Err(err) => problems.push((crate::load::display_path(p), err.to_string())),
            }
        }
    }
    out.sort();
    out.dedup();
    (out, problems)
}
