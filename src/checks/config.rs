//! Errors in rules.toml. They stop the run (exit code 2) and point at the
//! offending TOML, like a compiler error. Their explanations live in the
//! files named after each code.

pub use super::rules_reference::META as RULES_REFERENCE;
pub use super::rules_schema::META as RULES_SCHEMA;
pub use super::rules_syntax::META as RULES_SYNTAX;
pub use super::rules_value::META as RULES_VALUE;
