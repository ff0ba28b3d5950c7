//! ## What it does
//! Reports ids in a rules file that do not resolve: a fact or story defined
//! twice, `parts`, `of`, `applies_to`, `excludes` or `story` naming an id
//! that does not exist, a fact that is a part of itself; an `extends` that
//! names a file that cannot be read, or that leads back to itself.
//!
//! ## Why is this bad?
//! Totals, shares and relations are how numcheck knows that 10,000
//! contractors and 40,000 convicts make up 50,000 personnel. A dangling id
//! would silently drop that knowledge.
//!
//! ## Example
//! ```toml
//! [[fact]]
//! id = "wagner-personnel"
//! value = 50_000
//! parts = ["wagner-contractor", "wagner-convicts"]
//! ```
//! The first part is misspelt. Use instead:
//! ```toml
//! parts = ["wagner-contractors", "wagner-convicts"]
//! ```
//!
//! ## Configuration
//! None.

use super::{Family, Meta};
use crate::diagnostic::Severity;

pub static META: Meta = Meta {
    code: "NC003",
    name: "rules-reference",
    summary: "rules file names a fact or story that does not exist, or defines one twice",
    severity: Severity::Error,
    family: Family::Config,
    source: include_str!("rules_reference.rs"),
};
