//! `orbit report`: the cited analysis of one country, or of every country with evidence.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use anyhow::{Context, Result};
use orbit_core::{Gazetteer, Period};
use orbit_report::llm::{AnswerCache, LlmConfig, LlmError, LlmWriter};
use orbit_report::{Index, Report, build_report};
use orbit_score::Scorer;
use orbit_store::Store;

use crate::UsageError;
use crate::args::{Global, ReportArgs, ReportFormat, WriterChoice};
use crate::commands::parallel::{parallel_map, worker_threads};
use crate::commands::{
    country_of, load_knowledge, load_scorer, open_store, period_of, score_countries, score_country,
};

pub fn run(global: &Global, args: ReportArgs) -> Result<ExitCode> {
    let knowledge = load_knowledge(global)?;
    let g = &knowledge.gazetteer;
    let scorer = load_scorer(global)?;
    let period = period_of(&args.period)?;
    let llm = match args.writer {
        WriterChoice::Deterministic => None,
        WriterChoice::Llm => Some(llm_writer()?),
    };
    if args.all {
        let dir = args.out.as_deref().ok_or_else(|| {
            UsageError("--all writes one file per country: give a directory with --out DIR".into())
        })?;
        let store = open_store(global)?;
        let written = write_all_with(&store, &scorer, g, &period, dir, llm.as_ref())?;
        eprintln!(
            "orbit: wrote {written} country reports (md, html, json) and an index (index.md, \
             index.html) to {}",
            dir.display()
        );
        return Ok(ExitCode::SUCCESS);
    }
    let query = args.country.as_deref().unwrap_or_default();
    let country = country_of(g, query)?;
    let store = open_store(global)?;
    let report = country_report(&store, &scorer, g, country, &period)?;
    let report = rewrite(&store, llm.as_ref(), report);
    let text = render(&report, args.format)?;
    match (&args.output, &args.out) {
        (Some(file), _) => write_file(file, &text)?,
        (None, Some(dir)) => write_file(
            &dir.join(format!("{}.{}", country.iso2, args.format.extension())),
            &text,
        )?,
        (None, None) => std::io::stdout().lock().write_all(text.as_bytes())?,
    }
    Ok(ExitCode::SUCCESS)
}

/// The LLM writer configured by `ORBIT_LLM_URL`, `ORBIT_LLM_MODEL` and `ORBIT_LLM_API_KEY`;
/// a missing or invalid setting is a usage error.
fn llm_writer() -> Result<LlmWriter> {
    let config = LlmConfig::from_env().map_err(|e| UsageError(e.to_string()))?;
    LlmWriter::new(config).map_err(|e| match e {
        LlmError::Config(msg) => UsageError(msg).into(),
        other => anyhow::Error::new(other),
    })
}

/// The report as the LLM rewrites it (with the database as its answer cache), or as it is.
/// A fallback to the deterministic text is said on stderr as well as in the report.
fn rewrite(store: &Store, llm: Option<&LlmWriter>, report: Report) -> Report {
    let Some(llm) = llm else {
        return report;
    };
    let rewritten = llm.rewrite(&report, Some(&StoreCache(store)));
    if rewritten.writer.fell_back() {
        eprintln!(
            "orbit: {}: the LLM writer's text was not used ({}); the report is orbit's own, \
             with a note saying so",
            report.country,
            rewritten.writer.reason.as_deref().unwrap_or("no reason")
        );
    }
    rewritten
}

/// The LLM writer's answer cache in the database (`llm_cache`). A cache that cannot be
/// read or written only costs a network call, so its errors are warnings.
struct StoreCache<'s>(&'s Store);

impl AnswerCache for StoreCache<'_> {
    fn get(&self, key: &str) -> Option<String> {
        self.0.llm_answer(key).unwrap_or_else(|e| {
            eprintln!("orbit: warning: {e}; asking the LLM again");
            None
        })
    }

    fn put(&self, key: &str, model: &str, answer: &str) {
        if let Err(e) = self.0.save_llm_answer(key, model, answer) {
            eprintln!("orbit: warning: the LLM answer could not be cached: {e}");
        }
    }
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

/// Writes every country with evidence in the period, in all three formats, plus an index
/// (`index.md`, `index.html`); returns the number of countries written.
pub fn write_all(
    store: &Store,
    scorer: &Scorer,
    g: &Gazetteer,
    period: &Period,
    dir: &Path,
) -> Result<usize> {
    write_all_with(store, scorer, g, period, dir, None)
}

/// [`write_all`], with the narratives rewritten by `llm` when given.
pub fn write_all_with(
    store: &Store,
    scorer: &Scorer,
    g: &Gazetteer,
    period: &Period,
    dir: &Path,
    llm: Option<&LlmWriter>,
) -> Result<usize> {
    let countries: Vec<&orbit_core::gazetteer::Country> = store
        .countries_with_facts(period)?
        .iter()
        .filter_map(|iso| g.country(iso))
        .collect();
    const FORMATS: [ReportFormat; 3] = [ReportFormat::Md, ReportFormat::Html, ReportFormat::Json];
    let threads = worker_threads();
    let scored = score_countries(store, scorer, &countries, period)?;
    let built = parallel_map(&scored, threads, |(card, facts)| {
        build_report(card, facts, scorer, g, period)
    });
    // The LLM writer, when asked for, goes one report at a time (it is the network's pace).
    let reports: Vec<Report> = built
        .into_iter()
        .map(|report| rewrite(store, llm, report))
        .collect();
    let rendered = parallel_map(&reports, threads, |report| {
        FORMATS.map(|format| render(report, format))
    });
    for ((card, _), texts) in scored.iter().zip(rendered) {
        for (format, text) in FORMATS.into_iter().zip(texts) {
            let path = dir.join(format!("{}.{}", card.country, format.extension()));
            write_file(&path, &text?)?;
        }
    }
    let index = Index::new(period.label(), reports);
    write_file(&dir.join("index.md"), &index.to_markdown())?;
    write_file(&dir.join("index.html"), &index.to_html())?;
    Ok(index.reports().len())
}
