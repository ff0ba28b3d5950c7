//! ## What it does
//! Flags a measure converted in brackets into a figure it is not: "370
//! nautical miles (600km)", where 370 nautical miles are 685 km; "2 miles
//! (4 km)", where 2 miles are 3.2 km.
//!
//! ## Why is this bad?
//! A conversion is done by hand, often from the wrong unit (statute miles
//! for nautical ones, feet for metres), and nobody checks it again: the
//! reader sees two figures and trusts both.
//!
//! ## Example
//! ```text
//! The wreck lies about 370 nautical miles (600km) off the coast.
//! ```
//! Use instead:
//! ```text
//! The wreck lies about 370 nautical miles (685km) off the coast.
//! ```
//!
//! ## Configuration
//! None: it needs no table. The converted figure may be off by rounding
//! (half a unit of its last significant digit) or by 5%, whichever is more.
//! Only lengths, weights, speeds and times of a fixed size are checked; a
//! sum in another currency is converted at a rate the text does not give.

use rust_decimal::Decimal;

use super::{Context, Family, Meta};
use crate::diagnostic::{Diagnostic, Severity};
use crate::extract::{Approx, Kind, Quantity, Unit, measure};
use crate::facts::format_number;

pub static META: Meta = Meta {
    code: "NC204",
    name: "conversion-mismatch",
    summary: "a measure converted in brackets into a figure it is not",
    severity: Severity::Warning,
    family: Family::Arithmetic,
    source: include_str!("conversion_mismatch.rs"),
};

pub struct Check;

/// How far a conversion may stray beyond rounding: 5%.
const SLACK: Decimal = Decimal::from_parts(5, 0, 0, false, 2);

/// A measure's symbol and the size of its unit in its dimension's base.
fn unit_of(q: &Quantity) -> Option<(&'static str, Decimal)> {
    match q.unit {
        Some(Unit::Measure(symbol)) => measure::dimension(symbol).map(|(_, size)| (symbol, size)),
        _ => None,
    }
}

/// Half a unit of the last significant digit of `x`: 0.5 for "4", 50
/// for "600", 0.05 for "6.7".
fn rounding(x: Decimal) -> Decimal {
    let x = x.abs().normalize();
    if x.is_zero() {
        return Decimal::ZERO;
    }
    let mut place = Decimal::new(1, x.scale());
    if x.scale() == 0 {
        let mut m = x;
        while !m.is_zero() && (m % Decimal::TEN).is_zero() {
            m /= Decimal::TEN;
            place *= Decimal::TEN;
        }
    }
    place / Decimal::TWO
}

impl super::Check for Check {
    fn meta(&self) -> &'static Meta {
        &META
    }

    fn run(&self, cx: &Context, out: &mut Vec<Diagnostic>) {
        for q in &cx.ex.quantities {
            if q.kind != Kind::Measure || q.high.is_some() {
                continue;
            }
            let Some(p) = q.syntax.conversion_of.and_then(|g| cx.ex.get(g)) else {
                continue;
            };
            let (Some((to, to_size)), Some((from, from_size))) = (unit_of(q), unit_of(p)) else {
                continue;
            };
            // "more than two miles (nearly 4 kilometers)": bounds convert
            // loosely.
            let bound = |x: &Quantity| {
                x.qualifier
                    .is_some_and(|k| !matches!(k.approx, Approx::About))
            };
            if p.high.is_some() || to_size.is_zero() || bound(p) || bound(q) {
                continue;
            }
            let Some(want) = (p.value * from_size).checked_div(to_size) else {
                continue;
            };
            let off = (q.value - want).abs();
            if off <= rounding(q.value).max(want.abs() * SLACK) {
                continue;
            }
            let want = want.round_dp(if want.abs() >= Decimal::TEN { 0 } else { 1 });
            let said = cx.words(q.figure);
            let (value, want) = (format_number(p.value), format_number(want));
            // Either figure may be the wrong one: the finding spans both.
            let d = Diagnostic::new(
                &META,
                META.severity,
                format!("{value} {from} is about {want} {to}, not {said}"),
                cx.label(
                    p.figure.cover(q.figure),
                    format!("{value} {from} is about {want} {to}"),
                ),
            )
            .with_help(format!(
                "convert again: {want} {to}, or correct the first figure"
            ));
            out.push(d);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::rounding;
    use rust_decimal::Decimal;

    #[test]
    fn half_the_last_digit() {
        let d = |s: &str| s.parse::<Decimal>().unwrap();
        assert_eq!(rounding(d("4")), d("0.5"));
        assert_eq!(rounding(d("600")), d("50"));
        assert_eq!(rounding(d("6.7")), d("0.05"));
        assert_eq!(rounding(d("3810")), d("5"));
    }
}
