//! Role-aware attribution: which African countries a clause is about, and which power.
//!
//! A country is named in many roles. "Russian mercenaries were flown from Mali to protect the
//! Burkinabè leader" is about Burkina Faso: Mali is only the origin. "ECOWAS, which includes
//! Ghana, sanctioned Mali" is about Mali: Ghana sits in a relative clause. A fact never counts
//! for a country the clause does not name.

use orbit_core::Gazetteer;
use orbit_core::gazetteer::{AliasKind, EntityRef};

use crate::matcher::{CueClass, CueHit, Mention};

/// A sentence or `;`-separated part of one, with what was found in it.
#[derive(Debug)]
pub struct Clause<'a> {
    /// The whole document text; `start..end` is the clause.
    pub text: &'a str,
    pub start: usize,
    pub end: usize,
    pub mentions: Vec<Mention>,
    pub cues: Vec<CueHit>,
}

impl Clause<'_> {
    pub fn has(&self, class: CueClass) -> bool {
        self.cues.iter().any(|c| c.class == class)
    }
}

/// The countries a clause is about (indices into `Gazetteer::countries`), deduplicated.
#[derive(Debug, Default)]
pub struct Roles {
    pub countries: Vec<usize>,
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
pub fn roles(clause: &Clause<'_>, _gazetteer: &Gazetteer) -> Roles {
    let mut main = Vec::new();
    let mut demoted = Vec::new();
    for m in &clause.mentions {
        let EntityRef::Country(c) = m.entity else {
            continue;
        };
        if is_origin(clause, m) || in_aside(clause, m) {
            demoted.push(c);
        } else {
            main.push(c);
        }
    }
    let mut countries = if main.is_empty() { demoted } else { main };
    countries.sort_unstable();
    countries.dedup();
    Roles { countries }
}

/// The last `n` words before `pos` in the clause, lowercased.
fn words_before(clause: &Clause<'_>, pos: usize, n: usize) -> Vec<String> {
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

/// "flown from Mali", "resulting from the Mali coup", "venus depuis le Mali".
fn is_origin(clause: &Clause<'_>, m: &Mention) -> bool {
    let w = words_before(clause, m.start, 3);
    let last = |k: usize| {
        w.len()
            .checked_sub(k)
            .and_then(|i| w.get(i))
            .map(String::as_str)
    };
    let origin_word = |s: Option<&str>| matches!(s, Some("from" | "depuis" | "provenance"));
    origin_word(last(1))
        || (origin_word(last(2))
            && matches!(last(1), Some("the" | "le" | "la" | "du" | "de" | "l'")))
        || (last(2) == Some("out") && last(1) == Some("of"))
}

/// Inside parentheses, or a relative clause opened by ", which" / ", who" / ", qui" and closed by
/// the next comma, dash or parenthesis.
fn in_aside(clause: &Clause<'_>, m: &Mention) -> bool {
    is_aside_at(clause, m.start)
}

/// Whether byte `pos` of the document lies in an aside of the clause (see [`in_aside`]);
/// also true after "that has been" / "which was": what is said *of* an entity there is its
/// description ("Wagner, a paramilitary group that has been accused of massacres"), not the event.
pub fn is_aside_at(clause: &Clause<'_>, pos: usize) -> bool {
    let before = &clause.text[clause.start..pos];
    let open = before.matches('(').count();
    let close = before.matches(')').count();
    if open > close {
        return true;
    }
    let lower = before.to_lowercase();
    let opener = [
        ", which",
        ", who",
        ", whose",
        "— which",
        "—which",
        ", qui ",
        ", dont ",
        ", lequel",
        ", laquelle",
        " that has been",
        " that have been",
        " that had been",
        " which has been",
        " which was",
    ]
    .iter()
    .filter_map(|o| lower.rfind(o).map(|i| i + o.len()))
    .max();
    match opener {
        Some(i) => !lower[i..].contains([',', '—', ')', ';']),
        None => false,
    }
}

/// The power or organisation the clause's event concerns: among those named, the ones on a side
/// of the axis first, then the one nearest the event cue ("Niger decided to kick out the US
/// military in favour of partnering with Russia" → the US, object of "kick out").
pub fn counterpart(
    clause: &Clause<'_>,
    _roles: &Roles,
    cue: CueHit,
    g: &Gazetteer,
) -> Option<EntityRef> {
    clause
        .mentions
        .iter()
        .filter(|m| !matches!(m.entity, EntityRef::Country(_)))
        .min_by_key(|m| {
            let neutral = g.lean_of(m.entity).sign() == 0.0;
            let distance = if m.start >= cue.end {
                m.start - cue.end
            } else {
                cue.start.saturating_sub(m.end)
            };
            (neutral, distance)
        })
        .map(|m| m.entity)
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
    let mut distinct: Vec<EntityRef> = previous.iter().map(|(e, _)| *e).collect();
    distinct.sort_by_key(|e| format!("{e:?}"));
    distinct.dedup();
    let [only] = distinct.as_slice() else {
        return None;
    };
    match first.as_str() {
        "they" | "it" | "ils" | "il" | "elle" | "elles" => Some(*only),
        "he" | "she" if previous.iter().any(|(_, k)| *k == AliasKind::Person) => Some(*only),
        _ => None,
    }
}
