//! The evidence one quantity carries for each fact, scored.
//!
//! A template is the strongest evidence (4), then the noun after the figure
//! or a copula's complement (3), context words in the clause (2), a term
//! earlier in the clause (1). Some evidence rules a fact out instead: a noun
//! that names other facts but not this one ("1,000 civilians" is no count of
//! fighters), a fact whose `context` words are absent from the clause, or a
//! fact without context when the clause holds another fact's context words
//! ("1,000 contractors killed" counts deaths, not contractors).

use super::{Binding, Bindings, How, SentenceView, compatible};
use crate::extract::{Base, Extraction, Kind};
use crate::facts::{FactId, FactTable, Measure, Role};
use crate::source::Span;

fn term(r: Role) -> Option<FactId> {
    match r {
        Role::Term(f) => Some(f),
        _ => None,
    }
}

fn context(r: Role) -> Option<FactId> {
    match r {
        Role::Context(f) => Some(f),
        _ => None,
    }
}

/// Direction words count as context for the flow they describe.
fn flow(r: Role) -> Option<FactId> {
    match r {
        Role::Right(f) | Role::Wrong(f) => Some(f),
        _ => None,
    }
}

/// A fact's score and the strongest evidence behind it.
struct Tally {
    score: i32,
    how: How,
}

impl Default for Tally {
    fn default() -> Tally {
        Tally {
            score: 0,
            how: How::Unbound,
        }
    }
}

impl Tally {
    fn add(&mut self, points: i32, why: How) {
        self.score += points;
        if points >= 3 || self.how == How::Unbound {
            self.how = why;
        }
    }
}

/// The fact a base of a partitive or share is bound to.
fn base_fact(
    table: &FactTable,
    ex: &Extraction,
    bound: &Bindings,
    view: &SentenceView,
    base: Base,
    active: &[usize],
) -> Option<FactId> {
    match base {
        Base::Quantity(i) => bound.fact_of(ex, i),
        Base::Words(span) => {
            // "those killed", "the dead": a base named by context words or terms.
            let by_context = view.within(table, span, context);
            let by_term = view.suffix_terms(table, span, term);
            let pick = |list: Vec<FactId>| -> Option<FactId> {
                let list: Vec<FactId> = list
                    .into_iter()
                    .filter(|&f| {
                        active.contains(&table.facts[f].story) && table.facts[f].derived.is_none()
                    })
                    .collect();
                (list.len() == 1).then(|| list[0])
            };
            pick(by_context).or_else(|| {
                // A term shared with a fact that needs context: keep the one whose context is absent from the base.
                let plain: Vec<FactId> = by_term
                    .into_iter()
                    .filter(|&f| !table.facts[f].has_context)
                    .collect();
                pick(plain)
            })
        }
    }
}

/// Scores every fact of the active stories for quantity `l` of the window.
pub(crate) fn score(
    table: &FactTable,
    active: &[usize],
    ex: &Extraction,
    bound: &Bindings,
    view: &SentenceView,
    l: usize,
) -> Vec<(FactId, i32, How)> {
    let q = &ex.quantities[l];
    if q.syntax.conversion_of.is_some() {
        return Vec::new();
    }
    let global = ex.first_index + l;
    let nouns = q.syntax.noun.map(|n| view.suffix_terms(table, n, term));
    let preds = q
        .syntax
        .predicate
        .map(|p| view.suffix_terms(table, p, term));
    let named = q.syntax.noun.is_some() || q.syntax.predicate.is_some() || q.syntax.base.is_some();
    // A bare count after its verb is the verb's object ("fighters killed
    // 300" counts victims): only context after it describes it. Sums and
    // shares are named before as often as after ("a budget of £120m").
    let clause = q.syntax.clause;
    let context_span = if named || q.kind != Kind::Count {
        clause
    } else {
        Span::new(q.figure.start, clause.end)
    };
    let contexts = view.within(table, context_span, context);
    let flows = view.within(table, clause, flow);
    let templates: Vec<FactId> = view
        .matches
        .iter()
        .filter(|(_, m)| m.figure == Some(global))
        .filter_map(|(s, m)| match table.stories[*s].roles[m.pattern] {
            Role::Template(f) => Some(f),
            _ => None,
        })
        .collect();
    let subject = if named {
        Vec::new()
    } else {
        view.within(table, Span::new(clause.start, q.span.start), term)
    };
    let base = q
        .syntax
        .base
        .and_then(|b| base_fact(table, ex, bound, view, b, active));
    if q.syntax.base.is_some() && base.is_none() && q.kind == Kind::Percent {
        // A share of something we cannot place is not a share we can check.
        return Vec::new();
    }
    let compatible_facts: Vec<FactId> = active
        .iter()
        .flat_map(|&s| table.stories[s].facts.iter().copied())
        .filter(|&f| compatible(q, table.facts[f].measure))
        .collect();
    // Context words of any fact of this kind present in the clause.
    let context_present = compatible_facts.iter().any(|f| contexts.contains(f));
    let mut out = Vec::new();
    for f in compatible_facts {
        let fact = &table.facts[f];
        let money = matches!(fact.measure, Measure::Money(_));
        let template = templates.contains(&f);
        let mut t = Tally::default();
        // The base decides first: a part or share of another base is ruled out.
        let has_base = match base {
            Some(b) => {
                let fits = match fact.derived {
                    Some((_, db)) => db == b,
                    None => fact.of == Some(b) || f != b && table.is_within(f, b),
                };
                if !fits {
                    continue;
                }
                true
            }
            None => false,
        };
        if template {
            t.add(4, How::Template);
        }
        match &nouns {
            Some(list) if list.contains(&f) => t.add(3, How::Noun),
            // A noun that names nothing in the table, or names other facts.
            Some(_) if !money && q.kind != Kind::Percent && !template => continue,
            _ => {}
        }
        match &preds {
            Some(list) if list.contains(&f) => t.add(3, How::Predicate),
            Some(list) if !list.is_empty() && !money => continue,
            _ => {}
        }
        if contexts.contains(&f) {
            t.add(2, How::Context);
        } else if fact.has_context && !(has_base || template || money && flows.contains(&f)) {
            continue;
        }
        if !fact.has_context && context_present && !money && !template && !has_base {
            continue;
        }
        if money {
            if flows.contains(&f) {
                t.add(2, How::Context);
            }
            if t.score == 0 {
                continue;
            }
        }
        if has_base {
            t.add(3, How::Partitive);
        }
        if subject.contains(&f) {
            t.add(1, How::Subject);
        }
        if t.score > 0 {
            out.push((f, t.score, t.how));
        }
    }
    out
}

/// The unique best-scoring fact, or unbound with the ties listed.
pub(crate) fn decide(scores: &[(FactId, i32, How)]) -> Binding {
    let Some(best) = scores.iter().map(|(_, s, _)| *s).max() else {
        return Binding::unbound();
    };
    let top: Vec<&(FactId, i32, How)> = scores.iter().filter(|(_, s, _)| *s == best).collect();
    if top.len() == 1 {
        Binding::to(top[0].0, top[0].2)
    } else {
        Binding {
            fact: None,
            how: How::Ambiguous,
            candidates: top.iter().map(|(f, _, _)| *f).collect(),
        }
    }
}
