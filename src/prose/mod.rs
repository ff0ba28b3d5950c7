//! Prose as tokens and sentences, shared by extraction and binding.

mod sentence;
mod stem;
mod token;
pub mod words;

pub use sentence::{MAX_SENTENCE_TOKENS, sentences};
pub use stem::{stem, stem_into};
pub use token::{Gap, Tok, Token, Tokenizer, tokenize_into};
