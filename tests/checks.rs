//! Every value, arithmetic and date check (NC1xx, NC2xx, NC3xx) against
//! hand-written prose: `fixtures/checks/<CODE>-<name>/flag/*.txt` must be
//! reported with exactly that code, `pass/*.txt` (near misses) must produce
//! no finding at all. The rules are discovered as a user's would be: the
//! repository's rules.toml, or a rules.toml in the check's folder for
//! another story.
//!
//! The binary is run on each file with `--format json`, decoded here by
//! independent structs so that a renamed field fails. All failures are
//! collected and reported together, each with the file's human output.

use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use serde::Deserialize;

/// Where the fixtures live, relative to the crate root.
const FIXTURES: &str = "fixtures/checks";

/// Each check needs at least this many files of each kind.
const MIN_FILES: usize = 3;

/// The families these fixtures cover.
const FAMILIES: &[&str] = &["NC1", "NC2", "NC3"];

/// `check --format json` as documented (version 1). Fields may be added
/// to the output, so unknown ones are ignored; missing ones fail.
#[derive(Debug, Deserialize)]
struct Report {
    version: u32,
    findings: Vec<Finding>,
    errors: Vec<ToolError>,
}

#[derive(Debug, Deserialize)]
struct Finding {
    code: String,
    name: String,
    severity: String,
    message: String,
    line: usize,
    column: usize,
}

#[derive(Debug, Deserialize)]
struct ToolError {
    path: String,
    message: String,
}

/// What a fixture expects, from the folder it is in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Expect {
    /// Reported, with this code and no other.
    Flag,
    /// No finding at all.
    Pass,
}

impl Expect {
    fn dir(self) -> &'static str {
        match self {
            Expect::Flag => "flag",
            Expect::Pass => "pass",
        }
    }
}

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_numcheck"))
        .args(args)
        .current_dir(root())
        .env("NO_COLOR", "1")
        .stdin(Stdio::null())
        .output()
        .expect("numcheck runs")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// The checks numcheck lists, as (code, name), in the families covered here.
fn listed_checks() -> Vec<(String, String)> {
    let out = run(&["explain", "--list"]);
    assert!(
        out.status.success(),
        "`numcheck explain --list` failed:\n{}",
        text(&out.stderr)
    );
    let listed: Vec<(String, String)> = text(&out.stdout)
        .lines()
        .filter_map(|line| {
            let mut words = line.split_whitespace();
            Some((words.next()?.to_string(), words.next()?.to_string()))
        })
        .filter(|(code, _)| FAMILIES.iter().any(|f| code.starts_with(f)))
        .collect();
    assert!(
        !listed.is_empty(),
        "`numcheck explain --list` lists no NC1xx, NC2xx or NC3xx check:\n{}",
        text(&out.stdout)
    );
    listed
}

/// The check folders under fixtures/checks, sorted.
fn check_folders() -> Vec<PathBuf> {
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(root().join(FIXTURES))
        .expect("fixtures/checks exists")
        .map(|e| e.expect("readable entry").path())
        .filter(|p| p.is_dir())
        .collect();
    dirs.sort();
    dirs
}

/// The `.txt` fixtures directly in `folder/<flag|pass>`, sorted.
fn fixtures(folder: &Path, expect: Expect) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(folder.join(expect.dir())) else {
        return Vec::new();
    };
    let mut files: Vec<PathBuf> = entries
        .map(|e| e.expect("readable entry").path())
        .filter(|p| p.is_file() && p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    files
}

fn folder_name(folder: &Path) -> &str {
    folder
        .file_name()
        .and_then(|n| n.to_str())
        .expect("folder names are UTF-8")
}

/// The path as the binary is given it and prints it: relative, forward slashes.
fn rel(path: &Path) -> String {
    path.strip_prefix(root())
        .unwrap_or(path)
        .to_string_lossy()
        .replace('\\', "/")
}

/// Runs one fixture; `None` if it behaves as its folder says, else why not.
fn verdict(file: &Path, code: &str, expect: Expect) -> Option<String> {
    let path = rel(file);
    let out = run(&["check", "--format", "json", &path]);
    let status = out.status.code();
    if !matches!(status, Some(0 | 1)) {
        return Some(format!(
            "exit status {status:?}, expected 0 or 1\nstderr:\n{}",
            text(&out.stderr)
        ));
    }
    let report: Report = match serde_json::from_slice(&out.stdout) {
        Ok(r) => r,
        Err(e) => {
            return Some(format!(
                "output is not the documented JSON: {e}\nstdout:\n{}",
                text(&out.stdout)
            ));
        }
    };
    if report.version != 1 {
        return Some(format!("JSON version {}, expected 1", report.version));
    }
    if !report.errors.is_empty() {
        let errors: Vec<String> = report
            .errors
            .iter()
            .map(|e| format!("{}: {}", e.path, e.message))
            .collect();
        return Some(format!("tool errors:\n{}", errors.join("\n")));
    }
    let codes: BTreeSet<&str> = report.findings.iter().map(|f| f.code.as_str()).collect();
    let mut summary: Vec<String> = report
        .findings
        .iter()
        .map(|f| {
            format!(
                "{}:{} {}[{}/{}] {}",
                f.line, f.column, f.severity, f.code, f.name, f.message
            )
        })
        .collect();
    if summary.is_empty() {
        summary.push("(none)".to_string());
    }
    let wrong = match expect {
        Expect::Flag if codes.is_empty() => Some(format!("expected {code}, got no finding")),
        Expect::Flag if codes != BTreeSet::from([code]) => Some(format!(
            "expected only {code}, got {}",
            codes.into_iter().collect::<Vec<_>>().join(", ")
        )),
        Expect::Pass if !codes.is_empty() => Some(format!(
            "expected no finding, got {}",
            codes.into_iter().collect::<Vec<_>>().join(", ")
        )),
        _ => None,
    }?;
    let human = run(&["check", "--format", "human", "--color", "never", &path]);
    Some(format!(
        "{wrong}\nfindings:\n  {}\nhuman output:\n{}{}",
        summary.join("\n  "),
        text(&human.stdout),
        text(&human.stderr)
    ))
}

/// Every fixture is reported exactly as its folder says; all failures at once.
#[test]
fn fixtures_behave_as_labelled() {
    let mut failures = Vec::new();
    let mut ran = 0;
    for folder in check_folders() {
        let name = folder_name(&folder);
        let Some((code, _)) = name.split_once('-') else {
            continue;
        };
        for expect in [Expect::Flag, Expect::Pass] {
            for file in fixtures(&folder, expect) {
                ran += 1;
                if let Some(why) = verdict(&file, code, expect) {
                    failures.push((rel(&file), why));
                }
            }
        }
    }
    assert!(ran > 0, "no fixtures found under {FIXTURES}");
    if failures.is_empty() {
        return;
    }
    let mut report = String::new();
    for (file, why) in &failures {
        let _ = writeln!(report, "──── {file}\n{why}");
    }
    let list: Vec<&str> = failures.iter().map(|(f, _)| f.as_str()).collect();
    panic!(
        "{} of {ran} fixtures do not behave as labelled:\n\n{report}\nfailing:\n  {}",
        failures.len(),
        list.join("\n  ")
    );
}

/// Every NC1xx, NC2xx and NC3xx check has a folder named `<CODE>-<name>`
/// with at least three flag and three pass files, and every folder names a
/// check.
#[test]
fn every_check_has_fixtures() {
    let listed = listed_checks();
    let folders: Vec<String> = check_folders()
        .iter()
        .map(|f| folder_name(f).to_string())
        .collect();
    let mut problems = Vec::new();
    for (code, name) in &listed {
        let want = format!("{code}-{name}");
        let folder = root().join(FIXTURES).join(&want);
        if !folder.is_dir() {
            problems.push(format!("{code} ({name}): no folder {FIXTURES}/{want}"));
            continue;
        }
        for expect in [Expect::Flag, Expect::Pass] {
            let n = fixtures(&folder, expect).len();
            if n < MIN_FILES {
                problems.push(format!(
                    "{want}: {n} {} fixture(s), at least {MIN_FILES} needed",
                    expect.dir()
                ));
            }
        }
    }
    for folder in &folders {
        if !listed.iter().any(|(c, n)| *folder == format!("{c}-{n}")) {
            problems.push(format!(
                "{FIXTURES}/{folder}: names no NC1xx/NC2xx/NC3xx check in `numcheck explain --list`"
            ));
        }
    }
    assert!(
        problems.is_empty(),
        "checks without enough fixtures:\n  {}",
        problems.join("\n  ")
    );
}
