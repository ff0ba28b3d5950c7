//! Units of measure: lengths, distances, weights and spans of time, each
//! with its size in one base unit (metres, kilograms, seconds) so that a
//! figure given in feet can be held to a fact kept in metres.

use rust_decimal::Decimal;

use super::cursor::Cursor;
use super::quantity::Period;

/// What a unit measures.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Dimension {
    Length,
    Mass,
    Time,
}

impl Dimension {
    pub fn as_str(self) -> &'static str {
        match self {
            Dimension::Length => "length",
            Dimension::Mass => "mass",
            Dimension::Time => "time",
        }
    }
}

/// Each unit's symbol, its dimension and its size in the base unit,
/// as (mantissa, scale): 0.3048 m is (3048, 4).
const UNITS: &[(&str, Dimension, i64, u32)] = &[
    ("mm", Dimension::Length, 1, 3),
    ("cm", Dimension::Length, 1, 2),
    ("m", Dimension::Length, 1, 0),
    ("km", Dimension::Length, 1000, 0),
    ("in", Dimension::Length, 254, 4),
    ("ft", Dimension::Length, 3048, 4),
    ("yd", Dimension::Length, 9144, 4),
    ("mi", Dimension::Length, 1_609_344, 3),
    ("nmi", Dimension::Length, 1852, 0),
    ("g", Dimension::Mass, 1, 3),
    ("kg", Dimension::Mass, 1, 0),
    ("t", Dimension::Mass, 1000, 0),
    ("lb", Dimension::Mass, 45_359_237, 8),
    ("oz", Dimension::Mass, 28_349_523_125, 12),
    ("min", Dimension::Time, 60, 0),
    ("h", Dimension::Time, 3600, 0),
];

/// The dimension of a unit symbol and its size in the base unit.
pub fn dimension(symbol: &str) -> Option<(Dimension, Decimal)> {
    UNITS
        .iter()
        .find(|(s, ..)| *s == symbol)
        .map(|&(_, d, m, e)| (d, Decimal::new(m, e)))
}

/// The size of a period in seconds, for durations held to a fixed length.
pub fn period_seconds(p: Period) -> Decimal {
    Decimal::from(31_557_600) / p.per_year()
}

/// The symbol of a unit written as a word: "feet", "metres", "km",
/// "nautical miles" (two words). Returns the symbol and how many words it
/// takes. Words that are also common nouns or currencies ("pounds",
/// "tons", "inches" of snow are fine, "in" is not) are left out.
pub fn unit_word(first: &str, second: Option<&str>) -> Option<(&'static str, usize)> {
    let mut buf = [0u8; 24];
    let w = crate::prose::words::lower(first, &mut buf)?;
    if w == "nautical"
        && second.is_some_and(|s| s.eq_ignore_ascii_case("miles") || s.eq_ignore_ascii_case("mile"))
    {
        return Some(("nmi", 2));
    }
    let symbol = match w {
        "feet" | "foot" | "ft" => "ft",
        "metres" | "meters" | "metre" | "meter" | "m" => "m",
        "kilometres" | "kilometers" | "kilometre" | "kilometer" | "km" | "kms" => "km",
        "centimetres" | "centimeters" | "centimetre" | "centimeter" | "cm" => "cm",
        "millimetres" | "millimeters" | "mm" => "mm",
        "miles" | "mile" | "mi" => "mi",
        "nmi" => "nmi",
        "yards" | "yard" => "yd",
        "inches" | "inch" => "in",
        "kilograms" | "kilogrammes" | "kilogram" | "kilos" | "kg" | "kgs" => "kg",
        "grams" | "gram" => "g",
        "tonnes" | "tonne" | "metric" => "t",
        "lb" | "lbs" => "lb",
        "minutes" | "minute" | "mins" => "min",
        _ => return None,
    };
    Some((symbol, 1))
}

/// The unit word right after token `i`, or after a hyphen ("21-foot"):
/// its symbol and the token after it.
pub(crate) fn unit_after(c: &Cursor, i: usize) -> Option<(&'static str, usize)> {
    let k = if c.punct(i, '-') && c.touches_prev(i) {
        i + 1
    } else {
        i
    };
    let word = c.word(k)?;
    let (symbol, n) = unit_word(word, c.word(k + 1))?;
    // "6.7 m" but not "m" glued to something else, nor "metric" alone.
    if symbol == "t" && word.eq_ignore_ascii_case("metric") {
        return c
            .word(k + 1)
            .is_some_and(|w| w.eq_ignore_ascii_case("tons") || w.eq_ignore_ascii_case("tonnes"))
            .then_some(("t", k + 2));
    }
    Some((symbol, k + n))
}

/// What a length is a length of: a thing's own size, how deep, how far, how
/// high. A table of lengths ("the wreck lies 12,500 feet down", "the sub is
/// 22 feet long", "900 miles off Cape Cod") tells them apart by these
/// classes rather than by a list of words per fact. A set of them is a bit
/// mask.
pub mod aspect {
    pub const SIZE: u8 = 1;
    pub const DEPTH: u8 = 2;
    pub const DISTANCE: u8 = 4;
    pub const HEIGHT: u8 = 8;

    /// The aspect a word (lower case) names: general English, no story's.
    pub fn of_word(w: &str) -> u8 {
        match w {
            "long" | "length" | "lengths" | "wide" | "width" | "across" | "size" | "sized" => SIZE,
            "deep" | "depth" | "depths" | "below" | "beneath" | "under" | "underneath"
            | "underwater" | "undersea" | "deeper" | "down" | "bottom" | "seabed" | "seafloor"
            | "descend" | "descended" | "descent" | "dive" | "dived" | "dove" | "sink" | "sank"
            | "submerged" | "surface" => DEPTH,
            "away" | "off" | "from" | "offshore" | "distance" | "distant" | "east" | "west"
            | "north" | "south" | "northeast" | "northwest" | "southeast" | "southwest"
            | "coast" | "far" | "nearest" => DISTANCE,
            "high" | "height" | "tall" | "altitude" | "above" | "elevation" => HEIGHT,
            _ => 0,
        }
    }

    /// The aspects the words of a phrase name.
    pub fn of_phrase(phrase: &str) -> u8 {
        phrase
            .split(|c: char| !c.is_alphanumeric())
            .map(|w| of_word(&w.to_lowercase()))
            .fold(0, |a, b| a | b)
    }
}

/// "weighs 23,000 pounds", "the 23,000-pound submersible": pounds of
/// weight, not money. Pounds weigh when a word of weight is near, or when
/// "-pound" makes an adjective of a thing that is not a sum ("a 500-pound
/// fine" is money). Returns the token after the unit.
pub(crate) fn pounds_of_weight(c: &Cursor, i: usize) -> Option<usize> {
    let glued = c.punct(i, '-') && c.touches_prev(i);
    let k = if glued { i + 1 } else { i };
    let word = c.word(k)?;
    if !(word.eq_ignore_ascii_case("pound") || word.eq_ignore_ascii_case("pounds")) {
        return None;
    }
    let weighty = |w: &str| {
        let w = w.to_ascii_lowercase();
        w.starts_with("weigh") || matches!(w.as_str(), "heavy" | "heavier" | "lighter" | "mass")
    };
    let lo = i.saturating_sub(8).max(c.lo);
    let hi = (k + 8).min(c.hi);
    let near = (lo..hi).any(|j| c.word(j).is_some_and(weighty));
    let sum_noun = |w: &str| {
        matches!(
            w.to_ascii_lowercase().as_str(),
            "fine"
                | "note"
                | "notes"
                | "bill"
                | "prize"
                | "bonus"
                | "fee"
                | "deal"
                | "contract"
                | "loan"
                | "budget"
                | "grant"
                | "payment"
                | "salary"
                | "reward"
                | "bet"
        )
    };
    let attributive = glued
        && word.eq_ignore_ascii_case("pound")
        && c.word(k + 1)
            .is_some_and(|w| w.chars().next().is_some_and(char::is_lowercase) && !sum_noun(w));
    (near || attributive).then_some(k + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_in_base_units() {
        assert_eq!(
            dimension("ft"),
            Some((Dimension::Length, Decimal::new(3048, 4)))
        );
        assert_eq!(dimension("nmi").map(|d| d.1), Some(Decimal::from(1852)));
        assert_eq!(dimension("lb").map(|d| d.0), Some(Dimension::Mass));
        assert_eq!(dimension("GB"), None);
        assert_eq!(period_seconds(Period::Hour), Decimal::from(3600));
    }

    #[test]
    fn unit_words() {
        assert_eq!(unit_word("feet", None), Some(("ft", 1)));
        assert_eq!(unit_word("Nautical", Some("miles")), Some(("nmi", 2)));
        assert_eq!(unit_word("metres", Some("below")), Some(("m", 1)));
        assert_eq!(unit_word("pounds", None), None);
        assert_eq!(unit_word("people", None), None);
    }
}
