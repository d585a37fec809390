//! The index of a set of reports (`report --all --out DIR`): one row per country, strongest
//! lean toward Russia first, linking each country's files — as Markdown and as one
//! self-contained HTML page.

use serde::Serialize;

use crate::Report;
use crate::prose::{interval_level, signed2};
use crate::render::{badge_class, html_page};

/// The reports of one period, ordered for the index.
///
/// ```
/// use orbit_report::Index;
/// let index = Index::new("June '24", Vec::new());
/// assert!(index.to_markdown().starts_with("# Geopolitics in Africa (June '24)"));
/// assert!(index.to_html().contains("<title>Geopolitics in Africa (June &#x27;24)</title>"));
/// ```
pub struct Index {
    period_label: String,
    reports: Vec<Report>,
}

impl Index {
    /// Sorts the reports by index (toward Russia first), then by name.
    pub fn new(period_label: impl Into<String>, mut reports: Vec<Report>) -> Self {
        reports.sort_by(|a, b| {
            b.index
                .unwrap_or(0.0)
                .total_cmp(&a.index.unwrap_or(0.0))
                .then(a.name.cmp(&b.name))
        });
        Index {
            period_label: period_label.into(),
            reports,
        }
    }

    pub fn reports(&self) -> &[Report] {
        &self.reports
    }

    /// `index.md`: a table linking each country's `.md`, `.html` and `.json`.
    pub fn to_markdown(&self) -> String {
        let mut out = format!(
            "# Geopolitics in Africa ({})\n\nScore: 5 = overwhelming alignment with Russia … 1 = with the US/West; 3 = balanced.\n\n\
             | Country | Score | Index | Confidence | Facts | Sources | Read |\n|---|---|---|---|---|---|---|\n",
            self.period_label
        );
        for r in &self.reports {
            out += &format!(
                "| {} | {} | {} | {:.2} | {} | {} | [md]({iso}.md) · [html]({iso}.html) · [json]({iso}.json) |\n",
                r.name,
                r.score.map_or("-".to_string(), |s| s.to_string()),
                r.index.map_or("-".to_string(), |i| format!("{i:+.2}")),
                r.confidence,
                r.n_facts,
                r.n_sources,
                iso = r.country,
            );
        }
        out
    }

    /// `index.html`: the same table as one self-contained, printable page (inline CSS, no
    /// scripts), every value escaped, each country linking to its `<ISO2>.html`.
    pub fn to_html(&self) -> String {
        let view = IndexView {
            title: format!("Geopolitics in Africa ({})", self.period_label),
            interval_level: interval_level(),
            rows: self.reports.iter().map(IndexRow::of).collect(),
        };
        html_page("index.html", &view, &view.title)
    }
}

#[derive(Serialize)]
struct IndexView {
    title: String,
    interval_level: String,
    rows: Vec<IndexRow>,
}

#[derive(Serialize)]
struct IndexRow {
    iso: String,
    name: String,
    score: String,
    score_label: String,
    badge: &'static str,
    index: String,
    interval: String,
    confidence: String,
    n_facts: usize,
    n_sources: usize,
    note: Option<&'static str>,
}

impl IndexRow {
    fn of(r: &Report) -> Self {
        IndexRow {
            iso: r.country.clone(),
            name: r.name.clone(),
            score: r.score.map_or("n/a".to_string(), |s| s.to_string()),
            score_label: r.score_label.clone(),
            badge: badge_class(r.score),
            index: r.index.map_or("n/a".to_string(), signed2),
            interval: r.index_interval.map_or("n/a".to_string(), |[lo, hi]| {
                format!("{} to {}", signed2(lo), signed2(hi))
            }),
            confidence: format!("{:.2}", r.confidence),
            n_facts: r.n_facts,
            n_sources: r.n_sources,
            note: r
                .writer
                .fell_back()
                .then_some("LLM text rejected: orbit's own text"),
        }
    }
}
