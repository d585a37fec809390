//! `orbit demo`: the newcomer's first look — the bundled corpus in a fresh database,
//! the score table, and every country's report on disk.

use std::io::Write;
use std::process::ExitCode;

use anyhow::{Context, Result};
use orbit_core::Period;

use crate::args::{DemoArgs, Global};
use crate::commands::ingest::Pipeline;
use crate::commands::report::write_all;
use crate::commands::{load_knowledge, load_scorer, score_country};
use crate::output::{opt_num, table};

/// Our own digests of real reporting, May–July 2024 (data/demo/README.md).
const DEMO_CORPUS: &str = include_str!("../../../../data/demo/sahel-2024.jsonl");

pub fn run(global: &Global, args: DemoArgs) -> Result<ExitCode> {
    std::fs::create_dir_all(&args.dir)
        .with_context(|| format!("cannot create {}", args.dir.display()))?;
    let db = args.dir.join("orbit.db");
    for suffix in ["", "-wal", "-shm"] {
        let p = db.with_file_name(format!("orbit.db{suffix}"));
        if p.exists() {
            std::fs::remove_file(&p).with_context(|| {
                format!("cannot remove the previous demo database {}", p.display())
            })?;
        }
    }
    let mut store = orbit_store::Store::open(&db)?;
    let pipeline = Pipeline::load(global)?;
    let items = orbit_ingest::read_reader(
        std::io::Cursor::new(DEMO_CORPUS.as_bytes()),
        "data/demo/sahel-2024.jsonl",
    );
    let tally = pipeline.ingest(&mut store, items)?;
    // Written with `writeln!`, not `println!`: a closed pipe (`orbit demo | head`) is an
    // error to stop on, not a panic.
    let mut out = std::io::stdout().lock();
    writeln!(
        out,
        "Loaded the demo corpus into {}: {tally}.\n",
        db.display()
    )?;

    let knowledge = load_knowledge(global)?;
    let scorer = load_scorer(global)?;
    let period = Period::all();
    let mut rows = Vec::new();
    for iso in store.countries_with_facts(&period)? {
        let Some(country) = knowledge.gazetteer.country(&iso) else {
            continue;
        };
        let (card, _) = score_country(&store, &scorer, country, &period)?;
        rows.push((
            card.index.unwrap_or(0.0),
            vec![
                card.country.clone(),
                card.name.clone(),
                card.score.map_or("-".into(), |s| s.to_string()),
                opt_num(card.index, 2),
                format!("{:.2}", card.confidence),
                card.n_facts.to_string(),
                card.n_sources.to_string(),
            ],
        ));
    }
    rows.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1[1].cmp(&b.1[1])));
    let rows: Vec<Vec<String>> = rows.into_iter().map(|(_, r)| r).collect();
    write!(
        out,
        "{}",
        table(
            &[
                "country",
                "name",
                "score",
                "index",
                "confidence",
                "facts",
                "sources"
            ],
            &rows
        )
    )?;
    writeln!(
        out,
        "\nScore: 5 = overwhelming alignment with Russia … 1 = with the US/West; 3 = balanced."
    )?;

    let reports = args.dir.join("reports");
    let written = write_all(&store, &scorer, &knowledge.gazetteer, &period, &reports)?;
    writeln!(
        out,
        "\nWrote {written} country reports (md, html, json) to {}/ — start with {}/index.md or {}/ML.md.",
        reports.display(),
        reports.display(),
        reports.display()
    )?;
    writeln!(
        out,
        "Explore further: orbit --db {} report ML --period 2024-06",
        db.display()
    )?;
    if args.serve {
        drop(store);
        writeln!(out)?;
        drop(out);
        return crate::commands::serve::serve_db(global, &db, args.addr);
    }
    Ok(ExitCode::SUCCESS)
}
