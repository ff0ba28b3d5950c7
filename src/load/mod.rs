//! Reading documents and rules files from disk, whole and once, and
//! finding the prose in them.

pub mod front_matter;
pub mod html;
pub mod markdown;

use std::io::{self, Read as _};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::error::Error;
use crate::source::{SourceFile, Span};

/// How a path is shown in output: relative to the working directory when
/// it is under it, and quoted with its control characters escaped when it
/// has any. A file name is the pull request author's to choose, and one
/// holding `\n::warning file=…::` would otherwise print a workflow command
/// of their own on a line of the CI log.
pub fn display_path(path: &Path) -> String {
    let shown = std::env::current_dir()
        .ok()
        .and_then(|cwd| path.strip_prefix(&cwd).ok().map(Path::to_path_buf))
        .unwrap_or_else(|| path.to_path_buf());
    let s = shown.to_string_lossy().into_owned();
    let s = s.strip_prefix("./").map(str::to_string).unwrap_or(s);
    // The working folder itself.
    if s.is_empty() {
        return ".".to_string();
    }
    if s.chars().any(char::is_control) {
        format!("{s:?}")
    } else {
        s
    }
}

/// `message` on one line: control characters escaped (`\n`, `\u{1b}`), for
/// the messages of other libraries that quote a path as it is.
pub fn one_line(message: &str) -> String {
    message
        .chars()
        .map(|c| {
            if c.is_control() {
                c.escape_default().to_string()
            } else {
                c.to_string()
            }
        })
        .collect()
}

/// Text from bytes, or a clear error naming the first invalid byte.
pub fn decode(name: &str, bytes: Vec<u8>) -> Result<String, Error> {
    String::from_utf8(bytes).map_err(|e| Error::NotUtf8 {
        path: name.to_string(),
        offset: e.utf8_error().valid_up_to(),
    })
}

/// Files larger than this are skipped unless the run says otherwise.
pub const MAX_SIZE: u64 = 16 * 1024 * 1024;

/// A file read, or why it was left alone.
#[derive(Debug)]
pub enum Read {
    Text(Arc<SourceFile>),
    /// Not a document: binary, or over the size limit. The reason says which.
    Skipped(String),
}

/// Binary, as git and ripgrep judge it: a NUL byte near the start.
pub fn is_binary(bytes: &[u8]) -> bool {
    memchr::memchr(0, &bytes[..bytes.len().min(8192)]).is_some()
}

/// Text from a document's bytes, unless they are binary or too large.
/// `bytes` may have been read through [`read_up_to`], and hold only the
/// first `max + 1`.
pub fn text_of(name: String, bytes: Vec<u8>, max: u64) -> Result<Read, Error> {
    if bytes.len() as u64 > max {
        return Ok(Read::Skipped(format!(
            "more than {max} bytes (--max-filesize)"
        )));
    }
    if is_binary(&bytes) {
        return Ok(Read::Skipped("binary file".into()));
    }
    let text = decode(&name, bytes)?;
    Ok(Read::Text(SourceFile::new(name, text)))
}

fn too_large(size: u64, max: u64) -> String {
    format!("{size} bytes, over the limit of {max} (--max-filesize)")
}

/// Up to `max` bytes of `reader`, and one more if there are more: a
/// device or a pipe has no size to check first, and `/dev/zero` never ends.
pub fn read_up_to(reader: impl io::Read, max: u64) -> io::Result<Vec<u8>> {
    let mut bytes = Vec::new();
    reader.take(max.saturating_add(1)).read_to_end(&mut bytes)?;
    Ok(bytes)
}

/// The bytes of the regular file at `path`, if it holds at most `max`.
/// For files a run depends on but the author of a pull request may name
/// (rules it extends, baselines): a FIFO would block the run, a device
/// never end, so anything but a regular file is refused before it is opened.
pub fn read_regular(path: &Path, max: u64) -> io::Result<Vec<u8>> {
    if !std::fs::metadata(path)?.is_file() {
        return Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            "not a regular file",
        ));
    }
    let bytes = read_up_to(std::fs::File::open(path)?, max)?;
    if bytes.len() as u64 > max {
        return Err(io::Error::new(
            io::ErrorKind::FileTooLarge,
            format!("over the limit of {max} bytes"),
        ));
    }
    Ok(bytes)
}

/// Reads a document, once, unless it is binary or larger than `max` bytes.
pub fn read(path: &Path, max: u64) -> Result<Read, Error> {
    let name = display_path(path);
    let io = |source| Error::Io {
        path: name.clone(),
        source,
    };
    let size = std::fs::metadata(path).map_err(io)?.len();
    if size > max {
        return Ok(Read::Skipped(too_large(size, max)));
    }
    let bytes = read_up_to(std::fs::File::open(path).map_err(io)?, max).map_err(io)?;
    text_of(name, bytes, max)
}

/// How a document's text is read, by its file name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Text,
    Markdown,
    Html,
}

impl Kind {
    /// `.md`, `.markdown`, `.mdx` are Markdown; `.html`, `.htm` HTML; the rest text.
    pub fn of(name: &str) -> Kind {
        let ext = Path::new(name)
            .extension()
            .and_then(|e| e.to_str())
            .unwrap_or_default()
            .to_ascii_lowercase();
        match ext.as_str() {
            "md" | "markdown" | "mdx" => Kind::Markdown,
            "html" | "htm" => Kind::Html,
            _ => Kind::Text,
        }
    }
}

/// What a run sets for reading every document.
#[derive(Clone, Copy, Debug, Default)]
pub struct LoadOptions {
    /// Read the alt text of images as prose.
    pub alt_text: bool,
}

/// The prose a loader found in a file: the file's text with what is not
/// prose blanked, and where its comments are (they may hold suppressions).
#[derive(Debug, Default)]
pub struct Prose {
    pub text: String,
    pub comments: Vec<Span>,
}

/// A document as the pipeline reads it: the file, and its prose with
/// everything that is not prose (front matter, markup, comments) blanked to
/// spaces, so that every byte offset into the prose is an offset into the file.
#[derive(Debug)]
pub struct Document {
    pub file: Arc<SourceFile>,
    /// Where the file is, for choosing its story by path; `None` for text
    /// that has no path.
    pub path: Option<PathBuf>,
    pub kind: Kind,
    /// `None` when the prose is the whole file: no copy is made.
    prose: Option<String>,
    pub front: Option<front_matter::FrontMatter>,
    /// The spans of the document's comments: `<!-- … -->`.
    pub comments: Vec<Span>,
}

/// Bytes of the same length, all blank but line breaks.
fn blank_bytes(bytes: &[u8]) -> Vec<u8> {
    bytes
        .iter()
        .map(|&b| if b == b'\n' || b == b'\r' { b } else { b' ' })
        .collect()
}

/// Loaders copy whole runs of the source's text into blanks, so their
/// output is UTF-8; should one not be, it is made so rather than lost.
fn into_text(bytes: Vec<u8>) -> String {
    String::from_utf8(bytes).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}

/// `text` with the bytes of `spans` (sorted, apart) blanked: each character
/// becomes as many spaces as it had bytes, line breaks stay.
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

/// The `<!-- … -->` comments of a plain-text file.
fn text_comments(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut at = 0;
    while let Some(open) = memchr::memmem::find(&text.as_bytes()[at..], b"<!--") {
        let start = at + open;
        let Some(close) = memchr::memmem::find(&text.as_bytes()[start + 4..], b"-->") else {
            break;
        };
        let end = start + 4 + close + 3;
        out.push(Span::new(start, end));
        at = end;
    }
    out
}

impl Document {
    /// A document read as its name says (Markdown, HTML or text), with default options.
    pub fn new(file: Arc<SourceFile>) -> Document {
        Document::load(file, None, LoadOptions::default())
    }

    /// A document read as its name says, found at `path`.
    pub fn load(file: Arc<SourceFile>, path: Option<PathBuf>, opts: LoadOptions) -> Document {
        let text = file.text();
        let front = front_matter::parse(text);
        let kind = Kind::of(file.name());
        let mut hidden: Vec<Span> = Vec::new();
        if text.starts_with('\u{feff}') {
            hidden.push(Span::new(0, '\u{feff}'.len_utf8()));
        }
        if let Some(f) = &front {
            hidden.push(Span::new(
                f.span.start.max(hidden.last().map_or(0, |h| h.end)),
                f.span.end,
            ));
        }
        let base = (!hidden.is_empty()).then(|| blank(text, &hidden));
        let base_text = base.as_deref().unwrap_or(text);
        let (prose, comments) = match kind {
            Kind::Markdown => {
                let p = markdown::prose(base_text, opts.alt_text);
                (Some(p.text), p.comments)
            }
            Kind::Html => {
                let p = html::prose(base_text, opts.alt_text);
                (Some(p.text), p.comments)
            }
            Kind::Text => {
                let comments = text_comments(base_text);
                let prose = if comments.is_empty() {
                    base
                } else {
                    Some(blank(base_text, &comments))
                };
                (prose, comments)
            }
        };
        Document {
            file,
            path,
            kind,
            prose,
            front,
            comments,
        }
    }

    /// The text the extractor reads: the file, with what is not prose blanked.
    pub fn prose(&self) -> &str {
        self.prose.as_deref().unwrap_or(self.file.text())
    }
}

/// For the loaders' tests: the prose at the place `needle` has in `text`.
#[cfg(test)]
fn prose_at<'a>(prose: &'a str, text: &str, needle: &str) -> &'a str {
    let i = text.find(needle).expect("needle in text");
    &prose[i..i + needle.len()]
}
