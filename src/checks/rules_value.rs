//! ## What it does
//! Reports a value in a rules file that numcheck cannot use: a figure it
//! cannot read (`value = "lots"`), a negative value (`"-$100 million"`), a
//! number too small to hold (`5e-324`, which would read as 0), an unknown
//! unit, period or qualifier, a negative tolerance, a phrase with a misplaced `{n}` or wildcard or with
//! more than three wildcards, a string over 200 bytes, a fact that nothing
//! could ever bind to.
//!
//! ## Why is this bad?
//! A fact whose value or words cannot be read would never match a draft,
//! and every error it was meant to catch would pass unseen.
//!
//! ## Example
//! ```toml
//! [[fact]]
//! id = "prigozhin-spending"
//! value = "$100 million"
//! per = "fortnightly"
//! ```
//! Use instead one of hour, day, week, month, quarter or year:
//! ```toml
//! per = "month"
//! ```
//!
//! ## Configuration
//! None.

use super::{Family, Meta};
use crate::diagnostic::Severity;

pub static META: Meta = Meta {
    code: "NC004",
    name: "rules-value",
    summary: "rules file has a value, unit, period, qualifier or phrase that cannot be used",
    severity: Severity::Error,
    family: Family::Config,
    source: include_str!("rules_value.rs"),
};
