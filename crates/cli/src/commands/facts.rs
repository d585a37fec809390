//! `orbit facts`: list stored facts as JSON lines, CSV or a table.

use std::io::Write;
use std::process::ExitCode;

use anyhow::Result;
use orbit_store::FactFilter;

use crate::args::{FactsArgs, FactsFormat, Global};
use crate::commands::{country_of, load_knowledge, open_store, period_of};
use crate::output::{table, truncate};

pub fn run(global: &Global, args: FactsArgs) -> Result<ExitCode> {
    let knowledge = load_knowledge(global)?;
    let country = args
        .country
        .as_deref()
        .map(|c| country_of(&knowledge.gazetteer, c).map(|c| c.iso2.clone()))
        .transpose()?;
    let period = period_of(&args.period)?;
    let store = open_store(global)?;
    let facts = store.facts(&FactFilter {
        country,
        period: Some(period),
        query: args.query,
        limit: None,
    })?;
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    match args.format {
        FactsFormat::Jsonl => {
            for f in &facts {
                writeln!(out, "{}", serde_json::to_string(f)?)?;
            }
        }
        FactsFormat::Csv => {
            let mut w = csv::Writer::from_writer(out);
            w.write_record(orbit_report::table::FACT_COLUMNS)?;
            for f in &facts {
                w.write_record(orbit_report::table::fact_row(f, str::to_string))?;
            }
            w.flush()?;
        }
        FactsFormat::Plover => {
            for f in &facts {
                writeln!(
                    out,
                    "{}",
                    serde_json::to_string(&plover_event(f, &knowledge.gazetteer))?
                )?;
            }
        }
        FactsFormat::Table => {
            let rows: Vec<Vec<String>> = facts
                .iter()
                .map(|f| {
                    vec![
                        f.id.to_string(),
                        f.event_date.map(|d| d.to_string()).unwrap_or("-".into()),
                        f.country.clone(),
                        f.counterpart.clone(),
                        f.direction.to_string(),
                        f.event_type.to_string(),
                        format!("{:.2}", f.weight),
                        truncate(&f.text, 90),
                    ]
                })
                .collect();
            write!(
                out,
                "{}",
                table(
                    &[
                        "id",
                        "date",
                        "country",
                        "power",
                        "direction",
                        "event",
                        "weight",
                        "text"
                    ],
                    &rows
                )
            )?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// A fact as a PLOVER event (the ontology POLECAT uses). `actor` is the side that acts and
/// `recipient` the other (the fact's [`orbit_core::Actor`]): "Niger expelled the French
/// ambassador" has Niger act on France, "Washington sanctioned Sudan" the United States act on
/// Sudan. `country` and `counterpart` keep orbit's own view of the same two sides; `mode` is
/// set where PLOVER defines modes by domain.
fn plover_event(f: &orbit_core::Fact, g: &orbit_core::Gazetteer) -> serde_json::Value {
    use orbit_core::{Actor, Category, EventType};
    let country = g.country(&f.country);
    let country_side = (
        country.map(|c| c.name.clone()),
        country.map(|c| c.iso3.clone()),
    );
    let counterpart_side = (
        Some(g.counterpart_name(&f.counterpart).to_string()),
        g.counterpart(&f.counterpart).and_then(|e| match e {
            orbit_core::gazetteer::EntityRef::Power(i) => Some(g.powers[i].iso3.clone()),
            _ => None,
        }),
    );
    let (actor, recipient) = match f.actor {
        Actor::Country => (country_side, counterpart_side),
        Actor::Counterpart => (counterpart_side, country_side),
    };
    let mode = match (f.event_type, f.category) {
        (
            EventType::Aid | EventType::Cooperate | EventType::Sanction | EventType::Agree,
            Category::Military,
        ) => Some("military"),
        (
            EventType::Aid | EventType::Cooperate | EventType::Sanction | EventType::Agree,
            Category::Economic,
        ) => Some("economic"),
        (EventType::Coerce, Category::Political) => Some("political"),
        _ => None,
    };
    serde_json::json!({
        "event_id": format!("orbit-{}", f.id),
        "event_type": f.event_type.to_string(),
        "mode": mode,
        "context": [f.category.to_string()],
        "actor": actor.0,
        "actor_country": actor.1,
        "recipient": recipient.0,
        "recipient_country": recipient.1,
        "country": f.country,
        "counterpart": f.counterpart,
        "counterpart_bloc": f.bloc.to_string(),
        "stance": f.stance.to_string(),
        "direction": f.direction.to_string(),
        "hedged": f.hedged,
        "negated": f.negated,
        "date": f.event_date.map(|d| d.to_string()),
        "date_basis": f.date_basis.map(|b| b.to_string()),
        "published": f.published.map(|d| d.to_string()),
        "source": f.source,
        "source_url": f.url,
        "sentence": f.text,
        "language": f.lang,
    })
}
