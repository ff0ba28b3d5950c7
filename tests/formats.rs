//! Machine formats against their schemas: SARIF for every fixture against
//! the official SARIF 2.1.0 schema, JSON against docs/json-output.schema.json,
//! both with check-jsonschema (`pip install check-jsonschema`; .ci/run
//! installs it). GitHub workflow commands are checked by parsing them back.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

fn fixtures() -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = ignore::Walk::new("fixtures")
        .flatten()
        .map(|e| e.into_path())
        .filter(|p| {
            p.extension()
                .is_some_and(|e| e == "txt" || e == "md" || e == "html")
        })
        .collect();
    out.sort();
    assert!(out.len() > 200, "fixtures not found: {}", out.len());
    out
}

/// Writes each fixture's output in `format` to a file under `dir`.
fn outputs(format: &str, dir: &Path) -> Vec<PathBuf> {
    let mut written = Vec::new();
    for (i, f) in fixtures().iter().enumerate() {
        let out = common::run(&["check", "--format", format, &common::rel(f)], None);
        assert!(
            common::code(&out) <= 1,
            "{}: {}",
            f.display(),
            common::stderr(&out)
        );
        let path = dir.join(format!("{i:04}.json"));
        std::fs::write(&path, &out.stdout).expect("output written");
        written.push(path);
    }
    // And one run over the whole tree: many files, many rules files, one log.
    let out = common::run(&["check", "--format", format, "fixtures"], None);
    let path = dir.join("all.json");
    std::fs::write(&path, &out.stdout).expect("output written");
    written.push(path);
    written
}

fn validate(schema: &Path, files: &[PathBuf]) {
    let mut cmd = Command::new("check-jsonschema");
    cmd.arg("--schemafile").arg(schema).args(files);
    let out = cmd.output().unwrap_or_else(|e| {
        panic!("check-jsonschema could not run ({e}); install it: pip install check-jsonschema")
    });
    assert!(
        out.status.success(),
        "{}\n{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn sarif_for_every_fixture_is_valid_sarif_2_1_0() {
    let dir = tempfile::tempdir().expect("temp dir");
    let files = outputs("sarif", dir.path());
    match common::sarif_schema() {
        Some(schema) => validate(&schema, &files),
        None => eprintln!("{}", common::NO_SARIF_SCHEMA),
    }
    // The schema cannot see that results name rules that exist.
    let all: serde_json::Value =
        serde_json::from_slice(&std::fs::read(files.last().expect("all.json")).unwrap()).unwrap();
    let run = &all["runs"][0];
    let rules = run["tool"]["driver"]["rules"].as_array().unwrap();
    let results = run["results"].as_array().unwrap();
    assert!(results.len() > 100, "{}", results.len());
    for r in results {
        let i = r["ruleIndex"].as_u64().unwrap() as usize;
        assert_eq!(rules[i]["id"], r["ruleId"]);
        let uri = r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
            .as_str()
            .unwrap();
        assert!(uri.starts_with("fixtures/"), "{uri}");
        assert!(r["partialFingerprints"]["numcheck/v1"].is_string());
    }
}

#[test]
fn json_for_every_fixture_matches_its_documented_schema() {
    let dir = tempfile::tempdir().expect("temp dir");
    let files = outputs("json", dir.path());
    validate(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/json-output.schema.json"),
        &files,
    );
}

/// Undoes GitHub's escaping of a workflow command value.
fn unescape(s: &str) -> String {
    s.replace("%0A", "\n")
        .replace("%0D", "\r")
        .replace("%3A", ":")
        .replace("%2C", ",")
        .replace("%25", "%")
}

#[test]
fn github_commands_parse_back_to_the_findings() {
    let json = common::run(&["check", "--format", "json", "fixtures"], None);
    let json: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    let findings = json["findings"].as_array().unwrap();
    let gh = common::run(&["check", "--format", "github", "fixtures"], None);
    let lines: Vec<String> = common::stdout(&gh).lines().map(str::to_string).collect();
    // Findings first, then the run's errors and warnings, each on its file.
    let errors = json["errors"].as_array().cloned().unwrap_or_default();
    let warnings = json["warnings"].as_array().cloned().unwrap_or_default();
    assert!(
        !warnings.is_empty(),
        "the fixtures hold drafts no story applies to"
    );
    assert_eq!(lines.len(), findings.len() + errors.len() + warnings.len());
    let notices = errors
        .iter()
        .map(|e| ("error", e))
        .chain(warnings.iter().map(|w| ("warning", w)));
    for (line, (command, e)) in lines[findings.len()..].iter().zip(notices) {
        let want = format!(
            "::{command} file={},title=numcheck::",
            e["path"]
                .as_str()
                .unwrap()
                .replace(':', "%3A")
                .replace(',', "%2C")
        );
        assert!(line.starts_with(&want), "{line}");
        assert_eq!(
            unescape(&line[want.len()..]),
            e["message"].as_str().unwrap()
        );
    }
    for (line, f) in lines.iter().zip(findings) {
        let (head, message) = line[2..]
            .split_once("::")
            .expect("::command props::message");
        let (command, props) = head.split_once(' ').expect("command and properties");
        let want = match f["severity"].as_str().unwrap() {
            "error" => "error",
            "warning" => "warning",
            _ => "notice",
        };
        assert_eq!(command, want);
        let props: Vec<(&str, String)> = props
            .split(',')
            .map(|p| {
                let (k, v) = p.split_once('=').expect("key=value");
                (k, unescape(v))
            })
            .collect();
        let get = |k: &str| props.iter().find(|(x, _)| *x == k).map(|(_, v)| v.clone());
        assert_eq!(get("file").as_deref(), f["path"].as_str());
        assert_eq!(get("line"), Some(f["line"].to_string()));
        assert_eq!(get("col"), Some(f["column"].to_string()));
        assert_eq!(get("endLine"), Some(f["end_line"].to_string()));
        assert_eq!(get("endColumn"), Some(f["end_column"].to_string()));
        assert!(unescape(message).starts_with(f["message"].as_str().unwrap()));
        assert!(!message.contains('\n'));
    }
}
