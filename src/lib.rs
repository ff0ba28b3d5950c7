//! numcheck: catches numeric discrepancies in prose before it is published.
//!
//! The pipeline, one module a stage, data flowing one way: [`load`] reads a
//! document, [`extract`] finds its quantities, [`bind`] ties them to the
//! facts of [`facts`] (rules.toml), the [`checks`] turn disagreements into
//! [`diagnostic`]s, [`suppress`] drops those a writer silenced, and
//! [`emit`] writes them. [`engine`] drives one
//! document through it; [`discover`] and [`walk`] find rules and files.

pub mod apply;
pub mod baseline;
pub mod bind;
pub mod checks;
pub mod config;
pub mod consensus;
pub mod coverage;
pub mod diagnostic;
pub mod discover;
pub mod emit;
pub mod engine;
pub mod error;
pub mod extract;
pub mod facts;
pub mod listing;
pub mod load;
pub mod lsp;
pub mod prose;
pub mod source;
pub mod stream;
pub mod suppress;
pub mod time;
pub mod walk;
