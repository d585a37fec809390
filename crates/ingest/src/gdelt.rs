//! GDELT files: the 2.0 Events export (61 tab-separated columns) and the Global Knowledge
//! Graph (GKG 2.0, 27 columns), plain or zipped as GDELT publishes them.
//!
//! An Events row is a coded event — who (actor country codes, CAMEO/ISO3), did what (a CAMEO
//! event code), when (SQLDATE), reported where (SOURCEURL). [`EventMapper`] turns a row
//! between an African state and a foreign power into an orbit fact of its own kind, with the
//! CAMEO → PLOVER mapping of `data/cameo.toml`; or the caller fetches the source URLs
//! ([`Row::source_url`]) and reads the articles themselves. A GKG row carries no event, only
//! an article's URL and the places it mentions, so it can only be fetched.
//!
//! ```no_run
//! use orbit_ingest::gdelt::{Row, read_gdelt};
//! for row in read_gdelt(std::path::Path::new("20240612.export.CSV.zip")) {
//!     match row {
//!         Ok(Row::Event(e)) => println!("{} {} {}", e.date, e.event_code, e.source_url),
//!         Ok(Row::Gkg(g)) => println!("{}", g.url),
//!         Err(e) => eprintln!("orbit: {e}"),
//!     }
//! }
//! ```

use std::collections::HashMap;
use std::fs::File;
use std::io::{BufRead, BufReader, Read};
use std::path::Path;
use std::sync::mpsc::{Receiver, sync_channel};

use orbit_core::gazetteer::EntityRef;
use orbit_core::knowledge::{DataError, parse_toml, read_data_file};
use orbit_core::{
    Category, DateBasis, Direction, Document, EventType, Fact, FuzzyDate, Gazetteer, Stance,
};
use serde::Deserialize;

use crate::IngestError;

/// Columns of a GDELT 2.0 Events row (the 1.0 daily files have 58: no ADM2 codes).
pub const EVENT_COLUMNS: usize = 61;
const EVENT_COLUMNS_V1: usize = 58;
/// Columns of a GKG 2.0 row.
pub const GKG_COLUMNS: usize = 27;

/// Positions of the Events columns orbit reads (the same in 1.0 and 2.0 up to AvgTone).
mod ev {
    pub const GLOBALEVENTID: usize = 0;
    pub const SQLDATE: usize = 1;
    pub const ACTOR1_CODE: usize = 5;
    pub const ACTOR1_NAME: usize = 6;
    pub const ACTOR1_COUNTRY: usize = 7;
    pub const ACTOR2_CODE: usize = 15;
    pub const ACTOR2_NAME: usize = 16;
    pub const ACTOR2_COUNTRY: usize = 17;
    pub const IS_ROOT_EVENT: usize = 25;
    pub const EVENT_CODE: usize = 26;
    pub const GOLDSTEIN: usize = 30;
    pub const NUM_ARTICLES: usize = 33;
    /// 2.0 only: when GDELT first saw the article (YYYYMMDDHHMMSS).
    pub const DATEADDED: usize = 59;
}

/// Positions of the GKG 2.0 columns orbit reads.
mod gkg {
    pub const RECORD_ID: usize = 0;
    pub const DATE: usize = 1;
    pub const SOURCE_COLLECTION: usize = 2;
    pub const SOURCE_NAME: usize = 3;
    pub const DOCUMENT: usize = 4;
    pub const LOCATIONS: usize = 9;
    pub const V2_LOCATIONS: usize = 10;
}

/// One side of an event.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Actor {
    /// The full CAMEO actor code ("MLIGOV", "RUSMIL").
    pub code: String,
    pub name: String,
    /// The actor's country, a CAMEO country code (ISO 3166 alpha-3 for states: "MLI").
    pub country: String,
}

/// One row of an Events file.
#[derive(Debug, Clone, PartialEq)]
pub struct Event {
    /// Line number in the file, for messages.
    pub line: usize,
    pub id: String,
    /// SQLDATE: the day of the event.
    pub date: FuzzyDate,
    /// DATEADDED: the day GDELT saw the article (2.0 files), close to its publication.
    pub added: Option<FuzzyDate>,
    pub actor1: Actor,
    pub actor2: Actor,
    /// The CAMEO event code ("057", "1661").
    pub event_code: String,
    pub is_root_event: bool,
    pub goldstein: Option<f64>,
    pub num_articles: u32,
    pub source_url: String,
}

/// One row of a GKG file: an article and what it mentions.
#[derive(Debug, Clone, PartialEq)]
pub struct GkgRecord {
    pub line: usize,
    pub id: String,
    pub date: Option<FuzzyDate>,
    pub source_name: String,
    /// The article's URL (web sources only; other collections have an identifier here).
    pub url: String,
    /// The country of every place the article mentions, as GDELT names it ("Mali").
    pub place_countries: Vec<String>,
}

/// A row of either kind of file.
#[derive(Debug, Clone, PartialEq)]
pub enum Row {
    Event(Event),
    Gkg(GkgRecord),
}

impl Row {
    /// The URL of the article the row comes from, when it is a web URL.
    pub fn source_url(&self) -> Option<&str> {
        let url = match self {
            Row::Event(e) => &e.source_url,
            Row::Gkg(g) => &g.url,
        };
        (url.starts_with("http://") || url.starts_with("https://")).then_some(url.as_str())
    }

    /// When the article was published, as near as the row tells.
    pub fn published(&self) -> Option<FuzzyDate> {
        match self {
            Row::Event(e) => e.added.or(Some(e.date)),
            Row::Gkg(g) => g.date,
        }
    }
}

/// Streams the rows of a GDELT Events or GKG file, plain or zipped (the first file inside).
///
/// The kind of file is told by the column count of its first row; a row with another count
/// is an error naming its line, and reading goes on. A file that is neither kind is one error.
pub fn read_gdelt(path: &Path) -> Box<dyn Iterator<Item = Result<Row, IngestError>>> {
    let name = path.display().to_string();
    let lines = match open_lines(path) {
        Ok(lines) => lines,
        Err(e) => return Box::new(std::iter::once(Err(e))),
    };
    Box::new(GdeltRows {
        lines,
        name,
        line_no: 0,
        layout: None,
        failed: false,
    })
}

/// The bytes of each line, from a plain file or from the first file of a zip archive.
type Lines = Box<dyn Iterator<Item = std::io::Result<Vec<u8>>>>;

fn open_lines(path: &Path) -> Result<Lines, IngestError> {
    let name = path.display().to_string();
    let io = |source| IngestError::Io {
        path: name.clone(),
        source,
    };
    let mut file = File::open(path).map_err(io)?;
    let mut magic = [0u8; 4];
    let n = file.read(&mut magic).map_err(io)?;
    drop(file);
    if n == 4 && magic == *b"PK\x03\x04" {
        return Ok(Box::new(zipped_lines(path.to_path_buf(), name)?));
    }
    let file = File::open(path).map_err(io)?;
    Ok(Box::new(byte_lines(BufReader::with_capacity(
        256 * 1024,
        file,
    ))))
}

fn byte_lines<R: BufRead>(mut reader: R) -> impl Iterator<Item = std::io::Result<Vec<u8>>> {
    std::iter::from_fn(move || {
        let mut line = Vec::new();
        match reader.read_until(b'\n', &mut line) {
            Ok(0) => None,
            Ok(_) => Some(Ok(line)),
            Err(e) => Some(Err(e)),
        }
    })
}

/// Lines of the first file in a zip archive, decompressed on a helper thread so that the
/// archive (which its entry borrows) lives there and memory stays flat.
fn zipped_lines(
    path: std::path::PathBuf,
    name: String,
) -> Result<impl Iterator<Item = std::io::Result<Vec<u8>>>, IngestError> {
    let bad_zip = |message: String| IngestError::Gdelt {
        path: name.clone(),
        line: 0,
        message,
    };
    let file = File::open(&path).map_err(|source| IngestError::Io {
        path: name.clone(),
        source,
    })?;
    let mut archive = zip::ZipArchive::new(BufReader::new(file))
        .map_err(|e| bad_zip(format!("not a readable zip archive ({e})")))?;
    if archive.is_empty() {
        return Err(bad_zip("empty zip archive".into()));
    }
    // Check that the first entry opens before handing the archive to the thread.
    archive
        .by_index(0)
        .map_err(|e| bad_zip(format!("cannot open the file inside the zip ({e})")))?;
    let (tx, rx) = sync_channel(1024);
    std::thread::spawn(move || {
        let Ok(entry) = archive.by_index(0) else {
            return;
        };
        for line in byte_lines(BufReader::with_capacity(256 * 1024, entry)) {
            // The reader hung up: nobody wants the rest.
            if tx.send(line).is_err() {
                return;
            }
        }
    });
    Ok(ChannelLines(rx))
}

struct ChannelLines(Receiver<std::io::Result<Vec<u8>>>);

impl Iterator for ChannelLines {
    type Item = std::io::Result<Vec<u8>>;
    fn next(&mut self) -> Option<Self::Item> {
        self.0.recv().ok()
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Layout {
    Events { columns: usize },
    Gkg,
}

struct GdeltRows {
    lines: Lines,
    name: String,
    line_no: usize,
    layout: Option<Layout>,
    /// The file turned out not to be GDELT: stop after saying so once.
    failed: bool,
}

impl Iterator for GdeltRows {
    type Item = Result<Row, IngestError>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            if self.failed {
                return None;
            }
            let bytes = match self.lines.next()? {
                Ok(bytes) => bytes,
                Err(source) => {
                    self.failed = true;
                    return Some(Err(IngestError::Io {
                        path: self.name.clone(),
                        source,
                    }));
                }
            };
            self.line_no += 1;
            let text = String::from_utf8_lossy(&bytes);
            let text = text.trim_end_matches(['\n', '\r']);
            if text.trim().is_empty() {
                continue;
            }
            let cols: Vec<&str> = text.split('\t').collect();
            let layout = match self.layout {
                Some(layout) => layout,
                None => match cols.len() {
                    EVENT_COLUMNS | EVENT_COLUMNS_V1 => *self.layout.insert(Layout::Events {
                        columns: cols.len(),
                    }),
                    GKG_COLUMNS => *self.layout.insert(Layout::Gkg),
                    n => {
                        self.failed = true;
                        return Some(Err(self.error(format!(
                            "not a GDELT 2.0 Events ({EVENT_COLUMNS} tab-separated columns) or \
                             GKG ({GKG_COLUMNS} columns) file: the first row has {n} column{}; \
                             file skipped",
                            if n == 1 { "" } else { "s" }
                        ))));
                    }
                },
            };
            return Some(match layout {
                Layout::Events { columns } => self.event(&cols, columns).map(Row::Event),
                Layout::Gkg => self.gkg(&cols).map(Row::Gkg),
            });
        }
    }
}

impl GdeltRows {
    fn error(&self, message: String) -> IngestError {
        IngestError::Gdelt {
            path: self.name.clone(),
            line: self.line_no,
            message,
        }
    }

    fn event(&self, cols: &[&str], columns: usize) -> Result<Event, IngestError> {
        if cols.len() != columns {
            return Err(self.error(format!(
                "{} columns where this Events file has {columns}",
                cols.len()
            )));
        }
        let date = gdelt_date(cols[ev::SQLDATE])
            .ok_or_else(|| self.error(format!("bad SQLDATE '{}'", cols[ev::SQLDATE])))?;
        let event_code = cols[ev::EVENT_CODE].trim().to_string();
        if event_code.len() < 2 || !event_code.bytes().all(|b| b.is_ascii_digit()) {
            return Err(self.error(format!("bad CAMEO EventCode '{event_code}'")));
        }
        let actor = |code: usize, name: usize, country: usize| Actor {
            code: cols[code].trim().to_string(),
            name: cols[name].trim().to_string(),
            country: cols[country].trim().to_ascii_uppercase(),
        };
        Ok(Event {
            line: self.line_no,
            id: cols[ev::GLOBALEVENTID].trim().to_string(),
            date,
            added: (columns == EVENT_COLUMNS)
                .then(|| gdelt_date(cols[ev::DATEADDED]))
                .flatten(),
            actor1: actor(ev::ACTOR1_CODE, ev::ACTOR1_NAME, ev::ACTOR1_COUNTRY),
            actor2: actor(ev::ACTOR2_CODE, ev::ACTOR2_NAME, ev::ACTOR2_COUNTRY),
            event_code,
            is_root_event: cols[ev::IS_ROOT_EVENT].trim() == "1",
            goldstein: cols[ev::GOLDSTEIN].trim().parse().ok(),
            num_articles: cols[ev::NUM_ARTICLES].trim().parse().unwrap_or(0),
            source_url: cols[columns - 1].trim().to_string(),
        })
    }

    fn gkg(&self, cols: &[&str]) -> Result<GkgRecord, IngestError> {
        if cols.len() != GKG_COLUMNS {
            return Err(self.error(format!(
                "{} columns where a GKG file has {GKG_COLUMNS}",
                cols.len()
            )));
        }
        let web = cols[gkg::SOURCE_COLLECTION].trim() == "1";
        let mut place_countries: Vec<String> = Vec::new();
        for field in [cols[gkg::V2_LOCATIONS], cols[gkg::LOCATIONS]] {
            for location in field.split(';').filter(|l| !l.is_empty()) {
                // TYPE#FULLNAME#COUNTRYCODE#...; FULLNAME is "City, Region, Country".
                let Some(full_name) = location.split('#').nth(1) else {
                    continue;
                };
                let country = full_name.rsplit(',').next().unwrap_or("").trim();
                if !country.is_empty() && !place_countries.iter().any(|c| c == country) {
                    place_countries.push(country.to_string());
                }
            }
        }
        Ok(GkgRecord {
            line: self.line_no,
            id: cols[gkg::RECORD_ID].trim().to_string(),
            date: gdelt_date(cols[gkg::DATE]),
            source_name: cols[gkg::SOURCE_NAME].trim().to_string(),
            url: if web {
                cols[gkg::DOCUMENT].trim().to_string()
            } else {
                String::new()
            },
            place_countries,
        })
    }
}

/// A GDELT date: `YYYYMMDD` (SQLDATE) or `YYYYMMDDHHMMSS` (DATEADDED, GKG DATE).
fn gdelt_date(s: &str) -> Option<FuzzyDate> {
    let s = s.trim();
    if (s.len() != 8 && s.len() != 14) || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    FuzzyDate::ymd(
        s[0..4].parse().ok()?,
        s[4..6].parse().ok()?,
        s[6..8].parse().ok()?,
    )
}

// ---------------------------------------------------------------------------------------------
// CAMEO → PLOVER, and events → facts.

const BUILTIN_CAMEO: &str = include_str!("../../../data/cameo.toml");

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct CameoFile {
    code: Vec<CameoEntry>,
}

/// How one CAMEO code (or every code under a prefix) enters orbit.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CameoEntry {
    /// A CAMEO code or prefix: "05" covers every code starting with 05 that has no longer entry.
    pub code: String,
    pub name: String,
    #[serde(rename = "type")]
    pub event_type: EventType,
    pub stance: Stance,
    pub category: Category,
    pub weight: f64,
}

/// The CAMEO → PLOVER table of `data/cameo.toml`.
#[derive(Debug, Clone)]
pub struct Cameo {
    entries: HashMap<String, CameoEntry>,
}

impl Cameo {
    /// Loads `cameo.toml` from `dir` (an `--data` directory) or the built-in copy, and checks
    /// that every CAMEO root code 01–20 is mapped.
    pub fn load(dir: Option<&Path>) -> Result<Self, DataError> {
        let data = read_data_file(dir, "cameo.toml", BUILTIN_CAMEO)?;
        let file: CameoFile = parse_toml(&data)?;
        let mut entries = HashMap::new();
        for entry in file.code {
            let bad =
                |why: &str| DataError::new(&data.origin, format!("code {}: {why}", entry.code));
            if entry.code.len() < 2 || !entry.code.bytes().all(|b| b.is_ascii_digit()) {
                return Err(bad("a CAMEO code is two to four digits"));
            }
            if !(entry.weight > 0.0 && entry.weight <= 10.0) {
                return Err(bad("weight must be in (0, 10]"));
            }
            if entries.contains_key(&entry.code) {
                return Err(bad("listed twice"));
            }
            entries.insert(entry.code.clone(), entry);
        }
        for root in 1..=20 {
            let code = format!("{root:02}");
            if !entries.contains_key(&code) {
                return Err(DataError::new(
                    &data.origin,
                    format!("root code {code} is not mapped"),
                ));
            }
        }
        Ok(Cameo { entries })
    }

    /// The entry for a CAMEO code: the longest listed prefix of it.
    ///
    /// ```
    /// let cameo = orbit_ingest::gdelt::Cameo::load(None).unwrap();
    /// assert_eq!(cameo.lookup("0571").unwrap().code, "057");
    /// assert_eq!(cameo.lookup("1823").unwrap().code, "18");
    /// ```
    pub fn lookup(&self, code: &str) -> Option<&CameoEntry> {
        (2..=code.len())
            .rev()
            .find_map(|n| self.entries.get(code.get(..n)?))
    }
}

/// Decides which GDELT rows are about Africa and turns events between an African state and a
/// foreign power into facts.
#[derive(Debug)]
pub struct EventMapper<'g> {
    gazetteer: &'g Gazetteer,
    cameo: Cameo,
    /// CAMEO/ISO3 country code → index of the African country.
    african: HashMap<String, usize>,
    /// CAMEO/ISO3 code → index of the foreign power.
    powers: HashMap<String, usize>,
}

/// Where a stored GDELT event says it came from; the store's text and URL keys make each
/// event id stored once.
pub const GDELT_SOURCE: &str = "GDELT";

impl<'g> EventMapper<'g> {
    pub fn new(gazetteer: &'g Gazetteer, cameo: Cameo) -> Self {
        let african = gazetteer
            .countries
            .iter()
            .enumerate()
            .map(|(i, c)| (c.iso3.to_ascii_uppercase(), i))
            .collect();
        let powers = gazetteer
            .powers
            .iter()
            .enumerate()
            .map(|(i, p)| (p.iso3.to_ascii_uppercase(), i))
            .collect();
        EventMapper {
            gazetteer,
            cameo,
            african,
            powers,
        }
    }

    /// Whether a row is about an African state: an actor's country (Events) or a mentioned
    /// place (GKG) is one.
    pub fn is_about_africa(&self, row: &Row) -> bool {
        match row {
            Row::Event(e) => {
                self.african.contains_key(&e.actor1.country)
                    || self.african.contains_key(&e.actor2.country)
            }
            Row::Gkg(g) => g
                .place_countries
                .iter()
                .any(|c| self.gazetteer.find_country(c).is_some()),
        }
    }

    /// The fact an event states, as a one-fact document, when one actor is an African state
    /// and the other a foreign power orbit follows; `None` otherwise (two African states, an
    /// unknown actor, an unmapped code).
    ///
    /// The fact text says plainly that it is a coded GDELT event, with the actors, the CAMEO
    /// code and its meaning; its URL is the source article's with `#gdelt-event-ID`, so one
    /// article's several events stay distinct and a later fetch of the article itself is not
    /// taken for a duplicate.
    pub fn fact_of(&self, event: &Event, origin: &str) -> Option<(Document, Vec<Fact>)> {
        // Actor 1 is GDELT's source actor: the side that acts.
        let (country, power, actor) = match (
            self.african.get(&event.actor1.country),
            self.powers.get(&event.actor2.country),
            self.african.get(&event.actor2.country),
            self.powers.get(&event.actor1.country),
        ) {
            (Some(&c), Some(&p), _, _) => (c, p, orbit_core::Actor::Country),
            (_, _, Some(&c), Some(&p)) => (c, p, orbit_core::Actor::Counterpart),
            _ => return None,
        };
        let entry = self.cameo.lookup(&event.event_code)?;
        let country = &self.gazetteer.countries[country];
        let power_ref = EntityRef::Power(power);
        let power = &self.gazetteer.powers[power];
        let text = format!(
            "GDELT event {id} ({date}): {a1} → {a2}: {what} (CAMEO {code}){articles}.",
            id = event.id,
            date = event.date,
            a1 = actor_label(&event.actor1),
            a2 = actor_label(&event.actor2),
            what = entry.name,
            code = event.event_code,
            articles = match event.num_articles {
                0 | 1 => String::new(),
                n => format!(", in {n} articles"),
            },
        );
        let url = match event.source_url.as_str() {
            u if u.starts_with("http://") || u.starts_with("https://") => {
                let base = u.split('#').next().unwrap_or(u);
                Some(format!("{base}#gdelt-event-{}", event.id))
            }
            _ => None,
        };
        let source = url
            .as_deref()
            .and_then(host_of)
            .map_or_else(|| GDELT_SOURCE.to_string(), |h| format!("{h} via GDELT"));
        let fact = Fact {
            id: 0,
            article_id: 0,
            url: url.clone(),
            source: Some(source.clone()),
            published: Some(event.date),
            event_date: Some(event.date),
            date_basis: Some(DateBasis::Sentence),
            country: country.iso2.clone(),
            counterpart: power.key.clone(),
            bloc: self.gazetteer.bloc_of(power_ref),
            direction: Direction::of(entry.stance, self.gazetteer.lean_of(power_ref)),
            stance: entry.stance,
            category: entry.category,
            event_type: entry.event_type,
            actor,
            hedged: false,
            negated: false,
            weight: entry.weight,
            span: [0, text.len()],
            text: text.clone(),
            lang: None,
        };
        let doc = Document {
            origin: origin.to_string(),
            url,
            source: Some(source),
            title: Some(format!(
                "GDELT event {}: {} – {}",
                event.id, country.name, power.name
            )),
            published: Some(event.date),
            lang: None,
            text,
        };
        Some((doc, vec![fact]))
    }
}

/// "MALI (MLI)", or the code alone when the row has no name.
fn actor_label(actor: &Actor) -> String {
    match (actor.name.is_empty(), actor.country.is_empty()) {
        (false, false) => format!("{} ({})", actor.name, actor.country),
        (false, true) => actor.name.clone(),
        (true, _) => actor.code.clone(),
    }
}

/// The host of an http(s) URL without "www.".
fn host_of(url: &str) -> Option<String> {
    let rest = url.split_once("://")?.1;
    let host = rest
        .split(['/', '?', '#', ':'])
        .next()?
        .to_ascii_lowercase();
    let host = host.strip_prefix("www.").unwrap_or(&host).to_string();
    (!host.is_empty()).then_some(host)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_of_both_shapes_parse() {
        assert_eq!(gdelt_date("20240612").unwrap().to_string(), "2024-06-12");
        assert_eq!(
            gdelt_date("20240612093000").unwrap().to_string(),
            "2024-06-12"
        );
        assert_eq!(gdelt_date("2024"), None);
    }

    #[test]
    fn every_root_code_maps_and_prefixes_win_by_length() {
        let cameo = Cameo::load(None).unwrap();
        for root in 1..=20 {
            assert!(cameo.lookup(&format!("{root:02}")).is_some());
        }
        assert_eq!(cameo.lookup("1663").unwrap().code, "166");
        assert_eq!(cameo.lookup("141").unwrap().event_type, EventType::Protest);
        assert!(cameo.lookup("9").is_none());
    }
}
