//! Checking a large tree: the same output whatever the number of threads,
//! every file read once (however often it is named or linked), `.gitignore`
//! and hidden files honoured, binary and oversized files skipped with a note.
//!
//! The tree is built in a temporary directory: 2,000 drafts in nested
//! folders, two in five of them with a wrong figure (NC101), the rest
//! correct, plus the traps listed on [`Tree`]. Unix only: it makes
//! symbolic links and watches the run with strace.

#![cfg(unix)]

mod common;

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use common::{code, stderr, stdout};

/// The drafts under `docs/`: 10 sections × 10 chapters × 20 files.
const DRAFTS: usize = 2_000;
const SECTIONS: usize = 10;
const CHAPTERS: usize = 10;
/// `--max-filesize` for every run: far above a draft, below `misc/huge.md`.
const MAX_FILESIZE: &str = "4K";
const MAX_BYTES: usize = 4 * 1024;

/// A tree to check, and what is in it.
///
/// - `docs/sN/cM/fIIII.{md,txt,html}`: the drafts; `bad` lists those with a
///   wrong figure.
/// - `mirror -> docs/s2`: a link to a folder, so its drafts are reachable twice;
///   `docs/s9/shortcut.md -> ../s0/c0/f0000.md`: a link to a draft.
/// - `misc/`: two correct drafts, a binary file named `.txt` and a file over
///   `--max-filesize`.
/// - `ignored/` (in `.gitignore`), `.drafts/` and `docs/s4/.note.md`
///   (hidden), `docs/s0/figures.csv` (not prose): wrong figures that must
///   never be read.
struct Tree {
    _dir: tempfile::TempDir,
    /// The tree's root, canonical; runs start here.
    root: PathBuf,
    /// Where HOME points during runs, outside the tree, so that no global
    /// gitignore of the machine's user changes what is walked.
    home: PathBuf,
    /// Every prose file a run over the root must read (drafts, misc), canonical.
    checked: BTreeSet<PathBuf>,
    /// The drafts with a wrong figure, canonical.
    bad: BTreeSet<PathBuf>,
    binary: PathBuf,
    huge: PathBuf,
    /// Files that must never be opened.
    never: Vec<PathBuf>,
}

const FILLER: &str = "Officials discussed the Wagner Group at the briefing.";

/// "61,000": a figure that disagrees with the canonical "about 50,000".
fn wrong_figure(i: usize) -> String {
    let n = 60_000 + (i % 50) * 1_000;
    format!("{},{:03}", n / 1_000, n % 1_000)
}

fn claim(i: usize, bad: bool) -> String {
    if bad {
        format!("Wagner has {} personnel.", wrong_figure(i))
    } else {
        "Wagner has about 50,000 personnel.".to_string()
    }
}

fn draft(ext: &str, i: usize, bad: bool) -> String {
    let claim = claim(i, bad);
    match ext {
        "md" => format!("# Briefing note {i}\n\n{FILLER}\n\n{claim}\n"),
        "html" => format!(
            "<!doctype html>\n<html><head><title>Note {i}</title></head><body>\n\
             <h1>Briefing note {i}</h1>\n<p>{FILLER}</p>\n<p>{claim}</p>\n</body></html>\n"
        ),
        _ => format!("Briefing note {i}\n\n{FILLER}\n{claim}\n"),
    }
}

fn write(path: &Path, contents: impl AsRef<[u8]>) {
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, contents).unwrap();
}

fn symlink(target: &str, link: &Path) {
    std::os::unix::fs::symlink(target, link).unwrap();
}

fn canonical(path: &Path) -> PathBuf {
    std::fs::canonicalize(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

impl Tree {
    fn new() -> Tree {
        let dir = tempfile::tempdir().unwrap();
        let root = canonical(dir.path()).join("tree");
        let home = canonical(dir.path()).join("home");
        std::fs::create_dir_all(&root).unwrap();
        std::fs::create_dir_all(&home).unwrap();
        // A git work tree, as a checkout of drafts is: the walk honours
        // .gitignore the way git does, inside a repository.
        let git = Command::new("git")
            .args(["init", "--quiet"])
            .current_dir(&root)
            .env("HOME", &home)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status();
        if !git.is_ok_and(|s| s.success()) {
            std::fs::create_dir_all(root.join(".git")).unwrap();
        }
        let rules = Path::new(env!("CARGO_MANIFEST_DIR")).join("rules.toml");
        std::fs::copy(rules, root.join("rules.toml")).unwrap();
        write(&root.join(".gitignore"), "/ignored/\n");

        let mut checked = BTreeSet::new();
        let mut bad = BTreeSet::new();
        for i in 0..DRAFTS {
            let ext = ["md", "txt", "html"][i % 3];
            let section = i / (DRAFTS / SECTIONS);
            let chapter = i / (DRAFTS / SECTIONS / CHAPTERS) % CHAPTERS;
            let path = root.join(format!("docs/s{section}/c{chapter}/f{i:04}.{ext}"));
            let is_bad = i % 5 < 2;
            write(&path, draft(ext, i, is_bad));
            if is_bad {
                bad.insert(path.clone());
            }
            checked.insert(path);
        }
        symlink("docs/s2", &root.join("mirror"));
        symlink("../s0/c0/f0000.md", &root.join("docs/s9/shortcut.md"));

        for (name, ext) in [("clean.md", "md"), ("clean.txt", "txt")] {
            let path = root.join("misc").join(name);
            write(&path, draft(ext, 0, false));
            checked.insert(path);
        }
        let binary = root.join("misc/blob.txt");
        let mut bytes = b"Wagner has 80,000 personnel.\n".to_vec();
        bytes.extend_from_slice(&[0, 0, 0, 1, 2, 3, 0xff, 0]);
        write(&binary, bytes);
        checked.insert(binary.clone());
        let huge = root.join("misc/huge.md");
        let mut text = String::from("# A long note\n\n");
        while text.len() <= 2 * MAX_BYTES {
            text.push_str(&format!("{FILLER}\n\n"));
        }
        text.push_str("Wagner has 80,000 personnel.\n");
        write(&huge, text);

        let mut never = Vec::new();
        for rel in [
            "ignored/claim.md",
            "ignored/deep/claim.txt",
            ".drafts/claim.md",
            ".drafts/deep/claim.html",
            "docs/s4/.note.md",
            "docs/s0/figures.csv",
        ] {
            let path = root.join(rel);
            write(&path, "Wagner has 80,000 personnel.\n");
            never.push(path);
        }

        Tree {
            _dir: dir,
            root,
            home,
            checked,
            bad,
            binary,
            huge,
            never,
        }
    }

    /// `path`, spelled from the root.
    fn at(&self, rel: &str) -> String {
        self.root.join(rel).to_str().unwrap().to_string()
    }

    /// The paths every test checks: the root, a folder inside it, one of that
    /// folder's files, and the root again.
    fn overlapping_paths(&self) -> Vec<String> {
        vec![
            self.at(""),
            self.at("docs/s3"),
            self.at("docs/s3/c1/f0620.html"),
            self.at(""),
        ]
    }

    /// numcheck, started in the tree's root.
    fn numcheck(&self) -> Command {
        let mut cmd = common::numcheck();
        self.configure(&mut cmd);
        cmd
    }

    fn configure(&self, cmd: &mut Command) {
        cmd.current_dir(&self.root)
            .env("HOME", &self.home)
            .env("XDG_CONFIG_HOME", self.home.join(".config"))
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
    }

    /// `check --max-filesize 4K` with `args`, then the overlapping paths.
    fn check(&self, args: &[&str]) -> Output {
        self.numcheck()
            .arg("check")
            .args(["--max-filesize", MAX_FILESIZE])
            .args(args)
            .args(self.overlapping_paths())
            .output()
            .expect("numcheck runs")
    }

    /// A path as output shows it, made canonical.
    fn resolve(&self, shown: &str) -> PathBuf {
        canonical(&self.root.join(shown))
    }
}

fn json(out: &Output) -> serde_json::Value {
    serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("JSON output: {e}\n{}", stdout(out)))
}

/// Runs `check` in `format` with -j1, the default, -j 2 and -j 8, and
/// requires the same stdout, stderr and exit code from each.
fn same_output_whatever_the_threads(format: &[&str]) {
    let tree = Tree::new();
    let one = tree.check(&[format, &["-j1"]].concat());
    assert_eq!(code(&one), 1, "{format:?} -j1: {}", stderr(&one));
    assert!(!one.stdout.is_empty(), "{format:?} -j1 printed nothing");
    for threads in [&[][..], &["-j", "2"], &["-j", "8"]] {
        let many = tree.check(&[format, threads].concat());
        assert_eq!(
            code(&many),
            code(&one),
            "{format:?} {threads:?}: {}",
            stderr(&many)
        );
        let (a, b) = first_difference(&stdout(&one), &stdout(&many));
        assert!(
            many.stdout == one.stdout,
            "{format:?}: stdout with {threads:?} differs from -j1; first differing line:\n\
             -j1: {a:?}\n{threads:?}: {b:?}",
        );
        assert_eq!(
            stderr(&many),
            stderr(&one),
            "{format:?}: stderr with {threads:?} differs from -j1"
        );
    }
}

#[test]
fn json_is_the_same_whatever_the_number_of_threads() {
    same_output_whatever_the_threads(&["--format", "json"]);
}

#[test]
fn short_output_is_the_same_whatever_the_number_of_threads() {
    same_output_whatever_the_threads(&["--format", "short"]);
}

#[test]
fn human_output_is_the_same_whatever_the_number_of_threads() {
    same_output_whatever_the_threads(&["--format", "human", "--color", "never"]);
}

fn first_difference(a: &str, b: &str) -> (String, String) {
    let (mut x, mut y) = (a.lines(), b.lines());
    loop {
        match (x.next(), y.next()) {
            (Some(l), Some(r)) if l == r => continue,
            (None, None) => return (String::new(), String::new()),
            (l, r) => {
                return (
                    l.unwrap_or("<end>").to_string(),
                    r.unwrap_or("<end>").to_string(),
                );
            }
        }
    }
}

#[test]
fn every_file_with_a_wrong_figure_is_reported_once() {
    let tree = Tree::new();
    let out = tree.check(&["--format", "json"]);
    assert_eq!(code(&out), 1, "{}", stderr(&out));
    let v = json(&out);
    let findings = v["findings"].as_array().expect("findings");
    let mut per_file: BTreeMap<PathBuf, Vec<String>> = BTreeMap::new();
    for f in findings {
        let shown = f["path"].as_str().expect("path");
        per_file
            .entry(tree.resolve(shown))
            .or_default()
            .push(format!("{shown}:{} {}", f["line"], f["code"]));
    }
    let twice: Vec<&Vec<String>> = per_file.values().filter(|f| f.len() > 1).collect();
    assert!(
        twice.is_empty(),
        "{} files reported more than once (under one name or through a link), e.g. {:?}",
        twice.len(),
        &twice[..twice.len().min(3)]
    );
    assert!(
        findings.iter().all(|f| f["code"] == "NC101"),
        "only the planted NC101 findings are expected"
    );
    let shown: Vec<&Path> = findings
        .iter()
        .map(|f| Path::new(f["path"].as_str().unwrap()))
        .collect();
    assert!(
        shown.is_sorted(),
        "findings are in path order: {:?}",
        shown.windows(2).find(|w| w[0] > w[1])
    );
    let reported: BTreeSet<PathBuf> = per_file.into_keys().collect();
    assert_eq!(reported.len(), tree.bad.len());
    assert_eq!(
        reported, tree.bad,
        "the files reported are exactly those with a wrong figure"
    );
    assert_eq!(v["errors"], serde_json::json!([]), "{}", stderr(&out));
}

#[test]
fn binary_and_oversized_files_are_skipped_with_a_note() {
    let tree = Tree::new();

    let out = tree.check(&["--format", "json"]);
    let skipped = json(&out)["skipped"].clone();
    let skipped = skipped.as_array().expect("skipped");
    let by_file: BTreeMap<PathBuf, String> = skipped
        .iter()
        .map(|s| {
            (
                tree.resolve(s["path"].as_str().expect("path")),
                s["message"].as_str().expect("message").to_string(),
            )
        })
        .collect();
    assert_eq!(skipped.len(), 2, "{skipped:?}");
    assert_eq!(
        by_file.keys().collect::<Vec<_>>(),
        [&tree.binary, &tree.huge],
        "{skipped:?}"
    );
    assert!(by_file[&tree.binary].contains("binary"), "{skipped:?}");
    assert!(by_file[&tree.huge].contains("limit"), "{skipped:?}");
    assert!(
        by_file[&tree.huge].contains("--max-filesize"),
        "{skipped:?}"
    );
    assert!(
        !stderr(&out).contains("note: skipped"),
        "JSON lists skipped files in its output, not on stderr: {}",
        stderr(&out)
    );

    for format in ["short", "human"] {
        let out = tree.check(&["--format", format, "--color", "never"]);
        assert_eq!(code(&out), 1, "{}", stderr(&out));
        let err = stderr(&out);
        let notes: Vec<&str> = err
            .lines()
            .filter(|l| l.starts_with("note: skipped "))
            .collect();
        assert_eq!(notes.len(), 2, "{format}: {}", stderr(&out));
        assert!(
            notes[0].contains("misc/blob.txt") && notes[0].contains("binary"),
            "{format}: {notes:?}"
        );
        assert!(
            notes[1].contains("misc/huge.md") && notes[1].contains("--max-filesize"),
            "{format}: {notes:?}"
        );
        assert!(!stderr(&out).contains("panicked"), "{}", stderr(&out));
        assert!(!stderr(&out).contains("error"), "{}", stderr(&out));
    }

    // Alone with correct drafts, the skipped files leave the exit code at 0.
    let out = tree
        .numcheck()
        .args(["check", "--format", "short", "--max-filesize", MAX_FILESIZE])
        .arg(tree.at("misc"))
        .output()
        .expect("numcheck runs");
    assert_eq!(code(&out), 0, "{}{}", stdout(&out), stderr(&out));
    assert_eq!(stdout(&out), "");
    assert_eq!(
        stderr(&out)
            .lines()
            .filter(|l| l.starts_with("note: skipped "))
            .count(),
        2,
        "{}",
        stderr(&out)
    );
    // --quiet leaves the notes out.
    let out = tree
        .numcheck()
        .args(["check", "--quiet", "--max-filesize", MAX_FILESIZE])
        .arg(tree.at("misc"))
        .output()
        .expect("numcheck runs");
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert_eq!(stderr(&out), "");
}

#[test]
fn a_folder_named_in_different_ways_is_read_once() {
    let tree = Tree::new();
    // The same folder and file, relative, with `./`, with a trailing slash
    // and absolute: one set of files, each reported once, in path order.
    let out = tree
        .numcheck()
        .args(["check", "--format", "json", "--max-filesize", MAX_FILESIZE])
        .args(["docs/s3", "./docs/s3", "docs/s3/", "docs/s3/c1/f0620.html"])
        .args(["./docs/s3/c1/f0620.html", &tree.at("docs/s3")])
        .output()
        .expect("numcheck runs");
    assert_eq!(code(&out), 1, "{}", stderr(&out));
    let v = json(&out);
    let shown: Vec<String> = v["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .map(|f| f["path"].as_str().unwrap().to_string())
        .collect();
    let mut once: Vec<PathBuf> = shown.iter().map(|p| tree.resolve(p)).collect();
    once.sort();
    once.dedup();
    let in_s3: Vec<PathBuf> = tree
        .bad
        .iter()
        .filter(|p| p.starts_with(tree.root.join("docs/s3")))
        .cloned()
        .collect();
    assert_eq!(once, in_s3, "the files with a wrong figure in docs/s3");
    assert_eq!(
        shown.len(),
        in_s3.len(),
        "each file is reported once, however it was named; reported: {:?}…",
        &shown[..shown.len().min(6)]
    );
    assert!(
        shown.iter().map(Path::new).is_sorted(),
        "findings are in path order"
    );
}

/// The path a line of `strace -f` output opens, and whether it could be
/// resolved (a path relative to a directory descriptor cannot).
fn opened_path(line: &str) -> Option<(String, bool)> {
    let call = ["openat2(", "openat(", "open("]
        .iter()
        .find_map(|c| line.find(c).map(|at| (at, *c)))?;
    let args = &line[call.0 + call.1.len()..];
    let (relative_to_cwd, rest) = if call.1 == "open(" {
        (true, args)
    } else {
        let comma = args.find(", ")?;
        (&args[..comma] == "AT_FDCWD", &args[comma + 2..])
    };
    let rest = rest.strip_prefix('"')?;
    let mut bytes = Vec::new();
    let mut chars = rest.bytes().peekable();
    while let Some(b) = chars.next() {
        match b {
            b'"' => break,
            b'\\' => match chars.next()? {
                b'n' => bytes.push(b'\n'),
                b't' => bytes.push(b'\t'),
                b'x' => {
                    let hex: Vec<u8> = [chars.next()?, chars.next()?].to_vec();
                    bytes.push(u8::from_str_radix(std::str::from_utf8(&hex).ok()?, 16).ok()?);
                }
                d @ b'0'..=b'7' => {
                    let mut n = u32::from(d - b'0');
                    for _ in 0..2 {
                        match chars.peek() {
                            Some(&o @ b'0'..=b'7') => {
                                n = n * 8 + u32::from(o - b'0');
                                chars.next();
                            }
                            _ => break,
                        }
                    }
                    bytes.push(n as u8);
                }
                other => bytes.push(other),
            },
            other => bytes.push(other),
        }
    }
    let path = String::from_utf8_lossy(&bytes).into_owned();
    let resolvable = relative_to_cwd || path.starts_with('/');
    Some((path, resolvable))
}

#[test]
fn every_file_is_opened_once() {
    let tree = Tree::new();
    let strace = Command::new("strace").arg("-V").output();
    assert!(
        strace.is_ok_and(|o| o.status.success()),
        "this test needs strace on PATH to watch which files numcheck opens: \
         install it (apt-get install strace); .ci/run does"
    );
    let log = tree.home.join("strace.log");
    for threads in [&[][..], &["-j8"]] {
        let mut cmd = Command::new("strace");
        cmd.args(["-f", "-qq", "-s", "4096", "-e"])
            .arg("trace=openat,?open,?openat2")
            .arg("-o")
            .arg(&log)
            .arg(env!("CARGO_BIN_EXE_numcheck"))
            .env_remove("NO_COLOR")
            .args(["check", "--format", "json", "--max-filesize", MAX_FILESIZE])
            .args(threads)
            .args(tree.overlapping_paths());
        tree.configure(&mut cmd);
        let out = cmd.output().expect("strace runs");
        assert!(
            !stderr(&out).contains("strace: "),
            "strace could not trace numcheck (is ptrace permitted here?): {}",
            stderr(&out)
        );
        assert_eq!(code(&out), 1, "{threads:?}: {}", stderr(&out));

        let text = std::fs::read_to_string(&log).expect("strace log");
        let mut opened: BTreeMap<PathBuf, Vec<String>> = BTreeMap::new();
        let mut unresolved = Vec::new();
        for line in text.lines() {
            let Some((path, resolvable)) = opened_path(line) else {
                continue;
            };
            if !resolvable {
                unresolved.push(line.to_string());
                continue;
            }
            let at = tree.root.join(&path);
            let key = std::fs::canonicalize(&at).unwrap_or(at);
            opened.entry(key).or_default().push(path);
        }
        assert!(
            unresolved.iter().all(|l| !["md", "txt", "html", "toml"]
                .iter()
                .any(|e| l.contains(&format!(".{e}\"")))),
            "{threads:?}: files opened relative to a directory descriptor: {unresolved:?}"
        );

        let times = |p: &Path| opened.get(p).map_or(0, Vec::len);
        let wrong: Vec<String> = tree
            .checked
            .iter()
            .filter(|p| times(p) != 1)
            .map(|p| {
                format!(
                    "{} opened {} times as {:?}",
                    p.strip_prefix(&tree.root).unwrap().display(),
                    times(p),
                    opened.get(p).cloned().unwrap_or_default()
                )
            })
            .collect();
        assert!(
            wrong.is_empty(),
            "{threads:?}: {} of {} files not opened exactly once, e.g. {:#?}",
            wrong.len(),
            tree.checked.len(),
            &wrong[..wrong.len().min(5)]
        );
        assert!(
            times(&tree.huge) <= 1,
            "{threads:?}: {:?}",
            opened[&tree.huge]
        );
        for p in &tree.never {
            assert_eq!(
                times(p),
                0,
                "{threads:?}: {} is ignored, hidden or not prose, yet opened",
                p.display()
            );
        }
        assert_eq!(
            times(&tree.root.join("rules.toml")),
            1,
            "{threads:?}: rules.toml is read once for the whole run"
        );
    }
}

/// A link back to a folder above it neither fails the run nor reads a file
/// twice; a `.gitignore` counts in a folder that is not a git repository.
#[test]
fn a_link_loop_and_a_plain_folder_gitignore() {
    let dir = tempfile::tempdir().expect("temp dir");
    let root = dir.path();
    std::fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("rules.toml"),
        root.join("rules.toml"),
    )
    .expect("rules copied");
    write(&root.join("docs/a.md"), "Wagner has 80,000 personnel.\n");
    write(&root.join("ignored/b.md"), "Wagner has 90,000 personnel.\n");
    write(&root.join(".gitignore"), "ignored/\n");
    symlink("..", &root.join("docs/up"));
    let out = common::numcheck()
        .current_dir(root)
        .args(["check", "--format", "short", "."])
        .output()
        .expect("numcheck runs");
    assert_eq!(code(&out), 1, "{}", stderr(&out));
    assert_eq!(
        stdout(&out),
        "docs/a.md:1:12: error[NC101] 80,000 personnel disagrees with the canonical 50,000\n"
    );
    assert!(
        stderr(&out).contains("note: skipped") && stderr(&out).contains("loops back"),
        "{}",
        stderr(&out)
    );
}
