//! Compiled matchers for gazetteer aliases and lexicon cues, built once per run and run once
//! per document over its folded text (see [`orbit_core::fold`]), and for the phrases that open
//! asides, run over a clause's lowercased text.

use std::collections::{HashMap, HashSet};

use aho_corasick::{AhoCorasick, MatchKind};
use orbit_core::gazetteer::{AliasKind, EntityRef};
use orbit_core::lexicon::Asides;
use orbit_core::{Folded, Gazetteer, Lexicon, fold, fold_key};

/// An entity named in the text, with its span in the original text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mention {
    pub entity: EntityRef,
    pub kind: AliasKind,
    pub start: usize,
    pub end: usize,
    /// A surname resolved from an earlier full name: it names the person, but a reader of the
    /// sentence alone would not know the country.
    pub inferred: bool,
}

/// Finds gazetteer aliases as whole words, longest match first ("Guinea-Bissau" over "Guinea").
#[derive(Debug)]
pub struct EntityMatcher {
    ac: AhoCorasick,
    /// Per pattern: the alias's entity, kind and exact spelling for acronyms; `None` for a
    /// phrase that names nothing ("Gulf of Guinea"), matched only to keep its alias from matching.
    aliases: Vec<Option<(EntityRef, AliasKind, Option<String>)>>,
    /// Patterns after `aliases`: names two countries share, with the countries' indices.
    shared: Vec<(Vec<usize>, AliasKind)>,
    /// Per country (by index), the power that ruled it: "the former colonial power" (the
    /// patterns after `shared`) names the one of the country named last before it.
    former_rulers: Vec<Option<usize>>,
}

/// A name whose entity depends on the article, found before the article says which.
enum ContextualHit {
    /// A name two countries share; the index into [`EntityMatcher`]'s shared names.
    Shared {
        shared: usize,
        start: usize,
        end: usize,
    },
    /// "The former colonial power".
    FormerRuler { start: usize, end: usize },
}

impl EntityMatcher {
    pub fn new(gazetteer: &Gazetteer) -> Result<Self, aho_corasick::BuildError> {
        // An alias in capitals ("BRICS") matches only so written; the same entity's alias in
        // any case ("Brics") takes in every spelling. Both as patterns, the matcher would report
        // only the first, and "le groupe des Brics" would fail the capitals' test.
        let any_case: HashSet<(&str, EntityRef)> = gazetteer
            .aliases()
            .iter()
            .filter(|a| !a.case_sensitive)
            .map(|a| (a.folded.as_str(), a.entity))
            .collect();
        let aliases: Vec<_> = gazetteer
            .aliases()
            .iter()
            .filter(|a| !(a.case_sensitive && any_case.contains(&(a.folded.as_str(), a.entity))))
            .collect();
        let mut shared_patterns = Vec::new();
        let mut shared = Vec::new();
        for s in &gazetteer.shared_names {
            let countries: Vec<usize> = s
                .countries
                .iter()
                .filter_map(|code| gazetteer.countries.iter().position(|c| &c.iso2 == code))
                .collect();
            for (list, kind) in [
                (&s.names, AliasKind::Name),
                (&s.demonyms, AliasKind::Demonym),
            ] {
                for name in list {
                    shared_patterns.push(fold_key(name.trim()));
                    shared.push((countries.clone(), kind));
                }
            }
        }
        let patterns = aliases
            .iter()
            .map(|a| a.folded.as_str())
            .chain(gazetteer.not_entities.iter().map(String::as_str))
            .chain(shared_patterns.iter().map(String::as_str))
            .chain(gazetteer.former_ruler_names.iter().map(String::as_str));
        let ac = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .build(patterns)?;
        Ok(EntityMatcher {
            ac,
            aliases: aliases
                .iter()
                .map(|a| Some((a.entity, a.kind, a.case_sensitive.then(|| a.text.clone()))))
                .chain(gazetteer.not_entities.iter().map(|_| None))
                .collect(),
            shared,
            former_rulers: gazetteer.former_rulers.clone(),
        })
    }

    /// Every alias found in `text` (whose folded form is `folded`), in order, plus surnames
    /// used alone after the full name: once an article has named "Ibrahim Traoré", a later
    /// "Traoré" is him, although the gazetteer cannot list so common a surname on its own.
    pub fn find_with_surnames(&self, text: &str, folded: &Folded) -> Vec<Mention> {
        let (mut mentions, contextual) = self.find_all(text, folded);
        let found = mentions.len();
        for hit in contextual {
            match hit {
                // A name two countries share ("Congo", "congolais") is the one of them the
                // article names unambiguously ("Brazzaville", "Sassou N'Guesso"); written out in
                // the fact, as a reader of the sentence alone would not know which.
                ContextualHit::Shared { shared, start, end } => {
                    let (countries, kind) = &self.shared[shared];
                    let named: Vec<usize> = countries
                        .iter()
                        .copied()
                        .filter(|c| {
                            mentions[..found]
                                .iter()
                                .any(|m| m.entity == EntityRef::Country(*c))
                        })
                        .collect();
                    if let [only] = named.as_slice() {
                        mentions.push(Mention {
                            entity: EntityRef::Country(*only),
                            kind: *kind,
                            start,
                            end,
                            inferred: true,
                        });
                    }
                }
                // "The former colonial power" is the one of the country under discussion: named
                // last before the phrase, else first after it.
                ContextualHit::FormerRuler { start, end } => {
                    let country_of = |m: &Mention| match m.entity {
                        EntityRef::Country(c) => Some(c),
                        _ => None,
                    };
                    let named = mentions[..found]
                        .iter()
                        .rev()
                        .filter(|m| m.end <= start)
                        .find_map(country_of)
                        .or_else(|| {
                            mentions[..found]
                                .iter()
                                .filter(|m| m.start >= end)
                                .find_map(country_of)
                        });
                    if let Some(p) = named.and_then(|c| self.former_rulers[c]) {
                        mentions.push(Mention {
                            entity: EntityRef::Power(p),
                            kind: AliasKind::Name,
                            start,
                            end,
                            inferred: true,
                        });
                    }
                }
            }
        }
        // Surname (folded) → the people of the article who bear it.
        let mut surnames: std::collections::HashMap<String, Vec<(EntityRef, usize)>> =
            std::collections::HashMap::new();
        for m in mentions.iter().filter(|m| m.kind == AliasKind::Person) {
            let name = fold(&text[m.start..m.end]).text;
            if let Some((_, last)) = name.rsplit_once(' ')
                && last.chars().count() >= 3
            {
                let people = surnames.entry(last.to_string()).or_default();
                if !people.iter().any(|(e, _)| *e == m.entity) {
                    people.push((m.entity, m.end));
                }
            }
        }
        for (surname, people) in surnames {
            let [(entity, first_end)] = people.as_slice() else {
                continue; // two people of the same name in one article: ambiguous
            };
            for (i, _) in folded.text.match_indices(surname.as_str()) {
                let (start, end) = (
                    folded.original_offset(i),
                    folded.original_offset(i + surname.len()),
                );
                if start < *first_end || !is_word(&folded.text, i, i + surname.len(), false) {
                    continue;
                }
                if mentions.iter().any(|m| m.start < end && start < m.end) {
                    continue;
                }
                mentions.push(Mention {
                    entity: *entity,
                    kind: AliasKind::Person,
                    start,
                    end,
                    inferred: true,
                });
            }
        }
        mentions.sort_by_key(|m| m.start);
        mentions
    }

    /// Every alias found in `text` (whose folded form is `folded`), in order. Names two
    /// countries share are left out: alone, they name neither.
    pub fn find(&self, text: &str, folded: &Folded) -> Vec<Mention> {
        self.find_all(text, folded).0
    }

    fn find_all(&self, text: &str, folded: &Folded) -> (Vec<Mention>, Vec<ContextualHit>) {
        let mut out = Vec::new();
        let mut contextual = Vec::new();
        for m in whole_word_matches(&self.ac, &folded.text) {
            let start = folded.original_offset(m.start());
            let end = folded.original_offset(m.end());
            let pattern = m.pattern().as_usize();
            if let Some(at) = pattern.checked_sub(self.aliases.len()) {
                contextual.push(match at.checked_sub(self.shared.len()) {
                    None => ContextualHit::Shared {
                        shared: at,
                        start,
                        end,
                    },
                    Some(_) => ContextualHit::FormerRuler { start, end },
                });
                continue;
            }
            let Some((entity, kind, exact)) = &self.aliases[pattern] else {
                continue;
            };
            // Acronyms match only as written: "US" is the United States, "us" is not.
            if let Some(exact) = exact
                && text.get(start..end) != Some(exact.as_str())
            {
                continue;
            }
            out.push(Mention {
                entity: *entity,
                kind: *kind,
                start,
                end,
                inferred: false,
            });
        }
        (out, contextual)
    }
}

/// What a lexicon cue signals.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CueClass {
    /// Index into `Lexicon::events`.
    Event(usize),
    /// Index into `Lexicon::topics`.
    Topic(usize),
    Hedge,
    /// A negation ("did not", "n'a pas"): after the event word, only outside a relative or
    /// content clause.
    Negation,
    /// A verb of denial ("denied", "dément"), anywhere in the clause.
    Denial,
    /// A denial of what follows it only: "sans envisager".
    ForwardNegation,
    Anaphora,
    /// "Officials", "Authorities": refers back only as the clause's first word.
    OpeningAnaphora,
    /// "We", "notre": refers back to the interview's country in an answer.
    FirstPerson,
    /// Rebels, jihadists, militias: targets of hostility that are not the country.
    ArmedGroup,
    /// Recap words: "already", "earlier".
    Retrospective,
    /// Wars and conflicts: the object of "ending" when it is peace-making.
    Conflict,
    /// A resolution or motion put to a vote.
    Resolution,
    /// A region larger than one country, or a front inside one: "the Sahel", "the frontlines".
    Region,
    /// A hostile measure: "sanctions", "embargo", "designation".
    Measure,
    /// A phrase that re-reads the event or the power after it.
    Context(ContextPhrase),
    /// A set phrase whose words are not event cues ("sanctions committee").
    Idiom,
    /// A comparison with another country: "comme au", "unlike".
    Comparison,
}

/// Phrases that change how what follows them is read (see the lexicon's lists of the same
/// names).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ContextPhrase {
    /// "refused to", "would not": the act after it is refused.
    Refusal,
    /// "reversing", "reversal of": the act after it is undone.
    Reversal,
    /// "calls for", "urged", "appellent": the one named after it is asked to act.
    Demand,
    /// "a repris", "resumed": the suspension or closure after it in the clause is undone.
    Resumption,
    /// "joined", "s'associer aux": the hostile act after it is the joiner's own.
    Joining,
    /// "the two countries", "les deux pays": the country and the power named before.
    BothSides,
    /// "annulation", "cancelled": a debt after it is forgiven.
    Cancellation,
    /// "dettes", "debt": what a cancellation may forgive.
    Debt,
    /// "visit", "sommet": what an ending word may end without breaking with anyone.
    Gathering,
    /// "sans citer", "without naming": the power right after it is no party.
    UnnamedTarget,
    /// "lifted", "levée": the hostile act next to it is ended.
    Lifting,
    /// "arguing that", "faisant valoir que": what follows is a claim.
    Argument,
    /// "while", "tandis que" after a comma: another party's clause.
    Contrast,
    /// "threatened to": the act after it is a threat.
    Threat,
    /// "regretted", "disappointed by", "thanked": the hostile act after it is one the speaker
    /// wanted undone or is glad was not done — support.
    Regret,
    /// "welcomed", "a salué": the hostile measure after it is one the speaker wanted — support
    /// for its author.
    Welcome,
    /// "will move to", "relocated to": the place after it is where forces go.
    Relocation,
    /// "voted in favour of": the resolution after it is the voter's own.
    VoteFor,
    /// "the opposition", "civil society": a voice that is not the state's.
    NonStateVoice,
    /// "analysts", "politologue": people who comment on events.
    Commentator,
    /// "several countries", "plusieurs pays": unnamed countries that act.
    GenericSubject,
    /// "comes", "follows", "intervient": the news before it is timed against other news.
    Frame,
    /// "outside powers", "ingérence": a third party a power opposes on a country's behalf.
    OutsidePower,
}

/// A cue found in the text, with its span in the original text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CueHit {
    pub class: CueClass,
    pub start: usize,
    pub end: usize,
}

/// Finds every lexicon cue, overlapping ones included (a word can be both an event cue and a topic).
#[derive(Debug)]
pub struct CueMatcher {
    ac: AhoCorasick,
    /// For each distinct pattern, every list it is in and whether it is a word beginning there:
    /// the automaton reports a string once, though "in favour of" is both a word of support
    /// and a vote for a resolution.
    cues: Vec<Vec<(CueClass, bool)>>,
    /// The lexicon's `interposed` words ("jeudi", "on Monday", "steadily"), cut from the text
    /// before matching so that "a voté jeudi contre" matches "a voté contre".
    interposed: AhoCorasick,
}

impl CueMatcher {
    pub fn new(lexicon: &Lexicon) -> Result<Self, aho_corasick::BuildError> {
        let mut patterns: Vec<String> = Vec::new();
        let mut cues: Vec<Vec<(CueClass, bool)>> = Vec::new();
        let mut index: HashMap<String, usize> = HashMap::new();
        let mut add = |list: &[String], class: CueClass| {
            for c in list {
                let prefix = c.ends_with('*');
                let pattern = c.trim_end_matches('*');
                let at = *index.entry(pattern.to_string()).or_insert_with(|| {
                    patterns.push(pattern.to_string());
                    cues.push(Vec::new());
                    patterns.len() - 1
                });
                if !cues[at].contains(&(class, prefix)) {
                    cues[at].push((class, prefix));
                }
            }
        };
        for (i, e) in lexicon.events.iter().enumerate() {
            add(&e.cues, CueClass::Event(i));
        }
        for (i, t) in lexicon.topics.iter().enumerate() {
            add(&t.cues, CueClass::Topic(i));
        }
        add(&lexicon.hedges, CueClass::Hedge);
        add(&lexicon.negations, CueClass::Negation);
        add(&lexicon.denials, CueClass::Denial);
        add(&lexicon.forward_negations, CueClass::ForwardNegation);
        add(&lexicon.anaphora, CueClass::Anaphora);
        add(&lexicon.opening_anaphora, CueClass::OpeningAnaphora);
        add(&lexicon.first_person, CueClass::FirstPerson);
        add(&lexicon.armed_groups, CueClass::ArmedGroup);
        add(&lexicon.retrospective, CueClass::Retrospective);
        add(&lexicon.conflicts, CueClass::Conflict);
        add(&lexicon.resolutions, CueClass::Resolution);
        add(&lexicon.regions, CueClass::Region);
        add(&lexicon.measures, CueClass::Measure);
        add(&lexicon.refusals, CueClass::Context(ContextPhrase::Refusal));
        add(&lexicon.demands, CueClass::Context(ContextPhrase::Demand));
        add(
            &lexicon.resumptions,
            CueClass::Context(ContextPhrase::Resumption),
        );
        add(&lexicon.joinings, CueClass::Context(ContextPhrase::Joining));
        add(
            &lexicon.cancellations,
            CueClass::Context(ContextPhrase::Cancellation),
        );
        add(&lexicon.debts, CueClass::Context(ContextPhrase::Debt));
        add(
            &lexicon.gatherings,
            CueClass::Context(ContextPhrase::Gathering),
        );
        add(
            &lexicon.unnamed_targets,
            CueClass::Context(ContextPhrase::UnnamedTarget),
        );
        add(&lexicon.liftings, CueClass::Context(ContextPhrase::Lifting));
        add(
            &lexicon.arguments,
            CueClass::Context(ContextPhrase::Argument),
        );
        add(
            &lexicon.contrasts,
            CueClass::Context(ContextPhrase::Contrast),
        );
        add(
            &lexicon.both_sides,
            CueClass::Context(ContextPhrase::BothSides),
        );
        add(&lexicon.threats, CueClass::Context(ContextPhrase::Threat));
        add(&lexicon.regrets, CueClass::Context(ContextPhrase::Regret));
        add(&lexicon.thanks, CueClass::Context(ContextPhrase::Regret));
        add(&lexicon.welcomes, CueClass::Context(ContextPhrase::Welcome));
        add(
            &lexicon.reversals,
            CueClass::Context(ContextPhrase::Reversal),
        );
        add(&lexicon.frames, CueClass::Context(ContextPhrase::Frame));
        add(
            &lexicon.outside_powers,
            CueClass::Context(ContextPhrase::OutsidePower),
        );
        add(
            &lexicon.relocations,
            CueClass::Context(ContextPhrase::Relocation),
        );
        add(
            &lexicon.votes_for,
            CueClass::Context(ContextPhrase::VoteFor),
        );
        add(
            &lexicon.voice.non_state_voices,
            CueClass::Context(ContextPhrase::NonStateVoice),
        );
        add(
            &lexicon.voice.commentators,
            CueClass::Context(ContextPhrase::Commentator),
        );
        add(
            &lexicon.voice.generic_subjects,
            CueClass::Context(ContextPhrase::GenericSubject),
        );
        add(&lexicon.idioms, CueClass::Idiom);
        add(&lexicon.comparisons, CueClass::Comparison);
        let ac = AhoCorasick::builder()
            .match_kind(MatchKind::Standard)
            .build(&patterns)?;
        let interposed = AhoCorasick::new(&lexicon.interposed)?;
        Ok(CueMatcher {
            ac,
            cues,
            interposed,
        })
    }

    /// Every cue found in the folded text, in order of position. Interposed words are cut first,
    /// each with the space after it, so that a phrase they interrupt is found, its span still
    /// in the original text.
    pub fn find(&self, folded: &Folded) -> Vec<CueHit> {
        let cut: Vec<(usize, usize)> = self
            .interposed
            .find_iter(&folded.text)
            .filter(|m| is_word(&folded.text, m.start(), m.end(), false))
            .filter(|m| folded.text[m.end()..].starts_with(' '))
            .map(|m| (m.start(), m.end() + 1))
            .collect();
        let reduced;
        let folded = if cut.is_empty() {
            folded
        } else {
            reduced = folded.without(&cut);
            &reduced
        };
        let mut out = Vec::new();
        for m in self.ac.find_overlapping_iter(&folded.text) {
            for &(class, prefix) in &self.cues[m.pattern().as_usize()] {
                // A context phrase ending in an elided article ("menace d'") runs into its word.
                let elided =
                    matches!(class, CueClass::Context(_)) && folded.text[..m.end()].ends_with('\'');
                if !is_word(&folded.text, m.start(), m.end(), prefix || elided) {
                    continue;
                }
                out.push(CueHit {
                    class,
                    start: folded.original_offset(m.start()),
                    end: folded.original_offset(m.end()),
                });
            }
        }
        out.sort_by_key(|c| (c.start, c.end));
        without_words_of_phrases(out)
    }
}

/// The leftmost-longest matches of `ac` in `text` that are whole words. A match that starts
/// or ends inside a word is passed over and the search goes on from its next character, so it
/// cannot hide a whole word it overlaps ("en français" inside "soutien français" must not hide
/// "français").
fn whole_word_matches<'a>(
    ac: &'a AhoCorasick,
    text: &'a str,
) -> impl Iterator<Item = aho_corasick::Match> + 'a {
    let mut at = 0;
    std::iter::from_fn(move || {
        while at <= text.len() {
            let m = ac.find(aho_corasick::Input::new(text).range(at..))?;
            if is_word(text, m.start(), m.end(), false) {
                at = m.end();
                return Some(m);
            }
            at = m.start() + text[m.start()..].chars().next().map_or(1, char::len_utf8);
        }
        None
    })
}

/// The end of every match of `phrases` in `lower`, overlapping ones included.
fn match_ends<'a>(phrases: &'a AhoCorasick, lower: &'a str) -> impl Iterator<Item = usize> + 'a {
    phrases.find_overlapping_iter(lower).map(|m| m.end())
}

/// Conjunctions that may open a sentence before its fronted context phrase. Grammar, not
/// knowledge.
const LEADING_CONJUNCTIONS: [&str; 5] = ["but ", "yet ", "and ", "mais ", "et "];

/// Words of time a duration counts in ("two weeks", "cinq mois", "a year"). Grammar, not
/// knowledge; folded.
const TIME_UNITS: &[&str] = &[
    "day",
    "days",
    "week",
    "weeks",
    "month",
    "months",
    "year",
    "years",
    "decade",
    "decades",
    "jour",
    "jours",
    "semaine",
    "semaines",
    "mois",
    "an",
    "ans",
    "annee",
    "annees",
    "decennie",
    "decennies",
];

/// Words that count a duration before its unit ("less than two", "à peine trois", "a few").
/// Grammar, not knowledge; folded. Digits count too.
const QUANTITY_WORDS: &[&str] = &[
    "a",
    "an",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "few",
    "several",
    "some",
    "many",
    "barely",
    "just",
    "only",
    "nearly",
    "almost",
    "about",
    "around",
    "less",
    "more",
    "than",
    "over",
    "un",
    "une",
    "deux",
    "trois",
    "quatre",
    "cinq",
    "sept",
    "huit",
    "neuf",
    "dix",
    "onze",
    "douze",
    "quelques",
    "plusieurs",
    "moins",
    "plus",
    "de",
    "d'un",
    "d'une",
    "pres",
    "peine",
    "environ",
    "seulement",
    "juste",
];

/// What follows a duration that opens `opening` ("Two weeks after ..." gives "after ..."): words
/// of quantity, then a unit of time. `None` if it opens with no duration.
fn after_a_duration(opening: &str) -> Option<&str> {
    let mut rest = opening;
    loop {
        let (word, tail) = rest.split_once(' ')?;
        let word = fold_key(word);
        if TIME_UNITS.contains(&word.as_str()) {
            return Some(tail.trim_start());
        }
        let counts = QUANTITY_WORDS.contains(&word.as_str())
            || word
                .chars()
                .all(|c| c.is_ascii_digit() || c == ',' || c == '.');
        if !counts || word.is_empty() {
            return None;
        }
        rest = tail.trim_start();
    }
}

/// Finds the lexicon's aside phrases (see [`Asides`]) in lowercased, unfolded text: accents and
/// spaces count as written (fronted phrases excepted, see [`AsideMatcher::opens_with_fronted`]).
#[derive(Debug)]
pub struct AsideMatcher {
    fronted: Vec<String>,
    /// The length in characters of the longest fronted phrase: only that much of a clause's
    /// opening needs lowercasing.
    fronted_chars: usize,
    trailing: AhoCorasick,
    trailing_before_a_name: AhoCorasick,
    trailing_before_a_gerund: AhoCorasick,
    openers: AhoCorasick,
}

impl AsideMatcher {
    pub fn new(asides: &Asides) -> Result<Self, aho_corasick::BuildError> {
        let fronted: Vec<String> = asides.fronted.iter().map(|f| fold_key(f)).collect();
        Ok(AsideMatcher {
            fronted_chars: fronted.iter().map(|f| f.chars().count()).max().unwrap_or(0),
            fronted,
            trailing: AhoCorasick::new(&asides.trailing)?,
            trailing_before_a_name: AhoCorasick::new(&asides.trailing_before_a_name)?,
            trailing_before_a_gerund: AhoCorasick::new(&asides.trailing_before_a_gerund)?,
            openers: AhoCorasick::new(&asides.openers)?,
        })
    }

    /// Whether `clause` (as written) opens with a fronted context phrase, after any quotation
    /// mark or bracket before its first word, accents folded: a quoted « A la différence du Mali voisin, ... » is as
    /// fronted as the lexicon's "à la différence du ".
    pub fn opens_with_fronted(&self, clause: &str) -> bool {
        // Only the clause's first words are folded: this runs for every mention of every
        // clause.
        let opening = clause.trim_start_matches(|c: char| !c.is_alphanumeric());
        // After a conjunction that ties the sentence to the one before: "Mais alors que ...".
        let opening = LEADING_CONJUNCTIONS
            .iter()
            .find_map(|c| {
                opening
                    .get(..c.len())
                    .filter(|head| head.eq_ignore_ascii_case(c))
                    .map(|_| &opening[c.len()..])
            })
            .unwrap_or(opening);
        let fronted = |opening: &str| {
            let opening: String = opening.chars().take(self.fronted_chars).collect();
            let opening = fold_key(&opening);
            self.fronted.iter().any(|f| opening.starts_with(f.as_str()))
        };
        // Or after the time it is told from: "Two weeks after ...", "Cinq mois après ...".
        fronted(opening) || after_a_duration(opening).is_some_and(fronted)
    }

    /// Whether `lower` (lowercased text) holds a trailing context phrase.
    pub fn has_trailing_context(&self, lower: &str) -> bool {
        self.trailing.is_match(lower)
    }

    /// The end of every trailing context phrase in `lower` (lowercased text).
    pub fn trailing_ends<'a>(&'a self, lower: &'a str) -> impl Iterator<Item = usize> + 'a {
        match_ends(&self.trailing, lower)
    }

    /// The end of the last aside opener in `lower` (lowercased text).
    pub fn last_opener_end(&self, lower: &str) -> Option<usize> {
        // Every occurrence of every opener is found, so the largest end is that of the last one.
        self.opener_ends(lower).max()
    }

    /// The end of every phrase in `lower` (lowercased text) that opens a trailing context when
    /// a name follows it.
    pub fn trailing_before_a_name_ends<'a>(
        &'a self,
        lower: &'a str,
    ) -> impl Iterator<Item = usize> + 'a {
        match_ends(&self.trailing_before_a_name, lower)
    }

    /// The end of every phrase in `lower` (lowercased text) that opens a trailing context when
    /// an English gerund follows it: the word right after ends in "ing".
    pub fn trailing_before_a_gerund_ends<'a>(
        &'a self,
        lower: &'a str,
    ) -> impl Iterator<Item = usize> + 'a {
        match_ends(&self.trailing_before_a_gerund, lower).filter(|&end| {
            lower[end..]
                .split(|c: char| !c.is_alphabetic())
                .next()
                .is_some_and(|w| w.len() > 4 && w.ends_with("ing"))
        })
    }

    /// The end of every aside opener in `lower` (lowercased text).
    pub fn opener_ends<'a>(&'a self, lower: &'a str) -> impl Iterator<Item = usize> + 'a {
        match_ends(&self.openers, lower)
    }
}

/// Drops the event cues that are words of a longer phrase: an idiom ("envoyé sur les roses" is a
/// rebuff, not a dispatch; a "sanctions committee" sanctions no one) or a longer event cue
/// ("refused to condemn" is support, neither a refusal nor a condemnation). Likewise a negation
/// inside a longer hedge: "does not rule out" leaves a deal open, it denies nothing; an
/// armed-group word or a refusal inside an idiom: "a group of African countries" is no armed
/// group, "declined to comment" refuses nothing; and a call inside a refusal.
fn without_words_of_phrases(hits: Vec<CueHit>) -> Vec<CueHit> {
    let inside = |c: &CueHit, phrase: fn(&CueClass) -> bool| {
        hits.iter().any(|p| {
            phrase(&p.class)
                && p.start <= c.start
                && c.end <= p.end
                && p.end - p.start > c.end - c.start
        })
    };
    hits.iter()
        .filter(|c| match c.class {
            CueClass::Event(_) => !inside(c, |p| matches!(p, CueClass::Event(_) | CueClass::Idiom)),
            CueClass::Negation | CueClass::Denial => {
                !inside(c, |p| matches!(p, CueClass::Hedge | CueClass::Idiom))
            }
            // "declined to comment on the talks" refuses no talks.
            CueClass::ArmedGroup | CueClass::Context(ContextPhrase::Refusal) => {
                !inside(c, |p| matches!(p, CueClass::Idiom))
            }
            // "would not be pressured into cancelling" refuses; it reports no call.
            CueClass::Context(ContextPhrase::Demand) => !inside(c, |p| {
                matches!(p, CueClass::Context(ContextPhrase::Refusal))
            }),
            _ => true,
        })
        .copied()
        .collect()
}

/// Whether `[start, end)` of `text` is a whole word (or a word prefix when `prefix`). A phrase
/// that starts or ends with punctuation needs no boundary on that side: ", elle," follows its
/// subject's last letter, and "menace d'" is followed by its verb.
fn is_word(text: &str, start: usize, end: usize, prefix: bool) -> bool {
    let matched = &text[start..end];
    let before_ok = matched.chars().next().is_some_and(|c| !c.is_alphanumeric())
        || text[..start]
            .chars()
            .next_back()
            .is_none_or(|c| !c.is_alphanumeric())
        || after_arabic_proclitics(&text[..start], matched);
    let after_ok = prefix
        || matched
            .chars()
            .next_back()
            .is_some_and(|c| !c.is_alphanumeric())
        || text[end..]
            .chars()
            .next()
            .is_none_or(|c| !c.is_alphanumeric());
    before_ok && after_ok
}

/// Arabic writes "and", "to", "with", "for", "like" and "will" as one-letter prefixes of the next
/// word: "لروسيا" is "to Russia", "والتعاون" "and the cooperation". A match in Arabic script may
/// follow up to two of them at the start of a word.
fn after_arabic_proclitics(before: &str, matched: &str) -> bool {
    const PROCLITICS: &str = "وفبلكس";
    let arabic = |c: char| ('\u{0600}'..='\u{06FF}').contains(&c);
    if !matched.chars().next().is_some_and(arabic) {
        return false;
    }
    let mut rest = before.chars().rev();
    for _ in 0..2 {
        match rest.next() {
            Some(c) if PROCLITICS.contains(c) => {
                if rest.clone().next().is_none_or(|p| !p.is_alphanumeric()) {
                    return true;
                }
            }
            _ => return false,
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;
    use orbit_core::{Knowledge, fold};

    fn keys(text: &str) -> Vec<String> {
        let k = Knowledge::load(None).unwrap();
        let m = EntityMatcher::new(&k.gazetteer).unwrap();
        m.find(text, &fold(text))
            .iter()
            .map(|m| k.gazetteer.key_of(m.entity).to_string())
            .collect()
    }

    #[test]
    fn matches_whole_words_across_case_and_accents() {
        assert_eq!(
            keys("Les forces russes à BAMAKO, selon Goita."),
            ["RU", "ML", "ML"]
        );
        assert_eq!(keys("Nigeria and Niger"), ["NG", "NE"]);
        assert_eq!(keys("Malianism"), Vec::<String>::new());
        assert!(keys("jihadists moving toward the Gulf of Guinea").is_empty());
        assert!(keys("a man with a strong French accent").is_empty());
    }

    #[test]
    fn a_surname_alone_is_the_person_named_in_full_before() {
        let k = Knowledge::load(None).unwrap();
        let m = EntityMatcher::new(&k.gazetteer).unwrap();
        let text =
            "Captain Ibrahim Traoré spoke on Thursday. Traoré said the flights carried equipment.";
        let found = m.find_with_surnames(text, &fold(text));
        assert_eq!(found.len(), 2);
        assert_eq!(k.gazetteer.key_of(found[1].entity), "BF");
        // Without the full name, a common surname stays unattributed.
        let alone = "Traoré said the flights carried equipment.";
        assert!(m.find_with_surnames(alone, &fold(alone)).is_empty());
    }

    #[test]
    fn arabic_names_match_after_attached_prefixes() {
        assert_eq!(keys("موجها الشكر لروسيا"), ["RU"]);
        assert_eq!(keys("وصلتا إلى بوركينا فاسو"), ["BF"]);
        assert!(keys("كروسياتي").is_empty());
    }

    fn cue_classes(text: &str) -> Vec<CueClass> {
        let k = Knowledge::load(None).unwrap();
        let m = CueMatcher::new(&k.lexicon).unwrap();
        m.find(&fold(text)).iter().map(|c| c.class).collect()
    }

    #[test]
    fn context_phrases_ending_in_an_elided_article_run_into_their_word() {
        let threat = CueClass::Context(ContextPhrase::Threat);
        assert!(cue_classes("sous la menace d'expulsion").contains(&threat));
        // Without the apostrophe the phrase must end a word.
        assert!(!cue_classes("la menace dure").contains(&threat));
        assert!(cue_classes("la menace de sanctions").contains(&threat));
    }

    #[test]
    fn words_of_a_phrase_are_not_cues_of_their_own() {
        let k = Knowledge::load(None).unwrap();
        let event = |c: &CueClass| match c {
            CueClass::Event(i) => Some(k.lexicon.events[*i].event_type.to_string()),
            _ => None,
        };
        // An idiom: rebuffed, not sent anywhere.
        let rebuff: Vec<String> = cue_classes("Il l'a envoyé sur les roses.")
            .iter()
            .filter_map(event)
            .collect();
        assert_eq!(rebuff, ["REJECT"]);
        // A set phrase that names a body: no sanction in it.
        assert!(
            cue_classes("notified the sanctions committee")
                .iter()
                .all(|c| event(c).is_none())
        );
        // A longer event cue wins over the words inside it.
        let support: Vec<String> = cue_classes("Togo refused to condemn the invasion.")
            .iter()
            .filter_map(event)
            .collect();
        assert_eq!(support, ["SUPPORT"]);
    }

    #[test]
    fn a_fronted_phrase_may_follow_the_time_it_is_told_from() {
        let k = Knowledge::load(None).unwrap();
        let asides = AsideMatcher::new(&k.lexicon.asides).unwrap();
        assert!(asides.opens_with_fronted("Two weeks after Togo ratified the pact, Lomé ..."));
        assert!(asides.opens_with_fronted("Cinq mois après avoir demandé le départ, le Tchad ..."));
        assert!(asides.opens_with_fronted("After two years of talks, Mali signed ..."));
        // A duration that opens no fronted phrase, or one cut by a comma, is the sentence's own.
        assert!(!asides.opens_with_fronted("Three days of talks ended with a deal."));
        assert!(!asides.opens_with_fronted("Two years ago, Mali expelled the ambassador."));
        assert!(!asides.opens_with_fronted("The accusations come weeks after the visit, ..."));
    }

    #[test]
    fn a_match_inside_a_word_does_not_hide_a_whole_word_it_overlaps() {
        let ac = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .build(["en francais", "francais"])
            .unwrap();
        let text = "le soutien francais";
        let found: Vec<&str> = whole_word_matches(&ac, text)
            .map(|m| &text[m.start()..m.end()])
            .collect();
        assert_eq!(found, ["francais"]);
        let text = "publie en francais";
        let found: Vec<&str> = whole_word_matches(&ac, text)
            .map(|m| &text[m.start()..m.end()])
            .collect();
        assert_eq!(found, ["en francais"]);
    }

    #[test]
    fn acronyms_match_only_in_capitals() {
        assert_eq!(keys("the US base"), ["US"]);
        assert!(keys("let us go").is_empty());
        assert_eq!(keys("США и сша"), ["US"]);
    }

    #[test]
    fn russian_names_match_in_their_case_forms() {
        assert_eq!(keys("Москва направила инструкторов в Мали"), ["RU", "ML"]);
        assert_eq!(keys("санкции против Нигера и Нигерии"), ["NE", "NG"]);
        assert_eq!(keys("Кремлём, Кремлем и Эфиопией"), ["RU", "RU", "ET"]);
        // "того" is a pronoun and "запад" a direction: neither names Togo or the West.
        assert!(keys("Кроме того, на западе страны").is_empty());
        assert_eq!(keys("президент Того и коллективный Запад"), ["TG", "WEST"]);
    }
}
