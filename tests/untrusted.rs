//! A pull request's author chooses the rules file, the drafts, their names
//! and their links; these tests play that author (issue 15). Each builds
//! the hostile tree in a temp folder and runs the built binary over it.

#![cfg(unix)]

mod common;

use std::os::unix::fs::{MetadataExt, PermissionsExt, symlink};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::Duration;

use common::{code, stderr, stdout};

/// A draft with one known error (the seed table says about 50,000).
const WRONG: &str = "Wagner has 80,000 personnel.\n";
const FIXED: &str = "Wagner has 50,000 personnel.\n";

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

/// Runs `cmd` to its end, or kills it after a minute and panics. The
/// output is read while it runs: a report larger than a pipe's buffer
/// (a SARIF log with every rule's help is) would otherwise block the
/// child on a full pipe and look like a hang.
fn finish(cmd: &mut Command) -> Output {
    let mut child = cmd
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("numcheck runs");
    let drain = |pipe: Option<Box<dyn std::io::Read + Send>>| {
        std::thread::spawn(move || {
            let mut out = Vec::new();
            if let Some(mut pipe) = pipe {
                std::io::Read::read_to_end(&mut pipe, &mut out).expect("read output");
            }
            out
        })
    };
    let out = drain(child.stdout.take().map(|p| Box::new(p) as _));
    let err = drain(child.stderr.take().map(|p| Box::new(p) as _));
    for _ in 0..600 {
        if let Some(status) = child.try_wait().expect("child status") {
            return Output {
                status,
                stdout: out.join().expect("stdout read"),
                stderr: err.join().expect("stderr read"),
            };
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    child.kill().expect("killed");
    let status = child.wait().expect("killed child's status");
    panic!(
        "numcheck hung ({status}): {}",
        String::from_utf8_lossy(&out.join().expect("stdout read"))
    );
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
            // The project is the working folder: named `.`, not ``.
            if format == "human" {
                assert!(all.contains("inside the project, `.`"), "{target}: {all}");
            }
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

// 2. `--fix` writes only prose files inside the paths checked.

#[test]
fn fix_leaves_link_targets_outside_the_paths_or_not_prose() {
    let d = Dir::new();
    let out_dir = d.outside();
    std::fs::write(out_dir.join("profile.md"), WRONG).unwrap();
    std::fs::write(out_dir.join("profile.conf"), WRONG).unwrap();
    std::fs::create_dir(out_dir.join("sub")).unwrap();
    std::fs::write(out_dir.join("sub/draft.md"), WRONG).unwrap();
    std::fs::create_dir(d.root.join("docs")).unwrap();
    d.write("docs/real.md", WRONG);
    d.write("docs/notes.conf", WRONG);
    symlink(out_dir.join("profile.md"), d.root.join("docs/file-link.md")).unwrap();
    symlink("../../outside/profile.conf", d.root.join("docs/profile.md")).unwrap();
    symlink(out_dir.join("sub"), d.root.join("docs/dir-link")).unwrap();
    symlink("notes.conf", d.root.join("docs/inside.md")).unwrap();
    d.write("docs/alias-target.md", WRONG);
    symlink("alias-target.md", d.root.join("docs/alias.md")).unwrap();

    let out = d.check(&["--fix", "docs"]);
    assert_eq!(code(&out), 1, "{}", stderr(&out));
    for untouched in [
        out_dir.join("profile.md"),
        out_dir.join("profile.conf"),
        out_dir.join("sub/draft.md"),
        d.root.join("docs/notes.conf"),
    ] {
        assert_eq!(
            std::fs::read_to_string(&untouched).unwrap(),
            WRONG,
            "{untouched:?} was written: {}",
            stderr(&out)
        );
    }
    assert_eq!(
        std::fs::read_to_string(d.root.join("docs/real.md")).unwrap(),
        FIXED
    );
    assert_eq!(
        std::fs::read_to_string(d.root.join("docs/alias-target.md")).unwrap(),
        FIXED
    );
    let err = stderr(&out);
    assert!(err.contains("outside the paths checked"), "{err}");
    assert!(err.contains("not a prose file"), "{err}");
}

// 8. A name that is not UTF-8: the file read is the file written.

#[test]
fn fix_writes_the_file_it_read_when_its_name_is_not_utf8() {
    use std::ffi::OsStr;
    use std::os::unix::ffi::OsStrExt;
    let d = Dir::new();
    let latin = d.root.join(OsStr::from_bytes(b"caf\xe9.md"));
    std::fs::write(&latin, WRONG).unwrap();
    // The name a lossy conversion would make of it.
    let lossy = d.write("caf\u{fffd}.md", "Nothing to fix.\n");
    let out = d.check(&["--fix", "--quiet", "."]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert_eq!(
        std::fs::read_to_string(&latin).unwrap(),
        FIXED,
        "{}",
        stderr(&out)
    );
    assert_eq!(
        std::fs::read_to_string(&lossy).unwrap(),
        "Nothing to fix.\n"
    );
}

// 6. Owner, group and read-only mode survive `--fix`; hard links are named.

#[test]
fn fix_keeps_the_owner_and_refuses_read_only_files_unless_asked() {
    let d = Dir::new();
    let owned = d.write("owned.md", WRONG);
    let nobody = 65534;
    std::os::unix::fs::chown(&owned, Some(nobody), Some(nobody)).unwrap();
    std::fs::set_permissions(&owned, std::fs::Permissions::from_mode(0o640)).unwrap();
    let frozen = d.write("frozen.md", WRONG);
    std::fs::set_permissions(&frozen, std::fs::Permissions::from_mode(0o444)).unwrap();

    let out = d.check(&["--fix", "owned.md", "frozen.md"]);
    assert_eq!(code(&out), 1, "{}", stderr(&out));
    assert_eq!(std::fs::read_to_string(&owned).unwrap(), FIXED);
    let meta = std::fs::metadata(&owned).unwrap();
    assert_eq!((meta.uid(), meta.gid()), (nobody, nobody), "owner changed");
    assert_eq!(meta.mode() & 0o7777, 0o640);
    assert_eq!(std::fs::read_to_string(&frozen).unwrap(), WRONG);
    assert!(stderr(&out).contains("read-only"), "{}", stderr(&out));

    let out = d.check(&["--fix", "--fix-read-only", "frozen.md"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert_eq!(std::fs::read_to_string(&frozen).unwrap(), FIXED);
    assert_eq!(std::fs::metadata(&frozen).unwrap().mode() & 0o7777, 0o444);
}

#[test]
fn fix_says_what_becomes_of_hard_links() {
    let d = Dir::new();
    let one = d.write("one.md", WRONG);
    std::fs::hard_link(&one, d.root.join("two.txt")).unwrap();
    let out = d.check(&["--fix", "one.md"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert_eq!(std::fs::read_to_string(&one).unwrap(), FIXED);
    assert_eq!(
        std::fs::read_to_string(d.root.join("two.txt")).unwrap(),
        WRONG
    );
    assert!(stderr(&out).contains("2 hard links"), "{}", stderr(&out));
}

// 7. Temporary files a killed `--fix` left are removed by the next.

#[test]
fn fix_removes_the_temporary_files_a_killed_run_left() {
    let d = Dir::new();
    d.write("draft.md", WRONG);
    let stale = d.write(".numcheck-fix-AbC123", FIXED);
    let fifo = d.root.join(".numcheck-fix-fifo");
    mkfifo(&fifo);
    // A temporary file a live run holds is left alone.
    let held = d.write(".numcheck-fix-held", FIXED);
    let lock = std::fs::File::open(&held).unwrap();
    lock.lock().unwrap();
    let out = d.check(&["--fix", "draft.md"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert!(!stale.exists(), "the stale temporary file is still there");
    assert!(held.exists(), "a held temporary file was removed");
    assert!(fifo.exists(), "a FIFO was taken for a temporary file");
    drop(lock);
}

// 16. A file another `--fix` already fixed is no error.

#[test]
fn concurrent_fixes_of_one_file_succeed() {
    let d = Dir::new();
    let draft = d.write("draft.md", WRONG.repeat(200));
    let runs: Vec<_> = (0..4)
        .map(|_| {
            d.command(&["--fix", "--quiet", "draft.md"])
                .stdout(Stdio::null())
                .stderr(Stdio::piped())
                .spawn()
                .unwrap()
        })
        .collect();
    for run in runs {
        let out = run.wait_with_output().unwrap();
        assert_eq!(
            out.status.code(),
            Some(0),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    assert_eq!(std::fs::read_to_string(draft).unwrap(), FIXED.repeat(200));
}

// 5. `--fix` beside a writer: no edit is lost.

/// Appends `line` to `path` as a cooperating editor would: under the
/// advisory lock, and to the file that is at the path once it holds it.
fn append_locked(path: &Path, line: &str) {
    use std::io::Write;
    loop {
        let mut file = std::fs::OpenOptions::new()
            .append(true)
            .open(path)
            .expect("draft opens");
        file.lock().expect("lock");
        let now = std::fs::metadata(path).expect("draft").ino();
        if now == file.metadata().expect("metadata").ino() {
            file.write_all(line.as_bytes()).expect("appended");
            return;
        }
    }
}

#[test]
fn fix_loses_no_edit_of_a_concurrent_writer() {
    use std::sync::Arc;
    use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
    const EDITS: usize = 300;
    let d = Arc::new(Dir::new());
    let draft = d.write("draft.md", WRONG);
    let done = Arc::new(AtomicBool::new(false));
    let runs = Arc::new(AtomicUsize::new(0));
    let fixers: Vec<_> = (0..2)
        .map(|_| {
            let (d, done, runs) = (Arc::clone(&d), Arc::clone(&done), Arc::clone(&runs));
            std::thread::spawn(move || {
                while !done.load(Ordering::Relaxed) {
                    d.command(&["--fix", "--quiet", "--format", "short", "draft.md"])
                        .output()
                        .expect("numcheck runs");
                    runs.fetch_add(1, Ordering::Relaxed);
                }
            })
        })
        .collect();
    for i in 0..EDITS {
        append_locked(&draft, &format!("Wagner has 80,000 personnel. Edit {i}.\n"));
        // In bursts, as an editor saves: a fix can read, check and write
        // in a pause, and a burst may begin at any point of its writing.
        // Pacing only; nothing is measured.
        let pause = if i % 10 == 9 { 400 } else { 1 };
        std::thread::sleep(Duration::from_millis(pause));
    }
    done.store(true, Ordering::Relaxed);
    for f in fixers {
        f.join().expect("fixer thread");
    }
    let text = std::fs::read_to_string(&draft).unwrap();
    let lost: Vec<usize> = (0..EDITS)
        .filter(|i| !text.contains(&format!(" Edit {i}.\n")))
        .collect();
    assert!(lost.is_empty(), "{} edits lost: {lost:?}", lost.len());
    assert!(
        text.contains("50,000 personnel. Edit"),
        "no fix ran between the edits ({} runs)",
        runs.load(Ordering::Relaxed)
    );
}

/// Whether some process waits for a `flock` on the file with inode `ino`.
fn someone_waits_for(ino: u64) -> bool {
    let locks = std::fs::read_to_string("/proc/locks").expect("/proc/locks");
    locks.lines().any(|l| {
        l.contains("->")
            && l.split_whitespace()
                .any(|w| w.ends_with(&format!(":{ino}")))
    })
}

#[test]
fn fix_waits_for_the_lock_and_then_sees_the_edit() {
    use std::io::Write;
    let d = Dir::new();
    let draft = d.write("draft.md", WRONG);
    let mut editor = std::fs::OpenOptions::new()
        .append(true)
        .open(&draft)
        .unwrap();
    editor.lock().unwrap();
    let mut fixer = d
        .command(&["--fix", "--quiet", "draft.md"])
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let ino = editor.metadata().unwrap().ino();
    while !someone_waits_for(ino) {
        assert!(
            fixer.try_wait().unwrap().is_none(),
            "--fix wrote without waiting for the lock: {:?}",
            std::fs::read_to_string(&draft)
        );
        std::thread::sleep(Duration::from_millis(10));
    }
    editor
        .write_all(b"An edit made while the fix waited.\n")
        .unwrap();
    drop(editor);
    let out = fixer.wait_with_output().unwrap();
    assert_eq!(
        out.status.code(),
        Some(2),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stderr).contains("changed since it was read"));
    assert_eq!(
        std::fs::read_to_string(&draft).unwrap(),
        format!("{WRONG}An edit made while the fix waited.\n")
    );
}

// 3. `--write-baseline` writes only over a regular file, and keeps its mode.

/// A character device like /dev/null at `path`, made with mknod where the
/// sandbox allows it, else a link to /dev/null.
fn device(path: &Path) {
    let made = Command::new("mknod")
        .arg(path)
        .args(["c", "1", "3"])
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    if !made {
        symlink("/dev/null", path).unwrap();
    }
}

#[test]
fn write_baseline_refuses_fifos_devices_and_links_to_them() {
    let d = Dir::new();
    d.write("draft.md", WRONG);
    mkfifo(&d.root.join("fifo.json"));
    device(&d.root.join("dev.json"));
    symlink("/dev/null", d.root.join("null-link.json")).unwrap();
    for target in ["fifo.json", "dev.json", "null-link.json"] {
        let out = d.check(&["--write-baseline", target, "draft.md"]);
        assert_eq!(code(&out), 2, "{target}: {}", stderr(&out));
        // A link out of the folder is refused before its target is looked at.
        assert!(
            stderr(&out).contains("not a regular file")
                || (target == "null-link.json" && stderr(&out).contains("outside its folder")),
            "{}",
            stderr(&out)
        );
        let kind = std::fs::metadata(d.root.join(target)).unwrap().file_type();
        assert!(!kind.is_file(), "{target} was replaced by a file");
    }
    assert!(!Path::new("/dev/null").metadata().unwrap().is_file());
}

#[test]
fn write_baseline_keeps_the_mode_and_follows_a_link_to_a_file() {
    let d = Dir::new();
    d.write("draft.md", WRONG);
    let old = d.write("baseline.json", "{}");
    std::fs::set_permissions(&old, std::fs::Permissions::from_mode(0o644)).unwrap();
    symlink("baseline.json", d.root.join("link.json")).unwrap();
    let out = d.check(&["--write-baseline", "link.json", "draft.md"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert!(
        std::fs::symlink_metadata(d.root.join("link.json"))
            .unwrap()
            .is_symlink()
    );
    assert!(std::fs::read_to_string(&old).unwrap().contains("NC101"));
    assert_eq!(std::fs::metadata(&old).unwrap().mode() & 0o7777, 0o644);

    // A new baseline is made with the umask, as any new file.
    let out = d.check(&["--write-baseline", "new.json", "draft.md"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    // The umask numcheck inherits: this process's, read without changing it.
    let status = std::fs::read_to_string("/proc/self/status").unwrap();
    let umask = status
        .lines()
        .find_map(|l| l.strip_prefix("Umask:"))
        .map(|m| u32::from_str_radix(m.trim(), 8).unwrap())
        .unwrap();
    let mode = std::fs::metadata(d.root.join("new.json")).unwrap().mode() & 0o777;
    assert_eq!(mode, 0o666 & !umask);
}

/// A link the pull request put where the workflow writes its baseline
/// must not lead the write out of the folder (found by the baseline fuzz
/// target).
#[test]
fn write_baseline_refuses_a_link_out_of_its_folder() {
    let d = Dir::new();
    d.write("draft.md", WRONG);
    let outside = d.outside().join("precious.md");
    std::fs::write(&outside, "keep me\n").unwrap();
    symlink("../outside/precious.md", d.root.join("baseline.json")).unwrap();
    let out = d.check(&["--write-baseline", "baseline.json", "draft.md"]);
    assert_eq!(code(&out), 2, "{}", stderr(&out));
    assert!(
        stderr(&out).contains("outside its folder"),
        "{}",
        stderr(&out)
    );
    assert_eq!(std::fs::read_to_string(&outside).unwrap(), "keep me\n");
}

// 10, 11. A baseline is read from a regular file only.

#[test]
fn a_baseline_that_is_a_fifo_or_a_device_is_refused_without_blocking() {
    let d = Dir::new();
    d.write("draft.md", WRONG);
    mkfifo(&d.root.join("fifo.json"));
    symlink("/dev/zero", d.root.join("zero.json")).unwrap();
    for target in ["fifo.json", "zero.json"] {
        let out = d.check(&["--baseline", target, "draft.md"]);
        assert_eq!(code(&out), 2, "{target}: {}", stderr(&out));
        assert!(
            stderr(&out).contains("not a regular file"),
            "{}",
            stderr(&out)
        );
    }
}

// 10. Reads are bounded: a device, a pipe, standard input, a JSON line.

/// `cmd` limited to 1 GiB of address space: a read that grows without
/// bound fails its allocation instead of taking the machine's memory.
fn with_memory_limit(cmd: &mut Command) -> &mut Command {
    use std::os::unix::process::CommandExt;
    let limit = libc::rlimit {
        rlim_cur: 1 << 30,
        rlim_max: 1 << 30,
    };
    // SAFETY: setrlimit is async-signal-safe and touches only the child.
    unsafe {
        cmd.pre_exec(move || {
            if libc::setrlimit(libc::RLIMIT_AS, &limit) == 0 {
                Ok(())
            } else {
                Err(std::io::Error::last_os_error())
            }
        })
    }
}

#[test]
fn a_device_or_standard_input_is_read_no_further_than_the_limit() {
    let d = Dir::new();
    let out = finish(with_memory_limit(&mut d.command(&[
        "--max-filesize",
        "1K",
        "/dev/zero",
    ])));
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert!(
        stderr(&out).contains("more than 1024 bytes"),
        "{}",
        stderr(&out)
    );

    let zero = std::fs::File::open("/dev/zero").unwrap();
    let out = finish(with_memory_limit(
        d.command(&["--max-filesize", "1K", "--stdin"]).stdin(zero),
    ));
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert!(
        stderr(&out).contains("more than 1024 bytes"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn a_jsonl_line_over_the_limit_is_an_error_line_and_the_next_is_read() {
    use std::io::Write;
    let d = Dir::new();
    let mut child = with_memory_limit(&mut d.command(&["--jsonl", "--max-filesize", "1M"]))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut pipe = child.stdin.take().unwrap();
    let writer = std::thread::spawn(move || {
        // 1.5 GiB without a line break, more than the child may hold.
        let block = vec![b' '; 1 << 20];
        for _ in 0..1536 {
            pipe.write_all(&block)?;
        }
        pipe.write_all(b"\n{\"id\": 2, \"text\": \"Wagner has 80,000 personnel.\"}\n")
    });
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap().expect("input written");
    // 1: the NC101 of the line after the long one fails the stream.
    assert_eq!(code(&out), 1, "{}", stderr(&out));
    let lines: Vec<&str> = std::str::from_utf8(&out.stdout).unwrap().lines().collect();
    assert_eq!(lines.len(), 2, "{lines:?}");
    assert!(
        lines[0].contains("longer than 1048576 bytes"),
        "{}",
        lines[0]
    );
    assert!(lines[1].contains("NC101"), "{}", lines[1]);
}

// 14. A dangling or looping link that is not prose is no error.

#[test]
fn dangling_and_looping_links_that_are_not_prose_are_ignored() {
    let d = Dir::new();
    d.write("draft.md", WRONG);
    symlink("/nonexistent", d.root.join("logo.png")).unwrap();
    symlink("self.css", d.root.join("self.css")).unwrap();
    let out = d.check(&["--format", "short", "."]);
    assert_eq!(code(&out), 1, "{}", stderr(&out));
    assert!(!stderr(&out).contains("error"), "{}", stderr(&out));

    // A dangling draft is still an error: it was meant to be checked.
    symlink("/nonexistent", d.root.join("gone.md")).unwrap();
    let out = d.check(&["--format", "short", "."]);
    assert_eq!(code(&out), 2, "{}", stderr(&out));
}

// 15. The walk sees the drafts git shows.

#[test]
fn ignore_files_git_does_not_read_hide_nothing() {
    let d = Dir::new();
    let outer = d.root.parent().unwrap();
    // Above the repository's root: git reads no .gitignore there.
    std::fs::write(outer.join(".gitignore"), "*.md\n").unwrap();
    std::fs::create_dir(d.root.join(".git")).unwrap();
    d.write("draft.md", WRONG);
    // git reads no .ignore files at all.
    d.write(".ignore", "other.md\n");
    d.write("other.md", WRONG);
    // A .gitignore inside the repository still counts.
    d.write(".gitignore", "hidden.md\n");
    d.write("hidden.md", WRONG);
    let out = d.check(&["--format", "short", "."]);
    assert_eq!(code(&out), 1, "{}", stderr(&out));
    let shown = stdout(&out);
    assert!(shown.contains("draft.md:1"), "{shown}");
    assert!(shown.contains("other.md:1"), "{shown}");
    assert!(!shown.contains("hidden.md"), "{shown}");
}

/// A `.gitignore` that is a FIFO or a link to a device would block the
/// walk or fill the memory (found by the tree fuzz target).
#[test]
fn a_gitignore_that_is_a_fifo_or_a_device_is_refused_without_blocking() {
    let d = Dir::new();
    d.write("draft.md", WRONG);
    for (folder, make) in [("fifo", 0), ("zero", 1)] {
        let dir = d.root.join(folder);
        std::fs::create_dir(&dir).unwrap();
        std::fs::write(dir.join("hidden.md"), WRONG).unwrap();
        if make == 0 {
            mkfifo(&dir.join(".gitignore"));
        } else {
            symlink("/dev/zero", dir.join(".gitignore")).unwrap();
        }
    }
    let out =
        finish(with_memory_limit(&mut d.command(&["--format", "short", "."])).stdin(Stdio::null()));
    let all = format!("{}{}", stdout(&out), stderr(&out));
    assert_eq!(code(&out), 2, "{all}");
    assert!(all.contains("draft.md:1"), "{all}");
    for folder in ["fifo", "zero"] {
        assert!(
            all.contains(&format!(
                "{folder}/.gitignore: not read: it is not a regular file"
            )),
            "{all}"
        );
    }
    // At the root of the walk, too.
    let d = Dir::new();
    d.write("draft.md", WRONG);
    mkfifo(&d.root.join(".gitignore"));
    let out = d.check(&["."]);
    assert_eq!(code(&out), 2, "{}", stderr(&out));
    assert!(
        stderr(&out).contains(".gitignore: not read"),
        "{}",
        stderr(&out)
    );
}

// 15. A negative amount in the rules is an error, not the amount.

/// The seed rules with the line `value = OLD` of one fact made `value = NEW`.
fn with_value(d: &Dir, old: &str, new: &str) {
    let seed = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("rules.toml"))
        .expect("rules");
    let changed = seed.replace(&format!("\nvalue = {old}\n"), &format!("\nvalue = {new}\n"));
    assert_ne!(changed, seed, "the seed rules hold `value = {old}`");
    d.write("rules.toml", changed);
}

/// The seed rules with the spending fact's value made `value`.
fn with_spending(d: &Dir, value: &str) {
    with_value(d, "\"$100 million\"", value);
}

#[test]
fn a_negative_amount_in_the_rules_is_an_error() {
    for value in [
        r#""-$100 million""#,
        r#""−$100 million""#,
        r#""$-100 million""#,
        r#""minus $100 million""#,
    ] {
        let d = Dir::new();
        with_spending(&d, value);
        d.write(
            "draft.md",
            "Prigozhin spends more than $100 million a month.\n",
        );
        let out = d.check(&["draft.md"]);
        assert_eq!(code(&out), 2, "{value}: {}", stderr(&out));
        assert!(
            stderr(&out).contains("error[NC004/rules-value]: a fact's value cannot be negative"),
            "{value}: {}",
            stderr(&out)
        );
    }
    // Letters before the amount are no sign.
    let d = Dir::new();
    with_spending(&d, r#""US$100 million""#);
    d.write(
        "draft.md",
        "Prigozhin spends more than $100 million a month.\n",
    );
    let out = d.check(&["draft.md"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
}

// 16. Minor: the summary of a failing run never says "No findings".

#[test]
fn max_findings_zero_does_not_print_no_findings() {
    let d = Dir::new();
    d.write("draft.md", WRONG);
    let out = d.check(&["--max-findings", "0", "draft.md"]);
    assert_eq!(code(&out), 1, "{}", stderr(&out));
    assert!(!stdout(&out).contains("No findings"), "{}", stdout(&out));
    assert!(
        stdout(&out).contains("(1 more not shown)"),
        "{}",
        stdout(&out)
    );
}

#[test]
fn a_value_too_small_to_show_is_an_error_not_zero() {
    for value in ["5e-324", "1e-30", "1e300"] {
        let d = Dir::new();
        with_value(&d, "50_000", value);
        d.write("draft.md", WRONG);
        let out = d.check(&["draft.md"]);
        let all = format!("{}{}", stdout(&out), stderr(&out));
        assert_eq!(code(&out), 2, "{value}: {all}");
        assert!(all.contains("error[NC004/rules-value]"), "{value}: {all}");
        assert!(!all.contains("canonical 0"), "{value}: {all}");
    }
    // A small value that a decimal holds is read as written. The drafts
    // are near it in size: 80,000 would be a figure of something else.
    for (value, draft, shown) in [
        ("0.25", "Wagner has 2 personnel.\n", "canonical 0.25"),
        (
            "1e-6",
            "Wagner has 0.00002 personnel.\n",
            "canonical 0.000001",
        ),
    ] {
        let d = Dir::new();
        with_value(&d, "50_000", value);
        d.write("draft.md", draft);
        let out = d.check(&["--format", "short", "draft.md"]);
        assert_eq!(code(&out), 1, "{value}: {}", stderr(&out));
        assert!(stdout(&out).contains(shown), "{value}: {}", stdout(&out));
    }
}

#[test]
fn a_colon_in_a_name_is_no_scheme_in_sarif() {
    let d = Dir::new();
    d.write("javascript:alert(1).md", WRONG);
    let out = d.check(&["--format", "sarif", "."]);
    assert_eq!(code(&out), 1, "{}", stderr(&out));
    let log: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let uri = log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]
        ["uri"]
        .as_str()
        .unwrap();
    assert!(uri.ends_with("javascript%3Aalert(1).md"), "{uri}");
}

#[test]
fn a_discovered_rules_file_linking_out_of_the_project_is_never_read() {
    let d = Dir::new();
    std::fs::remove_file(d.root.join("rules.toml")).unwrap();
    symlink("/etc/passwd", d.root.join("rules.toml")).unwrap();
    d.write("draft.md", WRONG);
    for format in ["github", "sarif", "human"] {
        let out = d.check(&["--format", format, "draft.md"]);
        let all = format!("{}{}", stdout(&out), stderr(&out));
        assert_eq!(code(&out), 2, "{format}: {all}");
        assert!(all.contains("outside the project"), "{all}");
        assert!(!all.contains("root:"), "{format} leaked: {all}");
    }
    // Named by the workflow with --rules, a rules file may be anywhere.
    let trusted = d.outside().join("rules.toml");
    std::fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("rules.toml"),
        &trusted,
    )
    .unwrap();
    let out = d.check(&["--rules", trusted.to_str().unwrap(), "draft.md"]);
    assert_eq!(code(&out), 1, "{}", stderr(&out));
}
