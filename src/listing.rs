//! `numcheck extract`: every quantity of a document, what it was read as,
//! and what it bound to or why it did not — for people writing rules.

use std::io::{self, Write};

use rust_decimal::prelude::ToPrimitive;
use serde::Serialize;
use serde_json::Value;

use crate::bind::How;
use crate::engine;
use crate::extract::{Kind, Quantity, Unit};
use crate::facts::FactTable;
use crate::load::Document;
use crate::time;

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
    /// The date the document was written, as numcheck determined it.
    pub document_date: Option<String>,
    /// Where that date came from: front matter, --date, a dateline or the story.
    pub document_date_from: Option<String>,
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

pub fn list(doc: &Document, table: &FactTable, opts: &engine::Options) -> Listing {
    let file = &doc.file;
    let text = doc.prose();
    let active = engine::active_stories(table, doc);
    let doc_date = engine::document_date(doc, table, &active, opts);
    let mut items = Vec::new();
    engine::analyse(doc, table, |ex, bound| {
        for (l, q) in ex.quantities.iter().enumerate() {
            let b = &bound.of[l];
            // A date held to the day of the figure beside it shows that
            // figure's fact: it is checked against it.
            let dated = bound.dated.get(l).copied().flatten();
            let fact = b.fact.or(dated).map(|f| &table.facts[f]);
            let at = file.line_col(q.span.start);
            let resolved = (q.kind == Kind::Date)
                .then(|| time::resolve(q, doc_date.as_ref().map(|d| d.date)))
                .flatten();
            let value = match (q.kind, resolved, q.date) {
                (Kind::Date, Some(r), _) => Value::from(r.iso()),
                (Kind::Date, None, Some(d)) => Value::from(d.iso()),
                (Kind::Date, None, None) => Value::Null,
                _ => number(q.value),
            };
            let how = match (dated, q.binds()) {
                (Some(_), _) => "figure",
                (None, true) => b.how.as_str(),
                (None, false) => How::Unbound.as_str(),
            };
            items.push(Item {
                start: q.span.start,
                end: q.span.end,
                line: at.line,
                column: at.column,
                text: crate::prose::words_at(text, q.span),
                kind: q.kind.as_str(),
                value,
                unit: unit_name(
                    q,
                    fact.filter(|_| dated.is_none())
                        .map(|f| f.unit_label.as_str()),
                ),
                per: q.per.map(|p| p.0.as_str()),
                approx: q.qualifier.map(|a| a.approx.json_name()),
                qualifier: q.qualifier.map(|a| a.approx.as_str()),
                range_high: q.high.map(number),
                fact: fact.map(|f| f.id.clone()),
                bound_by: how,
                candidates: b
                    .candidates
                    .iter()
                    .map(|&f| table.facts[f].id.clone())
                    .collect(),
                noun: q.syntax.noun.map(|n| crate::prose::words_at(text, n)),
            });
        }
    });
    Listing {
        version: 1,
        path: file.name().to_string(),
        stories: active
            .into_iter()
            .map(|s| table.stories[s].id.clone())
            .collect(),
        document_date: doc_date.as_ref().map(|d| d.date.to_string()),
        document_date_from: doc_date.as_ref().map(|d| d.explain(text)),
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
    let date = listing
        .document_date_from
        .as_deref()
        .unwrap_or("unknown (no front matter, --date, dateline or story date)");
    writeln!(w, "document date: {date}")?;
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
