//! Attaching what a sentence says about a figure to that figure.
//!
//! A relation phrase ("recruited from Russian prisons") modifies the noun
//! phrase before it: the nearest quantity whose noun phrase ends before the
//! phrase, if only participles, adverbs and short place phrases stand
//! between ("50,000 personnel recruited from…"), or a relative clause does
//! ("40,000 inmates whom Mr. Kirby said the company had recruited from…").
//! A non-numeric quantifier between ("most of them recruited from…") or a
//! clause break stops it: the phrase is then about something else.
//!
//! A universal ("are all ex-servicemen") is a relation phrase after "all",
//! "every", "entirely"… with a group named before it and no figure.
//! A direction word ("receives", "in aid") attaches to a sum it governs or
//! follows closely.

use super::{Binding, Bindings, How, SentenceView};
use crate::extract::{Base, Extraction, Kind};
use crate::facts::{FactId, FactTable, RelationId, Role};
use crate::prose::{Tok, Tokenizer, words};
use crate::source::Span;

/// A relation phrase attached to a quantity.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Attachment {
    pub relation: RelationId,
    /// Document index of the quantity.
    pub quantity: usize,
    /// The claim: the phrase with the participle that governs it
    /// ("recruited from Russian prisons").
    pub span: Span,
    /// The phrase as matched ("from Russian prisons").
    pub phrase: Span,
}

/// What a universal claims of every (or no) member of a group.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Claim {
    /// A relation: "all ex-servicemen", "none recruited from prisons".
    Relation(RelationId),
    /// Membership of the groups a term names: "all of them convicts".
    Member(Vec<FactId>),
}

/// A claim about every (or no) member of a group.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Universal {
    pub claim: Claim,
    /// The group the claim is about.
    pub fact: FactId,
    /// From the universal word to the end of the phrase: "all ex-servicemen".
    pub span: Span,
    /// The words that named the group.
    pub subject: Span,
    /// "none", "no": the claim is that the relation is true of nobody.
    pub negative: bool,
    /// The relation phrase as matched.
    pub phrase: Span,
}

/// The direction words attached to a sum.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Flow {
    /// Document index of the quantity.
    pub quantity: usize,
    pub fact: FactId,
    pub right: Vec<Span>,
    pub wrong: Vec<Span>,
}

fn relation_of(role: Role) -> Option<RelationId> {
    match role {
        Role::Relation(r) => Some(r),
        _ => None,
    }
}

/// What the words between a figure's noun phrase and a relation phrase make
/// of the phrase.
#[derive(Debug, PartialEq, Eq)]
enum GapKind {
    /// The phrase modifies the noun phrase: "50,000 personnel recruited from…".
    Attaches,
    /// It is claimed of every one of them: "50,000 fighters, all (of them) …".
    Universal { negative: bool },
    /// It is about something else.
    Blocked,
}

/// Hedges that claim something of part of a group: "mostly recruited from".
fn is_hedge(w: &str) -> bool {
    let mut buf = [0u8; 24];
    matches!(
        words::lower(w, &mut buf),
        Some(
            "mostly"
                | "largely"
                | "mainly"
                | "partly"
                | "primarily"
                | "predominantly"
                | "chiefly"
                | "often"
                | "sometimes"
                | "reportedly"
        )
    ) && !w.eq_ignore_ascii_case("reportedly")
}

fn gap_kind(text: &str, gap: Span) -> GapKind {
    let mut words_in: Vec<&str> = Vec::new();
    for tok in Tokenizer::new(text, gap.start, gap.end) {
        match tok.kind {
            Tok::Word | Tok::AlNum | Tok::Num => words_in.push(tok.text(text)),
            // A full stop inside a sentence closes an abbreviation ("Mr.").
            Tok::Punct(',' | '.' | '"' | '“' | '”' | '’' | '‘' | '\'') => {}
            _ => return GapKind::Blocked,
        }
    }
    if words_in.iter().any(|w| is_hedge(w)) {
        return GapKind::Blocked;
    }
    // ", all of them", "are all", "were entirely", ", none of them"
    let lower: Vec<String> = words_in.iter().map(|w| w.to_ascii_lowercase()).collect();
    let filler = |w: &str| {
        matches!(
            w,
            "of" | "them" | "whom" | "are" | "were" | "is" | "was" | "have" | "had" | "been"
        )
    };
    if lower.iter().any(|w| words::is_universal(w) && w != "only")
        && lower.iter().all(|w| words::is_universal(w) || filler(w))
    {
        return GapKind::Universal { negative: false };
    }
    if lower.iter().any(|w| w == "none") && lower.iter().all(|w| w == "none" || filler(w)) {
        return GapKind::Universal { negative: true };
    }
    if words_in.first().is_some_and(|w| words::is_relative(w)) {
        let ok = words_in.len() <= 12
            && !words_in
                .iter()
                .any(|w| words::is_vague_quantifier(w) || words::is_negative_universal(w));
        return if ok {
            GapKind::Attaches
        } else {
            GapKind::Blocked
        };
    }
    if words_in.len() > 4 {
        return GapKind::Blocked;
    }
    let mut after_prep = false;
    for w in &words_in {
        let lw = w.to_ascii_lowercase();
        let ok = after_prep && w.chars().next().is_some_and(char::is_uppercase)
            || lw.len() > 3 && (lw.ends_with("ed") || lw.ends_with("ly"))
            || matches!(
                lw.as_str(),
                "in" | "at"
                    | "on"
                    | "who"
                    | "were"
                    | "was"
                    | "are"
                    | "is"
                    | "been"
                    | "being"
                    | "had"
                    | "have"
                    | "also"
                    | "now"
                    | "then"
                    | "taken"
                    | "drawn"
                    | "freed"
            );
        if !ok {
            return GapKind::Blocked;
        }
        after_prep = matches!(lw.as_str(), "in" | "at" | "on");
    }
    GapKind::Attaches
}

/// The figures a phrase after figure `l` is said of: `l` and the figures
/// listed with it ("10,000 contractors and 40,000 convicts, all of them…").
fn listed_with(text: &str, ex: &Extraction, v: &SentenceView, l: usize) -> Vec<usize> {
    let mut out = vec![l];
    let mut cur = l;
    while let Some(&prev) = v
        .quantities
        .iter()
        .rev()
        .find(|&&p| p < cur && ex.quantities[p].is_numeric_fact_kind())
    {
        let between = text[ex.quantities[prev]
            .syntax
            .np_end
            .min(ex.quantities[cur].span.start)
            ..ex.quantities[cur].span.start]
            .trim();
        if !matches!(between, "and" | "," | ", and") {
            break;
        }
        out.push(prev);
        cur = prev;
    }
    out
}

/// Where the claim starts: the participle and adverbs just before the
/// phrase ("recruited", "taken directly") belong to it.
fn governing_start(text: &str, from: usize, phrase: usize) -> usize {
    let toks: Vec<_> = Tokenizer::new(text, from, phrase).collect();
    let mut start = phrase;
    for t in toks.iter().rev() {
        let w = t.text(text).to_ascii_lowercase();
        let governs = t.kind == Tok::Word
            && (w.len() > 3 && (w.ends_with("ed") || w.ends_with("ly"))
                || matches!(w.as_str(), "taken" | "drawn"));
        if !governs {
            break;
        }
        start = t.start;
    }
    start
}

pub(crate) fn relations(
    text: &str,
    table: &FactTable,
    ex: &Extraction,
    views: &[SentenceView],
    out: &mut Bindings,
) {
    for v in views {
        for (story, m) in &v.matches {
            let Some(r) = relation_of(table.stories[*story].roles[m.pattern]) else {
                continue;
            };
            let start = v.words[m.first].span.start;
            let nearest = v
                .quantities
                .iter()
                .copied()
                .filter(|&l| {
                    ex.quantities[l].syntax.np_end <= start
                        && ex.quantities[l].is_numeric_fact_kind()
                })
                .max_by_key(|&l| ex.quantities[l].syntax.np_end);
            let Some(l) = nearest else { continue };
            if ex.quantities[l].kind == Kind::Percent
                || ex.quantities[l].syntax.conversion_of.is_some()
            {
                continue;
            }
            let gap = Span::new(ex.quantities[l].syntax.np_end, start);
            let phrase = v.match_span(m);
            match gap_kind(text, gap) {
                GapKind::Blocked => continue,
                GapKind::Universal { negative } => {
                    // "Wagner's 50,000 fighters are all former soldiers".
                    let at = text[gap.range()]
                        .find(|c: char| c.is_alphabetic())
                        .map_or(gap.start, |i| gap.start + i);
                    for g in listed_with(text, ex, v, l) {
                        let q = &ex.quantities[g];
                        if let Some(fact) = out.of[g].fact {
                            out.universals.push(Universal {
                                claim: Claim::Relation(r),
                                fact,
                                span: Span::new(at, phrase.end),
                                subject: q.figure.cover(q.syntax.noun.unwrap_or(q.figure)),
                                negative,
                                phrase,
                            });
                        }
                    }
                    continue;
                }
                GapKind::Attaches => {}
            }
            // "The 10,000 contractors, who fight alongside convicts recruited
            // from…": a nearer noun naming a group takes the phrase.
            let nearer = v.matches.iter().any(|(s, mm)| {
                let sp = v.match_span(mm);
                let group = matches!(table.stories[*s].roles[mm.pattern], Role::Term(g) if table.facts[g].measure == crate::facts::Measure::Count);
                group
                    && sp.start >= gap.start
                    && sp.end <= gap.end
            });
            if nearer {
                continue;
            }
            if out.attachments.iter().any(|a| {
                a.relation == r && a.phrase.start <= phrase.start && phrase.end <= a.phrase.end
            }) {
                continue;
            }
            let span = Span::new(
                governing_start(text, ex.quantities[l].syntax.np_end, phrase.start),
                phrase.end,
            );
            out.attachments.push(Attachment {
                relation: r,
                quantity: ex.first_index + l,
                span,
                phrase,
            });
            bind_by_relation(table, ex, out, l, r);
        }
    }
}

/// An open quantity whose possible facts include exactly one the relation
/// is true of is that fact: "including 40,000 recruited from prisons".
fn bind_by_relation(
    table: &FactTable,
    ex: &Extraction,
    out: &mut Bindings,
    l: usize,
    r: RelationId,
) {
    if out.of[l].fact.is_some() {
        return;
    }
    let q = &ex.quantities[l];
    let mut candidates = out.of[l].candidates.clone();
    if candidates.is_empty() {
        let total =
            q.syntax
                .member
                .filter(|m| !m.is_total)
                .map(|m| m.total)
                .or(match q.syntax.base {
                    Some(Base::Quantity(g)) => Some(g),
                    _ => None,
                });
        if let Some(t) = total.and_then(|g| out.fact_of(ex, g)) {
            candidates = table.facts[t].parts.clone();
        }
    }
    let rel = &table.relations[r];
    let fits: Vec<FactId> = candidates
        .into_iter()
        .filter(|f| rel.applies_to.contains(f))
        .collect();
    if fits.len() == 1 {
        out.of[l] = Binding::to(fits[0], How::Relation);
    }
}

pub(crate) fn universals(
    text: &str,
    table: &FactTable,
    ex: &Extraction,
    views: &[SentenceView],
    out: &mut Bindings,
) {
    for v in views {
        for (story, m) in &v.matches {
            let role = table.stories[*story].roles[m.pattern];
            let claim = match role {
                Role::Relation(r) => Claim::Relation(r),
                // Every fact the term names: "convicts" are a part, a share and its count.
                Role::Term(_) => Claim::Member(
                    v.matches
                        .iter()
                        .filter(|(s, mm)| mm.first == m.first && mm.last == m.last && *s == *story)
                        .filter_map(|(s, mm)| match table.stories[*s].roles[mm.pattern] {
                            Role::Term(f) => Some(f),
                            _ => None,
                        })
                        .collect(),
                ),
                _ => continue,
            };
            let span = v.match_span(m);
            let taken = out.attachments.iter().any(|a| a.phrase == span)
                || out.universals.iter().any(|u| u.phrase == span);
            let in_figure = v.quantities.iter().any(|&l| {
                let q = &ex.quantities[l];
                span.start >= q.span.start && span.end <= q.syntax.np_end.max(q.span.end)
            });
            if taken || matches!(claim, Claim::Member(_)) && in_figure {
                continue;
            }
            // "are all ex-servicemen", "entirely former soldiers", "All … are", "None … were".
            let near = (m.first.saturating_sub(4)..m.first)
                .rev()
                .take_while(|&k| k + 1 == m.first || !v.words[k + 1].after_break);
            let mut found = None;
            for k in near.chain(0..2.min(m.first)) {
                let w = &v.words[k].stem;
                if words::is_universal(w) {
                    found = Some((k, false));
                    break;
                }
                if words::is_negative_universal(w) {
                    found = Some((k, true));
                    break;
                }
            }
            let Some((k, negative)) = found else { continue };
            // "only" restricts as often as it generalizes; it must sit right before the phrase.
            if v.words[k].stem == "only" && k + 1 != m.first {
                continue;
            }
            // "Not all…", "are not all…": a universal denied is no universal.
            let denied =
                k > 0 && (v.words[k - 1].stem == "not" || v.words[k - 1].stem.ends_with("n't"));
            // "all either ex-servicemen or convicts": one of several.
            let either = (k + 1..m.first).any(|j| v.words[j].stem == "either")
                || v.words.get(m.last + 1).is_some_and(|w| w.stem == "or");
            // "Every fighter recruited from prison is promised…": a phrase
            // inside the subject narrows it; a claim needs a copula before it.
            let far = m.first - k > 3;
            // A copula, or a plain verb right before the phrase ("None of
            // its fighters come from prisons"), makes it the predicate; a
            // participle ("fighter recruited from prison") keeps it in the subject.
            let verb_before = m.first > k + 1 && {
                let w = &v.words[m.first - 1].stem;
                let participle =
                    w.len() > 3 && (w.ends_with("ed") || w.ends_with("en") || w.ends_with("ing"));
                !participle
                    && !words::is_np_stop(w)
                    && !v.matches.iter().any(|(_, mm)| mm.last == m.first - 1)
            };
            let copula = (k + 1..m.first).any(|j| words::is_copula(&v.words[j].stem));
            let predicate = verb_before || copula;
            // "offers every fighter recruited from a penal colony a pardon":
            // a participle before the phrase keeps it in the noun phrase.
            let participle_before = m.first > k + 1 && {
                let w = &v.words[m.first - 1].stem;
                w.len() > 3 && (w.ends_with("ed") || w.ends_with("en"))
                    || matches!(w.as_str(), "drawn" | "taken")
            };
            if !copula && participle_before && !negative {
                continue;
            }
            if denied || either || far && !predicate {
                continue;
            }
            let between: Vec<&str> = (k + 1..m.first).map(|j| v.words[j].stem.as_str()).collect();
            let pronoun = between
                .iter()
                .any(|w| matches!(*w, "them" | "whom" | "these" | "those"));
            // A group claimed as a term ("all of them convicts") is a claim
            // only after a pronoun or a copula, never as a subject ("all convicts are…").
            let linked = pronoun
                || between.iter().any(|w| words::is_copula(w))
                || k > 0 && words::is_copula(&v.words[k - 1].stem);
            if matches!(claim, Claim::Member(_)) && !linked {
                continue;
            }
            let mut groups: Vec<(FactId, Span)> = Vec::new();
            if !pronoun {
                groups.extend(subject_before(table, ex, v, m.first));
            }
            let mut by_figure = Vec::new();
            if groups.is_empty() {
                // "all of them…": the figures just before.
                let before = v.words[k].span.start;
                if let Some(&l) = v.quantities.iter().rev().find(|&&l| {
                    ex.quantities[l].span.end <= before && ex.quantities[l].is_numeric_fact_kind()
                }) {
                    for g in listed_with(text, ex, v, l) {
                        let q = &ex.quantities[g];
                        if let Some(f) = out.of[g].fact {
                            by_figure.push((
                                f,
                                q.figure.cover(
                                    q.syntax.noun.or(q.syntax.predicate).unwrap_or(q.figure),
                                ),
                            ));
                        }
                    }
                }
            }
            groups.extend(by_figure);
            // "The group's fighters, all of them former soldiers": no figure
            // before the pronoun, so the group named before it.
            if groups.is_empty() && pronoun {
                groups.extend(subject_before(table, ex, v, k));
            }
            for (fact, subject) in groups {
                out.universals.push(Universal {
                    claim: claim.clone(),
                    fact,
                    span: Span::new(v.words[k].span.start.min(span.start), span.end),
                    subject,
                    negative,
                    phrase: span,
                });
            }
        }
    }
}

/// The group named before word `before`, outside any figure: "Wagner Group *members*".
fn subject_before(
    table: &FactTable,
    ex: &Extraction,
    v: &SentenceView,
    before: usize,
) -> Option<(FactId, Span)> {
    let in_figure = |s: Span| {
        v.quantities.iter().any(|&l| {
            let q = &ex.quantities[l];
            s.start >= q.span.start && s.end <= q.syntax.np_end.max(q.span.end)
        })
    };
    let sentence_has = |f: FactId| {
        v.matches
            .iter()
            .any(|(s, m)| table.stories[*s].roles[m.pattern] == Role::Context(f))
    };
    let mut best: Option<(usize, Vec<FactId>, Span)> = None;
    for (story, m) in &v.matches {
        let Role::Term(f) = table.stories[*story].roles[m.pattern] else {
            continue;
        };
        let span = v.match_span(m);
        if m.last >= before || in_figure(span) {
            continue;
        }
        let fact = &table.facts[f];
        let group = fact.measure == crate::facts::Measure::Count;
        if !group || fact.derived.is_some() || fact.has_context && !sentence_has(f) {
            continue;
        }
        match &mut best {
            Some((last, list, s)) if *last == m.last => {
                if !list.contains(&f) {
                    list.push(f);
                }
                *s = s.cover(span);
            }
            Some((last, _, _)) if *last > m.last => {}
            _ => best = Some((m.last, vec![f], span)),
        }
    }
    let (_, list, span) = best?;
    (list.len() == 1).then(|| (list[0], span))
}

pub(crate) fn flows(
    table: &FactTable,
    ex: &Extraction,
    views: &[SentenceView],
    out: &mut Bindings,
) {
    for v in views {
        for &l in &v.quantities {
            let q = &ex.quantities[l];
            let Some(f) = out.of[l].fact.filter(|_| q.kind == Kind::Money) else {
                continue;
            };
            let clause = q.syntax.clause;
            let words_between = |a: usize, b: usize| {
                v.words
                    .iter()
                    .filter(|w| w.span.start >= a && w.span.end <= b)
                    .count()
            };
            let mut flow = Flow {
                quantity: ex.first_index + l,
                fact: f,
                right: Vec::new(),
                wrong: Vec::new(),
            };
            for (story, m) in &v.matches {
                let (right, target) = match table.stories[*story].roles[m.pattern] {
                    Role::Right(x) => (true, x),
                    Role::Wrong(x) => (false, x),
                    _ => continue,
                };
                let span = v.match_span(m);
                if target != f || span.start < clause.start || span.end > clause.end {
                    continue;
                }
                let before =
                    span.end <= q.figure.start && words_between(span.end, q.figure.start) <= 3;
                let after =
                    span.start >= q.figure.end && words_between(q.figure.end, span.start) <= 4;
                if !(before || after) {
                    continue;
                }
                let list = if right {
                    &mut flow.right
                } else {
                    &mut flow.wrong
                };
                if !list.contains(&span) {
                    list.push(span);
                }
            }
            if !flow.right.is_empty() || !flow.wrong.is_empty() {
                out.flows.push(flow);
            }
        }
    }
}
