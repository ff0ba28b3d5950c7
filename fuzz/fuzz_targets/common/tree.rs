//! A real folder tree built from fuzz input, the way a pull request's
//! author would build one: drafts, rules files that extend others, links
//! (in the tree, out of it, dangling, looping), FIFOs, hard links,
//! read-only files and `.gitignore`s. Beside the tree lies `outside/`,
//! whose files hold a marker no run may quote and no run may change.
//!
//! The input is a list of operations, one byte of kind, one of name, then
//! what the kind needs; names and link targets come from fixed lists, so
//! the fuzzer composes trees instead of guessing paths.

use std::collections::BTreeMap;
use std::os::unix::fs::{PermissionsExt, symlink};
use std::path::{Path, PathBuf};

/// The marker in every file outside the tree.
pub const SECRET: &str = "SECRET-0xC0FFEE";

/// The seed rules, which the drafts' figures bind to.
pub const SEED_RULES: &str = include_str!("../../../rules.toml");

/// Text the drafts are made of: figures the seed rules know, right and wrong.
const PHRASES: &[&str] = &[
    "Wagner has 80,000 personnel. ",
    "Wagner has 50,000 personnel, including 10,000 contractors and 40,000 convicts. ",
    "Prigozhin spends more than $100 million a month. ",
    "About 1,000 Wagner fighters were killed in recent weeks, 90% of them convicts. ",
    "Wagner was founded in 2014. ",
    "<!-- numcheck: ignore -->",
    "---\ndate: 2022-12-22\n---\n",
    "\n\n",
    "# Wagner\n",
    "£",
];

/// Where a file may be, inside the tree.
const NAMES: &[&str] = &[
    "draft.md",
    "notes.txt",
    "page.html",
    "rules.toml",
    "numcheck.toml",
    "base.toml",
    "a/draft.md",
    "a/rules.toml",
    "a/base.toml",
    "a/b/deep.markdown",
    "a/b/rules.toml",
    "logo.png",
    "profile.conf",
    ".hidden.md",
    "a/.git",
    ".gitignore",
    "a/.gitignore",
    "READ ME.md",
    "new\nline.md",
    "baseline.json",
    "fifo.toml",
];

/// What a link, or an `extends`, may point at.
const TARGETS: &[&str] = &[
    "draft.md",
    "base.toml",
    "a/base.toml",
    "../base.toml",
    "a",
    ".",
    "..",
    "../outside/secret.md",
    "../outside/secret.toml",
    "../outside",
    "../../outside/secret.toml",
    "missing.md",
    "/etc/passwd",
    "/dev/zero",
    "/dev/null",
    "fifo.toml",
    "a/b",
    "rules.toml",
    "logo.png",
];

/// A tree in a temp folder: `root/project` is the tree, `root/outside`
/// the files beside it.
pub struct Tree {
    /// Removes the tree when the input is done.
    _tmp: tempfile::TempDir,
    pub project: PathBuf,
    pub outside: PathBuf,
}

/// The bytes of every file under `dir`, by path, links not followed.
pub fn snapshot(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    let mut out = BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&d) else {
            continue;
        };
        for e in entries.flatten() {
            let Ok(t) = e.file_type() else { continue };
            if t.is_dir() {
                stack.push(e.path());
            } else if t.is_file() {
                out.insert(e.path(), std::fs::read(e.path()).unwrap_or_default());
            } else if t.is_symlink() {
                let to = std::fs::read_link(e.path()).unwrap_or_default();
                out.insert(e.path(), to.into_os_string().into_encoded_bytes());
            }
        }
    }
    out
}

struct Input<'a>(&'a [u8]);

impl Input<'_> {
    fn byte(&mut self) -> Option<u8> {
        let (&b, rest) = self.0.split_first()?;
        self.0 = rest;
        Some(b)
    }
    fn pick<'t>(&mut self, from: &[&'t str]) -> Option<&'t str> {
        Some(from[usize::from(self.byte()?) % from.len()])
    }
    /// Up to `n` raw bytes.
    fn bytes(&mut self, n: usize) -> &[u8] {
        let n = n.min(self.0.len());
        let (taken, rest) = self.0.split_at(n);
        self.0 = rest;
        taken
    }
    /// Text: phrases, with a byte of raw input now and then.
    fn text(&mut self) -> Vec<u8> {
        let n = self.byte().unwrap_or(0) % 16;
        let mut out = Vec::new();
        for _ in 0..n {
            match self.byte() {
                Some(b) if b >= 0xf0 => {
                    let len = usize::from(b - 0xf0) * 4;
                    out.extend_from_slice(self.bytes(len));
                }
                Some(b) => {
                    out.extend_from_slice(PHRASES[usize::from(b) % PHRASES.len()].as_bytes())
                }
                None => break,
            }
        }
        out
    }
}

impl Tree {
    pub fn new() -> Tree {
        let tmp = tempfile::tempdir().expect("temp dir");
        let project = tmp.path().join("project");
        let outside = tmp.path().join("outside");
        std::fs::create_dir_all(&project).expect("project");
        std::fs::create_dir_all(&outside).expect("outside");
        let secret = format!("Wagner has 80,000 personnel. {SECRET}\n");
        std::fs::write(outside.join("secret.md"), &secret).expect("secret");
        std::fs::write(outside.join("secret.toml"), format!("{SECRET} = 1\n")).expect("secret");
        std::fs::write(outside.join("profile.conf"), &secret).expect("secret");
        Tree {
            _tmp: tmp,
            project,
            outside,
        }
    }

    /// Builds the tree `data` describes; returns what is left of `data`
    /// (for the target's own use).
    pub fn build<'a>(&self, data: &'a [u8]) -> &'a [u8] {
        let mut input = Input(data);
        // The first byte: how many operations.
        let ops = input.byte().unwrap_or(0) % 24;
        for _ in 0..ops {
            let (Some(kind), Some(name)) = (input.byte(), input.pick(NAMES)) else {
                break;
            };
            let path = self.project.join(name);
            if let Some(parent) = path.parent() {
                let _ = std::fs::create_dir_all(parent);
            }
            // Whatever is there goes first: writing through a FIFO would
            // block, through a link would change what it points at.
            if std::fs::symlink_metadata(&path).is_ok_and(|m| !m.is_dir()) {
                let _ = std::fs::remove_file(&path);
            }
            match kind % 9 {
                0 | 1 => {
                    let _ = std::fs::write(&path, input.text());
                }
                2 => {
                    if let Some(to) = input.pick(TARGETS) {
                        let _ = symlink(to, &path);
                    }
                }
                3 => {
                    // A rules file: maybe an `extends`, then the seed rules or text.
                    let mut text = String::new();
                    if let Some(to) = input.pick(TARGETS) {
                        text.push_str(&format!("extends = \"{to}\"\n"));
                    }
                    if input.byte().is_some_and(|b| b % 2 == 0) {
                        text.push_str(SEED_RULES);
                    } else {
                        text.push_str("version = 1\n");
                        text.push_str(&String::from_utf8_lossy(&input.text()));
                    }
                    let _ = std::fs::write(&path, text);
                }
                4 => {
                    if let Ok(c) = std::ffi::CString::new(path.as_os_str().as_encoded_bytes()) {
                        // SAFETY: a valid C string; mkfifo only creates a node.
                        unsafe { libc::mkfifo(c.as_ptr(), 0o644) };
                    }
                }
                5 => {
                    if let Some(to) = input.pick(NAMES) {
                        let _ = std::fs::hard_link(self.project.join(to), &path);
                    }
                }
                6 => {
                    let _ = std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o444));
                }
                7 => {
                    let _ = std::fs::create_dir_all(&path);
                }
                _ => {
                    let lines = input.pick(NAMES).unwrap_or("*.md");
                    let _ = std::fs::write(&path, format!("{lines}\n"));
                }
            }
        }
        input.0
    }
}
