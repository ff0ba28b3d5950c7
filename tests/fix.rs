//! `check --fix` and `--diff` on real files: the fixed text of every check
//! that has a correction (held by snapshots), idempotence over the whole
//! fixture tree, CRLF and BOM kept, files without edits untouched, and a
//! write that fails leaving the original whole.

mod common;

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};
use std::process::Command;

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

/// The checks whose findings carry corrections.
const FIXABLE: &[&str] = &[
    "NC101", "NC102", "NC103", "NC104", "NC105", "NC106", "NC301", "NC304", "NC305",
];

fn copy_tree(from: &Path, to: &Path) {
    fs::create_dir_all(to).unwrap();
    for entry in fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            if entry.file_name() != "snapshots" {
                copy_tree(&entry.path(), &target);
            }
        } else {
            fs::copy(entry.path(), &target).unwrap();
        }
    }
}

/// A copy of the fixtures with the seed rules above them, as in the repository.
fn workspace() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy_tree(
        &Path::new(ROOT).join("fixtures"),
        &dir.path().join("fixtures"),
    );
    fs::copy(
        Path::new(ROOT).join("rules.toml"),
        dir.path().join("rules.toml"),
    )
    .unwrap();
    dir
}

fn numcheck(dir: &Path, args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_numcheck"))
        .args(args)
        .current_dir(dir)
        .output()
        .expect("numcheck runs")
}

fn files_under(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    let mut out = BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in fs::read_dir(d).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else {
                out.insert(path.clone(), fs::read(&path).unwrap());
            }
        }
    }
    out
}

/// The paths of findings that carry edits, from `--format json`.
fn paths_with_edits(dir: &Path, target: &str) -> BTreeSet<PathBuf> {
    let out = numcheck(dir, &["check", "--format", "json", target]);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON output");
    json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| !f["edits"].as_array().unwrap().is_empty())
        .map(|f| dir.join(f["path"].as_str().unwrap()))
        .collect()
}

#[test]
fn every_check_with_a_fix_corrects_its_fixtures() {
    let dir = workspace();
    let checks = dir.path().join("fixtures/checks");
    for entry in fs::read_dir(&checks).unwrap() {
        let case = entry.unwrap().file_name().into_string().unwrap();
        let code = &case[..5];
        let flag = format!("fixtures/checks/{case}/flag");
        let before = files_under(&dir.path().join(&flag));
        let out = numcheck(dir.path(), &["check", "--fix", "--quiet", &flag]);
        assert_ne!(common::code(&out), 2, "{case}: {}", common::stderr(&out));
        let after = files_under(&dir.path().join(&flag));
        let changed: Vec<&PathBuf> = before.keys().filter(|p| before[*p] != after[*p]).collect();
        if !FIXABLE.contains(&code) {
            assert!(
                changed.is_empty(),
                "{case} has no fix, yet changed {changed:?}"
            );
            continue;
        }
        assert!(!changed.is_empty(), "{case}: no fixture was corrected");
        // Whatever was fixed is no longer reported under this code there.
        let again = numcheck(dir.path(), &["check", "--format", "short", &flag]);
        for p in &changed {
            let rel = p
                .strip_prefix(dir.path())
                .unwrap()
                .to_string_lossy()
                .into_owned();
            let left = common::stdout(&again)
                .lines()
                .filter(|l| l.starts_with(&rel) && l.contains(code))
                .count();
            let before_fix = paths_with_edits(dir.path(), &rel).len();
            assert_eq!(before_fix, 0, "{rel}: edits left after --fix");
            assert_eq!(left, 0, "{rel}: {code} still reported after its fix");
        }
        let mut shown = String::new();
        for (p, bytes) in &after {
            if before[p] != *bytes {
                shown.push_str(&format!(
                    "== {}\n{}\n",
                    p.file_name().unwrap().to_string_lossy(),
                    String::from_utf8_lossy(bytes)
                ));
            }
        }
        insta::assert_snapshot!(format!("fixed-{case}"), shown);
    }
}

#[test]
fn fix_twice_changes_nothing_and_touches_only_files_with_edits() {
    let dir = workspace();
    let root = dir.path().join("fixtures");
    let with_edits = paths_with_edits(dir.path(), "fixtures");
    assert!(with_edits.len() >= 10, "{with_edits:?}");
    let stat = |p: &Path| {
        let m = fs::metadata(p).unwrap();
        (m.ino(), m.mtime(), m.mtime_nsec())
    };
    let before = files_under(&root);
    let stats: BTreeMap<PathBuf, _> = before.keys().map(|p| (p.clone(), stat(p))).collect();

    let first = numcheck(dir.path(), &["check", "--fix", "fixtures"]);
    assert_ne!(common::code(&first), 2, "{}", common::stderr(&first));
    let after = files_under(&root);
    assert_eq!(
        before.keys().collect::<Vec<_>>(),
        after.keys().collect::<Vec<_>>(),
        "no file added or removed"
    );
    for (p, bytes) in &before {
        if with_edits.contains(p) {
            assert_ne!(
                &after[p],
                bytes,
                "{} had edits but did not change",
                p.display()
            );
        } else {
            assert_eq!(&after[p], bytes, "{} changed", p.display());
            assert_eq!(
                stat(p),
                stats[p],
                "{} was rewritten without an edit",
                p.display()
            );
        }
    }

    let second = numcheck(dir.path(), &["check", "--fix", "fixtures"]);
    assert_eq!(
        files_under(&root),
        after,
        "a second --fix changed something"
    );
    assert!(
        !common::stderr(&second).contains("note: fixed"),
        "{}",
        common::stderr(&second)
    );
}

#[test]
fn crlf_endings_and_a_byte_order_mark_are_kept() {
    let dir = workspace();
    let crlf = dir.path().join("fixtures/fix/crlf/draft.txt");
    let bom = dir.path().join("fixtures/fix/bom/draft.md");
    let crlf_before = fs::read(&crlf).unwrap();
    assert_eq!(
        crlf_before.windows(2).filter(|w| w == b"\r\n").count(),
        3,
        "the fixture has CRLF endings"
    );
    let out = numcheck(dir.path(), &["check", "--fix", "fixtures/fix"]);
    assert_eq!(common::code(&out), 0, "{}", common::stderr(&out));
    let crlf_after = String::from_utf8(fs::read(&crlf).unwrap()).unwrap();
    assert_eq!(crlf_after.matches("\r\n").count(), 3);
    assert_eq!(crlf_after.matches('\n').count(), 3, "no bare LF added");
    let bom_after = fs::read(&bom).unwrap();
    assert!(bom_after.starts_with("\u{feff}".as_bytes()));
    insta::assert_snapshot!("fixed-crlf", crlf_after.replace('\r', "␍"));
    insta::assert_snapshot!(
        "fixed-bom",
        String::from_utf8(bom_after)
            .unwrap()
            .replace('\u{feff}', "<BOM>")
    );
}

#[test]
fn diff_prints_the_fix_and_changes_nothing() {
    let dir = workspace();
    let before = files_under(&dir.path().join("fixtures/fix"));
    let out = numcheck(
        dir.path(),
        &["check", "--diff", "fixtures/fix/crlf/draft.txt"],
    );
    assert_eq!(common::code(&out), 1);
    let diff = common::stdout(&out);
    assert!(
        diff.starts_with("--- a/fixtures/fix/crlf/draft.txt\n+++ b/fixtures/fix/crlf/draft.txt\n"),
        "{diff}"
    );
    assert!(diff.contains("+Wagner has 50,000 personnel"), "{diff}");
    assert!(diff.contains("+Prigozhin spends $100 million"), "{diff}");
    assert_eq!(files_under(&dir.path().join("fixtures/fix")), before);

    // Standard input: a diff, but never a write.
    let text = fs::read(dir.path().join("fixtures/fix/crlf/draft.txt")).unwrap();
    let out = common::run(
        &["check", "--diff", "--stdin-filename", "draft.txt", "-"],
        Some(&text),
    );
    assert!(common::stdout(&out).contains("+Wagner has 50,000"));
    let out = common::run(&["check", "--fix", "-"], Some(&text));
    assert_eq!(common::code(&out), 2);
    assert!(common::stderr(&out).contains("standard input cannot be fixed in place"));
}

#[test]
fn a_fix_through_a_link_rewrites_the_file_it_names() {
    let dir = workspace();
    let real = dir.path().join("fixtures/fix/crlf/draft.txt");
    let link = dir.path().join("link.txt");
    std::os::unix::fs::symlink(&real, &link).unwrap();
    let out = numcheck(dir.path(), &["check", "--fix", "link.txt"]);
    assert_eq!(common::code(&out), 0, "{}", common::stderr(&out));
    assert!(
        fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert!(fs::read_to_string(&real).unwrap().contains("50,000"));
}

#[test]
fn a_failed_rename_leaves_the_original_whole() {
    let dir = workspace();
    let draft = dir.path().join("fixtures/fix/crlf/draft.txt");
    let before = fs::read(&draft).unwrap();
    // strace makes every rename fail, as a full disk or a crash would.
    let out = Command::new("strace")
        .args([
            "-f",
            "-qq",
            "-o",
            "/dev/null",
            "-e",
            "trace=rename,renameat,renameat2",
        ])
        .args(["-e", "inject=rename,renameat,renameat2:error=EIO"])
        .arg(env!("CARGO_BIN_EXE_numcheck"))
        .args(["check", "--fix", "fixtures/fix/crlf/draft.txt"])
        .current_dir(dir.path())
        .output()
        .unwrap_or_else(|e| panic!("strace could not run ({e}); apt-get install strace"));
    assert_eq!(common::code(&out), 2, "{}", common::stderr(&out));
    assert!(
        common::stderr(&out).contains("cannot write the fix"),
        "{}",
        common::stderr(&out)
    );
    assert_eq!(fs::read(&draft).unwrap(), before, "the original is intact");
    let left: Vec<_> = fs::read_dir(draft.parent().unwrap())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(
        left,
        vec![std::ffi::OsString::from("draft.txt")],
        "no temporary file left"
    );
}
