//! Reading documents and rules files from disk, whole and once, and
//! finding the prose in them.

pub mod front_matter;

use std::path::Path;
use std::sync::Arc;

use crate::error::Error;
use crate::source::{SourceFile, Span};

/// How a path is shown in output: relative to the working directory when it is under it.
pub fn display_path(path: &Path) -> String {
    let shown = std::env::current_dir()
        .ok()
        .and_then(|cwd| path.strip_prefix(&cwd).ok().map(Path::to_path_buf))
        .unwrap_or_else(|| path.to_path_buf());
    let s = shown.to_string_lossy().into_owned();
    s.strip_prefix("./").map(str::to_string).unwrap_or(s)
}

/// Text from bytes, or a clear error naming the first invalid byte.
pub fn decode(name: &str, bytes: Vec<u8>) -> Result<String, Error> {
    String::from_utf8(bytes).map_err(|e| Error::NotUtf8 {
        path: name.to_string(),
        offset: e.utf8_error().valid_up_to(),
    })
}

/// Reads a document.
pub fn read(path: &Path) -> Result<Arc<SourceFile>, Error> {
    let name = display_path(path);
    let bytes = std::fs::read(path).map_err(|source| Error::Io {
        path: name.clone(),
        source,
    })?;
    let text = decode(&name, bytes)?;
    Ok(SourceFile::new(name, text))
}

/// A document as the pipeline reads it: the file, and its prose with
/// everything that is not prose (front matter) blanked to spaces, so that
/// every byte offset into the prose is an offset into the file.
#[derive(Debug)]
pub struct Document {
    pub file: Arc<SourceFile>,
    /// `None` when the prose is the whole file: no copy is made.
    prose: Option<String>,
    pub front: Option<front_matter::FrontMatter>,
}

/// `text` with the bytes of `spans` blanked: each character becomes as many
/// spaces as it had bytes, line breaks stay.
fn blank(text: &str, spans: &[Span]) -> String {
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for s in spans {
        out.push_str(&text[at..s.start]);
        for c in text[s.range()].chars() {
            if c == '\n' || c == '\r' {
                out.push(c);
            } else {
                out.extend(std::iter::repeat_n(' ', c.len_utf8()));
            }
        }
        at = s.end;
    }
    out.push_str(&text[at..]);
    out
}

impl Document {
    pub fn new(file: Arc<SourceFile>) -> Document {
        let front = front_matter::parse(file.text());
        let prose = front.as_ref().map(|f| blank(file.text(), &[f.span]));
        Document { file, prose, front }
    }

    /// The text the extractor reads: the file, with what is not prose blanked.
    pub fn prose(&self) -> &str {
        self.prose.as_deref().unwrap_or(self.file.text())
    }
}
