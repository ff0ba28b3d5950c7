//! ## What it does
//! Flags a date stated relative to the writing that points at the wrong
//! day, month or year: "last month" in an article of 15 January about a
//! delivery in November (it means December); "the White House said on
//! Friday" about a Thursday briefing.
//!
//! ## Why is this bad?
//! "Last month" is right on the day a story is written and wrong a few
//! weeks later, when the draft is reused or published late. Nobody rereads
//! the relative dates.
//!
//! ## Example
//! ```text
//! (dated 15 January 2023) North Korea delivered rockets to Wagner last month.
//! ```
//! Use instead:
//! ```text
//! (dated 15 January 2023) North Korea delivered rockets to Wagner in November.
//! ```
//!
//! ## Configuration
//! The fact's `date` and `context` words, and the document's date: its
//! front matter `date:`, `--date`, its dateline, or the story's `date`.
//! "on Thursday" is the last Thursday by the writing; "last month" is the
//! calendar month before it; "in recent weeks" the six weeks before it;
//! "over the weekend" the last Saturday and Sunday by it (never a Friday).
//! A weekday beside a figure whose fact holds on one day (`as_of`) is held
//! to that day: "shares fell 60% on Friday" of a Thursday fall.
//!
//! When the only date known is the story's (no front matter, no `--date`,
//! no dateline), the text may have been written on any day of the week
//! around it: a relative date is flagged only when it points elsewhere
//! from every day within six days either side ("on Monday" in coverage of
//! a Friday closure may be the Monday after it).

use super::{Context, Family, Meta};
use crate::diagnostic::{Diagnostic, Severity};
use crate::time;

pub static META: Meta = Meta {
    code: "NC302",
    name: "relative-date-mismatch",
    summary: "date relative to the writing points at the wrong day, month or year",
    severity: Severity::Error,
    family: Family::Dates,
    source: include_str!("relative_date_mismatch.rs"),
};

pub struct Check;

/// How many days either side of a story's date its coverage may be written.
const STORY_WINDOW: i64 = 6;

/// Whether, the document date being only the story's, some day within
/// [`STORY_WINDOW`] of it as the writing makes the expression agree.
fn agrees_on_a_nearby_day(
    q: &crate::extract::Quantity,
    doc: &time::DocDate,
    when: time::Interval,
) -> bool {
    if !matches!(doc.source, time::Source::Story(_)) {
        return false;
    }
    (-STORY_WINDOW..=STORY_WINDOW).any(|k| {
        doc.date
            .checked_add(jiff::Span::new().days(k))
            .ok()
            .and_then(|d| time::resolve(q, Some(d)))
            .is_some_and(|said| said.overlaps(&when))
    })
}

impl super::Check for Check {
    fn meta(&self) -> &'static Meta {
        &META
    }

    fn run(&self, cx: &Context, out: &mut Vec<Diagnostic>) {
        let Some(doc) = cx.doc_date else { return };
        for (q, f, when) in cx.dates_with_days() {
            let weekday_alone = q
                .date
                .is_some_and(|d| d.weekday.is_some() && d.year.is_none() && d.month.is_none());
            if q.relative.is_none() && !weekday_alone {
                continue;
            }
            let Some(said) = time::resolve(q, Some(doc.date)) else {
                continue;
            };
            if said.overlaps(&when) || agrees_on_a_nearby_day(q, doc, when) {
                continue;
            }
            let words = cx.words(q.figure);
            let message = format!(
                "\"{words}\" in a text dated {} means {}, but the table dates `{}` to {}",
                time::Interval::day(doc.date).describe(),
                said.describe(),
                f.id,
                when.describe()
            );
            let d = cx
                .fact_finding(
                    &META,
                    f,
                    q.figure,
                    format!("means {}", said.describe()),
                    message,
                )
                .with_note(format!("document date: {}", doc.explain(cx.text)))
                .with_help(format!("write the date itself: {}", when.describe()));
            out.push(d);
        }
    }
}
