//! Baselines: a recorded finding stays silent when the file around it
//! changes; a new one still fails the run.

mod common;

use std::path::Path;

fn check(dir: &Path, args: &[&str]) -> (i32, String, String) {
    let out = common::numcheck()
        .current_dir(dir)
        .args(["check", "--format", "short", "--color", "never"])
        .args(args)
        .output()
        .expect("numcheck runs");
    (
        common::code(&out),
        common::stdout(&out),
        common::stderr(&out),
    )
}

#[test]
fn a_baselined_finding_survives_edits_above_it_and_a_new_one_fails() {
    let dir = tempfile::tempdir().expect("temp dir");
    let root = dir.path();
    std::fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("rules.toml"),
        root.join("rules.toml"),
    )
    .expect("rules copied");
    let draft = root.join("draft.md");
    std::fs::write(
        &draft,
        "# Wagner\n\nKyiv says Wagner has 80,000 personnel.\n",
    )
    .unwrap();

    let (code, _, err) = check(root, &["--write-baseline", "baseline.json", "draft.md"]);
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("wrote 1 finding to the baseline"), "{err}");
    let (code, out, _) = check(root, &["--baseline", "baseline.json", "draft.md"]);
    assert_eq!((code, out.as_str()), (0, ""));

    // Lines inserted above, and the paragraph re-wrapped: still known.
    std::fs::write(
        &draft,
        "# Wagner\n\nA new introduction.\n\nAnother paragraph, with 12 lines of text.\n\nKyiv says Wagner has\n80,000 personnel.\n",
    )
    .unwrap();
    let (code, out, err) = check(root, &["--baseline", "baseline.json", "draft.md"]);
    assert_eq!((code, out.as_str()), (0, ""), "{err}");
    assert!(
        err.contains("1 finding in the baseline not reported"),
        "{err}"
    );

    // A new wrong figure is reported, and fails the run.
    std::fs::write(
        &draft,
        "# Wagner\n\nKyiv says Wagner has 80,000 personnel.\n\nWagner has 45,000 convicts.\n",
    )
    .unwrap();
    let (code, out, _) = check(root, &["--baseline", "baseline.json", "draft.md"]);
    assert_eq!(code, 1);
    assert_eq!(
        out,
        "draft.md:5:12: error[NC101] 45,000 convicts disagrees with the canonical 40,000\n"
    );
    // Without the baseline both are there.
    let (_, out, _) = check(root, &["draft.md"]);
    assert_eq!(out.lines().count(), 2, "{out}");
}

#[test]
fn a_missing_or_broken_baseline_is_a_clear_error() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("draft.md"), "Text.\n").unwrap();
    let (code, _, err) = check(dir.path(), &["--baseline", "nope.json", "draft.md"]);
    assert_eq!(code, 2);
    assert!(err.contains("nope.json"), "{err}");
    std::fs::write(
        dir.path().join("bad.json"),
        "{\"version\": 7, \"findings\": []}",
    )
    .unwrap();
    let (code, _, err) = check(dir.path(), &["--baseline", "bad.json", "draft.md"]);
    assert_eq!(code, 2);
    assert!(
        err.contains("not a numcheck baseline") && err.contains("version 7"),
        "{err}"
    );
}

#[test]
fn max_findings_shows_fewer_but_the_exit_code_counts_all() {
    let out = common::run(
        &[
            "check",
            "--format",
            "short",
            "--max-findings",
            "1",
            "fixtures/seeds",
        ],
        None,
    );
    assert_eq!(common::code(&out), 1);
    assert_eq!(common::stdout(&out).lines().count(), 1);
    assert!(
        common::stderr(&out).contains("note: 2 more findings not shown (--max-findings 1)"),
        "{}",
        common::stderr(&out)
    );
}
