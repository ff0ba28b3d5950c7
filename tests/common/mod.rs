//! Running the built binary from integration tests.

#![allow(dead_code)]

use std::path::Path;
use std::process::{Command, Output, Stdio};

pub fn numcheck() -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_numcheck"));
    cmd.current_dir(env!("CARGO_MANIFEST_DIR"))
        .env_remove("NO_COLOR");
    cmd
}

/// Runs numcheck with `args`, feeding `stdin` if given.
pub fn run(args: &[&str], stdin: Option<&[u8]>) -> Output {
    let mut cmd = numcheck();
    cmd.args(args).stdin(if stdin.is_some() {
        Stdio::piped()
    } else {
        Stdio::null()
    });
    cmd.stdout(Stdio::piped()).stderr(Stdio::piped());
    let mut child = cmd.spawn().expect("numcheck runs");
    // Written from a thread: a child that streams its answers fills the
    // stdout pipe long before it has read all of a large input.
    let writer = stdin.map(|bytes| {
        let mut pipe = child.stdin.take().expect("stdin is piped");
        let bytes = bytes.to_vec();
        std::thread::spawn(move || {
            use std::io::Write;
            pipe.write_all(&bytes).expect("stdin written");
        })
    });
    let out = child.wait_with_output().expect("numcheck finishes");
    if let Some(writer) = writer {
        writer.join().expect("stdin writer finishes");
    }
    out
}

pub fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).expect("stdout is UTF-8")
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).expect("stderr is UTF-8")
}

pub fn code(o: &Output) -> i32 {
    o.status
        .code()
        .expect("numcheck exits with a code, not a signal")
}

/// A path relative to the crate root, with forward slashes, as output shows it.
pub fn rel(path: &Path) -> String {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    path.strip_prefix(root)
        .unwrap_or(path)
        .to_string_lossy()
        .replace('\\', "/")
}

/// The official SARIF 2.1.0 schema: `NUMCHECK_SARIF_SCHEMA` if set, else
/// the copy in `../shared/schemas/` beside the checkout. It is not in the
/// repository (no package on the registries we reach ships it), so a lone
/// clone has none, and the tests that need it validate what they can
/// without it and say so.
pub fn sarif_schema() -> Option<std::path::PathBuf> {
    if let Some(p) = std::env::var_os("NUMCHECK_SARIF_SCHEMA") {
        return Some(p.into());
    }
    let beside =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/schemas/sarif-schema-2.1.0.json");
    beside.is_file().then_some(beside)
}

/// What a test prints when it cannot validate against the SARIF schema.
pub const NO_SARIF_SCHEMA: &str = "note: SARIF schema validation skipped: no \
    ../shared/schemas/sarif-schema-2.1.0.json beside the checkout and no \
    NUMCHECK_SARIF_SCHEMA; the structural checks still ran";

/// Seed 000 (no findings) and seed 002 (the NC111 finding).
pub const SEED_000: &str = "000_0bc75ca03dfdfb67.txt";
pub const SEED_002: &str = "002_d590c6a3bc0264bc.txt";

/// A folder holding seeds 000 and 002 under `drafts/` and the seed rules,
/// as a project using numcheck would.
pub fn seed_workspace() -> tempfile::TempDir {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let dir = tempfile::tempdir().expect("temp dir");
    let drafts = dir.path().join("drafts");
    std::fs::create_dir(&drafts).expect("drafts folder");
    for seed in [SEED_000, SEED_002] {
        std::fs::copy(root.join("fixtures/seeds").join(seed), drafts.join(seed)).expect("seed");
    }
    std::fs::copy(root.join("rules.toml"), dir.path().join("rules.toml")).expect("rules");
    dir
}

/// The codes of the findings `numcheck check --format json` gives for `path`.
pub fn finding_codes(path: &Path) -> Vec<String> {
    let out = numcheck()
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

/// The `.txt` fixtures of `fixtures/<folder>/<kind>`, in name order.
pub fn fixture_texts(folder: &str, kind: &str) -> Vec<std::path::PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures")
        .join(folder)
        .join(kind);
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .expect("fixture folder")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    files
}
