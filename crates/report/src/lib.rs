//! The per-country analysis (DESIGN §6): the seed-000 document done right, written
//! deterministically from the facts — the same facts always give the same bytes.
//!
//! Every claim in a section carries a numbered marker `[n]` that resolves to a citation of a
//! fact about the report's country; citations are numbered by first use, never repeated, and
//! two copies of one story are cited once. The report renders as Markdown, self-contained
//! HTML, or JSON (the `report --format json` contract); [`Index`] lists a set of reports.
//!
//! The optional [`llm`] writer has an OpenAI-compatible model reword the narrative from the
//! facts the report cites; orbit checks its citations and falls back to its own text, saying
//! so in [`Report::writer`], when they fail.
//!
//! ```
//! use orbit_core::{Gazetteer, Period};
//! use orbit_report::build_report;
//! use orbit_score::Scorer;
//!
//! let gazetteer = Gazetteer::load(None).unwrap();
//! let scorer = Scorer::load(None).unwrap();
//! let period = Period::parse("2024-06").unwrap();
//! let score = scorer.score("ML", "Mali", &period, &[], None);
//! let report = build_report(&score, &[], &scorer, &gazetteer, &period);
//! assert_eq!(report.title, "Geopolitics in Africa: Analysis for Mali (June '24)");
//! assert!(report.to_markdown().contains("Risk Score: n/a — no evidence in this period"));
//! ```

mod citations;
mod evidence;
mod index;
pub mod llm;
mod narrative;
mod prose;
mod render;
pub mod table;

use std::collections::BTreeMap;

use orbit_core::{Category, Direction, Fact, FuzzyDate, Gazetteer, Period};
use orbit_score::{CategoryScore, CountryScore, PowerScore, PreviousScore, Scorer};
use serde::Serialize;

pub use index::Index;
pub use prose::score_label;
pub use render::badge_class;

/// Who wrote the narrative by default; the LLM writer ([`llm`]) puts its own name here.
pub const GENERATED_BY: &str = "orbit deterministic writer";

/// One country's analysis for one period (DESIGN §6 field names are a contract).
#[derive(Debug, Clone, Serialize)]
pub struct Report {
    pub title: String,
    /// ISO2 of the country.
    pub country: String,
    pub name: String,
    pub period: ReportPeriod,
    /// `June '24`, `Q2 2024`, `2024`, `all periods`.
    pub period_label: String,
    /// 1–5; null when there is no evidence.
    pub score: Option<u8>,
    /// The five-step reading of the score: `Russia-focused` … `US-focused`, or `no evidence`.
    pub score_label: String,
    /// −1 = fully West … +1 = fully Russia; null when there is no evidence.
    pub index: Option<f64>,
    pub confidence: f64,
    /// `[lo, hi]`: the index's 80% interval from a bootstrap over sources; null when there is
    /// no evidence.
    pub index_interval: Option<[f64; 2]>,
    pub n_facts: usize,
    pub n_sources: usize,
    /// Narrative sections whose texts carry the citation markers `[n]`.
    pub sections: Vec<Section>,
    pub citations: Vec<Citation>,
    pub categories: BTreeMap<Category, CategoryScore>,
    pub powers: BTreeMap<String, PowerScore>,
    pub previous: Option<PreviousScore>,
    pub change: Option<f64>,
    /// Fact ids pushing the index its way, strongest first (from the score).
    pub drivers: Vec<i64>,
    /// Fact ids pointing the other way, strongest first (from the score).
    pub counter_evidence: Vec<i64>,
    pub generated_by: String,
    /// Which writer was asked for, which one wrote the text, and why they differ.
    pub writer: WriterInfo,
}

/// The two narrative writers: orbit's own, and an LLM whose answer orbit verifies.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum WriterKind {
    Deterministic,
    Llm,
}

/// Who wrote a report's narrative: `{"requested": "llm", "used": "deterministic", "reason":
/// "..."}` when the LLM's answer was rejected and orbit fell back to its own writer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct WriterInfo {
    pub requested: WriterKind,
    pub used: WriterKind,
    /// The LLM model asked, when the LLM writer was requested.
    pub model: Option<String>,
    /// Why the writer used is not the one requested; null when it is.
    pub reason: Option<String>,
}

impl WriterInfo {
    /// The default: the deterministic writer, asked for and used.
    pub fn deterministic() -> Self {
        WriterInfo {
            requested: WriterKind::Deterministic,
            used: WriterKind::Deterministic,
            model: None,
            reason: None,
        }
    }

    /// True when the LLM writer was asked for but orbit wrote the text itself.
    pub fn fell_back(&self) -> bool {
        self.requested != self.used
    }
}

/// First and last day of the period as ISO dates; null for an unbounded side.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ReportPeriod {
    pub from: Option<String>,
    pub to: Option<String>,
}

/// One narrative section. Paragraphs are separated by a blank line; a paragraph whose lines
/// all start with `- ` is a list of quoted facts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Section {
    pub heading: String,
    pub text: String,
}

/// One cited fact, numbered by its first use in the section texts.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Citation {
    pub n: usize,
    pub fact_id: i64,
    /// The fact text, quoted as stored.
    pub text: String,
    pub url: Option<String>,
    pub source: Option<String>,
    pub published: Option<FuzzyDate>,
    pub event_date: Option<FuzzyDate>,
    pub direction: Direction,
    /// ISO2 of the country the fact is about: always the report's country.
    pub country: String,
    pub counterpart: String,
    pub category: Category,
}

/// Builds the report for one country and period from its score and its facts in the period.
///
/// `facts` should already be restricted to the country and the period; a fact about another
/// country is never cited (checked here again, because a wrong-country citation is the
/// defect this report exists to avoid).
pub fn build_report(
    score: &CountryScore,
    facts: &[Fact],
    scorer: &Scorer,
    gazetteer: &Gazetteer,
    period: &Period,
) -> Report {
    let name = gazetteer
        .country(&score.country)
        .map(|c| c.name.clone())
        .filter(|n| !n.is_empty())
        .or_else(|| (!score.name.is_empty()).then(|| score.name.clone()))
        .unwrap_or_else(|| score.country.clone());
    let own: Vec<Fact> = facts
        .iter()
        .filter(|f| f.country.eq_ignore_ascii_case(&score.country))
        .cloned()
        .collect();
    let weighted = scorer.weigh(&own, period);
    let plan = evidence::Plan::new(&weighted, score);
    let writer = WriterInfo::deterministic();
    let (sections, cited) = narrative::write(&narrative::Input {
        score,
        plan: &plan,
        scorer,
        gazetteer,
        period,
        name: &name,
        writer: &writer,
    });
    Report {
        title: format!(
            "Geopolitics in Africa: Analysis for {name} ({})",
            period.label()
        ),
        country: score.country.to_uppercase(),
        name,
        period: ReportPeriod {
            from: period.from.map(|d| d.to_string()),
            to: period.to.map(|d| d.to_string()),
        },
        period_label: period.label(),
        score: score.score,
        score_label: prose::score_label(score.score).to_string(),
        index: score.index,
        confidence: score.confidence,
        index_interval: score.index_interval,
        n_facts: score.n_facts,
        n_sources: score.n_sources,
        sections,
        citations: cited.into_citations(),
        categories: score.categories.clone(),
        powers: score.powers.clone(),
        previous: score.previous.clone(),
        change: score.change,
        drivers: score.drivers.clone(),
        counter_evidence: score.counter_evidence.clone(),
        generated_by: GENERATED_BY.to_string(),
        writer,
    }
}

impl Report {
    /// The report as Markdown: title, score line, sections, numbered citation list.
    pub fn to_markdown(&self) -> String {
        render::markdown(self)
    }

    /// The report as one self-contained, printable HTML5 page (inline CSS, no scripts).
    pub fn to_html(&self) -> String {
        render::html(self)
    }

    /// The report as pretty JSON with a trailing newline.
    pub fn to_json(&self) -> String {
        render::json(self)
    }
}
