//! Project configuration, the ruff way: which checks run, at what
//! severity, and which paths a walk leaves out. It lives in the `[check]`
//! table of `numcheck.toml` or the `[tool.numcheck]` table of
//! `pyproject.toml`, the nearest of them in the working directory or
//! above; globs are relative to the folder of that file.
//!
//! ```toml
//! [check]
//! select = ["NC1", "NC2"]          # codes or prefixes; default: all
//! ignore = ["NC203"]               # taken out of the selection
//! exclude = ["archive/**"]         # replaces the default (none)
//! extend-exclude = ["drafts/old/**"]
//! [check.severity]
//! NC113 = "warning"                # or a check's name: universal-contradicted = "warning"
//! [check.per-file-ignores]
//! "letters/**" = ["NC201"]
//! ```
//!
//! Like the rules file, it is read in two stages: raw serde structs that
//! reject unknown keys, then a validating constructor that resolves codes
//! against the registry and compiles the globs.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use globset::{Glob, GlobSet, GlobSetBuilder};
use serde::Deserialize;

use crate::checks::{self, Meta};
use crate::diagnostic::{Diagnostic, Severity};
use crate::load;

#[derive(Deserialize, Debug, Default)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct RawConfig {
    select: Option<Vec<String>>,
    #[serde(default)]
    ignore: Vec<String>,
    #[serde(default)]
    severity: BTreeMap<String, String>,
    exclude: Option<Vec<String>>,
    #[serde(default)]
    extend_exclude: Vec<String>,
    #[serde(default)]
    per_file_ignores: BTreeMap<String, Vec<String>>,
}

/// A validated configuration.
#[derive(Debug)]
pub struct Config {
    /// The file it came from; `None` for the default.
    pub file: Option<PathBuf>,
    /// The folder globs are relative to.
    root: PathBuf,
    /// The codes that run.
    enabled: Vec<&'static str>,
    severity: BTreeMap<&'static str, Severity>,
    exclude: GlobSet,
    per_file: Vec<(GlobSet, Vec<&'static str>)>,
}

impl Default for Config {
    fn default() -> Config {
        Config {
            file: None,
            root: PathBuf::from("."),
            enabled: checks::ALL.iter().map(|m| m.code).collect(),
            severity: BTreeMap::new(),
            exclude: GlobSet::empty(),
            per_file: Vec::new(),
        }
    }
}

/// The checks a selector names: a code (`NC101`), a prefix of codes
/// (`NC1`, `NC`), `ALL`, or a check's name (`value-mismatch`).
fn resolve(selector: &str) -> Result<Vec<&'static Meta>, String> {
    let s = selector.trim();
    let hits: Vec<&'static Meta> = if s.eq_ignore_ascii_case("ALL") {
        checks::ALL.to_vec()
    } else {
        checks::ALL
            .iter()
            .copied()
            .filter(|m| m.name == s || m.code.starts_with(&s.to_ascii_uppercase()))
            .collect()
    };
    if hits.is_empty() || s.is_empty() {
        return Err(format!(
            "`{}` names no check (a code such as NC101, a prefix such as NC1, or a name such as \
             value-mismatch; `numcheck explain --list` lists them)",
            load::one_line(selector)
        ));
    }
    Ok(hits)
}

fn codes(selectors: &[String], key: &str) -> Result<Vec<&'static str>, String> {
    let mut out = Vec::new();
    for s in selectors {
        for m in resolve(s).map_err(|e| format!("`{key}`: {e}"))? {
            if !out.contains(&m.code) {
                out.push(m.code);
            }
        }
    }
    Ok(out)
}

fn globs(patterns: &[String], key: &str) -> Result<GlobSet, String> {
    let mut b = GlobSetBuilder::new();
    for p in patterns {
        let glob = Glob::new(p.trim_end_matches('/'))
            .map_err(|e| format!("`{key}`: `{}` is not a glob: {e}", load::one_line(p)))?;
        b.add(glob);
        // A folder excludes what is in it.
        if let Ok(inside) = Glob::new(&format!("{}/**", p.trim_end_matches('/'))) {
            b.add(inside);
        }
    }
    b.build().map_err(|e| format!("`{key}`: {e}"))
}

impl Config {
    /// Validates the raw table of the file at `file`.
    fn build(raw: RawConfig, file: &Path) -> Result<Config, String> {
        let selected = match &raw.select {
            Some(s) => codes(s, "select")?,
            None => checks::ALL.iter().map(|m| m.code).collect(),
        };
        let ignored = codes(&raw.ignore, "ignore")?;
        let mut severity = BTreeMap::new();
        for (selector, level) in &raw.severity {
            let level = match level.as_str() {
                "error" => Severity::Error,
                "warning" => Severity::Warning,
                "note" => Severity::Note,
                other => {
                    return Err(format!(
                        "`severity.{selector}`: `{}` is not error, warning or note",
                        load::one_line(other)
                    ));
                }
            };
            for m in resolve(selector).map_err(|e| format!("`severity`: {e}"))? {
                severity.insert(m.code, level);
            }
        }
        let mut exclude = raw.exclude.unwrap_or_default();
        exclude.extend(raw.extend_exclude);
        let mut per_file = Vec::new();
        for (pattern, list) in &raw.per_file_ignores {
            per_file.push((
                globs(std::slice::from_ref(pattern), "per-file-ignores")?,
                codes(list, &format!("per-file-ignores.\"{pattern}\""))?,
            ));
        }
        let root = file
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        Ok(Config {
            file: Some(file.to_path_buf()),
            root: std::path::absolute(root).unwrap_or_else(|_| root.to_path_buf()),
            enabled: selected
                .into_iter()
                .filter(|c| !ignored.contains(c))
                .collect(),
            severity,
            exclude: globs(&exclude, "exclude")?,
            per_file,
        })
    }

    /// Reads the configuration of the file at `path` (`numcheck.toml`'s
    /// `[check]`, `pyproject.toml`'s `[tool.numcheck]`); `Ok(None)` when it
    /// has none.
    pub fn read(path: &Path) -> Result<Option<Config>, String> {
        let shown = load::display_path(path);
        let bytes =
            load::read_regular(path, load::MAX_SIZE).map_err(|e| format!("{shown}: {e}"))?;
        let text = String::from_utf8(bytes).map_err(|_| format!("{shown}: not UTF-8"))?;
        let mut table: toml::Table = text
            .parse()
            .map_err(|e: toml::de::Error| format!("{shown}: {}", load::one_line(e.message())))?;
        let section = if path.file_name().is_some_and(|n| n == "pyproject.toml") {
            table
                .remove("tool")
                .and_then(|t| t.as_table().and_then(|t| t.get("numcheck").cloned()))
        } else {
            table.remove("check")
        };
        let Some(section) = section else {
            return Ok(None);
        };
        let raw: RawConfig = section
            .try_into()
            .map_err(|e: toml::de::Error| format!("{shown}: {}", load::one_line(e.message())))?;
        Config::build(raw, path)
            .map(Some)
            .map_err(|e| format!("{shown}: {e}"))
    }

    /// The nearest configuration in `dir` or above, or the default.
    pub fn discover(dir: &Path) -> Result<Config, String> {
        let abs = std::path::absolute(dir).unwrap_or_else(|_| dir.to_path_buf());
        for d in abs.ancestors() {
            for name in ["numcheck.toml", "pyproject.toml"] {
                let candidate = d.join(name);
                if candidate.is_file()
                    && let Some(config) = Config::read(&candidate)?
                {
                    return Ok(config);
                }
            }
        }
        Ok(Config::default())
    }

    /// `path` relative to the configuration's folder, for its globs.
    fn relative(&self, path: &Path) -> PathBuf {
        let abs = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
        abs.strip_prefix(&self.root)
            .map(Path::to_path_buf)
            .unwrap_or(abs)
    }

    /// Whether a walk leaves the file at `path` out (`exclude`).
    pub fn excludes(&self, path: &Path) -> bool {
        self.exclude.is_match(self.relative(path))
    }

    /// Applies select, ignore, per-file ignores and severity overrides to
    /// the findings of the document at `path` (`None`: standard input,
    /// where per-file ignores do not apply).
    pub fn apply(&self, path: Option<&Path>, diagnostics: &mut Vec<Diagnostic>) {
        let rel = path.map(|p| self.relative(p));
        let ignored: Vec<&str> = rel
            .as_ref()
            .map(|r| {
                self.per_file
                    .iter()
                    .filter(|(g, _)| g.is_match(r))
                    .flat_map(|(_, codes)| codes.iter().copied())
                    .collect()
            })
            .unwrap_or_default();
        diagnostics.retain(|d| self.enabled.contains(&d.code) && !ignored.contains(&d.code));
        for d in diagnostics {
            if let Some(level) = self.severity.get(d.code) {
                d.severity = *level;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn build(text: &str) -> Result<Config, String> {
        let raw: RawConfig = toml::from_str(text).map_err(|e| e.to_string())?;
        Config::build(raw, Path::new("/p/numcheck.toml"))
    }

    #[test]
    fn selectors_are_codes_prefixes_and_names() {
        let c = build("select = [\"NC1\"]\nignore = [\"value-mismatch\"]").unwrap();
        assert!(c.enabled.contains(&"NC111"));
        assert!(!c.enabled.contains(&"NC101"));
        assert!(!c.enabled.contains(&"NC201"));
        let e = build("ignore = [\"NC999\"]").unwrap_err();
        assert!(e.contains("`NC999` names no check"), "{e}");
        let e = build("colour = true").unwrap_err();
        assert!(e.contains("unknown field"), "{e}");
        let e = build("[severity]\nNC101 = \"fatal\"").unwrap_err();
        assert!(e.contains("not error, warning or note"), "{e}");
    }

    #[test]
    fn excludes_are_relative_to_the_file_and_cover_folders() {
        let c = build("exclude = [\"archive\"]\nextend-exclude = [\"*.html\"]").unwrap();
        assert!(c.excludes(Path::new("/p/archive/2020/a.md")));
        assert!(c.excludes(Path::new("/p/page.html")));
        assert!(!c.excludes(Path::new("/p/drafts/a.md")));
    }
}
