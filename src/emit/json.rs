//! Versioned JSON (the README's "JSON output"). Fields may be added; none is ever renamed
//! or removed while `version` is 1. Offsets are bytes into the original
//! file; lines and columns are 1-based, columns in Unicode scalar values.

use std::io::{self, Write};

use serde::Serialize;

use super::{Problem, Report};
use crate::checks::fix;
use crate::diagnostic::{Diagnostic, Label};
use crate::source::{SourceFile, Span};

#[derive(Serialize)]
struct Output<'a> {
    version: u32,
    findings: Vec<Finding<'a>>,
    errors: Vec<Error<'a>>,
    /// Left out when there are none, so that a clean run's output is as
    /// it was before warnings existed.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    warnings: Vec<Error<'a>>,
    skipped: Vec<Error<'a>>,
}

#[derive(Serialize)]
pub(crate) struct Position<'a> {
    pub path: &'a str,
    pub start: usize,
    pub end: usize,
    pub line: usize,
    pub column: usize,
    pub end_line: usize,
    pub end_column: usize,
}

impl<'a> Position<'a> {
    pub(crate) fn of(label: &'a Label) -> Position<'a> {
        Position::at(&label.file, label.span)
    }

    pub(crate) fn at(file: &'a SourceFile, span: Span) -> Position<'a> {
        let start = file.line_col(span.start);
        let end = file.line_col(span.end);
        Position {
            path: file.name(),
            start: span.start,
            end: span.end,
            line: start.line,
            column: start.column,
            end_line: end.line,
            end_column: end.column,
        }
    }
}

#[derive(Serialize)]
struct RelatedLabel<'a> {
    #[serde(flatten)]
    position: Position<'a>,
    message: &'a str,
}

/// One finding as JSON: the form of `--format json` and of stream mode.
#[derive(Serialize)]
pub struct Finding<'a> {
    #[serde(flatten)]
    position: Position<'a>,
    code: &'a str,
    name: &'a str,
    severity: &'a str,
    message: &'a str,
    fact: Option<&'a str>,
    notes: &'a [String],
    help: Option<&'a str>,
    related: Vec<RelatedLabel<'a>>,
    edits: Vec<Edit<'a>>,
    no_fix: Option<&'static str>,
}

#[derive(Serialize)]
struct Edit<'a> {
    #[serde(flatten)]
    position: Position<'a>,
    replacement: &'a str,
}

#[derive(Serialize)]
struct Error<'a> {
    path: &'a str,
    message: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    line: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    column: Option<usize>,
}

impl<'a> Error<'a> {
    fn of(p: &'a Problem) -> Error<'a> {
        Error {
            path: &p.path,
            message: &p.message,
            line: p.line_col.map(|(l, _)| l),
            column: p.line_col.map(|(_, c)| c),
        }
    }
}

pub fn finding(d: &Diagnostic) -> Finding<'_> {
    Finding {
        position: Position::of(&d.primary),
        code: d.code,
        name: d.name,
        severity: d.severity.as_str(),
        message: &d.message,
        fact: d.fact.as_deref(),
        notes: &d.notes,
        help: d.help.as_deref(),
        related: d
            .secondary
            .iter()
            .map(|l| RelatedLabel {
                position: Position::of(l),
                message: &l.message,
            })
            .collect(),
        edits: d
            .edits
            .iter()
            .map(|e| Edit {
                position: Position::at(&d.primary.file, e.span),
                replacement: &e.replacement,
            })
            .collect(),
        no_fix: d.edits.is_empty().then(|| fix::why_none(d.code)),
    }
}

pub fn emit(report: &Report, w: &mut dyn Write) -> io::Result<()> {
    let out = Output {
        version: 1,
        findings: report.diagnostics().map(finding).collect(),
        errors: report.problems.iter().map(Error::of).collect(),
        warnings: report.warnings.iter().map(Error::of).collect(),
        skipped: report.skipped.iter().map(Error::of).collect(),
    };
    serde_json::to_writer_pretty(&mut *w, &out)?;
    writeln!(w)
}
