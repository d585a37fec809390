//! Sources read over the network or from GDELT, for `ingest --url`, `ingest --gdelt` and
//! `watch`: the fetcher the flags describe, feeds read with the validators the store keeps,
//! and GDELT rows stored as coded events or fetched. Every article goes through the same
//! [`Pipeline`] as files.

use std::collections::HashSet;
use std::path::Path;

use anyhow::{Context, Result};
use orbit_core::{Document, Fact, RawArticle};
use orbit_fetch::{FetchConfig, Fetcher, PageRequest, SourceInfo, Validators};
use orbit_ingest::gdelt::{Cameo, EventMapper, Row, read_gdelt};
use orbit_ingest::{IngestError, Sourced, SourcedResult};
use orbit_store::{FeedValidators, Store};

use crate::args::{Global, IngestArgs, NetArgs};
use crate::commands::ingest::{Pipeline, Tally, commit};

/// Pages fetched (and held in memory) at a time when reading GDELT source URLs.
const FETCH_CHUNK: usize = 64;
/// Coded events stored per transaction.
const EVENT_BATCH: usize = 500;

/// The fetcher the network flags describe.
pub fn fetcher(net: &NetArgs) -> Result<Fetcher> {
    Ok(Fetcher::new(FetchConfig {
        allow_private: net.allow_private,
        respect_robots: !net.ignore_robots,
        timeout: net.timeout,
        host_delay: net.delay,
        ..FetchConfig::default()
    })?)
}

/// What reading remote sources did beyond the pipeline's tally.
#[derive(Debug, Default, Clone, Copy)]
pub struct RemoteOutcome {
    pub tally: Tally,
    /// Feeds that had not changed, and items and pages already stored (not fetched again).
    pub up_to_date: usize,
}

/// Adds `b` to `a`.
pub fn add_tally(a: &mut Tally, b: Tally) {
    a.new += b.new;
    a.duplicate += b.duplicate;
    a.failed += b.failed;
    a.facts += b.facts;
}

/// `ingest --url` and `ingest --gdelt`: each URL read as a page or a feed, then each GDELT file.
pub fn ingest_remote(
    global: &Global,
    pipeline: &Pipeline,
    store: &mut Store,
    args: &IngestArgs,
) -> Result<RemoteOutcome> {
    let mut out = RemoteOutcome::default();
    let needs_fetcher = !args.url.is_empty() || args.fetch;
    let fetcher = if needs_fetcher {
        Some(fetcher(&args.net)?)
    } else {
        None
    };
    if let Some(fetcher) = &fetcher {
        for url in &args.url {
            let source = ingest_source(pipeline, store, fetcher, url, &SourceInfo::default())?;
            eprintln!("orbit: {url}: {}", source.summary());
            add_tally(&mut out.tally, source.tally);
            out.up_to_date += source.known + usize::from(source.unchanged);
        }
    }
    for path in &args.gdelt {
        let gdelt = match (&fetcher, args.fetch) {
            (Some(fetcher), true) => fetch_gdelt_sources(pipeline, store, fetcher, path)?,
            _ => store_gdelt_events(global, pipeline, store, path)?,
        };
        add_tally(&mut out.tally, gdelt.tally);
        out.up_to_date += gdelt.up_to_date;
    }
    Ok(out)
}

/// What reading one source URL did.
#[derive(Debug, Default, Clone)]
pub struct SourceOutcome {
    pub tally: Tally,
    /// Items (or the page) not fetched because they are stored already.
    pub known: usize,
    /// The feed answered "not modified".
    pub unchanged: bool,
    /// The feed's title and item count, when the URL is a feed.
    pub feed: Option<(Option<String>, usize)>,
    /// The URL itself could not be read (as opposed to some of a feed's items).
    pub failed: bool,
}

impl SourceOutcome {
    /// "feed "Sahel News", 12 items: 3 new articles, 9 already stored".
    pub fn summary(&self) -> String {
        if self.unchanged {
            return "feed not modified since it was last read".into();
        }
        let what = match &self.feed {
            Some((Some(title), n)) => format!("feed \"{title}\", {n} items: "),
            Some((None, n)) => format!("feed, {n} items: "),
            None => String::new(),
        };
        format!(
            "{what}{} new articles, {} already stored, {} failed",
            self.tally.new,
            self.known + self.tally.duplicate,
            self.tally.failed
        )
    }
}

/// Reads one page or feed URL and ingests what it gives. A feed's items already stored are
/// not fetched again, and its validators are saved only once its items are stored (and none
/// failed in a way that may pass), so an interrupted run reads the feed again next time.
pub fn ingest_source(
    pipeline: &Pipeline,
    store: &mut Store,
    fetcher: &Fetcher,
    url: &str,
    info: &SourceInfo,
) -> Result<SourceOutcome> {
    let validators = store.feed_validators(url)?.map(|v| Validators {
        etag: v.etag,
        last_modified: v.last_modified,
    });
    let harvest = {
        let known = |u: &str| store.contains_url(u).unwrap_or(false);
        fetcher.harvest(url, info, validators.as_ref(), &known)
    };
    let failed = harvest.feed.is_none() && matches!(harvest.items.as_slice(), [Err(_)]);
    let before = store.last_fact_id()?;
    let items = harvest
        .items
        .into_iter()
        .map(|item| item.map(|s| with_fallbacks(pipeline, s)));
    let tally = pipeline.ingest(store, items)?;
    if (info.reliability - 1.0).abs() > f64::EPSILON && tally.facts > 0 {
        store.scale_facts_after(before, info.reliability)?;
    }
    if harvest.transient_failures == 0
        && let Some(v) = harvest.validators
        && !v.is_empty()
    {
        store.save_feed_validators(
            url,
            &FeedValidators {
                etag: v.etag,
                last_modified: v.last_modified,
            },
        )?;
    }
    Ok(SourceOutcome {
        tally,
        known: harvest.known,
        unchanged: harvest.unchanged,
        feed: harvest.feed,
        failed,
    })
}

/// The raw article with a feed item's title and date filled in where the page itself has
/// none. The cleaner decides what the page has (its metadata wins over the item's), so the
/// article is cleaned once here to ask, and again by the pipeline.
fn with_fallbacks(pipeline: &Pipeline, sourced: Sourced) -> RawArticle {
    let Sourced {
        mut article,
        fallback_title,
        fallback_published,
        ..
    } = sourced;
    if fallback_title.is_none() && fallback_published.is_none() {
        return article;
    }
    if let Ok(doc) = pipeline.cleaner.clean(&article) {
        if doc.title.is_none() {
            article.title = fallback_title;
        }
        if doc.published.is_none() {
            article.published = fallback_published;
        }
    }
    article
}

/// Counts of a GDELT file, for its summary line.
#[derive(Debug, Default)]
struct GdeltCounts {
    rows: usize,
    african: usize,
    events: usize,
    without_power: usize,
    gkg: usize,
}

/// `ingest --gdelt FILE`: rows about African states between a state and a foreign power are
/// stored as coded events, one fact each.
fn store_gdelt_events(
    global: &Global,
    pipeline: &Pipeline,
    store: &mut Store,
    path: &Path,
) -> Result<RemoteOutcome> {
    let cameo = Cameo::load(global.data.as_deref())?;
    let mapper = EventMapper::new(&pipeline.extractor.knowledge().gazetteer, cameo);
    let name = path.display().to_string();
    let mut counts = GdeltCounts::default();
    let records = read_gdelt(path).filter_map(|row| {
        let row = match row {
            Ok(row) => row,
            Err(e) => return Some(Err(e)),
        };
        counts.rows += 1;
        if !mapper.is_about_africa(&row) {
            return None;
        }
        counts.african += 1;
        match &row {
            Row::Event(event) => match mapper.fact_of(event, &format!("{name}:{}", event.line)) {
                Some(record) => {
                    counts.events += 1;
                    Some(Ok(record))
                }
                None => {
                    counts.without_power += 1;
                    None
                }
            },
            Row::Gkg(_) => {
                counts.gkg += 1;
                None
            }
        }
    });
    let tally = store_records(store, records)?;
    let mut line = format!(
        "orbit: {name}: {} GDELT rows, {} about African states; {} events with a foreign power \
         ({} new, {} already stored)",
        counts.rows, counts.african, counts.events, tally.new, tally.duplicate
    );
    if counts.without_power > 0 {
        line += &format!(", {} without one (not stored)", counts.without_power);
    }
    eprintln!("{line}");
    if counts.gkg > 0 {
        eprintln!(
            "orbit: {name}: {} GKG rows about African states carry no coded event; add --fetch \
             to read their articles",
            counts.gkg
        );
    }
    Ok(RemoteOutcome {
        tally,
        up_to_date: 0,
    })
}

/// Stores ready-made documents and facts (coded events) in batches, one transaction each,
/// reporting bad rows on stderr and carrying on.
fn store_records(
    store: &mut Store,
    records: impl Iterator<Item = Result<(Document, Vec<Fact>), IngestError>>,
) -> Result<Tally> {
    let mut tally = Tally::default();
    let mut batch = Vec::with_capacity(EVENT_BATCH);
    for record in records {
        match record {
            Ok(record) => batch.push(record),
            Err(e) => {
                tally.failed += 1;
                eprintln!("orbit: {e}");
            }
        }
        if batch.len() >= EVENT_BATCH {
            commit(store, &mut batch, &mut tally)?;
        }
    }
    commit(store, &mut batch, &mut tally)?;
    Ok(tally)
}

/// `ingest --gdelt FILE --fetch`: the source articles of the rows about African states are
/// fetched (each URL once, stored ones skipped) and ingested like any page, the row's date
/// standing in when the page has none.
fn fetch_gdelt_sources(
    pipeline: &Pipeline,
    store: &mut Store,
    fetcher: &Fetcher,
    path: &Path,
) -> Result<RemoteOutcome> {
    let gazetteer = &pipeline.extractor.knowledge().gazetteer;
    // Only which rows are about Africa is needed here; the CAMEO table is not.
    let mapper = EventMapper::new(gazetteer, Cameo::load(None)?);
    let name = path.display().to_string();
    let mut out = RemoteOutcome::default();
    let mut seen = HashSet::new();
    let mut requests = Vec::new();
    let mut rows = 0;
    for row in read_gdelt(path) {
        let row = match row {
            Ok(row) => row,
            Err(e) => {
                out.tally.failed += 1;
                eprintln!("orbit: {e}");
                continue;
            }
        };
        rows += 1;
        if !mapper.is_about_africa(&row) {
            continue;
        }
        let Some(url) = row.source_url() else {
            continue;
        };
        if !seen.insert(url.to_string()) {
            continue;
        }
        if store
            .contains_url(url)
            .with_context(|| format!("checking {url}"))?
        {
            out.up_to_date += 1;
            continue;
        }
        requests.push(PageRequest {
            url: url.to_string(),
            title: None,
            published: row.published().map(|d| d.to_string()),
        });
    }
    eprintln!(
        "orbit: {name}: {rows} GDELT rows, {} source articles about African states to read \
         ({} already stored)",
        requests.len() + out.up_to_date,
        out.up_to_date
    );
    for chunk in requests.chunks(FETCH_CHUNK) {
        let (items, _) = fetcher.read_pages(chunk, &SourceInfo::default());
        let items = items
            .into_iter()
            .map(|item: SourcedResult| item.map(|s| with_fallbacks(pipeline, s)));
        add_tally(&mut out.tally, pipeline.ingest(store, items)?);
    }
    Ok(out)
}
