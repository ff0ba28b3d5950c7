//! What a quantity is once read: its value, unit, period and qualifier, and
//! the grammar around it that binding and the checks read.

use rust_decimal::Decimal;

use crate::source::Span;

/// What kind of thing a figure states.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Kind {
    Count,
    Money,
    Percent,
    Date,
    Duration,
    Age,
    /// A length, distance, weight or time in a unit of measure: "12,500 feet".
    Measure,
    Ordinal,
    Other,
}

impl Kind {
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Count => "count",
            Kind::Money => "money",
            Kind::Percent => "percent",
            Kind::Date => "date",
            Kind::Duration => "duration",
            Kind::Age => "age",
            Kind::Measure => "measure",
            Kind::Ordinal => "ordinal",
            Kind::Other => "other",
        }
    }
}

/// An ISO 4217 currency code.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Currency(pub [u8; 3]);

impl Currency {
    pub const USD: Currency = Currency(*b"USD");
    pub const GBP: Currency = Currency(*b"GBP");
    pub const EUR: Currency = Currency(*b"EUR");

    pub fn code(&self) -> &str {
        std::str::from_utf8(&self.0).unwrap_or("???")
    }

    /// Parses a three-letter code, upper-casing it.
    pub fn parse(code: &str) -> Option<Currency> {
        let b = code.as_bytes();
        if b.len() != 3 || !b.iter().all(u8::is_ascii_alphabetic) {
            return None;
        }
        Some(Currency([
            b[0].to_ascii_uppercase(),
            b[1].to_ascii_uppercase(),
            b[2].to_ascii_uppercase(),
        ]))
    }

    /// The symbol news copy writes before an amount, if it has a common one.
    pub fn symbol(&self) -> Option<&'static str> {
        Some(match &self.0 {
            b"USD" => "$",
            b"GBP" => "£",
            b"EUR" => "€",
            b"JPY" => "¥",
            b"INR" => "₹",
            b"RUB" => "₽",
            _ => return None,
        })
    }
}

/// A span of time: the period of a rate ("a month") or a duration's unit.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Period {
    Hour,
    Day,
    Week,
    Month,
    Quarter,
    Year,
    Decade,
}

impl Period {
    pub fn as_str(self) -> &'static str {
        match self {
            Period::Hour => "hour",
            Period::Day => "day",
            Period::Week => "week",
            Period::Month => "month",
            Period::Quarter => "quarter",
            Period::Year => "year",
            Period::Decade => "decade",
        }
    }

    pub fn parse(word: &str) -> Option<Period> {
        let mut buf = [0u8; 24];
        Some(match crate::prose::words::lower(word, &mut buf)? {
            "hour" | "hours" | "hourly" | "hr" | "hrs" => Period::Hour,
            "day" | "days" | "daily" => Period::Day,
            "week" | "weeks" | "weekly" | "wk" => Period::Week,
            "month" | "months" | "monthly" | "mo" => Period::Month,
            "quarter" | "quarters" | "quarterly" => Period::Quarter,
            "year" | "years" | "yearly" | "annually" | "annual" | "annum" | "yr" | "yrs" => {
                Period::Year
            }
            "decade" | "decades" => Period::Decade,
            _ => return None,
        })
    }

    /// How many of this period make a year, as an exact fraction.
    pub fn per_year(self) -> Decimal {
        match self {
            Period::Hour => Decimal::from(8766),
            Period::Day => Decimal::new(36525, 2),
            Period::Week => Decimal::new(52_1775, 4),
            Period::Month => Decimal::from(12),
            Period::Quarter => Decimal::from(4),
            Period::Year => Decimal::ONE,
            Period::Decade => Decimal::new(1, 1),
        }
    }
}

/// The unit a figure is stated in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Unit {
    Currency(Currency),
    Percent,
    PercentagePoint,
    /// Durations and ages: "10 months", "61-year-old".
    Time(Period),
    /// A unit of measure written after the figure ("100m", "5km").
    Measure(&'static str),
}

impl Unit {
    pub fn name(&self) -> String {
        match self {
            Unit::Currency(c) => c.code().to_string(),
            Unit::Percent => "percent".into(),
            Unit::PercentagePoint => "percentage_point".into(),
            Unit::Time(p) => p.as_str().into(),
            Unit::Measure(m) => (*m).into(),
        }
    }
}

/// What a qualifier says of the figure after it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Approx {
    /// about, around, some, roughly, an estimated, or so
    About,
    /// nearly, almost, close to, just under
    Nearly,
    /// more than, over, upwards of, in excess of
    MoreThan,
    /// less than, fewer than, under, below
    LessThan,
    /// at least, no fewer than, or more
    AtLeast,
    /// at most, no more than
    AtMost,
    /// up to, as many as
    UpTo,
}

impl Approx {
    /// The name used in JSON and rules files; "nearly" reads as less than.
    pub fn as_str(self) -> &'static str {
        match self {
            Approx::About => "about",
            Approx::Nearly => "nearly",
            Approx::MoreThan => "more_than",
            Approx::LessThan => "less_than",
            Approx::AtLeast => "at_least",
            Approx::AtMost => "at_most",
            Approx::UpTo => "up_to",
        }
    }

    pub fn json_name(self) -> &'static str {
        match self {
            Approx::Nearly => "less_than",
            other => other.as_str(),
        }
    }

    pub fn parse(s: &str) -> Option<Approx> {
        let norm: String = s
            .trim()
            .chars()
            .map(|c| {
                if c == ' ' || c == '-' {
                    '_'
                } else {
                    c.to_ascii_lowercase()
                }
            })
            .collect();
        Some(match norm.as_str() {
            "about" | "around" | "approximately" | "roughly" | "some" | "estimated"
            | "an_estimated" => Approx::About,
            "nearly" | "almost" | "close_to" | "just_under" => Approx::Nearly,
            "more_than" | "over" | "above" | "upwards_of" | "in_excess_of" => Approx::MoreThan,
            "less_than" | "fewer_than" | "under" | "below" => Approx::LessThan,
            "at_least" | "no_fewer_than" | "no_less_than" | "no_earlier_than" => Approx::AtLeast,
            // "no later than" and "no earlier than" are a date fact's.
            "at_most" | "no_more_than" | "no_later_than" => Approx::AtMost,
            "up_to" | "as_many_as" | "as_much_as" => Approx::UpTo,
            _ => return None,
        })
    }

    /// Which side of the figure the truth lies on: below, around, or above.
    pub fn direction(self) -> std::cmp::Ordering {
        use std::cmp::Ordering::*;
        match self {
            Approx::About => Equal,
            Approx::Nearly | Approx::LessThan | Approx::AtMost | Approx::UpTo => Less,
            Approx::MoreThan | Approx::AtLeast => Greater,
        }
    }
}

/// A qualifier and the words that said it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Qualifier {
    pub approx: Approx,
    pub span: Span,
}

/// How the figure was written, so a correction can be written the same way.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Written {
    Digits,
    Words,
    /// "nine in ten", "two-thirds": a share written as a fraction.
    Fraction,
}

/// A calendar date as precise as the text states it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct DateParts {
    pub year: Option<i16>,
    pub month: Option<u8>,
    pub day: Option<u8>,
    /// The weekday the text names with it, 0 = Monday: "Thursday, Dec 22".
    pub weekday: Option<u8>,
    /// "early", "mid" or "late" in the month.
    pub part: Option<MonthPart>,
    /// A weekday said of what is to come ("will run out on Thursday"):
    /// the next such day by the writing, not the last.
    pub ahead: bool,
}

/// Which third of a month: "early November", "mid-November", "late November".
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum MonthPart {
    Early,
    Mid,
    Late,
}

/// A time stated relative to when the text was written.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Relative {
    Yesterday,
    Today,
    Tomorrow,
    /// "last month", "last week", "last year": the previous calendar unit.
    Last(Period),
    /// "this month", "this week".
    This(Period),
    /// "next month", "next year".
    Next(Period),
    /// "earlier this month": from the unit's start to the writing.
    EarlierThis(Period),
    /// "in recent weeks", "over the past few months": the last few units.
    Recent(Period),
    /// "over the past month", "in the last week": one unit up to the writing.
    Past(Period),
    /// "in the coming weeks", "in the next few days".
    Coming(Period),
    /// "a day after", "two days before", "the day before": the event it
    /// dates is this many days from the writing (negative: before).
    Offset(i32),
    /// "10 months ago": this many units before the writing.
    Ago(u32, Period),
    /// "over the weekend", "last weekend": the last Saturday and Sunday by
    /// the writing (the one under way on a weekend).
    LastWeekend,
    /// "this weekend": the weekend just past on a Monday, the coming one
    /// later in the week.
    ThisWeekend,
    /// "on the 10th": that day of the month nearest the writing.
    DayOfMonth(u8),
}

impl Relative {
    /// How the text put it, for messages: "last month", "on Thursday".
    pub fn describe(self) -> String {
        let unit = |p: Period, n: u32| {
            if n == 1 {
                p.as_str().to_string()
            } else {
                format!("{}s", p.as_str())
            }
        };
        match self {
            Relative::Yesterday => "yesterday".into(),
            Relative::Today => "today".into(),
            Relative::Tomorrow => "tomorrow".into(),
            Relative::Last(p) => format!("last {}", p.as_str()),
            Relative::This(p) => format!("this {}", p.as_str()),
            Relative::Next(p) => format!("next {}", p.as_str()),
            Relative::EarlierThis(p) => format!("earlier this {}", p.as_str()),
            Relative::Recent(p) => format!("recent {}", unit(p, 2)),
            Relative::Past(p) => format!("the past {}", p.as_str()),
            Relative::Coming(p) => format!("the coming {}", unit(p, 2)),
            Relative::Offset(d) if d < 0 => {
                format!("{} before the writing", unit(Period::Day, d.unsigned_abs()))
            }
            Relative::Offset(d) => {
                format!("{} after the writing", unit(Period::Day, d.unsigned_abs()))
            }
            Relative::Ago(n, p) => format!("{n} {} ago", unit(p, n)),
            Relative::LastWeekend => "the weekend".into(),
            Relative::ThisWeekend => "this weekend".into(),
            Relative::DayOfMonth(d) => {
                let suffix = match (d % 10, d % 100) {
                    (_, 11..=13) => "th",
                    (1, _) => "st",
                    (2, _) => "nd",
                    (3, _) => "rd",
                    _ => "th",
                };
                format!("the {d}{suffix}")
            }
        }
    }
}

impl DateParts {
    pub fn new(year: Option<i16>, month: Option<u8>, day: Option<u8>) -> DateParts {
        DateParts {
            year,
            month,
            day,
            ..DateParts::default()
        }
    }

    /// ISO 8601 as far as it is known: "2022-12-22", "2022-11", "2014", "--12-22".
    pub fn iso(&self) -> String {
        match (self.year, self.month, self.day) {
            (Some(y), Some(m), Some(d)) => format!("{y:04}-{m:02}-{d:02}"),
            (Some(y), Some(m), None) => format!("{y:04}-{m:02}"),
            (Some(y), None, _) => format!("{y:04}"),
            (None, Some(m), Some(d)) => format!("--{m:02}-{d:02}"),
            (None, Some(m), None) => format!("--{m:02}"),
            // "on Thursday" with no date to place it: the weekday itself.
            (None, None, _) => self.weekday.map_or_else(String::new, |w| {
                crate::time::WEEKDAYS[usize::from(w)].to_string()
            }),
        }
    }
}

/// What a partitive or a share is taken of.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Base {
    /// Another quantity: "90% of those 1,000 fighters", "40,000 of these".
    Quantity(usize),
    /// Words with no figure: "90% of those killed".
    Words(Span),
}

/// A quantity's place in an enumeration: "50,000, including 10,000 X and 40,000 Y".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Member {
    /// The index of the enumeration's total.
    pub total: usize,
    /// True for the total itself, false for a part.
    pub is_total: bool,
    /// The parts are all the total has ("made up of", "comprising").
    pub exhaustive: bool,
    /// The word or words that introduced the parts.
    pub marker: Span,
}

/// The grammar around a quantity, found without any fact.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Syntax {
    /// The sentence the quantity is in.
    pub sentence: Span,
    /// The stretch of the sentence whose words describe this quantity and no other.
    pub clause: Span,
    /// The noun phrase after the figure: "skilled “contractors”", "Wagner fighters".
    pub noun: Option<Span>,
    /// The complement of a copula after it: "10,000 are *contractors*".
    pub predicate: Option<Span>,
    /// What a partitive or share is of.
    pub base: Option<Base>,
    /// Its place in an enumeration.
    pub member: Option<Member>,
    /// Listed with figures of its kind and no total: "$1.25bn of common
    /// stock and $500m of preferred shares". The first member's index.
    pub listed_with: Option<usize>,
    /// An earlier quantity this one repeats: "those 1,000 fighters".
    pub coref: Option<usize>,
    /// The amount this one converts into another currency: "$100m (£83m)".
    pub conversion_of: Option<usize>,
    /// An earlier quantity this one restates: "90% of them, or about 900 men".
    pub restates: Option<usize>,
    /// A noun that names the figure from before it: "a budget *of* $84bn",
    /// "*Convicts*: about 45,000".
    pub lead: Option<Span>,
    /// What a sum is in: "$45bn *in aid*".
    pub in_noun: Option<Span>,
    /// Where the noun phrase (or the figure) ends: relations attach after it.
    pub np_end: usize,
}

/// One quantity found in prose.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Quantity {
    /// Everything read as part of it: qualifier, currency, figure, scale, period.
    pub span: Span,
    /// The figure alone, with its currency, scale and percent sign.
    pub figure: Span,
    pub kind: Kind,
    /// The value after scale words; for dates, the year if known.
    pub value: Decimal,
    /// The upper end of a range; `value` is the lower.
    pub high: Option<Decimal>,
    pub unit: Option<Unit>,
    pub per: Option<(Period, Span)>,
    pub qualifier: Option<Qualifier>,
    pub written: Written,
    /// The scale word or suffix as written ("million", "bn", "m").
    pub scale: Option<Span>,
    pub date: Option<DateParts>,
    /// For dates stated relative to the writing: "last month", "a day after".
    pub relative: Option<Relative>,
    pub syntax: Syntax,
}

impl Quantity {
    pub fn is_numeric_fact_kind(&self) -> bool {
        matches!(
            self.kind,
            Kind::Count | Kind::Money | Kind::Percent | Kind::Measure
        )
    }

    /// Whether it can state a fact: a figure, a date, an age or a duration.
    pub fn binds(&self) -> bool {
        matches!(
            self.kind,
            Kind::Count
                | Kind::Money
                | Kind::Percent
                | Kind::Date
                | Kind::Age
                | Kind::Duration
                | Kind::Measure
        )
    }
}
