//! Figures that are not quantities: model names ("F-16", "Boeing 737",
//! "737 MAX"), codes ("COVID-19", "G7"), times of day, phone numbers, list
//! numbering, "No. 10", "24/7", scores ("3-0"). The tokenizer already keeps
//! URLs and letter-digit codes out.

use super::cursor::Cursor;
use super::figure::Figure;
use crate::prose::{Tok, words};

/// Capitalized words that often stand before a figure without naming it.
fn capital_before_count(w: &str) -> bool {
    let mut buf = [0u8; 24];
    let Some(lw) = words::lower(w, &mut buf) else {
        return false;
    };
    words::is_np_stop(lw)
        || words::month(lw).is_some()
        || words::weekday(lw).is_some()
        || matches!(
            lw,
            "kills"
                | "killed"
                | "says"
                | "has"
                | "had"
                | "have"
                | "with"
                | "hits"
                | "sees"
                | "adds"
                | "cuts"
                | "loses"
                | "wins"
                | "gets"
                | "makes"
                | "takes"
                | "reaches"
                | "nearly"
                | "almost"
                | "around"
                | "some"
                | "over"
                | "about"
                | "just"
                | "another"
                | "only"
                | "top"
                | "tops"
                | "record"
                | "raises"
                | "seeks"
                | "needs"
                | "pays"
                | "spends"
                | "sends"
                | "deploys"
                | "recruits"
                | "by"
                | "aged"
                | "age"
        )
}

/// Trailing all-caps words that make a number a model name ("737 MAX").
fn model_suffix(w: &str) -> bool {
    matches!(
        w,
        "MAX" | "XL" | "XT" | "GT" | "GTI" | "RS" | "SE" | "LE" | "PRO" | "MINI" | "DS"
    )
}

/// Whether the digits figure at `fig.first` is not a quantity. `sentence_start`
/// is the first token of the sentence; `has_currency` says money came before.
pub(crate) fn is_not_quantity(c: &Cursor, fig: &Figure, has_currency: bool) -> bool {
    let i = fig.first;
    let next = fig.next;
    if has_currency {
        return false;
    }
    // "F-16", "COVID-19", "Su-25": a code glued to the number by a hyphen.
    if i >= c.lo + 2
        && c.touches_prev(i)
        && c.punct(i - 1, '-')
        && c.touches_prev(i - 1)
        && matches!(c.kind(i - 2), Some(Tok::Word | Tok::AlNum))
    {
        return true;
    }
    // "#1", "+44 20 7946 0958"
    if i > c.lo && c.touches_prev(i) && matches!(c.kind(i - 1), Some(Tok::Punct('#' | '+'))) {
        return true;
    }
    // "No. 10", "No 10", "number 10"
    if i > c.lo && (c.is(i - 1, "number") || c.is(i - 1, "no") && c.starts_upper(i - 1))
        || i > c.lo + 1 && c.punct(i - 1, '.') && c.word(i - 2) == Some("No")
    {
        return true;
    }
    let text = c.str(i);
    // Phone numbers and codes: "0800", "020 7946 0958".
    if fig.plain_int && text.len() >= 3 && text.starts_with('0') {
        return true;
    }
    // Times of day: "10:30", "3 p.m.", "1300 GMT".
    if c.punct(next, ':')
        && c.touches_prev(next)
        && c.kind(next + 1) == Some(Tok::Num)
        && c.touches_prev(next + 1)
    {
        return true;
    }
    if let Some(w) = c.word(next) {
        let mut buf = [0u8; 24];
        if matches!(
            words::lower(w, &mut buf),
            Some(
                "am" | "pm"
                    | "gmt"
                    | "bst"
                    | "utc"
                    | "est"
                    | "edt"
                    | "pst"
                    | "cet"
                    | "hrs"
                    | "o'clock"
                    | "o’clock"
            )
        ) || (w == "a" || w == "p") && c.punct(next + 1, '.') && c.is(next + 2, "m")
        {
            return true;
        }
    }
    // "24/7", "9/11", "1/2"
    if c.punct(next, '/') && c.touches_prev(next) && c.kind(next + 1) == Some(Tok::Num)
        || i > c.lo + 1
            && c.punct(i - 1, '/')
            && c.touches_prev(i)
            && c.kind(i - 2) == Some(Tok::Num)
    {
        return true;
    }
    // List numbering: "1." or "2)" at the start of a line.
    if c.at_line_start(i)
        && (c.punct(next, '.') || c.punct(next, ')'))
        && c.touches_prev(next)
        && c.tok(next + 1)
            .is_none_or(|t| t.gap != crate::prose::Gap::None)
    {
        return true;
    }
    if fig.plain_int {
        // "Boeing 737", "Windows 95", "Chelsea 2": a name before a bare number.
        if i > c.lo
            && !c.touches_prev(i)
            && c.kind(i - 1) == Some(Tok::Word)
            && c.starts_upper(i - 1)
            && i - 1 > c.lo
            && !capital_before_count(c.str(i - 1))
            && !c.punct(i - 2, ',')
        {
            return true;
        }
        // "737 MAX"
        if c.word(next).is_some_and(model_suffix) {
            return true;
        }
    }
    false
}
