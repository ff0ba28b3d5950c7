//! ## What it does
//! Reports a rules file that is not valid TOML: an unclosed string or
//! bracket, a missing `=`, a key defined twice in one table.
//!
//! ## Why is this bad?
//! numcheck cannot read a canonical table it cannot parse, so no draft is
//! checked. The run stops with exit code 2 rather than pass silently.
//!
//! ## Example
//! ```toml
//! [[fact]]
//! id = "wagner-convicts
//! value = 40_000
//! ```
//! The string on the second line is never closed. Use instead:
//! ```toml
//! [[fact]]
//! id = "wagner-convicts"
//! value = 40_000
//! ```
//!
//! ## Configuration
//! None: a syntax error is always an error.

use super::{Family, Meta};
use crate::diagnostic::Severity;

pub static META: Meta = Meta {
    code: "NC001",
    name: "rules-syntax",
    summary: "rules file is not valid TOML",
    severity: Severity::Error,
    family: Family::Config,
    source: include_str!("rules_syntax.rs"),
};
