//! Reading tokens of one sentence by index, with bounds checks in one place.

use crate::prose::{Gap, Tok, Token};
use crate::source::Span;

/// The tokens of one sentence: `toks[lo..hi]` of a window's tokens.
pub(crate) struct Cursor<'a> {
    pub text: &'a str,
    pub toks: &'a [Token],
    pub lo: usize,
    pub hi: usize,
}

impl<'a> Cursor<'a> {
    pub fn tok(&self, i: usize) -> Option<&'a Token> {
        (i >= self.lo && i < self.hi).then(|| &self.toks[i])
    }

    pub fn str(&self, i: usize) -> &'a str {
        self.tok(i).map_or("", |t| t.text(self.text))
    }

    /// The text of token `i` if it is a word.
    pub fn word(&self, i: usize) -> Option<&'a str> {
        self.tok(i)
            .filter(|t| t.kind == Tok::Word)
            .map(|t| t.text(self.text))
    }

    /// Whether token `i` is the word `w`, ignoring case.
    pub fn is(&self, i: usize, w: &str) -> bool {
        self.word(i).is_some_and(|x| x.eq_ignore_ascii_case(w))
    }

    /// Whether tokens from `i` are the words of `phrase`, ignoring case.
    pub fn is_seq(&self, i: usize, phrase: &[&str]) -> bool {
        phrase.iter().enumerate().all(|(k, w)| self.is(i + k, w))
    }

    pub fn punct(&self, i: usize, c: char) -> bool {
        self.tok(i).is_some_and(|t| t.kind == Tok::Punct(c))
    }

    pub fn kind(&self, i: usize) -> Option<Tok> {
        self.tok(i).map(|t| t.kind)
    }

    /// Whether token `i` is the colon of a time of day: "10:30", "8:15am".
    pub fn time_colon(&self, i: usize) -> bool {
        let minutes = match self.kind(i + 1) {
            Some(Tok::Num) => true,
            Some(Tok::AlNum) => self.str(i + 1).starts_with(|ch: char| ch.is_ascii_digit()),
            _ => false,
        };
        self.punct(i, ':')
            && self.touches_prev(i)
            && self.touches_prev(i + 1)
            && self.kind(i - 1) == Some(Tok::Num)
            && minutes
    }

    /// Whether token `i` touches the one before it.
    pub fn touches_prev(&self, i: usize) -> bool {
        self.tok(i).is_some_and(|t| t.gap == Gap::None) && i > self.lo
    }

    pub fn span(&self, first: usize, last: usize) -> Span {
        Span::new(self.toks[first].start, self.toks[last].end)
    }

    pub fn starts_upper(&self, i: usize) -> bool {
        self.str(i).chars().next().is_some_and(char::is_uppercase)
    }

    /// Runs `f` on a cursor over the whole of `text`, for tests.
    #[cfg(test)]
    pub fn over<T>(text: &str, f: impl FnOnce(&Cursor, &[Token]) -> T) -> T {
        let toks: Vec<Token> = crate::prose::Tokenizer::new(text, 0, text.len()).collect();
        let c = Cursor {
            text,
            toks: &toks,
            lo: 0,
            hi: toks.len(),
        };
        f(&c, &toks)
    }

    /// Whether token `i` starts a line (list numbering, headings).
    pub fn at_line_start(&self, i: usize) -> bool {
        i == 0 || self.toks[i].gap >= Gap::Newline
    }
}
