//! `numcheck init`: a starter table that loads, catches its own example
//! error and is valid against docs/rules.schema.json; a table drafted
//! from the seed articles; and no file ever replaced.

use std::path::Path;
use std::process::{Command, Output};

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

fn numcheck(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_numcheck"))
        .current_dir(dir)
        .args(args)
        .output()
        .expect("numcheck runs")
}

#[test]
fn the_starter_table_loads_checks_and_is_schema_valid() {
    let dir = tempfile::tempdir().unwrap();
    let out = numcheck(dir.path(), &["init"]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = std::fs::read_to_string(dir.path().join("rules.toml")).unwrap();
    assert!(
        text.lines().filter(|l| l.starts_with('#')).count() > 10,
        "commented:\n{text}"
    );
    std::fs::write(
        dir.path().join("draft.md"),
        "The council passed a budget of about $1.3 billion, with $700 million for schools \
         and $500 million for transit.\n",
    )
    .unwrap();
    let out = numcheck(dir.path(), &["check", "--format", "short", "draft.md"]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(
        out.status.code(),
        Some(1),
        "{stdout}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        stdout.contains("error[NC101]") && stdout.contains("$1.2 billion"),
        "{stdout}"
    );
    let schema = Command::new("check-jsonschema")
        .arg("--schemafile")
        .arg(Path::new(ROOT).join("docs/rules.schema.json"))
        .arg(dir.path().join("rules.toml"))
        .output()
        .expect("check-jsonschema runs (scripts/test installs it)");
    assert!(
        schema.status.success(),
        "{}",
        String::from_utf8_lossy(&schema.stdout)
    );
    // Never replaced.
    std::fs::write(dir.path().join("rules.toml"), "mine").unwrap();
    let out = numcheck(dir.path(), &["init"]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        std::fs::read_to_string(dir.path().join("rules.toml")).unwrap(),
        "mine"
    );
}

#[test]
fn drafts_give_a_table_of_what_they_agree_on() {
    let dir = tempfile::tempdir().unwrap();
    let seeds = Path::new(ROOT).join("fixtures/seeds");
    let out = numcheck(
        dir.path(),
        &["init", "--output", "drafted.toml", seeds.to_str().unwrap()],
    );
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = std::fs::read_to_string(dir.path().join("drafted.toml")).unwrap();
    assert!(
        text.contains("[[fact]]") && text.contains("50000"),
        "{text}"
    );
    // It loads: checking a seed with it is no rules error.
    let seed = seeds.join("000_0bc75ca03dfdfb67.txt");
    let out = numcheck(
        dir.path(),
        &["check", "--rules", "drafted.toml", seed.to_str().unwrap()],
    );
    assert!(
        out.status.code().is_some_and(|c| c < 2),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // One draft is not enough to agree on anything.
    let out = numcheck(
        dir.path(),
        &["init", "--output", "one.toml", seed.to_str().unwrap()],
    );
    assert_eq!(out.status.code(), Some(2));
}
