//! Which words signal which events (`data/lexicon.toml`): PLOVER event cues with their
//! category, stance and weight, topic words that set a fact's category, the hedging,
//! negation and anaphora cues, and the phrases that mark asides and reporters. English and
//! French live side by side.

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
    /// Only an event of this type when no power, organisation or armed group is named before
    /// its word in the clause: the country acts on what a power holds ("Niger took control of
    /// the mine Orano ran"), while a power taking control is its own deployment or investment.
    #[serde(default)]
    pub country_acts: bool,
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
    #[serde(default)]
    denials: Vec<String>,
    #[serde(default)]
    forward_negations: Vec<String>,
    anaphora: Vec<String>,
    #[serde(default)]
    opening_anaphora: Vec<String>,
    #[serde(default)]
    first_person: Vec<String>,
    #[serde(default)]
    missions: Vec<String>,
    retrospective: Vec<String>,
    armed_groups: Vec<String>,
    #[serde(default)]
    conflicts: Vec<String>,
    #[serde(default)]
    resolutions: Vec<String>,
    #[serde(default)]
    votes_for: Vec<String>,
    #[serde(default)]
    regions: Vec<String>,
    #[serde(default)]
    measures: Vec<String>,
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
    demands: Vec<String>,
    #[serde(default)]
    resumptions: Vec<String>,
    #[serde(default)]
    interposed: Vec<String>,
    #[serde(default)]
    joinings: Vec<String>,
    #[serde(default)]
    both_sides: Vec<String>,
    #[serde(default)]
    cancellations: Vec<String>,
    #[serde(default)]
    debts: Vec<String>,
    #[serde(default)]
    gatherings: Vec<String>,
    #[serde(default)]
    unnamed_targets: Vec<String>,
    #[serde(default)]
    own_soil: Vec<String>,
    #[serde(default)]
    objectless_after: Vec<String>,
    #[serde(default)]
    liftings: Vec<String>,
    #[serde(default)]
    arguments: Vec<String>,
    #[serde(default)]
    contrasts: Vec<String>,
    #[serde(default)]
    successions: Vec<String>,
    #[serde(default)]
    takeovers: Vec<String>,
    #[serde(default)]
    threats: Vec<String>,
    #[serde(default)]
    relocations: Vec<String>,
    #[serde(default)]
    regrets: Vec<String>,
    #[serde(default)]
    thanks: Vec<String>,
    #[serde(default)]
    welcomes: Vec<String>,
    #[serde(default)]
    reversals: Vec<String>,
    #[serde(default)]
    frames: Vec<String>,
    #[serde(default)]
    outside_powers: Vec<String>,
    #[serde(default)]
    partner_markers: Vec<String>,
    #[serde(default)]
    representatives: Vec<String>,
    #[serde(default)]
    non_state_voices: Vec<String>,
    #[serde(default)]
    commentators: Vec<String>,
    #[serde(default)]
    stationed_voices: Vec<String>,
    #[serde(default)]
    generic_subjects: Vec<String>,
    #[serde(default)]
    route_markers: Vec<String>,
    #[serde(default)]
    route_nouns: Vec<String>,
    #[serde(default)]
    person_nouns: Vec<String>,
    #[serde(default)]
    nationals: Vec<String>,
    #[serde(default)]
    resolution_authors: Vec<String>,
    #[serde(default)]
    group_nouns: Vec<String>,
    #[serde(default)]
    theatres: Vec<String>,
    #[serde(default)]
    theatre_links: Vec<String>,
    #[serde(default)]
    theatre_parts: Vec<String>,
    fronted_context: Vec<String>,
    trailing_context: Vec<String>,
    #[serde(default)]
    trailing_before_a_name: Vec<String>,
    #[serde(default)]
    trailing_before_a_gerund: Vec<String>,
    aside_openers: Vec<String>,
    reporting_verbs: Vec<String>,
    agency_words: Vec<String>,
    citing: Vec<String>,
    against: Vec<String>,
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
    /// Verbs of denial ("denied", "dément"), folded: they deny what the clause says wherever
    /// they stand in it.
    pub denials: Vec<String>,
    /// Denials that bear only on what follows them ("sans envisager de retrait"), folded.
    pub forward_negations: Vec<String>,
    /// Phrases that refer back to the paragraph's country: "the country", "le pays".
    pub anaphora: Vec<String>,
    /// Words that refer back to the country only when they open the clause ("Officials said"),
    /// folded: elsewhere they are most often another's ("US officials", "urged authorities").
    pub opening_anaphora: Vec<String>,
    /// First-person plural words ("we", "notre"), folded: in the answer to an interviewer's
    /// question they speak for the country the interview is about.
    pub first_person: Vec<String>,
    /// A power's diplomatic missions ("embassy", "ambassade"), folded: the city one stands in
    /// is where the power speaks from, no party to its dealings with a third.
    pub missions: Vec<String>,
    /// Words of recap and comparison ("already", "comme au Mali"): background, not news.
    pub retrospective: Vec<String>,
    /// Non-state armed groups: hostility aimed at them is not hostility between states.
    pub armed_groups: Vec<String>,
    /// Wars, conflicts, hostilities: "ending the war" is peace-making, not a rupture.
    pub conflicts: Vec<String>,
    /// Resolutions and motions put to a vote: what one demands or condemns is its own content,
    /// and voting against one sides with the power it names.
    pub resolutions: Vec<String>,
    /// Phrases of a vote for a resolution ("voted in favour of"): its content becomes the
    /// voter's own.
    pub votes_for: Vec<String>,
    /// Regions larger than one country ("the Sahel", "West Africa") and fronts inside one ("the
    /// frontlines"): a departure from one is no country's rupture.
    pub regions: Vec<String>,
    /// Hostile measures ("sanctions", "embargo", "designation"): ending one is a concession.
    pub measures: Vec<String>,
    /// Set phrases whose words are not event cues ("sanctions committee"): an event cue inside
    /// one is ignored, as is an event cue inside a longer event cue ("envoyé sur les roses").
    pub idioms: Vec<String>,
    /// Words of a comparison with another country ("comme au", "unlike"): a sentence with one
    /// recalls that country as background.
    pub comparisons: Vec<String>,
    /// The voice and speech words that decide a fact's actor (see `orbit_extract::attribute::actor`).
    pub voice: Voice,
    /// Words that refuse the act after them ("refused to", "a refusé de"), folded: a refused
    /// hostile act sides with the one spared.
    pub refusals: Vec<String>,
    /// Words that urge someone named after them to act ("calls for", "urged", "appellent"),
    /// folded: the act after the one urged is asked for, not done.
    pub demands: Vec<String>,
    /// Words that resume what a hostile act stopped ("a repris ses activités", "resumed"),
    /// folded: the suspension or closure told after them in the clause is undone.
    pub resumptions: Vec<String>,
    /// Words of time or manner that stand inside a phrase without breaking it ("a voté jeudi
    /// contre" is "a voté contre", "has moved steadily toward"), folded: cue phrases are matched
    /// as if they were not there.
    pub interposed: Vec<String>,
    /// Verbs of taking part in an act others began ("joined", "s'associer aux"), folded: joining
    /// a hostile act is doing it, and refusing to join one refuses the act.
    pub joinings: Vec<String>,
    /// Phrases that refer back to both parties at once ("the two countries", "les deux pays"),
    /// folded: the country and the power the previous sentences named.
    pub both_sides: Vec<String>,
    /// Words that cancel ("annul*", "cancel*"), folded: cancelling a debt is relief.
    pub cancellations: Vec<String>,
    /// Words for a debt ("dettes", "arrears"), folded: see `cancellations`.
    pub debts: Vec<String>,
    /// Words for a visit or a meeting ("visit", "sommet"), folded: ending one is no event.
    pub gatherings: Vec<String>,
    /// Phrases after which a power is pointedly left out ("sans citer Moscou", "without naming
    /// Russia"), folded: the power is whom a remark aims at, not a party to the act told.
    pub unnamed_targets: Vec<String>,
    /// Words that place an expulsion on the expeller's own soil ("territoire", "soil"), folded.
    pub own_soil: Vec<String>,
    /// Words that, right after an ending word, show it has no object ("ended on Thursday",
    /// "ended with agreements"), folded: what ends is then named before it.
    pub objectless_after: Vec<String>,
    /// Words that lift a measure ("lifted", "levée"), folded: a hostile act lifted is ended.
    pub liftings: Vec<String>,
    /// Phrases that open an argument ("arguing that", "faisant valoir que"), folded: an act
    /// named after one is a claim made in a defence, weighed as hedged.
    pub arguments: Vec<String>,
    /// Words that open a contrasting clause after a comma ("while", "tandis que"), folded: a
    /// power named in one after the event word is that clause's party.
    pub contrasts: Vec<String>,
    /// Phrases that hand a withdrawing force's place to another ("taken over by", "remplacé
    /// par"), folded: forces of the same power taking over are that power staying.
    pub successions: Vec<String>,
    /// Phrases whose subject takes a withdrawing force's place ("the Africa Corps is taking
    /// over their positions", "prend le relais"), folded: the successor is named before them.
    pub takeovers: Vec<String>,
    /// Phrases that make the hostile act after them a threat ("threatened to expel", "menace de
    /// rompre"), folded: the act has not happened, the threat has.
    pub threats: Vec<String>,
    /// Phrases that send forces somewhere ("relocated to", "redéployés vers"), folded: what is
    /// named right after one is where the forces go — a power there is a place, not a party, and
    /// a country there receives them.
    pub relocations: Vec<String>,
    /// Words of regret ("regretted", "disappointed by"), folded: a country that regrets a power's
    /// hostile act wanted the tie it ends.
    pub regrets: Vec<String>,
    /// Words of thanks ("thanked", "ringraziato"), folded: what a country thanks a power for,
    /// even a hostile act it did not do ("for not closing the channels"), it welcomes.
    pub thanks: Vec<String>,
    /// Words of welcome or compliance ("welcomed", "a salué", "enforces"), folded: a country
    /// that welcomes or enforces a power's hostile measure against someone else sides with the
    /// power.
    pub welcomes: Vec<String>,
    /// Words that undo the act after them ("reversing", "reversal of"), folded: a reversed
    /// withdrawal is a return, as a refused one is.
    pub reversals: Vec<String>,
    /// Verbs that time a story's news against other news ("come", "follows", "intervient"),
    /// folded: an event word that is their subject ("The accusations come weeks after...")
    /// names the news told before, not this sentence's event.
    pub frames: Vec<String>,
    /// Third parties a power may oppose on a country's behalf ("outside powers", "ingérence"),
    /// folded: "Lavrov rejected efforts by outside powers to impose solutions" is Russia siding
    /// with the country, not hostility between them.
    pub outside_powers: Vec<String>,
    /// Nouns for a person ("national", "ressortissant"): a nationality right before one
    /// describes the person; it is not a party to the event.
    pub person_nouns: Vec<String>,
    /// A power's nationals as a group ("ressortissants", "nationals"), folded: arrested or
    /// expelled together, they stand for their state.
    pub nationals: Vec<String>,
    /// Words that make a power a resolution's author ("a US-drafted resolution", "un texte
    /// porté par les États-Unis"), folded: the author is not whom the resolution condemns.
    pub resolution_authors: Vec<String>,
    /// The words for "group" ("group", "groupe"), folded: after a name that is no armed group's
    /// ("Russia's Yadran group", "the Adani Group") they name a company or body.
    pub group_nouns: Vec<String>,
    /// Words for a war or its settlement ("war", "peace", "invasion"), folded: a country named
    /// right before one ("the Ukraine war") or after one and a link word ("peace in Ukraine",
    /// `theatre_links`) is where it happens, not a party.
    pub theatres: Vec<String>,
    /// The link words between a theatre word and the place: "in", "of", "en", "au"...
    pub theatre_links: Vec<String>,
    /// Words for a part of the place, between the link and its name: "the conflict in *eastern*
    /// Congo".
    pub theatre_parts: Vec<String>,
    /// The phrases that set part of a clause aside (see `orbit_extract::attribute::is_aside_at`).
    pub asides: Asides,
    /// The words that mark an outlet as the teller of the news, not a party to it.
    pub reporting: Reporting,
    /// Word beginnings that turn a cooperative cue against its object ("training against
    /// terrorists"): cooperation with an armed group is then not alleged.
    pub against: Vec<WordPattern>,
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
    /// People who speak for a country ("ministers", "délégation"): "ministers from Mali" are
    /// Mali's, "from" does not make Mali an origin.
    pub representatives: Vec<String>,
    /// Voices of a country that are not its state ("the opposition", "civil society"): what
    /// they denounce is not the government's act.
    pub non_state_voices: Vec<String>,
    /// People who comment on events ("analyst", "politologue"): "said a Ghanaian analyst" names
    /// no party to what the analyst describes.
    pub commentators: Vec<String>,
    /// People posted in a place who speak for no one there ("diplomats"): "diplomats in Dakar
    /// say Bamako…" is no word of Senegal's, though "Senegalese diplomats" are Senegal's.
    pub stationed_voices: Vec<String>,
    /// Unnamed countries as a subject ("several countries", "plusieurs pays"): the act right
    /// after them is theirs, not a named country's.
    pub generic_subjects: Vec<String>,
    /// Words right before a place that make it a point on a route ("via", "linking", "reliant"):
    /// "roads linking Zambia with Angola" are no party of Angola's.
    pub route_markers: Vec<String>,
    /// Words for a route ("railway", "pipeline", "port", "oléoduc"): the two places of "the
    /// Chad-Cameroon pipeline", and the place of "the port of Conakry", are its ends.
    pub route_nouns: Vec<String>,
}

/// Phrases that open the parts of a clause that are not its main event, lowercased with their
/// accents and spaces as written: they are matched on the lowercased text, not the folded one,
/// and a space in a phrase stands for a word boundary ("amid " is not "amidst").
#[derive(Debug, Clone, Default)]
pub struct Asides {
    /// Openings of a fronted context phrase that runs to the clause's first comma: "amid ",
    /// "malgré ".
    pub fronted: Vec<String>,
    /// Openings of a trailing context clause: " after they ", " après le ".
    pub trailing: Vec<String>,
    /// Openings of a trailing context clause only when a name follows within two words: " since "
    /// in "since Russian fighters arrived in 2018", not in "deployed since 2021" or "have since
    /// agreed".
    pub trailing_before_a_name: Vec<String>,
    /// Openings of a trailing context clause only before an English gerund: " after " in
    /// "signed gold deals after cutting ties with Abu Dhabi", not in "after the talks".
    pub trailing_before_a_gerund: Vec<String>,
    /// Openings of a relative clause or description: ", which", " composé de".
    pub openers: Vec<String>,
}

/// Words that tell that a named outlet reports the news, lowercased with accents kept: the verb
/// after it ("RFI reported"), the word for an agency next to a nationality ("the French news
/// agency"), and the phrase that cites it ("according to Sputnik").
#[derive(Debug, Clone, Default)]
pub struct Reporting {
    pub verbs: Vec<WordPattern>,
    pub agency: Vec<WordPattern>,
    /// Each phrase as its words: "according to" is `["according", "to"]`.
    pub citing: Vec<Vec<String>>,
}

/// A word of a list matched against one lowercased word of the text, accents kept: the whole
/// word ("said"), its beginning (`agenc*`: "agency", "agence") or any part of it (`*وكالة*`:
/// "الوكالة", "the agency").
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WordPattern {
    Whole(String),
    Prefix(String),
    Inside(String),
}

impl WordPattern {
    /// Reads `agenc*` as a prefix, `*وكالة*` as a part and anything else as a whole word;
    /// `None` for an empty pattern, one with spaces or one with `*` elsewhere.
    fn parse(entry: &str) -> Option<Self> {
        let word = entry.trim().to_lowercase();
        let pattern = match (word.strip_prefix('*'), word.strip_suffix('*')) {
            (Some(_), Some(_)) if word.len() > 2 => {
                WordPattern::Inside(word[1..word.len() - 1].into())
            }
            (None, Some(prefix)) => WordPattern::Prefix(prefix.into()),
            (None, None) => WordPattern::Whole(word.clone()),
            _ => return None,
        };
        let core = match &pattern {
            WordPattern::Whole(w) | WordPattern::Prefix(w) | WordPattern::Inside(w) => w,
        };
        (!core.is_empty() && !core.contains(|c: char| c == '*' || c.is_whitespace()))
            .then_some(pattern)
    }

    /// Whether `word` (lowercased) is, begins with or contains the pattern.
    ///
    /// ```
    /// use orbit_core::lexicon::WordPattern;
    /// assert!(WordPattern::Prefix("agenc".into()).matches("agence"));
    /// assert!(!WordPattern::Whole("said".into()).matches("sai"));
    /// ```
    pub fn matches(&self, word: &str) -> bool {
        match self {
            WordPattern::Whole(w) => word == w,
            WordPattern::Prefix(w) => word.starts_with(w.as_str()),
            WordPattern::Inside(w) => word.contains(w.as_str()),
        }
    }
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
                    } else if f.trim_end_matches('*').contains('*') {
                        // A cue is a word beginning only at its end: "reopen* its embassy"
                        // would never match.
                        Err(err(format!(
                            "{what}: \"{c}\" has a * before its end; a * may only end a cue \
                             (write each form out: \"reopened its\", \"reopens its\")"
                        )))
                    } else {
                        Ok(f)
                    }
                })
                .collect()
        };
        // Matched on lowercased text, accents kept: lowercased only, and not trimmed, since a
        // space at either end of a phrase marks a word boundary.
        let lower_all = |v: Vec<String>, what: &str| -> Result<Vec<String>, DataError> {
            v.into_iter()
                .map(|p| {
                    if p.trim().is_empty() {
                        Err(err(format!("{what}: empty phrase")))
                    } else {
                        Ok(p.to_lowercase())
                    }
                })
                .collect()
        };
        let words = |v: Vec<String>, what: &str| -> Result<Vec<WordPattern>, DataError> {
            v.into_iter()
                .map(|w| {
                    WordPattern::parse(&w).ok_or_else(|| {
                        err(format!(
                            "{what}: {w:?} is not one word, a word* or a *part* of a word"
                        ))
                    })
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
            denials: fold_all(file.denials, "denials")?,
            forward_negations: fold_all(file.forward_negations, "forward_negations")?,
            anaphora: fold_all(file.anaphora, "anaphora")?,
            opening_anaphora: fold_all(file.opening_anaphora, "opening_anaphora")?,
            first_person: fold_all(file.first_person, "first_person")?,
            missions: fold_all(file.missions, "missions")?,
            armed_groups: fold_all(file.armed_groups, "armed_groups")?,
            retrospective: fold_all(file.retrospective, "retrospective")?,
            conflicts: fold_all(file.conflicts, "conflicts")?,
            resolutions: fold_all(file.resolutions, "resolutions")?,
            votes_for: fold_all(file.votes_for, "votes_for")?,
            regions: fold_all(file.regions, "regions")?,
            measures: fold_all(file.measures, "measures")?,
            idioms: fold_all(file.idioms, "idioms")?,
            comparisons: fold_all(file.comparisons, "comparisons")?,
            voice: Voice {
                passive_auxiliaries: fold_all(file.passive_auxiliaries, "passive_auxiliaries")?,
                agent_markers: fold_all(file.agent_markers, "agent_markers")?,
                speech: fold_all(file.speech, "speech")?,
                partner_markers: fold_all(file.partner_markers, "partner_markers")?,
                representatives: fold_all(file.representatives, "representatives")?,
                non_state_voices: fold_all(file.non_state_voices, "non_state_voices")?,
                commentators: fold_all(file.commentators, "commentators")?,
                stationed_voices: fold_all(file.stationed_voices, "stationed_voices")?,
                generic_subjects: fold_all(file.generic_subjects, "generic_subjects")?,
                route_markers: fold_all(file.route_markers, "route_markers")?,
                route_nouns: fold_all(file.route_nouns, "route_nouns")?,
            },
            refusals: fold_all(file.refusals, "refusals")?,
            demands: fold_all(file.demands, "demands")?,
            resumptions: fold_all(file.resumptions, "resumptions")?,
            interposed: fold_all(file.interposed, "interposed")?,
            joinings: fold_all(file.joinings, "joinings")?,
            both_sides: fold_all(file.both_sides, "both_sides")?,
            cancellations: fold_all(file.cancellations, "cancellations")?,
            arguments: fold_all(file.arguments, "arguments")?,
            contrasts: fold_all(file.contrasts, "contrasts")?,
            debts: fold_all(file.debts, "debts")?,
            gatherings: fold_all(file.gatherings, "gatherings")?,
            unnamed_targets: fold_all(file.unnamed_targets, "unnamed_targets")?,
            own_soil: fold_all(file.own_soil, "own_soil")?,
            objectless_after: fold_all(file.objectless_after, "objectless_after")?,
            liftings: fold_all(file.liftings, "liftings")?,
            successions: fold_all(file.successions, "successions")?,
            takeovers: fold_all(file.takeovers, "takeovers")?,
            threats: fold_all(file.threats, "threats")?,
            relocations: fold_all(file.relocations, "relocations")?,
            regrets: fold_all(file.regrets, "regrets")?,
            thanks: fold_all(file.thanks, "thanks")?,
            welcomes: fold_all(file.welcomes, "welcomes")?,
            reversals: fold_all(file.reversals, "reversals")?,
            frames: fold_all(file.frames, "frames")?,
            outside_powers: fold_all(file.outside_powers, "outside_powers")?,
            person_nouns: fold_all(file.person_nouns, "person_nouns")?,
            nationals: fold_all(file.nationals, "nationals")?,
            resolution_authors: fold_all(file.resolution_authors, "resolution_authors")?,
            group_nouns: fold_all(file.group_nouns, "group_nouns")?,
            theatres: fold_all(file.theatres, "theatres")?,
            theatre_links: fold_all(file.theatre_links, "theatre_links")?,
            theatre_parts: fold_all(file.theatre_parts, "theatre_parts")?,
            asides: Asides {
                fronted: lower_all(file.fronted_context, "fronted_context")?,
                trailing: lower_all(file.trailing_context, "trailing_context")?,
                trailing_before_a_name: lower_all(
                    file.trailing_before_a_name,
                    "trailing_before_a_name",
                )?,
                trailing_before_a_gerund: lower_all(
                    file.trailing_before_a_gerund,
                    "trailing_before_a_gerund",
                )?,
                openers: lower_all(file.aside_openers, "aside_openers")?,
            },
            reporting: Reporting {
                verbs: words(file.reporting_verbs, "reporting_verbs")?,
                agency: words(file.agency_words, "agency_words")?,
                citing: lower_all(file.citing, "citing")?
                    .iter()
                    .map(|p| p.split_whitespace().map(str::to_string).collect())
                    .collect(),
            },
            against: words(file.against, "against")?,
            modifiers: file.modifiers,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn aside_phrases_keep_their_accents_and_spaces() {
        let lex = Lexicon::load(None).unwrap();
        assert!(lex.asides.fronted.iter().any(|f| f == "malgré "));
        assert!(lex.asides.trailing.iter().any(|t| t == " après le "));
        assert!(lex.asides.openers.iter().any(|o| o == ", qui "));
        assert!(
            lex.reporting
                .citing
                .contains(&vec!["according".into(), "to".into()])
        );
    }

    #[test]
    fn a_star_inside_a_cue_is_refused_with_the_list_and_cue_named() {
        let dir = tempfile::tempdir().unwrap();
        let edited = BUILTIN.replacen(
            "\"opened an embassy\",",
            "\"opened an embassy\", \"reopen* its embassy\",",
            1,
        );
        assert_ne!(edited, BUILTIN);
        std::fs::write(dir.path().join("lexicon.toml"), edited).unwrap();
        let err = Lexicon::load(Some(dir.path())).unwrap_err().to_string();
        assert!(err.contains("event CONSULT"), "{err}");
        assert!(
            err.contains("\"reopen* its embassy\" has a * before its end"),
            "{err}"
        );
    }

    #[test]
    fn word_patterns_are_whole_words_beginnings_or_parts() {
        let p = |s: &str| WordPattern::parse(s);
        assert_eq!(p(" Said "), Some(WordPattern::Whole("said".into())));
        assert_eq!(p("agenc*"), Some(WordPattern::Prefix("agenc".into())));
        assert_eq!(p("*وكالة*"), Some(WordPattern::Inside("وكالة".into())));
        assert!(p("الوكالة").is_some_and(|w| !w.matches("وكالة")));
        assert!(p("*وكالة*").is_some_and(|w| w.matches("الوكالة")));
        for bad in ["", "*", "**", "*agenc", "news agency", "a*b"] {
            assert_eq!(p(bad), None, "{bad:?}");
        }
    }
}
