//! ## What it does
//! Flags a sum described as flowing the wrong way: "the group receives $100
//! million in aid each month" where the table says its founder spends it.
//!
//! ## Why is this bad?
//! Who pays and who is paid is the point of a money figure. "Receives in
//! aid" turns a man funding his army into a state sponsoring it.
//!
//! ## Example
//! ```text
//! Wagner receives $100 million in aid each month.
//! ```
//! Use instead:
//! ```text
//! Prigozhin spends more than $100 million a month on Wagner.
//! ```
//!
//! ## Configuration
//! `[fact.direction]` in rules.toml: `right` lists words for the way the
//! money goes ("spends", "funds"), `wrong` the words for the other way
//! ("receives", "in aid"). A sum with a wrong word and no right word near
//! it is flagged.

use super::{Context, Family, Meta};
use crate::diagnostic::{Diagnostic, Severity};

pub static META: Meta = Meta {
    code: "NC112",
    name: "direction-flip",
    summary: "money described as flowing the opposite way (receives vs spends)",
    severity: Severity::Error,
    family: Family::Values,
    source: include_str!("direction_flip.rs"),
};

pub struct Check;

impl super::Check for Check {
    fn meta(&self) -> &'static Meta {
        &META
    }

    fn run(&self, cx: &Context, out: &mut Vec<Diagnostic>) {
        for flow in &cx.bound.flows {
            if flow.wrong.is_empty() || !flow.right.is_empty() {
                continue;
            }
            let Some(q) = cx.ex.get(flow.quantity) else {
                continue;
            };
            let f = &cx.table.facts[flow.fact];
            let claim = flow.wrong.iter().fold(q.figure, |s, w| s.cover(*w));
            let wrong: Vec<String> = flow
                .wrong
                .iter()
                .map(|w| format!("\"{}\"", cx.words(*w)))
                .collect();
            // The third person reads best in a suggestion: "spends".
            let right = f
                .right_words
                .iter()
                .find(|w| w.ends_with('s') && !w.ends_with("ss"))
                .or(f.right_words.first())
                .map_or("spends", String::as_str);
            let message = format!(
                "direction flipped: the text says {}, but the canonical {} is money its source {right}",
                wrong.join(" … "),
                f.describe()
            );
            let label = format!("{} the wrong way", cx.words(q.figure));
            let d = cx
                .fact_finding(&META, f, claim, label, message)
                .with_help(format!(
                    "say who {right} it: \"… {right} {}\"",
                    f.describe()
                ));
            out.push(d);
        }
    }
}
