//! ## What it does
//! Flags an amount in another currency than the canonical one, with the
//! same number: "£100 million" where the table says "$100 million".
//!
//! ## Why is this bad?
//! A pound is worth more than a dollar: swapping the sign changes the
//! figure by a quarter or more while every digit stays right, so it slips
//! past a proofreader. An amount in another currency *and* another number
//! may be a conversion ("$100m (£83m)") and is not flagged.
//!
//! ## Example
//! ```text
//! Prigozhin spends more than £100 million a month on the group.
//! ```
//! Use instead:
//! ```text
//! Prigozhin spends more than $100 million a month on the group.
//! ```
//!
//! ## Configuration
//! The fact's currency: `unit = "USD"` or a value such as `"$100 million"`.

use super::compare::{Verdict, compare};
use super::{Context, Family, Meta};
use crate::diagnostic::{Diagnostic, Severity};
use crate::extract::Unit;
use crate::facts::{Measure, format_value};

pub static META: Meta = Meta {
    code: "NC102",
    name: "unit-mismatch",
    summary: "amount is in another currency than the canonical one",
    severity: Severity::Error,
    family: Family::Values,
    source: include_str!("unit_mismatch.rs"),
};

pub struct Check;

impl super::Check for Check {
    fn meta(&self) -> &'static Meta {
        &META
    }

    fn run(&self, cx: &Context, out: &mut Vec<Diagnostic>) {
        for (_, q, _, f) in cx.bound_quantities() {
            if compare(q, f) != Verdict::Currency {
                continue;
            }
            let (Some(Unit::Currency(said)), Measure::Money(canon)) = (q.unit, f.measure) else {
                continue;
            };
            let canonical = format_value(f.value, f.measure, None);
            let d = cx
                .fact_finding(
                    &META,
                    f,
                    q.figure,
                    format!("the table says {canonical}"),
                    format!(
                        "{} is in {}, but the canonical figure is in {}: {canonical}",
                        cx.words(q.figure),
                        said.code(),
                        canon.code()
                    ),
                )
                .with_help(format!("write {canonical}"))
                // Only the sign is wrong when the number agrees; a number a
                // thousand times off needs more than a new sign.
                .with_edit(
                    ((q.value - f.value).abs() <= f.tolerance_amount() && q.high.is_none())
                        .then(|| super::fix::replace_currency(cx.text, q, canon))
                        .flatten(),
                );
            out.push(d);
        }
    }
}
