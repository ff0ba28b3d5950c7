//! Editor latency: the time from sending `didChange` to receiving the
//! `publishDiagnostics` for that version, for a 20 KB draft (the five seed
//! articles and a closing paragraph), over 1,000 edits that toggle one
//! figure between right and wrong. Runs the release binary as an editor
//! would, over stdio. `cargo bench --bench lsp_latency`; prints the
//! median, p90, p99 and worst case. Nothing asserts a time.

#[path = "../tests/support/lsp_client.rs"]
mod lsp_client;

use std::path::Path;
use std::time::{Duration, Instant};

use serde_json::json;

const EDITS: usize = 1_000;

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut draft = String::new();
    for entry in std::fs::read_dir(root.join("fixtures/seeds")).expect("the seeds") {
        let path = entry.expect("a seed").path();
        if path.extension().is_some_and(|e| e == "txt") {
            draft.push_str(&std::fs::read_to_string(&path).expect("a seed's text"));
            draft.push_str("\n\n");
        }
    }
    while draft.len() < 20 * 1024 - 64 {
        draft.push_str("The group did not comment on the figures.\n\n");
    }
    let line = draft.lines().count() as u32;
    draft.push_str("Wagner has 50,000 personnel.\n");
    let uri = lsp_client::uri(&root.join("fixtures/lsp-latency-draft.md"));

    let mut c = lsp_client::Client::start(Path::new(env!("CARGO_BIN_EXE_numcheck")), &[], root);
    c.initialize(json!({}));
    c.open(&uri, "markdown", &draft);
    let first = c.diagnostics(&uri);
    let mut times = Vec::with_capacity(EDITS);
    for i in 0..EDITS {
        let version = i as i64 + 2;
        let figure = if i % 2 == 0 { "80" } else { "50" };
        let start = Instant::now();
        c.notify(
            "textDocument/didChange",
            json!({
                "textDocument": {"uri": uri, "version": version},
                "contentChanges": [{"range": {"start": {"line": line, "character": 11}, "end": {"line": line, "character": 13}}, "text": figure}],
            }),
        );
        let published = c.wait(|m| {
            m["method"] == "textDocument/publishDiagnostics"
                && m["params"]["uri"] == uri.as_str()
                && m["params"]["version"] == version
        });
        times.push(start.elapsed());
        let found = published["params"]["diagnostics"]
            .as_array()
            .map_or(0, Vec::len);
        let expected = first.len() + usize::from(i % 2 == 0);
        assert_eq!(found, expected, "edit {i}: {published}");
    }
    let _: Option<i32> = c.shutdown();
    times.sort();
    let at = |q: f64| times[((times.len() as f64 * q) as usize).min(times.len() - 1)];
    let ms = |d: Duration| d.as_secs_f64() * 1e3;
    println!(
        "didChange → publishDiagnostics, {} byte draft, {EDITS} edits: median {:.2} ms, p90 {:.2} ms, p99 {:.2} ms, worst {:.2} ms",
        draft.len(),
        ms(at(0.5)),
        ms(at(0.9)),
        ms(at(0.99)),
        ms(times[times.len() - 1]),
    );
}
