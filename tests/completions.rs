//! Shell completions and the manual page, generated from the same clap
//! definitions as `--help`, so neither can fall behind a new option.

mod common;

use std::process::Command;

#[test]
fn bash_completion_loads_and_offers_subcommands_and_flags() {
    let script = common::run(&["completions", "bash"], None);
    assert_eq!(common::code(&script), 0);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("numcheck.bash");
    std::fs::write(&path, &script.stdout).unwrap();
    // Load it in a real bash and ask it to complete `numcheck check --allow`.
    let out = Command::new("bash")
        .arg("-c")
        .arg(format!(
            "source {}; COMP_WORDS=(numcheck check --allow); COMP_CWORD=2; \
             COMP_LINE='numcheck check --allow'; COMP_POINT=${{#COMP_LINE}}; \
             _numcheck numcheck --allow check; printf '%s\\n' \"${{COMPREPLY[@]}}\"",
            path.display()
        ))
        .output()
        .expect("bash runs");
    let offered = String::from_utf8_lossy(&out.stdout);
    assert!(
        offered.lines().any(|l| l == "--allow-empty"),
        "{offered}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    for shell in ["zsh", "fish", "elvish", "powershell"] {
        let out = common::run(&["completions", shell], None);
        assert_eq!(common::code(&out), 0, "{shell}");
        assert!(common::stdout(&out).contains("lsp"), "{shell}");
    }
}

#[test]
fn the_man_page_renders_with_man() {
    let page = common::run(&["man"], None);
    assert_eq!(common::code(&page), 0);
    let roff = common::stdout(&page);
    assert!(roff.contains(".TH numcheck 1"), "{roff}");
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("numcheck.1");
    std::fs::write(&path, &page.stdout).unwrap();
    let out = Command::new("man")
        .arg("-l")
        .arg(&path)
        .env("MANPAGER", "cat")
        .env("MANWIDTH", "80")
        .output()
        .expect("man runs");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    for word in ["numcheck", "check", "consensus", "completions"] {
        assert!(text.contains(word), "{word} missing from\n{text}");
    }
}
