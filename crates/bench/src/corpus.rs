//! A synthetic corpus for throughput benchmarks, built from orbit's own knowledge files.
//!
//! Every article is orbit article JSON (`{"url","title","text" or "html","published","source",
//! "lang"}`) of about 5 KB: English or French prose whose sentences name African countries
//! (by name, demonym, capital or leader) and foreign powers (by name, capital, leader or
//! force) from `data/gazetteer.toml`, joined by the event, topic, hedge, negation and
//! anaphora cues of `data/lexicon.toml`, dated in every form the date finder reads, between
//! paragraphs of filler prose and surrounded by the page junk a crawler brings back (share
//! rows, bylines, newsletter blurbs, comment forms, teasers of unrelated stories). A share
//! of the articles are HTML pages, and a share carry no `lang` so the language is detected.
//!
//! The text is not meant to be read: it is meant to cost what real articles cost. Article
//! `i` depends only on the seed and `i`, so a corpus is reproducible and any prefix of a
//! larger corpus is the smaller one.
//!
//! ```
//! use orbit_bench::corpus::{Corpus, CorpusOptions};
//! let knowledge = orbit_core::Knowledge::load(None).unwrap();
//! let corpus = Corpus::new(&knowledge, CorpusOptions::default());
//! let a = corpus.article(7);
//! assert_eq!(a, corpus.article(7));
//! assert!(a.text.as_ref().or(a.html.as_ref()).unwrap().len() > 3_000);
//! ```

use std::io::Write;

use orbit_core::Knowledge;
use serde::Serialize;

/// What to generate.
#[derive(Debug, Clone)]
pub struct CorpusOptions {
    /// Seed of the generator; the same seed gives the same corpus.
    pub seed: u64,
    /// Share of the articles written as HTML pages rather than text.
    pub html_share: f64,
    /// Share of the articles that give their language (the rest are detected).
    pub lang_share: f64,
    /// Share of the articles in French (the rest in English).
    pub french_share: f64,
    /// First month of publication dates, and how many months they spread over.
    pub first_year: i16,
    pub first_month: i8,
    pub months: u32,
    /// Mean size of an article's text, in bytes.
    pub mean_bytes: usize,
}

impl Default for CorpusOptions {
    fn default() -> Self {
        CorpusOptions {
            seed: 7,
            html_share: 0.1,
            lang_share: 0.5,
            french_share: 0.3,
            first_year: 2023,
            first_month: 1,
            months: 24,
            mean_bytes: 5_000,
        }
    }
}

/// One generated article, in orbit's article JSON.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SynthArticle {
    pub url: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub html: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub published: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lang: Option<String>,
}

/// What a call to [`Corpus::write_jsonl`] wrote.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct CorpusStats {
    pub articles: usize,
    pub bytes: u64,
}

/// The names a sentence can use for one entity, best-known first.
#[derive(Debug, Clone)]
struct Names {
    /// English or default name.
    name: String,
    /// French name (same as `name` for powers without one).
    name_fr: String,
    /// Every other alias: demonyms, capitals, leaders, forces, companies.
    others: Vec<String>,
}

/// The generator: name pools from the gazetteer, cue pools from the lexicon.
#[derive(Debug, Clone)]
pub struct Corpus {
    options: CorpusOptions,
    countries: Vec<Names>,
    /// Index of the Sahel and neighbours in `countries`, drawn more often (as in real coverage).
    hot_countries: Vec<usize>,
    powers: Vec<Names>,
    /// Index of the powers most stories are about (RU, US, FR, CN, TR, EU...).
    hot_powers: Vec<usize>,
    organisations: Vec<String>,
    /// Event cues as words a sentence can carry, per event entry.
    events: Vec<Vec<String>>,
    topics: Vec<String>,
    hedges: Vec<String>,
    negations: Vec<String>,
    anaphora: Vec<String>,
    sources: Vec<String>,
}

const HOT_COUNTRIES: &[&str] = &[
    "ML", "BF", "NE", "TD", "SN", "CI", "GN", "CF", "SD", "LY", "NG", "CM", "TG", "BJ", "MR",
];
const HOT_POWERS: &[&str] = &["RU", "US", "FR", "CN", "TR", "EU", "AE", "IR", "GB"];

const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
const MONTHS_FR: [&str; 12] = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
];

const FILLER_EN: &[&str] = &[
    "The announcement came after weeks of speculation in the capital's press.",
    "Analysts said the move reflected a broader shift in the region's security landscape.",
    "Prices of staple foods have risen sharply in recent months, adding to public frustration.",
    "The rainy season has made many roads in the north impassable for lorries.",
    "Officials gave no timetable for the next steps.",
    "Several opposition figures have been detained or have left the country since the transition began.",
    "Humanitarian agencies estimate that millions of people need assistance this year.",
    "The statement was read on national television on Sunday evening.",
    "Local journalists say access to the affected areas remains restricted.",
    "The finance ministry expects growth to slow because of lower cotton output.",
    "Schools in the border districts have been closed for most of the year.",
    "The electricity company has rationed power in the capital for several weeks.",
    "A regional summit is scheduled for the end of the quarter.",
    "The government spokesman declined to comment on the reports.",
    "Civil society groups called for more transparency over public spending.",
    "The harvest was better than expected in the south, according to farmers' unions.",
    "Observers noted that the wording of the communiqué was unusually cautious.",
    "The new constitution was adopted by referendum with a large majority.",
    "Gold exports account for most of the country's foreign earnings.",
    "Displacement camps near the capital have grown steadily since last year.",
    "The opposition coalition said it would boycott the consultations.",
    "Diplomats in the region describe the situation as fluid.",
    "The central bank kept its policy rate unchanged at its last meeting.",
    "Mobile money has spread quickly in rural areas over the past decade.",
];

const FILLER_FR: &[&str] = &[
    "L'annonce intervient après plusieurs semaines de spéculations dans la presse locale.",
    "Selon plusieurs analystes, cette décision traduit une recomposition du paysage sécuritaire régional.",
    "Les prix des denrées de base ont fortement augmenté ces derniers mois.",
    "La saison des pluies a rendu de nombreuses routes du nord impraticables.",
    "Aucun calendrier n'a été communiqué pour la suite du processus.",
    "Le porte-parole du gouvernement n'a pas souhaité commenter ces informations.",
    "Les organisations humanitaires estiment que des millions de personnes ont besoin d'aide cette année.",
    "Le communiqué a été lu dimanche soir à la télévision nationale.",
    "Les journalistes locaux indiquent que l'accès aux zones concernées reste limité.",
    "Le ministère des finances prévoit un ralentissement de la croissance.",
    "Les écoles des districts frontaliers sont fermées depuis le début de l'année.",
    "La société d'électricité rationne le courant dans la capitale depuis plusieurs semaines.",
    "Un sommet régional est prévu à la fin du trimestre.",
    "Des organisations de la société civile réclament davantage de transparence.",
    "La récolte a été meilleure que prévu dans le sud, selon les syndicats agricoles.",
    "Les observateurs notent la prudence inhabituelle du communiqué.",
    "L'or représente l'essentiel des recettes d'exportation du pays.",
    "Les camps de déplacés autour de la capitale n'ont cessé de grandir.",
    "La coalition de l'opposition a annoncé qu'elle boycotterait les concertations.",
    "Les diplomates de la région décrivent une situation très mouvante.",
];

const TAILS_EN: &[&str] = &[
    "officials said",
    "according to local media",
    "the ministry said in a statement",
    "a government spokesman confirmed",
    "state television reported",
    "diplomatic sources said",
    "according to a communiqué",
    "the presidency announced",
];
const TAILS_FR: &[&str] = &[
    "selon des responsables",
    "selon la presse locale",
    "a indiqué le ministère dans un communiqué",
    "a confirmé un porte-parole du gouvernement",
    "a rapporté la télévision d'État",
    "selon des sources diplomatiques",
    "a annoncé la présidence",
];

const OBJECTS_EN: &[&str] = &[
    "a new agreement",
    "the programme",
    "the mission",
    "the partnership",
    "the talks",
    "the contract",
    "the deployment",
    "the delegation",
];
const OBJECTS_FR: &[&str] = &[
    "un nouvel accord",
    "le programme",
    "la mission",
    "le partenariat",
    "les discussions",
    "le contrat",
    "le déploiement",
    "la délégation",
];

/// Lines a crawler brings back around the article: the cleaner's work.
const JUNK_TOP: &[&str] = &[
    "Share this",
    "Follow us on Twitter",
    "Whatsapp Facebook Twitter Email",
    "News » Africa » Sahel",
    "Advertisement",
    "5 min read",
];
const JUNK_BOTTOM: &[&str] = &[
    "Subscribe to our weekly newsletter for the best of our coverage.",
    "Tags: Africa, Security, Diplomacy",
    "© 2024 All rights reserved.",
    "Leave a Reply",
    "Your email address will not be published. Required fields are marked *",
    "Related stories:",
    "Ukraine says drones struck an oil depot overnight",
    "ICC judges reject request in war crimes case",
    "Markets fall as investors weigh rate outlook",
    "Most Popular",
];

impl Corpus {
    /// Builds the name and cue pools from `knowledge`.
    pub fn new(knowledge: &Knowledge, options: CorpusOptions) -> Corpus {
        let g = &knowledge.gazetteer;
        let lex = &knowledge.lexicon;
        let countries: Vec<Names> = g
            .countries
            .iter()
            .map(|c| Names {
                name: c.name.clone(),
                name_fr: c.name_fr.clone(),
                others: c
                    .demonyms
                    .iter()
                    .chain(&c.capitals)
                    .chain(&c.people)
                    .chain(&c.names)
                    .cloned()
                    .collect(),
            })
            .collect();
        let hot_countries = g
            .countries
            .iter()
            .enumerate()
            .filter(|(_, c)| HOT_COUNTRIES.contains(&c.iso2.as_str()))
            .map(|(i, _)| i)
            .collect();
        let powers: Vec<Names> = g
            .powers
            .iter()
            .map(|p| Names {
                name: p.name.clone(),
                name_fr: p.names.last().cloned().unwrap_or_else(|| p.name.clone()),
                others: p
                    .capitals
                    .iter()
                    .chain(&p.people)
                    .chain(&p.orgs)
                    .chain(&p.demonyms)
                    .cloned()
                    .collect(),
            })
            .collect();
        let hot_powers = g
            .powers
            .iter()
            .enumerate()
            .filter(|(_, p)| HOT_POWERS.contains(&p.key.as_str()))
            .map(|(i, _)| i)
            .collect();
        let words = |list: &[String]| -> Vec<String> { list.iter().map(|c| surface(c)).collect() };
        let sources = (0..400)
            .map(|i| {
                format!(
                    "{}-{}{}.example",
                    OUTLET_A[i % OUTLET_A.len()],
                    OUTLET_B[(i / OUTLET_A.len()) % OUTLET_B.len()],
                    i / (OUTLET_A.len() * OUTLET_B.len())
                )
            })
            .collect();
        Corpus {
            options,
            countries,
            hot_countries,
            powers,
            hot_powers,
            organisations: g.organisations.iter().map(|o| o.name.clone()).collect(),
            events: lex.events.iter().map(|e| words(&e.cues)).collect(),
            topics: lex.topics.iter().flat_map(|t| words(&t.cues)).collect(),
            hedges: words(&lex.hedges),
            negations: words(&lex.negations),
            anaphora: words(&lex.anaphora),
            sources,
        }
    }

    /// Article `i` of the corpus.
    pub fn article(&self, i: usize) -> SynthArticle {
        let o = &self.options;
        let mut rng = Rng::new(o.seed ^ (i as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15));
        let french = rng.chance(o.french_share);
        let html = rng.chance(o.html_share);
        let month_index = rng.below(o.months.max(1) as usize) as i32;
        let m0 = i32::from(o.first_month) - 1 + month_index;
        let year = o.first_year + (m0 / 12) as i16;
        let month = (m0 % 12 + 1) as i8;
        let day = 1 + rng.below(28) as i8;
        let date = Day { year, month, day };

        let focus = self.country(&mut rng);
        let others: Vec<usize> = (0..3).map(|_| self.country(&mut rng)).collect();
        let power = self.power(&mut rng);
        let w = Writer {
            corpus: self,
            french,
            date,
        };

        let title = w.title(&mut rng, focus, power);
        let source = rng.pick(&self.sources).clone();
        let slug: String = title
            .chars()
            .filter_map(|c| match c {
                c if c.is_ascii_alphanumeric() => Some(c.to_ascii_lowercase()),
                ' ' => Some('-'),
                _ => None,
            })
            .take(60)
            .collect();
        let url = format!("https://{source}/{year}/{month:02}/{slug}-{i}");

        // Publication date: mostly given; else written under the headline; rarely unknown.
        let dated = rng.below(20);
        let published = (dated < 17).then(|| date.iso());
        let date_line = (dated == 17 || dated == 18).then(|| w.date_words(date, false));

        let mut paragraphs: Vec<String> = Vec::new();
        let target = o.mean_bytes * 4 / 5 + rng.below(o.mean_bytes * 2 / 5 + 1);
        let mut size = 0;
        while size < target {
            let p = w.paragraph(&mut rng, focus, &others, power);
            size += p.len() + 2;
            paragraphs.push(p);
        }

        let lang = rng
            .chance(o.lang_share)
            .then(|| if french { "fr" } else { "en" }.to_string());
        let source_field = rng.chance(0.7).then_some(source);
        let top: Vec<&str> = (0..2).map(|_| *rng.pick(JUNK_TOP)).collect();
        let bottom_from = rng.below(3);
        let bottom = &JUNK_BOTTOM[bottom_from..];
        if html {
            SynthArticle {
                url,
                title: None,
                text: None,
                html: Some(html_page(
                    &title,
                    published.as_deref(),
                    &top,
                    &paragraphs,
                    bottom,
                    french,
                )),
                published: None,
                source: source_field,
                lang,
            }
        } else {
            let mut text = String::with_capacity(size + 600);
            text.push_str(&title);
            text.push_str("\n\n");
            if let Some(line) = &date_line {
                text.push_str(line);
                text.push_str("\n\n");
            }
            for line in &top {
                text.push_str(line);
                text.push_str("\n\n");
            }
            for p in &paragraphs {
                text.push_str(p);
                text.push_str("\n\n");
            }
            for line in bottom {
                text.push_str(line);
                text.push_str("\n\n");
            }
            SynthArticle {
                url,
                // Crawlers often lose the title; the cleaner then takes the headline line.
                title: rng.chance(0.6).then_some(title),
                text: Some(text.trim_end().to_string()),
                html: None,
                published,
                source: source_field,
                lang,
            }
        }
    }

    /// Writes articles `0..n` as JSON lines.
    pub fn write_jsonl(&self, n: usize, out: &mut impl Write) -> std::io::Result<CorpusStats> {
        let mut stats = CorpusStats::default();
        let mut line = Vec::with_capacity(16 * 1024);
        for i in 0..n {
            line.clear();
            serde_json::to_writer(&mut line, &self.article(i))?;
            line.push(b'\n');
            out.write_all(&line)?;
            stats.articles += 1;
            stats.bytes += line.len() as u64;
        }
        out.flush()?;
        Ok(stats)
    }

    /// A country, two times in three from the ones most coverage is about.
    fn country(&self, rng: &mut Rng) -> usize {
        if rng.below(3) < 2 && !self.hot_countries.is_empty() {
            *rng.pick(&self.hot_countries)
        } else {
            rng.below(self.countries.len())
        }
    }

    fn power(&self, rng: &mut Rng) -> usize {
        if rng.below(4) < 3 && !self.hot_powers.is_empty() {
            *rng.pick(&self.hot_powers)
        } else {
            rng.below(self.powers.len())
        }
    }
}

/// A calendar day (the generator needs no calendar arithmetic beyond days 1–28).
#[derive(Debug, Clone, Copy)]
struct Day {
    year: i16,
    month: i8,
    day: i8,
}

impl Day {
    fn iso(self) -> String {
        format!("{}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// Writes the prose of one article, in one language, around one publication day.
struct Writer<'c> {
    corpus: &'c Corpus,
    french: bool,
    date: Day,
}

impl Writer<'_> {
    fn title(&self, rng: &mut Rng, country: usize, power: usize) -> String {
        let c = self.country_name(country);
        let p = self.power_name(power);
        if self.french {
            match rng.below(3) {
                0 => format!("{c} et {p} : une relation en pleine mutation"),
                1 => format!("{c} : ce que change le rapprochement avec {p}"),
                _ => format!("Au {c}, la présence de {p} divise"),
            }
        } else {
            match rng.below(3) {
                0 => format!("{c} and {p}: A Relationship in Flux"),
                1 => format!("What {p}'s Return Means for {c}"),
                _ => format!("{c} Weighs Its Options as {p} Courts the Sahel"),
            }
        }
    }

    /// "12 June 2024" / "June 12, 2024" / "12 juin 2024"; `month_only` gives "June 2024".
    fn date_words(&self, d: Day, month_only: bool) -> String {
        let m = (d.month - 1) as usize;
        match (self.french, month_only) {
            (true, true) => format!("{} {}", MONTHS_FR[m], d.year),
            (true, false) => format!("{} {} {}", d.day, MONTHS_FR[m], d.year),
            (false, true) => format!("{} {}", MONTHS_EN[m], d.year),
            (false, false) if d.day % 2 == 0 => format!("{} {}, {}", MONTHS_EN[m], d.day, d.year),
            (false, false) => format!("{} {} {}", d.day, MONTHS_EN[m], d.year),
        }
    }

    /// A sentence-opening date phrase for an event in this article's month or before.
    fn date_phrase(&self, rng: &mut Rng) -> Option<String> {
        let d = self.date;
        let event = Day {
            day: 1 + rng.below(d.day as usize) as i8,
            ..d
        };
        let fr = self.french;
        Some(match rng.below(20) {
            0..=7 => {
                let w = self.date_words(event, false);
                if fr {
                    format!("Le {w}")
                } else {
                    format!("On {w}")
                }
            }
            8..=10 => {
                let w = self.date_words(event, true);
                if fr {
                    format!("En {w}")
                } else {
                    format!("In {w}")
                }
            }
            11 => {
                let y = d.year - 1 - rng.below(4) as i16;
                if fr {
                    format!("En {y}")
                } else {
                    format!("In {y}")
                }
            }
            12 => {
                let m = MONTHS_EN[(event.month - 1) as usize];
                if fr {
                    format!("Le {} {}", event.day, MONTHS_FR[(event.month - 1) as usize])
                } else {
                    format!("On {m} {}", event.day)
                }
            }
            _ => return None,
        })
    }

    fn country_name(&self, c: usize) -> &str {
        let n = &self.corpus.countries[c];
        if self.french { &n.name_fr } else { &n.name }
    }

    fn power_name(&self, p: usize) -> &str {
        let n = &self.corpus.powers[p];
        if self.french { &n.name_fr } else { &n.name }
    }

    /// A country as a sentence names it: mostly by name, else by demonym, capital or leader.
    fn country_ref(&self, rng: &mut Rng, c: usize) -> String {
        let n = &self.corpus.countries[c];
        if rng.below(3) == 0 && !n.others.is_empty() {
            rng.pick(&n.others).clone()
        } else {
            self.country_name(c).to_string()
        }
    }

    fn power_ref(&self, rng: &mut Rng, p: usize) -> String {
        let n = &self.corpus.powers[p];
        match rng.below(10) {
            0..=2 if !n.others.is_empty() => rng.pick(&n.others).clone(),
            3 if !self.corpus.organisations.is_empty() => {
                rng.pick(&self.corpus.organisations).clone()
            }
            _ => self.power_name(p).to_string(),
        }
    }

    fn cue(&self, rng: &mut Rng) -> String {
        let event = rng.pick(&self.corpus.events);
        if event.is_empty() {
            return "met".into();
        }
        rng.pick(event).clone()
    }

    /// A sentence stating a relation: a country, a cue, a power, maybe a date, hedge,
    /// negation, topic or a list of countries.
    fn fact_sentence(&self, rng: &mut Rng, focus: usize, others: &[usize], power: usize) -> String {
        let fr = self.french;
        let date = self.date_phrase(rng);
        let country = match rng.below(10) {
            0..=5 => self.country_ref(rng, focus),
            6 => {
                // A list: every country of it is a fact.
                let a = self.country_ref(rng, focus);
                let b = self.country_ref(rng, others[0]);
                let c = self.country_ref(rng, others[1]);
                if fr {
                    format!("{a}, {b} et {c}")
                } else {
                    format!("{a}, {b} and {c}")
                }
            }
            _ => {
                let c = *rng.pick(others);
                self.country_ref(rng, c)
            }
        };
        let which = if rng.below(3) == 0 {
            self.corpus.power(rng)
        } else {
            power
        };
        let p = self.power_ref(rng, which);
        let modal = match rng.below(10) {
            0 => format!("{} ", rng.pick(&self.corpus.hedges)),
            1 => format!("{} ", rng.pick(&self.corpus.negations)),
            _ => String::new(),
        };
        let cue = self.cue(rng);
        let topic = rng.pick(&self.corpus.topics);
        let object = if fr {
            rng.pick(OBJECTS_FR)
        } else {
            rng.pick(OBJECTS_EN)
        };
        let tail = if fr {
            rng.pick(TAILS_FR)
        } else {
            rng.pick(TAILS_EN)
        };
        let (on, with) = if fr { ("sur", "avec") } else { ("on", "with") };
        let body = format!("{country} {modal}{cue} {object} {on} {topic} {with} {p}, {tail}.");
        match date {
            Some(d) => format!("{d}, {body}"),
            None => capitalise(&body),
        }
    }

    /// A sentence that names the country only through "the country", "la junte"...
    fn anaphora_sentence(&self, rng: &mut Rng, power: usize) -> String {
        let a = rng.pick(&self.corpus.anaphora);
        let cue = self.cue(rng);
        let topic = rng.pick(&self.corpus.topics);
        let p = self.power_ref(rng, power);
        let with = if self.french { "avec" } else { "with" };
        capitalise(&format!("{a} {cue} {topic} {with} {p}."))
    }

    /// A country named with no power: no fact, but matching and attribution work.
    fn context_sentence(&self, rng: &mut Rng, c: usize) -> String {
        let name = self.country_ref(rng, c);
        if self.french {
            format!("La situation reste tendue pour {name}, selon les habitants interrogés.")
        } else {
            format!("Residents of {name} describe a tense situation, according to aid workers.")
        }
    }

    fn filler(&self, rng: &mut Rng) -> String {
        if self.french {
            rng.pick(FILLER_FR).to_string()
        } else {
            rng.pick(FILLER_EN).to_string()
        }
    }

    /// A paragraph of three to five sentences, about one of them a fact.
    fn paragraph(&self, rng: &mut Rng, focus: usize, others: &[usize], power: usize) -> String {
        let mut sentences = Vec::with_capacity(5);
        let n = 3 + rng.below(3);
        for k in 0..n {
            // About one fact per paragraph, ten per article, as in dense analysis pieces.
            let s = match (k, rng.below(100)) {
                (0, 0..=32) | (1.., 0..=4) => self.fact_sentence(rng, focus, others, power),
                (1.., 5..=8) => self.anaphora_sentence(rng, power),
                (_, 14..=29) => {
                    let c = *rng.pick(others);
                    self.context_sentence(rng, c)
                }
                _ => self.filler(rng),
            };
            sentences.push(s);
        }
        sentences.join(" ")
    }
}

/// A cue as a word in a sentence: `expel*` → `expelled`, `sanction*` → `sanctions`.
fn surface(cue: &str) -> String {
    match cue.strip_suffix('*') {
        None => cue.to_string(),
        Some(stem) if stem.ends_with('e') => format!("{stem}s"),
        Some(stem) if stem.ends_with(['l', 'd', 't']) => format!("{stem}ed"),
        Some(stem) => format!("{stem}s"),
    }
}

fn capitalise(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// A news page: head metadata, navigation, the article, related stories, a footer.
fn html_page(
    title: &str,
    published: Option<&str>,
    top: &[&str],
    paragraphs: &[String],
    bottom: &[&str],
    french: bool,
) -> String {
    let lang = if french { "fr" } else { "en" };
    let mut h =
        String::with_capacity(paragraphs.iter().map(|p| p.len() + 8).sum::<usize>() + 2_000);
    h.push_str(&format!(
        "<!DOCTYPE html><html lang=\"{lang}\"><head><meta charset=\"utf-8\"><title>{t}</title>",
        t = escape(title)
    ));
    if let Some(p) = published {
        h.push_str(&format!(
            "<meta property=\"article:published_time\" content=\"{p}T08:00:00Z\">"
        ));
    }
    h.push_str("</head><body><header><nav><ul><li><a href=\"/\">Home</a></li><li><a href=\"/africa\">Africa</a></li><li><a href=\"/world\">World</a></li><li><a href=\"/opinion\">Opinion</a></li></ul></nav></header>");
    h.push_str("<div class=\"share\">");
    for t in top {
        h.push_str(&format!("<a href=\"#\">{}</a> ", escape(t)));
    }
    h.push_str("</div><main><article>");
    h.push_str(&format!("<h1>{}</h1>", escape(title)));
    for p in paragraphs {
        h.push_str(&format!("<p>{}</p>", escape(p)));
    }
    h.push_str("</article><aside class=\"related\"><ul>");
    for b in bottom {
        h.push_str(&format!("<li><a href=\"#\">{}</a></li>", escape(b)));
    }
    h.push_str("</ul></aside></main><footer><p>About us · Contact · Privacy policy</p></footer></body></html>");
    h
}

const OUTLET_A: &[&str] = &[
    "sahel",
    "africa",
    "daily",
    "tribune",
    "observer",
    "courier",
    "gazette",
    "monitor",
    "echo",
    "journal",
    "herald",
    "post",
    "times",
    "review",
    "dispatch",
    "express",
    "mirror",
    "telegraph",
    "voice",
    "info",
];
const OUTLET_B: &[&str] = &["news", "hebdo", "actu", "wire", "press"];

/// SplitMix64: small, fast and good enough to draw names; no dependency.
#[derive(Debug, Clone)]
struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Self {
        let mut r = Rng(seed);
        r.next();
        r
    }

    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (0 when `n` is 0).
    fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            return 0;
        }
        (self.next() % n as u64) as usize
    }

    fn chance(&mut self, p: f64) -> bool {
        ((self.next() >> 11) as f64) / ((1u64 << 53) as f64) < p
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn corpus() -> Corpus {
        Corpus::new(&Knowledge::load(None).unwrap(), CorpusOptions::default())
    }

    #[test]
    fn articles_are_reproducible_and_distinct() {
        let c = corpus();
        assert_eq!(c.article(3), c.article(3));
        assert_ne!(c.article(3), c.article(4));
        let urls: std::collections::HashSet<String> = (0..200).map(|i| c.article(i).url).collect();
        assert_eq!(urls.len(), 200);
    }

    #[test]
    fn articles_are_about_five_kilobytes_and_mix_formats_and_languages() {
        let c = corpus();
        let articles: Vec<SynthArticle> = (0..400).map(|i| c.article(i)).collect();
        let bytes: usize = articles
            .iter()
            .map(|a| a.text.as_ref().or(a.html.as_ref()).unwrap().len())
            .sum();
        let mean = bytes / articles.len();
        assert!((4_000..7_000).contains(&mean), "mean article size {mean}");
        let html = articles.iter().filter(|a| a.html.is_some()).count();
        assert!((10..90).contains(&html), "{html} HTML pages of 400");
        let fr = articles
            .iter()
            .filter(|a| a.lang.as_deref() == Some("fr"))
            .count();
        assert!(fr > 20, "{fr} French articles of 400");
        assert!(articles.iter().any(|a| a.lang.is_none()));
    }

    #[test]
    fn jsonl_has_one_article_object_per_line() {
        let c = corpus();
        let mut out = Vec::new();
        let stats = c.write_jsonl(25, &mut out).unwrap();
        assert_eq!(stats.articles, 25);
        assert_eq!(stats.bytes, out.len() as u64);
        for line in String::from_utf8(out).unwrap().lines() {
            let v: serde_json::Value = serde_json::from_str(line).unwrap();
            assert!(v["url"].is_string());
            assert!(v["text"].is_string() || v["html"].is_string());
        }
    }
}
