//! What structure settles when evidence alone does not: the total and parts
//! of an enumeration ("50,000, including 10,000 mercenaries and 40,000
//! criminals"), the base of a partitive ("40,000 of these are convicts"),
//! and repeated mentions ("those 1,000 fighters").

use rust_decimal::Decimal;

use super::{Binding, Bindings, How};
use crate::checks::compare::{Verdict, compare};
use crate::extract::{Base, Extraction, Kind, Quantity};
use crate::facts::{FactId, FactTable, Measure};

/// A mention that repeats an earlier one states the same fact.
pub(crate) fn repeats(ex: &Extraction, out: &mut Bindings) {
    for l in 0..ex.quantities.len() {
        let Some(e) = ex.quantities[l]
            .syntax
            .coref
            .and_then(|g| g.checked_sub(ex.first_index))
        else {
            continue;
        };
        if let Some(f) = out.of.get(e).and_then(|b| b.fact)
            && (out.of[l].fact.is_none() || out.of[l].fact != Some(f))
        {
            out.of[l] = Binding::to(f, How::Repeat);
        }
    }
}

fn open(b: &Binding) -> bool {
    b.fact.is_none()
}

/// Whether structure may bind quantity `l` to `f`: it is open and its own
/// evidence either says nothing or includes `f`.
fn may_take(scores: &[Vec<(FactId, i32, How)>], out: &Bindings, l: usize, f: FactId) -> bool {
    open(&out.of[l]) && (scores[l].is_empty() || scores[l].iter().any(|(c, _, _)| *c == f))
}

pub(crate) fn settle(
    table: &FactTable,
    ex: &Extraction,
    scores: &[Vec<(FactId, i32, How)>],
    out: &mut Bindings,
) {
    enumerations(table, ex, scores, out);
    partitive_bases(table, ex, scores, out);
    restatements(table, ex, out);
    repeats(ex, out);
}

/// "one pilot and four people who paid", "$1.25bn of common stock and
/// $500m of preferred shares": figures listed together with no total name
/// different things. Two of them bound to one fact are left unbound; one
/// bound to a total after another that names a part of it is the part left
/// over, if only one is.
pub(crate) fn listed(
    table: &FactTable,
    ex: &Extraction,
    scores: &[Vec<(FactId, i32, How)>],
    out: &mut Bindings,
) {
    // The members of each list, by its first member. "50,000 personnel in
    // Ukraine, 10,000 of them contractors and 40,000 convicts": a list with
    // a share of one of its members in it is the parts of that member, not
    // figures beside it.
    let mut groups: std::collections::BTreeMap<usize, Vec<usize>> = Default::default();
    let mut partitive: Vec<usize> = Vec::new();
    for (l, q) in ex.quantities.iter().enumerate() {
        if let Some(g) = q.syntax.listed_with {
            groups.entry(g).or_default().push(l);
            if matches!(q.syntax.base, Some(Base::Quantity(_))) {
                partitive.push(g);
            }
        }
    }
    groups.retain(|g, _| !partitive.contains(g));
    for members in groups.values() {
        for &l in members {
            if sum_of_parts(table, ex, out, l, members) {
                out.of[l] = Binding::unbound();
                continue;
            }
            listed_member(table, scores, out, l, members);
        }
    }
}

/// "carrying one pilot and four passengers", with five people aboard in
/// the table: a count that disagrees with its fact while the counts listed
/// with it add up to that fact is one part of it, not a wrong total.
fn sum_of_parts(
    table: &FactTable,
    ex: &Extraction,
    out: &Bindings,
    l: usize,
    members: &[usize],
) -> bool {
    let Some(f) = out.of[l].fact else {
        return false;
    };
    let fact = &table.facts[f];
    let q = &ex.quantities[l];
    if q.kind != Kind::Count || fact.measure != Measure::Count {
        return false;
    }
    if compare(q, fact) == Verdict::Agrees {
        return false;
    }
    let counts: Vec<&Quantity> = members
        .iter()
        .map(|&o| &ex.quantities[o])
        .filter(|o| o.kind == Kind::Count && o.high.is_none())
        .collect();
    if counts.len() != members.len() {
        return false;
    }
    // Exactly, within the table's tolerance: a sum is no round figure.
    let sum: Decimal = counts.iter().map(|o| o.value).sum();
    let (low, high) = fact.range.unwrap_or((fact.value, fact.value));
    let tol = fact.tolerance_amount();
    low - tol <= sum && sum <= high + tol
}

/// Settles member `l` of a list of figures against the other `members`.
fn listed_member(
    table: &FactTable,
    scores: &[Vec<(FactId, i32, How)>],
    out: &mut Bindings,
    l: usize,
    members: &[usize],
) {
    let Some(f) = out.of[l].fact else {
        return;
    };
    let others: Vec<usize> = members.iter().copied().filter(|&o| o != l).collect();
    let same: Vec<usize> = others
        .iter()
        .copied()
        .filter(|&o| out.of[o].fact == Some(f))
        .collect();
    if !same.is_empty() {
        for o in same.into_iter().chain([l]) {
            out.of[o] = Binding::unbound();
        }
        return;
    }
    let parts = &table.facts[f].parts;
    let named_by = |o: usize| -> Vec<FactId> {
        match out.of[o].fact {
            Some(x) => vec![x],
            None => scores[o].iter().map(|(x, _, _)| *x).collect(),
        }
    };
    // Only a part named before: "one pilot and four people" are the
    // pilot and the rest; "80,000 personnel and 45,000 convicts" names
    // the whole first.
    let claimed: Vec<FactId> = others
        .iter()
        .filter(|&&o| o < l)
        .flat_map(|&o| named_by(o))
        .filter(|x| parts.contains(x))
        .collect();
    if claimed.is_empty() {
        return;
    }
    let left: Vec<FactId> = parts
        .iter()
        .copied()
        .filter(|p| !claimed.contains(p))
        .collect();
    out.of[l] = match left[..] {
        [p] => Binding::to(p, How::Enumeration),
        _ => Binding::unbound(),
    };
}

/// "As of Dec. 31, 2022, SVB had $209 billion in assets": an "as of" date
/// is the time a figure holds at, so it states a fact only beside a figure
/// of the story; "$165 billion in deposits as of Feb. 28", a figure the
/// table does not hold, leaves its date to no fact, and so does a figure
/// the table holds at another time than the date's fact (its own `as_of`
/// is the time that date states).
pub(crate) fn reference_dates(table: &FactTable, text: &str, ex: &Extraction, out: &mut Bindings) {
    for l in 0..ex.quantities.len() {
        let q = &ex.quantities[l];
        if q.kind != Kind::Date || out.of[l].how != How::Context {
            continue;
        }
        if !super::evidence::says_as_of(text, q) {
            continue;
        }
        let when = out.of[l].fact.and_then(|d| table.facts[d].when);
        let beside = (0..ex.quantities.len()).any(|o| {
            let held_then = |f: FactId| match (table.facts[f].as_of, when) {
                (Some(at), Some(w)) => at.overlaps(&w),
                _ => true,
            };
            o != l
                && ex.quantities[o].syntax.sentence == q.syntax.sentence
                && ex.quantities[o].is_numeric_fact_kind()
                && out.of[o].fact.is_some_and(held_then)
        });
        if !beside {
            out.of[l] = Binding::unbound();
        }
    }
}

/// "plans for $1.75 billion in common stock", with a $2.25 billion raise and
/// its $1.75 billion offering both named by "stock": when evidence leaves a
/// figure to a fact it disagrees with, or to no fact, and exactly one of
/// the facts its evidence named agrees with it, it states that one. The
/// parts and the total of one sum are named by the same words; a figure
/// that matches one of them exactly is not a wrong copy of the other.
pub(crate) fn agreeing(
    text: &str,
    table: &FactTable,
    ex: &Extraction,
    scores: &[Vec<(FactId, i32, How)>],
    mentions: &dyn Fn(usize, FactId) -> bool,
    out: &mut Bindings,
) {
    let numeric = |f: FactId| {
        matches!(
            table.facts[f].measure,
            Measure::Count | Measure::Money(_) | Measure::Percent | Measure::Physical(_)
        )
    };
    for (l, (q, named)) in ex.quantities.iter().zip(scores).enumerate() {
        match another_events_day(table, q, &out.of[l], &|o| mentions(l, o))[..] {
            [] => {}
            [o] => {
                out.of[l] = Binding::to(o, How::Agreement);
                continue;
            }
            ref several => {
                out.of[l] = Binding {
                    fact: None,
                    how: How::Ambiguous,
                    candidates: several.to_vec(),
                };
                continue;
            }
        }
        let b = &out.of[l];
        let by_evidence = matches!(
            b.how,
            How::Ambiguous
                | How::Noun
                | How::Predicate
                | How::Context
                | How::Statement
                | How::Subject
                | How::Class
        );
        if !by_evidence || b.fact.is_some_and(|f| !numeric(f)) {
            continue;
        }
        if b.fact
            .is_some_and(|f| compare(q, &table.facts[f]) == Verdict::Agrees)
        {
            continue;
        }
        let agree: Vec<FactId> = named
            .iter()
            .map(|(f, _, _)| *f)
            .filter(|&f| numeric(f) && compare(q, &table.facts[f]) == Verdict::Agrees)
            .collect();
        if let [f] = agree[..] {
            out.of[l] = Binding::to(f, How::Agreement);
            continue;
        }
        // "$1.75 billion in common stock and depository shares", the stock
        // a part of a $1.75 billion offering: a noun phrase that names a
        // part and more names the total it agrees with.
        if let Some(part) = b.fact.filter(|_| agree.is_empty() && b.how == How::Noun)
            && names_more_than_one(text, q)
        {
            let totals: Vec<FactId> = table.stories[table.facts[part].story]
                .facts
                .iter()
                .copied()
                .filter(|&t| table.facts[t].parts.contains(&part))
                .filter(|&t| compare(q, &table.facts[t]) == Verdict::Agrees)
                .collect();
            if let [t] = totals[..] {
                out.of[l] = Binding::to(t, How::Agreement);
                continue;
            }
        }
        // "£1.75 billion in common stock", with a $2.25 billion raise and
        // its $1.75 billion offering: the digits of one of them in another
        // currency are that one in the wrong currency, for NC102 to say.
        let digits_of = |f: FactId| numeric(f) && compare(q, &table.facts[f]) == Verdict::Currency;
        let same_digits: Vec<FactId> = named
            .iter()
            .map(|(f, _, _)| *f)
            .filter(|&f| digits_of(f))
            .collect();
        if let [f] = same_digits[..]
            && agree.is_empty()
            && !b.fact.is_some_and(digits_of)
        {
            out.of[l] = Binding::to(f, How::Agreement);
            continue;
        }
        // "The latest sales cost the company $1.8 billion", with a $21
        // billion sale and its $1.8 billion loss in the table: a sum that
        // only context words gave to a fact it disagrees with, and that is
        // exactly another sum of the story, states that one. A noun or a
        // template still binds a wrong figure where it says; shares and
        // counts are too alike to tell apart by value.
        let Some(f) = b.fact.filter(|_| b.how == How::Context) else {
            continue;
        };
        let same_sum = |o: FactId| {
            let fact = &table.facts[o];
            matches!(fact.measure, Measure::Money(_))
                && q.value == fact.value
                && compare(q, fact) == Verdict::Agrees
        };
        let exact: Vec<FactId> = table.stories[table.facts[f].story]
            .facts
            .iter()
            .copied()
            .filter(|&o| o != f && same_sum(o))
            .collect();
        if let [o] = exact[..] {
            out.of[l] = Binding::to(o, How::Agreement);
        }
    }
}

/// Whether the noun phrase of a figure goes on to a second thing: "in
/// common stock and depository shares" (not "and $500m of preferred
/// shares", a figure of its own).
fn names_more_than_one(text: &str, q: &Quantity) -> bool {
    let Some(n) = q.syntax.in_noun.or(q.syntax.noun) else {
        return false;
    };
    let after = text.get(n.end..).unwrap_or_default().trim_start();
    ["and ", "plus ", "& "].iter().any(|j| {
        after
            .strip_prefix(j)
            .map(str::trim_start)
            .is_some_and(|next| {
                next.starts_with(|c: char| c.is_alphabetic() && !c.is_uppercase())
                    && !next.starts_with("a ")
            })
    })
}

/// "On March 10, the regulator announced…", with the bank's own
/// announcement on 8 March and its closure on 10 March in the table: a day
/// that only context words gave to one event, and that is exactly the day
/// of other events of the story that its words also name ("took
/// possession"), is one of theirs. A day its words give to no other event
/// ("on 18 June it was declared lost", the day of the dive) stays wrong.
fn another_events_day(
    table: &FactTable,
    q: &Quantity,
    b: &Binding,
    named: &dyn Fn(FactId) -> bool,
) -> Vec<FactId> {
    let parts = || {
        let f = b.fact.filter(|_| b.how == How::Context)?;
        let p = q.date.filter(|_| q.relative.is_none())?;
        Some((
            f,
            p,
            i8::try_from(p.month?).ok()?,
            i8::try_from(p.day?).ok()?,
        ))
    };
    let Some((f, p, month, day)) = parts() else {
        return Vec::new();
    };
    let on_that_day = |o: FactId| {
        table.facts[o].when.is_some_and(|w| {
            w.precision == crate::time::Precision::Day
                && w.start.month() == month
                && w.start.day() == day
                && p.year.is_none_or(|y| w.start.year() == y)
        })
    };
    if on_that_day(f) {
        return Vec::new();
    }
    table.stories[table.facts[f].story]
        .facts
        .iter()
        .copied()
        .filter(|&o| o != f && table.facts[o].measure == Measure::Date && on_that_day(o))
        .filter(|&o| named(o))
        .collect()
}

/// Whether a binding is left among the days of one value over time.
fn among_days(table: &FactTable, b: &Binding) -> bool {
    let Some(&first) = b.candidates.first() else {
        return false;
    };
    let series = table.facts[first].series.as_deref();
    b.how == How::Ambiguous
        && series.is_some()
        && b.candidates
            .iter()
            .all(|&f| table.facts[f].series.as_deref() == series)
}

/// "The search continued Tuesday, with about three days of air left": a
/// figure its words leave to the days of one value over time is of the
/// one weekday its sentence names, when one of those days is that weekday.
/// Decided before agreement, so that a wrong figure is not read as another
/// day's right one.
pub(crate) fn over_time_by_weekday(
    text: &str,
    table: &FactTable,
    ex: &Extraction,
    out: &mut Bindings,
) {
    for (l, q) in ex.quantities.iter().enumerate() {
        let b = &out.of[l];
        // "the 96-hour air supply": an adjective of time is the whole, not
        // what is left on a day.
        if !among_days(table, b) || text[q.figure.range()].contains('-') {
            continue;
        }
        // "… 40 hours of oxygen left, until 5 a.m. on Thursday": a deadline
        // is not the day the figure was given.
        let deadline = |d: &Quantity| {
            text[q.syntax.sentence.start..d.figure.start]
                .split(|c: char| !c.is_alphanumeric())
                .rev()
                .filter(|w| !w.is_empty())
                .take(7)
                .any(|w| {
                    matches!(
                        w.to_ascii_lowercase().as_str(),
                        "until" | "by" | "before" | "till"
                    )
                })
        };
        let weekdays: Vec<u8> = ex
            .quantities
            .iter()
            .filter(|d| d.kind == Kind::Date && q.syntax.sentence.contains(d.figure))
            .filter(|d| !deadline(d))
            .filter_map(|d| d.date.filter(|p| p.day.is_none()).and_then(|p| p.weekday))
            .collect();
        let [w] = weekdays[..] else { continue };
        let on_that_weekday: Vec<FactId> = b
            .candidates
            .iter()
            .copied()
            .filter(|&f| {
                table.facts[f].as_of.is_some_and(|at| {
                    i16::from(w) == i16::from(at.start.weekday().to_monday_zero_offset())
                })
            })
            .collect();
        if let [f] = on_that_weekday[..] {
            out.of[l] = Binding::to(f, How::Series);
        }
    }
}

/// "the sub had 60 hours of oxygen left", with 70, 40 and 20 hours given on
/// three days and no day said: a figure its words leave to the days of one
/// value over time is that value on the day whose figure is nearest, so a
/// wrong figure is still checked (a day said beside it has already ruled
/// the other days out).
pub(crate) fn over_time(table: &FactTable, ex: &Extraction, out: &mut Bindings) {
    for (l, q) in ex.quantities.iter().enumerate() {
        let b = &out.of[l];
        if !among_days(table, b) {
            continue;
        }
        let nearest = b.candidates.iter().copied().min_by_key(|&f| {
            let fact = &table.facts[f];
            let agrees = compare(q, fact) == Verdict::Agrees;
            let ratio = crate::checks::compare::unit_ratio(q, fact);
            let said = q.value * ratio;
            let (low, high) = fact.range.unwrap_or((fact.value, fact.value));
            // A range is as near as its two ends: "250 to 400" is nearer
            // 350 to 400 than 200.
            let off = match q.high {
                Some(h) => (low - said).abs() + (high - h * ratio).abs(),
                None => (low - said).max(said - high).max(Decimal::ZERO),
            };
            (!agrees, off)
        });
        if let Some(f) = nearest {
            out.of[l] = Binding::to(f, How::Series);
        }
    }
}

/// "90% of them convicts, or about 900 men": a count restating a share is
/// the count the share implies.
fn restatements(table: &FactTable, ex: &Extraction, out: &mut Bindings) {
    for l in 0..ex.quantities.len() {
        let Some(p) = ex.quantities[l]
            .syntax
            .restates
            .and_then(|g| g.checked_sub(ex.first_index))
        else {
            continue;
        };
        let Some(share) = out.of.get(p).and_then(|b| b.fact) else {
            continue;
        };
        let implied = table
            .facts
            .iter()
            .position(|f| f.derived.is_some_and(|(s, _)| s == share));
        if let Some(d) =
            implied.filter(|&d| super::compatible(&ex.quantities[l], table.facts[d].measure))
        {
            out.of[l] = Binding::to(d, How::Partitive);
        }
    }
}

fn enumerations(
    table: &FactTable,
    ex: &Extraction,
    scores: &[Vec<(FactId, i32, How)>],
    out: &mut Bindings,
) {
    let n = ex.quantities.len();
    for l0 in 0..n {
        let Some(m) = ex.quantities[l0].syntax.member.filter(|m| m.is_total) else {
            continue;
        };
        if m.total != ex.first_index + l0 {
            continue;
        }
        let parts: Vec<usize> = (0..n)
            .filter(|&l| {
                ex.quantities[l]
                    .syntax
                    .member
                    .is_some_and(|pm| !pm.is_total && pm.total == m.total)
            })
            .collect();
        // The parts name the total: both parts of wagner-personnel make it wagner-personnel.
        if open(&out.of[l0]) {
            let parents: Vec<Option<FactId>> = parts
                .iter()
                .filter_map(|&p| out.of[p].fact)
                .map(|f| table.facts[f].part_of)
                .collect();
            if let Some(&Some(t)) = parents.first()
                && parents.iter().all(|p| *p == Some(t))
                && may_take(scores, out, l0, t)
            {
                out.of[l0] = Binding::to(t, How::Enumeration);
            }
        }
        let Some(total) = out.of[l0].fact else {
            continue;
        };
        let fact_parts = &table.facts[total].parts;
        if fact_parts.is_empty() {
            continue;
        }
        // Parts whose own evidence, narrowed to the total's parts, names one.
        for &p in &parts {
            if out.of[p].fact.is_some_and(|f| fact_parts.contains(&f)) {
                continue;
            }
            let fits: Vec<FactId> = scores[p]
                .iter()
                .map(|(f, _, _)| *f)
                .filter(|f| fact_parts.contains(f))
                .collect();
            if fits.len() == 1 {
                out.of[p] = Binding::to(fits[0], How::Enumeration);
            }
        }
        // The one part left over is the one fact left over. A part bound to
        // the total itself ("50,000 … including 10,000 mercenaries", where
        // "mercenaries" names the whole force) is left over too.
        let is_open = |p: usize| open(&out.of[p]) || out.of[p].fact == Some(total);
        let used: Vec<FactId> = parts.iter().filter_map(|&p| out.of[p].fact).collect();
        let left_facts: Vec<FactId> = fact_parts
            .iter()
            .copied()
            .filter(|f| !used.contains(f))
            .collect();
        let left_parts: Vec<usize> = parts.iter().copied().filter(|&p| is_open(p)).collect();
        if left_facts.len() == 1 && left_parts.len() == 1 && parts.len() == fact_parts.len() {
            let (p, f) = (left_parts[0], left_facts[0]);
            let evidence_allows =
                scores[p].is_empty() || scores[p].iter().any(|(c, _, _)| *c == f || *c == total);
            if evidence_allows {
                out.of[p] = Binding::to(f, How::Enumeration);
            }
        }
    }
}

/// "about 50,000 paid mercenaries … about 40,000 of these are convicts":
/// a bound part names its base's fact.
fn partitive_bases(
    table: &FactTable,
    ex: &Extraction,
    scores: &[Vec<(FactId, i32, How)>],
    out: &mut Bindings,
) {
    for l in 0..ex.quantities.len() {
        let Some(Base::Quantity(g)) = ex.quantities[l].syntax.base else {
            continue;
        };
        let Some(b) = g
            .checked_sub(ex.first_index)
            .filter(|&b| b < ex.quantities.len())
        else {
            continue;
        };
        let Some(f) = out.of[l].fact else { continue };
        let fact = &table.facts[f];
        let parent = fact
            .part_of
            .or(fact.of)
            .or(fact.derived.map(|(_, base)| base));
        if let Some(t) = parent
            && may_take(scores, out, b, t)
            && super::compatible(&ex.quantities[b], table.facts[t].measure)
        {
            out.of[b] = Binding::to(t, How::Partitive);
        }
    }
}
