//! CSV downloads: the country table and the facts, with the columns of `orbit scores
//! --format csv` and `orbit facts --format csv`.

use orbit_core::Fact;
use orbit_report::table;
use orbit_score::CountryScore;

use crate::error::ApiError;

/// The country table as CSV.
pub fn scores(cards: &[&CountryScore]) -> Result<String, ApiError> {
    let mut w = csv::Writer::from_writer(Vec::new());
    write(&mut w, table::SCORE_COLUMNS)?;
    for c in cards {
        write(&mut w, table::score_row(c, cell))?;
    }
    finish(w)
}

/// Facts as CSV.
pub fn facts(facts: &[Fact]) -> Result<String, ApiError> {
    let mut w = csv::Writer::from_writer(Vec::new());
    write(&mut w, table::FACT_COLUMNS)?;
    for f in facts {
        write(&mut w, table::fact_row(f, cell))?;
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
