//! Which facts a report quotes, and in which section.
//!
//! A report stays readable only if it quotes the strongest evidence, not all of it: the
//! summary's drivers and the counter-evidence are always quoted, the rest of the budget goes
//! to the heaviest remaining facts (in [`Scorer::weigh`](orbit_score::Scorer::weigh) order),
//! with a cap per section so one busy category cannot crowd out the others.

use std::collections::{BTreeMap, BTreeSet, HashSet};

use orbit_core::{Bloc, Category, Direction, Fact, MAX_FACT_CHARS};
use orbit_score::{CountryScore, Weighted, text_key};

/// Most citations in one report.
pub(crate) const MAX_CITATIONS: usize = 18;
/// Most facts quoted in one category section.
const PER_CATEGORY: usize = 6;
/// Drivers named in the summary.
const SUMMARY_DRIVERS: usize = 3;
/// Facts quoted under "What points the other way".
const COUNTER: usize = 4;
/// Facts quoted under "Other powers", and per power.
const OTHER_POWERS: usize = 5;
const PER_POWER: usize = 2;

/// The section that quotes a fact in full; elsewhere it is referred to by its marker only.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Home {
    Category(Category),
    OtherPowers,
    Counter,
}

/// The distinct facts of the period and the choice of which to quote where.
pub(crate) struct Plan<'a> {
    /// Every distinct fact about the country, strongest first.
    pub all: Vec<Weighted<'a>>,
    /// Indices into `all` of the drivers the summary names.
    pub drivers: Vec<usize>,
    /// Indices into `all` of the facts quoted under "What points the other way".
    pub counter: Vec<usize>,
    /// Indices into `all` of every fact the report quotes, ascending (= strongest first).
    pub quoted: BTreeSet<usize>,
    homes: Vec<Home>,
}

impl<'a> Plan<'a> {
    pub fn new(weighted: &[Weighted<'a>], score: &CountryScore) -> Self {
        let all: Vec<Weighted<'a>> = weighted
            .iter()
            .copied()
            .filter(|w| w.fact.country.eq_ignore_ascii_case(&score.country))
            .collect();
        let citable = citable_mask(&all);
        let lean = score.index.map_or(0.0, |i| {
            if i > 0.0 {
                1.0
            } else if i < 0.0 {
                -1.0
            } else {
                0.0
            }
        });
        let drivers = resolve(&all, &citable, &score.drivers, lean, &[], SUMMARY_DRIVERS);
        let counter = resolve(
            &all,
            &citable,
            &score.counter_evidence,
            -lean,
            &drivers,
            COUNTER,
        );
        let homes: Vec<Home> = (0..all.len())
            .map(|i| {
                if counter.contains(&i) {
                    Home::Counter
                } else if is_other_power(all[i].fact) {
                    Home::OtherPowers
                } else {
                    Home::Category(all[i].fact.category)
                }
            })
            .collect();

        let mut quoted: BTreeSet<usize> = drivers.iter().chain(&counter).copied().collect();
        let mut per_home: BTreeMap<Home, usize> = BTreeMap::new();
        let mut per_power: BTreeMap<&str, usize> = BTreeMap::new();
        for &i in &quoted {
            *per_home.entry(homes[i]).or_default() += 1;
            if homes[i] == Home::OtherPowers {
                *per_power
                    .entry(all[i].fact.counterpart.as_str())
                    .or_default() += 1;
            }
        }
        for i in 0..all.len() {
            if quoted.len() >= MAX_CITATIONS {
                break;
            }
            if !citable[i] || quoted.contains(&i) {
                continue;
            }
            let home = homes[i];
            let cap = match home {
                Home::Category(_) => PER_CATEGORY,
                Home::OtherPowers => OTHER_POWERS,
                Home::Counter => COUNTER,
            };
            if per_home.get(&home).copied().unwrap_or(0) >= cap {
                continue;
            }
            if home == Home::OtherPowers {
                let n = per_power
                    .entry(all[i].fact.counterpart.as_str())
                    .or_default();
                if *n >= PER_POWER {
                    continue;
                }
                *n += 1;
            }
            *per_home.entry(home).or_default() += 1;
            quoted.insert(i);
        }
        Plan {
            all,
            drivers,
            counter,
            quoted,
            homes,
        }
    }

    pub fn home(&self, i: usize) -> Home {
        self.homes[i]
    }

    /// The quoted facts a section quotes in full, strongest first.
    pub fn quoted_in(&self, home: Home) -> Vec<usize> {
        self.quoted
            .iter()
            .copied()
            .filter(|&i| self.homes[i] == home)
            .collect()
    }

    /// Indices of every distinct fact of a category, strongest first.
    pub fn in_category(&self, c: Category) -> Vec<usize> {
        (0..self.all.len())
            .filter(|&i| self.all[i].fact.category == c)
            .collect()
    }

    pub fn fact(&self, i: usize) -> &'a Fact {
        self.all[i].fact
    }
}

/// Powers outside the Russia–West axis (DESIGN §2: seed 004's China, Turkey, Iran).
pub(crate) fn is_other_power(f: &Fact) -> bool {
    matches!(
        f.bloc,
        Bloc::China | Bloc::Turkey | Bloc::Gulf | Bloc::Iran | Bloc::Other
    )
}

/// Whether each fact may be cited: within the length limit, not a copy of a fact already
/// citable (by normalised text), and free of anything that reads as a citation marker —
/// a quoted "[12]" from a source's own footnotes would otherwise pass for one of ours.
fn citable_mask(all: &[Weighted<'_>]) -> Vec<bool> {
    let mut seen = HashSet::new();
    all.iter()
        .map(|w| {
            let text = w.fact.text.trim();
            let key = text_key(text);
            !text.is_empty()
                && text.chars().count() <= MAX_FACT_CHARS
                && !has_marker(text)
                && !key.is_empty()
                && seen.insert(key)
        })
        .collect()
}

/// True when `text` contains `[digits]`.
pub(crate) fn has_marker(text: &str) -> bool {
    let bytes = text.as_bytes();
    bytes.iter().enumerate().any(|(i, &b)| {
        if b != b'[' {
            return false;
        }
        let digits = bytes[i + 1..]
            .iter()
            .take_while(|c| c.is_ascii_digit())
            .count();
        digits > 0 && bytes.get(i + 1 + digits) == Some(&b']')
    })
}

/// The citable facts named by `ids` (in their order), skipping `exclude`; when the score
/// names none, the strongest facts leaning `sign` (+1 Russia, −1 West) instead.
fn resolve(
    all: &[Weighted<'_>],
    citable: &[bool],
    ids: &[i64],
    sign: f64,
    exclude: &[usize],
    limit: usize,
) -> Vec<usize> {
    let mut out: Vec<usize> = Vec::new();
    if ids.is_empty() {
        if sign != 0.0 {
            out = (0..all.len())
                .filter(|&i| citable[i] && !exclude.contains(&i))
                .filter(|&i| all[i].fact.direction.sign() == sign)
                .take(limit)
                .collect();
        }
        return out;
    }
    for id in ids {
        if out.len() >= limit {
            break;
        }
        let found = (0..all.len()).find(|&i| {
            all[i].fact.id == *id
                && citable[i]
                && all[i].fact.direction != Direction::Neutral
                && !exclude.contains(&i)
                && !out.contains(&i)
        });
        if let Some(i) = found {
            out.push(i);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::has_marker;

    #[test]
    fn recognises_citation_like_markers_only() {
        assert!(has_marker("as reported [12] by"));
        assert!(has_marker("[3]"));
        assert!(!has_marker("[Mali] The country's minister"));
        assert!(!has_marker("[ 3 ] and [x1]"));
        assert!(!has_marker("trailing ["));
    }
}
