//! `orbit ingest`: read → clean → extract → store, in batches of one transaction each.

use std::io::IsTerminal;
use std::process::ExitCode;

use anyhow::Result;
use indicatif::{ProgressBar, ProgressStyle};
use orbit_clean::Cleaner;
use orbit_core::{Document, Fact, RawArticle};
use orbit_extract::Extractor;
use orbit_ingest::ReadResult;
use orbit_store::{Inserted, Store};

use crate::args::{Global, IngestArgs};
use crate::commands::{load_knowledge, open_store};

/// Articles per transaction: large enough to amortise the commit, small enough to stream.
const BATCH: usize = 500;

/// What an ingest run did.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Tally {
    pub new: usize,
    pub duplicate: usize,
    pub failed: usize,
    pub facts: usize,
}

impl std::fmt::Display for Tally {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} new articles, {} duplicates, {} failed; {} facts extracted",
            self.new, self.duplicate, self.failed, self.facts
        )
    }
}

pub fn run(global: &Global, args: IngestArgs) -> Result<ExitCode> {
    let items: Box<dyn Iterator<Item = ReadResult>> =
        if args.paths.iter().any(|p| p.as_os_str() == "-") {
            let files: Vec<_> = args
                .paths
                .iter()
                .filter(|p| p.as_os_str() != "-")
                .cloned()
                .collect();
            Box::new(orbit_ingest::read_stdin().chain(orbit_ingest::read_paths(&files)))
        } else {
            Box::new(orbit_ingest::read_paths(&args.paths))
        };
    let mut store = open_store(global)?;
    let pipeline = Pipeline::load(global)?;
    let tally = pipeline.ingest(&mut store, items)?;
    eprintln!("orbit: ingest: {tally}");
    let nothing = tally.new + tally.duplicate == 0;
    Ok(if nothing {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// The clean → extract stages, built once.
pub struct Pipeline {
    pub cleaner: Cleaner,
    pub extractor: Extractor,
}

impl Pipeline {
    pub fn load(global: &Global) -> Result<Self> {
        let knowledge = load_knowledge(global)?;
        Ok(Pipeline {
            cleaner: Cleaner::load(global.data.as_deref())?,
            extractor: Extractor::new(&knowledge)?,
        })
    }

    /// Ingests every item, reporting each bad one on stderr and carrying on.
    pub fn ingest(
        &self,
        store: &mut Store,
        items: impl Iterator<Item = ReadResult>,
    ) -> Result<Tally> {
        let progress = progress_bar();
        let mut tally = Tally::default();
        let mut batch: Vec<(Document, Vec<Fact>)> = Vec::with_capacity(BATCH);
        for item in items {
            progress.inc(1);
            match item
                .map_err(anyhow::Error::from)
                .and_then(|raw| self.prepare(store, &raw))
            {
                Ok(Some(prepared)) => batch.push(prepared),
                Ok(None) => tally.duplicate += 1,
                Err(e) => {
                    tally.failed += 1;
                    progress.suspend(|| eprintln!("orbit: {e:#}"));
                }
            }
            if batch.len() >= BATCH {
                commit(store, &mut batch, &mut tally)?;
            }
        }
        commit(store, &mut batch, &mut tally)?;
        progress.finish_and_clear();
        Ok(tally)
    }

    /// Cleans and extracts one article; `None` when the store already has it.
    fn prepare(&self, store: &Store, raw: &RawArticle) -> Result<Option<(Document, Vec<Fact>)>> {
        let mut doc = self.cleaner.clean(raw)?;
        if doc.url.is_none() {
            doc.url = file_url(&doc.origin);
        }
        if doc.source.is_none() {
            doc.source = file_name(&doc.origin);
        }
        if store.contains_article(doc.url.as_deref(), &doc.text)? {
            return Ok(None);
        }
        let facts = self.extractor.extract(&doc);
        Ok(Some((doc, facts)))
    }
}

/// A `file://` link to a local source, so citations of files have a "View Source" too:
/// `notes/a.txt` → `file:///home/me/notes/a.txt`, `corpus.jsonl:12` → `file:///…/corpus.jsonl#line=12`.
fn file_url(origin: &str) -> Option<String> {
    if origin.starts_with('<') {
        return None; // <stdin>
    }
    let (path, line) = match origin.rsplit_once(':') {
        Some((p, l)) if !l.is_empty() && l.bytes().all(|b| b.is_ascii_digit()) => (p, Some(l)),
        _ => (origin, None),
    };
    let absolute = std::fs::canonicalize(path).ok()?;
    let mut url = url::Url::from_file_path(absolute).ok()?;
    if let Some(line) = line {
        url.set_fragment(Some(&format!("line={line}")));
    }
    Some(url.to_string())
}

/// The file name of a local source (`notes/a.txt:3` → `a.txt`), to name it in citations.
fn file_name(origin: &str) -> Option<String> {
    if origin.starts_with('<') {
        return None;
    }
    let path = origin
        .rsplit_once(':')
        .filter(|(_, l)| l.bytes().all(|b| b.is_ascii_digit()))
        .map_or(origin, |(p, _)| p);
    std::path::Path::new(path)
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
}

fn commit(
    store: &mut Store,
    batch: &mut Vec<(Document, Vec<Fact>)>,
    tally: &mut Tally,
) -> Result<()> {
    if batch.is_empty() {
        return Ok(());
    }
    for outcome in store.insert_batch(batch)? {
        match outcome {
            Inserted::New { facts, .. } => {
                tally.new += 1;
                tally.facts += facts;
            }
            Inserted::Duplicate { .. } => tally.duplicate += 1,
        }
    }
    batch.clear();
    Ok(())
}

/// A spinner with a count on a terminal; nothing when stderr is redirected.
fn progress_bar() -> ProgressBar {
    if !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::new_spinner();
    if let Ok(style) = ProgressStyle::with_template("{spinner} {pos} articles read ({per_sec})") {
        bar.set_style(style);
    }
    bar.enable_steady_tick(std::time::Duration::from_millis(120));
    bar
}
