//! A real editor: headless Neovim (Debian's `neovim`; .ci/run installs it)
//! runs `numcheck lsp` through its own LSP client. The Lua side
//! (tests/support/neovim_test.lua) reads the diagnostics back through
//! Neovim's API and applies the quick fix; this side checks what it saw.

use std::fs;
use std::path::Path;
use std::process::Command;

use serde_json::Value;

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

#[test]
fn neovim_shows_the_seed_finding_and_applies_the_quick_fix() {
    let dir = tempfile::tempdir().unwrap();
    fs::copy(
        Path::new(ROOT).join("rules.toml"),
        dir.path().join("rules.toml"),
    )
    .unwrap();
    let draft = dir.path().join("draft.md");
    fs::write(&draft, "Wagner has 80,000 personnel.\n").unwrap();
    let result = dir.path().join("result.json");

    let out = Command::new("timeout")
        .args(["300", "nvim", "--headless", "--clean", "-c"])
        .arg(format!(
            "luafile {}",
            Path::new(ROOT)
                .join("tests/support/neovim_test.lua")
                .display()
        ))
        .env("NUMCHECK", env!("CARGO_BIN_EXE_numcheck"))
        .env(
            "SEED",
            Path::new(ROOT).join("fixtures/seeds/002_d590c6a3bc0264bc.txt"),
        )
        .env("DRAFT", &draft)
        .env("RESULT", &result)
        .current_dir(dir.path())
        .output()
        .unwrap_or_else(|e| panic!("nvim could not run ({e}); install it: apt-get install neovim"));
    let seen: Value = serde_json::from_str(&fs::read_to_string(&result).unwrap_or_else(|_| {
        panic!(
            "Neovim wrote no result (exit {:?}): {}{}",
            out.status.code(),
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        )
    }))
    .expect("the result is JSON");
    assert_eq!(seen["ok"], true, "{seen:#}");
    assert!(out.status.success(), "{seen:#}");

    let seed = seen["seed"].as_array().expect("seed diagnostics");
    assert_eq!(seed.len(), 1, "{seen:#}");
    assert_eq!(seed[0]["code"], "NC111");
    assert_eq!(seed[0]["lnum"], 12);
    assert_eq!(seed[0]["col"], 56);
    assert!(
        seed[0]["line"]
            .as_str()
            .unwrap()
            .contains("recruited from Russian prisons")
    );

    assert_eq!(seen["draft_before"][0]["code"], "NC101", "{seen:#}");
    assert_eq!(seen["fix_title"], "Replace with 50,000");
    assert_eq!(seen["line_after"], "Wagner has 50,000 personnel.");
}
