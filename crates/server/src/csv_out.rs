//! CSV downloads: the country table and the facts, with the columns of `orbit scores
//! --format csv` and `orbit facts --format csv`.

use orbit_core::Fact;
use orbit_score::CountryScore;

use crate::error::ApiError;

/// The country table as CSV.
pub fn scores(cards: &[&CountryScore]) -> Result<String, ApiError> {
    let mut w = csv::Writer::from_writer(Vec::new());
    write(
        &mut w,
        [
            "country",
            "name",
            "period",
            "score",
            "index",
            "confidence",
            "n_facts",
            "n_sources",
            "change",
        ],
    )?;
    let num = |x: Option<f64>| x.map(|v| format!("{v:.3}")).unwrap_or_default();
    for c in cards {
        write(
            &mut w,
            [
                c.country.clone(),
                cell(&c.name),
                c.period.key.clone(),
                c.score.map(|s| s.to_string()).unwrap_or_default(),
                num(c.index),
                format!("{:.3}", c.confidence),
                c.n_facts.to_string(),
                c.n_sources.to_string(),
                num(c.change),
            ],
        )?;
    }
    finish(w)
}

/// Facts as CSV.
pub fn facts(facts: &[Fact]) -> Result<String, ApiError> {
    let mut w = csv::Writer::from_writer(Vec::new());
    write(
        &mut w,
        [
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
        ],
    )?;
    let opt = |o: &Option<String>| o.as_deref().map(cell).unwrap_or_default();
    for f in facts {
        write(
            &mut w,
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
                cell(&f.text),
                f.span[0].to_string(),
                f.span[1].to_string(),
                opt(&f.lang),
            ],
        )?;
    }
    finish(w)
}

/// A text cell from article text, made inert for spreadsheets: a cell that starts like a
/// formula (`=`, `+`, `-`, `@`, tab, carriage return) gets a leading apostrophe, so a
/// downloaded file cannot run `=HYPERLINK(...)` when opened (OWASP "CSV injection").
pub fn cell(text: &str) -> String {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text.to_string()
    }
}

fn write<I, T>(w: &mut csv::Writer<Vec<u8>>, record: I) -> Result<(), ApiError>
where
    I: IntoIterator<Item = T>,
    T: AsRef<[u8]>,
{
    w.write_record(record)
        .map_err(|e| ApiError::internal(format!("CSV could not be written: {e}")))
}

fn finish(w: csv::Writer<Vec<u8>>) -> Result<String, ApiError> {
    let bytes = w
        .into_inner()
        .map_err(|e| ApiError::internal(format!("CSV could not be written: {e}")))?;
    String::from_utf8(bytes).map_err(|e| ApiError::internal(format!("CSV is not UTF-8: {e}")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formula_cells_are_made_inert() {
        assert_eq!(cell("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        assert_eq!(cell("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(cell("Mali's junta"), "Mali's junta");
    }
}
