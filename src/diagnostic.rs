//! Findings and rules-file errors, in one form every emitter renders.

use std::sync::Arc;

use crate::source::{SourceFile, Span};

/// How serious a finding is. Ordered: a note is below a warning.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    Note,
    Warning,
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Note => "note",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

/// A place in a file, with what to say there.
#[derive(Clone, Debug)]
pub struct Label {
    pub file: Arc<SourceFile>,
    pub span: Span,
    pub message: String,
}

impl Label {
    pub fn new(file: &Arc<SourceFile>, span: Span, message: impl Into<String>) -> Label {
        Label {
            file: Arc::clone(file),
            span,
            message: message.into(),
        }
    }
}

/// One replacement of a byte range of the document.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Edit {
    pub span: Span,
    pub replacement: String,
}

/// A finding, or an error in a rules file.
#[derive(Clone, Debug)]
pub struct Diagnostic {
    /// The stable code, e.g. "NC111".
    pub code: &'static str,
    /// The check's kebab-case name, e.g. "wrong-relation".
    pub name: &'static str,
    pub severity: Severity,
    pub message: String,
    /// Where the claim is: the narrowest span that holds it.
    pub primary: Label,
    /// Other places that explain it: the fact in rules.toml, the figures it contradicts.
    pub secondary: Vec<Label>,
    pub notes: Vec<String>,
    pub help: Option<String>,
    /// The id of the fact the claim was bound to.
    pub fact: Option<String>,
    /// The correction, when there is exactly one safe one.
    pub edits: Vec<Edit>,
}

impl Diagnostic {
    pub fn new(
        check: &crate::checks::Meta,
        severity: Severity,
        message: impl Into<String>,
        primary: Label,
    ) -> Diagnostic {
        Diagnostic {
            code: check.code,
            name: check.name,
            severity,
            message: message.into(),
            primary,
            secondary: Vec::new(),
            notes: Vec::new(),
            help: None,
            fact: None,
            edits: Vec::new(),
        }
    }

    pub fn with_secondary(mut self, label: Label) -> Diagnostic {
        self.secondary.push(label);
        self
    }

    pub fn with_note(mut self, note: impl Into<String>) -> Diagnostic {
        self.notes.push(note.into());
        self
    }

    pub fn with_help(mut self, help: impl Into<String>) -> Diagnostic {
        self.help = Some(help.into());
        self
    }

    pub fn with_fact(mut self, fact: impl Into<String>) -> Diagnostic {
        self.fact = Some(fact.into());
        self
    }

    /// Carries `edit` as the finding's correction, when there is one.
    pub fn with_edit(mut self, edit: Option<Edit>) -> Diagnostic {
        self.edits.extend(edit);
        self
    }

    /// The order findings are reported in: by file, then position, then code.
    pub fn sort_key(&self) -> (&str, usize, usize, &'static str) {
        (
            self.primary.file.name(),
            self.primary.span.start,
            self.primary.span.end,
            self.code,
        )
    }
}
