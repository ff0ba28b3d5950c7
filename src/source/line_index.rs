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
    /// Every [`MARK_EVERY`] bytes or so, how many chars and UTF-16 units
    /// precede the mark, so that a column is counted from the nearest mark
    /// and not from the line's start: on a line of megabytes, counting
    /// from its start for every finding is quadratic.
    marks: Vec<Mark>,
}

/// A char boundary and the text's chars and UTF-16 units before it.
#[derive(Debug, Clone, Copy)]
struct Mark {
    byte: usize,
    chars: usize,
    utf16: usize,
}

/// How far apart marks are: a column costs at most this many bytes' count.
const MARK_EVERY: usize = 4096;

impl LineIndex {
    pub fn new(text: &str) -> LineIndex {
        let mut starts = vec![0];
        starts.extend(memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i + 1));
        let mut marks = vec![Mark {
            byte: 0,
            chars: 0,
            utf16: 0,
        }];
        let mut at = 0;
        while at + MARK_EVERY < text.len() {
            let mut next = at + MARK_EVERY;
            while !text.is_char_boundary(next) {
                next += 1;
            }
            let chunk = &text[at..next];
            let last = marks[marks.len() - 1];
            marks.push(Mark {
                byte: next,
                chars: last.chars + chunk.chars().count(),
                utf16: last.utf16 + chunk.chars().map(char::len_utf16).sum::<usize>(),
            });
            at = next;
        }
        LineIndex { starts, marks }
    }

    /// How many chars and UTF-16 units of `text` precede `offset` (a char boundary).
    fn counts_before(&self, text: &str, offset: usize) -> (usize, usize) {
        let i = match self.marks.binary_search_by_key(&offset, |m| m.byte) {
            Ok(i) => i,
            Err(i) => i - 1,
        };
        let mark = self.marks[i];
        let rest = &text[mark.byte..offset];
        (
            mark.chars + rest.chars().count(),
            mark.utf16 + rest.chars().map(char::len_utf16).sum::<usize>(),
        )
    }

    /// The chars and UTF-16 units between `start` and `end` (char boundaries).
    fn counts_between(&self, text: &str, start: usize, end: usize) -> (usize, usize) {
        let (chars_end, utf16_end) = self.counts_before(text, end);
        let (chars_start, utf16_start) = self.counts_before(text, start);
        (chars_end - chars_start, utf16_end - utf16_start)
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
        let column = self.counts_between(text, self.line_start(line), offset).0 + 1;
        LineCol {
            line: line + 1,
            column,
        }
    }

    /// 0-based line and 0-based UTF-16 column, as LSP counts by default.
    pub fn utf16_position(&self, text: &str, offset: usize) -> (usize, usize) {
        let offset = Self::clamp(text, offset);
        let line = self.line_of(offset);
        (
            line,
            self.counts_between(text, self.line_start(line), offset).1,
        )
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
    fn columns_far_along_a_long_line_count_every_char() {
        let text = format!("{}\n{}x", "a".repeat(10), "é😀".repeat(5000));
        let lines = LineIndex::new(&text);
        let x = text.len() - 1;
        assert_eq!(
            lines.line_col(&text, x),
            LineCol {
                line: 2,
                column: 10_001
            }
        );
        assert_eq!(lines.utf16_position(&text, x), (1, 15_000));
        for offset in (0..text.len())
            .filter(|&o| text.is_char_boundary(o))
            .step_by(997)
        {
            let start = lines.line_start(lines.line_of(offset));
            let chars = text[start..offset].chars().count() + 1;
            assert_eq!(lines.line_col(&text, offset).column, chars, "at {offset}");
        }
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
