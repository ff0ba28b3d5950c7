//! Hostile input: every case gets a clear message or a clean run, never a
//! panic or a hang, and the other files of the run are still checked.

#![cfg(unix)]

mod common;

use std::path::{Path, PathBuf};
use std::process::Output;
use std::time::{Duration, Instant};

use common::{code, stderr, stdout};

/// A draft with one known error, checked beside every hostile file to show
/// the run goes on.
const GOOD: &str = "Wagner has 80,000 personnel.\n";

struct Dir {
    _tmp: tempfile::TempDir,
    root: PathBuf,
}

impl Dir {
    fn new() -> Dir {
        let tmp = tempfile::tempdir().expect("temp dir");
        let root = tmp.path().to_path_buf();
        std::fs::copy(
            Path::new(env!("CARGO_MANIFEST_DIR")).join("rules.toml"),
            root.join("rules.toml"),
        )
        .expect("rules copied");
        std::fs::write(root.join("good.md"), GOOD).expect("good draft");
        Dir { _tmp: tmp, root }
    }

    fn write(&self, name: &str, bytes: impl AsRef<[u8]>) -> PathBuf {
        let path = self.root.join(name);
        std::fs::write(&path, bytes).expect("file written");
        path
    }

    /// `numcheck check --format short ARGS…` in this folder, timed.
    fn check(&self, args: &[&str]) -> (Output, Duration) {
        let start = Instant::now();
        let out = common::numcheck()
            .current_dir(&self.root)
            .args(["check", "--format", "short", "--color", "never"])
            .args(args)
            .output()
            .expect("numcheck runs");
        (out, start.elapsed())
    }
}

/// No panic, and the good draft's finding is there: the run went on.
fn went_on(out: &Output) {
    assert!(!stderr(out).contains("panicked"), "{}", stderr(out));
    assert!(
        stdout(out).contains("good.md:1:12: error[NC101]"),
        "the other file was not checked:\n{}\n{}",
        stdout(out),
        stderr(out)
    );
}

#[test]
fn invalid_utf8_is_an_error_naming_the_byte() {
    let d = Dir::new();
    d.write("latin1.txt", b"Wagner has 50\xa0000 personnel.\n");
    let (out, _) = d.check(&["latin1.txt", "good.md"]);
    went_on(&out);
    assert_eq!(code(&out), 2);
    assert!(
        stderr(&out).contains("latin1.txt") && stderr(&out).contains("offset 13"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn a_nul_byte_marks_a_binary_file_skipped_with_a_note() {
    let d = Dir::new();
    d.write("blob.txt", b"Wagner has 90,000\0 personnel.\n");
    let (out, _) = d.check(&["blob.txt", "good.md"]);
    went_on(&out);
    assert_eq!(code(&out), 1);
    assert!(
        stderr(&out).contains("note: skipped blob.txt: binary file"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn a_100_mb_line_is_skipped_by_default_and_read_when_allowed() {
    let d = Dir::new();
    let mut line = "Wagner has about 50,000 personnel and the war goes on ".repeat(1_900_000);
    line.truncate(100_000_000);
    d.write("line.txt", &line);
    let (out, _) = d.check(&["line.txt", "good.md"]);
    went_on(&out);
    assert!(
        stderr(&out).contains("note: skipped line.txt: 100000000 bytes, over the limit"),
        "{}",
        stderr(&out)
    );
    // A 4 MB line is read, in bounded time: windows cut it at spaces.
    line.truncate(4_000_000);
    d.write("line.txt", &line);
    let (out, took) = d.check(&["line.txt", "good.md"]);
    went_on(&out);
    assert_eq!(code(&out), 1, "{}", stderr(&out));
    assert!(took < Duration::from_secs(120), "took {took:?}");
}

#[test]
fn a_million_digits_are_one_token_and_no_figure() {
    let d = Dir::new();
    let digits = format!("Wagner has {} personnel.\n", "7".repeat(1_000_000));
    d.write("digits.txt", digits);
    d.write(
        "digits-commas.md",
        format!("Wagner has {}0 personnel.\n", "123,".repeat(250_000)),
    );
    let (out, _) = d.check(&["digits.txt", "digits-commas.md", "good.md"]);
    went_on(&out);
    assert_eq!(stdout(&out).lines().count(), 1, "{}", stdout(&out));
}

#[test]
fn deeply_nested_markdown_and_html_load() {
    let d = Dir::new();
    d.write(
        "quotes.md",
        format!("{}Wagner has 90,000 personnel.\n", "> ".repeat(50_000)),
    );
    d.write(
        "lists.md",
        (0..5_000)
            .map(|i| format!("{}- Wagner has {i} men\n", "  ".repeat(i)))
            .collect::<String>(),
    );
    d.write(
        "brackets.md",
        format!("{}Wagner{}\n", "[".repeat(100_000), "](x)".repeat(100_000)),
    );
    d.write(
        "emphasis.md",
        format!("{}90,000{}\n", "*_".repeat(50_000), "_*".repeat(50_000)),
    );
    d.write(
        "divs.html",
        format!(
            "{}Wagner has 90,000 personnel.{}",
            "<div>".repeat(100_000),
            "</div>".repeat(100_000)
        ),
    );
    let (out, took) = d.check(&[
        "quotes.md",
        "lists.md",
        "brackets.md",
        "emphasis.md",
        "divs.html",
        "good.md",
    ]);
    went_on(&out);
    assert!(code(&out) <= 1, "{}", stderr(&out));
    assert!(took < Duration::from_secs(120), "took {took:?}");
}

#[test]
fn a_rules_file_with_a_10_mb_string_is_refused_with_a_pointed_error() {
    let d = Dir::new();
    let rules = format!(
        "version = 1\n\n[[fact]]\nid = \"x\"\nvalue = 5\nunit = \"person\"\nterms = [\"{}\"]\n",
        "a".repeat(10_000_000)
    );
    d.write("rules.toml", rules);
    let (out, took) = d.check(&["good.md"]);
    assert_eq!(code(&out), 2);
    assert!(
        stderr(&out).contains("error[NC004/rules-value]: this string is longer than 200 bytes"),
        "{}",
        &stderr(&out)[..stderr(&out).len().min(2000)]
    );
    assert!(took < Duration::from_secs(60), "took {took:?}");
}

#[test]
fn a_phrase_that_would_explode_is_refused() {
    let d = Dir::new();
    let rules = "version = 1\n\n[[fact]]\nid = \"x\"\nvalue = 5\nunit = \"person\"\n\
        terms = [\"a ** b ** c ** d ** e ** f ** g ** h ** i ** j ** k\"]\n";
    d.write("rules.toml", rules);
    let (out, took) = d.check(&["good.md"]);
    assert_eq!(code(&out), 2);
    assert!(
        stderr(&out).contains("at most 3 of `*` and `**`"),
        "{}",
        stderr(&out)
    );
    assert!(took < Duration::from_secs(10), "took {took:?}");
}

#[test]
fn a_directory_link_loop_is_skipped_with_a_note() {
    let d = Dir::new();
    std::fs::create_dir(d.root.join("drafts")).expect("folder");
    std::os::unix::fs::symlink("..", d.root.join("drafts/loop")).expect("link");
    let (out, _) = d.check(&["."]);
    went_on(&out);
    assert_eq!(code(&out), 1, "{}", stderr(&out));
    assert!(stderr(&out).contains("loops back"), "{}", stderr(&out));
}

#[test]
fn files_that_vanish_mid_walk_are_errors_and_the_rest_is_checked() {
    let d = Dir::new();
    let drafts = d.root.join("drafts");
    std::fs::create_dir(&drafts).expect("folder");
    for i in 0..3_000 {
        std::fs::write(drafts.join(format!("d{i:04}.md")), GOOD).expect("draft");
    }
    // Delete drafts while the run walks and reads them.
    let remover = {
        let drafts = drafts.clone();
        std::thread::spawn(move || {
            for i in (0..3_000).step_by(2) {
                let _ = std::fs::remove_file(drafts.join(format!("d{i:04}.md")));
            }
        })
    };
    let (out, _) = d.check(&["."]);
    remover.join().expect("remover finishes");
    went_on(&out);
    let err = stderr(&out);
    // Each draft was checked, or vanished before it was read and is named
    // in an error (on standard error, and on standard output in `short`).
    let checked = stdout(&out)
        .lines()
        .filter(|l| l.contains("drafts/") && !l.contains("No such file"))
        .count();
    let vanished = err.lines().filter(|l| l.contains("No such file")).count();
    assert!(
        checked + vanished <= 3_000 && checked >= 1_500,
        "{checked} + {vanished}\n{err}"
    );
    if vanished > 0 {
        assert_eq!(code(&out), 2);
    }
}

#[test]
fn unreadable_files_are_errors_and_the_rest_is_checked() {
    let d = Dir::new();
    // Root reads any file whatever its mode; a file the kernel refuses to
    // read stands in for it there.
    let unreadable = if is_root() {
        PathBuf::from("/proc/self/mem")
    } else {
        let p = d.write("secret.md", GOOD);
        std::fs::set_permissions(&p, std::os::unix::fs::PermissionsExt::from_mode(0o000))
            .expect("chmod");
        p
    };
    let (out, _) = d.check(&[unreadable.to_str().expect("UTF-8 path"), "good.md"]);
    went_on(&out);
    assert_eq!(code(&out), 2, "{}", stderr(&out));
    assert!(stderr(&out).contains("error:"), "{}", stderr(&out));
}

/// Whether the tests run as root, from the owner of a file just made.
fn is_root() -> bool {
    use std::os::unix::fs::MetadataExt;
    let f = tempfile::NamedTempFile::new().expect("temp file");
    f.as_file().metadata().expect("metadata").uid() == 0
}
