//! What one document states: each quantity as a claim that can be compared
//! across documents — its value and unit, and the words around it that say
//! what it is about.

use std::collections::BTreeSet;

use rust_decimal::Decimal;

use crate::engine;
use crate::extract::{Approx, DateParts, Kind, Quantity, Unit};
use crate::facts::{FactId, FactTable};
use crate::load::Document;
use crate::prose::stem;
use crate::source::Span;
use crate::time::{self, Interval, Precision};

/// One quantity of one document.
#[derive(Clone, Debug)]
pub struct Claim {
    pub doc: usize,
    /// Everything read as part of it ("about $100 million each month").
    pub span: Span,
    pub sentence: Span,
    pub clause: Span,
    pub kind: Kind,
    pub value: Decimal,
    pub high: Option<Decimal>,
    pub unit: Option<Unit>,
    pub per: Option<crate::extract::Period>,
    pub approx: Option<Approx>,
    /// For dates: when, as precisely as stated.
    pub when: Option<Interval>,
    /// For dates: the parts as written, when there is no date to resolve
    /// them against ("November" in an undated text).
    pub parts: Option<DateParts>,
    /// The fact it bound to, when there are rules.
    pub fact: Option<FactId>,
    /// The noun it counts, as written ("convicts"), and its class.
    pub noun: Option<String>,
    /// Stems of the content words of its clause, and its noun's class.
    pub words: BTreeSet<String>,
    /// The text, for messages.
    pub text: String,
}

impl Claim {
    /// What must be equal for two claims to state the same figure the same
    /// way: kind, unit, period, and value (a date by its interval).
    pub fn key(&self) -> String {
        match (self.kind, self.when) {
            (Kind::Date, Some(w)) => format!("date|{}", w.iso()),
            (Kind::Date, None) => {
                format!("date|{}", self.parts.map(|p| p.iso()).unwrap_or_default())
            }
            _ => format!(
                "{}|{}|{}|{}|{}",
                self.kind.as_str(),
                self.unit.map(|u| u.name()).unwrap_or_default(),
                self.per.map(|p| p.as_str()).unwrap_or_default(),
                self.value.normalize(),
                self.high
                    .map(|h| h.normalize().to_string())
                    .unwrap_or_default()
            ),
        }
    }
}

impl Claim {
    /// The figure alone, as the table would write it: "$100 million a
    /// month" whether written "about $100m each month" or "more than
    /// $100 million a month"; qualifiers agree with each other.
    pub fn figure(&self) -> String {
        use crate::facts::{Measure, format_number, format_value};
        match (self.kind, self.unit, self.when, self.parts) {
            (Kind::Date, _, Some(w), _) => w.describe(),
            (Kind::Date, _, None, Some(p)) => p.iso(),
            (Kind::Money, Some(Unit::Currency(c)), ..) => {
                format_value(self.value, Measure::Money(c), self.per)
            }
            (Kind::Percent, ..) => format!("{}%", format_number(self.value)),
            (Kind::Count, ..) => match self.high {
                Some(h) => format!("{}–{}", format_number(self.value), format_number(h)),
                None => format_number(self.value),
            },
            _ => self.text.clone(),
        }
    }
}

/// Nouns that name the same group in news copy, by class. A rules file's
/// terms add their own classes.
const SYNONYMS: &[&[&str]] = &[
    &["convict", "inmate", "prisoner", "criminal", "felon"],
    &[
        "personnel",
        "fighter",
        "troop",
        "soldier",
        "mercenary",
        "men",
        "member",
        "force",
        "combatant",
        "individual",
        "people",
    ],
    &["contractor", "professional", "veteran"],
    &["dead", "death", "fatality", "killed", "died", "casualty"],
    &["spend", "spent", "spending", "pour", "cost", "costs"],
];

/// Words too common to say what a figure is about.
pub(super) const STOPWORDS: &[&str] = &[
    "a",
    "about",
    "after",
    "all",
    "also",
    "an",
    "and",
    "are",
    "as",
    "at",
    "be",
    "been",
    "but",
    "by",
    "each",
    "for",
    "from",
    "had",
    "has",
    "have",
    "he",
    "her",
    "his",
    "in",
    "including",
    "into",
    "is",
    "it",
    "its",
    "last",
    "more",
    "most",
    "of",
    "on",
    "or",
    "said",
    "says",
    "some",
    "than",
    "that",
    "the",
    "their",
    "them",
    "there",
    "they",
    "this",
    "those",
    "to",
    "told",
    "up",
    "was",
    "were",
    "which",
    "who",
    "will",
    "with",
    "would",
    "according",
    "estimated",
    "nearly",
    "roughly",
    "around",
    "some",
    "percent",
    "per",
    "cent",
    "million",
    "billion",
    "thousand",
];

/// The class a word belongs to ("inmates" → "~convict"), or its stem.
fn class(word: &str) -> String {
    let s = stem(&word.to_lowercase());
    match SYNONYMS
        .iter()
        .find(|class| class.iter().any(|w| stem(w) == s))
    {
        Some(class) => format!("~{}", class[0]),
        None => s,
    }
}

/// The content words of `span` of `text`, outside `except`, as classes.
fn words(text: &str, span: Span, except: Span) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let mut start = None;
    let bytes_end = span.end.min(text.len());
    for (i, c) in text[span.start..bytes_end].char_indices() {
        let at = span.start + i;
        let letter = c.is_alphabetic() || c == '\'';
        match (letter, start) {
            (true, None) => start = Some(at),
            (false, Some(s)) => {
                push_word(&text[s..at], s, except, &mut out);
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        push_word(&text[s..bytes_end], s, except, &mut out);
    }
    out
}

fn push_word(word: &str, at: usize, except: Span, out: &mut BTreeSet<String>) {
    let word = word.trim_matches('\'');
    if word.len() < 2 || (except.start <= at && at < except.end) {
        return;
    }
    let lower = word.to_lowercase();
    if STOPWORDS.contains(&lower.as_str()) {
        return;
    }
    out.insert(class(&lower));
}

fn usable(q: &Quantity) -> bool {
    matches!(
        q.kind,
        Kind::Count | Kind::Money | Kind::Percent | Kind::Date | Kind::Age | Kind::Duration
    )
}

/// Every claim of document `doc_index`.
pub fn claims(
    doc: &Document,
    doc_index: usize,
    table: &FactTable,
    opts: &engine::Options,
) -> Vec<Claim> {
    let text = doc.prose();
    let active = engine::active_stories(table, doc);
    let date = engine::document_date(doc, table, &active, opts).map(|d| d.date);
    let mut out = Vec::new();
    engine::analyse(doc, table, |ex, bound| {
        for (i, q) in ex.quantities.iter().enumerate() {
            if !usable(q) {
                continue;
            }
            let when = (q.kind == Kind::Date)
                .then(|| time::resolve(q, date))
                .flatten()
                .filter(|w| w.precision != Precision::Range);
            let parts = q
                .date
                .filter(|d| q.relative.is_none() && (d.year.is_some() || d.month.is_some()));
            if q.kind == Kind::Date && when.is_none() && parts.is_none() {
                continue;
            }
            let noun = q.syntax.noun.map(|n| {
                let words = crate::prose::words_at(text, n);
                words
                    .rsplit(' ')
                    .next()
                    .unwrap_or_default()
                    .trim_matches('"')
                    .to_lowercase()
            });
            let mut ws = words(text, q.syntax.clause, q.span);
            if let Some(n) = &noun {
                ws.insert(class(n));
            }
            out.push(Claim {
                doc: doc_index,
                span: q.span,
                sentence: q.syntax.sentence,
                clause: q.syntax.clause,
                kind: q.kind,
                value: q.value,
                high: q.high,
                unit: q.unit,
                per: q.per.map(|p| p.0),
                approx: q.qualifier.map(|a| a.approx),
                when,
                parts,
                fact: bound.of.get(i).and_then(|b| b.fact),
                noun,
                words: ws,
                text: crate::prose::words_at(text, q.span),
            });
        }
    });
    out
}
