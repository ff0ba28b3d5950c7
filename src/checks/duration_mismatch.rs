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
//! agrees when it is within one of its own units of the elapsed time; a
//! bound must hold ("over 40 years" of 39 years and 5 months does not),
//! and "nearly" must come near from below (within half a unit, or 15%):
//! "nearly three years" of 2 years and 4 months is wrong. A duration
//! between two events ("two days after authorities shuttered it", "40
//! years later") is not the time since the start, and is not checked.

use rust_decimal::prelude::ToPrimitive;

use super::{Context, Family, Meta};
use crate::diagnostic::{Diagnostic, Severity};
use crate::extract::{Approx, Unit};
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

/// How far a bound may be crossed and still hold, in its own units:
/// rounding of the elapsed time, not a claim.
const BOUND_SLACK: f64 = 0.05;

/// Whether `stated`, qualified by `approx`, is a true way of writing
/// `elapsed` (both in the stated unit).
fn agrees(stated: f64, elapsed: f64, approx: Option<Approx>) -> bool {
    match approx {
        // "more than two years" of 2.4 years; not of 40 years, which it
        // understates past any use.
        Some(Approx::MoreThan | Approx::AtLeast) => {
            elapsed >= stated - BOUND_SLACK && elapsed - stated <= 1.0_f64.max(stated * 0.25)
        }
        Some(Approx::LessThan | Approx::AtMost | Approx::UpTo) => {
            elapsed <= stated + BOUND_SLACK && stated - elapsed <= 1.0_f64.max(stated * 0.25)
        }
        Some(Approx::Nearly) => {
            elapsed <= stated + BOUND_SLACK && stated - elapsed <= 0.5_f64.max(stated * 0.15)
        }
        None | Some(Approx::About) => (stated - elapsed).abs() <= 1.0,
    }
}

/// "two days after authorities shuttered it", "a week before", "40 years
/// later": the words after the duration make it the time between two
/// events, not the time since the fact's start.
fn between_events(text: &str, end: usize) -> bool {
    let rest = text.get(end..).unwrap_or("").trim_start();
    let word: String = rest.chars().take_while(|c| c.is_alphabetic()).collect();
    matches!(
        word.to_ascii_lowercase().as_str(),
        "after" | "before" | "later" | "earlier"
    )
}

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
            if between_events(cx.text, q.figure.end) {
                continue;
            }
            let Some(elapsed) = time::elapsed(since.start, doc.date, unit) else {
                continue;
            };
            if agrees(stated, elapsed, q.qualifier.map(|x| x.approx)) {
                continue;
            }
            let unit_name = unit.as_str();
            let words = cx.words(q.qualifier.map_or(q.figure, |x| x.span.cover(q.figure)));
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
