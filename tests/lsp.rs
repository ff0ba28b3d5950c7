//! The language server, driven over stdio as an editor drives it:
//! initialize → didOpen → publishDiagnostics → didChange → hover →
//! codeAction → shutdown, with exact ranges in both position encodings.

#[path = "support/lsp_client.rs"]
mod lsp_client;

use std::fs;
use std::path::{Path, PathBuf};

use lsp_client::{Client, uri};
use serde_json::{Value, json};

const ROOT: &str = env!("CARGO_MANIFEST_DIR");
const SEED_002: &str = "fixtures/seeds/002_d590c6a3bc0264bc.txt";

fn binary() -> &'static Path {
    Path::new(env!("CARGO_BIN_EXE_numcheck"))
}

fn start() -> Client {
    Client::start(binary(), &[], Path::new(ROOT))
}

fn range(r: &Value) -> ((u64, u64), (u64, u64)) {
    let p = |p: &Value| {
        (
            p["line"].as_u64().unwrap(),
            p["character"].as_u64().unwrap(),
        )
    };
    (p(&r["start"]), p(&r["end"]))
}

/// A draft beside the seeds (it need not exist: its rules are found from its folder).
fn draft_uri(name: &str) -> String {
    uri(&Path::new(ROOT).join("fixtures").join(name))
}

const DRAFT: &str = "A line before.\n😀 “Wagner” has 50,000 personnel.\n";

#[test]
fn a_session_from_open_to_shutdown_in_utf16() {
    let mut c = start();
    let init = c.initialize(json!({}));
    let caps = &init["result"]["capabilities"];
    assert_eq!(caps["positionEncoding"], "utf-16");
    assert_eq!(caps["textDocumentSync"]["change"], 2, "incremental sync");
    assert_eq!(caps["hoverProvider"], true);

    // Seed 002: the one real error, on the "recruited from Russian prisons" line.
    let seed = uri(&Path::new(ROOT).join(SEED_002));
    let text = fs::read_to_string(Path::new(ROOT).join(SEED_002)).unwrap();
    c.open(&seed, "plaintext", &text);
    let found = c.diagnostics(&seed);
    assert_eq!(found.len(), 1, "{found:#?}");
    let d = &found[0];
    assert_eq!(d["code"], "NC111");
    assert_eq!(d["severity"], 1);
    assert_eq!(d["source"], "numcheck");
    assert_eq!(range(&d["range"]), ((12, 56), (12, 86)));
    assert!(
        d["message"]
            .as_str()
            .unwrap()
            .contains("recruited from prisons")
    );
    assert!(
        d["codeDescription"]["href"]
            .as_str()
            .unwrap()
            .ends_with("docs/checks.md#nc111-wrong-relation")
    );
    let related = d["relatedInformation"].as_array().unwrap();
    let in_rules = related
        .iter()
        .find(|r| r["location"]["uri"] == uri(&Path::new(ROOT).join("rules.toml")))
        .expect("related information points at rules.toml");
    let rules_text = fs::read_to_string(Path::new(ROOT).join("rules.toml")).unwrap();
    let line = range(&in_rules["location"]["range"]).0.0 as usize;
    assert!(
        rules_text
            .lines()
            .nth(line)
            .unwrap()
            .contains("recruited-from-prisons")
    );

    // A draft with an emoji and curly quotes before the figure.
    let draft = draft_uri("lsp-draft.md");
    c.open(&draft, "markdown", DRAFT);
    assert_eq!(c.diagnostics(&draft), Vec::<Value>::new());
    // "50" → "80": the emoji is two UTF-16 units, each curly quote one.
    c.notify(
        "textDocument/didChange",
        json!({
            "textDocument": {"uri": draft, "version": 2},
            "contentChanges": [{"range": {"start": {"line": 1, "character": 16}, "end": {"line": 1, "character": 18}}, "text": "80"}],
        }),
    );
    let found = c.diagnostics(&draft);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(found[0]["code"], "NC101");
    assert_eq!(range(&found[0]["range"]), ((1, 16), (1, 22)));

    let hover = c.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": draft}, "position": {"line": 1, "character": 18}}),
    );
    let shown = hover["result"]["contents"]["value"].as_str().unwrap();
    assert!(shown.starts_with("**80,000** — count"), "{shown}");
    assert!(shown.contains("bound to `wagner-personnel`"), "{shown}");
    assert!(shown.contains("canonical: about 50,000"), "{shown}");
    assert!(shown.contains("Kirby"), "{shown}");
    assert_eq!(range(&hover["result"]["range"]).0, (1, 16));

    let actions = c.request(
        "textDocument/codeAction",
        json!({
            "textDocument": {"uri": draft},
            "range": found[0]["range"],
            "context": {"diagnostics": [found[0]]},
        }),
    );
    let actions = actions["result"].as_array().unwrap();
    let fix = &actions[0];
    assert_eq!(fix["title"], "Replace with 50,000");
    assert_eq!(fix["kind"], "quickfix");
    assert_eq!(fix["isPreferred"], true);
    let edits = fix["edit"]["changes"][&draft].as_array().unwrap();
    assert_eq!(edits.len(), 1);
    assert_eq!(range(&edits[0]["range"]), ((1, 16), (1, 22)));
    assert_eq!(edits[0]["newText"], "50,000");
    let disable = &actions[1];
    assert_eq!(
        disable["title"],
        "Disable NC101 (value-mismatch) for this line"
    );
    let edits = disable["edit"]["changes"][&draft].as_array().unwrap();
    // Mid-paragraph in Markdown: wrapped, not a comment line that would split it.
    assert_eq!(edits[0]["newText"], "<!-- numcheck-disable NC101 -->");
    assert_eq!(range(&edits[0]["range"]), ((0, 14), (0, 14)));
    assert_eq!(edits[1]["newText"], "<!-- numcheck-enable -->");
    assert_eq!(range(&edits[1]["range"]), ((1, 33), (1, 33)));

    // Applying the disable edits silences the finding and leaves nothing stale.
    let disabled = "A line before.<!-- numcheck-disable NC101 -->\n😀 “Wagner” has 80,000 personnel.<!-- numcheck-enable -->\n";
    c.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": draft, "version": 3}, "contentChanges": [{"text": disabled}]}),
    );
    assert_eq!(c.diagnostics(&draft), Vec::<Value>::new());

    assert_eq!(c.shutdown(), Some(0));
}

#[test]
fn utf8_is_used_when_the_client_offers_it() {
    let mut c = start();
    let init = c.initialize(json!({"general": {"positionEncodings": ["utf-8", "utf-16"]}}));
    assert_eq!(init["result"]["capabilities"]["positionEncoding"], "utf-8");
    let draft = draft_uri("lsp-utf8.md");
    c.open(&draft, "markdown", &DRAFT.replace("50,000", "80,000"));
    let found = c.diagnostics(&draft);
    assert_eq!(found.len(), 1, "{found:#?}");
    // 😀 is 4 bytes, each curly quote 3.
    assert_eq!(range(&found[0]["range"]), ((1, 22), (1, 28)));
    // An edit in bytes: "80" → "50" at byte column 22.
    c.notify(
        "textDocument/didChange",
        json!({
            "textDocument": {"uri": draft, "version": 2},
            "contentChanges": [{"range": {"start": {"line": 1, "character": 22}, "end": {"line": 1, "character": 24}}, "text": "50"}],
        }),
    );
    assert_eq!(c.diagnostics(&draft), Vec::<Value>::new());
    // Saving checks again (the rules on disk may have changed since).
    c.notify(
        "textDocument/didSave",
        json!({"textDocument": {"uri": draft}}),
    );
    assert_eq!(c.diagnostics(&draft), Vec::<Value>::new());
    assert_eq!(c.shutdown(), Some(0));
}

#[test]
fn bad_messages_and_big_documents_do_not_stop_the_server() {
    let mut c = start();
    // Before initialize, requests are refused, not fatal.
    let early = c.request("textDocument/hover", json!({}));
    assert_eq!(early["error"]["code"], -32002);
    c.initialize(json!({}));
    c.send_raw(b"Content-Length: 9\r\n\r\n{not json");
    let parse_error = c.wait(|m| m["error"]["code"] == -32700);
    assert!(parse_error["id"].is_null());
    c.send_raw(b"Content-Length: 30\r\n\r\n{\"jsonrpc\":\"2.0\",\"id\":99999}  ");
    let invalid = c.wait(|m| m["id"] == 99999);
    assert_eq!(invalid["error"]["code"], -32600);
    let unknown = c.request("numcheck/unknown", json!({}));
    assert_eq!(unknown["error"]["code"], -32601);
    let bad_params = c.request("textDocument/hover", json!({"position": "here"}));
    assert_eq!(bad_params["error"]["code"], -32602);
    c.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": "file:///nowhere.md", "version": 1}, "contentChanges": []}),
    );

    // 5 MB of prose with one wrong figure at its end.
    let big_uri = draft_uri("lsp-big.txt");
    let mut big = "Wagner has about 50,000 personnel, the White House said.\n".repeat(90_000);
    big.push_str("Wagner has 80,000 personnel.\n");
    assert!(big.len() > 5_000_000);
    c.open(&big_uri, "plaintext", &big);
    let found = c.diagnostics(&big_uri);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(range(&found[0]["range"]).0, (90_000, 11));

    // An edit past the end of the text snaps to it.
    c.notify(
        "textDocument/didChange",
        json!({
            "textDocument": {"uri": big_uri, "version": 2},
            "contentChanges": [{"range": {"start": {"line": 999999, "character": 5}, "end": {"line": 999999, "character": 9}}, "text": "Wagner has 90,000 personnel."}],
        }),
    );
    assert_eq!(c.diagnostics(&big_uri).len(), 2);
    assert_eq!(c.shutdown(), Some(0));
}

/// A folder with the seed rules and a draft that states one figure wrong.
fn project() -> (tempfile::TempDir, PathBuf, String) {
    let dir = tempfile::tempdir().unwrap();
    let rules = dir.path().join("rules.toml");
    fs::copy(Path::new(ROOT).join("rules.toml"), &rules).unwrap();
    let draft = dir.path().join("draft.md");
    fs::write(&draft, "Wagner has 80,000 personnel.\n").unwrap();
    (dir, rules, uri(&dir_canonical(&draft)))
}

fn dir_canonical(p: &Path) -> PathBuf {
    fs::canonicalize(p).unwrap()
}

#[test]
fn rules_are_reloaded_and_their_errors_shown_on_them() {
    let (dir, rules, draft) = project();
    let mut c = Client::start(binary(), &[], dir.path());
    c.initialize(json!({"workspace": {"didChangeWatchedFiles": {"dynamicRegistration": true}}}));
    c.open(&draft, "markdown", "Wagner has 80,000 personnel.\n");
    assert_eq!(c.diagnostics(&draft).len(), 1);
    c.answer_server_requests();

    // rules.toml opened and broken mid-edit: its errors on it, the draft unchecked.
    let rules_uri = uri(&dir_canonical(&rules));
    let good = fs::read_to_string(&rules).unwrap();
    c.open(&rules_uri, "toml", &good);
    assert_eq!(c.diagnostics(&draft).len(), 1);
    let broken = good.replacen("[[fact]]", "[[fact]\nid = ", 1);
    c.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": rules_uri, "version": 2}, "contentChanges": [{"text": broken}]}),
    );
    let on_draft = c.diagnostics(&draft);
    assert_eq!(on_draft.len(), 1);
    assert!(
        on_draft[0]["message"]
            .as_str()
            .unwrap()
            .starts_with("not checked: the rules"),
        "{on_draft:#?}"
    );
    let on_rules = c.diagnostics(&rules_uri);
    assert!(!on_rules.is_empty());
    assert_eq!(on_rules[0]["code"], "NC001");

    // Fixed in the buffer, with the canonical value changed to the draft's.
    let agreeing = good.replacen(
        "value = 50_000\nunit = \"person\"",
        "value = 80_000\nunit = \"person\"",
        1,
    );
    assert_ne!(
        agreeing, good,
        "the seed rules state the personnel as 50_000"
    );
    c.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": rules_uri, "version": 3}, "contentChanges": [{"text": agreeing}]}),
    );
    assert_eq!(c.diagnostics(&draft), Vec::<Value>::new());
    assert_eq!(c.diagnostics(&rules_uri), Vec::<Value>::new());

    // Closed unsaved: the table on disk applies again.
    c.notify(
        "textDocument/didClose",
        json!({"textDocument": {"uri": rules_uri}}),
    );
    assert_eq!(c.diagnostics(&draft).len(), 1);

    // Changed on disk: the watcher's notification reloads it.
    fs::write(&rules, &agreeing).unwrap();
    c.notify(
        "workspace/didChangeWatchedFiles",
        json!({"changes": [{"uri": rules_uri, "type": 2}]}),
    );
    assert_eq!(c.diagnostics(&draft), Vec::<Value>::new());
    assert_eq!(c.shutdown(), Some(0));
}

#[test]
fn exit_without_shutdown_is_an_error_exit() {
    let mut c = start();
    c.initialize(json!({}));
    c.notify("exit", Value::Null);
    let code = c.wait_exit();
    assert_eq!(code, Some(1));
}

/// Issue 15: a client counting characters, not bytes, sends one
/// Content-Length short by the `£`; the server must get back in step.
#[test]
fn a_content_length_counted_in_characters_costs_one_message() {
    let mut c = start();
    c.initialize(json!({}));
    let body =
        json!({"jsonrpc": "2.0", "id": 41, "method": "numcheck/unknown", "params": {"t": "£5m"}})
            .to_string();
    let chars = body.chars().count();
    c.send_raw(format!("Content-Length: {chars}\r\n\r\n{body}").as_bytes());
    let lost = c.wait(|m| m["error"]["code"] == -32700);
    assert!(lost["id"].is_null());
    let after = c.request("numcheck/unknown", json!({}));
    assert_eq!(
        after["error"]["code"], -32601,
        "the server went deaf: {after}"
    );
    assert_eq!(c.shutdown(), Some(0));
}

/// Issue 15: ids JSON-RPC does not allow (a fraction, an object, null)
/// get an error with id null rather than no answer.
#[test]
fn requests_with_ids_json_rpc_forbids_get_an_error() {
    let mut c = start();
    c.initialize(json!({}));
    for id in [json!(1.5), json!({"a": 1}), json!(null)] {
        c.send(&json!({"jsonrpc": "2.0", "id": id, "method": "textDocument/hover", "params": {}}));
        let answer = c.wait(|m| m.get("error").is_some() && m["id"].is_null());
        assert_eq!(answer["error"]["code"], -32600, "{id}: {answer}");
    }
    assert_eq!(c.shutdown(), Some(0));
}

/// Issue 15: a rules change with many large documents open must not hold
/// up requests while every document is checked again, and the document
/// the writer touched last is checked first.
#[test]
fn a_rules_change_with_many_documents_open_leaves_requests_answered() {
    const DOCS: usize = 40;
    let (dir, rules, _) = project();
    let paragraph = "Wagner has 80,000 personnel, including 10,000 contractors. \
        Prigozhin spends more than $100 million a month.\n\n";
    let text = paragraph.repeat(100);
    let mut c = Client::start(binary(), &[], dir.path());
    c.initialize(json!({}));
    let uris: Vec<String> = (0..DOCS)
        .map(|i| uri(&dir_canonical(dir.path()).join(format!("draft-{i}.md"))))
        .collect();
    for u in &uris {
        c.open(u, "markdown", &text);
    }
    for u in &uris {
        assert!(!c.diagnostics(u).is_empty());
    }
    // The writer is at work in one document.
    let touched = &uris[3];
    c.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": touched, "version": 2}, "contentChanges": [{"text": text.clone()}]}),
    );
    assert!(!c.diagnostics(touched).is_empty());

    fs::write(&rules, fs::read_to_string(&rules).unwrap() + "\n").unwrap();
    c.notify(
        "workspace/didChangeWatchedFiles",
        json!({"changes": [{"uri": uri(&dir_canonical(&rules)), "type": 2}]}),
    );
    let is_publish = |m: &Value| m["method"] == "textDocument/publishDiagnostics";
    let first = c.wait(is_publish);
    assert_eq!(
        &first["params"]["uri"], touched,
        "the touched document first"
    );
    // Checking has begun: a request now is answered before it ends.
    let id = c.request_async("numcheck/unknown", json!({}));
    let mut published_before = 0;
    loop {
        let m = c.wait(|m| is_publish(m) || m["id"] == id);
        if m["id"] == id {
            assert_eq!(m["error"]["code"], -32601, "{m}");
            break;
        }
        published_before += 1;
    }
    assert!(
        published_before < DOCS / 4,
        "the request waited for {published_before} of {DOCS} documents"
    );
    for _ in published_before + 1..DOCS {
        c.wait(is_publish);
    }
    assert_eq!(c.shutdown(), Some(0));
}
