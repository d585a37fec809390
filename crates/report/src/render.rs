//! Markdown, HTML and JSON renderings of a [`Report`]. All three read the same fields; the
//! HTML goes through a minijinja template with auto-escaping, so no source text (fact, source
//! name, URL) reaches the page unescaped.

use std::collections::BTreeSet;
use std::sync::LazyLock;

use minijinja::value::Serde;
use minijinja::{Environment, UndefinedBehavior, Value};
use serde::Serialize;

use crate::prose::{count, direction_words, interval_words, signed2};
use crate::{Citation, Report};

const TEMPLATE_NAME: &str = "report.html";

/// The built-in page templates: a country report and the index of a period's reports.
static TEMPLATES: LazyLock<Environment<'static>> = LazyLock::new(|| {
    let mut env = Environment::new();
    env.set_undefined_behavior(UndefinedBehavior::Strict);
    // The `.html` names turn on HTML auto-escaping (minijinja's default callback).
    for (name, text) in [
        (TEMPLATE_NAME, include_str!("../templates/report.html")),
        ("index.html", include_str!("../templates/index.html")),
    ] {
        if let Err(e) = env.add_template(name, text) {
            // A broken built-in template is a bug; `html_page` reports it in the page.
            eprintln!("orbit-report: built-in template {name} does not parse: {e}");
        }
    }
    env
});

/// The built-in template `name` rendered with `view`, ending in a newline; a page saying what
/// went wrong (titled `title`) when it cannot be rendered, rather than no page.
pub(crate) fn html_page(name: &str, view: &impl Serialize, title: &str) -> String {
    let rendered = TEMPLATES
        .get_template(name)
        .and_then(|t| t.render(Value::from(Serde(view))));
    match rendered {
        Ok(mut page) => {
            if !page.ends_with('\n') {
                page.push('\n');
            }
            page
        }
        Err(e) => format!(
            "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>{}</title></head>\
             <body><p>orbit could not render this page ({name}): {}</p></body></html>\n",
            escape_html(title),
            escape_html(&e.to_string())
        ),
    }
}

/// The one HTML escaper: minijinja's own, for text outside a template too.
pub(crate) fn escape_html(text: &str) -> String {
    minijinja::HtmlEscape(text).to_string()
}

/// `Risk Score: 5`, or `Risk Score: n/a — no evidence in this period`.
fn risk_score(report: &Report) -> String {
    match report.score {
        Some(s) => format!("Risk Score: {s}"),
        None => "Risk Score: n/a — no evidence in this period".to_string(),
    }
}

/// The facts after the score in the header line: index, confidence, evidence, period.
fn header_facts(report: &Report) -> Vec<String> {
    let index = match (report.index, report.index_interval) {
        (Some(i), Some(interval)) => format!("{} ({})", signed2(i), interval_words(interval)),
        (Some(i), None) => signed2(i),
        (None, _) => "n/a".to_string(),
    };
    vec![
        format!("Index: {index}"),
        format!("Confidence: {:.2}", report.confidence),
        format!(
            "{} from {}",
            count(report.n_facts, "fact", "facts"),
            count(report.n_sources, "source", "sources")
        ),
        format!("Period: {}", period_dates(report)),
    ]
}

/// The visible note of a report whose requested writer did not write it: the LLM's answer
/// was rejected (or never came) and orbit wrote the text itself.
fn writer_note(report: &Report) -> Option<String> {
    let w = &report.writer;
    if !w.fell_back() {
        return None;
    }
    let model = w
        .model
        .as_deref()
        .map_or(String::new(), |m| format!(" ({m})"));
    Some(format!(
        "Note: the LLM writer{model} was requested, but its text was not used: {}. orbit's \
         deterministic writer wrote this report instead.",
        w.reason
            .as_deref()
            .map(one_line)
            .unwrap_or_else(|| "no reason recorded".to_string())
            .trim_end_matches('.')
    ))
}

fn period_dates(report: &Report) -> String {
    match (&report.period.from, &report.period.to) {
        (Some(f), Some(t)) => format!("{f} to {t}"),
        (Some(f), None) => format!("since {f}"),
        (None, Some(t)) => format!("until {t}"),
        (None, None) => "all dates".to_string(),
    }
}

fn source_name(c: &Citation) -> String {
    c.source
        .clone()
        .or_else(|| c.url.as_deref().and_then(host).map(str::to_string))
        .unwrap_or_else(|| "unknown source".to_string())
}

fn host(url: &str) -> Option<&str> {
    let rest = url.split_once("://")?.1;
    let host = rest.split(['/', '?', '#']).next()?;
    (!host.is_empty()).then_some(host)
}

fn citation_date(c: &Citation) -> String {
    c.published.map_or("undated".to_string(), |d| d.to_string())
}

/// The URL when it is a web address (`http:`, `https:`) or a local file orbit read
/// (`file:`); anything else, `javascript:` included, must never become a link.
fn web_url(url: Option<&str>) -> Option<&str> {
    let url = url?;
    let lower = url.get(..8).unwrap_or(url).to_ascii_lowercase();
    ["http://", "https://", "file://"]
        .iter()
        .any(|s| lower.starts_with(s))
        .then_some(url)
}

/// A URL made safe for a Markdown link destination: the characters that would end or break
/// `(...)` are percent-encoded.
fn markdown_url(url: &str) -> String {
    let mut out = String::with_capacity(url.len());
    for ch in url.chars() {
        match ch {
            ' ' => out.push_str("%20"),
            '(' => out.push_str("%28"),
            ')' => out.push_str("%29"),
            '<' => out.push_str("%3C"),
            '>' => out.push_str("%3E"),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

fn one_line(text: &str) -> String {
    text.split(['\n', '\r'])
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

pub(crate) fn markdown(report: &Report) -> String {
    let mut out = format!("# {}\n\n", report.title);
    let mut header = vec![risk_score(report)];
    if report.score.is_some() {
        header[0].push_str(&format!(" ({})", report.score_label));
    }
    header.extend(header_facts(report));
    out.push_str(&header.join(" · "));
    out.push_str("\n\n");
    if let Some(note) = writer_note(report) {
        out.push_str(&format!("> **{note}**\n\n"));
    }
    for s in &report.sections {
        out.push_str(&format!("## {}\n\n{}\n\n", s.heading, s.text));
    }
    if !report.citations.is_empty() {
        out.push_str("## Citations\n\n");
        for c in &report.citations {
            out.push_str(&format!(
                "{}: {} — {}, {}",
                c.n,
                one_line(&c.text),
                one_line(&source_name(c)),
                citation_date(c)
            ));
            match (web_url(c.url.as_deref()), c.url.as_deref()) {
                (Some(url), _) => {
                    out.push_str(&format!(" [View Source]({})", markdown_url(url)));
                }
                (None, Some(other)) => {
                    out.push_str(&format!(
                        " (source address, not a web link: {})",
                        one_line(other)
                    ));
                }
                (None, None) => {}
            }
            out.push_str("\n\n");
        }
    }
    out.push_str(&format!("_Written by the {}._\n", report.generated_by));
    out
}

pub(crate) fn json(report: &Report) -> String {
    match serde_json::to_string_pretty(report) {
        Ok(mut s) => {
            s.push('\n');
            s
        }
        Err(e) => format!("{{\"error\": {:?}}}\n", e.to_string()),
    }
}

/// What the HTML template sees: the report's text cut into paragraphs, lists and markers.
#[derive(Serialize)]
struct HtmlView<'r> {
    title: &'r str,
    generated_by: &'r str,
    /// The footer promises byte-identical output only for the deterministic writer.
    deterministic: bool,
    risk_score: String,
    score_label: &'r str,
    badge: &'static str,
    header_facts: Vec<String>,
    note: Option<String>,
    scale: Vec<ScaleStep>,
    sections: Vec<HtmlSection<'r>>,
    citations: Vec<HtmlCitation<'r>>,
}

#[derive(Serialize)]
struct ScaleStep {
    score: u8,
    label: &'static str,
    class: &'static str,
    current: bool,
}

#[derive(Serialize)]
struct HtmlSection<'r> {
    id: String,
    heading: &'r str,
    blocks: Vec<Block>,
}

#[derive(Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
enum Block {
    Paragraph { parts: Vec<Inline> },
    List { items: Vec<Vec<Inline>> },
}

/// A run of text, or a citation marker (`cite` set) that links to its citation.
#[derive(Serialize)]
struct Inline {
    text: String,
    cite: Option<usize>,
}

#[derive(Serialize)]
struct HtmlCitation<'r> {
    n: usize,
    text: &'r str,
    source: String,
    date: String,
    direction: &'static str,
    href: Option<&'r str>,
    url_text: Option<&'r str>,
}

const SCALE: [(u8, &str); 5] = [
    (5, "Russia-focused"),
    (4, "Russia-skewed"),
    (3, "neutral/unclear"),
    (2, "US-skewed"),
    (1, "US-focused"),
];

/// The CSS class of a score's colour, shared by the reports and the dashboard: `s1`…`s5`, or
/// `sna` without evidence.
pub fn badge_class(score: Option<u8>) -> &'static str {
    match score {
        Some(5) => "s5",
        Some(4) => "s4",
        Some(3) => "s3",
        Some(2) => "s2",
        Some(1) => "s1",
        _ => "sna",
    }
}

pub(crate) fn html(report: &Report) -> String {
    let numbers: BTreeSet<usize> = report.citations.iter().map(|c| c.n).collect();
    let view = HtmlView {
        title: &report.title,
        generated_by: &report.generated_by,
        deterministic: report.writer.used == crate::WriterKind::Deterministic,
        risk_score: risk_score(report),
        score_label: &report.score_label,
        badge: badge_class(report.score),
        header_facts: header_facts(report),
        note: writer_note(report),
        scale: SCALE
            .iter()
            .map(|&(score, label)| ScaleStep {
                score,
                label,
                class: badge_class(Some(score)),
                current: report.score == Some(score),
            })
            .collect(),
        sections: report
            .sections
            .iter()
            .map(|s| HtmlSection {
                id: slug(&s.heading),
                heading: &s.heading,
                blocks: blocks(&s.text, &numbers),
            })
            .collect(),
        citations: report
            .citations
            .iter()
            .map(|c| {
                let href = web_url(c.url.as_deref());
                HtmlCitation {
                    n: c.n,
                    text: &c.text,
                    source: source_name(c),
                    date: citation_date(c),
                    direction: direction_words(c.direction),
                    href,
                    url_text: if href.is_none() {
                        c.url.as_deref()
                    } else {
                        None
                    },
                }
            })
            .collect(),
    };
    html_page(TEMPLATE_NAME, &view, &report.title)
}

/// `Change since the previous period` → `change-since-the-previous-period`.
fn slug(heading: &str) -> String {
    let mut out = String::new();
    for ch in heading.chars() {
        if ch.is_ascii_alphanumeric() {
            out.push(ch.to_ascii_lowercase());
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_string()
}

/// A section text as blocks: paragraphs split on blank lines; a paragraph whose lines all
/// start with `- ` is a list.
fn blocks(text: &str, numbers: &BTreeSet<usize>) -> Vec<Block> {
    text.split("\n\n")
        .filter(|p| !p.trim().is_empty())
        .map(|p| {
            let lines: Vec<&str> = p.lines().collect();
            if lines.iter().all(|l| l.starts_with("- ")) {
                Block::List {
                    items: lines.iter().map(|l| inlines(&l[2..], numbers)).collect(),
                }
            } else {
                Block::Paragraph {
                    parts: inlines(&lines.join(" "), numbers),
                }
            }
        })
        .collect()
}

/// Splits text into runs and citation markers; `[n]` is a marker only when citation `n`
/// exists (the writer never cites a fact whose text contains `[digits]`).
fn inlines(text: &str, numbers: &BTreeSet<usize>) -> Vec<Inline> {
    let mut parts = Vec::new();
    let mut run_start = 0;
    let mut i = 0;
    let bytes = text.as_bytes();
    while i < bytes.len() {
        if bytes[i] == b'[' {
            let digits = bytes[i + 1..]
                .iter()
                .take_while(|b| b.is_ascii_digit())
                .count();
            let close = i + 1 + digits;
            if digits > 0
                && bytes.get(close) == Some(&b']')
                && let Ok(n) = text[i + 1..close].parse::<usize>()
                && numbers.contains(&n)
            {
                if run_start < i {
                    parts.push(Inline {
                        text: text[run_start..i].to_string(),
                        cite: None,
                    });
                }
                parts.push(Inline {
                    text: format!("[{n}]"),
                    cite: Some(n),
                });
                i = close + 1;
                run_start = i;
                continue;
            }
        }
        i += 1;
    }
    if run_start < text.len() {
        parts.push(Inline {
            text: text[run_start..].to_string(),
            cite: None,
        });
    }
    parts
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_web_urls_become_links() {
        assert_eq!(
            web_url(Some("https://a.example/x")),
            Some("https://a.example/x")
        );
        assert_eq!(web_url(Some("HTTP://a.example")), Some("HTTP://a.example"));
        assert_eq!(web_url(Some("javascript:alert(1)")), None);
        assert_eq!(web_url(Some(" https://a.example")), None);
        assert_eq!(web_url(Some("data:text/html,x")), None);
        assert_eq!(web_url(None), None);
    }

    #[test]
    fn markers_are_split_from_text_only_when_they_resolve() {
        let numbers: BTreeSet<usize> = [1, 2].into_iter().collect();
        let parts = inlines("a [1] b [7] c [2]", &numbers);
        let cites: Vec<Option<usize>> = parts.iter().map(|p| p.cite).collect();
        assert_eq!(cites, [None, Some(1), None, Some(2)]);
        assert_eq!(parts[2].text, " b [7] c ");
    }

    #[test]
    fn markdown_links_cannot_be_broken_by_the_url() {
        assert_eq!(
            markdown_url("https://a.example/x (y)"),
            "https://a.example/x%20%28y%29"
        );
    }
}
