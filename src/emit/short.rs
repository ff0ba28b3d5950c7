//! One finding a line, `path:line:col: severity[code] message`, the form
//! editors' quickfix lists read. What could not be checked follows, as
//! `path:line:col: error: message` (`path: error: message` with no place);
//! warnings about the run go to standard error only, as in every format.

use std::io::{self, Write};

use super::Report;

pub fn emit(report: &Report, w: &mut dyn Write) -> io::Result<()> {
    for d in report.diagnostics() {
        let at = d.primary.file.line_col(d.primary.span.start);
        // A newline in a message would break the one-line format.
        let message = d.message.replace(['\n', '\r'], " ");
        writeln!(
            w,
            "{}:{}:{}: {}[{}] {}",
            d.primary.file.name(),
            at.line,
            at.column,
            d.severity.as_str(),
            d.code,
            message
        )?;
    }
    for p in &report.problems {
        let message = p.message.replace(['\n', '\r'], " ");
        match p.line_col {
            Some((line, col)) => writeln!(w, "{}:{line}:{col}: error: {message}", p.path)?,
            None => writeln!(w, "{}: error: {message}", p.path)?,
        }
    }
    Ok(())
}
