//! `orbit report`: the cited analysis of one country, or of every country with evidence.

use std::path::Path;
use std::process::ExitCode;

use anyhow::{Context, Result};
use orbit_core::{Gazetteer, Period};
use orbit_report::{Report, build_report};
use orbit_score::Scorer;
use orbit_store::Store;

use crate::UsageError;
use crate::args::{Global, ReportArgs, ReportFormat};
use crate::commands::{
    country_of, load_knowledge, load_scorer, open_store, period_of, score_country,
};
use crate::output::opt_num;

pub fn run(global: &Global, args: ReportArgs) -> Result<ExitCode> {
    let knowledge = load_knowledge(global)?;
    let g = &knowledge.gazetteer;
    let scorer = load_scorer(global)?;
    let period = period_of(&args.period)?;
    if args.all {
        let dir = args.out.as_deref().ok_or_else(|| {
            UsageError("--all writes one file per country: give a directory with --out DIR".into())
        })?;
        let store = open_store(global)?;
        let written = write_all(&store, &scorer, g, &period, dir)?;
        eprintln!(
            "orbit: wrote {written} country reports (md, html, json) and an index to {}",
            dir.display()
        );
        return Ok(ExitCode::SUCCESS);
    }
    let query = args.country.as_deref().unwrap_or_default();
    let country = country_of(g, query)?;
    let store = open_store(global)?;
    let report = country_report(&store, &scorer, g, country, &period)?;
    let text = render(&report, args.format)?;
    match (&args.output, &args.out) {
        (Some(file), _) => write_file(file, &text)?,
        (None, Some(dir)) => write_file(
            &dir.join(format!("{}.{}", country.iso2, args.format.extension())),
            &text,
        )?,
        (None, None) => print!("{text}"),
    }
    Ok(ExitCode::SUCCESS)
}

/// Builds one country's report for the period.
pub fn country_report(
    store: &Store,
    scorer: &Scorer,
    g: &Gazetteer,
    country: &orbit_core::gazetteer::Country,
    period: &Period,
) -> Result<Report> {
    let (card, facts) = score_country(store, scorer, country, period)?;
    Ok(build_report(&card, &facts, scorer, g, period))
}

fn render(report: &Report, format: ReportFormat) -> Result<String> {
    Ok(match format {
        ReportFormat::Md => report.to_markdown(),
        ReportFormat::Html => report.to_html(),
        ReportFormat::Json => report.to_json(),
    })
}

fn write_file(path: &Path, text: &str) -> Result<()> {
    if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(parent)
            .with_context(|| format!("cannot create directory {}", parent.display()))?;
    }
    std::fs::write(path, text).with_context(|| format!("cannot write {}", path.display()))
}

/// Writes every country with evidence in the period, in all three formats, plus an index;
/// returns the number of countries written.
pub fn write_all(
    store: &Store,
    scorer: &Scorer,
    g: &Gazetteer,
    period: &Period,
    dir: &Path,
) -> Result<usize> {
    let mut reports = Vec::new();
    for iso in store.countries_with_facts(period)? {
        let Some(country) = g.country(&iso) else {
            continue;
        };
        let report = country_report(store, scorer, g, country, period)?;
        for format in [ReportFormat::Md, ReportFormat::Html, ReportFormat::Json] {
            write_file(
                &dir.join(format!("{iso}.{}", format.extension())),
                &render(&report, format)?,
            )?;
        }
        reports.push(report);
    }
    reports.sort_by(|a, b| {
        b.index
            .unwrap_or(0.0)
            .total_cmp(&a.index.unwrap_or(0.0))
            .then(a.name.cmp(&b.name))
    });
    write_file(&dir.join("index.md"), &index_markdown(&reports, period))?;
    Ok(reports.len())
}

fn index_markdown(reports: &[Report], period: &Period) -> String {
    let mut out = format!(
        "# Geopolitics in Africa ({})\n\nScore: 5 = overwhelming alignment with Russia … 1 = with the US/West; 3 = balanced.\n\n\
         | Country | Score | Index | Confidence | Facts | Sources | Read |\n|---|---|---|---|---|---|---|\n",
        period.label()
    );
    for r in reports {
        out += &format!(
            "| {} | {} | {} | {:.2} | {} | {} | [md]({iso}.md) · [html]({iso}.html) · [json]({iso}.json) |\n",
            r.name,
            r.score.map_or("-".to_string(), |s| s.to_string()),
            opt_num(r.index, 2),
            r.confidence,
            r.n_facts,
            r.n_sources,
            iso = r.country,
        );
    }
    out
}
