//! A tiny HTTP/1.1 server on 127.0.0.1 for tests: canned answers per path, answered in turn
//! (the last one repeats), with optional delays, and a log of the requests it got.
//!
//! Shared by orbit-fetch's tests and the CLI's (`#[path]`-included there), so it uses only std.

#![allow(dead_code)] // each test binary uses a different subset

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::Duration;

/// One canned answer.
#[derive(Debug, Clone)]
pub struct Reply {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
    /// Wait this long before answering (a slow server).
    pub delay: Duration,
    /// Answer 304 when the request's If-None-Match equals this ETag.
    pub etag: Option<String>,
}

impl Reply {
    pub fn new(status: u16, content_type: &str, body: impl Into<Vec<u8>>) -> Self {
        Reply {
            status,
            headers: vec![("Content-Type".into(), content_type.into())],
            body: body.into(),
            delay: Duration::ZERO,
            etag: None,
        }
    }
    pub fn html(body: &str) -> Self {
        Reply::new(200, "text/html; charset=utf-8", body)
    }
    pub fn rss(body: &str) -> Self {
        Reply::new(200, "application/rss+xml; charset=utf-8", body)
    }
    pub fn status(status: u16) -> Self {
        Reply::new(status, "text/plain", format!("status {status}"))
    }
    pub fn redirect(to: &str) -> Self {
        Reply::status(302).header("Location", to)
    }
    pub fn header(mut self, name: &str, value: &str) -> Self {
        self.headers.push((name.into(), value.into()));
        self
    }
    pub fn delay(mut self, d: Duration) -> Self {
        self.delay = d;
        self
    }
    pub fn with_etag(mut self, etag: &str) -> Self {
        self.etag = Some(etag.into());
        self.header("ETag", etag)
    }
}

/// A request as the server saw it.
#[derive(Debug, Clone)]
pub struct Seen {
    pub method: String,
    pub path: String,
    pub headers: HashMap<String, String>,
    pub body: Vec<u8>,
}

#[derive(Default)]
struct State {
    routes: HashMap<String, Vec<Reply>>,
    hits: HashMap<String, usize>,
    seen: Vec<Seen>,
}

/// The server; it stops when dropped.
pub struct Server {
    pub addr: std::net::SocketAddr,
    state: Arc<Mutex<State>>,
    stop: Arc<AtomicBool>,
}

impl Server {
    pub fn start() -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind 127.0.0.1");
        listener.set_nonblocking(true).expect("nonblocking");
        let addr = listener.local_addr().unwrap();
        let state = Arc::new(Mutex::new(State::default()));
        let stop = Arc::new(AtomicBool::new(false));
        let (st, sp) = (state.clone(), stop.clone());
        thread::spawn(move || {
            // Bounded: the server lives as long as its test, and at most ten minutes.
            let deadline = std::time::Instant::now() + Duration::from_secs(600);
            while !sp.load(Ordering::Relaxed) && std::time::Instant::now() < deadline {
                match listener.accept() {
                    Ok((stream, _)) => {
                        let st = st.clone();
                        thread::spawn(move || handle(stream, st));
                    }
                    Err(_) => thread::sleep(Duration::from_millis(5)),
                }
            }
        });
        Server { addr, state, stop }
    }

    /// `http://127.0.0.1:PORT` + path.
    pub fn url(&self, path: &str) -> String {
        format!("http://{}{}", self.addr, path)
    }

    /// Sets the answers for `path`, given in turn; the last repeats.
    pub fn route(&self, path: &str, replies: Vec<Reply>) {
        let mut s = self.state.lock().unwrap();
        s.routes.insert(path.to_string(), replies);
        s.hits.remove(path);
    }

    /// How many requests `path` got.
    pub fn hits(&self, path: &str) -> usize {
        self.state
            .lock()
            .unwrap()
            .seen
            .iter()
            .filter(|r| r.path == path)
            .count()
    }

    pub fn seen(&self) -> Vec<Seen> {
        self.state.lock().unwrap().seen.clone()
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
    }
}

fn handle(stream: TcpStream, state: Arc<Mutex<State>>) {
    let _ = stream.set_nonblocking(false);
    let _ = stream.set_read_timeout(Some(Duration::from_secs(10)));
    let mut reader = BufReader::new(match stream.try_clone() {
        Ok(s) => s,
        Err(_) => return,
    });
    let mut request_line = String::new();
    if reader.read_line(&mut request_line).is_err() {
        return;
    }
    let mut parts = request_line.split_whitespace();
    let method = parts.next().unwrap_or("").to_string();
    let path = parts.next().unwrap_or("/").to_string();
    let mut headers = HashMap::new();
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line).unwrap_or(0) == 0 {
            break;
        }
        let line = line.trim_end();
        if line.is_empty() {
            break;
        }
        if let Some((k, v)) = line.split_once(':') {
            headers.insert(k.trim().to_ascii_lowercase(), v.trim().to_string());
        }
    }
    let mut body = Vec::new();
    if let Some(len) = headers
        .get("content-length")
        .and_then(|v| v.parse::<usize>().ok())
    {
        body.resize(len, 0);
        let _ = reader.read_exact(&mut body);
    }
    let reply = {
        let mut s = state.lock().unwrap();
        s.seen.push(Seen {
            method,
            path: path.clone(),
            headers: headers.clone(),
            body,
        });
        let n = *s.hits.get(&path).unwrap_or(&0);
        s.hits.insert(path.clone(), n + 1);
        match s.routes.get(&path) {
            Some(replies) if !replies.is_empty() => replies[n.min(replies.len() - 1)].clone(),
            _ => Reply::status(404),
        }
    };
    thread::sleep(reply.delay);
    let reply = match (&reply.etag, headers.get("if-none-match")) {
        (Some(etag), Some(sent)) if etag == sent => Reply {
            status: 304,
            headers: vec![("ETag".into(), etag.clone())],
            body: Vec::new(),
            delay: Duration::ZERO,
            etag: None,
        },
        _ => reply,
    };
    let mut out = stream;
    let mut head = format!("HTTP/1.1 {} X\r\n", reply.status);
    for (k, v) in &reply.headers {
        head.push_str(&format!("{k}: {v}\r\n"));
    }
    head.push_str(&format!(
        "Content-Length: {}\r\nConnection: close\r\n\r\n",
        reply.body.len()
    ));
    let _ = out.write_all(head.as_bytes());
    let _ = out.write_all(&reply.body);
    let _ = out.flush();
}
