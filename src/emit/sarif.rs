//! SARIF 2.1.0, for GitHub code scanning and other SARIF viewers: one
//! run, every check as a rule with its `explain` text as help, every
//! finding a result located relative to the repository root, with a
//! fingerprint that survives unrelated edits. Built with serde from the
//! few SARIF objects numcheck needs; `tests/sarif.rs` validates the output
//! against the official schema.

use std::collections::BTreeMap;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use serde::Serialize;

use super::{Report, fingerprint};
use crate::checks::{self, Meta};
use crate::diagnostic::{Diagnostic, Label, Severity};
use crate::source::{SourceFile, Span};

#[derive(Serialize)]
struct Log {
    #[serde(rename = "$schema")]
    schema: &'static str,
    version: &'static str,
    runs: [Run; 1],
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Run {
    tool: Tool,
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    original_uri_base_ids: BTreeMap<&'static str, ArtifactLocation>,
    column_kind: &'static str,
    /// Whether the run could check everything, and what went wrong: one
    /// invocation when anything did (none on a clean run). A viewer that
    /// sees `executionSuccessful: false` knows that an empty `results` is
    /// no clean bill.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    invocations: Vec<Invocation>,
    results: Vec<SarifResult>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Invocation {
    execution_successful: bool,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    tool_execution_notifications: Vec<Notification>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Notification {
    level: &'static str,
    message: Text,
    locations: [NotificationLocation; 1],
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct NotificationLocation {
    physical_location: NotificationPlace,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct NotificationPlace {
    artifact_location: ArtifactLocation,
    #[serde(skip_serializing_if = "Option::is_none")]
    region: Option<StartRegion>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct StartRegion {
    start_line: usize,
    start_column: usize,
}

/// The run's invocation, when it has anything to say.
fn invocations(report: &Report, root: Option<&Path>) -> Vec<Invocation> {
    let notifications: Vec<Notification> = report
        .problems
        .iter()
        .map(|p| notification("error", p, root))
        .chain(
            report
                .warnings
                .iter()
                .map(|p| notification("warning", p, root)),
        )
        .collect();
    if notifications.is_empty() {
        return Vec::new();
    }
    vec![Invocation {
        execution_successful: report.problems.is_empty(),
        tool_execution_notifications: notifications,
    }]
}

fn notification(level: &'static str, p: &super::Problem, root: Option<&Path>) -> Notification {
    let (uri, uri_base_id) = uri(&p.path, root);
    Notification {
        level,
        message: Text {
            text: p.message.clone(),
        },
        locations: [NotificationLocation {
            physical_location: NotificationPlace {
                artifact_location: ArtifactLocation { uri, uri_base_id },
                region: p.line_col.map(|(start_line, start_column)| StartRegion {
                    start_line,
                    start_column,
                }),
            },
        }],
    }
}

#[derive(Serialize)]
struct Tool {
    driver: Driver,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Driver {
    name: &'static str,
    version: &'static str,
    semantic_version: &'static str,
    rules: Vec<Rule>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Rule {
    id: &'static str,
    name: String,
    short_description: Text,
    full_description: Text,
    help: Help,
    default_configuration: Configuration,
}

#[derive(Serialize)]
struct Text {
    text: String,
}

#[derive(Serialize)]
struct Help {
    text: String,
    markdown: String,
}

#[derive(Serialize)]
struct Configuration {
    level: &'static str,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SarifResult {
    rule_id: &'static str,
    rule_index: usize,
    level: &'static str,
    message: Text,
    locations: [Location; 1],
    #[serde(skip_serializing_if = "Vec::is_empty")]
    related_locations: Vec<Location>,
    partial_fingerprints: BTreeMap<&'static str, String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    fixes: Vec<Fix>,
}

/// A finding's correction, as `check --fix` would apply it.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Fix {
    description: Text,
    artifact_changes: [ArtifactChange; 1],
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ArtifactChange {
    artifact_location: ArtifactLocation,
    replacements: Vec<Replacement>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Replacement {
    deleted_region: Region,
    inserted_content: Text,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Location {
    #[serde(skip_serializing_if = "Option::is_none")]
    id: Option<usize>,
    physical_location: PhysicalLocation,
    #[serde(skip_serializing_if = "Option::is_none")]
    message: Option<Text>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct PhysicalLocation {
    artifact_location: ArtifactLocation,
    region: Region,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ArtifactLocation {
    uri: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    uri_base_id: Option<&'static str>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Region {
    start_line: usize,
    start_column: usize,
    end_line: usize,
    end_column: usize,
    byte_offset: usize,
    byte_length: usize,
}

/// The base every relative URI is resolved against.
const SRCROOT: &str = "%SRCROOT%";

fn level(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Note => "note",
    }
}

/// The repository root: the nearest folder at or above the working
/// directory that holds `.git`, else the working directory.
fn repository_root() -> Option<PathBuf> {
    let cwd = std::env::current_dir().ok()?;
    let root = cwd
        .ancestors()
        .find(|d| d.join(".git").exists())
        .unwrap_or(&cwd);
    Some(root.to_path_buf())
}

/// `path` as a URI: relative to `root` when it is under it (with `/`
/// separators, each segment percent-encoded), else a `file://` URI.
fn uri(path: &str, root: Option<&Path>) -> (String, Option<&'static str>) {
    let abs = std::path::absolute(path).unwrap_or_else(|_| PathBuf::from(path));
    let encode = |p: &Path| {
        p.components()
            .filter_map(|c| match c {
                std::path::Component::Normal(s) => Some(percent_encode(&s.to_string_lossy())),
                _ => None,
            })
            .collect::<Vec<_>>()
            .join("/")
    };
    match root.and_then(|r| abs.strip_prefix(r).ok()) {
        Some(rel) => (encode(rel), Some(SRCROOT)),
        None => (format!("file:///{}", encode(&abs)), None),
    }
}

/// Percent-encodes what may not stand in a URI path segment.
fn percent_encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        // Not `:`, which a segment may hold but a relative reference's
        // first may not: `c:d.md` would read as the scheme `c`.
        if b.is_ascii_alphanumeric() || b"-._~!$&'()*+,;=@".contains(&b) {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

fn region(file: &SourceFile, span: Span) -> Region {
    let start = file.line_col(span.start);
    let end = file.line_col(span.end);
    Region {
        start_line: start.line,
        start_column: start.column,
        end_line: end.line,
        end_column: end.column,
        byte_offset: span.start,
        byte_length: span.len(),
    }
}

fn fixes(d: &Diagnostic, root: Option<&Path>) -> Vec<Fix> {
    if d.edits.is_empty() {
        return Vec::new();
    }
    let text = d.primary.file.text();
    let (uri, uri_base_id) = uri(d.primary.file.name(), root);
    let shown: Vec<String> = d
        .edits
        .iter()
        .map(|e| format!("\"{}\" → \"{}\"", e.span.slice(text), e.replacement))
        .collect();
    vec![Fix {
        description: Text {
            text: format!("Replace {}", shown.join(", ")),
        },
        artifact_changes: [ArtifactChange {
            artifact_location: ArtifactLocation { uri, uri_base_id },
            replacements: d
                .edits
                .iter()
                .map(|e| Replacement {
                    deleted_region: region(&d.primary.file, e.span),
                    inserted_content: Text {
                        text: e.replacement.clone(),
                    },
                })
                .collect(),
        }],
    }]
}

fn location(l: &Label, root: Option<&Path>, id: Option<usize>, message: bool) -> Location {
    let (uri, uri_base_id) = uri(l.file.name(), root);
    Location {
        id,
        physical_location: PhysicalLocation {
            artifact_location: ArtifactLocation { uri, uri_base_id },
            region: region(&l.file, l.span),
        },
        message: message.then(|| Text {
            text: l.message.clone(),
        }),
    }
}

fn rule(m: &Meta) -> Rule {
    let explanation = m.explanation();
    Rule {
        id: m.code,
        name: m.name.to_string(),
        short_description: Text {
            text: m.summary.to_string(),
        },
        full_description: Text {
            text: format!("{} ({}): {}", m.code, m.name, m.summary),
        },
        help: Help {
            text: explanation.clone(),
            markdown: explanation,
        },
        default_configuration: Configuration {
            level: level(m.severity),
        },
    }
}

pub fn emit(report: &Report, w: &mut dyn Write) -> io::Result<()> {
    let root = repository_root();
    let root = root.as_deref();
    let fingerprints = fingerprint::all(report);
    let results = report
        .diagnostics()
        .zip(fingerprints)
        .map(|(d, fp)| SarifResult {
            rule_id: d.code,
            rule_index: checks::ALL
                .iter()
                .position(|m| m.code == d.code)
                .unwrap_or(0),
            level: level(d.severity),
            message: Text {
                text: super::full_message(d),
            },
            locations: [location(&d.primary, root, None, false)],
            related_locations: d
                .secondary
                .iter()
                .enumerate()
                .map(|(i, l)| location(l, root, Some(i + 1), true))
                .collect(),
            partial_fingerprints: BTreeMap::from([("numcheck/v1", fp)]),
            fixes: fixes(d, root),
        })
        .collect();
    let mut bases = BTreeMap::new();
    if let Some(r) = root {
        let (uri, _) = uri(&r.to_string_lossy(), None);
        bases.insert(
            SRCROOT,
            ArtifactLocation {
                uri: format!("{uri}/"),
                uri_base_id: None,
            },
        );
    }
    let log = Log {
        schema: "https://json.schemastore.org/sarif-2.1.0.json",
        version: "2.1.0",
        runs: [Run {
            tool: Tool {
                driver: Driver {
                    name: "numcheck",
                    version: env!("CARGO_PKG_VERSION"),
                    semantic_version: env!("CARGO_PKG_VERSION"),
                    rules: checks::ALL.iter().map(|m| rule(m)).collect(),
                },
            },
            original_uri_base_ids: bases,
            column_kind: "unicodeCodePoints",
            invocations: invocations(report, root),
            results,
        }],
    };
    serde_json::to_writer_pretty(&mut *w, &log)?;
    writeln!(w)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uris_are_relative_to_the_root_and_encoded() {
        let root = std::path::absolute("/repo").unwrap();
        assert_eq!(
            uri("/repo/drafts/a b#1.md", Some(&root)),
            ("drafts/a%20b%231.md".to_string(), Some(SRCROOT))
        );
        assert_eq!(
            uri("/repo/c:d.md", Some(&root)).0,
            "c%3Ad.md",
            "a colon in the first segment would read as a scheme"
        );
        assert_eq!(
            uri("/elsewhere/x.md", Some(&root)).0,
            "file:///elsewhere/x.md"
        );
    }
}
