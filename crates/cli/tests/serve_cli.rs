//! `orbit serve` and `orbit demo --serve`: the real binary prints its URL and serves the
//! dashboard; it refuses a missing database and a malformed address.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

/// A server process we started, stopped when the test ends, pass or fail.
struct Server(Child);

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn orbit() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_orbit"));
    c.env_remove("ORBIT_DATA").env_remove("ORBIT_DB");
    c
}

/// Reads the server's stdout until it prints its URL.
fn url_of(server: &mut Server) -> String {
    let stdout = server.0.stdout.take().expect("piped stdout");
    for line in BufReader::new(stdout).lines() {
        let line = line.expect("stdout is text");
        if let Some(at) = line.find("http://") {
            return line[at..].split_whitespace().next().unwrap().to_string();
        }
    }
    panic!("the server ended without printing its URL");
}

fn get(url: &str, path: &str) -> (u16, String) {
    let addr = url.trim_start_matches("http://").trim_end_matches('/');
    let mut s = TcpStream::connect(addr).expect("connect");
    s.set_read_timeout(Some(Duration::from_secs(60))).unwrap();
    write!(
        s,
        "GET {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut raw = String::new();
    s.read_to_string(&mut raw).unwrap();
    let status = raw.split(' ').nth(1).unwrap().parse().unwrap();
    (status, raw)
}

#[test]
fn demo_serve_prints_the_url_and_serves_the_demo() {
    let dir = tempfile::tempdir().unwrap();
    let mut server = Server(
        orbit()
            .args(["demo", "--dir"])
            .arg(dir.path())
            .args(["--serve", "--addr", "127.0.0.1:0"])
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("orbit runs"),
    );
    let url = url_of(&mut server);
    assert!(url.starts_with("http://127.0.0.1:"), "{url}");
    let (status, page) = get(&url, "/");
    assert_eq!(status, 200);
    assert!(page.contains("Alignment of African states"));
    let (status, page) = get(&url, "/country/ML");
    assert_eq!(status, 200);
    assert!(page.contains("Analysis for Mali"));
}

#[test]
fn serve_reads_the_database_given_with_db() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("orbit.db");
    let demo =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data/demo/sahel-2024.jsonl");
    let ingest = orbit()
        .arg("--db")
        .arg(&db)
        .arg("ingest")
        .arg(&demo)
        .output()
        .unwrap();
    assert!(ingest.status.success());
    let mut server = Server(
        orbit()
            .arg("--db")
            .arg(&db)
            .args(["serve", "--addr", "127.0.0.1:0"])
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap(),
    );
    let url = url_of(&mut server);
    let (status, body) = get(&url, "/api/scores");
    assert_eq!(status, 200);
    assert!(body.contains("\"country\":\"ML\""));
}

#[test]
fn serve_refuses_a_missing_database_without_creating_one() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("missing.db");
    let out = orbit()
        .arg("--db")
        .arg(&db)
        .args(["serve", "--addr", "127.0.0.1:0"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("no database at"), "{stderr}");
    assert!(!db.exists());
}

#[test]
fn serve_rejects_an_address_that_is_not_ip_and_port() {
    let out = orbit()
        .args(["serve", "--addr", "localhost"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
}
