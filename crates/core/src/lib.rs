//! orbit's shared domain: dates and periods, articles, facts, and the editable knowledge
//! (gazetteer, event lexicon) every stage reads. Stage crates depend on this one only.

mod date;
mod document;
mod fact;
pub mod gazetteer;
pub mod knowledge;
pub mod lexicon;
mod text;

pub use date::{
    DateMention, DateParseError, FuzzyDate, Period, PeriodKind, PeriodParseError, find_dates,
};
pub use document::{Body, Document, RawArticle};
pub use fact::{
    Actor, Bloc, Category, DateBasis, Direction, EventType, Fact, Lean, MAX_FACT_CHARS, Stance,
};
pub use gazetteer::Gazetteer;
pub use knowledge::{DataError, Knowledge};
pub use lexicon::Lexicon;
pub use text::{Folded, fold, fold_key};
