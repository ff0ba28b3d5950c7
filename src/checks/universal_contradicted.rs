//! ## What it does
//! Flags a claim about every (or no) member of a group that the table's
//! own figures contradict: "Wagner's members are all ex-servicemen" when
//! 40,000 of its 50,000 personnel are convicts recruited from prisons.
//!
//! ## Why is this bad?
//! A universal needs only one counter-example to be false, and here the
//! counter-example is most of the group. It contains no figure, so no
//! figure check would catch it.
//!
//! ## Example
//! ```text
//! Wagner Group members are all ex-servicemen from the Russian military.
//! ```
//! Use instead:
//! ```text
//! Some Wagner fighters are ex-servicemen; most are convicts.
//! ```
//!
//! ## Configuration
//! A `[[relation]]` in rules.toml with `excludes` (groups it is false of)
//! or `applies_to` (the only groups it is true of), and the `terms` that
//! name the group. The universal words ("all", "every", "entirely",
//! "exclusively", "only", "none", "no") are built in.

use rust_decimal::Decimal;

use super::{Context, Family, Meta, group, relation_fails, relation_holds_for};
use crate::bind::Claim;
use crate::diagnostic::{Diagnostic, Severity};
use crate::facts::{FactId, FactTable, format_number};

pub static META: Meta = Meta {
    code: "NC113",
    name: "universal-contradicted",
    summary: "claim about all (or none) of a group that the figures contradict",
    severity: Severity::Error,
    family: Family::Values,
    source: include_str!("universal_contradicted.rs"),
};

pub struct Check;

/// Who contradicts "all (or none) of `g` are `p`": the other parts of `g`,
/// or the share of `g` the table gives `p`.
fn member_counter(table: &FactTable, g: FactId, p: FactId, negative: bool) -> Vec<String> {
    let fact = &table.facts[p];
    let share = match (fact.of, fact.derived) {
        (Some(base), _) if base == g => Some(fact.value),
        (_, Some((s, base))) if base == g => Some(table.facts[s].value),
        _ => None,
    };
    if let Some(pct) = share {
        let hundred = Decimal::ONE_HUNDRED;
        return match (negative, pct) {
            (false, v) if v < hundred => vec![format!("{}%", format_number(hundred - v))],
            (true, v) if v > Decimal::ZERO => vec![format!("{}%", format_number(v))],
            _ => Vec::new(),
        };
    }
    if p == g || !table.is_within(p, g) {
        return Vec::new();
    }
    if negative {
        // "of about 50,000 personnel, 40,000 are convicts"
        return vec![table.facts[p].describe()];
    }
    table
        .with_parts(g)
        .into_iter()
        .filter(|&m| table.facts[m].parts.is_empty() && !table.is_within(m, p))
        .map(|m| group(table, m))
        .collect()
}

impl super::Check for Check {
    fn meta(&self) -> &'static Meta {
        &META
    }

    fn run(&self, cx: &Context, out: &mut Vec<Diagnostic>) {
        for u in &cx.bound.universals {
            let (counter, says) = match &u.claim {
                Claim::Relation(r) => {
                    let groups = if u.negative {
                        relation_holds_for(cx.table, *r, u.fact)
                    } else {
                        relation_fails(cx.table, *r, u.fact)
                    };
                    (
                        groups
                            .iter()
                            .map(|&g| group(cx.table, g))
                            .collect::<Vec<_>>(),
                        cx.table.relations[*r].says.clone(),
                    )
                }
                Claim::Member(ps) => {
                    let counter = ps
                        .iter()
                        .flat_map(|&p| member_counter(cx.table, u.fact, p, u.negative))
                        .collect();
                    (
                        counter,
                        ps.first()
                            .map_or_else(String::new, |&p| cx.table.facts[p].name.clone()),
                    )
                }
            };
            if counter.is_empty() {
                continue;
            }
            let whole = group(cx.table, u.fact);
            let verb = if u.negative { "are" } else { "are not" };
            let mut counter = counter;
            counter.dedup();
            let message = if counter == [whole.clone()] {
                format!(
                    "\"{}\" is contradicted by the table: the {whole} {verb} {says}",
                    cx.words(u.span)
                )
            } else {
                format!(
                    "\"{}\" is contradicted by the table: of {whole}, {} {verb} {says}",
                    cx.words(u.span),
                    counter.join(" and ")
                )
            };
            let mut d = Diagnostic::new(
                &META,
                META.severity,
                message,
                cx.label(u.span, "said of the whole group"),
            )
            .with_secondary(cx.label(u.subject, format!("the group: {whole}")))
            .with_note(cx.canonical_note(&cx.table.facts[u.fact]))
            .with_help(format!(
                "say which part of the group is meant, e.g. \"some\" or \"most\" instead of \"{}\"",
                cx.words(u.span).split_whitespace().next().unwrap_or("all")
            ))
            .with_fact(&cx.table.facts[u.fact].id);
            if let Claim::Relation(r) = &u.claim {
                d = d.with_secondary(cx.relation_label(*r));
            }
            out.push(d);
        }
    }
}
