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

/// A lower-case word that makes the number after it a label, not a count:
/// "page 12", "pp. 12", "article 5", "section 230", "platform 9".
fn label_before(c: &Cursor, i: usize) -> bool {
    let k = if i > c.lo + 1 && c.punct(i - 1, '.') && c.touches_prev(i - 1) {
        i - 2
    } else {
        i.wrapping_sub(1)
    };
    let Some(w) = c.word(k) else { return false };
    let mut buf = [0u8; 24];
    matches!(
        words::lower(w, &mut buf),
        Some(
            "page"
                | "pages"
                | "p"
                | "pp"
                | "para"
                | "paragraph"
                | "chapter"
                | "section"
                | "article"
                | "clause"
                | "figure"
                | "fig"
                | "table"
                | "line"
                | "step"
                | "room"
                | "gate"
                | "platform"
                | "route"
                | "junction"
                | "exit"
                | "episode"
                | "season"
                | "round"
                | "stage"
                | "phase"
                | "level"
                | "grade"
                | "verse"
                | "row"
                | "seat"
                | "flight"
                | "channel"
                | "version"
                | "tier"
                | "category"
                | "division"
                | "zone"
                | "ward"
                | "district"
                | "lane"
                | "runway"
                | "terminal"
                | "volume"
                | "vol"
                | "issue"
                | "appendix"
                | "annex"
                | "amendment"
                | "resolution"
        )
    )
}

/// Words glued before a year by a hyphen: "mid-2022", "pre-2014".
fn time_prefix(w: &str) -> bool {
    let mut buf = [0u8; 24];
    matches!(
        words::lower(w, &mut buf),
        Some("mid" | "pre" | "post" | "early" | "late" | "end" | "start")
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
    // "F-16", "COVID-19", "Su-25": a code glued to the number by a hyphen;
    // but "mid-2022" and "pre-2014" are years.
    if i >= c.lo + 2
        && c.touches_prev(i)
        && c.punct(i - 1, '-')
        && c.touches_prev(i - 1)
        && matches!(c.kind(i - 2), Some(Tok::Word | Tok::AlNum))
        && !(time_prefix(c.str(i - 2)) && super::date::year(c, i).is_some())
    {
        return true;
    }
    // "#1", "+44 20 7946 0958"
    if i > c.lo && c.touches_prev(i) && matches!(c.kind(i - 1), Some(Tok::Punct('#' | '+'))) {
        return true;
    }
    // "No. 10", "No 10", "number 10", "page 12", "pp. 12-14", "article 5"
    if i > c.lo && (c.is(i - 1, "number") || c.is(i - 1, "no") && c.starts_upper(i - 1))
        || i > c.lo + 1 && c.punct(i - 1, '.') && c.word(i - 2) == Some("No")
        || fig.plain_int && label_before(c, i)
    {
        return true;
    }
    // "[1]", "[12]": a reference mark.
    if fig.plain_int
        && i > c.lo
        && c.punct(i - 1, '[')
        && c.touches_prev(i)
        && c.punct(next, ']')
        && c.touches_prev(next)
    {
        return true;
    }
    let text = c.str(i);
    // Phone numbers and codes: "0800", "020 7946 0958".
    if fig.plain_int && text.len() >= 3 && text.starts_with('0') {
        return true;
    }
    // "+44 20 7946 0958", "0800 123 456": bare digit groups side by side
    // are one code; prose never writes two counts with only a space between.
    let spaced = |k: usize| c.tok(k).is_some_and(|t| t.gap == crate::prose::Gap::Space);
    if fig.plain_int
        && (spaced(i) && is_digit_group(c, i.wrapping_sub(1))
            || spaced(next) && is_digit_group(c, next))
    {
        return true;
    }
    // Times of day: "10:30", "8:15am", "3 p.m.", "1300 GMT"; and the
    // minutes of "07:45".
    if c.time_colon(next) || i > c.lo && c.time_colon(i - 1) {
        return true;
    }
    // "v2.0", "iOS 17.2.1"-style versions: digits glued to a full stop glued to a word.
    if i >= c.lo + 2
        && c.touches_prev(i)
        && c.punct(i - 1, '.')
        && c.touches_prev(i - 1)
        && matches!(c.kind(i - 2), Some(Tok::Word | Tok::AlNum))
    {
        return true;
    }
    if fig.plain_int && (is_score(c, i) || is_second_of_pair(c, i)) {
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
        // "Boeing 737", "Windows 95", "iPhone 15": a name before a bare number.
        // First in a sentence any word is capitalized, so there the word must
        // also be one that cannot open a sentence before a count.
        if i > c.lo
            && !c.touches_prev(i)
            && c.kind(i - 1) == Some(Tok::Word)
            && c.str(i - 1).contains(char::is_uppercase)
            && !capital_before_count(c.str(i - 1))
            // "Brantwood's 850 staff": a possessive owns the figure, it does not name a model.
            && !(c.str(i - 1).ends_with("'s") || c.str(i - 1).ends_with("’s"))
            // "the Titan 1 hour and 45 minutes into": a unit after the
            // number measures; a model's number takes none.
            && super::units::duration_after(c, next).is_none()
            && super::measure::unit_after(c, next).is_none()
            && (i - 1 > c.lo && !c.punct(i - 2, ',')
                || i - 1 == c.lo && !opens_sentence_before_count(c, i))
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

/// Whether the first word of a sentence, just before the number at `i`,
/// may open a sentence about a count: "Roughly 70", "Another 20", "Yesterday 300".
fn opens_sentence_before_count(c: &Cursor, i: usize) -> bool {
    let w = c.str(i - 1);
    let mut buf = [0u8; 24];
    let Some(lw) = words::lower(w, &mut buf) else {
        return false;
    };
    lw.ends_with("ly")
        || super::units::qualifier_before(c, i).is_some()
        || matches!(
            lw,
            "another"
                | "today"
                | "yesterday"
                | "perhaps"
                | "maybe"
                | "meanwhile"
                | "separately"
                | "together"
                | "combined"
                | "exactly"
                | "precisely"
        )
}

/// A bare group of digits at `i`: no separators, decimals or letters.
fn is_digit_group(c: &Cursor, i: usize) -> bool {
    c.kind(i) == Some(Tok::Num) && c.str(i).bytes().all(|b| b.is_ascii_digit())
}

/// The number at `i` and one glued to it by a hyphen or en dash: "3-1", "1914–18".
fn pair_after<'a>(c: &Cursor<'a>, i: usize) -> Option<(&'a str, &'a str)> {
    let ok = matches!(c.kind(i + 1), Some(Tok::Punct('-' | '–')))
        && c.touches_prev(i + 1)
        && c.touches_prev(i + 2)
        && is_digit_group(c, i)
        && is_digit_group(c, i + 2);
    ok.then(|| (c.str(i), c.str(i + 2)))
}

/// "won 3-1", "a 2-0 win", "ruled 6-3", "lost 1-3": a score or a vote tally,
/// read at its first number. A pair whose first number is not the smaller
/// cannot be a range; one that is needs words of winning or losing around it.
fn is_score(c: &Cursor, i: usize) -> bool {
    let Some((a, b)) = pair_after(c, i) else {
        return false;
    };
    if a.len() > 3 || b.len() > 3 {
        return false;
    }
    let (x, y): (u32, u32) = match (a.parse(), b.parse()) {
        (Ok(x), Ok(y)) => (x, y),
        _ => return false,
    };
    if x >= y {
        return true;
    }
    let word_is = |k: usize, set: fn(&str) -> bool| {
        c.word(k).is_some_and(|w| {
            let mut buf = [0u8; 24];
            words::lower(w, &mut buf).is_some_and(set)
        })
    };
    let verb = |w: &str| {
        matches!(
            w,
            "won"
                | "win"
                | "wins"
                | "winning"
                | "lost"
                | "lose"
                | "loses"
                | "losing"
                | "beat"
                | "beats"
                | "beating"
                | "defeated"
                | "drew"
                | "draw"
                | "trailed"
                | "trailing"
                | "led"
                | "leading"
                | "thrashed"
                | "ruled"
                | "voted"
        )
    };
    let noun = |w: &str| {
        matches!(
            w,
            "win"
                | "victory"
                | "defeat"
                | "loss"
                | "draw"
                | "lead"
                | "scoreline"
                | "thrashing"
                | "triumph"
                | "home"
                | "away"
                | "vote"
                | "verdict"
                | "ruling"
                | "decision"
                | "majority"
        )
    };
    // The verb may stand before a team's name: "beat Chelsea 2-1"; a noun
    // after the pair makes it a range again: "won 50-60 seats".
    let before = i > c.lo
        && (word_is(i - 1, verb) || i > c.lo + 1 && c.starts_upper(i - 1) && word_is(i - 2, verb));
    let counted = c
        .word(i + 3)
        .is_some_and(|w| w.starts_with(|ch: char| ch.is_lowercase()) && !words::is_np_stop(w));
    before && !counted || word_is(i + 3, noun)
}

/// The second number of a hyphenated pair that was not read as a range:
/// the "1" of "3-1", the "23" of "the 2022-23 season". A span of two years,
/// "2019-2021", keeps its second year.
fn is_second_of_pair(c: &Cursor, i: usize) -> bool {
    if i < c.lo + 2 || pair_after(c, i - 2).is_none() {
        return false;
    }
    let years = super::date::year(c, i - 2).is_some() && super::date::year(c, i).is_some();
    !years
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::figure::digits_at;

    /// Whether the figure at the first occurrence of `at` in `text` is skipped.
    fn skipped(text: &str, at: &str) -> bool {
        Cursor::over(text, |c, toks| {
            let start = text.find(at).expect("test text holds the figure");
            let i = toks
                .iter()
                .position(|t| t.start == start)
                .expect("figure starts a token");
            let fig = digits_at(c, i).expect("a figure in digits");
            is_not_quantity(c, &fig, false)
        })
    }

    #[test]
    fn scores_and_tallies_are_not_ranges() {
        assert!(skipped("Arsenal won 3-1 at home", "3"));
        assert!(skipped("Arsenal won 3-1 at home", "1 "));
        assert!(skipped("the side lost 1-3 on Sunday", "1"));
        assert!(skipped("a 2-0 win", "2"));
        assert!(skipped("the court ruled 6-3", "6"));
        assert!(!skipped("the party won 50-60 seats", "50"));
        assert!(!skipped("children aged 5-11", "5"));
    }

    #[test]
    fn the_second_of_a_pair_stands_alone_only_as_a_year() {
        assert!(skipped("the 2022-23 season", "23"));
        assert!(!skipped("the 2019-2021 period", "2021"));
        assert!(skipped("In 1914–18 millions died", "18"));
    }

    #[test]
    fn codes_times_phones_and_labels() {
        assert!(skipped("at 10:30 today", "30"));
        assert!(skipped("call +44 20 7946 0958", "20"));
        assert!(skipped("call +44 20 7946 0958", "7946"));
        assert!(skipped("call 0800 123 456", "456"));
        assert!(skipped("moved to v2.0 today", "0"));
        assert!(skipped("see [2] below", "2"));
        assert!(skipped("see pp. 12-14", "12"));
        assert!(skipped("under article 5 allies", "5"));
        assert!(skipped("an iPhone 15 case", "15"));
        assert!(!skipped("fell to -5 degrees", "5"));
        assert!(!skipped("in mid-2022 prices", "2022"));
        assert!(skipped("Ukraine wants F-16 jets", "16"));
    }

    #[test]
    fn names_first_in_a_sentence() {
        assert!(skipped("Windows 95 was a hit", "95"));
        assert!(!skipped(
            "It lost the Titan 1 hour and 45 minutes into the dive",
            "1"
        ));
        assert!(!skipped("Kyiv 20 miles away", "20"));
        assert!(!skipped("Roughly 70 people came", "70"));
        assert!(!skipped("Another 50 were hurt", "50"));
        assert!(!skipped("Some 500 came", "500"));
    }
}
