//! Datelines: the date at the head of an article. "WASHINGTON, Dec 22
//! (Reuters) -", "December 23, 2022" on its own line, "Published: Dec. 22,
//! 2022".

use crate::extract::{DateParts, Kind, extract};
use crate::source::Span;

/// How far into a document a dateline may stand.
const HEAD: usize = 1_500;

/// The first dateline in the head of `text`: its date (the year may be
/// missing, as in wire datelines) and where it is.
pub fn find_dateline(text: &str) -> Option<(DateParts, Span)> {
    let mut end = HEAD.min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let head = &text[..end];
    for q in extract(head) {
        let Some(parts) = q.date.filter(|p| p.month.is_some() && p.day.is_some()) else {
            continue;
        };
        if q.kind != Kind::Date || q.relative.is_some() {
            continue;
        }
        let line_start = head[..q.figure.start].rfind('\n').map_or(0, |i| i + 1);
        let line_end = head[q.figure.end..]
            .find('\n')
            .map_or(head.len(), |i| q.figure.end + i);
        let before = head[line_start..q.figure.start].trim();
        let after = head[q.figure.end..line_end].trim();
        // "WASHINGTON, Dec 22 (Reuters) –": a place in capitals and a comma.
        let city = before.ends_with(',')
            && before.trim_end_matches(',').chars().all(|c| {
                c.is_uppercase() || c.is_whitespace() || c == '.' || c == '-' || c == '\''
            });
        // "December 23, 2022" alone, or after "Published:" or "Updated".
        let label = before.is_empty()
            || ["published", "updated", "posted", "date", "dated"]
                .iter()
                .any(|w| before.to_ascii_lowercase().trim_end_matches(':').trim() == *w);
        let alone = label && (nothing_but_marks(after) || starts_with_clock(after));
        if city && !before.trim_end_matches(',').trim().is_empty() || alone && parts.year.is_some()
        {
            return Some((parts, q.figure));
        }
    }
    None
}

fn nothing_but_marks(s: &str) -> bool {
    s.trim_matches(|c: char| !c.is_alphanumeric()).is_empty()
}

/// "22 June 2023, 07:15 PM", "Mar 14, 2023, 9:50 AM | Updated: 3:42 pm": a
/// clock time after the date makes the line a timestamp, whatever follows.
fn starts_with_clock(after: &str) -> bool {
    let rest = after.trim_start_matches(|c: char| !c.is_alphanumeric());
    let rest = rest.strip_prefix("at ").unwrap_or(rest);
    let hours = rest.bytes().take_while(u8::is_ascii_digit).count();
    let minutes = rest[hours..]
        .strip_prefix([':', '.'])
        .map_or(0, |m| m.bytes().take_while(u8::is_ascii_digit).count());
    (1..=2).contains(&hours) && minutes == 2
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wire_and_standalone_datelines() {
        let wire = "Headline\n\nWASHINGTON, Dec 22 (Reuters) – Russian military firm…";
        let (p, s) = find_dateline(wire).unwrap();
        assert_eq!((p.month, p.day, p.year), (Some(12), Some(22), None));
        assert_eq!(&wire[s.range()], "Dec 22");
        for (text, want) in [
            (
                "\n\nTitle\n\nBy AFP\n\nDecember 23, 2022\n\nNorth Korea has delivered…",
                "2022-12-23",
            ),
            ("Title\nPublished: Dec. 22, 2022\nText.", "2022-12-22"),
            (
                "Title\n\nPublished : 8 May 2024, 07:15 PM\nText.",
                "2024-05-08",
            ),
            (
                "Title\nNov 3, 2021, 9:50 AM | Updated: 3:42 pm\nText.",
                "2021-11-03",
            ),
        ] {
            assert_eq!(
                find_dateline(text).map(|(p, _)| p.iso()),
                Some(want.into()),
                "{text}"
            );
        }
    }

    #[test]
    fn dates_in_sentences_are_not_datelines() {
        assert_eq!(
            find_dateline("On Dec 22, 2022 the White House said it."),
            None
        );
        assert_eq!(
            find_dateline("Troops arrived in March 2022, officials said."),
            None
        );
        assert_eq!(
            find_dateline("May 8, 2024 was the day 3,000 people marched."),
            None
        );
    }
}
