//! How a bound figure compares with its fact. The value checks share this so
//! that exactly one of them reports a figure: the currency first, then the
//! period, then agreement, then scale, then the value itself.

use rust_decimal::Decimal;

use crate::extract::measure;
use crate::extract::{Approx, Quantity, Unit};
use crate::facts::{Fact, Measure};

/// What is wrong with a figure, if anything.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Verdict {
    Agrees,
    /// The number differs beyond tolerance.
    Value,
    /// Another currency for the same number ("£100m" for "$100m").
    Currency,
    /// The same digits with another scale ("$100 billion" for "$100 million").
    Scale,
    /// The same number over another period ("a year" for "a month").
    Period,
    /// Another currency and another number: perhaps a conversion; say nothing.
    Unknown,
}

/// Rounding allowed when a figure is converted between periods ("$1.2bn a year").
const CONVERSION_SLACK: Decimal = Decimal::from_parts(3, 0, 0, false, 2);

/// How far each end of a range may stray from the table's range, as a
/// share of the table's width: "72 to 96 hours" of 70 to 96 is the same
/// estimate, "90 to 96" is not.
const RANGE_SLACK: Decimal = Decimal::from_parts(1, 0, 0, false, 1);

fn within(lo: Decimal, hi: Decimal, c: Decimal, tol: Decimal) -> bool {
    lo - tol <= c && c <= hi + tol
}

/// Whether `x` is `c` times a power of a thousand other than one.
fn scaled(x: Decimal, c: Decimal) -> bool {
    thousands_apart(x, c, Decimal::ONE)
}

/// Whether `x` and `c` are a power of a thousand apart (other than one),
/// to within a factor of `slack` either way.
fn thousands_apart(x: Decimal, c: Decimal, slack: Decimal) -> bool {
    if c.is_zero() || x.is_zero() {
        return false;
    }
    let (x, c) = (x.abs(), c.abs());
    let (big, small) = if x > c { (x, c) } else { (c, x) };
    let Some(mut ratio) = big.checked_div(small) else {
        return false;
    };
    let thousand = Decimal::from(1000);
    let Some(floor) = thousand.checked_div(slack) else {
        return false;
    };
    for _ in 0..5 {
        if ratio < floor {
            break;
        }
        ratio /= thousand;
        if ratio <= slack && ratio * slack >= Decimal::ONE {
            return true;
        }
    }
    false
}

/// How many of the fact's units one of the figure's units is (about 3.28
/// for a figure in metres held to a fact in feet); one when either is no
/// unit of measure.
pub fn unit_ratio(q: &Quantity, f: &Fact) -> Decimal {
    if !matches!(f.measure, Measure::Physical(_)) || f.unit_size.is_zero() {
        return Decimal::ONE;
    }
    let size = match q.unit {
        Some(Unit::Measure(symbol)) => measure::dimension(symbol).map(|(_, s)| s),
        Some(Unit::Time(p)) => Some(measure::period_seconds(p)),
        _ => None,
    };
    size.and_then(|s| s.checked_div(f.unit_size))
        .unwrap_or(Decimal::ONE)
}

/// How many times larger or smaller than its fact a figure may be and
/// still state it. One wrong digit moves a figure less than tenfold; "$165
/// billion" against a $250,000 limit, or "30-minute intervals" against 96
/// hours, counts something else.
const MAGNITUDE_REACH: i64 = 30;

/// How far a slip of scale may stray from an exact power of a thousand:
/// "$2 million" for a $2.25 billion raise is rounded as well as slipped.
const SCALE_SLACK: Decimal = Decimal::from_parts(135, 0, 0, false, 2);

/// Whether a figure is near enough its fact in size to be a statement of
/// it, right or wrong.
pub fn plausible_magnitude(q: &Quantity, f: &Fact) -> bool {
    if matches!(f.measure, Measure::Date | Measure::Age) || f.value.is_zero() {
        return true;
    }
    // Another currency: a conversion, whose rate may be anything.
    if let (Some(Unit::Currency(a)), Measure::Money(b)) = (q.unit, f.measure)
        && a != b
    {
        return true;
    }
    // "6 hours" for a 6-minute crossing: the same number in another unit.
    if q.value == f.value {
        return true;
    }
    let ratio = unit_ratio(q, f);
    let x = q.value.checked_mul(ratio);
    // "£4.5m a week" for £4.5m a year is a slip of period, not another sum:
    // near in size either as written or once converted.
    let converted = match (q.per, f.per) {
        (Some((said, _)), Some(canon)) => x
            .and_then(|x| x.checked_mul(said.per_year()))
            .and_then(|x| x.checked_div(canon.per_year())),
        _ => None,
    };
    // A slip of scale is a word ("million" for "billion"); feet and miles
    // a thousand apart once converted are two distances.
    let slip = ratio == Decimal::ONE;
    [x, converted]
        .into_iter()
        .flatten()
        .any(|x| near_in_size(x, f.value, slip))
}

/// Within [`MAGNITUDE_REACH`] of each other, or (`slip`) a slip of scale apart.
fn near_in_size(x: Decimal, c: Decimal, slip: bool) -> bool {
    if x.is_zero() || c.is_zero() {
        return true;
    }
    let (x, c) = (x.abs(), c.abs());
    let (big, small) = if x > c { (x, c) } else { (c, x) };
    big.checked_div(small)
        .is_none_or(|ratio| ratio <= Decimal::from(MAGNITUDE_REACH))
        || slip && thousands_apart(x, c, SCALE_SLACK)
}

pub fn compare(q: &Quantity, f: &Fact) -> Verdict {
    // Dates, ages and durations are the date checks' (NC3xx).
    if matches!(f.measure, Measure::Date | Measure::Age | Measure::Duration) {
        return Verdict::Agrees;
    }
    let c = f.value;
    let ratio = unit_ratio(q, f);
    // A figure converted from another unit is rounded in that unit: allow
    // what its last digit may hide ("3,800 m" for 12,500 ft).
    let tol = if ratio == Decimal::ONE {
        f.tolerance_amount()
    } else {
        f.tolerance_amount() + c * CONVERSION_SLACK
    };
    let (lo, hi) = (q.value * ratio, q.high.unwrap_or(q.value) * ratio);
    if let (Some(Unit::Currency(a)), Measure::Money(b)) = (q.unit, f.measure)
        && a != b
    {
        let loose = q.high.is_none() && loosely_true(q.qualifier.map(|x| x.approx), lo, c);
        return if within(lo, hi, c, tol) || loose || scaled(lo, c) {
            Verdict::Currency
        } else {
            Verdict::Unknown
        };
    }
    if let (Some((said, _)), Some(canon)) = (q.per, f.per)
        && said != canon
    {
        let convert = |x: Decimal| x * said.per_year() / canon.per_year();
        let slack = tol + c * CONVERSION_SLACK;
        if within(convert(lo), convert(hi), c, slack) {
            return Verdict::Agrees;
        }
        if within(lo, hi, c, tol) {
            return Verdict::Period;
        }
    }
    // "between 90 and 96 hours" of a table's 70 to 96: a range against a
    // range is checked end to end, not by whether it holds the middle.
    if let (Some(_), Some((low, high))) = (q.high, f.range) {
        let converted = if ratio == Decimal::ONE {
            Decimal::ZERO
        } else {
            c * CONVERSION_SLACK
        };
        let slack = (high - low) * RANGE_SLACK + converted;
        return if (lo - low).abs() <= slack && (hi - high).abs() <= slack {
            Verdict::Agrees
        } else {
            Verdict::Value
        };
    }
    if within(lo, hi, c, tol) || q.high.is_none() && loosely_true_of(q, f, ratio) {
        Verdict::Agrees
    } else if scaled(lo, c) {
        Verdict::Scale
    } else {
        Verdict::Value
    }
}

/// Whether a single figure is a loose but true way of writing the fact,
/// judged against the point of the fact's range nearest it ("nearly two
/// hours" of 90 to 105 minutes). A time is rounded in its own unit ("two
/// hours" of 105 minutes is 1.75 hours, rounded); other units are judged
/// in the fact's, where "400 nautical miles" for 400 miles is a slip of
/// unit rather than a round figure.
fn loosely_true_of(q: &Quantity, f: &Fact, ratio: Decimal) -> bool {
    let approx = q.qualifier.map(|x| x.approx);
    let said = q.value * ratio;
    let near = match f.range {
        Some((low, high)) => said.clamp(low, high),
        None => f.value,
    };
    if matches!(q.unit, Some(Unit::Time(_))) {
        near.checked_div(ratio)
            .is_some_and(|c| loosely_true(approx, q.value, c))
    } else {
        loosely_true(approx, said, near)
    }
}

/// How far above a lower bound ("more than 50%" of a 60.4% fall) or
/// below an upper one the figure may lie and the bound still be written of
/// it; a bound further off says little and is likely another figure's.
const BOUND_REACH: Decimal = Decimal::from_parts(125, 0, 0, false, 2);

/// How far below "nearly N" the figure may lie: "nearly $2bn" of $1.8bn.
const NEARLY_REACH: Decimal = Decimal::from_parts(85, 0, 0, false, 2);

/// Whether a figure `x`, qualified by `approx`, is a true if loose way of
/// writing the canonical `c`: a bound it keeps, or a round figure of one
/// significant digit that `c` rounds to ("$1 billion" of $958 million).
fn loosely_true(approx: Option<Approx>, x: Decimal, c: Decimal) -> bool {
    match approx {
        Some(Approx::MoreThan | Approx::AtLeast) => x <= c && c <= x * BOUND_REACH,
        Some(Approx::LessThan | Approx::AtMost | Approx::UpTo) => c <= x && x <= c * BOUND_REACH,
        Some(Approx::Nearly) => c <= x && c >= x * NEARLY_REACH,
        None | Some(Approx::About) => rounds_to(c, x),
    }
}

/// How far a round figure may stand from the value it rounds: "$2
/// billion" of $2.25 billion, not "100,000" of 50,000 (which rounds to it
/// at one digit, but doubles it).
const ROUND_REACH: Decimal = Decimal::from_parts(15, 0, 0, false, 2);

/// Whether `x` has one significant digit, `c` rounds to it there, and the
/// two are near.
fn rounds_to(c: Decimal, x: Decimal) -> bool {
    if x < Decimal::ONE || x.fract() != Decimal::ZERO || c.is_zero() {
        return false;
    }
    if (x - c).abs() > c.abs() * ROUND_REACH {
        return false;
    }
    let ten = Decimal::TEN;
    let (mut digit, mut unit) = (x, Decimal::ONE);
    while digit >= ten && (digit % ten).is_zero() {
        digit /= ten;
        unit *= ten;
    }
    digit < ten
        && c.checked_div(unit).is_some_and(|r| {
            r.round_dp_with_strategy(0, rust_decimal::RoundingStrategy::MidpointAwayFromZero)
                == digit
        })
}

/// What a figure's qualifier says against the fact's.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum QualifierVerdict {
    Fine,
    /// "fewer than" where the table says "more than".
    Contradicts,
    /// "about" where the table says "more than": worth a note, not an error.
    Differs,
}

pub fn compare_qualifier(said: Option<Approx>, f: &Fact) -> QualifierVerdict {
    use std::cmp::Ordering::Equal;
    let Some(a) = said else {
        return QualifierVerdict::Fine;
    };
    if f.reject.contains(&a) {
        return QualifierVerdict::Contradicts;
    }
    if Some(a) == f.qualifier || f.accept.contains(&a) {
        return QualifierVerdict::Fine;
    }
    let da = a.direction();
    let db = f.qualifier.map_or(Equal, Approx::direction);
    if da != Equal && db != Equal && da != db {
        return QualifierVerdict::Contradicts;
    }
    // Same side ("at least" for "more than"), "nearly" for "about", or an
    // approximation of an exact figure: all fine.
    let exact = f.qualifier.is_none();
    if da == db || a == Approx::Nearly && db == Equal || da == Equal && exact {
        return QualifierVerdict::Fine;
    }
    QualifierVerdict::Differs
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn powers_of_a_thousand_are_scale() {
        let d = |n: i64| Decimal::from(n);
        assert!(scaled(d(100_000_000_000), d(100_000_000)));
        assert!(scaled(d(100_000), d(100_000_000)));
        assert!(!scaled(d(10_000_000), d(100_000_000)));
        assert!(!scaled(d(45_000), d(40_000)));
        assert!(!scaled(d(1_500_000_000), d(1_000_000)));
    }

    #[test]
    fn a_slip_of_scale_may_be_rounded_too() {
        let d = |n: i64| Decimal::from(n);
        // "$2 million" for $2.25 billion: a thousandfold, rounded.
        assert!(thousands_apart(d(2_000_000), d(2_250_000_000), SCALE_SLACK));
        assert!(!thousands_apart(
            d(1_000_000),
            d(2_250_000_000),
            SCALE_SLACK
        ));
        assert!(near_in_size(d(2_000_000), d(2_250_000_000), true));
        assert!(!near_in_size(d(2_000_000), d(2_250_000_000), false));
        assert!(near_in_size(d(80_000), d(9_500), true));
        assert!(!near_in_size(d(8_000_000_000), d(250_000), true));
    }
}
