//! JSON articles read as a stream: JSON lines, a JSON array, one object, or a mix, line by
//! line so that a multi-gigabyte JSONL file never sits in memory.
//!
//! A value that spans several lines (a pretty-printed object or array) is gathered until it
//! parses. If gathering fails, the first line is reported as invalid and the lines read ahead
//! are read again one by one, so one broken line never hides the good lines after it.

use std::collections::VecDeque;
use std::io::BufRead;

use serde_json::Value;
use serde_json::value::RawValue;

use crate::article::article_from_json;
use crate::decode::text_of;
use crate::{IngestError, ReadResult};

/// Gathering a multi-line value stops after this many lines or bytes.
const MAX_VALUE_LINES: usize = 200_000;
const MAX_VALUE_BYTES: usize = 256 * 1024 * 1024;

/// Streams the articles of one JSON source.
pub(crate) struct JsonRecords<R> {
    reader: R,
    /// How messages and origins name the source: a path or `<stdin>`.
    name: String,
    /// The number of the last line taken from `reader`.
    line_no: usize,
    /// Lines read ahead while gathering a value that then failed, to be read again.
    replay: VecDeque<(usize, String)>,
    out: VecDeque<ReadResult>,
    /// A `.json` file holding one object is named by its path alone, not `path:1`; the first
    /// result waits here until we know whether another follows.
    name_single_object_by_path: bool,
    held: Option<ReadResult>,
    results: usize,
    non_blank_lines: usize,
    done: bool,
    finished: bool,
}

impl<R: BufRead> JsonRecords<R> {
    /// Reads `reader`, whose first line is line `first_line`; `replay` holds lines already
    /// taken from it (stdin sniffing), numbered.
    pub(crate) fn new(
        reader: R,
        name: String,
        replay: Vec<(usize, String)>,
        first_line: usize,
        name_single_object_by_path: bool,
    ) -> Self {
        JsonRecords {
            reader,
            name,
            line_no: first_line.saturating_sub(1),
            replay: replay.into(),
            out: VecDeque::new(),
            name_single_object_by_path,
            held: None,
            results: 0,
            non_blank_lines: 0,
            done: false,
            finished: false,
        }
    }

    /// The next line and its number, from the replay queue first; `None` at the end.
    fn next_line(&mut self) -> Option<(usize, String)> {
        if let Some(line) = self.replay.pop_front() {
            return Some(line);
        }
        if self.done {
            return None;
        }
        let mut bytes = Vec::new();
        match self.reader.read_until(b'\n', &mut bytes) {
            Ok(0) => {
                self.done = true;
                None
            }
            Ok(_) => {
                self.line_no += 1;
                while bytes.last().is_some_and(|b| *b == b'\n' || *b == b'\r') {
                    bytes.pop();
                }
                match text_of(&bytes) {
                    Ok(text) => Some((self.line_no, text)),
                    Err(_) => {
                        self.fail(IngestError::Binary {
                            path: self.name.clone(),
                        });
                        None
                    }
                }
            }
            Err(source) => {
                self.fail(IngestError::Io {
                    path: self.name.clone(),
                    source,
                });
                None
            }
        }
    }

    /// Ends reading with one error for the whole source.
    fn fail(&mut self, error: IngestError) {
        self.done = true;
        self.replay.clear();
        self.push(Err(error), false);
    }

    fn push(&mut self, result: ReadResult, plain_object: bool) {
        self.results += 1;
        if self.name_single_object_by_path && self.results == 1 && plain_object {
            self.held = Some(result);
            return;
        }
        if let Some(held) = self.held.take() {
            self.out.push_back(held);
        }
        self.out.push_back(result);
    }

    /// Reads one value (one or more lines) and queues what it yields.
    fn step(&mut self) {
        let Some((line, text)) = self.next_line() else {
            return;
        };
        let trimmed = text.trim();
        if trimmed.is_empty() {
            return;
        }
        self.non_blank_lines += 1;
        match parse(trimmed) {
            Ok(parsed) => self.emit(parsed, line, trimmed),
            Err(e) if e.is_eof() => self.gather(line, text, &e),
            Err(e) => self.invalid(line, &e),
        }
    }

    /// Gathers the lines of a value that started on `first` and did not end there.
    fn gather(&mut self, first: usize, text: String, first_error: &serde_json::Error) {
        let mut buf = text;
        let mut taken = Vec::new();
        while taken.len() < MAX_VALUE_LINES && buf.len() < MAX_VALUE_BYTES {
            let Some((n, line)) = self.next_line() else {
                break;
            };
            buf.push('\n');
            buf.push_str(&line);
            let closes = line.trim_end().ends_with(['}', ']']);
            taken.push((n, line));
            if !closes {
                continue;
            }
            match parse(buf.trim()) {
                Ok(parsed) => {
                    self.non_blank_lines += taken.len();
                    let start = buf.len() - buf.trim_start().len();
                    let lead_lines = buf[..start].matches('\n').count();
                    return self.emit(parsed, first + lead_lines, buf.trim());
                }
                Err(e) if e.is_eof() => continue,
                Err(_) => break,
            }
        }
        self.invalid(first, first_error);
        for line in taken.into_iter().rev() {
            self.replay.push_front(line);
        }
    }

    fn invalid(&mut self, line: usize, e: &serde_json::Error) {
        let error = IngestError::InvalidJson {
            path: self.name.clone(),
            line: line + e.line().saturating_sub(1),
            message: message_of(e),
        };
        self.push(Err(error), false);
    }

    fn emit(&mut self, parsed: Parsed<'_>, line: usize, src: &str) {
        match parsed {
            Parsed::Value(value) => {
                let plain_object = value.is_object();
                let origin = format!("{}:{line}", self.name);
                self.push(article_from_json(value, origin), plain_object);
            }
            Parsed::Array(items) => {
                for item in items {
                    let offset =
                        (item.get().as_ptr() as usize).saturating_sub(src.as_ptr() as usize);
                    let item_line = line + src.get(..offset).map_or(0, |s| s.matches('\n').count());
                    let origin = format!("{}:{item_line}", self.name);
                    let result = match serde_json::from_str::<Value>(item.get()) {
                        Ok(Value::Array(_)) => Err(IngestError::NotAnObject {
                            origin,
                            found: "an array",
                        }),
                        Ok(value) => article_from_json(value, origin),
                        Err(e) => Err(IngestError::InvalidJson {
                            path: self.name.clone(),
                            line: item_line,
                            message: message_of(&e),
                        }),
                    };
                    self.push(result, false);
                }
            }
        }
    }

    /// What is left once the source is read: the held result, or "empty file".
    fn finish(&mut self) -> Option<ReadResult> {
        if let Some(held) = self.held.take() {
            return Some(match held {
                Ok(mut article) => {
                    article.origin = self.name.clone();
                    Ok(article)
                }
                Err(IngestError::NoBody { .. }) => Err(IngestError::NoBody {
                    origin: self.name.clone(),
                }),
                Err(other) => Err(other),
            });
        }
        if !self.finished && self.results == 0 && self.non_blank_lines == 0 {
            self.finished = true;
            return Some(Err(IngestError::Empty {
                path: self.name.clone(),
            }));
        }
        self.finished = true;
        None
    }
}

impl<R: BufRead> Iterator for JsonRecords<R> {
    type Item = ReadResult;

    fn next(&mut self) -> Option<ReadResult> {
        loop {
            if let Some(result) = self.out.pop_front() {
                return Some(result);
            }
            if self.done && self.replay.is_empty() {
                return self.finish();
            }
            self.step();
        }
    }
}

/// One parsed JSON value; arrays keep each element's source text for its line number.
enum Parsed<'a> {
    Value(Value),
    Array(Vec<&'a RawValue>),
}

fn parse(text: &str) -> Result<Parsed<'_>, serde_json::Error> {
    if text.starts_with('[') {
        serde_json::from_str::<Vec<&RawValue>>(text).map(Parsed::Array)
    } else {
        serde_json::from_str::<Value>(text).map(Parsed::Value)
    }
}

/// serde's message without its "at line L column C" tail, which names the wrong line for us:
/// "expected value at line 1 column 1" → "expected value at column 1".
fn message_of(e: &serde_json::Error) -> String {
    let full = e.to_string();
    let tail = format!(" at line {} column {}", e.line(), e.column());
    match full.strip_suffix(&tail) {
        Some(head) if e.column() > 0 => format!("{head} at column {}", e.column()),
        Some(head) => head.to_string(),
        None => full,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str, single: bool) -> Vec<Result<String, String>> {
        JsonRecords::new(text.as_bytes(), "f.jsonl".into(), Vec::new(), 1, single)
            .map(|r| r.map(|a| a.origin).map_err(|e| e.to_string()))
            .collect()
    }

    #[test]
    fn a_broken_line_between_two_good_ones_is_one_error_naming_its_line() {
        let got = read("{\"text\":\"a\"}\n{oops\n\n{\"text\":\"b\"}\n", false);
        assert_eq!(got.len(), 3);
        assert_eq!(got[0], Ok("f.jsonl:1".into()));
        let err = got[1].clone().unwrap_err();
        assert!(err.starts_with("f.jsonl:2: invalid JSON ("), "{err}");
        assert!(err.ends_with("); line skipped"), "{err}");
        assert_eq!(got[2], Ok("f.jsonl:4".into()));
    }

    #[test]
    fn an_unterminated_line_does_not_swallow_the_lines_after_it() {
        let got = read(
            "{\"text\":\"a\",\n{\"text\":\"b\"}\n{\"text\":\"c\"}",
            false,
        );
        assert!(
            got[0]
                .as_ref()
                .unwrap_err()
                .starts_with("f.jsonl:1: invalid JSON")
        );
        assert_eq!(got[1..], [Ok("f.jsonl:2".into()), Ok("f.jsonl:3".into())]);
    }

    #[test]
    fn pretty_printed_values_and_arrays_are_read_with_their_lines() {
        let got = read(
            "[\n  {\"text\": \"a\"},\n  {\n    \"html\": \"<p>b</p>\"\n  }\n]\n",
            false,
        );
        assert_eq!(got, [Ok("f.jsonl:2".into()), Ok("f.jsonl:3".into())]);
    }

    #[test]
    fn a_file_of_one_object_is_named_by_its_path() {
        assert_eq!(
            read("{\n \"text\": \"a\"\n}\n", true),
            [Ok("f.jsonl".into())]
        );
        assert_eq!(
            read("{\"text\":\"a\"}\n{\"text\":\"b\"}", true),
            [Ok("f.jsonl:1".into()), Ok("f.jsonl:2".into())]
        );
    }

    #[test]
    fn blank_input_is_an_empty_file() {
        assert_eq!(
            read("\n  \n", false),
            [Err("f.jsonl: empty file; skipped".into())]
        );
    }
}
