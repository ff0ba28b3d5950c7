//! ## What it does
//! Flags a measure converted in brackets into a figure it is not: "370
//! nautical miles (600km)", where 370 nautical miles are 685 km; "2 miles
//! (4 km)", where 2 miles are 3.2 km; and, where the story gives its
//! `exchange_rates`, a sum converted into another currency at a rate that
//! is not the day's: "£1 (US$0.82)" when £1 was worth US$1.21, the rate
//! turned upside down; "$209 billion (about 27.6 trillion won)", ten
//! times too small.
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
//! Lengths, weights, speeds and times of a fixed size are checked with no
//! table. A sum in another currency is checked only against the story's
//! `exchange_rates` (`["£1 = US$1.21", "US$1 = ₩1,300 to ₩1,320"]`),
//! directly, the other way round, or through a third currency, and may be
//! off by 6% beyond the rate's range: rates move by the day and outlets
//! round.

use rust_decimal::Decimal;

use super::{Context, Family, Meta};
use crate::diagnostic::{Diagnostic, Severity};
use crate::extract::{Approx, Currency, Kind, Quantity, Unit, measure};
use crate::facts::{ExchangeRate, Measure, format_number, format_value};

pub static META: Meta = Meta {
    code: "NC204",
    name: "conversion-mismatch",
    summary: "a measure or sum converted in brackets into a figure it is not",
    severity: Severity::Warning,
    family: Family::Arithmetic,
    source: include_str!("conversion_mismatch.rs"),
};

pub struct Check;

/// How far a conversion may stray beyond rounding: 5%.
const SLACK: Decimal = Decimal::from_parts(5, 0, 0, false, 2);

/// How far a sum may stray beyond the range of the story's rate: 6%.
const RATE_SLACK: Decimal = Decimal::from_parts(6, 0, 0, false, 2);

/// What one `from` is worth in `to` by the stories' rates, low and high:
/// a rate given either way round, or two through a third currency.
fn rate(cx: &Context, from: Currency, to: Currency) -> Option<(Decimal, Decimal)> {
    let rates: Vec<ExchangeRate> = cx
        .active
        .iter()
        .flat_map(|&s| cx.table.stories[s].exchange_rates.iter().copied())
        .collect();
    if let Some(r) = rates.iter().find_map(|r| r.between(from, to)) {
        return Some(r);
    }
    rates.iter().find_map(|a| {
        let via = if a.from == from { a.to } else { a.from };
        let (lo, hi) = a.between(from, via)?;
        let (lo2, hi2) = rates.iter().find_map(|b| b.between(via, to))?;
        Some((lo * lo2, hi * hi2))
    })
}

/// The currency of a sum.
fn currency(q: &Quantity) -> Option<Currency> {
    match q.unit {
        Some(Unit::Currency(c)) => Some(c),
        _ => None,
    }
}

/// A bound ("more than two miles") converts loosely.
fn bound(x: &Quantity) -> bool {
    x.qualifier
        .is_some_and(|k| !matches!(k.approx, Approx::About))
}

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
            if q.kind == Kind::Money {
                if let Some(d) = money_conversion(cx, q) {
                    out.push(d);
                }
                continue;
            }
            if q.kind != Kind::Measure || q.high.is_some() {
                continue;
            }
            let Some(p) = q.syntax.conversion_of.and_then(|g| cx.ex.get(g)) else {
                continue;
            };
            let (Some((to, to_size)), Some((from, from_size))) = (unit_of(q), unit_of(p)) else {
                continue;
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

/// "£1 (US$0.82)": a sum in brackets that the story's rate does not make
/// of the one before it.
fn money_conversion(cx: &Context, q: &Quantity) -> Option<Diagnostic> {
    let p = q.syntax.conversion_of.and_then(|g| cx.ex.get(g))?;
    if p.kind != Kind::Money || p.high.is_some() || q.high.is_some() || bound(p) || bound(q) {
        return None;
    }
    let (from, to) = (currency(p)?, currency(q)?);
    let (lo, hi) = rate(cx, from, to)?;
    let (least, most) = (p.value * lo, p.value * hi);
    let room = rounding(q.value);
    if q.value >= least * (Decimal::ONE - RATE_SLACK) - room
        && q.value <= most * (Decimal::ONE + RATE_SLACK) + room
    {
        return None;
    }
    let money = |v: Decimal, c: Currency| {
        format_value(
            v.round_sf(3).unwrap_or(v).normalize(),
            Measure::Money(c),
            None,
        )
    };
    let want = if least == most {
        format!("about {}", money(least, to))
    } else {
        format!("{} to {}", money(least, to), money(most, to))
    };
    let (value, said) = (money(p.value, from), cx.words(q.figure));
    let unit_rate = if lo == hi {
        money(lo, to)
    } else {
        format!("{} to {}", money(lo, to), money(hi, to))
    };
    let d = Diagnostic::new(
        &META,
        META.severity,
        format!("{value} was {want} at the story's exchange rate, not {said}"),
        cx.label(p.figure.cover(q.figure), format!("{value} was {want}")),
    )
    .with_note(format!(
        "exchange rate: {} = {unit_rate} (the story's `exchange_rates`)",
        money(Decimal::ONE, from)
    ))
    .with_help("convert again at the rate, or correct the first sum");
    Some(d)
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
