//! Absolute dates: "Dec 22", "December 23, 2022", "22 December 2022",
//! "Dec. 22", "2022-12-22", "March 2022", "in November", and bare years.

use super::cursor::Cursor;
use super::figure::parse_digits;
use super::quantity::DateParts;
use crate::prose::{Tok, words};

/// A date read at a token: its parts and the token index after it.
pub(crate) struct DateAt {
    pub parts: DateParts,
    pub next: usize,
}

fn day(c: &Cursor, i: usize) -> Option<u8> {
    let s = c.str(i);
    let digits = match c.kind(i)? {
        Tok::Num => s,
        Tok::AlNum => {
            let cut = s.find(|ch: char| ch.is_alphabetic())?;
            if !matches!(
                &s[cut..].to_ascii_lowercase()[..],
                "st" | "nd" | "rd" | "th"
            ) {
                return None;
            }
            &s[..cut]
        }
        _ => return None,
    };
    if digits.len() > 2 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let d: u8 = digits.parse().ok()?;
    (1..=31).contains(&d).then_some(d)
}

pub(crate) fn year(c: &Cursor, i: usize) -> Option<i16> {
    if c.kind(i)? != Tok::Num {
        return None;
    }
    let s = c.str(i);
    if s.len() != 4 || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let y: i16 = s.parse().ok()?;
    (1000..=2200).contains(&y).then_some(y)
}

/// A month name at `i`, capitalized (so "may" the verb is not May), with
/// the index after it and any abbreviation full stop.
fn month_at(c: &Cursor, i: usize) -> Option<(u8, usize)> {
    let w = c.word(i)?;
    if !c.starts_upper(i) {
        return None;
    }
    let m = words::month(w)?;
    let abbreviated = w.len() <= 4 && !matches!(w, "June" | "July" | "May");
    let next = if abbreviated && c.punct(i + 1, '.') && c.touches_prev(i + 1) {
        i + 2
    } else {
        i + 1
    };
    Some((m, next))
}

/// Words before a lone month name that make it a date, not a verb or a name.
fn month_alone_ok(c: &Cursor, i: usize, m: u8) -> bool {
    let prev = i.checked_sub(1).and_then(|k| c.word(k));
    let dated = prev.is_some_and(|p| {
        let mut buf = [0u8; 24];
        matches!(
            words::lower(p, &mut buf),
            Some(
                "in" | "since"
                    | "by"
                    | "until"
                    | "till"
                    | "from"
                    | "of"
                    | "last"
                    | "next"
                    | "early"
                    | "late"
                    | "mid"
                    | "this"
                    | "during"
                    | "before"
                    | "after"
                    | "through"
                    | "throughout"
                    | "between"
                    | "and"
                    | "to"
                    | "that"
                    | "on"
            )
        )
    });
    // "May" and "March" alone are too often a verb or a name.
    dated || !matches!(m, 3 | 5) && prev.is_none() && c.punct(i + 1, ',')
}

/// An absolute date starting at token `i`.
pub(crate) fn date_at(c: &Cursor, i: usize) -> Option<DateAt> {
    // 2022-12-22
    if let Some(y) = year(c, i) {
        let iso = c.punct(i + 1, '-')
            && c.touches_prev(i + 1)
            && c.touches_prev(i + 2)
            && c.punct(i + 3, '-');
        if iso && c.touches_prev(i + 3) && c.touches_prev(i + 4) {
            let m = parse_digits(c.str(i + 2)).and_then(|d| u8::try_from(d.mantissa()).ok());
            let d = day(c, i + 4);
            if let (Some(m @ 1..=12), Some(d)) = (m, d) {
                return Some(DateAt {
                    parts: DateParts {
                        year: Some(y),
                        month: Some(m),
                        day: Some(d),
                    },
                    next: i + 5,
                });
            }
        }
        // "between 2019 and 2021", "2019-2021": two years, not a range of counts.
        if starts_year_span(c, i, y) {
            return Some(DateAt {
                parts: DateParts {
                    year: Some(y),
                    month: None,
                    day: None,
                },
                next: i + 1,
            });
        }
        return None;
    }
    // "22 December 2022", "22nd Dec"
    if let Some(d) = day(c, i) {
        let (m, after) = month_at(c, i + 1)?;
        let (y, next) = match year(c, after) {
            Some(y) => (Some(y), after + 1),
            None => (None, after),
        };
        return Some(DateAt {
            parts: DateParts {
                year: y,
                month: Some(m),
                day: Some(d),
            },
            next,
        });
    }
    // "December 23, 2022", "Dec 22", "March 2022", "in November"
    let (m, after) = month_at(c, i)?;
    if let Some(d) = day(c, after).filter(|_| !c.punct(after + 1, '%')) {
        // "Dec 22, 2022" or "Dec 22 2022"
        let mut next = after + 1;
        let mut y = None;
        if c.punct(next, ',') && year(c, next + 1).is_some() {
            y = year(c, next + 1);
            next += 2;
        } else if let Some(yy) = year(c, next) {
            y = Some(yy);
            next += 1;
        }
        return Some(DateAt {
            parts: DateParts {
                year: y,
                month: Some(m),
                day: Some(d),
            },
            next,
        });
    }
    let after_comma = if c.punct(after, ',') {
        after + 1
    } else {
        after
    };
    if let Some(y) = year(c, after_comma) {
        return Some(DateAt {
            parts: DateParts {
                year: Some(y),
                month: Some(m),
                day: None,
            },
            next: after_comma + 1,
        });
    }
    if month_alone_ok(c, i, m) {
        return Some(DateAt {
            parts: DateParts {
                year: None,
                month: Some(m),
                day: None,
            },
            next: after,
        });
    }
    None
}

/// Whether the year `y` at `i` opens a span of years: "2019 to 2021",
/// "between 2019 and 2021", "2019-2021". Not "between 1990 and 2000 people",
/// where a noun after the second number makes both counts.
fn starts_year_span(c: &Cursor, i: usize, y: i16) -> bool {
    // "the 2019-2021 period": a tight hyphen after "the" joins years
    // whatever noun follows.
    let hyphen = matches!(c.kind(i + 1), Some(Tok::Punct('-' | '–')));
    let tight = hyphen && c.touches_prev(i + 1) && c.touches_prev(i + 2);
    let joined = c.is(i + 1, "to")
        || c.is(i + 1, "and") && i > c.lo && c.is(i - 1, "between")
        || hyphen && c.touches_prev(i + 1) == c.touches_prev(i + 2);
    let Some(end) = year(c, i + 2).filter(|_| joined) else {
        return false;
    };
    (1800..=2100).contains(&y)
        && (1800..=2100).contains(&end)
        && end > y
        && looks_like_year(c, i)
        && (!noun_follows(c, i + 3) || tight && i > c.lo && c.is(i - 1, "the"))
}

/// "2000 people": a plain lower-case word after a number makes it a count.
fn noun_follows(c: &Cursor, k: usize) -> bool {
    c.word(k)
        .is_some_and(|w| w.chars().next().is_some_and(char::is_lowercase) && !words::is_np_stop(w))
}

/// Whether a bare four-digit number at `i` is a year rather than a count:
/// "in 2014", "the 2016 election", "2014 was", but not "killed 2000 people".
pub(crate) fn looks_like_year(c: &Cursor, i: usize) -> bool {
    if year(c, i).is_none() || !(1800..=2100).contains(&year(c, i).unwrap_or(0)) {
        return false;
    }
    let prev_dates = i == c.lo
        || c.word(i - 1).is_some_and(|p| {
            let mut buf = [0u8; 24];
            let lw = words::lower(p, &mut buf).unwrap_or("");
            words::month(lw).is_some()
                || matches!(
                    lw,
                    "in" | "since"
                        | "by"
                        | "until"
                        | "till"
                        | "from"
                        | "of"
                        | "to"
                        | "before"
                        | "after"
                        | "during"
                        | "the"
                        | "early"
                        | "late"
                        | "mid"
                        | "and"
                        | "or"
                        | "between"
                        | "for"
                        | "through"
                        | "throughout"
                        | "circa"
                        | "spring"
                        | "summer"
                        | "autumn"
                        | "winter"
                        | "fall"
                        | "its"
                        | "their"
                        | "his"
                        | "her"
                        | "last"
                        | "this"
                        | "that"
                        | "on"
                        | "year"
                )
        })
        || matches!(c.kind(i - 1), Some(Tok::Punct(p)) if p != '$' && p != '£' && p != '€');
    if prev_dates {
        return true;
    }
    // "killed 2000 people": a plain lower-case word after reads as a count.
    !noun_follows(c, i + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn years(text: &str) -> Vec<usize> {
        Cursor::over(text, |c, toks| {
            (0..toks.len())
                .filter(|&i| year(c, i).is_some_and(|y| starts_year_span(c, i, y)))
                .collect()
        })
    }

    #[test]
    fn spans_of_years_are_dates_not_ranges() {
        assert_eq!(years("between 2019 and 2021 it grew"), vec![1]);
        assert_eq!(years("the 2019-2021 period"), vec![1]);
        assert_eq!(years("grew 2019 to 2021."), vec![1]);
        assert!(years("between 2000 and 3000 people").is_empty());
        assert!(years("between 1990 and 2000 people").is_empty());
        assert!(years("killed 1900-2000 people").is_empty());
        assert!(years("in 2021 to 2019").is_empty());
    }
}
