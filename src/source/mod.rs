//! Source files and positions.
//!
//! Every span in numcheck is a byte range into the *original* file as it was
//! read, whatever the loader did to find its prose. Line and column numbers
//! are computed in one place, [`LineIndex`], for every output format.

mod line_index;

use std::sync::{Arc, OnceLock};

pub use line_index::{LineCol, LineIndex};

/// A half-open byte range `start..end` into a source text.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub const fn new(start: usize, end: usize) -> Span {
        Span { start, end }
    }

    pub const fn len(self) -> usize {
        self.end - self.start
    }

    pub const fn is_empty(self) -> bool {
        self.start == self.end
    }

    /// The smallest span covering both.
    pub fn cover(self, other: Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }

    pub const fn contains(self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    pub fn slice(self, text: &str) -> &str {
        &text[self.start..self.end]
    }

    pub fn range(self) -> std::ops::Range<usize> {
        self.start..self.end
    }
}

impl From<std::ops::Range<usize>> for Span {
    fn from(r: std::ops::Range<usize>) -> Span {
        Span::new(r.start, r.end)
    }
}

/// One file's name and text, shared by the diagnostics that point into it.
#[derive(Debug)]
pub struct SourceFile {
    name: String,
    text: String,
    lines: OnceLock<LineIndex>,
}

impl SourceFile {
    pub fn new(name: impl Into<String>, text: impl Into<String>) -> Arc<SourceFile> {
        Arc::new(SourceFile {
            name: name.into(),
            text: text.into(),
            lines: OnceLock::new(),
        })
    }

    pub fn name(&self) -> &str {
        &self.name
    }

    pub fn text(&self) -> &str {
        &self.text
    }

    /// Built on first use: most files have no finding and never need it.
    pub fn lines(&self) -> &LineIndex {
        self.lines.get_or_init(|| LineIndex::new(&self.text))
    }

    /// 1-based line and 1-based column in Unicode scalar values.
    pub fn line_col(&self, offset: usize) -> LineCol {
        self.lines().line_col(&self.text, offset)
    }
}

/// The files of one report, in the form codespan-reporting renders from.
pub struct Files<'a> {
    files: Vec<&'a SourceFile>,
}

impl<'a> Files<'a> {
    pub fn new() -> Files<'a> {
        Files { files: Vec::new() }
    }

    /// The id of `file`, adding it if it is not there yet.
    pub fn id(&mut self, file: &'a SourceFile) -> usize {
        if let Some(i) = self.files.iter().position(|f| std::ptr::eq(*f, file)) {
            return i;
        }
        self.files.push(file);
        self.files.len() - 1
    }
}

impl Default for Files<'_> {
    fn default() -> Self {
        Files::new()
    }
}

impl<'a> codespan_reporting::files::Files<'a> for Files<'a> {
    type FileId = usize;
    type Name = &'a str;
    type Source = &'a str;

    fn name(&'a self, id: usize) -> Result<&'a str, codespan_reporting::files::Error> {
        Ok(self.file(id)?.name())
    }

    fn source(&'a self, id: usize) -> Result<&'a str, codespan_reporting::files::Error> {
        Ok(self.file(id)?.text())
    }

    fn line_index(
        &'a self,
        id: usize,
        byte: usize,
    ) -> Result<usize, codespan_reporting::files::Error> {
        Ok(self.file(id)?.lines().line_of(byte))
    }

    /// From the line index's marks: the trait's own counts from the
    /// line's start, quadratic over the findings of a long line.
    fn column_number(
        &'a self,
        id: usize,
        _line: usize,
        byte: usize,
    ) -> Result<usize, codespan_reporting::files::Error> {
        Ok(self.file(id)?.line_col(byte).column)
    }

    fn line_range(
        &'a self,
        id: usize,
        line: usize,
    ) -> Result<std::ops::Range<usize>, codespan_reporting::files::Error> {
        let file = self.file(id)?;
        file.lines().line_range(line, file.text().len()).ok_or(
            codespan_reporting::files::Error::LineTooLarge {
                given: line,
                max: file.lines().line_count().saturating_sub(1),
            },
        )
    }
}

impl<'a> Files<'a> {
    fn file(&self, id: usize) -> Result<&'a SourceFile, codespan_reporting::files::Error> {
        self.files
            .get(id)
            .copied()
            .ok_or(codespan_reporting::files::Error::FileMissing)
    }
}
