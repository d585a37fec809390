//! The checks an LLM answer must pass before it replaces orbit's text (the rules are listed
//! in the module documentation of [`crate::llm`] and in docs/method.md).

use std::ops::Range;

use super::prompt::Brief;
use crate::narrative::OTHER_WAY;

/// Longest answer read; a longer one is a runaway generation, not a report.
const MAX_ANSWER_CHARS: usize = 40_000;
/// Problems listed in a rejection (the first is the reason shown in the report).
const MAX_PROBLEMS: usize = 8;

/// An accepted answer: each requested section's text, with `[F<id>]` markers.
#[derive(Debug)]
pub(crate) struct Written {
    sections: Vec<(String, String)>,
}

impl Written {
    pub fn text_of(&self, heading: &str) -> Option<&str> {
        self.sections
            .iter()
            .find(|(h, _)| h == heading)
            .map(|(_, t)| t.as_str())
    }
}

/// Why an answer was rejected.
#[derive(Debug)]
pub(crate) struct Rejection {
    problems: Vec<String>,
}

impl Rejection {
    /// The first problem, with how many more there are: the reason shown in the report.
    pub fn summary(&self) -> String {
        let first = self.problems.first().map_or("no reason", String::as_str);
        match self.problems.len() {
            0 | 1 => first.to_string(),
            n => format!("{first} (and {} more problems)", n - 1),
        }
    }

    /// The message that asks for a corrected answer.
    pub fn correction(&self) -> String {
        let list: Vec<String> = self.problems.iter().map(|p| format!("- {p}")).collect();
        format!(
            "Your answer was rejected:\n{}\nWrite the whole answer again, following every rule.",
            list.join("\n")
        )
    }

    #[cfg(test)]
    pub fn problems(&self) -> &[String] {
        &self.problems
    }
}

struct Problems(Vec<String>);

impl Problems {
    fn push(&mut self, p: String) {
        if self.0.len() < MAX_PROBLEMS && !self.0.contains(&p) {
            self.0.push(p);
        }
    }
}

/// What a pair of square brackets in an answer is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Bracket {
    /// `[F12]`: a citation of fact 12.
    Fact(i64),
    /// `[3]`, `[1, 2]`: a bare number, which a reader would take for one of orbit's citations.
    Number,
    /// `[F 12]`, `[F12, F13]`, `[f12]`: meant as a marker, but not one.
    Malformed,
    /// Anything else (`[Mali]`, as editors bracket a name).
    Other,
}

/// Every bracketed run of `text` (no nesting, no line break, at most 40 bytes inside).
pub(crate) fn brackets(text: &str) -> Vec<(Range<usize>, Bracket)> {
    let mut out = Vec::new();
    let mut start = 0;
    while let Some(i) = text[start..].find('[').map(|i| start + i) {
        let inner_start = i + 1;
        let close = text[inner_start..]
            .char_indices()
            .take_while(|&(k, c)| k <= 40 && c != '[' && c != '\n')
            .find(|&(_, c)| c == ']')
            .map(|(k, _)| inner_start + k);
        let Some(close) = close else {
            start = inner_start;
            continue;
        };
        out.push((i..close + 1, classify(&text[inner_start..close])));
        start = close + 1;
    }
    out
}

fn classify(inner: &str) -> Bracket {
    if let Some(digits) = inner.strip_prefix('F')
        && !digits.is_empty()
        && digits.len() <= 18
        && digits.bytes().all(|b| b.is_ascii_digit())
        && let Ok(id) = digits.parse()
    {
        return Bracket::Fact(id);
    }
    let t = inner.trim();
    if t.chars().any(|c| c.is_ascii_digit())
        && t.chars()
            .all(|c| c.is_ascii_digit() || matches!(c, ',' | ' ' | '-' | '–' | ';'))
    {
        return Bracket::Number;
    }
    let mut chars = t.chars();
    if matches!(chars.next(), Some('F' | 'f')) {
        let rest = chars.as_str().trim_start_matches([' ', '#', '-', ':', '_']);
        if rest.starts_with(|c: char| c.is_ascii_digit()) {
            return Bracket::Malformed;
        }
    }
    Bracket::Other
}

/// Checks an answer against the brief; on success, the requested sections' texts.
pub(crate) fn check(answer: &str, brief: &Brief<'_>) -> Result<Written, Rejection> {
    let mut problems = Problems(Vec::new());
    let answer = strip_fence(answer.trim());
    if answer.is_empty() {
        problems.push("the answer is empty".to_string());
        return Err(Rejection {
            problems: problems.0,
        });
    }
    if answer.chars().count() > MAX_ANSWER_CHARS {
        problems.push(format!(
            "the answer is longer than {MAX_ANSWER_CHARS} characters"
        ));
        return Err(Rejection {
            problems: problems.0,
        });
    }

    // Sections by `## ` heading.
    let mut sections: Vec<(&str, Vec<&str>)> = Vec::new();
    for line in answer.lines() {
        let trimmed = line.trim();
        if trimmed.starts_with('#') {
            let Some(title) = trimmed.strip_prefix("## ") else {
                problems.push(format!(
                    "only `## ` section headings are allowed, not “{}”",
                    excerpt(trimmed)
                ));
                continue;
            };
            let title = title.trim().trim_end_matches('#').trim();
            let title = title.trim_matches('*').trim().trim_end_matches(':').trim();
            match brief.heading(title) {
                Some(h) if sections.iter().any(|(s, _)| *s == h) => {
                    problems.push(format!("the section “{h}” appears twice"));
                }
                Some(h) => sections.push((h, Vec::new())),
                None => problems.push(format!(
                    "“{}” is not one of the sections asked for",
                    excerpt(title)
                )),
            }
            continue;
        }
        match sections.last_mut() {
            Some((_, lines)) => lines.push(line),
            None if trimmed.is_empty() => {}
            None => problems.push("there is text before the first section heading".to_string()),
        }
    }
    for h in &brief.headings {
        if !sections.iter().any(|(s, _)| s == h) {
            problems.push(format!("the section “{h}” is missing"));
        }
    }

    let counter = brief.counter_ids();
    let mut written = Vec::new();
    for (heading, lines) in &sections {
        let blocks = blocks(lines);
        if blocks.is_empty() {
            problems.push(format!("the section “{heading}” is empty"));
            continue;
        }
        let mut cited: Vec<i64> = Vec::new();
        for block in &blocks {
            for unit in block.units() {
                check_unit(unit, heading, brief, &mut problems, &mut cited);
            }
        }
        if *heading == OTHER_WAY
            && !counter.is_empty()
            && !cited.iter().any(|id| counter.contains(id))
        {
            problems.push(format!(
                "“{OTHER_WAY}” cites none of the facts marked counter ({})",
                counter
                    .iter()
                    .map(|id| format!("F{id}"))
                    .collect::<Vec<_>>()
                    .join(", ")
            ));
        }
        written.push((
            heading.to_string(),
            blocks
                .iter()
                .map(Block::render)
                .collect::<Vec<_>>()
                .join("\n\n"),
        ));
    }
    if problems.0.is_empty() {
        Ok(Written { sections: written })
    } else {
        Err(Rejection {
            problems: problems.0,
        })
    }
}

/// One paragraph or list item: its markers, its content and each of its sentences.
fn check_unit(
    unit: &str,
    heading: &str,
    brief: &Brief<'_>,
    problems: &mut Problems,
    cited: &mut Vec<i64>,
) {
    if unit.contains("](") || unit.contains("http://") || unit.contains("https://") {
        problems.push(format!("“{heading}” contains a link or a URL"));
    }
    if has_html(unit) {
        problems.push(format!("“{heading}” contains HTML"));
    }
    if unit.starts_with('|') || unit.contains("```") {
        problems.push(format!("“{heading}” contains a table or code"));
    }
    for (range, bracket) in brackets(unit) {
        let raw = &unit[range];
        match bracket {
            Bracket::Fact(id) => match brief.supplied(id) {
                Some(f) if f.citation.country.eq_ignore_ascii_case(brief.country) => cited.push(id),
                Some(f) => problems.push(format!(
                    "{raw} is a fact about {}, not {}",
                    f.citation.country, brief.name
                )),
                None => problems.push(format!(
                    "{raw} is not one of the facts supplied about {}",
                    brief.name
                )),
            },
            Bracket::Number => problems.push(format!(
                "“{heading}” has a bare numbered marker {raw}; cite facts as [F<id>]"
            )),
            Bracket::Malformed => problems.push(format!(
                "“{heading}” has a malformed marker {raw}; write one [F<id>] per fact"
            )),
            Bracket::Other => {}
        }
    }
    for sentence in sentences(unit) {
        let cites = brackets(sentence)
            .iter()
            .any(|(_, b)| matches!(b, Bracket::Fact(_)));
        if !cites && sentence.chars().any(char::is_alphanumeric) {
            problems.push(format!(
                "in “{heading}”, the sentence “{}” cites no fact",
                excerpt(sentence)
            ));
        }
    }
}

/// A paragraph (lines joined) or a list (one item per `- `, `* `, `• ` or `1. ` line).
enum Block {
    Paragraph(String),
    List(Vec<String>),
}

impl Block {
    fn units(&self) -> Vec<&str> {
        match self {
            Block::Paragraph(p) => vec![p.as_str()],
            Block::List(items) => items.iter().map(String::as_str).collect(),
        }
    }

    /// The block as orbit's section text: a paragraph on one line, a list as `- ` lines.
    fn render(&self) -> String {
        match self {
            Block::Paragraph(p) => p.clone(),
            Block::List(items) => items
                .iter()
                .map(|i| format!("- {i}"))
                .collect::<Vec<_>>()
                .join("\n"),
        }
    }
}

fn blocks(lines: &[&str]) -> Vec<Block> {
    let mut out: Vec<Block> = Vec::new();
    let mut open = false; // whether the last block may still grow
    for line in lines {
        let trimmed = line.trim();
        if trimmed.is_empty() {
            open = false;
            continue;
        }
        let item = list_item(trimmed);
        let indented = line.starts_with([' ', '\t']);
        match (item, out.last_mut()) {
            (Some(text), Some(Block::List(items))) if open => items.push(text.to_string()),
            (Some(text), _) => out.push(Block::List(vec![text.to_string()])),
            (None, Some(Block::List(items))) if open && indented => {
                if let Some(last) = items.last_mut() {
                    last.push(' ');
                    last.push_str(trimmed);
                }
            }
            (None, Some(Block::Paragraph(p))) if open => {
                p.push(' ');
                p.push_str(trimmed);
            }
            (None, _) => out.push(Block::Paragraph(trimmed.to_string())),
        }
        open = true;
    }
    out
}

/// The text of a list item line, without its bullet or number.
fn list_item(line: &str) -> Option<&str> {
    for bullet in ["- ", "* ", "• "] {
        if let Some(rest) = line.strip_prefix(bullet) {
            return Some(rest.trim());
        }
    }
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    if (1..=3).contains(&digits) {
        let rest = &line[digits..];
        if let Some(rest) = rest.strip_prefix(". ").or_else(|| rest.strip_prefix(") ")) {
            return Some(rest.trim());
        }
    }
    None
}

fn has_html(text: &str) -> bool {
    text.as_bytes()
        .windows(2)
        .any(|w| w[0] == b'<' && (w[1].is_ascii_alphabetic() || w[1] == b'/' || w[1] == b'!'))
}

/// An answer wrapped in one code fence (```markdown … ```) is read without it.
fn strip_fence(answer: &str) -> &str {
    let Some(rest) = answer.strip_prefix("```") else {
        return answer;
    };
    let Some(body) = rest.strip_suffix("```") else {
        return answer;
    };
    match body.split_once('\n') {
        Some((lang, body)) if !lang.contains(' ') => body.trim(),
        _ => answer,
    }
}

/// Words after which a full stop does not end a sentence (titles, months, initials are
/// handled apart): "Gen. Tiani", "Sept. 15", "No. 3".
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "gen", "lt", "col", "maj", "capt", "cpt", "sgt", "adm", "st", "jr",
    "sr", "prof", "gov", "sen", "rep", "pres", "no", "nos", "vs", "etc", "e.g", "i.e", "al",
    "approx", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "inc", "ltd", "co", "corp", "dept", "mt", "fig", "est", "mme", "mlle",
];

/// The sentences of a paragraph or list item. A sentence ends at `.`, `!`, `?` or `…`
/// (after any closing quote or bracket, and after any citation markers that follow it) when
/// the next word starts with a capital, a digit or an opening quote — or at the end of the
/// text. A full stop after an initial ("U.S.") or a common abbreviation does not end one.
pub(crate) fn sentences(text: &str) -> Vec<&str> {
    let markers = brackets(text);
    let marker_at = |pos: usize| {
        markers
            .iter()
            .find(|(r, b)| r.start == pos && matches!(b, Bracket::Fact(_)))
            .map(|(r, _)| r.end)
    };
    let mut out = Vec::new();
    let mut start = 0;
    let mut iter = text.char_indices().peekable();
    while let Some((i, c)) = iter.next() {
        if !matches!(c, '.' | '!' | '?' | '…') {
            continue;
        }
        if c == '.' && is_abbreviation(&text[start..i]) {
            continue;
        }
        let mut end = i + c.len_utf8();
        // Closing quotes and brackets belong to the sentence.
        while let Some(ch) = text[end..].chars().next() {
            if matches!(ch, '"' | '”' | '’' | '\'' | ')' | '»') {
                end += ch.len_utf8();
            } else {
                break;
            }
        }
        // Markers after the full stop belong to it too: "… France. [F3] Then …".
        let mut probe = end;
        loop {
            let after_space = probe + (text[probe..].len() - text[probe..].trim_start().len());
            match marker_at(after_space) {
                Some(marker_end) => {
                    probe = marker_end;
                    end = marker_end;
                }
                None => break,
            }
        }
        let rest = &text[end..];
        let next = rest.trim_start();
        let boundary = next.is_empty()
            || (rest.len() > next.len()
                && next.starts_with(|ch: char| {
                    ch.is_uppercase()
                        || ch.is_ascii_digit()
                        || matches!(ch, '"' | '“' | '‘' | '«' | '(' | '[')
                }));
        if boundary {
            out.push(text[start..end].trim());
            start = end;
            while iter.peek().is_some_and(|&(k, _)| k < end) {
                iter.next();
            }
        }
    }
    if !text[start..].trim().is_empty() {
        out.push(text[start..].trim());
    }
    out
}

/// Whether the word before a full stop is an initial or an abbreviation.
fn is_abbreviation(before: &str) -> bool {
    let word = before
        .rsplit(|c: char| c.is_whitespace() || matches!(c, '(' | '"' | '“' | '‘' | '«'))
        .next()
        .unwrap_or("");
    let last = word.rsplit('.').next().unwrap_or(word);
    if last.chars().count() == 1 && last.chars().all(char::is_alphabetic) {
        return true; // "U.S.", "C.Q. Brown", "M. Diop"
    }
    let lower = word.to_lowercase();
    ABBREVIATIONS.contains(&lower.as_str())
}

/// The first words of a piece of the answer, reduced to plain characters so the excerpt
/// cannot carry markup into the report's note.
fn excerpt(text: &str) -> String {
    let clean: String = text
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || matches!(c, ' ' | ',' | '.' | '\'' | '-' | '’' | ':' | ';')
            {
                c
            } else {
                ' '
            }
        })
        .collect();
    let words: Vec<&str> = clean.split_whitespace().collect();
    if words.len() > 10 {
        format!("{} …", words[..10].join(" "))
    } else {
        words.join(" ")
    }
}
