//! Baselines through a real file system: whatever the generated tree (see
//! `common/tree.rs`) holds at the baseline's path — any bytes, a link in
//! or out of the tree, a FIFO, a device, a folder, a read-only file — is
//! read, then written over with the findings of the tree's drafts. Never a
//! panic or a hang; nothing outside the tree changes; a baseline written
//! is one that reads back and hides exactly the findings it recorded.
#![no_main]

#[path = "common/tree.rs"]
mod tree;

use std::os::unix::fs::PermissionsExt;

use libfuzzer_sys::fuzz_target;
use numcheck::baseline::{self, Baseline};
use numcheck::discover::Rules;
use numcheck::emit::{FileReport, Report};
use numcheck::load::{self, Document, LoadOptions};
use numcheck::{engine, walk};

fuzz_target!(|data: &[u8]| {
    let t = tree::Tree::new();
    let rest = t.build(data);
    let outside = tree::snapshot(&t.outside);
    let at = t.project.join("baseline.json");
    if let Some((&how, bytes)) = rest.split_first() {
        // What is at the path, when the tree put nothing there.
        if std::fs::symlink_metadata(&at).is_err() {
            let _ = match how % 4 {
                0 => std::fs::write(&at, bytes),
                1 => std::os::unix::fs::symlink("/dev/null", &at),
                2 => std::os::unix::fs::symlink("../outside/secret.md", &at),
                _ => Ok(()),
            };
        }
    }
    let old = Baseline::read(&at);
    let mut report = Report::default();
    let rules = Rules::new(None);
    for path in walk::files(std::slice::from_ref(&t.project)).files {
        let (Ok(load::Read::Text(file)), Ok(table)) =
            (load::read(&path, 1 << 20), rules.for_path(&path))
        else {
            continue;
        };
        let doc = Document::load(file, Some(path.clone()), LoadOptions::default());
        let diagnostics = engine::check(&doc, &table, &engine::Options::default());
        report.files.push(FileReport {
            file: doc.file,
            path: Some(path),
            diagnostics,
        });
    }
    // A baseline that reads is one whose findings are all hidden by it.
    if let Ok(old) = &old {
        let mut none = Report::default();
        assert_eq!(old.apply(&mut none), 0);
    }
    let mode = std::fs::metadata(&at)
        .ok()
        .filter(|m| m.is_file())
        .map(|m| m.permissions().mode());
    let total = report.diagnostics().count();
    match baseline::write(&at, &report) {
        Ok(n) => {
            assert_eq!(n, total);
            let meta = std::fs::metadata(&at).expect("the baseline written");
            assert!(meta.is_file());
            if let Some(mode) = mode {
                assert_eq!(
                    meta.permissions().mode() & 0o7777,
                    mode & 0o7777,
                    "mode changed"
                );
            }
            let back = Baseline::read(&at).expect("a written baseline reads back");
            assert_eq!(back.apply(&mut report), total);
            assert_eq!(report.diagnostics().count(), 0);
        }
        Err(e) => assert!(!e.to_string().contains(tree::SECRET), "quoted: {e}"),
    }
    assert_eq!(tree::snapshot(&t.outside), outside, "outside/ changed");
});
