//! Every fixture's output in every format, held by insta snapshots stored
//! in the fixture's own folder (`snapshots/`). Regenerate with
//! `INSTA_UPDATE=always cargo test --test snapshots` and review the diff.

mod common;

fn snapshot_all(pattern: &str) {
    insta::glob!("../fixtures", pattern, |path| {
        let file = common::rel(path);
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
            for format in ["human", "short", "json"] {
                let out = common::run(
                    &["check", "--color", "never", "--format", format, &file],
                    None,
                );
                let body = format!("exit: {}\n{}", common::code(&out), common::stdout(&out));
                insta::assert_snapshot!(format, body);
            }
        });
    });
}

/// One test over every fixture: insta's glob state is per process, so two
/// globs running on parallel test threads would count each other's failures.
#[test]
fn every_fixture_in_every_format() {
    snapshot_all("**/*.txt");
}
