//! numcheck's findings as LSP diagnostics: code, severity, a link to the
//! check's explanation, and related information pointing at the fact in
//! rules.toml and the figures a finding contradicts.

use std::path::Path;
use std::sync::Arc;

use lsp_types::{self as lsp, Uri};

use super::document::file_uri;
use super::position::Encoding;
use crate::checks;
use crate::diagnostic::{Diagnostic, Label, Severity};
use crate::error::Error;
use crate::source::SourceFile;

/// Where `numcheck explain CODE` is published: the generated docs/checks.md.
fn explanation_link(code: &str) -> Option<lsp::CodeDescription> {
    let meta = checks::find(code)?;
    let anchor = format!("{}-{}", meta.code, meta.name).to_ascii_lowercase();
    let href = format!(
        "{}/blob/main/docs/checks.md#{anchor}",
        env!("CARGO_PKG_REPOSITORY")
    );
    Some(lsp::CodeDescription {
        href: href.parse().ok()?,
    })
}

fn severity(s: Severity) -> lsp::DiagnosticSeverity {
    match s {
        Severity::Error => lsp::DiagnosticSeverity::ERROR,
        Severity::Warning => lsp::DiagnosticSeverity::WARNING,
        Severity::Note => lsp::DiagnosticSeverity::INFORMATION,
    }
}

/// The URI of the file a label points into: the document itself, or a
/// file on disk named as output names it (relative to the working directory).
fn label_uri(label: &Label, doc_uri: &Uri, doc: &Arc<SourceFile>) -> Option<Uri> {
    if Arc::ptr_eq(&label.file, doc) {
        return Some(doc_uri.clone());
    }
    file_uri(Path::new(label.file.name()))
}

pub fn convert(
    d: &Diagnostic,
    doc_uri: &Uri,
    doc: &Arc<SourceFile>,
    enc: Encoding,
) -> lsp::Diagnostic {
    let related: Vec<lsp::DiagnosticRelatedInformation> = d
        .secondary
        .iter()
        .filter_map(|label| {
            Some(lsp::DiagnosticRelatedInformation {
                location: lsp::Location {
                    uri: label_uri(label, doc_uri, doc)?,
                    range: enc.file_range(&label.file, label.span),
                },
                message: label.message.clone(),
            })
        })
        .collect();
    lsp::Diagnostic {
        range: enc.file_range(&d.primary.file, d.primary.span),
        severity: Some(severity(d.severity)),
        code: Some(lsp::NumberOrString::String(d.code.to_string())),
        code_description: explanation_link(d.code),
        source: Some("numcheck".into()),
        message: crate::emit::full_message(d),
        related_information: (!related.is_empty()).then_some(related),
        tags: None,
        data: d.fact.as_ref().map(|f| serde_json::json!({ "fact": f })),
    }
}

/// What a document shows when its rules cannot be used: one warning at its
/// top, pointing at the rules file.
pub fn rules_unusable(path: &Path, e: &Error) -> lsp::Diagnostic {
    let related = file_uri(path).map(|uri| {
        vec![lsp::DiagnosticRelatedInformation {
            location: lsp::Location {
                uri,
                range: lsp::Range::default(),
            },
            message: e.to_string(),
        }]
    });
    lsp::Diagnostic {
        range: lsp::Range::default(),
        severity: Some(lsp::DiagnosticSeverity::WARNING),
        source: Some("numcheck".into()),
        message: format!(
            "not checked: the rules in {} cannot be used ({e})",
            path.display()
        ),
        related_information: related,
        ..Default::default()
    }
}

/// A rules file's errors, each on the file it is in (a file it extends
/// may hold them).
pub fn rules_errors(path: &Path, e: &Error, enc: Encoding) -> Vec<(Uri, lsp::Diagnostic)> {
    match e {
        Error::Rules { diagnostics, .. } => diagnostics
            .iter()
            .filter_map(|d| {
                let uri = file_uri(Path::new(d.primary.file.name()))?;
                let converted = convert(d, &uri, &d.primary.file, enc);
                Some((uri, converted))
            })
            .collect(),
        other => file_uri(path)
            .map(|uri| {
                let d = lsp::Diagnostic {
                    severity: Some(lsp::DiagnosticSeverity::ERROR),
                    source: Some("numcheck".into()),
                    message: other.to_string(),
                    ..Default::default()
                };
                (uri, d)
            })
            .into_iter()
            .collect(),
    }
}
