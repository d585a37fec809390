//! orbit-ingest
