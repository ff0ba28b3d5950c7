//! ## What it does
//! Flags a date that is not in the calendar: "November 31, 2022", "31 June",
//! "February 29, 2023" (2023 was no leap year). A date without a year is
//! held to the document's year only for 29 February.
//!
//! ## Why is this bad?
//! No such day exists, so the day or the month is wrong: usually a slip of
//! the month ("November 31" for December 31) or of a digit. No other check
//! can say which day was meant, and a date that names no day cannot be
//! compared with the table at all.
//!
//! ## Example
//! ```text
//! As of November 31, 2022, the bank held $40 billion of deposits.
//! ```
//! Use instead:
//! ```text
//! As of December 31, 2022, the bank held $40 billion of deposits.
//! ```
//!
//! ## Configuration
//! None: the calendar decides. No rules file is needed.

use super::{Context, Family, Meta};
use crate::diagnostic::{Diagnostic, Severity};
use crate::extract::Kind;
use crate::time::MONTHS;

pub static META: Meta = Meta {
    code: "NC306",
    name: "impossible-date",
    summary: "date that is not in the calendar",
    severity: Severity::Error,
    family: Family::Dates,
    source: include_str!("impossible_date.rs"),
};

pub struct Check;

impl super::Check for Check {
    fn meta(&self) -> &'static Meta {
        &META
    }

    fn run(&self, cx: &Context, out: &mut Vec<Diagnostic>) {
        let doc_year = cx.doc_date.map(|d| d.date.year());
        for q in cx.ex.quantities.iter().filter(|q| q.kind == Kind::Date) {
            let Some(parts) = q.date.filter(|_| q.relative.is_none()) else {
                continue;
            };
            let (Some(month), Some(day)) = (parts.month, parts.day) else {
                continue;
            };
            let year = parts.year.or(doc_year);
            let Some(last) = last_day(month, year) else {
                continue;
            };
            if day <= last {
                continue;
            }
            let name = MONTHS[usize::from(month - 1)];
            let of_year = match (month, year) {
                (2, Some(y)) => format!("February {y} has {last} days"),
                _ => format!("{name} has {last} days"),
            };
            let d = Diagnostic::new(
                &META,
                META.severity,
                format!("{} is not a date: {of_year}", cx.words(q.figure)),
                cx.label(q.figure, format!("there is no {name} {day}")),
            )
            .with_help("check the month and the day");
            out.push(d);
        }
    }
}

/// The last day of `month`; February's needs the year, and is left
/// unjudged without one.
fn last_day(month: u8, year: Option<i16>) -> Option<u8> {
    // Any year serves a month other than February.
    let year = match (month, year) {
        (2, None) => return None,
        (_, y) => y.unwrap_or(2001),
    };
    let first = jiff::civil::Date::new(year, i8::try_from(month).ok()?, 1).ok()?;
    u8::try_from(first.days_in_month()).ok()
}

#[cfg(test)]
mod tests {
    use super::last_day;

    #[test]
    fn months_have_their_lengths() {
        assert_eq!(last_day(11, None), Some(30));
        assert_eq!(last_day(12, None), Some(31));
        assert_eq!(last_day(2, Some(2023)), Some(28));
        assert_eq!(last_day(2, Some(2024)), Some(29));
        assert_eq!(last_day(2, Some(1900)), Some(28));
        assert_eq!(last_day(2, Some(2000)), Some(29));
        assert_eq!(last_day(2, None), None);
        assert_eq!(last_day(13, None), None);
    }
}
