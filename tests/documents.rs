//! Reading real documents: what the fixtures' snapshots cannot show —
//! options that change what is read, standard input named as Markdown, bad
//! option values, and that no bytes in any format make the loaders panic
//! or lose the mapping back to the file.

mod common;

use std::sync::Arc;

use numcheck::load::{Document, LoadOptions};
use numcheck::source::SourceFile;
use proptest::prelude::*;

fn short(args: &[&str], stdin: Option<&[u8]>) -> (i32, String, String) {
    let mut all = vec!["check", "--color", "never", "--format", "short"];
    all.extend_from_slice(args);
    let out = common::run(&all, stdin);
    (
        common::code(&out),
        common::stdout(&out),
        common::stderr(&out),
    )
}

#[test]
fn alt_text_is_read_only_when_asked() {
    for file in [
        "fixtures/formats/markdown-constructs.md",
        "fixtures/formats/html-export.html",
    ] {
        let (_, without, _) = short(&[file], None);
        let (_, with, _) = short(&["--alt-text", file], None);
        assert!(!without.contains("90,000"), "{file}: {without}");
        assert!(
            with.lines()
                .any(|l| l.contains("NC101") && l.contains("90,000")),
            "{file} with --alt-text: {with}"
        );
    }
}

#[test]
fn standard_input_is_read_as_its_name_says() {
    let md = b"Wagner has\n**80,000** personnel.\n\n`Wagner has 90,000 personnel.`\n";
    let (code, out, _) = short(&["--stdin", "--stdin-filename", "draft.md"], Some(md));
    assert_eq!(code, 1);
    assert_eq!(
        out,
        "draft.md:2:3: error[NC101] 80,000 personnel disagrees with the canonical 50,000\n"
    );
    // Named as text, it is read as it is: the code span is prose.
    let (_, out, _) = short(&["--stdin", "--stdin-filename", "draft.txt"], Some(md));
    assert!(
        out.lines()
            .any(|l| l.starts_with("draft.txt:4:13:") && l.contains("90,000")),
        "{out}"
    );
}

#[test]
fn bad_option_values_are_usage_errors() {
    for args in [
        &["-j", "0", "fixtures/seeds"][..],
        &["--threads", "many", "fixtures/seeds"],
        &["--max-filesize", "16X", "fixtures/seeds"],
        &["--max-filesize", "99999999999999999999G", "fixtures/seeds"],
    ] {
        let (code, out, err) = short(args, None);
        assert_eq!(code, 2, "{args:?}: {err}");
        assert!(out.is_empty(), "{args:?}");
        assert!(err.contains("error"), "{args:?}: {err}");
    }
}

#[test]
fn a_file_over_the_limit_is_skipped_with_a_note() {
    let file = "fixtures/seeds/002_d590c6a3bc0264bc.txt";
    let (code, out, err) = short(&["--max-filesize", "1K", file], None);
    assert_eq!(code, 0, "{err}");
    assert!(out.is_empty());
    assert!(
        err.contains("note: skipped fixtures/seeds/002_d590c6a3bc0264bc.txt")
            && err.contains("over the limit of 1024"),
        "{err}"
    );
    let (code, _, _) = short(&["--max-filesize", "1M", file], None);
    assert_eq!(code, 1);
}

#[test]
fn story_paths_are_relative_to_the_rules_file_named_by_flag() {
    let (code, out, err) = short(
        &[
            "--rules",
            "fixtures/stories/rules.toml",
            "fixtures/stories/tram/extension.md",
            "fixtures/stories/other/letters.md",
        ],
        None,
    );
    assert_eq!(code, 1, "{err}");
    let codes: Vec<&str> = out
        .lines()
        .map(|l| l.split(' ').nth(1).unwrap_or_default())
        .collect();
    assert_eq!(codes, ["error[NC201]", "error[NC101]"], "{out}");
}

fn loads_cleanly(name: &str, text: &str, alt_text: bool) {
    let doc = Document::load(SourceFile::new(name, text), None, LoadOptions { alt_text });
    let prose = doc.prose();
    assert_eq!(prose.len(), text.len(), "{name}: {text:?}");
    for c in &doc.comments {
        assert!(c.end <= text.len() && text.is_char_boundary(c.start));
    }
    // Prose is the file's own text where it is not blank (HTML decodes
    // character references in place, so it is exempt).
    if !name.ends_with(".html") {
        for (i, (p, t)) in prose.bytes().zip(text.bytes()).enumerate() {
            assert!(
                p == t || p == b' ' || p == b'\n' || p == b':',
                "{name}: byte {i} is {p:?}, file has {t:?}: {text:?}"
            );
        }
    }
    let _ = numcheck::engine::check(
        &doc,
        &numcheck::facts::FactTable::empty(),
        &numcheck::engine::Options::default(),
    );
}

fn markupish() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "<p>",
        "</p>",
        "<b>",
        "</b>",
        "&amp;",
        "&nbsp;",
        "&#8217;",
        "&#x",
        "<!--",
        "-->",
        "<script>",
        "</script>",
        "**",
        "*",
        "_",
        "`",
        "```\n",
        "> ",
        "- ",
        "1. ",
        "| a | b |\n|---|---|\n",
        "[x](http://e.org/1)",
        "![alt 50](i.png)",
        "---\n",
        "+++\n",
        "\r\n",
        "\n",
        "\n\n",
        "50,000",
        "Wagner",
        " ",
        "é",
        "\u{feff}",
        "\u{0}",
        "<img alt=\"5\">",
        "# ",
    ]);
    prop::collection::vec(pieces, 0..40).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn any_text_loads_in_every_format(text in markupish(), alt in any::<bool>()) {
        for name in ["d.md", "d.html", "d.txt"] {
            loads_cleanly(name, &text, alt);
        }
    }

    #[test]
    fn any_unicode_loads_in_every_format(text in "\\PC{0,200}") {
        for name in ["d.md", "d.html", "d.txt"] {
            loads_cleanly(name, &text, true);
        }
    }
}

#[test]
fn documents_are_shared_not_copied() {
    let file = SourceFile::new("plain.txt", "Wagner has 50,000 personnel.");
    let doc = Document::new(Arc::clone(&file));
    assert!(std::ptr::eq(doc.prose(), file.text()));
}
