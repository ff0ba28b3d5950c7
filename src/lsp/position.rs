//! Byte offsets ↔ LSP positions, in the encoding the client and server
//! agreed on: UTF-16 code units unless the client offers UTF-8.

use lsp_types::{Position, PositionEncodingKind, Range};

use crate::source::{LineIndex, SourceFile, Span};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Encoding {
    Utf16,
    Utf8,
}

impl Encoding {
    /// UTF-8 when the client offers it (no conversion, and what numcheck's
    /// spans already are); else UTF-16, which every client must accept.
    pub fn negotiate(offered: Option<&[PositionEncodingKind]>) -> Encoding {
        match offered {
            Some(kinds) if kinds.contains(&PositionEncodingKind::UTF8) => Encoding::Utf8,
            _ => Encoding::Utf16,
        }
    }

    pub fn kind(self) -> PositionEncodingKind {
        match self {
            Encoding::Utf16 => PositionEncodingKind::UTF16,
            Encoding::Utf8 => PositionEncodingKind::UTF8,
        }
    }

    pub fn position(self, lines: &LineIndex, text: &str, offset: usize) -> Position {
        let (line, col) = match self {
            Encoding::Utf16 => lines.utf16_position(text, offset),
            Encoding::Utf8 => lines.utf8_position(text, offset),
        };
        Position::new(saturate(line), saturate(col))
    }

    pub fn range(self, lines: &LineIndex, text: &str, span: Span) -> Range {
        Range::new(
            self.position(lines, text, span.start),
            self.position(lines, text, span.end),
        )
    }

    /// A span of `file`, as a range.
    pub fn file_range(self, file: &SourceFile, span: Span) -> Range {
        self.range(file.lines(), file.text(), span)
    }

    /// The byte offset of a position; positions past a line's end or the
    /// text's end snap to them, as the protocol asks.
    pub fn offset(self, lines: &LineIndex, text: &str, p: Position) -> usize {
        let (line, col) = (p.line as usize, p.character as usize);
        match self {
            Encoding::Utf16 => lines.offset_of_utf16(text, line, col),
            Encoding::Utf8 => lines.offset_of_utf8(text, line, col),
        }
    }
}

fn saturate(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn emoji_count_two_units_in_utf16_and_four_bytes_in_utf8() {
        let text = "😀 “80,000” 😀\n";
        let lines = LineIndex::new(text);
        let at = text.find("80,000").unwrap();
        assert_eq!(
            Encoding::Utf16.position(&lines, text, at),
            Position::new(0, 4)
        );
        assert_eq!(
            Encoding::Utf8.position(&lines, text, at),
            Position::new(0, 8)
        );
        for enc in [Encoding::Utf16, Encoding::Utf8] {
            let p = enc.position(&lines, text, at);
            assert_eq!(enc.offset(&lines, text, p), at);
        }
    }

    #[test]
    fn the_client_chooses_utf8_only_by_offering_it() {
        assert_eq!(Encoding::negotiate(None), Encoding::Utf16);
        assert_eq!(
            Encoding::negotiate(Some(&[
                PositionEncodingKind::UTF16,
                PositionEncodingKind::UTF8
            ])),
            Encoding::Utf8
        );
        assert_eq!(
            Encoding::negotiate(Some(&[PositionEncodingKind::UTF32])),
            Encoding::Utf16
        );
    }
}
