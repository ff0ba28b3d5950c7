//! A run never passes silently: each way a draft can go unchecked says so,
//! and fails where no person reads the warning (the machine formats),
//! unless `--allow-empty` asks for it. Errors reach every format. Each
//! test runs the built binary in a folder of its own.

mod common;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

struct Dir {
    dir: tempfile::TempDir,
}

impl Dir {
    /// An empty folder; `with_rules` puts the seed story's rules.toml in it.
    fn new(with_rules: bool) -> Dir {
        let dir = tempfile::tempdir().expect("temp dir");
        if with_rules {
            fs::copy(
                Path::new(ROOT).join("rules.toml"),
                dir.path().join("rules.toml"),
            )
            .expect("rules copied");
        }
        Dir { dir }
    }

    fn path(&self) -> &Path {
        self.dir.path()
    }

    fn write(&self, name: &str, text: &str) -> PathBuf {
        let p = self.path().join(name);
        if let Some(parent) = p.parent() {
            fs::create_dir_all(parent).expect("folder");
        }
        fs::write(&p, text).expect("file written");
        p
    }

    fn check(&self, args: &[&str]) -> Output {
        self.run(args, None)
    }

    fn run(&self, args: &[&str], stdin: Option<&str>) -> Output {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_numcheck"));
        cmd.current_dir(self.path())
            .env_remove("NO_COLOR")
            .args(args)
            .stdin(if stdin.is_some() {
                Stdio::piped()
            } else {
                Stdio::null()
            })
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        let mut child = cmd.spawn().expect("numcheck runs");
        if let Some(text) = stdin {
            use std::io::Write;
            let mut pipe = child.stdin.take().expect("stdin");
            pipe.write_all(text.as_bytes()).expect("stdin written");
        }
        child.wait_with_output().expect("numcheck finishes")
    }
}

fn code(out: &Output) -> i32 {
    out.status.code().expect("exit code")
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn json(out: &Output) -> serde_json::Value {
    serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("{e}: {}", stdout(out)))
}

const WRONG: &str = "Wagner has 80,000 personnel in Ukraine.\n";

#[test]
fn no_rules_file_is_a_warning_and_fails_machine_formats() {
    let d = Dir::new(false);
    d.write("draft.md", WRONG);
    let human = d.check(&["check", "draft.md"]);
    assert_eq!(code(&human), 0, "{}", stderr(&human));
    assert!(
        stderr(&human).contains(
            "warning: no rules file found for draft.md (no numcheck.toml or rules.toml in its \
             folder or any above, and no --rules): only the story-independent checks ran"
        ),
        "{}",
        stderr(&human)
    );
    let out = d.check(&["check", "--format", "json", "draft.md"]);
    assert_eq!(code(&out), 1, "{}", stderr(&out));
    let warnings = json(&out)["warnings"].clone();
    assert_eq!(warnings[0]["path"], "draft.md", "{warnings}");
    let out = d.check(&["check", "--format", "json", "--allow-empty", "draft.md"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert!(stderr(&out).contains("no rules file found"));
}

#[test]
fn an_unknown_story_is_named_with_the_nearest_one() {
    let d = Dir::new(true);
    d.write(
        "draft.md",
        &format!("---\nstory: wagner-north-kora\n---\n{WRONG}"),
    );
    let out = d.check(&["check", "draft.md"]);
    let err = stderr(&out);
    assert!(
        err.contains(
            "warning: draft.md: its front matter names story `wagner-north-kora`, which the \
             rules do not define (did you mean `wagner-north-korea`?): only the \
             story-independent checks ran"
        ),
        "{err}"
    );
    assert_eq!(code(&out), 0, "a person reads the warning: {err}");
    for format in ["short", "json", "sarif", "github"] {
        let out = d.check(&["check", "--format", format, "draft.md"]);
        assert_eq!(code(&out), 1, "{format}: {}", stderr(&out));
        let out = d.check(&["check", "--format", format, "--allow-empty", "draft.md"]);
        assert_eq!(code(&out), 0, "{format}: {}", stderr(&out));
    }
    let github = d.check(&["check", "--format", "github", "draft.md"]);
    assert!(
        stdout(&github).starts_with("::warning file=draft.md,title=numcheck::draft.md: its front matter names story `wagner-north-kora`"),
        "{}",
        stdout(&github)
    );
}

#[test]
fn a_yaml_comment_after_the_story_is_not_part_of_its_name() {
    let d = Dir::new(true);
    d.write(
        "draft.md",
        &format!("---\nstory: wagner-north-korea  # the Wagner one\n---\n{WRONG}"),
    );
    let out = d.check(&["check", "--format", "short", "draft.md"]);
    assert_eq!(code(&out), 1, "{}", stderr(&out));
    assert!(stdout(&out).contains("error[NC101]"), "{}", stdout(&out));
    assert!(!stderr(&out).contains("warning"), "{}", stderr(&out));
}

#[test]
fn a_draft_no_story_applies_to_is_a_warning() {
    let d = Dir::new(true);
    d.write(
        "council.md",
        "The council has 12 members and meets on Mondays.\n",
    );
    let out = d.check(&["check", "--format", "json", "council.md"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert!(
        stderr(&out).contains(
            "warning: council.md: no story applies (it matches no story's keywords, and its \
             front matter names none): only the story-independent checks ran"
        ),
        "{}",
        stderr(&out)
    );
    assert_eq!(json(&out)["warnings"].as_array().map(Vec::len), Some(1));
    let out = d.check(&["check", "--deny", "warnings", "council.md"]);
    assert_eq!(code(&out), 1, "{}", stderr(&out));
    let out = d.check(&["check", "--deny", "warnings", "--allow-empty", "council.md"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
}

#[test]
fn an_impossible_front_matter_date_is_a_warning() {
    let d = Dir::new(true);
    d.write("draft.md", &format!("---\ndate: 2022-13-45\n---\n{WRONG}"));
    let out = d.check(&["check", "draft.md"]);
    assert!(
        stderr(&out)
            .contains("warning: draft.md: front matter `date: 2022-13-45` is not a valid date"),
        "{}",
        stderr(&out)
    );
    assert_eq!(code(&out), 1, "the finding still fails: {}", stderr(&out));
}

#[test]
fn a_folder_with_nothing_to_check_fails_and_counts_what_it_left_out() {
    let d = Dir::new(true);
    d.write(".gitignore", "drafts/*.md\n");
    d.write("drafts/a.md", WRONG);
    d.write("drafts/b.md", WRONG);
    d.write("drafts/notes.docx", "binary-ish");
    d.write("drafts/.hidden.md", WRONG);
    let out = d.check(&["check", "drafts"]);
    assert_eq!(code(&out), 2, "{}", stderr(&out));
    assert!(
        stderr(&out).contains(
            "warning: no file to check under drafts (3 ignored by .gitignore or hidden; 1 with \
             other extensions (checked: md, markdown, mdx, txt, text, html, htm)); use \
             --no-ignore to read ignored files, or name files on the command line"
        ),
        "{}",
        stderr(&out)
    );
    let out = d.check(&["check", "--allow-empty", "drafts"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    // --no-ignore reads what .gitignore hid, not hidden files.
    let out = d.check(&["check", "--format", "short", "--no-ignore", "drafts"]);
    assert_eq!(code(&out), 1, "{}", stderr(&out));
    let out_text = stdout(&out);
    let found: Vec<&str> = out_text
        .lines()
        .map(|l| l.split(':').next().unwrap_or_default())
        .collect();
    assert_eq!(found, ["drafts/a.md", "drafts/b.md"], "{out_text}");
    // An empty folder says so too.
    fs::create_dir(d.path().join("empty")).unwrap();
    let out = d.check(&["check", "--format", "json", "empty"]);
    assert_eq!(code(&out), 2);
    assert_eq!(
        json(&out)["warnings"][0]["message"],
        "no file to check under empty (it holds no files)"
    );
}

#[test]
fn a_stream_line_naming_an_unknown_story_is_warned_and_fails() {
    let d = Dir::new(true);
    let line =
        "{\"id\": 1, \"text\": \"Wagner has 50,000 personnel.\", \"story\": \"wagner-nk\"}\n";
    let out = d.run(&["check", "--jsonl"], Some(line));
    assert_eq!(code(&out), 1, "{}", stderr(&out));
    let answer: serde_json::Value = serde_json::from_str(stdout(&out).trim()).unwrap();
    let warning = answer["warnings"][0].as_str().expect("a warning");
    assert!(warning.contains("names story `wagner-nk`"), "{warning}");
    let out = d.run(&["check", "--jsonl", "--allow-empty"], Some(line));
    assert_eq!(code(&out), 0, "{}", stderr(&out));
}

#[test]
fn jsonl_exit_status_follows_the_findings_and_deny() {
    let d = Dir::new(true);
    let note_only = "{\"id\": 1, \"text\": \"Wagner has more than 50,000 personnel.\"}\n";
    let error = "{\"id\": 2, \"text\": \"Wagner has 80,000 personnel.\"}\n";
    let clean = "{\"id\": 3, \"text\": \"Wagner has about 50,000 personnel.\"}\n";
    let status = |input: &str, deny: Option<&str>| {
        let mut args = vec!["check", "--jsonl"];
        if let Some(level) = deny {
            args.extend(["--deny", level]);
        }
        let out = d.run(&args, Some(input));
        let severities: Vec<String> = stdout(&out)
            .lines()
            .flat_map(|l| {
                let v: serde_json::Value = serde_json::from_str(l).unwrap();
                v["findings"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|f| f["severity"].as_str().unwrap().to_string())
                    .collect::<Vec<_>>()
            })
            .collect();
        (code(&out), severities)
    };
    assert_eq!(status(clean, None), (0, vec![]));
    assert_eq!(status(error, None), (1, vec!["error".to_string()]));
    let (code_plain, sev) = status(note_only, None);
    assert_eq!(sev, ["note"], "the line must give a note for this test");
    assert_eq!(code_plain, 0);
    assert_eq!(status(note_only, Some("warnings")).0, 0);
    assert_eq!(status(note_only, Some("notes")).0, 1);
}

#[test]
fn a_closed_pipe_keeps_the_findings_exit_status() {
    for format in ["human", "short", "json", "sarif", "github"] {
        let out = Command::new("bash")
            .args(["-o", "pipefail", "-c"])
            .arg(format!(
                "{} check --format {format} fixtures 2>/dev/null | head -1 >/dev/null",
                env!("CARGO_BIN_EXE_numcheck")
            ))
            .current_dir(ROOT)
            .output()
            .expect("bash runs");
        assert_eq!(out.status.code(), Some(1), "{format}");
    }
    // And in stream mode: many lines, a reader that takes one.
    let d = Dir::new(true);
    let input = "{\"id\": 1, \"text\": \"Wagner has 80,000 personnel.\"}\n".repeat(2000);
    fs::write(d.path().join("in.jsonl"), input).unwrap();
    let out = Command::new("bash")
        .args(["-o", "pipefail", "-c"])
        .arg(format!(
            "{} check --jsonl < in.jsonl 2>/dev/null | head -1 >/dev/null",
            env!("CARGO_BIN_EXE_numcheck")
        ))
        .current_dir(d.path())
        .output()
        .expect("bash runs");
    assert_eq!(out.status.code(), Some(1));
}

/// A rules file with an error on line 4: a value that is not a number.
const BROKEN_RULES: &str = "version = 1\n\n[[fact]]\nid = \"x\"\nvalue = \"many\"\nunit = \"person\"\nterms = [\"people\"]\n";

#[test]
fn a_broken_rules_file_is_an_error_in_every_format() {
    let d = Dir::new(false);
    d.write("rules.toml", BROKEN_RULES);
    d.write("draft.md", WRONG);
    let out = d.check(&["check", "--format", "json", "draft.md"]);
    assert_eq!(code(&out), 2, "{}", stderr(&out));
    let j = json(&out);
    let errors = j["errors"].as_array().expect("errors");
    assert!(!errors.is_empty(), "{j}");
    assert_eq!(errors[0]["path"], "rules.toml");
    assert!(errors[0]["line"].as_u64().is_some(), "{j}");
    fs::write(d.path().join("out.json"), &out.stdout).unwrap();
    validate(
        &Path::new(ROOT).join("docs/json-output.schema.json"),
        &d.path().join("out.json"),
    );

    let out = d.check(&["check", "--format", "sarif", "draft.md"]);
    assert_eq!(code(&out), 2);
    let sarif = json(&out);
    let invocation = &sarif["runs"][0]["invocations"][0];
    assert_eq!(invocation["executionSuccessful"], false, "{sarif}");
    let note = &invocation["toolExecutionNotifications"][0];
    assert_eq!(note["level"], "error");
    assert_eq!(
        note["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
        "rules.toml"
    );
    fs::write(d.path().join("out.sarif"), &out.stdout).unwrap();
    match common::sarif_schema() {
        Some(schema) => validate(&schema, &d.path().join("out.sarif")),
        None => eprintln!("{}", common::NO_SARIF_SCHEMA),
    }

    let out = d.check(&["check", "--format", "short", "draft.md"]);
    assert_eq!(code(&out), 2);
    let line = errors[0]["line"].as_u64().unwrap();
    assert!(
        stdout(&out).contains(&format!("rules.toml:{line}:")),
        "{}",
        stdout(&out)
    );
    let out = d.check(&["check", "--format", "github", "draft.md"]);
    assert_eq!(code(&out), 2);
    assert!(
        stdout(&out).contains(&format!("::error file=rules.toml,line={line},")),
        "{}",
        stdout(&out)
    );
}

#[test]
fn an_unreadable_file_is_an_error_in_sarif_and_github() {
    let d = Dir::new(true);
    d.write("good.md", WRONG);
    fs::write(
        d.path().join("latin1.md"),
        b"Wagner has 50\xa0000 personnel.\n",
    )
    .unwrap();
    let out = d.check(&["check", "--format", "sarif", "."]);
    assert_eq!(code(&out), 2);
    let sarif = json(&out);
    let invocation = &sarif["runs"][0]["invocations"][0];
    assert_eq!(invocation["executionSuccessful"], false);
    let text = invocation["toolExecutionNotifications"][0]["message"]["text"]
        .as_str()
        .unwrap();
    assert!(text.contains("not UTF-8"), "{text}");
    assert!(!sarif["runs"][0]["results"].as_array().unwrap().is_empty());
    let out = d.check(&["check", "--format", "github", "."]);
    assert!(
        stdout(&out).contains("::error file=latin1.md,title=numcheck::latin1.md: not UTF-8"),
        "{}",
        stdout(&out)
    );
}

fn validate(schema: &Path, file: &Path) {
    let out = Command::new("check-jsonschema")
        .arg("--schemafile")
        .arg(schema)
        .arg(file)
        .output()
        .unwrap_or_else(|e| {
            panic!("check-jsonschema could not run ({e}); scripts/test installs it")
        });
    assert!(
        out.status.success(),
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}
