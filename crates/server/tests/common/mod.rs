//! Helpers for the dashboard's integration tests: a real SQLite file built by ingesting real
//! files through the real pipeline (read → clean → extract → store), the dashboard served on
//! 127.0.0.1:0, and a minimal HTTP/1.1 client.

#![allow(dead_code)] // each test binary uses a different subset

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::path::{Path, PathBuf};
use std::time::Duration;

use orbit_clean::Cleaner;
use orbit_core::Knowledge;
use orbit_extract::Extractor;
use orbit_store::Store;

/// The bundled demo corpus (our own digests of real reporting, data/demo/README.md).
pub fn demo_corpus() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data/demo/sahel-2024.jsonl")
}

/// Ingests `paths` into a new database `orbit.db` in `dir`, as `orbit ingest` does.
pub fn ingest(dir: &Path, paths: &[PathBuf]) -> PathBuf {
    let db = dir.join("orbit.db");
    let mut store = Store::open(&db).expect("open the database");
    let knowledge = Knowledge::load(None).expect("built-in knowledge");
    let cleaner = Cleaner::load(None).expect("built-in cleaner rules");
    let extractor = Extractor::new(&knowledge).expect("extractor");
    let mut batch = Vec::new();
    for item in orbit_ingest::read_paths(paths) {
        let raw = item.expect("every test article is readable");
        let doc = cleaner.clean(&raw).expect("every test article cleans");
        let facts = extractor.extract(&doc);
        batch.push((doc, facts));
    }
    store.insert_batch(&batch).expect("store the articles");
    db
}

/// A database of the demo corpus in a fresh temporary directory (kept alive by the caller).
pub fn demo_db() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = ingest(dir.path(), &[demo_corpus()]);
    (dir, db)
}

/// The dashboard served over `db` on a free loopback port, on its own thread and runtime,
/// for as long as the test process runs.
pub fn serve(db: &Path) -> SocketAddr {
    let dashboard = orbit_server::Dashboard::open(db, None).expect("the dashboard opens");
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let result =
            orbit_server::serve_blocking(dashboard, "127.0.0.1:0".parse().unwrap(), |addr| {
                tx.send(addr).expect("report the address");
            });
        if let Err(e) = result {
            eprintln!("dashboard stopped: {e}");
        }
    });
    rx.recv_timeout(Duration::from_secs(30))
        .expect("the dashboard starts listening")
}

/// One HTTP response.
#[derive(Debug)]
pub struct Response {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: String,
}

impl Response {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.body)
            .unwrap_or_else(|e| panic!("not JSON ({e}):\n{}", self.body))
    }
}

/// `GET path` (path and query, already encoded) on the dashboard at `addr`.
pub fn get(addr: SocketAddr, path: &str) -> Response {
    let mut stream = TcpStream::connect(addr).expect("connect to the dashboard");
    stream
        .set_read_timeout(Some(Duration::from_secs(60)))
        .unwrap();
    write!(
        stream,
        "GET {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut raw = Vec::new();
    stream.read_to_end(&mut raw).expect("read the response");
    let split = raw
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .expect("a complete HTTP head");
    let head = String::from_utf8_lossy(&raw[..split]).into_owned();
    let mut body = raw[split + 4..].to_vec();
    let mut lines = head.split("\r\n");
    let status: u16 = lines
        .next()
        .and_then(|l| l.split(' ').nth(1))
        .and_then(|s| s.parse().ok())
        .expect("a status line");
    let headers: Vec<(String, String)> = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(k, v)| (k.trim().to_string(), v.trim().to_string()))
        .collect();
    let chunked = headers
        .iter()
        .any(|(k, v)| k.eq_ignore_ascii_case("transfer-encoding") && v.contains("chunked"));
    if chunked {
        body = dechunk(&body);
    }
    Response {
        status,
        headers,
        body: String::from_utf8(body).expect("a UTF-8 body"),
    }
}

fn dechunk(mut data: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    while let Some(eol) = data.windows(2).position(|w| w == b"\r\n") {
        let size_text = String::from_utf8_lossy(&data[..eol]);
        let size = usize::from_str_radix(size_text.split(';').next().unwrap().trim(), 16)
            .expect("a chunk size");
        if size == 0 {
            break;
        }
        let start = eol + 2;
        out.extend_from_slice(&data[start..start + size]);
        data = &data[start + size + 2..];
    }
    out
}

/// `../shared` beside the repository, where CI puts the third-party corpus; `None` (and a
/// note) when it is absent.
pub fn shared() -> Option<PathBuf> {
    let p = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared");
    if p.join("corpus").is_dir() {
        Some(p)
    } else {
        eprintln!("note: ../shared not found; skipping a test that reads the shared corpus");
        None
    }
}
