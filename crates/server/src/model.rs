//! What the pages and the API show, computed from the store: every country's score for a
//! period, one country's series over time, and the evidence table's filtered facts. Scores
//! come from [`Scorer::score`] exactly as the CLI composes them (the facts of the period,
//! against the facts of the previous period of the same shape), so the dashboard and
//! `orbit scores` agree to the digit.

use std::collections::HashMap;

use orbit_core::gazetteer::Country;
use orbit_core::{Category, Direction, Fact, FuzzyDate, Gazetteer, Period, PeriodKind};
use orbit_report::{Report, build_report};
use orbit_score::{CountryScore, Scorer};
use orbit_store::{FactFilter, Store};

use crate::error::ApiError;

/// One country's score for a period, with the facts it rests on.
#[derive(Debug)]
pub struct Scored<'g> {
    pub country: &'g Country,
    pub card: CountryScore,
    pub facts: Vec<Fact>,
}

/// Scores every state of the gazetteer for `period` (countries without evidence get an
/// empty score), reading the period's facts, and the previous period's, once each.
pub fn score_all<'g>(
    store: &Store,
    scorer: &Scorer,
    gazetteer: &'g Gazetteer,
    period: &Period,
) -> Result<Vec<Scored<'g>>, ApiError> {
    let mut current = by_country(store.facts(&in_period(None, period))?);
    let previous = match period.previous() {
        Some(p) => {
            let facts = by_country(store.facts(&in_period(None, &p))?);
            Some((p, facts))
        }
        None => None,
    };
    let none: Vec<Fact> = Vec::new();
    Ok(gazetteer
        .countries
        .iter()
        .map(|country| {
            let facts = current.remove(&country.iso2).unwrap_or_default();
            let prev = previous.as_ref().map(|(p, by)| {
                (
                    p,
                    by.get(&country.iso2).map_or(none.as_slice(), Vec::as_slice),
                )
            });
            let card = scorer.score(&country.iso2, &country.name, period, &facts, prev);
            Scored {
                country,
                card,
                facts,
            }
        })
        .collect())
}

/// Scores one country for `period` against its previous period.
pub fn score_one<'g>(
    store: &Store,
    scorer: &Scorer,
    country: &'g Country,
    period: &Period,
) -> Result<Scored<'g>, ApiError> {
    let facts = store.facts(&in_period(Some(&country.iso2), period))?;
    let previous = match period.previous() {
        Some(p) => Some((store.facts(&in_period(Some(&country.iso2), &p))?, p)),
        None => None,
    };
    let card = scorer.score(
        &country.iso2,
        &country.name,
        period,
        &facts,
        previous.as_ref().map(|(f, p)| (p, f.as_slice())),
    );
    Ok(Scored {
        country,
        card,
        facts,
    })
}

/// The cited analysis of one scored country (DESIGN §6).
pub fn report_of(
    scored: &Scored<'_>,
    scorer: &Scorer,
    gazetteer: &Gazetteer,
    period: &Period,
) -> Report {
    build_report(&scored.card, &scored.facts, scorer, gazetteer, period)
}

/// One country's scores over time: a month (quarter, year) at a time over `within`, or over
/// the whole range of its dated facts when `within` is unbounded — what
/// `orbit scores --country C --by month` prints.
pub fn series(
    store: &Store,
    scorer: &Scorer,
    country: &Country,
    kind: PeriodKind,
    within: &Period,
) -> Result<Vec<CountryScore>, ApiError> {
    let range = match (within.from, within.to) {
        (Some(f), Some(t)) => Some((f, t)),
        _ => store
            .fact_date_range(Some(&country.iso2))?
            .map(|(f, t)| (within.from.unwrap_or(f), within.to.unwrap_or(t))),
    };
    let Some((from, to)) = range else {
        return Ok(Vec::new());
    };
    // Every fact of the country once; each month (and the month before it) is a slice of them.
    let all = store.facts(&FactFilter {
        country: Some(country.iso2.clone()),
        ..FactFilter::default()
    })?;
    let of = |p: &Period| -> Vec<Fact> {
        all.iter()
            .filter(|f| p.contains(f.event_date))
            .cloned()
            .collect()
    };
    Ok(Period::series(kind, from, to)
        .iter()
        .map(|p| {
            let facts = of(p);
            let previous = p.previous().map(|pp| {
                let f = of(&pp);
                (pp, f)
            });
            scorer.score(
                &country.iso2,
                &country.name,
                p,
                &facts,
                previous.as_ref().map(|(pp, f)| (pp, f.as_slice())),
            )
        })
        .collect())
}

/// The evidence table's filters beyond country, period and full-text query.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct EvidenceFilter {
    pub category: Option<Category>,
    /// A counterpart key (`RU`, `ECOWAS`).
    pub power: Option<String>,
    pub direction: Option<Direction>,
    /// The source exactly as stored.
    pub source: Option<String>,
    /// Facts whose event date lies wholly on or after this date's first day.
    pub from: Option<FuzzyDate>,
    /// Facts whose event date lies wholly on or before this date's last day.
    pub to: Option<FuzzyDate>,
}

impl EvidenceFilter {
    /// Whether `fact` passes every filter that is set.
    pub fn keeps(&self, fact: &Fact) -> bool {
        self.category.is_none_or(|c| fact.category == c)
            && self
                .power
                .as_deref()
                .is_none_or(|p| fact.counterpart.eq_ignore_ascii_case(p))
            && self.direction.is_none_or(|d| fact.direction == d)
            && self
                .source
                .as_deref()
                .is_none_or(|s| fact.source.as_deref() == Some(s))
            && self.from.is_none_or(|f| {
                fact.event_date
                    .is_some_and(|d| d.first_day() >= f.first_day())
            })
            && self.to.is_none_or(|t| {
                fact.event_date
                    .is_some_and(|d| d.last_day() <= t.last_day())
            })
    }
}

/// The facts of `country` (all countries when `None`) in `period` that contain every word of
/// `query` (FTS5) and pass `filter`, in the store's order (by event date).
pub fn evidence(
    store: &Store,
    country: Option<&str>,
    period: &Period,
    query: Option<&str>,
    filter: &EvidenceFilter,
) -> Result<Vec<Fact>, ApiError> {
    let mut facts = store.facts(&FactFilter {
        country: country.map(str::to_string),
        period: Some(period.clone()),
        query: query.map(str::to_string),
        limit: None,
    })?;
    facts.retain(|f| filter.keeps(f));
    Ok(facts)
}

fn in_period(country: Option<&str>, period: &Period) -> FactFilter {
    FactFilter {
        country: country.map(str::to_string),
        period: Some(period.clone()),
        ..FactFilter::default()
    }
}

fn by_country(facts: Vec<Fact>) -> HashMap<String, Vec<Fact>> {
    let mut out: HashMap<String, Vec<Fact>> = HashMap::new();
    for f in facts {
        out.entry(f.country.to_uppercase()).or_default().push(f);
    }
    out
}

/// The periods a user can pick: all data, then every year, quarter and month that the
/// stored facts cover (latest first).
pub fn period_choices(store: &Store) -> Result<Vec<Period>, ApiError> {
    let mut out = vec![Period::all()];
    if let Some((from, to)) = store.fact_date_range(None)? {
        for kind in [PeriodKind::Year, PeriodKind::Quarter, PeriodKind::Month] {
            let mut ps = Period::series(kind, from, to);
            ps.reverse();
            out.extend(ps);
        }
    }
    Ok(out)
}
