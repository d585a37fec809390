//! orbit-ingest: reading sources into [`RawArticle`]s, streaming.
//!
//! Files are read by extension: `.jsonl`/`.ndjson` (one article per line), `.json` (one
//! object, an array of objects, or JSON lines), `.html`/`.htm` (one page), `.txt`/`.md` (one
//! text), `.pdf` (the text layer, pages marked: see [`pdf`]). Directories are walked
//! recursively in sorted order, skipping other files; a file named explicitly with another
//! extension is sniffed as PDF, HTML or text. GDELT files have their own reader, [`gdelt`].
//!
//! Bad input never stops a run: each unreadable file, broken JSON line, binary or empty file
//! yields one [`IngestError`] naming the file (and line), and reading goes on.
//!
//! ```no_run
//! for item in orbit_ingest::read_paths(&["corpus/".into()]) {
//!     match item {
//!         Ok(article) => println!("{}", article.origin),
//!         Err(e) => eprintln!("orbit: {e}"),
//!     }
//! }
//! ```

mod article;
mod decode;
mod error;
mod files;
pub mod gdelt;
mod json_records;
pub mod pdf;
mod sniff;
mod sourced;
mod stdin;

use std::path::PathBuf;

pub use error::IngestError;
pub use orbit_core::{Body, RawArticle};
pub use sourced::{Sourced, SourcedResult};

/// One item read from a source, or the reason it could not be read (naming file and line).
pub type ReadResult = Result<RawArticle, IngestError>;

/// Streams articles from files and directories (recursive, sorted for determinism), in order.
///
/// Only one file is open at a time, and JSON lines are read line by line, so memory stays
/// flat however large the input. The paths are copied: the iterator borrows nothing.
pub fn read_paths(paths: &[PathBuf]) -> impl Iterator<Item = ReadResult> + use<> {
    files::PathReader::new(paths)
}

/// Streams articles from stdin: JSONL if the first non-blank char is '{' or '[', otherwise
/// HTML if it looks like HTML, else one plain-text article. origin = "<stdin>" / "<stdin>:LINE".
pub fn read_stdin() -> impl Iterator<Item = ReadResult> {
    stdin::read_from(std::io::stdin().lock(), stdin::STDIN)
}

/// Reads any buffered reader as [`read_stdin`] reads stdin, naming it `name` in origins and
/// messages (for tests, and for callers that have the bytes already).
pub fn read_reader<R: std::io::BufRead + 'static>(
    reader: R,
    name: &str,
) -> impl Iterator<Item = ReadResult> + use<R> {
    stdin::read_from(reader, name)
}
