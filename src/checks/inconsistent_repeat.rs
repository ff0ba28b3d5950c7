//! ## What it does
//! Flags a document that states the same figure twice with different
//! values: "about 1,000 Wagner fighters have been killed in recent weeks"
//! in one paragraph and "1,200 Wagner fighters killed in recent weeks" in
//! another.
//!
//! ## Why is this bad?
//! At least one of the two is wrong, and the reader cannot tell which. It
//! often happens when a draft is updated in one place and not the other.
//!
//! ## Example
//! ```text
//! About 1,000 Wagner fighters have been killed in recent weeks. …
//! Kirby said 1,200 Wagner fighters had been killed in recent weeks.
//! ```
//! Use instead the same figure in both places.
//!
//! ## Configuration
//! None. Without a fact to bind to, two figures are taken to state the
//! same thing only when they count the same noun in the same unit and
//! their clauses share at least three content words and most of their
//! words, with no year that differs and no names that differ ("in Wales"
//! and "in England" are two figures). Sums may have no noun. Figures with
//! "about" may differ by 10%. Figures bound to facts are left to the value
//! checks; the reporting frame ("the company said on Monday") is ignored.

use std::collections::{HashMap, HashSet};

use rust_decimal::Decimal;

use super::{Context, Family, Meta};
use crate::diagnostic::{Diagnostic, Severity};
use crate::extract::{Kind, Quantity};
use crate::facts::format_number;
use crate::prose::{Tok, Tokenizer, stem, words};
use crate::source::Span;

pub static META: Meta = Meta {
    code: "NC203",
    name: "inconsistent-repeat",
    summary: "one document states the same figure twice with different values",
    severity: Severity::Warning,
    family: Family::Arithmetic,
    source: include_str!("inconsistent_repeat.rs"),
};

pub struct Check;

/// The content words of a quantity's clause and the years it names.
/// Words of the reporting frame around a figure, which say who said it and
/// when, not what it counts: "the company said on Monday".
fn reporting(w: &str) -> bool {
    let mut buf = [0u8; 24];
    let lw = words::lower(w, &mut buf).unwrap_or("");
    words::weekday(lw).is_some()
        || matches!(
            lw,
            "said"
                | "says"
                | "told"
                | "confirmed"
                | "announced"
                | "added"
                | "according"
                | "spokesman"
                | "spokeswoman"
                | "spokesperson"
                | "statement"
                | "reporters"
                | "officials"
                | "official"
                | "yesterday"
                | "today"
                | "earlier"
                | "later"
                | "week"
                | "spokesmen"
        )
}

/// What a figure's sentence says around it, to tell whether two figures
/// with the same noun are the same figure.
struct Words {
    /// The content words of its clause.
    content: HashSet<String>,
    /// The years its sentence names.
    years: Vec<String>,
    /// The proper names of its sentence.
    names: HashSet<String>,
}

impl Words {
    fn of(text: &str, q: &Quantity) -> Words {
        let (content, years) = content(text, q);
        Words {
            content,
            years,
            names: names(text, q),
        }
    }

    /// Most content words shared, and no other year or other names ("in
    /// Wales", "in England"): the same figure.
    fn same_figure(&self, other: &Words) -> bool {
        if self.years != other.years
            || !self.names.is_empty()
                && !other.names.is_empty()
                && self.names.is_disjoint(&other.names)
        {
            return false;
        }
        let shared = self.content.intersection(&other.content).count();
        let union = self.content.union(&other.content).count().max(1);
        shared >= 3 && shared * 10 >= union * 6
    }
}

/// The content words of a quantity's clause, and the years its sentence names.
fn content(text: &str, q: &Quantity) -> (HashSet<String>, Vec<String>) {
    let mut set = HashSet::new();
    let clause = q.syntax.clause.cover(q.syntax.noun.unwrap_or(q.figure));
    for tok in Tokenizer::new(text, clause.start, clause.end) {
        let inside = tok.start >= q.span.start && tok.end <= q.span.end;
        let w = tok.text(text);
        if tok.kind == Tok::Word
            && !inside
            && w.len() > 2
            && !words::is_np_stop(w)
            && words::month(w).is_none()
            && !reporting(w)
        {
            set.insert(stem(w));
        }
    }
    // Years anywhere in the sentence date the figure: "4,100 patients … in 2022".
    let sentence = q.syntax.sentence;
    let years = Tokenizer::new(text, sentence.start, sentence.end)
        .filter(|t| {
            t.kind == Tok::Num
                && t.end - t.start == 4
                && !(t.start >= q.span.start && t.end <= q.span.end)
        })
        .map(|t| t.text(text).to_string())
        .collect();
    (set, years)
}

/// The proper names of a quantity's sentence, its first word excepted.
fn names(text: &str, q: &Quantity) -> HashSet<String> {
    let s = q.syntax.sentence;
    Tokenizer::new(text, s.start, s.end)
        .filter(|t| t.kind == Tok::Word)
        .skip(1)
        .map(|t| t.text(text))
        .filter(|w| {
            w.chars().next().is_some_and(char::is_uppercase)
                && words::month(w).is_none()
                && words::weekday(w).is_none()
        })
        .map(stem)
        .collect()
}

fn head(text: &str, q: &Quantity) -> Option<String> {
    let noun = q.syntax.noun.or(q.syntax.predicate)?;
    noun.slice(text).split_whitespace().last().map(stem)
}

fn key(text: &str, q: &Quantity) -> Option<(Kind, String, Option<String>, Option<&'static str>)> {
    if !matches!(q.kind, Kind::Count | Kind::Money | Kind::Percent)
        || q.high.is_some()
        || q.syntax.conversion_of.is_some()
    {
        return None;
    }
    let unit = q.unit.map(|u| u.name());
    // A sum is named by what it is spent on, not by a noun after it.
    let head = match q.kind {
        Kind::Money => head(text, q).unwrap_or_default(),
        _ => head(text, q)?,
    };
    Some((q.kind, head, unit, q.per.map(|p| p.0.as_str())))
}

impl super::Check for Check {
    fn meta(&self) -> &'static Meta {
        &META
    }

    fn run(&self, cx: &Context, out: &mut Vec<Diagnostic>) {
        let qs = &cx.ex.quantities;
        // Figures that could be the same one stated twice, grouped by what
        // they count: only figures of one group are compared.
        let mut groups: HashMap<_, Vec<usize>> = HashMap::new();
        for (l, q) in qs.iter().enumerate() {
            if cx.is_bound(l) || q.syntax.member.is_some() || q.syntax.base.is_some() {
                continue;
            }
            if let Some(k) = key(cx.text, q) {
                groups.entry(k).or_default().push(l);
            }
        }
        let mut groups: Vec<Vec<usize>> = groups.into_values().filter(|g| g.len() > 1).collect();
        groups.sort_unstable();
        // Each figure's words, read once however many it is compared with.
        let mut words: HashMap<usize, Words> = HashMap::new();
        let mut reported: HashSet<usize> = HashSet::new();
        let mut found: Vec<(usize, usize)> = Vec::new();
        for group in &groups {
            for (j, &lj) in group.iter().enumerate() {
                for &li in &group[..j] {
                    if qs[li].syntax.sentence == qs[lj].syntax.sentence || reported.contains(&lj) {
                        continue;
                    }
                    let (a, b) = (&qs[li], &qs[lj]);
                    let approx = a.qualifier.is_some() || b.qualifier.is_some();
                    let slack = if approx {
                        a.value.max(b.value) * Decimal::new(1, 1)
                    } else {
                        Decimal::ZERO
                    };
                    if (a.value - b.value).abs() <= slack {
                        continue;
                    }
                    for l in [li, lj] {
                        words.entry(l).or_insert_with(|| Words::of(cx.text, &qs[l]));
                    }
                    if words[&li].same_figure(&words[&lj]) {
                        reported.insert(lj);
                        found.push((li, lj));
                    }
                }
            }
        }
        found.sort_unstable_by_key(|&(_, lj)| lj);
        for (li, lj) in found {
            let (a, b) = (&qs[li], &qs[lj]);
            let first = cx.words(Span::new(a.span.start, a.syntax.np_end.max(a.span.end)));
            let d = Diagnostic::new(
                &META,
                META.severity,
                format!(
                    "{} here, but {} earlier in the same text",
                    format_number(b.value),
                    format_number(a.value)
                ),
                cx.label(b.figure, "stated again with another value"),
            )
            .with_secondary(cx.label(a.figure, "first stated here"))
            .with_note(format!("earlier: \"{first}\""))
            .with_help("make the two figures agree, or say what differs between them");
            out.push(d);
        }
    }
}
