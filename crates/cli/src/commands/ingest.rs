//! `orbit ingest`: read → clean → extract → store, in batches of one transaction each.

use std::io::IsTerminal;
use std::process::ExitCode;

use anyhow::Result;
use indicatif::{ProgressBar, ProgressStyle};
use orbit_clean::Cleaner;
use orbit_core::{Document, Fact, RawArticle};
use orbit_extract::Extractor;
use orbit_ingest::ReadResult;
use orbit_store::{Inserted, NewArticle, Store, TextHash};

use crate::args::{Global, IngestArgs};
use crate::commands::parallel::{parallel_map, worker_threads};
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
    let mut tally = if args.paths.is_empty() {
        Tally::default()
    } else {
        pipeline.ingest(&mut store, items)?
    };
    // --url pages and feeds, --gdelt files: fetched or read, then the same pipeline.
    let remote = super::remote::ingest_remote(global, &pipeline, &mut store, &args)?;
    super::remote::add_tally(&mut tally, remote.tally);
    eprintln!("orbit: ingest: {tally}");
    let nothing = tally.new + tally.duplicate + remote.up_to_date == 0;
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

/// An item after cleaning, deduplication and extraction: ready to store, already stored
/// (`None`), or failed.
type Prepared = Result<Option<Ready>>;

/// A cleaned article with its facts and the hash of its text, ready to store.
type Ready = (Document, Vec<Fact>, TextHash);

impl Pipeline {
    pub fn load(global: &Global) -> Result<Self> {
        let knowledge = load_knowledge(global)?;
        Ok(Pipeline {
            cleaner: Cleaner::load(global.data.as_deref())?,
            extractor: Extractor::new(&knowledge)?,
        })
    }

    /// Ingests every item, reporting each bad one on stderr and carrying on.
    ///
    /// Items are read in chunks; each chunk is cleaned and extracted across the cores, and
    /// its results are then taken in input order, so the store, the messages and the batch
    /// boundaries (one transaction per [`BATCH`] new articles) are those of a one-by-one run.
    /// Full batches are written by a background thread while the next chunk is read, cleaned
    /// and extracted. Duplicates are looked up through a second connection to the database,
    /// which sees what is committed; one of an article still being written is caught when it
    /// is stored (a database in memory has one connection: there the write ends first).
    pub fn ingest(
        &self,
        store: &mut Store,
        items: impl Iterator<Item = ReadResult>,
    ) -> Result<Tally> {
        let progress = progress_bar();
        let threads = worker_threads();
        let mut items = items;
        let mut tally = Tally::default();
        let mut batch: Vec<Ready> = Vec::with_capacity(BATCH);
        let lookup = store.path().map(Store::open).transpose()?;
        std::thread::scope(|scope| -> Result<()> {
            let mut writer = Writer::Idle(store);
            loop {
                let chunk: Vec<ReadResult> = items.by_ref().take(CHUNK).collect();
                if chunk.is_empty() {
                    break;
                }
                let cleaned = self.clean_chunk(chunk, threads);
                let prepared = match &lookup {
                    Some(lookup) => self.extract_chunk(lookup, cleaned, threads),
                    None => {
                        let store = writer.wait(&mut tally)?;
                        let prepared = self.extract_chunk(store, cleaned, threads);
                        writer = Writer::Idle(store);
                        prepared
                    }
                };
                let store = writer.wait(&mut tally)?;
                let mut full = Vec::new();
                for prepared in prepared {
                    progress.inc(1);
                    match prepared {
                        Ok(Some(prepared)) => batch.push(prepared),
                        Ok(None) => tally.duplicate += 1,
                        Err(e) => {
                            tally.failed += 1;
                            progress.suspend(|| eprintln!("orbit: {e:#}"));
                        }
                    }
                    if batch.len() >= BATCH {
                        full.push(std::mem::replace(&mut batch, Vec::with_capacity(BATCH)));
                    }
                }
                writer = Writer::start(scope, store, full);
            }
            let store = writer.wait(&mut tally)?;
            commit(store, &mut batch, &mut tally)
        })?;
        progress.finish_and_clear();
        Ok(tally)
    }

    /// Cleans a chunk of items and hashes their texts across the worker threads; results in
    /// input order.
    fn clean_chunk(
        &self,
        chunk: Vec<ReadResult>,
        threads: usize,
    ) -> Vec<Result<(Document, TextHash)>> {
        let hashed = |raw: &RawArticle| {
            let doc = self.clean(raw)?;
            let hash = TextHash::of(&doc.text);
            Ok((doc, hash))
        };
        let cleaned = parallel_map(&chunk, threads, |item| item.as_ref().ok().map(hashed));
        chunk
            .into_iter()
            .zip(cleaned)
            .map(|(item, cleaned)| match (item, cleaned) {
                (Err(e), _) => Err(e.into()),
                (Ok(_), Some(cleaned)) => cleaned,
                (Ok(raw), None) => hashed(&raw),
            })
            .collect()
    }

    /// Drops the documents the store already has and extracts the facts of the rest across
    /// the worker threads; results in input order.
    fn extract_chunk(
        &self,
        store: &Store,
        cleaned: Vec<Result<(Document, TextHash)>>,
        threads: usize,
    ) -> Vec<Prepared> {
        let documents: Vec<Result<Option<(Document, TextHash)>>> = cleaned
            .into_iter()
            .map(|doc| {
                let (doc, hash) = doc?;
                let stored = store.contains_article(doc.url.as_deref(), &hash)?;
                Ok((!stored).then_some((doc, hash)))
            })
            .collect();
        // A bug the extractor meets on one article (a panic) costs that article only: it is
        // reported and skipped like unreadable input, and the rest of the run goes on.
        let facts = parallel_map(&documents, threads, |doc| match doc {
            Ok(Some((doc, _))) => std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                self.extractor.extract(doc)
            }))
            .ok(),
            _ => Some(Vec::new()),
        });
        documents
            .into_iter()
            .zip(facts)
            .map(|(doc, facts)| match (doc?, facts) {
                (Some((doc, hash)), Some(facts)) => Ok(Some((doc, facts, hash))),
                (Some((doc, _)), None) => Err(anyhow::anyhow!(
                    "{}: orbit hit an internal error while extracting facts from this article \
                     and skipped it; please report it with the article",
                    doc.origin
                )),
                (None, _) => Ok(None),
            })
            .collect()
    }

    /// Cleans one article, naming a local file as its URL and source when it has none.
    fn clean(&self, raw: &RawArticle) -> Result<Document> {
        let mut doc = self.cleaner.clean(raw)?;
        if doc.url.is_none() {
            doc.url = file_url(&doc.origin);
        }
        if doc.source.is_none() {
            doc.source = file_name(&doc.origin);
        }
        Ok(doc)
    }
}

/// The store: idle, or being written to by a background thread.
enum Writer<'scope, 'env> {
    Idle(&'env mut Store),
    Busy(std::thread::ScopedJoinHandle<'scope, (&'env mut Store, Result<Tally>)>),
}

impl<'scope, 'env> Writer<'scope, 'env> {
    /// Writes `batches` in order, one transaction each, on a thread of `scope`.
    fn start(
        scope: &'scope std::thread::Scope<'scope, 'env>,
        store: &'env mut Store,
        batches: Vec<Vec<Ready>>,
    ) -> Self {
        if batches.is_empty() {
            return Writer::Idle(store);
        }
        Writer::Busy(scope.spawn(move || {
            let mut tally = Tally::default();
            let written = batches
                .into_iter()
                .try_for_each(|mut batch| commit(store, &mut batch, &mut tally));
            (store, written.map(|()| tally))
        }))
    }

    /// Waits for the write to end, adds what it stored to `tally`, and gives the store back.
    fn wait(self, tally: &mut Tally) -> Result<&'env mut Store> {
        match self {
            Writer::Idle(store) => Ok(store),
            Writer::Busy(handle) => {
                let (store, written) = handle
                    .join()
                    .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
                let written = written?;
                tally.new += written.new;
                tally.duplicate += written.duplicate;
                tally.failed += written.failed;
                tally.facts += written.facts;
                Ok(store)
            }
        }
    }
}

/// Items read ahead and cleaned and extracted together, across the worker threads.
const CHUNK: usize = 512;

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

/// Stores `batch` in one transaction, counts what was new and what was a duplicate in
/// `tally`, and empties it.
pub(crate) fn commit<A: NewArticle>(
    store: &mut Store,
    batch: &mut Vec<A>,
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
