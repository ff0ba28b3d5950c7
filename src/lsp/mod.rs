//! `numcheck lsp`: the language server. The reader queues what the editor
//! sends; the main loop takes every queued message before it starts a
//! check, so a burst of keystrokes costs one check of each changed
//! document and a pause costs nothing (debounced by the queue, not by a
//! timer that would delay every diagnostic).
//!
//! Documents are checked on a worker thread, one at a time, the one the
//! writer touched last first; the main loop answers requests meanwhile. A
//! rules change with a thousand documents open so costs a request the
//! check of one document at most, not of them all, and the document on
//! screen is checked again first. A result for a document that changed
//! while it was checked is dropped: its next check is already due.
//!
//! Rules files open in the editor are read from their buffers, so an
//! unsaved edit of rules.toml is seen at once; its errors are published on
//! it, and every open document is checked again when any rules change.

mod actions;
mod diagnostics;
mod document;
mod hover;
mod position;
pub mod transport;

use std::collections::HashMap;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use anyhow::Result;
use crossbeam_channel::{Receiver, Sender, TryRecvError};
use lsp_server::{ErrorCode, Message, Notification, Request, RequestId, Response};
use lsp_types::notification::{self as note, Notification as _};
use lsp_types::request::{self as req, Request as _};
use lsp_types::{self as lsp, Uri};
use serde_json::Value;

use crate::discover::{self, Rules};
use crate::engine;
use crate::error::Error;
use crate::facts::FactTable;
use crate::load::{Document, LoadOptions};
use document::Open;
use position::Encoding;
use transport::{Incoming, Outgoing, Stdio};

/// How `numcheck lsp` was started.
#[derive(Clone, Debug, Default)]
pub struct Options {
    /// `--rules`: one rules file for every document.
    pub rules: Option<PathBuf>,
    pub load: LoadOptions,
}

type Loaded = Result<Arc<FactTable>, Arc<Error>>;

/// A rules file that cannot be used, and why.
type Unusable = (PathBuf, Arc<Error>);

/// Runs the server on stdio until the editor says `exit` or hangs up;
/// true when it asked for `shutdown` first, as the protocol wants.
pub fn run(opts: Options) -> Result<bool> {
    let io = Stdio::start();
    let mut server = Server::new(io.sender.clone(), opts);
    let clean = server.serve(&io.receiver);
    drop(server);
    io.finish()?;
    Ok(clean)
}

/// Runs a whole session from `input`, bytes as an editor would send them,
/// then checks what is still unchecked; returns how many messages the
/// server wrote. For the fuzzer: a panic is not caught here, so it is seen.
pub fn replay(input: &[u8], opts: Options) -> usize {
    let (in_tx, in_rx) = crossbeam_channel::unbounded();
    transport::read_all(&mut &input[..], &in_tx);
    drop(in_tx);
    let (out_tx, out_rx) = crossbeam_channel::unbounded();
    let mut server = Server::new(out_tx, opts);
    server.catch_panics = false;
    server.worker = None;
    server.serve(&in_rx);
    server.check_dirty();
    drop(server);
    out_rx.try_iter().count()
}

struct Server {
    out: crossbeam_channel::Sender<Outgoing>,
    /// Whether a panic in a handler is caught (a session) or not (replay).
    catch_panics: bool,
    opts: Options,
    encoding: Encoding,
    initialized: bool,
    shutting_down: bool,
    /// Keyed by the URI's text: `Uri` caches its parse, so it is no hash key.
    docs: HashMap<String, Open>,
    /// Finds the rules file for a path; rebuilt when rules files come or go.
    finder: Rules,
    /// Each rules file's table, from its buffer if open, else from disk.
    tables: HashMap<PathBuf, Loaded>,
    /// The files that hold published rules errors, to clear them when fixed.
    rules_published: HashMap<String, Uri>,
    next_id: i32,
    /// Where documents are checked; `None` checks them on this thread
    /// (replay, for the fuzzer, which must see every check end).
    worker: Option<Worker>,
    /// The server's clock, for [`Open::touched`] and check stamps.
    clock: u64,
}

/// A document to check, as it was when the check was started.
struct Job {
    key: String,
    stamp: u64,
    open: Open,
    table: Result<Arc<FactTable>, Unusable>,
    load: LoadOptions,
    encoding: Encoding,
}

/// What a check found; `None` if it failed (a bug).
struct Checked {
    key: String,
    stamp: u64,
    found: Option<Vec<lsp::Diagnostic>>,
}

/// The thread documents are checked on, and the way to it and back.
struct Worker {
    jobs: Sender<Job>,
    done: Receiver<Checked>,
    /// A check has been sent and its result not yet taken.
    busy: bool,
}

impl Worker {
    fn start() -> Worker {
        let (jobs, inbox) = crossbeam_channel::unbounded::<Job>();
        let (outbox, done) = crossbeam_channel::unbounded();
        std::thread::spawn(move || {
            for job in inbox {
                let (key, stamp) = (job.key.clone(), job.stamp);
                let found = catch_unwind(AssertUnwindSafe(|| check_job(job))).ok();
                if outbox.send(Checked { key, stamp, found }).is_err() {
                    return;
                }
            }
        });
        Worker {
            jobs,
            done,
            busy: false,
        }
    }
}

/// The LSP diagnostics of one document.
fn check_job(job: Job) -> Vec<lsp::Diagnostic> {
    let doc = job.open.load(job.load);
    match job.table {
        Ok(table) => engine::check(&doc, &table, &engine::Options::default())
            .iter()
            .map(|d| diagnostics::convert(d, &job.open.uri, &doc.file, job.encoding))
            .collect(),
        Err((path, e)) => vec![diagnostics::rules_unusable(&path, &e)],
    }
}

impl Server {
    fn new(out: crossbeam_channel::Sender<Outgoing>, opts: Options) -> Server {
        Server {
            out,
            catch_panics: true,
            finder: Rules::new(None),
            opts,
            encoding: Encoding::Utf16,
            initialized: false,
            shutting_down: false,
            docs: HashMap::new(),
            tables: HashMap::new(),
            rules_published: HashMap::new(),
            next_id: 0,
            worker: Some(Worker::start()),
            clock: 0,
        }
    }

    /// The message loop; true when it ended with `shutdown` then `exit`.
    fn serve(&mut self, from: &Receiver<Incoming>) -> bool {
        loop {
            // Everything queued first: a burst of edits costs one check.
            match from.try_recv() {
                Ok(m) => match self.take(m) {
                    Some(clean) => return clean,
                    None => continue,
                },
                Err(TryRecvError::Disconnected) => return false,
                Err(TryRecvError::Empty) => {}
            }
            let next = match &self.worker {
                None => {
                    if self.next_dirty().is_some() {
                        self.guard("checking", |s| s.check_one_here());
                        continue;
                    }
                    from.recv().map(Some).map_err(drop)
                }
                Some(_) => {
                    self.start_check();
                    let Some(worker) = &self.worker else { continue };
                    crossbeam_channel::select! {
                        recv(from) -> m => m.map(Some).map_err(drop),
                        recv(worker.done) -> r => {
                            if let Ok(r) = r {
                                self.finish_check(r);
                            }
                            Ok(None)
                        }
                    }
                }
            };
            match next {
                Ok(Some(m)) => {
                    if let Some(clean) = self.take(m) {
                        return clean;
                    }
                }
                Ok(None) => {}
                Err(()) => return false,
            }
        }
    }

    /// Handles one message; `Some(clean)` when it ends the session.
    fn take(&mut self, m: Incoming) -> Option<bool> {
        match m {
            Incoming::Bad { id, code, message } => {
                self.send(Outgoing::Raw(Incoming::error_response(
                    id.as_ref(),
                    code,
                    &message,
                )));
            }
            Incoming::Message(Message::Notification(n)) if n.method == "exit" => {
                return Some(self.shutting_down);
            }
            Incoming::Message(msg) => self.handle(msg),
        }
        None
    }

    /// The next tick of the server's clock.
    fn tick(&mut self) -> u64 {
        self.clock += 1;
        self.clock
    }

    /// Marks the document at `key` as touched by the writer just now.
    fn touch(&mut self, key: &str) {
        let now = self.tick();
        if let Some(doc) = self.docs.get_mut(key) {
            doc.touched = now;
        }
    }

    /// The prose document to check next: the one touched last of those
    /// changed. Rules files are not checked as prose; one that changed
    /// only makes its errors due.
    fn next_dirty(&mut self) -> Option<String> {
        let fixed = self.opts.rules.clone();
        let mut best: Option<(u64, &String)> = None;
        let mut rules_seen = false;
        for (key, doc) in &mut self.docs {
            if !doc.dirty {
                continue;
            }
            if doc.is_rules(fixed.as_deref()) {
                doc.dirty = false;
                rules_seen = true;
                continue;
            }
            if best.is_none_or(|(t, _)| doc.touched > t) {
                best = Some((doc.touched, key));
            }
        }
        let best = best.map(|(_, k)| k.clone());
        if best.is_none() && rules_seen {
            self.publish_rules_errors();
        }
        best
    }

    /// The next check's job, its document marked clean and under way.
    fn job(&mut self, key: String) -> Option<Job> {
        let stamp = self.tick();
        let uri = self.docs.get(&key)?.uri.clone();
        let table = self.prepare_table(&uri)?;
        let doc = self.docs.get_mut(&key)?;
        doc.dirty = false;
        doc.checking = Some(stamp);
        Some(Job {
            key,
            stamp,
            open: doc.clone(),
            table,
            load: self.opts.load,
            encoding: self.encoding,
        })
    }

    /// Sends the next check to the worker, if it is idle and one is due.
    fn start_check(&mut self) {
        if self.worker.as_ref().is_none_or(|w| w.busy) {
            return;
        }
        let Some(key) = self.next_dirty() else {
            return;
        };
        let Some(job) = self.job(key) else {
            return;
        };
        let Some(worker) = &mut self.worker else {
            return;
        };
        if worker.jobs.send(job).is_ok() {
            worker.busy = true;
        }
    }

    /// Publishes a check's result, unless the document changed meanwhile
    /// (or closed); once nothing is left to check, the rules' errors too.
    fn finish_check(&mut self, r: Checked) {
        if let Some(w) = &mut self.worker {
            w.busy = false;
        }
        let Some(found) = r.found else {
            self.log(
                lsp::MessageType::ERROR,
                "numcheck failed while checking; this is a bug".into(),
            );
            return;
        };
        let current = self
            .docs
            .get_mut(&r.key)
            .filter(|d| d.checking == Some(r.stamp));
        if let Some(doc) = current {
            doc.checking = None;
            if !doc.dirty {
                let (uri, version) = (doc.uri.clone(), Some(doc.version));
                self.publish(uri, found, version);
            }
        }
        if !self.docs.values().any(|d| d.dirty) {
            self.publish_rules_errors();
        }
    }

    /// Checks the next document on this thread.
    fn check_one_here(&mut self) {
        let Some(key) = self.next_dirty() else {
            return;
        };
        let Some(job) = self.job(key.clone()) else {
            return;
        };
        let stamp = job.stamp;
        let found = check_job(job);
        self.finish_check(Checked {
            key,
            stamp,
            found: Some(found),
        });
    }

    /// Runs `f`, so that a bug in a check costs one answer, not the session.
    fn guard(&mut self, what: &str, f: impl FnOnce(&mut Server)) -> bool {
        if !self.catch_panics {
            f(self);
            return true;
        }
        let ok = catch_unwind(AssertUnwindSafe(|| f(self))).is_ok();
        if !ok {
            self.log(
                lsp::MessageType::ERROR,
                format!("numcheck failed while {what}; this is a bug"),
            );
        }
        ok
    }

    fn send(&self, msg: Outgoing) {
        // The writer only stops when the editor has gone; the reader will see that too.
        let _ = self.out.send(msg);
    }

    fn notify<N: lsp_types::notification::Notification>(&self, params: N::Params) {
        self.send(Outgoing::Message(Message::Notification(Notification::new(
            N::METHOD.to_string(),
            params,
        ))));
    }

    fn log(&self, typ: lsp::MessageType, message: String) {
        self.notify::<note::LogMessage>(lsp::LogMessageParams { typ, message });
    }

    fn respond(&self, id: RequestId, result: Result<Value, (ErrorCode, String)>) {
        let response = match result {
            Ok(value) => Response::new_ok(id, value),
            Err((code, message)) => Response::new_err(id, code as i32, message),
        };
        self.send(Outgoing::Message(Message::Response(response)));
    }

    fn handle(&mut self, msg: Message) {
        match msg {
            Message::Request(r) => {
                let id = r.id.clone();
                let method = r.method.clone();
                let mut answer = None;
                let ok = self.guard(&format!("answering {method}"), |s| {
                    answer = Some(s.request(r))
                });
                let answer = match (ok, answer) {
                    (true, Some(a)) => a,
                    _ => Err((
                        ErrorCode::InternalError,
                        format!("numcheck failed on {method}"),
                    )),
                };
                self.respond(id, answer);
            }
            Message::Notification(n) => {
                let method = n.method.clone();
                self.guard(&format!("handling {method}"), |s| s.notification(n));
            }
            // Answers to our own requests (registering for watched files).
            Message::Response(_) => {}
        }
    }

    fn request(&mut self, r: Request) -> Result<Value, (ErrorCode, String)> {
        fn params<T: serde::de::DeserializeOwned>(r: Request) -> Result<T, (ErrorCode, String)> {
            serde_json::from_value(r.params)
                .map_err(|e| (ErrorCode::InvalidParams, format!("{}: {e}", r.method)))
        }
        if r.method == req::Initialize::METHOD {
            if self.initialized {
                return Err((ErrorCode::InvalidRequest, "already initialized".into()));
            }
            return self.initialize(params(r)?);
        }
        if !self.initialized {
            return Err((ErrorCode::ServerNotInitialized, "initialize first".into()));
        }
        if self.shutting_down {
            return Err((ErrorCode::InvalidRequest, "shutting down".into()));
        }
        match r.method.as_str() {
            req::Shutdown::METHOD => {
                self.shutting_down = true;
                Ok(Value::Null)
            }
            req::HoverRequest::METHOD => {
                let p: lsp::HoverParams = params(r)?;
                Ok(json(&self.hover(p)))
            }
            req::CodeActionRequest::METHOD => {
                let p: lsp::CodeActionParams = params(r)?;
                Ok(json(&self.code_actions(p)))
            }
            _ => Err((
                ErrorCode::MethodNotFound,
                format!("numcheck does not answer {}", r.method),
            )),
        }
    }

    fn initialize(&mut self, p: lsp::InitializeParams) -> Result<Value, (ErrorCode, String)> {
        let offered = p
            .capabilities
            .general
            .as_ref()
            .and_then(|g| g.position_encodings.as_deref());
        self.encoding = Encoding::negotiate(offered);
        let watch = p
            .capabilities
            .workspace
            .as_ref()
            .and_then(|w| w.did_change_watched_files.as_ref())
            .and_then(|w| w.dynamic_registration)
            .unwrap_or(false);
        self.initialized = true;
        let caps = lsp::ServerCapabilities {
            position_encoding: Some(self.encoding.kind()),
            text_document_sync: Some(lsp::TextDocumentSyncCapability::Options(
                lsp::TextDocumentSyncOptions {
                    open_close: Some(true),
                    change: Some(lsp::TextDocumentSyncKind::INCREMENTAL),
                    save: Some(lsp::TextDocumentSyncSaveOptions::Supported(true)),
                    ..Default::default()
                },
            )),
            hover_provider: Some(lsp::HoverProviderCapability::Simple(true)),
            code_action_provider: Some(lsp::CodeActionProviderCapability::Options(
                lsp::CodeActionOptions {
                    code_action_kinds: Some(vec![lsp::CodeActionKind::QUICKFIX]),
                    ..Default::default()
                },
            )),
            ..Default::default()
        };
        if watch {
            self.register_watcher();
        }
        serde_json::to_value(lsp::InitializeResult {
            capabilities: caps,
            server_info: Some(lsp::ServerInfo {
                name: "numcheck".into(),
                version: Some(env!("CARGO_PKG_VERSION").into()),
            }),
        })
        .map_err(|e| (ErrorCode::InternalError, e.to_string()))
    }

    /// Asks the client to tell us when rules files change on disk.
    fn register_watcher(&mut self) {
        let watchers = discover::NAMES
            .iter()
            .map(|n| lsp::FileSystemWatcher {
                glob_pattern: lsp::GlobPattern::String(format!("**/{n}")),
                kind: None,
            })
            .chain(self.opts.rules.iter().filter_map(|p| {
                Some(lsp::FileSystemWatcher {
                    glob_pattern: lsp::GlobPattern::String(
                        std::path::absolute(p).ok()?.to_string_lossy().into_owned(),
                    ),
                    kind: None,
                })
            }))
            .collect();
        let options = lsp::DidChangeWatchedFilesRegistrationOptions { watchers };
        let params = lsp::RegistrationParams {
            registrations: vec![lsp::Registration {
                id: "numcheck-rules".into(),
                method: note::DidChangeWatchedFiles::METHOD.into(),
                register_options: serde_json::to_value(options).ok(),
            }],
        };
        self.next_id += 1;
        let id = RequestId::from(format!("numcheck-{}", self.next_id));
        self.send(Outgoing::Message(Message::Request(Request::new(
            id,
            req::RegisterCapability::METHOD.into(),
            params,
        ))));
    }

    fn notification(&mut self, n: Notification) {
        if !self.initialized {
            return;
        }
        fn params<T: serde::de::DeserializeOwned>(n: Notification) -> Option<T> {
            serde_json::from_value(n.params).ok()
        }
        match n.method.as_str() {
            note::DidOpenTextDocument::METHOD => {
                let Some(p) = params::<lsp::DidOpenTextDocumentParams>(n) else {
                    return;
                };
                let d = p.text_document;
                let open = Open::new(d.uri.clone(), d.language_id, d.text, d.version);
                let rules = open.is_rules(self.opts.rules.as_deref());
                let key = d.uri.as_str().to_string();
                self.docs.insert(key.clone(), open);
                self.touch(&key);
                if rules {
                    self.rules_changed();
                }
            }
            note::DidChangeTextDocument::METHOD => {
                let Some(p) = params::<lsp::DidChangeTextDocumentParams>(n) else {
                    return;
                };
                let encoding = self.encoding;
                let fixed = self.opts.rules.clone();
                let Some(doc) = self.docs.get_mut(p.text_document.uri.as_str()) else {
                    return;
                };
                doc.apply(p.content_changes, encoding);
                doc.version = p.text_document.version;
                let rules = doc.is_rules(fixed.as_deref());
                self.touch(p.text_document.uri.as_str());
                if rules {
                    self.rules_changed();
                }
            }
            note::DidSaveTextDocument::METHOD => {
                let Some(p) = params::<lsp::DidSaveTextDocumentParams>(n) else {
                    return;
                };
                let fixed = self.opts.rules.clone();
                if let Some(doc) = self.docs.get_mut(p.text_document.uri.as_str()) {
                    doc.dirty = true;
                    let rules = doc.is_rules(fixed.as_deref());
                    self.touch(p.text_document.uri.as_str());
                    if rules {
                        self.rules_changed();
                    }
                }
            }
            note::DidCloseTextDocument::METHOD => {
                let Some(p) = params::<lsp::DidCloseTextDocumentParams>(n) else {
                    return;
                };
                let fixed = self.opts.rules.clone();
                if let Some(doc) = self.docs.remove(p.text_document.uri.as_str()) {
                    self.publish(doc.uri.clone(), Vec::new(), None);
                    if doc.is_rules(fixed.as_deref()) {
                        // The table now comes from disk, which may differ.
                        self.rules_changed();
                    }
                }
            }
            note::DidChangeWatchedFiles::METHOD => self.rules_changed(),
            _ => {}
        }
    }

    /// Forgets every table and checks every open document again.
    fn rules_changed(&mut self) {
        self.tables.clear();
        self.finder = Rules::new(None);
        for doc in self.docs.values_mut() {
            doc.dirty = true;
        }
    }

    /// The rules file for a document, if any.
    fn rules_file(&self, doc: &Open) -> Option<PathBuf> {
        if let Some(fixed) = &self.opts.rules {
            return Some(fixed.clone());
        }
        let at = doc
            .path
            .clone()
            .unwrap_or_else(|| std::env::current_dir().unwrap_or_default().join("untitled"));
        self.finder.locate(&at)
    }

    /// The table at `path`, from its open buffer if there is one.
    fn table(&mut self, path: &Path) -> Loaded {
        if let Some(t) = self.tables.get(path) {
            return t.clone();
        }
        let buffer = self
            .docs
            .values()
            .find(|d| d.path.as_deref().is_some_and(|p| p == path))
            .map(|d| d.text.clone());
        let loaded = if self.opts.rules.as_deref() == Some(path) {
            discover::load_rules_from(path, buffer.as_deref())
        } else {
            discover::load_discovered(path, buffer.as_deref())
        };
        let loaded = loaded.map(Arc::new).map_err(Arc::new);
        self.tables.insert(path.to_path_buf(), loaded.clone());
        loaded
    }

    /// The table that applies to an open document.
    fn prepare_table(&mut self, uri: &Uri) -> Option<Result<Arc<FactTable>, Unusable>> {
        let doc = self.docs.get(uri.as_str())?;
        Some(match self.rules_file(doc) {
            None => Ok(Arc::new(FactTable::empty())),
            Some(path) => self.table(&path).map_err(|e| (path, e)),
        })
    }

    /// A document's pipeline input and the table that applies to it; the
    /// writer asking about a document makes it the next to check.
    fn prepare(&mut self, uri: &Uri) -> Option<(Document, Result<Arc<FactTable>, Unusable>)> {
        self.touch(uri.as_str());
        let table = self.prepare_table(uri)?;
        let loaded = self.docs.get(uri.as_str())?.load(self.opts.load);
        Some((loaded, table))
    }

    /// Checks every changed document here and publishes what it found,
    /// then the errors of the rules files they use.
    fn check_dirty(&mut self) {
        while self.next_dirty().is_some() {
            self.check_one_here();
        }
        self.publish_rules_errors();
    }

    /// Publishes the errors of every rules file loaded, and clears those fixed.
    fn publish_rules_errors(&mut self) {
        let mut now: HashMap<String, (Uri, Vec<lsp::Diagnostic>)> = HashMap::new();
        for (path, loaded) in &self.tables {
            if let Err(e) = loaded {
                for (uri, d) in diagnostics::rules_errors(path, e, self.encoding) {
                    let key = uri.as_str().to_string();
                    now.entry(key)
                        .or_insert_with(|| (uri, Vec::new()))
                        .1
                        .push(d);
                }
            }
        }
        let cleared: Vec<Uri> = self
            .rules_published
            .iter()
            .filter(|(key, _)| !now.contains_key(*key))
            .map(|(_, uri)| uri.clone())
            .collect();
        for uri in cleared {
            self.publish(uri, Vec::new(), None);
        }
        self.rules_published = now
            .iter()
            .map(|(key, (uri, _))| (key.clone(), uri.clone()))
            .collect();
        for (key, (uri, found)) in now {
            let version = self.docs.get(&key).map(|d| d.version);
            self.publish(uri, found, version);
        }
    }

    fn publish(&self, uri: Uri, diagnostics: Vec<lsp::Diagnostic>, version: Option<i32>) {
        self.notify::<note::PublishDiagnostics>(lsp::PublishDiagnosticsParams {
            uri,
            diagnostics,
            version,
        });
    }

    fn hover(&mut self, p: lsp::HoverParams) -> Option<lsp::Hover> {
        let uri = p.text_document_position_params.text_document.uri;
        let (doc, table) = self.prepare(&uri)?;
        let table = table.ok()?;
        let text = doc.file.text();
        let offset = self.encoding.offset(
            doc.file.lines(),
            text,
            p.text_document_position_params.position,
        );
        let (span, markdown) = hover::describe(&doc, &table, offset)?;
        Some(lsp::Hover {
            contents: lsp::HoverContents::Markup(lsp::MarkupContent {
                kind: lsp::MarkupKind::Markdown,
                value: markdown,
            }),
            range: Some(self.encoding.file_range(&doc.file, span)),
        })
    }

    fn code_actions(&mut self, p: lsp::CodeActionParams) -> Vec<lsp::CodeActionOrCommand> {
        let uri = p.text_document.uri;
        let Some((doc, Ok(table))) = self.prepare(&uri) else {
            return Vec::new();
        };
        let found = engine::check(&doc, &table, &engine::Options::default());
        let lines = doc.file.lines();
        let text = doc.file.text();
        let start = self.encoding.offset(lines, text, p.range.start);
        let end = self.encoding.offset(lines, text, p.range.end);
        actions::for_range(&doc, &found, start..end, &uri, self.encoding)
    }
}

fn json(value: &impl serde::Serialize) -> Value {
    serde_json::to_value(value).unwrap_or(Value::Null)
}
