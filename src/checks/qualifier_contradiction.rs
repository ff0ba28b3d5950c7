//! ## What it does
//! Flags a qualifier that says the opposite of the canonical one, on a
//! figure that otherwise agrees: "fewer than $100 million" or "nearly $100
//! million" where the table says "more than $100 million".
//!
//! ## Why is this bad?
//! "More than" and "fewer than" put the truth on opposite sides of the
//! figure. The number is right and the claim is wrong.
//!
//! ## Example
//! ```text
//! Prigozhin spends nearly $100 million a month, Kirby said.
//! ```
//! Use instead:
//! ```text
//! Prigozhin spends more than $100 million a month, Kirby said.
//! ```
//!
//! ## Configuration
//! The fact's `qualifier`, and `accept` for other qualifiers outlets used
//! that are not errors. "about" against "more than" is only a note
//! (`qualifier-differs`).

use super::compare::{QualifierVerdict, Verdict, compare, compare_qualifier};
use super::{Context, Family, Meta};
use crate::diagnostic::{Diagnostic, Severity};

pub static META: Meta = Meta {
    code: "NC105",
    name: "qualifier-contradiction",
    summary: "qualifier says the opposite of the canonical one (more than vs fewer than)",
    severity: Severity::Error,
    family: Family::Values,
    source: include_str!("qualifier_contradiction.rs"),
};

pub struct Check;

impl super::Check for Check {
    fn meta(&self) -> &'static Meta {
        &META
    }

    fn run(&self, cx: &Context, out: &mut Vec<Diagnostic>) {
        for (_, q, _, f) in cx.bound_quantities() {
            let Some(qual) = q.qualifier else { continue };
            if compare(q, f) != Verdict::Agrees
                || compare_qualifier(Some(qual.approx), f) != QualifierVerdict::Contradicts
            {
                continue;
            }
            let d = cx
                .fact_finding(
                    &META,
                    f,
                    qual.span,
                    format!("the table says {}", f.describe()),
                    format!(
                        "\"{}\" contradicts the canonical {}",
                        cx.words(qual.span),
                        f.describe()
                    ),
                )
                .with_help(format!("write {}", f.describe()))
                .with_edit(
                    f.qualifier
                        .map(|a| crate::facts::qualifier_phrase(a, f.measure))
                        .and_then(|words| super::fix::replace_qualifier(cx.text, qual.span, words)),
                );
            out.push(d);
        }
    }
}
