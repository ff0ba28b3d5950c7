//! Code actions on a finding: its correction, when it has one safe
//! correction, and "disable for this line", which writes the suppression
//! comment numcheck reads.

use std::collections::HashMap;
use std::ops::Range;

use lsp_types::{self as lsp, Uri};

use super::diagnostics;
use super::position::Encoding;
use crate::diagnostic::Diagnostic;
use crate::load::{Document, Kind};

pub fn for_range(
    doc: &Document,
    found: &[Diagnostic],
    range: Range<usize>,
    uri: &Uri,
    enc: Encoding,
) -> Vec<lsp::CodeActionOrCommand> {
    let mut out = Vec::new();
    let touches =
        |d: &Diagnostic| d.primary.span.start <= range.end && range.start <= d.primary.span.end;
    for d in found.iter().filter(|d| touches(d)) {
        let shown = diagnostics::convert(d, uri, &doc.file, enc);
        if !d.edits.is_empty() {
            let edits = d
                .edits
                .iter()
                .map(|e| lsp::TextEdit {
                    range: enc.file_range(&doc.file, e.span),
                    new_text: e.replacement.clone(),
                })
                .collect();
            let title = match d.edits.as_slice() {
                [one] => format!("Replace with {}", one.replacement),
                _ => "Apply numcheck's correction".into(),
            };
            out.push(action(title, uri, edits, &shown, true));
        }
        let title = format!("Disable {} ({}) for this line", d.code, d.name);
        out.push(action(title, uri, disable_line(doc, d, enc), &shown, false));
    }
    out
}

fn action(
    title: String,
    uri: &Uri,
    edits: Vec<lsp::TextEdit>,
    diagnostic: &lsp::Diagnostic,
    preferred: bool,
) -> lsp::CodeActionOrCommand {
    lsp::CodeActionOrCommand::CodeAction(lsp::CodeAction {
        title,
        kind: Some(lsp::CodeActionKind::QUICKFIX),
        diagnostics: Some(vec![diagnostic.clone()]),
        edit: Some(lsp::WorkspaceEdit {
            changes: Some(HashMap::from([(uri.clone(), edits)])),
            ..Default::default()
        }),
        is_preferred: Some(preferred),
        ..Default::default()
    })
}

/// The comment that silences `d` on its line. Above the line, when that
/// starts a paragraph (or in plain text and HTML, where a comment line
/// changes nothing); in the middle of a Markdown paragraph a comment line
/// would split it, so the line is wrapped in disable (at the end of the
/// line before) and enable (at the end of its own).
fn disable_line(doc: &Document, d: &Diagnostic, enc: Encoding) -> Vec<lsp::TextEdit> {
    let text = doc.file.text();
    let lines = doc.file.lines();
    let line = lines.line_of(d.primary.span.start);
    let range = lines.line_range(line, text.len()).unwrap_or(0..text.len());
    let line_text = &text[range.clone()];
    let content = line_text.trim_end_matches(['\n', '\r']);
    let indent = &content[..content.len() - content.trim_start().len()];
    let previous_blank = line == 0
        || lines
            .line_range(line - 1, text.len())
            .is_some_and(|r| text[r].trim().is_empty());
    let insert = |offset: usize, new_text: String| lsp::TextEdit {
        range: enc.range(lines, text, crate::source::Span::new(offset, offset)),
        new_text,
    };
    if doc.kind != Kind::Markdown || previous_blank {
        let eol = if line_text.ends_with("\r\n") {
            "\r\n"
        } else {
            "\n"
        };
        return vec![insert(
            range.start,
            format!(
                "{indent}<!-- numcheck-disable-next-line {} -->{eol}",
                d.code
            ),
        )];
    }
    // Not at the start of the line: a line that starts with `<!--` is an
    // HTML block in Markdown, and its prose would vanish with the finding.
    let previous = lines
        .line_range(line - 1, text.len())
        .unwrap_or(range.start..range.start);
    let previous_end = previous.start + text[previous].trim_end_matches(['\n', '\r']).len();
    vec![
        insert(
            previous_end,
            format!("<!-- numcheck-disable {} -->", d.code),
        ),
        insert(
            range.start + content.len(),
            "<!-- numcheck-enable -->".into(),
        ),
    ]
}
