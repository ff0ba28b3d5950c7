//! ## What it does
//! Reported by `numcheck consensus --rules FILE`: flags a fact in the rules
//! file whose value most documents contradict, on the fact's line in the
//! rules file — "4 documents say 45,000 for `wagner-convicts`; the table
//! says 40,000".
//!
//! ## Why is this bad?
//! A canonical table is only as good as its last update. When every outlet
//! has moved to a new figure, the table may be what is wrong, and `check`
//! would flag every correct draft.
//!
//! ## Example
//! ```toml
//! [[fact]]
//! id = "wagner-convicts"
//! value = 45_000
//! ```
//! where most documents say 40,000 convicts. Use instead, once the source
//! is checked:
//! ```toml
//! [[fact]]
//! id = "wagner-convicts"
//! value = 40_000
//! ```
//!
//! ## Configuration
//! `--min-docs N`: how many documents must agree before the table is
//! questioned (default 2).

use super::{Family, Meta};
use crate::diagnostic::Severity;

pub static META: Meta = Meta {
    code: "NC402",
    name: "table-disputed",
    summary: "a fact in the rules most documents contradict",
    severity: Severity::Warning,
    family: Family::CrossDocument,
    source: include_str!("table_disputed.rs"),
};
