//! The README's sample outputs are the program's: each is produced again
//! here and compared, so that a change to the engine or to rules.toml
//! that alters them fails until the README says the same.
//! `NUMCHECK_BLESS=1 cargo test --test readme` rewrites the first sample
//! from the binary's output (review the diff).

mod common;

const README: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/README.md");

/// The first ```text block of the README after `after`, as (start, end)
/// byte offsets of its body.
fn block_after(readme: &str, after: &str) -> (usize, usize) {
    let from = readme.find(after).expect("anchor in the README");
    let start = readme[from..].find("```text\n").expect("a text block") + from + 8;
    let end = readme[start..].find("```\n").expect("its end") + start;
    (start, end)
}

/// Lines with trailing spaces removed: Markdown editors strip them.
fn trimmed(s: &str) -> String {
    s.lines().map(str::trim_end).collect::<Vec<_>>().join("\n") + "\n"
}

#[test]
fn the_opening_sample_is_what_check_prints_for_seed_002() {
    let out = common::run(
        &[
            "check",
            "--color",
            "never",
            "fixtures/seeds/002_d590c6a3bc0264bc.txt",
        ],
        None,
    );
    let stdout = common::stdout(&out);
    // The finding, without the summary line.
    let finding = stdout
        .split("\n\nFound ")
        .next()
        .expect("a finding")
        .to_string();
    let readme = std::fs::read_to_string(README).unwrap();
    let (start, end) = block_after(&readme, "compiler-style diagnostics:");
    let want = trimmed(&finding);
    if std::env::var_os("NUMCHECK_BLESS").is_some() {
        let mut new = readme.clone();
        new.replace_range(start..end, &want);
        std::fs::write(README, new).unwrap();
        return;
    }
    assert_eq!(
        trimmed(&readme[start..end]),
        want,
        "README's opening sample is stale; NUMCHECK_BLESS=1 cargo test --test readme"
    );
}

#[test]
fn the_commands_listed_are_the_commands_there_are() {
    let readme = std::fs::read_to_string(README).unwrap();
    let (start, end) = block_after(&readme, "## Commands");
    let listed: Vec<String> = readme[start..end]
        .lines()
        .filter_map(|l| l.split_whitespace().nth(1).map(str::to_string))
        .collect();
    let help = common::stdout(&common::run(&["--help"], None));
    let real: Vec<String> = help
        .split("Commands:\n")
        .nth(1)
        .and_then(|s| s.split("\n\n").next())
        .expect("a Commands section")
        .lines()
        .filter(|l| l.starts_with("  ") && !l.starts_with("   "))
        .filter_map(|l| l.split_whitespace().next().map(str::to_string))
        .filter(|c| c != "help")
        .collect();
    assert_eq!(listed, real, "README's command list and --help disagree");
}

#[test]
fn the_stream_sample_is_what_jsonl_answers() {
    let readme = std::fs::read_to_string(README).unwrap();
    let (start, end) = block_after(&readme, "flushed as it is written:");
    let sample = &readme[start..end];
    let inputs: String = sample
        .lines()
        .filter_map(|l| l.strip_prefix("in:  "))
        .map(|l| format!("{l}\n"))
        .collect();
    let expected: Vec<&str> = sample
        .lines()
        .filter_map(|l| l.strip_prefix("out: "))
        .collect();
    let out = common::run(&["check", "--jsonl"], Some(inputs.as_bytes()));
    let got: Vec<serde_json::Value> = common::stdout(&out)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(got.len(), expected.len());
    for (want, got) in expected.iter().zip(&got) {
        // The sample elides with `…`: each of its keys and values that is
        // written out must be in the answer.
        let id = want
            .split("\"id\": ")
            .nth(1)
            .and_then(|s| s.split(',').next())
            .unwrap();
        assert_eq!(got["id"].to_string(), id, "{want}");
        if let Some(code) = want.split("\"code\": \"").nth(1) {
            let code = code.split('"').next().unwrap();
            assert_eq!(got["findings"][0]["code"], code, "{want}: {got}");
        }
        if let Some(error) = want.split("\"error\": \"").nth(1) {
            let error = error.split('"').next().unwrap();
            assert_eq!(got["error"], error, "{want}: {got}");
        }
    }
}
