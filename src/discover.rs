//! Which rules apply to a file: `--rules`, or the nearest `numcheck.toml`
//! or `rules.toml` in its directory or above. Each rules file is read and
//! validated once per run, however many documents use it.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use crate::checks::config::RULES_REFERENCE;
use crate::diagnostic::{Diagnostic, Label, Severity};
use crate::error::Error;
use crate::facts::{self, FactTable};
use crate::load;
use crate::source::{SourceFile, Span};

/// The names looked for, nearest directory first, in this order.
pub const NAMES: &[&str] = &["numcheck.toml", "rules.toml"];

/// How many files an `extends` chain may hold.
const MAX_CHAIN: usize = 16;

/// The largest rules file read. The seed story's is 20 KB.
const MAX_RULES_SIZE: u64 = load::MAX_SIZE;

/// Where the files a rules file extends may be: the repository it is in
/// (the nearest folder above it holding `.git`), or, outside one, its own
/// folder and those below. In CI on a pull request the rules file is the
/// author's, and an `extends` to `/etc/shadow` or `/proc/self/environ`
/// would put that file's first line in the report.
fn project_of(rules: &Path) -> Option<PathBuf> {
    let parent = rules.parent().filter(|p| !p.as_os_str().is_empty());
    let folder = std::fs::canonicalize(parent.unwrap_or(Path::new("."))).ok()?;
    let repository = folder
        .ancestors()
        .find(|dir| dir.join(".git").exists())
        .map(Path::to_path_buf);
    Some(repository.unwrap_or(folder))
}

/// Why the file an `extends` names may not be read, if it may not: it
/// lies outside `project`, is not a regular file, or is not a `.toml`
/// file (whose text, quoted in an error, could be anything).
fn refuse_extends(target: &Path, project: &Path) -> Option<String> {
    let cannot_read = |e| {
        format!(
            "cannot read the rules it extends: {}: {e}",
            load::display_path(target)
        )
    };
    let canonical = match std::fs::canonicalize(target) {
        Ok(c) => c,
        Err(e) => return Some(cannot_read(e)),
    };
    if !canonical.starts_with(project) {
        return Some(format!(
            "`extends` may only name a file inside the project, `{}`",
            load::display_path(project)
        ));
    }
    if canonical.extension().is_none_or(|e| e != "toml") {
        return Some("`extends` may only name a rules file (`.toml`)".to_string());
    }
    match std::fs::metadata(&canonical) {
        Ok(m) if m.is_file() => None,
        Ok(_) => Some("`extends` may only name a regular file".to_string()),
        Err(e) => Some(cannot_read(e)),
    }
}

/// Reads and validates a rules file and the files it extends.
pub fn load_rules(path: &Path) -> Result<FactTable, Error> {
    load_rules_from(path, None)
}

/// As [`load_rules`], with `text` standing for the file at `path` (an
/// editor's unsaved buffer); the files it extends are read from disk.
pub fn load_rules_from(path: &Path, text: Option<&str>) -> Result<FactTable, Error> {
    let mut unsaved = text.map(str::to_owned);
    let project = project_of(path);
    let top = load::display_path(path);
    let rules_error = |diagnostics| Error::Rules {
        path: top.clone(),
        diagnostics,
    };
    let mut chain = Vec::new();
    let mut seen: Vec<PathBuf> = Vec::new();
    let mut at = path.to_path_buf();
    // The `extends` line that led to `at`: where to point if it cannot be read.
    let mut via: Option<(Arc<SourceFile>, Span)> = None;
    loop {
        let problem = |message: String, via: &Option<(Arc<SourceFile>, Span)>| {
            via.as_ref().map(|(file, span)| {
                rules_error(vec![Diagnostic::new(
                    &RULES_REFERENCE,
                    Severity::Error,
                    message,
                    Label::new(file, *span, "extended here"),
                )])
            })
        };
        let canonical = std::fs::canonicalize(&at).unwrap_or_else(|_| at.clone());
        if seen.contains(&canonical) || seen.len() >= MAX_CHAIN {
            let message = if seen.len() >= MAX_CHAIN {
                format!("`extends` goes more than {MAX_CHAIN} files deep")
            } else {
                format!("`extends` loops back to `{}`", load::display_path(&at))
            };
            return Err(problem(message, &via).expect("only a file that extends loops"));
        }
        seen.push(canonical);
        let refusal = via.as_ref().and_then(|_| match &project {
            Some(project) => refuse_extends(&at, project),
            None => Some("cannot find the folder of the rules file".to_string()),
        });
        if let Some(error) = refusal.and_then(|message| problem(message, &via)) {
            return Err(error);
        }
        let name = load::display_path(&at);
        let text = match unsaved.take() {
            Some(text) => Ok(text),
            None => match load::read_regular(&at, MAX_RULES_SIZE) {
                Ok(bytes) => load::decode(&name, bytes),
                Err(source) => Err(Error::Io {
                    path: name.clone(),
                    source,
                }),
            },
        };
        let text = match text {
            Ok(t) => t,
            Err(e) => {
                return Err(
                    problem(format!("cannot read the rules it extends: {e}"), &via).unwrap_or(e),
                );
            }
        };
        let file = SourceFile::new(name, text);
        let parsed = facts::parse(&file).map_err(rules_error)?;
        let dir = at.parent().map(Path::to_path_buf);
        let next = parsed
            .extends()
            .map(|(base, span)| (dir.clone().unwrap_or_default().join(base), span));
        chain.push((parsed, dir));
        match next {
            Some((base, span)) => {
                via = Some((file, span));
                at = base;
            }
            None => break,
        }
    }
    chain.reverse();
    facts::build(chain).map_err(rules_error)
}

/// As [`load_rules_from`], for a rules file found by discovery rather
/// than named by `--rules`: on a pull request it is the author's, so it
/// must itself be a regular file inside its project, as the files it
/// extends must (a `rules.toml` linking to `/etc/shadow` would otherwise
/// be quoted in the error for its first line).
pub fn load_discovered(path: &Path, text: Option<&str>) -> Result<FactTable, Error> {
    let refusal = match project_of(path) {
        Some(project) => std::fs::canonicalize(path)
            .ok()
            .filter(|c| !c.starts_with(&project))
            .map(|c| {
                format!(
                    "a link to `{}`, outside the project `{}`: not read",
                    load::display_path(&c),
                    load::display_path(&project)
                )
            }),
        None => Some("cannot find its folder".to_string()),
    };
    match refusal {
        Some(why) => Err(Error::Io {
            path: load::display_path(path),
            source: std::io::Error::new(std::io::ErrorKind::InvalidInput, why),
        }),
        None => load_rules_from(path, text),
    }
}

type Loaded = Result<Arc<FactTable>, Arc<Error>>;

/// What a `numcheck.toml` or `rules.toml` found by discovery is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    /// A numcheck rules file: it has a top-level `version` key, or is not
    /// TOML at all (then it is ours, broken, and its errors are reported).
    Rules,
    /// A `numcheck.toml` holding only configuration (`[check]`).
    Config,
    /// Another tool's file: valid TOML with neither.
    Foreign,
}

/// The kind of the file at `path` by its text (`None`: it could not be
/// read or decoded; it is ours, and loading it reports why).
fn kind_of(text: Option<&str>) -> Kind {
    match text.map(str::parse::<toml::Table>) {
        Some(Ok(table)) if table.contains_key("version") => Kind::Rules,
        Some(Ok(table)) if table.contains_key("check") => Kind::Config,
        Some(Ok(_)) => Kind::Foreign,
        _ => Kind::Rules,
    }
}

/// Finds and caches rules for many files, from many threads.
pub struct Rules {
    /// The text of each candidate file read to tell its kind, kept so that
    /// loading it reads it no second time: each rules file is read once.
    peeked: Mutex<HashMap<PathBuf, (Kind, Option<String>)>>,
    /// `rules.toml` files passed over as another tool's, in the order met.
    foreign: Mutex<Vec<PathBuf>>,
    fixed: Option<Loaded>,
    by_dir: Mutex<HashMap<PathBuf, Option<PathBuf>>>,
    by_file: Mutex<HashMap<PathBuf, Loaded>>,
    empty: Arc<FactTable>,
}

impl Rules {
    /// Rules from `--rules`, or discovered per file when `None`.
    pub fn new(fixed: Option<&Path>) -> Rules {
        Rules {
            peeked: Mutex::default(),
            foreign: Mutex::default(),
            fixed: fixed.map(|p| load_rules(p).map(Arc::new).map_err(Arc::new)),
            by_dir: Mutex::default(),
            by_file: Mutex::default(),
            empty: Arc::new(FactTable::empty()),
        }
    }

    /// The rules file for a document at `path`, if any.
    pub fn locate(&self, path: &Path) -> Option<PathBuf> {
        let abs = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
        let mut dir = abs.parent()?.to_path_buf();
        let mut seen = Vec::new();
        let found = loop {
            if let Some(hit) = self
                .by_dir
                .lock()
                .map(|m| m.get(&dir).cloned())
                .ok()
                .flatten()
            {
                break hit;
            }
            seen.push(dir.clone());
            let mut hit = None;
            for candidate in NAMES.iter().map(|n| dir.join(n)).filter(|p| p.is_file()) {
                match self.kind(&candidate) {
                    Kind::Rules => {
                        hit = Some(candidate);
                        break;
                    }
                    Kind::Config => continue,
                    Kind::Foreign => {}
                }
                if let Ok(mut foreign) = self.foreign.lock()
                    && !foreign.contains(&candidate)
                {
                    foreign.push(candidate);
                }
            }
            if hit.is_some() {
                break hit;
            }
            if !dir.pop() {
                break None;
            }
        };
        if let Ok(mut m) = self.by_dir.lock() {
            for d in seen {
                m.insert(d, found.clone());
            }
        }
        found
    }

    /// The kind of a candidate, read once however many threads ask.
    fn kind(&self, path: &Path) -> Kind {
        let mut peeked = self.peeked.lock().unwrap_or_else(|e| e.into_inner());
        if let Some((kind, _)) = peeked.get(path) {
            return *kind;
        }
        let text = load::read_regular(path, MAX_RULES_SIZE)
            .ok()
            .and_then(|b| load::decode(&load::display_path(path), b).ok());
        let kind = kind_of(text.as_deref());
        peeked.insert(path.to_path_buf(), (kind, text));
        kind
    }

    /// Whether a document at `path` has a rules file: `--rules`, or one
    /// found in its folder or above.
    pub fn found_for(&self, path: &Path) -> bool {
        self.fixed.is_some() || self.locate(path).is_some()
    }

    /// The table for a document at `path` (stdin: the working directory).
    pub fn for_path(&self, path: &Path) -> Loaded {
        if let Some(fixed) = &self.fixed {
            return fixed.clone();
        }
        let Some(rules) = self.locate(path) else {
            return Ok(Arc::clone(&self.empty));
        };
        let mut cache = self.by_file.lock().unwrap_or_else(|e| e.into_inner());
        cache
            .entry(rules.clone())
            .or_insert_with(|| {
                let text = self
                    .peeked
                    .lock()
                    .ok()
                    .and_then(|mut p| p.get_mut(&rules).and_then(|(_, t)| t.take()));
                load_discovered(&rules, text.as_deref())
                    .map(Arc::new)
                    .map_err(Arc::new)
            })
            .clone()
    }

    /// The `rules.toml` files passed over as another tool's (no `version`).
    pub fn foreign(&self) -> Vec<PathBuf> {
        self.foreign.lock().map(|f| f.clone()).unwrap_or_default()
    }

    /// Every rules file that failed to load, once each.
    pub fn failures(&self) -> Vec<Arc<Error>> {
        let mut out: Vec<Arc<Error>> = Vec::new();
        if let Some(Err(e)) = &self.fixed {
            out.push(Arc::clone(e));
        }
        if let Ok(cache) = self.by_file.lock() {
            let mut errs: Vec<(&PathBuf, &Arc<Error>)> = cache
                .iter()
                .filter_map(|(p, r)| r.as_ref().err().map(|e| (p, e)))
                .collect();
            errs.sort_by_key(|(p, _)| p.to_path_buf());
            out.extend(errs.into_iter().map(|(_, e)| Arc::clone(e)));
        }
        out
    }
}
