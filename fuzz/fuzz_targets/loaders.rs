//! Markdown, HTML and text loading, then the whole check with the seed
//! rules: no panic, prose as long as the file, every comment and every
//! finding's span inside the file and on character boundaries.
#![no_main]

use std::sync::LazyLock;

use libfuzzer_sys::fuzz_target;
use numcheck::engine;
use numcheck::facts::FactTable;
use numcheck::load::{Document, LoadOptions};
use numcheck::source::{SourceFile, Span};

static RULES: LazyLock<FactTable> = LazyLock::new(|| {
    numcheck::facts::load_str("rules.toml", include_str!("../../rules.toml"))
        .expect("the seed rules load")
});

fn in_text(text: &str, s: Span) {
    assert!(s.start <= s.end && s.end <= text.len(), "{s:?} out of bounds");
    assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end));
}

fuzz_target!(|data: &[u8]| {
    let Some((&flags, rest)) = data.split_first() else {
        return;
    };
    let text = String::from_utf8_lossy(rest).into_owned();
    let name = ["draft.md", "draft.html", "draft.txt"][usize::from(flags % 3)];
    let opts = LoadOptions {
        alt_text: flags & 4 != 0,
    };
    let doc = Document::load(SourceFile::new(name, text.as_str()), None, opts);
    assert_eq!(doc.prose().len(), text.len());
    for c in &doc.comments {
        in_text(&text, *c);
    }
    for d in engine::check(&doc, &RULES, &engine::Options::default()) {
        if d.primary.file.name() == name {
            in_text(&text, d.primary.span);
        }
        for l in d.secondary.iter().filter(|l| l.file.name() == name) {
            in_text(&text, l.span);
        }
    }
});
