//! ## What it does
//! Flags a figure with the right digits and the wrong scale: "$100 billion"
//! or "$100,000" where the table says "$100 million".
//!
//! ## Why is this bad?
//! "m" and "bn" are one letter apart and a thousand times apart. The
//! digits look right, so the error survives reading aloud.
//!
//! ## Example
//! ```text
//! Prigozhin spends more than $100bn a month on Wagner.
//! ```
//! Use instead:
//! ```text
//! Prigozhin spends more than $100m a month on Wagner.
//! ```
//!
//! ## Configuration
//! The fact's `value`. Any power of a thousand counts as a change of scale.

use super::compare::{Verdict, compare};
use super::{Context, Family, Meta};
use crate::diagnostic::{Diagnostic, Severity};
use crate::facts::format_value;

pub static META: Meta = Meta {
    code: "NC103",
    name: "scale-mismatch",
    summary: "figure has the canonical digits but another scale (million vs billion)",
    severity: Severity::Error,
    family: Family::Values,
    source: include_str!("scale_mismatch.rs"),
};

pub struct Check;

impl super::Check for Check {
    fn meta(&self) -> &'static Meta {
        &META
    }

    fn run(&self, cx: &Context, out: &mut Vec<Diagnostic>) {
        for (_, q, _, f) in cx.bound_quantities() {
            if compare(q, f) != Verdict::Scale {
                continue;
            }
            let canonical = format_value(f.value, f.measure, None);
            let ratio = if q.value > f.value {
                q.value / f.value
            } else {
                f.value / q.value
            };
            let times = match ratio.normalize().to_string().as_str() {
                "1000" => "a thousand times".to_string(),
                "1000000" => "a million times".to_string(),
                "1000000000" => "a billion times".to_string(),
                other => format!("{other} times"),
            };
            let relation = if q.value > f.value {
                times
            } else {
                format!("1/{} of", ratio.normalize())
            };
            let d = cx
                .fact_finding(
                    &META,
                    f,
                    q.scale.unwrap_or(q.figure),
                    format!("the table says {canonical}"),
                    format!(
                        "{} is {relation} the canonical {canonical}",
                        cx.words(q.figure)
                    ),
                )
                .with_help(format!("write {canonical}"))
                .with_edit(super::fix::replace_scale(cx.text, q, f.value));
            out.push(d);
        }
    }
}
