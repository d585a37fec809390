//! orbit's embedded store: cleaned articles and their facts in one SQLite file, with an FTS5
//! full-text index of the facts (DESIGN §3, §4).
//!
//! Articles are stored once: a second article with a stored URL, or with the same text up to
//! whitespace and case, is a duplicate and writes nothing. Facts are read back with their
//! article's URL, source, publication date and language.
//!
//! ```
//! use orbit_core::{Document, Period};
//! use orbit_store::{FactFilter, Inserted, Store};
//!
//! let mut store = Store::open_in_memory()?;
//! let doc = Document {
//!     origin: "example.txt".into(),
//!     url: Some("https://example.org/a".into()),
//!     source: None,
//!     title: None,
//!     published: None,
//!     lang: Some("en".into()),
//!     text: "Mali's junta met Lavrov.".into(),
//! };
//! let inserted = store.insert_batch(&[(doc.clone(), Vec::new())])?;
//! assert!(matches!(inserted[0], Inserted::New { facts: 0, .. }));
//! assert!(matches!(store.insert_batch(&[(doc, Vec::new())])?[0], Inserted::Duplicate { .. }));
//! assert_eq!(store.counts()?.articles, 1);
//! assert!(store.facts(&FactFilter { period: Some(Period::all()), ..Default::default() })?.is_empty());
//! # Ok::<(), orbit_store::StoreError>(())
//! ```

mod error;
mod filter;
mod llm_cache;
mod monitor;
mod schema;

use std::borrow::Cow;
use std::collections::HashMap;
use std::path::Path;
use std::str::FromStr;
use std::time::Duration;

use jiff::civil::Date;
use orbit_core::{Document, Fact, FuzzyDate, Period};
use rusqlite::{Connection, OptionalExtension, Row, TransactionBehavior, params, params_from_iter};
use sha2::{Digest, Sha256};

use error::Context;
pub use error::StoreError;
pub use monitor::FeedValidators;
pub use schema::SCHEMA_VERSION;

/// How long a statement waits for another process's lock before giving up.
const BUSY_TIMEOUT: Duration = Duration::from_secs(10);

/// The outcome of storing one article of a batch.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Inserted {
    /// The article was new and is stored with this many facts.
    New {
        /// Id of the stored article.
        article_id: i64,
        /// Number of facts stored with it.
        facts: usize,
    },
    /// An article with the same URL or the same text was already stored; nothing was written.
    Duplicate {
        /// Id of the article already stored.
        article_id: i64,
    },
}

impl Inserted {
    /// The id of the stored article, new or already there.
    pub fn article_id(&self) -> i64 {
        match *self {
            Inserted::New { article_id, .. } | Inserted::Duplicate { article_id } => article_id,
        }
    }
}

/// The key that makes identical articles duplicates: the hex SHA-256 of the text with runs
/// of whitespace collapsed and lowercased. Normalising and hashing a 5 KB article costs
/// about as much as storing it, so an ingest computes it once, where a core is free, and
/// hands it to both [`Store::contains_article`] and [`Store::insert_batch`].
///
/// ```
/// use orbit_store::TextHash;
/// assert_eq!(TextHash::of("Mali  and\nRussia"), TextHash::of("mali and russia"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct TextHash(String);

impl TextHash {
    /// The hash of `text`.
    pub fn of(text: &str) -> TextHash {
        use std::fmt::Write;
        let digest = Sha256::digest(normalised_text(text).as_bytes());
        let mut hex = String::with_capacity(64);
        for byte in digest {
            // Writing to a String cannot fail.
            let _ = write!(hex, "{byte:02x}");
        }
        TextHash(hex)
    }

    fn as_str(&self) -> &str {
        &self.0
    }
}

/// An article to store: a document with its facts, and its [`TextHash`] when the caller has
/// it already (`(Document, Vec<Fact>, TextHash)`); a `(Document, Vec<Fact>)` is hashed here.
pub trait NewArticle {
    /// The cleaned article.
    fn document(&self) -> &Document;
    /// Its facts, as the extractor hands them over.
    fn facts(&self) -> &[Fact];
    /// The hash of its text.
    fn text_hash(&self) -> Cow<'_, TextHash>;
}

impl NewArticle for (Document, Vec<Fact>) {
    fn document(&self) -> &Document {
        &self.0
    }
    fn facts(&self) -> &[Fact] {
        &self.1
    }
    fn text_hash(&self) -> Cow<'_, TextHash> {
        Cow::Owned(TextHash::of(&self.0.text))
    }
}

impl NewArticle for (Document, Vec<Fact>, TextHash) {
    fn document(&self) -> &Document {
        &self.0
    }
    fn facts(&self) -> &[Fact] {
        &self.1
    }
    fn text_hash(&self) -> Cow<'_, TextHash> {
        Cow::Borrowed(&self.2)
    }
}

/// A filter over stored facts; the default keeps every fact.
#[derive(Debug, Clone, Default)]
pub struct FactFilter {
    /// ISO2 code of the country the facts are about, as stored (`"ML"`).
    pub country: Option<String>,
    /// Only facts whose event date lies wholly inside the period (the rule of
    /// [`Period::contains`]: its first day on or after `from` and its last day on or before
    /// `to`). Undated facts are kept only when the period is unbounded on both sides.
    pub period: Option<Period>,
    /// Words the fact text must all contain (stemmed, case- and accent-insensitive). Any input
    /// is accepted: FTS5 operators and stray quotes are searched for as plain words, and a
    /// query with no word in it does not filter.
    pub query: Option<String>,
    /// At most this many facts (the first ones in the usual order).
    pub limit: Option<usize>,
}

/// How much the store holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Counts {
    /// Stored articles.
    pub articles: usize,
    /// Stored facts.
    pub facts: usize,
}

/// The embedded SQLite store. One `Store` is one connection: use it from one thread at a
/// time, and open one per thread or process (WAL mode lets readers run beside a writer).
pub struct Store {
    conn: Connection,
}

impl std::fmt::Debug for Store {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Store")
            .field("path", &self.conn.path())
            .finish()
    }
}

impl Store {
    /// Opens the database at `path`, creating the file if needed (its directory must exist),
    /// and brings its schema up to date.
    ///
    /// The database runs in WAL mode with foreign keys on and waits up to 10 s for another
    /// process's lock. A database written by a newer orbit is refused with
    /// [`StoreError::TooNew`].
    pub fn open(path: &Path) -> Result<Store, StoreError> {
        let open_err = |source| StoreError::Open {
            path: path.to_path_buf(),
            source,
        };
        let conn = Connection::open(path).map_err(open_err)?;
        // Setting WAL reads the file, so a file that is not a database fails here, as an
        // open error naming the path. It returns the mode in effect; a file system without
        // WAL support keeps the old mode, which is still correct, only slower.
        conn.busy_timeout(BUSY_TIMEOUT).map_err(open_err)?;
        conn.pragma_update_and_check(None, "journal_mode", "WAL", |row| row.get::<_, String>(0))
            .map_err(open_err)?;
        // With WAL, NORMAL cannot corrupt the database; a power cut may lose the last commit.
        conn.pragma_update(None, "synchronous", "NORMAL")
            .map_err(open_err)?;
        Self::init(conn, path)
    }

    /// The file the database is in; `None` for a database in memory, which only this
    /// connection sees.
    pub fn path(&self) -> Option<&Path> {
        self.conn.path().filter(|p| !p.is_empty()).map(Path::new)
    }

    /// Opens a fresh database in memory, for tests and one-shot runs.
    pub fn open_in_memory() -> Result<Store, StoreError> {
        let path = Path::new(":memory:");
        let conn = Connection::open_in_memory().map_err(|source| StoreError::Open {
            path: path.to_path_buf(),
            source,
        })?;
        Self::init(conn, path)
    }

    fn init(mut conn: Connection, path: &Path) -> Result<Store, StoreError> {
        let open_err = |source| StoreError::Open {
            path: path.to_path_buf(),
            source,
        };
        conn.pragma_update(None, "foreign_keys", true)
            .map_err(open_err)?;
        // Enough room for the insert statements and every shape of fact query.
        conn.set_prepared_statement_cache_capacity(64);
        schema::migrate(&mut conn, path)?;
        Ok(Store { conn })
    }

    /// The schema version of the open database (equal to [`SCHEMA_VERSION`] once opened).
    pub fn schema_version(&self) -> Result<i64, StoreError> {
        schema::schema_version(&self.conn).doing("reading the schema version")
    }

    /// Stores a batch of cleaned articles with their facts in one transaction, and says for
    /// each article, in order, whether it was new or a duplicate.
    ///
    /// An article whose URL, or whose normalised text (whitespace collapsed, lowercased), is
    /// already stored — or appeared earlier in the batch — is a [`Inserted::Duplicate`] and
    /// nothing of it is written. The facts' `id` and `article_id` are assigned here; their
    /// `url`, `source`, `published` and `lang` are read from the article and ignored here.
    ///
    /// If any fact cannot be stored (a non-finite weight, say), nothing of the batch is.
    ///
    /// The rows are staged in temporary tables and written with one statement per table:
    /// FTS5 writes its pending index to disk at the start of every statement that changes it,
    /// so inserting row by row would cost an index segment (and the merges that follow) per
    /// article and per fact. Ids are those row-by-row inserts would get: one more than the
    /// largest stored, in batch order.
    pub fn insert_batch<A: NewArticle>(
        &mut self,
        batch: &[A],
    ) -> Result<Vec<Inserted>, StoreError> {
        const ACTION: &str = "storing articles";
        let ingested_at = jiff::Timestamp::now().to_string();
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .doing(ACTION)?;
        tx.execute_batch(STAGING_TABLES).doing(ACTION)?;
        let mut out = Vec::with_capacity(batch.len());
        {
            let next_id = |table: &str| {
                tx.prepare_cached(&format!("SELECT COALESCE(MAX(id), 0) + 1 FROM {table}"))
                    .and_then(|mut stmt| stmt.query_row([], |row| row.get::<_, i64>(0)))
            };
            let mut article_id = next_id("articles").doing(ACTION)?;
            let mut fact_id = next_id("facts").doing(ACTION)?;
            let mut stage_article = tx
                .prepare_cached(
                    "INSERT INTO temp.staged_articles
                       (id, url, text_hash, origin, source, title, published, lang, text, ingested_at)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
                )
                .doing(ACTION)?;
            let mut stage_fact = tx
                .prepare_cached(
                    "INSERT INTO temp.staged_facts
                       (id, article_id, country, counterpart, bloc, direction, stance, category,
                        event_type, hedged, negated, weight, text, span_start, span_end,
                        event_date, date_from, date_to, text_key, date_basis, actor)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14,
                             ?15, ?16, ?17, ?18, ?19, ?20, ?21)",
                )
                .doing(ACTION)?;
            // The URLs and text hashes of the batch's new articles: an article repeating one
            // of them is a duplicate of that article, as if it had been stored already.
            let mut staged_urls: HashMap<&str, i64> = HashMap::new();
            let mut staged_hashes: HashMap<TextHash, i64> = HashMap::new();
            for article in batch {
                let (doc, facts) = (article.document(), article.facts());
                let url = usable_url(doc.url.as_deref());
                let hash = article.text_hash();
                let by_url = match url {
                    Some(url) => find_by_url(&tx, url)
                        .doing(ACTION)?
                        .or_else(|| staged_urls.get(url).copied()),
                    None => None,
                };
                let found = match by_url {
                    Some(id) => Some(id),
                    None => find_by_hash(&tx, &hash)
                        .doing(ACTION)?
                        .or_else(|| staged_hashes.get(hash.as_ref()).copied()),
                };
                if let Some(article_id) = found {
                    out.push(Inserted::Duplicate { article_id });
                    continue;
                }
                stage_article
                    .execute(params![
                        article_id,
                        url,
                        hash.as_str(),
                        doc.origin,
                        doc.source,
                        doc.title,
                        doc.published.map(|d| d.to_string()),
                        doc.lang,
                        doc.text,
                        ingested_at,
                    ])
                    .doing(ACTION)?;
                for fact in facts {
                    let invalid = |reason| StoreError::InvalidFact {
                        origin: doc.origin.clone(),
                        text: fact.text.chars().take(80).collect(),
                        reason,
                    };
                    if !fact.weight.is_finite() {
                        return Err(invalid("its weight is not a finite number"));
                    }
                    let [start, end] = fact.span;
                    let (Ok(start), Ok(end)) = (i64::try_from(start), i64::try_from(end)) else {
                        return Err(invalid("its span does not fit in 64 bits"));
                    };
                    stage_fact
                        .execute(params![
                            fact_id,
                            article_id,
                            fact.country,
                            fact.counterpart,
                            fact.bloc.to_string(),
                            fact.direction.to_string(),
                            fact.stance.to_string(),
                            fact.category.to_string(),
                            fact.event_type.to_string(),
                            fact.hedged,
                            fact.negated,
                            fact.weight,
                            fact.text,
                            start,
                            end,
                            fact.event_date.map(|d| d.to_string()),
                            fact.event_date.map(|d| d.first_day().to_string()),
                            fact.event_date.map(|d| d.last_day().to_string()),
                            normalised_text(&fact.text),
                            fact.date_basis.map(|b| b.to_string()),
                            fact.actor.to_string(),
                        ])
                        .doing(ACTION)?;
                    fact_id += 1;
                }
                if let Some(url) = url {
                    staged_urls.insert(url, article_id);
                }
                staged_hashes.insert(hash.into_owned(), article_id);
                out.push(Inserted::New {
                    article_id,
                    facts: facts.len(),
                });
                article_id += 1;
            }
        }
        tx.execute_batch(WRITE_STAGED).doing(ACTION)?;
        tx.commit().doing(ACTION)?;
        Ok(out)
    }

    /// True if an article with this URL, or with this text up to whitespace and case (the
    /// text's [`TextHash`]), is already stored (so the caller can skip extracting facts from
    /// it).
    pub fn contains_article(&self, url: Option<&str>, text: &TextHash) -> Result<bool, StoreError> {
        Ok(find_article(&self.conn, usable_url(url), text)
            .doing("looking up an article")?
            .is_some())
    }

    /// The facts `filter` keeps, ordered by event date (earliest first day, then earliest
    /// last day; undated facts last), then by id.
    pub fn facts(&self, filter: &FactFilter) -> Result<Vec<Fact>, StoreError> {
        const ACTION: &str = "reading facts";
        let mut c = filter::conditions(filter);
        let mut sql = format!("{SELECT_FACTS}{} {ORDER_FACTS}", c.sql);
        if let Some(limit) = filter.limit {
            sql.push_str(" LIMIT ?");
            c.args.push(rusqlite::types::Value::Integer(
                i64::try_from(limit).unwrap_or(i64::MAX),
            ));
        }
        let mut stmt = self.conn.prepare_cached(&sql).doing(ACTION)?;
        let rows = stmt
            .query_map(params_from_iter(c.args), FactRow::read)
            .doing(ACTION)?;
        let mut facts = Vec::new();
        for row in rows {
            facts.push(row.doing(ACTION)?.into_fact()?);
        }
        Ok(facts)
    }

    /// The fact with this id, if stored.
    pub fn fact(&self, id: i64) -> Result<Option<Fact>, StoreError> {
        const ACTION: &str = "reading a fact";
        let mut stmt = self
            .conn
            .prepare_cached(&format!("{SELECT_FACTS} WHERE f.id = ?1"))
            .doing(ACTION)?;
        stmt.query_row([id], FactRow::read)
            .optional()
            .doing(ACTION)?
            .map(FactRow::into_fact)
            .transpose()
    }

    /// ISO2 codes of the countries with at least one fact dated in `period`, sorted.
    pub fn countries_with_facts(&self, period: &Period) -> Result<Vec<String>, StoreError> {
        const ACTION: &str = "listing countries";
        let c = filter::period_conditions(period);
        let sql = format!("SELECT DISTINCT f.country FROM facts f{} ORDER BY 1", c.sql);
        let mut stmt = self.conn.prepare_cached(&sql).doing(ACTION)?;
        let rows = stmt
            .query_map(params_from_iter(c.args), |row| row.get(0))
            .doing(ACTION)?;
        rows.collect::<Result<_, _>>().doing(ACTION)
    }

    /// The earliest first day and the latest last day of the dated facts (about `country`, if
    /// given), or `None` when there are none: the range a time series has to cover.
    pub fn fact_date_range(
        &self,
        country: Option<&str>,
    ) -> Result<Option<(Date, Date)>, StoreError> {
        const ACTION: &str = "reading the date range of facts";
        let row = |row: &Row<'_>| Ok((row.get(0)?, row.get(1)?));
        let (from, to): (Option<String>, Option<String>) = match country {
            Some(country) => self
                .conn
                .prepare_cached("SELECT MIN(date_from), MAX(date_to) FROM facts WHERE country = ?1")
                .and_then(|mut stmt| stmt.query_row([country], row)),
            None => self
                .conn
                .prepare_cached("SELECT MIN(date_from), MAX(date_to) FROM facts")
                .and_then(|mut stmt| stmt.query_row([], row)),
        }
        .doing(ACTION)?;
        let (Some(from), Some(to)) = (from, to) else {
            return Ok(None);
        };
        // Aggregates have no row id; 0 says "not one row".
        Ok(Some((
            stored_value("facts", 0, "date_from", from)?,
            stored_value("facts", 0, "date_to", to)?,
        )))
    }

    /// How many articles and facts are stored.
    pub fn counts(&self) -> Result<Counts, StoreError> {
        let (articles, facts): (i64, i64) = self
            .conn
            .query_row(
                "SELECT (SELECT COUNT(*) FROM articles), (SELECT COUNT(*) FROM facts)",
                [],
                |row| Ok((row.get(0)?, row.get(1)?)),
            )
            .doing("counting articles and facts")?;
        Ok(Counts {
            articles: usize::try_from(articles).unwrap_or(0),
            facts: usize::try_from(facts).unwrap_or(0),
        })
    }
}

/// The columns [`FactRow::read`] expects, in its order.
const SELECT_FACTS: &str = "SELECT f.id, f.article_id, a.url, a.source, a.published, a.lang,
        f.event_date, f.country, f.counterpart, f.bloc, f.direction, f.stance, f.category,
        f.event_type, f.hedged, f.negated, f.weight, f.text, f.span_start, f.span_end,
        f.date_basis, f.actor
    FROM facts f JOIN articles a ON a.id = f.article_id";

const ORDER_FACTS: &str = "ORDER BY f.date_from IS NULL, f.date_from, f.date_to, f.id";

/// A URL worth deduplicating on: a blank one is no URL (and must not make every other
/// URL-less article a duplicate).
fn usable_url(url: Option<&str>) -> Option<&str> {
    url.map(str::trim).filter(|u| !u.is_empty())
}

/// The id of a stored article with this URL or this text hash.
fn find_article(
    conn: &Connection,
    url: Option<&str>,
    hash: &TextHash,
) -> rusqlite::Result<Option<i64>> {
    if let Some(url) = url
        && let Some(found) = find_by_url(conn, url)?
    {
        return Ok(Some(found));
    }
    find_by_hash(conn, hash)
}

fn find_by_url(conn: &Connection, url: &str) -> rusqlite::Result<Option<i64>> {
    conn.prepare_cached("SELECT id FROM articles WHERE url = ?1")?
        .query_row([url], |row| row.get(0))
        .optional()
}

fn find_by_hash(conn: &Connection, hash: &TextHash) -> rusqlite::Result<Option<i64>> {
    conn.prepare_cached("SELECT id FROM articles WHERE text_hash = ?1")?
        .query_row([hash.as_str()], |row| row.get(0))
        .optional()
}

/// Where [`Store::insert_batch`] gathers a batch before writing it (temporary tables: they
/// live in this connection only, never in the database file).
const STAGING_TABLES: &str = "
    CREATE TEMP TABLE IF NOT EXISTS staged_articles (
        id, url, text_hash, origin, source, title, published, lang, text, ingested_at
    );
    CREATE TEMP TABLE IF NOT EXISTS staged_facts (
        id, article_id, country, counterpart, bloc, direction, stance, category, event_type,
        hedged, negated, weight, text, span_start, span_end, event_date, date_from, date_to,
        text_key, date_basis, actor
    );";

/// Writes the staged batch, one statement per table, and empties the staging tables.
const WRITE_STAGED: &str = "
    INSERT INTO articles
        (id, url, text_hash, origin, source, title, published, lang, text, ingested_at)
    SELECT id, url, text_hash, origin, source, title, published, lang, text, ingested_at
    FROM temp.staged_articles ORDER BY id;
    INSERT INTO facts
        (id, article_id, country, counterpart, bloc, direction, stance, category, event_type,
         hedged, negated, weight, text, span_start, span_end, event_date, date_from, date_to,
         text_key, date_basis, actor)
    SELECT id, article_id, country, counterpart, bloc, direction, stance, category, event_type,
        hedged, negated, weight, text, span_start, span_end, event_date, date_from, date_to,
        text_key, date_basis, actor
    FROM temp.staged_facts ORDER BY id;
    DELETE FROM temp.staged_articles;
    DELETE FROM temp.staged_facts;";

/// Text with runs of whitespace collapsed to one space, trimmed and lowercased, so that a
/// re-crawled page with different line breaks or capitalisation is recognised.
fn normalised_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    // The capital sigma lowercases to "σ" or "ς" depending on its neighbours, which only
    // `str::to_lowercase` looks at; every other character lowercases on its own.
    let per_char = !text.contains('Σ');
    for word in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        if per_char && word.is_ascii() {
            // Most words: copied whole and lowercased in place.
            let start = out.len();
            out.push_str(word);
            out[start..].make_ascii_lowercase();
        } else if per_char {
            out.extend(word.chars().flat_map(char::to_lowercase));
        } else {
            out.push_str(word);
        }
    }
    if per_char { out } else { out.to_lowercase() }
}

/// One row of [`SELECT_FACTS`] as stored, before its text columns are parsed.
struct FactRow {
    id: i64,
    article_id: i64,
    url: Option<String>,
    source: Option<String>,
    published: Option<String>,
    lang: Option<String>,
    event_date: Option<String>,
    country: String,
    counterpart: String,
    bloc: String,
    direction: String,
    stance: String,
    category: String,
    event_type: String,
    hedged: bool,
    negated: bool,
    weight: f64,
    text: String,
    span_start: i64,
    span_end: i64,
    date_basis: Option<String>,
    actor: String,
}

impl FactRow {
    fn read(row: &Row<'_>) -> rusqlite::Result<FactRow> {
        Ok(FactRow {
            id: row.get(0)?,
            article_id: row.get(1)?,
            url: row.get(2)?,
            source: row.get(3)?,
            published: row.get(4)?,
            lang: row.get(5)?,
            event_date: row.get(6)?,
            country: row.get(7)?,
            counterpart: row.get(8)?,
            bloc: row.get(9)?,
            direction: row.get(10)?,
            stance: row.get(11)?,
            category: row.get(12)?,
            event_type: row.get(13)?,
            hedged: row.get(14)?,
            negated: row.get(15)?,
            weight: row.get(16)?,
            text: row.get(17)?,
            span_start: row.get(18)?,
            span_end: row.get(19)?,
            date_basis: row.get(20)?,
            actor: row.get(21)?,
        })
    }

    fn into_fact(self) -> Result<Fact, StoreError> {
        let id = self.id;
        let date = |table, column, value: Option<String>| {
            value
                .map(|v| stored_value::<FuzzyDate>(table, id, column, v))
                .transpose()
        };
        let offset = |column, value: i64| {
            usize::try_from(value).map_err(|_| StoreError::Corrupt {
                table: "facts",
                id,
                column,
                value: value.to_string(),
            })
        };
        Ok(Fact {
            id,
            article_id: self.article_id,
            url: self.url,
            source: self.source,
            published: date("articles", "published", self.published)?,
            event_date: date("facts", "event_date", self.event_date)?,
            date_basis: self
                .date_basis
                .map(|b| stored_value("facts", id, "date_basis", b))
                .transpose()?,
            country: self.country,
            counterpart: self.counterpart,
            bloc: stored_value("facts", id, "bloc", self.bloc)?,
            direction: stored_value("facts", id, "direction", self.direction)?,
            stance: stored_value("facts", id, "stance", self.stance)?,
            category: stored_value("facts", id, "category", self.category)?,
            event_type: stored_value("facts", id, "event_type", self.event_type)?,
            actor: stored_value("facts", id, "actor", self.actor)?,
            hedged: self.hedged,
            negated: self.negated,
            weight: self.weight,
            text: self.text,
            span: [
                offset("span_start", self.span_start)?,
                offset("span_end", self.span_end)?,
            ],
            lang: self.lang,
        })
    }
}

/// Parses a stored text value, naming the table, row and column when it does not parse.
fn stored_value<T: FromStr>(
    table: &'static str,
    id: i64,
    column: &'static str,
    value: String,
) -> Result<T, StoreError> {
    value.parse().map_err(|_| StoreError::Corrupt {
        table,
        id,
        column,
        value,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalised_text_ignores_whitespace_and_case() {
        assert_eq!(
            normalised_text("  Mali's JUNTA\n\n met\tLavrov. "),
            "mali's junta met lavrov."
        );
        assert_eq!(TextHash::of("A  b"), TextHash::of("a\nB"));
        assert_ne!(TextHash::of("a b"), TextHash::of("ab"));
        assert_eq!(TextHash::of("").as_str().len(), 64);
        // Word by word, lowercasing is the whole text's: "ΟΔΟΣ" ends in a final sigma.
        for text in ["ΟΔΟΣ ΣΟΦΙΑ", "İstanbul ẞ Ǆ", "Côte d’Ivoire  GOÏTA"] {
            let collapsed = text.split_whitespace().collect::<Vec<_>>().join(" ");
            assert_eq!(normalised_text(text), collapsed.to_lowercase(), "{text}");
        }
    }

    #[test]
    fn a_file_database_has_a_path_and_one_in_memory_has_none() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("orbit.db");
        assert_eq!(
            Store::open(&file).unwrap().path(),
            Some(file.canonicalize().unwrap().as_path())
        );
        assert_eq!(Store::open_in_memory().unwrap().path(), None);
    }

    #[test]
    fn blank_urls_are_no_urls() {
        assert_eq!(usable_url(Some("  ")), None);
        assert_eq!(
            usable_url(Some(" https://x.org/a ")),
            Some("https://x.org/a")
        );
        assert_eq!(usable_url(None), None);
    }

    #[test]
    fn a_fresh_database_has_the_current_schema() {
        let store = Store::open_in_memory().unwrap();
        assert_eq!(store.schema_version().unwrap(), SCHEMA_VERSION);
        assert_eq!(store.counts().unwrap(), Counts::default());
        assert_eq!(store.fact_date_range(None).unwrap(), None);
        assert_eq!(store.fact(1).unwrap(), None);
    }
}
