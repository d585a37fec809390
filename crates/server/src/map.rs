//! The map geometry (`data/map/africa.json`): one SVG outline per African state, keyed by
//! ISO2, plus the territories drawn but never scored (Western Sahara). Generated once from
//! Natural Earth by `scripts/gen-africa-map.py`; see `data/map/README.md`.

use std::collections::BTreeMap;
use std::path::Path;

use orbit_core::Gazetteer;
use orbit_core::knowledge::{DataError, read_data_file};
use serde::Deserialize;

const BUILTIN: &str = include_str!("../../../data/map/africa.json");

/// Where the map lives inside a data directory.
pub const MAP_FILE: &str = "map/africa.json";

/// One outline: its display name, its SVG path data in map units, and, for states too small
/// to see or click at map scale, a point where the dashboard draws a marker.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Shape {
    pub name: String,
    pub d: String,
    #[serde(default)]
    pub marker: Option<[f64; 2]>,
}

/// The file; its `about`, `source` and `projection` fields are for readers, not read here.
#[derive(Debug, Deserialize)]
struct MapFile {
    width: f64,
    height: f64,
    countries: BTreeMap<String, Shape>,
    #[serde(default)]
    territories: BTreeMap<String, Shape>,
}

/// The loaded, validated map: an outline for every state of the gazetteer.
#[derive(Debug, Clone)]
pub struct Map {
    pub width: f64,
    pub height: f64,
    /// By ISO2, for every country of the gazetteer.
    pub countries: BTreeMap<String, Shape>,
    /// Drawn grey, not clickable: areas that are not one of the 54 states.
    pub territories: BTreeMap<String, Shape>,
}

impl Map {
    /// Loads `map/africa.json` from `dir` (or the built-in copy) and checks it against the
    /// gazetteer: every state has an outline, every outline is a state, and path data holds
    /// only path commands and numbers.
    pub fn load(dir: Option<&Path>, gazetteer: &Gazetteer) -> Result<Map, DataError> {
        let data = read_data_file(dir, MAP_FILE, BUILTIN)?;
        let file: MapFile = serde_json::from_str(&data.text)
            .map_err(|e| DataError::new(&data.origin, e.to_string()))?;
        let err = |m: String| DataError::new(&data.origin, m);
        if !(file.width > 0.0 && file.height > 0.0) {
            return Err(err("width and height must be positive".into()));
        }
        for c in &gazetteer.countries {
            if !file.countries.contains_key(&c.iso2) {
                return Err(err(format!(
                    "countries: no outline for {} ({}); every state of the gazetteer needs one",
                    c.iso2, c.name
                )));
            }
        }
        for (key, shape) in file.countries.iter().chain(&file.territories) {
            if file.countries.contains_key(key) && gazetteer.country(key).is_none() {
                return Err(err(format!(
                    "countries: '{key}' is not a country of the gazetteer (put other areas under territories)"
                )));
            }
            if shape.d.is_empty() || !shape.d.chars().all(is_path_char) {
                return Err(err(format!(
                    "{key}: d must be SVG path data (M, L, Z, H, V, numbers, commas, spaces)"
                )));
            }
            if let Some([x, y]) = shape.marker
                && !(x.is_finite() && y.is_finite())
            {
                return Err(err(format!("{key}: marker must be two numbers")));
            }
        }
        Ok(Map {
            width: file.width,
            height: file.height,
            countries: file.countries,
            territories: file.territories,
        })
    }
}

fn is_path_char(c: char) -> bool {
    c.is_ascii_digit()
        || matches!(
            c,
            'M' | 'L' | 'Z' | 'H' | 'V' | 'm' | 'l' | 'z' | 'h' | 'v' | '.' | ',' | '-' | ' '
        )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_built_in_map_draws_all_54_states_and_marks_the_small_ones() {
        let g = Gazetteer::load(None).unwrap();
        let map = Map::load(None, &g).unwrap();
        assert_eq!(map.countries.len(), 54);
        for iso in ["CV", "KM", "MU", "ST", "SC", "GM"] {
            assert!(map.countries[iso].marker.is_some(), "{iso} has no marker");
        }
        assert!(map.territories.contains_key("EH"));
        assert!(!map.countries.contains_key("EH"));
    }

    #[test]
    fn a_map_missing_a_state_is_refused_naming_it() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("map")).unwrap();
        let mut json: serde_json::Value = serde_json::from_str(BUILTIN).unwrap();
        json["countries"].as_object_mut().unwrap().remove("ML");
        std::fs::write(dir.path().join(MAP_FILE), json.to_string()).unwrap();
        let g = Gazetteer::load(None).unwrap();
        let e = Map::load(Some(dir.path()), &g).unwrap_err();
        assert!(e.to_string().contains("no outline for ML (Mali)"), "{e}");
    }
}
