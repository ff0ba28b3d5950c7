//! One finding a line, `path:line:col: severity[code] message`, the form
//! editors' quickfix lists read.

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
    Ok(())
}
