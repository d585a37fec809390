//! The LLM writer's cache: accepted answers by prompt hash, so an identical request (same
//! model, same facts, same instructions) is answered without a network call.

use rusqlite::{OptionalExtension, params};

use crate::error::Context;
use crate::{Store, StoreError};

impl Store {
    /// The cached answer for a prompt hash.
    pub fn llm_answer(&self, prompt_hash: &str) -> Result<Option<String>, StoreError> {
        self.conn
            .prepare_cached("SELECT answer FROM llm_cache WHERE prompt_hash = ?1")
            .and_then(|mut stmt| stmt.query_row([prompt_hash], |row| row.get(0)).optional())
            .doing("reading the LLM answer cache")
    }

    /// Caches an accepted answer (a later answer for the same hash replaces it).
    pub fn save_llm_answer(
        &self,
        prompt_hash: &str,
        model: &str,
        answer: &str,
    ) -> Result<(), StoreError> {
        self.conn
            .prepare_cached(
                "INSERT INTO llm_cache (prompt_hash, model, answer, created_at)
                 VALUES (?1, ?2, ?3, ?4)
                 ON CONFLICT(prompt_hash) DO UPDATE SET model = excluded.model,
                     answer = excluded.answer, created_at = excluded.created_at",
            )
            .and_then(|mut stmt| {
                stmt.execute(params![
                    prompt_hash,
                    model,
                    answer,
                    jiff::Timestamp::now().to_string()
                ])
            })
            .map(|_| ())
            .doing("saving an LLM answer")
    }
}

#[cfg(test)]
mod tests {
    use crate::Store;

    #[test]
    fn answers_are_cached_by_prompt_hash() {
        let store = Store::open_in_memory().unwrap();
        assert_eq!(store.llm_answer("abc").unwrap(), None);
        store
            .save_llm_answer("abc", "m", "## Summary\nx [F1].")
            .unwrap();
        assert_eq!(
            store.llm_answer("abc").unwrap().as_deref(),
            Some("## Summary\nx [F1].")
        );
        store.save_llm_answer("abc", "m", "newer").unwrap();
        assert_eq!(store.llm_answer("abc").unwrap().as_deref(), Some("newer"));
        assert_eq!(store.llm_answer("other").unwrap(), None);
    }
}
