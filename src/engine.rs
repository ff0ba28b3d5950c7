//! The pipeline for one document: cut into windows → extract → bind →
//! check → sort. Windows are runs of whole paragraphs, so memory stays
//! bounded by the window, not the file; a sentence never spans two windows.

use std::sync::Arc;

use crate::bind::{self, Bindings};
use crate::checks::{self, Context};
use crate::diagnostic::Diagnostic;
use crate::extract::{Extraction, Extractor};
use crate::facts::FactTable;
use crate::source::{SourceFile, Span};

/// A window holds about this many bytes of prose.
pub const WINDOW: usize = 256 * 1024;

/// The stories of `table` a text is about.
pub fn active_stories(table: &FactTable, text: &str) -> Vec<usize> {
    (0..table.stories.len())
        .filter(|&s| table.stories[s].is_about(text))
        .collect()
}

/// Where to cut `text` into windows: after a blank line if there is one
/// within reach, else after a line break, else at a space.
pub fn windows(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start = 0;
    while text.len() - start > WINDOW {
        let limit = start + WINDOW;
        let region = &text.as_bytes()[start..limit];
        let half = WINDOW / 2;
        let cut = memchr::memmem::rfind(&region[half..], b"\n\n")
            .map(|i| start + half + i + 2)
            .or_else(|| memchr::memrchr(b'\n', &region[half..]).map(|i| start + half + i + 1))
            .or_else(|| memchr::memrchr(b' ', &region[half..]).map(|i| start + half + i + 1))
            .unwrap_or_else(|| {
                let mut c = limit;
                while !text.is_char_boundary(c) {
                    c -= 1;
                }
                c
            });
        out.push(Span::new(start, cut));
        start = cut;
    }
    if start < text.len() || out.is_empty() {
        out.push(Span::new(start, text.len()));
    }
    out
}

/// Calls `each` with every window's extraction and bindings, in order.
pub fn analyse(text: &str, table: &FactTable, mut each: impl FnMut(&Extraction, &Bindings)) {
    let active = active_stories(table, text);
    let mut extractor = Extractor::default();
    let mut ex = Extraction::default();
    let mut first_index = 0;
    for window in windows(text) {
        extractor.extract_window(text, window, first_index, &mut ex);
        let bound = bind::bind(text, table, &active, &ex);
        each(&ex, &bound);
        first_index += ex.quantities.len();
    }
}

/// Every finding in one document, sorted by position, each reported once.
pub fn check(doc: &Arc<SourceFile>, table: &FactTable) -> Vec<Diagnostic> {
    let text = doc.text();
    let mut out = Vec::new();
    analyse(text, table, |ex, bound| {
        let cx = Context {
            doc,
            text,
            table,
            ex,
            bound,
        };
        checks::run_all(&cx, &mut out);
    });
    out.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
    out.dedup_by(|a, b| a.code == b.code && a.primary.span == b.primary.span);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn windows_cover_the_text_at_paragraphs() {
        let para = "word ".repeat(2000) + "\n\n";
        let text = para.repeat(100);
        let ws = windows(&text);
        assert!(ws.len() > 1);
        assert_eq!(ws[0].start, 0);
        assert_eq!(ws.last().map(|w| w.end), Some(text.len()));
        for pair in ws.windows(2) {
            assert_eq!(pair[0].end, pair[1].start);
            assert!(text[..pair[0].end].ends_with("\n\n"));
        }
    }

    #[test]
    fn one_long_line_is_cut_at_spaces() {
        let text = "é".repeat(WINDOW);
        let ws = windows(&text);
        assert_eq!(ws.last().map(|w| w.end), Some(text.len()));
        assert!(
            ws.iter()
                .all(|w| text.is_char_boundary(w.start) && text.is_char_boundary(w.end))
        );
    }
}
