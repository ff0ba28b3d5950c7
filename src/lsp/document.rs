//! An open document: the editor's text, kept in step with its changes.

use std::path::PathBuf;
use std::sync::Arc;

use lsp_types::{TextDocumentContentChangeEvent, Uri};

use super::position::Encoding;
use crate::discover;
use crate::load::{self, Document, Kind, LoadOptions};
use crate::source::{LineIndex, SourceFile};

#[derive(Clone)]
pub struct Open {
    pub uri: Uri,
    /// Where it is on disk, for finding its rules; `None` for an unsaved buffer.
    pub path: Option<PathBuf>,
    pub language: String,
    pub text: String,
    pub version: i32,
    /// Changed since it was last checked.
    pub dirty: bool,
    /// When the writer last opened, changed, saved or asked about it (a
    /// server clock, larger is later): the order checks go in, newest first.
    pub touched: u64,
    /// The check under way for it, if one is: its stamp.
    pub checking: Option<u64>,
}

impl Open {
    pub fn new(uri: Uri, language: String, text: String, version: i32) -> Open {
        let path = file_path(&uri);
        Open {
            uri,
            path,
            language,
            text,
            version,
            dirty: true,
            touched: 0,
            checking: None,
        }
    }

    /// Whether it is a rules file rather than prose.
    pub fn is_rules(&self, fixed: Option<&std::path::Path>) -> bool {
        match (&self.path, fixed) {
            (Some(p), Some(fixed)) if same_file(p, fixed) => true,
            (Some(p), _) => p
                .file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| discover::NAMES.contains(&n)),
            (None, _) => false,
        }
    }

    /// Applies the editor's changes in order; a range is in `encoding`.
    pub fn apply(&mut self, changes: Vec<TextDocumentContentChangeEvent>, encoding: Encoding) {
        for change in changes {
            match change.range {
                None => self.text = change.text,
                Some(range) => {
                    let lines = LineIndex::new(&self.text);
                    let start = encoding.offset(&lines, &self.text, range.start);
                    let end = encoding.offset(&lines, &self.text, range.end).max(start);
                    self.text.replace_range(start..end, &change.text);
                }
            }
        }
        self.dirty = true;
    }

    /// The document as the pipeline reads it: Markdown, HTML or text by its
    /// name, or by the editor's language when the name does not say.
    pub fn load(&self, opts: LoadOptions) -> Document {
        let mut name = match &self.path {
            Some(p) => load::display_path(p),
            None => self.uri.as_str().to_string(),
        };
        let by_language = match self.language.as_str() {
            "markdown" | "mdx" => Kind::Markdown,
            "html" => Kind::Html,
            _ => Kind::Text,
        };
        if Kind::of(&name) == Kind::Text && by_language != Kind::Text {
            name.push_str(if by_language == Kind::Html {
                ".html"
            } else {
                ".md"
            });
        }
        let file: Arc<SourceFile> = SourceFile::new(name, self.text.clone());
        Document::load(file, self.path.clone(), opts)
    }
}

/// The path of a `file:` URI.
pub fn file_path(uri: &Uri) -> Option<PathBuf> {
    url::Url::parse(uri.as_str()).ok()?.to_file_path().ok()
}

/// The `file:` URI of a path.
pub fn file_uri(path: &std::path::Path) -> Option<Uri> {
    let abs = std::path::absolute(path).ok()?;
    url::Url::from_file_path(abs).ok()?.as_str().parse().ok()
}

fn same_file(a: &std::path::Path, b: &std::path::Path) -> bool {
    let canon = |p: &std::path::Path| std::fs::canonicalize(p).unwrap_or_else(|_| p.to_path_buf());
    canon(a) == canon(b)
}

#[cfg(test)]
mod tests {
    use super::*;
    use lsp_types::{Position, Range};

    fn change(
        range: Option<((u32, u32), (u32, u32))>,
        text: &str,
    ) -> TextDocumentContentChangeEvent {
        TextDocumentContentChangeEvent {
            range: range.map(|(a, b)| Range::new(Position::new(a.0, a.1), Position::new(b.0, b.1))),
            range_length: None,
            text: text.into(),
        }
    }

    #[test]
    fn incremental_changes_land_where_the_editor_says() {
        let uri: Uri = "file:///tmp/draft.md".parse().unwrap();
        let mut doc = Open::new(
            uri,
            "markdown".into(),
            "😀 has 45,000\nconvicts\n".into(),
            1,
        );
        // "45" → "40": UTF-16 columns count the emoji as two.
        doc.apply(vec![change(Some(((0, 7), (0, 9))), "40")], Encoding::Utf16);
        assert_eq!(doc.text, "😀 has 40,000\nconvicts\n");
        doc.apply(
            vec![
                change(Some(((1, 0), (1, 0))), "Russian "),
                change(Some(((9, 0), (9, 0))), "!"),
            ],
            Encoding::Utf8,
        );
        assert_eq!(doc.text, "😀 has 40,000\nRussian convicts\n!");
        doc.apply(vec![change(None, "new")], Encoding::Utf16);
        assert_eq!(doc.text, "new");
    }

    #[test]
    fn paths_and_uris_round_trip() {
        let uri = file_uri(std::path::Path::new("/tmp/a b/ü.md")).unwrap();
        assert_eq!(uri.as_str(), "file:///tmp/a%20b/%C3%BC.md");
        assert_eq!(file_path(&uri), Some(PathBuf::from("/tmp/a b/ü.md")));
        assert_eq!(file_path(&"untitled:Untitled-1".parse().unwrap()), None);
    }
}
