//! Extraction: every quantity in a stretch of prose, with the grammar
//! around it, in one pass and without any knowledge of facts.
//!
//! Driven by the engine one window (a run of whole paragraphs) at a time,
//! so memory stays bounded whatever the file's size. Within a window the
//! text is tokenized once, split into sentences, and each sentence is read
//! left to right: a date, or a figure with its currency, scale, unit,
//! period, qualifier and range. Then [`syntax`] finds what each figure counts.

mod cursor;
mod date;
mod figure;
pub mod measure;
mod quantity;
mod skip;
mod syntax;
mod units;

use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;

pub(crate) use figure::small_number;
pub use quantity::{
    Approx, Base, Currency, DateParts, Kind, Member, MonthPart, Period, Qualifier, Quantity,
    Relative, Syntax, Unit, Written,
};

use crate::prose::{self, Tok, Token, words};
use crate::source::Span;
use cursor::Cursor;
use figure::{Figure, Suffix};
use syntax::{SentenceQuantities, TokRange};

/// Reusable buffers, so extraction allocates little per window.
#[derive(Default)]
pub struct Extractor {
    toks: Vec<Token>,
    ranges: Vec<TokRange>,
}

/// What one window of a document holds: its sentences and quantities.
#[derive(Debug, Default)]
pub struct Extraction {
    /// The index in the document of `quantities[0]`.
    pub first_index: usize,
    pub quantities: Vec<Quantity>,
    /// Every sentence of the window, with or without quantities.
    pub sentences: Vec<Span>,
}

impl Extraction {
    /// The quantity with document index `index`, if it is in this window.
    pub fn get(&self, index: usize) -> Option<&Quantity> {
        index
            .checked_sub(self.first_index)
            .and_then(|l| self.quantities.get(l))
    }
}

impl Extractor {
    /// Reads `text[window]` into `out` (cleared first), numbering quantities
    /// from `first_index`.
    pub fn extract_window(
        &mut self,
        text: &str,
        window: Span,
        first_index: usize,
        out: &mut Extraction,
    ) {
        out.first_index = first_index;
        out.quantities.clear();
        out.sentences.clear();
        self.extract(
            text,
            window,
            first_index,
            &mut out.quantities,
            Some(&mut out.sentences),
        );
    }

    /// The quantities of `text[window]`, numbered from `first_index`,
    /// appended to `out` in order; sentence spans go to `sentences` if asked.
    pub fn extract(
        &mut self,
        text: &str,
        window: Span,
        first_index: usize,
        out: &mut Vec<Quantity>,
        mut sentences: Option<&mut Vec<Span>>,
    ) {
        self.toks.clear();
        self.ranges.clear();
        prose::tokenize_into(text, window.start, window.end, &mut self.toks);
        let start_len = out.len();
        for sent in prose::sentences(text, &self.toks) {
            if let Some(list) = sentences.as_deref_mut() {
                list.push(Span::new(
                    self.toks[sent.start].start,
                    self.toks[sent.end - 1].end,
                ));
            }
            let c = Cursor {
                text,
                toks: &self.toks,
                lo: sent.start,
                hi: sent.end,
            };
            let first = out.len() - start_len;
            let mut i = c.lo;
            while i < c.hi {
                match read_at(&c, i) {
                    Some((q, range)) => {
                        i = range.next.max(i + 1);
                        out.push(q);
                        self.ranges.push(range);
                    }
                    None => i += 1,
                }
            }
            if out.len() - start_len > first {
                let mut sq = SentenceQuantities {
                    all: &mut out[start_len..],
                    toks: &self.ranges,
                    base_index: first_index,
                    first,
                };
                syntax::analyse(&c, &mut sq);
            }
        }
    }
}

/// A plain number such as "5", "2.5" or "50,000", as rules files write tolerances.
pub fn parse_number(s: &str) -> Option<Decimal> {
    figure::parse_digits(s)
}

/// All quantities of a whole text: a convenience for tests and `extract`.
pub fn extract(text: &str) -> Vec<Quantity> {
    let mut out = Vec::new();
    Extractor::default().extract(text, Span::new(0, text.len()), 0, &mut out, None);
    out
}

fn quantity(kind: Kind, value: Decimal, span: Span, figure: Span) -> Quantity {
    Quantity {
        span,
        figure,
        kind,
        value,
        high: None,
        unit: None,
        per: None,
        qualifier: None,
        written: Written::Digits,
        scale: None,
        date: None,
        relative: None,
        syntax: Syntax::default(),
    }
}

/// Whether token `i` can start a figure at all: a cheap test before parsing.
fn may_start(c: &Cursor, i: usize) -> bool {
    match c.kind(i) {
        Some(Tok::Num) => true,
        Some(Tok::AlNum) => c.str(i).as_bytes()[0].is_ascii_digit(),
        Some(Tok::Punct(p)) => matches!(p, '$' | '£' | '€' | '¥' | '₹' | '₽' | '₩' | '\\'),
        Some(Tok::Word) => starts_figure(c.str(i)),
        _ => false,
    }
}

/// Whether a word can begin a figure, a date or a time: a number word
/// ("forty", "two-thirds", "a dozen", "half"), a month or weekday, a word
/// of relative time ("last", "yesterday", "mid-November"), or a currency
/// code. Most words cannot, and are not parsed at all.
fn starts_figure(word: &str) -> bool {
    let bare = word
        .strip_suffix("'s")
        .or_else(|| word.strip_suffix("’s"))
        .unwrap_or(word);
    let mut buf = [0u8; 24];
    let Some(w) = words::lower(bare, &mut buf) else {
        return false;
    };
    let head = w.split('-').next().unwrap_or(w);
    words::is_cardinal_lower(head)
        || words::month_lower(head).is_some()
        || words::weekday_lower(head).is_some()
        || matches!(
            head,
            "a" | "an"
                | "the"
                | "half"
                | "zero"
                | "mid"
                | "early"
                | "late"
                | "yesterday"
                | "today"
                | "tomorrow"
                | "last"
                | "this"
                | "next"
                | "earlier"
                | "later"
                | "recent"
                | "past"
                | "coming"
                | "upcoming"
        )
        || bare.len() == 3 && bare.bytes().all(|b| b.is_ascii_uppercase())
        || words::is_glued_currency(bare)
}

fn read_at(c: &Cursor, i: usize) -> Option<(Quantity, TokRange)> {
    if !may_start(c, i) {
        return None;
    }
    let dated = date::relative_at(c, i)
        .or_else(|| date::day_of_month_at(c, i))
        .map(|(r, next)| (None, Some(r), next))
        .or_else(|| date::weekday_at(c, i).map(|d| (Some(d.parts), None, d.next)))
        .or_else(|| date::date_at(c, i).map(|d| (Some(d.parts), None, d.next)));
    if let Some((parts, relative, next)) = dated {
        let span = c.span(i, next - 1);
        let year = parts.and_then(|p| p.year).unwrap_or(0);
        let mut q = quantity(Kind::Date, Decimal::from(year), span, span);
        q.date = parts;
        q.relative = relative;
        let d = date::DateAt {
            parts: parts.unwrap_or_default(),
            next,
        };
        return Some((
            q,
            TokRange {
                first: i,
                next: d.next,
            },
        ));
    }
    let (currency, mut first, fig_at) = match units::currency_before(c, i) {
        Some((cur, first, fig)) => (Some(cur), first, fig),
        None => (None, i, i),
    };
    let mut fig = if currency.is_none() {
        figure::share_at(c, fig_at)
            .or_else(|| figure::digits_at(c, fig_at))
            .or_else(|| figure::words_at(c, fig_at))?
    } else {
        figure::digits_at(c, fig_at).or_else(|| figure::words_at(c, fig_at))?
    };
    // "-5 degrees": a minus glued to the figure and apart from what precedes it.
    let signed = currency.is_none()
        && fig.written == Written::Digits
        && fig_at > c.lo
        && c.touches_prev(fig_at)
        && matches!(c.kind(fig_at - 1), Some(Tok::Punct('-' | '−')))
        && (fig_at - 1 == c.lo || !c.touches_prev(fig_at - 1));
    if signed {
        fig.value = -fig.value;
        fig.plain_int = false;
        first = fig_at - 1;
    }
    if fig.written == Written::Digits && skip::is_not_quantity(c, &fig, currency.is_some()) {
        return None;
    }
    build(c, first, fig, currency)
}

fn build(
    c: &Cursor,
    first: usize,
    mut fig: Figure,
    mut currency: Option<Currency>,
) -> Option<(Quantity, TokRange)> {
    let mut kind = if fig.is_share {
        Kind::Percent
    } else {
        Kind::Count
    };
    let mut unit = fig.is_share.then_some(Unit::Percent);
    match fig.suffix {
        Suffix::None => {}
        Suffix::Scale { factor, .. } if currency.is_some() => {
            let tok = &c.toks[fig.first];
            fig.value = fig.value.checked_mul(factor)?;
            fig.factor = factor;
            fig.scale = Some(Span::new(tok.start + digits_len(tok.text(c.text)), tok.end));
        }
        Suffix::Scale { .. } => {
            let letters = &c.str(fig.first)[digits_len(c.str(fig.first))..];
            // "3,800m" with no currency is metres; "50k" alone is nothing.
            let metres = letters.eq_ignore_ascii_case("m");
            kind = if metres { Kind::Measure } else { Kind::Other };
            unit = Some(Unit::Measure(if metres { "m" } else { "k" }));
        }
        Suffix::Percent => {
            kind = Kind::Percent;
            unit = Some(Unit::Percent);
        }
        Suffix::Ordinal => kind = Kind::Ordinal,
        Suffix::Measure(m) => {
            kind = if measure::dimension(m).is_some() {
                Kind::Measure
            } else {
                Kind::Other
            };
            unit = Some(Unit::Measure(m));
        }
        Suffix::Pence if currency.is_none() => {
            fig.value /= Decimal::ONE_HUNDRED;
            currency = Some(Currency::GBP);
        }
        Suffix::TimeOfDay | Suffix::Decade | Suffix::Label | Suffix::Pence => return None,
    }
    let mut next = fig.next;
    let mut high = None;
    if (kind == Kind::Count || currency.is_some())
        && let Some((lo, hi, after)) = range_after(c, first, &fig, currency)
    {
        fig.value = lo;
        high = Some(hi);
        next = after;
    }
    let before = units::qualifier_before(c, first);
    let mut qualifier = before.map(|(q, _)| q);
    if let Some((q, after)) = units::qualifier_after(c, next) {
        qualifier = qualifier.or(Some(q));
        next = after;
    }
    if kind == Kind::Count
        && currency.is_none()
        && let Some(after) = measure::pounds_of_weight(c, next)
    {
        kind = Kind::Measure;
        unit = Some(Unit::Measure("lb"));
        next = after;
    }
    if kind == Kind::Count {
        if let Some((u, after)) = units::percent_after(c, next) {
            kind = Kind::Percent;
            unit = Some(u);
            next = after;
            // "5.25%-5.5%", "10% to 15%"
            if high.is_none()
                && let Some((hi, after)) = percent_range_after(c, next, fig.value)
            {
                high = Some(hi);
                next = after;
            }
        } else if percent_partner(c, first, next) {
            // "from 10 to 20 per cent": the first end is a percentage too.
            kind = Kind::Percent;
            unit = Some(Unit::Percent);
        } else if let Some((cur, after)) = units::currency_after(c, next) {
            // "100 million dollars"; "$1.2 billion dollars" says it twice.
            if currency.is_none() || currency == Some(cur) {
                currency = Some(cur);
                next = after;
            }
        }
    }
    if currency.is_some() {
        kind = Kind::Money;
        unit = currency.map(Unit::Currency);
    }
    if kind == Kind::Count
        && let Some((symbol, after)) = measure::unit_after(c, next)
    {
        kind = Kind::Measure;
        unit = Some(Unit::Measure(symbol));
        next = after;
    }
    let aged = first > c.lo && c.is(first - 1, "aged");
    if kind == Kind::Count && aged && high.is_some() {
        // "aged 5-11"
        kind = Kind::Age;
        unit = Some(Unit::Time(Period::Year));
    }
    if kind == Kind::Count && fig.plain_int && high.is_none() {
        if let Some(after) = units::age_after(c, next) {
            kind = Kind::Age;
            unit = Some(Unit::Time(Period::Year));
            next = after;
        } else if is_age_by_name(c, &fig) || aged {
            kind = Kind::Age;
            unit = Some(Unit::Time(Period::Year));
        } else if year_qualifier_ok(c, qualifier, next) && date::looks_like_year(c, fig.first) {
            let figure = c.span(fig.first, fig.first);
            let span = qualifier.map_or(figure, |q| q.span.cover(figure));
            let mut q = quantity(Kind::Date, fig.value, span, figure);
            q.qualifier = qualifier;
            q.date = Some(DateParts::new(date::year(c, fig.first), None, None));
            let first = before.map_or(fig.first, |(_, at)| at);
            return Some((
                q,
                TokRange {
                    first,
                    next: fig.first + 1,
                },
            ));
        }
    }
    if kind == Kind::Count
        && let Some((p, after)) = units::duration_after(c, next)
    {
        kind = Kind::Duration;
        unit = Some(Unit::Time(p));
        next = after;
        // "1 hour and 45 minutes", "an hour and a half": one span of time.
        if p == Period::Hour
            && let Some((extra, after)) = units::minutes_after(c, next)
        {
            fig.value += extra;
            next = after;
        }
    }
    // "10 months ago": a date, not a duration.
    let mut relative = None;
    if kind == Kind::Duration
        && c.is(next, "ago")
        && let (Some(Unit::Time(p)), Some(n)) = (unit, fig.value.to_u32())
    {
        kind = Kind::Date;
        unit = None;
        relative = Some(Relative::Ago(n, p));
        next += 1;
    }
    let mut per = None;
    if matches!(kind, Kind::Money | Kind::Count | Kind::Percent) {
        let skip = match kind {
            Kind::Money => 3,
            Kind::Count => 1,
            _ => 0,
        };
        per = units::period_after(c, next, skip).map(|(p, span, _)| (p, span));
    }
    let figure_span = c.span(first, next - 1);
    let figure_span = Span::new(skip_backslash(c, figure_span.start), figure_span.end);
    let mut span = figure_span;
    if let Some(q) = qualifier {
        span = span.cover(q.span);
    }
    if let Some((_, p)) = per {
        span = span.cover(p);
    }
    let mut q = quantity(kind, fig.value, span, figure_span);
    q.high = high;
    q.unit = unit;
    q.per = per;
    q.qualifier = qualifier;
    q.written = fig.written;
    q.scale = fig.scale;
    q.relative = relative;
    let q_first = before.map_or(first, |(_, at)| at);
    Some((
        q,
        TokRange {
            first: q_first,
            next,
        },
    ))
}

/// "5.25%-5.5%", "10% to 15%": the high end of a range of percentages.
fn percent_range_after(c: &Cursor, j: usize, low: Decimal) -> Option<(Decimal, usize)> {
    let joined = c.is(j, "to") || matches!(c.kind(j), Some(Tok::Punct('-' | '–')));
    if !joined {
        return None;
    }
    let hi = figure::digits_at(c, j + 1).filter(|f| f.suffix == Suffix::None)?;
    let (_, after) = units::percent_after(c, hi.next)?;
    (hi.value > low).then_some((hi.value, after))
}

/// "from 10 to 20 per cent", "between 10 and 20%": the second end's unit
/// belongs to the first.
fn percent_partner(c: &Cursor, first: usize, next: usize) -> bool {
    let opener = first > c.lo && (c.is(first - 1, "from") || c.is(first - 1, "between"));
    let joiner = c.is(next, "to") || c.is(next, "and");
    opener
        && joiner
        && figure::digits_at(c, next + 1)
            .filter(|f| f.suffix == Suffix::None)
            .is_some_and(|f| units::percent_after(c, f.next).is_some())
}

/// A year may carry "around" or "circa" ("around 2014, the group…") but a
/// count with a qualifier ("about 2000 people") is not a year.
fn year_qualifier_ok(c: &Cursor, qualifier: Option<Qualifier>, next: usize) -> bool {
    match qualifier {
        None => true,
        Some(q) if q.approx == Approx::About => !c.word(next).is_some_and(|w| {
            w.chars().next().is_some_and(char::is_lowercase) && !crate::prose::words::is_np_stop(w)
        }),
        Some(_) => false,
    }
}

fn digits_len(s: &str) -> usize {
    s.find(|ch: char| ch.is_alphabetic()).unwrap_or(s.len())
}

/// A Markdown escape "\$" is not part of the figure a writer sees.
fn skip_backslash(c: &Cursor, start: usize) -> usize {
    if c.text[start..].starts_with('\\') {
        start + 1
    } else {
        start
    }
}

/// "Prigozhin, 61, runs": a bare number between commas after a name.
fn is_age_by_name(c: &Cursor, fig: &Figure) -> bool {
    let i = fig.first;
    if fig.value > Decimal::from(120) || fig.value.is_zero() || i < c.lo + 1 {
        return false;
    }
    let ends = fig.next >= c.hi || c.punct(fig.next, '.');
    // "He's 77.": the pronoun and its verb in one word.
    if ["he's", "she's", "he’s", "she’s"]
        .iter()
        .any(|w| c.is(i - 1, w))
    {
        return ends;
    }
    if i < c.lo + 2 {
        return false;
    }
    let name = c.kind(i - 2) == Some(Tok::Word) && c.starts_upper(i - 2);
    // "his son, 19,": a relative stands where a name would.
    let kin = c.word(i - 2).is_some_and(words::is_kin);
    // "Prigozhin, 61, runs", "Prigozhin, 61 - now has": a comma or a dash
    // closes it; so does "and" before the next person ("Dawood, 48 and his
    // son, 19").
    let dash =
        matches!(c.kind(fig.next), Some(Tok::Punct('-' | '–' | '—'))) && !c.touches_prev(fig.next);
    let closes = c.punct(fig.next, ',')
        || c.punct(fig.next, ')')
        || c.punct(fig.next, ';')
        || c.is(fig.next, "and") && !c.starts_upper(fig.next + 1)
        || dash
        || ends;
    let commas = c.punct(i - 1, ',') && closes;
    let bracketed = c.punct(i - 1, '(') && c.punct(fig.next, ')');
    // "Rush was 61.", "He was 48.": a person and "was", then the figure
    // alone to the end of the sentence.
    let person = name || c.is(i - 2, "he") || c.is(i - 2, "she");
    let stated = (c.is(i - 1, "was") || c.is(i - 1, "is")) && (ends || c.punct(fig.next, ','));
    (name || kin) && (commas || bracketed) || person && stated
}

/// A range after the first figure: "10,000 to 15,000", "10-15", "$1-2bn",
/// "$100m-$200m", "between 10 and 20", "10 to 20 million" (the scale of the
/// high end applies to the low one). Returns low, high and the index after.
fn range_after(
    c: &Cursor,
    first: usize,
    fig: &Figure,
    currency: Option<Currency>,
) -> Option<(Decimal, Decimal, usize)> {
    let j = fig.next;
    let prev = |w: &str| first > c.lo && c.is(first - 1, w);
    let joined = if prev("between") {
        c.is(j, "and")
    } else if prev("from") {
        // "from 10 to 20" is a change, not a range.
        false
    } else {
        c.is(j, "to")
            || matches!(c.kind(j), Some(Tok::Punct('-' | '–')))
                && c.touches_prev(j) == c.touches_prev(j + 1)
    };
    if !joined {
        return None;
    }
    let mut k = j + 1;
    if let Some((cur, _, fig_at)) = units::currency_before(c, k) {
        if Some(cur) != currency {
            return None;
        }
        k = fig_at;
    }
    let mut hi = figure::digits_at(c, k).or_else(|| figure::words_at(c, k))?;
    if hi.written == Written::Fraction || fig.written == Written::Fraction {
        return None;
    }
    match hi.suffix {
        Suffix::None => {}
        Suffix::Scale { factor, .. } if currency.is_some() => {
            hi.value = hi.value.checked_mul(factor)?;
            hi.factor = factor;
        }
        _ => return None,
    }
    let mut lo = fig.value;
    if fig.factor == Decimal::ONE && hi.factor > Decimal::ONE {
        lo = lo.checked_mul(hi.factor)?;
    }
    (lo < hi.value).then_some((lo, hi.value, hi.next))
}

#[cfg(test)]
mod tests;
