//! `numcheck extract`: every quantity of a document, what it was read as,
//! and what it bound to or why it did not — for people writing rules.

use std::io::{self, Write};
use std::sync::Arc;

use rust_decimal::prelude::ToPrimitive;
use serde::Serialize;
use serde_json::Value;

use crate::bind::How;
use crate::engine;
use crate::extract::{Kind, Quantity, Unit};
use crate::facts::FactTable;
use crate::source::SourceFile;

/// One quantity as listed.
#[derive(Serialize, Debug)]
pub struct Item {
    pub start: usize,
    pub end: usize,
    pub line: usize,
    pub column: usize,
    pub text: String,
    pub kind: &'static str,
    /// A number, or for dates an ISO 8601 string as precise as the text.
    pub value: Value,
    pub unit: Option<String>,
    pub per: Option<&'static str>,
    pub approx: Option<&'static str>,
    /// The qualifier's own name ("nearly" is `less_than` in `approx`).
    pub qualifier: Option<&'static str>,
    pub range_high: Option<Value>,
    pub fact: Option<String>,
    /// How it bound: noun, predicate, template, context, … or unbound / ambiguous.
    pub bound_by: &'static str,
    /// The facts that tied, when ambiguous.
    pub candidates: Vec<String>,
    /// The noun phrase it counts, if one was found.
    pub noun: Option<String>,
}

/// What `extract` prints.
#[derive(Serialize, Debug)]
pub struct Listing {
    pub version: u32,
    pub path: String,
    /// The stories of the rules file this document is about.
    pub stories: Vec<String>,
    pub quantities: Vec<Item>,
}

fn number(d: rust_decimal::Decimal) -> Value {
    let d = d.normalize();
    if d.scale() == 0
        && let Some(i) = d.to_i64()
    {
        return Value::from(i);
    }
    d.to_f64().map_or(Value::Null, Value::from)
}

fn unit_name(q: &Quantity, fact_unit: Option<&str>) -> Option<String> {
    match (q.unit, fact_unit) {
        (
            Some(
                u @ (Unit::Currency(_) | Unit::Percent | Unit::PercentagePoint | Unit::Measure(_)),
            ),
            _,
        ) => Some(u.name()),
        (Some(Unit::Time(p)), _) => Some(p.as_str().to_string()),
        (None, Some(label)) => Some(label.to_string()),
        (None, None) => None,
    }
}

pub fn list(file: &Arc<SourceFile>, table: &FactTable) -> Listing {
    let text = file.text();
    let mut items = Vec::new();
    engine::analyse(text, table, |ex, bound| {
        for (l, q) in ex.quantities.iter().enumerate() {
            let b = &bound.of[l];
            let fact = b.fact.map(|f| &table.facts[f]);
            let at = file.line_col(q.span.start);
            let value = match (q.kind, q.date) {
                (Kind::Date, Some(d)) => Value::from(d.iso()),
                _ => number(q.value),
            };
            let how = if q.is_numeric_fact_kind() {
                b.how
            } else {
                How::Unbound
            };
            items.push(Item {
                start: q.span.start,
                end: q.span.end,
                line: at.line,
                column: at.column,
                text: text[q.span.range()].to_string(),
                kind: q.kind.as_str(),
                value,
                unit: unit_name(q, fact.map(|f| f.unit_label.as_str())),
                per: q.per.map(|p| p.0.as_str()),
                approx: q.qualifier.map(|a| a.approx.json_name()),
                qualifier: q.qualifier.map(|a| a.approx.as_str()),
                range_high: q.high.map(number),
                fact: fact.map(|f| f.id.clone()),
                bound_by: how.as_str(),
                candidates: b
                    .candidates
                    .iter()
                    .map(|&f| table.facts[f].id.clone())
                    .collect(),
                noun: q.syntax.noun.map(|n| text[n.range()].to_string()),
            });
        }
    });
    Listing {
        version: 1,
        path: file.name().to_string(),
        stories: engine::active_stories(table, text)
            .into_iter()
            .map(|s| table.stories[s].id.clone())
            .collect(),
        quantities: items,
    }
}

pub fn write_json(listing: &Listing, w: &mut dyn Write) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *w, listing)?;
    writeln!(w)
}

pub fn write_human(listing: &Listing, w: &mut dyn Write) -> io::Result<()> {
    let stories = if listing.stories.is_empty() {
        "none (no story's keywords appear)".to_string()
    } else {
        listing.stories.join(", ")
    };
    writeln!(w, "{}: stories: {stories}", listing.path)?;
    for it in &listing.quantities {
        let bound = match (&it.fact, it.bound_by) {
            (Some(f), how) => format!("→ {f} (by {how})"),
            (None, "ambiguous") => format!("ambiguous: {}", it.candidates.join(", ")),
            (None, _) if matches!(it.kind, "count" | "money" | "percent") => "unbound".to_string(),
            (None, _) => String::new(),
        };
        let value = match &it.value {
            Value::String(s) => s.clone(),
            v => v.to_string(),
        };
        let mut read = value;
        if let Some(u) = &it.unit {
            read.push(' ');
            read.push_str(u);
        }
        if let Some(p) = it.per {
            read.push_str(" per ");
            read.push_str(p);
        }
        if let Some(q) = it.qualifier {
            read = format!("{q} {read}");
        }
        writeln!(
            w,
            "{:>4}:{:<3} {:<8} {:<34} {:<28} {bound}",
            it.line,
            it.column,
            it.kind,
            format!("{:?}", it.text),
            read
        )?;
    }
    Ok(())
}
