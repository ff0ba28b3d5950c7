//! Measurements, fixed lengths of time and the story's week, on an
//! invented story (`fixtures/measures`): figures in feet, miles, hours and
//! glued units held to facts kept in metres, kilometres and minutes, and
//! weekdays in copy whose only date is the story's, and an age known only
//! as a number. `flag/*.txt` must give
//! exactly one finding of the code named below, `pass/*.txt` none.

use std::path::Path;
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

fn fixtures(kind: &str) -> Vec<std::path::PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures/measures")
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
fn figures_in_other_units_are_converted_before_they_are_compared() {
    let want = [
        "NC101", "NC101", "NC101", "NC302", "NC304", "NC304", "NC101", "NC304",
    ];
    let files = fixtures("flag");
    assert_eq!(files.len(), want.len());
    for (file, code) in files.iter().zip(want) {
        assert_eq!(codes(file), [code], "{}", file.display());
    }
}

#[test]
fn correct_conversions_and_the_week_after_the_story_date_stay_silent() {
    let files = fixtures("pass");
    assert!(files.len() >= 4);
    for file in &files {
        assert_eq!(codes(file), Vec::<String>::new(), "{}", file.display());
    }
}
