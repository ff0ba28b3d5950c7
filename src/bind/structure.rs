//! What structure settles when evidence alone does not: the total and parts
//! of an enumeration ("50,000, including 10,000 mercenaries and 40,000
//! criminals"), the base of a partitive ("40,000 of these are convicts"),
//! and repeated mentions ("those 1,000 fighters").

use super::{Binding, Bindings, How};
use crate::extract::{Base, Extraction};
use crate::facts::{FactId, FactTable};

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
