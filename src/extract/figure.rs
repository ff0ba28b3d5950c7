//! The figure itself: digits with separators and decimals, a scale word or
//! suffix, or a number written in words ("forty thousand", "half a million",
//! "a dozen"), and the shares written as fractions ("two-thirds", "nine in ten").

use rust_decimal::Decimal;

use super::cursor::Cursor;
use super::quantity::Written;
use crate::prose::{Tok, words};
use crate::source::Span;

/// Figures longer than this are not quantities (and would overflow a Decimal).
const MAX_DIGITS: usize = 24;

/// What letters glued to a figure's digits say ("100m", "21st", "10pc").
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Suffix {
    None,
    /// A scale that needs a currency to be one: "m" and "k" alone are metres and kilo-.
    Scale {
        factor: Decimal,
        needs_currency: bool,
    },
    Percent,
    /// "50p": pence, a hundredth of a pound.
    Pence,
    Ordinal,
    TimeOfDay,
    Decade,
    Measure(&'static str),
    /// Letters that make it a name or a code ("3D", "4G").
    Label,
}

/// A figure read at a token index.
#[derive(Clone, Debug)]
pub(crate) struct Figure {
    pub value: Decimal,
    /// Token index of the first token of the figure.
    pub first: usize,
    /// Token index just past the figure, scale word included.
    pub next: usize,
    pub written: Written,
    pub scale: Option<Span>,
    /// The factor of the scale word or suffix applied; one if none.
    pub factor: Decimal,
    pub suffix: Suffix,
    /// A bare integer: no separators, decimals, scale or "dozen" ("61", "five").
    pub plain_int: bool,
    /// Set for shares written as fractions: the value is a percentage.
    pub is_share: bool,
}

/// Parses digits with `,` or thin-space separators and a decimal point.
pub(crate) fn parse_digits(s: &str) -> Option<Decimal> {
    let mut clean = String::with_capacity(s.len());
    let mut digits = 0;
    let mut fraction = None;
    for c in s.chars() {
        match c {
            '0'..='9' => {
                digits += 1;
                clean.push(c);
            }
            '.' => clean.push('.'),
            ',' | '\u{a0}' | '\u{202f}' | '\u{2009}' => {}
            '½' | '¼' | '¾' if fraction.is_none() => fraction = Some(c),
            _ => return None,
        }
    }
    if digits == 0 || digits > MAX_DIGITS {
        return None;
    }
    let whole: Decimal = clean.parse().ok()?;
    // "2½": the tokenizer glues a vulgar fraction only to plain digits.
    whole.checked_add(match fraction {
        Some('½') => Decimal::new(5, 1),
        Some('¼') => Decimal::new(25, 2),
        Some('¾') => Decimal::new(75, 2),
        _ => Decimal::ZERO,
    })
}

pub(crate) fn scale_word(w: &str) -> Option<Decimal> {
    let mut buf = [0u8; 24];
    Some(match words::lower(w, &mut buf)? {
        "hundred" => Decimal::from(100),
        "thousand" => Decimal::from(1_000),
        "million" | "mln" | "mn" => Decimal::from(1_000_000),
        "billion" | "bln" | "bn" => Decimal::from(1_000_000_000u64),
        "trillion" | "tn" | "trn" => Decimal::from(1_000_000_000_000u64),
        // Rupiah and won run to quadrillions: "Rp3.2 quadrillion".
        "quadrillion" => Decimal::from(1_000_000_000_000_000u64),
        _ => return None,
    })
}

fn classify_suffix(suffix: &str, digits: &str) -> Suffix {
    let mut buf = [0u8; 24];
    let Some(s) = words::lower(suffix, &mut buf) else {
        return Suffix::Label;
    };
    let scale = |n: u64, needs_currency| Suffix::Scale {
        factor: Decimal::from(n),
        needs_currency,
    };
    match s {
        "m" => scale(1_000_000, true),
        "mn" | "mln" => scale(1_000_000, false),
        "b" => scale(1_000_000_000, true),
        "bn" | "bln" => scale(1_000_000_000, false),
        "tn" | "trn" => scale(1_000_000_000_000, false),
        "k" => scale(1_000, true),
        "pc" => Suffix::Percent,
        "p" if digits.bytes().all(|b| b.is_ascii_digit()) => Suffix::Pence,
        "st" | "nd" | "rd" | "th" => Suffix::Ordinal,
        "am" | "pm" | "hrs" | "gmt" | "bst" | "utc" => Suffix::TimeOfDay,
        "s" if digits.len() == 4 && digits.ends_with('0') || digits.len() == 2 => Suffix::Decade,
        "km" => Suffix::Measure("km"),
        "kg" => Suffix::Measure("kg"),
        "cm" => Suffix::Measure("cm"),
        "mm" => Suffix::Measure("mm"),
        "ft" => Suffix::Measure("ft"),
        "mph" => Suffix::Measure("mph"),
        "kph" | "kmh" => Suffix::Measure("km/h"),
        "lb" | "lbs" => Suffix::Measure("lb"),
        "oz" => Suffix::Measure("oz"),
        // "5g of sugar", but "4G" and "5G" are network generations.
        "g" if suffix == "g" => Suffix::Measure("g"),
        "ml" => Suffix::Measure("ml"),
        "mg" => Suffix::Measure("mg"),
        "gb" => Suffix::Measure("GB"),
        "mb" => Suffix::Measure("MB"),
        "tb" => Suffix::Measure("TB"),
        "kb" => Suffix::Measure("kB"),
        "ghz" => Suffix::Measure("GHz"),
        "mhz" => Suffix::Measure("MHz"),
        "mw" => Suffix::Measure("MW"),
        "kw" => Suffix::Measure("kW"),
        "gw" => Suffix::Measure("GW"),
        "hp" | "bhp" => Suffix::Measure("hp"),
        "x" => Suffix::Measure("x"),
        _ => Suffix::Label,
    }
}

/// Reads a figure written in digits at token `i`.
pub(crate) fn digits_at(c: &Cursor, i: usize) -> Option<Figure> {
    let tok = c.tok(i)?;
    let text = tok.text(c.text);
    let (number, suffix) = match tok.kind {
        Tok::Num => (text, Suffix::None),
        Tok::AlNum if text.as_bytes()[0].is_ascii_digit() => {
            let cut = text.find(|ch: char| ch.is_alphabetic())?;
            let (num, letters) = text.split_at(cut);
            if letters.contains(|ch: char| ch.is_ascii_digit()) {
                return None;
            }
            (num, classify_suffix(letters, num))
        }
        _ => return None,
    };
    // "…123,0": the tail of a malformed or over-long number glued to it by
    // a comma is no figure of its own.
    if i >= 2
        && c.punct(i - 1, ',')
        && c.touches_prev(i)
        && c.touches_prev(i - 1)
        && c.kind(i - 2) == Some(Tok::Num)
    {
        return None;
    }
    let mut value = parse_digits(number)?;
    let mut next = i + 1;
    let whole = suffix == Suffix::None && number.bytes().all(|b| b.is_ascii_digit());
    if let Some((part, after)) = mixed_fraction(c, i).filter(|_| whole) {
        value += part;
        next = after;
    }
    let mut fig = Figure {
        value,
        first: i,
        next,
        written: Written::Digits,
        scale: None,
        factor: Decimal::ONE,
        suffix,
        plain_int: whole && next == i + 1,
        is_share: false,
    };
    let scaled = match suffix {
        Suffix::Scale {
            needs_currency: false,
            ..
        } => true,
        // "5.5m people", "2m jobs": a plural noun after "m" makes it millions;
        // "the 100m final", "a 2m wall" stay lengths.
        // "45k convicts": a thousand, likewise.
        Suffix::Scale { factor, .. } => {
            (factor == Decimal::from(1_000_000) || factor == Decimal::from(1_000))
                && c.word(i + 1).is_some_and(counted_plural)
        }
        _ => false,
    };
    if let (true, Suffix::Scale { factor, .. }) = (scaled, suffix) {
        fig.value = fig.value.checked_mul(factor)?;
        fig.factor = factor;
        fig.scale = Some(Span::new(tok.start + number.len(), tok.end));
        fig.suffix = Suffix::None;
        fig.plain_int = false;
    } else if suffix == Suffix::None {
        apply_scale_word(c, &mut fig)?;
    }
    Some(fig)
}

/// The fraction after a whole number, and the token after it: "2 1/2
/// miles", "2-1/2 miles", "2 ½ miles".
fn mixed_fraction(c: &Cursor, i: usize) -> Option<(Decimal, usize)> {
    let glued = |k: usize| c.touches_prev(k);
    let mut k = i + 1;
    if c.punct(k, '-') && glued(k) {
        k += 1;
    } else if glued(k) {
        return None;
    }
    let vulgar = match c.tok(k).map(|t| t.text(c.text)) {
        Some("½") => Some(Decimal::new(5, 1)),
        Some("¼") => Some(Decimal::new(25, 2)),
        Some("¾") => Some(Decimal::new(75, 2)),
        _ => None,
    };
    if let Some(part) = vulgar {
        return Some((part, k + 1));
    }
    let small = |k: usize| {
        (c.kind(k) == Some(Tok::Num))
            .then(|| c.str(k).parse::<u32>().ok())
            .flatten()
    };
    let (n, d) = (small(k)?, small(k + 2)?);
    let fraction = c.punct(k + 1, '/') && glued(k + 1) && glued(k + 2);
    (fraction && (1..d).contains(&n) && d <= 16)
        .then(|| (Decimal::from(n) / Decimal::from(d), k + 3))
}

/// A plural noun that things are counted in, not a length's event or unit
/// ("hurdles", "metres").
fn counted_plural(w: &str) -> bool {
    let mut buf = [0u8; 24];
    let Some(lw) = words::lower(w, &mut buf) else {
        return false;
    };
    (lw.len() > 3
        && lw.ends_with('s')
        && !lw.ends_with("ss")
        && !words::is_np_stop(lw)
        && !matches!(
            lw,
            "hurdles" | "metres" | "meters" | "relays" | "heats" | "finals" | "semis" | "rounds"
        ))
        || matches!(
            lw,
            "people" | "men" | "women" | "children" | "staff" | "personnel" | "cattle" | "sheep"
        )
}

/// "1.2 million", "forty thousand": a scale word after the figure.
fn apply_scale_word(c: &Cursor, fig: &mut Figure) -> Option<()> {
    let Some(w) = c.word(fig.next) else {
        return Some(());
    };
    let Some(factor) = scale_word(w) else {
        return Some(());
    };
    // "100 hundred" is not how news writes numbers; "two hundred" is words.
    if fig.written == Written::Digits && factor == Decimal::from(100) {
        return Some(());
    }
    fig.value = fig.value.checked_mul(factor)?;
    fig.scale = Some(c.span(fig.next, fig.next));
    fig.factor = factor;
    fig.plain_int = false;
    fig.next += 1;
    Some(())
}

fn unit_word(w: &str) -> Option<u32> {
    let mut buf = [0u8; 24];
    Some(match words::lower(w, &mut buf)? {
        "zero" => 0,
        "one" => 1,
        "two" => 2,
        "three" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        "seven" => 7,
        "eight" => 8,
        "nine" => 9,
        "ten" => 10,
        "eleven" => 11,
        "twelve" => 12,
        "thirteen" => 13,
        "fourteen" => 14,
        "fifteen" => 15,
        "sixteen" => 16,
        "seventeen" => 17,
        "eighteen" => 18,
        "nineteen" => 19,
        _ => return None,
    })
}

fn tens_word(w: &str) -> Option<u32> {
    let mut buf = [0u8; 24];
    Some(match words::lower(w, &mut buf)? {
        "twenty" => 20,
        "thirty" => 30,
        "forty" => 40,
        "fifty" => 50,
        "sixty" => 60,
        "seventy" => 70,
        "eighty" => 80,
        "ninety" => 90,
        _ => return None,
    })
}

/// 1–99 written as one word: "seven", "forty", "twenty-five".
pub(crate) fn small_number(w: &str) -> Option<u32> {
    if let Some(n) = unit_word(w).or_else(|| tens_word(w)) {
        return Some(n);
    }
    let (tens, unit) = w.split_once(['-', '‑'])?;
    let t = tens_word(tens)?;
    let u = unit_word(unit).filter(|&u| (1..10).contains(&u))?;
    Some(t + u)
}

/// A fraction word: "half", "third", "two-thirds", "three-quarters".
fn fraction_word(w: &str) -> Option<(u32, u32)> {
    let mut buf = [0u8; 24];
    let lw = words::lower(w, &mut buf)?;
    let denom = |d: &str| -> Option<u32> {
        Some(match d {
            "half" | "halves" => 2,
            "third" | "thirds" => 3,
            "quarter" | "quarters" | "fourth" | "fourths" => 4,
            "fifth" | "fifths" => 5,
            "tenth" | "tenths" => 10,
            _ => return None,
        })
    };
    if let Some(d) = denom(lw) {
        return Some((1, d));
    }
    let (num, den) = lw.split_once('-')?;
    Some((unit_word(num)?, denom(den)?))
}

/// Reads a number written in words at token `i`: "forty thousand", "a
/// thousand", "a dozen", "half a million", "one and a half million",
/// "two hundred and fifty". Bare "one" and "a" are not figures.
pub(crate) fn words_at(c: &Cursor, i: usize) -> Option<Figure> {
    let w0 = c.word(i)?;
    // "half a million", "half a dozen"
    if w0.eq_ignore_ascii_case("half") && c.is(i + 1, "a") {
        let factor = c
            .word(i + 2)
            .and_then(scale_word)
            .or_else(|| c.is(i + 2, "dozen").then(|| Decimal::from(12)))?;
        return Some(words_figure(
            i,
            i + 3,
            factor / Decimal::TWO,
            Some((c.span(i + 2, i + 2), factor)),
        ));
    }
    // "an hour and 45 minutes", "just over an hour": one hour.
    // Not the period of a rate: "$15 an hour", "£2 million an hour".
    let after_figure = i > c.lo
        && (matches!(c.kind(i - 1), Some(Tok::Num | Tok::AlNum))
            || c.word(i - 1)
                .is_some_and(|w| scale_word(w).is_some() || super::units::is_currency_word(w)));
    if (w0.eq_ignore_ascii_case("a") || w0.eq_ignore_ascii_case("an"))
        && c.is(i + 1, "hour")
        && !after_figure
    {
        let mut fig = words_figure(i, i + 1, Decimal::ONE, None);
        fig.plain_int = true;
        return Some(fig);
    }
    let mut j = i;
    let mut total = Decimal::ZERO;
    let mut current = Decimal::ZERO;
    let mut terms = 0;
    let mut leading_a = false;
    if (w0.eq_ignore_ascii_case("a") || w0.eq_ignore_ascii_case("an"))
        && c.word(i + 1)
            .is_some_and(|w| scale_word(w).is_some() || w.eq_ignore_ascii_case("dozen"))
    {
        current = Decimal::ONE;
        leading_a = true;
        j += 1;
    }
    let mut last_scale = None;
    while let Some(w) = c.word(j) {
        if let Some(n) = small_number(w) {
            // "twenty five" and "two hundred ten" continue; "two three" does not.
            let hundred = Decimal::from(100);
            let joins = current.is_zero()
                || (current % hundred).is_zero()
                || n < 10
                    && (current % Decimal::TEN).is_zero()
                    && current % hundred >= Decimal::from(20);
            if !joins {
                break;
            }
            current += Decimal::from(n);
            terms += 1;
            j += 1;
        } else if w.eq_ignore_ascii_case("dozen") && (terms > 0 || leading_a) {
            current = current.max(Decimal::ONE) * Decimal::from(12);
            terms += 1;
            j += 1;
        } else if let Some(factor) = scale_word(w).filter(|_| terms > 0 || leading_a) {
            if factor == Decimal::from(100) {
                current = current.max(Decimal::ONE).checked_mul(factor)?;
            } else {
                total = total.checked_add(current.max(Decimal::ONE).checked_mul(factor)?)?;
                current = Decimal::ZERO;
            }
            last_scale = Some((c.span(j, j), factor));
            terms += 1;
            j += 1;
        } else if w.eq_ignore_ascii_case("and") && terms > 0 {
            // "one and a half million", "two hundred and fifty"
            if c.is(j + 1, "a") && c.is(j + 2, "half") {
                current += Decimal::new(5, 1);
                j += 3;
            } else if c.word(j + 1).and_then(small_number).is_some()
                && current >= Decimal::from(100)
            {
                j += 1;
            } else {
                break;
            }
        } else {
            break;
        }
    }
    if terms == 0 {
        return None;
    }
    let value = total + current;
    // A lone "one" is a pronoun far more often than a figure; "one-year-old"
    // (a compound the tokenizer split) is a figure.
    // "one hour and 45 minutes" is a figure.
    let of_time = || ["hour", "minute", "day", "week"].iter().any(|u| c.is(j, u));
    // "one pilot and four passengers": a count listed with another.
    let listed = || {
        (1..=3).any(|k| {
            c.is(j + k, "and")
                && (0..k).all(|m| {
                    c.word(j + m)
                        .is_some_and(|w| w.starts_with(char::is_lowercase))
                })
                && (c.kind(j + k + 1) == Some(Tok::Num)
                    || c.word(j + k + 1).is_some_and(words::is_cardinal_word))
        })
    };
    if terms == 1
        && c.is(i, "one")
        && !(c.punct(j, '-') && c.touches_prev(j))
        && !of_time()
        && !listed()
    {
        return None;
    }
    let mut fig = words_figure(i, j, value, last_scale);
    // "five", "twenty-five": a bare integer like "5", so "aged five" and
    // "two-year-old" read as ages the way their digits do.
    fig.plain_int =
        last_scale.is_none() && value.fract().is_zero() && !(i..j).any(|k| c.is(k, "dozen"));
    Some(fig)
}

fn words_figure(
    first: usize,
    next: usize,
    value: Decimal,
    scale: Option<(Span, Decimal)>,
) -> Figure {
    Figure {
        value,
        first,
        next,
        written: Written::Words,
        scale: scale.map(|(s, _)| s),
        factor: scale.map_or(Decimal::ONE, |(_, f)| f),
        suffix: Suffix::None,
        plain_int: false,
        is_share: false,
    }
}

/// Denominators that make "N in D" a share rather than "2 in 2014".
fn share_denominator(d: Decimal) -> bool {
    [2, 3, 4, 5, 6, 7, 8, 9, 10, 12, 20, 25, 50, 100, 1000]
        .iter()
        .any(|&n| d == Decimal::from(n))
}

/// Whether "half" at `i` names a part of something rather than a share:
/// "the second half of the match", "the northern half of the city".
fn half_is_a_part(c: &Cursor, i: usize) -> bool {
    let Some(prev) = i.checked_sub(1).and_then(|k| c.word(k)) else {
        return false;
    };
    let mut buf = [0u8; 24];
    let Some(p) = words::lower(prev, &mut buf) else {
        return false;
    };
    matches!(
        p,
        "the"
            | "this"
            | "that"
            | "first"
            | "second"
            | "other"
            | "latter"
            | "former"
            | "each"
            | "every"
            | "either"
            | "top"
            | "bottom"
            | "upper"
            | "lower"
            | "back"
            | "front"
    ) || p.ends_with("ern")
}

/// A share written as a fraction at token `i`: "nine in ten", "one out of
/// five", "9 in 10", "two-thirds", "a third of", "half of", "three quarters of".
/// The value is a percentage.
pub(crate) fn share_at(c: &Cursor, i: usize) -> Option<Figure> {
    let share = |num: Decimal, den: Decimal, next: usize| {
        let value = num.checked_mul(Decimal::from(100))?.checked_div(den)?;
        Some(Figure {
            value: value.round_dp(2),
            first: i,
            next,
            written: super::quantity::Written::Fraction,
            scale: None,
            factor: Decimal::ONE,
            suffix: Suffix::None,
            plain_int: false,
            is_share: true,
        })
    };
    // "nine in ten", "1 out of 5"
    let num = match c.kind(i)? {
        Tok::Num => parse_digits(c.str(i)).filter(|_| c.str(i).bytes().all(|b| b.is_ascii_digit())),
        Tok::Word => c.word(i).and_then(small_number).map(Decimal::from),
        _ => None,
    };
    if let Some(num) = num {
        let after = if c.is(i + 1, "in") {
            Some(i + 2)
        } else if c.is_seq(i + 1, &["out", "of"]) {
            Some(i + 3)
        } else {
            None
        };
        if let Some(k) = after {
            let den = match c.kind(k) {
                Some(Tok::Num) => parse_digits(c.str(k)),
                Some(Tok::Word) => c.word(k).and_then(small_number).map(Decimal::from),
                _ => None,
            };
            if let Some(den) = den.filter(|d| share_denominator(*d) && num < *d && !num.is_zero()) {
                return share(num, den, k + 1);
            }
        }
    }
    // "two-thirds", "half of", "a third of"; "third" or "half" alone are not shares.
    let w = c.word(i)?;
    // "a third of", "a quarter of": the article is part of the figure.
    if c.is(i, "a") || c.is(i, "an") {
        let (n, d) = c.word(i + 1).and_then(fraction_word)?;
        let singular = n == 1 && d != 2 && !c.str(i + 1).ends_with('s');
        return (singular && c.is(i + 2, "of"))
            .then(|| share(Decimal::ONE, Decimal::from(d), i + 2))
            .flatten();
    }
    if let Some((n, d)) = fraction_word(w) {
        let ok = w.contains('-') || d == 2 && c.is(i + 1, "of") && !half_is_a_part(c, i);
        return if ok {
            share(Decimal::from(n), Decimal::from(d), i + 1)
        } else {
            None
        };
    }
    // "three quarters of", "one third of"
    if let Some(n) = unit_word(w).filter(|n| (1..10).contains(n)) {
        let (_, d) = c
            .word(i + 1)
            .and_then(fraction_word)
            .filter(|&(n1, d)| n1 == 1 && d > n)?;
        let plural = c.str(i + 1).ends_with('s');
        if plural == (n > 1) && c.is(i + 2, "of") {
            return share(Decimal::from(n), Decimal::from(d), i + 2);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn with<T>(text: &str, f: impl FnOnce(&Cursor) -> T) -> T {
        Cursor::over(text, |c, _| f(c))
    }

    fn words(text: &str) -> Option<(String, usize)> {
        with(text, |c| {
            words_at(c, 0).map(|f| (f.value.normalize().to_string(), f.next))
        })
    }

    #[test]
    fn numbers_in_words() {
        assert_eq!(words("forty thousand convicts"), Some(("40000".into(), 2)));
        assert_eq!(words("a thousand fighters"), Some(("1000".into(), 2)));
        assert_eq!(words("a dozen"), Some(("12".into(), 2)));
        assert_eq!(words("half a million"), Some(("500000".into(), 3)));
        assert_eq!(words("one and a half million"), Some(("1500000".into(), 5)));
        assert_eq!(
            words("two hundred and fifty people"),
            Some(("250".into(), 4))
        );
        assert_eq!(words("twenty-five men"), Some(("25".into(), 1)));
        assert_eq!(words("one of them"), None);
        assert_eq!(words("a man"), None);
        assert_eq!(words("one million"), Some(("1000000".into(), 2)));
    }

    #[test]
    fn fractions_are_shares() {
        let share = |t: &str| {
            with(t, |c| {
                share_at(c, 0).map(|f| f.value.normalize().to_string())
            })
        };
        assert_eq!(share("nine in ten"), Some("90".into()));
        assert_eq!(share("9 out of 10"), Some("90".into()));
        assert_eq!(share("two-thirds of"), Some("66.67".into()));
        assert_eq!(share("half of them"), Some("50".into()));
        assert_eq!(share("three quarters of"), Some("75".into()));
        assert_eq!(share("one third of"), Some("33.33".into()));
        assert_eq!(share("a third of"), Some("33.33".into()));
        assert_eq!(share("a quarter of"), Some("25".into()));
        assert_eq!(share("a third time"), None);
        assert_eq!(share("one thirds of"), None);
        assert_eq!(share("three quarter of"), None);
        assert_eq!(share("2 in 2014"), None);
        assert_eq!(share("half"), None);
        assert_eq!(share("third"), None);
        // "half of" after an ordinal or article names a part, not a share.
        let half_at_2 = |t: &str| with(t, |c| share_at(c, 2).is_some());
        assert!(!half_at_2("the second half of the match"));
        assert!(!half_at_2("the northern half of the city"));
        assert!(half_at_2("more than half of them"));
    }

    #[test]
    fn vulgar_fractions_add_to_the_digits() {
        let v = |s: &str| parse_digits(s).map(|d| d.normalize().to_string());
        assert_eq!(v("2½"), Some("2.5".into()));
        assert_eq!(v("10¼"), Some("10.25".into()));
        assert_eq!(v("½½"), None);
    }

    #[test]
    fn m_before_a_counted_plural_is_millions() {
        let fig = |t: &str| {
            with(t, |c| {
                digits_at(c, 0).map(|f| (f.value.normalize().to_string(), f.suffix))
            })
        };
        assert_eq!(fig("5.5m people"), Some(("5500000".into(), Suffix::None)));
        assert_eq!(fig("2m jobs"), Some(("2000000".into(), Suffix::None)));
        assert!(matches!(fig("2m wall"), Some((v, Suffix::Scale { .. })) if v == "2"));
        assert!(matches!(fig("100m hurdles"), Some((v, Suffix::Scale { .. })) if v == "100"));
        assert_eq!(fig("4G"), Some(("4".into(), Suffix::Label)));
        assert_eq!(fig("5g"), Some(("5".into(), Suffix::Measure("g"))));
    }
}
