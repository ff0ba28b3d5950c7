//! Compiler-style diagnostics through codespan-reporting: the claim, the
//! fact's line in rules.toml, the canonical value and the fix.

use std::io::{self, Write};

use codespan_reporting::diagnostic::{
    Diagnostic as CsDiagnostic, Label as CsLabel, Severity as CsSeverity,
};
use codespan_reporting::term::{self, Config, termcolor::Ansi};

use super::{Report, Style};
use crate::diagnostic::{Diagnostic, Label, Severity};
use crate::source::Files;

fn severity(s: Severity) -> CsSeverity {
    match s {
        Severity::Error => CsSeverity::Error,
        Severity::Warning => CsSeverity::Warning,
        Severity::Note => CsSeverity::Note,
    }
}

/// Lines longer than this are not shown: a 10 MB line is no snippet.
const MAX_SHOWN_LINE: usize = 1_000;

/// How long, in bytes, the longest line a label covers is.
fn longest_line(l: &Label) -> usize {
    let lines = l.file.lines();
    let (first, last) = (lines.line_of(l.span.start), lines.line_of(l.span.end));
    (first..=last)
        .filter_map(|n| lines.line_range(n, l.file.text().len()))
        .map(|r| r.len())
        .max()
        .unwrap_or(0)
}

fn to_codespan<'a>(d: &'a Diagnostic, files: &mut Files<'a>) -> CsDiagnostic<usize> {
    let mut labels = Vec::new();
    let mut notes = Vec::new();
    let primary = std::iter::once((true, &d.primary));
    for (is_primary, l) in primary.chain(d.secondary.iter().map(|l| (false, l))) {
        let longest = longest_line(l);
        if longest > MAX_SHOWN_LINE {
            let at = l.file.line_col(l.span.start);
            notes.push(format!(
                "{}:{}:{}: {} (a line of {longest} bytes, too long to show)",
                l.file.name(),
                at.line,
                at.column,
                l.message
            ));
            continue;
        }
        let label = if is_primary {
            CsLabel::primary(files.id(&l.file), l.span.range())
        } else {
            CsLabel::secondary(files.id(&l.file), l.span.range())
        };
        labels.push(label.with_message(&l.message));
    }
    notes.extend(d.notes.iter().cloned());
    if let Some(help) = &d.help {
        notes.push(format!("help: {help}"));
    }
    if !d.edits.is_empty() {
        let text = d.primary.file.text();
        let shown: Vec<String> = d
            .edits
            .iter()
            .map(|e| format!("\"{}\" → \"{}\"", e.span.slice(text), e.replacement))
            .collect();
        notes.push(format!("fix: {} (--fix applies it)", shown.join(", ")));
    }
    CsDiagnostic::new(severity(d.severity))
        .with_code(format!("{}/{}", d.code, d.name))
        .with_message(&d.message)
        .with_labels(labels)
        .with_notes(notes)
}

pub fn render(diagnostics: &[Diagnostic], color: bool, w: &mut dyn Write) -> io::Result<()> {
    let config = Config::default();
    for d in diagnostics {
        let mut files = Files::new();
        let cs = to_codespan(d, &mut files);
        let result = if color {
            term::emit_to_write_style(&mut Ansi::new(&mut *w), &config, &files, &cs)
        } else {
            term::emit_to_io_write(&mut *w, &config, &files, &cs)
        };
        result.map_err(|e| match e {
            codespan_reporting::files::Error::Io(io) => io,
            other => io::Error::other(other.to_string()),
        })?;
    }
    Ok(())
}

pub fn emit(report: &Report, style: Style, w: &mut dyn Write) -> io::Result<()> {
    for f in &report.files {
        render(&f.diagnostics, style.color, w)?;
    }
    if style.quiet || report.files.is_empty() && !report.problems.is_empty() {
        return Ok(());
    }
    let count = |s: Severity| report.diagnostics().filter(|d| d.severity == s).count();
    let (errors, warnings, notes) = (
        count(Severity::Error),
        count(Severity::Warning),
        count(Severity::Note),
    );
    let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
    let files = report.files.len();
    let more = match report.not_shown {
        0 => String::new(),
        n => format!(" ({n} more not shown)"),
    };
    if errors + warnings + notes == 0 && report.not_shown == 0 {
        writeln!(w, "No findings in {}.", plural(files, "file"))
    } else {
        writeln!(
            w,
            "Found {}, {} and {} in {}{more}.",
            plural(errors, "error"),
            plural(warnings, "warning"),
            plural(notes, "note"),
            plural(files, "file")
        )
    }
}
