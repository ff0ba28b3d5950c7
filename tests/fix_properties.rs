//! Properties of corrections on generated drafts: an edit lies inside the
//! text on character boundaries, applying a plan changes no byte outside
//! the edited ranges, and a fixed draft has nothing left to fix.

use std::path::Path;
use std::sync::LazyLock;

use numcheck::apply;
use numcheck::diagnostic::Diagnostic;
use numcheck::discover::load_rules;
use numcheck::engine;
use numcheck::facts::FactTable;
use numcheck::load::Document;
use numcheck::source::SourceFile;
use proptest::prelude::*;

static TABLE: LazyLock<FactTable> = LazyLock::new(|| {
    load_rules(&Path::new(env!("CARGO_MANIFEST_DIR")).join("rules.toml")).expect("the seed rules")
});

/// Sentences about the seed story with figures right and wrong, in several styles.
fn sentence() -> impl Strategy<Value = String> {
    let figure = prop_oneof![
        (1u32..99).prop_map(|n| format!("{n},000")),
        (1u32..99_999).prop_map(|n| n.to_string()),
        Just("forty thousand".to_string()),
        (1u32..200).prop_map(|n| format!("{n} to {}", n + 5)),
    ];
    let money = prop_oneof![Just("$"), Just("£"), Just("€"), Just("US$")];
    let scale = prop_oneof![Just(" million"), Just(" billion"), Just("m"), Just("bn")];
    let period = prop_oneof![
        Just("a month"),
        Just("a year"),
        Just("per week"),
        Just("annually")
    ];
    let qualifier = prop_oneof![
        Just(""),
        Just("about "),
        Just("more than "),
        Just("fewer than "),
        Just("nearly ")
    ];
    let filler = prop_oneof![
        Just(""),
        Just("😀 "),
        Just("“Quoted” "),
        Just("Кремль "),
        Just("\t")
    ];
    prop_oneof![
        (filler.clone(), qualifier.clone(), figure.clone())
            .prop_map(|(f, q, n)| format!("{f}Wagner has {q}{n} personnel.")),
        (filler.clone(), qualifier, figure)
            .prop_map(|(f, q, n)| format!("{f}Wagner recruited {q}{n} convicts from prisons.")),
        (filler, money, 1u32..500, scale, period)
            .prop_map(|(f, m, n, s, p)| format!("{f}Prigozhin spends {m}{n}{s} {p} on Wagner.")),
        (40u32..80).prop_map(|n| format!("Wagner's founder, Yevgeny Prigozhin, {n}, denied it.")),
        (2000u32..2030).prop_map(|y| format!("Wagner was founded in {y} by Prigozhin.")),
    ]
}

fn draft() -> impl Strategy<Value = String> {
    (
        prop::collection::vec(sentence(), 1..12),
        prop_oneof![Just("\n"), Just("\r\n"), Just(" ")],
        any::<bool>(),
    )
        .prop_map(|(sentences, sep, bom)| {
            let body = sentences.join(sep);
            if bom { format!("\u{feff}{body}") } else { body }
        })
}

fn findings(text: &str) -> Vec<Diagnostic> {
    let doc = Document::new(SourceFile::new("draft.txt", text.to_string()));
    engine::check(&doc, &TABLE, &engine::Options::default())
}

fn check(text: &str) -> apply::Plan {
    apply::plan(&findings(text))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn edits_change_only_their_ranges(text in draft()) {
        let plan = check(&text);
        let fixed = apply::apply(&text, &plan.edits);
        // Walk the original and the fixed text together, gap by gap.
        let (mut old, mut new) = (0, 0);
        for e in &plan.edits {
            prop_assert!(e.span.start >= old && e.span.end <= text.len());
            prop_assert!(text.is_char_boundary(e.span.start) && text.is_char_boundary(e.span.end));
            let gap = &text[old..e.span.start];
            prop_assert_eq!(&fixed[new..new + gap.len()], gap);
            new += gap.len();
            prop_assert_eq!(&fixed[new..new + e.replacement.len()], e.replacement.as_str());
            new += e.replacement.len();
            old = e.span.end;
        }
        prop_assert_eq!(&fixed[new..], &text[old..]);
        // Line endings and the byte-order mark are the draft's own.
        prop_assert_eq!(fixed.matches("\r\n").count(), text.matches("\r\n").count());
        prop_assert_eq!(fixed.starts_with('\u{feff}'), text.starts_with('\u{feff}'));
    }

    #[test]
    fn a_fixed_draft_has_nothing_left_to_fix(text in draft()) {
        let converged = apply::converge(&text, findings(&text), findings);
        let again = apply::plan(&findings(&converged.text));
        prop_assert!(again.edits.is_empty(), "{:?} → {:?}: {:?}", text, converged.text, again.edits);
    }
}
