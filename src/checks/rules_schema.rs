//! ## What it does
//! Reports a rules file that is TOML but not a numcheck table: an unknown
//! key (often a typo), a value of the wrong type, a fact with no `value`,
//! a relation with no `phrases`.
//!
//! ## Why is this bad?
//! A misspelt key such as `tolerence` would otherwise be ignored and the
//! fact would be checked with no tolerance at all. Every key is checked so
//! that what you wrote is what numcheck uses.
//!
//! ## Example
//! ```toml
//! [[fact]]
//! id = "wagner-personnel"
//! valeu = 50_000
//! ```
//! Use instead:
//! ```toml
//! [[fact]]
//! id = "wagner-personnel"
//! value = 50_000
//! ```
//!
//! ## Configuration
//! None.

use super::{Family, Meta};
use crate::diagnostic::Severity;

pub static META: Meta = Meta {
    code: "NC002",
    name: "rules-schema",
    summary: "rules file has an unknown key, a wrong type or a missing field",
    severity: Severity::Error,
    family: Family::Config,
    source: include_str!("rules_schema.rs"),
};
