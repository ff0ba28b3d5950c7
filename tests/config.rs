//! Project configuration, one fixture folder per setting under
//! `fixtures/config/`: each is run from its own folder (where its
//! `numcheck.toml` or `pyproject.toml` is found) over `drafts/`, and its
//! output is held by an insta snapshot in that folder. The same draft and
//! a copy of the seed rules.toml sit in every folder (self-contained: the
//! tests that copy fixtures/ elsewhere must find each folder whole), so
//! the snapshots differ only by what the setting does.
//! Regenerate with `INSTA_UPDATE=always cargo test --test config`.

mod common;

use std::path::Path;
use std::process::Command;

fn check(case: &str, args: &[&str]) -> (i32, String, String) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures/config")
        .join(case);
    let out = Command::new(env!("CARGO_BIN_EXE_numcheck"))
        .current_dir(&dir)
        .args(["check", "--color", "never", "--format", "short"])
        .args(args)
        .output()
        .expect("numcheck runs");
    (
        out.status.code().expect("exit code"),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn snapshot(case: &str) -> (i32, String, String) {
    let (code, stdout, stderr) = check(case, &["drafts"]);
    let mut settings = insta::Settings::clone_current();
    settings.set_snapshot_path(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("fixtures/config")
            .join(case),
    );
    settings.set_prepend_module_to_snapshot(false);
    settings.set_omit_expression(true);
    settings.bind(|| {
        insta::assert_snapshot!(case, format!("exit: {code}\n{stdout}--- stderr\n{stderr}"));
    });
    (code, stdout, stderr)
}

fn codes(stdout: &str) -> Vec<String> {
    stdout
        .lines()
        .filter_map(|l| l.split(' ').nth(1))
        .map(str::to_string)
        .collect()
}

#[test]
fn select_runs_only_the_named_checks() {
    let (code, out, _) = snapshot("select");
    assert_eq!(code, 1);
    assert_eq!(codes(&out), ["error[NC111]", "error[NC101]"], "{out}");
}

#[test]
fn ignore_takes_checks_out_of_the_selection() {
    let (_, out, _) = snapshot("ignore");
    assert_eq!(codes(&out), ["error[NC111]", "error[NC101]"], "{out}");
}

#[test]
fn severity_overrides_change_the_level_and_the_exit_code() {
    let (code, out, _) = snapshot("severity");
    assert_eq!(
        codes(&out),
        ["error[NC111]", "note[NC101]", "warning[NC113]"],
        "{out}"
    );
    assert_eq!(code, 1, "NC111 is still an error");
}

#[test]
fn exclude_and_extend_exclude_leave_walked_files_out() {
    let (_, out, _) = snapshot("exclude");
    assert!(
        out.lines().all(|l| l.starts_with("drafts/draft.md:")),
        "{out}"
    );
    // A file named on the command line is checked all the same.
    let (_, out, _) = check("exclude", &["drafts/archive/old.md"]);
    assert!(out.starts_with("drafts/archive/old.md:"), "{out}");
}

#[test]
fn per_file_ignores_apply_to_the_files_their_glob_matches() {
    let (_, out, _) = snapshot("per-file-ignores");
    let reader: Vec<&str> = out
        .lines()
        .filter(|l| l.starts_with("drafts/letters/reader.md"))
        .collect();
    assert_eq!(reader.len(), 1, "only NC111 is left there: {out}");
    assert!(reader[0].contains("error[NC111]"));
    assert_eq!(
        out.lines()
            .filter(|l| l.starts_with("drafts/draft.md"))
            .count(),
        3
    );
}

#[test]
fn pyproject_tool_numcheck_is_read() {
    let (_, out, _) = snapshot("pyproject");
    assert_eq!(codes(&out), ["error[NC101]", "error[NC113]"], "{out}");
}

#[test]
fn another_tools_rules_toml_is_passed_over_with_a_note() {
    let (code, out, err) = snapshot("foreign-rules");
    assert_eq!(code, 1, "{err}");
    assert_eq!(codes(&out).len(), 3, "the rules above applied: {out}");
    assert!(
        err.contains(
            "note: skipped drafts/rules.toml: not a numcheck rules file (it has no `version` key)"
        ),
        "{err}"
    );
}

#[test]
fn a_bad_configuration_is_an_error_naming_the_key() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("numcheck.toml"),
        "[check]\nignore = [\"NC999\"]\n",
    )
    .unwrap();
    std::fs::write(dir.path().join("a.md"), "Text.\n").unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_numcheck"))
        .current_dir(dir.path())
        .args(["check", "a.md"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("numcheck.toml: `ignore`: `NC999` names no check"),
        "{err}"
    );
}
