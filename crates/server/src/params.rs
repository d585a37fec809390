//! Query-string parameters: every page and API call names the ones it takes, and anything
//! else — an unknown name, a repeated one, a value that does not parse — is a 400 that says
//! what would have been accepted. An empty value (`?category=` from a form left blank) is the
//! same as no value.

use std::str::FromStr;

use orbit_core::gazetteer::Region;
use orbit_core::{Category, Direction, FuzzyDate, Period, PeriodKind};

use crate::error::ApiError;

/// The parameters of one request, checked against the names its route takes.
#[derive(Debug, Default)]
pub struct Params {
    pairs: Vec<(String, String)>,
}

impl Params {
    /// Parses a raw query string (`None` when the URL has none).
    pub fn parse(raw: Option<&str>, allowed: &[&str]) -> Result<Params, ApiError> {
        let mut pairs: Vec<(String, String)> = Vec::new();
        for (key, value) in url::form_urlencoded::parse(raw.unwrap_or_default().as_bytes()) {
            if !allowed.contains(&key.as_ref()) {
                return Err(ApiError::bad_request(format!(
                    "unknown parameter '{key}': this page takes {}",
                    list(allowed)
                )));
            }
            if pairs.iter().any(|(k, _)| *k == key) {
                return Err(ApiError::bad_request(format!(
                    "parameter '{key}' is given twice: give it once"
                )));
            }
            pairs.push((key.into_owned(), value.trim().to_string()));
        }
        Ok(Params { pairs })
    }

    /// The value of `key`, `None` when absent or empty.
    pub fn get(&self, key: &str) -> Option<&str> {
        self.pairs
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
            .filter(|v| !v.is_empty())
    }

    /// `period`: a month (2024-06), a quarter (2024-Q2), a year (2024), or `all` (the default).
    pub fn period(&self) -> Result<Period, ApiError> {
        match self.get("period") {
            None => Ok(Period::all()),
            Some(p) if p.eq_ignore_ascii_case("all") => Ok(Period::all()),
            Some(p) => Period::parse(p)
                .ok()
                .filter(|p| matches!(p.kind, PeriodKind::Month | PeriodKind::Quarter | PeriodKind::Year))
                .ok_or_else(|| {
                    ApiError::bad_request(format!(
                        "period '{p}' is not a period: use a month (2024-06), a quarter (2024-Q2), a year (2024) or all"
                    ))
                }),
        }
    }

    /// `region`: one of the gazetteer's regions, or none for the whole continent.
    pub fn region(&self) -> Result<Option<Region>, ApiError> {
        self.get("region")
            .map(|r| {
                REGIONS
                    .iter()
                    .find(|(name, _)| name.eq_ignore_ascii_case(r))
                    .map(|(_, region)| *region)
                    .ok_or_else(|| {
                        ApiError::bad_request(format!(
                            "region '{r}' is unknown: use {}",
                            list(&REGIONS.map(|(n, _)| n))
                        ))
                    })
            })
            .transpose()
    }

    /// `category`: military, diplomatic, economic, information or political.
    pub fn category(&self) -> Result<Option<Category>, ApiError> {
        self.parse_enum("category", &Category::ALL.map(|c| c.to_string()))
    }

    /// `direction`: toward_russia, toward_west or neutral.
    pub fn direction(&self) -> Result<Option<Direction>, ApiError> {
        let all = [
            Direction::TowardRussia,
            Direction::TowardWest,
            Direction::Neutral,
        ];
        self.parse_enum("direction", &all.map(|d| d.to_string()))
    }

    fn parse_enum<T: FromStr>(
        &self,
        key: &str,
        accepted: &[String],
    ) -> Result<Option<T>, ApiError> {
        self.get(key)
            .map(|v| {
                v.to_ascii_lowercase().parse::<T>().map_err(|_| {
                    ApiError::bad_request(format!(
                        "{key} '{v}' is unknown: use {}",
                        list(&accepted.iter().map(String::as_str).collect::<Vec<_>>())
                    ))
                })
            })
            .transpose()
    }

    /// A date bound (`from`, `to`): a day (2024-06-05), a month (2024-06) or a year (2024).
    pub fn date(&self, key: &str) -> Result<Option<FuzzyDate>, ApiError> {
        self.get(key)
            .map(|v| {
                v.parse::<FuzzyDate>().map_err(|_| {
                    ApiError::bad_request(format!(
                        "{key} '{v}' is not a date: use a day (2024-06-05), a month (2024-06) or a year (2024)"
                    ))
                })
            })
            .transpose()
    }

    /// A choice among fixed words (`sort=score`), or `default` when absent.
    pub fn choice<'a>(
        &self,
        key: &str,
        accepted: &[&'a str],
        default: &'a str,
    ) -> Result<&'a str, ApiError> {
        match self.get(key) {
            None => Ok(default),
            Some(v) => accepted
                .iter()
                .find(|a| a.eq_ignore_ascii_case(v))
                .copied()
                .ok_or_else(|| {
                    ApiError::bad_request(format!("{key} '{v}' is unknown: use {}", list(accepted)))
                }),
        }
    }

    /// A whole number in `range`, or `default` when absent.
    pub fn number(
        &self,
        key: &str,
        range: std::ops::RangeInclusive<usize>,
        default: usize,
    ) -> Result<usize, ApiError> {
        match self.get(key) {
            None => Ok(default),
            Some(v) => v
                .parse::<usize>()
                .ok()
                .filter(|n| range.contains(n))
                .ok_or_else(|| {
                    ApiError::bad_request(format!(
                        "{key} '{v}' is not a whole number from {} to {}",
                        range.start(),
                        range.end()
                    ))
                }),
        }
    }
}

/// The regions of the gazetteer, by the names the dashboard uses in URLs.
pub const REGIONS: [(&str, Region); 6] = [
    ("sahel", Region::Sahel),
    ("west", Region::West),
    ("central", Region::Central),
    ("east", Region::East),
    ("north", Region::North),
    ("southern", Region::Southern),
];

/// The URL name of a region.
pub fn region_name(region: Region) -> &'static str {
    REGIONS
        .iter()
        .find(|(_, r)| *r == region)
        .map_or("", |(n, _)| n)
}

/// `a, b or c`.
fn list(words: &[&str]) -> String {
    match words {
        [] => String::new(),
        [one] => one.to_string(),
        [rest @ .., last] => format!("{} or {last}", rest.join(", ")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_and_repeated_parameters_are_refused_by_name() {
        let e = Params::parse(Some("perod=2024-06"), &["period"]).unwrap_err();
        assert_eq!(e.status, 400);
        assert!(e.message.contains("'perod'"), "{}", e.message);
        let e = Params::parse(Some("period=2024&period=2023"), &["period"]).unwrap_err();
        assert!(e.message.contains("twice"));
    }

    #[test]
    fn empty_values_are_absent_values() {
        let p = Params::parse(Some("period=&category="), &["period", "category"]).unwrap();
        assert_eq!(p.period().unwrap(), Period::all());
        assert_eq!(p.category().unwrap(), None);
    }

    #[test]
    fn periods_are_months_quarters_years_or_all() {
        let p = |s: &str| Params::parse(Some(s), &["period"]).unwrap().period();
        assert_eq!(p("period=2024-06").unwrap().key(), "2024-06");
        assert_eq!(p("period=2024-q2").unwrap().key(), "2024-Q2");
        assert_eq!(p("period=ALL").unwrap(), Period::all());
        for bad in [
            "period=June",
            "period=2024-13",
            "period=2024-06-05",
            "period=%3Cscript%3E",
        ] {
            let e = p(bad).unwrap_err();
            assert_eq!(e.status, 400, "{bad}");
            assert!(e.message.contains("not a period"), "{}", e.message);
        }
    }

    #[test]
    fn enums_say_what_they_accept() {
        let p = Params::parse(
            Some("category=naval&direction=TOWARD_WEST"),
            &["category", "direction"],
        )
        .unwrap();
        let e = p.category().unwrap_err();
        assert!(
            e.message
                .contains("military, diplomatic, economic, information or political"),
            "{}",
            e.message
        );
        assert_eq!(p.direction().unwrap(), Some(Direction::TowardWest));
        let r = Params::parse(Some("region=Sahel"), &["region"]).unwrap();
        assert_eq!(r.region().unwrap(), Some(Region::Sahel));
    }
}
