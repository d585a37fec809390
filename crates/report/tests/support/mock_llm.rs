//! A small OpenAI-compatible server for tests: it listens on 127.0.0.1 (a free port), answers
//! `POST /v1/chat/completions` with canned responses in order (the last one repeats), and
//! records every request body so a test can count the calls and read the prompts.
//!
//! Shared by the report crate's tests and the CLI's (`#[path]`), so both test the writer
//! against the same server.

#![allow(dead_code)] // each test binary uses a different subset

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::{Arc, Mutex};

/// One canned HTTP response: a status and a body.
#[derive(Debug, Clone)]
pub struct Canned {
    pub status: u16,
    pub body: String,
}

impl Canned {
    /// A chat completion whose message content is `content`.
    pub fn answer(content: &str) -> Self {
        let body = serde_json::json!({
            "id": "chatcmpl-test",
            "object": "chat.completion",
            "model": "test-model",
            "choices": [{
                "index": 0,
                "message": {"role": "assistant", "content": content},
                "finish_reason": "stop"
            }]
        });
        Canned {
            status: 200,
            body: body.to_string(),
        }
    }

    /// A 200 response with any body (for malformed answers).
    pub fn raw(body: &str) -> Self {
        Canned {
            status: 200,
            body: body.to_string(),
        }
    }

    pub fn status(status: u16) -> Self {
        Canned {
            status,
            body: r#"{"error":{"message":"canned failure"}}"#.to_string(),
        }
    }
}

struct State {
    responses: Vec<Canned>,
    requests: Vec<String>,
}

/// The running server; it stops with the test process.
pub struct MockLlm {
    /// The base URL to give orbit: `http://127.0.0.1:PORT/v1`.
    pub url: String,
    state: Arc<Mutex<State>>,
}

impl MockLlm {
    pub fn start(responses: Vec<Canned>) -> MockLlm {
        assert!(!responses.is_empty(), "give the mock at least one response");
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind 127.0.0.1");
        let url = format!("http://{}/v1", listener.local_addr().expect("local addr"));
        let state = Arc::new(Mutex::new(State {
            responses,
            requests: Vec::new(),
        }));
        let shared = Arc::clone(&state);
        std::thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                serve(stream, &shared);
            }
        });
        MockLlm { url, state }
    }

    /// Replaces the canned responses (for later requests).
    pub fn respond_with(&self, responses: Vec<Canned>) {
        assert!(!responses.is_empty());
        let mut s = self.state.lock().unwrap();
        s.responses = responses;
        s.requests.clear();
    }

    /// The bodies of the chat-completion requests received so far.
    pub fn requests(&self) -> Vec<String> {
        self.state.lock().unwrap().requests.clone()
    }

    pub fn request_count(&self) -> usize {
        self.state.lock().unwrap().requests.len()
    }
}

fn serve(stream: TcpStream, state: &Mutex<State>) {
    let mut reader = BufReader::new(match stream.try_clone() {
        Ok(s) => s,
        Err(_) => return,
    });
    let mut request_line = String::new();
    if reader.read_line(&mut request_line).is_err() {
        return;
    }
    let mut length = 0usize;
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line).unwrap_or(0) == 0 {
            return;
        }
        let line = line.trim_end();
        if line.is_empty() {
            break;
        }
        if let Some((name, value)) = line.split_once(':')
            && name.eq_ignore_ascii_case("content-length")
        {
            length = value.trim().parse().unwrap_or(0);
        }
    }
    let mut body = vec![0; length];
    if reader.read_exact(&mut body).is_err() {
        return;
    }
    let canned = if request_line.starts_with("POST /v1/chat/completions ") {
        let mut s = state.lock().unwrap();
        let k = s.requests.len().min(s.responses.len() - 1);
        let canned = s.responses[k].clone();
        s.requests.push(String::from_utf8_lossy(&body).into_owned());
        canned
    } else {
        Canned {
            status: 404,
            body: "{}".to_string(),
        }
    };
    let response = format!(
        "HTTP/1.1 {} Canned\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{}",
        canned.status,
        canned.body.len(),
        canned.body
    );
    let mut stream = stream;
    let _ = stream.write_all(response.as_bytes());
    let _ = stream.flush();
}
