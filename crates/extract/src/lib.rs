//! orbit-extract
