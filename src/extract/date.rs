//! Absolute dates: "Dec 22", "December 23, 2022", "22 December 2022",
//! "Dec. 22", "2022-12-22", "March 2022", "in November", and bare years.

use super::cursor::Cursor;
use super::figure::parse_digits;
use super::quantity::{DateParts, MonthPart, Period, Relative};
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
/// "Thursday", "on Thursday, Dec 22, 2022": a weekday, capitalized, with
/// the date that follows it if one does.
pub(crate) fn weekday_at(c: &Cursor, i: usize) -> Option<DateAt> {
    // "Thursday's briefing": the day of the briefing.
    let w = bare(c.word(i)?);
    if !c.starts_upper(i) || w.len() < 6 {
        return None;
    }
    let weekday = words::weekday(w)?;
    if weekday_in_name(c, i) {
        return None;
    }
    let after = if c.punct(i + 1, ',') { i + 2 } else { i + 1 };
    if let Some(d) = date_at(c, after).filter(|d| d.parts.day.is_some()) {
        let mut parts = d.parts;
        parts.weekday = Some(weekday);
        return Some(DateAt {
            parts,
            next: d.next,
        });
    }
    let parts = DateParts {
        weekday: Some(weekday),
        ahead: said_of_the_future(c, i),
        ..DateParts::default()
    };
    Some(DateAt { parts, next: i + 1 })
}

/// How many words before a weekday a future tense still governs it.
const FUTURE_REACH: usize = 10;

/// Whether the verb a weekday at `i` dates is in a future tense: "will
/// run out on Thursday", "is due to resurface Sunday", "they'll meet
/// Monday". Not past a comma or a word that opens another clause ("will
/// continue after it vanished on Sunday").
fn said_of_the_future(c: &Cursor, i: usize) -> bool {
    let mut j = i;
    let mut seen = 0;
    while j > c.lo && seen < FUTURE_REACH {
        j -= 1;
        let Some(w) = c.word(j) else {
            return false;
        };
        seen += 1;
        let is_any = |k: usize, list: &[&str]| list.iter().any(|x| c.is(k, x));
        if is_any(
            j,
            &[
                "after", "before", "since", "when", "that", "which", "who", "because", "and",
                "but", "as", "said", "says",
            ],
        ) {
            return false;
        }
        if is_any(j, &["will", "shall"]) || w.ends_with("'ll") || w.ends_with("’ll") {
            return true;
        }
        let planned = c.is(j, "to")
            && j > c.lo
            && is_any(
                j - 1,
                &[
                    "due",
                    "expected",
                    "set",
                    "scheduled",
                    "going",
                    "planned",
                    "plans",
                ],
            );
        if planned {
            return true;
        }
    }
    false
}

/// A word without its possessive: "Thursday's" is "Thursday", "week's" is "week".
fn bare(w: &str) -> &str {
    w.strip_suffix("'s")
        .or_else(|| w.strip_suffix("\u{2019}s"))
        .unwrap_or(w)
}

/// "Black Friday", "Super Tuesday", "the Sunday Times", "Monday Night
/// Football": a weekday that is part of a name, not a day of the week
/// before the writing. A preposition keeps it a day: "on Thursday
/// President Biden said".
fn weekday_in_name(c: &Cursor, i: usize) -> bool {
    let prev = i.checked_sub(1).and_then(|k| c.word(k));
    let named_day = prev.is_some_and(|p| {
        matches!(
            p,
            "Black"
                | "Cyber"
                | "Good"
                | "Holy"
                | "Easter"
                | "Palm"
                | "Ash"
                | "Maundy"
                | "Shrove"
                | "Whit"
                | "Super"
                | "Bloody"
                | "Blue"
                | "Giving"
        )
    });
    if named_day {
        return true;
    }
    let name_follows = c.word(i + 1).is_some_and(|n| {
        c.starts_upper(i + 1) && words::month(n).is_none() && !n.eq_ignore_ascii_case("the")
    });
    let timed = prev.is_some_and(|p| {
        let mut buf = [0u8; 24];
        matches!(
            words::lower(p, &mut buf),
            Some(
                "on" | "since"
                    | "by"
                    | "until"
                    | "till"
                    | "from"
                    | "before"
                    | "after"
                    | "last"
                    | "next"
                    | "this"
                    | "that"
                    | "early"
                    | "late"
                    | "said"
                    | "says"
                    | "told"
            )
        )
    });
    name_follows && !timed
}

/// A number of units written as a word or a figure: "a", "one", "two", "3".
fn few(c: &Cursor, i: usize) -> Option<u32> {
    if c.is(i, "a") || c.is(i, "an") || c.is(i, "the") {
        return Some(1);
    }
    match c.kind(i)? {
        Tok::Num => c.str(i).parse().ok().filter(|n: &u32| *n < 1000),
        Tok::Word => super::figure::small_number(c.str(i)),
        _ => None,
    }
}

/// "last month", "this week", "earlier this month", "in recent weeks", "the
/// past few months", "in the coming weeks", "yesterday", "a day after",
/// "two days before": a time stated relative to the writing. Returns it and
/// the token after it.
pub(crate) fn relative_at(c: &Cursor, i: usize) -> Option<(Relative, usize)> {
    let w = c.word(i)?;
    let mut buf = [0u8; 24];
    let lw = words::lower(w, &mut buf)?;
    // "last week", and "last week's talks": the talks of last week.
    let singular = |k: usize| {
        c.word(k)
            .map(bare)
            .filter(|u| !u.ends_with('s'))
            .and_then(Period::parse)
    };
    let plural = |k: usize| {
        c.word(k)
            .filter(|u| u.ends_with('s'))
            .and_then(Period::parse)
    };
    if let Some(r) = weekend_at(c, i, lw) {
        return Some((r, i + 2));
    }
    match lw {
        "yesterday" => return Some((Relative::Yesterday, i + 1)),
        "today" => return Some((Relative::Today, i + 1)),
        "tomorrow" => return Some((Relative::Tomorrow, i + 1)),
        // "the last week of November" is not last week.
        "last" | "this" | "next" if !c.is(i + 2, "of") => {
            if let Some(p) =
                singular(i + 1).filter(|p| matches!(p, Period::Week | Period::Month | Period::Year))
            {
                let r = match lw {
                    // "over the last month": the month up to the writing,
                    // not the calendar month before it.
                    "last" if i > c.lo && c.is(i - 1, "the") => Relative::Past(p),
                    "last" => Relative::Last(p),
                    "this" => Relative::This(p),
                    _ => Relative::Next(p),
                };
                return Some((r, i + 2));
            }
        }
        "earlier" if c.is(i + 1, "this") => {
            if let Some(p) = singular(i + 2) {
                return Some((Relative::EarlierThis(p), i + 3));
            }
        }
        // "later this month": some time in this month, after the writing.
        "later" if c.is(i + 1, "this") => {
            if let Some(p) =
                singular(i + 2).filter(|p| matches!(p, Period::Week | Period::Month | Period::Year))
            {
                return Some((Relative::This(p), i + 3));
            }
        }
        _ => {}
    }
    // "recent weeks", "past few weeks", "last few months", "past couple of days", "past month"
    let recent_at = |k: usize| -> Option<(Period, usize)> {
        let after = if c.is(k, "few") {
            k + 1
        } else if c.is_seq(k, &["couple", "of"]) {
            k + 2
        } else {
            k
        };
        plural(after).map(|p| (p, after + 1))
    };
    if lw == "recent" || lw == "past" || lw == "last" {
        if let Some((p, next)) = recent_at(i + 1).filter(|_| lw != "recent" || !c.is(i + 1, "few"))
        {
            return Some((Relative::Recent(p), next));
        }
        // "the past month": the last month up to the writing.
        let unit =
            singular(i + 1).filter(|p| matches!(p, Period::Week | Period::Month | Period::Year));
        if let (true, Some(p)) = (lw == "past", unit) {
            return Some((Relative::Past(p), i + 2));
        }
    }
    // "the coming weeks", "the next few days", "upcoming months"
    if matches!(lw, "coming" | "upcoming") || lw == "next" && c.is(i + 1, "few") {
        let k = if lw == "next" { i + 2 } else { i + 1 };
        if let Some(p) = plural(k) {
            return Some((Relative::Coming(p), k + 1));
        }
    }
    // "a day after", "two days before", "a week later"
    let n = few(c, i)?;
    let unit_word = c.word(i + 1)?;
    // "a day", "two days": not "the days after the vote", nor "one days".
    if unit_word.ends_with('s') != (n != 1) {
        return None;
    }
    let unit = Period::parse(unit_word).filter(|p| matches!(p, Period::Day | Period::Week))?;
    let days = i32::try_from(n).ok()? * if unit == Period::Week { 7 } else { 1 };
    // "after" and "later" look forward from their anchor, "before" and
    // "earlier" back.
    let forward = if c.is(i + 2, "after") || c.is(i + 2, "later") {
        true
    } else if c.is(i + 2, "before") || c.is(i + 2, "earlier") {
        false
    } else {
        return None;
    };
    // "The comments came a day after the US announced…": what came is the
    // news of the writing, so the clause after is dated from it. Elsewhere
    // ("completed two weeks before SVB announced…") it is the time between
    // two events, neither of them the writing. With no clause after
    // ("announced the day before", "two days later"), the sentence's own
    // event is the one so many days from the writing.
    let clause_after = (c.is(i + 2, "after") || c.is(i + 2, "before"))
        && !matches!(c.kind(i + 3), None | Some(Tok::Punct(_)));
    let news_came =
        i > c.lo && (c.is(i - 1, "came") || c.is(i - 1, "comes") || c.is(i - 1, "come"));
    if clause_after && !news_came {
        return None;
    }
    let days = if forward == clause_after { -days } else { days };
    Some((Relative::Offset(days), i + 3))
}

/// "on the 10th", "by the morning of the 15th,": a day of the month
/// alone, after "the" and a preposition, ending its phrase. Not "the 16th
/// biggest bank" or "of the 20th century", whose ordinal is a rank.
pub(crate) fn day_of_month_at(c: &Cursor, i: usize) -> Option<(Relative, usize)> {
    if c.kind(i)? != Tok::AlNum || i < c.lo + 2 || !c.is(i - 1, "the") {
        return None;
    }
    let d = day(c, i)?;
    let led = [
        "on", "of", "by", "until", "since", "from", "to", "before", "after",
    ]
    .iter()
    .any(|p| c.is(i - 2, p));
    let ends = match c.kind(i + 1) {
        None | Some(Tok::Punct(_)) => true,
        Some(_) => ["and", "or", "at", "when", "but"]
            .iter()
            .any(|w| c.is(i + 1, w)),
    };
    (led && ends).then_some((Relative::DayOfMonth(d), i + 1))
}

/// "the weekend", "last weekend", "this weekend": a Saturday and Sunday
/// near the writing. Not "the weekend of March 11", whose date is its own,
/// nor "a weekend" or "weekends", which are no particular one.
fn weekend_at(c: &Cursor, i: usize, lw: &str) -> Option<Relative> {
    let w = bare(c.word(i + 1)?);
    if !w.eq_ignore_ascii_case("weekend") || c.is(i + 2, "of") {
        return None;
    }
    match lw {
        "the" | "last" | "past" => Some(Relative::LastWeekend),
        "this" => Some(Relative::ThisWeekend),
        _ => None,
    }
}

pub(crate) fn date_at(c: &Cursor, i: usize) -> Option<DateAt> {
    // "mid-November", "early November", "late November"
    if let Some(d) = month_part_at(c, i) {
        return Some(d);
    }
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
                    parts: DateParts::new(Some(y), Some(m), Some(d)),
                    next: i + 5,
                });
            }
        }
        // "between 2019 and 2021", "2019-2021": two years, not a range of counts.
        if starts_year_span(c, i, y) {
            return Some(DateAt {
                parts: DateParts::new(Some(y), None, None),
                next: i + 1,
            });
        }
        return None;
    }
    // "22 December 2022", "22nd Dec", "the 22nd of December"
    if let Some(d) = day(c, i) {
        let of = c.kind(i) == Some(Tok::AlNum) && c.is(i + 1, "of");
        let (m, after) = month_at(c, if of { i + 2 } else { i + 1 })?;
        let (y, next) = match year(c, after) {
            Some(y) => (Some(y), after + 1),
            None => (None, after),
        };
        return Some(DateAt {
            parts: DateParts::new(y, Some(m), Some(d)),
            next,
        });
    }
    // "December 23, 2022", "Dec 22", "March 2022", "in November",
    // "December the 22nd"
    let (m, month_end) = month_at(c, i)?;
    let the_nth = c.is(month_end, "the") && c.kind(month_end + 1) == Some(Tok::AlNum);
    let after = if the_nth { month_end + 1 } else { month_end };
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
            parts: DateParts::new(y, Some(m), Some(d)),
            next,
        });
    }
    let after_comma = if c.punct(month_end, ',') {
        month_end + 1
    } else {
        month_end
    };
    if let Some(y) = year(c, after_comma) {
        return Some(DateAt {
            parts: DateParts::new(Some(y), Some(m), None),
            next: after_comma + 1,
        });
    }
    if month_alone_ok(c, i, m) {
        return Some(DateAt {
            parts: DateParts::new(None, Some(m), None),
            next: month_end,
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

/// "mid-November", "early-November", "late November", "early December 2022".
fn month_part_at(c: &Cursor, i: usize) -> Option<DateAt> {
    let w = c.word(i)?;
    let part_of = |p: &str| match p.to_ascii_lowercase().as_str() {
        "early" => Some(MonthPart::Early),
        "mid" => Some(MonthPart::Mid),
        "late" => Some(MonthPart::Late),
        _ => None,
    };
    let (part, month, next) = match w.split_once('-') {
        Some((p, m)) if m.chars().next().is_some_and(char::is_uppercase) => {
            (part_of(p)?, words::month(m)?, i + 1)
        }
        Some(_) => return None,
        None => {
            let part = part_of(w)?;
            let (m, next) = month_at(c, i + 1)?;
            (part, m, next)
        }
    };
    let (year, next) = match year(c, next) {
        Some(y) => (Some(y), next + 1),
        None => (None, next),
    };
    let parts = DateParts {
        part: Some(part),
        ..DateParts::new(year, Some(month), None)
    };
    Some(DateAt { parts, next })
}

/// Whether a bare four-digit number at `i` is a year rather than a count:
/// "in 2014", "the 2016 election", "a 2014 report", "2014 was", but not
/// "killed 2000 people".
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
                        | "a"
                        | "an"
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
