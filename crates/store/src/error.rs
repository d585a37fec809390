//! What can go wrong with the store, worded for the person running orbit.

use std::path::PathBuf;

/// An error from the store. Each message says what happened and what to do about it.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The database file could not be opened or is not a SQLite database.
    #[error("cannot open database {}: {source} (check the path or set --db)", .path.display())]
    Open {
        /// The path orbit tried to open.
        path: PathBuf,
        /// What SQLite reported.
        source: rusqlite::Error,
    },

    /// The database was written by a newer orbit whose schema this binary does not know.
    #[error(
        "database {} has schema version {found}, but this orbit only knows versions up to {known}: \
         upgrade orbit to read it",
        .path.display()
    )]
    TooNew {
        /// The database path.
        path: PathBuf,
        /// The schema version found in the file.
        found: i64,
        /// The newest schema version this binary knows.
        known: i64,
    },

    /// Bringing an older database up to the current schema failed; nothing of that step was kept.
    #[error(
        "cannot upgrade database {} to schema version {version}: {source} \
         (the database is unchanged; restore a backup or start a fresh one with --db)",
        .path.display()
    )]
    Migrate {
        /// The database path.
        path: PathBuf,
        /// The schema version whose migration failed.
        version: i64,
        /// What SQLite reported.
        source: rusqlite::Error,
    },

    /// A fact handed to the store cannot be stored faithfully.
    #[error(
        "cannot store fact \"{text}\" from {origin}: {reason} (this is a bug in fact extraction)"
    )]
    InvalidFact {
        /// Where the fact's article came from.
        origin: String,
        /// The start of the fact text, to find it.
        text: String,
        /// What is wrong with it.
        reason: &'static str,
    },

    /// A stored value does not parse back (the file was damaged or written by another program).
    #[error(
        "database holds an unreadable {column} '{value}' in {table} row {id}: \
         the file may be damaged or written by another program (re-ingest into a fresh database with --db)"
    )]
    Corrupt {
        /// The table holding the value.
        table: &'static str,
        /// The row id.
        id: i64,
        /// The column holding the value.
        column: &'static str,
        /// The value as stored.
        value: String,
    },

    /// Any other SQLite failure while doing `action`.
    #[error("database error while {action}: {source}{}", busy_hint(.source))]
    Sql {
        /// What the store was doing, e.g. "storing articles".
        action: &'static str,
        /// What SQLite reported.
        source: rusqlite::Error,
    },
}

/// A hint for the one SQLite failure users can act on: another process holding the lock.
fn busy_hint(e: &rusqlite::Error) -> &'static str {
    match e.sqlite_error_code() {
        Some(rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked) => {
            " (another orbit process is writing to this database; try again when it has finished)"
        }
        _ => "",
    }
}

/// Attaches what the store was doing to a SQLite error.
pub(crate) trait Context<T> {
    fn doing(self, action: &'static str) -> Result<T, StoreError>;
}

impl<T> Context<T> for Result<T, rusqlite::Error> {
    fn doing(self, action: &'static str) -> Result<T, StoreError> {
        self.map_err(|source| StoreError::Sql { action, source })
    }
}
