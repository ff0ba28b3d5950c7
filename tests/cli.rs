//! The command line as users meet it: exit codes, rules-file errors,
//! input that cannot be read, explain, stdin.

mod common;

use common::{code, run, stderr, stdout};

#[test]
fn seeds_report_exactly_the_real_errors() {
    let out = run(&["check", "--format", "short", "fixtures/seeds"], None);
    assert_eq!(code(&out), 1, "{}", stderr(&out));
    let lines: Vec<String> = stdout(&out)
        .lines()
        .map(|l| {
            let mut parts = l.splitn(4, ':');
            let (file, line, _col, rest) = (
                parts.next().unwrap(),
                parts.next().unwrap(),
                parts.next(),
                parts.next().unwrap(),
            );
            let code = rest.split(['[', ']']).nth(1).unwrap_or("");
            format!("{}:{line} {code}", file.rsplit('/').next().unwrap_or(file))
        })
        .collect();
    assert_eq!(
        lines,
        [
            "001_451cce3355983c22.txt:3 NC112",
            "001_451cce3355983c22.txt:23 NC113",
            "002_d590c6a3bc0264bc.txt:13 NC111",
        ]
    );
}

#[test]
fn clean_seeds_exit_zero() {
    for seed in [
        "000_0bc75ca03dfdfb67.txt",
        "003_3fe6d55412d45d11.txt",
        "004_4c107255e10e0001.txt",
    ] {
        let out = run(
            &[
                "check",
                "--format",
                "short",
                &format!("fixtures/seeds/{seed}"),
            ],
            None,
        );
        assert_eq!(code(&out), 0, "{seed}: {}", stdout(&out));
        assert_eq!(stdout(&out), "", "{seed}");
    }
}

#[test]
fn json_has_the_documented_shape() {
    let out = run(
        &[
            "check",
            "--format",
            "json",
            "fixtures/seeds/002_d590c6a3bc0264bc.txt",
        ],
        None,
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json output parses");
    assert_eq!(v["version"], 1);
    let f = &v["findings"][0];
    for key in [
        "path",
        "code",
        "severity",
        "message",
        "fact",
        "start",
        "end",
        "line",
        "column",
        "end_line",
        "end_column",
    ] {
        assert!(f.get(key).is_some(), "finding lacks `{key}`: {f}");
    }
    assert_eq!(f["code"], "NC111");
    assert_eq!(f["fact"], "wagner-personnel");
    let text = std::fs::read_to_string("fixtures/seeds/002_d590c6a3bc0264bc.txt").unwrap();
    let (start, end) = (
        f["start"].as_u64().unwrap() as usize,
        f["end"].as_u64().unwrap() as usize,
    );
    assert_eq!(&text[start..end], "recruited from Russian prisons");
}

#[test]
fn deny_warnings_and_notes_raise_the_threshold() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy("rules.toml", dir.path().join("rules.toml")).unwrap();
    // "more than 50,000" against the table's "about 50,000" is a note only.
    let draft = dir.path().join("draft.txt");
    std::fs::write(&draft, "Wagner has more than 50,000 fighters in Ukraine.\n").unwrap();
    let draft = draft.to_str().unwrap();
    let plain = run(&["check", "--format", "short", draft], None);
    assert_eq!(code(&plain), 0, "{}", stdout(&plain));
    assert!(stdout(&plain).contains("note[NC106]"), "{}", stdout(&plain));
    assert_eq!(code(&run(&["check", "--deny", "warnings", draft], None)), 0);
    assert_eq!(code(&run(&["check", "--deny", "notes", draft], None)), 1);
}

#[test]
fn stdin_is_checked_under_its_given_name() {
    let text = std::fs::read("fixtures/seeds/002_d590c6a3bc0264bc.txt").unwrap();
    let out = run(
        &[
            "check",
            "--format",
            "short",
            "--stdin-filename",
            "fixtures/seeds/draft.txt",
            "-",
        ],
        Some(&text),
    );
    assert_eq!(code(&out), 1, "{}", stderr(&out));
    assert!(
        stdout(&out).starts_with("fixtures/seeds/draft.txt:13:57: error[NC111]"),
        "{}",
        stdout(&out)
    );
}

#[test]
fn non_utf8_input_is_a_clear_error_and_other_files_still_run() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy("rules.toml", dir.path().join("rules.toml")).unwrap();
    std::fs::write(
        dir.path().join("bad.txt"),
        b"Wagner has 50,000 \xff\xfe fighters",
    )
    .unwrap();
    std::fs::copy(
        "fixtures/seeds/002_d590c6a3bc0264bc.txt",
        dir.path().join("good.txt"),
    )
    .unwrap();
    let out = run(
        &["check", "--format", "short", dir.path().to_str().unwrap()],
        None,
    );
    assert_eq!(code(&out), 2);
    assert!(
        stderr(&out).contains("not UTF-8 text (invalid byte at offset 18)"),
        "{}",
        stderr(&out)
    );
    assert!(
        stdout(&out).contains("good.txt:13:57: error[NC111]"),
        "{}",
        stdout(&out)
    );
    assert!(!stderr(&out).contains("panicked"));
}

#[test]
fn missing_and_unreadable_files_are_reported() {
    let out = run(&["check", "no/such/file.md"], None);
    assert_eq!(code(&out), 2);
    assert!(stderr(&out).contains("no/such/file.md"), "{}", stderr(&out));
    let dir = tempfile::tempdir().unwrap();
    let out = run(
        &[
            "check",
            "--stdin",
            "--rules",
            dir.path().join("absent.toml").to_str().unwrap(),
        ],
        Some(b"text"),
    );
    assert_eq!(code(&out), 2);
    assert!(stderr(&out).contains("absent.toml"), "{}", stderr(&out));
}

#[test]
fn explain_prints_every_check_and_refuses_unknown_codes() {
    let list = run(&["explain", "--list"], None);
    assert_eq!(code(&list), 0);
    let codes: Vec<String> = stdout(&list)
        .lines()
        .map(|l| l.split_whitespace().next().unwrap().to_string())
        .collect();
    assert!(codes.len() >= 16, "{codes:?}");
    for c in &codes {
        let out = run(&["explain", c], None);
        assert_eq!(code(&out), 0, "{c}");
        let text = stdout(&out);
        for section in [
            "## What it does",
            "## Why is this bad?",
            "## Example",
            "## Configuration",
        ] {
            assert!(text.contains(section), "{c} lacks {section}:\n{text}");
        }
    }
    let by_name = run(&["explain", "wrong-relation"], None);
    assert!(stdout(&by_name).starts_with("# NC111 wrong-relation"));
    let unknown = run(&["explain", "NC999"], None);
    assert_eq!(code(&unknown), 2);
}

#[test]
fn usage_errors_exit_two() {
    assert_eq!(code(&run(&["check", "--format", "yaml"], None)), 2);
    assert_eq!(code(&run(&["frobnicate"], None)), 2);
    assert_eq!(code(&run(&["--version"], None)), 0);
}

#[test]
fn extract_lists_quantities_with_their_facts() {
    let out = run(
        &[
            "extract",
            "--format",
            "json",
            "fixtures/seeds/000_0bc75ca03dfdfb67.txt",
        ],
        None,
    );
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["version"], 1);
    let qs = v["quantities"].as_array().unwrap();
    let find = |text: &str| {
        qs.iter()
            .find(|q| q["text"] == text)
            .unwrap_or_else(|| panic!("no {text}"))
    };
    assert_eq!(find("about 50,000")["fact"], "wagner-personnel");
    assert_eq!(find("about 50,000")["approx"], "about");
    assert_eq!(find("about 50,000")["unit"], "person");
    assert_eq!(find("about $100 million each month")["unit"], "USD");
    assert_eq!(find("about $100 million each month")["per"], "month");
    assert_eq!(find("about $100 million each month")["value"], 100_000_000);
    assert_eq!(find("90%")["kind"], "percent");
    assert_eq!(find("90%")["fact"], "killed-convict-share");
    for q in qs {
        for key in [
            "start",
            "end",
            "text",
            "kind",
            "value",
            "unit",
            "per",
            "approx",
            "range_high",
            "fact",
        ] {
            assert!(q.get(key).is_some(), "quantity lacks `{key}`: {q}");
        }
    }
}

#[test]
fn readme_example_rules_are_the_shipped_file() {
    let readme = std::fs::read_to_string("README.md").unwrap();
    let rules = std::fs::read_to_string("fixtures/council-budget/rules.toml").unwrap();
    assert!(
        readme.contains(&format!("```toml\n{rules}```")),
        "README's council-budget example differs from fixtures/council-budget/rules.toml"
    );
}

#[test]
fn readme_lists_every_check() {
    let readme = std::fs::read_to_string("README.md").unwrap();
    let list = stdout(&run(&["explain", "--list"], None));
    for line in list.lines() {
        let mut parts = line.split_whitespace();
        let (code, name) = (parts.next().unwrap(), parts.next().unwrap());
        assert!(
            readme.contains(&format!("| {code} | {name} |")),
            "README's check table lacks {code} {name}"
        );
    }
}
