//! ## What it does
//! Reported by `numcheck consensus`, not `check`: flags a figure that most
//! other documents about the same story state differently — "£100 million
//! a month" where four outlets say "$100 million a month", "45,000
//! convicts" where four say 40,000 — with the documents on each side.
//!
//! ## Why is this bad?
//! Before a fact sheet exists, the figure most outlets agree on is the
//! best first guess, and the one that differs is the one to check. It is
//! often a slip: a digit, a scale word, a currency sign, a month.
//!
//! ## Example
//! ```text
//! a.txt: Wagner has recruited 40,000 convicts from Russian prisons.
//! b.txt: About 40,000 of its fighters are convicts, the White House said.
//! c.txt: Wagner has recruited 45,000 convicts from Russian prisons.
//! ```
//! c.txt is flagged: two of three documents say 40,000. Use instead:
//! ```text
//! c.txt: Wagner has recruited 40,000 convicts from Russian prisons.
//! ```
//!
//! ## Configuration
//! `--min-docs N`: how many documents make a consensus (default 2).
//! `--tolerance PCT`: how far apart figures may be and still agree
//! (default 0: "about 1,000" and "nearly 1,000" agree; 1,000 and 10,000
//! do not). With `--rules`, figures bound to one fact are compared as one.

use super::{Family, Meta};
use crate::diagnostic::Severity;

pub static META: Meta = Meta {
    code: "NC401",
    name: "consensus-outlier",
    summary: "a figure most other documents state differently",
    severity: Severity::Warning,
    family: Family::CrossDocument,
    source: include_str!("consensus_outlier.rs"),
};
