//! Inline suppressions: comments in a document that silence findings a
//! writer has checked, and a note for each one that silences nothing, so
//! that stale ones are found.
//!
//! ```text
//! <!-- numcheck-disable-next-line NC101 -->          the next line with text
//! <!-- numcheck-disable fact=wagner-personnel -->    until numcheck-enable
//! <!-- numcheck-enable -->                           or the end of the file
//! ```
//!
//! Selectors are codes (`NC101`), check names (`value-mismatch`) or facts
//! (`fact=wagner-personnel`), separated by spaces or commas; none silences
//! every finding. Text after ` -- ` is a reason, for readers.

use crate::checks::{self, unused_suppression::META as UNUSED};
use crate::diagnostic::{Diagnostic, Label};
use crate::facts::FactTable;
use crate::load::Document;
use crate::source::Span;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Directive {
    NextLine,
    Disable,
    Enable,
}

#[derive(Clone, Debug, PartialEq, Eq)]
enum Selector {
    Code(&'static str),
    Fact(String),
    /// Names no check: the suppression cannot be used.
    Unknown(String),
}

#[derive(Debug)]
struct Suppression {
    directive: Directive,
    /// The comment.
    span: Span,
    selectors: Vec<Selector>,
    /// What it covers; for `enable`, nothing.
    region: Span,
    used: bool,
}

impl Suppression {
    fn silences(&self, d: &Diagnostic) -> bool {
        self.directive != Directive::Enable
            && self.region.start <= d.primary.span.start
            && d.primary.span.start < self.region.end
            && (self.selectors.is_empty()
                || self.selectors.iter().any(|s| match s {
                    Selector::Code(c) => *c == d.code,
                    // A count derived from a share ("x~count") is the share's.
                    Selector::Fact(f) => d
                        .fact
                        .as_deref()
                        .is_some_and(|id| id.split('~').next() == Some(f.as_str())),
                    Selector::Unknown(_) => false,
                }))
    }
}

/// The directive and selectors in one comment, if it is a suppression.
fn parse_comment(comment: &str) -> Option<(Directive, Vec<Selector>)> {
    let body = comment
        .strip_prefix("<!--")?
        .strip_suffix("-->")
        .unwrap_or_default()
        .trim();
    let body = body.split(" -- ").next().unwrap_or_default();
    let (directive, rest) = [
        ("numcheck-disable-next-line", Directive::NextLine),
        ("numcheck-disable", Directive::Disable),
        ("numcheck-enable", Directive::Enable),
    ]
    .into_iter()
    .find_map(|(word, d)| {
        let rest = body.strip_prefix(word)?;
        (rest.is_empty() || rest.starts_with(char::is_whitespace)).then_some((d, rest))
    })?;
    let selectors = rest
        .split(|c: char| c == ',' || c.is_whitespace())
        .filter(|t| !t.is_empty())
        .map(|t| {
            if let Some(f) = t.strip_prefix("fact=").or_else(|| t.strip_prefix("fact:")) {
                Selector::Fact(f.to_string())
            } else {
                checks::find(t).map_or_else(
                    || Selector::Unknown(t.to_string()),
                    |m| Selector::Code(m.code),
                )
            }
        })
        .collect();
    Some((directive, selectors))
}

/// The line after `at` that holds prose, as a span; empty at the end of the text.
fn next_line_with_text(prose: &str, at: usize) -> Span {
    let mut start = prose[at..].find('\n').map_or(prose.len(), |i| at + i + 1);
    while start < prose.len() {
        let end = prose[start..].find('\n').map_or(prose.len(), |i| start + i);
        if !prose[start..end].trim().is_empty() {
            return Span::new(start, end);
        }
        start = end + 1;
    }
    Span::new(prose.len(), prose.len())
}

fn suppressions(doc: &Document) -> Vec<Suppression> {
    let text = doc.file.text();
    let prose = doc.prose();
    let mut out: Vec<Suppression> = Vec::new();
    for &span in &doc.comments {
        let Some((directive, selectors)) = parse_comment(span.slice(text)) else {
            continue;
        };
        let mut used = false;
        let region = match directive {
            Directive::NextLine => next_line_with_text(prose, span.end),
            Directive::Disable => Span::new(span.end, text.len()),
            Directive::Enable => {
                // Closes the open disables it names, or all of them.
                for open in out.iter_mut().filter(|s| {
                    s.directive == Directive::Disable
                        && s.region.end == text.len()
                        && (selectors.is_empty()
                            || s.selectors.iter().any(|x| selectors.contains(x)))
                }) {
                    open.region.end = span.start;
                    used = true;
                }
                Span::new(span.start, span.start)
            }
        };
        out.push(Suppression {
            directive,
            span,
            selectors,
            region,
            used,
        });
    }
    out
}

/// `diagnostics` without those the document's suppressions silence, and a
/// note for each suppression that silenced nothing.
pub fn apply(doc: &Document, table: &FactTable, diagnostics: Vec<Diagnostic>) -> Vec<Diagnostic> {
    if doc.comments.is_empty() {
        return diagnostics;
    }
    let mut list = suppressions(doc);
    if list.is_empty() {
        return diagnostics;
    }
    let mut kept: Vec<Diagnostic> = diagnostics
        .into_iter()
        .filter(|d| {
            let mut silenced = false;
            for s in list.iter_mut().filter(|s| s.silences(d)) {
                s.used = true;
                silenced = true;
            }
            !silenced
        })
        .collect();
    for s in list.iter().filter(|s| !s.used) {
        let what = match s.directive {
            Directive::Enable => "this `numcheck-enable` closes no `numcheck-disable`",
            _ => "this suppression silences nothing",
        };
        let mut d = Diagnostic::new(
            &UNUSED,
            UNUSED.severity,
            what,
            Label::new(&doc.file, s.span, "unused"),
        )
        .with_help("remove it, or correct what it names");
        for sel in &s.selectors {
            match sel {
                Selector::Unknown(t) => {
                    d = d.with_note(format!(
                        "`{t}` is not a check; `numcheck explain --list` lists them"
                    ));
                }
                Selector::Fact(f) if !table.facts.iter().any(|x| x.id == *f) => {
                    d = d.with_note(format!("the rules have no fact `{f}`"));
                }
                _ => {}
            }
        }
        kept.push(d);
    }
    kept.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
    kept
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn comments_parse_into_directives() {
        assert_eq!(
            parse_comment("<!-- numcheck-disable-next-line NC101, wrong-relation -- checked -->"),
            Some((
                Directive::NextLine,
                vec![Selector::Code("NC101"), Selector::Code("NC111")]
            ))
        );
        assert_eq!(
            parse_comment("<!--numcheck-disable fact=wagner-personnel-->"),
            Some((
                Directive::Disable,
                vec![Selector::Fact("wagner-personnel".into())]
            ))
        );
        assert_eq!(
            parse_comment("<!-- numcheck-enable -->"),
            Some((Directive::Enable, vec![]))
        );
        assert_eq!(
            parse_comment("<!-- numcheck-disable NC999 -->"),
            Some((Directive::Disable, vec![Selector::Unknown("NC999".into())]))
        );
        assert_eq!(parse_comment("<!-- numcheck-disabled -->"), None);
        assert_eq!(parse_comment("<!-- a comment -->"), None);
    }

    #[test]
    fn next_line_skips_blank_lines() {
        let prose = "a\n\n  \nthe line\nafter";
        let span = next_line_with_text(prose, 0);
        assert_eq!(span.slice(prose), "the line");
        assert!(next_line_with_text(prose, prose.len() - 1).is_empty());
    }
}
