//! One blocking call to an OpenAI-compatible chat-completions endpoint.

use std::time::Duration;

use reqwest::blocking;
use reqwest::header::{AUTHORIZATION, CONTENT_TYPE};

use super::{LlmConfig, LlmError};

/// Largest response body read; an answer is a few kilobytes.
const MAX_RESPONSE_BYTES: usize = 4 * 1024 * 1024;
const CONNECT_TIMEOUT: Duration = Duration::from_secs(10);

/// Why a call gave no answer to check.
#[derive(Debug, thiserror::Error)]
pub(crate) enum CallError {
    #[error("the endpoint {endpoint} could not be reached: {message}")]
    Transport { endpoint: String, message: String },
    #[error("the endpoint answered HTTP {status}")]
    Status { status: u16 },
    #[error("the endpoint's answer is malformed: {0}")]
    Malformed(String),
}

#[derive(Debug)]
pub(crate) struct Client {
    http: blocking::Client,
    endpoint: String,
    api_key: Option<String>,
}

impl Client {
    pub fn new(config: &LlmConfig) -> Result<Self, LlmError> {
        // rustls needs one process-wide crypto provider; orbit uses ring (Cargo.toml). It may
        // already be installed (by the fetcher): that is fine.
        let _ = rustls::crypto::ring::default_provider().install_default();
        let http = blocking::Client::builder()
            .timeout(config.timeout)
            .connect_timeout(CONNECT_TIMEOUT.min(config.timeout))
            // The request goes to the configured endpoint and nowhere else.
            .no_proxy()
            .redirect(reqwest::redirect::Policy::none())
            .user_agent(concat!("orbit/", env!("CARGO_PKG_VERSION")))
            .build()
            .map_err(|e| LlmError::Client(e.to_string()))?;
        Ok(Client {
            http,
            endpoint: config.endpoint(),
            api_key: config.api_key.clone(),
        })
    }

    /// Posts `body` and returns `choices[0].message.content`.
    pub fn complete(&self, body: &str) -> Result<String, CallError> {
        let mut request = self
            .http
            .post(&self.endpoint)
            .header(CONTENT_TYPE, "application/json")
            .body(body.to_string());
        if let Some(key) = &self.api_key {
            request = request.header(AUTHORIZATION, format!("Bearer {key}"));
        }
        let transport = |e: reqwest::Error| CallError::Transport {
            endpoint: self.endpoint.clone(),
            message: e.without_url().to_string(),
        };
        let response = request.send().map_err(transport)?;
        let status = response.status();
        if !status.is_success() {
            return Err(CallError::Status {
                status: status.as_u16(),
            });
        }
        let bytes = response.bytes().map_err(transport)?;
        if bytes.len() > MAX_RESPONSE_BYTES {
            return Err(CallError::Malformed(format!(
                "the response is larger than {MAX_RESPONSE_BYTES} bytes"
            )));
        }
        content_of(&bytes)
    }
}

/// The message text of a chat-completions response.
fn content_of(bytes: &[u8]) -> Result<String, CallError> {
    let value: serde_json::Value = serde_json::from_slice(bytes)
        .map_err(|e| CallError::Malformed(format!("not JSON ({e})")))?;
    let content = value
        .pointer("/choices/0/message/content")
        .ok_or_else(|| CallError::Malformed("no choices[0].message.content".to_string()))?;
    let text = content.as_str().ok_or_else(|| {
        CallError::Malformed("choices[0].message.content is not text".to_string())
    })?;
    if text.trim().is_empty() {
        return Err(CallError::Malformed(
            "choices[0].message.content is empty".to_string(),
        ));
    }
    Ok(text.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_first_choice_and_names_what_is_missing() {
        let ok = br###"{"choices":[{"message":{"role":"assistant","content":"## Summary\nx [F1]."}}]}"###;
        assert_eq!(content_of(ok).unwrap(), "## Summary\nx [F1].");
        for bad in [
            &b"<html>oops</html>"[..],
            br#"{"choices":[]}"#,
            br#"{"choices":[{"message":{"content":null}}]}"#,
            br#"{"choices":[{"message":{"content":"  "}}]}"#,
        ] {
            assert!(matches!(content_of(bad), Err(CallError::Malformed(_))));
        }
    }
}
