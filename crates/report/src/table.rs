//! The flat tables: one row per country score, one row per fact. `orbit scores --format csv`,
//! `orbit facts --format csv` and the dashboard's CSV downloads all write these columns.

use orbit_core::Fact;
use orbit_score::CountryScore;

/// The columns of a country-score row.
pub const SCORE_COLUMNS: [&str; 9] = [
    "country",
    "name",
    "period",
    "score",
    "index",
    "confidence",
    "n_facts",
    "n_sources",
    "change",
];

/// One country score as [`SCORE_COLUMNS`]; `text` writes the free-text cells (the name), so a
/// download can make them inert for spreadsheets.
pub fn score_row(c: &CountryScore, text: impl Fn(&str) -> String) -> [String; 9] {
    let num = |x: Option<f64>| x.map(|v| format!("{v:.3}")).unwrap_or_default();
    [
        c.country.clone(),
        text(&c.name),
        c.period.key.clone(),
        c.score.map(|s| s.to_string()).unwrap_or_default(),
        num(c.index),
        format!("{:.3}", c.confidence),
        c.n_facts.to_string(),
        c.n_sources.to_string(),
        num(c.change),
    ]
}

/// The columns of a fact row.
pub const FACT_COLUMNS: [&str; 21] = [
    "id",
    "article_id",
    "url",
    "source",
    "published",
    "event_date",
    "country",
    "counterpart",
    "bloc",
    "direction",
    "stance",
    "category",
    "event_type",
    "hedged",
    "negated",
    "weight",
    "text",
    "span_start",
    "span_end",
    "lang",
    "actor",
];

/// One fact as [`FACT_COLUMNS`]; `text` writes the free-text cells (URL, source, sentence,
/// language).
pub fn fact_row(f: &Fact, text: impl Fn(&str) -> String) -> [String; 21] {
    let opt = |o: &Option<String>| o.as_deref().map(&text).unwrap_or_default();
    [
        f.id.to_string(),
        f.article_id.to_string(),
        opt(&f.url),
        opt(&f.source),
        f.published.map(|d| d.to_string()).unwrap_or_default(),
        f.event_date.map(|d| d.to_string()).unwrap_or_default(),
        f.country.clone(),
        f.counterpart.clone(),
        f.bloc.to_string(),
        f.direction.to_string(),
        f.stance.to_string(),
        f.category.to_string(),
        f.event_type.to_string(),
        f.hedged.to_string(),
        f.negated.to_string(),
        format!("{:.3}", f.weight),
        text(&f.text),
        f.span[0].to_string(),
        f.span[1].to_string(),
        opt(&f.lang),
        f.actor.to_string(),
    ]
}
