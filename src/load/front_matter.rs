//! Front matter: a YAML block between `---` lines or a TOML block between
//! `+++` lines at the very top of a file. numcheck reads three keys from it:
//! `date` (the document's date), `story` (which story of rules.toml applies)
//! and `numcheck` (`off` to skip the file). Other keys are left alone.
//!
//! YAML is read by a real YAML parser (yaml-rust2), so quoting, comments
//! (`story: wagner  # the Wagner one`) and block values mean what they
//! mean to every other tool. A block that is not valid YAML is read line by
//! line for those three keys, as a lenient static-site generator would,
//! and the problem is kept for the run to report.

use jiff::civil::Date;
use yaml_rust2::{Yaml, YamlLoader};

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
    /// What could not be read as meant (a date that is no date, a block
    /// that is not YAML), one sentence each, for the run to warn about.
    pub problems: Vec<String>,
}

/// A calendar date at the start of a front-matter value: "2022-12-22",
/// "2022-12-22T09:00:00Z", "'2022-12-22'". `Err` holds why a value that
/// looks like a date (`2022-13-45`) is none.
fn date_of(value: &str) -> Result<Date, String> {
    let v = value.trim().trim_matches(['"', '\'']);
    let head = v.get(..10).unwrap_or(v);
    head.parse().map_err(|e| {
        format!(
            "front matter `date: {}` is not a valid date ({e}); the document date \
             comes from elsewhere",
            crate::load::one_line(v)
        )
    })
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

impl FrontMatter {
    fn set_date(&mut self, value: &str) {
        match date_of(value) {
            Ok(d) => self.date = Some(d),
            Err(why) => self.problems.push(why),
        }
    }
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
        read_toml(body, &mut fm);
    } else {
        read_yaml(body, &mut fm);
    }
    Some(fm)
}

fn read_toml(body: &str, fm: &mut FrontMatter) {
    let table: toml::Table = match body.parse() {
        Ok(t) => t,
        Err(e) => {
            fm.problems.push(format!(
                "the front matter is not valid TOML, so its `date`, `story` and \
                 `numcheck` were not read: {}",
                crate::load::one_line(e.message())
            ));
            return;
        }
    };
    match table.get("date") {
        Some(toml::Value::Datetime(d)) => match d.date {
            Some(d) => match Date::new(d.year as i16, d.month as i8, d.day as i8) {
                Ok(date) => fm.date = Some(date),
                Err(e) => fm
                    .problems
                    .push(format!("front matter `date` is not a valid date ({e})")),
            },
            None => fm
                .problems
                .push("front matter `date` is a time without a date".to_string()),
        },
        Some(toml::Value::String(s)) => fm.set_date(s),
        Some(_) => fm
            .problems
            .push("front matter `date` is not a date".to_string()),
        None => {}
    }
    match table.get("story") {
        Some(toml::Value::String(s)) => fm.story = Some(s.clone()).filter(|s| !s.is_empty()),
        Some(_) => fm
            .problems
            .push("front matter `story` is not a string: no story was chosen by it".into()),
        None => {}
    }
    fm.off = match table.get("numcheck") {
        Some(toml::Value::String(s)) => is_off(s),
        Some(toml::Value::Boolean(b)) => !b,
        _ => false,
    };
}

/// A YAML scalar as the text it stands for (`story: 2024` is the story
/// "2024"); `None` for lists, maps and null.
fn scalar(y: &Yaml) -> Option<String> {
    match y {
        Yaml::String(s) | Yaml::Real(s) => Some(s.clone()),
        Yaml::Integer(i) => Some(i.to_string()),
        Yaml::Boolean(b) => Some(b.to_string()),
        _ => None,
    }
}

fn read_yaml(body: &str, fm: &mut FrontMatter) {
    let docs = match YamlLoader::load_from_str(body) {
        Ok(docs) => docs,
        Err(e) => {
            fm.problems.push(format!(
                "the front matter is not valid YAML ({}); its `date`, `story` and \
                 `numcheck` lines were read one by one",
                crate::load::one_line(&e.to_string())
            ));
            read_yaml_lines(body, fm);
            return;
        }
    };
    let Some(Yaml::Hash(map)) = docs.first() else {
        return;
    };
    let get = |key: &str| map.get(&Yaml::String(key.to_string()));
    match get("date") {
        None | Some(Yaml::Null) => {}
        Some(v) => match scalar(v) {
            Some(s) => fm.set_date(&s),
            None => fm
                .problems
                .push("front matter `date` is not a date".to_string()),
        },
    }
    match get("story") {
        None | Some(Yaml::Null) => {}
        Some(v) => match scalar(v) {
            Some(s) => fm.story = Some(s).filter(|s| !s.is_empty()),
            None => fm
                .problems
                .push("front matter `story` is not a string: no story was chosen by it".into()),
        },
    }
    fm.off = match get("numcheck") {
        Some(Yaml::Boolean(b)) => !b,
        Some(v) => scalar(v).is_some_and(|s| is_off(&s)),
        None => false,
    };
}

/// Top-level `key: value` lines of a block the parser refused, comments
/// after ` #` left out.
fn read_yaml_lines(body: &str, fm: &mut FrontMatter) {
    for line in body
        .lines()
        .filter(|l| !l.starts_with([' ', '\t', '#', '-']))
    {
        let Some((key, value)) = line.split_once(':') else {
            continue;
        };
        let value = value.find(" #").map_or(value, |i| &value[..i]);
        match key.trim() {
            "date" => fm.set_date(value),
            "story" => {
                fm.story = Some(value.trim().trim_matches(['"', '\'']).to_string())
                    .filter(|s| !s.is_empty())
            }
            "numcheck" => fm.off = is_off(value),
            _ => {}
        }
    }
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

    #[test]
    fn a_comment_after_the_story_is_no_part_of_it() {
        let fm = parse("---\nstory: wagner-north-korea  # the Wagner one\n---\nBody").unwrap();
        assert_eq!(fm.story.as_deref(), Some("wagner-north-korea"));
        assert!(fm.problems.is_empty(), "{:?}", fm.problems);
        let fm = parse("---\nstory: \"a # b\"\n---\n").unwrap();
        assert_eq!(fm.story.as_deref(), Some("a # b"));
    }

    #[test]
    fn an_impossible_date_is_a_problem_not_a_date() {
        let fm = parse("---\ndate: 2022-13-45\n---\nBody").unwrap();
        assert_eq!(fm.date, None);
        assert_eq!(fm.problems.len(), 1);
        assert!(
            fm.problems[0].contains("`date: 2022-13-45` is not a valid date"),
            "{:?}",
            fm.problems
        );
        let fm = parse("+++\ndate = \"2022-02-30\"\n+++\n").unwrap();
        assert_eq!(fm.date, None);
        assert_eq!(fm.problems.len(), 1);
    }

    #[test]
    fn yaml_values_mean_what_yaml_says() {
        // Quoted, block and flow values; YAML 1.2 reads `off` as a string.
        let fm = parse("---\ntitle: 'It''s: a title'\nstory: >-\n  seed\ndate: '2022-12-22'\nnumcheck: off\n---\n").unwrap();
        assert_eq!(fm.story.as_deref(), Some("seed"));
        assert_eq!(fm.date, Some("2022-12-22".parse().unwrap()));
        assert!(fm.off);
        let fm = parse("---\nnumcheck: false\n---\n").unwrap();
        assert!(fm.off);
        let fm = parse("---\nstory: [a, b]\n---\n").unwrap();
        assert_eq!(fm.story, None);
        assert_eq!(fm.problems.len(), 1);
    }

    #[test]
    fn broken_yaml_is_read_line_by_line_and_reported() {
        let fm = parse("---\ntitle: Wagner: the story\nstory: seed # x\ndate: 2022-12-22\n---\n")
            .unwrap();
        assert_eq!(fm.story.as_deref(), Some("seed"));
        assert_eq!(fm.date, Some("2022-12-22".parse().unwrap()));
        assert_eq!(fm.problems.len(), 1, "{:?}", fm.problems);
        assert!(fm.problems[0].contains("not valid YAML"));
    }
}
