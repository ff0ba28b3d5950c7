//! The checks: one file each, with the documentation `numcheck explain`
//! prints as its module comment, and [`ALL`], the one registry every
//! listing (explain, SARIF rules, LSP hover) is derived from.
//!
//! A check reads a window's quantities and what binding made of them, and
//! pushes diagnostics. It never prints and never fails.

mod age_mismatch;
mod agrees_with_none;
pub mod compare;
pub mod config;
pub mod consensus_outlier;
mod conversion_mismatch;
mod date_mismatch;
mod direction_flip;
mod duration_mismatch;
pub mod fix;
mod impossible_date;
mod inconsistent_repeat;
mod parts_sum;
mod percent_of_base;
mod period_mismatch;
mod qualifier_contradiction;
mod qualifier_differs;
mod relative_date_mismatch;
mod rules_reference;
mod rules_schema;
mod rules_syntax;
mod rules_value;
mod scale_mismatch;
pub mod table_disputed;
mod unit_mismatch;
mod universal_contradicted;
pub mod unused_suppression;
pub(crate) mod value_mismatch;
mod weekday_mismatch;
mod wrong_relation;

use std::sync::Arc;

use crate::bind::Bindings;
use crate::diagnostic::{Diagnostic, Label, Severity};
use crate::extract::{Extraction, Quantity};
use crate::facts::{Fact, FactId, FactTable, RelationId};
use crate::source::{SourceFile, Span};

/// The families codes are grouped in, a hundred codes each.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Family {
    /// NC0xx: configuration: the rules file itself, and inline suppressions.
    Config,
    /// NC1xx: a figure against its canonical fact.
    Values,
    /// NC2xx: figures against each other inside one text.
    Arithmetic,
    /// NC3xx: dates, weekdays, ages and durations.
    Dates,
    /// NC4xx: one outlet against the others.
    CrossDocument,
}

/// What every check declares about itself.
#[derive(Debug)]
pub struct Meta {
    /// Stable, never reused: "NC111".
    pub code: &'static str,
    /// What it flags, in kebab-case: "wrong-relation".
    pub name: &'static str,
    /// One line for listings.
    pub summary: &'static str,
    pub severity: Severity,
    pub family: Family,
    /// The check's own source file; its leading `//!` lines are the explanation.
    pub source: &'static str,
}

impl Meta {
    /// The long documentation: the module comment at the top of the check's file.
    pub fn explanation(&self) -> String {
        let mut out = String::new();
        for line in self.source.lines() {
            let Some(rest) = line.strip_prefix("//!") else {
                break;
            };
            out.push_str(rest.strip_prefix(' ').unwrap_or(rest));
            out.push('\n');
        }
        out
    }
}

/// What a check sees of one window of a document.
pub struct Context<'a> {
    /// The document as read, for labels.
    pub doc: &'a Arc<SourceFile>,
    /// Its prose, with the same byte offsets as the document.
    pub text: &'a str,
    pub table: &'a FactTable,
    pub ex: &'a Extraction,
    pub bound: &'a Bindings,
    /// When the document was written, if known.
    pub doc_date: Option<&'a crate::time::DocDate>,
    /// The stories that apply to the document, by index in `table`.
    pub active: &'a [usize],
}

impl Context<'_> {
    /// Bound quantities: window index, quantity, fact id and fact.
    pub fn bound_quantities(&self) -> impl Iterator<Item = (usize, &Quantity, FactId, &Fact)> {
        self.ex.quantities.iter().enumerate().filter_map(|(l, q)| {
            let f = self.bound.of.get(l)?.fact?;
            Some((l, q, f, &self.table.facts[f]))
        })
    }

    /// Each date with the day it must name: a date bound to a date fact
    /// and its `date`, or a date beside a figure whose fact holds on one
    /// day and its `as_of` ("fell 60% on Thursday").
    pub fn dates_with_days(
        &self,
    ) -> impl Iterator<Item = (&Quantity, &Fact, crate::time::Interval)> {
        let bound = self
            .bound_quantities()
            .filter_map(|(_, q, _, f)| Some((q, f, f.when?)));
        let dated = self.ex.quantities.iter().enumerate().filter_map(|(l, q)| {
            let f = &self.table.facts[(*self.bound.dated.get(l)?)?];
            Some((q, f, f.as_of?))
        });
        bound.chain(dated)
    }

    pub fn label(&self, span: Span, message: impl Into<String>) -> Label {
        Label::new(self.doc, span, message)
    }

    /// A finding about a figure bound to fact `f`: the claim at `span`, the
    /// fact's line in rules.toml, and its canonical value and attribution.
    pub fn fact_finding(
        &self,
        meta: &'static Meta,
        f: &Fact,
        span: Span,
        label: impl Into<String>,
        message: impl Into<String>,
    ) -> Diagnostic {
        Diagnostic::new(meta, meta.severity, message, self.label(span, label))
            .with_secondary(self.fact_label(f))
            .with_note(self.canonical_note(f))
            .with_fact(&f.id)
    }

    /// A label on a fact's definition in rules.toml.
    pub fn fact_label(&self, f: &Fact) -> Label {
        Label::new(&f.file, f.span, format!("canonical value of `{}`", f.id))
    }

    pub fn relation_label(&self, r: RelationId) -> Label {
        let rel = &self.table.relations[r];
        Label::new(
            &rel.file,
            rel.span,
            format!("relation `{}` defined here", rel.id),
        )
    }

    /// The words of the text at `span` as a reader sees them: without
    /// Markdown escapes, and with the spaces markup left one space.
    pub fn words(&self, span: Span) -> String {
        crate::prose::words_at(self.text, span)
    }

    /// "canonical: more than $100 million a month (John Kirby, …)".
    pub fn canonical_note(&self, f: &Fact) -> String {
        match f.derived {
            Some((share, base)) => {
                let (s, b) = (&self.table.facts[share], &self.table.facts[base]);
                format!(
                    "canonical: {} of {} {} is {} (`{}` of `{}`)",
                    s.describe(),
                    b.describe(),
                    b.name,
                    crate::facts::format_value(f.value, f.measure, f.per),
                    s.id,
                    b.id
                )
            }
            None => {
                let what = match f.measure {
                    crate::facts::Measure::Money(_) => f.describe(),
                    _ => with_name(&f.describe(), f),
                };
                match &f.attribution {
                    Some(a) => format!("canonical: {what} — {a}"),
                    None => format!("canonical: {what}"),
                }
            }
        }
    }

    /// Whether a quantity is bound to any fact.
    pub fn is_bound(&self, l: usize) -> bool {
        self.bound.of.get(l).is_some_and(|b| b.fact.is_some())
    }

    /// Whether a quantity is bound and disagrees with its fact: the value
    /// checks report it, so arithmetic involving it would say it twice.
    pub fn disagrees(&self, l: usize) -> bool {
        let Some(f) = self.bound.of.get(l).and_then(|b| b.fact) else {
            return false;
        };
        compare::compare(&self.ex.quantities[l], &self.table.facts[f]) != compare::Verdict::Agrees
    }
}

/// A check over one window of a document.
pub trait Check: Sync {
    fn meta(&self) -> &'static Meta;
    fn run(&self, cx: &Context, out: &mut Vec<Diagnostic>);
}

/// The checks run on every document, in code order.
pub static CHECKS: &[&dyn Check] = &[
    &value_mismatch::Check,
    &unit_mismatch::Check,
    &scale_mismatch::Check,
    &period_mismatch::Check,
    &qualifier_contradiction::Check,
    &qualifier_differs::Check,
    &agrees_with_none::Check,
    &wrong_relation::Check,
    &direction_flip::Check,
    &universal_contradicted::Check,
    &parts_sum::Check,
    &percent_of_base::Check,
    &conversion_mismatch::Check,
    &inconsistent_repeat::Check,
    &date_mismatch::Check,
    &relative_date_mismatch::Check,
    &weekday_mismatch::Check,
    &age_mismatch::Check,
    &duration_mismatch::Check,
    &impossible_date::Check,
];

/// Every code numcheck can report, in code order.
pub static ALL: &[&Meta] = &[
    &rules_syntax::META,
    &rules_schema::META,
    &rules_reference::META,
    &rules_value::META,
    &unused_suppression::META,
    &value_mismatch::META,
    &unit_mismatch::META,
    &scale_mismatch::META,
    &period_mismatch::META,
    &qualifier_contradiction::META,
    &qualifier_differs::META,
    &agrees_with_none::META,
    &wrong_relation::META,
    &direction_flip::META,
    &universal_contradicted::META,
    &parts_sum::META,
    &percent_of_base::META,
    &conversion_mismatch::META,
    &inconsistent_repeat::META,
    &date_mismatch::META,
    &relative_date_mismatch::META,
    &weekday_mismatch::META,
    &age_mismatch::META,
    &duration_mismatch::META,
    &impossible_date::META,
    &consensus_outlier::META,
    &table_disputed::META,
];

/// The check with this code or name.
pub fn find(code_or_name: &str) -> Option<&'static Meta> {
    ALL.iter()
        .copied()
        .find(|m| m.code.eq_ignore_ascii_case(code_or_name) || m.name == code_or_name)
}

/// Runs every check on one window.
pub fn run_all(cx: &Context, out: &mut Vec<Diagnostic>) {
    for check in CHECKS {
        check.run(cx, out);
    }
}

/// For which groups under `f` a relation is false. Empty: it holds.
pub fn relation_fails(table: &FactTable, r: RelationId, f: FactId) -> Vec<FactId> {
    let rel = &table.relations[r];
    let ancestors = |x: FactId| {
        let mut out = Vec::new();
        let mut cur = table.facts[x].part_of;
        while let Some(a) = cur {
            if out.contains(&a) {
                break;
            }
            out.push(a);
            cur = table.facts[a].part_of;
        }
        out
    };
    let in_list = |list: &[FactId], x: FactId| {
        list.contains(&x) || ancestors(x).iter().any(|a| list.contains(a))
    };
    let members = table.with_parts(f);
    let mut fails = Vec::new();
    if !rel.applies_to.is_empty() && !in_list(&rel.applies_to, f) {
        let leaves: Vec<FactId> = members
            .iter()
            .copied()
            .filter(|&m| table.facts[m].parts.is_empty())
            .collect();
        fails.extend(leaves.into_iter().filter(|&m| !in_list(&rel.applies_to, m)));
        if fails.is_empty() && table.facts[f].parts.is_empty() {
            fails.push(f);
        }
    }
    for m in members {
        if in_list(&rel.excludes, m) && !fails.contains(&m) {
            fails.push(m);
        }
    }
    fails
}

/// For which groups under `f` a relation is true (for "none of them …").
pub fn relation_holds_for(table: &FactTable, r: RelationId, f: FactId) -> Vec<FactId> {
    let rel = &table.relations[r];
    table
        .with_parts(f)
        .into_iter()
        .filter(|m| rel.applies_to.contains(m))
        .collect()
}

/// A figure followed by what the fact counts ("45,000 convicts"); money
/// and shares without terms are named by their figure alone.
pub fn with_name(figure: &str, f: &Fact) -> String {
    // A measurement carries its unit: "400 nautical miles", not "… miles".
    if f.name.is_empty() || matches!(f.measure, crate::facts::Measure::Physical(_)) {
        figure.to_string()
    } else {
        format!("{figure} {}", f.name)
    }
}

/// A value in a quantity's own unit: "£3.3 million", "35%", "6,400".
pub fn amount(q: &Quantity, value: rust_decimal::Decimal) -> String {
    use crate::extract::Unit;
    let measure = match q.unit {
        Some(Unit::Currency(c)) => crate::facts::Measure::Money(c),
        Some(Unit::Percent) => crate::facts::Measure::Percent,
        _ => crate::facts::Measure::Count,
    };
    crate::facts::format_value(value, measure, None)
}

/// "40,000 convicts": a fact's value and name.
pub fn group(table: &FactTable, f: FactId) -> String {
    let fact = &table.facts[f];
    with_name(&fact.describe(), fact)
}
