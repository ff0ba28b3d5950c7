//! Front matter: a YAML block between `---` lines or a TOML block between
//! `+++` lines at the very top of a file. numcheck reads three keys from it:
//! `date` (the document's date), `story` (which story of rules.toml applies)
//! and `numcheck` (`off` to skip the file). Other keys are left alone.

use jiff::civil::Date;

use crate::source::Span;

/// What numcheck reads from a document's front matter.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FrontMatter {
    /// The whole block, fences included.
    pub span: Span,
    pub date: Option<Date>,
    pub story: Option<String>,
    /// `numcheck: off` (or `false`): do not check this file.
    pub off: bool,
}

/// A calendar date at the start of a front-matter value: "2022-12-22",
/// "2022-12-22T09:00:00Z", "'2022-12-22'".
fn date_of(value: &str) -> Option<Date> {
    let v = value.trim().trim_matches(['"', '\'']);
    v.get(..10)?.parse().ok()
}

fn is_off(value: &str) -> bool {
    matches!(
        value
            .trim()
            .trim_matches(['"', '\''])
            .to_ascii_lowercase()
            .as_str(),
        "off" | "false" | "no" | "disable" | "disabled"
    )
}

/// The front matter at the top of `text`, if there is one.
pub fn parse(text: &str) -> Option<FrontMatter> {
    let body_start = text
        .strip_prefix('\u{feff}')
        .map_or(0, |_| '\u{feff}'.len_utf8());
    let rest = &text[body_start..];
    let fence = if rest.starts_with("---") {
        "---"
    } else if rest.starts_with("+++") {
        "+++"
    } else {
        return None;
    };
    let first_line_end = rest.find('\n')?;
    if rest[..first_line_end].trim_end() != fence {
        return None;
    }
    // The closing fence: a line that is the fence alone.
    let mut offset = first_line_end + 1;
    let mut close = None;
    for line in rest[offset..].split_inclusive('\n') {
        if line.trim_end() == fence {
            close = Some((offset, offset + line.len()));
            break;
        }
        offset += line.len();
    }
    let (body_end, end) = close?;
    let body = &rest[first_line_end + 1..body_end];
    let mut fm = FrontMatter {
        span: Span::new(body_start, body_start + end),
        ..FrontMatter::default()
    };
    if fence == "+++" {
        let table: toml::Table = body.parse().ok()?;
        fm.date = match table.get("date") {
            Some(toml::Value::Datetime(d)) => d
                .date
                .and_then(|d| Date::new(d.year as i16, d.month as i8, d.day as i8).ok()),
            Some(toml::Value::String(s)) => date_of(s),
            _ => None,
        };
        fm.story = table
            .get("story")
            .and_then(|v| v.as_str())
            .map(str::to_string);
        fm.off = match table.get("numcheck") {
            Some(toml::Value::String(s)) => is_off(s),
            Some(toml::Value::Boolean(b)) => !b,
            _ => false,
        };
    } else {
        // Top-level `key: value` lines; nested YAML is not numcheck's business.
        for line in body
            .lines()
            .filter(|l| !l.starts_with([' ', '\t', '#', '-']))
        {
            let Some((key, value)) = line.split_once(':') else {
                continue;
            };
            match key.trim() {
                "date" => fm.date = date_of(value),
                "story" => {
                    fm.story = Some(value.trim().trim_matches(['"', '\'']).to_string())
                        .filter(|s| !s.is_empty())
                }
                "numcheck" => fm.off = is_off(value),
                _ => {}
            }
        }
    }
    Some(fm)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn yaml_and_toml_front_matter() {
        let yaml = "---\ntitle: \"Wagner\"\ndate: 2022-12-22T09:00:00Z\nstory: wagner-north-korea\ntags:\n  - date: 1999-01-01\n---\nBody 50,000.";
        let fm = parse(yaml).unwrap();
        assert_eq!(fm.date, Some("2022-12-22".parse().unwrap()));
        assert_eq!(fm.story.as_deref(), Some("wagner-north-korea"));
        assert_eq!(&yaml[fm.span.range()], &yaml[..yaml.find("Body").unwrap()]);
        let toml = "+++\ndate = 2023-01-03\nnumcheck = \"off\"\n+++\nBody";
        let fm = parse(toml).unwrap();
        assert_eq!(fm.date, Some("2023-01-03".parse().unwrap()));
        assert!(fm.off);
    }

    #[test]
    fn no_front_matter_without_both_fences() {
        assert_eq!(parse("---\nnot closed"), None);
        assert_eq!(parse("Text\n---\n"), None);
        assert_eq!(parse("----\ndate: 2022-01-01\n----\n"), None);
    }
}
