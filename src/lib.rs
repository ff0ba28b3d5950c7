//! numcheck: catches numeric discrepancies in prose before it is published.
//!
//! The pipeline, one module a stage: [`load`] a document's prose, [`extract`]
//! its quantities, [`bind`] them to the facts of [`facts`], run the
//! [`checks`], and [`emit`] the diagnostics. [`engine`] drives it.

pub mod extract;
pub mod prose;
pub mod source;
