//! Stream mode, for batch and distributed engines: JSON lines in, JSON
//! lines out, one output line for every input line, in order, each flushed
//! as soon as it is written, so numcheck can run as a mapper.
//!
//! In: `{"id": …, "text": "…", "date"?: "YYYY-MM-DD", "story"?: "…",
//! "format"?: "markdown" | "html" | "text"}`. Out: `{"id": …, "findings":
//! […]}` with findings as in `--format json`, or `{"id": …, "error": "…"}`
//! for a line that cannot be read (`id` is null when even it is missing).
//! A bad line never stops the stream. A line checked less than it seems
//! (its `story` is not in the rules, no story applies to it) carries
//! `"warnings": ["…"]` as well.

use std::io::{self, BufRead, Write};
use std::path::Path;

use serde::Serialize;
use serde_json::Value;

use crate::coverage;
use crate::diagnostic::Severity;
use crate::discover::Rules;
use crate::emit::json::{Finding, finding};
use crate::engine;
use crate::load::{Document, LoadOptions, front_matter::FrontMatter};
use crate::source::SourceFile;

#[derive(Serialize)]
struct Found<'a> {
    id: &'a Value,
    findings: Vec<Finding<'a>>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    warnings: Vec<String>,
}

/// What a stream held, for its exit status.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Summary {
    /// The most severe finding of any line.
    pub worst: Option<Severity>,
    /// Any line had a warning.
    pub warned: bool,
    /// Any line had a warning that fails a CI run (a story that does not exist).
    pub fails: bool,
}

#[derive(Serialize)]
struct Failed<'a> {
    id: &'a Value,
    error: String,
}

/// A line's request, or its id and why it cannot be checked.
fn read_line(line: &str) -> Result<(Value, Request), (Value, String)> {
    let value: Value =
        serde_json::from_str(line).map_err(|e| (Value::Null, format!("not JSON: {e}")))?;
    let Value::Object(map) = value else {
        return Err((Value::Null, "not a JSON object".into()));
    };
    let id = map.get("id").cloned().unwrap_or(Value::Null);
    let fail = |why: String| (id.clone(), why);
    let text = match map.get("text") {
        Some(Value::String(s)) => s.clone(),
        Some(_) => return Err(fail("`text` is not a string".into())),
        None => return Err(fail("no `text`".into())),
    };
    let date = match map.get("date") {
        None | Some(Value::Null) => None,
        Some(Value::String(s)) => Some(
            s.parse::<jiff::civil::Date>()
                .map_err(|e| fail(format!("`date` {s:?} is not YYYY-MM-DD: {e}")))?,
        ),
        Some(_) => return Err(fail("`date` is not a string".into())),
    };
    let story = match map.get("story") {
        None | Some(Value::Null) => None,
        Some(Value::String(s)) => Some(s.clone()),
        Some(_) => return Err(fail("`story` is not a string".into())),
    };
    let name = match map.get("format").and_then(Value::as_str) {
        None | Some("text") => "input.txt",
        Some("markdown") => "input.md",
        Some("html") => "input.html",
        Some(other) => return Err(fail(format!("unknown `format` {other:?}"))),
    };
    Ok((
        id,
        Request {
            text,
            date,
            story,
            name,
        },
    ))
}

struct Request {
    text: String,
    date: Option<jiff::civil::Date>,
    story: Option<String>,
    name: &'static str,
}

/// The next line of `input`, without its `\n`, into `line`: `Some(true)`,
/// or `Some(false)` for a line longer than `max` bytes, which is read to
/// its end but not kept; `None` at the end of the input. A stream is
/// read a buffer at a time: a line with no end (`/dev/zero`) cannot
/// take all the memory.
fn next_line(input: &mut impl BufRead, max: usize, line: &mut Vec<u8>) -> io::Result<Option<bool>> {
    line.clear();
    let mut fits = true;
    let mut any = false;
    loop {
        let buf = input.fill_buf()?;
        if buf.is_empty() {
            return Ok(any.then_some(fits));
        }
        any = true;
        let end = memchr::memchr(b'\n', buf);
        let chunk = &buf[..end.unwrap_or(buf.len())];
        if fits && line.len() + chunk.len() > max {
            fits = false;
            line.clear();
        } else if fits {
            line.extend_from_slice(chunk);
        }
        let used = end.map_or(buf.len(), |i| i + 1);
        input.consume(used);
        if end.is_some() {
            return Ok(Some(fits));
        }
    }
}

/// Reads JSON lines from `input` until it ends, writing one line to `out`
/// for each. A line longer than `max_line` bytes is answered with an
/// error. Only a failure to read or write stops it.
pub fn run(
    mut input: impl BufRead,
    out: &mut dyn Write,
    rules: &Rules,
    opts: &engine::Options,
    load_opts: LoadOptions,
    max_line: u64,
) -> io::Result<Summary> {
    let mut summary = Summary::default();
    let table = rules.for_path(Path::new("stdin"));
    let max = usize::try_from(max_line).unwrap_or(usize::MAX);
    let mut bytes = Vec::new();
    while let Some(fits) = next_line(&mut input, max, &mut bytes)? {
        let line = String::from_utf8_lossy(&bytes);
        let line = line.trim_end_matches('\r');
        let request = if fits {
            read_line(line)
        } else {
            Err((
                Value::Null,
                format!("a line longer than {max_line} bytes (--max-filesize)"),
            ))
        };
        let written = match (request, &table) {
            (Err((id, error)), _) => serde_json::to_writer(&mut *out, &Failed { id: &id, error }),
            (Ok((id, _)), Err(e)) => serde_json::to_writer(
                &mut *out,
                &Failed {
                    id: &id,
                    error: format!("the rules cannot be used: {e}"),
                },
            ),
            (Ok((id, req)), Ok(table)) => {
                let file = SourceFile::new(req.name, req.text);
                let mut doc = Document::load(file, None, load_opts);
                if req.date.is_some() || req.story.is_some() {
                    let front = doc.front.get_or_insert_with(FrontMatter::default);
                    front.date = req.date.or(front.date);
                    front.story = req.story.or(front.story.take());
                }
                let diagnostics = engine::check(&doc, table, opts);
                let gaps = coverage::gaps(&doc, table);
                summary.worst = diagnostics
                    .iter()
                    .map(|d| d.severity)
                    .chain(summary.worst)
                    .max();
                summary.warned |= !gaps.is_empty();
                summary.fails |= gaps.iter().any(|g| g.fails);
                serde_json::to_writer(
                    &mut *out,
                    &Found {
                        id: &id,
                        findings: diagnostics.iter().map(finding).collect(),
                        warnings: gaps.into_iter().map(|g| g.message).collect(),
                    },
                )
            }
        };
        let done = written
            .map_err(io::Error::from)
            .and_then(|()| out.write_all(b"\n"))
            .and_then(|()| out.flush());
        match done {
            // The reader has gone (`… | head`): stop, and let the status
            // count what was checked.
            Err(e) if e.kind() == io::ErrorKind::BrokenPipe => return Ok(summary),
            other => other?,
        }
    }
    Ok(summary)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_line_gets_one_line_back() {
        let long = format!("{{\"id\": 5, \"text\": \"{}\"}}", "x".repeat(2000));
        let input = format!(
            "{{\"id\": 1, \"text\": \"Wagner has 80,000 personnel.\"}}\nnot json\n{{\"id\": \"x\"}}\n\n{{\"id\": 4, \"text\": \"\"}}\n{long}\n{{\"id\": 6, \"text\": \"\"}}"
        );
        let input = input.as_bytes();
        let rules = Rules::new(Some(Path::new(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/rules.toml"
        ))));
        let mut out = Vec::new();
        run(
            input,
            &mut out,
            &rules,
            &engine::Options::default(),
            LoadOptions::default(),
            1024,
        )
        .unwrap();
        let out = String::from_utf8(out).unwrap();
        let lines: Vec<Value> = out
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect();
        assert_eq!(lines.len(), 7, "{out}");
        assert_eq!(lines[0]["id"], 1);
        assert_eq!(lines[0]["findings"][0]["code"], "NC101");
        assert!(lines[1]["error"].as_str().unwrap().starts_with("not JSON"));
        assert_eq!(lines[2]["error"], "no `text`");
        assert_eq!(lines[2]["id"], "x");
        assert!(lines[3]["error"].is_string());
        assert_eq!(lines[4]["findings"].as_array().unwrap().len(), 0);
        assert!(
            lines[5]["error"]
                .as_str()
                .unwrap()
                .contains("longer than 1024")
        );
        assert_eq!(lines[6]["id"], 6, "the line after a long one is read");
    }
}
