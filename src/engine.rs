//! The pipeline for one document: cut into windows → extract → bind →
//! check → sort. Windows are runs of whole paragraphs, so memory stays
//! bounded by the window, not the file; a sentence never spans two windows.

use jiff::civil::Date;
use rayon::prelude::*;

use crate::bind::{self, Bindings};
use crate::checks::{self, Context};
use crate::diagnostic::Diagnostic;
use crate::extract::{DateParts, Extraction, Extractor};
use crate::facts::FactTable;
use crate::load::Document;
use crate::source::Span;
use crate::suppress;
use crate::time::{self, DocDate, Source};

/// A window holds about this many bytes of prose.
pub const WINDOW: usize = 256 * 1024;

/// What a run sets for every document.
#[derive(Clone, Debug, Default)]
pub struct Options {
    /// `--date`: the document date when its front matter states none.
    pub date: Option<Date>,
}

/// The stories of `table` a document is about: the one its front matter
/// names; else those whose paths cover it; else those without paths whose
/// keywords it contains. None at all leaves only the checks that need no facts.
pub fn active_stories(table: &FactTable, doc: &Document) -> Vec<usize> {
    if let Some(id) = doc.front.as_ref().and_then(|f| f.story.as_deref()) {
        return table
            .stories
            .iter()
            .position(|s| s.id == id)
            .into_iter()
            .collect();
    }
    let covers = |s: usize| doc.path.as_deref().and_then(|p| table.stories[s].covers(p));
    let by_path: Vec<usize> = (0..table.stories.len())
        .filter(|&s| covers(s) == Some(true))
        .collect();
    if !by_path.is_empty() {
        return by_path;
    }
    (0..table.stories.len())
        .filter(|&s| table.stories[s].paths.is_none() && table.stories[s].is_about(doc.prose()))
        .collect()
}

/// When the document was written: its front matter's date, else `--date`,
/// else its dateline, else its story's date.
pub fn document_date(
    doc: &Document,
    table: &FactTable,
    active: &[usize],
    opts: &Options,
) -> Option<DocDate> {
    if let Some(date) = doc.front.as_ref().and_then(|f| f.date) {
        return Some(DocDate {
            date,
            source: Source::FrontMatter,
        });
    }
    if let Some(date) = opts.date {
        return Some(DocDate {
            date,
            source: Source::Flag,
        });
    }
    let story = active.iter().find_map(|&s| {
        table.stories[s]
            .date
            .and_then(time::to_date)
            .map(|d| (s, d))
    });
    if let Some((parts, span)) = time::find_dateline(doc.prose()) {
        // A wire dateline gives no year: the one that puts it nearest the
        // story's date ("Jan 3" in a story of 22 Dec 2022 is 2023's).
        let date = match (parts.year, story) {
            (Some(_), _) => time::to_date(parts),
            (None, Some((_, near))) => (-1..=1)
                .filter_map(|k| {
                    let year = near.year().checked_add(k)?;
                    time::to_date(DateParts {
                        year: Some(year),
                        ..parts
                    })
                })
                .min_by_key(|d| (*d - near).get_days().abs()),
            (None, None) => None,
        };
        if let Some(date) = date {
            return Some(DocDate {
                date,
                source: Source::Dateline(span),
            });
        }
    }
    story.map(|(s, date)| DocDate {
        date,
        source: Source::Story(table.stories[s].id.clone()),
    })
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
pub fn analyse(doc: &Document, table: &FactTable, mut each: impl FnMut(&Extraction, &Bindings)) {
    let text = doc.prose();
    let active = active_stories(table, doc);
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
pub fn check(doc: &Document, table: &FactTable, opts: &Options) -> Vec<Diagnostic> {
    if doc.front.as_ref().is_some_and(|f| f.off) {
        return Vec::new();
    }
    let text = doc.prose();
    let active = active_stories(table, doc);
    let doc_date = document_date(doc, table, &active, opts);
    // Windows share nothing, so a large file's windows are checked in
    // parallel; each numbers its quantities from 0.
    let check_window = |window: Span| {
        let mut ex = Extraction::default();
        Extractor::default().extract_window(text, window, 0, &mut ex);
        let bound = bind::bind(text, table, &active, &ex);
        let cx = Context {
            doc: &doc.file,
            text,
            table,
            ex: &ex,
            bound: &bound,
            doc_date: doc_date.as_ref(),
            active: &active,
        };
        let mut out = Vec::new();
        checks::run_all(&cx, &mut out);
        out
    };
    let all = windows(text);
    let mut out: Vec<Diagnostic> = if all.len() > 1 {
        all.into_par_iter().flat_map_iter(check_window).collect()
    } else {
        all.into_iter().flat_map(check_window).collect()
    };
    out.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
    out.dedup_by(|a, b| a.code == b.code && a.primary.span == b.primary.span);
    suppress::apply(doc, table, out)
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
