//! orbit-report
