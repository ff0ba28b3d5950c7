//! ## What it does
//! Flags a rate stated over another period with the same number: "$100
//! million a year" where the table says "$100 million a month". A correct
//! conversion ("$1.2 billion a year") is not flagged.
//!
//! ## Why is this bad?
//! A monthly figure reported as yearly is twelve times too small; the
//! number itself looks right, so only the period betrays it.
//!
//! ## Example
//! ```text
//! Prigozhin spends more than $100 million a year on the war.
//! ```
//! Use instead:
//! ```text
//! Prigozhin spends more than $100 million a month on the war.
//! ```
//!
//! ## Configuration
//! The fact's `per` (hour, day, week, month, quarter or year).

use super::compare::{Verdict, compare};
use super::{Context, Family, Meta};
use crate::diagnostic::{Diagnostic, Severity};

pub static META: Meta = Meta {
    code: "NC104",
    name: "period-mismatch",
    summary: "rate is stated over another period than the canonical one",
    severity: Severity::Error,
    family: Family::Values,
    source: include_str!("period_mismatch.rs"),
};

pub struct Check;

impl super::Check for Check {
    fn meta(&self) -> &'static Meta {
        &META
    }

    fn run(&self, cx: &Context, out: &mut Vec<Diagnostic>) {
        for (_, q, _, f) in cx.bound_quantities() {
            if compare(q, f) != Verdict::Period {
                continue;
            }
            let (Some((said, span)), Some(canon)) = (q.per, f.per) else {
                continue;
            };
            let d = cx
                .fact_finding(
                    &META,
                    f,
                    span,
                    format!("the table says a {}", canon.as_str()),
                    format!(
                        "{} is per {}, but the canonical figure is per {}",
                        cx.words(q.span),
                        said.as_str(),
                        canon.as_str()
                    ),
                )
                .with_help(format!("write \"a {}\"", canon.as_str()))
                .with_edit(super::fix::replace_period(cx.text, span, canon));
            out.push(d);
        }
    }
}
