//! The walker and `--fix` on a generated tree (see `common/tree.rs`):
//! rules discovered per file through `extends` chains, links and FIFOs,
//! every finding fixed and written as `check --fix` does. Never a panic
//! or a hang; nothing outside the tree changes, or is quoted; nothing but
//! a prose file in the tree is written.
#![no_main]

#[path = "common/tree.rs"]
mod tree;

use std::path::PathBuf;

use libfuzzer_sys::fuzz_target;
use numcheck::apply::{self, Guard};
use numcheck::discover::Rules;
use numcheck::load::{self, Document, LoadOptions};
use numcheck::{engine, walk};

fuzz_target!(|data: &[u8]| {
    let t = tree::Tree::new();
    t.build(data);
    let outside_before = tree::snapshot(&t.outside);
    let before = tree::snapshot(&t.project);
    let paths = [t.project.clone()];
    let walked = walk::files(&paths);
    let rules = Rules::new(None);
    let guard = Guard::new(&paths, false);
    let canonical_root = std::fs::canonicalize(&t.project).expect("the tree");
    let mut written: Vec<PathBuf> = Vec::new();
    for path in &walked.files {
        assert!(walk::is_prose(path), "{path:?} walked, and not prose");
        let Ok(load::Read::Text(file)) = load::read(path, 1 << 20) else {
            continue;
        };
        let Ok(table) = rules.for_path(path) else {
            continue;
        };
        let check = |file| {
            let doc = Document::load(file, Some(path.clone()), LoadOptions::default());
            engine::check(&doc, &table, &engine::Options::default())
        };
        let found = check(file.clone());
        for d in &found {
            for l in std::iter::once(&d.primary).chain(&d.secondary) {
                assert!(
                    !l.file.text().contains(tree::SECRET),
                    "quoted {}",
                    l.file.name()
                );
            }
        }
        let old = file.text();
        let name = file.name().to_string();
        let converged = apply::converge(old, found, |text| {
            check(numcheck::source::SourceFile::new(
                name.clone(),
                text.to_string(),
            ))
        });
        if converged.fixed > 0 && apply::write(path, old, &converged.text, &guard).is_ok() {
            written.push(std::fs::canonicalize(path).expect("a written file"));
        }
    }
    for e in rules.failures() {
        assert!(!e.to_string().contains(tree::SECRET), "quoted: {e}");
        if let numcheck::error::Error::Rules { diagnostics, .. } = &*e {
            for d in diagnostics {
                assert!(
                    !d.primary.file.text().contains(tree::SECRET),
                    "quoted {}",
                    d.primary.file.name()
                );
            }
        }
    }
    assert_eq!(
        tree::snapshot(&t.outside),
        outside_before,
        "outside/ changed"
    );
    for w in &written {
        assert!(w.starts_with(&canonical_root), "wrote {w:?}");
        assert!(walk::is_prose(w), "wrote {w:?}");
    }
    // Every file in the tree but those written holds what it held.
    let after = tree::snapshot(&t.project);
    for (path, bytes) in &before {
        let canonical = std::fs::canonicalize(path).unwrap_or_else(|_| path.clone());
        if !written.contains(&canonical)
            && !path
                .file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with(".numcheck-fix-"))
        {
            assert_eq!(after.get(path), Some(bytes), "{path:?} changed");
        }
    }
});
