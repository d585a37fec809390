//! Which words signal which events (`data/lexicon.toml`): PLOVER event cues with their
//! category, stance and weight, topic words that set a fact's category, and the hedging,
//! negation and anaphora cues. English and French live side by side.

use std::path::Path;

use serde::Deserialize;

use crate::knowledge::{DataError, parse_toml, read_data_file};
use crate::{Category, EventType, Stance, fold_key};

const BUILTIN: &str = include_str!("../../../data/lexicon.toml");

/// Cue words for one event type. A cue is one or more words, folded (lowercase, no accents);
/// a trailing `*` makes its last word a prefix ("expel*" matches "expelled", "expulsion" does not).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EventCue {
    #[serde(rename = "type")]
    pub event_type: EventType,
    pub category: Category,
    pub stance: Stance,
    /// Substance: a rupture or material act weighs much, a courtesy little.
    pub weight: f64,
    /// Only an event of this type when the sentence has a word of this topic: "arrived" is a
    /// deployment with troops in the sentence, and a visit when a minister arrives.
    #[serde(default)]
    pub requires_topic: Option<Category>,
    pub cues: Vec<String>,
}

/// Words that put a fact in a category whatever its event type ("troops" → military).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TopicCue {
    pub category: Category,
    pub cues: Vec<String>,
}

/// Multipliers applied to a fact's weight.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Modifiers {
    /// For what "may", "could" or "reportedly" happen.
    pub hedged: f64,
    /// For what is denied or not expected.
    pub negated: f64,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct LexiconFile {
    hedges: Vec<String>,
    negations: Vec<String>,
    anaphora: Vec<String>,
    retrospective: Vec<String>,
    armed_groups: Vec<String>,
    #[serde(default)]
    conflicts: Vec<String>,
    #[serde(default)]
    idioms: Vec<String>,
    #[serde(default)]
    comparisons: Vec<String>,
    #[serde(default)]
    passive_auxiliaries: Vec<String>,
    #[serde(default)]
    agent_markers: Vec<String>,
    #[serde(default)]
    speech: Vec<String>,
    #[serde(default)]
    refusals: Vec<String>,
    #[serde(default)]
    partner_markers: Vec<String>,
    modifiers: Modifiers,
    event: Vec<EventCue>,
    #[serde(default)]
    topic: Vec<TopicCue>,
}

/// The loaded, validated lexicon. All cues are stored folded.
#[derive(Debug, Clone)]
pub struct Lexicon {
    pub events: Vec<EventCue>,
    pub topics: Vec<TopicCue>,
    pub hedges: Vec<String>,
    pub negations: Vec<String>,
    /// Phrases that refer back to the paragraph's country: "the country", "le pays".
    pub anaphora: Vec<String>,
    /// Words of recap and comparison ("already", "comme au Mali"): background, not news.
    pub retrospective: Vec<String>,
    /// Non-state armed groups: hostility aimed at them is not hostility between states.
    pub armed_groups: Vec<String>,
    /// Wars, conflicts, hostilities: "ending the war" is peace-making, not a rupture.
    pub conflicts: Vec<String>,
    /// Set phrases whose words are not event cues ("sanctions committee"): an event cue inside
    /// one is ignored, as is an event cue inside a longer event cue ("envoyé sur les roses").
    pub idioms: Vec<String>,
    /// Openings of a comparison with another country ("comme au", "unlike"): a sentence that
    /// starts with one recalls that country as background.
    pub comparisons: Vec<String>,
    /// The voice and speech words that decide a fact's actor (see `orbit_extract::attribute::actor`).
    pub voice: Voice,
    /// Words that refuse the act after them ("refused to", "a refusé de"), folded: a refused
    /// hostile act sides with the one spared.
    pub refusals: Vec<String>,
    pub modifiers: Modifiers,
}

/// Words that tell who acts in a clause, folded: passive auxiliaries ("was", "a été"), the
/// markers of the agent of a passive ("by", "par"), and speech words ("said", "a déclaré").
#[derive(Debug, Clone, Default)]
pub struct Voice {
    pub passive_auxiliaries: Vec<String>,
    pub agent_markers: Vec<String>,
    pub speech: Vec<String>,
    /// "with", "avec" right after an event word: what follows is the other party.
    pub partner_markers: Vec<String>,
}

impl Lexicon {
    /// Loads `lexicon.toml` from `dir` (or the built-in copy) and validates it.
    pub fn load(dir: Option<&Path>) -> Result<Self, DataError> {
        let data = read_data_file(dir, "lexicon.toml", BUILTIN)?;
        let file: LexiconFile = parse_toml(&data)?;
        let err = |m: String| DataError::new(&data.origin, m);
        let fold_all = |v: Vec<String>, what: &str| -> Result<Vec<String>, DataError> {
            v.into_iter()
                .map(|c| {
                    let f = fold_key(c.trim());
                    if f.trim_end_matches('*').trim().is_empty() {
                        Err(err(format!("{what}: empty cue")))
                    } else {
                        Ok(f)
                    }
                })
                .collect()
        };
        let mut events = Vec::with_capacity(file.event.len());
        for mut e in file.event {
            let what = format!("event {}", e.event_type);
            if !(e.weight > 0.0 && e.weight <= 10.0) {
                return Err(err(format!(
                    "{what}: weight {} must be in (0, 10]",
                    e.weight
                )));
            }
            e.cues = fold_all(e.cues, &what)?;
            events.push(e);
        }
        let mut topics = Vec::with_capacity(file.topic.len());
        for mut t in file.topic {
            t.cues = fold_all(t.cues, &format!("topic {}", t.category))?;
            topics.push(t);
        }
        for (name, m) in [
            ("hedged", file.modifiers.hedged),
            ("negated", file.modifiers.negated),
        ] {
            if !(0.0..=1.0).contains(&m) {
                return Err(err(format!(
                    "modifiers.{name} = {m} must be between 0 and 1"
                )));
            }
        }
        Ok(Lexicon {
            events,
            topics,
            hedges: fold_all(file.hedges, "hedges")?,
            negations: fold_all(file.negations, "negations")?,
            anaphora: fold_all(file.anaphora, "anaphora")?,
            armed_groups: fold_all(file.armed_groups, "armed_groups")?,
            retrospective: fold_all(file.retrospective, "retrospective")?,
            conflicts: fold_all(file.conflicts, "conflicts")?,
            idioms: fold_all(file.idioms, "idioms")?,
            comparisons: fold_all(file.comparisons, "comparisons")?,
            voice: Voice {
                passive_auxiliaries: fold_all(file.passive_auxiliaries, "passive_auxiliaries")?,
                agent_markers: fold_all(file.agent_markers, "agent_markers")?,
                speech: fold_all(file.speech, "speech")?,
                partner_markers: fold_all(file.partner_markers, "partner_markers")?,
            },
            refusals: fold_all(file.refusals, "refusals")?,
            modifiers: file.modifiers,
        })
    }
}
