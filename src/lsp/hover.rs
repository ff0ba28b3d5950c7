//! Hover on a figure: what numcheck read it as, and the fact it bound to
//! with the canonical value and who said it — the same facts `numcheck
//! extract` lists, for the one figure under the cursor.

use std::fmt::Write;

use crate::engine;
use crate::facts::FactTable;
use crate::listing::{self, Item};
use crate::load::Document;
use crate::source::Span;

/// The span of the quantity at `offset` and its description in Markdown.
pub fn describe(doc: &Document, table: &FactTable, offset: usize) -> Option<(Span, String)> {
    let listing = listing::list(doc, table, &engine::Options::default());
    // The narrowest quantity holding the cursor ("2014" inside a range).
    let item = listing
        .quantities
        .iter()
        .filter(|q| q.start <= offset && offset <= q.end)
        .min_by_key(|q| q.end - q.start)?;
    Some((Span::new(item.start, item.end), markdown(item, table)))
}

fn markdown(item: &Item, table: &FactTable) -> String {
    let mut out = format!("**{}** — {}", item.text, item.kind);
    let mut read = vec![format!("value {}", item.value)];
    if let Some(high) = &item.range_high {
        read.push(format!("up to {high}"));
    }
    if let Some(unit) = &item.unit {
        read.push(format!("unit {unit}"));
    }
    if let Some(per) = item.per {
        read.push(format!("per {per}"));
    }
    if let Some(q) = item.qualifier {
        read.push(format!("qualifier \"{q}\""));
    }
    if let Some(noun) = &item.noun {
        read.push(format!("counts \"{noun}\""));
    }
    let _ = write!(out, "\n\nread as: {}", read.join(" · "));
    match item
        .fact
        .as_deref()
        .and_then(|id| table.facts.iter().find(|f| f.id == id))
    {
        Some(fact) => {
            let _ = write!(
                out,
                "\n\nbound to `{}` (by {})\n\ncanonical: {}",
                fact.id,
                item.bound_by,
                fact.describe_attributed()
            );
            if let Some(source) = &fact.source {
                let _ = write!(out, "\n\nsource: {source}");
            }
        }
        None if !item.candidates.is_empty() => {
            let _ = write!(
                out,
                "\n\nnot bound: it could be any of {}",
                item.candidates
                    .iter()
                    .map(|c| format!("`{c}`"))
                    .collect::<Vec<_>>()
                    .join(", ")
            );
        }
        None => out.push_str("\n\nnot bound to a fact: nothing in its sentence names one"),
    }
    out
}
