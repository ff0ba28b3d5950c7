//! The progress bar of a long `check`: on a terminal (a real pty, through
//! util-linux `script`) for human output, never for a machine format or
//! when standard error is a pipe.

use std::path::Path;
use std::process::Command;

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

/// A folder of `n` copies of a seed article with the seed rules.
fn tree(n: usize) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(
        Path::new(ROOT).join("rules.toml"),
        dir.path().join("rules.toml"),
    )
    .unwrap();
    std::fs::create_dir(dir.path().join("d")).unwrap();
    let seed =
        std::fs::read(Path::new(ROOT).join("fixtures/seeds/000_0bc75ca03dfdfb67.txt")).unwrap();
    for i in 0..n {
        std::fs::write(dir.path().join(format!("d/{i:04}.txt")), &seed).unwrap();
    }
    dir
}

/// Runs `numcheck ARGS` in `dir` under a pseudo-terminal; what it wrote.
fn on_a_terminal(dir: &Path, args: &str) -> String {
    let out = Command::new("script")
        .args(["-qec"])
        .arg(format!("{} {args}", env!("CARGO_BIN_EXE_numcheck")))
        .arg("/dev/null")
        .current_dir(dir)
        .output()
        .expect("script (util-linux) runs");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn a_long_run_on_a_terminal_shows_progress_and_machine_formats_do_not() {
    // One thread and enough files that the run outlasts the moment the
    // bar waits for, in a debug build on a busy machine too.
    let dir = tree(600);
    let human = on_a_terminal(dir.path(), "check -j1 d");
    assert!(human.contains("files checked"), "{human}");
    assert!(human.contains("No findings in 600 files."), "{human}");
    let json = on_a_terminal(dir.path(), "check -j1 --format json d");
    assert!(!json.contains("files checked"), "{json}");
    let quiet = on_a_terminal(dir.path(), "check -j1 --quiet d");
    assert!(!quiet.contains("files checked"), "{quiet}");
    // Standard error a pipe: nothing.
    let out = Command::new(env!("CARGO_BIN_EXE_numcheck"))
        .args(["check", "-j1", "d"])
        .current_dir(dir.path())
        .output()
        .unwrap();
    assert!(!String::from_utf8_lossy(&out.stderr).contains("files checked"));
}

#[test]
fn a_short_run_shows_none() {
    let dir = tree(2);
    let human = on_a_terminal(dir.path(), "check d");
    assert!(!human.contains("files checked"), "{human}");
}
