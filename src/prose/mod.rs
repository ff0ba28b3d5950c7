//! Prose as tokens and sentences, shared by extraction and binding.

mod inflect;
mod sentence;
mod stem;
mod token;
pub mod words;

pub use inflect::{derived_verb, forms_of, nouns_of, verb, verb_base};
pub use sentence::{MAX_SENTENCE_TOKENS, sentences};
pub use stem::{stem, stem_into};
pub use token::{Gap, Tok, Token, Tokenizer, tokenize_into};

use crate::source::Span;

/// The words of `text[span]` as a reader sees them: Markdown escapes
/// dropped, and each run of spaces or line breaks (what blanked markup
/// leaves between words) one space.
pub fn words_at(text: &str, span: Span) -> String {
    text.get(span.range())
        .unwrap_or_default()
        .replace('\\', "")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}
