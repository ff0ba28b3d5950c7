//! Binding: which fact each quantity states, by what it counts, never by
//! how close its value is.
//!
//! For each sentence of a document that is about an active story, the
//! story's phrases are matched once ([`crate::facts::Matcher`]). Each
//! quantity then gathers evidence ([`evidence`]): the noun it counts, a
//! copula's complement, a template, the context words in its clause, the
//! subject of its clause. Structure settles what evidence leaves open
//! ([`structure`]): the parts of an enumeration and its total, a partitive
//! and its base, a repeated mention. Last, relation and direction phrases are
//! attached to the quantity they modify, and universal claims to the group
//! they are about ([`attach`]).
//!
//! A quantity with no evidence, or with two facts equally supported, stays
//! unbound: precision first, and `numcheck extract` shows why.

mod attach;
mod dated;
mod evidence;
mod structure;

use crate::extract::measure::{self, Dimension};
use crate::extract::{Extraction, Kind, Quantity, Unit};
use crate::facts::pattern::{FigureAt, Match, WordTok, words_of};
use crate::facts::{FactId, FactTable, Measure};
use crate::source::Span;

pub use attach::{Attachment, Claim, Flow, Universal};

/// How a quantity came to be bound.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum How {
    Unbound,
    /// Several facts fit equally well.
    Ambiguous,
    /// The noun after the figure: "10,000 contractors".
    Noun,
    /// A copula's complement: "10,000 are contractors".
    Predicate,
    /// A template from rules.toml: "numbers {n}".
    Template,
    /// Context words in its clause: "1,000 … killed".
    Context,
    /// The verb of the statement it dates: "the Coast Guard said on Thursday".
    Statement,
    /// A term earlier in its clause: "the Wagner force now numbers 50,000".
    Subject,
    /// Its place in an enumeration of a total and its parts.
    Enumeration,
    /// A share or part of a bound base: "90% of those killed".
    Partitive,
    /// It repeats an earlier mention: "those 1,000 fighters".
    Repeat,
    /// A relation phrase attached to it that only one candidate fits.
    Relation,
    /// Its unit's class alone: a length for the one length fact.
    Class,
    /// Of the facts its evidence named, the one it agrees with.
    Agreement,
    /// Of the days of a value over time its words named, the nearest value.
    Series,
}

impl How {
    pub fn as_str(self) -> &'static str {
        match self {
            How::Unbound => "unbound",
            How::Ambiguous => "ambiguous",
            How::Noun => "noun",
            How::Predicate => "predicate",
            How::Template => "template",
            How::Context => "context",
            How::Statement => "the statement it dates",
            How::Subject => "subject",
            How::Enumeration => "enumeration",
            How::Partitive => "partitive",
            How::Repeat => "repeat",
            How::Relation => "relation",
            How::Class => "unit class",
            How::Agreement => "the named fact it agrees with",
            How::Series => "the nearest value of a figure over time",
        }
    }
}

/// What one quantity was bound to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Binding {
    pub fact: Option<FactId>,
    pub how: How,
    /// The facts that tied, when ambiguous.
    pub candidates: Vec<FactId>,
}

impl Binding {
    fn unbound() -> Binding {
        Binding {
            fact: None,
            how: How::Unbound,
            candidates: Vec::new(),
        }
    }

    fn to(fact: FactId, how: How) -> Binding {
        Binding {
            fact: Some(fact),
            how,
            candidates: Vec::new(),
        }
    }
}

/// Everything binding found in one window.
#[derive(Debug, Default)]
pub struct Bindings {
    /// One per quantity of the window, in order.
    pub of: Vec<Binding>,
    pub attachments: Vec<Attachment>,
    pub universals: Vec<Universal>,
    pub flows: Vec<Flow>,
    /// One per quantity: for a date in the phrase of a figure whose fact
    /// holds on one day, that fact (whose `as_of` the date states).
    pub dated: Vec<Option<FactId>>,
}

impl Bindings {
    /// The fact a quantity (by document index) is bound to.
    pub fn fact_of(&self, ex: &Extraction, index: usize) -> Option<FactId> {
        self.of.get(index.checked_sub(ex.first_index)?)?.fact
    }
}

/// One sentence as binding sees it: its words, where its quantities sit
/// among them, and every phrase of the active stories found in it.
pub(crate) struct SentenceView {
    pub words: Vec<WordTok>,
    /// Window-local indices of the quantities in this sentence.
    pub quantities: Vec<usize>,
    /// Matches, each with the index of the story whose matcher found it.
    pub matches: Vec<(usize, Match)>,
    /// Whether a word (by its start) is one the document also writes in
    /// lower case, once asked: owners are weighed for every fact.
    pub common: std::cell::RefCell<Vec<(usize, bool)>>,
}

impl SentenceView {
    /// The facts whose phrase of role `pick` matches entirely inside `span`
    /// and ends where it ends: the term that heads a noun phrase.
    pub fn suffix_terms(
        &self,
        table: &FactTable,
        span: Span,
        pick: impl Fn(crate::facts::Role) -> Option<FactId>,
    ) -> Vec<FactId> {
        let mut best_len = 0;
        let mut out = Vec::new();
        for (story, m) in &self.matches {
            let (first, last) = (&self.words[m.first], &self.words[m.last]);
            if first.span.start < span.start || last.span.end != span.end {
                continue;
            }
            let Some(f) = pick(table.stories[*story].roles[m.pattern]) else {
                continue;
            };
            let len = m.last - m.first + 1;
            if len > best_len {
                best_len = len;
                out.clear();
            }
            if len == best_len && !out.contains(&f) {
                out.push(f);
            }
        }
        out
    }

    /// The facts whose phrase of role `pick` matches anywhere inside `span`.
    pub fn within(
        &self,
        table: &FactTable,
        span: Span,
        pick: impl Fn(crate::facts::Role) -> Option<FactId>,
    ) -> Vec<FactId> {
        let mut out = Vec::new();
        for (story, m) in &self.matches {
            if self.words[m.first].span.start < span.start || self.words[m.last].span.end > span.end
            {
                continue;
            }
            if let Some(f) = pick(table.stories[*story].roles[m.pattern])
                && !out.contains(&f)
            {
                out.push(f);
            }
        }
        out
    }

    /// Like [`Self::within`] among the facts `keep` allows, leaving out a
    /// phrase inside a longer phrase of another of them: "sale" in "share
    /// sale" is the share issue's, not the securities sale's.
    pub fn within_longest(
        &self,
        table: &FactTable,
        span: Span,
        pick: impl Fn(crate::facts::Role) -> Option<FactId>,
        keep: impl Fn(FactId) -> bool,
    ) -> Vec<FactId> {
        let found: Vec<(FactId, &Match)> = self
            .matches
            .iter()
            .filter(|(_, m)| {
                span.start <= self.words[m.first].span.start
                    && self.words[m.last].span.end <= span.end
            })
            .filter_map(|(story, m)| Some((pick(table.stories[*story].roles[m.pattern])?, m)))
            .filter(|&(f, _)| keep(f))
            .collect();
        let mut out = Vec::new();
        for &(f, m) in &found {
            let shadowed = found.iter().any(|&(g, n)| {
                g != f
                    && n.first <= m.first
                    && m.last <= n.last
                    && n.last - n.first > m.last - m.first
            });
            if !shadowed && !out.contains(&f) {
                out.push(f);
            }
        }
        out
    }

    /// The span of a match's words.
    pub fn match_span(&self, m: &Match) -> Span {
        Span::new(self.words[m.first].span.start, self.words[m.last].span.end)
    }
}

/// Whether a fact measures what a quantity states.
pub(crate) fn compatible(q: &Quantity, measure: Measure) -> bool {
    if let Measure::Physical(d) = measure {
        return physical_dimension(q) == Some(d);
    }
    matches!(
        (q.kind, measure),
        (Kind::Count, Measure::Count)
            | (Kind::Money, Measure::Money(_))
            | (Kind::Percent, Measure::Percent)
            | (Kind::Date, Measure::Date)
            | (Kind::Age, Measure::Age)
            | (Kind::Duration, Measure::Duration)
    )
}

/// What a figure in a unit of measure measures: "12,500 feet" a length,
/// "96 hours" a time.
pub(crate) fn physical_dimension(q: &Quantity) -> Option<Dimension> {
    match (q.kind, q.unit) {
        (Kind::Measure, Some(Unit::Measure(symbol))) => measure::dimension(symbol).map(|(d, _)| d),
        (Kind::Duration, Some(Unit::Time(_))) => Some(Dimension::Time),
        _ => None,
    }
}

/// Binds the quantities of one window of `text` to the facts of the
/// `active` stories of `table`.
pub fn bind(text: &str, table: &FactTable, active: &[usize], ex: &Extraction) -> Bindings {
    let n = ex.quantities.len();
    let mut out = Bindings {
        of: vec![Binding::unbound(); n],
        dated: vec![None; n],
        ..Default::default()
    };
    if active.is_empty() {
        return out;
    }
    let views = views(text, table, active, ex);
    let mut scores: Vec<Vec<(FactId, i32, How)>> = vec![Vec::new(); n];
    let mut view_of = vec![usize::MAX; n];
    for (vi, v) in views.iter().enumerate() {
        for &l in &v.quantities {
            view_of[l] = vi;
        }
    }
    // Quantities with a base wait for their base to be bound; structure
    // may bind a base late, so those are scored once more after it.
    let pass = |with_base: bool, out: &mut Bindings, scores: &mut Vec<Vec<(FactId, i32, How)>>| {
        for l in 0..n {
            let q = &ex.quantities[l];
            if view_of[l] == usize::MAX
                || q.syntax.base.is_some() != with_base
                || out.of[l].fact.is_some()
            {
                continue;
            }
            let vi = view_of[l];
            let prev = &views[vi.saturating_sub(evidence::TOPIC_REACH)..vi];
            scores[l] = evidence::score(text, table, active, ex, out, (&views[vi], prev), l);
            out.of[l] = evidence::decide(&scores[l]);
        }
        structure::repeats(ex, out);
    };
    pass(false, &mut out, &mut scores);
    pass(true, &mut out, &mut scores);
    structure::settle(table, ex, &scores, &mut out);
    pass(true, &mut out, &mut scores);
    structure::settle(table, ex, &scores, &mut out);
    structure::listed(table, ex, &scores, &mut out);
    // Whether the clause of quantity `l` has a phrase of fact `f`.
    let mentions = |l: usize, f: FactId| {
        use crate::facts::Role;
        let clause = ex.quantities[l].syntax.clause;
        views.get(view_of[l]).is_some_and(|v| {
            v.matches.iter().any(|(s, m)| {
                let names = match table.stories[*s].roles[m.pattern] {
                    Role::Context(x) | Role::Term(x) | Role::SubjectOf(x) => x == f,
                    _ => false,
                };
                names && clause.contains(v.match_span(m))
            })
        })
    };
    structure::over_time_by_weekday(text, table, ex, &mut out);
    structure::agreeing(text, table, ex, &scores, &mentions, &mut out);
    structure::over_time(table, ex, &mut out);
    structure::reference_dates(table, text, ex, &mut out);
    attach::relations(text, table, ex, &views, &mut out);
    attach::universals(text, table, ex, &views, &mut out);
    attach::flows(table, ex, &views, &mut out);
    dated::figure_dates(text, table, ex, &views, &mut out);
    out
}

/// Every sentence of the window: universals need those without figures too.
fn views(text: &str, table: &FactTable, active: &[usize], ex: &Extraction) -> Vec<SentenceView> {
    let mut out = Vec::new();
    let mut next_q = 0;
    let mut found = Vec::new();
    for &span in &ex.sentences {
        let start_q = next_q;
        while next_q < ex.quantities.len() && ex.quantities[next_q].syntax.sentence.start < span.end
        {
            next_q += 1;
        }
        let quantities: Vec<usize> = (start_q..next_q)
            .filter(|&l| ex.quantities[l].syntax.sentence == span && ex.quantities[l].binds())
            .collect();
        let mut words = Vec::new();
        words_of(text, span, &mut words);
        for &s in active {
            table.stories[s].matcher.inflect(text, &mut words);
        }
        let figures: Vec<FigureAt> = quantities
            .iter()
            .map(|&l| {
                let q = &ex.quantities[l];
                let first = words.partition_point(|w| w.span.start < q.span.start);
                let next = words.partition_point(|w| w.span.start < q.span.end);
                FigureAt {
                    first,
                    next: next.max(first + 1).min(words.len()),
                    quantity: ex.first_index + l,
                }
            })
            .collect();
        let mut matches = Vec::new();
        for &s in active {
            table.stories[s]
                .matcher
                .find_all(&words, &figures, &mut found);
            matches.extend(found.iter().map(|m| (s, *m)));
        }
        out.push(SentenceView {
            words,
            quantities,
            matches,
            common: Default::default(),
        });
    }
    out
}
