//! orbit-store
