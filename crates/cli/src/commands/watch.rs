//! `orbit watch`: read the sources of a sources file every cycle, ingest what is new, rescore
//! the countries whose facts changed, and raise an alert when a score moves.
//!
//! Stopping is safe at any moment (Ctrl-C, SIGTERM, even SIGKILL): articles are stored in
//! SQLite transactions, a feed's validators are saved only after its items, and alerts are
//! compared with the scores recorded in the database, so a restarted watch picks up where the
//! killed one stopped — nothing is lost, nothing stored twice, and an alert the killed cycle
//! did not get to raise is raised at start-up.

use std::collections::HashSet;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use anyhow::{Context, Result};
use orbit_core::{Gazetteer, Period};
use orbit_fetch::{Fetcher, SourceInfo};
use orbit_score::{CountryScore, Scorer};
use orbit_store::Store;
use serde::Deserialize;

use crate::UsageError;
use crate::args::{Global, WatchArgs};
use crate::commands::ingest::{Pipeline, Tally};
use crate::commands::remote::{self, add_tally};
use crate::commands::{load_scorer, open_store, score_country};

/// A sources file (`data/sources.toml` is an example).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct SourcesFile {
    #[serde(default)]
    alerts: AlertsConfig,
    #[serde(default)]
    source: Vec<Source>,
}

/// Where alerts go besides standard output.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct AlertsConfig {
    /// A JSON-lines file, one alert per line (relative to the sources file).
    file: Option<PathBuf>,
    /// A URL each alert is POSTed to as JSON.
    webhook: Option<String>,
}

/// One feed or page to watch.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Source {
    name: String,
    url: String,
    /// ISO 639-1 language of its articles.
    lang: Option<String>,
    /// Reliability: multiplies the weight of its facts (default 1).
    #[serde(default = "one")]
    weight: f64,
    #[serde(default)]
    tags: Vec<String>,
    /// `false` keeps a source listed without reading it.
    #[serde(default = "yes")]
    enabled: bool,
}

fn one() -> f64 {
    1.0
}

fn yes() -> bool {
    true
}

/// Reads and checks a sources file; a mistake names the file and the entry.
fn load_sources(path: &Path) -> Result<SourcesFile> {
    let name = path.display();
    let text = std::fs::read_to_string(path)
        .map_err(|e| UsageError(format!("cannot read sources file {name}: {e}")))?;
    let mut file: SourcesFile = toml::from_str(&text)
        .map_err(|e| UsageError(format!("sources file {name}: {}", e.to_string().trim_end())))?;
    let mut urls = HashSet::new();
    for (i, s) in file.source.iter().enumerate() {
        let bad = |why: String| {
            UsageError(format!(
                "sources file {name}: source {} (\"{}\"): {why}",
                i + 1,
                s.name
            ))
        };
        if s.name.trim().is_empty() {
            return Err(bad("name is empty".into()).into());
        }
        orbit_fetch::guard::check_url(&s.url, true).map_err(|e| bad(e.to_string()))?;
        if !(s.weight > 0.0 && s.weight <= 5.0) {
            return Err(bad(format!("weight {} must be in (0, 5]", s.weight)).into());
        }
        if let Some(lang) = &s.lang
            && !(2..=3).contains(&lang.len())
        {
            return Err(bad(format!(
                "lang '{lang}' is not an ISO 639-1 code like \"fr\""
            ))
            .into());
        }
        if !urls.insert(s.url.trim().to_string()) {
            return Err(bad(format!("{} is listed twice", s.url)).into());
        }
    }
    if let Some(hook) = &file.alerts.webhook {
        orbit_fetch::guard::check_url(hook, true)
            .map_err(|e| UsageError(format!("sources file {name}: [alerts] webhook: {e}")))?;
    }
    // Alert files are relative to the sources file, like an include.
    if let Some(out) = &file.alerts.file
        && out.is_relative()
    {
        let base = path.parent().unwrap_or(Path::new("."));
        file.alerts.file = Some(base.join(out));
    }
    file.source.retain(|s| s.enabled);
    Ok(file)
}

/// The sources to read: the enabled ones, and with `--tag`, those with one of the tags.
fn selected<'a>(sources: &'a [Source], tags: &[String]) -> Vec<&'a Source> {
    sources
        .iter()
        .filter(|s| {
            tags.is_empty()
                || s.tags
                    .iter()
                    .any(|t| tags.iter().any(|w| w.eq_ignore_ascii_case(t)))
        })
        .collect()
}

pub fn run(global: &Global, args: WatchArgs) -> Result<ExitCode> {
    let file = load_sources(&args.sources)?;
    let sources = selected(&file.source, &args.tags);
    if sources.is_empty() {
        return Err(UsageError(format!(
            "sources file {} lists no enabled [[source]]{}",
            args.sources.display(),
            if args.tags.is_empty() {
                ""
            } else {
                " with those tags"
            }
        ))
        .into());
    }
    let period = match &args.period {
        Some(p) => Period::parse(p)?,
        None => current_month()?,
    };
    let fetcher = remote::fetcher(&args.net)?;
    let pipeline = Pipeline::load(global)?;
    let scorer = load_scorer(global)?;
    let mut store = open_store(global)?;
    let alerts = Alerts {
        config: &file.alerts,
        fetcher: &fetcher,
        gazetteer: &pipeline.extractor.knowledge().gazetteer,
        scorer: &scorer,
        period: &period,
    };
    eprintln!(
        "orbit: watch: {} sources from {}, every {}, alerts on {} scores",
        sources.len(),
        args.sources.display(),
        human(args.every),
        period.key()
    );
    // A watch killed after storing a cycle's articles but before its alerts: raise them now.
    let missed = alerts.check(&store, None, "since the last run")?;
    if missed > 0 {
        eprintln!("orbit: watch: {missed} alerts from before the restart");
    }
    let mut cycle = 0u64;
    loop {
        cycle += 1;
        let started = Instant::now();
        let done = run_cycle(&pipeline, &mut store, &fetcher, &sources, &alerts, cycle)?;
        eprintln!(
            "orbit: watch: cycle {cycle}: {} sources ({} unchanged, {} failed): {} new articles, \
             {} already stored, {} failed; {} facts; {} countries rescored, {} alerts ({:.1} s)",
            sources.len(),
            done.unchanged,
            done.failed_sources,
            done.tally.new,
            done.tally.duplicate + done.known,
            done.tally.failed,
            done.tally.facts,
            done.rescored,
            done.alerts,
            started.elapsed().as_secs_f64()
        );
        if args.once || args.cycles.is_some_and(|n| cycle >= n) {
            return Ok(ExitCode::SUCCESS);
        }
        let next = started + args.every;
        std::thread::sleep(next.saturating_duration_since(Instant::now()));
    }
}

/// What one cycle did.
#[derive(Debug, Default)]
struct CycleOutcome {
    tally: Tally,
    known: usize,
    unchanged: usize,
    failed_sources: usize,
    rescored: usize,
    alerts: usize,
}

fn run_cycle(
    pipeline: &Pipeline,
    store: &mut Store,
    fetcher: &Fetcher,
    sources: &[&Source],
    alerts: &Alerts<'_>,
    cycle: u64,
) -> Result<CycleOutcome> {
    let mut out = CycleOutcome::default();
    let before = store.last_fact_id()?;
    for source in sources {
        let info = SourceInfo {
            name: Some(source.name.clone()),
            lang: source.lang.clone(),
            reliability: source.weight,
        };
        let got = remote::ingest_source(pipeline, store, fetcher, &source.url, &info)?;
        add_tally(&mut out.tally, got.tally);
        out.known += got.known;
        out.unchanged += usize::from(got.unchanged);
        out.failed_sources += usize::from(got.failed);
    }
    // Rescore only the countries that got facts this cycle.
    let changed = store.countries_with_facts_after(before)?;
    out.rescored = changed.len();
    out.alerts = alerts.check(store, Some(&changed), &format!("in cycle {cycle}"))?;
    Ok(out)
}

/// Compares scores with the last recorded ones and raises alerts.
struct Alerts<'a> {
    config: &'a AlertsConfig,
    fetcher: &'a Fetcher,
    gazetteer: &'a Gazetteer,
    scorer: &'a Scorer,
    period: &'a Period,
}

impl Alerts<'_> {
    /// Rescores `countries` (all countries with facts in the period or a recorded score when
    /// `None`), raises an alert for each whose score moved from the recorded one, and records
    /// the new scores. The alert goes out before the score is recorded: a watch killed in
    /// between raises it again rather than never. Returns the number of alerts.
    fn check(&self, store: &Store, countries: Option<&[String]>, when: &str) -> Result<usize> {
        let key = self.period.key();
        let baselines = store.alert_baselines(&key)?;
        let all;
        let countries = match countries {
            Some(c) => c,
            None => {
                let mut c = store.countries_with_facts(self.period)?;
                c.extend(baselines.keys().cloned());
                c.sort();
                c.dedup();
                all = c;
                &all
            }
        };
        let mut raised = 0;
        for iso2 in countries {
            let Some(country) = self.gazetteer.country(iso2) else {
                continue;
            };
            let (card, _) = score_country(store, self.scorer, country, self.period)?;
            if let (Some(Some(before)), Some(now)) = (baselines.get(iso2), card.score)
                && *before != now
            {
                self.raise(&card, *before, when);
                raised += 1;
            }
            store.set_alert_baseline(&key, iso2, card.score)?;
        }
        Ok(raised)
    }

    /// Prints the alert on stdout and sends it to the configured file and webhook.
    fn raise(&self, card: &CountryScore, before: u8, when: &str) {
        let now = card.score.unwrap_or_default();
        // The file and the webhook still get the alert when stdout is closed.
        let _ = writeln!(
            std::io::stdout(),
            "alert: {} ({}) {}: score {before} → {now} {when} (index {}, confidence {:.2}, {} facts from {} sources)",
            card.name,
            card.country,
            card.period.key,
            card.index
                .map_or_else(|| "-".into(), |i| format!("{i:+.2}")),
            card.confidence,
            card.n_facts,
            card.n_sources,
        );
        let _ = std::io::stdout().flush();
        let json = serde_json::json!({
            "alert": "score_change",
            "country": card.country,
            "name": card.name,
            "period": card.period.key,
            "from": before,
            "to": now,
            "change": i16::from(now) - i16::from(before),
            "index": card.index,
            "confidence": card.confidence,
            "n_facts": card.n_facts,
            "n_sources": card.n_sources,
            "drivers": card.drivers,
            "when": when,
            "at": jiff::Timestamp::now().to_string(),
        });
        if let Some(path) = &self.config.file
            && let Err(e) = append_line(path, &json.to_string())
        {
            eprintln!("orbit: alert file {}: {e:#}", path.display());
        }
        if let Some(hook) = &self.config.webhook
            && let Err(e) = self.fetcher.post_json(hook, &json.to_string())
        {
            eprintln!("orbit: alert webhook: {e}");
        }
    }
}

/// Appends one line and flushes it to disk, so a crash leaves whole lines.
fn append_line(path: &Path, line: &str) -> Result<()> {
    let mut file = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(path)
        .with_context(|| "cannot open".to_string())?;
    file.write_all(format!("{line}\n").as_bytes())?;
    file.sync_data()?;
    Ok(())
}

/// The current month (UTC), the default period of alerts.
fn current_month() -> Result<Period> {
    let today = jiff::Timestamp::now()
        .to_zoned(jiff::tz::TimeZone::UTC)
        .date();
    Ok(Period::parse(&format!(
        "{:04}-{:02}",
        today.year(),
        today.month()
    ))?)
}

/// "15m", "1h30m", "90s" back from a duration, for the start-up line.
fn human(d: std::time::Duration) -> String {
    let secs = d.as_secs();
    match (secs / 3600, (secs % 3600) / 60, secs % 60) {
        (0, 0, _) if d.subsec_millis() > 0 => format!("{}ms", d.as_millis()),
        (0, 0, s) => format!("{s}s"),
        (0, m, 0) => format!("{m}m"),
        (h, 0, 0) => format!("{h}h"),
        (h, m, s) => format!("{h}h{m}m{s}s"),
    }
}
