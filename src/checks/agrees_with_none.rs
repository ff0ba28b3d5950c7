//! ## What it does
//! Warns about a figure that the text gives to one of a few facts without
//! saying which, when it agrees with none of them: "$3.25 billion in
//! common stock" where the table's share sale is $1.25 billion and its
//! whole offering $1.75 billion, both of common stock; "£1.25 billion" for
//! the $1.25 billion one, the right digits in the wrong currency.
//!
//! ## Why is this bad?
//! Which of the facts the figure is may be unclear, but that it is wrong
//! is not: no figure the sentence may mean has that value. A digit slipped
//! in a figure of a deal with several parts is the error this catches;
//! when the figure agrees with one of them, it is that one, and fine. The
//! slip may be from a figure the fact's tolerance holds: "570 miles" where
//! the table has about 400, give or take 35, is one digit off 370.
//!
//! ## Example
//! ```text
//! The bank sold $3.25 billion of common stock in its public offering.
//! ```
//! Use instead:
//! ```text
//! The bank sold $1.25 billion of common stock in its public offering.
//! ```
//!
//! ## Configuration
//! The facts' `value`, `tolerance` and cues. It is a warning, never an
//! error: the binding is weak by nature. Give the facts cues of their own
//! (a `context` word one has and the other lacks) to bind such a figure
//! firmly, so that `value-mismatch` reports it against the right one.

use rust_decimal::Decimal;

use super::compare::{Verdict, compare, unit_ratio};
use super::{Context, Family, Meta};
use crate::diagnostic::{Diagnostic, Severity};
use crate::facts::{Measure, format_value};

pub static META: Meta = Meta {
    code: "NC107",
    name: "agrees-with-none",
    summary: "figure may be one of several facts and agrees with none of them",
    severity: Severity::Warning,
    family: Family::Values,
    source: include_str!("agrees_with_none.rs"),
};

pub struct Check;

impl super::Check for Check {
    fn meta(&self) -> &'static Meta {
        &META
    }

    fn run(&self, cx: &Context, out: &mut Vec<Diagnostic>) {
        for (l, q) in cx.ex.quantities.iter().enumerate() {
            let Some(b) = cx.bound.of.get(l) else {
                continue;
            };
            if b.fact.is_some() || b.candidates.len() < 2 {
                continue;
            }
            let facts: Vec<_> = b.candidates.iter().map(|&f| &cx.table.facts[f]).collect();
            // Dates, ages and durations always "agree" here (they are the
            // date checks'). A conversion (another currency, another
            // number) says nothing of its fact, but "£1.25 billion" where
            // one of them is $1.25 billion is that one in the wrong
            // currency. A figure in another unit than a fact's ("eight
            // hours" of an eight-day expedition) is likely another figure
            // altogether; a length or a weight converts, and is the same
            // figure in feet as in metres.
            let verdicts: Vec<Verdict> = facts.iter().map(|f| compare(q, f)).collect();
            let same_digits = verdicts.contains(&Verdict::Currency);
            let all_wrong = facts.iter().zip(&verdicts).all(|(f, v)| {
                (unit_ratio(q, f) == Decimal::ONE || matches!(f.measure, Measure::Physical(_)))
                    && match v {
                        Verdict::Value | Verdict::Scale | Verdict::Currency | Verdict::Period => {
                            true
                        }
                        Verdict::Unknown => same_digits,
                        Verdict::Agrees => false,
                    }
            });
            // Precision first: the figure must be a slip away from one of
            // them, or the fact it states may be none of these at all.
            let slipped = facts.iter().zip(&verdicts).any(|(f, v)| match v {
                Verdict::Scale | Verdict::Currency | Verdict::Period => true,
                Verdict::Value => one_digit_from(q.value, f.value, f.tolerance_amount()),
                Verdict::Agrees | Verdict::Unknown => false,
            });
            // "about 50,000 of them" between the convicts and the
            // contractors is the whole force, a fact the tie left out.
            let story = facts[0].story;
            let another_agrees = cx.table.facts.iter().any(|f| {
                f.story == story
                    && crate::bind::compatible(q, f.measure)
                    && compare(q, f) == Verdict::Agrees
                    && !matches!(f.measure, Measure::Date | Measure::Age | Measure::Duration)
            });
            if !all_wrong || !slipped || another_agrees {
                continue;
            }
            let list = facts
                .iter()
                .map(|f| {
                    let value = format_value(f.value, f.measure, f.per);
                    match f.measure {
                        Measure::Physical(_) => format!("`{}` ({value} {})", f.id, f.unit_label),
                        _ => format!("`{}` ({value})", f.id),
                    }
                })
                .collect::<Vec<_>>()
                .join(", ");
            let mut d = Diagnostic::new(
                &META,
                META.severity,
                format!(
                    "{} agrees with none of the facts it may be: {list}",
                    cx.words(q.figure)
                ),
                cx.label(q.figure, "no fact it may be has this value"),
            )
            .with_help("check the figure, or give the facts cues of their own to say which it is");
            for f in &facts {
                d = d.with_secondary(cx.fact_label(f));
            }
            out.push(d);
        }
    }
}

/// Whether `x` is one digit away from a figure within `tol` of `c`:
/// "570 miles" is a slip of "370 miles", which a 400-mile fact give or
/// take 35 holds.
fn one_digit_from(x: Decimal, c: Decimal, tol: Decimal) -> bool {
    if one_digit_apart(x, c) {
        return true;
    }
    let written = x.abs().normalize().to_string();
    written.char_indices().any(|(i, ch)| {
        ch.is_ascii_digit()
            && (b'0'..=b'9').any(|d| {
                let mut other = written.clone().into_bytes();
                other[i] = d;
                let leading_zero = i == 0 && d == b'0' && written.len() > 1;
                !leading_zero
                    && d != ch as u8
                    && String::from_utf8(other)
                        .ok()
                        .and_then(|s| s.parse::<Decimal>().ok())
                        .is_some_and(|v| (v - c.abs()).abs() <= tol)
            })
    })
}

/// Whether two numbers of the same length differ in one digit, or in two
/// neighbouring digits swapped: "$3.25 billion" for $1.25 billion,
/// "12,050" for 12,500.
fn one_digit_apart(x: Decimal, c: Decimal) -> bool {
    let digits = |d: Decimal| {
        let s = d.abs().normalize().to_string();
        match s.split_once('.') {
            Some((int, frac)) => (int.to_string(), frac.to_string()),
            None => (s, String::new()),
        }
    };
    let ((xi, xf), (ci, cf)) = (digits(x), digits(c));
    if xi.len() != ci.len() {
        return false;
    }
    let n = xf.len().max(cf.len());
    let (a, b) = (format!("{xi}{xf:0<n$}"), format!("{ci}{cf:0<n$}"));
    let apart: Vec<usize> = a
        .bytes()
        .zip(b.bytes())
        .enumerate()
        .filter(|(_, (p, q))| p != q)
        .map(|(i, _)| i)
        .collect();
    match apart.as_slice() {
        [_] => true,
        [i, j] => {
            *j == i + 1
                && a.as_bytes()[*i] == b.as_bytes()[*j]
                && a.as_bytes()[*j] == b.as_bytes()[*i]
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::{one_digit_apart, one_digit_from};
    use rust_decimal::Decimal;

    fn d(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    #[test]
    fn a_slip_of_one_digit_or_a_swap() {
        assert!(one_digit_apart(d("3250000000"), d("1250000000")));
        assert!(one_digit_apart(d("700"), d("500")));
        assert!(one_digit_apart(d("12050"), d("12500")));
        assert!(!one_digit_apart(d("2.3"), d("2.25")));
        assert!(!one_digit_apart(d("8"), d("6.3")));
        assert!(!one_digit_apart(d("2.25"), d("1.8")));
        assert!(!one_digit_apart(d("1250"), d("125")));
    }

    #[test]
    fn a_slip_of_a_figure_the_tolerance_holds() {
        assert!(one_digit_from(d("570"), d("400"), d("35")));
        assert!(one_digit_from(d("700"), d("500"), d("0")));
        assert!(!one_digit_from(d("570"), d("400"), d("20")));
        assert!(!one_digit_from(d("5700"), d("400"), d("35")));
    }
}
