//! A broken rules.toml is a compiler-style diagnostic that points at the
//! offending TOML, and exit code 2. Each case is a folder under
//! tests/rules-errors/ with a rules.toml and a draft; the expected stderr is
//! a snapshot beside it.

mod common;

#[test]
fn broken_rules_point_at_the_line() {
    insta::glob!("rules-errors", "*/draft.txt", |path| {
        let dir = path.parent().expect("case folder");
        let case = dir
            .file_name()
            .and_then(|n| n.to_str())
            .expect("case name")
            .to_string();
        let out = common::run(&["check", "--color", "never", &common::rel(path)], None);
        assert_eq!(common::code(&out), 2, "{case}: {}", common::stderr(&out));
        assert!(!common::stderr(&out).contains("panicked"));
        let mut settings = insta::Settings::clone_current();
        settings.set_snapshot_path(dir.join("snapshots"));
        settings.set_prepend_module_to_snapshot(false);
        settings.set_omit_expression(true);
        settings.bind(|| insta::assert_snapshot!(case.clone(), common::stderr(&out)));
    });
}
