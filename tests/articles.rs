//! Whole articles on the seed story, written fresh in the styles of
//! different outlets (`fixtures/articles/clean/`), must produce no finding;
//! copies of them with one planted error (`planted/pNN-CODE-*.txt`) must
//! produce that code and no other. These guard binding on prose nobody
//! wrote the engine for.

mod common;

use std::collections::BTreeSet;

fn codes(path: &str) -> BTreeSet<String> {
    let out = common::run(&["check", "--format", "json", path], None);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json output");
    v["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .map(|f| f["code"].as_str().unwrap_or_default().to_string())
        .collect()
}

fn files(dir: &str) -> Vec<String> {
    let mut out: Vec<String> = std::fs::read_dir(dir)
        .expect("fixture folder")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .map(|p| common::rel(&p))
        .collect();
    out.sort();
    out
}

#[test]
fn correct_articles_are_silent() {
    let noisy: Vec<String> = files("fixtures/articles/clean")
        .into_iter()
        .filter_map(|f| {
            let found = codes(&f);
            (!found.is_empty()).then(|| format!("{f}: {found:?}"))
        })
        .collect();
    assert!(noisy.is_empty(), "false findings:\n{}", noisy.join("\n"));
}

#[test]
fn planted_errors_are_caught_with_their_code() {
    let planted = files("fixtures/articles/planted");
    assert!(planted.len() >= 40, "{} planted articles", planted.len());
    let wrong: Vec<String> = planted
        .into_iter()
        .filter_map(|f| {
            let want = f.rsplit('/').next()?.split('-').nth(1)?.to_string();
            let found = codes(&f);
            (found != BTreeSet::from([want.clone()]))
                .then(|| format!("{f}: want {want}, got {found:?}"))
        })
        .collect();
    assert!(
        wrong.is_empty(),
        "planted errors not caught as planted:\n{}",
        wrong.join("\n")
    );
}
