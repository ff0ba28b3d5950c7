//! The GitHub Action and the pre-commit hook, run for real: the action's
//! steps through `tests/support/run_action.py` (its shell commands with the
//! inputs substituted, as a runner would run them), the hook through the
//! real `pre-commit try-repo` from PyPI. Both build numcheck from this
//! checkout with `cargo install`, into a target folder kept between runs.
//!
//! Needs `check-jsonschema` and `pre-commit` (`pip install pre-commit
//! check-jsonschema`; .ci/run installs them).

mod common;

use common::{SEED_000, SEED_002, seed_workspace};
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

/// Where `cargo install` builds, shared by the tests and kept between runs
/// so only the first pays for a release build.
fn install_target() -> PathBuf {
    Path::new(env!("CARGO_TARGET_TMPDIR")).join("install-target")
}

/// How the action and the hook build numcheck here: into the shared
/// folder, and unoptimised — what is tested is how they install and run
/// it, and an optimised build of every dependency would cost CI minutes.
fn install_env() -> [(&'static str, std::ffi::OsString); 3] {
    [
        ("CARGO_TARGET_DIR", install_target().into_os_string()),
        ("CARGO_PROFILE_RELEASE_OPT_LEVEL", "0".into()),
        ("CARGO_PROFILE_RELEASE_DEBUG", "false".into()),
    ]
}

fn run(cmd: &mut Command) -> Output {
    let name = format!("{:?}", cmd.get_program());
    cmd.output()
        .unwrap_or_else(|e| panic!("{name} could not run ({e}); see this file's header"))
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn run_action(dir: &Path, inputs: &[&str]) -> Output {
    run(Command::new("python3")
        .arg(Path::new(ROOT).join("tests/support/run_action.py"))
        .arg(Path::new(ROOT).join("action.yml"))
        .args(inputs)
        .current_dir(dir)
        .envs(install_env()))
}

#[test]
fn action_yml_is_a_valid_github_action() {
    let out = run(Command::new("check-jsonschema")
        .args(["--builtin-schema", "vendor.github-actions", "action.yml"])
        .current_dir(ROOT));
    assert!(
        out.status.success(),
        "{}{}",
        text(&out.stdout),
        text(&out.stderr)
    );
}

#[test]
fn the_action_annotates_seed_002_and_writes_sarif() {
    let dir = seed_workspace();
    let out = run_action(dir.path(), &["paths=drafts", "sarif-file=numcheck.sarif"]);
    let stdout = text(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "{stdout}{}", text(&out.stderr));
    let annotations: Vec<&str> = stdout.lines().filter(|l| l.starts_with("::")).collect();
    assert_eq!(annotations.len(), 1, "{stdout}");
    let expected = format!(
        "::error file=drafts/{SEED_002},line=13,endLine=13,col=57,endColumn=87,title=NC111 wrong-relation::"
    );
    assert!(annotations[0].starts_with(&expected), "{stdout}");

    let sarif: serde_json::Value =
        serde_json::from_slice(&fs::read(dir.path().join("numcheck.sarif")).unwrap())
            .expect("the SARIF file is JSON");
    let results = sarif["runs"][0]["results"].as_array().expect("results");
    assert_eq!(results.len(), 1, "{sarif}");
    let location = &results[0]["locations"][0]["physicalLocation"];
    assert_eq!(
        location["artifactLocation"]["uri"],
        format!("drafts/{SEED_002}")
    );
    assert_eq!(location["region"]["startLine"], 13);
}

#[test]
fn the_action_passes_a_correct_draft_and_honours_its_inputs() {
    let dir = seed_workspace();
    // The rules file named explicitly, from outside the drafts' folder.
    fs::rename(dir.path().join("rules.toml"), dir.path().join("facts.toml")).unwrap();
    let out = run_action(
        dir.path(),
        &[
            &format!("paths=drafts/{SEED_000}"),
            "rules=facts.toml",
            "format=short",
            "deny-warnings=true",
        ],
    );
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}{}",
        text(&out.stdout),
        text(&out.stderr)
    );
    assert!(!text(&out.stdout).contains("::error"));

    let out = run_action(
        dir.path(),
        &[
            &format!("paths=drafts/{SEED_002}"),
            "rules=facts.toml",
            "format=short",
        ],
    );
    let stdout = text(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "{stdout}{}", text(&out.stderr));
    assert!(
        stdout.starts_with(&format!("drafts/{SEED_002}:13:57: error[NC111]")),
        "{stdout}"
    );
}

#[test]
fn the_pre_commit_manifest_is_valid() {
    let out = run(Command::new("pre-commit")
        .args(["validate-manifest", ".pre-commit-hooks.yaml"])
        .current_dir(ROOT));
    assert!(
        out.status.success(),
        "{}{}",
        text(&out.stdout),
        text(&out.stderr)
    );
}

fn git(dir: &Path, args: &[&str]) {
    let out = run(Command::new("git").args(args).current_dir(dir));
    assert!(out.status.success(), "git {args:?}: {}", text(&out.stderr));
}

#[test]
fn pre_commit_try_repo_fails_on_002_and_passes_on_000() {
    let dir = seed_workspace();
    let repo = dir.path();
    git(repo, &["init", "-q"]);
    git(repo, &["add", "."]);
    let try_repo = |file: &str| {
        run(Command::new("pre-commit")
            .args(["try-repo", ROOT, "numcheck", "--color", "never", "--files"])
            .arg(format!("drafts/{file}"))
            .current_dir(repo)
            .env(
                "PRE_COMMIT_HOME",
                Path::new(env!("CARGO_TARGET_TMPDIR")).join("pre-commit-home"),
            )
            .envs(install_env())
            .env("GIT_AUTHOR_NAME", "numcheck tests")
            .env("GIT_AUTHOR_EMAIL", "tests@numcheck.invalid")
            .env("GIT_COMMITTER_NAME", "numcheck tests")
            .env("GIT_COMMITTER_EMAIL", "tests@numcheck.invalid"))
    };

    let out = try_repo(SEED_002);
    let stdout = text(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "{stdout}{}", text(&out.stderr));
    assert!(
        stdout.contains("numcheck") && stdout.contains("Failed"),
        "{stdout}"
    );
    assert!(stdout.contains("error[NC111/wrong-relation]"), "{stdout}");
    assert!(
        stdout.contains(&format!("drafts/{SEED_002}:13:57")),
        "{stdout}"
    );

    let out = try_repo(SEED_000);
    let stdout = text(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{stdout}{}", text(&out.stderr));
    assert!(stdout.contains("Passed"), "{stdout}");
}
