//! ## What it does
//! Flags a qualifier that says the opposite of the canonical one, on a
//! figure that otherwise agrees: "fewer than $100 million" or "nearly $100
//! million" where the table says "more than $100 million".
//!
//! ## Why is this bad?
//! "More than" and "fewer than" put the truth on opposite sides of the
//! figure. The number is right and the claim is wrong.
//!
//! ## Example
//! ```text
//! Prigozhin spends nearly $100 million a month, Kirby said.
//! ```
//! Use instead:
//! ```text
//! Prigozhin spends more than $100 million a month, Kirby said.
//! ```
//!
//! ## Configuration
//! The fact's `qualifier`, and `accept` for other qualifiers outlets used
//! that are not errors. "about" against "more than" is only a note
//! (`qualifier-differs`).
//!
//! A date fact with `qualifier = "at most"` is a deadline ("no later than
//! Monday, March 13"): "after Monday, March 13" says the opposite, and so
//! does "before" the day of a fact `qualifier = "at least"` ("not before").

use super::compare::{QualifierVerdict, Verdict, compare, compare_qualifier};
use super::{Context, Family, Meta};
use crate::diagnostic::{Diagnostic, Severity};
use crate::extract::Approx;
use crate::source::Span;
use crate::time;

pub static META: Meta = Meta {
    code: "NC105",
    name: "qualifier-contradiction",
    summary: "qualifier says the opposite of the canonical one (more than vs fewer than)",
    severity: Severity::Error,
    family: Family::Values,
    source: include_str!("qualifier_contradiction.rs"),
};

pub struct Check;

impl super::Check for Check {
    fn meta(&self) -> &'static Meta {
        &META
    }

    fn run(&self, cx: &Context, out: &mut Vec<Diagnostic>) {
        for (_, q, _, f) in cx.bound_quantities() {
            let Some(qual) = q.qualifier else { continue };
            if compare(q, f) != Verdict::Agrees
                || compare_qualifier(Some(qual.approx), f) != QualifierVerdict::Contradicts
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
                        "\"{}\" contradicts the canonical {}",
                        cx.words(qual.span),
                        f.describe()
                    ),
                )
                .with_help(format!("write {}", f.describe()))
                .with_edit(
                    f.qualifier
                        .map(|a| crate::facts::qualifier_phrase(a, f.measure))
                        .and_then(|words| super::fix::replace_qualifier(cx.text, qual.span, words)),
                );
            out.push(d);
        }
        for (q, f, when) in cx.dates_with_days() {
            if q.relative.is_some() || time::resolve(q, cx.doc_date.map(|d| d.date)) != Some(when) {
                continue;
            }
            let Some((word, span)) = preposition_before(cx.text, q.figure.start) else {
                continue;
            };
            let opposite = match f.qualifier {
                Some(Approx::AtMost | Approx::UpTo | Approx::LessThan) => word == "after",
                Some(Approx::AtLeast | Approx::MoreThan) => word == "before",
                _ => false,
            };
            if !opposite {
                continue;
            }
            let limit = match f.qualifier {
                Some(Approx::AtLeast | Approx::MoreThan) => "no earlier than",
                _ => "no later than",
            };
            let d = cx
                .fact_finding(
                    &META,
                    f,
                    span,
                    format!("the table says {limit} {}", when.describe()),
                    format!(
                        "\"{word}\" contradicts the canonical {limit} {}",
                        when.describe()
                    ),
                )
                .with_help(format!("write {limit} {}", when.describe()));
            out.push(d);
        }
    }
}

/// The preposition right before a date ("after Monday", "after on
/// Monday" is not English, so "on" is not skipped) and its span.
fn preposition_before(text: &str, start: usize) -> Option<(&'static str, Span)> {
    let head = text.get(..start)?.trim_end();
    let word_start = head.rfind(|ch: char| !ch.is_alphabetic()).map_or(0, |k| {
        k + head[k..].chars().next().map_or(1, char::len_utf8)
    });
    let word = &head[word_start..];
    let found = ["after", "before"]
        .into_iter()
        .find(|w| word.eq_ignore_ascii_case(w))?;
    Some((
        found,
        Span {
            start: word_start,
            end: head.len(),
        },
    ))
}
