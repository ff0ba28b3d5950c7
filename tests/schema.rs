//! docs/rules.schema.json, the JSON Schema editors use for rules files
//! (taplo, Even Better TOML): every rules file in the repository is valid
//! against it, and a broken one is not. Validated with check-jsonschema,
//! which reads TOML (scripts/test installs it).

use std::path::{Path, PathBuf};
use std::process::Command;

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

/// Every file numcheck would read as a rules file: rules.toml, the
/// examples, and each fixture's rules.toml and numcheck.toml that has a
/// `version` (one in fixtures/config is another tool's on purpose).
fn rules_files() -> Vec<PathBuf> {
    let mut out = vec![PathBuf::from("rules.toml")];
    for dir in ["examples", "examples/second-writer"] {
        let mut found: Vec<PathBuf> = std::fs::read_dir(Path::new(ROOT).join(dir))
            .unwrap()
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|e| e == "toml"))
            .map(|p| p.strip_prefix(ROOT).unwrap().to_path_buf())
            .collect();
        found.sort();
        out.extend(found);
    }
    let mut fixtures: Vec<PathBuf> = ignore::Walk::new(Path::new(ROOT).join("fixtures"))
        .flatten()
        .map(|e| e.into_path())
        .filter(|p| {
            p.file_name()
                .is_some_and(|n| n == "rules.toml" || n == "numcheck.toml")
        })
        .filter(|p| {
            std::fs::read_to_string(p)
                .ok()
                .and_then(|t| t.parse::<toml::Table>().ok())
                .is_some_and(|t| t.contains_key("version"))
        })
        .map(|p| p.strip_prefix(ROOT).unwrap().to_path_buf())
        .collect();
    fixtures.sort();
    out.extend(fixtures);
    out
}

fn validate(files: &[PathBuf]) -> std::process::Output {
    Command::new("check-jsonschema")
        .arg("--schemafile")
        .arg("docs/rules.schema.json")
        .args(files)
        .current_dir(ROOT)
        .output()
        .unwrap_or_else(|e| {
            panic!("check-jsonschema could not run ({e}); scripts/test installs it")
        })
}

#[test]
fn every_rules_file_in_the_repository_is_valid() {
    let files = rules_files();
    assert!(files.len() >= 15, "{files:?}");
    let out = validate(&files);
    assert!(
        out.status.success(),
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn a_broken_rules_file_is_rejected() {
    let dir = tempfile::tempdir().unwrap();
    let broken = dir.path().join("rules.toml");
    std::fs::write(
        &broken,
        "version = 1\n\n[[fact]]\nid = \"wagner-personnel\"\nvaleu = 50000\nterms = \"personnel\"\n",
    )
    .unwrap();
    let out = validate(&[broken]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(!out.status.success(), "{text}");
    assert!(text.contains("valeu"), "{text}");
    assert!(
        text.contains("personnel"),
        "a string for a list is caught too: {text}"
    );
    // numcheck itself rejects it as well: the schema says no more than it does.
    let check = Command::new(env!("CARGO_BIN_EXE_numcheck"))
        .args(["check", "--rules"])
        .arg(dir.path().join("rules.toml"))
        .arg("--stdin")
        .stdin(std::process::Stdio::null())
        .output()
        .unwrap();
    assert_eq!(check.status.code(), Some(2));
}
