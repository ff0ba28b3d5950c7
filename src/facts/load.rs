//! From rules.toml text to a [`FactTable`], or to diagnostics that point at
//! every line that is wrong.

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::Arc;

use rust_decimal::Decimal;
use toml::Spanned;

use super::pattern::Pattern;
use super::raw::{
    RawDate, RawDayValue, RawDirection, RawFact, RawRelation, RawRules, RawStory, RawValue, S,
};
use super::{
    ExchangeRate, Fact, FactId, FactTable, Measure, Relation, Role, Story, Tolerance,
    keyword_finders,
};
use crate::checks::Meta;
use crate::checks::config::{RULES_REFERENCE, RULES_SCHEMA, RULES_SYNTAX, RULES_VALUE};
use crate::diagnostic::{Diagnostic, Label, Severity};
use crate::extract::measure::{self, Dimension};
use crate::extract::{self, Approx, Currency, DateParts, Kind, Period, Unit};
use crate::source::{SourceFile, Span};

/// Longest string a rules file may hold in one value; longer ones are
/// rejected so that no phrase or keyword can make matching slow.
const MAX_STRING: usize = 200;

/// Reads a rules file's text. `name` is how diagnostics name the file;
/// story paths are relative to the working directory.
pub fn load_str(name: &str, text: &str) -> Result<FactTable, Vec<Diagnostic>> {
    let file = SourceFile::new(name, text);
    let parsed = parse(&file)?;
    build(vec![(parsed, None)])
}

/// One rules file read as TOML, not yet checked against the others.
pub struct Parsed {
    file: Arc<SourceFile>,
    raw: RawRules,
}

impl Parsed {
    /// The file this one extends, as written, and where it says so.
    pub fn extends(&self) -> Option<(&str, Span)> {
        self.raw
            .extends
            .as_ref()
            .map(|e| (e.get_ref().as_str(), span_of(e)))
    }

    pub fn file(&self) -> &Arc<SourceFile> {
        &self.file
    }
}

/// Reads one rules file as TOML of the right shape.
pub fn parse(file: &Arc<SourceFile>) -> Result<Parsed, Vec<Diagnostic>> {
    let mut cx = Loader::new(vec![Arc::clone(file)]);
    let text = file.text();
    match toml::from_str(text) {
        Ok(raw) => Ok(Parsed {
            file: Arc::clone(file),
            raw,
        }),
        Err(e) => {
            // Syntax if it is not TOML at all; schema if it is TOML of the wrong shape.
            let meta = if text.parse::<toml::Table>().is_err() {
                &RULES_SYNTAX
            } else {
                &RULES_SCHEMA
            };
            let span = e.span().map_or(Span::new(0, 0), Span::from);
            let message = e.message().trim_end().to_string();
            let help = unknown_field_hint(&message);
            cx.error(meta, span, message, "here").help = help;
            Err(cx.errors)
        }
    }
}

/// Builds the table from a chain of rules files, each with the directory
/// its story paths are relative to. A file extends the ones before it: its
/// stories, facts and relations replace theirs of the same id.
pub fn build(chain: Vec<(Parsed, Option<PathBuf>)>) -> Result<FactTable, Vec<Diagnostic>> {
    let mut cx = Loader::new(chain.iter().map(|(p, _)| Arc::clone(&p.file)).collect());
    let dirs: Vec<Option<PathBuf>> = chain.iter().map(|(_, d)| d.clone()).collect();
    let table = cx.build(chain.into_iter().map(|(p, _)| p.raw).collect(), &dirs);
    // A value checked in two places (its length, then as a phrase) is one error.
    let mut seen = std::collections::HashSet::new();
    cx.errors.retain(|d| {
        seen.insert((
            d.code,
            d.primary.file.name().to_string(),
            d.primary.span,
            d.message.clone(),
        ))
    });
    if cx.errors.is_empty() {
        Ok(table)
    } else {
        Err(cx.errors)
    }
}

/// Adds `item` of file `unit` to `list`, replacing an item of the same id
/// from a file it extends.
fn merge<T>(list: &mut Vec<(usize, S<T>)>, unit: usize, item: S<T>, id: impl Fn(&T) -> &str) {
    let new_id = id(item.get_ref()).to_string();
    match list
        .iter_mut()
        .find(|(u, x)| *u < unit && id(x.get_ref()) == new_id)
    {
        Some(slot) => *slot = (unit, item),
        None => list.push((unit, item)),
    }
}

/// The phrases of one relation, and the file of the chain they are in.
type Phrases = (usize, Vec<S<String>>);

/// A value as read: the number, and the measure, period and qualifier written with it.
/// The ends of a value written as a range ("85% to 95%", "$1.5bn-$2bn").
fn range_of(v: &RawValue) -> Option<(Decimal, Decimal)> {
    let RawValue::Text(t) = v else { return None };
    match extract::extract(t).as_slice() {
        [q] => q.high.filter(|&hi| hi > q.value).map(|hi| (q.value, hi)),
        _ => None,
    }
}

type ReadValue = (Decimal, Option<Measure>, Option<Period>, Option<Approx>);

struct Loader {
    /// The file being read: errors point into it.
    file: Arc<SourceFile>,
    /// Every file of the chain, the file extended first.
    units: Vec<Arc<SourceFile>>,
    errors: Vec<Diagnostic>,
}

/// Whether the text before a rules value's figure gives it a minus sign:
/// at its start (`-$100 million`, `minus $5`) or just before the digits
/// (`$-100 million`).
fn is_negative_lead(lead: &str) -> bool {
    const MINUS: [char; 2] = ['-', '\u{2212}'];
    let start = lead.trim_start();
    start.starts_with(MINUS)
        || start
            .get(..6)
            .is_some_and(|w| w.eq_ignore_ascii_case("minus "))
        || lead.trim_end().ends_with(MINUS)
}

/// Whether the decimal `d` read from the float `f` is the same figure:
/// `5e-324` has no decimal but 0, and must not be read as 0.
fn holds(d: Decimal, f: f64) -> bool {
    use rust_decimal::prelude::ToPrimitive;
    d.to_f64()
        .is_some_and(|back| back == f || ((back - f) / f).abs() < 1e-9)
}

fn span_of<T>(s: &Spanned<T>) -> Span {
    Span::from(s.span())
}

/// A fact as read, before references between facts are resolved.
struct Draft {
    fact: Fact,
    raw: RawFact,
    /// The file of the chain that defines it.
    unit: usize,
}

impl Loader {
    fn new(units: Vec<Arc<SourceFile>>) -> Loader {
        Loader {
            file: Arc::clone(units.last().expect("a chain has a file")),
            units,
            errors: Vec::new(),
        }
    }

    /// Reads on in file `unit` of the chain.
    fn at(&mut self, unit: usize) {
        self.file = Arc::clone(&self.units[unit]);
    }
    fn error(
        &mut self,
        meta: &'static Meta,
        span: Span,
        message: impl Into<String>,
        label: &str,
    ) -> &mut Diagnostic {
        let d = Diagnostic::new(
            meta,
            Severity::Error,
            message,
            Label::new(&self.file, span, label),
        );
        self.errors.push(d);
        self.errors.last_mut().expect("just pushed")
    }

    fn build(&mut self, chain: Vec<RawRules>, dirs: &[Option<PathBuf>]) -> FactTable {
        let mut raw_stories = Vec::new();
        let mut raw_facts = Vec::new();
        let mut raw_relations = Vec::new();
        for (u, raw) in chain.into_iter().enumerate() {
            self.at(u);
            if let Some(v) = &raw.version
                && *v.get_ref() != 1
            {
                self.error(
                    &RULES_VALUE,
                    span_of(v),
                    format!("unsupported rules version {}", v.get_ref()),
                    "expected 1",
                );
            }
            for s in raw.story {
                merge(&mut raw_stories, u, s, |s| s.id.get_ref());
            }
            for f in raw.fact {
                merge(&mut raw_facts, u, f, |f| f.id.get_ref());
            }
            for r in raw.relation {
                merge(&mut raw_relations, u, r, |r| r.id.get_ref());
            }
        }
        let mut stories = self.stories(&raw_stories, dirs);
        let mut drafts = Vec::new();
        let mut fact_ids: HashMap<String, (FactId, Span)> = HashMap::new();
        for (unit, f) in raw_facts {
            self.at(unit);
            let f = f.into_inner();
            let id_span = span_of(&f.id);
            let id = f.id.get_ref().clone();
            if let Some((_, first)) = fact_ids.get(&id) {
                let first = *first;
                let file = Arc::clone(&self.file);
                self.error(
                    &RULES_REFERENCE,
                    id_span,
                    format!("fact `{id}` is defined twice"),
                    "second definition",
                )
                .secondary
                .push(Label::new(&file, first, "first defined here"));
                continue;
            }
            let story = self.story_of(f.story.as_ref(), &stories, id_span);
            let f = unit_from_value(f);
            if f.over_time.is_some() {
                let mut ranges = Vec::new();
                for day in self.over_time(&f, &mut ranges) {
                    if let Some(mut fact) = self.fact(day.id.get_ref(), &day, story) {
                        fact.series = Some(id.clone());
                        fact.range = ranges
                            .iter()
                            .find(|(d, _)| d == day.id.get_ref())
                            .map(|(_, r)| *r);
                        fact_ids.insert(day.id.get_ref().clone(), (drafts.len(), id_span));
                        drafts.push(Draft {
                            fact,
                            raw: day,
                            unit,
                        });
                    }
                }
                continue;
            }
            if let Some(fact) = self.fact(f.id.get_ref(), &f, story) {
                fact_ids.insert(id, (drafts.len(), id_span));
                drafts.push(Draft { fact, raw: f, unit });
            }
        }
        self.link(&mut drafts, &fact_ids);
        let mut facts: Vec<Fact> = Vec::with_capacity(drafts.len());
        let mut raws = Vec::with_capacity(drafts.len());
        for d in drafts {
            facts.push(d.fact);
            raws.push((d.unit, d.raw));
        }
        let (relations, relation_phrases) = self.relations(&raw_relations, &stories, &fact_ids);
        let derived = derive_counts(&mut facts);
        for (i, f) in facts.iter().enumerate() {
            stories[f.story].facts.push(i);
            if f.per.is_some() {
                stories[f.story].rates.push(i);
            }
            if matches!(f.measure, Measure::Physical(_)) {
                stories[f.story].measures.push(i);
            }
            if matches!(f.measure, Measure::Money(_)) && f.per.is_none() {
                stories[f.story].sums.push(i);
            }
        }
        for (i, r) in relations.iter().enumerate() {
            stories[r.story].relations.push(i);
        }
        self.phrases(&mut stories, &facts, &raws, &derived);
        for (ri, (unit, phrases)) in relation_phrases.iter().enumerate() {
            self.at(*unit);
            let story = &mut stories[relations[ri].story];
            for s in phrases {
                self.add_phrase(story, s, false, Role::Relation(ri));
            }
        }
        FactTable {
            file: Arc::clone(self.units.last().expect("a chain has a file")),
            stories,
            facts,
            relations,
        }
    }

    fn check_len(&mut self, s: &S<String>) {
        if s.get_ref().len() > MAX_STRING {
            self.error(
                &RULES_VALUE,
                span_of(s),
                format!("this string is longer than {MAX_STRING} bytes"),
                "too long",
            );
        }
    }

    fn stories(&mut self, raw: &[(usize, S<RawStory>)], dirs: &[Option<PathBuf>]) -> Vec<Story> {
        let mut out: Vec<Story> = Vec::new();
        for (unit, s) in raw {
            self.at(*unit);
            let s = s.get_ref();
            let id = s.id.get_ref();
            self.check_len(&s.id);
            if out.iter().any(|o| o.id == *id) {
                self.error(
                    &RULES_REFERENCE,
                    span_of(&s.id),
                    format!("story `{id}` is defined twice"),
                    "second definition",
                );
                continue;
            }
            let mut keywords = Vec::new();
            for k in &s.keywords {
                self.check_len(k);
                if k.get_ref().trim().is_empty() {
                    self.error(
                        &RULES_VALUE,
                        span_of(k),
                        "a keyword cannot be empty",
                        "empty",
                    );
                } else {
                    keywords.push(k.get_ref().trim().to_string());
                }
            }
            let keyword_finder = keyword_finders(&keywords);
            let date = s.date.as_ref().and_then(|d| self.date(d));
            let paths = self.globs(&s.paths, dirs[*unit].as_ref());
            let mut story = Story {
                id: id.clone(),
                title: s.title.clone(),
                date,
                keywords,
                keyword_finder,
                has_places: !s.places.is_empty(),
                subject_heads: Vec::new(),
                paths,
                facts: Vec::new(),
                rates: Vec::new(),
                measures: Vec::new(),
                sums: Vec::new(),
                exchange_rates: s
                    .exchange_rates
                    .iter()
                    .filter_map(|r| self.exchange_rate(r))
                    .collect(),
                relations: Vec::new(),
                matcher: Default::default(),
                roles: Vec::new(),
            };
            let subject = if s.subject.is_empty() {
                &s.keywords
            } else {
                &s.subject
            };
            story.subject_heads = subject_heads(subject);
            for p in subject {
                self.add_phrase(&mut story, p, false, Role::Subject);
            }
            for p in &s.places {
                self.add_phrase(&mut story, p, false, Role::Place);
            }
            for p in &s.unless {
                self.add_phrase(&mut story, p, false, Role::Unless(None));
            }
            out.push(story);
        }
        if out.is_empty() {
            out.push(Story {
                id: "default".into(),
                title: None,
                date: None,
                keywords: Vec::new(),
                keyword_finder: Vec::new(),
                has_places: false,
                subject_heads: Vec::new(),
                paths: None,
                facts: Vec::new(),
                rates: Vec::new(),
                measures: Vec::new(),
                sums: Vec::new(),
                exchange_rates: Vec::new(),
                relations: Vec::new(),
                matcher: Default::default(),
                roles: Vec::new(),
            });
        }
        out
    }

    /// "£1 = US$1.21", "US$1 = ₩1,300 to ₩1,320", "¥100 = US$0.74": a sum
    /// in one currency on the left, what it was worth in another on the right.
    fn exchange_rate(&mut self, r: &S<String>) -> Option<ExchangeRate> {
        // One sum, or a range: "₩1,300-1,320", "US$1.20 to US$1.21".
        let money = |side: &str| {
            let found = extract::extract(side);
            let sum = |q: &extract::Quantity| match q.unit {
                Some(Unit::Currency(c)) if q.kind == Kind::Money && q.value > Decimal::ZERO => {
                    Some((c, q.value, q.high.unwrap_or(q.value)))
                }
                _ => None,
            };
            match found.as_slice() {
                [q] => sum(q),
                [a, b] => {
                    let ((c, low, _), (d, _, high)) = (sum(a)?, sum(b)?);
                    (c == d && low <= high).then_some((c, low, high))
                }
                _ => None,
            }
        };
        let read = r.get_ref().split_once('=').and_then(|(a, b)| {
            let (from, amount, single) = money(a)?;
            let (to, low, high) = money(b)?;
            (from != to && amount == single).then_some(ExchangeRate {
                from,
                to,
                low: low / amount,
                high: high / amount,
            })
        });
        if read.is_none() {
            self.error(
                &RULES_VALUE,
                span_of(r),
                format!("cannot read `{}` as an exchange rate", r.get_ref()),
                "not a rate",
            )
            .help = Some(
                "write a sum in one currency and its worth in another: `\"£1 = US$1.21\"`".into(),
            );
        }
        read
    }

    /// A story's `paths`, compiled, with the directory they are relative to.
    fn globs(
        &mut self,
        paths: &[S<String>],
        dir: Option<&PathBuf>,
    ) -> Option<(globset::GlobSet, PathBuf)> {
        if paths.is_empty() {
            return None;
        }
        let mut set = globset::GlobSetBuilder::new();
        for p in paths {
            self.check_len(p);
            match globset::GlobBuilder::new(p.get_ref())
                .literal_separator(true)
                .build()
            {
                Ok(g) => {
                    set.add(g);
                }
                Err(e) => {
                    self.error(
                        &RULES_VALUE,
                        span_of(p),
                        format!("bad glob `{}`: {}", p.get_ref(), e.kind()),
                        "here",
                    );
                }
            }
        }
        let root = match dir {
            Some(d) => d.clone(),
            None => std::env::current_dir().unwrap_or_default(),
        };
        let root = std::path::absolute(&root).unwrap_or(root);
        set.build().ok().map(|s| (s, root))
    }

    fn date(&mut self, d: &S<toml::value::Datetime>) -> Option<DateParts> {
        match d.get_ref().date {
            Some(date) => Some(DateParts::new(
                i16::try_from(date.year).ok(),
                Some(date.month),
                Some(date.day),
            )),
            None => {
                self.error(
                    &RULES_VALUE,
                    span_of(d),
                    "a story's date must be a calendar date",
                    "expected e.g. 2022-12-22",
                );
                None
            }
        }
    }

    fn story_of(&mut self, story: Option<&S<String>>, stories: &[Story], at: Span) -> usize {
        match story {
            Some(s) => match stories.iter().position(|st| st.id == *s.get_ref()) {
                Some(i) => i,
                None => {
                    let known: Vec<&str> = stories.iter().map(|s| s.id.as_str()).collect();
                    self.error(
                        &RULES_REFERENCE,
                        span_of(s),
                        format!("no story `{}`", s.get_ref()),
                        "unknown story",
                    )
                    .notes
                    .push(format!("stories defined: {}", known.join(", ")));
                    0
                }
            },
            None if stories.len() > 1 => {
                self.error(
                    &RULES_REFERENCE,
                    at,
                    "with several stories, each fact must say `story = \"…\"`",
                    "which story?",
                );
                0
            }
            None => 0,
        }
    }

    /// A value over time as one fact a day: `oxygen-left@2023-06-20`, with
    /// that day's value and `as_of` that day, and the rest of the fact's keys.
    fn over_time(
        &mut self,
        f: &RawFact,
        ranges: &mut Vec<(String, (Decimal, Decimal))>,
    ) -> Vec<RawFact> {
        let Some(days) = &f.over_time else {
            return Vec::new();
        };
        let mut out = Vec::new();
        if f.value.is_some() || f.date.is_some() || f.born.is_some() || f.since.is_some() {
            self.error(
                &RULES_SCHEMA,
                span_of(days),
                format!(
                    "fact `{}` has `over_time` and one of `value`, `date`, `born` and `since`",
                    f.id.get_ref()
                ),
                "over_time",
            );
            return out;
        }
        if days.get_ref().is_empty() {
            self.error(
                &RULES_VALUE,
                span_of(days),
                "`over_time` needs at least one day and its value",
                "empty",
            );
        }
        for (day, given) in days.get_ref() {
            let raw = RawDate::Text(day.clone());
            if parse_date(&raw).is_none_or(|d| d.precision != crate::time::Precision::Day) {
                self.error(
                    &RULES_VALUE,
                    span_of(given),
                    format!("`{day}` is not a day (write 2023-06-20)"),
                    "this value's day",
                );
                continue;
            }
            let mut one = f.clone();
            one.over_time = None;
            one.id = S::new(span_of(&f.id).range(), format!("{}@{day}", f.id.get_ref()));
            let at = || span_of(given).range();
            match given.get_ref() {
                RawDayValue::One(v) => one.value = Some(S::new(at(), v.clone())),
                RawDayValue::Range(ends) => {
                    let [low, high] = &ends[..] else {
                        self.error(
                            &RULES_VALUE,
                            span_of(given),
                            "a range is two figures: `[70, 96]`",
                            "here",
                        );
                        continue;
                    };
                    let read = |me: &mut Self, v: &RawValue| {
                        me.value(&S::new(at(), v.clone())).map(|r| r.0)
                    };
                    let (Some(lo), Some(hi)) = (read(self, low), read(self, high)) else {
                        continue;
                    };
                    if lo > hi {
                        self.error(
                            &RULES_VALUE,
                            span_of(given),
                            "a range goes from low to high",
                            "here",
                        );
                        continue;
                    }
                    // The middle of the range, give or take half of it.
                    let two = Decimal::from(2);
                    one.value = Some(S::new(
                        at(),
                        RawValue::Text(((lo + hi) / two).normalize().to_string()),
                    ));
                    one.tolerance = Some(S::new(
                        at(),
                        RawValue::Text(((hi - lo) / two).normalize().to_string()),
                    ));
                    ranges.push((one.id.get_ref().clone(), (lo, hi)));
                }
            }
            one.as_of = Some(S::new(at(), raw));
            out.push(one);
        }
        out
    }

    fn fact(&mut self, id: &str, f: &RawFact, story: usize) -> Option<Fact> {
        let dates = [
            (&f.date, Measure::Date),
            (&f.born, Measure::Age),
            (&f.since, Measure::Duration),
        ];
        let given: Vec<(&S<RawDate>, Measure)> = dates
            .iter()
            .filter_map(|(d, m)| d.as_ref().map(|d| (d, *m)))
            .collect();
        if given.len() + usize::from(f.value.is_some()) > 1 {
            self.error(
                &RULES_SCHEMA,
                span_of(&f.id),
                format!("fact `{id}` has more than one of `value`, `date`, `born` and `since`"),
                "this fact",
            )
            .help = Some("split it into one fact for each".into());
            return None;
        }
        if let Some(&(d, measure)) = given.first() {
            return self.dated_fact(id, f, story, d, measure);
        }
        let Some(value) = &f.value else {
            self.error(
                &RULES_SCHEMA,
                span_of(&f.id),
                format!("fact `{id}` has no `value`"),
                "this fact",
            )
            .help = Some(
                "add e.g. `value = 50_000`, `value = \"$100 million\"` or `date = \"2022-11\"`"
                    .into(),
            );
            return None;
        };
        let (mut v, mut measure, mut per, mut qualifier) = self.value(value)?;
        if let Some(u) = &f.unit {
            match parse_unit(u.get_ref()) {
                Some(m) => {
                    let conflict = match (measure, m) {
                        (Some(Measure::Money(a)), Measure::Money(b)) => a != b,
                        (Some(a), b) => std::mem::discriminant(&a) != std::mem::discriminant(&b),
                        (None, _) => false,
                    };
                    if conflict {
                        self.error(
                            &RULES_VALUE,
                            span_of(u),
                            format!("unit `{}` disagrees with the value", u.get_ref()),
                            "this unit",
                        );
                    }
                    measure = Some(m);
                }
                None => measure = measure.or(Some(Measure::Count)),
            }
        }
        let measure = measure.unwrap_or(Measure::Count);
        let unit_label = match (&f.unit, measure) {
            (_, Measure::Money(c)) => c.code().to_string(),
            (_, Measure::Percent) => "percent".to_string(),
            (Some(u), _) => u.get_ref().clone(),
            (None, _) => "count".to_string(),
        };
        if let Some(p) = &f.per {
            match Period::parse(p.get_ref()) {
                Some(x) => per = Some(x),
                None => {
                    self.error(
                        &RULES_VALUE,
                        span_of(p),
                        format!("`{}` is not a period", p.get_ref()),
                        "unknown period",
                    )
                    .help = Some("use hour, day, week, month, quarter or year".into());
                }
            }
        }
        if let Some(q) = &f.qualifier {
            match Approx::parse(q.get_ref()) {
                Some(a) => qualifier = Some(a),
                None => self.bad_qualifier(q),
            }
        }
        let mut accept = Vec::new();
        for a in &f.accept {
            match Approx::parse(a.get_ref()) {
                Some(x) => accept.push(x),
                None => self.bad_qualifier(a),
            }
        }
        let mut reject = Vec::new();
        for a in &f.reject {
            match Approx::parse(a.get_ref()) {
                Some(x) => reject.push(x),
                None => self.bad_qualifier(a),
            }
        }
        // "85% to 95%": a range holds any figure in it, and a range in the
        // text is checked end to end against it.
        let range = range_of(value.get_ref());
        if let (Some(_), Some(t)) = (range, &f.tolerance) {
            self.error(
                &RULES_VALUE,
                span_of(t),
                "a range needs no tolerance: it is its own",
                "remove this",
            );
        }
        let tolerance = match (&f.tolerance, range) {
            (_, Some((lo, hi))) => {
                v = (lo + hi) / Decimal::TWO;
                Tolerance::Absolute((hi - lo) / Decimal::TWO)
            }
            (None, None) => Tolerance::Absolute(Decimal::ZERO),
            (Some(t), None) => self.tolerance(t)?,
        };
        if v.is_sign_negative() {
            self.error(
                &RULES_VALUE,
                span_of(value),
                "a fact's value cannot be negative",
                "negative",
            );
            v = v.abs();
        }
        let as_of = match &f.as_of {
            None => None,
            Some(d) => match parse_date(d.get_ref()) {
                Some(at) => Some(at),
                None => {
                    self.error(&RULES_VALUE, span_of(d), "not a date", "here")
                        .help = Some(
                        "write a year (2022), a month (\"2022-12\") or a day (2022-12-31)".into(),
                    );
                    None
                }
            },
        };
        if measure == Measure::Percent && f.per.is_some() {
            self.error(
                &RULES_VALUE,
                span_of(f.per.as_ref()?),
                "a percentage has no period",
                "remove this",
            );
        }
        for list in [&f.terms, &f.context, &f.templates, &f.parts] {
            for s in list {
                self.check_len(s);
            }
        }
        let binds = !f.terms.is_empty()
            || !f.templates.is_empty()
            || !f.context.is_empty()
            || !f.parts.is_empty()
            || f.of.is_some()
            || f.direction
                .as_ref()
                .is_some_and(|d| !d.right.is_empty() || !d.wrong.is_empty());
        if !binds {
            self.error(&RULES_VALUE, span_of(&f.id), format!("nothing can bind to fact `{id}`"), "this fact")
                .help = Some("give it `terms` (the nouns that name it), `context` words, `templates`, or `parts`".into());
        }
        // Messages name what a fact counts by its first term; sums without terms go unnamed.
        let name = f.terms.first().map_or_else(String::new, |t| {
            t.get_ref()
                .replace("**", "")
                .replace('*', "")
                .trim()
                .to_string()
        });
        Some(Fact {
            id: id.to_string(),
            name,
            story,
            file: Arc::clone(&self.file),
            span: span_of(value),
            measure,
            unit_label,
            value: v,
            per,
            qualifier,
            accept,
            reject,
            tolerance,
            attribution: f.attribution.clone(),
            source: f.source.clone(),
            has_context: !f.context.is_empty(),
            parts: Vec::new(),
            part_of: None,
            of: None,
            shares: Vec::new(),
            derived: None,
            right_words: f.direction.as_ref().map_or_else(Vec::new, |d| {
                d.right.iter().map(|w| w.get_ref().clone()).collect()
            }),
            when: None,
            as_of,
            own_subject: f.subject.is_some(),
            series: None,
            range,
            unit_size: unit_size(f.unit.as_ref().map(|u| u.get_ref().as_str())),
            aspects: aspects(f),
            elapsed: measure == Measure::Physical(Dimension::Time) && elapsed(f),
        })
    }

    /// A fact that is a date: an event's (`date`), a birth (`born`) or a start (`since`).
    fn dated_fact(
        &mut self,
        id: &str,
        f: &RawFact,
        story: usize,
        d: &S<RawDate>,
        measure: Measure,
    ) -> Option<Fact> {
        let Some(when) = parse_date(d.get_ref()) else {
            self.error(&RULES_VALUE, span_of(d), "not a date", "here")
                .help =
                Some("write a year (2014), a month (\"2022-11\") or a day (2022-12-22)".into());
            return None;
        };
        if measure != Measure::Date && when.precision != crate::time::Precision::Day {
            self.error(
                &RULES_VALUE,
                span_of(d),
                "a birth or start date must be a day",
                "here",
            )
            .help = Some("write it as 2022-02-24".into());
            return None;
        }
        if let Some(a) = &f.as_of {
            self.error(
                &RULES_VALUE,
                span_of(a),
                "`as_of` dates a figure; a date, birth or start is its own time",
                "remove this",
            );
        }
        let binds = !f.terms.is_empty() || !f.templates.is_empty() || !f.context.is_empty();
        if !binds {
            self.error(
                &RULES_VALUE,
                span_of(&f.id),
                format!("nothing can bind to fact `{id}`"),
                "this fact",
            )
            .help = Some(
                "give it `context` words (\"founded\", \"delivered\") or `terms` (a person's name)"
                    .into(),
            );
        }
        for list in [&f.terms, &f.context, &f.templates] {
            for s in list {
                self.check_len(s);
            }
        }
        let qualifier = f
            .qualifier
            .as_ref()
            .and_then(|q| self.date_qualifier(q, measure));
        let name = f
            .terms
            .first()
            .map_or_else(String::new, |t| t.get_ref().trim().to_string());
        Some(Fact {
            id: id.to_string(),
            name,
            story,
            file: Arc::clone(&self.file),
            span: span_of(d),
            measure,
            unit_label: match measure {
                Measure::Date => "date",
                Measure::Age => "year",
                _ => "duration",
            }
            .to_string(),
            value: Decimal::ZERO,
            per: None,
            qualifier,
            accept: Vec::new(),
            reject: Vec::new(),
            tolerance: Tolerance::Absolute(Decimal::ZERO),
            attribution: f.attribution.clone(),
            source: f.source.clone(),
            has_context: !f.context.is_empty(),
            parts: Vec::new(),
            part_of: None,
            of: None,
            shares: Vec::new(),
            derived: None,
            right_words: Vec::new(),
            when: Some(when),
            as_of: None,
            own_subject: f.subject.is_some(),
            series: None,
            range: None,
            unit_size: unit_size(f.unit.as_ref().map(|u| u.get_ref().as_str())),
            aspects: aspects(f),
            elapsed: false,
        })
    }

    /// A date's qualifier makes it a deadline (`"no later than"`, `"at
    /// most"`) or a floor (`"no earlier than"`, `"at least"`); "about" a
    /// date says nothing a check could hold the text to.
    fn date_qualifier(&mut self, q: &S<String>, measure: Measure) -> Option<Approx> {
        let a = Approx::parse(q.get_ref());
        match a {
            Some(Approx::AtMost | Approx::UpTo | Approx::LessThan)
            | Some(Approx::AtLeast | Approx::MoreThan)
                if measure == Measure::Date =>
            {
                a
            }
            _ => {
                self.error(
                    &RULES_VALUE,
                    span_of(q),
                    format!("`{}` is no qualifier of a date", q.get_ref()),
                    "here",
                )
                .help = Some(
                    "a date may be `\"no later than\"` (a deadline) or `\"no earlier than\"`"
                        .into(),
                );
                None
            }
        }
    }

    fn bad_qualifier(&mut self, q: &S<String>) {
        self.error(
            &RULES_VALUE,
            span_of(q),
            format!("`{}` is not a qualifier", q.get_ref()),
            "unknown qualifier",
        )
        .help = Some("use about, nearly, more than, fewer than, at least, at most or up to".into());
    }

    /// A value as a number or as a figure in words: "$100 million", "90%".
    fn value(&mut self, v: &S<RawValue>) -> Option<ReadValue> {
        let span = span_of(v);
        match v.get_ref() {
            RawValue::Int(i) => Some((Decimal::from(*i), None, None, None)),
            RawValue::Float(f) => match f.to_string().parse::<Decimal>() {
                Ok(d) if holds(d, *f) => Some((d, None, None, None)),
                Ok(_) => {
                    self.error(
                        &RULES_VALUE,
                        span,
                        "this number is too small to use",
                        "here",
                    )
                    .help = Some(format!(
                        "a value has at most {} decimal places; `{f:e}` would read as a different figure",
                        Decimal::MAX_SCALE
                    ));
                    None
                }
                Err(_) => {
                    self.error(&RULES_VALUE, span, "this number is out of range", "here");
                    None
                }
            },
            RawValue::Text(t) => {
                let found: Vec<_> = extract::extract(t)
                    .into_iter()
                    .filter(|q| matches!(q.kind, Kind::Count | Kind::Money | Kind::Percent))
                    .collect();
                if t.len() > MAX_STRING || found.len() != 1 {
                    self.error(
                        &RULES_VALUE,
                        span,
                        format!("cannot read `{t}` as one figure"),
                        "not a figure",
                    )
                    .help = Some(
                        "write a number (`50_000`) or one figure (`\"$100 million\"`, `\"90%\"`, `\"12,500 feet\"`); a unit written in the value must measure what `unit` does"
                            .into(),
                    );
                    return None;
                }
                let q = &found[0];
                // The extractor reads the figure and its currency; a sign
                // before them ("-$100 million", "$-100 million") is the
                // rules writer's, and makes the value negative.
                let lead = t.get(..q.figure.start).unwrap_or_default();
                let value = if is_negative_lead(lead) && q.value.is_sign_positive() {
                    -q.value
                } else {
                    q.value
                };
                let measure = match q.unit {
                    Some(Unit::Currency(c)) => Some(Measure::Money(c)),
                    Some(Unit::Percent) => Some(Measure::Percent),
                    _ => None,
                };
                Some((
                    value,
                    measure,
                    q.per.map(|p| p.0),
                    q.qualifier.map(|a| a.approx),
                ))
            }
        }
    }

    fn tolerance(&mut self, t: &S<RawValue>) -> Option<Tolerance> {
        let bad = |this: &mut Self| {
            this.error(
                &RULES_VALUE,
                span_of(t),
                "a tolerance is a number or a percentage such as \"5%\"",
                "here",
            );
            None
        };
        let parsed = match t.get_ref() {
            RawValue::Int(i) => Tolerance::Absolute(Decimal::from(*i)),
            RawValue::Float(f) => match f.to_string().parse() {
                Ok(d) => Tolerance::Absolute(d),
                Err(_) => return bad(self),
            },
            RawValue::Text(s) => {
                let s = s.trim();
                match s.strip_suffix('%') {
                    Some(p) => match extract::parse_number(p.trim()) {
                        Some(d) => Tolerance::Relative(d / Decimal::from(100)),
                        None => return bad(self),
                    },
                    None => match extract::parse_number(s) {
                        Some(d) => Tolerance::Absolute(d),
                        None => return bad(self),
                    },
                }
            }
        };
        match parsed {
            Tolerance::Absolute(d) | Tolerance::Relative(d) if d.is_sign_negative() => bad(self),
            ok => Some(ok),
        }
    }

    /// Resolves `parts` and `of` now that every fact has an index.
    fn link(&mut self, drafts: &mut [Draft], ids: &HashMap<String, (FactId, Span)>) {
        for i in 0..drafts.len() {
            self.at(drafts[i].unit);
            let parts: Vec<S<String>> = drafts[i].raw.parts.clone();
            for p in &parts {
                let Some(&(j, _)) = self.resolve(p, ids) else {
                    continue;
                };
                if j == i || drafts[j].fact.story != drafts[i].fact.story {
                    self.error(
                        &RULES_REFERENCE,
                        span_of(p),
                        "a part must be another fact of the same story",
                        "here",
                    );
                    continue;
                }
                if std::mem::discriminant(&drafts[j].fact.measure)
                    != std::mem::discriminant(&drafts[i].fact.measure)
                {
                    self.error(
                        &RULES_VALUE,
                        span_of(p),
                        "a part must measure the same thing as its total",
                        "different unit",
                    );
                    continue;
                }
                if drafts[j].fact.part_of.is_some() {
                    self.error(
                        &RULES_REFERENCE,
                        span_of(p),
                        format!("`{}` is already a part of another fact", p.get_ref()),
                        "here",
                    );
                    continue;
                }
                drafts[j].fact.part_of = Some(i);
                drafts[i].fact.parts.push(j);
            }
            if let Some(of) = drafts[i].raw.of.clone() {
                let Some(&(j, _)) = self.resolve(&of, ids) else {
                    continue;
                };
                if drafts[i].fact.measure != Measure::Percent {
                    self.error(
                        &RULES_VALUE,
                        span_of(&of),
                        "only a percentage can be `of` another fact",
                        "here",
                    )
                    .help = Some("set `unit = \"percent\"` or write the value as \"90%\"".into());
                } else if j == i || drafts[j].fact.measure == Measure::Percent {
                    self.error(
                        &RULES_VALUE,
                        span_of(&of),
                        "a percentage must be of a count or an amount",
                        "here",
                    );
                } else {
                    drafts[i].fact.of = Some(j);
                    drafts[j].fact.shares.push(i);
                }
            }
        }
        // A part of itself through others would loop forever in binding.
        for i in 0..drafts.len() {
            let mut cur = drafts[i].fact.part_of;
            let mut steps = 0;
            while let Some(c) = cur {
                steps += 1;
                if c == i || steps > drafts.len() {
                    self.at(drafts[i].unit);
                    let span = span_of(&drafts[i].raw.id);
                    self.error(
                        &RULES_REFERENCE,
                        span,
                        "this fact is a part of itself",
                        "cycle in `parts`",
                    );
                    drafts[i].fact.part_of = None;
                    break;
                }
                cur = drafts[c].fact.part_of;
            }
        }
    }

    fn resolve<'m>(
        &mut self,
        r: &S<String>,
        ids: &'m HashMap<String, (FactId, Span)>,
    ) -> Option<&'m (FactId, Span)> {
        let found = ids.get(r.get_ref());
        if found.is_none() {
            let help = closest(r.get_ref(), ids.keys().map(String::as_str))
                .map(|c| format!("did you mean `{c}`?"));
            self.error(
                &RULES_REFERENCE,
                span_of(r),
                format!("no fact `{}`", r.get_ref()),
                "unknown fact",
            )
            .help = help;
        }
        found
    }

    /// The relations, and the phrases of each.
    fn relations(
        &mut self,
        raw: &[(usize, S<RawRelation>)],
        stories: &[Story],
        ids: &HashMap<String, (FactId, Span)>,
    ) -> (Vec<Relation>, Vec<Phrases>) {
        let mut out: Vec<Relation> = Vec::new();
        let mut phrases = Vec::new();
        for (unit, r) in raw {
            self.at(*unit);
            let r = r.get_ref();
            self.check_len(&r.id);
            if out.iter().any(|o| o.id == *r.id.get_ref()) {
                self.error(
                    &RULES_REFERENCE,
                    span_of(&r.id),
                    format!("relation `{}` is defined twice", r.id.get_ref()),
                    "second definition",
                );
                continue;
            }
            let story = self.story_of(r.story.as_ref(), stories, span_of(&r.id));
            if r.phrases.is_empty() {
                self.error(
                    &RULES_SCHEMA,
                    span_of(&r.id),
                    "a relation needs `phrases`",
                    "this relation",
                );
            }
            if r.applies_to.is_empty() && r.excludes.is_empty() {
                self.error(
                    &RULES_SCHEMA,
                    span_of(&r.id),
                    "a relation needs `applies_to` or `excludes`",
                    "this relation",
                )
                .help = Some(
                    "`applies_to` lists the facts it is true of; `excludes` those it is false of"
                        .into(),
                );
            }
            let resolve_all = |list: &[S<String>], this: &mut Self| -> Vec<FactId> {
                list.iter()
                    .filter_map(|x| this.resolve(x, ids).map(|(i, _)| *i))
                    .collect()
            };
            let applies_to = resolve_all(&r.applies_to, self);
            let excludes = resolve_all(&r.excludes, self);
            out.push(Relation {
                id: r.id.get_ref().clone(),
                story,
                file: Arc::clone(&self.file),
                span: span_of(&r.id),
                says: r.says.clone().unwrap_or_else(|| {
                    r.phrases.first().map_or_else(
                        || r.id.get_ref().clone(),
                        |p| p.get_ref().replace("**", "…").replace('*', "…"),
                    )
                }),
                applies_to,
                excludes,
            });
            phrases.push((*unit, r.phrases.clone()));
        }
        (out, phrases)
    }

    fn add_phrase(&mut self, story: &mut Story, s: &S<String>, template: bool, role: Role) {
        self.check_len(s);
        match Pattern::compile(s.get_ref(), template) {
            Ok(p) => {
                // A direction is in the verb's form: "pays", not "is paid".
                let p = match role {
                    Role::Right(_) | Role::Wrong(_) => p.exact(),
                    Role::Relation(_) => p.verbs_only(),
                    _ => p,
                };
                story.matcher.add(p);
                story.roles.push(role);
            }
            Err(why) => {
                self.error(
                    &RULES_VALUE,
                    span_of(s),
                    format!("bad phrase `{}`: {why}", s.get_ref()),
                    "here",
                );
            }
        }
    }

    /// Compiles every fact's phrases into its story's matcher.
    fn phrases(
        &mut self,
        stories: &mut [Story],
        facts: &[Fact],
        raws: &[(usize, RawFact)],
        derived: &[(FactId, FactId)],
    ) {
        for (i, (unit, raw)) in raws.iter().enumerate() {
            self.at(*unit);
            let story = &mut stories[facts[i].story];
            for s in &raw.terms {
                self.add_phrase(story, s, false, Role::Term(i));
            }
            for s in &raw.context {
                self.add_phrase(story, s, false, Role::Context(i));
            }
            for s in &raw.unless {
                self.add_phrase(story, s, false, Role::Unless(Some(i)));
            }
            for s in raw.subject.iter().flatten() {
                self.add_phrase(story, s, false, Role::SubjectOf(i));
            }
            for s in &raw.templates {
                self.add_phrase(story, s, true, Role::Template(i));
            }
            if let Some(RawDirection { right, wrong }) = &raw.direction {
                for s in right {
                    self.add_phrase(story, s, false, Role::Right(i));
                }
                for s in wrong {
                    self.add_phrase(story, s, false, Role::Wrong(i));
                }
            }
        }
        self.name_parts(stories, facts, raws);
        // A derived count is named by its share's terms and found in its base's context.
        for &(d, _) in derived {
            let (share, base) = facts[d].derived.expect("derived facts carry their sources");
            let story = &mut stories[facts[d].story];
            self.at(raws[share].0);
            for s in &raws[share].1.terms {
                self.add_phrase(story, s, false, Role::Term(d));
            }
            self.at(raws[base].0);
            for s in &raws[base].1.context {
                self.add_phrase(story, s, false, Role::Context(d));
            }
            for s in &raws[base].1.unless {
                self.add_phrase(story, s, false, Role::Unless(Some(d)));
            }
        }
    }
}

impl Loader {
    /// "Hamish Harding" is "Hamish" or "Harding" once named: each part of a
    /// person's name names them too, as the term or subject it is part of,
    /// unless it is part of another person's name in the story ("Dawood"
    /// for father and son).
    fn name_parts(&mut self, stories: &mut [Story], facts: &[Fact], raws: &[(usize, RawFact)]) {
        let mut parts: Vec<(usize, String, FactId, bool, S<String>)> = Vec::new();
        for (i, (_, raw)) in raws.iter().enumerate() {
            if facts[i].measure != Measure::Age {
                continue;
            }
            let phrases = raw
                .terms
                .iter()
                .map(|s| (s, false))
                .chain(raw.subject.iter().flatten().map(|s| (s, true)));
            for (s, is_subject) in phrases {
                let words: Vec<&str> = s.get_ref().split_whitespace().collect();
                let name = words.len() > 1
                    && words
                        .iter()
                        .all(|w| w.chars().next().is_some_and(char::is_uppercase));
                if !name {
                    continue;
                }
                for w in words.iter().filter(|w| w.chars().count() > 2) {
                    let part = S::new(s.span(), (*w).to_string());
                    parts.push((facts[i].story, w.to_lowercase(), i, is_subject, part));
                }
            }
        }
        let mut added: Vec<(&str, FactId, bool)> = Vec::new();
        for (story, key, f, is_subject, part) in &parts {
            if added.contains(&(key.as_str(), *f, *is_subject)) {
                continue;
            }
            added.push((key, *f, *is_subject));
            let shared = parts
                .iter()
                .any(|(s, k, g, _, _)| s == story && k == key && g != f);
            let named = |r: &Vec<S<String>>| r.iter().any(|t| t.get_ref().to_lowercase() == *key);
            let raw = &raws[*f].1;
            let already = if *is_subject {
                raw.subject.as_ref().is_some_and(named)
            } else {
                named(&raw.terms)
            };
            if shared || already {
                continue;
            }
            let role = if *is_subject {
                Role::SubjectOf(*f)
            } else {
                Role::Term(*f)
            };
            self.at(raws[*f].0);
            self.add_phrase(&mut stories[*story], part, false, role);
        }
    }
}

/// For every share of a count ("90% of the 1,000 killed were convicts"), the
/// count it implies (900), so that a stated count can be checked against it.
fn derive_counts(facts: &mut Vec<Fact>) -> Vec<(FactId, FactId)> {
    let mut out = Vec::new();
    let n = facts.len();
    for s in 0..n {
        let Some(b) = facts[s].of else { continue };
        let share = facts[s].value / Decimal::from(100);
        let base = &facts[b];
        let value = base.value * share;
        let tolerance = base.tolerance_amount() * share
            + base.value * facts[s].tolerance_amount() / Decimal::from(100);
        let attribution = match (&facts[s].attribution, &base.attribution) {
            (Some(a), _) | (None, Some(a)) => Some(a.clone()),
            _ => None,
        };
        let d = Fact {
            id: format!("{}~count", facts[s].id),
            name: facts[s].name.clone(),
            story: facts[s].story,
            file: Arc::clone(&facts[s].file),
            span: facts[s].span,
            measure: base.measure,
            unit_label: base.unit_label.clone(),
            value,
            per: base.per,
            qualifier: base.qualifier,
            accept: base.accept.clone(),
            reject: base.reject.clone(),
            tolerance: Tolerance::Absolute(tolerance),
            attribution,
            source: facts[s].source.clone(),
            has_context: base.has_context,
            parts: Vec::new(),
            part_of: None,
            of: None,
            shares: Vec::new(),
            derived: Some((s, b)),
            right_words: Vec::new(),
            when: None,
            as_of: None,
            own_subject: false,
            series: None,
            range: None,
            unit_size: Decimal::ONE,
            aspects: 0,
            elapsed: false,
        };
        out.push((facts.len(), s));
        facts.push(d);
    }
    out
}

/// The candidate nearest to `word`, if it is near enough to be a typo.
fn closest<'a>(word: &str, candidates: impl Iterator<Item = &'a str>) -> Option<&'a str> {
    candidates
        .map(|c| (strsim::damerau_levenshtein(word, c), c))
        .filter(|(d, c)| *d <= 2.max(c.len() / 5))
        .min()
        .map(|(_, c)| c)
}

/// "did you mean `tolerance`?" for serde's "unknown field `tolerence`, expected one of …".
fn unknown_field_hint(message: &str) -> Option<String> {
    let rest = message.strip_prefix("unknown field `")?;
    let (field, expected) = rest.split_once('`')?;
    let names = expected.split('`').skip(1).step_by(2);
    closest(field, names).map(|c| format!("did you mean `{c}`?"))
}

/// A date written in a rules file, with the precision it was written to.
fn parse_date(d: &RawDate) -> Option<crate::time::Interval> {
    use crate::time::{Interval, Precision};
    let ymd = |y: i64, m: i64, d: i64| {
        jiff::civil::Date::new(
            i16::try_from(y).ok()?,
            i8::try_from(m).ok()?,
            i8::try_from(d).ok()?,
        )
        .ok()
    };
    let year = |y: i64| {
        Some(Interval {
            start: ymd(y, 1, 1)?,
            end: ymd(y, 12, 31)?,
            precision: Precision::Year,
        })
    };
    match d {
        RawDate::Date(dt) => {
            let date = dt.date?;
            ymd(
                i64::from(date.year),
                i64::from(date.month),
                i64::from(date.day),
            )
            .map(Interval::day)
        }
        RawDate::Year(y) => year(*y),
        RawDate::Text(s) => {
            let parts: Vec<&str> = s.trim().split('-').collect();
            let num = |i: usize| parts.get(i).and_then(|p| p.parse::<i64>().ok());
            match parts.len() {
                1 => year(num(0)?),
                2 => {
                    let start = ymd(num(0)?, num(1)?, 1)?;
                    Some(Interval {
                        start,
                        end: start.last_of_month(),
                        precision: Precision::Month,
                    })
                }
                3 => ymd(num(0)?, num(1)?, num(2)?).map(Interval::day),
                _ => None,
            }
        }
    }
}

/// A unit name: a currency code or symbol, "percent", or what a count counts.
/// The last words of a subject's phrases that are common nouns: "bank" of
/// "the bank", not "SVB" nor "Valley Bank" of "Silicon Valley Bank".
fn subject_heads(subject: &[S<String>]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for p in subject {
        let words: Vec<&str> = p.get_ref().split_whitespace().collect();
        let Some(last) = words.last() else {
            continue;
        };
        let common = words
            .iter()
            .all(|w| w.chars().next().is_some_and(char::is_lowercase));
        let head = crate::prose::stem(last);
        if common && head.chars().all(char::is_alphabetic) && !out.contains(&head) {
            out.push(head);
        }
    }
    out
}

/// "12,500 feet", "about 90 to 105 minutes": a value written with its
/// unit of measure or of time is that figure in that unit, as if `unit`
/// said it; with a `unit` of the same dimension as well, it is converted
/// into that one. A unit of another dimension is left for the value's
/// own error.
fn unit_from_value(mut f: RawFact) -> RawFact {
    let Some(v) = &f.value else { return f };
    let RawValue::Text(t) = v.get_ref() else {
        return f;
    };
    let found = extract::extract(t);
    let [q] = found.as_slice() else { return f };
    if t.len() > MAX_STRING || !matches!(q.kind, Kind::Measure | Kind::Duration) {
        return f;
    }
    let symbol = match q.unit {
        Some(Unit::Measure(s)) => s.to_string(),
        Some(Unit::Time(p)) => p.as_str().to_string(),
        _ => return f,
    };
    let (from, to) = match &f.unit {
        None => (Decimal::ONE, Decimal::ONE),
        Some(u) => match (physical_unit(&symbol), physical_unit(u.get_ref())) {
            (Some((a, from)), Some((b, to))) if a == b && !to.is_zero() => (from, to),
            _ => return f,
        },
    };
    let number = |x: Decimal| {
        x.checked_mul(from)
            .and_then(|y| y.checked_div(to))
            .map_or_else(|| x.to_string(), |y| y.round_dp(9).normalize().to_string())
    };
    let figure = match q.high {
        Some(h) => format!("{} to {}", number(q.value), number(h)),
        None => number(q.value),
    };
    let lead = t
        .get(..q.span.start.min(q.figure.start))
        .unwrap_or_default();
    let qualifier = q
        .qualifier
        .and_then(|x| t.get(x.span.range()))
        .map(|w| format!("{w} "))
        .unwrap_or_default();
    // The unit as the writer spelled it ("minutes"), for messages.
    let written = t
        .rfind(|c: char| c.is_ascii_digit())
        .and_then(|i| t.get(i + 1..))
        .map(str::trim)
        .filter(|w| physical_unit(w).is_some())
        .map_or(symbol, str::to_string);
    let span = v.span();
    f.value = Some(S::new(
        span.clone(),
        RawValue::Text(format!("{lead}{qualifier}{figure}")),
    ));
    if f.unit.is_none() {
        f.unit = Some(S::new(span, written));
    }
    f
}

/// The size of a fact's unit in its dimension's base unit; one when the
/// unit is no unit of measure.
fn unit_size(u: Option<&str>) -> Decimal {
    u.and_then(physical_unit)
        .map_or(Decimal::ONE, |(_, size)| size)
}

/// The aspects a fact's context words, terms and id name ("depth",
/// "long", `debris-distance`): the name a writer gives a length says which
/// it is as plainly as a cue would.
fn aspects(f: &RawFact) -> u8 {
    f.context
        .iter()
        .chain(&f.terms)
        .chain([&f.id])
        .map(|s| measure::aspect::of_phrase(s.get_ref()))
        .fold(0, |a, b| a | b)
}

/// Whether a length of time is a time into or after an event: a cue or
/// template that opens with "into" or "after" ("into the dive", "{n} into").
fn elapsed(f: &RawFact) -> bool {
    let opens = |s: &str| {
        let first = s.split_whitespace().find(|w| *w != "{n}");
        matches!(first, Some("into" | "after"))
    };
    f.context
        .iter()
        .chain(&f.templates)
        .any(|s| opens(s.get_ref()))
}

/// A unit of measure or a span of time: "feet", "ft", "hours", "nautical miles".
fn physical_unit(u: &str) -> Option<(Dimension, Decimal)> {
    let mut words = u.split_whitespace();
    let first = words.next()?;
    // In a table a unit of pounds is weight: money is written "£23,000".
    if matches!(first, "pound" | "pounds") {
        return measure::dimension("lb");
    }
    if let Some((symbol, _)) = measure::unit_word(first, words.next()) {
        return measure::dimension(symbol);
    }
    measure::dimension(first).or_else(|| {
        let p = Period::parse(first)?;
        Some((Dimension::Time, measure::period_seconds(p)))
    })
}

fn parse_unit(u: &str) -> Option<Measure> {
    let t = u.trim();
    // An age known only as a number at the story's date ("Dawood, 48").
    if matches!(t, "age" | "years old" | "year-old") {
        return Some(Measure::Age);
    }
    if let Some((d, _)) = physical_unit(t) {
        return Some(Measure::Physical(d));
    }
    match t {
        "%" | "percent" | "per cent" | "pct" => return Some(Measure::Percent),
        "$" => return Some(Measure::Money(Currency::USD)),
        "£" => return Some(Measure::Money(Currency::GBP)),
        "€" => return Some(Measure::Money(Currency::EUR)),
        _ => {}
    }
    if t.len() == 3 && t.chars().all(|c| c.is_ascii_uppercase()) {
        return Currency::parse(t).map(Measure::Money);
    }
    None
}
