//! Canonical values written the way news copy writes them, for messages.

use rust_decimal::Decimal;

use super::Measure;
use crate::extract::{Approx, Period};

/// "50,000", "1.5", "1,234,567.25": thousands separated by commas.
pub fn format_number(value: Decimal) -> String {
    let v = value.normalize();
    let s = v.abs().to_string();
    let (int, frac) = s
        .split_once('.')
        .map_or((s.as_str(), None), |(i, f)| (i, Some(f)));
    let mut out = String::with_capacity(s.len() + s.len() / 3 + 1);
    if v.is_sign_negative() && !v.is_zero() {
        out.push('-');
    }
    for (i, ch) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(ch);
    }
    if let Some(f) = frac {
        out.push('.');
        out.push_str(f);
    }
    out
}

/// A value with its unit and period: "$100 million a month", "50,000", "90%".
pub fn format_value(value: Decimal, measure: Measure, per: Option<Period>) -> String {
    let mut out = match measure {
        Measure::Count
        | Measure::Date
        | Measure::Age
        | Measure::Duration
        | Measure::Physical(_) => format_number(value),
        Measure::Percent => format!("{}%", format_number(value)),
        Measure::Money(cur) => {
            let amount = scaled(value);
            match cur.symbol() {
                Some(sym) => format!("{sym}{amount}"),
                None => format!("{} {amount}", cur.code()),
            }
        }
    };
    if let Some(p) = per {
        out.push_str(" a ");
        out.push_str(p.as_str());
    }
    out
}

/// "100 million", "1.2 billion", "4,000": money with a scale word when it reads better.
fn scaled(value: Decimal) -> String {
    for (factor, word) in [
        (1_000_000_000_000u64, "trillion"),
        (1_000_000_000, "billion"),
        (1_000_000, "million"),
    ] {
        let f = Decimal::from(factor);
        if value.abs() >= f {
            return format!("{} {word}", format_number(value / f));
        }
    }
    // "$14.20", not "$14.2": cents are written in two digits.
    let mut out = format_number(value);
    if out
        .split_once('.')
        .is_some_and(|(_, cents)| cents.len() == 1)
    {
        out.push('0');
    }
    out
}

/// A qualifier as copy writes it before a figure of `measure`: money is
/// "less than", a count "fewer than".
pub fn qualifier_phrase(q: Approx, measure: Measure) -> &'static str {
    match (q, measure) {
        (Approx::LessThan, Measure::Money(_) | Measure::Percent) => "less than",
        _ => qualifier_words(q),
    }
}

pub(crate) fn qualifier_words(q: Approx) -> &'static str {
    match q {
        Approx::About => "about",
        Approx::Nearly => "nearly",
        Approx::MoreThan => "more than",
        Approx::LessThan => "fewer than",
        Approx::AtLeast => "at least",
        Approx::AtMost => "at most",
        Approx::UpTo => "up to",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::Currency;

    #[test]
    fn numbers_and_values_read_like_news() {
        assert_eq!(format_number(Decimal::from(50_000)), "50,000");
        assert_eq!(
            format_number(Decimal::new(12345678925, 2)),
            "123,456,789.25"
        );
        assert_eq!(format_number(Decimal::from(999)), "999");
        assert_eq!(
            format_value(
                Decimal::from(100_000_000),
                Measure::Money(Currency::USD),
                Some(Period::Month)
            ),
            "$100 million a month"
        );
        assert_eq!(
            format_value(
                Decimal::from(1_200_000_000),
                Measure::Money(Currency::GBP),
                None
            ),
            "£1.2 billion"
        );
        assert_eq!(
            format_value(Decimal::new(142, 1), Measure::Money(Currency::USD), None),
            "$14.20"
        );
        assert_eq!(
            format_value(Decimal::from(90), Measure::Percent, None),
            "90%"
        );
    }
}
