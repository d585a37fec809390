//! Files and directories: which reader each file gets, and the sorted recursive walk.

use std::collections::VecDeque;
use std::fs;
use std::io::BufReader;
use std::path::{Path, PathBuf};

use orbit_core::{Body, RawArticle};

use crate::decode::text_of;
use crate::json_records::JsonRecords;
use crate::sniff::{looks_like_feed, looks_like_html};
use crate::{IngestError, ReadResult};

/// HTML and text files are read whole; beyond this size they are refused rather than
/// loaded (large corpora belong in JSON lines, which stream).
const MAX_WHOLE_FILE: u64 = 64 * 1024 * 1024;

/// How a file is read, decided by its extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    JsonLines,
    Json,
    Html,
    Text,
    /// A PDF: its text layer, page by page.
    Pdf,
    /// Named on the command line with an unknown extension: HTML or text by its content.
    Sniffed,
}

fn kind_of(path: &Path) -> Option<Kind> {
    let ext = path.extension()?.to_str()?.to_ascii_lowercase();
    match ext.as_str() {
        "jsonl" | "ndjson" => Some(Kind::JsonLines),
        "json" => Some(Kind::Json),
        "html" | "htm" | "xhtml" => Some(Kind::Html),
        "txt" | "text" | "md" | "markdown" => Some(Kind::Text),
        "pdf" => Some(Kind::Pdf),
        _ => None,
    }
}

/// A path still to read: named by the user, found in a directory, or already failed.
enum Pending {
    Named(PathBuf),
    Found(PathBuf, Kind),
    Failed(IngestError),
}

/// Streams the articles of a list of paths, one file open at a time.
pub(crate) struct PathReader {
    queue: VecDeque<Pending>,
    current: Option<Box<dyn Iterator<Item = ReadResult>>>,
}

impl PathReader {
    pub(crate) fn new(paths: &[PathBuf]) -> Self {
        PathReader {
            queue: paths.iter().cloned().map(Pending::Named).collect(),
            current: None,
        }
    }

    /// Opens a path the user named: a directory is walked, a file of unknown type is sniffed.
    fn open_named(&mut self, path: PathBuf) -> Option<ReadResult> {
        match fs::metadata(&path) {
            Err(source) => Some(Err(IngestError::Io {
                path: path.display().to_string(),
                source,
            })),
            Ok(meta) if meta.is_dir() => {
                for found in walk(&path).into_iter().rev() {
                    self.queue.push_front(found);
                }
                None
            }
            Ok(_) => {
                let kind = kind_of(&path).unwrap_or(Kind::Sniffed);
                self.current = Some(open(&path, kind));
                None
            }
        }
    }
}

impl Iterator for PathReader {
    type Item = ReadResult;

    fn next(&mut self) -> Option<ReadResult> {
        loop {
            if let Some(current) = &mut self.current {
                if let Some(result) = current.next() {
                    return Some(result);
                }
                self.current = None;
            }
            match self.queue.pop_front()? {
                Pending::Failed(error) => return Some(Err(error)),
                Pending::Found(path, kind) => self.current = Some(open(&path, kind)),
                Pending::Named(path) => {
                    if let Some(result) = self.open_named(path) {
                        return Some(result);
                    }
                }
            }
        }
    }
}

/// The readable files under `dir`, recursively, sorted by name at each level so that runs
/// are deterministic. Hidden entries are skipped, and so are files of unknown type (a
/// directory of pages often holds images and stylesheets). Symlinked directories are not
/// followed, which keeps a link loop from walking forever.
fn walk(dir: &Path) -> Vec<Pending> {
    let mut out = Vec::new();
    let entries = match fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(source) => {
            out.push(Pending::Failed(IngestError::Io {
                path: dir.display().to_string(),
                source,
            }));
            return out;
        }
    };
    let mut entries: Vec<_> = entries.filter_map(Result::ok).collect();
    entries.sort_by_key(|e| e.file_name());
    for entry in entries {
        if entry.file_name().to_string_lossy().starts_with('.') {
            continue;
        }
        let path = entry.path();
        let Ok(file_type) = entry.file_type() else {
            continue;
        };
        if file_type.is_dir() {
            out.extend(walk(&path));
        } else if (file_type.is_file() || fs::metadata(&path).is_ok_and(|m| m.is_file()))
            && let Some(kind) = kind_of(&path)
        {
            out.push(Pending::Found(path, kind));
        }
    }
    out
}

/// The reader for one file.
fn open(path: &Path, kind: Kind) -> Box<dyn Iterator<Item = ReadResult>> {
    let name = path.display().to_string();
    match kind {
        Kind::JsonLines | Kind::Json => match fs::File::open(path) {
            Ok(file) => Box::new(JsonRecords::new(
                BufReader::with_capacity(256 * 1024, file),
                name,
                Vec::new(),
                1,
                kind == Kind::Json,
            )),
            Err(source) => Box::new(std::iter::once(Err(IngestError::Io { path: name, source }))),
        },
        Kind::Html | Kind::Text | Kind::Pdf | Kind::Sniffed => {
            Box::new(std::iter::once(read_whole(path, &name, kind)))
        }
    }
}

/// One HTML, text or PDF file as one article.
fn read_whole(path: &Path, name: &str, kind: Kind) -> ReadResult {
    let io = |source| IngestError::Io {
        path: name.to_string(),
        source,
    };
    let size = fs::metadata(path).map_err(io)?.len();
    if size > MAX_WHOLE_FILE {
        return Err(IngestError::TooLarge {
            path: name.to_string(),
            size,
            limit: MAX_WHOLE_FILE,
        });
    }
    let bytes = fs::read(path).map_err(io)?;
    article_from_bytes(&bytes, name, kind)
}

/// The article in a whole file's bytes; `kind` is `Html`, `Text`, `Pdf` or `Sniffed`.
fn article_from_bytes(bytes: &[u8], name: &str, kind: Kind) -> ReadResult {
    if kind == Kind::Pdf || (kind == Kind::Sniffed && crate::pdf::is_pdf(bytes)) {
        return crate::pdf::read_pdf(bytes, name);
    }
    let text = text_of(bytes).map_err(|_| IngestError::Binary {
        path: name.to_string(),
    })?;
    whole_text_article(text, name, kind)
}

/// One article from a whole text: HTML, plain text, or sniffed between the two.
fn whole_text_article(text: String, name: &str, kind: Kind) -> ReadResult {
    if text.trim().is_empty() {
        return Err(IngestError::Empty {
            path: name.to_string(),
        });
    }
    let body = match kind {
        Kind::Html => Body::Html(text),
        Kind::Sniffed if looks_like_feed(&text) => {
            return Err(IngestError::Feed {
                path: name.to_string(),
            });
        }
        Kind::Sniffed if looks_like_html(&text) => Body::Html(text),
        _ => Body::Text(text),
    };
    Ok(RawArticle {
        origin: name.to_string(),
        url: None,
        title: None,
        body,
        published: None,
        source: None,
        lang: None,
    })
}

/// The article of a whole stdin that is not JSON: HTML if it looks like it, else text.
pub(crate) fn sniffed_article(bytes: &[u8], name: &str) -> ReadResult {
    article_from_bytes(bytes, name, Kind::Sniffed)
}
