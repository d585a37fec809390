//! orbit's benchmark: the synthetic corpus it ingests ([`corpus`]) and the measurement of
//! the processes it runs ([`measure`]). `scripts/bench` is the entry point; see
//! docs/performance.md.

pub mod corpus;
pub mod measure;
