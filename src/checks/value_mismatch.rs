//! ## What it does
//! Flags a figure bound to a fact whose value differs from the canonical
//! value by more than the fact's tolerance: 45,000 convicts where the
//! table says 40,000; a count implied by a share that disagrees with it
//! ("800 of the 1,000 killed were convicts" where 90% were).
//!
//! ## Why is this bad?
//! A transposed digit or a figure from an older briefing is the most common
//! numeric error in news copy, and the one readers notice last.
//!
//! ## Example
//! ```text
//! The US says Wagner has recruited 45,000 convicts from Russian prisons.
//! ```
//! Use instead:
//! ```text
//! The US says Wagner has recruited 40,000 convicts from Russian prisons.
//! ```
//!
//! ## Configuration
//! `value` and `tolerance` of the fact in rules.toml. A tolerance is
//! absolute (`tolerance = 500`) or relative (`tolerance = "5%"`); a range
//! in the text agrees when it contains the canonical value, or, against a
//! range in the table (`over_time = { 2023-06-19 = [70, 96] }`), when each
//! end is within a tenth of the table's width of its end ("between 90 and
//! 96 hours" of 70 to 96 does not). So does a bound
//! that holds and stays near the value ("more than 50%" of a 60.4% fall,
//! within a quarter; "nearly $2bn" of $1.8bn, within 15%), and a round
//! figure of one significant digit the value rounds to and stays within
//! 15% of ("$1 billion" of $958 million; not "100,000" of 50,000).

use super::compare::{Verdict, compare};
use super::{Context, Family, Meta};
use crate::diagnostic::{Diagnostic, Severity};
use crate::facts::format_value;

pub static META: Meta = Meta {
    code: "NC101",
    name: "value-mismatch",
    summary: "figure differs from the canonical value beyond its tolerance",
    severity: Severity::Error,
    family: Family::Values,
    source: include_str!("value_mismatch.rs"),
};

pub struct Check;

impl super::Check for Check {
    fn meta(&self) -> &'static Meta {
        &META
    }

    fn run(&self, cx: &Context, out: &mut Vec<Diagnostic>) {
        for (_, q, _, f) in cx.bound_quantities() {
            if compare(q, f) != Verdict::Value {
                continue;
            }
            let said = cx.words(q.figure);
            let mut canonical = match f.range {
                Some((low, high)) => format!(
                    "{} to {}",
                    format_value(low, f.measure, None),
                    format_value(high, f.measure, None)
                ),
                None => format_value(f.value, f.measure, None),
            };
            if matches!(f.measure, crate::facts::Measure::Physical(_)) {
                canonical = format!("{canonical} {}", f.unit_label);
            }
            if let (Some(_), Some(day)) = (&f.series, f.as_of) {
                canonical = format!("{canonical} on {}", day.describe());
            }
            let d = cx
                .fact_finding(
                    &META,
                    f,
                    q.figure,
                    format!("the table says {canonical}"),
                    format!(
                        "{} disagrees with the canonical {canonical}",
                        super::with_name(&said, f)
                    ),
                )
                .with_help(format!(
                    "write {canonical}, or correct `{}` in the rules if the table is out of date",
                    f.id
                ))
                // A figure in another unit is corrected by rewording, not
                // digits; a figure over time by its day, which may be another.
                .with_edit(
                    (super::compare::unit_ratio(q, f) == rust_decimal::Decimal::ONE
                        && f.series.is_none())
                    .then(|| super::fix::replace_value(cx.text, q, f.value))
                    .flatten(),
                );
            out.push(d);
        }
    }
}
