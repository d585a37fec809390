//! What `orbit ingest --url` and `orbit watch` remember between runs: each feed's HTTP
//! validators (for conditional GET), and the last score each country had for the watched
//! period (to raise an alert when it moves). Both live in the database, so they are saved with
//! the same crash safety as the articles.

use std::collections::HashMap;

use rusqlite::{OptionalExtension, params};

use crate::error::Context;
use crate::{Store, StoreError};

/// The validators of a feed's last answer (`ETag`, `Last-Modified`), sent back as
/// `If-None-Match` / `If-Modified-Since`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FeedValidators {
    pub etag: Option<String>,
    pub last_modified: Option<String>,
}

impl Store {
    /// True if an article with this URL is stored.
    pub fn contains_url(&self, url: &str) -> Result<bool, StoreError> {
        self.conn
            .prepare_cached("SELECT 1 FROM articles WHERE url = ?1")
            .and_then(|mut stmt| stmt.query_row([url.trim()], |_| Ok(())).optional())
            .map(|found| found.is_some())
            .doing("looking up an article URL")
    }

    /// The validators saved for a feed URL.
    pub fn feed_validators(&self, url: &str) -> Result<Option<FeedValidators>, StoreError> {
        self.conn
            .prepare_cached("SELECT etag, last_modified FROM feed_state WHERE url = ?1")
            .and_then(|mut stmt| {
                stmt.query_row([url], |row| {
                    Ok(FeedValidators {
                        etag: row.get(0)?,
                        last_modified: row.get(1)?,
                    })
                })
                .optional()
            })
            .doing("reading feed validators")
    }

    /// Saves a feed's validators. Call it only once the feed's items are stored: a run killed
    /// before then reads the whole feed again next time instead of being told "not modified".
    pub fn save_feed_validators(
        &self,
        url: &str,
        validators: &FeedValidators,
    ) -> Result<(), StoreError> {
        self.conn
            .prepare_cached(
                "INSERT INTO feed_state (url, etag, last_modified, checked_at)
                 VALUES (?1, ?2, ?3, ?4)
                 ON CONFLICT(url) DO UPDATE SET etag = excluded.etag,
                     last_modified = excluded.last_modified, checked_at = excluded.checked_at",
            )
            .and_then(|mut stmt| {
                stmt.execute(params![
                    url,
                    validators.etag,
                    validators.last_modified,
                    jiff::Timestamp::now().to_string()
                ])
            })
            .map(|_| ())
            .doing("saving feed validators")
    }

    /// The highest fact id stored (0 when there is none): facts stored later have larger ids.
    pub fn last_fact_id(&self) -> Result<i64, StoreError> {
        self.conn
            .query_row("SELECT COALESCE(MAX(id), 0) FROM facts", [], |row| {
                row.get(0)
            })
            .doing("reading the last fact id")
    }

    /// ISO2 codes of the countries with a fact whose id is above `after`, sorted: the
    /// countries whose scores a batch of new articles may have moved.
    pub fn countries_with_facts_after(&self, after: i64) -> Result<Vec<String>, StoreError> {
        const ACTION: &str = "listing countries with new facts";
        let mut stmt = self
            .conn
            .prepare_cached("SELECT DISTINCT country FROM facts WHERE id > ?1 ORDER BY 1")
            .doing(ACTION)?;
        let rows = stmt.query_map([after], |row| row.get(0)).doing(ACTION)?;
        rows.collect::<Result<_, _>>().doing(ACTION)
    }

    /// Multiplies the weight of every fact with an id above `after` by `factor` (a source's
    /// reliability, applied to the facts of the articles just stored from it).
    pub fn scale_facts_after(&self, after: i64, factor: f64) -> Result<usize, StoreError> {
        if !factor.is_finite() || factor <= 0.0 {
            return Ok(0);
        }
        self.conn
            .execute(
                "UPDATE facts SET weight = weight * ?1 WHERE id > ?2",
                params![factor, after],
            )
            .doing("weighting new facts by source reliability")
    }

    /// The last score recorded for each country for a period (`None` = no evidence then).
    pub fn alert_baselines(&self, period: &str) -> Result<HashMap<String, Option<u8>>, StoreError> {
        const ACTION: &str = "reading alert baselines";
        let mut stmt = self
            .conn
            .prepare_cached("SELECT country, score FROM alert_state WHERE period = ?1")
            .doing(ACTION)?;
        let rows = stmt
            .query_map([period], |row| {
                Ok((row.get::<_, String>(0)?, row.get::<_, Option<u8>>(1)?))
            })
            .doing(ACTION)?;
        rows.collect::<Result<_, _>>().doing(ACTION)
    }

    /// Records a country's score for a period, as the baseline of the next alert.
    pub fn set_alert_baseline(
        &self,
        period: &str,
        country: &str,
        score: Option<u8>,
    ) -> Result<(), StoreError> {
        self.conn
            .prepare_cached(
                "INSERT INTO alert_state (period, country, score, updated_at)
                 VALUES (?1, ?2, ?3, ?4)
                 ON CONFLICT(period, country) DO UPDATE SET score = excluded.score,
                     updated_at = excluded.updated_at",
            )
            .and_then(|mut stmt| {
                stmt.execute(params![
                    period,
                    country,
                    score,
                    jiff::Timestamp::now().to_string()
                ])
            })
            .map(|_| ())
            .doing("saving an alert baseline")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn feed_validators_round_trip_and_update() {
        let store = Store::open_in_memory().unwrap();
        assert_eq!(store.feed_validators("https://x.test/f").unwrap(), None);
        let v = FeedValidators {
            etag: Some("\"abc\"".into()),
            last_modified: None,
        };
        store.save_feed_validators("https://x.test/f", &v).unwrap();
        assert_eq!(store.feed_validators("https://x.test/f").unwrap(), Some(v));
        let w = FeedValidators {
            etag: None,
            last_modified: Some("Wed, 12 Jun 2024 08:00:00 GMT".into()),
        };
        store.save_feed_validators("https://x.test/f", &w).unwrap();
        assert_eq!(store.feed_validators("https://x.test/f").unwrap(), Some(w));
    }

    #[test]
    fn alert_baselines_are_per_period() {
        let store = Store::open_in_memory().unwrap();
        store.set_alert_baseline("2024-06", "ML", Some(5)).unwrap();
        store.set_alert_baseline("2024-06", "NE", None).unwrap();
        store.set_alert_baseline("2024-06", "ML", Some(4)).unwrap();
        let b = store.alert_baselines("2024-06").unwrap();
        assert_eq!(b.get("ML"), Some(&Some(4)));
        assert_eq!(b.get("NE"), Some(&None));
        assert!(store.alert_baselines("2024-07").unwrap().is_empty());
        assert_eq!(store.last_fact_id().unwrap(), 0);
        assert!(!store.contains_url("https://x.test/a").unwrap());
    }
}
