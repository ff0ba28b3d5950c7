//! The grammar around quantities in one sentence, found without any fact:
//! the noun phrase a figure counts, a copula's complement, partitives
//! ("40,000 of these"), enumerations ("50,000, including 10,000 X and 40,000
//! Y"), repeated mentions ("those 1,000 fighters"), currency conversions
//! ("$100m (£83m)") and the clause each quantity owns.

use super::cursor::Cursor;
use super::quantity::{Base, Kind, Member, Quantity, Unit};
use crate::prose::{Tok, stem, words};
use crate::source::Span;

/// Token positions of a quantity in its window's token list.
#[derive(Clone, Copy, Debug)]
pub(crate) struct TokRange {
    /// The first token, qualifier included.
    pub first: usize,
    /// Just past the last token read as part of the quantity.
    pub next: usize,
}

/// The quantities of one sentence, with the window's earlier quantities for antecedents.
pub(crate) struct SentenceQuantities<'q> {
    /// All quantities of the window so far; this sentence's are the last `n`.
    pub all: &'q mut [Quantity],
    pub toks: &'q [TokRange],
    /// Global index of `all[0]`.
    pub base_index: usize,
    /// Index in `all` of this sentence's first quantity.
    pub first: usize,
}

fn ends_participle(w: &str) -> bool {
    let lw = w.to_ascii_lowercase();
    // Nouns in "-eed" are few; "agreed", "exceeded", "freed" are participles.
    let eed_noun = matches!(
        lw.as_str(),
        "need"
            | "speed"
            | "seed"
            | "breed"
            | "creed"
            | "greed"
            | "deed"
            | "weed"
            | "feed"
            | "steed"
            | "reed"
    );
    // Past participles that do not end in "-ed": "convicts drawn from prisons".
    let irregular = matches!(
        lw.as_str(),
        "taken"
            | "drawn"
            | "given"
            | "held"
            | "kept"
            | "sent"
            | "brought"
            | "bought"
            | "paid"
            | "made"
            | "seen"
            | "known"
            | "shown"
            | "thrown"
            | "sworn"
            | "born"
            | "caught"
            | "left"
            | "found"
            | "spent"
            | "hit"
            | "lost"
            | "won"
            | "chosen"
            | "driven"
            | "written"
            | "sold"
            | "told"
    );
    irregular || lw.len() > 4 && (lw.ends_with("ed") && !eed_noun || lw.ends_with("ing"))
}

fn is_quote(c: &Cursor, i: usize) -> bool {
    matches!(
        c.kind(i),
        Some(Tok::Punct('"' | '“' | '”' | '‘' | '’' | '\''))
    )
}

/// The run of content words after token `j`: "skilled “contractors”",
/// "Wagner fighters". Stops at stop words, punctuation, another quantity and
/// participles ("people *fighting*", "convicts *recruited*").
fn noun_run(
    c: &Cursor,
    mut j: usize,
    starts: &[usize],
    allow_participle: bool,
) -> Option<(usize, usize)> {
    let mut first = None;
    let mut last = None;
    let mut words_seen = 0;
    // "1,000-strong force": a hyphenated modifier glued to the figure.
    if c.punct(j, '-')
        && c.touches_prev(j)
        && c.kind(j + 1) == Some(Tok::Word)
        && c.touches_prev(j + 1)
    {
        j += 2;
    }
    while words_seen < 4 {
        if starts.contains(&j) {
            break;
        }
        if is_quote(c, j) {
            j += 1;
            continue;
        }
        let Some(w) = c.word(j) else { break };
        if words::is_np_stop(w)
            || super::figure::small_number(w).is_some()
            || super::figure::scale_word(w).is_some()
        {
            break;
        }
        // "Wagner fighters serve in…": a plural head is followed by its verb.
        let after_plural = last
            .and_then(|l| c.word(l))
            .is_some_and(|p| p.len() > 3 && p.ends_with('s') && !p.ends_with("ss"));
        if after_plural && w.chars().next().is_some_and(char::is_lowercase) && !w.ends_with('s') {
            break;
        }
        if ends_participle(w) && !allow_participle {
            if words_seen > 0 {
                break;
            }
            // A lone participle ("1,000 killed") is not a noun.
            let mut k = j + 1;
            while is_quote(c, k) {
                k += 1;
            }
            if c.word(k).is_none_or(words::is_np_stop) {
                break;
            }
        }
        first.get_or_insert(j);
        last = Some(j);
        words_seen += 1;
        j += 1;
    }
    // Trailing participles are not the head: "50,000 people fighting".
    let (f, mut l) = (first?, last?);
    while l > f && c.word(l).is_some_and(ends_participle) && !allow_participle {
        l -= 1;
    }
    // "skilled “contractors”": a quote opened inside closes inside.
    let opened = (f..=l).any(|k| matches!(c.kind(k), Some(Tok::Punct('“' | '"' | '‘'))));
    if opened && matches!(c.kind(l + 1), Some(Tok::Punct('”' | '"' | '’'))) && c.touches_prev(l + 1)
    {
        l += 1;
    }
    Some((f, l))
}

/// Skips words that may stand between a subject and its verb or between a
/// copula and its complement: "in Ukraine", ", in fact,", "reportedly".
fn skip_filler(c: &Cursor, mut j: usize, max: usize) -> usize {
    let start = j;
    while j - start < max {
        // "in Ukraine", "in Syria": a place name after "in".
        if c.is(j, "in") && c.word(j + 1).is_some() && c.starts_upper(j + 1) {
            j += 2;
            continue;
        }
        let skippable = c.punct(j, ',')
            || c.word(j).is_some_and(|w| {
                let mut buf = [0u8; 24];
                matches!(
                    words::lower(w, &mut buf),
                    Some(
                        "in" | "fact"
                            | "also"
                            | "all"
                            | "mostly"
                            | "largely"
                            | "now"
                            | "reportedly"
                            | "believed"
                            | "thought"
                            | "said"
                            | "to"
                            | "be"
                            | "estimated"
                            | "actually"
                            | "indeed"
                            | "probably"
                            | "likely"
                            | "the"
                            | "a"
                            | "an"
                            | "mainly"
                            | "either"
                            | "already"
                            | "still"
                            | "then"
                            | "there"
                            | "overall"
                    )
                )
            });
        if !skippable {
            break;
        }
        j += 1;
    }
    j
}

/// "are contractors", "were, in fact, convicts", "killed in recent weeks
/// were convicts": the complement of the first copula within a few words.
fn predicate_after(c: &Cursor, j: usize, starts: &[usize]) -> Option<Span> {
    let mut k = j;
    while !c.word(k).is_some_and(words::is_copula) {
        let passable = k < c.hi
            && k - j < 10
            && !starts.contains(&k)
            && !breaks_clause(c, k)
            && (c.punct(k, ',') || c.kind(k) == Some(Tok::Word));
        if !passable {
            return None;
        }
        k += 1;
    }
    let mut m = k + 1;
    if c.word(m).is_some_and(words::is_copula) {
        m += 1;
    }
    let m = skip_filler(c, m, 5);
    let (f, l) = noun_run(c, m, starts, false)?;
    Some(c.span(f, l))
}

/// The noun after a short aside in brackets right after a figure: "about
/// $209 billion (Rp3.2 quadrillion) total assets".
fn after_aside(c: &Cursor, at: usize, starts: &[usize]) -> Option<(usize, usize)> {
    if !c.punct(at, '(') {
        return None;
    }
    let close = (at + 1..(at + ASIDE_REACH).min(c.hi)).find(|&k| c.punct(k, ')'))?;
    let modifier = usize::from(c.is(close + 1, "total") || c.is(close + 1, "overall"));
    noun_run(c, close + 1 + modifier, starts, false)
}

/// How many tokens an aside after a figure may hold.
const ASIDE_REACH: usize = 8;

impl SentenceQuantities<'_> {
    fn global(&self, local: usize) -> usize {
        self.base_index + local
    }

    /// The nearest earlier quantity of a kind that can be counted.
    fn antecedent(&self, before: usize) -> Option<usize> {
        (0..before).rev().find(|&l| {
            matches!(self.all[l].kind, Kind::Count | Kind::Money)
                && self.all[l].syntax.base.is_none()
        })
    }
}

/// Analyses the quantities `sq.all[sq.first..]`, all in the sentence `c`.
pub(crate) fn analyse(c: &Cursor, sq: &mut SentenceQuantities) {
    let range = sq.first..sq.all.len();
    let starts: Vec<usize> = range.clone().map(|l| sq.toks[l].first).collect();
    let sentence = c.span(c.lo, c.hi - 1);
    for l in range.clone() {
        let t = sq.toks[l];
        let q = &mut sq.all[l];
        q.syntax.sentence = sentence;
        q.syntax.np_end = q.span.end;
        if !q.is_numeric_fact_kind() {
            continue;
        }
        if let Some((f, last)) =
            noun_run(c, t.next, &starts, false).or_else(|| after_aside(c, t.next, &starts))
        {
            q.syntax.noun = Some(c.span(f, last));
            q.syntax.np_end = c.toks[last].end;
        }
    }
    for l in range.clone() {
        if sq.all[l].is_numeric_fact_kind() {
            partitive(c, sq, l, &starts);
        }
    }
    for l in range.clone() {
        let q = &sq.all[l];
        if q.is_numeric_fact_kind()
            && q.syntax.noun.is_none()
            && q.syntax.predicate.is_none()
            && q.syntax.base.is_none()
        {
            let p = predicate_after(c, sq.toks[l].next, &starts);
            sq.all[l].syntax.predicate = p;
        }
        // "40,000 of these are convicts who were taken…": what follows is about the convicts.
        if let Some(p) = sq.all[l].syntax.predicate {
            sq.all[l].syntax.np_end = sq.all[l].syntax.np_end.max(p.end);
        }
    }
    for l in range.clone() {
        if sq.all[l].is_numeric_fact_kind() {
            enumeration(c, sq, l, &starts);
        }
    }
    for l in range.clone() {
        coreference(c, sq, l);
        conversion(c, sq, l);
        leads(c, sq, l, &starts);
    }
    clauses(c, sq);
}

/// "40,000 of these are convicts", "90% of those 1,000 fighters", "of whom
/// 40,000 are convicts", "Of the 1,000 killed, 900 were convicts".
fn partitive(c: &Cursor, sq: &mut SentenceQuantities, l: usize, starts: &[usize]) {
    let t = sq.toks[l];
    let mut base = None;
    let mut after_base = None;
    if sq.all[l].syntax.noun.is_none() && c.is(t.next, "of") {
        let mut k = t.next + 1;
        if c.word(k).is_some_and(words::is_partitive_pronoun) && !starts.contains(&(k + 1)) {
            let next_is_content = c
                .word(k + 1)
                .is_some_and(|w| !words::is_np_stop(w) && !words::is_copula(w));
            if c.is(k, "them") || c.is(k, "whom") || !next_is_content {
                base = sq.antecedent(l).map(|a| Base::Quantity(sq.global(a)));
                after_base = Some(k + 1);
            }
        }
        if base.is_none() {
            // Determiners and possessives before the base: "of the group's", "of Wagner's".
            while k < c.hi
                && !starts.contains(&k)
                && (c.word(k).is_some_and(words::is_determiner)
                    || c.word(k)
                        .is_some_and(|w| w.ends_with("'s") || w.ends_with("’s")))
            {
                k += 1;
            }
            if let Some(pos) = starts.iter().position(|&s| s == k) {
                let b = sq.first + pos;
                base = Some(Base::Quantity(sq.global(b)));
                after_base = Some(np_next(c, sq, b));
            } else if let Some((f, last)) = noun_run(c, k, starts, true) {
                // "$21 billion of securities": a bare noun after a sum is
                // what the sum is made of, not a whole it is part of.
                if sq.all[l].kind == Kind::Money && k == t.next + 1 {
                    sq.all[l].syntax.in_noun = Some(c.span(f, last));
                } else {
                    base = Some(Base::Words(c.span(f, last)));
                    after_base = Some(last + 1);
                }
            }
        }
    }
    // "of whom 40,000", "among them 40,000"
    if base.is_none()
        && t.first >= c.lo + 2
        && (c.is(t.first - 2, "of") || c.is(t.first - 2, "among"))
        && (c.is(t.first - 1, "whom") || c.is(t.first - 1, "them") || c.is(t.first - 1, "which"))
    {
        base = sq.antecedent(l).map(|a| Base::Quantity(sq.global(a)));
        after_base = Some(t.next);
    }
    // "Of those, about 10,000 are contractors and 30,000 convicts", "said
    // that of those, some 45,000…": a fronted partitive whose base is an
    // earlier figure, for every bare figure after it in the sentence.
    let fronted_pronoun = (c.lo..t.first.saturating_sub(2)).any(|k| {
        c.is(k, "of")
            && c.word(k + 1).is_some_and(words::is_partitive_pronoun)
            && c.punct(k + 2, ',')
    });
    if base.is_none() && fronted_pronoun && sq.all[l].syntax.noun.is_none() {
        base = sq
            .antecedent(sq.first)
            .map(|a| Base::Quantity(sq.global(a)));
        after_base = Some(t.next);
    }
    // "Of the 1,000 killed, 900 were convicts": a fronted partitive.
    let prev_figure = (sq.first..l)
        .rev()
        .find(|&p| sq.all[p].is_numeric_fact_kind());
    if let (None, Some(b)) = (base, prev_figure) {
        let tb = sq.toks[b];
        let opens = tb.first > c.lo && tb.first <= c.lo + 2 && c.is(c.lo, "of");
        if opens
            && c.toks[tb.next..t.first]
                .iter()
                .any(|tk| tk.kind == Tok::Punct(','))
        {
            base = Some(Base::Quantity(sq.global(b)));
            after_base = Some(t.next);
        }
    }
    let Some(base) = base else { return };
    sq.all[l].syntax.base = Some(base);
    if sq.all[l].syntax.noun.is_none()
        && let Some(after) = after_base
    {
        // "40,000 of them convicts": the copula may be left out after a pronoun.
        let pronoun = after > c.lo && c.word(after - 1).is_some_and(words::is_partitive_pronoun);
        let elided = || noun_run(c, after, starts, false).map(|(f, l)| c.span(f, l));
        sq.all[l].syntax.predicate =
            predicate_after(c, after, starts).or_else(|| if pronoun { elided() } else { None });
    }
    if let Some(after) = after_base {
        let end = c
            .tok(after.saturating_sub(1))
            .map_or(sq.all[l].syntax.np_end, |tk| tk.end);
        sq.all[l].syntax.np_end = sq.all[l].syntax.np_end.max(end);
    }
    if sq.all[l].syntax.noun.is_none() && sq.all[l].syntax.predicate.is_none() {
        sq.all[l].syntax.predicate = predicate_after(c, t.next, starts);
    }
}

const MARKERS: &[(&[&str], bool)] = &[
    (&["including"], false),
    (&["include"], false),
    (&["includes"], false),
    (&["included"], false),
    (&["comprised"], true),
    (&["comprises"], true),
    (&["composed", "of"], true),
    (&["consists", "of"], true),
    (&["consisted", "of"], true),
    (&["among", "them"], false),
    (&["among", "whom"], false),
    (&["such", "as"], false),
    (&["comprising"], true),
    (&["consisting", "of"], true),
    (&["made", "up", "of"], true),
    (&["split", "between"], true),
    (&["split", "into"], true),
    (&["divided", "into"], true),
    (&["broken", "down", "into"], true),
];

const TOTAL_AFTER: &[&[&str]] = &[
    &["a", "total", "of"],
    &["totalling"],
    &["totaling"],
    &["making", "a", "total", "of"],
    &["in", "total"],
];

/// The token just past a quantity's noun phrase, or past its figure.
fn np_next(c: &Cursor, sq: &SentenceQuantities, l: usize) -> usize {
    match sq.all[l].syntax.noun {
        Some(n) => token_after(c, n.end).unwrap_or(sq.toks[l].next),
        None => sq.toks[l].next,
    }
}

/// The index of the token after the one ending at byte `end`.
fn token_after(c: &Cursor, end: usize) -> Option<usize> {
    (c.lo..c.hi).find(|&k| c.toks[k].end == end).map(|k| k + 1)
}

fn enumeration(c: &Cursor, sq: &mut SentenceQuantities, l: usize, starts: &[usize]) {
    if sq.all[l].syntax.member.is_some() || sq.all[l].syntax.listed_with.is_some() {
        return;
    }
    let kind = sq.all[l].kind;
    // Find a marker within a few words after the total's noun phrase.
    let mut found = None;
    for j in (np_next(c, sq, l)..).take(10) {
        if j >= c.hi || starts.contains(&j) {
            break;
        }
        if c.punct(j, ':') {
            found = Some((j, j + 1, false));
            break;
        }
        if let Some((phrase, exhaustive)) = MARKERS.iter().find(|(p, _)| c.is_seq(j, p)) {
            found = Some((j, j + phrase.len(), *exhaustive));
            break;
        }
        let passable = c.punct(j, ',')
            || is_quote(c, j)
            || c.word(j)
                .is_some_and(|w| !words::is_clause_break(w) && !c.is(j, "and"));
        if !passable {
            break;
        }
    }
    let Some((marker_at, after, exhaustive)) = found else {
        parts_then_total(c, sq, l, starts);
        return;
    };
    let parts = list_from(c, sq, after, kind, starts);
    if parts.is_empty() {
        return;
    }
    let marker = c.span(marker_at, after - 1);
    let total = sq.global(l);
    sq.all[l].syntax.member = Some(Member {
        total,
        is_total: true,
        exhaustive,
        marker,
    });
    for p in parts {
        sq.all[p].syntax.member = Some(Member {
            total,
            is_total: false,
            exhaustive,
            marker,
        });
    }
}

/// Quantities of `kind` listed from token `at`: "10,000 X and 40,000 Y", "A, B and C".
fn list_from(
    c: &Cursor,
    sq: &SentenceQuantities,
    mut at: usize,
    kind: Kind,
    starts: &[usize],
) -> Vec<usize> {
    let mut out = Vec::new();
    while let Some(pos) = starts.iter().position(|&s| s == at) {
        let p = sq.first + pos;
        if sq.all[p].kind != kind {
            break;
        }
        out.push(p);
        let mut j = np_next(c, sq, p);
        // "10,000 contractors in Ukraine and", "$1.25bn of its common stock
        // to investors and": a short phrase may follow a part.
        for _ in 0..6 {
            if c.punct(j, ',') || c.is(j, "and") || starts.contains(&j) || j >= c.hi {
                break;
            }
            if c.word(j).is_some_and(|w| !words::is_clause_break(w)) || is_quote(c, j) {
                j += 1;
            } else {
                break;
            }
        }
        let mut k = j;
        if c.punct(k, ',') {
            k += 1;
        }
        if c.is(k, "and") || c.is(k, "plus") {
            k += 1;
        } else if c.is_seq(k, &["as", "well", "as"]) {
            k += 3;
        } else if k == j {
            break;
        }
        // "and a further $500mn", "and another 300".
        for _ in 0..2 {
            if c.word(k).is_some_and(|w| {
                matches!(
                    w.to_ascii_lowercase().as_str(),
                    "a" | "an" | "further" | "another" | "additional"
                )
            }) {
                k += 1;
            }
        }
        at = k;
    }
    out
}

/// "10,000 contractors and 40,000 convicts, a total of 50,000".
fn parts_then_total(c: &Cursor, sq: &mut SentenceQuantities, l: usize, starts: &[usize]) {
    let kind = sq.all[l].kind;
    let parts = list_from(c, sq, sq.toks[l].first, kind, starts);
    if parts.len() < 2 {
        return;
    }
    let Some((marker, t)) = total_after(c, sq, *parts.last().unwrap_or(&l), kind, starts) else {
        let first = sq.global(parts[0]);
        for p in parts {
            sq.all[p].syntax.listed_with = Some(first);
        }
        return;
    };
    let total = sq.global(t);
    sq.all[t].syntax.member = Some(Member {
        total,
        is_total: true,
        exhaustive: true,
        marker,
    });
    for p in parts {
        sq.all[p].syntax.member = Some(Member {
            total,
            is_total: false,
            exhaustive: true,
            marker,
        });
    }
}

/// The total after the last of a list of parts, and the words that mark it.
fn total_after(
    c: &Cursor,
    sq: &SentenceQuantities,
    last: usize,
    kind: Kind,
    starts: &[usize],
) -> Option<(Span, usize)> {
    // "2,300 children and 4,100 adults for flu last winter, a total of
    // 6,800": a few words may stand between the last part and the total.
    let mut j = np_next(c, sq, last);
    let limit = j + 6;
    while j < limit.min(c.hi) && !TOTAL_AFTER.iter().any(|p| c.is_seq(j, p)) {
        if starts.contains(&j)
            || breaks_clause(c, j)
            || !(c.punct(j, ',') || c.kind(j) == Some(Tok::Word))
        {
            return None;
        }
        j += 1;
    }
    let phrase = TOTAL_AFTER.iter().find(|p| c.is_seq(j, p))?;
    let at = j + phrase.len();
    let t = sq.first + starts.iter().position(|&s| s == at)?;
    (sq.all[t].kind == kind).then(|| (c.span(j, at - 1), t))
}

fn head_stem(c: &Cursor, q: &Quantity) -> Option<String> {
    let noun = q.syntax.noun?;
    let last = noun.slice(c.text).split_whitespace().last()?;
    Some(stem(last.trim_matches(|ch: char| !ch.is_alphanumeric())))
}

/// "those 1,000 fighters" repeats an earlier "1,000 Wagner fighters".
fn coreference(c: &Cursor, sq: &mut SentenceQuantities, l: usize) {
    let t = sq.toks[l];
    let q = &sq.all[l];
    if !q.is_numeric_fact_kind() || t.first == c.lo {
        return;
    }
    let demonstrative = ["those", "these", "the", "same"]
        .iter()
        .any(|w| c.is(t.first - 1, w));
    if !demonstrative {
        return;
    }
    let Some(head) = head_stem(c, q) else { return };
    let found = (0..l).rev().find(|&e| {
        let p = &sq.all[e];
        p.kind == q.kind
            && p.value == q.value
            && p.unit == q.unit
            && head_stem(c, p).as_deref() == Some(head.as_str())
    });
    if let Some(e) = found {
        let target = sq.all[e].syntax.coref.unwrap_or(sq.global(e));
        sq.all[l].syntax.coref = Some(target);
    }
}

/// The quantity in brackets right after quantity `l` that restates it in
/// another currency or unit: "$100m (£83m)", "12,500 feet (3,800 metres)".
fn bracketed_conversion(c: &Cursor, sq: &SentenceQuantities, l: usize) -> Option<usize> {
    let next = l + 1;
    let (q, p) = (&sq.all[l], sq.all.get(next)?);
    let t = sq.toks[next];
    let same_kind = match (q.kind, p.kind) {
        (Kind::Money, Kind::Money) => true,
        (Kind::Measure, Kind::Measure) => {
            let dim = |x: &Quantity| match x.unit {
                Some(Unit::Measure(symbol)) => super::measure::dimension(symbol).map(|(d, _)| d),
                _ => None,
            };
            dim(q).is_some() && dim(q) == dim(p)
        }
        _ => false,
    };
    // "(about 27.6 trillion won)": a qualifier may open the bracket.
    let start = super::units::qualifier_before(c, t.first).map_or(t.first, |(_, k)| k);
    let opened = start > c.lo && c.punct(start - 1, '(') && sq.toks[l].next == start - 1;
    // "£1 (US$0.82 or RM5.47)": a sum may be given in several currencies.
    let closed = c.punct(t.next, ')')
        || p.kind == Kind::Money && (c.is(t.next, "or") || c.punct(t.next, ','));
    (same_kind && q.unit != p.unit && opened && closed).then_some(next)
}

/// "£1 (US$0.82 or RM5.47)": the sum after "or" in the bracket converts
/// the same figure as the one before it.
fn listed_conversion(c: &Cursor, sq: &SentenceQuantities, l: usize) -> Option<usize> {
    let prev = l.checked_sub(1).filter(|&p| p >= sq.first)?;
    let of = sq.all[prev].syntax.conversion_of?;
    let (q, p) = (&sq.all[l], &sq.all[prev]);
    let (t, tp) = (sq.toks[l], sq.toks[prev]);
    let joined = (c.is(tp.next, "or") || c.punct(tp.next, ',')) && t.first == tp.next + 1;
    (q.kind == Kind::Money && p.kind == Kind::Money && q.unit != p.unit && joined && {
        c.punct(t.next, ')') || c.is(t.next, "or") || c.punct(t.next, ',')
    })
    .then_some(of)
}

/// "$100m (£83m)": the bracketed amount converts the one before it, and a
/// period after the bracket belongs to both.
fn conversion(c: &Cursor, sq: &mut SentenceQuantities, l: usize) {
    if l <= sq.first {
        return;
    }
    if bracketed_conversion(c, sq, l - 1) != Some(l) {
        if let Some(of) = listed_conversion(c, sq, l) {
            sq.all[l].syntax.conversion_of = Some(of);
        }
        return;
    }
    let prev = l - 1;
    let t = sq.toks[l];
    sq.all[l].syntax.conversion_of = Some(sq.global(prev));
    if sq.all[l].kind != Kind::Money || !c.punct(t.next, ')') {
        return;
    }
    if sq.all[prev].per.is_none()
        && let Some((p, span, _)) = super::units::period_after(c, t.next + 1, 0)
    {
        sq.all[prev].per = Some((p, span));
        sq.all[l].per = Some((p, span));
        sq.all[prev].span = sq.all[prev].span.cover(span);
    }
}

/// The nouns around a figure that name it without following it: "a budget
/// of $84bn", "Convicts: about 45,000", "$45bn in aid"; and a restatement,
/// ", or about 900 men", of the figure before it.
fn leads(c: &Cursor, sq: &mut SentenceQuantities, l: usize, starts: &[usize]) {
    let t = sq.toks[l];
    let k = t.first;
    if sq.all[l].kind == Kind::Age {
        // "Yevgeny Prigozhin, 61," or "Prigozhin (61)": the name before an age.
        if k > c.lo + 1 && (c.punct(k - 1, ',') || c.punct(k - 1, '(')) {
            let mut f = k - 1;
            while f > c.lo && c.word(f - 1).is_some() && c.starts_upper(f - 1) && k - f < 4 {
                f -= 1;
            }
            if f < k - 1 {
                sq.all[l].syntax.lead = Some(c.span(f, k - 2));
            } else if c.word(k - 2).is_some_and(words::is_kin) {
                // "his son, 19": the relative is who is that old.
                sq.all[l].syntax.lead = Some(c.span(k - 2, k - 2));
            }
        }
        // "a 61-year-old businessman", "aged 61"; "a 58-year-old British
        // billionaire Hamish Harding": the name that ends the phrase is who
        // is that old.
        if let Some((f, mut last)) = noun_run(c, t.next, starts, false) {
            // "a 77-year-old French explorer named Paul-Henri Nargeolet".
            if (c.is(last + 1, "named") || c.is(last + 1, "called")) && c.starts_upper(last + 2) {
                last += 1;
            }
            while last + 1 < c.hi
                && c.word(last + 1).is_some()
                && c.starts_upper(last + 1)
                && !starts.contains(&(last + 1))
                && last + 1 - f < 7
            {
                last += 1;
            }
            sq.all[l].syntax.noun = Some(c.span(f, last));
        }
        return;
    }
    let content = |i: usize| {
        c.word(i)
            .is_some_and(|w| !words::is_np_stop(w) && super::figure::small_number(w).is_none())
    };
    // "deposits worth $175bn": what a sum is the worth of names it.
    let linked = |k: usize| c.is(k, "of") || sq.all[l].kind == Kind::Money && c.is(k, "worth");
    if k >= c.lo + 2 && linked(k - 1) && content(k - 2) {
        sq.all[l].syntax.lead = Some(c.span(k - 2, k - 2));
    } else if k > c.lo + 1 && c.punct(k - 1, ':') {
        // A fact box: "Convicts: about 45,000" or "- Convicts: …", the label
        // alone on its line, after a list bullet if there is one.
        let mut f = k - 1;
        while f > c.lo && content(f - 1) && k - f < 5 && !c.at_line_start(f) {
            f -= 1;
        }
        let bullet = f > c.lo
            && matches!(c.kind(f - 1), Some(Tok::Punct('-' | '*' | '•')))
            && (c.at_line_start(f - 1) || f - 1 == c.lo);
        if f < k - 1 && (c.at_line_start(f) || f == c.lo || bullet) && content(f) {
            sq.all[l].syntax.lead = Some(c.span(f, k - 2));
        }
    }
    // "$209 billion in total assets": "total" modifies the noun after it,
    // where "$2.25 billion in total" ends the phrase.
    let modifier = usize::from(c.is(t.next + 1, "total") || c.is(t.next + 1, "overall"));
    if sq.all[l].kind == Kind::Money
        && c.is(t.next, "in")
        && !c.starts_upper(t.next + 1)
        && let Some((f, last)) = noun_run(c, t.next + 1 + modifier, starts, false)
    {
        sq.all[l].syntax.in_noun = Some(c.span(f - modifier, last));
    }
    let prev_figure = (sq.first..l)
        .rev()
        .find(|&p| sq.all[p].is_numeric_fact_kind());
    if let Some(p) = prev_figure
        && k >= c.lo + 2
        && c.is(k - 1, "or")
        && c.punct(k - 2, ',')
        && sq.toks[p].next <= k - 2
    {
        sq.all[l].syntax.restates = Some(sq.global(p));
    }
}

/// Tokens that end a clause inside a sentence.
fn breaks_clause(c: &Cursor, i: usize) -> bool {
    match c.kind(i) {
        // "at 8:15am": the colon of a time of day ends nothing.
        Some(Tok::Punct(':')) => !c.time_colon(i),
        Some(Tok::Punct(';' | '(' | ')' | '—' | '–' | '[' | ']')) => true,
        Some(Tok::Punct('-')) => !c.touches_prev(i) && !c.touches_prev(i + 1),
        Some(Tok::Word) => {
            words::is_clause_break(c.str(i)) || c.is(i, "and") && i > c.lo && c.punct(i - 1, ',')
        }
        _ => false,
    }
}

/// The opening bracket of the aside that the ")" at `close` ends, when it
/// opens after `floor` and holds no other break: "(SVB UK)".
fn aside_opening(c: &Cursor, floor: usize, close: usize) -> Option<usize> {
    if !c.punct(close, ')') {
        return None;
    }
    let open = (floor..close).rev().find(|&k| breaks_clause(c, k))?;
    c.punct(open, '(').then_some(open)
}

/// Each quantity's clause: from the previous quantity or clause break to
/// the next one, so the words of one figure do not describe its neighbour.
fn clauses(c: &Cursor, sq: &mut SentenceQuantities) {
    let n = sq.all.len();
    // Between two figures, words up to the last "and", "or" or comma
    // describe the first ("£45m going to social care and £75m to schools");
    // with no such word between, they describe the second.
    let separator = |from: usize, to: usize| {
        (from..to)
            .rev()
            .find(|&k| c.punct(k, ',') || c.is(k, "and") || c.is(k, "or"))
            .map(|k| k + 1)
    };
    // Dates, ages and durations are adverbials: they split no clause.
    let figures: Vec<bool> = (0..n).map(|l| sq.all[l].is_numeric_fact_kind()).collect();
    let figure = |l: usize| figures[l];
    let figure_starts: Vec<usize> = (sq.first..n)
        .filter(|&l| figure(l))
        .map(|l| sq.toks[l].first)
        .collect();
    for l in sq.first..n {
        let t = sq.toks[l];
        // A date dates its whole clause: "pulled $9 billion on Friday" is
        // the pulling's day, though a figure stands between; past a comma
        // ("carrying five people, continued Tuesday") it dates what follows.
        let date = sq.all[l].kind == Kind::Date;
        let floor = match (sq.first..l).rev().find(|&p| figure(p)) {
            Some(p) => match separator(sq.toks[p].next, t.first) {
                Some(k) => k,
                None if date => c.lo,
                None => sq.toks[p].next,
            },
            None => c.lo,
        };
        let mut lo = t.first;
        while lo > floor {
            if !breaks_clause(c, lo - 1) {
                lo -= 1;
                continue;
            }
            // "is acquiring Silicon Valley Bank UK (SVB UK) for £1": a
            // bracketed aside before the figure does not end its clause.
            match aside_opening(c, floor, lo - 1) {
                Some(open) => lo = open,
                None => break,
            }
        }
        // "12,500ft (3,800m) below the surface": the words after a
        // bracketed conversion describe the figure before it.
        let (after, from) = match bracketed_conversion(c, sq, l) {
            Some(p) => (sq.toks[p].next + 1, p + 1),
            None => (t.next, l + 1),
        };
        // "On Friday, the bank failed after … $2 billion": the comma that
        // closes an opening date is no separator; the date goes on.
        let opens = t.first - lo <= 2;
        let from_sep = if date && opens && c.punct(after, ',') {
            after + 1
        } else {
            after
        };
        let ceiling = match (from..n).find(|&p| figure(p)) {
            Some(p) => separator(from_sep, sq.toks[p].first).unwrap_or(sq.toks[p].first),
            None => c.hi,
        };
        let mut hi = after.min(ceiling.max(t.next));
        while hi < ceiling && !breaks_clause(c, hi) && !figure_starts.contains(&hi) {
            hi += 1;
        }
        let start = c.toks[lo].start;
        let end = c.toks[hi.max(lo + 1) - 1].end;
        sq.all[l].syntax.clause = Span::new(start, end.max(start));
    }
}
