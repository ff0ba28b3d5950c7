//! Time: the date a document was written, and every date, weekday and
//! relative expression in it resolved against that date.
//!
//! The document date comes from its front matter (`date:`), else from
//! `--date`, else from a dateline near the top ("WASHINGTON, Dec 22
//! (Reuters)", "December 23, 2022" on its own line), else from the story's
//! date in rules.toml. Calendar arithmetic is jiff's.

mod dateline;

use jiff::ToSpan;
use jiff::civil::Date;

use crate::extract::{DateParts, MonthPart, Period, Quantity, Relative};
use crate::source::Span;

pub use dateline::find_dateline;

/// How precisely a resolved date is known.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Precision {
    Day,
    Week,
    Month,
    Year,
    /// A fuzzy stretch: "in recent weeks", "early November".
    Range,
}

impl Precision {
    pub fn as_str(self) -> &'static str {
        match self {
            Precision::Day => "day",
            Precision::Week => "week",
            Precision::Month => "month",
            Precision::Year => "year",
            Precision::Range => "range",
        }
    }
}

/// The days a date may be, first and last inclusive.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Interval {
    pub start: Date,
    pub end: Date,
    pub precision: Precision,
}

impl Interval {
    pub fn day(d: Date) -> Interval {
        Interval {
            start: d,
            end: d,
            precision: Precision::Day,
        }
    }

    pub fn overlaps(&self, other: &Interval) -> bool {
        self.start <= other.end && other.start <= self.end
    }

    /// "2022-11-22", "2022-11", "2022", "2022-11-08/2022-12-22".
    pub fn iso(&self) -> String {
        match self.precision {
            Precision::Day => self.start.to_string(),
            Precision::Month => format!("{:04}-{:02}", self.start.year(), self.start.month()),
            Precision::Year => format!("{:04}", self.start.year()),
            Precision::Week | Precision::Range => format!("{}/{}", self.start, self.end),
        }
    }

    /// "23 December 2022": the first day, in words.
    pub fn day_words(&self) -> String {
        let month = MONTHS[usize::try_from(self.start.month() - 1).unwrap_or(0)];
        format!("{} {month} {}", self.start.day(), self.start.year())
    }

    /// For messages: "Thursday 22 December 2022", "November 2022", "2014".
    pub fn describe(&self) -> String {
        let month = |d: Date| MONTHS[usize::try_from(d.month() - 1).unwrap_or(0)];
        match self.precision {
            Precision::Day => format!(
                "{} {}",
                WEEKDAYS[self.start.weekday().to_monday_zero_offset() as usize],
                self.day_words()
            ),
            Precision::Month => format!("{} {}", month(self.start), self.start.year()),
            Precision::Year => format!("{}", self.start.year()),
            Precision::Week | Precision::Range => format!(
                "{} {} to {} {} {}",
                self.start.day(),
                month(self.start),
                self.end.day(),
                month(self.end),
                self.end.year()
            ),
        }
    }
}

/// Month names, January first, as messages write them.
pub const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

pub const WEEKDAYS: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

/// Where a document's date came from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Source {
    FrontMatter,
    Flag,
    /// A dateline at this span of the document.
    Dateline(Span),
    /// The date of this story in rules.toml.
    Story(String),
}

/// The date a document was written, and why numcheck thinks so.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DocDate {
    pub date: Date,
    pub source: Source,
}

impl DocDate {
    pub fn explain(&self, text: &str) -> String {
        match &self.source {
            Source::FrontMatter => format!("{} (front matter)", self.date),
            Source::Flag => format!("{} (--date)", self.date),
            Source::Dateline(s) => {
                format!("{} (dateline \"{}\")", self.date, text[s.range()].trim())
            }
            Source::Story(id) => format!("{} (date of story `{id}`)", self.date),
        }
    }
}

/// A full date from its parts, if they name one day.
pub fn to_date(p: DateParts) -> Option<Date> {
    Date::new(
        p.year?,
        i8::try_from(p.month?).ok()?,
        i8::try_from(p.day?).ok()?,
    )
    .ok()
}

fn month_interval(year: i16, month: u8) -> Option<Interval> {
    let first = Date::new(year, i8::try_from(month).ok()?, 1).ok()?;
    Some(Interval {
        start: first,
        end: first.last_of_month(),
        precision: Precision::Month,
    })
}

fn year_interval(year: i16) -> Option<Interval> {
    Some(Interval {
        start: Date::new(year, 1, 1).ok()?,
        end: Date::new(year, 12, 31).ok()?,
        precision: Precision::Year,
    })
}

/// The days of the calendar unit holding `d`: its week (Monday first), month or year.
fn unit_of(d: Date, p: Period) -> Option<Interval> {
    match p {
        Period::Week => {
            let start = d
                .checked_sub(i64::from(d.weekday().to_monday_zero_offset()).days())
                .ok()?;
            Some(Interval {
                start,
                end: start.checked_add(6.days()).ok()?,
                precision: Precision::Week,
            })
        }
        Period::Month => month_interval(d.year(), u8::try_from(d.month()).ok()?),
        Period::Year => year_interval(d.year()),
        Period::Day => Some(Interval::day(d)),
        _ => None,
    }
}

/// `d` moved by `n` units.
fn shift(d: Date, p: Period, n: i64) -> Option<Date> {
    let span = match p {
        Period::Day => n.days(),
        Period::Week => n.weeks(),
        Period::Month => n.months(),
        Period::Quarter => (3 * n).months(),
        Period::Year => n.years(),
        Period::Decade => (10 * n).years(),
        Period::Hour => return None,
    };
    d.checked_add(span).ok()
}

/// How far back "recent" reaches for each unit: "recent weeks" are the last
/// six weeks, "recent days" the last ten days, "recent months" the last six.
fn recent_reach(p: Period) -> i64 {
    match p {
        Period::Day => 10,
        Period::Week | Period::Month => 6,
        _ => 3,
    }
}

/// The dates a quantity of kind Date stands for, given the document date.
pub fn resolve(q: &Quantity, doc: Option<Date>) -> Option<Interval> {
    if let Some(r) = q.relative {
        return resolve_relative(r, doc?);
    }
    let p = q.date?;
    match (p.year, p.month, p.day) {
        (Some(_), Some(_), Some(_)) => to_date(p).map(Interval::day),
        (None, Some(m), Some(day)) => year_for(p, m, day, doc?).map(Interval::day),
        (y, Some(m), None) => {
            let year = match y {
                Some(y) => y,
                // "in November" is the last November by the writing.
                None => {
                    let doc = doc?;
                    if i8::try_from(m).ok()? > doc.month() {
                        doc.year() - 1
                    } else {
                        doc.year()
                    }
                }
            };
            let month = month_interval(year, m)?;
            match p.part {
                None => Some(month),
                Some(part) => {
                    let (a, b) = match part {
                        MonthPart::Early => (1, 10),
                        MonthPart::Mid => (11, 20),
                        MonthPart::Late => (21, month.end.day()),
                    };
                    let first = month.start;
                    Some(Interval {
                        start: first.checked_add((a - 1).days()).ok()?,
                        end: first.checked_add((b - 1).days()).ok()?,
                        precision: Precision::Range,
                    })
                }
            }
        }
        (Some(y), None, _) => year_interval(y),
        (None, None, _) => {
            // "on Thursday": the last Thursday by the writing; "will run
            // out on Thursday", the next.
            let w = p.weekday?;
            let doc = doc?;
            let back = (7 + i64::from(doc.weekday().to_monday_zero_offset()) - i64::from(w)) % 7;
            let day = if p.ahead {
                doc.checked_add(((7 - back) % 7).days()).ok()?
            } else {
                doc.checked_sub(back.days()).ok()?
            };
            Some(Interval::day(day))
        }
    }
}

/// How far ahead of the writing a date without a year may be: news looks
/// back, so "March 5" in December is last March, but "Jan 16" is next month.
const AHEAD_DAYS: i32 = 62;

/// How near the writing a date without a year is taken as this year's
/// whatever weekday is written with it: "Sunday, March 13" three days after
/// a Friday, March 10 is a wrong weekday, not a March 13 of last year.
const NEAR_DAYS: i32 = 31;

/// The year of a month and day the text gives without one: the last
/// occurrence by the writing, or the next if it is soon and nearer. When
/// the text names a weekday with it ("Monday, Jan 16") and only one of the
/// two falls on it, that one, unless the other is within a month of the
/// writing; a weekday never reaches further back, where it would hide a
/// wrong weekday.
fn year_for(p: DateParts, month: u8, day: u8, doc: Date) -> Option<Date> {
    let (m, d) = (i8::try_from(month).ok()?, i8::try_from(day).ok()?);
    let on = |k: i16| Date::new(doc.year().checked_add(k)?, m, d).ok();
    let past = [0, -1].into_iter().filter_map(on).find(|c| *c <= doc);
    let next = [0, 1]
        .into_iter()
        .filter_map(on)
        .find(|c| *c > doc && (*c - doc).get_days() <= AHEAD_DAYS);
    let named = |c: Date| {
        p.weekday
            .is_some_and(|w| i16::from(c.weekday().to_monday_zero_offset()) == i16::from(w))
    };
    let near = |c: Date| (c - doc).get_days().abs() <= NEAR_DAYS;
    match (past, next) {
        (Some(a), Some(b)) if named(a) != named(b) && !near(a) && !near(b) => {
            Some(if named(a) { a } else { b })
        }
        (Some(a), Some(b)) => Some(if (b - doc).get_days() < (doc - a).get_days() {
            b
        } else {
            a
        }),
        (a, b) => a.or(b),
    }
}

/// The Saturday and Sunday of "the weekend" (`this` false: the last by the
/// writing, or the one under way) or "this weekend" (the one of the week
/// being written in, except on a Monday, when it is the one just past).
fn weekend(doc: Date, this: bool) -> Option<Interval> {
    // Days since Monday: 0 on a Monday, 5 on a Saturday, 6 on a Sunday.
    let since_monday = i64::from(doc.weekday().to_monday_zero_offset());
    let saturday = if since_monday >= 5 || (this && since_monday > 0) {
        doc.checked_add((5 - since_monday).days()).ok()?
    } else {
        doc.checked_sub((since_monday + 2).days()).ok()?
    };
    Some(Interval {
        start: saturday,
        end: saturday.tomorrow().ok()?,
        precision: Precision::Range,
    })
}

/// Day `d` of the month before, of, or after the writing's, whichever is
/// nearest it: "the 10th" in a text of 13 March is 10 March, in one of 2
/// March it is 10 March too, and "the 28th" then is 28 February.
pub(crate) fn day_of_month_near(doc: Date, d: u8) -> Option<Date> {
    let day = i8::try_from(d).ok()?;
    let first = doc.first_of_month();
    [-1i64, 0, 1]
        .iter()
        .filter_map(|&n| first.checked_add(n.months()).ok())
        .filter_map(|m| Date::new(m.year(), m.month(), day).ok())
        .min_by_key(|x| (x.since(doc).ok()).map_or(i64::MAX, |s| i64::from(s.get_days()).abs()))
}

fn resolve_relative(r: Relative, doc: Date) -> Option<Interval> {
    Some(match r {
        Relative::Yesterday => Interval::day(doc.yesterday().ok()?),
        Relative::Today => Interval::day(doc),
        Relative::Tomorrow => Interval::day(doc.tomorrow().ok()?),
        Relative::Last(p) => unit_of(shift(doc, p, -1)?, p)?,
        Relative::This(p) => unit_of(doc, p)?,
        Relative::Next(p) => unit_of(shift(doc, p, 1)?, p)?,
        Relative::EarlierThis(p) => Interval {
            start: unit_of(doc, p)?.start,
            end: doc,
            precision: Precision::Range,
        },
        Relative::Recent(p) => Interval {
            start: shift(doc, p, -recent_reach(p))?,
            end: doc,
            precision: Precision::Range,
        },
        Relative::Past(p) => Interval {
            start: shift(doc, p, -1)?,
            end: doc,
            precision: Precision::Range,
        },
        Relative::Coming(p) => Interval {
            start: doc,
            end: shift(doc, p, recent_reach(p))?,
            precision: Precision::Range,
        },
        Relative::LastWeekend => weekend(doc, false)?,
        Relative::ThisWeekend => weekend(doc, true)?,
        Relative::DayOfMonth(d) => Interval::day(day_of_month_near(doc, d)?),
        Relative::Offset(days) => Interval::day(doc.checked_add(i64::from(days).days()).ok()?),
        Relative::Ago(n, p) => {
            let d = shift(doc, p, -i64::from(n))?;
            let precision = match p {
                Period::Day => Precision::Day,
                Period::Week => Precision::Week,
                Period::Month => Precision::Month,
                _ => Precision::Year,
            };
            Interval {
                precision,
                ..unit_of(
                    d,
                    if precision == Precision::Day {
                        Period::Day
                    } else {
                        p
                    },
                )?
            }
        }
    })
}

/// Whole years from `born` to `on`.
pub fn age(born: Date, on: Date) -> Option<i64> {
    let span = born.until((jiff::Unit::Year, on)).ok()?;
    Some(i64::from(span.get_years()))
}

/// The time from `since` to `on` in `unit`, as a fraction.
pub fn elapsed(since: Date, on: Date, unit: Period) -> Option<f64> {
    let ju = match unit {
        Period::Day => jiff::Unit::Day,
        Period::Week => jiff::Unit::Week,
        Period::Month => jiff::Unit::Month,
        Period::Year => jiff::Unit::Year,
        _ => return None,
    };
    let span = since.until((ju, on)).ok()?;
    span.total((ju, since)).ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::{Kind, extract};

    fn resolved(text: &str, doc: &str) -> Vec<String> {
        let doc: Date = doc.parse().unwrap();
        extract(text)
            .iter()
            .filter(|q| q.kind == Kind::Date)
            .filter_map(|q| resolve(q, Some(doc)))
            .map(|i| i.iso())
            .collect()
    }

    #[test]
    fn relative_expressions_resolve_against_the_writing() {
        let doc = "2022-12-22";
        assert_eq!(resolved("It happened last month.", doc), ["2022-11"]);
        assert_eq!(resolved("He said on Thursday.", doc), ["2022-12-22"]);
        assert_eq!(resolved("It came on Wednesday.", doc), ["2022-12-21"]);
        assert_eq!(resolved("It came a day after that.", doc), ["2022-12-21"]);
        assert_eq!(
            resolved("Killed in recent weeks.", doc),
            ["2022-11-10/2022-12-22"]
        );
        assert_eq!(resolved("Delivered in November.", doc), ["2022-11"]);
        assert_eq!(resolved("Founded in 2014.", doc), ["2014"]);
        assert_eq!(resolved("Met yesterday.", doc), ["2022-12-21"]);
        assert_eq!(resolved("It rose last year.", doc), ["2021"]);
        assert_eq!(
            resolved("Seen in mid-November.", doc),
            ["2022-11-11/2022-11-20"]
        );
        assert_eq!(resolved("Done ten months ago.", doc), ["2022-02"]);
    }

    #[test]
    fn year_boundaries() {
        assert_eq!(
            resolved("It happened last month.", "2023-01-03"),
            ["2022-12"]
        );
        assert_eq!(
            resolved("In December they left.", "2023-01-03"),
            ["2022-12"]
        );
        assert_eq!(
            resolved("On Dec 30 they left.", "2023-01-03"),
            ["2022-12-30"]
        );
        assert_eq!(
            resolved("On Jan 2 they left.", "2023-01-03"),
            ["2023-01-02"]
        );
    }

    /// What each expression resolves to, for a given document date: the
    /// text, and every date in it as `Interval::iso`.
    type Resolution = (&'static str, &'static [&'static str]);

    fn check_resolutions(doc: &str, cases: &[Resolution]) {
        let failures: Vec<String> = cases
            .iter()
            .filter_map(|(text, want)| {
                let got = resolved(text, doc);
                (got != *want).then(|| format!("{text:?}: want {want:?}, got {got:?}"))
            })
            .collect();
        assert!(
            failures.is_empty(),
            "in a text of {doc}, {} of {} cases failed:\n{}",
            failures.len(),
            cases.len(),
            failures.join("\n")
        );
    }

    /// "the weekend" looks back to the last Saturday and Sunday, or the one
    /// under way; "this weekend" is the coming one after a Monday.
    #[test]
    fn a_weekday_of_the_future_is_the_next() {
        let cases: &[(&str, &[Resolution])] = &[(
            "2023-06-20",
            &[
                ("The oxygen will run out on Thursday.", &["2023-06-22"]),
                ("It is due to resurface Sunday.", &["2023-06-25"]),
                ("They'll meet Tuesday.", &["2023-06-20"]),
                (
                    "The search will go on after it vanished on Sunday.",
                    &["2023-06-18"],
                ),
                ("It ran out on Thursday.", &["2023-06-15"]),
            ],
        )];
        for (doc, want) in cases {
            check_resolutions(doc, want);
        }
    }

    #[test]
    fn a_day_of_the_month_nearest_the_writing() {
        let cases: &[(&str, &[Resolution])] = &[
            (
                "2023-03-13",
                &[
                    ("On the morning of the 10th, it fell.", &["2023-03-10"]),
                    ("Withdrawals are frozen until the 20th.", &["2023-03-20"]),
                    ("It was the 16th biggest bank.", &[]),
                    ("It began in the 20th century.", &[]),
                    ("It is on the 10th floor.", &[]),
                ],
            ),
            (
                "2023-03-02",
                &[("It was founded on the 28th, they said.", &["2023-02-28"])],
            ),
        ];
        for (doc, want) in cases {
            check_resolutions(doc, want);
        }
    }

    #[test]
    fn weekends_around_the_writing() {
        let cases: &[(&str, &[Resolution])] = &[
            (
                "2023-03-10",
                &[
                    ("It failed over the weekend.", &["2023-03-04/2023-03-05"]),
                    ("It met last weekend.", &["2023-03-04/2023-03-05"]),
                    ("It meets this weekend.", &["2023-03-11/2023-03-12"]),
                    ("It opens at weekends.", &[]),
                    ("It met on the weekend of March 11.", &["2023-03-11"]),
                ],
            ),
            (
                "2023-03-12",
                &[("It failed over the weekend.", &["2023-03-11/2023-03-12"])],
            ),
            (
                "2023-03-13",
                &[("It met this weekend.", &["2023-03-11/2023-03-12"])],
            ),
        ];
        for (doc, want) in cases {
            check_resolutions(doc, want);
        }
    }

    /// A text of Thursday 22 December 2022, the day of the seed story.
    #[test]
    fn resolution_table_on_the_day_of_the_story() {
        check_resolutions(
            "2022-12-22",
            &[
                ("Kirby briefed reporters on Dec 22.", &["2022-12-22"]),
                ("It was dated December 23, 2022.", &["2022-12-23"]),
                ("It was signed on 22 December 2022.", &["2022-12-22"]),
                ("It arrived on Dec. 22.", &["2022-12-22"]),
                ("It arrived on Dec 22nd.", &["2022-12-22"]),
                ("It was published 2022-12-22.", &["2022-12-22"]),
                ("They met on the 22nd of December.", &["2022-12-22"]),
                ("It happened in March 2022.", &["2022-03"]),
                ("Wagner was founded in 2014.", &["2014"]),
                ("It happened in November.", &["2022-11"]),
                ("It happened in December.", &["2022-12"]),
                // The last January by the writing.
                ("It happened in January.", &["2022-01"]),
                // A day in the week ahead is this year's.
                ("A vote is due on Dec 28.", &["2022-12-28"]),
                ("It happened in mid-November.", &["2022-11-11/2022-11-20"]),
                ("It happened in late November.", &["2022-11-21/2022-11-30"]),
                (
                    "It began in early December 2022.",
                    &["2022-12-01/2022-12-10"],
                ),
                ("It grew in late 2021.", &["2021"]),
                // A weekday alone is the last one by the writing, today included.
                ("He spoke on Thursday.", &["2022-12-22"]),
                ("It came on Wednesday.", &["2022-12-21"]),
                ("He left on Monday.", &["2022-12-19"]),
                ("He left on Friday.", &["2022-12-16"]),
                ("He left on Sunday.", &["2022-12-18"]),
                ("Thursday's briefing was short.", &["2022-12-22"]),
                ("He spoke on Thursday, Dec 22, 2022.", &["2022-12-22"]),
                (
                    "It was announced on Wednesday 21 December.",
                    &["2022-12-21"],
                ),
                ("It happened last month.", &["2022-11"]),
                ("It happened this month.", &["2022-12"]),
                ("It happened this week.", &["2022-12-19/2022-12-25"]),
                ("It happened last week.", &["2022-12-12/2022-12-18"]),
                ("Last week's talks failed.", &["2022-12-12/2022-12-18"]),
                ("It happened last year.", &["2021"]),
                ("This year's budget was cut.", &["2022"]),
                ("It happens next month.", &["2023-01"]),
                ("It happens next week.", &["2022-12-26/2023-01-01"]),
                ("It happens next year.", &["2023"]),
                ("It happened yesterday.", &["2022-12-21"]),
                ("It happens today.", &["2022-12-22"]),
                ("It happens tomorrow.", &["2022-12-23"]),
                // "a day after" dates the clause after it, the day before
                // the writing; with no clause after, "the day before" and
                // "three days earlier" date the sentence's own event.
                (
                    "The comments came a day after the Commerce Department tightened sanctions.",
                    &["2022-12-21"],
                ),
                ("It came a week after the vote.", &["2022-12-15"]),
                (
                    "The strike came a day after 50 people died.",
                    &["2022-12-21"],
                ),
                (
                    "This week\u{2019}s talks failed.",
                    &["2022-12-19/2022-12-25"],
                ),
                ("The rules were announced the day before.", &["2022-12-21"]),
                ("He had left three days earlier.", &["2022-12-19"]),
                ("It arrived two days later.", &["2022-12-24"]),
                ("It began earlier this month.", &["2022-12-01/2022-12-22"]),
                ("It began earlier this week.", &["2022-12-19/2022-12-22"]),
                ("It resumes later this month.", &["2022-12"]),
                ("They died in recent weeks.", &["2022-11-10/2022-12-22"]),
                (
                    "They died in the past few weeks.",
                    &["2022-11-10/2022-12-22"],
                ),
                ("They died in recent days.", &["2022-12-12/2022-12-22"]),
                (
                    "It will come in the coming weeks.",
                    &["2022-12-22/2023-02-02"],
                ),
                (
                    "It will come in the next few days.",
                    &["2022-12-22/2023-01-01"],
                ),
                ("The war began ten months ago.", &["2022-02"]),
                ("It was founded three years ago.", &["2019"]),
                ("He quit two weeks ago.", &["2022-12-05/2022-12-11"]),
                ("He quit three days ago.", &["2022-12-19"]),
            ],
        );
    }

    /// A text of Tuesday 3 January 2023: the calendar units before it are
    /// last year's.
    #[test]
    fn resolution_table_across_the_new_year() {
        check_resolutions(
            "2023-01-03",
            &[
                ("It happened last month.", &["2022-12"]),
                ("It happened in December.", &["2022-12"]),
                ("It happened in November.", &["2022-11"]),
                ("It happened in January.", &["2023-01"]),
                ("They left on Dec 30.", &["2022-12-30"]),
                ("They left on December 31.", &["2022-12-31"]),
                ("They left on Jan 2.", &["2023-01-02"]),
                ("It happened last year.", &["2022"]),
                ("It happened this year.", &["2023"]),
                ("It happened this month.", &["2023-01"]),
                ("It happened yesterday.", &["2023-01-02"]),
                ("It happened last week.", &["2022-12-26/2023-01-01"]),
                ("It happened this week.", &["2023-01-02/2023-01-08"]),
                ("He spoke on Thursday.", &["2022-12-29"]),
                ("He spoke on Tuesday.", &["2023-01-03"]),
                ("It began earlier this month.", &["2023-01-01/2023-01-03"]),
                ("They died in recent weeks.", &["2022-11-22/2023-01-03"]),
                ("It peaked in mid-December.", &["2022-12-11/2022-12-20"]),
                ("It peaked in late December.", &["2022-12-21/2022-12-31"]),
                ("The war began ten months ago.", &["2022-03"]),
                ("He quit two weeks ago.", &["2022-12-19/2022-12-25"]),
                ("The rules were announced the day before.", &["2023-01-02"]),
                ("He had left three days earlier.", &["2022-12-31"]),
                ("It happens next month.", &["2023-02"]),
                ("It was dated December 23, 2022.", &["2022-12-23"]),
            ],
        );
    }

    /// A text of 1 March 2024, the day after a leap day.
    #[test]
    fn resolution_table_after_a_leap_day() {
        check_resolutions(
            "2024-03-01",
            &[
                ("It happened yesterday.", &["2024-02-29"]),
                ("It happened last month.", &["2024-02"]),
                ("It peaked in late February.", &["2024-02-21/2024-02-29"]),
                ("It happened in February.", &["2024-02"]),
                ("It began earlier this month.", &["2024-03-01/2024-03-01"]),
                ("It happened on Feb 29.", &["2024-02-29"]),
            ],
        );
    }

    #[test]
    fn ages_and_durations() {
        let born: Date = "1961-06-01".parse().unwrap();
        assert_eq!(age(born, "2022-12-23".parse().unwrap()), Some(61));
        assert_eq!(age(born, "2022-05-31".parse().unwrap()), Some(60));
        let months = elapsed(
            "2022-02-24".parse().unwrap(),
            "2022-12-22".parse().unwrap(),
            Period::Month,
        )
        .unwrap();
        assert!((9.8..10.0).contains(&months), "{months}");
    }
}
