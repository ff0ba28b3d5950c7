//! ## What it does
//! Flags a relation phrase attached to a group it is not true of:
//! "50,000 personnel recruited from Russian prisons, including 10,000
//! contractors and 40,000 convicts" says the contractors came from prisons
//! too, when only the convicts did.
//!
//! ## Why is this bad?
//! Every figure in such a sentence can be right while the sentence is
//! wrong. The phrase modifies the noun phrase before it, and parts listed
//! after "including" inherit what is said of their total.
//!
//! ## Example
//! ```text
//! Wagner has 50,000 personnel recruited from Russian prisons, including
//! 10,000 contractors and 40,000 convicts.
//! ```
//! Use instead:
//! ```text
//! Wagner has 50,000 personnel, including 10,000 contractors and 40,000
//! convicts recruited from Russian prisons.
//! ```
//!
//! ## Configuration
//! A `[[relation]]` in rules.toml: its `phrases`, and `applies_to` (the
//! facts it is true of) or `excludes` (those it is false of).

use super::{Context, Family, Meta, group, relation_fails};
use crate::diagnostic::{Diagnostic, Severity};

pub static META: Meta = Meta {
    code: "NC111",
    name: "wrong-relation",
    summary: "relation attached to a group it is not true of",
    severity: Severity::Error,
    family: Family::Values,
    source: include_str!("wrong_relation.rs"),
};

pub struct Check;

impl super::Check for Check {
    fn meta(&self) -> &'static Meta {
        &META
    }

    fn run(&self, cx: &Context, out: &mut Vec<Diagnostic>) {
        for a in &cx.bound.attachments {
            let Some(f) = cx.bound.fact_of(cx.ex, a.quantity) else {
                continue;
            };
            let Some(q) = cx.ex.get(a.quantity) else {
                continue;
            };
            let fails = relation_fails(cx.table, a.relation, f);
            if fails.is_empty() {
                continue;
            }
            let rel = &cx.table.relations[a.relation];
            let fact = &cx.table.facts[f];
            let wrong_for: Vec<String> = fails.iter().map(|&g| group(cx.table, g)).collect();
            let true_of: Vec<String> = rel.applies_to.iter().map(|&g| group(cx.table, g)).collect();
            let said_of = format!("{} {}", cx.words(q.figure), fact.name);
            let mut d = Diagnostic::new(
                &META,
                META.severity,
                if fails == [f] {
                    // Said of a group it is simply not true of.
                    match true_of.is_empty() {
                        false => format!(
                            "\"{}\" is said of {said_of}, but it is true only of the {}",
                            rel.says,
                            true_of.join(" and ")
                        ),
                        true => format!(
                            "\"{}\" is said of {said_of}, but it is not true of them",
                            rel.says
                        ),
                    }
                } else {
                    format!(
                        "\"{}\" is said of {said_of}, but it is not true of {}",
                        rel.says,
                        wrong_for.join(" or ")
                    )
                },
                cx.label(a.span, format!("said of the {said_of}")),
            )
            .with_secondary(cx.label(
                q.figure.cover(q.syntax.noun.unwrap_or(q.figure)),
                "the group it modifies",
            ))
            .with_secondary(cx.relation_label(a.relation))
            .with_fact(&fact.id);
            if !true_of.is_empty() {
                d = d
                    .with_note(format!(
                        "\"{}\" is true only of the {}",
                        rel.says,
                        true_of.join(" and ")
                    ))
                    .with_help(format!(
                        "attach \"{}\" to the {}",
                        cx.words(a.span),
                        true_of.join(" and ")
                    ));
            } else {
                d = d.with_help(format!(
                    "\"{}\" cannot be said of the {}",
                    rel.says,
                    wrong_for.join(" or ")
                ));
            }
            out.push(d);
        }
    }
}
