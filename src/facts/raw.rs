//! rules.toml as written: serde structs that reject unknown keys, with the
//! span of every value so that errors point at the line that caused them.

use serde::Deserialize;
use toml::Spanned;

pub type S<T> = Spanned<T>;

#[derive(Deserialize, Debug)]
#[serde(deny_unknown_fields)]
pub struct RawRules {
    pub version: Option<S<i64>>,
    /// Another rules file whose stories, facts and relations this one
    /// starts from, relative to this file.
    pub extends: Option<S<String>>,
    #[serde(default)]
    pub story: Vec<S<RawStory>>,
    #[serde(default)]
    pub fact: Vec<S<RawFact>>,
    #[serde(default)]
    pub relation: Vec<S<RawRelation>>,
    /// The project configuration (`select`, `ignore`, …) when it shares
    /// `numcheck.toml` with the rules; read by `config`, not here.
    #[allow(dead_code)]
    pub check: Option<toml::Value>,
}

#[derive(Deserialize, Debug)]
#[serde(deny_unknown_fields)]
pub struct RawStory {
    pub id: S<String>,
    pub title: Option<String>,
    /// The story's date: the document date when a draft states none.
    pub date: Option<S<toml::value::Datetime>>,
    /// Words a document must contain for this story's facts to bind.
    #[serde(default)]
    pub keywords: Vec<S<String>>,
    /// Who the figures belong to: one must be named in a figure's clause
    /// for it to bind by its own words. Defaults to `keywords`.
    #[serde(default)]
    pub subject: Vec<S<String>>,
    /// Where the figures hold: a figure placed elsewhere ("in Mali") does not bind.
    #[serde(default)]
    pub places: Vec<S<String>>,
    /// Words that, in a figure's clause, mean it is about something else.
    #[serde(default)]
    pub unless: Vec<S<String>>,
    /// Globs, relative to the rules file, of the documents this story is
    /// about. A story with paths applies to those documents only.
    #[serde(default)]
    pub paths: Vec<S<String>>,
    /// Exchange rates of the story's time, each "£1 = US$1.21" (the right
    /// side may be a range, "US$1 = ₩1,300 to ₩1,320"), for checking a sum
    /// converted in brackets.
    #[serde(default)]
    pub exchange_rates: Vec<S<String>>,
}

/// A number, or a figure written as text ("$100 million", "90%", "50,000").
#[derive(Deserialize, Debug, Clone)]
#[serde(untagged)]
pub enum RawValue {
    Int(i64),
    Float(f64),
    Text(String),
}

#[derive(Deserialize, Debug, Clone)]
#[serde(deny_unknown_fields)]
pub struct RawFact {
    pub id: S<String>,
    pub story: Option<S<String>>,
    pub value: Option<S<RawValue>>,
    pub unit: Option<S<String>>,
    pub per: Option<S<String>>,
    pub qualifier: Option<S<String>>,
    #[serde(default)]
    pub accept: Vec<S<String>>,
    #[serde(default)]
    pub reject: Vec<S<String>>,
    pub tolerance: Option<S<RawValue>>,
    pub attribution: Option<String>,
    pub source: Option<String>,
    #[serde(default)]
    pub terms: Vec<S<String>>,
    #[serde(default)]
    pub context: Vec<S<String>>,
    #[serde(default)]
    pub unless: Vec<S<String>>,
    #[serde(default)]
    pub templates: Vec<S<String>>,
    #[serde(default)]
    pub parts: Vec<S<String>>,
    pub of: Option<S<String>>,
    pub direction: Option<RawDirection>,
    /// When an event happened: "2022-11", 2022-12-22, 2014.
    pub date: Option<S<RawDate>>,
    /// A person's birth date, from which ages are checked.
    pub born: Option<S<RawDate>>,
    /// When something began, from which durations are checked.
    pub since: Option<S<RawDate>>,
    /// The day, month or year a figure holds at: a balance sheet's date.
    pub as_of: Option<S<RawDate>>,
    /// Who the figure belongs to, instead of the story's subject; `[]` for nobody.
    pub subject: Option<Vec<S<String>>>,
    /// Instead of `value`: a figure that changes over time, by the day it
    /// was given ("40 hours of oxygen left" on 20 June, 20 on 21 June).
    #[serde(default)]
    pub over_time: Option<S<std::collections::BTreeMap<String, S<RawDayValue>>>>,
}

/// One day's value of a figure over time: a figure, or the range given
/// that day (`[70, 96]`).
#[derive(Deserialize, Debug, Clone)]
#[serde(untagged)]
pub enum RawDayValue {
    One(RawValue),
    Range(Vec<RawValue>),
}

/// A date as a TOML date (2022-12-22), a string ("2022-11", "2014") or a year (2014).
#[derive(Deserialize, Debug, Clone)]
#[serde(untagged)]
pub enum RawDate {
    Date(toml::value::Datetime),
    Year(i64),
    Text(String),
}

#[derive(Deserialize, Debug, Clone)]
#[serde(deny_unknown_fields)]
pub struct RawDirection {
    #[serde(default)]
    pub right: Vec<S<String>>,
    #[serde(default)]
    pub wrong: Vec<S<String>>,
}

#[derive(Deserialize, Debug)]
#[serde(deny_unknown_fields)]
pub struct RawRelation {
    pub id: S<String>,
    pub story: Option<S<String>>,
    /// How messages name it: "recruited from prisons".
    pub says: Option<String>,
    #[serde(default)]
    pub phrases: Vec<S<String>>,
    #[serde(default)]
    pub applies_to: Vec<S<String>>,
    #[serde(default)]
    pub excludes: Vec<S<String>>,
}
