//! Why an item could not be read: one line naming the file (and line) and what happens next.

/// One source item that could not be read. Its `Display` is a single line for stderr that names
/// the file (and line, for JSON lines) and says that the item was skipped.
///
/// ```
/// let e = orbit_ingest::IngestError::InvalidJson {
///     path: "corpus.jsonl".into(),
///     line: 2,
///     message: "expected value at column 1".into(),
/// };
/// assert_eq!(
///     e.to_string(),
///     "corpus.jsonl:2: invalid JSON (expected value at column 1); line skipped"
/// );
/// ```
#[derive(Debug, thiserror::Error)]
pub enum IngestError {
    /// The path could not be opened or read (missing, permission denied, ...).
    #[error("{path}: cannot read ({source}); skipped")]
    Io {
        path: String,
        #[source]
        source: std::io::Error,
    },
    /// The file holds no bytes, only whitespace, or (for JSON lines) only blank lines.
    #[error("{path}: empty file; skipped")]
    Empty { path: String },
    /// The file is not text (NUL bytes, or mostly control characters).
    #[error("{path}: binary file, not text; skipped")]
    Binary { path: String },
    /// A single HTML or text file larger than orbit reads whole.
    #[error(
        "{path}: file too large ({size} bytes, limit {limit}); split it or convert it to JSON lines; skipped"
    )]
    TooLarge { path: String, size: u64, limit: u64 },
    /// An RSS/Atom feed given as a file; feeds are read with `ingest --url`.
    #[error(
        "{path}: looks like an RSS/Atom feed, which orbit does not read from files yet; skipped"
    )]
    Feed { path: String },
    /// A JSON line (or a JSON file) that does not parse.
    #[error("{path}:{line}: invalid JSON ({message}); line skipped")]
    InvalidJson {
        path: String,
        line: usize,
        message: String,
    },
    /// Valid JSON that is not an article object (a number, a string, a nested array...).
    #[error("{origin}: expected a JSON object with \"text\" or \"html\", found {found}; skipped")]
    NotAnObject { origin: String, found: &'static str },
    /// An article object with neither a non-empty `text` nor a non-empty `html` field.
    #[error("{origin}: no text or html field; skipped")]
    NoBody { origin: String },
    /// A PDF whose text could not be read (damaged, encrypted, scanned images only).
    #[error("{path}: cannot read this PDF ({message}); skipped")]
    Pdf { path: String, message: String },
    /// A GDELT row that does not have the column layout of its file, or bad values in it.
    #[error("{path}:{line}: {message}; row skipped")]
    Gdelt {
        path: String,
        line: usize,
        message: String,
    },
    /// A page or feed that could not be fetched; `message` names the URL and the reason
    /// ("https://x.test/a: HTTP 404 Not Found").
    #[error("{message}; skipped")]
    Fetch { message: String },
}
