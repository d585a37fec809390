//! orbit-clean
