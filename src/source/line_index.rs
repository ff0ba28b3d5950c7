//! Byte offsets ↔ lines and columns, in the three column units the outputs
//! need: Unicode scalar values (human, short, json, SARIF, GitHub), UTF-16
//! code units (LSP's default) and bytes (LSP when UTF-8 is negotiated).

/// A 1-based line and a 1-based column counted in Unicode scalar values.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct LineCol {
    pub line: usize,
    pub column: usize,
}

/// The offsets at which lines start. A line ends at `\n`; a `\r` before it
/// belongs to the line break, not to the line's columns.
#[derive(Debug, Clone)]
pub struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    pub fn new(text: &str) -> LineIndex {
        let mut starts = vec![0];
        starts.extend(memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i + 1));
        LineIndex { starts }
    }

    pub fn line_count(&self) -> usize {
        self.starts.len()
    }

    /// The 0-based line holding `offset`; offsets past the end are on the last line.
    pub fn line_of(&self, offset: usize) -> usize {
        match self.starts.binary_search(&offset) {
            Ok(i) => i,
            Err(i) => i - 1,
        }
    }

    /// The byte range of a 0-based line, without its line break.
    pub fn line_range(&self, line: usize, text_len: usize) -> Option<std::ops::Range<usize>> {
        let start = *self.starts.get(line)?;
        let end = self.starts.get(line + 1).map_or(text_len, |&next| next);
        Some(start..end)
    }

    fn line_start(&self, line: usize) -> usize {
        self.starts[line]
    }

    /// Clamps `offset` into the text and back onto a char boundary.
    fn clamp(text: &str, offset: usize) -> usize {
        let mut offset = offset.min(text.len());
        while !text.is_char_boundary(offset) {
            offset -= 1;
        }
        offset
    }

    pub fn line_col(&self, text: &str, offset: usize) -> LineCol {
        let offset = Self::clamp(text, offset);
        let line = self.line_of(offset);
        let column = text[self.line_start(line)..offset].chars().count() + 1;
        LineCol {
            line: line + 1,
            column,
        }
    }

    /// 0-based line and 0-based UTF-16 column, as LSP counts by default.
    pub fn utf16_position(&self, text: &str, offset: usize) -> (usize, usize) {
        let offset = Self::clamp(text, offset);
        let line = self.line_of(offset);
        let col = text[self.line_start(line)..offset]
            .chars()
            .map(char::len_utf16)
            .sum();
        (line, col)
    }

    /// 0-based line and 0-based byte column (LSP's `utf-8` position encoding).
    pub fn utf8_position(&self, text: &str, offset: usize) -> (usize, usize) {
        let offset = Self::clamp(text, offset);
        let line = self.line_of(offset);
        (line, offset - self.line_start(line))
    }

    /// The byte offset of a 0-based line and UTF-16 column; positions past a
    /// line's end snap to its end, as LSP requires.
    pub fn offset_of_utf16(&self, text: &str, line: usize, col: usize) -> usize {
        let Some(range) = self.line_range(line, text.len()) else {
            return text.len();
        };
        let line_text = text[range.clone()].trim_end_matches(['\n', '\r']);
        let mut units = 0;
        for (i, c) in line_text.char_indices() {
            if units >= col {
                return range.start + i;
            }
            units += c.len_utf16();
        }
        range.start + line_text.len()
    }

    /// The byte offset of a 0-based line and byte column, snapped to the
    /// line's end and to a char boundary.
    pub fn offset_of_utf8(&self, text: &str, line: usize, col: usize) -> usize {
        let Some(range) = self.line_range(line, text.len()) else {
            return text.len();
        };
        let line_len = text[range.clone()].trim_end_matches(['\n', '\r']).len();
        Self::clamp(text, range.start + col.min(line_len))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_count_chars_utf16_and_bytes() {
        let text = "ab\n“x” 😀 40,000\r\nlast";
        let idx = LineIndex::new(text);
        let off = text.find("40,000").unwrap();
        assert_eq!(idx.line_col(text, off), LineCol { line: 2, column: 7 });
        // “ and ” are one UTF-16 unit each, the emoji two.
        assert_eq!(idx.utf16_position(text, off), (1, 7));
        assert_eq!(idx.utf8_position(text, off), (1, 13));
        assert_eq!(idx.offset_of_utf16(text, 1, 7), off);
        assert_eq!(idx.offset_of_utf8(text, 1, 13), off);
        assert_eq!(
            idx.line_col(text, text.len()),
            LineCol { line: 3, column: 5 }
        );
    }

    #[test]
    fn positions_past_the_end_snap() {
        let text = "one\r\ntwo";
        let idx = LineIndex::new(text);
        assert_eq!(idx.offset_of_utf16(text, 0, 99), 3);
        assert_eq!(idx.offset_of_utf16(text, 9, 0), text.len());
        assert_eq!(idx.line_col(text, 999), LineCol { line: 2, column: 4 });
    }

    #[test]
    fn offsets_inside_a_char_are_clamped_back() {
        let text = "é1";
        let idx = LineIndex::new(text);
        assert_eq!(idx.line_col(text, 1), LineCol { line: 1, column: 1 });
        assert_eq!(idx.offset_of_utf8(text, 0, 1), 0);
    }
}
