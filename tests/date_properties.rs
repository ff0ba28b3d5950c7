//! Properties of dates: every written form reads back as the date it was
//! written from, and the weekday check agrees with the calendar (jiff) on
//! every day from 2000 to 2040.

use jiff::civil::Date;
use numcheck::engine::{self, Options};
use numcheck::extract::{Kind, extract};
use numcheck::facts::FactTable;
use numcheck::load::Document;
use numcheck::source::SourceFile;
use numcheck::time::MONTHS;
use proptest::prelude::*;

const WEEKDAYS: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

fn short(m: usize) -> &'static str {
    // "Sept" is read too, but the usual three letters are what news writes.
    &MONTHS[m][..3]
}

fn ordinal(d: i8) -> String {
    let suffix = match (d % 10, d % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{d}{suffix}")
}

/// Every form of a full date numcheck promises to read, for date `d`.
fn full_forms(d: Date) -> Vec<String> {
    let (y, m, day) = (d.year(), usize::try_from(d.month() - 1).unwrap(), d.day());
    let mut forms = vec![
        format!("{} {day}, {y}", MONTHS[m]),
        format!("{} {day} {y}", MONTHS[m]),
        format!("{day} {} {y}", MONTHS[m]),
        format!("{} {day}, {y}", short(m)),
        format!("{} {} {y}", ordinal(day), MONTHS[m]),
        format!("{y:04}-{:02}-{day:02}", m + 1),
    ];
    // "Dec. 22, 2022": news abbreviates only the long months with a full stop.
    if MONTHS[m].len() > 5 {
        forms.push(format!("{}. {day}, {y}", short(m)));
    }
    forms
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn full_dates_round_trip(days in 0i64..(200 * 365)) {
        let d = Date::new(1900, 1, 1).unwrap().checked_add(jiff::Span::new().days(days)).unwrap();
        for form in full_forms(d) {
            let text = format!("The shipment arrived on {form}, officials said.");
            let dates: Vec<_> = extract(&text).into_iter().filter(|q| q.kind == Kind::Date).collect();
            prop_assert_eq!(dates.len(), 1, "{}", text);
            let p = dates[0].date.expect("a date has its parts");
            prop_assert_eq!((p.year, p.month, p.day), (Some(d.year()), Some(d.month() as u8), Some(d.day() as u8)), "{}", text);
        }
    }

    #[test]
    fn months_and_years_round_trip(year in 1900i16..2100, month in 0usize..12) {
        let text = format!("Prices peaked in {} {year} and fell in {year}.", MONTHS[month]);
        let dates: Vec<_> = extract(&text).into_iter().filter(|q| q.kind == Kind::Date).collect();
        prop_assert_eq!(dates.len(), 2, "{}", text);
        let (a, b) = (dates[0].date.unwrap(), dates[1].date.unwrap());
        prop_assert_eq!((a.year, a.month, a.day), (Some(year), Some(month as u8 + 1), None));
        prop_assert_eq!((b.year, b.month), (Some(year), None));
    }
}

fn weekday_findings(text: &str) -> usize {
    let doc = Document::new(SourceFile::new("draft.txt", text));
    engine::check(&doc, &FactTable::empty(), &Options::default())
        .iter()
        .filter(|d| d.code == "NC303")
        .count()
}

#[test]
fn weekday_check_agrees_with_the_calendar_2000_to_2040() {
    let mut d = Date::new(2000, 1, 1).unwrap();
    let end = Date::new(2040, 12, 31).unwrap();
    let mut days = 0;
    while d <= end {
        let actual = usize::try_from(d.weekday().to_monday_zero_offset()).unwrap();
        let month = MONTHS[usize::try_from(d.month() - 1).unwrap()];
        let right = format!(
            "On {}, {month} {}, {}, the council met.",
            WEEKDAYS[actual],
            d.day(),
            d.year()
        );
        assert_eq!(weekday_findings(&right), 0, "{right}");
        let wrong_day = WEEKDAYS[(actual + 1 + usize::try_from(d.day()).unwrap() % 6) % 7];
        let wrong = format!(
            "On {wrong_day}, {month} {}, {}, the council met.",
            d.day(),
            d.year()
        );
        assert_eq!(weekday_findings(&wrong), 1, "{wrong}");
        d = d.tomorrow().unwrap();
        days += 1;
    }
    assert_eq!(days, 14_976);
}
