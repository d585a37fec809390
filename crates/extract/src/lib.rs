//! Extraction: from a cleaned article to short, dated, attributed facts (DESIGN §4).
//!
//! Per sentence (or `;`-clause): find the African countries and foreign powers it names,
//! decide which countries the sentence is *about* ([`attribute`]), pick the power the event
//! concerns, type the event from the lexicon, and date it.
//!
//! ```no_run
//! use orbit_core::{Document, Knowledge};
//! use orbit_extract::Extractor;
//! let knowledge = Knowledge::load(None).unwrap();
//! let extractor = Extractor::new(&knowledge).unwrap();
//! let doc = Document {
//!     origin: "example".into(), url: None, source: None, title: None,
//!     published: None, lang: Some("en".into()),
//!     text: "On 6 July 2024, Niger expelled the French ambassador.".into(),
//! };
//! let facts = extractor.extract(&doc);
//! assert_eq!(facts[0].country, "NE");
//! ```

pub mod attribute;
pub mod matcher;
pub mod segment;

use std::collections::HashSet;

use orbit_core::gazetteer::{AliasKind, EntityRef};
use orbit_core::{
    Direction, Document, Fact, FuzzyDate, Knowledge, Lean, MAX_FACT_CHARS, Stance, find_dates, fold,
};

use attribute::{Clause, Roles};
use matcher::{CueClass, CueHit, CueMatcher, EntityMatcher};

/// The extractor could not be built from the knowledge files.
#[derive(Debug, thiserror::Error)]
pub enum ExtractError {
    #[error("cannot compile the gazetteer or lexicon matcher: {0}")]
    Matcher(#[from] aho_corasick::BuildError),
}

/// Turns documents into facts. Build once; matchers are compiled at construction.
#[derive(Debug)]
pub struct Extractor {
    knowledge: Knowledge,
    entities: EntityMatcher,
    cues: CueMatcher,
}

/// What the previous sentences of the paragraph established, for pronouns and dates.
#[derive(Debug, Default)]
struct ParagraphContext {
    paragraph: usize,
    /// Countries the latest sentence naming any country was about.
    countries: Vec<usize>,
    /// Powers named in the previous sentence, with how they were named.
    powers: Vec<(EntityRef, AliasKind)>,
    /// The latest date a sentence of this paragraph named.
    date: Option<FuzzyDate>,
}

impl Extractor {
    pub fn new(knowledge: &Knowledge) -> Result<Self, ExtractError> {
        Ok(Extractor {
            entities: EntityMatcher::new(&knowledge.gazetteer)?,
            cues: CueMatcher::new(&knowledge.lexicon)?,
            knowledge: knowledge.clone(),
        })
    }

    /// The knowledge this extractor was built from.
    pub fn knowledge(&self) -> &Knowledge {
        &self.knowledge
    }

    /// Every fact the document states, in text order.
    pub fn extract(&self, doc: &Document) -> Vec<Fact> {
        let text = doc.text.as_str();
        let folded = fold(text);
        let mentions = self.entities.find(text, &folded);
        let cues = self.cues.find(&folded);
        let lang = doc.lang.as_deref().unwrap_or("en");
        let mut ctx = ParagraphContext::default();
        let mut seen = HashSet::new();
        let mut facts = Vec::new();
        for sentence in segment::sentences(text, lang) {
            if sentence.paragraph != ctx.paragraph {
                ctx = ParagraphContext {
                    paragraph: sentence.paragraph,
                    ..Default::default()
                };
            }
            let mut sentence_countries = Vec::new();
            let mut sentence_powers = Vec::new();
            let mut sentence_date = None;
            for (start, end) in attribute::clauses(text, sentence.start, sentence.end) {
                let clause = Clause {
                    text,
                    start,
                    end,
                    mentions: within(&mentions, start, end, |m| m.start),
                    cues: within(&cues, start, end, |c| c.start),
                };
                let roles = attribute::roles(&clause, &self.knowledge.gazetteer);
                sentence_countries.extend(roles.countries.iter().copied());
                sentence_powers.extend(
                    clause
                        .mentions
                        .iter()
                        .filter(|m| !matches!(m.entity, EntityRef::Country(_)))
                        .map(|m| (m.entity, m.kind)),
                );
                let own_date = event_date_of(&text[start..end], doc.published);
                sentence_date = sentence_date.or(own_date);
                let date = own_date.or(ctx.date).or(doc.published);
                for fact in self.facts_of_clause(doc, &clause, &roles, &ctx, date) {
                    if seen.insert((fact.country.clone(), fact.text.clone())) {
                        facts.push(fact);
                    }
                }
            }
            if !sentence_countries.is_empty() {
                sentence_countries.sort_unstable();
                sentence_countries.dedup();
                ctx.countries = sentence_countries;
            }
            ctx.powers = sentence_powers;
            if sentence_date.is_some() {
                ctx.date = sentence_date;
            }
        }
        facts
    }

    fn facts_of_clause(
        &self,
        doc: &Document,
        clause: &Clause<'_>,
        roles: &Roles,
        ctx: &ParagraphContext,
        event_date: Option<FuzzyDate>,
    ) -> Vec<Fact> {
        let g = &self.knowledge.gazetteer;
        let lex = &self.knowledge.lexicon;
        let Some((event_idx, cue)) = self.main_event(clause) else {
            return Vec::new();
        };
        let event = &lex.events[event_idx];

        // Which countries: those the clause names, else the paragraph's one country through
        // "the country" / "la junte" ("[Mali] The country's minister of economy revealed...").
        let mut prefix = Vec::new();
        let countries: Vec<usize> = if !roles.countries.is_empty() {
            roles.countries.clone()
        } else if clause.has(CueClass::Anaphora) && ctx.countries.len() == 1 {
            prefix.push(g.countries[ctx.countries[0]].name.clone());
            ctx.countries.clone()
        } else {
            return Vec::new();
        };

        // Which power: the one named nearest the event, else the previous sentence's only
        // power when this one opens with a pronoun ("They also support other putschists...").
        let counterpart = match attribute::counterpart(clause, roles, cue, g) {
            Some(c) => c,
            None => match attribute::inherited_power(clause, &ctx.powers) {
                Some(p) => {
                    prefix.push(g.name_of(p).to_string());
                    p
                }
                None => return Vec::new(),
            },
        };

        let hedged = clause.has(CueClass::Hedge);
        let negated = clause.has(CueClass::Negation);
        let mut weight = event.weight;
        if hedged {
            weight *= lex.modifiers.hedged;
        }
        if negated {
            weight *= lex.modifiers.negated;
        }
        let category = clause
            .cues
            .iter()
            .filter_map(|c| match c.class {
                CueClass::Topic(t) => Some(t),
                _ => None,
            })
            .min()
            .map_or(event.category, |t| lex.topics[t].category);
        let direction = direction_of(event.stance, g.lean_of(counterpart));
        let body = clause.text[clause.start..clause.end].trim();
        let text = if prefix.is_empty() {
            body.to_string()
        } else {
            format!("[{}] {body}", prefix.join(", "))
        };
        if text.chars().count() > MAX_FACT_CHARS {
            return Vec::new();
        }
        countries
            .into_iter()
            .map(|c| Fact {
                id: 0,
                article_id: 0,
                url: doc.url.clone(),
                source: doc.source.clone(),
                published: doc.published,
                event_date,
                country: g.countries[c].iso2.clone(),
                counterpart: g.key_of(counterpart).to_string(),
                bloc: g.bloc_of(counterpart),
                direction,
                stance: event.stance,
                category,
                event_type: event.event_type,
                hedged,
                negated,
                weight,
                text: text.clone(),
                span: [clause.start, clause.end],
                lang: doc.lang.clone(),
            })
            .collect()
    }

    /// The heaviest event cue of the clause (ties: the first), ignoring cue words that are part
    /// of a name ("Alliance of Sahel States" is not an alliance event).
    fn main_event(&self, clause: &Clause<'_>) -> Option<(usize, CueHit)> {
        let events = &self.knowledge.lexicon.events;
        clause
            .cues
            .iter()
            .filter_map(|c| match c.class {
                CueClass::Event(i) => Some((i, *c)),
                _ => None,
            })
            .filter(|(_, c)| {
                !clause
                    .mentions
                    .iter()
                    .any(|m| m.start < c.end && c.start < m.end)
            })
            .fold(None, |best: Option<(usize, CueHit)>, (i, c)| match best {
                Some((b, _)) if events[b].weight >= events[i].weight => best,
                _ => Some((i, c)),
            })
    }
}

/// The items of a position-sorted slice that start inside `[start, end)`.
fn within<T: Copy>(items: &[T], start: usize, end: usize, pos: impl Fn(&T) -> usize) -> Vec<T> {
    let from = items.partition_point(|i| pos(i) < start);
    let to = items.partition_point(|i| pos(i) < end);
    items[from..to].to_vec()
}

/// Cooperation with Russia's side or hostility toward the West's moves a country toward
/// Russia, and the reverse toward the West; relations with neither side are neutral.
pub fn direction_of(stance: Stance, lean: Lean) -> Direction {
    let sign = lean.sign()
        * match stance {
            Stance::Cooperative => 1.0,
            Stance::Hostile => -1.0,
        };
    if sign > 0.0 {
        Direction::TowardRussia
    } else if sign < 0.0 {
        Direction::TowardWest
    } else {
        Direction::Neutral
    }
}

/// The date a clause names: the most precise one, the latest among equals
/// ("agreements with Russia in 1994 and 2019" → 2019).
pub fn event_date_of(clause: &str, reference: Option<FuzzyDate>) -> Option<FuzzyDate> {
    find_dates(clause, reference)
        .into_iter()
        .map(|m| m.date)
        .max_by_key(|d| (u8::from(d.month.is_some()) + u8::from(d.day.is_some()), *d))
}

#[cfg(test)]
mod tests;
