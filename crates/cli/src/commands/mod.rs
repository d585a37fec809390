//! One module per subcommand, plus what they share: opening the store and loading knowledge.

pub mod clean;
pub mod demo;
pub mod eval;
pub mod facts;
pub mod ingest;
pub mod parallel;
pub mod remote;
pub mod report;
pub mod scores;
pub mod serve;
pub mod watch;

use anyhow::{Context, Result};
use orbit_core::gazetteer::Country;
use orbit_core::{Gazetteer, Knowledge, Period};
use orbit_store::Store;

use crate::UsageError;
use crate::args::{Global, PeriodArgs};

/// Opens (or creates) the database named by `--db`.
pub fn open_store(global: &Global) -> Result<Store> {
    Store::open(&global.db).with_context(|| format!("cannot use database {}", global.db.display()))
}

/// Loads the gazetteer and lexicon (from `--data` when given).
pub fn load_knowledge(global: &Global) -> Result<Knowledge> {
    Ok(Knowledge::load(global.data.as_deref())?)
}

/// The period the flags describe; no flags means all data.
pub fn period_of(args: &PeriodArgs) -> Result<Period> {
    Ok(match (&args.period, &args.from, &args.to) {
        (Some(p), _, _) => Period::parse(p)?,
        (None, None, None) => Period::all(),
        (None, from, to) => Period::range(from.as_deref(), to.as_deref())?,
    })
}

/// The African country a user named, or a usage error saying how to name one.
pub fn country_of<'g>(gazetteer: &'g Gazetteer, query: &str) -> Result<&'g Country> {
    gazetteer.find_country(query).ok_or_else(|| {
        UsageError(format!(
            "unknown country '{query}': use an ISO code (ML, MLI) or an English or French name (Mali, Côte d'Ivoire)"
        ))
        .into()
    })
}

/// A country's facts in a period.
pub fn facts_in(store: &Store, iso2: &str, period: &Period) -> Result<Vec<orbit_core::Fact>> {
    Ok(store.facts(&orbit_store::FactFilter {
        country: Some(iso2.to_string()),
        period: Some(period.clone()),
        ..Default::default()
    })?)
}

/// Scores each of `countries` for a period, like [`score_country`], across the cores. Each
/// thread reads its countries' facts through its own connection to the database (one in
/// memory has only the one connection, so its facts are read first, on this thread).
pub fn score_countries(
    store: &Store,
    scorer: &orbit_score::Scorer,
    countries: &[&Country],
    period: &Period,
) -> Result<Vec<(orbit_score::CountryScore, Vec<orbit_core::Fact>)>> {
    let previous = period.previous();
    let read = |store: &Store, country: &Country| -> Result<Evidence> {
        let facts = facts_in(store, &country.iso2, period)?;
        let before = match &previous {
            Some(p) => Some(facts_in(store, &country.iso2, p)?),
            None => None,
        };
        Ok((facts, before))
    };
    let threads = parallel::worker_threads();
    let evidence: Vec<Result<Evidence>> = match store.path() {
        Some(path) => parallel::parallel_map_with(
            countries,
            threads,
            || Store::open(path),
            |own, country| match own {
                Ok(own) => read(own, country),
                // Each country the thread takes reports it: the error cannot be cloned.
                Err(e) => Err(anyhow::anyhow!("{e}")),
            },
        ),
        None => countries.iter().map(|c| read(store, c)).collect(),
    };
    let evidence = countries
        .iter()
        .zip(evidence)
        .map(|(country, read)| read.map(|(facts, before)| (*country, facts, before)))
        .collect::<Result<Vec<_>>>()?;
    let cards = parallel::parallel_map(&evidence, threads, |(country, facts, before)| {
        let previous = previous.as_ref().zip(before.as_deref());
        scorer.score(&country.iso2, &country.name, period, facts, previous)
    });
    Ok(cards
        .into_iter()
        .zip(evidence)
        .map(|(card, (_, facts, _))| (card, facts))
        .collect())
}

/// A country's facts for a period, and for the previous period when there is one.
type Evidence = (Vec<orbit_core::Fact>, Option<Vec<orbit_core::Fact>>);

/// Scores one country for a period, against the previous period of the same shape.
pub fn score_country(
    store: &Store,
    scorer: &orbit_score::Scorer,
    country: &Country,
    period: &Period,
) -> Result<(orbit_score::CountryScore, Vec<orbit_core::Fact>)> {
    let facts = facts_in(store, &country.iso2, period)?;
    let previous = match period.previous() {
        Some(p) => {
            let f = facts_in(store, &country.iso2, &p)?;
            Some((p, f))
        }
        None => None,
    };
    let card = scorer.score(
        &country.iso2,
        &country.name,
        period,
        &facts,
        previous.as_ref().map(|(p, f)| (p, f.as_slice())),
    );
    Ok((card, facts))
}

/// Loads the score weights (from `--data` when given).
pub fn load_scorer(global: &Global) -> Result<orbit_score::Scorer> {
    Ok(orbit_score::Scorer::load(global.data.as_deref())?)
}
