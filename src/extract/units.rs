//! The words around a figure that give it a unit, a period or a qualifier:
//! currency before or after, percent, "a month", "10 months", "61-year-old",
//! "about", "more than", "or more".

use super::cursor::Cursor;
use super::quantity::{Approx, Currency, Period, Qualifier, Unit};
use crate::prose::{Tok, words};
use crate::source::Span;

/// A currency written before the figure: "$", "US$", "£", "\$" (Markdown
/// escape), "USD ". Returns the currency, the first token of the money
/// expression and the token where the figure starts.
pub(crate) fn currency_before(c: &Cursor, i: usize) -> Option<(Currency, usize, usize)> {
    let mut k = i;
    if c.punct(k, '\\') && c.tok(k + 1).is_some_and(|t| t.start == c.toks[k].end) {
        k += 1;
    }
    let tok = c.tok(k)?;
    let symbol = match tok.kind {
        Tok::Punct(ch @ ('$' | '£' | '€' | '¥' | '₹' | '₽' | '₩')) => ch,
        Tok::Word => {
            let code = tok.text(c.text);
            let known = [
                "USD", "EUR", "GBP", "JPY", "CNY", "INR", "RUB", "CHF", "AUD", "CAD", "KES", "IDR",
                "MYR", "KRW", "BRL", "PKR", "NGN", "ZAR", "HKD", "SGD", "NZD", "SEK", "NOK", "DKK",
                "MXN", "AED", "SAR", "TRY", "PLN",
            ];
            // Local abbreviations written before an amount: "KSh 35 million", "Rp3.8 billion".
            let local = match code {
                "KSh" | "Ksh" => Some(Currency(*b"KES")),
                "Rp" => Some(Currency(*b"IDR")),
                "RM" => Some(Currency(*b"MYR")),
                _ => None,
            };
            let cur = local.or_else(|| {
                known
                    .contains(&code)
                    .then(|| Currency::parse(code))
                    .flatten()
            });
            if let Some(cur) = cur
                && c.kind(k + 1) == Some(Tok::Num)
                && (!c.touches_prev(k + 1) || local.is_some())
            {
                return Some((cur, i, k + 1));
            }
            return None;
        }
        _ => return None,
    };
    let mut cur = match symbol {
        '$' => Currency::USD,
        '£' => Currency::GBP,
        '€' => Currency::EUR,
        '¥' => Currency(*b"JPY"),
        '₹' => Currency(*b"INR"),
        '₩' => Currency(*b"KRW"),
        _ => Currency(*b"RUB"),
    };
    let mut first = i;
    let dollar_of = |country: Option<&str>| match country {
        Some("US" | "U.S") => Some(Currency::USD),
        Some("A" | "AU") => Some(Currency(*b"AUD")),
        Some("C" | "CA" | "Can") => Some(Currency(*b"CAD")),
        Some("NZ") => Some(Currency(*b"NZD")),
        Some("HK") => Some(Currency(*b"HKD")),
        Some("S") => Some(Currency(*b"SGD")),
        Some("R") => Some(Currency(*b"BRL")),
        _ => None,
    };
    // "US$", "A$", "HK$": a country prefix glued to the dollar sign.
    if symbol == '$'
        && k == i
        && c.touches_prev(k)
        && let Some(p) = dollar_of(c.word(k - 1))
    {
        cur = p;
        first = k - 1;
    }
    // "$US3.6 million", "$A50": the country written after the sign, as
    // Australian and Bloomberg copy does.
    let mut fig = k + 1;
    if symbol == '$'
        && c.touches_prev(k + 1)
        && c.kind(k + 2) == Some(Tok::Num)
        && let Some(p) = dollar_of(c.word(k + 1))
    {
        cur = p;
        fig = k + 2;
    }
    // "$ 100" is rare but real; "$" before a word is not money.
    match c.kind(fig) {
        Some(Tok::Num | Tok::AlNum) | Some(Tok::Word) => Some((cur, first, fig)),
        _ => None,
    }
}

/// A currency named after the figure: "100 million dollars", "£5 pounds".
/// Whether a word names a currency after its figure ("15 dollars").
pub(crate) fn is_currency_word(w: &str) -> bool {
    currency_word(w).is_some()
}

/// The currency a word after a figure names: "dollars", "pounds", "yen".
fn currency_word(w: &str) -> Option<Currency> {
    let mut buf = [0u8; 24];
    let w = words::lower(w, &mut buf)?;
    Some(match w {
        "dollars" | "dollar" => Currency::USD,
        "pounds" | "sterling" => Currency::GBP,
        "euros" | "euro" => Currency::EUR,
        "yen" => Currency(*b"JPY"),
        "yuan" | "renminbi" => Currency(*b"CNY"),
        "rupees" => Currency(*b"INR"),
        "roubles" | "rubles" => Currency(*b"RUB"),
        "francs" => Currency(*b"CHF"),
        _ => return None,
    })
}

pub(crate) fn currency_after(c: &Cursor, j: usize) -> Option<(Currency, usize)> {
    // "27.6 trillion won": after a scale word, "won" is no verb.
    if c.is(j, "won") && j > c.lo && c.word(j - 1).and_then(super::figure::scale_word).is_some() {
        return Some((Currency(*b"KRW"), j + 1));
    }
    let cur = currency_word(c.word(j)?)?;
    let next = if c.is(j, "pounds") && c.is(j + 1, "sterling") {
        j + 2
    } else {
        j + 1
    };
    Some((cur, next))
}

/// "%", "per cent", "percent", "pc", "percentage points" after the figure.
pub(crate) fn percent_after(c: &Cursor, j: usize) -> Option<(Unit, usize)> {
    if c.punct(j, '%') {
        return Some((Unit::Percent, j + 1));
    }
    if c.is(j, "percent") || c.is(j, "pc") {
        return Some((Unit::Percent, j + 1));
    }
    if c.is_seq(j, &["per", "cent"]) {
        return Some((Unit::Percent, j + 2));
    }
    if c.is(j, "percentage") && (c.is(j + 1, "points") || c.is(j + 1, "point")) {
        return Some((Unit::PercentagePoint, j + 2));
    }
    None
}

/// Whether the words from token `k` make "a year" a point in time, not a
/// rate: "a year ago", "a year earlier", "a year on, ...", "a month from now".
/// "On" and "from" usually start what the money is spent on or comes from
/// ("$100m a month on salaries", "£5m a year from the state"), so they mark
/// a point in time only where the phrase ends or a time word follows.
fn time_not_rate(c: &Cursor, k: usize) -> bool {
    let Some(w) = c.word(k) else { return false };
    let mut buf = [0u8; 24];
    match words::lower(w, &mut buf) {
        Some(
            "ago" | "earlier" | "later" | "before" | "after" | "since" | "previously" | "prior"
            | "back" | "of",
        ) => true,
        Some("on") => c.word(k + 1).is_none_or(|n| {
            let mut buf = [0u8; 24];
            matches!(words::lower(n, &mut buf), Some("from" | "since" | "and"))
        }),
        Some("from") => c.word(k + 1).is_some_and(|n| {
            let mut buf = [0u8; 24];
            matches!(
                words::lower(n, &mut buf),
                Some("now" | "today" | "then" | "that" | "this")
            )
        }),
        _ => false,
    }
}

/// Prepositions that make "in a month" a span, not a rate.
fn span_preposition(w: &str) -> bool {
    let mut buf = [0u8; 24];
    matches!(
        words::lower(w, &mut buf),
        Some(
            "in" | "within"
                | "for"
                | "over"
                | "during"
                | "by"
                | "than"
                | "under"
                | "throughout"
                | "last"
                | "past"
                | "next"
        )
    )
}

/// The period of a rate after a figure, skipping at most `skip` words:
/// "a month", "per year", "each month", "every week", "monthly",
/// "-a-month", "/month", "in aid each month".
pub(crate) fn period_after(c: &Cursor, j: usize, skip: usize) -> Option<(Period, Span, usize)> {
    for k in j..=j + skip {
        if let Some(found) = period_at(c, k) {
            // A span ("in a month") is not a rate.
            if k > j && c.word(k - 1).is_some_and(span_preposition) {
                return None;
            }
            return Some(found);
        }
        // Only plain words may stand between the figure and its period.
        match c.kind(k) {
            Some(Tok::Word)
                if !words::is_clause_break(c.str(k)) && !c.is(k, "and") && !c.is(k, "or") => {}
            _ => return None,
        }
    }
    None
}

fn period_at(c: &Cursor, k: usize) -> Option<(Period, Span, usize)> {
    let w = c
        .word(k)
        .or_else(|| (c.punct(k, '/') || c.punct(k, '-')).then_some(""))?;
    if w.is_empty() {
        // "$100/month", "-a-month"
        let p = c.word(k + 1)?;
        if c.touches_prev(k + 1) {
            if let Some(period) = Period::parse(p) {
                return Some((period, c.span(k, k + 1), k + 2));
            }
            if let Some(rest) = p.strip_prefix("a-").or_else(|| p.strip_prefix("per-")) {
                return Period::parse(rest).map(|period| (period, c.span(k, k + 1), k + 2));
            }
        }
        return None;
    }
    let mut buf = [0u8; 24];
    let lw = words::lower(w, &mut buf)?;
    match lw {
        "a" | "an" | "per" | "each" | "every" => {
            let p = Period::parse(c.word(k + 1)?)?;
            if matches!(lw, "a" | "an") && time_not_rate(c, k + 2) {
                return None;
            }
            // "a years" is not English; the period word must be singular.
            if c.str(k + 1).ends_with('s') && !c.is(k + 1, "annum") {
                return None;
            }
            Some((p, c.span(k, k + 1), k + 2))
        }
        "monthly" | "annually" | "yearly" | "weekly" | "daily" | "hourly" | "quarterly" => {
            Period::parse(lw).map(|p| (p, c.span(k, k), k + 1))
        }
        "a-month" | "a-year" | "a-week" | "a-day" | "per-month" | "per-year" => {
            let p = Period::parse(lw.rsplit('-').next()?)?;
            Some((p, c.span(k, k), k + 1))
        }
        _ => None,
    }
}

/// A duration unit straight after the figure: "10 months", "two weeks",
/// "10-month". Returns the unit and the index after it.
pub(crate) fn duration_after(c: &Cursor, j: usize) -> Option<(Period, usize)> {
    if let Some(w) = c.word(j) {
        return Period::parse(w)
            .filter(|_| {
                !matches!(
                    w.to_ascii_lowercase().as_str(),
                    "monthly"
                        | "annually"
                        | "yearly"
                        | "weekly"
                        | "daily"
                        | "hourly"
                        | "quarterly"
                        | "annual"
                        | "annum"
                )
            })
            .map(|p| (p, j + 1));
    }
    if c.punct(j, '-') && c.touches_prev(j) && c.touches_prev(j + 1) {
        let w = c.word(j + 1)?;
        let head = w.split('-').next()?;
        return Period::parse(head).map(|p| (p, j + 2));
    }
    None
}

/// "61-year-old", "61 years old", "61-year old": an age after the figure.
pub(crate) fn age_after(c: &Cursor, j: usize) -> Option<usize> {
    if c.punct(j, '-') && c.touches_prev(j) {
        let w = c.word(j + 1)?.to_ascii_lowercase();
        if w == "year-old" || w == "years-old" {
            return Some(j + 2);
        }
        if (w == "year" || w == "years") && c.is(j + 2, "old") {
            return Some(j + 3);
        }
        return None;
    }
    if (c.is(j, "years") || c.is(j, "year")) && c.is(j + 1, "old") {
        return Some(j + 2);
    }
    None
}

const BEFORE: &[(&[&str], Approx)] = &[
    (&["slightly", "more", "than"], Approx::MoreThan),
    (&["no", "more", "than"], Approx::AtMost),
    (&["no", "fewer", "than"], Approx::AtLeast),
    (&["no", "less", "than"], Approx::AtLeast),
    (&["as", "many", "as"], Approx::UpTo),
    (&["as", "much", "as"], Approx::UpTo),
    (&["in", "excess", "of"], Approx::MoreThan),
    (&["more", "than"], Approx::MoreThan),
    (&["fewer", "than"], Approx::LessThan),
    (&["less", "than"], Approx::LessThan),
    (&["at", "least"], Approx::AtLeast),
    (&["at", "most"], Approx::AtMost),
    (&["up", "to"], Approx::UpTo),
    (&["close", "to"], Approx::Nearly),
    (&["upwards", "of"], Approx::MoreThan),
    (&["just", "over"], Approx::MoreThan),
    (&["well", "over"], Approx::MoreThan),
    (&["just", "under"], Approx::Nearly),
    (&["an", "estimated"], Approx::About),
    (&["estimated"], Approx::About),
    (&["about"], Approx::About),
    (&["around"], Approx::About),
    // "one of the top 20 largest banks": ranked 20th or higher.
    (&["top"], Approx::UpTo),
    (&["some"], Approx::About),
    (&["roughly"], Approx::About),
    (&["approximately"], Approx::About),
    (&["approx"], Approx::About),
    (&["circa"], Approx::About),
    (&["nearly"], Approx::Nearly),
    (&["almost"], Approx::Nearly),
    (&["over"], Approx::MoreThan),
    (&["above"], Approx::MoreThan),
    (&["under"], Approx::LessThan),
    (&["below"], Approx::LessThan),
];

/// A qualifier ending just before token `i`, and the token it starts at.
pub(crate) fn qualifier_before(c: &Cursor, i: usize) -> Option<(Qualifier, usize)> {
    if i > c.lo && matches!(c.kind(i - 1), Some(Tok::Punct('~' | '≈'))) {
        let q = Qualifier {
            approx: Approx::About,
            span: c.span(i - 1, i - 1),
        };
        return Some((q, i - 1));
    }
    for (phrase, approx) in BEFORE {
        let n = phrase.len();
        if i < c.lo + n {
            continue;
        }
        if c.is_seq(i - n, phrase) {
            let q = Qualifier {
                approx: *approx,
                span: c.span(i - n, i - 1),
            };
            return Some((q, i - n));
        }
    }
    None
}

/// A qualifier right after the figure: "or more", "or so", "+", "-plus", "-odd".
pub(crate) fn qualifier_after(c: &Cursor, j: usize) -> Option<(Qualifier, usize)> {
    let q = |approx, first: usize, last: usize| Qualifier {
        approx,
        span: c.span(first, last),
    };
    if c.punct(j, '+') && c.touches_prev(j) {
        return Some((q(Approx::AtLeast, j, j), j + 1));
    }
    if c.punct(j, '-') && c.touches_prev(j) && c.touches_prev(j + 1) {
        if c.is(j + 1, "plus") {
            return Some((q(Approx::MoreThan, j, j + 1), j + 2));
        }
        if c.is(j + 1, "odd") {
            return Some((q(Approx::About, j, j + 1), j + 2));
        }
    }
    if c.is(j, "or") {
        let approx = match c.word(j + 1).map(str::to_ascii_lowercase).as_deref() {
            Some("more") => Approx::AtLeast,
            Some("so") => Approx::About,
            Some("fewer" | "less") => Approx::AtMost,
            _ => return None,
        };
        // "10 or more people" yes; "10 or more than" no.
        if c.is(j + 2, "than") {
            return None;
        }
        return Some((q(approx, j, j + 1), j + 2));
    }
    None
}

/// What "and 45 minutes" or "and a half" after a number of hours adds to
/// it, in hours, and the token after it.
pub(crate) fn minutes_after(c: &Cursor, i: usize) -> Option<(rust_decimal::Decimal, usize)> {
    use rust_decimal::Decimal;
    // "1 hour 45 minutes" joins without "and" too.
    let and = c.is(i, "and");
    let i = if and { i + 1 } else { i };
    if and && c.is(i, "a") && c.is(i + 1, "half") {
        return Some((Decimal::new(5, 1), i + 2));
    }
    let minutes = match c.kind(i)? {
        Tok::Num => super::figure::parse_digits(c.str(i))?,
        Tok::Word => Decimal::from(super::figure::small_number(c.str(i))?),
        _ => return None,
    };
    let unit = c.word(i + 1)?;
    if !matches!(
        unit.to_ascii_lowercase().as_str(),
        "minute" | "minutes" | "mins"
    ) {
        return None;
    }
    Some((minutes / Decimal::from(60), i + 2))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The period of a rate read after the first token of `text`.
    fn period(text: &str) -> Option<&'static str> {
        Cursor::over(text, |c, _| {
            period_after(c, 1, 3).map(|(p, _, _)| p.as_str())
        })
    }

    #[test]
    fn on_and_from_after_a_period_usually_say_what_the_money_is_for() {
        assert_eq!(period("5m a month on salaries"), Some("month"));
        assert_eq!(period("5m a year from the state"), Some("year"));
        assert_eq!(period("5m a year on, the war"), None);
        assert_eq!(period("5m a year on from the deal"), None);
        assert_eq!(period("5m a year from now"), None);
        assert_eq!(period("5m a year ago"), None);
        assert_eq!(period("5m in a month"), None);
    }
}
