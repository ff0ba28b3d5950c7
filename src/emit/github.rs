//! GitHub Actions workflow commands: `::error file=…,line=…::message`, one
//! a finding, so that findings appear on the lines of a pull request.
//! Values are escaped as the runner requires: `%`, CR and LF everywhere,
//! and `:` and `,` in properties too. A file that could not be checked is
//! an `::error`, a warning about the run a `::warning`, on the file.

use std::io::{self, Write};

use super::Report;
use crate::diagnostic::Severity;

/// Escapes a message (the data after `::`).
fn data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escapes a property value (`file=`, `title=`).
fn property(s: &str) -> String {
    data(s).replace(':', "%3A").replace(',', "%2C")
}

pub fn emit(report: &Report, w: &mut dyn Write) -> io::Result<()> {
    for d in report.diagnostics() {
        let command = match d.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Note => "notice",
        };
        let start = d.primary.file.line_col(d.primary.span.start);
        let end = d.primary.file.line_col(d.primary.span.end);
        let message = super::full_message(d);
        writeln!(
            w,
            "::{command} file={},line={},endLine={},col={},endColumn={},title={}::{}",
            property(d.primary.file.name()),
            start.line,
            end.line,
            start.column,
            end.column,
            property(&format!("{} {}", d.code, d.name)),
            data(&message)
        )?;
    }
    for (command, list) in [("error", &report.problems), ("warning", &report.warnings)] {
        for p in list {
            let at = match p.line_col {
                Some((line, col)) => format!(",line={line},col={col}"),
                None => String::new(),
            };
            writeln!(
                w,
                "::{command} file={}{at},title=numcheck::{}",
                property(&p.path),
                data(&p.message)
            )?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_are_escaped_as_the_runner_reads_them() {
        assert_eq!(data("50% of\r\nall"), "50%25 of%0D%0Aall");
        assert_eq!(property("a:b,c%"), "a%3Ab%2Cc%25");
    }
}
