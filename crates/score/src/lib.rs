//! Scoring: from a country's facts in a period to a 1–5 alignment score with its index,
//! confidence, breakdowns and the facts that drive it (DESIGN §5; method in docs/method.md).
//!
//! ```
//! use orbit_core::Period;
//! use orbit_score::Scorer;
//! let scorer = Scorer::load(None).unwrap();
//! let card = scorer.score("ML", "Mali", &Period::all(), &[], None);
//! assert_eq!(card.score, None); // no evidence, no score
//! ```

pub mod syndication;

use std::collections::{BTreeMap, HashMap};
use std::path::Path;

use orbit_core::knowledge::{DataError, parse_toml, read_data_file};
use orbit_core::{Actor, Category, DateBasis, Direction, EventType, Fact, Period, Stance};
use serde::{Deserialize, Serialize};

const BUILTIN: &str = include_str!("../../../data/weights.toml");

/// The tunable constants of the score model (`data/weights.toml`).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Weights {
    pub shrinkage: f64,
    pub recency_half_life_days: f64,
    pub recency_floor: f64,
    pub same_source_damping: f64,
    pub confidence_scale: f64,
    pub undated_sentence: f64,
    /// Multiplier for a fact whose sentence dates it more than `history_after_days` before its
    /// article was published: history the article recalls, not its news.
    pub history: f64,
    pub history_after_days: f64,
    pub breadth_floor: f64,
    pub index_exponent: f64,
    pub top_facts: usize,
    pub category: BTreeMap<Category, f64>,
    /// Multiplier per event type for what a power does to a country (facts whose actor is the
    /// counterpart); types not listed count in full.
    #[serde(default)]
    pub counterpart_acts: HashMap<EventType, f64>,
    /// Outlets whose facts count a share of their weight: those run by a state in the
    /// competition, whose reports are what that state wants said.
    #[serde(default)]
    pub outlets: Vec<Outlets>,
}

/// A group of outlets whose facts count `reliability` times their weight (`[[outlets]]` in
/// data/weights.toml).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Outlets {
    pub reliability: f64,
    /// Host names, lowercase; each also covers its subdomains.
    pub domains: Vec<String>,
}

impl Weights {
    /// Whether the fact's own date lies more than `history_after_days` before its article's:
    /// "In 2016, the two countries signed an agreement" in a 2025 article.
    pub fn recalls_history(&self, fact: &Fact) -> bool {
        match (fact.event_date, fact.published) {
            (Some(event), Some(published)) => {
                let days = (published.first_day() - event.last_day()).get_days();
                f64::from(days) > self.history_after_days
            }
            _ => false,
        }
    }

    /// The reliability of the first `[[outlets]]` group that names the fact's host (its URL's,
    /// else its source's when that is a host name), 1 for any other outlet.
    pub fn outlet_reliability(&self, fact: &Fact) -> f64 {
        let from_url = fact
            .url
            .as_deref()
            .and_then(|u| url::Url::parse(u).ok())
            .and_then(|u| u.host_str().map(str::to_lowercase));
        let Some(host) = from_url.or_else(|| fact.source.as_deref().map(str::to_lowercase)) else {
            return 1.0;
        };
        // "russiancouncil.ru." is a fully qualified spelling of "russiancouncil.ru".
        let host = host.trim_end_matches('.');
        let covers = |domain: &String| {
            host.strip_suffix(domain.as_str())
                .is_some_and(|rest| rest.is_empty() || rest.ends_with('.'))
        };
        self.outlets
            .iter()
            .find(|o| o.domains.iter().any(covers))
            .map_or(1.0, |o| o.reliability)
    }
}

/// Computes country scores. Build once with [`Scorer::load`].
#[derive(Debug, Clone)]
pub struct Scorer {
    weights: Weights,
}

/// Start and end of the scored period (null for unbounded sides) and its key.
#[derive(Debug, Clone, Serialize)]
pub struct PeriodInfo {
    pub from: Option<String>,
    pub to: Option<String>,
    pub key: String,
    pub label: String,
}

impl From<&Period> for PeriodInfo {
    fn from(p: &Period) -> Self {
        PeriodInfo {
            from: p.from.map(|d| d.to_string()),
            to: p.to.map(|d| d.to_string()),
            key: p.key(),
            label: p.label(),
        }
    }
}

/// One category's share of the evidence.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct CategoryScore {
    /// −1 (West) … +1 (Russia) over this category's facts; null without directional facts.
    pub index: Option<f64>,
    pub n_facts: usize,
    /// Share of the period's total evidence weight.
    pub share: f64,
}

/// How a country relates to one power or organisation in the period.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct PowerScore {
    pub name: String,
    pub n_facts: usize,
    /// −1 (only hostile) … +1 (only cooperative).
    pub warmth: f64,
    /// Share of the period's total evidence weight.
    pub share: f64,
}

/// The score of the previous period of the same shape, for the change.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct PreviousScore {
    pub period: String,
    pub score: Option<u8>,
    pub index: Option<f64>,
    pub n_facts: usize,
}

/// A country's score for a period (the `scores --format json` contract).
#[derive(Debug, Clone, Serialize)]
pub struct CountryScore {
    pub country: String,
    pub name: String,
    pub period: PeriodInfo,
    /// 1–5; null when there is no evidence.
    pub score: Option<u8>,
    /// −1 = fully West … +1 = fully Russia; null when there is no evidence.
    pub index: Option<f64>,
    /// 0–1, grows with independent, agreeing evidence.
    pub confidence: f64,
    /// `[lo, hi]`: the 10th and 90th percentiles of the index over a bootstrap of the
    /// period's sources (see [`Scorer::index_interval`]); null when there is no evidence.
    pub index_interval: Option<[f64; 2]>,
    /// Distinct facts (syndicated copies count once).
    pub n_facts: usize,
    pub n_sources: usize,
    pub categories: BTreeMap<Category, CategoryScore>,
    pub powers: BTreeMap<String, PowerScore>,
    /// 1 − Herfindahl index of cooperative weight over powers: 0 = one partner, → 1 = many.
    pub diversification: Option<f64>,
    pub previous: Option<PreviousScore>,
    /// Index change since the previous period.
    pub change: Option<f64>,
    /// Fact ids pushing the index its way, strongest first.
    pub drivers: Vec<i64>,
    /// Fact ids pointing the other way, strongest first.
    pub counter_evidence: Vec<i64>,
}

/// A fact with the weight it carries in one period's score.
#[derive(Debug, Clone, Copy)]
pub struct Weighted<'a> {
    pub fact: &'a Fact,
    pub weight: f64,
}

impl Scorer {
    /// Loads `weights.toml` from `dir` (or the built-in copy) and validates it.
    pub fn load(dir: Option<&Path>) -> Result<Self, DataError> {
        let data = read_data_file(dir, "weights.toml", BUILTIN)?;
        let weights: Weights = parse_toml(&data)?;
        let bad = |field: &str| DataError::new(&data.origin, format!("{field} is out of range"));
        if weights.shrinkage < 0.0 {
            return Err(bad("shrinkage"));
        }
        if weights.recency_half_life_days <= 0.0 {
            return Err(bad("recency_half_life_days"));
        }
        if !(0.0..=1.0).contains(&weights.recency_floor) {
            return Err(bad("recency_floor"));
        }
        if !(weights.index_exponent > 0.0 && weights.index_exponent <= 1.0) {
            return Err(bad("index_exponent"));
        }
        if !(0.0..=1.0).contains(&weights.breadth_floor) {
            return Err(bad("breadth_floor"));
        }
        if !(0.0..=1.0).contains(&weights.undated_sentence) {
            return Err(bad("undated_sentence"));
        }
        if weights.confidence_scale <= 0.0 {
            return Err(bad("confidence_scale"));
        }
        if weights.category.values().any(|w| *w < 0.0) {
            return Err(bad("a category weight"));
        }
        if let Some((t, _)) = weights
            .counterpart_acts
            .iter()
            .find(|(_, w)| !(0.0..=1.0).contains(*w))
        {
            return Err(bad(&format!("counterpart_acts.{t}")));
        }
        for (i, o) in weights.outlets.iter().enumerate() {
            if !(o.reliability > 0.0 && o.reliability <= 5.0) {
                return Err(bad(&format!("outlets[{i}].reliability (0 < r <= 5)")));
            }
            if let Some(d) = o
                .domains
                .iter()
                .find(|d| d.is_empty() || d.contains(['/', ':', ' ']) || d.to_lowercase() != **d)
            {
                return Err(DataError::new(
                    &data.origin,
                    format!(
                        "outlets[{i}]: {d:?} is not a lowercase host name (write \"example.com\")"
                    ),
                ));
            }
        }
        Ok(Scorer { weights })
    }

    pub fn weights(&self) -> &Weights {
        &self.weights
    }

    /// The distinct facts of a period with the weight each carries: syndicated copies removed,
    /// recency, category and same-source damping applied. Sorted by weight, strongest first.
    pub fn weigh<'a>(&self, facts: &'a [Fact], period: &Period) -> Vec<Weighted<'a>> {
        let distinct = distinct_facts(facts);
        let end = period.to.or_else(|| {
            distinct
                .iter()
                .filter_map(|f| f.event_date)
                .map(|d| d.last_day())
                .max()
        });
        let w = &self.weights;
        let mut weighted: Vec<Weighted<'a>> = distinct
            .into_iter()
            .map(|fact| {
                let recency = match (end, fact.event_date) {
                    (Some(end), Some(d)) => {
                        let days = (end - d.last_day()).get_days().max(0) as f64;
                        w.recency_floor
                            + (1.0 - w.recency_floor) * 0.5f64.powf(days / w.recency_half_life_days)
                    }
                    _ => w.recency_floor,
                };
                let category = w.category.get(&fact.category).copied().unwrap_or(1.0);
                let dating = match fact.date_basis {
                    Some(DateBasis::Sentence | DateBasis::Paragraph) if w.recalls_history(fact) => {
                        w.history
                    }
                    Some(DateBasis::Sentence | DateBasis::Paragraph) => 1.0,
                    _ => w.undated_sentence,
                };
                let acted_on = match fact.actor {
                    Actor::Country => 1.0,
                    Actor::Counterpart => w
                        .counterpart_acts
                        .get(&fact.event_type)
                        .copied()
                        .unwrap_or(1.0),
                };
                let outlet = w.outlet_reliability(fact);
                Weighted {
                    fact,
                    weight: fact.weight * recency * category * dating * acted_on * outlet,
                }
            })
            .collect();
        // Same-source damping, strongest first within each source.
        weighted.sort_by(|a, b| {
            b.weight
                .total_cmp(&a.weight)
                .then(a.fact.id.cmp(&b.fact.id))
        });
        let mut per_source: HashMap<String, usize> = HashMap::new();
        for item in &mut weighted {
            let k = per_source.entry(source_key(item.fact)).or_insert(0);
            item.weight /= 1.0 + w.same_source_damping * *k as f64;
            *k += 1;
        }
        weighted.sort_by(|a, b| {
            b.weight
                .total_cmp(&a.weight)
                .then(a.fact.id.cmp(&b.fact.id))
        });
        weighted
    }

    /// Scores `country` over `facts` (already restricted to the country and the period);
    /// `previous` are the facts of the previous period, when there is one.
    pub fn score(
        &self,
        country: &str,
        name: &str,
        period: &Period,
        facts: &[Fact],
        previous: Option<(&Period, &[Fact])>,
    ) -> CountryScore {
        let weighted = self.weigh(facts, period);
        let (index, score) = self.index_and_score(&weighted);
        let index_interval = self.index_interval(&weighted);
        let total: f64 = weighted.iter().map(|w| w.weight).sum();
        let directional: f64 = weighted
            .iter()
            .map(|w| w.weight * w.fact.direction.sign().abs())
            .sum();
        let net: f64 = weighted
            .iter()
            .map(|w| w.weight * w.fact.direction.sign())
            .sum();
        let mut sources: Vec<String> = weighted.iter().map(|w| source_key(w.fact)).collect();
        sources.sort_unstable();
        sources.dedup();
        let agreement = if directional > 0.0 {
            net.abs() / directional
        } else {
            0.0
        };
        let confidence = if weighted.is_empty() {
            0.0
        } else {
            (1.0 - (-total / self.weights.confidence_scale).exp())
                * (1.0 - 0.5f64.powi(sources.len() as i32))
                * (0.5 + 0.5 * agreement)
        };

        let categories = Category::ALL
            .iter()
            .filter_map(|&c| {
                let items: Vec<Weighted<'_>> = weighted
                    .iter()
                    .copied()
                    .filter(|w| w.fact.category == c)
                    .collect();
                (!items.is_empty()).then(|| {
                    let weight: f64 = items.iter().map(|w| w.weight).sum();
                    (
                        c,
                        CategoryScore {
                            index: self.index_and_score(&items).0.map(round3),
                            n_facts: items.len(),
                            share: round3(weight / total),
                        },
                    )
                })
            })
            .collect();

        let mut powers: BTreeMap<String, (f64, f64, usize)> = BTreeMap::new();
        for w in &weighted {
            let e = powers.entry(w.fact.counterpart.clone()).or_default();
            let sign = if w.fact.stance == Stance::Cooperative {
                1.0
            } else {
                -1.0
            };
            e.0 += w.weight * sign;
            e.1 += w.weight;
            e.2 += 1;
        }
        let cooperative: Vec<f64> = powers.values().map(|(net, _, _)| net.max(0.0)).collect();
        let coop_total: f64 = cooperative.iter().sum();
        let diversification = (coop_total > 0.0).then(|| {
            round3(
                1.0 - cooperative
                    .iter()
                    .map(|c| (c / coop_total).powi(2))
                    .sum::<f64>(),
            )
        });
        let powers = powers
            .into_iter()
            .map(|(key, (net, weight, n))| {
                (
                    key.clone(),
                    PowerScore {
                        name: key,
                        n_facts: n,
                        warmth: round3(net / weight),
                        share: round3(weight / total),
                    },
                )
            })
            .collect();

        let sign = index.map_or(0.0, f64::signum);
        let pick = |same: bool| -> Vec<i64> {
            weighted
                .iter()
                .filter(|w| {
                    let s = w.fact.direction.sign();
                    s != 0.0 && ((s == sign) == same || (sign == 0.0 && same))
                })
                .take(self.weights.top_facts)
                .map(|w| w.fact.id)
                .collect()
        };
        let (drivers, counter_evidence) = if sign == 0.0 {
            // Balanced: the strongest facts on each side.
            let side = |d: Direction| -> Vec<i64> {
                weighted
                    .iter()
                    .filter(|w| w.fact.direction == d)
                    .take(self.weights.top_facts)
                    .map(|w| w.fact.id)
                    .collect()
            };
            (side(Direction::TowardRussia), side(Direction::TowardWest))
        } else {
            (pick(true), pick(false))
        };

        let previous = previous.map(|(p, f)| {
            let pw = self.weigh(f, p);
            let (pi, ps) = self.index_and_score(&pw);
            PreviousScore {
                period: p.key(),
                score: ps,
                index: pi.map(round3),
                n_facts: pw.len(),
            }
        });
        let change = match (&previous, index) {
            (Some(PreviousScore { index: Some(p), .. }), Some(i)) => Some(round3(i - p)),
            _ => None,
        };

        CountryScore {
            country: country.to_string(),
            name: name.to_string(),
            period: PeriodInfo::from(period),
            score,
            index: index.map(round3),
            confidence: round3(confidence),
            index_interval,
            n_facts: weighted.len(),
            n_sources: sources.len(),
            categories,
            powers,
            diversification,
            previous,
            change,
            drivers,
            counter_evidence,
        }
    }

    /// balance = breadth · Σ sign·w / (Σ |sign|·w + shrinkage); index = sign(balance)·|balance|^γ;
    /// score = clamp(round(3 + 2·index), 1, 5).
    fn index_and_score(&self, weighted: &[Weighted<'_>]) -> (Option<f64>, Option<u8>) {
        if weighted.is_empty() {
            return (None, None);
        }
        let index = self.index_of(&Channels::of(weighted));
        let score = (3.0 + 2.0 * index).round().clamp(1.0, 5.0) as u8;
        (Some(index), Some(score))
    }

    /// The index from the four channels of directional evidence.
    ///
    /// Breadth: alignment is overwhelming only when a country both cooperates with one side and
    /// breaks with the other. The leading side's evidence comes through two channels —
    /// cooperation with its camp, hostility toward the other camp — and with one channel only
    /// the index is multiplied by `breadth_floor`: Senegal closing French bases without turning
    /// to Russia, or Togo signing with Moscow while keeping Western partners, is a lean, not a 5.
    fn index_of(&self, ch: &Channels) -> f64 {
        let (russia, west) = (ch.russia, ch.west);
        let net = russia[0] + russia[1] - west[0] - west[1];
        let directional = russia[0] + russia[1] + west[0] + west[1];
        if directional > 0.0 {
            let leading = if net >= 0.0 { russia } else { west };
            let (minor, major) = (leading[0].min(leading[1]), leading[0].max(leading[1]));
            // A minor channel of a third of the major one or more counts as full breadth.
            let balance = if major > 0.0 {
                (3.0 * minor / major).min(1.0)
            } else {
                0.0
            };
            let floor = self.weights.breadth_floor;
            let breadth = floor + (1.0 - floor) * balance;
            let balance = breadth * net / (directional + self.weights.shrinkage);
            // Calibration: mixed reporting compresses balances toward 0; the exponent spreads them.
            balance.signum() * balance.abs().powf(self.weights.index_exponent)
        } else {
            0.0
        }
    }

    /// How far the index could move with other sources: a bootstrap over sources.
    ///
    /// The period's sources are drawn [`BOOTSTRAP_DRAWS`] times with replacement (as many
    /// draws as there are sources; a source drawn twice counts twice), the index is recomputed
    /// from each resample's facts with their weights unchanged, and the interval runs from the
    /// 10th to the 90th percentile of those indices. A fixed seed makes it reproducible. One
    /// source gives a zero-width interval: there is nothing to resample, which the confidence
    /// (not the interval) already marks as weak evidence. `None` without facts.
    ///
    /// ```
    /// use orbit_core::Period;
    /// use orbit_score::Scorer;
    /// let scorer = Scorer::load(None).unwrap();
    /// let weighted = scorer.weigh(&[], &Period::all());
    /// assert_eq!(scorer.index_interval(&weighted), None);
    /// ```
    pub fn index_interval(&self, weighted: &[Weighted<'_>]) -> Option<[f64; 2]> {
        if weighted.is_empty() {
            return None;
        }
        let mut by_source: BTreeMap<String, Vec<Weighted<'_>>> = BTreeMap::new();
        for w in weighted {
            by_source.entry(source_key(w.fact)).or_default().push(*w);
        }
        let sources: Vec<Channels> = by_source.values().map(|ws| Channels::of(ws)).collect();
        let mut rng = SplitMix64(BOOTSTRAP_SEED);
        let mut indices: Vec<f64> = (0..BOOTSTRAP_DRAWS)
            .map(|_| {
                let mut sample = Channels::default();
                for _ in 0..sources.len() {
                    sample.add(&sources[rng.below(sources.len())]);
                }
                self.index_of(&sample)
            })
            .collect();
        indices.sort_by(f64::total_cmp);
        Some([
            round3(percentile(&indices, INTERVAL_PERCENTILES[0])),
            round3(percentile(&indices, INTERVAL_PERCENTILES[1])),
        ])
    }
}

/// Resamples in the bootstrap interval of the index.
pub const BOOTSTRAP_DRAWS: usize = 200;
/// The interval's percentiles of the bootstrap indices: an 80% interval.
pub const INTERVAL_PERCENTILES: [f64; 2] = [0.10, 0.90];
/// Any fixed seed makes the interval reproducible; this one is SplitMix64's golden gamma.
const BOOTSTRAP_SEED: u64 = 0x9E37_79B9_7F4A_7C15;

/// The directional evidence split in four channels: toward Russia (cooperation with its
/// camp, hostility toward the West) and toward the West (cooperation, hostility toward
/// Russia), each `[cooperative, hostile]`.
#[derive(Debug, Clone, Copy, Default)]
struct Channels {
    russia: [f64; 2],
    west: [f64; 2],
}

impl Channels {
    fn of(weighted: &[Weighted<'_>]) -> Self {
        let channel = |direction: Direction, stance: Stance| -> f64 {
            weighted
                .iter()
                .filter(|w| w.fact.direction == direction && w.fact.stance == stance)
                .map(|w| w.weight)
                .sum()
        };
        Channels {
            russia: [
                channel(Direction::TowardRussia, Stance::Cooperative),
                channel(Direction::TowardRussia, Stance::Hostile),
            ],
            west: [
                channel(Direction::TowardWest, Stance::Cooperative),
                channel(Direction::TowardWest, Stance::Hostile),
            ],
        }
    }

    fn add(&mut self, other: &Channels) {
        for k in 0..2 {
            self.russia[k] += other.russia[k];
            self.west[k] += other.west[k];
        }
    }
}

/// SplitMix64 (Steele, Lea & Flood 2014): a tiny, well-mixed generator, enough for a
/// bootstrap and the same on every platform.
struct SplitMix64(u64);

impl SplitMix64 {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in `0..n` (Lemire's multiply-shift; the bias is below 2⁻⁵⁰ for any n here).
    fn below(&mut self, n: usize) -> usize {
        ((u128::from(self.next()) * n as u128) >> 64) as usize
    }
}

/// The `p`-quantile of sorted values, interpolating linearly between ranks (R's type 7).
fn percentile(sorted: &[f64], p: f64) -> f64 {
    let h = (sorted.len() - 1) as f64 * p;
    let (lo, hi) = (h.floor() as usize, h.ceil() as usize);
    sorted[lo] + (h - lo as f64) * (sorted[hi] - sorted[lo])
}

/// Facts with syndicated copies removed: the same story about the same country from several
/// articles or outlets — word for word, or lightly edited — is one piece of evidence (the
/// first stored copy is kept; see [`syndication`]).
pub fn distinct_facts(facts: &[Fact]) -> Vec<&Fact> {
    let mut seen = std::collections::HashSet::new();
    let mut sorted: Vec<&Fact> = facts.iter().collect();
    sorted.sort_by_key(|f| f.id);
    let (exact, keys): (Vec<&Fact>, Vec<String>) = sorted
        .into_iter()
        .map(|f| (f, text_key(&f.text)))
        .filter(|(f, key)| seen.insert((f.country.as_str(), key.clone())))
        .unzip();
    let copies = syndication::copies(&exact, &keys);
    exact
        .into_iter()
        .enumerate()
        .filter(|(i, _)| !copies.contains_key(i))
        .map(|(_, f)| f)
        .collect()
}

/// A fact's text reduced to its words, lowercased, so trivial edits don't hide a copy.
pub fn text_key(text: &str) -> String {
    let body = text
        .strip_prefix('[')
        .and_then(|t| t.split_once("] ").map(|(_, rest)| rest))
        .unwrap_or(text);
    body.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join(" ")
}

/// Who published a fact: its source, else its URL, else its own article (an article with no
/// provenance is at least independent of the others).
fn source_key(f: &Fact) -> String {
    f.source
        .clone()
        .or_else(|| f.url.clone())
        .unwrap_or_else(|| format!("article {}", f.article_id))
}

fn round3(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}

#[cfg(test)]
mod tests;
