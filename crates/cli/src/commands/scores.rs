//! `orbit scores`: country scores for a period, or a time series with `--by`.

use std::io::Write;
use std::process::ExitCode;

use anyhow::Result;
use orbit_core::{Period, PeriodKind};
use orbit_score::CountryScore;

use crate::args::{By, Global, ScoresArgs, TableFormat};
use crate::commands::{
    country_of, load_knowledge, load_scorer, open_store, period_of, score_countries,
};
use crate::output::{opt_num, table};

pub fn run(global: &Global, args: ScoresArgs) -> Result<ExitCode> {
    let knowledge = load_knowledge(global)?;
    let g = &knowledge.gazetteer;
    let scorer = load_scorer(global)?;
    let period = period_of(&args.period)?;
    let store = open_store(global)?;
    let only = args
        .country
        .as_deref()
        .map(|c| country_of(g, c))
        .transpose()?;

    let periods: Vec<Period> = match args.by {
        None => vec![period.clone()],
        Some(by) => {
            let kind = match by {
                By::Month => PeriodKind::Month,
                By::Quarter => PeriodKind::Quarter,
                By::Year => PeriodKind::Year,
            };
            let range = match (period.from, period.to) {
                (Some(f), Some(t)) => Some((f, t)),
                _ => store
                    .fact_date_range(only.map(|c| c.iso2.as_str()))?
                    .map(|(f, t)| (period.from.unwrap_or(f), period.to.unwrap_or(t))),
            };
            range
                .map(|(f, t)| Period::series(kind, f, t))
                .unwrap_or_default()
        }
    };

    let mut cards: Vec<CountryScore> = Vec::new();
    for p in &periods {
        let countries: Vec<&orbit_core::gazetteer::Country> = match only {
            Some(c) => vec![c],
            None => store
                .countries_with_facts(p)?
                .iter()
                .filter_map(|iso| g.country(iso))
                .collect(),
        };
        cards.extend(
            score_countries(&store, &scorer, &countries, p)?
                .into_iter()
                .map(|(card, _)| card),
        );
    }

    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    match args.format {
        TableFormat::Json => writeln!(out, "{}", serde_json::to_string_pretty(&cards)?)?,
        TableFormat::Csv => {
            let mut w = csv::Writer::from_writer(out);
            w.write_record(orbit_report::table::SCORE_COLUMNS)?;
            for c in &cards {
                w.write_record(orbit_report::table::score_row(c, str::to_string))?;
            }
            w.flush()?;
        }
        TableFormat::Table => {
            let rows: Vec<Vec<String>> = cards
                .iter()
                .map(|c| {
                    vec![
                        c.country.clone(),
                        c.name.clone(),
                        c.period.key.clone(),
                        c.score.map(|s| s.to_string()).unwrap_or("-".into()),
                        opt_num(c.index, 2),
                        format!("{:.2}", c.confidence),
                        c.n_facts.to_string(),
                        c.n_sources.to_string(),
                        opt_num(c.change, 2),
                    ]
                })
                .collect();
            write!(
                out,
                "{}",
                table(
                    &[
                        "country",
                        "name",
                        "period",
                        "score",
                        "index",
                        "confidence",
                        "facts",
                        "sources",
                        "change"
                    ],
                    &rows
                )
            )?;
        }
    }
    Ok(ExitCode::SUCCESS)
}
