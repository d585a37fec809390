//! The deterministic writer: one function per section, each built from the score and the
//! facts the [`Plan`] chose. Every quoted fact is its own sentence ending in its marker;
//! every other sentence states a count, a score or a rule, never an unsourced claim.

use std::collections::BTreeMap;

use orbit_core::{Category, Direction, Gazetteer, Period, gazetteer::EntityRef};
use orbit_score::{CountryScore, Scorer};

use crate::citations::Cited;
use crate::evidence::{Home, Plan, is_other_power};
use crate::prose::{
    category_heading, category_name, category_topic, confidence_words, count, date_words,
    direction_words, event_date_opening, event_noun, interval_level, join_and, lean_phrase,
    score_label, score_meaning, signed2,
};
use crate::{Section, WriterInfo, WriterKind};

pub(crate) const OTHER_POWERS: &str = "Other powers";
pub(crate) const OTHER_WAY: &str = "What points the other way";
const CHANGE: &str = "Change since the previous period";

/// What the writer reads.
pub(crate) struct Input<'a, 'p> {
    pub score: &'p CountryScore,
    pub plan: &'p Plan<'a>,
    pub scorer: &'p Scorer,
    pub gazetteer: &'p Gazetteer,
    pub period: &'p Period,
    pub name: &'p str,
    pub writer: &'p WriterInfo,
}

/// Writes every section in order and returns them with the citations they use.
pub(crate) fn write<'a>(input: &Input<'a, '_>) -> (Vec<Section>, Cited<'a>) {
    let mut w = Writer {
        input,
        cited: Cited::default(),
    };
    let mut sections = vec![w.summary()];
    for c in Category::ALL {
        sections.extend(w.category(c));
    }
    sections.extend(w.other_powers());
    sections.extend(w.other_way());
    sections.extend(w.change());
    sections.push(w.method());
    (sections, w.cited)
}

struct Writer<'i, 'a, 'p> {
    input: &'i Input<'a, 'p>,
    cited: Cited<'a>,
}

impl<'a> Writer<'_, 'a, '_> {
    fn plan(&self) -> &Plan<'a> {
        self.input.plan
    }

    fn has_evidence(&self) -> bool {
        self.input.score.index.is_some()
    }

    fn marker(&mut self, i: usize) -> String {
        let fact = self.input.plan.fact(i);
        self.cited.marker(i, fact)
    }

    fn markers(&mut self, idx: &[usize]) -> String {
        idx.iter()
            .map(|&i| self.marker(i))
            .collect::<Vec<_>>()
            .join(", ")
    }

    /// A fact quoted as its own sentence: `On 21 October 2024: <text> [n]`.
    fn quote(&mut self, i: usize) -> String {
        let fact = self.input.plan.fact(i);
        let text = one_line(fact.text.trim());
        let marker = self.marker(i);
        let end = if ends_sentence(&text) { "" } else { "." };
        format!(
            "{}: {text} {marker}{end}",
            event_date_opening(fact.event_date, fact.date_basis)
        )
    }

    /// Quoted facts as a list paragraph.
    fn quote_list(&mut self, idx: &[usize]) -> String {
        idx.iter()
            .map(|&i| format!("- {}", self.quote(i)))
            .collect::<Vec<_>>()
            .join("\n")
    }

    /// A driver named in the summary: `cooperation involving Russia (military, June 2024) [1]`.
    fn driver_phrase(&mut self, i: usize) -> String {
        let fact = self.input.plan.fact(i);
        let mut notes = vec![category_name(fact.category).to_string()];
        notes.push(fact.event_date.map_or("undated".to_string(), date_words));
        if fact.hedged {
            notes.push("unconfirmed".to_string());
        }
        if fact.negated {
            notes.push("denied".to_string());
        }
        format!(
            "{} involving {} ({}) {}",
            event_noun(fact.event_type),
            counterpart_label(self.input.gazetteer, &fact.counterpart),
            notes.join(", "),
            self.marker(i)
        )
    }

    fn summary(&mut self) -> Section {
        let s = self.input.score;
        let name = self.input.name;
        let label = self.input.period.label();
        let mut paragraphs = Vec::new();
        let (Some(score), Some(index)) = (s.score, s.index) else {
            paragraphs.push(format!(
                "No fact about {name} was found for {label}, so orbit gives no score for this \
                 period (Risk Score: n/a). On orbit's 1–5 scale, 5 is overwhelming alignment with \
                 Russia, 1 overwhelming alignment with the US/West and 3 a balance or no clear \
                 side; a score needs evidence, and orbit does not fill the gap with assumptions \
                 about the country's neighbours, its past or its reputation."
            ));
            return section("Summary", paragraphs);
        };
        paragraphs.push(format!(
            "{name} scores {score} on orbit's 1–5 alignment scale ({}), which means {}. On that \
             scale 5 is overwhelming alignment with Russia, 1 overwhelming alignment with the \
             US/West and 3 a balance or no clear side. The index is {} on a range from -1 (fully \
             US/West) to +1 (fully Russia); it rests on {} from {}, with {} confidence ({:.2}).",
            score_label(Some(score)),
            score_meaning(score),
            signed2(index),
            count(s.n_facts, "fact", "facts"),
            count(s.n_sources, "source", "sources"),
            confidence_words(s.confidence),
            s.confidence,
        ));

        let drivers = self.plan().drivers.clone();
        if !drivers.is_empty() {
            let directions: Vec<Direction> = drivers
                .iter()
                .map(|&i| self.plan().fact(i).direction)
                .collect();
            let phrases: Vec<String> = drivers.iter().map(|&i| self.driver_phrase(i)).collect();
            let same = directions.iter().all(|d| *d == directions[0]);
            if index == 0.0 {
                // Evenly balanced: the scorer lists one side as drivers, the other as
                // counter-evidence; say so rather than call either side the driver.
                paragraphs.push(format!(
                    "The evidence is evenly balanced. The strongest facts {} are {}; those {} \
                     are quoted under “{OTHER_WAY}”.",
                    direction_words(directions[0]),
                    join_and(&phrases),
                    direction_words(directions[0].opposite())
                ));
            } else {
                let tail = match (same, phrases.len()) {
                    (true, 1) => format!(", which points {}", direction_words(directions[0])),
                    (true, _) => format!(", all pointing {}", direction_words(directions[0])),
                    (false, _) => String::new(),
                };
                paragraphs.push(format!(
                    "The score is driven above all by {}{tail}.",
                    join_and(&phrases)
                ));
            }
        } else if self
            .plan()
            .all
            .iter()
            .all(|w| w.fact.direction == Direction::Neutral)
        {
            paragraphs.push(format!(
                "{} toward Russia or toward the US/West, so the score stays at the centre of the \
                 scale.",
                none_leans(self.plan().all.len())
            ));
        }

        // Categories that lean the same way share one clause: "military (3 facts) and
        // economic (2 facts) lean toward Russia; diplomatic (1 fact) is balanced".
        let mut groups: Vec<(Option<f64>, Vec<String>)> = Vec::new();
        for c in Category::ALL {
            let Some(cs) = s.categories.get(&c) else {
                continue;
            };
            let item = format!(
                "{} ({})",
                category_name(c),
                count(cs.n_facts, "fact", "facts")
            );
            let same = |other: Option<f64>| match (cs.index, other) {
                (Some(a), Some(b)) => lean_phrase(a, false) == lean_phrase(b, false),
                (None, None) => true,
                _ => false,
            };
            match groups.iter_mut().find(|(lean, _)| same(*lean)) {
                Some((_, items)) => items.push(item),
                None => groups.push((cs.index, vec![item])),
            }
        }
        if !groups.is_empty() {
            let single = groups.len() == 1;
            let clauses: Vec<String> = groups
                .iter()
                .map(|(lean, items)| {
                    let plural = items.len() > 1;
                    let verb = lean.map_or(
                        if plural {
                            "have no lean"
                        } else {
                            "has no lean"
                        },
                        |i| lean_phrase(i, plural),
                    );
                    let all = if single && plural { "all " } else { "" };
                    format!("{} {all}{verb}", join_and(items))
                })
                .collect();
            paragraphs.push(format!("By category, {}.", clauses.join("; ")));
        }

        let powers = self.other_power_groups();
        if !powers.is_empty() {
            let names: Vec<String> = powers
                .iter()
                .map(|(key, _)| counterpart_label(self.input.gazetteer, key).to_string())
                .collect();
            paragraphs.push(format!(
                "Beyond the Russia–West axis, {} {} also present (see “{OTHER_POWERS}”).",
                join_and(&names),
                if names.len() == 1 { "is" } else { "are" }
            ));
        }
        section("Summary", paragraphs)
    }

    /// One category's section: how many facts, which way they lean, the strongest quoted.
    fn category(&mut self, c: Category) -> Option<Section> {
        let all = self.plan().in_category(c);
        if all.is_empty() {
            // A report with evidence keeps every section, so readers find the same headings
            // in every country's report; one without evidence has nothing to break down.
            return self.has_evidence().then(|| {
                section(
                    category_heading(c),
                    vec![format!(
                        "No fact in this period concerns {}.",
                        category_topic(c)
                    )],
                )
            });
        }
        let n = all.len();
        let lean_counts = [
            Direction::TowardRussia,
            Direction::TowardWest,
            Direction::Neutral,
        ]
        .map(|d| {
            all.iter()
                .filter(|&&i| self.plan().fact(i).direction == d)
                .count()
        });
        let topic = category_topic(c);
        let mut first = if n == 1 {
            let d = self.plan().fact(all[0]).direction;
            let how = if d == Direction::Neutral {
                "it is neutral".to_string()
            } else {
                format!("it points {}", direction_words(d))
            };
            format!("1 fact in this period concerns {topic}; {how}.")
        } else {
            let parts: Vec<String> = [
                (lean_counts[0], "toward Russia"),
                (lean_counts[1], "toward the US/West"),
                (lean_counts[2], "neutral"),
            ]
            .iter()
            .filter(|(k, _)| *k > 0)
            .map(|(k, what)| format!("{k} {what}"))
            .collect();
            if parts.len() == 1 {
                let only = lean_counts.iter().position(|&k| k == n).unwrap_or(2);
                let what = [
                    "point toward Russia",
                    "point toward the US/West",
                    "are neutral",
                ][only];
                format!("{n} facts in this period concern {topic}; all {n} {what}.")
            } else {
                format!(
                    "{n} facts in this period concern {topic}: {}.",
                    join_and(&parts)
                )
            }
        };
        if let Some(cs) = self.input.score.categories.get(&c)
            && let Some(ci) = cs.index
        {
            first.push_str(&format!(
                " On balance the category {} (index {}) and carries {:.0}% of the evidence weight.",
                lean_phrase(ci, false),
                signed2(ci),
                cs.share * 100.0
            ));
        }
        let mut paragraphs = vec![first];

        let own = self.plan().quoted_in(Home::Category(c));
        if !own.is_empty() {
            paragraphs.push(self.quote_list(&own));
        }
        let elsewhere = |home: Home| -> Vec<usize> {
            all.iter()
                .copied()
                .filter(|i| self.plan().quoted.contains(i) && self.plan().home(*i) == home)
                .collect()
        };
        let counter = elsewhere(Home::Counter);
        let others = elsewhere(Home::OtherPowers);
        let mut notes = Vec::new();
        if !counter.is_empty() {
            let k = counter.len();
            notes.push(format!(
                "{} the other way and {} quoted under “{OTHER_WAY}” {}.",
                count(k, "fact points", "facts point"),
                if k == 1 { "is" } else { "are" },
                self.markers(&counter)
            ));
        }
        if !others.is_empty() {
            let k = others.len();
            notes.push(format!(
                "{} other powers and {} quoted under “{OTHER_POWERS}” {}.",
                count(k, "fact involves", "facts involve"),
                if k == 1 { "is" } else { "are" },
                self.markers(&others)
            ));
        }
        let rest = n - own.len() - counter.len() - others.len();
        if rest > 0 {
            notes.push(not_quoted(rest));
        }
        if !notes.is_empty() {
            paragraphs.push(notes.join(" "));
        }
        Some(section(category_heading(c), paragraphs))
    }

    /// Counterparts outside the Russia–West axis, strongest first, with their fact indices.
    fn other_power_groups(&self) -> Vec<(String, Vec<usize>)> {
        let mut groups: Vec<(String, Vec<usize>)> = Vec::new();
        for (i, w) in self.plan().all.iter().enumerate() {
            if !is_other_power(w.fact) {
                continue;
            }
            let key = w.fact.counterpart.to_uppercase();
            match groups.iter_mut().find(|(k, _)| *k == key) {
                Some((_, idx)) => idx.push(i),
                None => groups.push((key, vec![i])),
            }
        }
        groups
    }

    fn other_powers(&mut self) -> Option<Section> {
        let groups = self.other_power_groups();
        if groups.is_empty() {
            return self.has_evidence().then(|| {
                section(
                    OTHER_POWERS,
                    vec![format!(
                        "No fact in this period shows {} dealing with a power beyond the \
                         Russia–West axis (China, Turkey, the Gulf states, Iran or others).",
                        self.input.name
                    )],
                )
            });
        }
        let powers: BTreeMap<String, f64> = self
            .input
            .score
            .powers
            .iter()
            .map(|(k, p)| (k.to_uppercase(), p.warmth))
            .collect();
        let described: Vec<String> = groups
            .iter()
            .map(|(key, idx)| {
                let mut about = count(idx.len(), "fact", "facts");
                if let Some(&warmth) = powers.get(key) {
                    about.push_str(", ");
                    about.push_str(warmth_words(warmth));
                }
                format!("{} ({about})", counterpart_label(self.input.gazetteer, key))
            })
            .collect();
        let mut first = format!(
            "Beyond the Russia–West axis, {}'s facts in this period involve {}.",
            self.input.name,
            join_and(&described)
        );
        let all_neutral = groups
            .iter()
            .flat_map(|(_, idx)| idx)
            .all(|&i| self.plan().fact(i).direction == Direction::Neutral);
        if all_neutral {
            first.push_str(
                " These relations do not move the Russia–West index; they show who else is present.",
            );
        }
        let mut paragraphs = vec![first];
        let quoted: Vec<usize> = groups
            .iter()
            .flat_map(|(_, idx)| idx.iter().copied())
            .filter(|&i| {
                self.plan().quoted.contains(&i) && self.plan().home(i) == Home::OtherPowers
            })
            .collect();
        if !quoted.is_empty() {
            paragraphs.push(self.quote_list(&quoted));
        }
        let total: usize = groups.iter().map(|(_, idx)| idx.len()).sum();
        let elsewhere = groups
            .iter()
            .flat_map(|(_, idx)| idx)
            .filter(|&&i| {
                self.plan().quoted.contains(&i) && self.plan().home(i) != Home::OtherPowers
            })
            .count();
        let rest = total - quoted.len() - elsewhere;
        if rest > 0 {
            paragraphs.push(not_quoted(rest));
        }
        Some(section(OTHER_POWERS, paragraphs))
    }

    fn other_way(&mut self) -> Option<Section> {
        let s = self.input.score;
        let index = s.index?;
        let n = self.plan().all.len();
        let counter = self.plan().counter.clone();
        let lean = if index > 0.0 {
            Some(Direction::TowardRussia)
        } else if index < 0.0 {
            Some(Direction::TowardWest)
        } else {
            None
        };
        let Some(&strongest) = counter.first() else {
            let side = match lean {
                Some(Direction::TowardRussia) => "toward the US/West",
                Some(_) => "toward Russia",
                None => "toward either side",
            };
            let why = format!("{} {side}", none_leans(n).to_lowercase());
            return Some(section(
                OTHER_WAY,
                vec![format!(
                    "No fact in the period points the other way: {why}."
                )],
            ));
        };
        let against = self.plan().fact(strongest).direction;
        let total = self
            .plan()
            .all
            .iter()
            .filter(|w| w.fact.direction == against)
            .count();
        let first = match lean {
            Some(main) => format!(
                "Against the overall lean {}, {total} of the {n} facts {} {}; {} outweighed by \
                 the evidence {}.",
                direction_words(main),
                if total == 1 { "points" } else { "point" },
                direction_words(against),
                if total == 1 { "it is" } else { "they are" },
                direction_words(main)
            ),
            None => format!(
                "The evidence is evenly balanced: {total} of the {n} facts {} {}, and as much \
                 weight points the other way.",
                if total == 1 { "points" } else { "point" },
                direction_words(against)
            ),
        };
        let mut paragraphs = vec![first, self.quote_list(&counter)];
        if total > counter.len() {
            paragraphs.push(not_quoted(total - counter.len()));
        }
        Some(section(OTHER_WAY, paragraphs))
    }

    fn change(&mut self) -> Option<Section> {
        let s = self.input.score;
        let Some(prev) = s.previous.as_ref() else {
            let period = self.input.period;
            let covers = if period.from.is_none() && period.to.is_none() {
                "all dates".to_string()
            } else {
                period.label()
            };
            return self.has_evidence().then(|| {
                section(
                    CHANGE,
                    vec![format!(
                        "This report covers {covers}, so there is no previous period of the \
                         same length to compare it with; a month, quarter or year is compared \
                         with the one before."
                    )],
                )
            });
        };
        let name = self.input.name;
        let label = Period::parse(&prev.period)
            .map(|p| p.label())
            .unwrap_or_else(|_| prev.period.clone());
        let text = match (prev.score, prev.index, s.score, s.index) {
            (Some(ps), Some(pi), Some(cs), Some(ci)) => {
                let change = s.change.unwrap_or(ci - pi);
                let moved = if signed2(change) == "+0.00" {
                    "is essentially unchanged".to_string()
                } else if change > 0.0 {
                    format!("has moved {:.2} toward Russia", change.abs())
                } else {
                    format!("has moved {:.2} toward the US/West", change.abs())
                };
                let score_move = match cs.cmp(&ps) {
                    std::cmp::Ordering::Greater => format!("the score rose from {ps} to {cs}"),
                    std::cmp::Ordering::Less => format!("the score fell from {ps} to {cs}"),
                    std::cmp::Ordering::Equal => format!("the score stays at {cs}"),
                };
                format!(
                    "In the previous period ({label}) {name} scored {ps} (index {}, {}). The \
                     index {moved} (change {}), and {score_move}.",
                    signed2(pi),
                    count(prev.n_facts, "fact", "facts"),
                    signed2(change)
                )
            }
            (Some(ps), Some(pi), _, _) => format!(
                "In the previous period ({label}) {name} scored {ps} (index {}, {}); with no \
                 evidence in this period, no change can be measured.",
                signed2(pi),
                count(prev.n_facts, "fact", "facts")
            ),
            _ => format!(
                "In the previous period ({label}) there was no evidence about {name}, so no \
                 change can be measured."
            ),
        };
        Some(section(CHANGE, vec![text]))
    }

    fn method(&mut self) -> Section {
        let s = self.input.score;
        let name = self.input.name;
        let period = self.input.period;
        let span = period_span(period);
        let weights = self.input.scorer.weights();
        let mut paragraphs = Vec::new();
        let scope = if period.from.is_none() && period.to.is_none() {
            "across all periods".to_string()
        } else {
            format!("dated in {} ({span})", period.label())
        };
        if s.score.is_none() {
            paragraphs.push(format!(
                "No fact about {name} was found {scope}. Without evidence there is no score, \
                 index or confidence."
            ));
        } else {
            let distinct = self.plan().all.len();
            let cited = self.plan().quoted.len();
            let mut first = format!(
                "This analysis rests on {} about {name} {scope}, from {}.",
                count(s.n_facts, "distinct fact", "distinct facts"),
                count(s.n_sources, "source", "sources"),
            );
            first.push(' ');
            first.push_str(&match (cited, distinct - cited.min(distinct)) {
                (0, _) => "None of them can be quoted here.".to_string(),
                (1, 0) => "It is cited.".to_string(),
                (_, 0) => "All of them are cited.".to_string(),
                (k, rest) => format!(
                    "{} cited; the other {rest} {} in the score but not quoted.",
                    if k == 1 {
                        "The strongest is".to_string()
                    } else {
                        format!("The {k} strongest are")
                    },
                    if rest == 1 { "counts" } else { "count" }
                ),
            });
            first.push_str(&format!(
                " Confidence is {:.2} ({}) on a 0–1 scale; it grows with the amount of \
                 independent evidence, the number of sources and how far the facts agree.",
                s.confidence,
                confidence_words(s.confidence)
            ));
            if let Some(interval) = s.index_interval {
                first.push(' ');
                first.push_str(&interval_sentence(interval, s.n_sources));
            }
            paragraphs.push(first);
        }
        paragraphs.push(provenance(name, self.input.writer));
        let category_weights: Vec<String> = Category::ALL
            .iter()
            .map(|c| {
                let w = weights.category.get(c).copied().unwrap_or(1.0);
                format!("{} ×{w:.1}", category_name(*c))
            })
            .collect();
        paragraphs.push(format!(
            "Each fact weighs by its substance (a rupture or a material act such as troops, arms \
             or mining rights counts more than a visit; what may happen, or is denied, counts \
             less than what happened), by category ({}) and by recency within the period; \
             further facts from the same outlet are damped and syndicated copies count once. \
             The index is the weighted balance of facts toward Russia (+) against facts toward \
             the US/West (-), pulled toward 0 by a fixed pseudo-weight of {} so that thin \
             evidence cannot give an extreme score; the Risk Score is clamp(round(3 + 2 × \
             index), 1, 5).",
            join_and(&category_weights),
            trim_float(weights.shrinkage)
        ));
        section("Method and evidence", paragraphs)
    }
}

/// What the index's bootstrap interval says, in one sentence.
fn interval_sentence([lo, hi]: [f64; 2], n_sources: usize) -> String {
    let level = interval_level();
    if n_sources <= 1 {
        format!(
            "The index's {level}% interval is {} to {}: with a single source, a bootstrap over \
             sources has nothing to resample, so it cannot show how other outlets would change \
             the picture.",
            signed2(lo),
            signed2(hi)
        )
    } else {
        format!(
            "The index's {level}% interval runs from {} to {}: recomputed on {} resamples of \
             the {n_sources} sources (drawn with replacement), the index falls in that range \
             in {level}% of them, which shows how much it depends on which outlets reported.",
            signed2(lo),
            signed2(hi),
            orbit_score::BOOTSTRAP_DRAWS
        )
    }
}

/// Where the score and the text come from. With the LLM writer the narrative sections are
/// the model's (checked by orbit); the score, this section and the citations stay orbit's.
pub(crate) fn provenance(name: &str, writer: &WriterInfo) -> String {
    let facts = format!(
        "The score comes only from the cited evidence and the facts counted with it: each \
         fact is a sentence quoted from a news or analysis article, counted for {name} only \
         when the sentence names it, and dated by the date the sentence names, else by its \
         article's date."
    );
    match writer.used {
        WriterKind::Deterministic => format!(
            "{facts} No other input, opinion or language model enters the score or this text, \
             which orbit writes deterministically from the facts."
        ),
        WriterKind::Llm => format!(
            "{facts} No other input, opinion or language model enters the score. The narrative \
             sections above were written by a language model ({}) from the cited facts alone; \
             orbit checked that every sentence cites at least one of them, all about {name}, \
             and wrote the score, the change since the previous period, this section and the \
             citation list itself.",
            writer.model.as_deref().unwrap_or("unnamed model")
        ),
    }
}

fn section(heading: &str, paragraphs: Vec<String>) -> Section {
    Section {
        heading: heading.to_string(),
        text: paragraphs.join("\n\n"),
    }
}

fn not_quoted(k: usize) -> String {
    format!(
        "{} counted in the score but not quoted.",
        count(k, "more fact is", "more facts are")
    )
}

/// How a counterpart is named in prose: a power by its name, an organisation by its
/// acronym when its full name is long ("ECOWAS", not "Economic Community of West African
/// States"), anything unknown by its key.
pub(crate) fn counterpart_label<'g>(gazetteer: &'g Gazetteer, key: &'g str) -> &'g str {
    let name = gazetteer.counterpart_name(key);
    let is_org = matches!(gazetteer.counterpart(key), Some(EntityRef::Organisation(_)));
    if is_org && name.len() > 30 && key.len() <= 7 && key.chars().all(|c| c.is_ascii_uppercase()) {
        key
    } else {
        name
    }
}

/// `None of the 4 facts leans`, or `The only fact does not lean` for one.
fn none_leans(n: usize) -> String {
    if n == 1 {
        "The only fact does not lean".to_string()
    } else {
        format!("None of the {n} facts leans")
    }
}

fn warmth_words(warmth: f64) -> &'static str {
    if warmth >= 0.34 {
        "cooperative"
    } else if warmth <= -0.34 {
        "hostile"
    } else {
        "mixed"
    }
}

/// `2024-06-01 to 2024-06-30`, `since 2024-03-01`, `all dates`.
pub(crate) fn period_span(period: &Period) -> String {
    match (period.from, period.to) {
        (Some(f), Some(t)) => format!("{f} to {t}"),
        (Some(f), None) => format!("since {f}"),
        (None, Some(t)) => format!("until {t}"),
        (None, None) => "all dates".to_string(),
    }
}

fn trim_float(x: f64) -> String {
    let s = format!("{x:.2}");
    s.trim_end_matches('0').trim_end_matches('.').to_string()
}

/// Newlines inside a quote would break the paragraph and list structure of the text.
fn one_line(text: &str) -> String {
    if text.contains(['\n', '\r']) {
        text.split(['\n', '\r'])
            .filter(|l| !l.trim().is_empty())
            .map(str::trim)
            .collect::<Vec<_>>()
            .join(" ")
    } else {
        text.to_string()
    }
}

fn ends_sentence(text: &str) -> bool {
    text.ends_with(['.', '!', '?', '…', '"', '”', '’', '\'', ')', '»'])
}
