//! Stream mode, for batch and distributed engines: JSON lines in, JSON
//! lines out, one output line for every input line, in order, each flushed
//! as soon as it is written, so numcheck can run as a mapper.
//!
//! In: `{"id": …, "text": "…", "date"?: "YYYY-MM-DD", "story"?: "…",
//! "format"?: "markdown" | "html" | "text"}`. Out: `{"id": …, "findings":
//! […]}` with findings as in `--format json`, or `{"id": …, "error": "…"}`
//! for a line that cannot be read (`id` is null when even it is missing).
//! A bad line never stops the stream.

use std::io::{self, BufRead, Write};
use std::path::Path;

use serde::Serialize;
use serde_json::Value;

use crate::discover::Rules;
use crate::emit::json::{Finding, finding};
use crate::engine;
use crate::load::{Document, LoadOptions, front_matter::FrontMatter};
use crate::source::SourceFile;

#[derive(Serialize)]
struct Found<'a> {
    id: &'a Value,
    findings: Vec<Finding<'a>>,
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

/// Reads JSON lines from `input` until it ends, writing one line to `out`
/// for each. Only a failure to read or write stops it.
pub fn run(
    input: impl BufRead,
    out: &mut dyn Write,
    rules: &Rules,
    opts: &engine::Options,
    load_opts: LoadOptions,
) -> io::Result<()> {
    let table = rules.for_path(Path::new("stdin"));
    for line in input.split(b'\n') {
        let line = line?;
        let line = String::from_utf8_lossy(&line);
        let line = line.trim_end_matches('\r');
        let written = match (read_line(line), &table) {
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
                serde_json::to_writer(
                    &mut *out,
                    &Found {
                        id: &id,
                        findings: diagnostics.iter().map(finding).collect(),
                    },
                )
            }
        };
        written.map_err(io::Error::from)?;
        out.write_all(b"\n")?;
        out.flush()?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_line_gets_one_line_back() {
        let input = b"{\"id\": 1, \"text\": \"Wagner has 80,000 personnel.\"}\nnot json\n{\"id\": \"x\"}\n\n{\"id\": 4, \"text\": \"\"}\n";
        let rules = Rules::new(Some(Path::new(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/rules.toml"
        ))));
        let mut out = Vec::new();
        run(
            &input[..],
            &mut out,
            &rules,
            &engine::Options::default(),
            LoadOptions::default(),
        )
        .unwrap();
        let out = String::from_utf8(out).unwrap();
        let lines: Vec<Value> = out
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect();
        assert_eq!(lines.len(), 5, "{out}");
        assert_eq!(lines[0]["id"], 1);
        assert_eq!(lines[0]["findings"][0]["code"], "NC101");
        assert!(lines[1]["error"].as_str().unwrap().starts_with("not JSON"));
        assert_eq!(lines[2]["error"], "no `text`");
        assert_eq!(lines[2]["id"], "x");
        assert!(lines[3]["error"].is_string());
        assert_eq!(lines[4]["findings"].as_array().unwrap().len(), 0);
    }
}
