//! Dates of varying precision, periods, and the one place that finds dates in news text.
//!
//! News text names dates at every precision ("in 2019", "in June 2019", "On October 21, 2024"),
//! so a date here keeps the precision it was given instead of inventing a day.
//! No date crate parses these forms from running text (see notes/crates.md §8), so the finder
//! is a small regex layer; jiff does the calendar arithmetic.

use std::fmt;
use std::str::FromStr;
use std::sync::LazyLock;

use jiff::civil::Date;
use regex::Regex;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A calendar date known to a year, a month or a day.
///
/// Serialises as reduced-precision ISO 8601: `"2024"`, `"2024-06"`, `"2024-06-15"`.
///
/// ```
/// use orbit_core::FuzzyDate;
/// let d: FuzzyDate = "2024-06".parse().unwrap();
/// assert_eq!(d.to_string(), "2024-06");
/// assert_eq!(d.last_day().to_string(), "2024-06-30");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct FuzzyDate {
    pub year: i16,
    pub month: Option<i8>,
    pub day: Option<i8>,
}

impl FuzzyDate {
    /// A date known to the day; `None` when the day does not exist.
    pub fn ymd(year: i16, month: i8, day: i8) -> Option<Self> {
        Date::new(year, month, day).ok()?;
        Some(FuzzyDate {
            year,
            month: Some(month),
            day: Some(day),
        })
    }

    /// A date known to the month; `None` when the month is out of range.
    pub fn ym(year: i16, month: i8) -> Option<Self> {
        (1..=12).contains(&month).then_some(FuzzyDate {
            year,
            month: Some(month),
            day: None,
        })
    }

    /// A date known to the year only.
    pub fn year(year: i16) -> Self {
        FuzzyDate {
            year,
            month: None,
            day: None,
        }
    }

    pub fn from_date(date: Date) -> Self {
        FuzzyDate {
            year: date.year(),
            month: Some(date.month()),
            day: Some(date.day()),
        }
    }

    /// The first calendar day this date may mean.
    pub fn first_day(&self) -> Date {
        Date::new(self.year, self.month.unwrap_or(1), self.day.unwrap_or(1)).unwrap_or(Date::MIN)
    }

    /// The last calendar day this date may mean.
    pub fn last_day(&self) -> Date {
        match (self.month, self.day) {
            (Some(m), Some(d)) => Date::new(self.year, m, d).unwrap_or(Date::MAX),
            (Some(m), None) => Date::new(self.year, m, 1)
                .map(|d| d.last_of_month())
                .unwrap_or(Date::MAX),
            _ => Date::new(self.year, 12, 31).unwrap_or(Date::MAX),
        }
    }

    /// Parses the date forms found in article metadata: ISO dates of any precision,
    /// RFC 3339 / RFC 2822 timestamps, and the written forms [`find_dates`] knows.
    pub fn parse_loose(input: &str) -> Option<Self> {
        let s = input.trim();
        if s.is_empty() {
            return None;
        }
        if let Ok(d) = s.parse::<FuzzyDate>() {
            return Some(d);
        }
        if let Ok(ts) = s.parse::<jiff::Timestamp>() {
            return Some(Self::from_date(ts.to_zoned(jiff::tz::TimeZone::UTC).date()));
        }
        if let Ok(dt) = s.parse::<jiff::civil::DateTime>() {
            return Some(Self::from_date(dt.date()));
        }
        if let Ok(z) = jiff::fmt::rfc2822::parse(s) {
            return Some(Self::from_date(z.date()));
        }
        // A leading ISO date followed by anything ("2024-06-15 08:30 GMT").
        if let Some(m) = ISO_PREFIX.find(s)
            && let Ok(d) = m.as_str().parse::<FuzzyDate>()
        {
            return Some(d);
        }
        find_dates(s, None)
            .into_iter()
            .find(|m| !m.relative)
            .map(|m| m.date)
    }
}

static ISO_PREFIX: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\d{4}-\d{2}-\d{2}").expect("static regex"));

impl fmt::Display for FuzzyDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}", self.year)?;
        if let Some(m) = self.month {
            write!(f, "-{m:02}")?;
            if let Some(d) = self.day {
                write!(f, "-{d:02}")?;
            }
        }
        Ok(())
    }
}

/// Error for a string that is not `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
#[derive(Debug, thiserror::Error)]
#[error("'{0}' is not a date (expected YYYY, YYYY-MM or YYYY-MM-DD)")]
pub struct DateParseError(String);

impl FromStr for FuzzyDate {
    type Err = DateParseError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let err = || DateParseError(s.to_string());
        let mut parts = s.trim().split('-');
        let year_part = parts.next().ok_or_else(err)?;
        if year_part.len() != 4 {
            return Err(err());
        }
        let year: i16 = year_part.parse().map_err(|_| err())?;
        let month = parts
            .next()
            .map(|p| p.parse::<i8>().map_err(|_| err()))
            .transpose()?;
        let day = parts
            .next()
            .map(|p| p.parse::<i8>().map_err(|_| err()))
            .transpose()?;
        if parts.next().is_some() {
            return Err(err());
        }
        match (month, day) {
            (None, _) => Ok(FuzzyDate::year(year)),
            (Some(m), None) => FuzzyDate::ym(year, m).ok_or_else(err),
            (Some(m), Some(d)) => FuzzyDate::ymd(year, m, d).ok_or_else(err),
        }
    }
}

impl Serialize for FuzzyDate {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for FuzzyDate {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

/// A date named in text, with its byte span.
#[derive(Debug, Clone, PartialEq)]
pub struct DateMention {
    pub date: FuzzyDate,
    pub start: usize,
    pub end: usize,
    /// True for "last year", "earlier this month": resolved against the reference date.
    pub relative: bool,
}

const MONTHS: &[(&str, i8)] = &[
    ("january", 1),
    ("janvier", 1),
    ("jan", 1),
    ("february", 2),
    ("février", 2),
    ("fevrier", 2),
    ("feb", 2),
    ("march", 3),
    ("mars", 3),
    ("mar", 3),
    ("april", 4),
    ("avril", 4),
    ("apr", 4),
    ("may", 5),
    ("mai", 5),
    ("june", 6),
    ("juin", 6),
    ("jun", 6),
    ("july", 7),
    ("juillet", 7),
    ("jul", 7),
    ("august", 8),
    ("août", 8),
    ("aout", 8),
    ("aug", 8),
    ("september", 9),
    ("septembre", 9),
    ("sept", 9),
    ("sep", 9),
    ("october", 10),
    ("octobre", 10),
    ("oct", 10),
    ("november", 11),
    ("novembre", 11),
    ("nov", 11),
    ("december", 12),
    ("décembre", 12),
    ("decembre", 12),
    ("dec", 12),
];

/// Russian month stems: each name is its stem plus a case ending, nominative ("январь", "март",
/// "май"), genitive ("15 января", "марта", "мая") or prepositional ("в январе", "марте", "мае").
/// RU_MONTH_ALT lists the same forms for the regex.
const RU_MONTH_STEMS: &[(&str, i8)] = &[
    ("январ", 1),
    ("феврал", 2),
    ("март", 3),
    ("апрел", 4),
    ("ма", 5),
    ("июн", 6),
    ("июл", 7),
    ("август", 8),
    ("сентябр", 9),
    ("октябр", 10),
    ("ноябр", 11),
    ("декабр", 12),
];

/// The month a name matched by MONTH_ALT or RU_MONTH_ALT stands for.
fn month_number(word: &str) -> Option<i8> {
    let w = word.trim_end_matches('.').to_lowercase();
    MONTHS
        .iter()
        .find(|(name, _)| *name == w)
        .map(|(_, n)| *n)
        .or_else(|| {
            // "марта" → "март", "мае" → "ма": the regex has already checked the ending.
            let stem = w.strip_suffix(['ь', 'я', 'е', 'й', 'а']).unwrap_or(&w);
            RU_MONTH_STEMS
                .iter()
                .find(|(s, _)| *s == stem)
                .map(|(_, n)| *n)
        })
}

const MONTH_ALT: &str = r"(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?|janvier|f[ée]vrier|mars|avril|mai|juin|juillet|ao[ûu]t|septembre|octobre|novembre|d[ée]cembre)";

/// Russian month names in the nominative, genitive and prepositional (see RU_MONTH_STEMS).
const RU_MONTH_ALT: &str = r"(?:январ[ьяе]|феврал[ьяе]|март[ае]?|апрел[ьяе]|ма[йяе]|июн[ьяе]|июл[ьяе]|август[ае]?|сентябр[ьяе]|октябр[ьяе]|ноябр[ьяе]|декабр[ьяе])";

/// One alternation over every written date form, longest forms first so that
/// "21 October 2024" wins over "October 2024" and "2024".
///
/// Word boundaries are ASCII (`(?-u:\b)`): a Unicode `\b` keeps the regex crate's lazy DFA off
/// any text with a non-ASCII letter (most French text), and the slow engine that takes over
/// made this regex a third of ingest time. Every form starts and ends with an ASCII digit,
/// month name or keyword, so the two boundaries differ only next to accented letters glued to
/// a number ("é2024"), which is not a date either way.
///
/// Russian words are all non-ASCII, so an ASCII boundary never holds beside them. A Russian
/// form that starts with a word ("в январе 2024", "в прошлом году") instead takes the
/// character before it, which must not be a letter or digit ("Прямая 2030" is no May,
/// "позапрошлом году" is no "last year"), and [`find_dates`] starts the mention after it. One
/// that ends with a word ("15 марта") is checked after matching: [`find_dates`] drops it when
/// a letter follows ("15 мартовских"). Between a day or year and a Russian word the whitespace
/// is the boundary. Neither needs a Unicode `\b`, so the lazy DFA still runs: on the
/// synthetic bench corpus the regex reads as fast as before.
static DATE_RE: LazyLock<Regex> = LazyLock::new(|| {
    let m = MONTH_ALT;
    let ru = RU_MONTH_ALT;
    let pattern = format!(
        r"(?xi)
        (?P<dmy>(?-u:\b)(?P<d1>[0-3]?\d)(?:er|st|nd|rd|th)?\s+(?P<m1>{m}|{ru})\s*,?\s+(?P<y1>(?:19|20)\d\d)(?-u:\b))
      | (?P<mdy>(?-u:\b)(?P<m2>{m})\s+(?P<d2>[0-3]?\d)(?:st|nd|rd|th)?,?\s+(?P<y2>(?:19|20)\d\d)(?-u:\b))
      | (?P<num>(?-u:\b)(?P<d3>[0-3]?\d)/(?P<m3>[01]?\d)/(?P<y3>(?:19|20)\d\d)(?-u:\b))
      | (?P<iso>(?-u:\b)(?P<y4>(?:19|20)\d\d)-(?P<m4>[01]\d)-(?P<d4>[0-3]\d)(?-u:\b))
      | (?P<isoym>(?-u:\b)(?P<y10>(?:19|20)\d\d)-(?P<m10>[01]\d)(?-u:\b))
      | (?P<my>(?-u:\b)(?P<m5>{m})\s*,?\s+(?P<y5>(?:19|20)\d\d)(?-u:\b))
      | (?:^|[^\p{{L}}\p{{N}}])(?P<rumy>(?P<m11>{ru})\s+(?P<y11>(?:19|20)\d\d)(?-u:\b))
      | (?P<myy>(?-u:\b)(?P<m6>{m})\s+['’](?P<y6>\d\d)(?-u:\b))
      | (?P<md>(?-u:\b)(?P<m7>{m})\s+(?P<d7>[0-3]?\d)(?:st|nd|rd|th)?(?-u:\b))
      | (?P<dm>(?-u:\b)(?P<d8>[0-3]?\d)(?:er|st|nd|rd|th)?\s+(?P<m8>{m})(?-u:\b))
      | (?P<rudm>(?-u:\b)(?P<d12>[0-3]?\d)\s+(?P<m12>{ru}))
      | (?P<rel>(?-u:\b)(?:last|this|next|earlier\s+this|later\s+this|l'année|l'an|cette)\s+(?P<unit>year|month|année|an|dernière|dernier|prochaine|prochain)(?-u:\b)(?:\s+(?P<frdir>dernière|dernier|prochaine|prochain))?)
      | (?:^|[^\p{{L}}\p{{N}}])(?P<rurel>(?:прошлом|прошлого|этом|этого|текущем|текущего|следующем|следующего|будущем|будущего)\s+(?:году|года|месяце|месяца))
      | (?P<y>(?-u:\b)(?P<y9>(?:19[5-9]|20[0-4])\d)(?:s)?(?-u:\b))
    "
    );
    Regex::new(&pattern).expect("static date regex")
});

/// Finds every date named in `text`, in order.
///
/// `reference` (usually the article's publication date) completes dates that omit the year
/// ("Sept. 15", "on August 22") and resolves relative ones ("last year"). Without it those
/// mentions are dropped rather than guessed.
///
/// ```
/// use orbit_core::{find_dates, FuzzyDate};
/// let found = find_dates("On October 21, 2024, Le Monde reported it.", None);
/// assert_eq!(found[0].date, FuzzyDate::ymd(2024, 10, 21).unwrap());
/// ```
pub fn find_dates(text: &str, reference: Option<FuzzyDate>) -> Vec<DateMention> {
    let mut out = Vec::new();
    for caps in DATE_RE.captures_iter(text) {
        let Some(whole) = caps.get(0) else { continue };
        let mut start = whole.start();
        let get = |name: &str| caps.name(name).map(|m| m.as_str());
        let year = |name: &str| get(name).and_then(|y| y.parse::<i16>().ok());
        let day = |name: &str| get(name).and_then(|d| d.parse::<i8>().ok());
        let month = |name: &str| get(name).and_then(month_number);
        let mut relative = false;
        let date = if caps.name("dmy").is_some() {
            month("m1").and_then(|m| FuzzyDate::ymd(year("y1")?, m, day("d1")?))
        } else if caps.name("mdy").is_some() {
            month("m2").and_then(|m| FuzzyDate::ymd(year("y2")?, m, day("d2")?))
        } else if caps.name("num").is_some() {
            get("m3")
                .and_then(|m| m.parse::<i8>().ok())
                .and_then(|m| FuzzyDate::ymd(year("y3")?, m, day("d3")?))
        } else if caps.name("iso").is_some() {
            get("m4")
                .and_then(|m| m.parse::<i8>().ok())
                .and_then(|m| FuzzyDate::ymd(year("y4")?, m, day("d4")?))
        } else if caps.name("my").is_some() {
            // "may 2024" in lowercase is rarely the month in English prose ("may 2024 see..." is
            // implausible, but "may" alone is a modal verb); keep only capitalised English "May".
            if get("m5") == Some("may") {
                None
            } else {
                month("m5").and_then(|m| FuzzyDate::ym(year("y5")?, m))
            }
        } else if let Some(mention) = caps.name("rumy") {
            start = mention.start();
            month("m11").and_then(|m| FuzzyDate::ym(year("y11")?, m))
        } else if caps.name("myy").is_some() {
            month("m6").and_then(|m| FuzzyDate::ym(2000 + i16::from(day("y6")?), m))
        } else if caps.name("md").is_some() {
            if get("m7").is_some_and(|m| m.eq_ignore_ascii_case("may") && m != "May") {
                None
            } else {
                reference.and_then(|r| FuzzyDate::ymd(r.year, month("m7")?, day("d7")?))
            }
        } else if caps.name("dm").is_some() {
            if get("m8").is_some_and(|m| m.eq_ignore_ascii_case("may") && m != "May") {
                None
            } else {
                reference.and_then(|r| FuzzyDate::ymd(r.year, month("m8")?, day("d8")?))
            }
        } else if caps.name("rudm").is_some() {
            if continues_word(text, whole.end()) {
                None
            } else {
                reference.and_then(|r| FuzzyDate::ymd(r.year, month("m12")?, day("d12")?))
            }
        } else if caps.name("rel").is_some() {
            relative = true;
            resolve_relative(whole.as_str(), reference)
        } else if let Some(phrase) = caps.name("rurel") {
            start = phrase.start();
            relative = true;
            if continues_word(text, whole.end()) {
                None
            } else {
                resolve_relative(phrase.as_str(), reference)
            }
        } else if caps.name("isoym").is_some() {
            get("m10")
                .and_then(|m| m.parse::<i8>().ok())
                .and_then(|m| FuzzyDate::ym(year("y10")?, m))
        } else if let Some(y) = caps.name("y9") {
            start = y.start();
            // "US$2019", "1,2019", "no. 2019", "2/2019" are amounts and numbers, not years.
            let after_symbol = text[..y.start()]
                .chars()
                .next_back()
                .is_some_and(|c| "$£€.,/-".contains(c));
            // "the Foreign Assistance Act of 1961": the year names a statute, not an event.
            let statute = ["Act of ", "Law of ", "Acts of "]
                .iter()
                .any(|name| text[..y.start()].ends_with(name));
            if after_symbol || statute {
                None
            } else {
                y.as_str().parse::<i16>().ok().map(FuzzyDate::year)
            }
        } else {
            None
        };
        if let Some(date) = date {
            out.push(DateMention {
                date,
                start,
                end: whole.end(),
                relative,
            });
        }
    }
    out
}

/// Whether a letter or digit follows byte `at`: "15 марта" is a date, "15 мартовских" is not.
fn continues_word(text: &str, at: usize) -> bool {
    text.get(at..)
        .and_then(|rest| rest.chars().next())
        .is_some_and(char::is_alphanumeric)
}

fn resolve_relative(phrase: &str, reference: Option<FuzzyDate>) -> Option<FuzzyDate> {
    let r = reference?;
    let p = phrase.to_lowercase();
    let offset: i16 = if p.contains("last")
        || p.contains("dernière")
        || p.contains("dernier")
        || p.contains("derniere")
        || p.contains("прошл")
    {
        -1
    } else if p.contains("next")
        || p.contains("prochain")
        || p.contains("следующ")
        || p.contains("будущ")
    {
        1
    } else {
        0
    };
    if p.contains("month") || p.contains("mois") || p.contains("месяц") {
        let month = r.month?;
        let first = Date::new(r.year, month, 1).ok()?;
        let shifted = first.checked_add(jiff::Span::new().months(offset)).ok()?;
        FuzzyDate::ym(shifted.year(), shifted.month())
    } else {
        Some(FuzzyDate::year(r.year + offset))
    }
}

/// A reporting period: a month, a quarter, a year, an explicit range, or all data.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Period {
    /// First day included; `None` for all data.
    pub from: Option<Date>,
    /// Last day included; `None` for all data.
    pub to: Option<Date>,
    #[serde(skip)]
    pub kind: PeriodKind,
}

/// What shape a [`Period`] has, which decides its label and its predecessor.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PeriodKind {
    Month,
    Quarter,
    Year,
    Range,
    All,
}

/// Error for a period string orbit does not understand.
#[derive(Debug, thiserror::Error)]
#[error(
    "'{0}' is not a period: use a month (2024-06), a quarter (2024-Q2), a year (2024), or --from/--to dates"
)]
pub struct PeriodParseError(pub String);

impl Period {
    /// All data, no bounds.
    pub fn all() -> Self {
        Period {
            from: None,
            to: None,
            kind: PeriodKind::All,
        }
    }

    /// Parses `2024-06`, `2024-Q2` or `2024`.
    ///
    /// ```
    /// use orbit_core::Period;
    /// let p = Period::parse("2024-Q2").unwrap();
    /// assert_eq!(p.from.unwrap().to_string(), "2024-04-01");
    /// assert_eq!(p.to.unwrap().to_string(), "2024-06-30");
    /// ```
    pub fn parse(s: &str) -> Result<Self, PeriodParseError> {
        let err = || PeriodParseError(s.to_string());
        let t = s.trim();
        if let Some((y, q)) = t.split_once(['Q', 'q']) {
            let year: i16 = y.trim_end_matches('-').parse().map_err(|_| err())?;
            let q: i8 = q.parse().map_err(|_| err())?;
            if !(1..=4).contains(&q) || y.trim_end_matches('-').len() != 4 {
                return Err(err());
            }
            let from = Date::new(year, (q - 1) * 3 + 1, 1).map_err(|_| err())?;
            let to = Date::new(year, q * 3, 1)
                .map_err(|_| err())?
                .last_of_month();
            return Ok(Period {
                from: Some(from),
                to: Some(to),
                kind: PeriodKind::Quarter,
            });
        }
        let d: FuzzyDate = t.parse().map_err(|_| err())?;
        let kind = match (d.month, d.day) {
            (None, _) => PeriodKind::Year,
            (Some(_), None) => PeriodKind::Month,
            (Some(_), Some(_)) => PeriodKind::Range,
        };
        Ok(Period {
            from: Some(d.first_day()),
            to: Some(d.last_day()),
            kind,
        })
    }

    /// A period from `--from`/`--to`; either bound may be a year, month or day.
    pub fn range(from: Option<&str>, to: Option<&str>) -> Result<Self, PeriodParseError> {
        let bound =
            |s: &str| FuzzyDate::from_str(s.trim()).map_err(|_| PeriodParseError(s.to_string()));
        let from = from.map(bound).transpose()?.map(|d| d.first_day());
        let to = to.map(bound).transpose()?.map(|d| d.last_day());
        if let (Some(f), Some(t)) = (from, to)
            && f > t
        {
            return Err(PeriodParseError(format!("{f}..{t} (from is after to)")));
        }
        Ok(Period {
            from,
            to,
            kind: if from.is_none() && to.is_none() {
                PeriodKind::All
            } else {
                PeriodKind::Range
            },
        })
    }

    /// Whether a fact dated `date` belongs to this period: its whole possible span must lie
    /// inside, so a fact dated only "2024" is not evidence for June 2024.
    pub fn contains(&self, date: Option<FuzzyDate>) -> bool {
        match date {
            None => self.kind == PeriodKind::All,
            Some(d) => {
                self.from.is_none_or(|f| d.first_day() >= f)
                    && self.to.is_none_or(|t| d.last_day() <= t)
            }
        }
    }

    /// The period of the same shape just before this one (`None` for ranges and all data).
    pub fn previous(&self) -> Option<Period> {
        let from = self.from?;
        let months = match self.kind {
            PeriodKind::Month => 1,
            PeriodKind::Quarter => 3,
            PeriodKind::Year => 12,
            PeriodKind::Range | PeriodKind::All => return None,
        };
        let prev_from = from.checked_sub(jiff::Span::new().months(months)).ok()?;
        let prev_to = from.yesterday().ok()?;
        Some(Period {
            from: Some(prev_from),
            to: Some(prev_to),
            kind: self.kind,
        })
    }

    /// The label used in report titles: `June '24`, `Q2 2024`, `2024`, `all periods`,
    /// or `2024-03-01 to 2024-05-31`.
    pub fn label(&self) -> String {
        match (self.kind, self.from, self.to) {
            (PeriodKind::Month, Some(f), _) => {
                format!("{} '{:02}", f.strftime("%B"), f.year() % 100)
            }
            (PeriodKind::Quarter, Some(f), _) => {
                format!("Q{} {}", (f.month() - 1) / 3 + 1, f.year())
            }
            (PeriodKind::Year, Some(f), _) => f.year().to_string(),
            (PeriodKind::All, _, _) | (_, None, None) => "all periods".to_string(),
            (_, Some(f), Some(t)) => format!("{f} to {t}"),
            (_, Some(f), None) => format!("since {f}"),
            (_, None, Some(t)) => format!("until {t}"),
        }
    }

    /// A machine key: `2024-06`, `2024-Q2`, `2024`, `all`, or `FROM..TO`.
    pub fn key(&self) -> String {
        match (self.kind, self.from, self.to) {
            (PeriodKind::Month, Some(f), _) => format!("{:04}-{:02}", f.year(), f.month()),
            (PeriodKind::Quarter, Some(f), _) => {
                format!("{}-Q{}", f.year(), (f.month() - 1) / 3 + 1)
            }
            (PeriodKind::Year, Some(f), _) => f.year().to_string(),
            (PeriodKind::All, _, _) => "all".to_string(),
            (_, f, t) => format!(
                "{}..{}",
                f.map(|d| d.to_string()).unwrap_or_default(),
                t.map(|d| d.to_string()).unwrap_or_default()
            ),
        }
    }

    /// The periods of one shape (`Month`, `Quarter` or `Year`) that cover `[from, to]`.
    pub fn series(kind: PeriodKind, from: Date, to: Date) -> Vec<Period> {
        let step = match kind {
            PeriodKind::Month => 1,
            PeriodKind::Quarter => 3,
            PeriodKind::Year => 12,
            PeriodKind::Range | PeriodKind::All => return Vec::new(),
        };
        let start_month = match kind {
            PeriodKind::Quarter => (from.month() - 1) / 3 * 3 + 1,
            PeriodKind::Year => 1,
            _ => from.month(),
        };
        let mut cur = Date::new(from.year(), start_month, 1).unwrap_or(from);
        let mut out = Vec::new();
        while cur <= to && out.len() < 10_000 {
            let Ok(next) = cur.checked_add(jiff::Span::new().months(step)) else {
                break;
            };
            let Ok(last) = next.yesterday() else { break };
            out.push(Period {
                from: Some(cur),
                to: Some(last),
                kind,
            });
            cur = next;
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn first(text: &str, reference: Option<FuzzyDate>) -> Option<String> {
        find_dates(text, reference)
            .first()
            .map(|m| m.date.to_string())
    }

    #[test]
    fn finds_written_dates_at_their_precision() {
        assert_eq!(
            first("On October 21, 2024, Le Monde reported", None).as_deref(),
            Some("2024-10-21")
        );
        assert_eq!(
            first("in late February 2024, when", None).as_deref(),
            Some("2024-02")
        );
        assert_eq!(
            first("agreement in June 2019", None).as_deref(),
            Some("2019-06")
        );
        assert_eq!(
            first("09 November 2024", None).as_deref(),
            Some("2024-11-09")
        );
        assert_eq!(
            first("le 21 octobre 2024 à Bamako", None).as_deref(),
            Some("2024-10-21")
        );
        assert_eq!(
            first("le 1er août 2023", None).as_deref(),
            Some("2023-08-01")
        );
        assert_eq!(
            first("Analysis for Mali (June '24)", None).as_deref(),
            Some("2024-06")
        );
        assert_eq!(
            first("published 16/09/2024", None).as_deref(),
            Some("2024-09-16")
        );
        assert_eq!(
            first("since 2017, including", None).as_deref(),
            Some("2017")
        );
        assert_eq!(
            first("date 2024-04-20 Bamako", None).as_deref(),
            Some("2024-04-20")
        );
        assert_eq!(first("on 2024-06-15", None).as_deref(), Some("2024-06-15"));
        assert_eq!(first("archive 2023-02", None).as_deref(), Some("2023-02"));
    }

    #[test]
    fn completes_yearless_dates_from_the_reference_only() {
        let r = FuzzyDate::ymd(2024, 6, 20);
        assert_eq!(
            first("ahead of a Sept. 15 deadline", r).as_deref(),
            Some("2024-09-15")
        );
        assert_eq!(first("ahead of a Sept. 15 deadline", None), None);
        assert_eq!(
            first("refuted these allegations on August 22 by", r).as_deref(),
            Some("2024-08-22")
        );
        assert_eq!(
            first("вывод войск до 15 сентября.", r).as_deref(),
            Some("2024-09-15")
        );
        assert_eq!(first("вывод войск до 15 сентября.", None), None);
        // A month without a day or year names no date, as "in June" does not.
        assert_eq!(first("в январе посол вернулся", r), None);
        assert_eq!(first("в мае", r), None);
    }

    #[test]
    fn resolves_relative_dates_against_the_article_date() {
        let r = FuzzyDate::ymd(2024, 6, 20);
        assert_eq!(
            first("Niger's military coup last year", r).as_deref(),
            Some("2023")
        );
        assert_eq!(first("l'année dernière", r).as_deref(), Some("2023"));
        assert_eq!(first("Niger's military coup last year", None), None);
    }

    #[test]
    fn ignores_numbers_that_are_not_years() {
        assert_eq!(
            first("a cost of more than US$100 million and 2,600 troops", None),
            None
        );
        assert_eq!(first("Resolution 2719 of the council", None), None);
        assert_eq!(first("the modal may 15 words", None), None);
        assert_eq!(
            first(
                "section 517 of the Foreign Assistance Act of 1961, as amended",
                None
            ),
            None
        );
    }

    fn span(text: &str) -> Option<&str> {
        find_dates(text, None)
            .first()
            .and_then(|m| text.get(m.start..m.end))
    }

    #[test]
    fn reads_russian_dates_in_every_case_form() {
        let cases = [
            // Genitive after a day, with "г." or "года" after the year.
            (
                "Соглашение подписано 15 марта 2024 г. в Бамако",
                "2024-03-15",
            ),
            ("визит состоится 12 октября 2025 года", "2025-10-12"),
            ("действует с 1 июля 2024", "2024-07-01"),
            // Prepositional after "в".
            ("инструкторы прибыли в январе 2024 года", "2024-01"),
            ("переговоры в мае 2024 прошли", "2024-05"),
            ("в декабре 2023г. посол уехал", "2023-12"),
            // Nominative: at the start of the text, after punctuation, in capitals.
            ("Март 2024", "2024-03"),
            ("Сводка (август 2023)", "2023-08"),
            ("ИЮНЬ 2024: ОБЗОР", "2024-06"),
            // "январе-феврале": the later month, after the hyphen.
            ("в январе-феврале 2024 года", "2024-02"),
        ];
        for (text, date) in cases {
            assert_eq!(first(text, None).as_deref(), Some(date), "{text}");
        }
    }

    #[test]
    fn russian_date_spans_start_at_the_date() {
        assert_eq!(span("в январе 2024 года"), Some("январе 2024"));
        assert_eq!(span("к 15 марта 2024 года"), Some("15 марта 2024"));
        assert_eq!(span("Март 2024"), Some("Март 2024"));
    }

    #[test]
    fn every_russian_month_form_names_its_month() {
        let forms = [
            ["январь", "января", "январе"],
            ["февраль", "февраля", "феврале"],
            ["март", "марта", "марте"],
            ["апрель", "апреля", "апреле"],
            ["май", "мая", "мае"],
            ["июнь", "июня", "июне"],
            ["июль", "июля", "июле"],
            ["август", "августа", "августе"],
            ["сентябрь", "сентября", "сентябре"],
            ["октябрь", "октября", "октябре"],
            ["ноябрь", "ноября", "ноябре"],
            ["декабрь", "декабря", "декабре"],
        ];
        for (month, names) in (1..).zip(forms) {
            for name in names {
                assert_eq!(
                    first(&format!("в {name} 2024"), None),
                    FuzzyDate::ym(2024, month).map(|d| d.to_string()),
                    "{name}"
                );
                assert_eq!(
                    first(&format!("3 {name} 2024"), None),
                    FuzzyDate::ymd(2024, month, 3).map(|d| d.to_string()),
                    "{name}"
                );
            }
        }
    }

    #[test]
    fn ignores_russian_words_that_contain_a_month_name() {
        let r = FuzzyDate::ymd(2024, 6, 20);
        let cases = [
            // "Прямая" ends in "мая", "Майами" starts with "Май", "Сентябрьский" with
            // "Сентябрь": only the year is a date.
            ("программа «Прямая 2030»", Some("2030")),
            ("саммит в Майами 2024 года", Some("2024")),
            ("форум «Сентябрьский 2024»", Some("2024")),
            // A day before such a word names no date either.
            ("после 8 мартовских выходных", None),
            ("на 3 маяках", None),
        ];
        for (text, date) in cases {
            assert_eq!(first(text, r).as_deref(), date, "{text}");
        }
    }

    #[test]
    fn resolves_russian_relative_dates_against_the_article_date() {
        let r = FuzzyDate::ymd(2024, 6, 20);
        assert_eq!(first("в прошлом году Нигер", r).as_deref(), Some("2023"));
        assert_eq!(first("в конце прошлого года", r).as_deref(), Some("2023"));
        assert_eq!(first("В этом году", r).as_deref(), Some("2024"));
        assert_eq!(first("в следующем году", r).as_deref(), Some("2025"));
        assert_eq!(first("в прошлом месяце", r).as_deref(), Some("2024-05"));
        // The year before last is not last year.
        assert_eq!(first("в позапрошлом году", r), None);
        assert_eq!(first("в прошлом году", None), None);
    }

    #[test]
    fn parses_metadata_dates() {
        let p = |s| FuzzyDate::parse_loose(s).map(|d| d.to_string());
        assert_eq!(p("2024-06").as_deref(), Some("2024-06"));
        assert_eq!(p("2024-06-15T08:30:00Z").as_deref(), Some("2024-06-15"));
        assert_eq!(
            p("Sat, 15 Jun 2024 08:30:00 +0000").as_deref(),
            Some("2024-06-15")
        );
        assert_eq!(p("09 November 2024").as_deref(), Some("2024-11-09"));
        assert_eq!(p("not a date"), None);
    }

    #[test]
    fn periods_parse_label_and_contain() {
        let june = Period::parse("2024-06").unwrap();
        assert_eq!(june.label(), "June '24");
        assert_eq!(june.key(), "2024-06");
        assert!(june.contains(FuzzyDate::ymd(2024, 6, 3)));
        assert!(june.contains(FuzzyDate::ym(2024, 6)));
        assert!(!june.contains(Some(FuzzyDate::year(2024))));
        assert!(!june.contains(None));
        assert_eq!(june.previous().unwrap().key(), "2024-05");
        assert_eq!(Period::parse("2024").unwrap().label(), "2024");
        assert_eq!(
            Period::parse("2024-Q1").unwrap().previous().unwrap().key(),
            "2023-Q4"
        );
        assert!(Period::parse("June").is_err());
        assert!(Period::parse("2024-13").is_err());
        assert!(Period::all().contains(None));
    }

    #[test]
    fn series_covers_the_range() {
        let from = Date::new(2023, 11, 5).unwrap();
        let to = Date::new(2024, 2, 1).unwrap();
        let keys: Vec<_> = Period::series(PeriodKind::Month, from, to)
            .iter()
            .map(Period::key)
            .collect();
        assert_eq!(keys, ["2023-11", "2023-12", "2024-01", "2024-02"]);
    }
}
