//! The database schema as an ordered list of migrations.
//!
//! `PRAGMA user_version` holds how many migrations a database has had. Opening applies the
//! missing ones in order, each in its own transaction, so an old database is brought up to date
//! and a failed step leaves it as it was. Never edit a migration that has shipped: append one.

use std::path::Path;

use rusqlite::{Connection, TransactionBehavior};

use crate::StoreError;

/// Migration `i` takes a database from schema version `i` to `i + 1`.
const MIGRATIONS: &[&str] = &[
    // 1: articles and facts, with full-text indexes kept in sync by triggers (so rows removed
    // by `ON DELETE CASCADE` leave the indexes too).
    r#"
    CREATE TABLE articles (
        id          INTEGER PRIMARY KEY,
        url         TEXT UNIQUE,
        text_hash   TEXT NOT NULL UNIQUE,
        origin      TEXT,
        source      TEXT,
        title       TEXT,
        published   TEXT,
        lang        TEXT,
        text        TEXT NOT NULL,
        ingested_at TEXT NOT NULL
    );

    CREATE TABLE facts (
        id          INTEGER PRIMARY KEY,
        article_id  INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        country     TEXT NOT NULL,
        counterpart TEXT NOT NULL,
        bloc        TEXT NOT NULL,
        direction   TEXT NOT NULL,
        stance      TEXT NOT NULL,
        category    TEXT NOT NULL,
        event_type  TEXT NOT NULL,
        hedged      INTEGER NOT NULL,
        negated     INTEGER NOT NULL,
        weight      REAL NOT NULL,
        text        TEXT NOT NULL,
        span_start  INTEGER NOT NULL,
        span_end    INTEGER NOT NULL,
        event_date  TEXT,
        date_basis  TEXT,
        -- first_day / last_day of event_date as ISO dates, for indexed period queries
        date_from   TEXT,
        date_to     TEXT,
        -- whitespace-collapsed lowercase text, for finding repeated facts
        text_key    TEXT
    );

    CREATE INDEX facts_country_date ON facts(country, date_from);
    CREATE INDEX facts_date ON facts(date_from);
    CREATE INDEX facts_article ON facts(article_id);

    CREATE VIRTUAL TABLE articles_fts USING fts5(
        title, text,
        content='articles', content_rowid='id',
        tokenize='porter unicode61 remove_diacritics 2'
    );
    CREATE VIRTUAL TABLE facts_fts USING fts5(
        text,
        content='facts', content_rowid='id',
        tokenize='porter unicode61 remove_diacritics 2'
    );

    CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
        INSERT INTO articles_fts(rowid, title, text) VALUES (new.id, new.title, new.text);
    END;
    CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
        INSERT INTO articles_fts(articles_fts, rowid, title, text)
            VALUES ('delete', old.id, old.title, old.text);
    END;
    CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, text ON articles BEGIN
        INSERT INTO articles_fts(articles_fts, rowid, title, text)
            VALUES ('delete', old.id, old.title, old.text);
        INSERT INTO articles_fts(rowid, title, text) VALUES (new.id, new.title, new.text);
    END;

    CREATE TRIGGER facts_fts_insert AFTER INSERT ON facts BEGIN
        INSERT INTO facts_fts(rowid, text) VALUES (new.id, new.text);
    END;
    CREATE TRIGGER facts_fts_delete AFTER DELETE ON facts BEGIN
        INSERT INTO facts_fts(facts_fts, rowid, text) VALUES ('delete', old.id, old.text);
    END;
    CREATE TRIGGER facts_fts_update AFTER UPDATE OF text ON facts BEGIN
        INSERT INTO facts_fts(facts_fts, rowid, text) VALUES ('delete', old.id, old.text);
        INSERT INTO facts_fts(rowid, text) VALUES (new.id, new.text);
    END;
    "#,
    // 2: what monitoring remembers between runs: each feed's HTTP validators (conditional
    // GET), and the last score of each country for a watched period (alerts).
    r#"
    CREATE TABLE feed_state (
        url           TEXT PRIMARY KEY,
        etag          TEXT,
        last_modified TEXT,
        checked_at    TEXT NOT NULL
    );

    CREATE TABLE alert_state (
        period     TEXT NOT NULL,
        country    TEXT NOT NULL,
        score      INTEGER,
        updated_at TEXT NOT NULL,
        PRIMARY KEY (period, country)
    );
    "#,
    // 3: the LLM writer's accepted answers, by SHA-256 of the request (prompt hash): an
    // identical request is answered from here without a network call.
    r#"
    CREATE TABLE llm_cache (
        prompt_hash TEXT PRIMARY KEY,
        model       TEXT NOT NULL,
        answer      TEXT NOT NULL,
        created_at  TEXT NOT NULL
    );
    "#,
    // 4: no full-text index of whole articles. Nothing searches it (search is over facts,
    // which cite their articles), and indexing every article's text was about as much work
    // as the rest of storing it. The articles keep their text.
    r#"
    DROP TRIGGER articles_fts_insert;
    DROP TRIGGER articles_fts_delete;
    DROP TRIGGER articles_fts_update;
    DROP TABLE articles_fts;
    "#,
    // 5: which side of a fact acts (`orbit_core::Actor`). Facts stored before were all read
    // as the country's acts, so that is what they keep.
    r#"
    ALTER TABLE facts ADD COLUMN actor TEXT NOT NULL DEFAULT 'country';
    "#,
];

/// The schema version this binary writes: the number of migrations it knows.
pub const SCHEMA_VERSION: i64 = MIGRATIONS.len() as i64;

/// Reads `PRAGMA user_version`.
pub(crate) fn schema_version(conn: &Connection) -> rusqlite::Result<i64> {
    conn.query_row("PRAGMA user_version", [], |row| row.get(0))
}

/// Applies the migrations `conn` has not had yet, one transaction each.
///
/// An up-to-date database is only read, so opening it never waits for another process's
/// write lock. Otherwise the version is re-read inside each write transaction, so two
/// processes opening a fresh database at once do not both create the tables.
pub(crate) fn migrate(conn: &mut Connection, path: &Path) -> Result<(), StoreError> {
    let open_err = |source| StoreError::Open {
        path: path.to_path_buf(),
        source,
    };
    if next_migration(schema_version(conn).map_err(open_err)?, path)?.is_none() {
        return Ok(());
    }
    loop {
        let tx = conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(open_err)?;
        let version = schema_version(&tx).map_err(open_err)?;
        let Some(sql) = next_migration(version, path)? else {
            return Ok(());
        };
        let migrate_err = |source| StoreError::Migrate {
            path: path.to_path_buf(),
            version: version + 1,
            source,
        };
        tx.execute_batch(sql).map_err(migrate_err)?;
        tx.pragma_update(None, "user_version", version + 1)
            .map_err(migrate_err)?;
        tx.commit().map_err(migrate_err)?;
    }
}

/// The migration that follows schema `version`, `None` when it is current, or an error when
/// the database is newer than this binary. A negative version never comes from orbit; it is
/// refused like a newer one rather than guessed at.
fn next_migration(version: i64, path: &Path) -> Result<Option<&'static str>, StoreError> {
    match usize::try_from(version) {
        Ok(index) if version <= SCHEMA_VERSION => Ok(MIGRATIONS.get(index).copied()),
        _ => Err(StoreError::TooNew {
            path: path.to_path_buf(),
            found: version,
            known: SCHEMA_VERSION,
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_version_3_database_loses_the_article_index_and_keeps_its_articles() {
        let mut conn = Connection::open_in_memory().unwrap();
        for sql in &MIGRATIONS[..3] {
            conn.execute_batch(sql).unwrap();
        }
        conn.pragma_update(None, "user_version", 3).unwrap();
        conn.execute(
            "INSERT INTO articles (url, text_hash, text, ingested_at)
             VALUES ('https://x.org/a', 'h', 'Mali and Russia', 'now')",
            [],
        )
        .unwrap();
        migrate(&mut conn, Path::new(":memory:")).unwrap();
        assert_eq!(schema_version(&conn).unwrap(), SCHEMA_VERSION);
        let tables: i64 = conn
            .query_row(
                "SELECT COUNT(*) FROM sqlite_master WHERE name LIKE 'articles_fts%'",
                [],
                |row| row.get(0),
            )
            .unwrap();
        assert_eq!(tables, 0);
        // Deleting an article no longer touches a dropped index.
        conn.execute("DELETE FROM articles", []).unwrap();
    }
}
