//! The optional LLM writer: an OpenAI-compatible model rewrites a report's narrative from the
//! facts the deterministic report cites, and orbit checks every citation before using it.
//!
//! What is sent: the country, the period, the headings of the sections that cite facts, and
//! those facts — id, dates, counterpart, direction, category, source and text — nothing else
//! from the store. What must come back: the same sections, each sentence citing the facts it
//! rests on as `[F<id>]`. orbit rejects an answer when
//!
//! - a marker names a fact that was not supplied, or a fact about another country;
//! - a sentence carries no marker — the rule is strict: every sentence, opening and closing
//!   ones included, must cite at least one supplied fact (a synthesis may cite several);
//! - a requested section is missing or repeated, an unrequested heading appears, or text
//!   precedes the first heading;
//! - it holds anything a reader could mistake for evidence or that could smuggle content into
//!   the page: a bare `[n]` marker, a malformed `[F…]` marker, a link, HTML;
//! - "What points the other way" cites none of the counter-evidence it was given.
//!
//! A rejected or unreadable answer is asked for once more (with the problems listed); when
//! the second answer fails too, or the endpoint cannot be reached, the report is the
//! deterministic one with [`WriterInfo`] saying what was requested, what was used and why —
//! a note at the top of the Markdown and HTML, the `writer` field in JSON. Accepted answers
//! are cached by the hash of the prompt ([`AnswerCache`]); a cached answer is checked again
//! and reused without a network call. Sections that cite no fact (the change since the
//! previous period, the method) stay orbit's own, and so do the score and the citation list.
//!
//! ```no_run
//! use orbit_report::llm::{LlmConfig, LlmWriter, MemoryCache};
//! # fn report() -> orbit_report::Report { unimplemented!() }
//! let writer = LlmWriter::new(LlmConfig::from_env()?)?;
//! let cache = MemoryCache::default();
//! let rewritten = writer.rewrite(&report(), Some(&cache));
//! println!("{:?}", rewritten.writer.used);
//! # Ok::<(), orbit_report::llm::LlmError>(())
//! ```

mod client;
mod prompt;
mod verify;

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::time::Duration;

use sha2::{Digest, Sha256};

use crate::citations::Renumber;
use crate::narrative::provenance;
use crate::{Report, Section, WriterInfo, WriterKind};

use client::Client;
use prompt::{Brief, Message};

/// Environment variable with the endpoint's base URL, e.g. `http://127.0.0.1:8000/v1`.
pub const URL_VAR: &str = "ORBIT_LLM_URL";
/// Environment variable with the model name sent in each request.
pub const MODEL_VAR: &str = "ORBIT_LLM_MODEL";
/// Environment variable with the API key (optional; sent as `Authorization: Bearer`).
pub const API_KEY_VAR: &str = "ORBIT_LLM_API_KEY";

/// How long one request may take, answer included.
const DEFAULT_TIMEOUT: Duration = Duration::from_secs(120);
/// Answers asked for per report: the first and one retry.
const ATTEMPTS: usize = 2;

/// Where the LLM is and which model to ask.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LlmConfig {
    /// Base URL of an OpenAI-compatible API; `/chat/completions` is appended.
    pub base_url: String,
    pub model: String,
    pub api_key: Option<String>,
    pub timeout: Duration,
}

impl LlmConfig {
    /// A configuration for `base_url` and `model`, without key, with the default timeout.
    pub fn new(base_url: impl Into<String>, model: impl Into<String>) -> Self {
        LlmConfig {
            base_url: base_url.into(),
            model: model.into(),
            api_key: None,
            timeout: DEFAULT_TIMEOUT,
        }
    }

    /// Reads `ORBIT_LLM_URL`, `ORBIT_LLM_MODEL` and (optionally) `ORBIT_LLM_API_KEY`.
    pub fn from_env() -> Result<Self, LlmError> {
        let var = |name: &str| {
            std::env::var(name)
                .ok()
                .map(|v| v.trim().to_string())
                .filter(|v| !v.is_empty())
        };
        let missing = |name: &str, example: &str| {
            LlmError::Config(format!(
                "the LLM writer needs {name} (e.g. {name}={example}); without it, use the \
                 default --writer deterministic"
            ))
        };
        let base_url = var(URL_VAR).ok_or_else(|| missing(URL_VAR, "http://127.0.0.1:8000/v1"))?;
        let model = var(MODEL_VAR).ok_or_else(|| missing(MODEL_VAR, "qwen2.5-7b-instruct"))?;
        let mut config = LlmConfig::new(base_url, model);
        config.api_key = var(API_KEY_VAR);
        config.check()?;
        Ok(config)
    }

    fn check(&self) -> Result<(), LlmError> {
        let lower = self.base_url.to_ascii_lowercase();
        if !(lower.starts_with("http://") || lower.starts_with("https://")) {
            return Err(LlmError::Config(format!(
                "{URL_VAR} must be an http:// or https:// base URL such as \
                 http://127.0.0.1:8000/v1, not '{}'",
                self.base_url
            )));
        }
        if self.model.trim().is_empty() {
            return Err(LlmError::Config(format!("{MODEL_VAR} is empty")));
        }
        Ok(())
    }

    /// `<base>/chat/completions`.
    pub fn endpoint(&self) -> String {
        format!("{}/chat/completions", self.base_url.trim_end_matches('/'))
    }
}

/// The LLM writer cannot be set up (the answers themselves never fail a report: a bad answer
/// means the deterministic text, with a note).
#[derive(Debug, thiserror::Error)]
pub enum LlmError {
    #[error("{0}")]
    Config(String),
    #[error("cannot set up the HTTP client for the LLM writer: {0}")]
    Client(String),
}

/// Accepted answers by prompt hash (a SHA-256 hex string of the request). Failures to read
/// or write are the implementation's to report; the writer then behaves as on a miss.
pub trait AnswerCache {
    fn get(&self, key: &str) -> Option<String>;
    fn put(&self, key: &str, model: &str, answer: &str);
}

/// An [`AnswerCache`] in memory, for one process (the CLI keeps its cache in the database).
#[derive(Debug, Default)]
pub struct MemoryCache {
    answers: RefCell<BTreeMap<String, String>>,
}

impl MemoryCache {
    pub fn len(&self) -> usize {
        self.answers.borrow().len()
    }

    pub fn is_empty(&self) -> bool {
        self.answers.borrow().is_empty()
    }
}

impl AnswerCache for MemoryCache {
    fn get(&self, key: &str) -> Option<String> {
        self.answers.borrow().get(key).cloned()
    }

    fn put(&self, key: &str, _model: &str, answer: &str) {
        self.answers
            .borrow_mut()
            .insert(key.to_string(), answer.to_string());
    }
}

/// Rewrites reports with an LLM; build once, use for many reports.
#[derive(Debug)]
pub struct LlmWriter {
    config: LlmConfig,
    client: Client,
}

impl LlmWriter {
    pub fn new(config: LlmConfig) -> Result<Self, LlmError> {
        config.check()?;
        let client = Client::new(&config)?;
        Ok(LlmWriter { config, client })
    }

    pub fn config(&self) -> &LlmConfig {
        &self.config
    }

    /// The report with its fact-citing sections written by the LLM, or — when no answer
    /// passes the checks — the deterministic report itself with `writer.reason` set. Never
    /// fails: every outcome is a report, and the report says which writer wrote it.
    pub fn rewrite(&self, report: &Report, cache: Option<&dyn AnswerCache>) -> Report {
        let model = self.config.model.clone();
        let brief = Brief::of(report);
        if brief.is_empty() {
            return fallback(
                report,
                &model,
                "the report cites no fact, so there is nothing for the LLM to write from",
            );
        }
        let mut conversation = brief.messages();
        let key = prompt_hash(&prompt::request_body(&model, &conversation));
        if let Some(answer) = cache.and_then(|c| c.get(&key))
            && let Ok(written) = verify::check(&answer, &brief)
        {
            return assemble(report, &model, written);
        }
        let mut reason = String::new();
        for attempt in 1..=ATTEMPTS {
            let body = prompt::request_body(&model, &conversation);
            let answer = match self.client.complete(&body) {
                Ok(answer) => answer,
                Err(e) => {
                    reason = format!("attempt {attempt} of {ATTEMPTS}: {e}");
                    continue;
                }
            };
            match verify::check(&answer, &brief) {
                Ok(written) => {
                    if let Some(cache) = cache {
                        cache.put(&key, &model, &answer);
                    }
                    return assemble(report, &model, written);
                }
                Err(rejection) => {
                    reason = format!(
                        "attempt {attempt} of {ATTEMPTS} was rejected: {}",
                        rejection.summary()
                    );
                    conversation.push(Message::assistant(answer));
                    conversation.push(Message::user(rejection.correction()));
                }
            }
        }
        fallback(report, &model, &reason)
    }
}

/// A checked text with each `[F<id>]` replaced by its citation number `[n]`.
fn numbered(text: &str, numbers: &mut Renumber<'_>) -> String {
    let mut out = String::with_capacity(text.len());
    let mut last = 0;
    for (range, bracket) in verify::brackets(text) {
        if let verify::Bracket::Fact(id) = bracket
            && let Some(n) = numbers.number(id)
        {
            out.push_str(&text[last..range.start]);
            out.push_str(&format!("[{n}]"));
            last = range.end;
        }
    }
    out.push_str(&text[last..]);
    out
}

/// SHA-256 of the request body, as lowercase hex.
fn prompt_hash(body: &str) -> String {
    Sha256::digest(body.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

fn fallback(report: &Report, model: &str, reason: &str) -> Report {
    let mut out = report.clone();
    out.writer = WriterInfo {
        requested: WriterKind::Llm,
        used: WriterKind::Deterministic,
        model: Some(model.to_string()),
        reason: Some(reason.to_string()),
    };
    out
}

/// The deterministic report with the LLM's sections in place of those that cite facts,
/// its `[F<id>]` markers numbered by first use, and the method saying who wrote what.
fn assemble(report: &Report, model: &str, written: verify::Written) -> Report {
    let writer = WriterInfo {
        requested: WriterKind::Llm,
        used: WriterKind::Llm,
        model: Some(model.to_string()),
        reason: None,
    };
    let before = provenance(&report.name, &report.writer);
    let after = provenance(&report.name, &writer);
    let mut numbers = Renumber::new(&report.citations);
    let sections: Vec<Section> = report
        .sections
        .iter()
        .map(|s| match written.text_of(&s.heading) {
            Some(text) => Section {
                heading: s.heading.clone(),
                text: numbered(text, &mut numbers),
            },
            None => Section {
                heading: s.heading.clone(),
                text: s.text.replace(&before, &after),
            },
        })
        .collect();
    let mut out = report.clone();
    out.sections = sections;
    out.citations = numbers.into_citations();
    out.generated_by = format!("orbit LLM writer ({model}), checked by orbit");
    out.writer = writer;
    out
}

#[cfg(test)]
mod tests;
