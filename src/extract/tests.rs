//! Table-driven extraction tests.
