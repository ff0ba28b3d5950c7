//! ## What it does
//! Flags an age that disagrees with the person's birth date on the day the
//! text was written: "Prigozhin, 65," where he was born on 1 June 1961 and
//! the article is of 22 December 2022 (he was 61).
//!
//! ## Why is this bad?
//! Ages go stale every birthday, and are often copied from an older
//! profile. A wrong age is small, but it tells readers nobody checked.
//!
//! ## Example
//! ```text
//! Wagner's founder, Yevgeny Prigozhin, 65, runs a catering business.
//! ```
//! Use instead:
//! ```text
//! Wagner's founder, Yevgeny Prigozhin, 61, runs a catering business.
//! ```
//!
//! ## Configuration
//! A fact with `born = 1961-06-01` and the person's name in `terms`; the
//! document's date (front matter, `--date`, dateline or the story's date).
//! When no birth date is known, `value = 48` with `unit = "age"` gives the
//! age at the story's date.

use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;

use super::{Context, Family, Meta};
use crate::diagnostic::{Diagnostic, Severity};
use crate::time;

pub static META: Meta = Meta {
    code: "NC304",
    name: "age-mismatch",
    summary: "age disagrees with the birth date on the day of writing",
    severity: Severity::Error,
    family: Family::Dates,
    source: include_str!("age_mismatch.rs"),
};

pub struct Check;

impl super::Check for Check {
    fn meta(&self) -> &'static Meta {
        &META
    }

    fn run(&self, cx: &Context, out: &mut Vec<Diagnostic>) {
        let Some(doc) = cx.doc_date else { return };
        for (_, q, _, f) in cx.bound_quantities() {
            if f.measure != crate::facts::Measure::Age {
                continue;
            }
            // With no birth date, the table's age is the age at the story's date.
            let age = match f.when {
                Some(born) => time::age(born.start, doc.date),
                None => f.value.to_i64(),
            };
            let Some(age) = age else {
                continue;
            };
            if q.value == Decimal::from(age) {
                continue;
            }
            let on = time::Interval::day(doc.date).describe();
            let message = format!(
                "{} was {age} on {on}, not {}",
                f.name,
                crate::facts::format_number(q.value)
            );
            let d = cx
                .fact_finding(
                    &META,
                    f,
                    q.figure,
                    format!("the table gives {age}"),
                    message,
                )
                .with_note(format!("document date: {}", doc.explain(cx.text)))
                .with_help(format!("write {age}"))
                .with_edit(super::fix::replace_value(cx.text, q, Decimal::from(age)));
            out.push(d);
        }
    }
}
