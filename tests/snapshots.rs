//! Every fixture's output in every format, held by insta snapshots stored
//! in the fixture's own folder (`snapshots/`). Regenerate with
//! `INSTA_UPDATE=always cargo test --test snapshots` and review the diff.

mod common;

fn snapshot_all(pattern: &str) {
    insta::glob!("../fixtures", pattern, |path| {
        let file = common::rel(path);
        // Configuration fixtures are run from their own folder, where
        // their numcheck.toml applies: tests/config.rs.
        if file.starts_with("fixtures/config/") {
            return;
        }
        let dir = path
            .parent()
            .expect("fixtures live in folders")
            .join("snapshots");
        let mut settings = insta::Settings::clone_current();
        settings.set_snapshot_path(dir);
        settings.set_prepend_module_to_snapshot(false);
        settings.set_input_file(path);
        settings.set_omit_expression(true);
        settings.bind(|| {
            for format in ["human", "short", "json", "sarif", "github"] {
                let out = common::run(
                    &["check", "--color", "never", "--format", format, &file],
                    None,
                );
                let stdout = match format {
                    "sarif" => sarif_results(&common::stdout(&out)),
                    _ => common::stdout(&out),
                };
                let body = format!("exit: {}\n{stdout}", common::code(&out));
                insta::assert_snapshot!(format, body);
            }
        });
    });
}

/// A SARIF log with what is the same for every fixture (the rules and
/// their help) or depends on the machine (the root's URI) taken out.
fn sarif_results(text: &str) -> String {
    let mut log: serde_json::Value = serde_json::from_str(text).expect("SARIF is JSON");
    let run = &mut log["runs"][0];
    let rules = run["tool"]["driver"]["rules"]
        .as_array()
        .map_or(0, Vec::len);
    run["tool"]["driver"]["rules"] = format!("[{rules} rules]").into();
    run["tool"]["driver"]["version"] = "[version]".into();
    run["tool"]["driver"]["semanticVersion"] = "[version]".into();
    if run["originalUriBaseIds"].is_object() {
        run["originalUriBaseIds"]["%SRCROOT%"]["uri"] = "[root]".into();
    }
    serde_json::to_string_pretty(&log).expect("JSON") + "\n"
}

/// One test over every fixture: insta's glob state is per process, so two
/// globs running on parallel test threads would count each other's failures.
#[test]
fn every_fixture_in_every_format() {
    snapshot_all("**/*.{txt,md,html}");
}

/// A snapshot whose fixture was renamed or deleted would never be checked
/// again; there must be none.
#[test]
fn every_snapshot_has_its_fixture() {
    let mut stale = Vec::new();
    for entry in ignore::Walk::new("fixtures").flatten() {
        let path = entry.path();
        if path.extension().is_none_or(|e| e != "snap") {
            continue;
        }
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default();
        // tests/config.rs names each snapshot after its fixture folder.
        if path.starts_with("fixtures/config") {
            let folder = path.parent().and_then(|p| p.file_name());
            if folder.and_then(|f| f.to_str()) != name.strip_suffix(".snap") {
                stale.push(path.display().to_string());
            }
            continue;
        }
        let input = name
            .split_once('@')
            .map(|(_, rest)| rest.trim_end_matches(".snap").replace("__", "/"));
        let dir = path
            .parent()
            .and_then(|p| p.parent())
            .expect("snapshots/ sits in a fixture folder");
        let found = input.is_some_and(|rel| {
            // insta names the input relative to the common prefix of the glob.
            ["fixtures", "tests/rules-errors"]
                .iter()
                .any(|root| std::path::Path::new(root).join(&rel).is_file())
                || dir.join(rel.rsplit('/').next().unwrap_or(&rel)).is_file()
        });
        if !found {
            stale.push(path.display().to_string());
        }
    }
    assert!(
        stale.is_empty(),
        "snapshots without a fixture:\n{}",
        stale.join("\n")
    );
}
