//! A pull request's author chooses the rules file, the drafts, their names
//! and their links; these tests play that author (issue 15). Each builds
//! the hostile tree in a temp folder and runs the built binary over it.

#![cfg(unix)]

mod common;

use std::os::unix::fs::symlink;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::Duration;

use common::{code, stderr, stdout};

/// A draft with one known error (the seed table says about 50,000).
const WRONG: &str = "Wagner has 80,000 personnel.\n";

struct Dir {
    _tmp: tempfile::TempDir,
    root: PathBuf,
}

impl Dir {
    /// A folder holding the seed rules in `project/` (the working folder)
    /// and an empty `outside/` beside it.
    fn new() -> Dir {
        let tmp = tempfile::tempdir().expect("temp dir");
        let root = tmp.path().join("project");
        std::fs::create_dir_all(&root).expect("project folder");
        std::fs::create_dir_all(tmp.path().join("outside")).expect("outside folder");
        std::fs::copy(
            Path::new(env!("CARGO_MANIFEST_DIR")).join("rules.toml"),
            root.join("rules.toml"),
        )
        .expect("rules copied");
        Dir { _tmp: tmp, root }
    }

    fn outside(&self) -> PathBuf {
        self.root.parent().expect("temp dir").join("outside")
    }

    fn write(&self, name: &str, bytes: impl AsRef<[u8]>) -> PathBuf {
        let path = self.root.join(name);
        std::fs::write(&path, bytes).expect("file written");
        path
    }

    /// The seed rules, extending `target`.
    fn extend(&self, target: &str) {
        let seed =
            std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("rules.toml"))
                .expect("rules");
        self.write("rules.toml", format!("extends = \"{target}\"\n{seed}"));
    }

    fn command(&self, args: &[&str]) -> Command {
        let mut cmd = common::numcheck();
        cmd.current_dir(&self.root)
            .args(["check", "--color", "never"])
            .args(args);
        cmd
    }

    /// `numcheck check ARGS…` in this folder; a run that would hang is
    /// killed and fails the test instead of blocking the suite.
    fn check(&self, args: &[&str]) -> Output {
        finish(self.command(args).stdin(Stdio::null()))
    }
}

/// Runs `cmd` to its end, or kills it after a minute and panics.
fn finish(cmd: &mut Command) -> Output {
    let mut child = cmd
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("numcheck runs");
    for _ in 0..600 {
        if child.try_wait().expect("child status").is_some() {
            return child.wait_with_output().expect("output");
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    child.kill().expect("killed");
    panic!("numcheck hung: {:?}", child.wait_with_output());
}

fn mkfifo(path: &Path) {
    let status = Command::new("mkfifo").arg(path).status().expect("mkfifo");
    assert!(status.success());
}

// 1. `extends` reads only rules files inside the project.

#[test]
fn extends_outside_the_project_is_refused_and_never_quoted() {
    let d = Dir::new();
    std::fs::write(d.outside().join("secret.toml"), "token = \"hunter2\"\n").unwrap();
    for target in [
        "/etc/passwd",
        "/proc/self/environ",
        "../outside/secret.toml",
    ] {
        d.extend(target);
        d.write("draft.txt", WRONG);
        for format in ["github", "sarif", "human"] {
            let out = d.check(&["--format", format, "--quiet", "draft.txt"]);
            let all = format!("{}{}", stdout(&out), stderr(&out));
            assert_eq!(code(&out), 2, "{target} {format}: {all}");
            assert!(all.contains("inside the project"), "{target}: {all}");
            for leak in ["root:", "hunter2", "PATH="] {
                assert!(!all.contains(leak), "{target} {format} leaked: {all}");
            }
        }
    }
}

#[test]
fn extends_through_a_link_out_of_the_project_is_refused() {
    let d = Dir::new();
    std::fs::write(d.outside().join("base.toml"), "token = \"hunter2\"\n").unwrap();
    symlink(d.outside().join("base.toml"), d.root.join("base.toml")).unwrap();
    d.extend("base.toml");
    d.write("draft.txt", WRONG);
    let out = d.check(&["draft.txt"]);
    assert_eq!(code(&out), 2, "{}", stderr(&out));
    assert!(
        stderr(&out).contains("inside the project"),
        "{}",
        stderr(&out)
    );
    assert!(!stderr(&out).contains("hunter2"), "{}", stderr(&out));
}

#[test]
fn extends_to_a_file_that_is_not_a_rules_file_is_never_quoted() {
    let d = Dir::new();
    d.write(".env", "API_TOKEN=hunter2\n");
    d.extend(".env");
    d.write("draft.txt", WRONG);
    let out = d.check(&["draft.txt"]);
    assert_eq!(code(&out), 2, "{}", stderr(&out));
    assert!(
        stderr(&out).contains("rules file (`.toml`)"),
        "{}",
        stderr(&out)
    );
    assert!(!stderr(&out).contains("hunter2"), "{}", stderr(&out));
}

#[test]
fn extends_inside_the_repository_above_the_rules_file_is_read() {
    let d = Dir::new();
    let repo = d.root.parent().unwrap();
    std::fs::create_dir(repo.join(".git")).unwrap();
    std::fs::rename(d.root.join("rules.toml"), d.outside().join("base.toml")).unwrap();
    d.write(
        "rules.toml",
        "extends = \"../outside/base.toml\"\nversion = 1\n",
    );
    d.write("draft.txt", WRONG);
    let out = d.check(&["--format", "short", "draft.txt"]);
    assert_eq!(code(&out), 1, "{}", stderr(&out));
    assert!(stdout(&out).contains("NC101"), "{}", stdout(&out));
}

// 11. `extends` to a FIFO or a device neither hangs nor reads forever.

#[test]
fn extends_to_a_fifo_or_a_device_is_refused_without_blocking() {
    let d = Dir::new();
    mkfifo(&d.root.join("pipe.toml"));
    symlink("/dev/zero", d.root.join("zero.toml")).unwrap();
    symlink("/dev/stdin", d.root.join("stdin.toml")).unwrap();
    d.write("draft.txt", WRONG);
    for target in ["pipe.toml", "zero.toml", "stdin.toml"] {
        d.extend(target);
        let mut cmd = d.command(&["draft.txt"]);
        // Standard input a pipe nobody writes to: reading it would block.
        let out = finish(cmd.stdin(Stdio::piped()));
        assert_eq!(code(&out), 2, "{target}: {}", stderr(&out));
        if target == "pipe.toml" {
            assert!(stderr(&out).contains("regular file"), "{}", stderr(&out));
        }
    }
}

// 4. A file name cannot inject a workflow command into the CI log.

#[test]
fn control_characters_in_names_are_escaped_in_every_format() {
    let d = Dir::new();
    d.write("a\n::warning file=README.md,line=1::Approved.md", WRONG);
    d.write("b\n::warning file=README.md,line=2::Binary.md", b"x\0y");
    d.write(
        "c\r\n::warning file=README.md,line=3::Latin.md",
        b"50\xa0000",
    );
    for format in ["human", "short", "github", "json", "sarif"] {
        let out = d.check(&["--format", format, "."]);
        assert_eq!(code(&out), 2, "{format}: {}", stderr(&out));
        let all = format!("{}{}", stdout(&out), stderr(&out));
        assert!(
            all.lines().all(|l| !l.starts_with("::warning")),
            "{format}: a line of the log is the name's: {all}"
        );
        assert!(all.contains("Approved.md"), "{format}: {all}");
        assert!(stderr(&out).contains("Latin.md"), "{format}: {all}");
        if format != "json" {
            assert!(stderr(&out).contains("Binary.md"), "{format}: {all}");
        }
    }
}
