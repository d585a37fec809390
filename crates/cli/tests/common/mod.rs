//! Helpers for end-to-end tests: run the real `orbit` binary against a database in a
//! temporary directory, reading the shared third-party texts in place.

#![allow(dead_code)] // each test binary uses a different subset

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;

/// A temporary working directory with its own database.
pub struct Sandbox {
    pub dir: tempfile::TempDir,
}

impl Sandbox {
    pub fn new() -> Self {
        Sandbox {
            dir: tempfile::tempdir().expect("temp dir"),
        }
    }

    pub fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    pub fn db(&self) -> PathBuf {
        self.path("orbit.db")
    }

    /// Runs `orbit --db <sandbox db> ARGS` in the sandbox directory.
    pub fn orbit(&self, args: &[&str]) -> Output {
        Command::new(env!("CARGO_BIN_EXE_orbit"))
            .current_dir(self.dir.path())
            .env_remove("ORBIT_DATA")
            .arg("--db")
            .arg(self.db())
            .args(args)
            .output()
            .expect("orbit runs")
    }

    /// Runs `orbit --db <sandbox db> ARGS` with extra environment variables (and without any
    /// `ORBIT_LLM_*` variable of the caller's environment that `env` does not set).
    pub fn orbit_env(&self, args: &[&str], env: &[(&str, &str)]) -> Output {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_orbit"));
        cmd.current_dir(self.dir.path())
            .env_remove("ORBIT_DATA")
            .env_remove("ORBIT_LLM_URL")
            .env_remove("ORBIT_LLM_MODEL")
            .env_remove("ORBIT_LLM_API_KEY");
        for (k, v) in env {
            cmd.env(k, v);
        }
        cmd.arg("--db")
            .arg(self.db())
            .args(args)
            .output()
            .expect("orbit runs")
    }

    /// Ingests the bundled demo corpus (`data/demo/sahel-2024.jsonl`).
    pub fn with_demo_corpus(self) -> Self {
        let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data/demo/sahel-2024.jsonl");
        self.ok(&["ingest", corpus.to_str().expect("utf-8 path")]);
        self
    }

    /// Runs orbit and returns stdout, failing the test with stderr when it exits non-zero.
    pub fn ok(&self, args: &[&str]) -> String {
        let out = self.orbit(args);
        assert!(
            out.status.success(),
            "orbit {args:?} failed ({}):\n{}",
            out.status,
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).expect("utf-8 stdout")
    }

    /// Runs orbit and parses its stdout as JSON.
    pub fn json(&self, args: &[&str]) -> Value {
        let out = self.ok(args);
        serde_json::from_str(&out)
            .unwrap_or_else(|e| panic!("orbit {args:?}: invalid JSON ({e}):\n{out}"))
    }

    pub fn write(&self, name: &str, contents: &[u8]) -> PathBuf {
        let p = self.path(name);
        std::fs::write(&p, contents).expect("write fixture");
        p
    }
}

/// `../shared` beside the repository, where CI puts the third-party texts; `None` (and a note)
/// when it is absent, so a bare clone still runs the rest of the suite.
pub fn shared() -> Option<PathBuf> {
    let p = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared");
    if p.join("seeds").is_dir() {
        Some(p)
    } else {
        eprintln!("note: ../shared not found; skipping a test that reads the shared corpus");
        None
    }
}

/// The seed articles 001–004 (input examples), as paths.
pub fn seed_inputs(shared: &Path) -> Vec<String> {
    let mut seeds: Vec<String> = std::fs::read_dir(shared.join("seeds"))
        .expect("seeds dir")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| !n.starts_with("000"))
        })
        .map(|p| p.display().to_string())
        .collect();
    seeds.sort();
    seeds
}

/// Whether `text` names the country `iso2` (by name, demonym, capital, leader, force or an
/// editor's bracket), as orbit's own matcher reads it.
pub fn names_country(text: &str, iso2: &str) -> bool {
    use orbit_extract::matcher::EntityMatcher;
    let knowledge = orbit_core::Knowledge::load(None).expect("knowledge");
    let matcher = EntityMatcher::new(&knowledge.gazetteer).expect("matcher");
    matcher
        .find(text, &orbit_core::fold(text))
        .iter()
        .any(|m| knowledge.gazetteer.key_of(m.entity) == iso2)
}
