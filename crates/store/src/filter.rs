//! Turning a [`FactFilter`] into SQL: period bounds, country, and a full-text query that
//! cannot fail to parse.

use orbit_core::Period;
use rusqlite::types::Value;

use crate::FactFilter;

/// A `WHERE` clause (starting with `WHERE`, or empty) and its parameters.
pub(crate) struct Conditions {
    pub sql: String,
    pub args: Vec<Value>,
}

impl Conditions {
    fn new() -> Self {
        Conditions {
            sql: String::new(),
            args: Vec::new(),
        }
    }

    fn push(&mut self, condition: &str, arg: Value) {
        self.sql.push_str(if self.sql.is_empty() {
            " WHERE "
        } else {
            " AND "
        });
        self.sql.push_str(condition);
        self.args.push(arg);
    }
}

/// Conditions on the `facts` table aliased `f`.
pub(crate) fn conditions(filter: &FactFilter) -> Conditions {
    let mut c = Conditions::new();
    if let Some(country) = &filter.country {
        c.push("f.country = ?", Value::Text(country.clone()));
    }
    if let Some(period) = &filter.period {
        push_period(&mut c, period);
    }
    if let Some(terms) = filter.query.as_deref().and_then(fts_match_expression) {
        c.push(
            "f.id IN (SELECT rowid FROM facts_fts WHERE facts_fts MATCH ?)",
            Value::Text(terms),
        );
    }
    c
}

/// Conditions keeping only facts dated wholly inside `period` (the rule of
/// [`Period::contains`]): a fact dated "2024" is not evidence for June 2024. Undated facts
/// fail any bound (`NULL >= x` is not true), so they are kept only by an unbounded period.
pub(crate) fn period_conditions(period: &Period) -> Conditions {
    let mut c = Conditions::new();
    push_period(&mut c, period);
    c
}

fn push_period(c: &mut Conditions, period: &Period) {
    if let Some(from) = period.from {
        c.push("f.date_from >= ?", Value::Text(from.to_string()));
    }
    if let Some(to) = period.to {
        c.push("f.date_to <= ?", Value::Text(to.to_string()));
        // Implied by the line above (a fact's first day is never after its last day), but it
        // bounds the index range on date_from: without it, June 2024 reads every fact dated
        // from June 2024 on, to the end of the data, only to drop those that end after June.
        c.push("f.date_from <= ?", Value::Text(to.to_string()));
    }
}

/// An FTS5 query that matches facts containing every word of `query`, whatever it holds.
///
/// A user's search box is not FTS5 syntax: `"unbalanced AND (` would be a syntax error. So each
/// whitespace-separated word becomes a quoted string (quotes inside doubled), and the strings
/// are joined by spaces, which FTS5 reads as AND. Words with no letter or digit (`(`, `-`,
/// `"`) can never match a token, so they are dropped rather than make the whole query match
/// nothing. `None` when no word is left: the query does not restrict the facts.
pub(crate) fn fts_match_expression(query: &str) -> Option<String> {
    let terms: Vec<String> = query
        .split_whitespace()
        .filter(|word| word.chars().any(char::is_alphanumeric))
        .map(|word| format!("\"{}\"", word.replace('"', "\"\"")))
        .collect();
    (!terms.is_empty()).then(|| terms.join(" "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_every_word_and_drops_punctuation() {
        assert_eq!(
            fts_match_expression("Wagner  mercenaries").as_deref(),
            Some(r#""Wagner" "mercenaries""#)
        );
        assert_eq!(
            fts_match_expression(r#""unbalanced AND ("#).as_deref(),
            Some(r#""""unbalanced" "AND""#)
        );
        assert_eq!(
            fts_match_expression("NEAR(a b) col:x*").as_deref(),
            Some(r#""NEAR(a" "b)" "col:x*""#)
        );
    }

    #[test]
    fn a_query_without_words_does_not_filter() {
        assert_eq!(fts_match_expression(""), None);
        assert_eq!(fts_match_expression("  ( \" - "), None);
    }

    #[test]
    fn period_bounds_become_iso_comparisons() {
        let c = period_conditions(&Period::parse("2024-06").unwrap());
        assert_eq!(
            c.sql,
            " WHERE f.date_from >= ? AND f.date_to <= ? AND f.date_from <= ?"
        );
        assert_eq!(
            c.args,
            [
                Value::Text("2024-06-01".into()),
                Value::Text("2024-06-30".into()),
                Value::Text("2024-06-30".into())
            ]
        );
        assert!(period_conditions(&Period::all()).sql.is_empty());
    }
}
