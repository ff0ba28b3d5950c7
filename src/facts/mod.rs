//! The canonical fact table: rules.toml read and validated.
//!
//! [`raw`] is the file as written; [`load`] checks it and builds a
//! [`FactTable`], reporting every problem as a diagnostic that points at the
//! offending TOML. Nothing here reads prose: binding asks the table.

mod load;
pub mod pattern;
mod raw;
mod render;

use std::path::{Path, PathBuf};
use std::sync::Arc;

use aho_corasick::AhoCorasick;
use globset::GlobSet;
use rust_decimal::Decimal;

use crate::extract::{Approx, Currency, DateParts, Period};
use crate::source::{SourceFile, Span};
pub use load::{Parsed, build, load_str, parse};
pub use pattern::Matcher;
pub use render::{format_number, format_value, qualifier_phrase};

pub type FactId = usize;
pub type RelationId = usize;

/// What a fact measures.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Measure {
    /// A number of things; the label names them ("person").
    Count,
    Money(Currency),
    Percent,
    /// When something happened (`date`).
    Date,
    /// A person's age, from their birth date (`born`), or as a number at
    /// the story's date (`value = 48`, `unit = "age"`).
    Age,
    /// How long something has lasted, from its start (`since`).
    Duration,
    /// A length, distance, weight or fixed span of time in a unit of
    /// measure (`unit = "feet"`, `unit = "hours"`); see [`Fact::unit_size`].
    Physical(crate::extract::measure::Dimension),
}

/// How far a figure may be from the canonical value and still agree.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tolerance {
    Absolute(Decimal),
    /// A fraction of the canonical value: 0.05 for "5%".
    Relative(Decimal),
}

impl Tolerance {
    pub fn amount(self, value: Decimal) -> Decimal {
        match self {
            Tolerance::Absolute(a) => a,
            Tolerance::Relative(r) => (value * r).abs(),
        }
    }
}

/// One canonical figure.
#[derive(Debug)]
pub struct Fact {
    pub id: String,
    /// How messages name the group or sum: its first term, else its id.
    pub name: String,
    pub story: usize,
    /// The rules file that defines it (a table may extend another).
    pub file: Arc<SourceFile>,
    /// Where the fact is defined: its `value` line.
    pub span: Span,
    pub measure: Measure,
    /// What a count counts ("person"), for messages.
    pub unit_label: String,
    pub value: Decimal,
    pub per: Option<Period>,
    pub qualifier: Option<Approx>,
    /// Other qualifiers outlets used that are not an error.
    pub accept: Vec<Approx>,
    /// Qualifiers that say the opposite of the fact although they lean the
    /// same way ("less than $250,000" for a cap that includes $250,000).
    pub reject: Vec<Approx>,
    pub tolerance: Tolerance,
    pub attribution: Option<String>,
    pub source: Option<String>,
    /// Words in a clause that a mention needs to bind here (empty: none needed).
    pub has_context: bool,
    pub parts: Vec<FactId>,
    pub part_of: Option<FactId>,
    /// For a share: the fact it is a percentage of.
    pub of: Option<FactId>,
    /// The shares that are percentages of this fact.
    pub shares: Vec<FactId>,
    /// A count the table implies: `(share, base)` gives share% × base.
    pub derived: Option<(FactId, FactId)>,
    /// For a flow of money: words for the way it goes, as written in rules.toml.
    pub right_words: Vec<String>,
    /// For dates, ages and durations: the event, birth or start date.
    pub when: Option<crate::time::Interval>,
    /// For a figure: the time it holds at ("as of 31 December 2022").
    pub as_of: Option<crate::time::Interval>,
    /// The fact names its own subject instead of the story's.
    pub own_subject: bool,
    /// For one day of a value over time (`over_time`): the fact's own id.
    pub series: Option<String>,
    /// A range the source gave instead of one figure ("70 to 96 hours").
    pub range: Option<(Decimal, Decimal)>,
    /// For a physical measure, the size of its unit in the base unit
    /// (metres, kilograms, seconds); one otherwise.
    pub unit_size: Decimal,
    /// For a length, which aspects its context words name (how deep, how
    /// long, how far): a bit mask of [`crate::extract::measure::aspect`].
    pub aspects: u8,
    /// A time into or after an event ("1 h 45 min into the dive"), named by
    /// "into", or "after" and a journey, beside a length of time.
    pub elapsed: bool,
}

impl Fact {
    /// The canonical value as news copy would write it, with its qualifier:
    /// "more than $100 million a month", "about 50,000", "90%".
    pub fn describe(&self) -> String {
        let when = self.when.map(|w| w.describe()).unwrap_or_default();
        match self.measure {
            Measure::Date => return when,
            Measure::Age if self.when.is_none() => {
                return format!("{} years old", format_number(self.value));
            }
            Measure::Age => return format!("born {when}"),
            Measure::Duration => return format!("since {when}"),
            _ => {}
        }
        let mut value = match self.range {
            Some((low, high)) => format!(
                "{} to {}",
                format_value(low, self.measure, None),
                format_value(high, self.measure, self.per)
            ),
            None => format_value(self.value, self.measure, self.per),
        };
        if matches!(self.measure, Measure::Physical(_)) {
            value = format!("{value} {}", self.unit_label);
        }
        let value = match self.qualifier {
            Some(q) => format!("{} {value}", render::qualifier_words(q)),
            None => value,
        };
        // One day of a figure over time says which day.
        match (&self.series, self.as_of) {
            (Some(_), Some(day)) => format!("{value} on {}", day.describe()),
            _ => value,
        }
    }

    /// "about 50,000 (John Kirby, White House, 22 Dec 2022)".
    pub fn describe_attributed(&self) -> String {
        match &self.attribution {
            Some(a) => format!("{} ({a})", self.describe()),
            None => self.describe(),
        }
    }

    pub fn tolerance_amount(&self) -> Decimal {
        self.tolerance.amount(self.value)
    }
}

/// A phrase that is true of some groups and false of others:
/// "recruited from prisons" is true of the convicts only.
#[derive(Debug)]
pub struct Relation {
    pub id: String,
    pub story: usize,
    pub file: Arc<SourceFile>,
    pub span: Span,
    pub says: String,
    /// It is true of exactly these (and their parts); wrong for anything else.
    pub applies_to: Vec<FactId>,
    /// It is known to be false of these (and of anything that contains them).
    pub excludes: Vec<FactId>,
}

/// What a phrase in a story's matcher is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Role {
    /// A noun naming what a fact counts.
    Term(FactId),
    /// A word in the clause that says which fact a figure is.
    Context(FactId),
    /// A template with `{n}` for the figure.
    Template(FactId),
    Relation(RelationId),
    /// Words saying a flow goes the way the fact says ("spends").
    Right(FactId),
    /// Words saying it goes the other way ("receives", "in aid").
    Wrong(FactId),
    /// A name of who the story's figures belong to ("Wagner", "the group").
    Subject,
    /// A name of who one fact's figure belongs to, instead of the story's.
    SubjectOf(FactId),
    /// A place where the story's figures hold ("Ukraine").
    Place,
    /// Words that mean a figure is about something else: for one fact, or
    /// (`None`) for every fact of the story.
    Unless(Option<FactId>),
}

/// One story: its facts, relations and the phrases that find them.
/// "£1 = US$1.20 to US$1.21": one `from` is `low` to `high` of `to`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ExchangeRate {
    pub from: Currency,
    pub to: Currency,
    pub low: Decimal,
    pub high: Decimal,
}

impl ExchangeRate {
    /// How many of `to` one `from` is worth, low and high, this way round
    /// or the other.
    pub fn between(&self, from: Currency, to: Currency) -> Option<(Decimal, Decimal)> {
        if (self.from, self.to) == (from, to) {
            return Some((self.low, self.high));
        }
        if (self.from, self.to) == (to, from) && !self.low.is_zero() {
            return Some((Decimal::ONE / self.high, Decimal::ONE / self.low));
        }
        None
    }
}

#[derive(Debug)]
pub struct Story {
    pub id: String,
    pub title: Option<String>,
    pub date: Option<DateParts>,
    pub keywords: Vec<String>,
    /// The keywords' automata, a chunk of them each; none without keywords.
    keyword_finder: Vec<AhoCorasick>,
    /// The story lists places, so figures placed elsewhere do not bind.
    pub has_places: bool,
    /// The common nouns its subject is named by ("bank" of "the bank"),
    /// as stems: in the plural they name a group of others.
    pub subject_heads: Vec<String>,
    /// The documents it is about, by path, and the directory the globs are
    /// relative to; `None` when chosen by keywords.
    pub paths: Option<(GlobSet, PathBuf)>,
    pub facts: Vec<FactId>,
    /// Its facts with a period (`per`): the few a rate can be.
    pub rates: Vec<FactId>,
    /// Its facts in a unit of measure or time: the few a measure can be.
    pub measures: Vec<FactId>,
    /// Its sums of money without a period: the few a plain sum can be.
    pub sums: Vec<FactId>,
    /// What one unit of a currency was worth in another at the story's time.
    pub exchange_rates: Vec<ExchangeRate>,
    pub relations: Vec<RelationId>,
    pub matcher: Matcher,
    /// The role of each pattern in `matcher`, by pattern index.
    pub roles: Vec<Role>,
}

impl Story {
    /// Whether the document at `path` is one this story names by path;
    /// `None` when the story names none.
    pub fn covers(&self, path: &Path) -> Option<bool> {
        let (globs, root) = self.paths.as_ref()?;
        let abs = std::path::absolute(path).ok()?;
        let rel = abs.strip_prefix(root).unwrap_or(&abs);
        Some(globs.is_match(rel))
    }

    /// Whether `text` is about this story: it names one of its keywords as
    /// a whole word, or the story has none.
    pub fn is_about(&self, text: &str) -> bool {
        if self.keyword_finder.is_empty() {
            return true;
        }
        let bytes = text.as_bytes();
        // Overlapping: with "Titan" and "Titanic" both keywords, the first
        // match in "Titanic" is "Titan", which is no whole word; a
        // non-overlapping search would never try "Titanic".
        self.keyword_finder.iter().any(|finder| {
            finder.find_overlapping_iter(text).any(|m| {
                let before = m.start().checked_sub(1).map(|i| bytes[i]);
                let after = bytes.get(m.end()).copied();
                let word = |b: Option<u8>| b.is_some_and(|b| b.is_ascii_alphanumeric());
                !word(before) && !word(after)
            })
        })
    }
}

/// How many keywords one automaton holds. aho-corasick 1.1 builds an
/// automaton in time quadratic in its states (`Remapper::remap` follows
/// each cycle of swaps from every state on it: 100,000 keywords took 18
/// s), so a long list is split: building is then linear in the keywords,
/// and a search makes one pass over the text per chunk.
const KEYWORDS_PER_AUTOMATON: usize = 2048;

/// The automata that find `keywords`, ASCII case ignored.
fn keyword_finders(keywords: &[String]) -> Vec<AhoCorasick> {
    keywords
        .chunks(KEYWORDS_PER_AUTOMATON)
        .filter_map(|chunk| {
            aho_corasick::AhoCorasickBuilder::new()
                .ascii_case_insensitive(true)
                .match_kind(aho_corasick::MatchKind::Standard)
                .build(chunk)
                .ok()
        })
        .collect()
}

/// rules.toml, validated.
#[derive(Debug)]
pub struct FactTable {
    pub file: Arc<SourceFile>,
    pub stories: Vec<Story>,
    pub facts: Vec<Fact>,
    pub relations: Vec<Relation>,
}

impl FactTable {
    /// A table with no stories: only the checks that need no facts run.
    pub fn empty() -> FactTable {
        FactTable {
            file: SourceFile::new("<no rules>", ""),
            stories: Vec::new(),
            facts: Vec::new(),
            relations: Vec::new(),
        }
    }

    pub fn fact(&self, id: FactId) -> &Fact {
        &self.facts[id]
    }

    pub fn find(&self, id: &str) -> Option<FactId> {
        self.facts.iter().position(|f| f.id == id)
    }

    /// The fact and every part under it, recursively.
    pub fn with_parts(&self, id: FactId) -> Vec<FactId> {
        let mut out = vec![id];
        let mut i = 0;
        while i < out.len() {
            for &p in &self.facts[out[i]].parts {
                if !out.contains(&p) {
                    out.push(p);
                }
            }
            i += 1;
        }
        out
    }

    /// Whether `a` is `b` or one of `b`'s parts, at any depth.
    pub fn is_within(&self, a: FactId, b: FactId) -> bool {
        let mut cur = Some(a);
        let mut steps = 0;
        while let Some(f) = cur {
            if f == b {
                return true;
            }
            cur = self.facts[f].part_of;
            steps += 1;
            if steps > self.facts.len() {
                break;
            }
        }
        false
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_keyword_inside_a_longer_one_does_not_hide_it() {
        let table = super::load::load_str(
            "rules.toml",
            "version = 1\n[[story]]\nid = \"dive\"\nkeywords = [\"Titan\", \"Titanic\"]\n",
        )
        .expect("valid");
        let story = &table.stories[0];
        assert!(story.is_about("the wreck of the Titanic lies deep"));
        assert!(story.is_about("the Titan was lost"));
        assert!(!story.is_about("a titanium hull"));
    }
}
