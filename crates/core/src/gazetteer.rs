//! Who is who: the 54 African states, the foreign powers, and the organisations, each with
//! every name the media use for them (`data/gazetteer.toml`).

use std::collections::HashMap;
use std::path::Path;

use serde::Deserialize;

use crate::knowledge::{DataError, parse_toml, read_data_file};
use crate::{Bloc, Lean, fold_key};

const BUILTIN: &str = include_str!("../../../data/gazetteer.toml");

/// African sub-regions used by the dashboard's filters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Region {
    Sahel,
    West,
    Central,
    East,
    North,
    Southern,
}

/// An African state.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Country {
    pub iso2: String,
    pub iso3: String,
    pub numeric: String,
    pub name: String,
    pub name_fr: String,
    pub region: Region,
    #[serde(default)]
    pub names: Vec<String>,
    #[serde(default)]
    pub demonyms: Vec<String>,
    #[serde(default)]
    pub capitals: Vec<String>,
    /// Other cities the news names as places: "RT opened an office in Johannesburg".
    #[serde(default)]
    pub cities: Vec<String>,
    #[serde(default)]
    pub people: Vec<String>,
    #[serde(default)]
    pub forces: Vec<String>,
    /// State bodies that act for the country, as its forces do: the public broadcaster ("The
    /// SABC has signed a memorandum with TV BRICS").
    #[serde(default)]
    pub orgs: Vec<String>,
}

/// A foreign power (a state, or the EU).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Power {
    pub key: String,
    pub iso3: String,
    pub name: String,
    pub bloc: Bloc,
    #[serde(default)]
    pub names: Vec<String>,
    #[serde(default)]
    pub demonyms: Vec<String>,
    #[serde(default)]
    pub capitals: Vec<String>,
    #[serde(default)]
    pub people: Vec<String>,
    #[serde(default)]
    pub orgs: Vec<String>,
    /// The power's news media: when one reports a story, it is not a party to it.
    #[serde(default)]
    pub outlets: Vec<String>,
}

/// A multilateral or regional body.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Organisation {
    pub key: String,
    pub name: String,
    pub lean: Lean,
    #[serde(default)]
    pub names: Vec<String>,
    #[serde(default)]
    pub members: Vec<String>,
}

/// A name two countries share ("Congo", "congolais"): it names the one the article names
/// unambiguously elsewhere, and nothing when it names both or neither.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SharedName {
    /// ISO2 codes of the countries that bear the name.
    pub countries: Vec<String>,
    #[serde(default)]
    pub names: Vec<String>,
    #[serde(default)]
    pub demonyms: Vec<String>,
}

/// The power that ruled a group of countries: "the former colonial power" in a sentence about
/// one of them names it.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FormerRuler {
    /// Key of the power.
    pub power: String,
    /// ISO2 codes of the countries it ruled.
    pub countries: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct GazetteerFile {
    #[serde(default)]
    not_entities: Vec<String>,
    #[serde(default)]
    former_ruler_names: Vec<String>,
    #[serde(default)]
    shared_name: Vec<SharedName>,
    #[serde(default)]
    former_ruler: Vec<FormerRuler>,
    #[serde(default)]
    country: Vec<Country>,
    #[serde(default)]
    power: Vec<Power>,
    #[serde(default)]
    organisation: Vec<Organisation>,
}

/// What an alias points to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum EntityRef {
    Country(usize),
    Power(usize),
    Organisation(usize),
}

/// How an alias names its entity; attribution treats a capital or a leader differently
/// from the country's name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum AliasKind {
    Name,
    Demonym,
    Capital,
    /// A city other than the capital, named as a place.
    City,
    Person,
    Force,
    /// A power's news outlet ("RFI", "Sputnik").
    Outlet,
}

/// One name the media use for an entity.
#[derive(Debug, Clone)]
pub struct Alias {
    /// As written in the data file.
    pub text: String,
    /// Folded for matching (see [`crate::fold`]).
    pub folded: String,
    /// Written in capitals ("US", "AES"): matches only in capitals.
    pub case_sensitive: bool,
    pub entity: EntityRef,
    pub kind: AliasKind,
}

/// The loaded, validated gazetteer.
#[derive(Debug, Clone)]
pub struct Gazetteer {
    pub countries: Vec<Country>,
    pub powers: Vec<Power>,
    pub organisations: Vec<Organisation>,
    /// Folded phrases that contain an alias but name something else ("gulf of guinea").
    pub not_entities: Vec<String>,
    /// Names two countries share, resolved per article.
    pub shared_names: Vec<SharedName>,
    /// Phrases that name a country's former colonial power ("l'ancienne puissance coloniale").
    pub former_ruler_names: Vec<String>,
    /// Per country (by index), the index of the power that ruled it, if the file names one.
    pub former_rulers: Vec<Option<usize>>,
    aliases: Vec<Alias>,
    by_key: HashMap<String, EntityRef>,
}

/// Phrases as matched: folded, the empty ones dropped.
fn fold_phrases(phrases: &[String]) -> Vec<String> {
    phrases
        .iter()
        .map(|p| fold_key(p.trim()))
        .filter(|p| !p.is_empty())
        .collect()
}

impl Gazetteer {
    /// Loads `gazetteer.toml` from `dir` (or the built-in copy) and validates it.
    pub fn load(dir: Option<&Path>) -> Result<Self, DataError> {
        let data = read_data_file(dir, "gazetteer.toml", BUILTIN)?;
        let file: GazetteerFile = parse_toml(&data)?;
        Self::build(file, &data.origin)
    }

    fn build(file: GazetteerFile, origin: &str) -> Result<Self, DataError> {
        let err = |m: String| DataError::new(origin, m);
        let mut by_key = HashMap::new();
        let mut aliases = Vec::new();
        let mut seen: HashMap<(String, bool), String> = HashMap::new();
        let mut add = |text: &str,
                       entity: EntityRef,
                       kind: AliasKind,
                       owner: &str|
         -> Result<(), DataError> {
            let t = text.trim();
            if t.is_empty() {
                return Err(err(format!("{owner}: empty alias")));
            }
            let case_sensitive = t.chars().any(char::is_alphabetic)
                && !t.chars().any(char::is_lowercase)
                && t.chars().filter(|c| c.is_alphabetic()).count() <= 6;
            let folded = fold_key(t);
            match seen.insert((folded.clone(), case_sensitive), owner.to_string()) {
                Some(prev) if prev == owner => return Ok(()),
                Some(prev) => {
                    return Err(err(format!(
                        "alias '{t}' of {owner} is also an alias of {prev}; keep it on one entry"
                    )));
                }
                None => {}
            }
            aliases.push(Alias {
                text: t.to_string(),
                folded,
                case_sensitive,
                entity,
                kind,
            });
            Ok(())
        };
        for (i, c) in file.country.iter().enumerate() {
            let owner = format!("country {}", c.iso2);
            if c.iso2.len() != 2 || c.iso3.len() != 3 {
                return Err(err(format!(
                    "{owner}: iso2 must have 2 letters and iso3 3 (got '{}', '{}')",
                    c.iso2, c.iso3
                )));
            }
            let e = EntityRef::Country(i);
            for key in [&c.iso2, &c.iso3] {
                if by_key.insert(key.to_uppercase(), e).is_some() {
                    return Err(err(format!("{owner}: code '{key}' is used twice")));
                }
            }
            for n in [&c.name, &c.name_fr].into_iter().chain(&c.names) {
                add(n, e, AliasKind::Name, &owner)?;
            }
            for (list, kind) in [
                (&c.demonyms, AliasKind::Demonym),
                (&c.capitals, AliasKind::Capital),
                (&c.cities, AliasKind::City),
                (&c.people, AliasKind::Person),
                (&c.forces, AliasKind::Force),
                (&c.orgs, AliasKind::Force),
            ] {
                for a in list {
                    add(a, e, kind, &owner)?;
                }
            }
        }
        for (i, p) in file.power.iter().enumerate() {
            let owner = format!("power {}", p.key);
            let e = EntityRef::Power(i);
            if by_key.insert(p.key.to_uppercase(), e).is_some() {
                return Err(err(format!("{owner}: key '{}' is used twice", p.key)));
            }
            for n in std::iter::once(&p.name).chain(&p.names) {
                add(n, e, AliasKind::Name, &owner)?;
            }
            for (list, kind) in [
                (&p.demonyms, AliasKind::Demonym),
                (&p.capitals, AliasKind::Capital),
                (&p.people, AliasKind::Person),
                (&p.orgs, AliasKind::Force),
                (&p.outlets, AliasKind::Outlet),
            ] {
                for a in list {
                    add(a, e, kind, &owner)?;
                }
            }
        }
        for (i, o) in file.organisation.iter().enumerate() {
            let owner = format!("organisation {}", o.key);
            let e = EntityRef::Organisation(i);
            if by_key.insert(o.key.to_uppercase(), e).is_some() {
                return Err(err(format!("{owner}: key '{}' is used twice", o.key)));
            }
            for n in std::iter::once(&o.name).chain(&o.names) {
                add(n, e, AliasKind::Name, &owner)?;
            }
        }
        for shared in &file.shared_name {
            for code in &shared.countries {
                if !matches!(
                    by_key.get(&code.to_uppercase()),
                    Some(EntityRef::Country(_))
                ) {
                    return Err(err(format!(
                        "shared_name {:?}: '{code}' is not the code of a country in this file",
                        shared.names
                    )));
                }
            }
        }
        let mut former_rulers = vec![None; file.country.len()];
        for ruler in &file.former_ruler {
            let Some(EntityRef::Power(p)) = by_key.get(&ruler.power.to_uppercase()) else {
                return Err(err(format!(
                    "former_ruler: '{}' is not the key of a power in this file",
                    ruler.power
                )));
            };
            for code in &ruler.countries {
                let Some(EntityRef::Country(c)) = by_key.get(&code.to_uppercase()) else {
                    return Err(err(format!(
                        "former_ruler {}: '{code}' is not the code of a country in this file",
                        ruler.power
                    )));
                };
                if former_rulers[*c].replace(*p).is_some() {
                    return Err(err(format!(
                        "former_ruler {}: '{code}' already has a former ruler",
                        ruler.power
                    )));
                }
            }
        }
        Ok(Gazetteer {
            shared_names: file.shared_name,
            former_ruler_names: fold_phrases(&file.former_ruler_names),
            former_rulers,
            not_entities: fold_phrases(&file.not_entities),
            countries: file.country,
            powers: file.power,
            organisations: file.organisation,
            aliases,
            by_key,
        })
    }

    /// Every alias of every entity.
    pub fn aliases(&self) -> &[Alias] {
        &self.aliases
    }

    /// The African country with this ISO2 code.
    pub fn country(&self, iso2: &str) -> Option<&Country> {
        match self.by_key.get(&iso2.to_uppercase()) {
            Some(EntityRef::Country(i)) => self.countries.get(*i),
            _ => None,
        }
    }

    /// Finds an African country from what a user typed: ISO2, ISO3, or an English or
    /// French name ("ML", "MLI", "Mali", "Côte d'Ivoire", "cote divoire" does not match).
    pub fn find_country(&self, query: &str) -> Option<&Country> {
        let q = query.trim();
        if let Some(EntityRef::Country(i)) = self.by_key.get(&q.to_uppercase()) {
            return self.countries.get(*i);
        }
        let fq = fold_key(q);
        self.aliases
            .iter()
            .filter(|a| matches!(a.kind, AliasKind::Name))
            .find(|a| a.folded == fq)
            .and_then(|a| match a.entity {
                EntityRef::Country(i) => self.countries.get(i),
                _ => None,
            })
    }

    /// The entity a counterpart key (a power's ISO2 or an organisation key) names.
    pub fn counterpart(&self, key: &str) -> Option<EntityRef> {
        self.by_key
            .get(&key.to_uppercase())
            .copied()
            .filter(|e| !matches!(e, EntityRef::Country(_)))
    }

    /// The key of an entity: ISO2 for countries and powers, the key for organisations.
    pub fn key_of(&self, e: EntityRef) -> &str {
        match e {
            EntityRef::Country(i) => &self.countries[i].iso2,
            EntityRef::Power(i) => &self.powers[i].key,
            EntityRef::Organisation(i) => &self.organisations[i].key,
        }
    }

    /// The display name of an entity.
    pub fn name_of(&self, e: EntityRef) -> &str {
        match e {
            EntityRef::Country(i) => &self.countries[i].name,
            EntityRef::Power(i) => &self.powers[i].name,
            EntityRef::Organisation(i) => &self.organisations[i].name,
        }
    }

    /// The display name of a counterpart key, or the key itself when unknown.
    pub fn counterpart_name<'a>(&'a self, key: &'a str) -> &'a str {
        self.counterpart(key)
            .map(|e| self.name_of(e))
            .unwrap_or(key)
    }

    /// The bloc of a counterpart: a power's own, `Multilateral` for organisations.
    pub fn bloc_of(&self, e: EntityRef) -> Bloc {
        match e {
            EntityRef::Power(i) => self.powers[i].bloc,
            _ => Bloc::Multilateral,
        }
    }

    /// Whether a counterpart stands on one side of the Russia–West axis (the UN does not).
    pub fn takes_a_side(&self, e: EntityRef) -> bool {
        self.lean_of(e) != Lean::Neutral
    }

    /// Which side of the Russia–West axis a counterpart stands for.
    pub fn lean_of(&self, e: EntityRef) -> Lean {
        match e {
            EntityRef::Power(i) => match self.powers[i].bloc {
                Bloc::West => Lean::West,
                Bloc::Russia => Lean::Russia,
                _ => Lean::Neutral,
            },
            EntityRef::Organisation(i) => self.organisations[i].lean,
            EntityRef::Country(_) => Lean::Neutral,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn builtin() -> Gazetteer {
        Gazetteer::load(None).expect("built-in gazetteer loads")
    }

    #[test]
    fn has_all_54_african_states() {
        let g = builtin();
        assert_eq!(g.countries.len(), 54);
        for code in [
            "ML", "BF", "NE", "TD", "SD", "CF", "CV", "KM", "MU", "ST", "SC", "GM", "SS", "ER",
        ] {
            assert!(g.country(code).is_some(), "{code} missing");
        }
    }

    #[test]
    fn finds_countries_by_code_and_name() {
        let g = builtin();
        for q in ["ML", "MLI", "mali", "Mali"] {
            assert_eq!(
                g.find_country(q).map(|c| c.iso2.as_str()),
                Some("ML"),
                "{q}"
            );
        }
        assert_eq!(
            g.find_country("Côte d'Ivoire").map(|c| c.iso2.as_str()),
            Some("CI")
        );
        assert_eq!(g.find_country("Tchad").map(|c| c.iso2.as_str()), Some("TD"));
        assert!(g.find_country("Atlantis").is_none());
    }

    #[test]
    fn maps_forces_to_the_state_behind_them() {
        let g = builtin();
        let owner = |alias: &str| {
            let f = fold_key(alias);
            g.aliases()
                .iter()
                .find(|a| a.folded == f)
                .map(|a| g.key_of(a.entity).to_string())
        };
        assert_eq!(owner("Wagner").as_deref(), Some("RU"));
        assert_eq!(owner("Africa Corps").as_deref(), Some("RU"));
        assert_eq!(owner("Barkhane").as_deref(), Some("FR"));
        assert_eq!(owner("Norinco").as_deref(), Some("CN"));
        assert_eq!(owner("Bamako").as_deref(), Some("ML"));
        assert_eq!(owner("Burkinabè").as_deref(), Some("BF"));
        assert_eq!(owner("Goïta").as_deref(), Some("ML"));
    }

    /// One country, for the loader's error tests.
    const MALI: &str = r#"
            [[country]]
            iso2 = "ML"
            iso3 = "MLI"
            numeric = "466"
            name = "Mali"
            name_fr = "Mali"
            region = "sahel""#;

    #[test]
    fn rejects_an_alias_shared_by_two_entries() {
        let file: GazetteerFile = toml::from_str(&format!(
            r#"{MALI}
            capitals = ["Bamako"]
            [[power]]
            key = "RU"
            iso3 = "RUS"
            name = "Russia"
            bloc = "russia"
            capitals = ["Bamako"]
            "#
        ))
        .unwrap();
        let e = Gazetteer::build(file, "test.toml").unwrap_err();
        assert!(e.to_string().contains("Bamako"), "{e}");
        assert!(e.to_string().contains("test.toml"), "{e}");
    }

    #[test]
    fn rejects_a_shared_name_for_an_unknown_country() {
        let file: GazetteerFile = toml::from_str(&format!(
            r#"{MALI}
            [[shared_name]]
            countries = ["ML", "XX"]
            names = ["Soudan français"]
            "#
        ))
        .unwrap();
        let e = Gazetteer::build(file, "test.toml").unwrap_err();
        assert!(e.to_string().contains("'XX'"), "{e}");
    }

    #[test]
    fn rejects_a_former_ruler_that_is_no_power() {
        let file: GazetteerFile = toml::from_str(&format!(
            r#"{MALI}
            [[former_ruler]]
            power = "FR"
            countries = ["ML"]
            "#
        ))
        .unwrap();
        let e = Gazetteer::build(file, "test.toml").unwrap_err();
        assert!(
            e.to_string().contains("'FR' is not the key of a power"),
            "{e}"
        );
    }

    #[test]
    fn knows_who_ruled_whom() {
        let g = builtin();
        let ruler = |iso2: &str| {
            let c = g.countries.iter().position(|c| c.iso2 == iso2)?;
            g.former_rulers[c].map(|p| g.powers[p].key.as_str())
        };
        assert_eq!(ruler("BF"), Some("FR"));
        assert_eq!(ruler("KE"), Some("GB"));
        assert_eq!(ruler("AO"), Some("PT"));
        assert_eq!(ruler("ET"), None);
    }
}
