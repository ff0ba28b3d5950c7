//! LSP framing over stdio that survives bad input. lsp-server's own stdio
//! transport ends the connection on the first malformed payload; an editor
//! plugin sending one bad message must not cost the writer their
//! diagnostics, so a payload that is not a message gets a JSON-RPC error
//! and reading goes on. A wrong `Content-Length` (a client counting
//! characters, not bytes) puts the next header mid-line or inside the body
//! read: reading finds it there and goes on from it, in step again.

use std::io::{self, BufRead, Read, Write};
use std::thread;

use crossbeam_channel::{Receiver, Sender, unbounded};
use lsp_server::{ErrorCode, Message, RequestId};
use serde_json::{Value, json};

/// The largest message read; a larger one is skipped with an error. A 5 MB
/// document is well inside it.
const MAX_MESSAGE: usize = 64 * 1024 * 1024;

/// What the reader hands the server.
pub enum Incoming {
    Message(Message),
    /// A payload that was not a message: answer with this error, under the
    /// request's id if it had one the client can match.
    Bad {
        id: Option<RequestId>,
        code: ErrorCode,
        message: String,
    },
}

impl Incoming {
    /// The JSON-RPC error response to a bad payload (`id` null when it had none).
    pub fn error_response(id: Option<&RequestId>, code: ErrorCode, message: &str) -> Value {
        json!({
            "jsonrpc": "2.0",
            "id": id.map_or(Value::Null, |id| serde_json::to_value(id).unwrap_or(Value::Null)),
            "error": {"code": code as i32, "message": message},
        })
    }
}

/// What the server writes: a message, or an error for a payload that was
/// not one (which lsp-server's types cannot express: its id may be null).
pub enum Outgoing {
    Message(Message),
    Raw(Value),
}

/// The server's ends of the connection, and the threads behind them.
pub struct Stdio {
    pub receiver: Receiver<Incoming>,
    pub sender: Sender<Outgoing>,
    writer: thread::JoinHandle<io::Result<()>>,
}

impl Stdio {
    pub fn start() -> Stdio {
        // Unbounded: the server drains every queued change before it checks,
        // which is what makes a burst of keystrokes cost one check.
        let (in_tx, in_rx) = unbounded();
        let (out_tx, out_rx) = unbounded::<Outgoing>();
        thread::Builder::new()
            .name("lsp-reader".into())
            .spawn(move || {
                let stdin = io::stdin();
                read_all(&mut stdin.lock(), &in_tx);
            })
            .expect("a thread can start");
        let writer = thread::Builder::new()
            .name("lsp-writer".into())
            .spawn(move || {
                let stdout = io::stdout();
                let mut out = stdout.lock();
                for msg in out_rx {
                    match msg {
                        Outgoing::Message(msg) => msg.write(&mut out)?,
                        Outgoing::Raw(value) => {
                            let body = value.to_string();
                            write!(out, "Content-Length: {}\r\n\r\n{body}", body.len())?;
                        }
                    }
                    out.flush()?;
                }
                Ok(())
            })
            .expect("a thread can start");
        Stdio {
            receiver: in_rx,
            sender: out_tx,
            writer,
        }
    }

    /// Waits until everything sent has been written.
    pub fn finish(self) -> io::Result<()> {
        drop(self.sender);
        drop(self.receiver);
        self.writer
            .join()
            .unwrap_or_else(|_| Err(io::Error::other("the writer thread panicked")))
    }
}

/// Reads messages until the input ends or the server stops listening.
pub fn read_all(input: &mut impl BufRead, to: &Sender<Incoming>) {
    let mut input = Framed {
        input,
        pending: Vec::new(),
    };
    loop {
        let incoming = match read_one(&mut input) {
            Ok(Some(incoming)) => incoming,
            Ok(None) | Err(_) => return,
        };
        let exit =
            matches!(&incoming, Incoming::Message(Message::Notification(n)) if n.method == "exit");
        if to.send(incoming).is_err() || exit {
            return;
        }
    }
}

/// The input, after bytes read too far (past a body whose length was
/// wrong) that are to be read again.
struct Framed<'a, R> {
    input: &'a mut R,
    pending: Vec<u8>,
}

impl<R: BufRead> Framed<'_, R> {
    fn read_line(&mut self, line: &mut Vec<u8>) -> io::Result<usize> {
        if !self.pending.is_empty() {
            let end = memchr::memchr(b'\n', &self.pending).map(|i| i + 1);
            let taken: Vec<u8> = self
                .pending
                .drain(..end.unwrap_or(self.pending.len()))
                .collect();
            line.extend_from_slice(&taken);
            if end.is_some() {
                return Ok(taken.len());
            }
            return Ok(taken.len() + self.input.read_until(b'\n', line)?);
        }
        self.input.read_until(b'\n', line)
    }

    fn read_exact(&mut self, body: &mut [u8]) -> io::Result<()> {
        let from_pending = self.pending.len().min(body.len());
        body[..from_pending].copy_from_slice(&self.pending[..from_pending]);
        self.pending.drain(..from_pending);
        self.input.read_exact(&mut body[from_pending..])
    }

    fn skip(&mut self, n: usize) -> io::Result<()> {
        let from_pending = self.pending.len().min(n);
        self.pending.drain(..from_pending);
        let rest = (n - from_pending) as u64;
        io::copy(&mut self.input.take(rest), &mut io::sink())?;
        Ok(())
    }
}

/// The header every message starts with.
const CONTENT_LENGTH: &[u8] = b"content-length:";

/// Where the next message's header starts in `bytes`, if it is there.
fn header_in(bytes: &[u8]) -> Option<usize> {
    bytes
        .windows(CONTENT_LENGTH.len())
        .position(|w| w.eq_ignore_ascii_case(CONTENT_LENGTH))
}

fn error(code: ErrorCode, message: String) -> Incoming {
    Incoming::Bad {
        id: None,
        code,
        message,
    }
}

/// One message, `Ok(None)` at the end of input. Only an I/O error or a
/// stream that has lost its framing ends reading.
fn read_one(input: &mut Framed<'_, impl BufRead>) -> io::Result<Option<Incoming>> {
    let mut length: Option<usize> = None;
    let mut header = Vec::new();
    let mut bad_header = None;
    loop {
        header.clear();
        if input.read_line(&mut header)? == 0 {
            return Ok(None);
        }
        // The tail of a body longer than its Content-Length said runs on
        // into the next header: the header starts where its name does.
        let start = header_in(&header).unwrap_or(0);
        let line = String::from_utf8_lossy(&header[start..]);
        let line = line.trim_end_matches(['\r', '\n']);
        if line.is_empty() {
            if length.is_some() || bad_header.is_some() {
                break;
            }
            // Blank lines between messages are tolerated.
            continue;
        }
        match line.split_once(':') {
            Some((name, value)) if name.trim().eq_ignore_ascii_case("content-length") => {
                match value.trim().parse::<usize>() {
                    Ok(n) => length = Some(n),
                    Err(_) => bad_header = Some(format!("bad Content-Length {:?}", value.trim())),
                }
            }
            Some(_) => {}
            None => bad_header = Some(format!("not a header: {line:?}")),
        }
    }
    let Some(length) = length else {
        return Ok(Some(error(
            ErrorCode::ParseError,
            bad_header.unwrap_or_else(|| "no Content-Length".into()),
        )));
    };
    if length > MAX_MESSAGE {
        input.skip(length)?;
        return Ok(Some(error(
            ErrorCode::InvalidRequest,
            format!("message of {length} bytes is over the limit of {MAX_MESSAGE}"),
        )));
    }
    let mut body = vec![0; length];
    input.read_exact(&mut body)?;
    let value: Value = match serde_json::from_slice(&body) {
        Ok(v) => v,
        Err(e) => {
            // A Content-Length too large took in the next header: read
            // again from it.
            if let Some(at) = header_in(&body) {
                let mut rest = body.split_off(at);
                rest.append(&mut input.pending);
                input.pending = rest;
            }
            return Ok(Some(error(ErrorCode::ParseError, format!("not JSON: {e}"))));
        }
    };
    let id = value.get("id").cloned();
    // A message with any `id` is a request or a response, and JSON-RPC
    // wants an answer to a bad one; lsp-server's types would read a
    // fraction, an object or null as no id at all, a notification.
    let usable =
        |id: &Value| id.is_string() || id.as_i64().is_some_and(|n| i32::try_from(n).is_ok());
    if id.as_ref().is_some_and(|id| !usable(id)) {
        return Ok(Some(error(
            ErrorCode::InvalidRequest,
            format!(
                "the id {} is not an integer or a string",
                id.unwrap_or_default()
            ),
        )));
    }
    Ok(Some(match serde_json::from_value::<Message>(value) {
        Ok(msg) => Incoming::Message(msg),
        Err(e) => Incoming::Bad {
            id: id.and_then(|id| serde_json::from_value(id).ok()),
            code: ErrorCode::InvalidRequest,
            message: format!("not an LSP message: {e}"),
        },
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn frame(body: &str) -> String {
        format!("Content-Length: {}\r\n\r\n{body}", body.len())
    }

    fn read(input: &str) -> Vec<Incoming> {
        let (tx, rx) = unbounded();
        read_all(&mut input.as_bytes(), &tx);
        drop(tx);
        rx.into_iter().collect()
    }

    #[test]
    fn bad_payloads_get_errors_and_reading_goes_on() {
        let input = [
            frame("{not json"),
            frame(r#"{"jsonrpc":"2.0","id":7,"params":{}}"#),
            "Content-Length: x\r\n\r\n".into(),
            frame(r#"{"jsonrpc":"2.0","method":"initialized","params":{}}"#),
        ]
        .concat();
        let got = read(&input);
        assert_eq!(got.len(), 4);
        assert!(matches!(
            &got[0],
            Incoming::Bad {
                id: None,
                code: ErrorCode::ParseError,
                ..
            }
        ));
        assert!(matches!(&got[1], Incoming::Bad { id: Some(id), .. } if *id == 7.into()));
        assert!(matches!(&got[2], Incoming::Bad { .. }));
        assert!(
            matches!(&got[3], Incoming::Message(Message::Notification(n)) if n.method == "initialized")
        );
    }

    #[test]
    fn a_content_length_in_characters_loses_one_message_only() {
        let initialized = r#"{"jsonrpc":"2.0","method":"initialized","params":{}}"#;
        let pound = r#"{"jsonrpc":"2.0","method":"x","params":{"t":"£5m"}}"#;
        let chars = pound.chars().count();
        let short = format!("Content-Length: {chars}\r\n\r\n{pound}");
        let long = format!(
            "Content-Length: {}\r\n\r\n{initialized}",
            initialized.len() + 9
        );
        let input = [
            short,
            frame(initialized),
            long,
            frame(initialized),
            frame(initialized),
        ]
        .concat();
        let got = read(&input);
        let good = got
            .iter()
            .filter(|m| matches!(m, Incoming::Message(Message::Notification(n)) if n.method == "initialized"))
            .count();
        assert!(good >= 2, "reading never got back in step");
        assert!(
            matches!(got.last(), Some(Incoming::Message(_))),
            "the last message was lost"
        );
    }

    #[test]
    fn a_truncated_message_ends_reading() {
        assert!(read("Content-Length: 100\r\n\r\n{\"a\":").is_empty());
    }
}
