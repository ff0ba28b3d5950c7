//! Extraction over any text: no panic, no hang, and every span it reports
//! inside the text and on character boundaries.
#![no_main]

use libfuzzer_sys::fuzz_target;
use numcheck::source::Span;

fn in_text(text: &str, s: Span, what: &str) {
    assert!(s.start <= s.end && s.end <= text.len(), "{what} {s:?} out of bounds");
    assert!(
        text.is_char_boundary(s.start) && text.is_char_boundary(s.end),
        "{what} {s:?} inside a character"
    );
}

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    for q in numcheck::extract::extract(&text) {
        in_text(&text, q.span, "span");
        in_text(&text, q.figure, "figure");
        assert!(q.span.contains(q.figure), "figure outside its span");
        in_text(&text, q.syntax.sentence, "sentence");
        in_text(&text, q.syntax.clause, "clause");
        for s in [q.syntax.noun, q.syntax.predicate, q.syntax.lead, q.syntax.in_noun]
            .into_iter()
            .flatten()
        {
            in_text(&text, s, "noun phrase");
        }
    }
});
