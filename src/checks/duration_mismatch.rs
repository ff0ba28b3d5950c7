//! ## What it does
//! Flags a duration that disagrees with how long ago its start was, by more
//! than rounding: "the last 8 months of this war" in an article of 22
//! December 2022, when the invasion began on 24 February 2022 (nearly ten
//! months before). "10 months" agrees: durations are rounded either way.
//!
//! ## Why is this bad?
//! Durations go stale as a story runs on, and are often miscounted.
//!
//! ## Example
//! ```text
//! Wagner's role "has only grown over the last 8 months of this war," Kirby said.
//! ```
//! Use instead:
//! ```text
//! Wagner's role "has only grown over the last 10 months of this war," Kirby said.
//! ```
//!
//! ## Configuration
//! A fact with `since = 2022-02-24` and the `context` words that name what
//! began ("war", "invasion"); the document's date. A stated duration
//! agrees when it is within one of its own units of the elapsed time.

use rust_decimal::prelude::ToPrimitive;

use super::{Context, Family, Meta};
use crate::diagnostic::{Diagnostic, Severity};
use crate::extract::Unit;
use crate::time;

pub static META: Meta = Meta {
    code: "NC305",
    name: "duration-mismatch",
    summary: "duration disagrees with the time since its start, beyond rounding",
    severity: Severity::Error,
    family: Family::Dates,
    source: include_str!("duration_mismatch.rs"),
};

pub struct Check;

impl super::Check for Check {
    fn meta(&self) -> &'static Meta {
        &META
    }

    fn run(&self, cx: &Context, out: &mut Vec<Diagnostic>) {
        let Some(doc) = cx.doc_date else { return };
        for (_, q, _, f) in cx.bound_quantities() {
            let Some(since) = f
                .when
                .filter(|_| f.measure == crate::facts::Measure::Duration)
            else {
                continue;
            };
            let (Some(Unit::Time(unit)), Some(stated)) = (q.unit, q.value.to_f64()) else {
                continue;
            };
            let Some(elapsed) = time::elapsed(since.start, doc.date, unit) else {
                continue;
            };
            if (stated - elapsed).abs() <= 1.0 {
                continue;
            }
            let unit_name = unit.as_str();
            let words = cx.words(q.figure);
            let message = format!(
                "from {} to {} is about {elapsed:.1} {unit_name}s, not \"{}\"",
                since.describe(),
                time::Interval::day(doc.date).describe(),
                words.trim()
            );
            let d = cx
                .fact_finding(
                    &META,
                    f,
                    q.figure,
                    format!("about {elapsed:.1} {unit_name}s"),
                    message,
                )
                .with_note(format!("document date: {}", doc.explain(cx.text)))
                .with_help(format!("write {} {unit_name}s", elapsed.round()))
                .with_edit(
                    rust_decimal::Decimal::from_f64_retain(elapsed.round())
                        .and_then(|v| super::fix::replace_value(cx.text, q, v)),
                );
            out.push(d);
        }
    }
}
