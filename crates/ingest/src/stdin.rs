//! Standard input: JSON articles, one HTML page, or one plain-text article.

use std::io::BufRead;

use crate::decode::text_of;
use crate::files::sniffed_article;
use crate::json_records::JsonRecords;
use crate::{IngestError, ReadResult};

/// How messages and origins name standard input.
pub(crate) const STDIN: &str = "<stdin>";

/// Reads `reader` as stdin is read: JSON lines (or a JSON array) when the first non-blank
/// character is `{` or `[`, otherwise one article, HTML if it looks like HTML.
pub(crate) fn read_from<R: BufRead + 'static>(
    mut reader: R,
    name: &str,
) -> Box<dyn Iterator<Item = ReadResult>> {
    let once =
        |r: ReadResult| -> Box<dyn Iterator<Item = ReadResult>> { Box::new(std::iter::once(r)) };
    let io = |source| IngestError::Io {
        path: name.to_string(),
        source,
    };
    // Read up to the first non-blank line; it decides the format.
    let mut head = Vec::new();
    let mut lines = 0;
    let first = loop {
        let start = head.len();
        match reader.read_until(b'\n', &mut head) {
            Ok(0) => break None,
            Ok(_) => lines += 1,
            Err(e) => return once(Err(io(e))),
        }
        if let Some(c) = head[start..].iter().find(|b| !b.is_ascii_whitespace()) {
            break Some(*c);
        }
    };
    match first {
        None => once(Err(IngestError::Empty {
            path: name.to_string(),
        })),
        Some(b'{' | b'[') => {
            let text = match text_of(&head) {
                Ok(text) => text,
                Err(_) => {
                    return once(Err(IngestError::Binary {
                        path: name.to_string(),
                    }));
                }
            };
            let replay = text
                .lines()
                .enumerate()
                .map(|(i, line)| (i + 1, line.to_string()))
                .collect();
            Box::new(JsonRecords::new(
                reader,
                name.to_string(),
                replay,
                lines + 1,
                false,
            ))
        }
        Some(_) => {
            if let Err(e) = reader.read_to_end(&mut head) {
                return once(Err(io(e)));
            }
            once(sniffed_article(&head, name))
        }
    }
}
