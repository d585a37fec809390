//! What the LLM is told: the rules, the sections to write and the facts it may cite — the
//! facts the deterministic report cites, nothing more.

use serde::Serialize;

use crate::narrative::OTHER_WAY;
use crate::prose::direction_words;
use crate::{Citation, Report};

/// One chat message of the OpenAI chat-completions API.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct Message {
    role: &'static str,
    content: String,
}

impl Message {
    fn system(content: String) -> Self {
        Message {
            role: "system",
            content,
        }
    }

    pub fn user(content: String) -> Self {
        Message {
            role: "user",
            content,
        }
    }

    pub fn assistant(content: String) -> Self {
        Message {
            role: "assistant",
            content,
        }
    }
}

#[derive(Serialize)]
struct Request<'a> {
    model: &'a str,
    messages: &'a [Message],
    temperature: f64,
}

/// The request body: the same messages always give the same bytes, and so the same hash.
pub(crate) fn request_body(model: &str, messages: &[Message]) -> String {
    serde_json::to_string(&Request {
        model,
        messages,
        temperature: 0.0,
    })
    .unwrap_or_default()
}

/// A fact the LLM may cite, with where the deterministic report cited it first.
pub(crate) struct Supplied<'r> {
    pub citation: &'r Citation,
    pub section: &'r str,
    /// Cited under "What points the other way" by the deterministic writer.
    pub counter: bool,
    pub driver: bool,
}

/// Everything the LLM writer is given, and everything its answer is checked against.
pub(crate) struct Brief<'r> {
    pub country: &'r str,
    pub name: &'r str,
    report: &'r Report,
    /// Headings of the sections the LLM writes: those that cite facts, in report order.
    pub headings: Vec<&'r str>,
    pub facts: Vec<Supplied<'r>>,
}

impl<'r> Brief<'r> {
    pub fn of(report: &'r Report) -> Self {
        let cited: Vec<(&'r str, Vec<usize>)> = report
            .sections
            .iter()
            .map(|s| (s.heading.as_str(), cited_numbers(&s.text)))
            .collect();
        let headings = cited
            .iter()
            .filter(|(_, numbers)| !numbers.is_empty())
            .map(|(h, _)| *h)
            .collect();
        let facts = report
            .citations
            .iter()
            .filter(|c| c.country.eq_ignore_ascii_case(&report.country))
            .filter_map(|c| {
                let section = cited
                    .iter()
                    .find(|(_, numbers)| numbers.contains(&c.n))
                    .map(|(h, _)| *h)?;
                let counter = cited
                    .iter()
                    .any(|(h, numbers)| *h == OTHER_WAY && numbers.contains(&c.n));
                Some(Supplied {
                    citation: c,
                    section,
                    counter,
                    driver: report.drivers.contains(&c.fact_id),
                })
            })
            .collect();
        Brief {
            country: &report.country,
            name: &report.name,
            report,
            headings,
            facts,
        }
    }

    pub fn is_empty(&self) -> bool {
        self.facts.is_empty() || self.headings.is_empty()
    }

    pub fn supplied(&self, fact_id: i64) -> Option<&Supplied<'r>> {
        self.facts.iter().find(|f| f.citation.fact_id == fact_id)
    }

    /// The heading as requested, matched without regard to case.
    pub fn heading(&self, written: &str) -> Option<&'r str> {
        self.headings
            .iter()
            .copied()
            .find(|h| h.eq_ignore_ascii_case(written))
    }

    /// Facts the counter-evidence section must draw on.
    pub fn counter_ids(&self) -> Vec<i64> {
        self.facts
            .iter()
            .filter(|f| f.counter)
            .map(|f| f.citation.fact_id)
            .collect()
    }

    /// The first request: the rules, then the country, the sections and the facts.
    pub fn messages(&self) -> Vec<Message> {
        vec![
            Message::system(self.rules()),
            Message::user(self.material()),
        ]
    }

    fn rules(&self) -> String {
        let mut rules = vec![
            "Use only the facts supplied below; add no outside knowledge, no speculation and no \
             figures that are not in a fact."
                .to_string(),
            "Write exactly the sections listed, in that order, each introduced by a line \
             `## <heading>`; write nothing before the first heading."
                .to_string(),
            "Every sentence carries at least one citation marker [F<id>] naming the supplied \
             facts it rests on, placed before its full stop: `Mali signed a defence accord with \
             Russia [F12].` Cite several facts as [F12][F15]. A sentence without a marker is not \
             allowed, not even an opening or a closing one."
                .to_string(),
            format!(
                "Cite only the ids supplied; every one of them is a fact about {}.",
                self.name
            ),
            "Do not restate the score, the index or the confidence: orbit prints them.".to_string(),
            "No other headings, no list of sources or citations, no links or URLs, no HTML, no \
             tables, and no numbers in square brackets."
                .to_string(),
            "Write plain paragraphs separated by blank lines; items starting with `- ` are \
             allowed."
                .to_string(),
        ];
        if self.headings.contains(&OTHER_WAY) {
            rules.push(format!(
                "Under “{OTHER_WAY}”, cite the facts marked \"counter\": true."
            ));
        }
        let numbered: Vec<String> = rules
            .iter()
            .enumerate()
            .map(|(i, r)| format!("{}. {r}", i + 1))
            .collect();
        format!(
            "You write the narrative of a cited analysis for orbit, a monitor of how African \
             countries align between Russia and the US/West (5 = overwhelming alignment with \
             Russia, 1 = with the US/West, 3 = balanced), with other powers such as China, \
             Turkey, the Gulf states and Iran shown apart. A sceptical reader must be able to \
             check every sentence against its cited fact.\n\nRules (an answer that breaks any \
             of them is rejected):\n{}",
            numbered.join("\n")
        )
    }

    fn material(&self) -> String {
        let r = self.report;
        let span = match (&r.period.from, &r.period.to) {
            (Some(f), Some(t)) => format!(" ({f} to {t})"),
            (Some(f), None) => format!(" (since {f})"),
            (None, Some(t)) => format!(" (until {t})"),
            (None, None) => String::new(),
        };
        let lean = match r.index {
            Some(i) if i > 0.0 => "toward Russia",
            Some(i) if i < 0.0 => "toward the US/West",
            _ => "balanced",
        };
        let headings: Vec<String> = self.headings.iter().map(|h| format!("## {h}")).collect();
        let facts: Vec<String> = self
            .facts
            .iter()
            .map(|f| serde_json::to_string(&FactLine::of(f)).unwrap_or_default())
            .collect();
        format!(
            "Country: {} ({})\nPeriod: {}{span}\nOverall lean of the evidence: {lean}\n\n\
             Sections to write, in this order:\n{}\n\nFacts (one JSON object per line; \
             \"section\" is where orbit's own report cites the fact):\n{}\n",
            self.name,
            self.country,
            r.period_label,
            headings.join("\n"),
            facts.join("\n")
        )
    }
}

/// A supplied fact as the LLM sees it.
#[derive(Serialize)]
struct FactLine<'a> {
    id: String,
    event_date: Option<String>,
    published: Option<String>,
    counterpart: &'a str,
    direction: &'static str,
    category: orbit_core::Category,
    section: &'a str,
    driver: bool,
    counter: bool,
    source: Option<&'a str>,
    text: &'a str,
}

impl<'a> FactLine<'a> {
    fn of(f: &'a Supplied<'_>) -> Self {
        let c = f.citation;
        FactLine {
            id: format!("F{}", c.fact_id),
            event_date: c.event_date.map(|d| d.to_string()),
            published: c.published.map(|d| d.to_string()),
            counterpart: &c.counterpart,
            direction: direction_words(c.direction),
            category: c.category,
            section: f.section,
            driver: f.driver,
            counter: f.counter,
            source: c.source.as_deref(),
            text: c.text.trim(),
        }
    }
}

/// The citation numbers `[n]` a deterministic section text uses, in order.
fn cited_numbers(text: &str) -> Vec<usize> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(i) = rest.find('[') {
        rest = &rest[i + 1..];
        if let Some(j) = rest.find(']')
            && rest[..j].bytes().all(|b| b.is_ascii_digit())
            && let Ok(n) = rest[..j].parse::<usize>()
        {
            out.push(n);
        }
    }
    out
}
