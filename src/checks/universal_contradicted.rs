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

use super::{Context, Family, Meta, group, relation_fails, relation_holds_for};
use crate::diagnostic::{Diagnostic, Severity};

pub static META: Meta = Meta {
    code: "NC113",
    name: "universal-contradicted",
    summary: "claim about all (or none) of a group that the figures contradict",
    severity: Severity::Error,
    family: Family::Values,
    source: include_str!("universal_contradicted.rs"),
};

pub struct Check;

impl super::Check for Check {
    fn meta(&self) -> &'static Meta {
        &META
    }

    fn run(&self, cx: &Context, out: &mut Vec<Diagnostic>) {
        for u in &cx.bound.universals {
            let counter = if u.negative {
                relation_holds_for(cx.table, u.relation, u.fact)
            } else {
                relation_fails(cx.table, u.relation, u.fact)
            };
            if counter.is_empty() {
                continue;
            }
            let rel = &cx.table.relations[u.relation];
            let whole = group(cx.table, u.fact);
            let counter: Vec<String> = counter.iter().map(|&g| group(cx.table, g)).collect();
            let verb = if u.negative { "are" } else { "are not" };
            let d = Diagnostic::new(
                &META,
                META.severity,
                format!(
                    "\"{}\" is contradicted by the table: of {whole}, {} {verb} {}",
                    cx.words(u.span),
                    counter.join(" and "),
                    rel.says
                ),
                cx.label(u.span, "said of the whole group"),
            )
            .with_secondary(cx.label(u.subject, format!("the group: {whole}")))
            .with_secondary(cx.relation_label(u.relation))
            .with_note(cx.canonical_note(&cx.table.facts[u.fact]))
            .with_help(format!(
                "say which part of the group is meant, e.g. \"some\" or \"most\" instead of \"{}\"",
                cx.words(u.span).split_whitespace().next().unwrap_or("all")
            ))
            .with_fact(&cx.table.facts[u.fact].id);
            out.push(d);
        }
    }
}
