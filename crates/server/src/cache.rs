//! Computed documents, kept until the database changes.
//!
//! Every page is a pure function of its URL and the database, and the database changes only
//! when `orbit ingest` (or `watch`) writes to it. So a document is kept under its URL with the
//! database's version, and the whole cache is dropped when the version moves. The version is
//! the size and modification time of the database file and of its write-ahead log (a commit
//! in WAL mode appends to the log; a checkpoint rewrites the file): two `stat` calls per
//! request, against milliseconds to score every country and write a report.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::SystemTime;

use axum::body::Bytes;

/// At most this many bytes of documents are kept; past it the cache starts afresh.
const MAX_BYTES: usize = 64 << 20;

/// What identifies the state of the database on disk.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Version([Option<(u64, SystemTime)>; 2]);

/// A computed document: its type, its bytes, and the file name a download is saved under.
#[derive(Debug, Clone)]
pub struct Doc {
    pub content_type: &'static str,
    pub body: Bytes,
    pub filename: Option<String>,
}

impl Doc {
    pub fn html(body: String) -> Doc {
        Doc {
            content_type: "text/html; charset=utf-8",
            body: Bytes::from(body),
            filename: None,
        }
    }

    pub fn json(body: String) -> Doc {
        Doc {
            content_type: "application/json",
            body: Bytes::from(body),
            filename: None,
        }
    }

    pub fn csv(filename: String, body: String) -> Doc {
        Doc {
            content_type: "text/csv; charset=utf-8",
            body: Bytes::from(body),
            filename: Some(filename),
        }
    }
}

#[derive(Default)]
struct Entries {
    version: Option<Version>,
    docs: HashMap<String, Doc>,
    bytes: usize,
}

/// The documents of one database.
pub struct Cache {
    files: [PathBuf; 2],
    entries: Mutex<Entries>,
}

impl Cache {
    pub fn new(db: &Path) -> Cache {
        let mut wal = db.as_os_str().to_owned();
        wal.push("-wal");
        Cache {
            files: [db.to_path_buf(), PathBuf::from(wal)],
            entries: Mutex::new(Entries::default()),
        }
    }

    /// The database's version now.
    pub fn version(&self) -> Version {
        Version(self.files.clone().map(|f| {
            std::fs::metadata(f)
                .ok()
                .and_then(|m| Some((m.len(), m.modified().ok()?)))
        }))
    }

    /// The document kept for `key` at `version`, if any.
    pub fn get(&self, key: &str, version: &Version) -> Option<Doc> {
        let entries = self.entries.lock().ok()?;
        if entries.version.as_ref() != Some(version) {
            return None;
        }
        entries.docs.get(key).cloned()
    }

    /// Keeps `doc` for `key`, computed from the database at `version`.
    pub fn put(&self, key: String, version: Version, doc: Doc) {
        let Ok(mut entries) = self.entries.lock() else {
            return;
        };
        if entries.version.as_ref() != Some(&version) || entries.bytes + doc.body.len() > MAX_BYTES
        {
            *entries = Entries {
                version: Some(version),
                ..Entries::default()
            };
        }
        entries.bytes += doc.body.len();
        if let Some(old) = entries.docs.insert(key, doc) {
            entries.bytes -= old.body.len();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_write_to_the_database_drops_what_was_kept() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("orbit.db");
        std::fs::write(&db, "one").unwrap();
        let cache = Cache::new(&db);
        let v1 = cache.version();
        cache.put("/".into(), v1.clone(), Doc::html("page".into()));
        assert_eq!(&cache.get("/", &v1).unwrap().body[..], b"page");
        assert!(cache.get("/other", &v1).is_none());
        // A commit in WAL mode appends to the log.
        std::fs::write(dir.path().join("orbit.db-wal"), "commit").unwrap();
        let v2 = cache.version();
        assert_ne!(v1, v2);
        assert!(cache.get("/", &v2).is_none());
        cache.put("/x".into(), v2.clone(), Doc::json("{}".into()));
        assert!(
            cache.get("/", &v2).is_none(),
            "the old version's documents are gone"
        );
    }
}
