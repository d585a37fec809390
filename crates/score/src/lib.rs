//! orbit-score
