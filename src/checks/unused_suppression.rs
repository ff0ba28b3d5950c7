//! ## What it does
//! Reports an inline suppression that silences nothing: a
//! `numcheck-disable-next-line` with no matching finding on its line, a
//! `numcheck-disable` with none before its `numcheck-enable`, an enable that
//! closes nothing, or one that names a check or fact that does not exist.
//!
//! ## Why is this bad?
//! A suppression is a writer saying "I checked this figure". When the copy
//! or the rules change, it may no longer cover anything, and left in place
//! it would silently cover the next wrong figure written on that line.
//!
//! ## Example
//! ```markdown
//! <!-- numcheck-disable-next-line NC101 -->
//! The group has about 50,000 personnel.
//! ```
//! The figure agrees with the table, so there is nothing to silence. Remove
//! the comment. A suppression that is still needed stays silent:
//! ```markdown
//! <!-- numcheck-disable-next-line NC101 -- Ukraine's figure, attributed -->
//! Kyiv puts the group at 80,000 personnel.
//! ```
//!
//! ## Configuration
//! None. Selectors are codes (`NC101`), names (`value-mismatch`) or facts
//! (`fact=wagner-personnel`); text after ` -- ` is a reason.

use super::{Family, Meta};
use crate::diagnostic::Severity;

pub static META: Meta = Meta {
    code: "NC005",
    name: "unused-suppression",
    summary: "an inline suppression silences no finding",
    severity: Severity::Note,
    family: Family::Config,
    source: include_str!("unused_suppression.rs"),
};
