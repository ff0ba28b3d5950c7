//! Dates that date a figure: "shares fell 60% on Thursday", "$42 billion
//! was withdrawn on March 9". When the figure binds to a fact that holds
//! on one day (`as_of`), the date beside it states that day, and the date
//! checks hold it to the fact's `as_of` as they hold a date bound to a
//! date fact. A date bound by its own evidence is left alone.

use super::{Bindings, SentenceView, evidence};
use crate::extract::{Extraction, Kind};
use crate::facts::FactTable;
use crate::time::Precision;

/// Sets `out.dated` for each unbound date in the figure's own phrase.
pub(super) fn figure_dates(
    text: &str,
    table: &FactTable,
    ex: &Extraction,
    views: &[SentenceView],
    out: &mut Bindings,
) {
    for view in views {
        for &d in &view.quantities {
            let date = &ex.quantities[d];
            let unbound = out.of[d].fact.is_none() && out.of[d].candidates.is_empty();
            // A weekday or a day: a month or a year alone spans the day.
            let of_a_day = date
                .date
                .is_some_and(|p| p.weekday.is_some() || p.day.is_some());
            if date.kind != Kind::Date || !unbound || !of_a_day || date.relative.is_some() {
                continue;
            }
            let dated: Vec<_> = view
                .quantities
                .iter()
                .filter(|&&n| n != d)
                .filter_map(|&n| {
                    let q = &ex.quantities[n];
                    let f = out.of[n].fact?;
                    let fact = &table.facts[f];
                    let one_day = fact.as_of.is_some_and(|at| at.precision == Precision::Day);
                    (q.is_numeric_fact_kind()
                        && one_day
                        && fact.series.is_none()
                        && q.syntax.clause.contains(date.figure)
                        && evidence::near_figure(text, view, q, date.figure))
                    .then_some(f)
                })
                .collect();
            // Two figures of different days beside one date: say nothing.
            if let Some(&f) = dated.first()
                && dated
                    .iter()
                    .all(|&g| table.facts[g].as_of == table.facts[f].as_of)
            {
                out.dated[d] = Some(f);
            }
        }
    }
}
