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
