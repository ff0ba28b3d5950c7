//! `extends` through a real file system: rules files in a generated tree
//! (see `common/tree.rs`) extending each other, files outside the tree,
//! links, FIFOs, devices and folders, loaded both as discovered and as
//! named by `--rules`, from disk and from an unsaved buffer. Never a panic
//! or a hang, and no file outside the tree is ever quoted.
#![no_main]

#[path = "common/tree.rs"]
mod tree;

use libfuzzer_sys::fuzz_target;
use numcheck::discover;
use numcheck::error::Error;

const RULES: &[&str] = &[
    "rules.toml",
    "numcheck.toml",
    "base.toml",
    "a/rules.toml",
    "a/base.toml",
    "a/b/rules.toml",
];

fn quotes_no_secret(result: Result<numcheck::facts::FactTable, Error>) {
    let Err(e) = result else { return };
    assert!(!e.to_string().contains(tree::SECRET), "quoted: {e}");
    if let Error::Rules { diagnostics, .. } = &e {
        assert!(!diagnostics.is_empty());
        for d in diagnostics {
            for l in std::iter::once(&d.primary).chain(&d.secondary) {
                let text = l.file.text();
                assert!(!text.contains(tree::SECRET), "quoted {}", l.file.name());
                assert!(l.span.start <= l.span.end && l.span.end <= text.len());
                assert!(text.is_char_boundary(l.span.start) && text.is_char_boundary(l.span.end));
            }
        }
    }
}

fuzz_target!(|data: &[u8]| {
    let t = tree::Tree::new();
    let rest = t.build(data);
    let outside = tree::snapshot(&t.outside);
    let unsaved = String::from_utf8_lossy(rest);
    let project = std::fs::canonicalize(&t.project).expect("the tree");
    for name in RULES {
        let path = t.project.join(name);
        quotes_no_secret(discover::load_discovered(&path, None));
        // Named by --rules, a rules file is trusted wherever it is; what
        // it extends is not.
        if std::fs::canonicalize(&path).is_ok_and(|c| c.starts_with(&project)) {
            quotes_no_secret(discover::load_rules(&path));
            quotes_no_secret(discover::load_rules_from(&path, Some(&unsaved)));
        }
    }
    assert_eq!(tree::snapshot(&t.outside), outside, "outside/ changed");
});
