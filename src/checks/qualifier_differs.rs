//! ## What it does
//! Notes a qualifier that differs from the canonical one without
//! contradicting it: "about $100 million" where the table says "more than
//! $100 million", or "more than 50,000" where it says "about 50,000".
//!
//! ## Why is this bad?
//! It may be fine: outlets round a briefing differently. But "about" and
//! "more than" are different claims, and a careful editor wants to know
//! which one the source made. It is a note, never an error.
//!
//! ## Example
//! ```text
//! Wagner has more than 50,000 fighters in Ukraine.
//! ```
//! Use instead, if the briefing said "about":
//! ```text
//! Wagner has about 50,000 fighters in Ukraine.
//! ```
//!
//! ## Configuration
//! List qualifiers that are fine for a fact in its `accept` key:
//! `accept = ["about"]` silences this note for "about".

use super::compare::{QualifierVerdict, Verdict, compare, compare_qualifier};
use super::{Context, Family, Meta};
use crate::diagnostic::{Diagnostic, Severity};

pub static META: Meta = Meta {
    code: "NC106",
    name: "qualifier-differs",
    summary: "qualifier differs from the canonical one (about vs more than)",
    severity: Severity::Note,
    family: Family::Values,
    source: include_str!("qualifier_differs.rs"),
};

pub struct Check;

impl super::Check for Check {
    fn meta(&self) -> &'static Meta {
        &META
    }

    fn run(&self, cx: &Context, out: &mut Vec<Diagnostic>) {
        for (_, q, _, f) in cx.bound_quantities() {
            let Some(qual) = q.qualifier else { continue };
            // No qualifier to differ from: the time since a date ("more than
            // ten months" of a war since February), which NC305 holds to the
            // time elapsed, and a rank, told by its bound ("one of the top
            // 20 banks" of the 16th largest).
            if f.when.is_some() || f.unit_label == "rank" {
                continue;
            }
            if compare(q, f) != Verdict::Agrees
                || compare_qualifier(Some(qual.approx), f) != QualifierVerdict::Differs
            {
                continue;
            }
            let d = cx
                .fact_finding(
                    &META,
                    f,
                    qual.span,
                    format!("the table says {}", f.describe()),
                    format!(
                        "\"{}\" differs from the canonical {}",
                        cx.words(qual.span),
                        f.describe()
                    ),
                )
                .with_help(format!(
                    "if the source said \"{}\", add it to `accept` for `{}`",
                    cx.words(qual.span),
                    f.id
                ))
                .with_edit(
                    f.qualifier
                        .map(|a| crate::facts::qualifier_phrase(a, f.measure))
                        .and_then(|words| super::fix::replace_qualifier(cx.text, qual.span, words)),
                );
            out.push(d);
        }
    }
}
