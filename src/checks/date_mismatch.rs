//! ## What it does
//! Flags a date that disagrees with the date of the event it is bound to,
//! at the precision the text states: "founded in 2016" where the table
//! says 2014, "delivered in October" where it says November 2022. A date
//! less precise than the table's ("in 2022") agrees if it contains it.
//!
//! ## Why is this bad?
//! A wrong year or month moves an event into another context: a group
//! "founded in 2016" was not there for the annexation of Crimea.
//!
//! ## Example
//! ```text
//! The Wagner Group was founded in 2016, after the annexation of Crimea.
//! ```
//! Use instead:
//! ```text
//! The Wagner Group was founded in 2014, after the annexation of Crimea.
//! ```
//!
//! ## Configuration
//! A fact with `date = 2014`, `date = "2022-11"` or `date = 2022-12-22`,
//! and the `context` words that say which event a date is ("founded",
//! "delivered"). Dates without a year ("Dec 22") take the document's year;
//! one whose day and month are the fact's, in another year ("On April 15,
//! the ship sank" of the 1912 sinking), agrees.

use super::{Context, Family, Meta};
use crate::diagnostic::{Diagnostic, Severity};
use crate::time;

pub static META: Meta = Meta {
    code: "NC301",
    name: "date-mismatch",
    summary: "date disagrees with the date of the event it names",
    severity: Severity::Error,
    family: Family::Dates,
    source: include_str!("date_mismatch.rs"),
};

pub struct Check;

impl super::Check for Check {
    fn meta(&self) -> &'static Meta {
        &META
    }

    fn run(&self, cx: &Context, out: &mut Vec<Diagnostic>) {
        for (q, f, when) in cx.dates_with_days() {
            // Relative expressions and bare weekdays are NC302's.
            let absolute = q.relative.is_none()
                && q.date
                    .is_some_and(|d| d.year.is_some() || d.month.is_some());
            if !absolute {
                continue;
            }
            let Some(said) = time::resolve(q, cx.doc_date.map(|d| d.date)) else {
                continue;
            };
            if said.overlaps(&when) || same_day_another_year(q, &when) {
                continue;
            }
            let words = cx.words(q.figure);
            let stated = said.describe();
            // "Dec. 21 (Wednesday 21 December 2022)"; not "2016 (2016)".
            let stated = if words.eq_ignore_ascii_case(&stated) {
                stated
            } else {
                format!("{words} ({stated})")
            };
            let message = format!(
                "`{}` is dated {stated} here, but {} in the table",
                f.id,
                when.describe()
            );
            let d = cx
                .fact_finding(
                    &META,
                    f,
                    q.figure,
                    format!("the table says {}", when.describe()),
                    message,
                )
                .with_help(format!("write {}", when.describe()))
                .with_edit(year_edit(cx.text, q, when));
            out.push(d);
        }
    }
}

/// "On April 15, at about 2:20 a.m., the ship sank", of a sinking in
/// 1912: a date written without its year, of an event in another year than
/// the document's, says only its day and month.
fn same_day_another_year(q: &crate::extract::Quantity, when: &time::Interval) -> bool {
    let Some(d) = q.date.filter(|d| d.year.is_none()) else {
        return false;
    };
    let start = when.start;
    d.month == Some(start.month() as u8) && d.day.is_none_or(|day| day == start.day() as u8)
}

/// A bare year ("founded in 2016") takes the table's year when the event
/// falls within one year; a fuller date may be wrong in more than its year.
fn year_edit(
    text: &str,
    q: &crate::extract::Quantity,
    when: time::Interval,
) -> Option<crate::diagnostic::Edit> {
    let bare = q.date.is_some_and(|d| d.month.is_none() && d.day.is_none());
    let year = when.start.year();
    (bare && year == when.end.year())
        .then(|| super::fix::replace_value(text, q, year.into()))
        .flatten()
}
