//! Sentence boundaries over a token stream.
//!
//! A sentence ends at `.`, `!` or `?` (with any closing quotes) before a
//! capital, a digit or a line break, unless the full stop closes an
//! abbreviation or an initial; at a blank line; and at a line break unless
//! the next line starts in lower case (a hard-wrapped sentence).

use super::token::{Gap, Tok, Token};
use super::words;

/// A sentence never holds more tokens than this: past it, the text is not
/// prose and is cut so that work per sentence stays bounded.
pub const MAX_SENTENCE_TOKENS: usize = 400;

/// Token index ranges of the sentences in `tokens`.
pub fn sentences(text: &str, tokens: &[Token]) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    for i in 1..=tokens.len() {
        let cut = i == tokens.len()
            || i - start >= MAX_SENTENCE_TOKENS
            || boundary_before(text, tokens, i);
        if cut {
            if start < i {
                out.push(start..i);
            }
            start = i;
        }
    }
    out
}

fn boundary_before(text: &str, tokens: &[Token], i: usize) -> bool {
    let next = &tokens[i];
    match next.gap {
        Gap::Paragraph => return true,
        Gap::Newline if !starts_lowercase(text, next) || ends_sentence(text, tokens, i) => {
            return true;
        }
        Gap::None => return glued(text, tokens, i),
        _ => {}
    }
    ends_sentence(text, tokens, i) && starts_sentence(text, next)
}

/// "…run out on Thursday morning.The vessel lost…": a sentence glued to the
/// stop before it, as pasted copy often is. Only a word in lower case (or a
/// bracket or quote) before the stop and a capitalised word in lower case
/// after it: "U.S.Navy", "St.John's", "bbc.co.uk" and "v2.Final" stay whole.
fn glued(text: &str, tokens: &[Token], i: usize) -> bool {
    // Most tokens with no gap before them follow no stop: test that first.
    if i < 2 || !matches!(tokens[i - 1].kind, Tok::Punct('.' | '!' | '?')) {
        return false;
    }
    let next = &tokens[i];
    let mut chars = next.text(text).chars();
    let capitalised = next.kind == Tok::Word
        && chars.next().is_some_and(char::is_uppercase)
        && !chars.as_str().is_empty()
        && chars.all(char::is_lowercase);
    if !capitalised {
        return false;
    }
    let before = &tokens[i - 2];
    let word = before.text(text);
    let closes = matches!(before.kind, Tok::Punct(')' | '"' | '”' | '’'));
    let lower_word = before.kind == Tok::Word
        && word.chars().nth(1).is_some()
        && word.chars().all(char::is_lowercase);
    (closes || lower_word) && ends_sentence(text, tokens, i)
}

/// Whether the tokens before `i` end with a sentence-final mark.
fn ends_sentence(text: &str, tokens: &[Token], i: usize) -> bool {
    let mut j = i;
    while j > 0
        && matches!(
            tokens[j - 1].kind,
            Tok::Punct('"' | '”' | '’' | '\'' | ')' | ']')
        )
    {
        j -= 1;
    }
    if j == 0 {
        return false;
    }
    match tokens[j - 1].kind {
        Tok::Punct('!' | '?' | '…') => true,
        Tok::Punct('.') => {
            let Some(prev) = j.checked_sub(2).map(|k| &tokens[k]) else {
                return true;
            };
            if prev.end != tokens[j - 1].start {
                return true;
            }
            let word = prev.text(text);
            // "at 7 a.m. Eastern time": a clock time, not a sentence's end.
            let clock = word.eq_ignore_ascii_case("m")
                && j >= 4
                && tokens[j - 3].kind == Tok::Punct('.')
                && ["a", "p"]
                    .iter()
                    .any(|x| tokens[j - 4].text(text).eq_ignore_ascii_case(x));
            !(prev.kind == Tok::Word && (words::is_abbreviation(word) || is_initial(word) || clock))
        }
        _ => false,
    }
}

fn is_initial(word: &str) -> bool {
    let mut chars = word.chars();
    matches!((chars.next(), chars.next()), (Some(c), None) if c.is_uppercase())
}

fn starts_lowercase(text: &str, t: &Token) -> bool {
    t.text(text).chars().next().is_some_and(char::is_lowercase)
}

fn starts_sentence(text: &str, t: &Token) -> bool {
    match t.kind {
        Tok::Word | Tok::AlNum => t.text(text).chars().next().is_some_and(char::is_uppercase),
        Tok::Num => true,
        Tok::Punct(c) => matches!(c, '"' | '“' | '‘' | '\'' | '(' | '[' | '$' | '£' | '€'),
        Tok::Url => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::prose::token::Tokenizer;

    fn split(text: &str) -> Vec<&str> {
        let tokens: Vec<Token> = Tokenizer::new(text, 0, text.len()).collect();
        sentences(text, &tokens)
            .into_iter()
            .map(|r| &text[tokens[r.start].start..tokens[r.end - 1].end])
            .collect()
    }

    #[test]
    fn abbreviations_and_initials_do_not_end_sentences() {
        assert_eq!(
            split(
                "Mr. Kirby said Dec. 22 that Vladimir V. Putin and the U.S. agree. Wagner has 50,000."
            ),
            vec![
                "Mr. Kirby said Dec. 22 that Vladimir V. Putin and the U.S. agree.",
                "Wagner has 50,000."
            ]
        );
    }

    #[test]
    fn quotes_close_sentences_and_lines_split_headlines() {
        assert_eq!(
            split("He said “it is fake.” Then left.\nA headline\nNext line\nand its wrap."),
            vec![
                "He said “it is fake.”",
                "Then left.",
                "A headline",
                "Next line\nand its wrap."
            ]
        );
    }

    #[test]
    fn page_references_do_not_split() {
        assert_eq!(
            split("See pp. 12-14 and p. 3 of the report. It is long."),
            vec!["See pp. 12-14 and p. 3 of the report.", "It is long."]
        );
    }

    #[test]
    fn a_sentence_glued_to_the_stop_before_it_is_split() {
        assert_eq!(
            split("It ran out on Thursday (in India).The crew lost contact.It ended."),
            vec![
                "It ran out on Thursday (in India).",
                "The crew lost contact.",
                "It ended."
            ]
        );
        assert_eq!(
            split("The U.S.Navy and St.John's port, see bbc.co.uk.Then v2.Final."),
            vec![
                "The U.S.Navy and St.John's port, see bbc.co.uk.",
                "Then v2.Final."
            ]
        );
    }

    #[test]
    fn decimals_do_not_split() {
        assert_eq!(
            split("It rose 1.2 per cent. Then fell."),
            vec!["It rose 1.2 per cent.", "Then fell."]
        );
    }
}
