//! Role-aware attribution: which African countries a clause is about, and which power.
//!
//! A country is named in many roles. "Russian mercenaries were flown from Mali to protect the
//! Burkinabè leader" is about Burkina Faso: Mali is only the origin. "ECOWAS, which includes
//! Ghana, sanctioned Mali" is about Mali: Ghana sits in a relative clause. A fact never counts
//! for a country the clause does not name.

use std::borrow::Cow;
use std::cell::OnceCell;

use orbit_core::gazetteer::{AliasKind, EntityRef};
use orbit_core::lexicon::{Lexicon, Reporting, Voice, WordPattern};
use orbit_core::{Actor, EventType, Gazetteer, Lean, fold_key};

use crate::matcher::{AsideMatcher, ContextPhrase, CueClass, CueHit, Mention};

/// A sentence or `;`-separated part of one, with what was found in it.
#[derive(Debug)]
pub struct Clause<'a> {
    /// The whole document text; `start..end` is the clause.
    pub text: &'a str,
    pub start: usize,
    pub end: usize,
    pub mentions: Vec<Mention>,
    pub cues: Vec<CueHit>,
    /// The lexicon's aside phrases, compiled once by the extractor.
    pub asides: &'a AsideMatcher,
    /// What [`is_aside_at`] reads of the clause, found on its first call (`Default` to build).
    pub aside_scan: OnceCell<Option<AsideScan>>,
}

impl Clause<'_> {
    pub fn has(&self, class: CueClass) -> bool {
        self.cues.iter().any(|c| c.class == class)
    }
}

/// The countries a clause is about (indices into `Gazetteer::countries`), deduplicated, and the
/// departures that belong to one of them.
#[derive(Debug, Default)]
pub struct Roles {
    pub countries: Vec<usize>,
    /// A withdrawal or expulsion cue and the country it is *from*: "the US withdrawal from
    /// Niger" is Niger's event even when Ghana is named in the same sentence.
    pub departures: Vec<(usize, CueHit)>,
    /// No country is named in a main role: `countries` are all in demoted roles (an origin, an
    /// aside, a membership list).
    pub demoted_only: bool,
    /// Every country is named inside an aside ("Lavrov, on a tour that also took him to Egypt
    /// and Ethiopia, said..."): the clause's subject is someone else.
    pub aside_only: bool,
    /// Every country is named as where a commentator speaks from ("said an economist reached
    /// in Dakar"): the clause is about that place only in a story about it.
    pub speakers_places_only: bool,
}

/// Splits a sentence at semicolons: news writers join independent reports with them
/// ("Spain has been in talks with Mali...; the United States' ambassador met Mali's minister...").
pub fn clauses(text: &str, start: usize, end: usize) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut s = start;
    for (i, _) in text[start..end].match_indices(';') {
        out.push((s, start + i + 1));
        s = start + i + 1;
    }
    out.push((s, end));
    out.into_iter()
        .map(|(a, b)| {
            let slice = &text[a..b];
            let lead = slice.len() - slice.trim_start().len();
            let trail = slice.len() - slice.trim_end().len();
            (a + lead, b - trail)
        })
        .filter(|(a, b)| a < b)
        .collect()
}

/// Decides which named countries the clause is about.
///
/// Mentions in a demoted role — the origin of a movement ("from Mali"), a relative clause or
/// parenthesis — count only when no country is named in a main role.
pub fn roles(
    clause: &Clause<'_>,
    is_departure: impl Fn(&CueHit) -> bool,
    is_movement: impl Fn(&CueHit) -> bool,
    lex: &Lexicon,
) -> Roles {
    let voice = &lex.voice;
    let mut main = Vec::new();
    let mut demoted = Vec::new();
    let mut departures = Vec::new();
    // Forces moved somewhere ("... Malian soldiers had been flown in to reinforce the Burkinabè
    // leader's security"): when a country is named after the movement, that destination is
    // what the clause is about; countries named before it are the origin or the movers.
    let movement = clause.cues.iter().find(|c| is_movement(c)).map(|c| c.start);
    let destination_named = movement.is_some_and(|at| {
        clause
            .mentions
            .iter()
            .any(|m| matches!(m.entity, EntityRef::Country(_)) && m.start > at)
    });
    let marked = movement
        .map(|at| destinations(clause, at))
        .unwrap_or_default();
    // The end of the last country a departure is from, and its cue: the countries listed after
    // it leave too ("le retrait du Burkina Faso, du Mali et du Niger de la CEDEAO").
    let mut last_departure: Option<(usize, CueHit)> = None;
    // The end of the last country named as an origin: the countries listed after it are
    // origins too ("copper from Zambia and the Democratic Republic of Congo").
    let mut last_origin: Option<usize> = None;
    // The end of the last country named as a point on a route: the countries listed after it
    // are too ("linking Zambia with Angola and Congo").
    let mut last_route: Option<usize> = None;
    let mut speakers_places = Vec::new();
    // The end of the last commentators' place: the places listed after it are theirs too
    // ("pour les observateurs à Bamako et Ouagadougou").
    let mut last_speakers_place: Option<usize> = None;
    for m in &clause.mentions {
        let EntityRef::Country(c) = m.entity else {
            continue;
        };
        // "said a Ghanaian analyst": a person's nationality names no party to the event.
        if is_nationality_of(clause, m, &voice.commentators) {
            continue;
        }
        if is_commentators_place(clause, m, &voice.commentators)
            || is_commentators_place(clause, m, &voice.stationed_voices)
            || last_speakers_place
                .is_some_and(|end| end <= m.start && continues_list(&clause.text[end..m.start]))
        {
            last_speakers_place = Some(m.end);
            speakers_places.push(c);
            demoted.push(c);
            continue;
        }
        let departure = departure_from(clause, m, &is_departure).or_else(|| {
            last_departure
                .filter(|(end, _)| *end <= m.start && continues_list(&clause.text[*end..m.start]))
                .map(|(_, cue)| cue)
        });
        if let Some(cue) = departure {
            last_departure = Some((m.end, cue));
        }
        let elsewhere = if marked.is_empty() {
            destination_named && movement.is_some_and(|at| m.end <= at)
        } else {
            !marked.contains(&c)
        };
        if elsewhere {
            demoted.push(c);
        } else if let Some(cue) = departure {
            departures.push((c, cue));
            // A departure told as context ("après le départ des forces françaises du Tchad")
            // is still no other country's event, but it does not make its country the news.
            if in_aside(clause, m) {
                demoted.push(c);
            } else {
                main.push(c);
            }
        } else if is_origin(clause, m, &voice.representatives)
            || last_origin
                .is_some_and(|end| end <= m.start && continues_list(&clause.text[end..m.start]))
        {
            last_origin = Some(m.end);
            demoted.push(c);
        } else if is_route(clause, m, voice)
            || last_route.is_some_and(|end| {
                end <= m.start && continues_route(&clause.text[end..m.start], voice)
            })
        {
            last_route = Some(m.end);
            demoted.push(c);
        } else if is_border(clause, m) {
            // A neighbour named for geography is no party, not even when no country is
            // named in a main role ("the airfield at Odienné, near the borders with Mali and
            // Guinea, was visited by a US team" is no visit to Mali): no role at all.
        } else if is_border_of_a_pair(clause, m)
            || is_fronted_place(clause, m)
            || is_neighbour(clause, m)
            || is_topic(clause, m, lex)
            || in_aside(clause, m)
            || is_dateline(clause, m)
            || acts_with_a_power(clause, m)
            || is_partner_of_another_country(clause, m, &voice.partner_markers)
        {
            demoted.push(c);
        } else {
            main.push(c);
        }
    }
    let demoted_only = main.is_empty();
    // With no country in the main role, one demoted there ("signed contracts with Uganda")
    // still outranks one set aside ("on a tour including Egypt and Ethiopia").
    if demoted_only {
        let outside_asides: Vec<usize> = clause
            .mentions
            .iter()
            .filter_map(|m| match m.entity {
                EntityRef::Country(c) if demoted.contains(&c) && !in_aside(clause, m) => Some(c),
                _ => None,
            })
            .collect();
        if !outside_asides.is_empty() {
            demoted = outside_asides;
        }
    }
    // Judged on the countries left: "Analysts in Johannesburg and Windhoek said the visit was
    // aimed at China, which holds much of Angola's debt" names Angola only in an aside.
    let speakers_places_only = demoted_only
        && !speakers_places.is_empty()
        && demoted.iter().all(|c| speakers_places.contains(c));
    let aside_only = demoted_only
        && !demoted.is_empty()
        && clause.mentions.iter().all(|m| match m.entity {
            EntityRef::Country(c) if demoted.contains(&c) => in_aside(clause, m),
            _ => true,
        });
    let mut countries = if demoted_only { demoted } else { main };
    countries.sort_unstable();
    countries.dedup();
    Roles {
        countries,
        departures,
        demoted_only,
        aside_only,
        speakers_places_only,
    }
}

/// Whether the place named at `at` is what something leaves: "from"/"of"/"du"/"de" right
/// before it, or "from the", "de la".
pub(crate) fn left_from(clause: &Clause<'_>, at: usize) -> bool {
    let w = words_before(clause, at, 2);
    let last = w.last().map(String::as_str);
    let second = w
        .len()
        .checked_sub(2)
        .and_then(|i| w.get(i))
        .map(String::as_str);
    matches!(last, Some("from" | "of" | "du" | "de" | "des" | "d'"))
        || (last.is_some_and(|w| DEFINITE_ARTICLES.contains(&w))
            && matches!(second, Some("from" | "of" | "de")))
}

/// The departure cue this mention is the place of: "withdrawal of US troops from Niger",
/// "pulling out of Niger", "retrait des forces françaises du Mali" — a withdrawal cue at most
/// six words before, and "from"/"of"/"du"/"de" just before the country.
fn departure_from(
    clause: &Clause<'_>,
    m: &Mention,
    is_departure: &impl Fn(&CueHit) -> bool,
) -> Option<CueHit> {
    if !left_from(clause, m.start) {
        return None;
    }
    clause
        .cues
        .iter()
        .rev()
        .filter(|c| c.end <= m.start && is_departure(c))
        .find(|c| {
            let between = &clause.text[c.end..m.start];
            between.split_whitespace().count() <= 6 && !between.contains([';', ','])
        })
        .copied()
}

/// Whether `between` (the text between two names) holds only commas and list words, with a
/// conjunction or the list's preposition among them: the second name goes on the list the
/// first opens ("du Burkina Faso, du Mali et du Niger"), while a comma and an article alone
/// start a new clause ("du Niger, la Côte d'Ivoire a signé...").
pub(crate) fn continues_list(between: &str) -> bool {
    let words: Vec<String> = between
        .split(|c: char| c.is_whitespace() || matches!(c, ',' | '\'' | '’'))
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    let joins = |w: &String| LIST_JOINS.contains(&w.as_str());
    words.iter().any(joins)
        && words
            .iter()
            .all(|w| joins(w) || LIST_ARTICLES.contains(&w.as_str()))
}

/// Where the last context phrase of `kind` begins in the clause, when it ends at most
/// `max_words` words before `at`: "refused to" right before "arrest", "threat of" two words
/// before "withdrawal", "relocated to" before "Germany". `None` when no such phrase precedes
/// `at`. The phrases are found with the document's other cues, once per document.
pub(crate) fn phrase_before(
    clause: &Clause<'_>,
    at: usize,
    kind: ContextPhrase,
    max_words: usize,
) -> Option<usize> {
    clause
        .cues
        .iter()
        .filter(|c| {
            c.class == CueClass::Context(kind)
                && c.end <= at
                && clause.text[c.end..at].split_whitespace().count() <= max_words
        })
        .map(|c| c.start)
        .max()
}

/// Whether the event word lies within a phrase of `kind`: "supported" in "has supported" (a
/// vote for), "associé aux" in "s'est associé aux" (a joining).
pub(crate) fn within_phrase(clause: &Clause<'_>, cue: &CueHit, kind: ContextPhrase) -> bool {
    clause
        .cues
        .iter()
        .any(|p| p.class == CueClass::Context(kind) && p.start <= cue.start && cue.end <= p.end)
}

/// Whether a phrase of `kind` begins where the event word does ("refused to" at "refused",
/// "annulation" at "annulation"): the same words read two ways.
pub(crate) fn phrase_at(clause: &Clause<'_>, at: usize, kind: ContextPhrase) -> bool {
    clause
        .cues
        .iter()
        .any(|p| p.class == CueClass::Context(kind) && p.start == at)
}

/// Where the call begins when the country is urged to do the act at `cue`: a demand ("calls
/// for", "urged", "appellent") shortly before the country's name, which comes before the act,
/// with no comma or semicolon from the call to the act ("calls by pressure groups for Nigeria
/// to seek", "appellent les Comoriens à rompre").
pub(crate) fn urged_to_act(clause: &Clause<'_>, cue: CueHit, country: usize) -> Option<usize> {
    let named = clause
        .mentions
        .iter()
        .filter(|m| m.entity == EntityRef::Country(country) && m.end <= cue.start);
    named
        .filter_map(|m| {
            clause
                .cues
                .iter()
                .filter(|c| {
                    c.class == CueClass::Context(ContextPhrase::Demand)
                        && c.end <= m.start
                        && urges_the_name(&clause.text[c.end..m.start])
                        && !clause.text[c.end..cue.start].contains([',', ';'])
                })
                .map(|c| c.start)
                .max()
        })
        .max()
}

/// Whether the words between a call and a name make the name the one urged: a few words, and
/// not the act urged on someone else ("urged the international community to support Mali").
fn urges_the_name(between: &str) -> bool {
    let words: Vec<&str> = between.split_whitespace().collect();
    words.len() <= 6
        && !words
            .iter()
            .any(|w| matches!(w.to_lowercase().as_str(), "to" | "à" | "de" | "d'"))
}

/// The end of the word that contains byte `at` (a cue may end inside its word: "accus*" in
/// "accusés").
pub(crate) fn word_end(clause: &Clause<'_>, at: usize) -> usize {
    clause.text[at..clause.end]
        .find(|c: char| !c.is_alphanumeric())
        .map_or(clause.end, |i| at + i)
}

/// Whether the name is written in lower case: a nationality placed after its noun ("un
/// politologue malien", "les frontières malienne et nigérienne").
fn in_lower_case(clause: &Clause<'_>, m: &Mention) -> bool {
    clause.text[m.start..m.end].starts_with(char::is_lowercase)
}

/// Whether the place named at `at` is where something is reduced or closed down: "from" as
/// for [`left_from`], or "in"/"en"/"dans" ("réduit ses emprises en Afrique de l'Ouest").
pub(crate) fn left_from_or_in(clause: &Clause<'_>, at: usize) -> bool {
    left_from(clause, at)
        || words_before(clause, at, 1)
            .last()
            .is_some_and(|w| matches!(w.as_str(), "in" | "en" | "dans" | "across"))
}

/// Whether a power is named as absent: "même sans Russes sur le terrain, la rupture éloigne le
/// Tchad de l'orbite occidentale", "without Russian troops". Another power named is then the
/// party; alone, the absent one still is ("se développer sans la Banque mondiale"). Grammar,
/// not knowledge: the prepositions of absence, with at most one word between ("sans soldats
/// russes").
fn is_absent(clause: &Clause<'_>, m: &Mention) -> bool {
    let words = words_before(clause, m.start, 2);
    let absence = |w: &str| matches!(w, "sans" | "without");
    words.iter().any(|w| absence(w))
}

/// The last `n` words before `pos` in the clause, lowercased.
pub(crate) fn words_before(clause: &Clause<'_>, pos: usize, n: usize) -> Vec<String> {
    let before = &clause.text[clause.start..pos];
    let mut words: Vec<String> = before
        .split(|c: char| c.is_whitespace())
        .filter(|w| !w.is_empty())
        .rev()
        .take(n)
        .map(str::to_lowercase)
        .collect();
    words.reverse();
    words
}

/// "NAIROBI—The Biden administration...", "BAMAKO (Reuters) -": where the story was filed.
fn is_dateline(clause: &Clause<'_>, m: &Mention) -> bool {
    let before = clause.text[clause.start..m.start].trim();
    if !before.is_empty() {
        return false;
    }
    let name = &clause.text[m.start..m.end];
    let after = clause.text[m.end..clause.end].trim_start();
    let shouted = name
        .chars()
        .filter(|c| c.is_alphabetic())
        .all(char::is_uppercase)
        && name.chars().count() > 3;
    let dash = after.starts_with(['—', '–'])
        || after.starts_with("- ")
        || after.starts_with("(Reuters)")
        || after.starts_with("(AFP)");
    // "Dakar, 27 mars (APA) - ...": a date or an agency, a few words, then the dash.
    let dated = (after.starts_with(',') || after.starts_with('('))
        && [" — ", " – ", " - ", ") -", ") —", ") –"]
            .iter()
            .filter_map(|d| after.find(d))
            .min()
            .is_some_and(|at| {
                let head = &after[..at + 1];
                head.split_whitespace().count() <= 5
                    && head.chars().any(|c| c.is_ascii_digit() || c == '(')
            });
    dash || dated || (shouted && (after.starts_with(',') || after.starts_with('(')))
}

/// A country named alongside a power as a co-provider ("l'assistance de la Russie et du Rwanda",
/// "supported by Russia, the United Arab Emirates and Egypt") acts like that power; it is not
/// the country the relation is with. A pair after "between" is the two sides of the relation
/// ("relations between Paris and Conakry"), not co-providers; nor is a list the clause opens
/// with, before any event word: "China, Tanzania and Zambia signed a memorandum" is a joint act.
fn acts_with_a_power(clause: &Clause<'_>, m: &Mention) -> bool {
    let is_power = |e: &Mention| !matches!(e.entity, EntityRef::Country(_));
    let opens_a_pair = |p: &Mention| {
        words_before(clause, p.start, 2)
            .iter()
            .any(|w| matches!(w.as_str(), "between" | "entre" | "между"))
    };
    clause.mentions.iter().any(|p| {
        is_power(p)
            && p.end <= m.start
            && coordinated(&clause.text[p.end..m.start])
            && !opens_a_pair(p)
            && clause
                .cues
                .iter()
                .any(|c| matches!(c.class, CueClass::Event(_)) && c.end <= p.start)
    })
}

/// A country named as the partner of another African country's event, after "with"/"avec"
/// right behind the event word (and those listed alongside it): "Le Sénégal et le Togo restent
/// des partenaires des pays occidentaux tout en refusant de rompre avec Bamako, Ouagadougou et
/// Niamey" is about Senegal and Togo; the three capitals are whom they keep ties with.
fn is_partner_of_another_country(clause: &Clause<'_>, m: &Mention, markers: &[String]) -> bool {
    let is_country = |e: &Mention| matches!(e.entity, EntityRef::Country(_));
    // The head of the list `m` belongs to.
    let mut head = m;
    while let Some(p) = clause.mentions.iter().rfind(|p| {
        is_country(p) && p.end <= head.start && coordinated(&clause.text[p.end..head.start])
    }) {
        head = p;
    }
    let before = &clause.text[clause.start..head.start];
    let mut trimmed = before.trim_end();
    // The partner may be a country's rulers: "le dialogue avec les régimes militaires de Bamako",
    // "talks with the government of Mali": up to four words and "of"/"de" between the marker
    // and the country.
    let words: Vec<(usize, usize)> = word_spans(trimmed).collect();
    if let Some((&(of_start, of_end), rest)) = words.split_last()
        && matches!(
            fold_key(&trimmed[of_start..of_end]).as_str(),
            "of" | "de" | "du" | "des"
        )
        && let Some(&(_, marker_end)) = rest
            .iter()
            .rev()
            .skip(1)
            .take(4)
            .find(|(a, b)| markers.contains(&fold_key(&trimmed[*a..*b])))
    {
        trimmed = &trimmed[..marker_end];
    }
    let Some((rest, marker)) = trimmed.rsplit_once(char::is_whitespace) else {
        return false;
    };
    if !markers.contains(&fold_key(marker)) {
        return false;
    }
    // Right behind the event word ("rompre avec"), or the end of the cue itself ("break with").
    let marker_at = clause.start + rest.trim_end().len();
    let marker_end = clause.start + trimmed.len();
    let after_event = clause.cues.iter().any(|c| {
        matches!(c.class, CueClass::Event(_))
            && (c.end == marker_end || (c.end <= marker_at && marker_at - c.end <= 1))
    });
    after_event
        && clause
            .mentions
            .iter()
            .any(|o| is_country(o) && o.entity != m.entity && o.end <= head.start)
}

/// The countries of each list of `min` or more countries the clause names ("six African
/// countries, including Burkina Faso, Mali, Somalia, Eritrea, Zimbabwe and the Central African
/// Republic"), in order.
pub fn country_lists(clause: &Clause<'_>, min: usize) -> Vec<Vec<usize>> {
    let mut lists: Vec<Vec<usize>> = Vec::new();
    let mut run: Vec<usize> = Vec::new();
    let mut previous: Option<&Mention> = None;
    for m in &clause.mentions {
        let EntityRef::Country(c) = m.entity else {
            continue;
        };
        let joined = previous.is_some_and(|p| coordinated(&clause.text[p.end..m.start]));
        if !joined && run.len() >= min {
            lists.push(std::mem::take(&mut run));
        } else if !joined {
            run.clear();
        }
        run.push(c);
        previous = Some(m);
    }
    if run.len() >= min {
        lists.push(run);
    }
    lists
}

/// The countries that open the clause as its subject: its first name when that is a country,
/// with the countries listed after it ("Mali and Burkina Faso have...", "Benin, Ghana or Côte
/// d'Ivoire could host..."). None when the clause opens on a power or a person.
pub fn leading_countries<'c>(clause: &'c Clause<'_>) -> impl Iterator<Item = usize> + 'c {
    let mut previous: Option<&Mention> = None;
    clause.mentions.iter().map_while(move |m| {
        let EntityRef::Country(c) = m.entity else {
            return None;
        };
        if previous.is_some_and(|p| !coordinated(&clause.text[p.end..m.start])) {
            return None;
        }
        previous = Some(m);
        Some(c)
    })
}

/// Whether the text between two names only joins them in a list: ", ", ", the ", " and the ",
/// " et du ".
fn coordinated(between: &str) -> bool {
    let words: Vec<String> = between
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    let joiner = |w: &String| matches!(w.as_str(), "and" | "et" | "or" | "ou");
    let filler = |w: &String| {
        matches!(
            w.as_str(),
            "the"
                | "du"
                | "de"
                | "la"
                | "le"
                | "l'"
                | "des"
                | "as"
                | "well"
                | "encore"
                | "also"
                | "aussi"
        )
    };
    words.len() <= 3
        && words.iter().all(|w| joiner(w) || filler(w))
        && (words.iter().any(joiner) || between.contains(','))
}

/// The countries a movement is explicitly headed to: named right after "to", "into", "in",
/// "à", "au", "vers" after the movement cue, with those listed alongside them
/// ("sent instructors to Mali and Burkina Faso").
pub fn destinations(clause: &Clause<'_>, movement_at: usize) -> Vec<usize> {
    let countries: Vec<&Mention> = clause
        .mentions
        .iter()
        .filter(|m| matches!(m.entity, EntityRef::Country(_)) && m.start > movement_at)
        .collect();
    let mut out: Vec<usize> = Vec::new();
    let mut previous: Option<&Mention> = None;
    for m in countries {
        let EntityRef::Country(c) = m.entity else {
            continue;
        };
        let marked = words_before(clause, m.start, 1).first().is_some_and(|w| {
            matches!(
                w.as_str(),
                "to" | "into" | "in" | "à" | "au" | "aux" | "vers" | "en"
            )
        });
        let listed = previous.is_some_and(|p| {
            matches!(p.entity, EntityRef::Country(pc) if out.contains(&pc))
                && coordinated(&clause.text[p.end..m.start])
        });
        if marked || listed {
            out.push(c);
        }
        previous = Some(m);
    }
    out
}

/// "near the Moroccan border", "the Mali-Niger border" (the noun only: "Niger borders Nigeria"
/// is Niger's): a place, but the pair may be the parties ("the Niger-Benin border dispute").
fn is_border_of_a_pair(clause: &Clause<'_>, m: &Mention) -> bool {
    word_after_pair(clause, m).is_some_and(|n| matches!(n.as_str(), "border" | "frontier"))
}

/// "its borders with Libya", "the frontier with Mali", "la frontière avec le Niger", "حدودها مع
/// ليبيا": a neighbour named for geography, not a party to the relation.
fn is_border(clause: &Clause<'_>, m: &Mention) -> bool {
    let w = words_before(clause, m.start, 4);
    let border_word = |x: &String| {
        x.starts_with("border")
            || x.starts_with("frontier")
            || x.starts_with("frontière")
            || x.contains("حدود")
    };
    // "à cheval sur les frontières malienne, burkinabè et nigérienne": nationalities of a
    // border, written after it in lower case.
    if m.kind == AliasKind::Demonym && in_lower_case(clause, m) && w.iter().any(border_word) {
        return true;
    }
    let with_at = w
        .iter()
        .rposition(|x| matches!(x.as_str(), "with" | "avec" | "مع"));
    with_at.is_some_and(|i| i + 3 >= w.len() && w[..i].iter().any(border_word))
}

/// Where a contrasting clause opens ("while", "tandis que" after a comma) within `[from, to)`
/// of the clause: what it names after that point is another party's story. Not "while" before
/// a participle, which goes on with the same subject ("held talks in Bamako, while insisting
/// that Ghana would...").
pub(crate) fn contrast_within(clause: &Clause<'_>, from: usize, to: usize) -> Option<usize> {
    clause
        .cues
        .iter()
        .find(|c| {
            c.class == CueClass::Context(ContextPhrase::Contrast)
                && c.start >= from
                && c.end <= to
                && clause.text[clause.start..c.start].trim_end().ends_with(',')
                && !clause.text[c.end..clause.end]
                    .split_whitespace()
                    .next()
                    .is_some_and(|w| w.ends_with("ing"))
        })
        .map(|c| c.start)
}

/// Whether the country is the subject of a contrasting clause after the event word that has an
/// event of its own: "Benin accused Niger's junta of blocking exports, while Niamey turned to
/// Moscow" — Niger's news is its turn to Moscow.
pub(crate) fn acts_in_later_contrast(clause: &Clause<'_>, cue: CueHit, country: usize) -> bool {
    contrast_within(clause, cue.end, clause.end).is_some_and(|at| {
        clause
            .mentions
            .iter()
            .any(|m| m.entity == EntityRef::Country(country) && m.start > at)
            && clause
                .cues
                .iter()
                .any(|c| matches!(c.class, CueClass::Event(_)) && c.start > at)
    })
}

/// Whether the country is named as a point on a route (the lexicon's `route_markers` and
/// `route_nouns`): "via Conakry", "roads linking Zambia", "the port of Conakry", "the
/// Chad-Cameroon pipeline", "la ligne ferroviaire Abidjan-Ouagadougou".
fn is_route(clause: &Clause<'_>, m: &Mention, voice: &Voice) -> bool {
    let words = |at: usize| -> Vec<String> {
        words_before(clause, at, 4)
            .into_iter()
            .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()).to_string())
            .collect()
    };
    let mut before = words(m.start);
    // The pair's second name: read the words before its first.
    let text_before = clause.text[clause.start..m.start].trim_end();
    let second_of_pair = text_before.ends_with(['-', '–']);
    if second_of_pair {
        let first_start = text_before
            .trim_end_matches(['-', '–'])
            .rfind(char::is_whitespace)
            .map_or(clause.start, |i| clause.start + i + 1);
        before = words(first_start);
    }
    while before
        .last()
        .is_some_and(|w| LIST_ARTICLES.contains(&w.as_str()))
    {
        before.pop();
    }
    if before
        .last()
        .is_some_and(|w| is_word_of(w, &voice.route_markers))
    {
        return true;
    }
    // "the port of Conakry", "les ports de Conakry".
    if let [.., noun, of] = before.as_slice()
        && matches!(of.as_str(), "of" | "de" | "du" | "d")
        && is_word_of(noun, &voice.route_nouns)
    {
        return true;
    }
    let in_pair = second_of_pair || clause.text[m.end..clause.end].starts_with(['-', '–']);
    in_pair
        && (before
            .iter()
            .rev()
            .take(2)
            .any(|w| is_word_of(w, &voice.route_nouns))
            || word_after_pair(clause, m).is_some_and(|w| is_word_of(&w, &voice.route_nouns)))
}

/// Whether the words between two places continue a route: a list ("and") or its other end
/// ("with", "to", "à").
fn continues_route(between: &str, voice: &Voice) -> bool {
    continues_list(between)
        || matches!(between.trim().to_lowercase().as_str(), "to" | "à" | ",")
        || voice.partner_markers.contains(&fold_key(between.trim()))
}

/// "its neighbour Niger", "son voisin nigérien", "leur voisin malien": a country described
/// relative to the clause's subject, which is the party; the neighbour is a point of reference.
fn is_neighbour(clause: &Clause<'_>, m: &Mention) -> bool {
    let w = words_before(clause, m.start, 3);
    w.iter()
        .rposition(|x| {
            ["neighbour", "neighbor", "voisin"]
                .iter()
                .any(|n| x.starts_with(n))
        })
        .is_some_and(|i| {
            i > 0
                && matches!(
                    w[i - 1].as_str(),
                    "its" | "their" | "his" | "her" | "son" | "sa" | "ses" | "leur" | "leurs"
                )
        })
}

/// A country or power named as a subject of discussion or a theatre, not a party: "the Sudan
/// war", "the situation in Libya", "la crise au Mali", "the Russia-Ukraine war".
fn is_topic(clause: &Clause<'_>, m: &Mention, lex: &Lexicon) -> bool {
    let is_theatre = |w: &str| lex.theatres.contains(&fold_key(w));
    // "the Russia-Ukraine war": both names of a hyphenated pair are the theatre.
    let next = word_after_pair(clause, m);
    let is_link = |w: &str| lex.theatre_links.contains(&fold_key(w));
    // The three words before the name, not counting an elided article ("sur l'Ukraine").
    let mut w = words_before(clause, m.start, 4);
    if w.last()
        .is_some_and(|l| matches!(l.as_str(), "l'" | "l’" | "d'" | "d’"))
    {
        w.pop();
    }
    let w = &w[w.len().saturating_sub(3)..];
    let theatre_before = match w {
        [.., theatre, link] => is_theatre(theatre) && is_link(link),
        _ => false,
    } || match w {
        [theatre, link, part] => {
            is_theatre(theatre) && is_link(link) && lex.theatre_parts.contains(&fold_key(part))
        }
        _ => false,
    } || match w {
        // "le conflit qui oppose Kinshasa au M23"
        [theatre, pronoun, link] => {
            is_theatre(theatre)
                && crate::CLAUSE_OPENERS.contains(&pronoun.as_str())
                && is_link(link)
        }
        _ => false,
    };
    // "lors du vote de l'Assemblée générale des Nations unies sur l'Ukraine", "abstained on
    // most UN resolutions on Ukraine": what a vote is about, a few words after the vote; and
    // where what it calls for is to happen ("la résolution réclamant une paix juste et durable
    // en Ukraine"), within the reach of its content.
    let about = w.last().is_some_and(|l| {
        let (on, place) = (
            ABOUT.contains(&l.as_str()),
            matches!(l.as_str(), "in" | "en"),
        );
        (on || place)
            && clause.cues.iter().any(|r| {
                let reach = if on { 8 } else { crate::RESOLUTION_WORDS };
                r.class == CueClass::Resolution
                    && r.end <= m.start
                    && words_between(clause, r.end, m.start) <= reach
            })
    });
    next.is_some_and(|n| is_theatre(&n)) || theatre_before || about
}

/// How many words may stand between an arrest or an expulsion and the nationality of those it
/// takes: "la détention de trois ressortissants russes".
const COERCED_REACH: usize = 5;

/// Whether what is named at `at` is the standard a comparison measures by, neither a party nor
/// an event: "fewer conditions than Western suppliers offer", "closer to Moscow than to Paris",
/// "a bigger problem than Russian influence", "plutôt que Paris". Grammar, not knowledge.
pub fn is_compared_at(clause: &Clause<'_>, at: usize) -> bool {
    let w = words_before(clause, at, 2);
    w.iter().any(|w| w == "than")
        || matches!(w.as_slice(), [rather, that] if rather == "plutôt" && that == "que")
}

/// Grammar, not knowledge: the word "and" in the languages whose coordination the rules read.
pub(crate) const AND_WORDS: [&str; 3] = ["and", "et", "и"];

/// Whether `c` is an event word right after "and" / "et": the verb of a predicate of its own ("a
/// remercié la Russie et reproché à Londres son attitude").
pub(crate) fn opens_a_predicate(clause: &Clause<'_>, c: &CueHit) -> bool {
    matches!(c.class, CueClass::Event(_))
        && words_before(clause, c.start, 1)
            .first()
            .is_some_and(|w| AND_WORDS.contains(&w.as_str()))
}

/// Grammar, not knowledge: prepositions that name what a debate is about.
const ABOUT: [&str; 6] = [
    "on",
    "sur",
    "about",
    "concernant",
    "regarding",
    "concerning",
];

/// Whether unnamed countries are the subject right before the act: "coups have led several
/// countries to pivot toward Moscow", "the Sahel states that have broken with France". Not when
/// the named country is one of them ("Rwanda is one of several African countries to have
/// signed...", "South Africa was among 35 countries that abstained", "like other states that"),
/// nor when a power names them ("Western countries that imposed sanctions on it": the power's
/// act on the country).
pub fn unnamed_countries_act(clause: &Clause<'_>, cue: CueHit) -> bool {
    phrase_before(clause, cue.start, ContextPhrase::GenericSubject, 2).is_some_and(|at| {
        // Up to "one of a handful of states that voted".
        let before = words_before(clause, at, 6);
        let includes_the_country = before.windows(2).any(|w| {
            matches!(
                [w[0].as_str(), w[1].as_str()],
                ["one", "of"] | ["l'un", "des"] | ["l'une", "des"] | ["au", "nombre"]
            )
        }) || before
            .iter()
            .any(|w| matches!(w.as_str(), "among" | "parmi" | "other" | "autres"));
        let named_by_a_power = clause.mentions.iter().any(|m| {
            !matches!(m.entity, EntityRef::Country(_))
                && m.end <= at
                && clause.text[m.end..at].trim().is_empty()
        });
        !includes_the_country && !named_by_a_power
    })
}

/// Whether the act is done by a neutral organisation named as its agent right after it:
/// "accusés par des experts de l'ONU", "sanctioned by the UN Security Council".
pub fn by_a_neutral_organisation(
    clause: &Clause<'_>,
    cue: CueHit,
    g: &Gazetteer,
    voice: &Voice,
) -> bool {
    let word_end = word_end(clause, cue.end);
    let marked = clause.text[word_end..clause.end]
        .split_whitespace()
        .next()
        .is_some_and(|w| voice.agent_markers.contains(&fold_key(w)));
    marked
        && clause.mentions.iter().any(|m| {
            m.start >= word_end
                && words_between(clause, word_end, m.start) <= 5
                && matches!(m.entity, EntityRef::Organisation(_))
                && g.lean_of(m.entity) == Lean::Neutral
        })
}

/// Whether the clause refers back to a country with "the country", "le chef de l'État"... —
/// unless a name follows at once and says whose it is: "le chef de l'État russe", "le
/// gouvernement français" — or it is said inside an aside where the clause names its
/// countries only in asides ("...du Mali, où la junte au pouvoir...": that junta is Mali's).
pub fn refers_back(clause: &Clause<'_>, roles: &Roles) -> bool {
    clause.cues.iter().any(|cue| {
        (cue.class == CueClass::Anaphora
            || (cue.class == CueClass::OpeningAnaphora
                && words_between(clause, clause.start, cue.start) == 0
                // "Officials in Washington", "Authorities of the EU": whose they are.
                && !clause.mentions.iter().any(|m| {
                    m.start >= cue.end && words_between(clause, cue.end, m.start) <= 2
                })))
            && !(roles.aside_only && is_aside_at(clause, cue.end))
            && !clause
                .mentions
                .iter()
                .any(|m| m.start >= cue.end && clause.text[cue.end..m.start].trim().is_empty())
    })
}

/// Whether the clause opens with both parties referred back ("Les deux pays sont convenus..."),
/// before any country it names.
pub fn both_sides_open(clause: &Clause<'_>) -> bool {
    clause.cues.iter().any(|p| {
        p.class == CueClass::Context(ContextPhrase::BothSides)
            && !clause.mentions.iter().any(|m| m.start < p.start)
            && words_between(clause, clause.start, p.start) <= 1
    })
}

/// The word after the name, or after the hyphenated pair it opens or closes: "the
/// Russia-Ukraine war" → "war" for both names, "a Sudanese-Ukrainian national" → "national".
fn word_after_pair(clause: &Clause<'_>, m: &Mention) -> Option<String> {
    let rest = &clause.text[m.end..clause.end];
    let rest = match rest.strip_prefix(['-', '–']) {
        Some(pair) => pair.split_once(char::is_whitespace).map_or("", |(_, r)| r),
        None => rest,
    };
    rest.split_whitespace().next().map(|w| {
        w.trim_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase()
    })
}

/// A nationality of a person, not a party: "sanctioned Sudanese-Ukrainian national Ahmad
/// Abdalla", "un ressortissant franco-malien", "selon un politologue malien" — the power in a
/// dual nationality is not the one that acts. `nouns` are the words for such persons; a
/// capitalised one followed by another capitalised word is part of a name ("the South African
/// National Defence Force").
fn is_nationality_of(clause: &Clause<'_>, m: &Mention, nouns: &[String]) -> bool {
    if m.kind != AliasKind::Demonym {
        return false;
    }
    let is_person = |w: &str| is_word_of(w, nouns);
    // Where the nationality follows its noun, it is written in lower case: "un politologue
    // malien", "analistas ghaneses".
    if in_lower_case(clause, m)
        && words_before(clause, m.start, 1)
            .first()
            .is_some_and(|w| is_person(w))
    {
        return true;
    }
    if !word_after_pair(clause, m).is_some_and(|w| is_person(&w)) {
        return false;
    }
    let rest = &clause.text[m.end..clause.end];
    let mut words = rest
        .split(|c: char| c.is_whitespace() || c == '-' || c == '–')
        .filter(|w| !w.is_empty());
    let capitalised = |w: Option<&str>| w.is_some_and(|w| w.starts_with(char::is_uppercase));
    // The first word is the rest of a hyphenated pair when the name opens one.
    if rest.starts_with(['-', '–']) {
        words.next();
    }
    !(capitalised(words.next()) && capitalised(words.next()))
}

/// "flown from Mali", "resulting from the Mali coup", "venus depuis le Mali".
fn is_origin(clause: &Clause<'_>, m: &Mention, representatives: &[String]) -> bool {
    let w = words_before(clause, m.start, 4);
    let last = |k: usize| {
        w.len()
            .checked_sub(k)
            .and_then(|i| w.get(i))
            .map(String::as_str)
    };
    let origin_word = |s: Option<&str>| matches!(s, Some("from" | "depuis" | "provenance"));
    // "Ministers from Mali met Lavrov": people who speak for the country, not movers.
    let represents = |k: usize| last(k).is_some_and(|x| representatives.contains(&fold_key(x)));
    (origin_word(last(1)) && !represents(2))
        || (origin_word(last(2))
            && matches!(last(1), Some("the" | "le" | "la" | "du" | "de" | "l'"))
            && !represents(3))
        || (last(2) == Some("out") && last(1) == Some("of"))
        // "des groupes armés venus du Burkina Faso", "des combattants venant de Libye".
        || (matches!(
            last(2),
            Some("venu" | "venus" | "venue" | "venues" | "venant" | "originaires")
        ) && matches!(last(1), Some("du" | "de" | "des" | "d'")))
}

/// A place set in front of the clause: "Au Mozambique, le Rwanda est un partenaire", "In
/// Kenya, ..." — the setting; the clause's subject is the party. Alone in its clause, the
/// place is still what the clause is about (demoted mentions count when nothing else is named).
fn is_fronted_place(clause: &Clause<'_>, m: &Mention) -> bool {
    let before: Vec<String> = clause.text[clause.start..m.start]
        .split_whitespace()
        .map(str::to_lowercase)
        .collect();
    let locative = |p: &str| matches!(p, "in" | "au" | "en" | "à" | "aux" | "a" | "at");
    // The place alone, or after a few words of setting with no event word among them and no
    // name ("Réunis dimanche à Abuja, les chefs d'État...", "Speaking in Accra, ..."; not
    // "During a visit to Bamako, ...", where the place is the visit's).
    let original: Vec<&str> = clause.text[clause.start..m.start]
        .split_whitespace()
        .collect();
    // A capitalised word after the first continues a name ("Islamic State in Somalia, ...").
    let named = original
        .iter()
        .skip(1)
        .any(|w| w.chars().next().is_some_and(char::is_uppercase));
    let setting = |words: &[String]| {
        words.len() <= 3
            && (words.is_empty() || !named)
            && !clause.cues.iter().any(|c| {
                matches!(c.class, CueClass::Event(_)) && c.start >= clause.start && c.end <= m.start
            })
    };
    let fronted = match before.as_slice() {
        [lead @ .., p, a] if DEFINITE_ARTICLES.contains(&a.as_str()) => {
            matches!(p.as_str(), "in" | "à" | "a") && setting(lead)
        }
        [lead @ .., p] => locative(p) && setting(lead),
        _ => false,
    };
    fronted && clause.text[m.end..clause.end].trim_start().starts_with(',')
}

/// Where a commentator speaks from: "a political economist in Addis Ababa", "a researcher at a
/// Horn of Africa institute in Addis Ababa", "l'économiste Boubacar Sidibé, joint à Dakar", "a
/// Niamey-based analyst". The place is no party to what is said. `commentators` are the
/// lexicon's words for such people; an event word between them and the place ("an analyst said
/// troops deployed in Mali") makes the place the event's.
fn is_commentators_place(clause: &Clause<'_>, m: &Mention, commentators: &[String]) -> bool {
    let is_commentator = |w: &str| is_word_of(w, commentators);
    // "a Niamey-based political analyst", "Conakry-based public health researcher"; "the
    // Tripoli-based government" is Libya's.
    if let Some(rest) = clause.text[m.end..clause.end]
        .strip_prefix(['-', '–'])
        .and_then(|rest| rest.strip_prefix("based"))
    {
        return rest.split_whitespace().take(4).any(is_commentator);
    }
    // The words before the place, with where each starts; at most a few, up to "researcher at a
    // Horn of Africa institute in".
    let before = &clause.text[clause.start..m.start];
    let words: Vec<(usize, String)> = word_spans(before)
        .map(|(a, b)| (clause.start + a, before[a..b].to_lowercase()))
        .collect();
    let words = &words[words.len().saturating_sub(9)..];
    // "at an Accra think tank", "in the Senegalese capital".
    let Some((preposition, rest)) = words.split_last().and_then(|(last, rest)| {
        if DEFINITE_ARTICLES.contains(&last.1.as_str())
            || INDEFINITE_ARTICLES.contains(&last.1.as_str())
        {
            rest.split_last()
        } else {
            Some((last, rest))
        }
    }) else {
        return false;
    };
    // "writing from Lagos", "joint depuis Bamako", "les analystes de Nairobi".
    if !matches!(
        preposition.1.as_str(),
        "in" | "at" | "à" | "au" | "en" | "from" | "depuis" | "de"
    ) {
        return false;
    }
    // A participle right before the preposition places the speaker ("joint à Dakar", "reached
    // in Nairobi"), even one that is an event word elsewhere ("joint").
    let participle = rest.last().map_or(preposition.0, |(at, _)| *at);
    rest.iter()
        .rev()
        .find(|(_, w)| is_commentator(w))
        .is_some_and(|(at, _)| {
            !clause.cues.iter().any(|c| {
                matches!(c.class, CueClass::Event(_)) && c.start > *at && c.start < participle
            })
        })
}

/// Inside parentheses, or a relative clause opened by ", which" / ", who" / ", qui" and closed by
/// the next comma, dash or parenthesis.
fn in_aside(clause: &Clause<'_>, m: &Mention) -> bool {
    is_aside_at(clause, m.start)
}

/// Whether byte `pos` of the document lies in an aside of the clause (see [`in_aside`]): a
/// context phrase ([`is_context_at`]) or a description ([`is_description_at`]).
pub fn is_aside_at(clause: &Clause<'_>, pos: usize) -> bool {
    is_context_at(clause, pos) || is_description_at(clause, pos)
}

/// Whether byte `pos` of the document lies in context set beside the event: a fronted phrase up
/// to its comma ("Amid Wagner's departure, ..."), or a trailing "after they departed" clause.
/// The phrases are the lexicon's `fronted_context`, `trailing_context` and
/// `trailing_before_a_name` (the last not in the few clauses read without a scan).
pub fn is_context_at(clause: &Clause<'_>, pos: usize) -> bool {
    let before = &clause.text[clause.start..pos];
    let scan = aside_scan(clause, pos);
    let comma = match scan {
        Some(scan) => scan.fronted_comma,
        None => fronted_comma(clause),
    };
    if comma.is_some_and(|comma| before.len() < comma) {
        return true;
    }
    match scan {
        Some(scan) => scan
            .first_trailing_end
            .is_some_and(|e| e <= scan.lower_at[before.len()]),
        // A trailing phrase inside the fronted context opens nothing after it (see
        // [`AsideScan::of`]).
        None => {
            let after_comma = comma.map_or(0, |comma| comma + 1);
            clause
                .asides
                .has_trailing_context(&before.get(after_comma..).unwrap_or("").to_lowercase())
        }
    }
}

/// The clause's cached lowercased scan, when `pos` lies in the clause and the clause has one.
fn aside_scan<'c>(clause: &'c Clause<'_>, pos: usize) -> Option<&'c AsideScan> {
    clause
        .aside_scan
        .get_or_init(|| AsideScan::of(clause))
        .as_ref()
        .filter(|_| pos <= clause.end)
}

/// Whether byte `pos` of the document lies in a description: inside parentheses, in a relative
/// clause (", which", ", qui") up to the next comma, dash or parenthesis, or after "that has
/// been" / "which was": what is said *of* an entity there is its description, not the event.
/// The phrases are the lexicon's `aside_openers`.
pub fn is_description_at(clause: &Clause<'_>, pos: usize) -> bool {
    let before = &clause.text[clause.start..pos];
    let (lower, last_opener) = match aside_scan(clause, pos) {
        Some(scan) => {
            let len = scan.lower_at[before.len()];
            let last_opener = scan.opener_ends.iter().rev().find(|&&e| e <= len);
            (Cow::Borrowed(&scan.lower[..len]), last_opener.copied())
        }
        None => {
            let lower = before.to_lowercase();
            let last_opener = clause.asides.last_opener_end(&lower);
            (Cow::Owned(lower), last_opener)
        }
    };
    let open = before.matches('(').count();
    let close = before.matches(')').count();
    if open > close {
        return true;
    }
    match last_opener {
        Some(i) if !lower[i..].contains([',', '—', ')', ';']) => true,
        // A list runs on past its commas ("which now include China, Turkey, and Iran", "composé
        // de Madagascar, de l'île Maurice, des Comores") while each further item is a bare name.
        Some(i) if lower.len() == before.len() && !lower[i..].contains(['—', ')', ';']) => {
            let items: Vec<&str> = before[i..].split(',').collect();
            // The aside's own words end on the list's first name.
            let first_end = clause.start + i + items[0].trim_end().len();
            let mut at = clause.start + i + items[0].len() + 1;
            let middle = &items[1..items.len() - 1];
            clause.mentions.iter().any(|m| m.end == first_end)
                && middle.iter().all(|item| {
                    let (a, b) = (at, at + item.len());
                    at = b + 1;
                    bare_names(clause, a, b, true)
                })
                && bare_names(clause, at, pos, false)
        }
        _ => false,
    }
}

/// The first comma of a clause that opens with a fronted context phrase: what comes before it
/// is context.
fn fronted_comma(clause: &Clause<'_>) -> Option<usize> {
    let whole = &clause.text[clause.start..clause.end];
    if !clause.asides.opens_with_fronted(whole) {
        return None;
    }
    // Not a comma that opens a span of names: "Alors que plusieurs pays sahéliens, du Mali au
    // Niger, ont rompu avec Paris, le Cameroun..." runs on past "du Mali au Niger"; nor one that
    // opens a person's name in apposition ("après avoir expulsé l'ambassadeur d'Allemagne, Jan
    // Christian Gordon Kricke, et Berlin ...").
    let commas: Vec<usize> = whole.match_indices(',').map(|(i, _)| i).collect();
    let mut k = 0;
    while let (Some(&at), Some(&next)) = (commas.get(k), commas.get(k + 1)) {
        let (a, b) = (clause.start + at + 1, clause.start + next);
        if !names_a_range(clause, a, b) && !is_a_persons_name(&clause.text[a..b]) {
            break;
        }
        k += 2;
    }
    commas.get(k).copied()
}

/// Whether `text` is a person's name and nothing else: two to five capitalised words ("Jan
/// Christian Gordon Kricke").
fn is_a_persons_name(text: &str) -> bool {
    let words: Vec<&str> = text.split_whitespace().collect();
    (2..=5).contains(&words.len())
        && words.iter().all(|w| {
            w.starts_with(|c: char| c.is_uppercase()) && w.chars().all(char::is_alphabetic)
        })
}

/// Whether `[a, b)` of the clause names a span of entities and nothing else: "du Mali au
/// Niger", "from Senegal to Chad".
fn names_a_range(clause: &Clause<'_>, a: usize, b: usize) -> bool {
    let words: Vec<String> = clause.text[a..b]
        .split_whitespace()
        .map(str::to_lowercase)
        .collect();
    matches!(
        words.first().map(String::as_str),
        Some("du" | "de" | "from")
    ) && words
        .iter()
        .any(|w| matches!(w.as_str(), "au" | "à" | "to" | "aux"))
        && clause
            .mentions
            .iter()
            .filter(|m| a <= m.start && m.end <= b)
            .count()
            >= 2
        && words.len() <= 8
}

/// What [`is_aside_at`] reads of a clause, found once for all the positions it is asked about:
/// it is asked for every mention and cue, and lowercasing and scanning the clause up to each
/// of them made it one of the extractor's largest costs.
#[derive(Debug)]
pub struct AsideScan {
    fronted_comma: Option<usize>,
    /// The clause lowercased.
    lower: String,
    /// Where each byte offset of the clause (at a character boundary) lands in `lower`.
    lower_at: Vec<usize>,
    /// The end of the earliest trailing context phrase in `lower`.
    first_trailing_end: Option<usize>,
    /// The ends of the aside openers in `lower`, in order.
    opener_ends: Vec<usize>,
}

impl AsideScan {
    /// `None` for a clause with a capital sigma: it lowercases by its neighbours, so a prefix
    /// of the lowercased clause is not always the lowercased prefix (those few clauses are
    /// read the slow way).
    fn of(clause: &Clause<'_>) -> Option<AsideScan> {
        let whole = &clause.text[clause.start..clause.end];
        if whole.contains('Σ') {
            return None;
        }
        let mut lower = String::with_capacity(whole.len());
        let mut lower_at = vec![0; whole.len() + 1];
        for (i, c) in whole.char_indices() {
            lower_at[i] = lower.len();
            lower.extend(c.to_lowercase());
        }
        lower_at[whole.len()] = lower.len();
        // Each phrase found in the lowercased clause is found in a lowercased prefix exactly
        // when it ends inside it.
        // A phrase that opens a clause only before a name: a mention starts within two words
        // of it ("since Russian fighters arrived", "since General Tiani seized power").
        let name_follows = |end: usize| {
            // The first character of the clause at or after `end` in the lowercased text
            // (`lower_at` is set at character starts only).
            let Some(at) = whole
                .char_indices()
                .map(|(i, _)| i)
                .chain(std::iter::once(whole.len()))
                .find(|&i| lower_at[i] >= end)
                .map(|i| clause.start + i)
            else {
                return false;
            };
            clause.mentions.iter().any(|m| {
                m.start >= at
                    && clause.text.get(at..m.start).is_some_and(|between| {
                        // "after coups, Mauritania co-hosted": the name opens the news.
                        between.split_whitespace().count() <= 1
                            && !between.contains([',', ';', ':'])
                    })
            })
        };
        // A trailing phrase inside the fronted context is part of it and opens nothing after
        // its comma: "Two weeks after Togo ratified the pact, the US ambassador handed over
        // vehicles" (" weeks after " is a trailing phrase) tells the hand-over as news.
        let fronted_comma = fronted_comma(clause);
        let past_fronted = |end: &usize| fronted_comma.is_none_or(|comma| *end > lower_at[comma]);
        let first_trailing_end = clause
            .asides
            .trailing_ends(&lower)
            .chain(
                clause
                    .asides
                    .trailing_before_a_name_ends(&lower)
                    .filter(|&end| name_follows(end)),
            )
            .chain(clause.asides.trailing_before_a_gerund_ends(&lower))
            .filter(past_fronted)
            .min();
        let mut opener_ends: Vec<usize> = clause.asides.opener_ends(&lower).collect();
        opener_ends.sort_unstable();
        Some(AsideScan {
            fronted_comma,
            lower,
            lower_at,
            first_trailing_end,
            opener_ends,
        })
    }
}

/// Whether `[a, b)` of the clause holds only names of entities and list words ("and", "de",
/// "the"), with at least one name when `named`.
fn bare_names(clause: &Clause<'_>, a: usize, b: usize, named: bool) -> bool {
    let inside: Vec<&Mention> = clause
        .mentions
        .iter()
        .filter(|m| a <= m.start && m.end <= b)
        .collect();
    if named && inside.is_empty() {
        return false;
    }
    let mut rest = String::new();
    let mut at = a;
    for m in inside {
        rest.push_str(&clause.text[at..m.start]);
        rest.push(' ');
        at = m.end;
    }
    rest.push_str(&clause.text[at..b]);
    rest.split(|c: char| c.is_whitespace() || c == '\'' || c == '’')
        .filter(|w| !w.is_empty())
        .all(|w| {
            let w = w.to_lowercase();
            LIST_JOINS.contains(&w.as_str())
                || LIST_ARTICLES.contains(&w.as_str())
                || matches!(w.as_str(), "also" | "as" | "well")
        })
}

/// Grammar, not knowledge: the words that join the names of a list ("du Burkina Faso, du Mali
/// et du Niger", "Angola and the Democratic Republic of Congo").
const LIST_JOINS: [&str; 10] = [
    "and", "et", "or", "ou", "of", "from", "du", "de", "des", "d",
];

/// The definite articles before a place, as words split at whitespace: "from the", "à l'".
const DEFINITE_ARTICLES: [&str; 4] = ["the", "la", "le", "l'"];

const INDEFINITE_ARTICLES: [&str; 4] = ["a", "an", "un", "une"];

/// Whether the word, without its punctuation and elided article ("l'analyste", "d'experts"),
/// is one of `list` (folded words).
fn is_word_of(w: &str, list: &[String]) -> bool {
    let w = fold_key(w.trim_matches(|c: char| !c.is_alphanumeric()));
    let w = w
        .strip_prefix("l'")
        .or_else(|| w.strip_prefix("d'"))
        .unwrap_or(&w);
    list.iter().any(|c| c == w)
}

/// Whether every mention of `country` in the clause (and there is one) is the place where the
/// mission of a power other than `counterpart` stands: "The US embassy in Pretoria said
/// Washington had raised its concerns" about the Kremlin's gift is no tie of South Africa's
/// with Russia; "The Russian embassy in Bamako said Moscow would deliver wheat" stays Mali's.
pub fn only_hosts_anothers_mission(
    clause: &Clause<'_>,
    country: usize,
    counterpart: EntityRef,
    missions: &[String],
) -> bool {
    let mut named = clause
        .mentions
        .iter()
        .filter(|m| m.entity == EntityRef::Country(country))
        .peekable();
    named.peek().is_some()
        && named.all(|m| mission_in(clause, m, missions).is_some_and(|p| p != counterpart))
}

/// The power whose mission stands in the place named at `m`: a word of `missions` at most
/// three words before the place and "in"/"à"/"at" right before it, with the power named
/// between the two or within two words before the mission ("the German embassy in Windhoek",
/// "l'ambassade de France à Bamako").
fn mission_in(clause: &Clause<'_>, m: &Mention, missions: &[String]) -> Option<EntityRef> {
    let before = &clause.text[clause.start..m.start];
    let words: Vec<(usize, usize)> = word_spans(before).collect();
    let (&(at, _), rest) = words.split_last()?;
    if !matches!(
        before[at..].trim_end().to_lowercase().as_str(),
        "in" | "at" | "à" | "a"
    ) {
        return None;
    }
    let mission = rest
        .iter()
        .rev()
        .take(3)
        .position(|&(a, b)| is_word_of(&before[a..b], missions))?;
    let mission_at = rest.len() - 1 - mission;
    let from = clause.start + rest[mission_at.saturating_sub(2)].0;
    let to = clause.start + at;
    clause
        .mentions
        .iter()
        .find(|p| !matches!(p.entity, EntityRef::Country(_)) && p.start >= from && p.end <= to)
        .map(|p| p.entity)
}

/// The articles a list's names may carry.
const LIST_ARTICLES: [&str; 5] = ["the", "le", "la", "les", "l"];

/// The power or organisation the clause's event concerns: among those named, the ones on a side
/// of the axis first, then those in the same part of the clause as the event cue (an event of
/// the main clause is with a power of the main clause: "Since MINUSMA left, Mali has drawn
/// closer to Russia" → Russia), then the one nearest the cue ("Niger decided to kick out the US
/// military in favour of partnering with Russia" → the US, object of "kick out").
///
/// A power whose forces head the subject just before the cue comes first of all (`is_forces`
/// tells the words for troops): "Russian troops entered a U.S. airbase in Niger" is Russia's
/// deployment, though "U.S." is nearer the cue. Outlets that report the news are never the
/// counterpart (the lexicon's `reporting` words), nor is a person's nationality.
pub fn counterpart(
    clause: &Clause<'_>,
    cue: CueHit,
    g: &Gazetteer,
    lex: &Lexicon,
    is_forces: impl Fn(&CueHit) -> bool,
) -> Option<EntityRef> {
    let cue_aside = is_aside_at(clause, cue.start);
    let cue_word_end = word_end(clause, cue.end);
    // A power named in an argument after the event word is the argument's ("defended the
    // exercise, arguing that South Africa also trains with France"), not the event's.
    let in_later_argument = |m: &Mention| {
        clause.cues.iter().any(|c| {
            c.class == CueClass::Context(ContextPhrase::Argument)
                && c.start >= cue.end
                && c.end <= m.start
        })
    };
    // Likewise a power named in a contrasting clause after the event word ("praised Russia,
    // while France withdrew").
    let in_later_contrast = |m: &Mention| contrast_within(clause, cue.end, m.start).is_some();
    // A power's nationals arrested or expelled as a group stand for it: "la détention de trois
    // ressortissants russes", "expelled two French nationals" (not "a French tourist").
    let coerced = |m: &&Mention| {
        matches!(cue.class, CueClass::Event(i) if lex.events[i].event_type == EventType::Coerce)
            && m.start >= cue_word_end
            && words_between(clause, cue_word_end, m.start) <= COERCED_REACH
            && is_nationality_of(clause, m, &lex.nationals)
    };
    // A power pointedly left unnamed is whom the remark aims at, no party to it: "« Le Mozambique
    // a fait le choix de partenaires transparents », a déclaré un responsable, sans citer Moscou".
    let left_unnamed =
        |m: &Mention| phrase_before(clause, m.start, ContextPhrase::UnnamedTarget, 1).is_some();
    let eligible = |m: &&Mention| {
        !matches!(m.entity, EntityRef::Country(_))
            && !left_unnamed(m)
            && !in_later_argument(m)
            && !in_later_contrast(m)
            && !is_reporter(clause, m, &lex.reporting)
            && !is_topic(clause, m, lex)
            && (!is_nationality_of(clause, m, &lex.person_nouns) || coerced(m))
            && !is_nationality_of(clause, m, &lex.voice.commentators)
            && !is_compared_at(clause, m.start)
    };
    if let Some(subject) = clause
        .mentions
        .iter()
        .filter(eligible)
        // Forces named in an aside describe the subject's backers ("The junta, backed by Russian
        // instructors, expelled French troops"): they are not the subject.
        .rfind(|m| {
            heads_subject_of(clause, m, cue, &is_forces)
                && is_aside_at(clause, m.start) == cue_aside
        })
    {
        return Some(subject.entity);
    }
    clause
        .mentions
        .iter()
        .filter(eligible)
        .min_by_key(|m| {
            let neutral = !g.takes_a_side(m.entity);
            let other_part = is_aside_at(clause, m.start) != cue_aside;
            // Where forces go is a place: "troops in Chad will move to Germany".
            let destination =
                phrase_before(clause, m.start, ContextPhrase::Relocation, 1).is_some();
            // A resolution's author is not whom it condemns: "voted in favour of a US-drafted
            // resolution condemning Russia".
            let author = authors_a_resolution(clause, m, &lex.resolution_authors);
            // A power named in a trailing context after the event word is the cause or the
            // time it is told from: "France, whose relations with Bangui soured after Russian
            // instructors became the backbone of its security" soured with France.
            let later_context = m.start >= cue_word_end
                && is_context_at(clause, m.start)
                && !is_context_at(clause, cue.start);
            let governs_the_cue =
                m.end <= cue.start && opens_content_clause(&clause.text[m.end..cue.start]);
            // A power after an earlier event word, with "and" (or a list's bare comma before a
            // noun of the event) between it and this one, is that event's party: "a salué le
            // soutien des États-Unis et réclamé le départ des combattants russes" asks the
            // Russians to leave; "arrivée d'instructeurs russes, départ des forces françaises"
            // sees the French leave.
            let between = &clause.text[m.end.min(cue.start)..cue.start];
            let earlier_event = m.end <= cue.start
                && ((between.trim() == "," && names_its_party_next(clause, cue_word_end))
                    || between.split_whitespace().any(|w| AND_WORDS.contains(&w)))
                && clause.cues.iter().any(|c| {
                    matches!(c.class, CueClass::Event(_)) && c.end <= m.start && *c != cue
                });
            // Likewise a power after ", and" / ", et" belongs to the next predicate: "ont quitté
            // la Cédéao..., un an après l'annonce de leur retrait, et lancé un passeport de l'AES";
            // so does one after "and" / "et" and another event word: "a remercié la Russie et
            // reproché à Londres son attitude".
            let next_predicate = m.start >= cue_word_end
                && ([", and ", ", et ", ", и "]
                    .iter()
                    .any(|joint| clause.text[cue_word_end..m.start].contains(joint))
                    || clause.cues.iter().any(|c| {
                        c.start >= cue_word_end && c.end <= m.start && opens_a_predicate(clause, c)
                    }));
            // A power beside the event word whose act it names, when another is named after
            // it as the target: "Western sanctions against Russia", "les sanctions
            // occidentales contre Moscou" — the target is the counterpart.
            let author_of_the_act = next_to_cue(clause, m, cue, cue_word_end)
                && clause.mentions.iter().filter(eligible).any(|t| {
                    t.entity != m.entity
                        && t.start >= cue_word_end
                        && is_target_after(clause, cue_word_end, t.start, &lex.against)
                });
            // At equal distance the object after the event word wins: "signed a deal with
            // Russia and expelled the French ambassador" expels the French. A cue may be a
            // word's beginning ("expel*"): the distance runs from the end of the word.
            let distance = if m.start >= cue_word_end {
                2 * (m.start - cue_word_end)
            } else {
                2 * cue.start.saturating_sub(m.end) + 1
            };
            (
                neutral,
                is_absent(clause, m),
                destination,
                author,
                later_context,
                other_part,
                earlier_event || next_predicate,
                governs_the_cue,
                author_of_the_act,
                distance,
            )
        })
        .map(|m| m.entity)
}

/// Whether power `m` is named as a resolution's author: before the resolution word with a word
/// of authorship between ("a US-drafted resolution", "the Western-sponsored draft"), or after
/// such a word that follows it ("a resolution drafted by the United States", "un projet de
/// résolution porté par la France"). At most six words separate the two.
fn authors_a_resolution(clause: &Clause<'_>, m: &Mention, authors: &[String]) -> bool {
    // "a U.S. and Albanian draft resolution": names and "and" only, right before it.
    let juxtaposed = |between: &str| {
        let words: Vec<&str> = between.split_whitespace().collect();
        words.len() <= 3
            && words.iter().all(|w| {
                matches!(*w, "and" | "et" | "'s" | "’s")
                    || w.chars().next().is_some_and(char::is_uppercase)
            })
    };
    let has_author_word = |between: &str| {
        let between = format!(" {between} ");
        between.split_whitespace().count() <= 6
            && authors.iter().any(|a| between.contains(&format!(" {a} ")))
    };
    clause.cues.iter().any(|r| {
        r.class == CueClass::Resolution
            && if r.start >= m.end {
                juxtaposed(&clause.text[m.end..r.start])
                    || has_author_word(&fold_key(&clause.text[m.end..r.start]).replace('-', " "))
            } else {
                // After the resolution, the author follows "by"/"par" (and an article).
                r.end <= m.start
                    && words_before_marker(&fold_key(&clause.text[r.end..m.start]), &AGENT_MARKERS)
                        .is_some_and(|words| has_author_word(&words.join(" ")))
            }
    })
}

/// Whether the words after an event word's end open its complement as a noun's ("departure of",
/// "départ des", "retrait du"): the event word is a noun, an item of a list.
fn names_its_party_next(clause: &Clause<'_>, word_end: usize) -> bool {
    let next = clause.text[word_end..clause.end]
        .split_whitespace()
        .next()
        .unwrap_or("")
        .to_lowercase();
    matches!(next.as_str(), "of" | "de" | "des" | "du")
        || next.starts_with("d'")
        || next.starts_with("d’")
}

/// Whether the act at `cue` (a sanction) is one power's against another, of the opposite side:
/// "Washington imposed sanctions on Russian firms operating in Sudan", "the Russian miner was
/// placed under US Treasury sanctions". The country the story is about only hosts it; it is
/// no party to the act. The target is named after the act with a word of aim (see
/// [`is_target_after`]), or before it as the subject of a passive, with the author beside the
/// event word; no country stands between the act and its target.
pub fn between_powers(clause: &Clause<'_>, cue: CueHit, g: &Gazetteer, lex: &Lexicon) -> bool {
    let cue_word_end = word_end(clause, cue.end);
    let powers: Vec<&Mention> = clause
        .mentions
        .iter()
        .filter(|m| {
            !matches!(m.entity, EntityRef::Country(_))
                && g.takes_a_side(m.entity)
                && !is_reporter(clause, m, &lex.reporting)
                && !in_aside(clause, m)
        })
        .collect();
    let opposed =
        |a: &Mention, b: &Mention| g.lean_of(a.entity).sign() * g.lean_of(b.entity).sign() < 0.0;
    let no_country_in = |from: usize, to: usize| {
        !clause
            .mentions
            .iter()
            .any(|m| matches!(m.entity, EntityRef::Country(_)) && m.start >= from && m.end <= to)
    };
    let any_word_of = |from: usize, to: usize, list: &[String]| {
        clause.text[from..to]
            .split_whitespace()
            .any(|w| is_word_of(w, list))
    };
    powers.iter().any(|t| {
        let beside = |a: &&&Mention| opposed(a, t) && next_to_cue(clause, a, cue, cue_word_end);
        if t.start >= cue_word_end {
            let subject = |a: &&&Mention| a.end <= cue.start && opposed(a, t);
            // The target is aimed at ("sanctions on Russian firms"), or the object right
            // after a verb whose subject is the author ("sanctioned two Wagner-linked firms").
            let aimed = is_target_after(clause, cue.end, t.start, &lex.against)
                && powers.iter().any(|a| subject(&a) || beside(&a));
            // Not the agent of a passive: "sanctions imposed by the West".
            let agent = any_word_of(cue_word_end, t.start, &lex.voice.agent_markers);
            let object = words_between(clause, cue_word_end, t.start) <= 2
                && !agent
                && powers.iter().any(|a| subject(&a));
            (aimed || object) && no_country_in(cue_word_end, t.start)
        } else {
            t.end <= cue.start
                && words_between(clause, t.end, cue.start) <= 6
                && any_word_of(t.end, cue.start, &lex.voice.passive_auxiliaries)
                && no_country_in(t.end, cue.start)
                && powers.iter().any(|a| beside(&a))
        }
    })
}

/// Grammar, not knowledge: the words that introduce an act's agent ("imposed by Washington").
const AGENT_MARKERS: [&str; 2] = ["by", "par"];

/// The words of `between` (folded text that ends right before a name) before a final word of
/// `markers` and its article: `Some(["imposees"])` for " imposees par les " with
/// [`AGENT_MARKERS`], `None` when `between` does not end with one of them.
fn words_before_marker<'a>(between: &'a str, markers: &[&str]) -> Option<Vec<&'a str>> {
    let mut words: Vec<&str> = between.split_whitespace().collect();
    while words
        .last()
        .is_some_and(|w| DEFINITE_ARTICLES.contains(w) || LIST_ARTICLES.contains(w))
    {
        words.pop();
    }
    words
        .pop()
        .is_some_and(|w| markers.contains(&w))
        .then_some(words)
}

/// Whether `power` is named as the author of the measure at `cue` (a word of `measures`): right
/// before it ("Western sanctions", "US sanctions"), as a French adjective right after it ("les
/// sanctions occidentales"), or as the agent of its participle ("the sanctions imposed by
/// Washington", "les sanctions décidées par l'Union européenne"). Not an act told by a verb:
/// "the envoy to the UN slammed", nor a name after "de", which may be the owner or the object
/// ("les sanctions de l'UE", "la suspension de RFI").
pub(crate) fn authors_the_act(
    clause: &Clause<'_>,
    power: EntityRef,
    cue: CueHit,
    measures: &[String],
) -> bool {
    let cue_word_end = word_end(clause, cue.end);
    let measure = fold_key(&clause.text[cue.start..cue_word_end]);
    measures.contains(&measure)
        && clause.mentions.iter().any(|m| {
            m.entity == power
                && if m.end <= cue.start {
                    words_between(clause, m.end, cue.start) == 0
                } else {
                    m.start >= cue_word_end
                        && if m.kind == AliasKind::Demonym && in_lower_case(clause, m) {
                            words_between(clause, cue_word_end, m.start) == 0
                        } else {
                            let between = fold_key(&clause.text[cue_word_end..m.start]);
                            words_before_marker(&between, &AGENT_MARKERS)
                                .is_some_and(|participle| participle.len() == 1)
                        }
                }
        })
}

/// Whether the mention qualifies the event word as an adjective: before it with at most an
/// article between ("the U.S. sanctions", "Western sanctions") or right after it ("sanctions
/// occidentales"; not "l'alignement de Paris sur Washington", where Paris is the subject).
fn next_to_cue(clause: &Clause<'_>, m: &Mention, cue: CueHit, cue_word_end: usize) -> bool {
    if m.end <= cue.start {
        words_between(clause, m.end, cue.start) <= 1
    } else {
        m.start >= cue_word_end && words_between(clause, cue_word_end, m.start) == 0
    }
}

/// Whether the text from the event word to a name marks the name as the act's target: a word
/// of `against` ("against", "contre") or a preposition of aim ("sanctions on Russia") at most
/// three words before it.
pub(crate) fn is_target_after(
    clause: &Clause<'_>,
    from: usize,
    to: usize,
    against: &[WordPattern],
) -> bool {
    // Grammar, not knowledge: prepositions that name what a measure is aimed at.
    const AIMED_AT: [&str; 6] = ["on", "upon", "sur", "targeting", "visant", "ciblant"];
    // The act's cue may be a word's beginning ("sanction*"): count from the word's end.
    let from = word_end(clause, from).min(to);
    let words: Vec<String> = clause.text[from..to]
        .split_whitespace()
        .map(str::to_lowercase)
        .collect();
    words.len() <= 3
        && words
            .iter()
            .any(|w| AIMED_AT.contains(&w.as_str()) || against.iter().any(|a| a.matches(w)))
}

/// Whether the act at `cue` is aimed at someone other than `parties`: a word after an aim word
/// ("on", "against", "contre"…, see [`is_target_after`]) at most three words after the act, that
/// is neither party nor one of them ("against each other", "l'un contre l'autre").
pub(crate) fn aims_at_a_third(
    clause: &Clause<'_>,
    cue: CueHit,
    parties: [EntityRef; 2],
    against: &[WordPattern],
) -> bool {
    // Grammar, not knowledge: the words that turn an act back on its own authors.
    const RECIPROCAL: [&str; 6] = [
        "each other",
        "one another",
        "l'un",
        "l'une",
        "l'autre",
        "les autres",
    ];
    let from = word_end(clause, cue.end);
    word_spans(&clause.text[from..clause.end])
        .take(4)
        .map(|(a, _)| from + a)
        .find(|&at| is_target_after(clause, cue.end, at, against))
        .is_some_and(|at| {
            let target = clause.text[at..clause.end].to_lowercase();
            !RECIPROCAL.iter().any(|r| target.starts_with(r))
                && !clause
                    .mentions
                    .iter()
                    .any(|m| m.start == at && parties.contains(&m.entity))
        })
}

/// Whether `between` (the text from a power to the event cue after it) opens a content clause:
/// "allegations by the United States that the country supplied weapons and ammunition to
/// Russia" — the United States alleges, the weapons went to Russia.
fn opens_content_clause(between: &str) -> bool {
    between.split_whitespace().any(|w| {
        let w = w
            .trim_matches(|c: char| !c.is_alphanumeric() && c != '\'')
            .to_lowercase();
        matches!(w.as_str(), "that" | "que" | "что") || w.starts_with("qu'")
    })
}

/// Which side acts in the event at `cue` between `country` and `counterpart` (see [`Actor`]).
///
/// Active voice: the counterpart acts when it is the first of the two named in the main clause
/// before the event word and either the country is named only after it ("Washington imposed
/// sanctions on Sudan") or the counterpart speaks ("Lavrov told Malian officials that
/// cooperation would grow"). Both named before the event word without speech is a joint act
/// ("Mali and Russia signed a pact"), which is the country's. Passive voice ("Sudan was
/// sanctioned by the United States"): the agent after "by"/"par" acts; with no agent, the side
/// named first is acted on. When unsure, the country acts: that is how every fact was read
/// before actors were told apart.
pub fn actor(
    clause: &Clause<'_>,
    cue: CueHit,
    country: usize,
    counterpart: EntityRef,
    voice: &Voice,
) -> Actor {
    let side = |m: &Mention| {
        if m.entity == counterpart {
            Actor::Counterpart
        } else {
            Actor::Country
        }
    };
    let other = |a: Actor| match a {
        Actor::Country => Actor::Counterpart,
        Actor::Counterpart => Actor::Country,
    };
    let parties: Vec<&Mention> = clause
        .mentions
        .iter()
        .filter(|m| m.entity == EntityRef::Country(country) || m.entity == counterpart)
        .filter(|m| !is_dateline(clause, m) && !in_aside(clause, m))
        .collect();
    let before: Vec<&Mention> = parties
        .iter()
        .copied()
        .filter(|m| m.end <= cue.start)
        .collect();
    let is_one_of = |w: &str, list: &[String]| {
        let w = fold_key(w.trim_matches(|c: char| !c.is_alphanumeric()));
        list.contains(&w)
    };
    // "was breaking off relations" is the progressive, not the passive.
    let progressive = clause.text[cue.start..clause.end]
        .split(|c: char| !c.is_alphanumeric())
        .next()
        .is_some_and(|w| w.len() > 4 && w.ends_with("ing"));
    let passive = !progressive
        && words_before(clause, cue.start, 2)
            .iter()
            .any(|w| is_one_of(w, &voice.passive_auxiliaries));
    if passive {
        let agent = parties.iter().find(|m| {
            m.start >= cue.end
                && words_between(clause, cue.end, m.start) <= 6
                && words_before(clause, m.start, 3)
                    .iter()
                    .any(|w| is_one_of(w, &voice.agent_markers))
        });
        return match (agent, before.first()) {
            (Some(agent), _) => side(agent),
            (None, Some(first)) => other(side(first)),
            (None, None) => Actor::Country,
        };
    }
    let Some(first) = before.first() else {
        return Actor::Country;
    };
    if side(first) == Actor::Country {
        return Actor::Country;
    }
    let speaks = clause.text[first.end..cue.start]
        .split_whitespace()
        .take(3)
        .any(|w| is_one_of(w, &voice.speech));
    // "The US remains one of Uganda's largest donors": a possessive names whom the act is for,
    // unless what it owns speaks for it ("Niger's military government had withdrawn").
    let possessive = |m: &Mention| {
        clause.text[m.end..].starts_with(['\'', '’'])
            && !clause.text[m.end..clause.end]
                .split_whitespace()
                .skip(1)
                .take(2)
                .any(|w| is_one_of(w, &voice.representatives))
    };
    // "...sent forces back to Somalia, reversing a withdrawal": a country the act goes to is
    // its object, not a subject.
    let object = |m: &Mention| {
        words_before(clause, m.start, 1)
            .first()
            .is_some_and(|w| matches!(w.as_str(), "to" | "into" | "with" | "à" | "avec"))
    };
    let country_before = before
        .iter()
        .any(|m| side(m) == Actor::Country && !possessive(m) && !object(m));
    if speaks || !country_before {
        Actor::Counterpart
    } else {
        Actor::Country
    }
}

/// Whether `m` names the owner of the forces that are the subject of the event at `cue`:
/// "<owner> <forces> [at most two words] <cue>" ("Russian troops entered", "French soldiers
/// have left", "Kenyan police officers left").
pub(crate) fn heads_subject_of(
    clause: &Clause<'_>,
    m: &Mention,
    cue: CueHit,
    is_forces: &impl Fn(&CueHit) -> bool,
) -> bool {
    m.end <= cue.start
        && clause.cues.iter().any(|t| {
            is_forces(t)
                && t.start >= m.end
                && t.end <= cue.start
                && words_between(clause, m.end, t.start) == 0
                && words_between(clause, t.end, cue.start) <= 2
                && !links_another_event(
                    &clause.text[word_end(clause, t.end).min(cue.start)..cue.start],
                )
        })
}

/// Whether the words between forces and an event word start another event ("welcomed Russian
/// instructors after expelling French forces"), or a bare comma separates items of a list
/// ("arrivée d'instructeurs russes, départ des forces françaises"): then the forces are not that
/// event's subject.
fn links_another_event(between: &str) -> bool {
    if between.trim() == "," {
        return true;
    }
    between.split_whitespace().any(|w| {
        matches!(
            w.to_lowercase().as_str(),
            "after"
                | "before"
                | "while"
                | "and"
                | "since"
                | "when"
                | "amid"
                | "après"
                | "avant"
                | "et"
                | "depuis"
                | "pendant"
                | "lors"
        )
    })
}

/// Whether a non-state voice of the country (the lexicon's `non_state_voices`) is the subject of
/// the event at `cue`: named in the main clause within eight words before it ("Civil society
/// groups in Gabon accused Paris..."), as the clause's opening words ("Critics in Niamey,
/// including groups that have protested..., accuse the government"), or as the speaker within
/// six words after it ("..., a accusé un responsable des Forces vives de Guinée"). A voice in an
/// aside ("The junta, criticised by the opposition, signed...") is not the subject.
pub fn voiced_by_non_state(clause: &Clause<'_>, cue: CueHit) -> bool {
    if is_aside_at(clause, cue.start) {
        return false;
    }
    let opening = clause.start
        + word_spans(&clause.text[clause.start..cue.start])
            .nth(2)
            .map_or(cue.start - clause.start, |w| w.0);
    clause.cues.iter().any(|v| {
        v.class == CueClass::Context(ContextPhrase::NonStateVoice)
            && !is_aside_at(clause, v.start)
            && (v.start < opening
                || (v.end <= cue.start && words_between(clause, v.start, cue.start) <= 8)
                || (v.start >= cue.end && words_between(clause, cue.end, v.end) <= 6))
    })
}

/// The byte spans of the whitespace-separated words of `text`.
fn word_spans(text: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    text.split_whitespace().map(move |w| {
        // `w` is a slice of `text`: its offset is the distance between their starts.
        let start = w.as_ptr() as usize - text.as_ptr() as usize;
        (start, start + w.len())
    })
}

/// How many words lie between byte offsets `a` and `b` of the clause.
pub(crate) fn words_between(clause: &Clause<'_>, a: usize, b: usize) -> usize {
    clause.text[a..b].split_whitespace().count()
}

/// An outlet or agency cited as the source of the news ("RFI révélait...", "according to
/// Sputnik", "Le Monde reported"): it tells the story, it is not a party to it. Only the
/// gazetteer's outlets; "Russia said it would send instructors" is Russia speaking for itself,
/// and "Barrick said Mali had seized its gold" the company, a party. A
/// nationality next to the word for an agency ("the French news agency") is the agency's.
/// Any power cited with "according to"/"selon" ("according to Western officials") is a source.
fn is_reporter(clause: &Clause<'_>, m: &Mention, reporting: &Reporting) -> bool {
    // "according to Western officials", "selon des responsables occidentaux": the source of the
    // news, a phrase and at most two words before the name.
    // The words before the name are split once: this runs for every power in every clause.
    let longest = reporting.citing.iter().map(Vec::len).max().unwrap_or(0);
    let last_words = words_before(clause, m.start, longest + 2);
    let cited = |gap: usize| {
        reporting.citing.iter().any(|phrase| {
            let Some(from) = last_words.len().checked_sub(phrase.len() + gap) else {
                return false;
            };
            let words = &last_words[from..];
            words[..phrase.len()] == *phrase
                && !words[phrase.len()..].iter().any(|w| {
                    // "selon lesquelles la Russie avait transféré...": what the reports say.
                    w.ends_with([',', ';', ':'])
                        || matches!(
                            w.as_str(),
                            "lesquelles" | "lesquels" | "laquelle" | "lequel"
                        )
                })
        })
    };
    if (0..=2).any(cited) {
        return true;
    }
    if m.kind == AliasKind::Demonym {
        let before = words_before(clause, m.start, 1);
        let after: Vec<String> = clause.text[m.end..clause.end]
            .split_whitespace()
            .take(2)
            .map(str::to_lowercase)
            .collect();
        let agency = |w: &str| reporting.agency.iter().any(|a| a.matches(w));
        return before.first().is_some_and(|w| agency(w)) || after.iter().any(|w| agency(w));
    }
    if m.kind != AliasKind::Outlet {
        return false;
    }
    let after: Vec<String> = clause.text[m.end..clause.end]
        .split_whitespace()
        .take(2)
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        })
        .collect();
    after
        .iter()
        .any(|w| reporting.verbs.iter().any(|v| v.matches(w)))
}

/// The power a clause refers to by a pronoun that opens it: "They", "It", "Ils", "Il", "Elle"
/// take the previous sentence's only power; "He"/"She" only when that power was named by a person.
pub fn inherited_power(
    clause: &Clause<'_>,
    previous: &[(EntityRef, AliasKind)],
) -> Option<EntityRef> {
    let first = clause.text[clause.start..clause.end]
        .split(|c: char| !c.is_alphabetic())
        .find(|w| !w.is_empty())?
        .to_lowercase();
    let only = only_power(previous)?;
    match first.as_str() {
        "they" | "it" | "ils" | "il" | "elle" | "elles" => Some(only),
        "he" | "she" if previous.iter().any(|(_, k)| *k == AliasKind::Person) => Some(only),
        _ => None,
    }
}

/// The power whose event an opening possessive names: "Its departure opened the way for a
/// column of Malian troops backed by Wagner fighters" is the departure of the UN mission the
/// sentence before named, not Wagner's; "Leur retrait...". The previous sentence's only power,
/// when the possessive is the clause's first word and the event word comes right after it.
pub fn possessive_owner(
    clause: &Clause<'_>,
    cue: CueHit,
    previous: &[(EntityRef, AliasKind)],
) -> Option<EntityRef> {
    // Grammar, not knowledge: the possessive determiners of the third person.
    const POSSESSIVES: [&str; 7] = ["its", "their", "son", "sa", "ses", "leur", "leurs"];
    let mut before = clause.text[clause.start..cue.start].split_whitespace();
    let first = before.next()?;
    let possessive = first
        .trim_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase();
    if before.next().is_some() || !POSSESSIVES.contains(&possessive.as_str()) {
        return None;
    }
    only_power(previous)
}

/// The one power the previous sentence named, if it named exactly one.
pub fn only_power(previous: &[(EntityRef, AliasKind)]) -> Option<EntityRef> {
    let mut distinct: Vec<EntityRef> = previous.iter().map(|(e, _)| *e).collect();
    distinct.sort_by_key(|e| format!("{e:?}"));
    distinct.dedup();
    match distinct.as_slice() {
        [only] => Some(*only),
        _ => None,
    }
}
