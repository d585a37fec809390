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

use std::borrow::Cow;
use std::collections::HashSet;

use orbit_core::gazetteer::{AliasKind, EntityRef};
use orbit_core::lexicon::EventCue;
use orbit_core::{
    Actor, Category, DateBasis, DateMention, Direction, Document, EventType, Fact, FuzzyDate,
    Knowledge, MAX_FACT_CHARS, Stance, find_dates, fold, fold_key,
};

use attribute::{Clause, Roles};
use matcher::{AsideMatcher, ContextPhrase, CueClass, CueHit, CueMatcher, EntityMatcher, Mention};

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
    asides: AsideMatcher,
}

/// What the previous sentences of the paragraph established, for pronouns and dates.
#[derive(Debug, Default)]
struct ParagraphContext {
    paragraph: usize,
    /// Countries the latest sentence naming any country was about.
    countries: Vec<usize>,
    /// Powers named in the previous sentence, with how they were named.
    powers: Vec<(EntityRef, AliasKind)>,
    /// How often the article has named each power so far, kept across paragraph breaks: "the
    /// two leaders" are the country and the power the story is about, not the one a quote named
    /// last.
    named_powers: Vec<(EntityRef, usize)>,
    /// Countries named in the previous sentence, kept across a paragraph break: "the two
    /// countries" are that sentence's one country and one power.
    last_countries: Vec<usize>,
    /// The latest date a sentence of this paragraph named.
    date: Option<FuzzyDate>,
    /// Whether the sentence answers an interviewer's question: the paragraph before is one
    /// question.
    answering: bool,
    /// Whether the sentence is an entry of a chronology ("July 2021: Rwanda deploys ...").
    dated_entry: bool,
}

/// An article's text as the sentence loop leaves it, for rules across sentences.
struct Told<'a> {
    text: &'a str,
    sentences: &'a [segment::Sentence],
    /// The countries each sentence is about (indices into the gazetteer).
    parties_of: &'a [Vec<usize>],
    mentions: &'a [Mention],
}

/// The countries an article is about (ISO2, sorted), and from where in its text they are
/// known: 0 when the title names them (so the text's first sentence may already refer back to
/// them), else the offset of their first mention.
#[derive(Debug, Default)]
struct Focus {
    countries: Vec<String>,
    named_from: usize,
    /// Countries the article names in one sentence only (ISO2, sorted).
    named_once: Vec<String>,
}

impl Focus {
    fn contains(&self, iso2: &String) -> bool {
        self.countries.contains(iso2)
    }

    /// Whether the article names `iso2` in passing: outside its focus, in one sentence only
    /// ("an analyst based in Dakar", "like Mali before it", "the copper belts of Zambia").
    fn in_passing(&self, iso2: &String) -> bool {
        self.excludes(iso2) && self.named_once.contains(iso2)
    }

    /// Whether the article has a focus and `iso2` is outside it.
    fn excludes(&self, iso2: &String) -> bool {
        !self.is_empty() && !self.contains(iso2)
    }

    fn is_empty(&self) -> bool {
        self.countries.is_empty()
    }
}

impl Extractor {
    pub fn new(knowledge: &Knowledge) -> Result<Self, ExtractError> {
        Ok(Extractor {
            entities: EntityMatcher::new(&knowledge.gazetteer)?,
            cues: CueMatcher::new(&knowledge.lexicon)?,
            asides: AsideMatcher::new(&knowledge.lexicon.asides)?,
            knowledge: knowledge.clone(),
        })
    }

    /// The knowledge this extractor was built from.
    pub fn knowledge(&self) -> &Knowledge {
        &self.knowledge
    }

    /// Every fact the document states, in text order.
    pub fn extract(&self, doc: &Document) -> Vec<Fact> {
        let analysed = with_latin_commas(&doc.text);
        let text = analysed.as_ref();
        let folded = fold(text);
        let mentions = self.entities.find_with_surnames(text, &folded);
        let cues = self.cues.find(&folded);
        let lang = doc.lang.as_deref().unwrap_or("en");
        let mut ctx = ParagraphContext::default();
        let mut seen = HashSet::new();
        let mut facts = Vec::new();
        // The index of the sentence each fact comes from, and the countries each sentence is
        // about, for rules across sentences.
        let mut sentence_of = Vec::new();
        let mut parties_of = Vec::new();
        let sentences = segment::sentences(text, lang);
        let focus = self.focus(doc, &mentions, &sentences);
        // The paragraph of the latest interviewer's question: a paragraph of one question,
        // answered in the next. A question in a paragraph of other sentences is an author's
        // ("une question revient : le pouvoir va-t-il se tourner vers Moscou ? Les signaux se
        // multiplient").
        let mut asked_in: Option<usize> = None;
        for (index, sentence) in sentences.iter().enumerate() {
            if sentence.paragraph != ctx.paragraph {
                ctx = ParagraphContext {
                    paragraph: sentence.paragraph,
                    named_powers: std::mem::take(&mut ctx.named_powers),
                    last_countries: std::mem::take(&mut ctx.last_countries),
                    ..Default::default()
                };
            }
            let alone = (index == 0 || sentences[index - 1].paragraph != sentence.paragraph)
                && sentences
                    .get(index + 1)
                    .is_none_or(|next| next.paragraph != sentence.paragraph);
            if alone && text[sentence.start..sentence.end].trim_end().ends_with('?') {
                asked_in = Some(sentence.paragraph);
            }
            ctx.answering = asked_in.is_some_and(|p| sentence.paragraph == p + 1);
            ctx.dated_entry = is_dated_entry(&text[sentence.start..sentence.end]);
            let mut sentence_countries = Vec::new();
            let mut sentence_powers = Vec::new();
            let mut sentence_date = None;
            for (start, end) in attribute::clauses(text, sentence.start, sentence.end) {
                // A date without a year ("on August 15") takes the article's year, else the year
                // the paragraph is about.
                let dates = find_dates(&text[start..end], doc.published.or(ctx.date));
                // "On May 15" names a month, not a possibility: cues inside dates don't count.
                let clause_cues = within(&cues, start, end, |c| c.start)
                    .into_iter()
                    .filter(|c| {
                        !dates
                            .iter()
                            .any(|d| c.start < start + d.end && start + d.start < c.end)
                    })
                    .collect();
                let clause = Clause {
                    text,
                    start,
                    end,
                    // A name the sentence splitter cut through ("... the U.S." | "Army ...")
                    // belongs to neither part.
                    mentions: within(&mentions, start, end, |m| m.start)
                        .into_iter()
                        .filter(|m| m.end <= end)
                        .collect(),
                    cues: clause_cues,
                    asides: &self.asides,
                    aside_scan: Default::default(),
                };
                let events = &self.knowledge.lexicon.events;
                // An event that needs a topic is no event in a clause without one: "thousands
                // of people had left from Mauritanian shores" is no withdrawal.
                let is_type = |c: &CueHit, types: &[EventType]| match c.class {
                    CueClass::Event(i) => {
                        types.contains(&events[i].event_type)
                            && self.has_required_topic(&clause, &events[i])
                    }
                    _ => false,
                };
                let mut roles = attribute::roles(
                    &clause,
                    |c| is_type(c, &[EventType::Retreat, EventType::Coerce]),
                    |c| is_type(c, &[EventType::Mobilize]),
                    &self.knowledge.lexicon,
                );
                // Countries named only in demoted roles ("a bloc made up of Madagascar,
                // Mauritius, the Comoros..."), or in a long list ("free grain for six African
                // countries, including Burkina Faso, Mali, Somalia..."): when the article's own
                // country is among them, the clause is about it, and the others are the company
                // it keeps.
                let g = &self.knowledge.gazetteer;
                let in_focus = |c: &usize| focus.contains(&g.countries[*c].iso2);
                if roles.demoted_only {
                    let own: Vec<usize> =
                        roles.countries.iter().copied().filter(in_focus).collect();
                    if !own.is_empty() {
                        roles.countries = own;
                    } else if (roles.aside_only || roles.speakers_places_only) && !focus.is_empty()
                    {
                        // Named only in an aside of a story about another country, or as where
                        // its commentator speaks from: detail, not the news.
                        roles.countries.clear();
                    }
                }
                for list in attribute::country_lists(&clause, COMPANY_LIST) {
                    if list.iter().any(in_focus) {
                        roles.countries.retain(|c| in_focus(c) || !list.contains(c));
                    }
                }
                if !focus.is_empty() {
                    for list in attribute::country_lists(&clause, RECAP_LIST) {
                        if !list.iter().any(in_focus) {
                            roles.countries.retain(|c| !list.contains(c));
                        }
                    }
                }
                sentence_countries.extend(roles.countries.iter().copied());
                sentence_powers.extend(
                    clause
                        .mentions
                        .iter()
                        .filter(|m| !matches!(m.entity, EntityRef::Country(_)))
                        .map(|m| (m.entity, m.kind)),
                );
                let own_date = most_precise(&dates);
                sentence_date = sentence_date.or(own_date);
                let date = match (own_date, ctx.date, doc.published) {
                    (Some(d), _, _) => Some((d, DateBasis::Sentence)),
                    (None, Some(d), _) => Some((d, DateBasis::Paragraph)),
                    (None, None, Some(d)) => Some((d, DateBasis::Published)),
                    (None, None, None) => None,
                };
                for fact in self.facts_of_clause(doc, &clause, &roles, &ctx, &focus, date) {
                    // A country the article is not about, in a sentence that recalls the past or
                    // compares ("Mali, Burkina Faso and Niger had already cut ties with France" in
                    // a story on Togo; "Comme au Mali, ..."), is background: it would be
                    // misdated to the article's day. Leave it to that country's own coverage.
                    let outside = focus.excludes(&fact.country);
                    let background = outside
                        && (clause.has(CueClass::Retrospective)
                            || clause.has(CueClass::Comparison));
                    if !background && seen.insert((fact.country.clone(), fact.text.clone())) {
                        facts.push(fact);
                        sentence_of.push(index);
                    }
                }
            }
            sentence_countries.sort_unstable();
            sentence_countries.dedup();
            parties_of.push(sentence_countries.clone());
            ctx.last_countries = sentence_countries.clone();
            if !sentence_countries.is_empty() {
                ctx.countries = sentence_countries;
            }
            for (power, _) in &sentence_powers {
                match ctx.named_powers.iter_mut().find(|(p, _)| p == power) {
                    Some((_, n)) => *n += 1,
                    None => ctx.named_powers.push((*power, 1)),
                }
            }
            ctx.powers = sentence_powers;
            if sentence_date.is_some() {
                ctx.date = sentence_date;
            }
        }
        let told = Told {
            text,
            sentences: &sentences,
            parties_of: &parties_of,
            mentions: &mentions,
        };
        self.without_handed_over_retreats(facts, &sentence_of, &told)
    }

    /// The countries the article is about: those its title names, else those its first
    /// paragraph naming any country names. Empty when neither names one.
    fn focus(
        &self,
        doc: &Document,
        mentions: &[Mention],
        sentences: &[segment::Sentence],
    ) -> Focus {
        let g = &self.knowledge.gazetteer;
        let iso = |m: &Mention| match m.entity {
            EntityRef::Country(c) => Some(g.countries[c].iso2.clone()),
            _ => None,
        };
        let mut focus: Vec<String> = doc
            .title
            .as_deref()
            .map(|t| {
                self.entities
                    .find(t, &fold(t))
                    .iter()
                    .filter_map(iso)
                    .collect()
            })
            .unwrap_or_default();
        let mut named_from = 0;
        if focus.is_empty() {
            for paragraph in sentences.chunk_by(|a, b| a.paragraph == b.paragraph) {
                let (start, end) = (paragraph[0].start, paragraph[paragraph.len() - 1].end);
                let named = within(mentions, start, end, |m| m.start);
                focus = named.iter().filter_map(iso).collect();
                if let Some(first) = named
                    .iter()
                    .find(|m| matches!(m.entity, EntityRef::Country(_)))
                {
                    named_from = first.start;
                    // A lead naming several countries ("US aid for Ghana, Benin, Côte d'Ivoire,
                    // Guinea and Togo"): the article is about those it comes back to.
                    let named_again: Vec<String> = mentions
                        .iter()
                        .filter(|m| m.start >= end)
                        .filter_map(iso)
                        .filter(|c| focus.contains(c))
                        .collect();
                    if !named_again.is_empty() {
                        focus = named_again;
                    }
                    break;
                }
            }
        }
        focus.sort();
        focus.dedup();
        let mut sentences_naming: Vec<(String, usize)> = mentions
            .iter()
            .filter_map(|m| {
                let sentence = sentences
                    .iter()
                    .position(|s| s.start <= m.start && m.start < s.end)?;
                Some((iso(m)?, sentence))
            })
            .collect();
        sentences_naming.sort();
        sentences_naming.dedup();
        let mut named_once: Vec<String> = Vec::new();
        for group in sentences_naming.chunk_by(|a, b| a.0 == b.0) {
            if let [(iso2, _)] = group {
                named_once.push(iso2.clone());
            }
        }
        Focus {
            countries: focus,
            named_from,
            named_once,
        }
    }

    fn facts_of_clause(
        &self,
        doc: &Document,
        clause: &Clause<'_>,
        roles: &Roles,
        ctx: &ParagraphContext,
        focus: &Focus,
        event_date: Option<(FuzzyDate, DateBasis)>,
    ) -> Vec<Fact> {
        let g = &self.knowledge.gazetteer;
        let lex = &self.knowledge.lexicon;
        if is_heading(&clause.text[clause.start..clause.end]) {
            return Vec::new();
        }

        // Which countries: those the clause names, else the paragraph's one country through
        // "the country" / "la junte" ("[Mali] The country's minister of economy revealed...").
        // "The two countries" / "les deux pays" are the article's one country and a power (or,
        // with no country in focus, the one the sentence before or the paragraph named); not
        // when the article is about two countries, nor when the clause names two itself
        // ("Senegal surrounds the Gambia, and relations between the two countries...").
        // The article's one country, when it is about one.
        let focus_country = match focus.countries.as_slice() {
            [only] => g.countries.iter().position(|c| &c.iso2 == only),
            _ => None,
        };
        let pair_country = clause
            .has(CueClass::Context(ContextPhrase::BothSides))
            .then_some(match focus.countries.as_slice() {
                [_] => focus_country,
                [] => match (ctx.last_countries.as_slice(), ctx.countries.as_slice()) {
                    ([c], _) | (_, [c]) => Some(*c),
                    _ => None,
                },
                _ => None,
            })
            .flatten();
        // "Les deux pays sont convenus de mener des projets au profit de la Mauritanie": the
        // two parties referred back act; a country named after them is the beneficiary.
        let pair_acts = pair_country.is_some() && attribute::both_sides_open(clause);
        let pair_country = pair_country.filter(|_| pair_acts || roles.countries.len() <= 1);
        let (countries, country_prefix): (Vec<usize>, Option<&str>) =
            if !roles.countries.is_empty() && !pair_acts {
                (roles.countries.clone(), None)
            } else if let Some(c) = pair_country {
                (vec![c], Some(g.countries[c].name.as_str()))
            } else if ctx.answering
                && clause.has(CueClass::FirstPerson)
                && let Some(c) = focus_country
            {
                // "We" in an answer is the interviewee's side: the country the interview is
                // about ("Who is helping? The European Union trained our units").
                (vec![c], Some(g.countries[c].name.as_str()))
            } else if attribute::refers_back(clause, roles) && ctx.countries.len() == 1 {
                (
                    ctx.countries.clone(),
                    Some(g.countries[ctx.countries[0]].name.as_str()),
                )
            } else if (attribute::refers_back(clause, roles) || ctx.answering || ctx.dated_entry)
                && ctx.countries.is_empty()
                && focus.named_from <= clause.start
                && let Some(c) = focus_country
            {
                // A paragraph that names no country: "the country" is the one the article is about,
                // once the article has named it (a country named only near the end of a story on
                // Delhi's air is not what "the country" meant earlier on). So is the country of
                // an interview's answer ("Who is helping? The United States has been a steady
                // partner") and of a chronology's entry ("July 2021: Rwanda deploys troops").
                (vec![c], Some(g.countries[c].name.as_str()))
            } else {
                return Vec::new();
            };

        // A question asks whether something is so: "To what extent is a severance possible?"
        let question = clause.text[clause.start..clause.end]
            .trim_end()
            .ends_with('?');
        let topic = clause
            .cues
            .iter()
            .filter_map(|c| match c.class {
                CueClass::Topic(t) => Some(t),
                _ => None,
            })
            .min();
        // The article's own words: the analysed text differs in its commas only.
        let body = doc.text[clause.start..clause.end].trim();
        let is_forces = |c: &CueHit| matches!(c.class, CueClass::Topic(t) if lex.topics[t].category == Category::Military);

        let mut facts = Vec::new();
        for c in countries {
            // A departure *from* this country is its event; departures from others are not. One
            // told as the news's context gives way to the news ("Cinq mois après avoir demandé
            // aux militaires américains de quitter N'Djamena, le Tchad a signé un protocole").
            let own = roles
                .departures
                .iter()
                .find(|(dc, _)| *dc == c)
                .map(|(_, cue)| *cue)
                .filter(|cue| !attribute::is_context_at(clause, cue.start));
            let mut others: Vec<CueHit> = roles
                .departures
                .iter()
                .filter(|(dc, _)| *dc != c)
                .map(|(_, cue)| *cue)
                .collect();
            let chosen = match own {
                Some(cue) => match cue.class {
                    CueClass::Event(i) => Some((i, cue)),
                    _ => None,
                },
                // A hostile event aimed at another African country is theirs to dispute: the
                // clause's next event is this country's ("Senegal and Togo remain partners of
                // Western countries while refusing to break with Bamako").
                // With no power in that part of the clause at all, the part is the dispute and
                // there is no fact for this country ("Benin accused Niger's junta of blocking
                // exports, while Niamey turned to Moscow").
                None => loop {
                    match self.main_event(clause, &others) {
                        Some((i, cue))
                            if aimed_at_another_country(clause, cue, &lex.events[i], c) =>
                        {
                            if !names_power_in_part(clause, cue.start, clause.start) {
                                break None;
                            }
                            others.push(cue);
                        }
                        Some((i, cue))
                            if self.is_someone_elses_act(clause, i, cue, c)
                                || attribute::acts_in_later_contrast(clause, cue, c)
                                || own_forces_leave(clause, cue, &lex.events[i], c, &is_forces) =>
                        {
                            others.push(cue);
                        }
                        found => break found,
                    }
                },
            };
            let Some((event_idx, cue)) = chosen else {
                continue;
            };
            let negated = is_negated(clause, cue);
            // Cooperation with armed groups ("French troops train terrorists", "arming the
            // rebels") is an accusation against the power, not cooperation with the country.
            let event = match self.accusation_of_backing_armed_groups(clause, c) {
                Some(accuse) => &lex.events[accuse],
                None => &lex.events[event_idx],
            };

            // Which power: the one named nearest the event, else the previous sentence's only
            // power when this one opens with a pronoun ("They also support other putschists...").
            // An opening possessive ("Its departure...") names the event's owner itself.
            let named_here = |p: EntityRef| clause.mentions.iter().any(|m| m.entity == p);
            let (counterpart, power_prefix) =
                match attribute::possessive_owner(clause, cue, &ctx.powers) {
                    Some(p) if named_here(p) => (p, None),
                    Some(p) => (p, Some(g.name_of(p))),
                    None => match attribute::counterpart(clause, cue, g, lex, is_forces)
                        // "Both sides agreed", the clause's powers all in an aside: the pair's
                        // power, not the aside's ("Ethiopia's government, which had warmed to
                        // Russia during the war, said both sides had agreed to restore
                        // cooperation", after Blinken's visit).
                        .filter(|p| pair_country != Some(c) || !only_in_an_aside(clause, *p, cue))
                    {
                        Some(p) => (p, None),
                        None => match self.inherited_power(clause, ctx, pair_country == Some(c)) {
                            Some(p) => (p, Some(g.name_of(p))),
                            None => continue,
                        },
                    },
                };
            // A power named only in an aside about other countries is theirs: "Nigeria is the
            // West's main partner in a region where the juntas of Niger and Mali have turned to
            // Moscow" is no tie of Nigeria's with Moscow.
            if power_prefix.is_none() && in_other_countries_aside(clause, counterpart, c) {
                continue;
            }
            // Another power's hostile act aimed at the counterpart ("le calendrier est tenu
            // malgré les sanctions occidentales visant la Russie") is between the two powers,
            // unless the country joins it or refuses to.
            let aimed_at_counterpart = clause.mentions.iter().any(|t| {
                t.entity == counterpart
                    && t.start >= cue.end
                    && attribute::is_target_after(clause, cue.end, t.start, &lex.against)
            });
            let anothers_act = event.stance == Stance::Hostile
                && aimed_at_counterpart
                && clause.mentions.iter().any(|m| {
                    !matches!(m.entity, EntityRef::Country(_))
                        && m.entity != counterpart
                        && attribute::authors_the_act(clause, m.entity, cue, &lex.measures)
                });
            if anothers_act
                && joined_at(clause, &cue).is_none()
                && self.refused(clause, cue, event, counterpart).is_none()
            {
                continue;
            }
            // Named only through a surname resolved earlier ("Traore said..."): write the country out.
            let only_inferred = !clause
                .mentions
                .iter()
                .any(|m| m.entity == EntityRef::Country(c) && !m.inferred);
            let country_prefix =
                country_prefix.or(only_inferred.then(|| g.countries[c].name.as_str()));
            let prefix: Vec<&str> = country_prefix.into_iter().chain(power_prefix).collect();
            let text = if prefix.is_empty() {
                body.to_string()
            } else {
                format!("[{}] {body}", prefix.join(", "))
            };
            if text.chars().count() > MAX_FACT_CHARS {
                continue;
            }
            // "Ghana accused Captain Traoré of hiding Russian mercenaries": for the accused,
            // the accusation alleges dealings with the power named after it — cooperation,
            // hedged as any allegation — not hostility toward that power.
            let hedged = question || hedges_the_event(clause, cue);
            let (event, hedged) = match self.alleged_dealings(clause, cue, event, c, counterpart) {
                Some(dealings) => (&lex.events[dealings], true),
                None => (event, hedged),
            };
            // Rules that re-read the event from its context, in turn: a refused act is its
            // opposite, a withdrawal handed over or relocated is a deployment, a threatened act
            // is a threat, a regretted one is support.
            let reread = |event, found: Option<usize>| found.map_or(event, |i| &lex.events[i]);
            let event = reread(event, self.refused(clause, cue, event, counterpart));
            let event = reread(
                event,
                self.handed_over_within(clause, cue, event, counterpart),
            );
            let event = reread(event, self.receives_relocated_forces(clause, event, c));
            let event = reread(event, self.threatened(clause, cue, event));
            let event = reread(event, self.regretted(clause, cue, event, c));
            let event = reread(
                event,
                self.joint_act_against_another(clause, cue, event, c, counterpart),
            );
            let (event, counterpart) = match self
                .criticises_an_act_against(clause, cue, event)
                .or_else(|| self.sides_with_a_power(clause, cue, event, c))
            {
                Some((support, target)) => (&lex.events[support], target),
                None => (event, counterpart),
            };
            if attribute::only_hosts_anothers_mission(clause, c, counterpart, &lex.missions) {
                continue;
            }
            // Sanctions one power lays on the other's companies where the country hosts them
            // are theirs, not the country's — unless the country is named before them, as who
            // joins, opposes or thanks ("Zimbabwe stood with Russia against the sanctions"),
            // and they are not the clause's background ("trade grew despite Western sanctions
            // on Russia").
            if event.event_type == EventType::Sanction
                && attribute::between_powers(clause, cue, g, lex)
                && (attribute::is_aside_at(clause, cue.start)
                    || !clause.mentions.iter().any(|m| {
                        m.entity == EntityRef::Country(c)
                            && m.end <= cue.start
                            && !attribute::is_aside_at(clause, m.start)
                    }))
            {
                continue;
            }
            // Likewise one power's charges and warnings aimed at a power of the other side
            // ("Western governments have accused the Wagner group of...", "Italy's defence
            // minister warned that Russian ships could soon be operating from Libyan ports"):
            // the country is no party unless it is the party named first before the word, or
            // the last ("Asked about the war in Ukraine, he said Zambia had voted to condemn").
            let parties_before: Vec<EntityRef> = clause
                .mentions
                .iter()
                .filter(|m| m.end <= cue.start)
                .filter(|m| g.takes_a_side(m.entity) || m.entity == EntityRef::Country(c))
                .map(|m| m.entity)
                .collect();
            let subject = |p: Option<&EntityRef>| p == Some(&EntityRef::Country(c));
            if matches!(event.event_type, EventType::Accuse | EventType::Threaten)
                && !subject(parties_before.first())
                && !subject(parties_before.last())
                && attribute::between_powers(clause, cue, g, lex)
            {
                continue;
            }
            let event = reread(event, self.opposes_a_resolution(clause, cue, event));
            let event = reread(event, self.backs_a_resolution(clause, cue, event));
            let event = reread(event, self.ends_a_measure(clause, cue, event));
            let event = reread(event, self.relieves_a_debt(clause, cue, event));
            let Some(event) = self.answer_to_a_call(clause, cue, event, c) else {
                continue;
            };
            // "L'opposition guinéenne dénonce une complaisance de Paris": the opposition, civil
            // society or critics speak; the government does nothing.
            if attribute::voiced_by_non_state(clause, cue) {
                continue;
            }
            // A power inherited through an opening pronoun is that pronoun: the subject.
            // "The two sides signed...": a joint act, the country's.
            let actor = if power_prefix.is_some() && pair_country != Some(c) {
                Actor::Counterpart
            } else {
                attribute::actor(clause, cue, c, counterpart, &lex.voice)
            };
            // A power's hostility aimed at third parties on the country's behalf is support:
            // "Lavrov rejected efforts by outside powers to impose solutions", "the text
            // amounted to interference in Sudan's internal affairs".
            let event = match self.event_of(EventType::Support, Stance::Cooperative) {
                Some(support)
                    if event.stance == Stance::Hostile
                        && actor == Actor::Counterpart
                        && opposes_outside_powers(clause, cue) =>
                {
                    &lex.events[support]
                }
                _ => event,
            };
            let iso2 = &g.countries[c].iso2;
            // What an aside says of a country the article is not about describes it ("Togo,
            // which has also floated closer ties with the AES, is seen in Accra as..."): it is
            // not the news.
            if focus.excludes(iso2) && attribute::is_aside_at(clause, cue.start) {
                continue;
            }
            // A country named in passing is news only as the clause's subject, or as where a
            // power goes ("may also travel to Chad"). Elsewhere it is company: where an analyst
            // is based, a precedent, a corridor's far end ("a researcher at an Accra think
            // tank", "alors que Paris a dû plier bagage au Mali", "routes through Kenya").
            if focus.in_passing(iso2) {
                let subject =
                    actor == Actor::Country && attribute::leading_countries(clause).any(|l| l == c);
                let visited = actor == Actor::Counterpart
                    && event.event_type == EventType::Consult
                    && attribute::destinations(clause, clause.start).contains(&c);
                if !subject && !visited {
                    continue;
                }
            }
            // "defended the exercise, arguing that South Africa also trains with France": an
            // act named after an argument is a claim made in a defence, not the news.
            let hedged = hedged
                || attribute::phrase_before(clause, cue.start, ContextPhrase::Argument, usize::MAX)
                    .is_some();
            let mut weight = event.weight;
            if hedged {
                weight *= lex.modifiers.hedged;
            }
            if negated {
                weight *= lex.modifiers.negated;
            }
            // A rupture denied or ruled out says the tie holds ("la coopération avec Paris n'est
            // pas remise en cause", "n'a jamais rompu avec Paris", "sans rupture"): it points
            // the other way. So does a cooperation the country itself rules out right before its
            // word ("has ruled out any deal with Russian contractors", "n'a pas rejoint
            // l'AES"). A denied accusation, sanction or threat is most often the other side's
            // denial ("a claim Cotonou denies"), and a cooperation denied from afar a rumour
            // ("denied reports that ... had been received"): they keep their direction.
            let rupture = matches!(
                event.event_type,
                EventType::Retreat | EventType::Reject | EventType::Coerce
            );
            // A hostile act the country has not joined is one it stays out of ("has not joined
            // Western sanctions on Russia"): as a refusal to join, it points the other way.
            let stayed_out = joined_at(clause, &cue).is_some();
            let read_stance = match event.stance {
                Stance::Hostile if negated && (rupture || stayed_out) => Stance::Cooperative,
                Stance::Cooperative
                    if actor == Actor::Country
                        && (denies_right_before(clause, cue)
                            || french_negation_around(clause, cue)) =>
                {
                    Stance::Hostile
                }
                stance => stance,
            };
            facts.push(Fact {
                id: 0,
                article_id: 0,
                url: doc.url.clone(),
                source: doc.source.clone(),
                published: doc.published,
                event_date: event_date.map(|(d, _)| d),
                date_basis: event_date.map(|(_, b)| b),
                country: g.countries[c].iso2.clone(),
                counterpart: g.key_of(counterpart).to_string(),
                bloc: g.bloc_of(counterpart),
                direction: Direction::of(read_stance, g.lean_of(counterpart)),
                stance: event.stance,
                category: topic.map_or(event.category, |t| lex.topics[t].category),
                event_type: event.event_type,
                actor,
                hedged,
                negated,
                weight,
                text,
                span: [clause.start, clause.end],
                lang: doc.lang.clone(),
            });
        }
        facts
    }

    /// The lexicon's cooperation event when `event` is an accusation aimed at `country` (named,
    /// or referred back to as its government, within four words after the cue) of dealings with
    /// `power` (named after the country): "accused Captain Traoré of hiding Russian
    /// mercenaries", "l'opposition accuse le chef de l'État de chercher à Moscou une caution".
    /// `None` otherwise.
    fn alleged_dealings(
        &self,
        clause: &Clause<'_>,
        cue: CueHit,
        event: &EventCue,
        country: usize,
        power: EntityRef,
    ) -> Option<usize> {
        if event.event_type != EventType::Accuse {
            return None;
        }
        let window_end = window_after(clause, &cue, 4);
        let (accused_start, accused_end) = clause
            .mentions
            .iter()
            .filter(|m| m.entity == EntityRef::Country(country))
            .map(|m| (m.start, m.end))
            .chain(
                clause
                    .cues
                    .iter()
                    .filter(|c| c.class == CueClass::Anaphora)
                    .map(|c| (c.start, c.end)),
            )
            .filter(|&(start, _)| start >= cue.end && start < window_end)
            .min()?;
        // The charge is told after it: "accused Captain Traoré of hiding...", "accuse le Bénin
        // d'abriter...", "accusations that Chad facilitated..." ("tensions between Tunis and
        // Brussels" accuses no one of dealings).
        let is_charge = |w: &str| {
            let w = w.to_lowercase();
            w == "of" || w == "de" || w.starts_with("d'") || w.starts_with("d’")
        };
        let told_that = clause.text[cue.end..accused_start]
            .split_whitespace()
            .next_back()
            .is_some_and(|w| {
                let w = w.to_lowercase();
                w == "that" || w == "que" || w.starts_with("qu'") || w.starts_with("qu’")
            });
        clause
            .mentions
            .iter()
            .any(|m| {
                m.entity == power
                    && m.start >= accused_end
                    && (told_that
                        || clause.text[accused_end..m.start]
                            .split_whitespace()
                            .any(is_charge))
            })
            .then(|| self.event_of(EventType::Cooperate, Stance::Cooperative))
            .flatten()
    }

    /// Support for the power a resolution names when the country votes against it or rejects
    /// it ("voted against the UN General Assembly resolution of March 2022 that demanded Russia
    /// withdraw"): resolutions put to African states name a power to condemn or to summon.
    fn opposes_a_resolution(
        &self,
        clause: &Clause<'_>,
        cue: CueHit,
        event: &EventCue,
    ) -> Option<usize> {
        (event.event_type == EventType::Reject
            && followed_within(clause, &cue, CueClass::Resolution, VOTE_REACH))
        .then(|| self.event_of(EventType::Support, Stance::Cooperative))
        .flatten()
    }

    /// Condemnation of the power a resolution names when the country votes for it, the
    /// resolution at most [`VOTE_REACH`] words after the lexicon's `votes_for` phrase ("has supported
    /// every General Assembly resolution on Ukraine", "voted on Friday in favour of a draft
    /// resolution condemning Russia's referendums"): the resolution's side is the voter's. Not
    /// when a power is named before the resolution word, as its author ("backed Russia's draft
    /// resolution").
    fn backs_a_resolution(
        &self,
        clause: &Clause<'_>,
        cue: CueHit,
        event: &EventCue,
    ) -> Option<usize> {
        let resolution = clause.cues.iter().find(|r| {
            r.class == CueClass::Resolution
                && r.start >= cue.end
                && attribute::words_between(clause, cue.end, r.start) < VOTE_REACH
        })?;
        // The UN that holds the vote authors nothing: "supported the UN resolution on Ukraine".
        let g = &self.knowledge.gazetteer;
        let authored = clause.mentions.iter().any(|m| {
            !matches!(m.entity, EntityRef::Country(_))
                && g.takes_a_side(m.entity)
                && m.start >= cue.end
                && m.end <= resolution.start
        });
        // The word of support must be a vote's ("supported", "in favour of"), not an
        // abstention or a vote against, which the lexicon reads as support too.
        let votes_for = attribute::within_phrase(clause, &cue, ContextPhrase::VoteFor);
        (event.event_type == EventType::Support && votes_for && !authored)
            .then(|| self.event_of(EventType::Accuse, Stance::Hostile))
            .flatten()
    }

    /// Aid when the hostile cue cancels a debt ("l'annulation de plus de 680 millions de dollars
    /// de dettes", "cancelled $20 billion of African debt"): a debt word at most ten words
    /// after a cancellation word.
    fn relieves_a_debt(&self, clause: &Clause<'_>, cue: CueHit, event: &EventCue) -> Option<usize> {
        (event.stance == Stance::Hostile
            && attribute::phrase_at(clause, cue.start, ContextPhrase::Cancellation)
            && followed_within(clause, &cue, CueClass::Context(ContextPhrase::Debt), 10))
        .then(|| self.event_of(EventType::Aid, Stance::Cooperative))
        .flatten()
    }

    /// A concession when the withdrawal ends a hostile measure ("ending a designation that had
    /// weighed on the country's economy", "met fin à l'embargo"), or when a hostile act is
    /// lifted, with the lifting word just before it or just after it ("lifted the export ban",
    /// "the ban was lifted", "la suspension a été levée"): what ends is the hostility.
    fn ends_a_measure(&self, clause: &Clause<'_>, cue: CueHit, event: &EventCue) -> Option<usize> {
        let lifting = CueClass::Context(ContextPhrase::Lifting);
        // "tant que les sanctions ne seront pas levées" lifts nothing.
        let lifted_after = cues_after(clause, &cue, LIFTING_REACH).any(|c| {
            c.class == lifting
                && !holds_a_word_of(&clause.text[cue.end..c.start], &NEGATION_PARTICLES)
        });
        let lifted = event.stance == Stance::Hostile
            && (attribute::phrase_before(clause, cue.start, ContextPhrase::Lifting, LIFTING_REACH)
                .is_some()
                || lifted_after);
        ((event.event_type == EventType::Retreat
            && followed_within(clause, &cue, CueClass::Measure, MEASURE_REACH))
            || lifted)
            .then(|| self.event_of(EventType::Concede, Stance::Cooperative))
            .flatten()
    }

    /// The event a refusal turns `event` into: a refused hostile act sides with the one spared
    /// ("South Africa refused to arrest Putin", "a refusé de condamner", "refusant de rompre
    /// avec Bamako": support), a refused cooperative one rejects the one refused ("Uganda would
    /// not join Western calls to isolate Moscow", "refused to sign the agreement with France":
    /// rejection). A refused hostile act of the counterpart's own ("declined to join Western
    /// sanctions") rejects the counterpart's line. `None` when the act is not refused.
    fn refused(
        &self,
        clause: &Clause<'_>,
        cue: CueHit,
        event: &EventCue,
        counterpart: EntityRef,
    ) -> Option<usize> {
        // "refused to expel"; "reversing a withdrawal"; "a repris ses activités, plus de trois
        // décennies après sa fermeture", "la reprise de sa coopération militaire, suspendue".
        let resumed = || {
            (event.stance == Stance::Hostile)
                .then(|| {
                    attribute::phrase_before(
                        clause,
                        cue.start,
                        ContextPhrase::Resumption,
                        usize::MAX,
                    )
                })
                .flatten()
                // Not across a frame: "Cette réouverture intervient un an après que le Burkina
                // a exigé le départ des forces françaises" times one act against the other.
                .filter(|&at| {
                    !clause.cues.iter().any(|c| {
                        c.class == CueClass::Context(ContextPhrase::Frame)
                            && c.start > at
                            && c.end <= cue.start
                    })
                })
                // Nor across a condition: "open to resuming security cooperation if the
                // government distanced itself from Wagner" resumes the cooperation, not the
                // distancing.
                .filter(|&at| !holds_a_word_of(&clause.text[at..cue.start], &CONDITION_OPENERS))
        };
        // "refused to join Western sanctions": the refusal bears on the act joined.
        let head = joined_at(clause, &cue).unwrap_or(cue.start);
        attribute::phrase_before(clause, head, ContextPhrase::Refusal, REFUSAL_REACH)
            .or_else(|| attribute::phrase_before(clause, cue.start, ContextPhrase::Reversal, 3))
            .or_else(resumed)?;
        if event.stance == Stance::Hostile
            && attribute::authors_the_act(
                clause,
                counterpart,
                cue,
                &self.knowledge.lexicon.measures,
            )
        {
            return self.event_of(EventType::Reject, Stance::Hostile);
        }
        self.opposite(event)
    }

    /// What the country does about an act it is urged to do ("calls by pressure groups for
    /// Nigeria to seek Russian military assistance"): `None` when it is only asked, the
    /// opposite event when it rejects the call ("has rejected calls...", "rejecting calls to
    /// demand a Russian withdrawal"), and the event itself when no call bears on it.
    fn answer_to_a_call<'a>(
        &'a self,
        clause: &Clause<'_>,
        cue: CueHit,
        event: &'a EventCue,
        country: usize,
    ) -> Option<&'a EventCue> {
        let urged = attribute::urged_to_act(clause, cue, country);
        let call =
            urged.or_else(|| attribute::phrase_before(clause, cue.start, ContextPhrase::Demand, 4));
        let Some(call) = call else {
            return Some(event);
        };
        // Rejected, or refused: "declined to repeat her call for a withdrawal of Russian troops".
        let rejected = clause.cues.iter().any(|c| {
            matches!(c.class, CueClass::Event(i) if self.knowledge.lexicon.events[i].event_type == EventType::Reject)
                && c.end <= call
                && clause.text[c.end..call].split_whitespace().count() <= 2
        }) || attribute::phrase_before(clause, call, ContextPhrase::Refusal, 2).is_some();
        if rejected {
            return self
                .opposite(event)
                .map(|i| &self.knowledge.lexicon.events[i]);
        }
        // A call the country itself makes is its act ("Mali called for the withdrawal...").
        urged.is_none().then_some(event)
    }

    /// The event that undoes `event`: support for a hostile act refused, a rejection for a
    /// cooperation refused.
    fn opposite(&self, event: &EventCue) -> Option<usize> {
        match event.stance {
            Stance::Hostile => self.event_of(EventType::Support, Stance::Cooperative),
            Stance::Cooperative => self.event_of(EventType::Reject, Stance::Hostile),
        }
    }

    /// The lexicon's deployment event when the withdrawal `event` relocates forces to `country`
    /// ("French troops were redeployed to Niger"): they leave one place and arrive in this one.
    /// `None` otherwise.
    fn receives_relocated_forces(
        &self,
        clause: &Clause<'_>,
        event: &EventCue,
        country: usize,
    ) -> Option<usize> {
        if event.event_type != EventType::Retreat {
            return None;
        }
        clause
            .mentions
            .iter()
            .any(|m| {
                m.entity == EntityRef::Country(country)
                    && attribute::phrase_before(clause, m.start, ContextPhrase::Relocation, 1)
                        .is_some()
            })
            .then(|| self.event_of(EventType::Mobilize, Stance::Cooperative))
            .flatten()
    }

    /// The lexicon's threat event when the hostile `event` is announced as a threat ("threatened
    /// to expel", "the threat of AGOA withdrawal", "a menacé de rompre"): the threat happened,
    /// the act did not. `None` otherwise.
    fn threatened(&self, clause: &Clause<'_>, cue: CueHit, event: &EventCue) -> Option<usize> {
        if event.stance != Stance::Hostile || event.event_type == EventType::Threaten {
            return None;
        }
        attribute::phrase_before(clause, cue.start, ContextPhrase::Threat, 2)
            .and_then(|_| self.event_of(EventType::Threaten, Stance::Hostile))
    }

    /// The lexicon's support event when `country` regrets a power's hostile `event` ("Ethiopia
    /// regretted the US decision to suspend its trade benefits"): it wanted the tie the act
    /// ends. Anyone else named before the regret may be the one regretting ("France regretted
    /// Mali's decision to expel its ambassador"), and the act then stays as it is; so does a
    /// hostile verb coordinated after the regret. `None` otherwise.
    fn regretted(
        &self,
        clause: &Clause<'_>,
        cue: CueHit,
        event: &EventCue,
        country: usize,
    ) -> Option<usize> {
        if event.stance != Stance::Hostile {
            return None;
        }
        let regret = attribute::phrase_before(clause, cue.start, ContextPhrase::Regret, 6)?;
        // A hostile verb right after "and" is a predicate of its own, not what is regretted.
        if attribute::opens_a_predicate(clause, &cue)
            || named_before_the_speech(clause, regret, country)
        {
            return None;
        }
        self.event_of(EventType::Support, Stance::Cooperative)
    }

    /// Support for a power the country sides with over a hostile act: the power it thanks (or
    /// whose act it regrets) named right after the word of thanks ("has thanked Russia and
    /// China for declining to back the renewal of the UN arms embargo": what the power is
    /// thanked for, however far the hostile word that tells it, is welcomed), or the named
    /// author of a measure it welcomes at most four words before ("Kinshasa welcomed the
    /// sanctions imposed by Washington on a Rwandan minister": welcoming what a power does to
    /// someone else sides with the power; see [`attribute::authors_the_act`]). Returns the
    /// support event and that power. Not when someone other than the country is named before
    /// the thanks or welcome, nor when the welcomed measure is lifted.
    fn sides_with_a_power(
        &self,
        clause: &Clause<'_>,
        cue: CueHit,
        event: &EventCue,
        country: usize,
    ) -> Option<(usize, EntityRef)> {
        let lex = &self.knowledge.lexicon;
        if event.stance != Stance::Hostile {
            return None;
        }
        let thanked = || {
            let thanks = clause.cues.iter().rfind(|p| {
                p.class == CueClass::Context(ContextPhrase::Regret) && p.end <= cue.start
            })?;
            let power = clause.mentions.iter().find(|m| {
                !matches!(m.entity, EntityRef::Country(_))
                    && m.start >= thanks.end
                    && m.end <= cue.start
                    && attribute::words_between(clause, thanks.end, m.start) <= 1
            })?;
            Some((thanks.start, power.entity))
        };
        let welcomed = || {
            let welcome = attribute::phrase_before(clause, cue.start, ContextPhrase::Welcome, 4)?;
            let lifted = attribute::phrase_before(clause, cue.start, ContextPhrase::Lifting, 4)
                .is_some_and(|at| at > welcome);
            let author = clause.mentions.iter().find(|m| {
                !matches!(m.entity, EntityRef::Country(_))
                    && attribute::authors_the_act(clause, m.entity, cue, &lex.measures)
            })?;
            (!lifted).then_some((welcome, author.entity))
        };
        let (speech, power) = thanked().or_else(welcomed)?;
        if named_before_the_speech(clause, speech, country) {
            return None;
        }
        Some((
            self.event_of(EventType::Support, Stance::Cooperative)?,
            power,
        ))
    }

    /// The lexicon's cooperation event when the country and the power act together against a
    /// third party ("Somalia and the US Treasury jointly imposed sanctions on an al-Shabaab
    /// network", "le Nigeria et les États-Unis ont mené des frappes contre l'Iswap"): partners
    /// in a hostile act aimed at someone else are allies. Both are named before the act, joined
    /// by "and"/"et", and the target is named after it ("on", "contre"…). Two sides of a quarrel
    /// ("Algeria and France recalled their ambassadors") name no target. `None` otherwise.
    fn joint_act_against_another(
        &self,
        clause: &Clause<'_>,
        cue: CueHit,
        event: &EventCue,
        country: usize,
        counterpart: EntityRef,
    ) -> Option<usize> {
        let lex = &self.knowledge.lexicon;
        if event.stance != Stance::Hostile {
            return None;
        }
        let subject = |e: EntityRef| {
            clause
                .mentions
                .iter()
                .filter(move |m| m.entity == e && m.end <= cue.start)
                .filter(|m| !attribute::is_aside_at(clause, m.start))
        };
        // "Somalia and the US", "le gouvernement somalien et le Trésor américain": one "and"
        // and at most the second's article and head noun between.
        let joined = |a: &Mention, b: &Mention| {
            let Some(between) = clause.text.get(a.end..b.start) else {
                return false;
            };
            let words: Vec<String> = between.split_whitespace().map(str::to_lowercase).collect();
            !between.contains(',')
                && words.len() <= 3
                && words
                    .iter()
                    .filter(|w| attribute::AND_WORDS.contains(&w.as_str()))
                    .count()
                    == 1
        };
        let together = subject(EntityRef::Country(country))
            .any(|a| subject(counterpart).any(|b| joined(a, b) || joined(b, a)));
        let target_after = attribute::aims_at_a_third(
            clause,
            cue,
            [counterpart, EntityRef::Country(country)],
            &lex.against,
        );
        (together && target_after)
            .then(|| self.event_of(EventType::Cooperate, Stance::Cooperative))
            .flatten()
    }

    /// Support for the power a criticised hostile act is aimed at ("Mali condemned the sanctions
    /// imposed on Russia", "a dénoncé les sanctions occidentales contre Moscou"): opposing what
    /// is done to a power sides with it. The criticism (an accusation, protest or rejection)
    /// stands at most three words before the act, `cue` is either of the two, and the power is
    /// named after the act as its target. Returns the support event and that power. A
    /// criticised act with no target named is the critic's quarrel with its author ("Mali
    /// denounced Western sanctions"), and stays as it is.
    fn criticises_an_act_against(
        &self,
        clause: &Clause<'_>,
        cue: CueHit,
        event: &EventCue,
    ) -> Option<(usize, EntityRef)> {
        let lex = &self.knowledge.lexicon;
        if event.stance != Stance::Hostile {
            return None;
        }
        let hostile = |c: &CueHit| match c.class {
            CueClass::Event(i) => lex.events[i].stance == Stance::Hostile,
            CueClass::Measure => true,
            _ => false,
        };
        let criticism = |c: &CueHit| {
            matches!(c.class, CueClass::Event(i) if matches!(
                lex.events[i].event_type,
                EventType::Accuse | EventType::Protest | EventType::Reject
            ))
        };
        let act = clause.cues.iter().filter(|a| criticism(a)).find_map(|a| {
            clause.cues.iter().find(|b| {
                hostile(b)
                    && b.start >= a.end
                    && attribute::words_between(clause, a.end, b.start) <= 3
                    && (**b == cue || *a == cue)
            })
        })?;
        let target = clause.mentions.iter().find(|t| {
            !matches!(t.entity, EntityRef::Country(_))
                && t.start >= act.end
                && attribute::is_target_after(clause, act.end, t.start, &lex.against)
        })?;
        Some((
            self.event_of(EventType::Support, Stance::Cooperative)?,
            target.entity,
        ))
    }

    /// A withdrawal whose place is taken by forces of the same power ("Wagner has left Mali and
    /// its units have been taken over by the Moscow-run Africa Corps"): that power stays, so
    /// the event is its deployment, not a retreat.
    fn handed_over_within(
        &self,
        clause: &Clause<'_>,
        cue: CueHit,
        event: &EventCue,
        counterpart: EntityRef,
    ) -> Option<usize> {
        if event.event_type != EventType::Retreat {
            return None;
        }
        let lex = &self.knowledge.lexicon;
        let after = fold(&clause.text[cue.end..clause.end]);
        let first = |phrases: &[String]| {
            phrases
                .iter()
                .filter_map(|s| after.text.find(s.as_str()))
                .min()
                .map(|at| cue.end + after.original_offset(at))
        };
        let named = |from: usize, to: usize| {
            clause
                .mentions
                .iter()
                .any(|m| m.entity == counterpart && m.start >= from && m.end <= to)
        };
        // "taken over by the Africa Corps": the successor follows; "the Africa Corps is taking
        // over their positions": it comes first.
        let successor_named = first(&lex.successions).is_some_and(|at| named(at, clause.end))
            || first(&lex.takeovers).is_some_and(|at| named(cue.end, at));
        successor_named
            .then(|| self.event_of(EventType::Mobilize, Stance::Cooperative))
            .flatten()
    }

    /// `facts` without the withdrawals of a power whose forces, a sentence or two later, deploy
    /// or take over in the same country, a fact of its own ("Wagner a annoncé quitter le Mali.
    /// Le contingent de l'Africa Corps reprendra les positions au Mali."). When the later
    /// sentence, naming no country, hands the power's forces over to its own ("The Africa
    /// Corps is taking over its bases"), it gives no fact, and the withdrawal is read as the
    /// deployment it is. Either way the power stays. The same within one sentence is
    /// [`Self::handed_over_within`].
    fn without_handed_over_retreats(
        &self,
        facts: Vec<Fact>,
        sentence_of: &[usize],
        told: &Told<'_>,
    ) -> Vec<Fact> {
        let g = &self.knowledge.gazetteer;
        let lex = &self.knowledge.lexicon;
        let deploys_later = |retreat: &Fact, at: usize| {
            facts.iter().zip(sentence_of).any(|(other, &other_at)| {
                other.event_type == EventType::Mobilize
                    && other.actor == Actor::Counterpart
                    && !other.negated
                    && other.country == retreat.country
                    && other.counterpart == retreat.counterpart
                    && (at + 1..=at + HANDOVER_REACH).contains(&other_at)
            })
        };
        let handed_over_later = |retreat: &Fact, at: usize| {
            let later = (at + 1..=at + HANDOVER_REACH).filter(|&i| i < told.sentences.len());
            later.into_iter().any(|i| {
                let s = &told.sentences[i];
                let about_another_country = told.parties_of[i]
                    .iter()
                    .any(|&c| g.countries[c].iso2 != retreat.country);
                let names_the_power = told.mentions.iter().any(|m| {
                    m.start >= s.start
                        && m.end <= s.end
                        && !matches!(m.entity, EntityRef::Country(_))
                        && g.key_of(m.entity) == retreat.counterpart
                });
                let folded = fold(&told.text[s.start..s.end]);
                let hands_over = lex
                    .successions
                    .iter()
                    .chain(&lex.takeovers)
                    .any(|p| folded.text.contains(p.as_str()));
                names_the_power && hands_over && !about_another_country
            })
        };
        let deployment = self
            .event_of(EventType::Mobilize, Stance::Cooperative)
            .map(|i| &lex.events[i]);
        let withdrawal = |fact: &Fact| {
            fact.event_type == EventType::Retreat
                && fact.actor == Actor::Counterpart
                && !fact.negated
        };
        let dropped: Vec<bool> = facts
            .iter()
            .zip(sentence_of)
            .map(|(fact, &at)| withdrawal(fact) && deploys_later(fact, at))
            .collect();
        let handed_over: Vec<bool> = facts
            .iter()
            .zip(sentence_of)
            .map(|(fact, &at)| withdrawal(fact) && handed_over_later(fact, at))
            .collect();
        facts
            .into_iter()
            .zip(dropped.into_iter().zip(handed_over))
            .filter_map(|(fact, (dropped, handed_over))| match deployment {
                _ if dropped => None,
                Some(event) if handed_over => Some(Fact {
                    event_type: event.event_type,
                    stance: event.stance,
                    category: event.category,
                    direction: fact.direction.opposite(),
                    weight: event.weight
                        * if fact.hedged {
                            lex.modifiers.hedged
                        } else {
                            1.0
                        },
                    ..fact
                }),
                _ => Some(fact),
            })
            .collect()
    }

    /// Whether `cue` opens a refusal of another event ("refusant de rompre", "refused to
    /// expel"): the refused event is the one to read (see [`Self::refused`]), not a
    /// rejection of its own.
    fn refuses_another_event(&self, clause: &Clause<'_>, cue: &CueHit) -> bool {
        let refusal = attribute::phrase_at(clause, cue.start, ContextPhrase::Refusal);
        // The refused act may be one the country would join: "a refusé de se joindre aux
        // sanctions".
        refusal
            && clause.cues.iter().any(|c| {
                let head = joined_at(clause, c).unwrap_or(c.start);
                matches!(c.class, CueClass::Event(_))
                    && head >= cue.end
                    && attribute::words_between(clause, cue.end, head) <= 2
            })
    }

    /// The accusation event of the lexicon when a cooperative cue of the clause has an armed
    /// group as its object, within three words and with none of the lexicon's `against` words
    /// between ("arming rebels", "supplying weapons to jihadists"; not "training against
    /// terrorists"); else `None`.
    fn accusation_of_backing_armed_groups(
        &self,
        clause: &Clause<'_>,
        country: usize,
    ) -> Option<usize> {
        let events = &self.knowledge.lexicon.events;
        let backs = clause.cues.iter().any(|c| {
            let CueClass::Event(i) = c.class else {
                return false;
            };
            // A capitalised cue is part of a name ("the Support Group for Islam and Muslims").
            let named = clause.text[c.start..c.end]
                .chars()
                .next()
                .is_some_and(char::is_uppercase);
            // The second half of a compound describes, it does not accuse: "Wagner, the
            // Kremlin-backed mercenary group" is Russia's own force, not Russia arming rebels.
            let compound = clause.text[..c.start].ends_with('-');
            // "peace with Rwanda, which Washington accuses of backing the M23": Rwanda's charge.
            if events[i].stance != Stance::Cooperative
                || named
                || compound
                || tells_of_another_country(clause, *c, country)
            {
                return false;
            }
            let object: Vec<String> = clause.text[c.end..clause.end]
                .split_whitespace()
                .take(BACKING_WINDOW)
                .map(str::to_lowercase)
                .collect();
            let against = object
                .iter()
                .any(|w| self.knowledge.lexicon.against.iter().any(|a| a.matches(w)));
            // "the Yadran group" is a company; "militants, including the Lakurawa group" still
            // names militants.
            let armed = cues_after(clause, c, BACKING_WINDOW).any(|g| {
                g.class == CueClass::ArmedGroup
                    && !names_a_body(clause, g, &self.knowledge.lexicon.group_nouns)
            });
            !against
                && armed
                && !clause.cues.iter().any(|g| {
                    // A group word inside or beside a name is that body: "the Wagner Group",
                    // "join the BRICS group", "un accord avec le groupe russe Yadran", "a
                    // rejoint le groupe des Brics".
                    let inside = clause.mentions.iter().any(|m| {
                        (g.start < m.end && m.start < g.end)
                            || (m.start >= g.end
                                && matches!(
                                    fold_key(clause.text[g.end..m.start].trim()).as_str(),
                                    "des" | "du" | "de" | "de la" | "of" | "of the"
                                ))
                    });
                    g.class == CueClass::ArmedGroup
                        && g.start >= c.end
                        && (inside
                            || is_a_powers_force(clause, g, &self.knowledge.lexicon.group_nouns))
                })
        });
        if !backs {
            return None;
        }
        self.event_of(EventType::Accuse, Stance::Hostile)
    }

    /// The lexicon's first event of this type and stance: where a rule re-reads a cue as
    /// another event ("refused to arrest" as support), that event's category and weight apply.
    /// Whether the event word is the act of someone other than `country` or its counterpart:
    /// - another country's, in a relative clause or aside about it (see
    ///   [`tells_of_another_country`], [`in_another_countrys_aside`]);
    /// - a neutral organisation's accusation ("accusés par des experts de l'ONU");
    /// - commentators' ("Western analysts have warned that the uranium could be sold to Russian
    ///   buyers": the warning is theirs, what they warn of is the event);
    /// - unnamed countries' ("...where coups have led several countries to pivot toward
    ///   Moscow": the pivot is not the visited country's).
    fn is_someone_elses_act(
        &self,
        clause: &Clause<'_>,
        event: usize,
        cue: CueHit,
        country: usize,
    ) -> bool {
        let lex = &self.knowledge.lexicon;
        tells_of_another_country(clause, cue, country)
            || in_another_countrys_aside(clause, cue, country)
            || (lex.events[event].stance == Stance::Hostile
                && attribute::by_a_neutral_organisation(
                    clause,
                    cue,
                    &self.knowledge.gazetteer,
                    &lex.voice,
                ))
            || attribute::phrase_before(clause, cue.start, ContextPhrase::Commentator, 2).is_some()
            || attribute::unnamed_countries_act(clause, cue)
    }

    fn event_of(&self, event_type: EventType, stance: Stance) -> Option<usize> {
        self.knowledge
            .lexicon
            .events
            .iter()
            .position(|e| e.event_type == event_type && e.stance == stance)
    }

    /// Whether the clause has a word of the topic `event` requires, if it requires one.
    fn has_required_topic(&self, clause: &Clause<'_>, event: &EventCue) -> bool {
        event.requires_topic.is_none_or(|needed| {
            clause.cues.iter().any(|c| {
                matches!(c.class, CueClass::Topic(t) if self.knowledge.lexicon.topics[t].category == needed)
            })
        })
    }

    /// The power a clause names only by a pronoun or, when `pair`, as one of "the two
    /// countries": the previous sentence's only power for a pronoun
    /// ([`attribute::inherited_power`]); for the pair, the previous sentence's only power when
    /// that sentence also named one country, else the power the article has named most (the
    /// latest among equals). Powers with no side on the axis (the UN) are not one of the two.
    fn inherited_power(
        &self,
        clause: &Clause<'_>,
        ctx: &ParagraphContext,
        pair: bool,
    ) -> Option<EntityRef> {
        if !pair {
            return attribute::inherited_power(clause, &ctx.powers);
        }
        // Named with the country in the sentence before: those two ("Tiani received Russia's
        // deputy defence minister. The two sides signed documents...").
        let sided = |p: EntityRef| self.knowledge.gazetteer.takes_a_side(p);
        if ctx.last_countries.len() == 1
            && let Some(power) = attribute::only_power(&ctx.powers)
            && sided(power)
        {
            return Some(power);
        }
        ctx.named_powers
            .iter()
            .enumerate()
            .filter(|(_, (p, _))| sided(*p))
            .max_by_key(|(i, (_, n))| (*n, *i))
            .map(|(_, (p, _))| *p)
    }

    /// Whether an expulsion sends people away from a power's own soil, the power named at most
    /// [`OWN_SOIL_REACH`] words after it with a word of `own_soil` between ("des ressortissants
    /// expulsés du territoire américain", "expelled from US soil"): the power's own
    /// removal of people, no act between it and the country.
    fn removes_from_own_soil(&self, clause: &Clause<'_>, cue: &CueHit) -> bool {
        let g = &self.knowledge.gazetteer;
        let own_soil = &self.knowledge.lexicon.own_soil;
        let from = attribute::word_end(clause, cue.end);
        clause.mentions.iter().any(|m| {
            m.start >= from
                && !matches!(m.entity, EntityRef::Country(_))
                && g.takes_a_side(m.entity)
                && attribute::words_between(clause, from, m.start) <= OWN_SOIL_REACH
                && clause.text[from..m.start]
                    .split_whitespace()
                    .any(|w| own_soil.contains(&fold_key(w)))
        })
    }

    /// Whether an ending word ends a visit or a meeting: one at most four words after it ("ended
    /// his first official visit to Moscow with a batch of agreements", "à la fin de sa visite"),
    /// or one named before it when nothing follows it as its object ("Tinubu's state visit to
    /// France, the first in two decades, ended on Thursday with agreements"), no other event
    /// word between. That breaks with no one.
    fn ends_a_gathering(&self, clause: &Clause<'_>, cue: &CueHit) -> bool {
        let gathering = CueClass::Context(ContextPhrase::Gathering);
        if followed_within(clause, cue, gathering, GATHERING_REACH) {
            return true;
        }
        let rest = clause.text[attribute::word_end(clause, cue.end)..clause.end].trim_start();
        let objectless = rest.is_empty()
            || rest.starts_with([',', '.', ';', ':'])
            || rest.split_whitespace().next().is_some_and(|w| {
                let word = w.trim_matches(|ch: char| !ch.is_alphanumeric());
                self.knowledge
                    .lexicon
                    .objectless_after
                    .contains(&fold_key(word))
            });
        let aside = attribute::is_aside_at(clause, cue.start);
        objectless
            && clause.cues.iter().any(|g| {
                g.class == gathering
                    && g.end <= cue.start
                    && attribute::is_aside_at(clause, g.start) == aside
                    && !clause.cues.iter().any(|e| {
                        matches!(e.class, CueClass::Event(_))
                            && e.start >= g.end
                            && e.end <= cue.start
                    })
            })
    }

    /// The heaviest event cue of the clause (ties: the first), ignoring cue words that are part
    /// of a name ("Alliance of Sahel States" is not an alliance event), and those in an aside
    /// when the main clause has one.
    fn main_event(&self, clause: &Clause<'_>, excluded: &[CueHit]) -> Option<(usize, CueHit)> {
        let events = &self.knowledge.lexicon.events;
        let candidates: Vec<(usize, CueHit)> = clause
            .cues
            .iter()
            .filter_map(|c| match c.class {
                CueClass::Event(i) => Some((i, *c)),
                _ => None,
            })
            .filter(|(_, c)| {
                !excluded.contains(c)
                    && !self.refuses_another_event(clause, c)
                    && !recalls_an_event(clause, c)
                    && !states_a_resolution(clause, c)
                    && !joins_a_hostile_act(clause, c, events)
                    && !joins_a_country(clause, c, &self.knowledge.lexicon.asides.openers)
                    && !attribute::is_compared_at(clause, c.start)
            })
            .filter(|(i, c)| {
                !matches!(
                    events[*i].event_type,
                    EventType::Retreat | EventType::Coerce
                ) || !leaves_a_region(clause, c)
            })
            .filter(|(i, c)| {
                events[*i].event_type != EventType::Retreat || !self.ends_a_gathering(clause, c)
            })
            .filter(|(i, c)| {
                events[*i].event_type != EventType::Coerce || !self.removes_from_own_soil(clause, c)
            })
            .filter(|(i, _)| self.has_required_topic(clause, &events[*i]))
            .filter(|(i, c)| !events[*i].country_acts || !other_actor_before(clause, c))
            .filter(|(i, c)| {
                events[*i].event_type != EventType::Threaten
                    || !threatens_to_cooperate(clause, c, events)
            })
            .collect();
        // The main clause's events first; then those of its context ("since Mali's coup
        // leaders partnered with Wagner"); what is said of an entity in passing ("an
        // organisation that has been accused of abuses") last.
        let main: Vec<(usize, CueHit)> = candidates
            .iter()
            .copied()
            .filter(|(_, c)| !attribute::is_aside_at(clause, c.start))
            .collect();
        let undescribed: Vec<(usize, CueHit)> = candidates
            .iter()
            .copied()
            .filter(|(_, c)| !attribute::is_description_at(clause, c.start))
            .collect();
        [main, undescribed, candidates]
            .into_iter()
            .find(|found| !found.is_empty())
            .unwrap_or_default()
            .into_iter()
            // A cue word inside a name is not an event ("Alliance of Sahel States"); a cue
            // phrase that takes in a name still is ("voted against a UN resolution condemning",
            // "ont quitté la CEDEAO").
            .filter(|(_, c)| {
                !clause
                    .mentions
                    .iter()
                    .any(|m| m.start <= c.start && c.end <= m.end)
            })
            .filter(|(i, c)| {
                events[*i].stance == Stance::Cooperative
                    || !aims_at_armed_group(clause, c, &self.knowledge.lexicon.group_nouns)
            })
            .fold(None, |best: Option<(usize, CueHit)>, (i, c)| match best {
                Some((b, _)) if events[b].weight >= events[i].weight => best,
                _ => Some((i, c)),
            })
    }
}

/// How many words a joining verb may stand before the act it joins: "joined the Western
/// sanctions", "s'associer aux condamnations".
const JOINED_WORDS: usize = 3;

/// How many sentences after a withdrawal the same power's forces may be told staying in the same
/// country and still make one hand-over. Only after: "Russian instructors arrived in 2021. They
/// left this month." is an arrival and then a departure.
const HANDOVER_REACH: usize = 2;

/// Where the joining verb begins when the hostile act at `cue` is one the country joins ("Kenya
/// joined the condemnation of Russia", "refusé de s'associer aux condamnations").
fn joined_at(clause: &Clause<'_>, cue: &CueHit) -> Option<usize> {
    attribute::phrase_before(clause, cue.start, ContextPhrase::Joining, JOINED_WORDS)
}

/// Whether the event word is a joining verb ("joined" is also an agreement) whose object is a
/// hostile act: the act joined is the event, the joining only how the country does it.
fn joins_a_hostile_act(clause: &Clause<'_>, cue: &CueHit, events: &[EventCue]) -> bool {
    attribute::within_phrase(clause, cue, ContextPhrase::Joining)
        && clause.cues.iter().any(|c| match c.class {
            CueClass::Event(i) => {
                events[i].stance == Stance::Hostile
                    && c.start >= cue.end
                    && joined_at(clause, c).is_some()
            }
            _ => false,
        })
}

/// Whether a joining word has as its object other countries that an aside then says what they
/// did (`openers`, the lexicon's: "Le Niger rejoint ainsi le Mali et le Burkina Faso, qui ont
/// suspendu les deux médias français"): the country follows their lead, and their act is the
/// event, not an accord with anyone. Not "joining Egypt, Iran... in the bloc's first expansion".
fn joins_a_country(clause: &Clause<'_>, cue: &CueHit, openers: &[String]) -> bool {
    if !attribute::within_phrase(clause, cue, ContextPhrase::Joining) {
        return false;
    }
    let countries: Vec<&Mention> = clause
        .mentions
        .iter()
        .filter(|m| matches!(m.entity, EntityRef::Country(_)) && m.start >= cue.end)
        .collect();
    let Some(first) = countries.first() else {
        return false;
    };
    if attribute::words_between(clause, cue.end, first.start) > 2 {
        return false;
    }
    // The list's last country: each next one follows the previous after a comma or "et"/"and".
    let mut last = *first;
    for m in &countries[1..] {
        if !attribute::continues_list(&clause.text[last.end..m.start]) {
            break;
        }
        last = m;
    }
    let after = clause.text[last.end..clause.end].to_lowercase();
    openers
        .iter()
        .any(|opener| after.starts_with(opener.as_str()))
}

/// Whether the event word is what a resolution named before it demands or condemns ("the UN
/// resolution of March 2022 that demanded Russia withdraw from Ukraine"): the resolution's
/// content, not an act of the country that votes on it — unless the country voted for it.
fn states_a_resolution(clause: &Clause<'_>, cue: &CueHit) -> bool {
    clause.cues.iter().any(|r| {
        r.class == CueClass::Resolution
            && r.end <= cue.start
            && clause.text[r.end..cue.start].split_whitespace().count() <= RESOLUTION_WORDS
            // A resolution in an aside says nothing of the main clause's act: "Le Burundi, qui
            // s'est abstenu lors des votes de l'Assemblée générale, a conclu avec Moscou un accord".
            && attribute::is_aside_at(clause, r.start) == attribute::is_aside_at(clause, cue.start)
            // A country named just before the event word is the voter, and the event word its
            // vote: "In votes at the United Nations, Tanzania has often abstained".
            && !clause.mentions.iter().any(|m| {
                matches!(m.entity, EntityRef::Country(_))
                    && m.start >= r.end
                    && m.end <= cue.start
                    && attribute::words_between(clause, m.end, cue.start) <= 3
            })
            && attribute::phrase_before(clause, r.start, ContextPhrase::VoteFor, RESOLUTION_WORDS)
                .is_none()
    })
}

/// The text with the Arabic comma "،" read as ", " (the same two bytes, so every offset holds):
/// asides, lists and clause parts end at commas, and Arabic writes its own.
fn with_latin_commas(text: &str) -> Cow<'_, str> {
    if text.contains('،') {
        Cow::Owned(text.replace('،', ", "))
    } else {
        Cow::Borrowed(text)
    }
}

/// Whether a departure is from a region rather than a country ("as Paris seeks to rebuild its
/// influence after being pushed out of the Sahel", "le retrait des forces françaises du
/// Sahel", "Paris ferme ou réduit ses emprises en Afrique de l'Ouest"): no single country broke
/// with the power there, so it is not the clause's event for the country it names elsewhere.
fn leaves_a_region(clause: &Clause<'_>, cue: &CueHit) -> bool {
    cues_after(clause, cue, 6).any(|r| {
        let named_between = clause.mentions.iter().any(|m| {
            m.start >= cue.end && m.end <= r.start && matches!(m.entity, EntityRef::Country(_))
        });
        r.class == CueClass::Region && !named_between && attribute::left_from_or_in(clause, r.start)
    })
}

/// Whether every mention of `power` in the clause is in an aside while the event word is not,
/// or the other way round.
fn only_in_an_aside(clause: &Clause<'_>, power: EntityRef, cue: CueHit) -> bool {
    let cue_aside = attribute::is_aside_at(clause, cue.start);
    clause
        .mentions
        .iter()
        .filter(|m| m.entity == power)
        .all(|m| attribute::is_aside_at(clause, m.start) != cue_aside)
}

/// How many words may stand between a withdrawal and the hostile measure it ends: "le retrait
/// du Soudan de la liste".
const MEASURE_REACH: usize = 5;

/// How many words may stand between an expulsion and the power whose soil it is: "expulsés du
/// territoire américain".
const OWN_SOIL_REACH: usize = 5;

/// How many words may stand between an ending word and the visit it ends: "ended his first
/// official visit".
const GATHERING_REACH: usize = 4;

/// Whether an outside-power phrase ("outside powers", "ingérence dans") is the hostile cue's
/// object, within six words after it, or the cue itself ("interference in Sudan's affairs").
fn opposes_outside_powers(clause: &Clause<'_>, cue: CueHit) -> bool {
    let outside = |c: &CueHit| c.class == CueClass::Context(ContextPhrase::OutsidePower);
    clause
        .cues
        .iter()
        .any(|c| outside(c) && c.start <= cue.start && cue.start < c.end)
        || cues_after(clause, &cue, 6).any(outside)
}

/// How many words may stand between a lifting word and the hostile act it lifts: "lifted the
/// concentrate export ban", "the ban on Barrick's exports was lifted".
const LIFTING_REACH: usize = 5;

/// How many words may stand between a refusal and the act it refuses: the verb, article and
/// modifier before a noun cue ("declined to sign the defence pact").
const REFUSAL_REACH: usize = 3;

/// How many words after a vote its resolution word may come: "voted against the March 2022
/// U.N. General Assembly resolution", "Russia's veto on Monday of a British and Sierra Leonean
/// draft resolution".
const VOTE_REACH: usize = 10;

/// How far after a resolution word its content reaches: "a resolution that calls for a
/// comprehensive, just and lasting peace in Ukraine and for the immediate withdrawal of Russian
/// forces" puts the withdrawal fifteen words after it.
const RESOLUTION_WORDS: usize = 20;

/// Whether the event word is recalled with a demonstrative ("Cette rupture intervient alors
/// que...", "This withdrawal leaves...", "ces sanctions"), or is a frame verb's subject ("The
/// accusations come weeks after..."): the event was told before and counted there; the
/// sentence says what came with it, and the power it names may be another one.
fn recalls_an_event(clause: &Clause<'_>, cue: &CueHit) -> bool {
    // Grammar, not knowledge: determiners that point back, in the languages orbit reads.
    const DEMONSTRATIVES: [&str; 14] = [
        "this",
        "these",
        "such",
        "cette",
        "ce",
        "cet",
        "ces",
        "этот",
        "эта",
        "это",
        "эти",
        "этого",
        "этой",
        "этим",
    ];
    // Articles, for an event word that is a frame verb's subject ("The accusations come weeks
    // after...", "La rupture intervient alors que...").
    const ARTICLES: [&str; 5] = ["the", "le", "la", "les", "l"];
    let before = clause.text[clause.start..cue.start]
        .split_whitespace()
        .next_back()
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        });
    let framed = || {
        clause.cues.iter().any(|f| {
            f.class == CueClass::Context(ContextPhrase::Frame)
                && f.start >= cue.end
                && clause.text[cue.end..f.start].split_whitespace().count() <= 1
        })
    };
    before.is_some_and(|w| {
        DEMONSTRATIVES.contains(&w.as_str()) || (ARTICLES.contains(&w.as_str()) && framed())
    })
}

/// How many countries make a list whose members outside the article's focus are company.
const COMPANY_LIST: usize = 4;
/// How many countries make a list that, naming none of the article's countries, recaps others'
/// news ("French troops were pushed out of Mali, Burkina Faso and Niger" in a story on Nigeria).
const RECAP_LIST: usize = 3;

/// How many words after a cooperative cue its object may sit: "supplying weapons to jihadists".
const BACKING_WINDOW: usize = 3;

/// A headline or section title ("Mali and Russia: An Alliance, Not Subordination"): short and
/// without closing punctuation. It announces what the body states, so the body's sentences
/// are the facts (a headline counted too would double the story's weight).
fn is_heading(text: &str) -> bool {
    let t = text.trim_end();
    let closed = t.ends_with(['.', '!', '?', '"', '»', '”', ')', ';', ':']);
    !closed && t.split_whitespace().count() < 16
}

/// Whether a hostile cue is aimed at something other than a relation between states: rebels,
/// jihadists or another armed group named within a few words after it ("Wagner ... highlighting
/// its role in expelling the rebels" is fighting alongside Mali, not a rupture between Mali and
/// Russia), or a war as its object ("calls for an end to the war", "ending the stalemate" is
/// peace-making, not a break with anyone).
fn aims_at_armed_group(clause: &Clause<'_>, cue: &CueHit, group_nouns: &[String]) -> bool {
    cues_after(clause, cue, 6)
        .any(|c| c.class == CueClass::ArmedGroup && !is_a_powers_force(clause, c, group_nouns))
        || followed_within(clause, cue, CueClass::Conflict, 4)
        // A war's length may stand between: "mettre fin à plus de trois ans de conflit",
        // "ending two decades of war".
        || cues_after(clause, cue, 8).any(|c| {
            c.class == CueClass::Conflict
                && clause.text[cue.end..c.start]
                    .split_whitespace()
                    .any(|w| DURATION_UNITS.contains(&fold_key(w).as_str()))
        })
}

/// Units a war's length is told in, between an ending word and the war it ends.
const DURATION_UNITS: [&str; 10] = [
    "years",
    "decades",
    "months",
    "ans",
    "annees",
    "decennies",
    "mois",
    "weeks",
    "semaines",
    "jours",
];

/// Whether someone other than `country` is named before a word of regret or thanks at `at`,
/// and so may be the one speaking ("France regretted Mali's decision..."). Powers named in an
/// aside are not the speaker ("Abiy, che ha stretto rapporti con Pechino e Ankara, ha
/// ringraziato l'Italia...").
fn named_before_the_speech(clause: &Clause<'_>, at: usize, country: usize) -> bool {
    clause.mentions.iter().any(|m| {
        m.entity != EntityRef::Country(country)
            && m.start >= clause.start
            && m.end <= at
            && !attribute::is_aside_at(clause, m.start)
    })
}

/// Whether a departure is the country's own forces' from home: its demonym heading the
/// departure's subject (see [`attribute::heads_subject_of`]) and the country itself right after
/// the event word ("Kenyan police officers left Nairobi for Haiti"): they go on a mission, they
/// break with no one. Forces leaving a foreign post ("South African soldiers left Goma") end a
/// deployment, which stays an event.
fn own_forces_leave(
    clause: &Clause<'_>,
    cue: CueHit,
    event: &EventCue,
    country: usize,
    is_forces: &impl Fn(&CueHit) -> bool,
) -> bool {
    let own = |m: &&Mention| m.entity == EntityRef::Country(country);
    event.event_type == EventType::Retreat
        && clause
            .mentions
            .iter()
            .filter(own)
            .any(|m| m.start >= cue.end && attribute::words_between(clause, cue.end, m.start) == 0)
        && clause.mentions.iter().filter(own).any(|m| {
            m.kind == AliasKind::Demonym && attribute::heads_subject_of(clause, m, cue, is_forces)
        })
}

/// Whether a power (or organisation) or an armed group is named before `cue` in the clause: a
/// possible actor other than an African state.
fn other_actor_before(clause: &Clause<'_>, cue: &CueHit) -> bool {
    clause
        .mentions
        .iter()
        .any(|m| !matches!(m.entity, EntityRef::Country(_)) && m.end <= cue.start)
        || clause
            .cues
            .iter()
            .any(|g| g.class == CueClass::ArmedGroup && g.end <= cue.start)
}

/// Whether a group word of the lexicon's `group_nouns` follows a name that is no armed group's:
/// "Russia's Yadran group", "the Adani Group" are companies ("the Islamic State group" names its
/// group with a word of the list, and stays one; "M23 rebels" are rebels).
fn names_a_body(clause: &Clause<'_>, group: &CueHit, group_nouns: &[String]) -> bool {
    let before = clause.text[clause.start..group.start].trim_end();
    let name_start = before
        .rfind(char::is_whitespace)
        .map_or(clause.start, |at| clause.start + at + 1);
    let name = &clause.text[name_start..group.start];
    group_nouns.contains(&fold_key(&clause.text[group.start..group.end]))
        && name.chars().next().is_some_and(char::is_uppercase)
        && !clause
            .cues
            .iter()
            .any(|o| o.class == CueClass::ArmedGroup && o.start < group.start && o.end > name_start)
}

/// Whether a group word is a power's own force, its name right before or after it: "Russian
/// fighters", "combattants russes", "Wagner fighters", "mercenaires de Wagner", "fighters of the
/// Wagner group", "the Wagner Group" are Moscow's men, not a non-state group.
fn is_a_powers_force(clause: &Clause<'_>, group: &CueHit, group_nouns: &[String]) -> bool {
    // The words that join a group word to the name after it: grammar, and the lexicon's words
    // for "group" ("fighters of the Wagner group").
    let joins = |between: &str| {
        between.split_whitespace().all(|w| {
            matches!(
                w.to_lowercase().as_str(),
                "of" | "the" | "de" | "du" | "des" | "d'"
            ) || group_nouns.contains(&fold_key(w))
        })
    };
    // Or the power's name, then at most two words that name no armed group, then a word for
    // "group": "a Russian fertiliser group", "a Russian state-linked mining group" are
    // companies ("Russian-backed rebel group" is not: "rebel" is an armed group's word; nor are
    // the "terroristes" in "les soldats français entraînent des terroristes").
    let group_noun = group_nouns.contains(&fold_key(&clause.text[group.start..group.end]));
    let described = |between: &str| {
        between.trim().is_empty()
            || group_noun
                && between.starts_with(char::is_whitespace)
                && between.split_whitespace().count() <= 2
                && !clause.cues.iter().any(|c| {
                    c.class == CueClass::ArmedGroup
                        && c.start < group.start
                        && c.end > group.start - between.len()
                })
    };
    clause.mentions.iter().any(|m| {
        let group_end = attribute::word_end(clause, group.end);
        let adjacent = (m.end <= group.start && described(&clause.text[m.end..group.start]))
            || (group_end <= m.start && joins(&clause.text[group_end..m.start]));
        // "the Wagner Group": the group word is part of the power's name.
        let inside = m.start <= group.start && group.end <= m.end;
        (adjacent || inside) && !matches!(m.entity, EntityRef::Country(_))
    })
}

/// Whether the hostile `event` at `cue`, with `country` named before it, is aimed at another
/// African country named right after it, with no power named after that country in the same
/// part of the clause: "Benin accused Niger's junta of blocking exports, while Niamey turned to
/// Moscow" is a dispute between neighbours, not Benin's hostility toward Moscow. ("Ghana
/// accused Burkina Faso of hiring Wagner mercenaries" names the power inside the accusation,
/// and stays Ghana's fact.)
fn aimed_at_another_country(
    clause: &Clause<'_>,
    cue: CueHit,
    event: &EventCue,
    country: usize,
) -> bool {
    if event.stance != Stance::Hostile {
        return false;
    }
    let subject_named = clause
        .mentions
        .iter()
        .any(|m| m.entity == EntityRef::Country(country) && m.end <= cue.start);
    if !subject_named {
        return false;
    }
    let window_end = window_after(clause, &cue, 3);
    let Some(target) = clause.mentions.iter().find(|m| {
        m.start >= cue.end
            && m.start < window_end
            && matches!(m.entity, EntityRef::Country(t) if t != country)
    }) else {
        return false;
    };
    !names_power_in_part(clause, cue.start, target.end)
}

/// Whether the event word is in an aside that names another country while this one is named
/// outside asides: "la base de Djibouti devient le principal point d'appui de l'armée
/// française, alors que le Tchad et le Sénégal viennent d'annoncer la fin de la présence
/// française" is no end of the French presence in Djibouti; nor is "alors que Paris a dû
/// quitter Bamako".
fn in_another_countrys_aside(clause: &Clause<'_>, cue: CueHit, country: usize) -> bool {
    if !attribute::is_aside_at(clause, cue.start) {
        return false;
    }
    let named_outside = clause.mentions.iter().any(|m| {
        m.entity == EntityRef::Country(country) && !attribute::is_aside_at(clause, m.start)
    });
    // Named before the event word, or as its object right after it ("alors que Paris a dû
    // quitter Bamako", not "support from Moscow, Abu Dhabi and Cairo", a list of backers).
    let cue_end = attribute::word_end(clause, cue.end);
    let object_at =
        |m: &Mention| m.start >= cue_end && attribute::words_between(clause, cue_end, m.start) <= 1;
    let other_in_aside = clause.mentions.iter().any(|m| {
        matches!(m.entity, EntityRef::Country(o) if o != country)
            && (m.end <= cue.start || object_at(m))
            && attribute::is_aside_at(clause, m.start)
    });
    named_outside && other_in_aside
}

/// Whether every mention of `power` lies in an aside, after another country named in the same
/// aside, while `country` is named outside asides only (see [`in_another_countrys_aside`] for
/// the event word). An aside that names the power first is most often the subject's own
/// ("Haftar's forces, which enjoy support from Moscow, Abu Dhabi and Cairo").
fn in_other_countries_aside(clause: &Clause<'_>, power: EntityRef, country: usize) -> bool {
    let aside = |m: &Mention| attribute::is_aside_at(clause, m.start);
    let (inside, outside): (Vec<&Mention>, Vec<&Mention>) =
        clause.mentions.iter().partition(|m| aside(m));
    let is_country = |m: &&Mention| m.entity == EntityRef::Country(country);
    let after_another_country = |p: &Mention| {
        inside.iter().any(|o| {
            matches!(o.entity, EntityRef::Country(other) if other != country)
                && o.end <= p.start
                && !clause.text[o.end..p.start].contains([',', ';'])
        })
    };
    outside.iter().any(is_country)
        && !inside.iter().any(is_country)
        && !outside.iter().any(|m| m.entity == power)
        && inside
            .iter()
            .filter(|m| m.entity == power)
            .all(|p| after_another_country(p))
        && inside.iter().any(|m| m.entity == power)
}

/// Whether a negation of the clause bears on the event word: verbs of denial deny the clause's
/// event wherever they stand ("a claim Cotonou denies"); other negations do too, except after
/// the event word inside a relative clause on its phrase (see [`opens_subordinate`]); the
/// lexicon's `forward_negations` only what follows them ("a suspendu sa coopération avec
/// l'armée, sans envisager de retrait" is a suspension).
fn is_negated(clause: &Clause<'_>, cue: CueHit) -> bool {
    clause.cues.iter().any(|c| match c.class {
        CueClass::Denial => true,
        // A negation the event word starts inside and runs past is the event's own: "did not
        // renew" is the non-renewal the lexicon lists, not a renewal denied ("sans rupture",
        // which holds the event word, still denies it).
        CueClass::Negation if c.start <= cue.start && cue.start < c.end && c.end < cue.end => false,
        // So is one inside a refusal: "a décidé de ne pas renouveler" refuses the renewal.
        CueClass::Negation if attribute::within_phrase(clause, c, ContextPhrase::Refusal) => false,
        CueClass::Negation => {
            c.start < cue.start || !opens_subordinate(&clause.text[cue.end..c.start])
        }
        CueClass::ForwardNegation => c.start < cue.start,
        _ => false,
    }) || french_negation_around(clause, cue)
        || present_negation_before(clause, cue)
}

/// Whether the event word follows "is not" / "are not" right before it, or with "a" between
/// ("Dakar has stressed that it is not breaking with Paris", "this is not a departure").
/// Grammar, not knowledge: elsewhere in a clause these negate a description ("is not a new
/// partner"), so the lexicon's negations leave them out.
///
/// The event word may also be the object of a gerund right after the negation, a word or two
/// on: "Mali is not hiring Russian instructors".
fn present_negation_before(clause: &Clause<'_>, cue: CueHit) -> bool {
    let words = attribute::words_before(clause, cue.start, 5);
    let negation_ends = |at: usize| {
        // An article may stand between: "this is not a departure".
        let at = if at >= 1 && matches!(words[at - 1].as_str(), "a" | "an") {
            at - 1
        } else {
            at
        };
        let split =
            at >= 2 && matches!(words[at - 2].as_str(), "is" | "are") && words[at - 1] == "not";
        let joined = at >= 1
            && matches!(
                words[at - 1].as_str(),
                "isn't" | "aren't" | "isn’t" | "aren’t"
            );
        split || joined
    };
    let n = words.len();
    negation_ends(n)
        || (1..n).any(|gerund| {
            words[gerund].ends_with("ing")
                && n - gerund <= 3
                && !words[gerund..].iter().any(|w| w.ends_with([',', ';']))
                && negation_ends(gerund)
        })
}

/// Whether the event word is the verb of a French negation, or follows it: "ne" (or "n'") and
/// then at most one word before "pas", "plus", "jamais" or "ni", ending right before the event
/// word or around it ("on ne vote plus contre Moscou", "n'a ni expulsé l'ambassadeur").
/// Grammar, not knowledge: the lexicon lists the common fixed forms ("n'a pas"); this takes in
/// any verb between the two particles.
fn french_negation_around(clause: &Clause<'_>, cue: CueHit) -> bool {
    let end = window_after(clause, &cue, 1);
    let words: Vec<String> = clause.text[clause.start..end]
        .split_whitespace()
        .map(|w| w.to_lowercase())
        .collect();
    let particle = |w: &str| {
        matches!(
            w.trim_matches(|c: char| !c.is_alphanumeric()),
            "pas" | "plus" | "jamais" | "ni"
        )
    };
    let elided = |w: &str| w.starts_with("n'") || w.starts_with("n’");
    let tail = &words[words.len().saturating_sub(4)..];
    tail.windows(3)
        .any(|w| (w[0] == "ne" || elided(&w[0])) && particle(&w[2]))
        || tail.windows(2).any(|w| elided(&w[0]) && particle(&w[1]))
}

/// Whether the threat word at `cue` threatens a cooperative act, or to bring in a power, two
/// words on at most with no hostile act between: "a menacé de faire appel à la Russie", "Mali's
/// threat to engage the Wagner Group". The threat is leverage on others; it is no hostility
/// toward the power it names.
fn threatens_to_cooperate(clause: &Clause<'_>, cue: &CueHit, events: &[EventCue]) -> bool {
    let near =
        |from: usize, at: usize| at >= from && attribute::words_between(clause, from, at) <= 2;
    clause.cues.iter().any(|t| {
        let hostile_before = |at: usize| {
            clause.cues.iter().any(|c| {
                matches!(c.class, CueClass::Event(i) if events[i].stance == Stance::Hostile)
                    && c.start >= t.end
                    && c.end <= at
            })
        };
        t.class == CueClass::Context(ContextPhrase::Threat)
            && t.start <= cue.start
            && cue.start < t.end
            && (clause.cues.iter().any(|c| {
                matches!(c.class, CueClass::Event(i) if events[i].stance == Stance::Cooperative)
                    && near(t.end, c.start)
            }) || clause.mentions.iter().any(|m| {
                !matches!(m.entity, EntityRef::Country(_))
                    && near(t.end, m.start)
                    && !hostile_before(m.start)
            }))
    })
}

/// Whether a hedge of the clause bears on the event word: one before it, or after it outside a
/// clause it opens ("criticised Germany for announcing that it would intervene" is a criticism
/// made, not one that might be; "signed a deal that could bring troops" is a deal signed).
fn hedges_the_event(clause: &Clause<'_>, cue: CueHit) -> bool {
    clause.cues.iter().any(|h| {
        h.class == CueClass::Hedge
            && !(h.start >= cue.end
                && holds_a_word_of(&clause.text[cue.end..h.start], &CLAUSE_OPENERS))
    })
}

/// Whether `text` holds one of `words` (lowercase) as a whole word.
fn holds_a_word_of(text: &str, words: &[&str]) -> bool {
    text.split(|c: char| !c.is_alphanumeric())
        .any(|w| words.contains(&w.to_lowercase().as_str()))
}

/// The particles of a negation ("tant que les sanctions ne seront pas levées"). Grammar, not
/// knowledge.
const NEGATION_PARTICLES: [&str; 4] = ["not", "never", "pas", "jamais"];

/// The words that open a condition ("if", "unless", "si"). Grammar, not knowledge.
const CONDITION_OPENERS: [&str; 4] = ["if", "unless", "si", "sauf"];

/// Whether `sentence` is an entry of a chronology: a short head naming a year, then a colon or a
/// dash ("July 2021: Rwanda deploys ...", "– décembre 2022 : RFI est suspendue"). Grammar, not
/// knowledge.
fn is_dated_entry(sentence: &str) -> bool {
    let body = sentence.trim_start_matches(|c: char| !c.is_alphanumeric());
    let Some(head_end) = body.find([':', '–', '—']) else {
        return false;
    };
    let head = &body[..head_end];
    let names_a_year = head
        .split(|c: char| !c.is_ascii_digit())
        .any(|y| y.len() == 4 && (y.starts_with("19") || y.starts_with("20")));
    names_a_year && head.split_whitespace().count() <= 4
}

/// Words that open a clause of their own after an event word: complementizers and relative
/// pronouns ("qu'" is "qu" once split at its apostrophe). Grammar, not knowledge.
pub(crate) const CLAUSE_OPENERS: [&str; 16] = [
    "that",
    "which",
    "who",
    "whom",
    "whether",
    "que",
    "qu",
    "qui",
    "dont",
    "lequel",
    "laquelle",
    "lesquels",
    "lesquelles",
    "auquel",
    "auxquels",
    "auxquelles",
];

/// Whether `between` (the words from an event word to a later negation) opens a relative
/// clause on the event's own phrase, whose negation is its verb's: "dénonce un pas qu'aucun
/// gouvernement n'avait franchi" denounces; "un partenariat qui ne s'est jamais démenti" holds.
/// Past a comma that no relative pronoun follows, the negation may bear on the whole ("une
/// adhésion présentée comme imminente, en prêtant des propos qu'ils n'ont jamais tenus").
/// A preposition may stand before the pronoun ("a conference ..., to which neither Port Sudan
/// nor the RSF were invited"). So does a participle after a comma (see [`is_participle`]).
/// Grammar, not knowledge: the pronouns that open a relative clause, and the prepositions
/// before them.
fn opens_subordinate(between: &str) -> bool {
    // "qu'aucun": the pronoun is the word's part before its apostrophe.
    let is_relative = |w: &str| {
        let w = w.to_lowercase();
        let pronoun = w.split(['\'', '\u{2019}']).next().unwrap_or("");
        CLAUSE_OPENERS.contains(&pronoun) && pronoun != "whether"
    };
    let is_preposition = |w: &str| {
        matches!(
            w.to_lowercase().as_str(),
            "to" | "in"
                | "of"
                | "for"
                | "with"
                | "from"
                | "by"
                | "on"
                | "at"
                | "à"
                | "de"
                | "dans"
                | "pour"
                | "avec"
                | "par"
                | "sur"
                | "selon"
        )
    };
    let words: Vec<&str> = between.split_whitespace().collect();
    for (i, w) in words.iter().enumerate() {
        if is_relative(w) {
            return true;
        }
        let relative_next = || match words.get(i + 1) {
            Some(next) if is_preposition(next) => words.get(i + 2).is_some_and(|n| is_relative(n)),
            Some(next) => is_relative(next),
            None => false,
        };
        if w.ends_with(',') && words.get(i + 1).is_some_and(|n| is_participle(n)) {
            return true;
        }
        if w.ends_with([',', ';']) && !relative_next() {
            return false;
        }
    }
    false
}

/// Whether `word` is a present participle that opens a phrase of its own after a comma:
/// "approved the pipeline, reviving a project long stalled for lack of funding", "retire le
/// permis, estimant que les délais n'ont pas été respectés". Its negations are its own.
/// Grammar, not knowledge: "-ing" and "-ant" words that are no participle, or that bring in a
/// source or a list rather than an act, are left out.
fn is_participle(word: &str) -> bool {
    word.len() > 5
        && (word.ends_with("ing") || word.ends_with("ant"))
        && word.starts_with(|c: char| c.is_lowercase())
        && !matches!(
            word,
            "nothing"
                | "during"
                | "according"
                | "notwithstanding"
                | "pendant"
                | "durant"
                | "maintenant"
                | "cependant"
                | "pourtant"
                | "suivant"
                | "important"
        )
}

/// Whether a negation stands at most four words before the event word, in the same part of the
/// clause: "ruled out any deal with", "n'a pas fait appel à des partenaires", "a écarté
/// toute adhésion". Further off, it is often another verb's ("neither side has announced...").
fn denies_right_before(clause: &Clause<'_>, cue: CueHit) -> bool {
    clause.cues.iter().any(|c| {
        matches!(
            c.class,
            CueClass::Negation | CueClass::Denial | CueClass::ForwardNegation
        ) && c.end <= cue.start
            && {
                let between = &clause.text[c.end..cue.start];
                !between.contains([',', ';', '(', ')', '—'])
                    && between.split_whitespace().count() <= 4
            }
    })
}

/// Whether the event word is in a relative clause about another party named just before it:
/// another country ("peace between Congo and Rwanda, which UN experts accuse of backing the
/// M23", "le Niger, qui a expulsé..."), or a power whose relative clause names other countries
/// and not this one ("La France, qui a quitté le Tchad et rétrocédé ses emprises au Sénégal,
/// voit son dispositif se resserrer autour de Djibouti" is no concession of Djibouti's).
fn tells_of_another_country(clause: &Clause<'_>, cue: CueHit, country: usize) -> bool {
    let before = &clause.text[clause.start..cue.start];
    // The relative clause runs from its pronoun to the cue with no comma between.
    let Some(comma) = before.rfind([',', ';']).map(|i| clause.start + i) else {
        return false;
    };
    let rest = &clause.text[comma + 1..cue.start];
    let opener = rest
        .split_whitespace()
        .next()
        .unwrap_or_default()
        .to_lowercase();
    let relative = clause.text[comma..].starts_with(',')
        && matches!(
            opener.as_str(),
            "which" | "who" | "whose" | "qui" | "dont" | "lequel" | "laquelle"
        )
        && rest.split_whitespace().count() <= 12;
    if !relative {
        return false;
    }
    let Some(antecedent) = clause
        .mentions
        .iter()
        .rfind(|m| m.end <= comma && clause.text[m.end..comma].trim().is_empty())
    else {
        return false;
    };
    match antecedent.entity {
        EntityRef::Country(c) => c != country,
        _ => {
            let end = clause.text[cue.end..clause.end]
                .find([',', ';'])
                .map_or(clause.end, |i| cue.end + i);
            let named: Vec<EntityRef> = clause
                .mentions
                .iter()
                .filter(|m| m.start > comma && m.end <= end)
                .map(|m| m.entity)
                .filter(|e| matches!(e, EntityRef::Country(_)))
                .collect();
            // A power's relative clause that names no country tells what the power does to the
            // country of the main clause ("avec l'aval de Washington, qui a proposé un soutien").
            !named.is_empty() && !named.contains(&EntityRef::Country(country))
        }
    }
}

/// Whether a power or organisation is named from byte `from` on, in the same part of the
/// clause (main clause or aside) as byte `at`.
fn names_power_in_part(clause: &Clause<'_>, at: usize, from: usize) -> bool {
    let part = attribute::is_aside_at(clause, at);
    clause.mentions.iter().any(|m| {
        !matches!(m.entity, EntityRef::Country(_))
            && m.start >= from
            && attribute::is_aside_at(clause, m.start) == part
    })
}

/// The end of the window of `words` words after `cue` (the clause's end when it is shorter).
fn window_after(clause: &Clause<'_>, cue: &CueHit, words: usize) -> usize {
    clause.text[cue.end..clause.end]
        .char_indices()
        .filter(|(_, c)| c.is_whitespace())
        .nth(words)
        .map_or(clause.end, |(i, _)| cue.end + i)
}

/// The cues of the clause that start within `words` words after `cue`.
fn cues_after<'c>(
    clause: &'c Clause<'_>,
    cue: &CueHit,
    words: usize,
) -> impl Iterator<Item = &'c CueHit> {
    let (from, to) = (cue.end, window_after(clause, cue, words));
    clause
        .cues
        .iter()
        .filter(move |c| c.start >= from && c.start < to)
}

/// Whether a cue of `class` starts within `words` words after `cue`.
fn followed_within(clause: &Clause<'_>, cue: &CueHit, class: CueClass, words: usize) -> bool {
    cues_after(clause, cue, words).any(|c| c.class == class)
}

/// The items of a position-sorted slice that start inside `[start, end)`.
fn within<T: Copy>(items: &[T], start: usize, end: usize, pos: impl Fn(&T) -> usize) -> Vec<T> {
    let from = items.partition_point(|i| pos(i) < start);
    let to = items.partition_point(|i| pos(i) < end);
    items[from..to].to_vec()
}

/// The date a clause names: the most precise one, the latest among equals
/// ("agreements with Russia in 1994 and 2019" → 2019).
pub fn event_date_of(clause: &str, reference: Option<FuzzyDate>) -> Option<FuzzyDate> {
    most_precise(&find_dates(clause, reference))
}

fn most_precise(dates: &[DateMention]) -> Option<FuzzyDate> {
    dates
        .iter()
        .map(|m| m.date)
        .max_by_key(|d| (u8::from(d.month.is_some()) + u8::from(d.day.is_some()), *d))
}

#[cfg(test)]
mod tests;
