//! Every output format, from one list of diagnostics. Emitters write to the
//! writer they are given; nothing else in the library prints.

pub mod fingerprint;
mod github;
mod human;
pub mod json;
mod sarif;
mod short;

use std::io::{self, Write};
use std::sync::Arc;

use crate::diagnostic::Diagnostic;
use crate::source::SourceFile;

/// The output formats of `check`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Human,
    Short,
    Json,
    Sarif,
    Github,
}

/// The findings of one checked file.
#[derive(Debug)]
pub struct FileReport {
    pub file: Arc<SourceFile>,
    /// The path it was read from, as the file system names it (the shown
    /// name is lossy and escaped); `None` for standard input.
    pub path: Option<std::path::PathBuf>,
    pub diagnostics: Vec<Diagnostic>,
}

/// A file that could not be checked, or a warning about the run, and why.
#[derive(Debug, Clone)]
pub struct Problem {
    pub path: String,
    pub message: String,
    /// Where in the file, 1-based, when it is about a place in it (an
    /// error in a rules file).
    pub line_col: Option<(usize, usize)>,
}

impl Problem {
    pub fn new(path: impl Into<String>, message: impl Into<String>) -> Problem {
        Problem {
            path: path.into(),
            message: message.into(),
            line_col: None,
        }
    }

    /// One problem for each diagnostic of a broken rules file, at its line.
    pub fn of_rules(diagnostics: &[Diagnostic]) -> Vec<Problem> {
        diagnostics
            .iter()
            .map(|d| {
                let at = d.primary.file.line_col(d.primary.span.start);
                Problem {
                    path: d.primary.file.name().to_string(),
                    message: format!("{}[{}]: {}", d.severity.as_str(), d.code, d.message),
                    line_col: Some((at.line, at.column)),
                }
            })
            .collect()
    }
}

/// Everything one run found.
#[derive(Debug, Default)]
pub struct Report {
    pub files: Vec<FileReport>,
    /// What could not be checked: unreadable files, broken rules files.
    pub problems: Vec<Problem>,
    /// What was checked less than it seems: no rules file, no story, a
    /// folder with no file to check.
    pub warnings: Vec<Problem>,
    /// Files left alone (binary, too large), and why.
    pub skipped: Vec<Problem>,
    /// Findings left out by `--max-findings`: the summary counts them, so
    /// that it never says "No findings" of a run that fails.
    pub not_shown: usize,
}

impl Report {
    pub fn diagnostics(&self) -> impl Iterator<Item = &Diagnostic> {
        self.files.iter().flat_map(|f| f.diagnostics.iter())
    }
}

/// How to write the report.
#[derive(Clone, Copy, Debug)]
pub struct Style {
    pub color: bool,
    /// Leave out the summary line.
    pub quiet: bool,
}

pub fn emit(format: Format, report: &Report, style: Style, w: &mut dyn Write) -> io::Result<()> {
    match format {
        Format::Human => human::emit(report, style, w),
        Format::Short => short::emit(report, w),
        Format::Json => json::emit(report, w),
        Format::Sarif => sarif::emit(report, w),
        Format::Github => github::emit(report, w),
    }
}

/// A finding's message with its notes and its help, one a line, for
/// outputs that carry a single text (SARIF, GitHub annotations, editors).
pub fn full_message(d: &Diagnostic) -> String {
    let mut text = d.message.clone();
    for note in &d.notes {
        text.push('\n');
        text.push_str(note);
    }
    if let Some(help) = &d.help {
        text.push_str("\nhelp: ");
        text.push_str(help);
    }
    text
}

/// Renders diagnostics as codespan-reporting does, for rules-file errors.
pub fn render_human(diagnostics: &[Diagnostic], color: bool, w: &mut dyn Write) -> io::Result<()> {
    human::render(diagnostics, color, w)
}
