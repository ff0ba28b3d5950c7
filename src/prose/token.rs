//! A tokenizer for news prose: words, numbers, mixed letter-digit tokens,
//! URLs and single punctuation characters, each with the byte span it came
//! from and what separated it from the token before.
//!
//! It never backtracks more than a few characters, so its cost is linear in
//! the text whatever the input (a million digits in a row is one token).

use super::words;

/// What kind of token.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tok {
    /// Letters, with apostrophes and hyphens inside ("ex-servicemen", "Wagner’s").
    Word,
    /// Digits with thousands separators and one decimal point ("40,000", "1.2").
    Num,
    /// Digits and letters run together ("100m", "21st", "G7", "1980s", "A380").
    AlNum,
    /// A URL or e-mail address, never read for quantities.
    Url,
    /// Any other single character.
    Punct(char),
}

/// What came between a token and the one before it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Gap {
    /// Nothing: the two touch ("F-16", "$100").
    None,
    /// Spaces or tabs on the same line.
    Space,
    /// One line break.
    Newline,
    /// A blank line: a paragraph break.
    Paragraph,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    pub start: usize,
    pub end: usize,
    pub kind: Tok,
    pub gap: Gap,
}

impl Token {
    pub fn text<'t>(&self, text: &'t str) -> &'t str {
        &text[self.start..self.end]
    }

    pub fn is_punct(&self, c: char) -> bool {
        self.kind == Tok::Punct(c)
    }

    pub fn is_word(&self) -> bool {
        self.kind == Tok::Word
    }
}

/// Tokens of `text[from..to]`, in order.
pub struct Tokenizer<'a> {
    text: &'a str,
    bytes: &'a [u8],
    pos: usize,
    end: usize,
}

impl<'a> Tokenizer<'a> {
    pub fn new(text: &'a str, from: usize, to: usize) -> Tokenizer<'a> {
        Tokenizer {
            text,
            bytes: text.as_bytes(),
            pos: from,
            end: to,
        }
    }

    fn char_at(&self, i: usize) -> Option<char> {
        if i >= self.end {
            return None;
        }
        let b = self.bytes[i];
        if b < 0x80 {
            Some(b as char)
        } else {
            self.text[i..self.end].chars().next()
        }
    }

    fn skip_space(&mut self) -> Gap {
        let mut newlines = 0;
        let mut any = false;
        while self.pos < self.end && self.bytes[self.pos] == b' ' {
            any = true;
            self.pos += 1;
        }
        while let Some(c) = self.char_at(self.pos) {
            if c == '\n' {
                newlines += 1;
            } else if !c.is_whitespace() {
                break;
            }
            any = true;
            self.pos += c.len_utf8();
        }
        match (any, newlines) {
            (false, _) => Gap::None,
            (true, 0) => Gap::Space,
            (true, 1) => Gap::Newline,
            _ => Gap::Paragraph,
        }
    }

    fn is_digit(&self, i: usize) -> bool {
        i < self.end && self.bytes[i].is_ascii_digit()
    }

    fn digits_from(&self, mut i: usize) -> usize {
        while self.is_digit(i) {
            i += 1;
        }
        i
    }

    /// Digits, then `,ddd` or thin/no-break-space `ddd` groups, then `.d+`.
    fn scan_number(&self, start: usize) -> (usize, Tok) {
        let mut i = self.digits_from(start);
        let lead = i - start;
        if lead <= 3 {
            loop {
                let (sep_len, ok) = match self.char_at(i) {
                    Some(',') => (1, true),
                    Some('\u{a0}' | '\u{202f}' | '\u{2009}') => {
                        (self.char_at(i).map_or(1, char::len_utf8), true)
                    }
                    _ => (0, false),
                };
                if !ok {
                    break;
                }
                let group = i + sep_len;
                if self.digits_from(group) == group + 3 {
                    i = group + 3;
                } else {
                    break;
                }
            }
        }
        if self.char_at(i) == Some('.') && self.is_digit(i + 1) {
            i = self.digits_from(i + 1);
            // "1.2.3": a version or a date, never a quantity.
            if self.char_at(i) == Some('.') && self.is_digit(i + 1) {
                while self.char_at(i) == Some('.') && self.is_digit(i + 1) {
                    i = self.digits_from(i + 1);
                }
                return (i, Tok::AlNum);
            }
        }
        // "2½": a vulgar fraction glued to plain digits is part of the number.
        if i == start + lead
            && let Some(c @ ('½' | '¼' | '¾')) = self.char_at(i)
        {
            i += c.len_utf8();
        }
        if self.char_at(i).is_some_and(char::is_alphabetic) {
            return (self.scan_alnum(i), Tok::AlNum);
        }
        (i, Tok::Num)
    }

    fn scan_alnum(&self, mut i: usize) -> usize {
        while let Some(c) = self.char_at(i) {
            if c.is_alphanumeric() {
                i += c.len_utf8();
            } else {
                break;
            }
        }
        i
    }

    /// Letters and digits; an apostrophe or hyphen joins two letters.
    fn scan_word(&self, start: usize) -> (usize, Tok) {
        let mut i = start;
        let mut digits = false;
        loop {
            // Most of a word is ASCII letters: no decoding for them.
            while i < self.end && self.bytes[i].is_ascii_alphabetic() {
                i += 1;
            }
            let Some(c) = self.char_at(i) else {
                break;
            };
            if c.is_alphabetic() {
                i += c.len_utf8();
            } else if c.is_ascii_digit() {
                // "$US3.6 million", "Rp3.8 billion", "RM5.47": a currency
                // written onto its amount is a word of its own.
                let glued_currency = !digits
                    && (start > 0 && self.bytes[start - 1] == b'$'
                        || words::is_glued_currency(&self.text[start..i]));
                if glued_currency {
                    break;
                }
                digits = true;
                i += 1;
            } else if matches!(c, '\'' | '’' | '-' | '‑')
                && self
                    .char_at(i + c.len_utf8())
                    .is_some_and(char::is_alphabetic)
                && self.text[..i]
                    .chars()
                    .next_back()
                    .is_some_and(char::is_alphabetic)
            {
                i += c.len_utf8();
            } else {
                break;
            }
        }
        (i, if digits { Tok::AlNum } else { Tok::Word })
    }

    /// Whether a word can be a URL's start: "http", "https", "www", or
    /// glued to an "@".
    fn may_be_url(&self, start: usize, word_end: usize) -> bool {
        let len = word_end - start;
        matches!(len, 3..=5) || self.bytes.get(word_end) == Some(&b'@')
    }

    fn url_end(&self, start: usize, word_end: usize) -> Option<usize> {
        let word = &self.text[start..word_end];
        let rest = &self.text[word_end..self.end];
        let is_url = (word.eq_ignore_ascii_case("http") || word.eq_ignore_ascii_case("https"))
            && rest.starts_with("://")
            || word.eq_ignore_ascii_case("www") && rest.starts_with('.')
            || rest.starts_with('@') && rest[1..].chars().next().is_some_and(char::is_alphanumeric);
        if !is_url {
            return None;
        }
        let tail = rest
            .find(|c: char| c.is_whitespace() || matches!(c, '<' | '>' | '"' | '”' | ')' | ']'))
            .unwrap_or(rest.len());
        // A sentence's full stop or comma after a URL is not part of it.
        let trimmed = rest[..tail].trim_end_matches(['.', ',', ';', ':', '!', '?']);
        Some(word_end + trimmed.len())
    }
}

impl Iterator for Tokenizer<'_> {
    type Item = Token;

    fn next(&mut self) -> Option<Token> {
        let gap = self.skip_space();
        let start = self.pos;
        let c = self.char_at(start)?;
        let (end, kind) = if c.is_ascii_digit() {
            self.scan_number(start)
        } else if c.is_alphabetic() {
            let (end, kind) = self.scan_word(start);
            let url = if self.may_be_url(start, end) {
                self.url_end(start, end)
            } else {
                None
            };
            match url {
                Some(url_end) => (url_end, Tok::Url),
                None if kind == Tok::Word => {
                    (number_compound_cut(&self.text[start..end]) + start, kind)
                }
                None => (end, kind),
            }
        } else {
            (start + c.len_utf8(), Tok::Punct(c))
        };
        self.pos = end;
        Some(Token {
            start,
            end,
            kind,
            gap,
        })
    }
}

/// Where a hyphenated word splits into a number word and what it measures,
/// so "two-year-old", "ten-month" and "million-strong" read like
/// "2-year-old", "10-month" and "1,000-strong": the length of the number
/// part, or the whole word's length if it is no such compound.
/// "twenty-five" and "two-thirds" stay whole.
fn number_compound_cut(word: &str) -> usize {
    if word.is_ascii() && !word.as_bytes().contains(&b'-') {
        return word.len();
    }
    for (h, ch) in word.char_indices().filter(|&(_, c)| matches!(c, '-' | '‑')) {
        let rest = &word[h + ch.len_utf8()..];
        let unit = rest.split(['-', '‑']).next().unwrap_or("");
        if words::is_cardinal_word(&word[..h]) && words::is_compound_unit(unit) {
            return h;
        }
    }
    word.len()
}

/// All tokens of `text[from..to]`, appended to `out`.
pub fn tokenize_into(text: &str, from: usize, to: usize, out: &mut Vec<Token>) {
    out.extend(Tokenizer::new(text, from, to));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_apostrophe_after_a_wide_letter_joins_the_word() {
        let text = "Σ'A Đ’s";
        let words: Vec<&str> = kinds(text).into_iter().map(|(w, _)| w).collect();
        assert_eq!(words, ["Σ'A", "Đ’s"]);
    }

    fn kinds(text: &str) -> Vec<(&str, Tok)> {
        Tokenizer::new(text, 0, text.len())
            .map(|t| (t.text(text), t.kind))
            .collect()
    }

    #[test]
    fn numbers_words_and_mixed() {
        assert_eq!(
            kinds("Wagner’s 40,000 ex-servicemen, 1.2bn F-16 G7 1,000-strong"),
            vec![
                ("Wagner’s", Tok::Word),
                ("40,000", Tok::Num),
                ("ex-servicemen", Tok::Word),
                (",", Tok::Punct(',')),
                ("1.2bn", Tok::AlNum),
                ("F", Tok::Word),
                ("-", Tok::Punct('-')),
                ("16", Tok::Num),
                ("G7", Tok::AlNum),
                ("1,000", Tok::Num),
                ("-", Tok::Punct('-')),
                ("strong", Tok::Word),
            ]
        );
    }

    #[test]
    fn separators_need_three_digits() {
        assert_eq!(kinds("1,00")[0], ("1", Tok::Num));
        assert_eq!(kinds("12,345,678.9")[0], ("12,345,678.9", Tok::Num));
        assert_eq!(kinds("2014.")[0], ("2014", Tok::Num));
        assert_eq!(kinds("1.2.3 x")[0], ("1.2.3", Tok::AlNum));
        assert_eq!(kinds("50\u{a0}000 x")[0], ("50\u{a0}000", Tok::Num));
        assert_eq!(kinds("2½ years")[0], ("2½", Tok::Num));
        assert_eq!(kinds("1.5½")[0], ("1.5", Tok::Num));
    }

    #[test]
    fn number_words_split_from_what_they_measure() {
        assert_eq!(
            kinds("two-year-old ten-month twenty-five-year-old million-strong"),
            vec![
                ("two", Tok::Word),
                ("-", Tok::Punct('-')),
                ("year-old", Tok::Word),
                ("ten", Tok::Word),
                ("-", Tok::Punct('-')),
                ("month", Tok::Word),
                ("twenty-five", Tok::Word),
                ("-", Tok::Punct('-')),
                ("year-old", Tok::Word),
                ("million", Tok::Word),
                ("-", Tok::Punct('-')),
                ("strong", Tok::Word),
            ]
        );
        for whole in [
            "twenty-five",
            "two-thirds",
            "one-off",
            "two-time",
            "ex-servicemen",
            "year-long",
        ] {
            assert_eq!(kinds(whole), vec![(whole, Tok::Word)], "{whole}");
        }
    }

    #[test]
    fn urls_are_one_token() {
        let toks = kinds("see <https://example.com/2022/12/23/a-b>. Or www.bbc.co.uk, or a@b.com");
        assert_eq!(toks[2], ("https://example.com/2022/12/23/a-b", Tok::Url));
        assert!(toks.contains(&("www.bbc.co.uk", Tok::Url)));
        assert!(toks.contains(&("a@b.com", Tok::Url)));
    }

    #[test]
    fn gaps_record_paragraphs() {
        let text = "a b\nc\n\n d";
        let gaps: Vec<Gap> = Tokenizer::new(text, 0, text.len()).map(|t| t.gap).collect();
        assert_eq!(
            gaps,
            vec![Gap::None, Gap::Space, Gap::Newline, Gap::Paragraph]
        );
    }

    #[test]
    fn a_million_digits_is_one_token() {
        let text = "9".repeat(1_000_000);
        assert_eq!(Tokenizer::new(&text, 0, text.len()).count(), 1);
    }
}
