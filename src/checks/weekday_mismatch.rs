//! ## What it does
//! Flags a weekday written with a date it does not fall on: "Thursday, Dec
//! 23, 2022" (Dec 23, 2022 was a Friday). A date without a year takes the
//! document's year.
//!
//! ## Why is this bad?
//! One of the two is wrong, and the reader cannot tell which. It usually
//! means the date was updated and the weekday was not, or the reverse.
//!
//! ## Example
//! ```text
//! On Thursday, Dec 23, 2022, the White House said North Korea had armed Wagner.
//! ```
//! Use instead:
//! ```text
//! On Thursday, Dec 22, 2022, the White House said North Korea had armed Wagner.
//! ```
//!
//! ## Configuration
//! None: the calendar decides. No rules file is needed.

use super::{Context, Family, Meta};
use crate::diagnostic::{Diagnostic, Severity};
use crate::extract::Kind;
use crate::time::{self, Precision, WEEKDAYS};

pub static META: Meta = Meta {
    code: "NC303",
    name: "weekday-mismatch",
    summary: "weekday does not match the date written with it",
    severity: Severity::Error,
    family: Family::Dates,
    source: include_str!("weekday_mismatch.rs"),
};

pub struct Check;

impl super::Check for Check {
    fn meta(&self) -> &'static Meta {
        &META
    }

    fn run(&self, cx: &Context, out: &mut Vec<Diagnostic>) {
        for q in cx.ex.quantities.iter().filter(|q| q.kind == Kind::Date) {
            let Some(parts) = q.date.filter(|d| d.day.is_some()) else {
                continue;
            };
            let Some(stated) = parts.weekday else {
                continue;
            };
            let Some(said) = time::resolve(q, cx.doc_date.map(|d| d.date))
                .filter(|i| i.precision == Precision::Day)
            else {
                continue;
            };
            let actual = said.start.weekday().to_monday_zero_offset();
            if actual == stated as i8 {
                continue;
            }
            let (actual, stated) = (WEEKDAYS[actual as usize], WEEKDAYS[usize::from(stated)]);
            let date = said.day_words();
            let d = Diagnostic::new(
                &META,
                META.severity,
                format!("{date} was a {actual}, not a {stated}"),
                cx.label(q.figure, format!("{date} was a {actual}")),
            )
            .with_help(format!(
                "check which is wrong: the weekday ({stated}) or the date"
            ));
            out.push(d);
        }
    }
}
