//! Binding rules that hold on any story, on an invented one
//! (`fixtures/binding`): a part named by the same words as its total, a
//! figure far from its fact's size, figures listed together with no total,
//! a date of a statement and not of the event it reports, and the time
//! between two events that is no date; bounds and round figures that hold;
//! the subject's kind in the plural ("the four largest banks") as others.
//! `flag/*.txt` must give exactly the codes listed below, in file order;
//! `pass/*.txt` none.

use std::path::{Path, PathBuf};
use std::process::Command;

fn codes(path: &Path) -> Vec<String> {
    let out = Command::new(env!("CARGO_BIN_EXE_numcheck"))
        .args(["check", "--format", "json"])
        .arg(path)
        .output()
        .expect("numcheck runs");
    let report: serde_json::Value =
        serde_json::from_slice(&out.stdout).expect("JSON report on stdout");
    report["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .map(|f| f["code"].as_str().unwrap_or_default().to_string())
        .collect()
}

fn fixtures(kind: &str) -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures/binding")
        .join(kind);
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .expect("fixture folder")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    files
}

#[test]
fn wrong_figures_are_still_found_among_named_facts() {
    let want = [
        "NC101", "NC103", "NC301", "NC101", "NC101", "NC301", "NC101", "NC301", "NC101",
    ];
    let files = fixtures("flag");
    assert_eq!(files.len(), want.len());
    for (file, code) in files.iter().zip(want) {
        assert_eq!(codes(file), [code], "{}", file.display());
    }
}

#[test]
fn parts_far_sums_and_lists_stay_silent() {
    let files = fixtures("pass");
    assert!(files.len() >= 3);
    for file in &files {
        assert_eq!(codes(file), Vec::<String>::new(), "{}", file.display());
    }
}
