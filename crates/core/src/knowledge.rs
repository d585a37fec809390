//! Loading the editable knowledge in `data/`.
//!
//! Every data file is compiled into the binary so orbit works from any directory and offline;
//! an analyst who edits a copy points `ORBIT_DATA` (or `--data`) at its directory, and orbit
//! reads the files found there instead, validating them at start-up.

use std::path::{Path, PathBuf};

use crate::{Gazetteer, Lexicon};

/// A data file that could not be read or does not make sense, naming the file and entry.
#[derive(Debug, thiserror::Error)]
#[error("data file {file}: {message}")]
pub struct DataError {
    pub file: String,
    pub message: String,
}

impl DataError {
    pub fn new(file: impl Into<String>, message: impl Into<String>) -> Self {
        DataError {
            file: file.into(),
            message: message.into(),
        }
    }
}

/// A data file's text and where it came from (a path, or `built-in data/NAME`).
#[derive(Debug, Clone)]
pub struct DataText {
    pub text: String,
    pub origin: String,
}

/// Reads `name` from `dir` when given and the file exists there, else the built-in copy.
pub fn read_data_file(
    dir: Option<&Path>,
    name: &str,
    builtin: &str,
) -> Result<DataText, DataError> {
    if let Some(dir) = dir {
        let path: PathBuf = dir.join(name);
        if path.exists() {
            let text = std::fs::read_to_string(&path)
                .map_err(|e| DataError::new(path.display().to_string(), e.to_string()))?;
            return Ok(DataText {
                text,
                origin: path.display().to_string(),
            });
        }
    }
    Ok(DataText {
        text: builtin.to_string(),
        origin: format!("built-in data/{name}"),
    })
}

/// Parses a TOML data file, turning serde's message into one that names the file.
pub fn parse_toml<T: serde::de::DeserializeOwned>(data: &DataText) -> Result<T, DataError> {
    toml::from_str(&data.text).map_err(|e| DataError::new(&data.origin, e.to_string().trim_end()))
}

/// The knowledge every stage shares: who is who, and which words signal which events.
#[derive(Debug, Clone)]
pub struct Knowledge {
    pub gazetteer: Gazetteer,
    pub lexicon: Lexicon,
}

impl Knowledge {
    /// Loads and validates `gazetteer.toml` and `lexicon.toml` from `dir`, or the built-in ones.
    pub fn load(dir: Option<&Path>) -> Result<Self, DataError> {
        Ok(Knowledge {
            gazetteer: Gazetteer::load(dir)?,
            lexicon: Lexicon::load(dir)?,
        })
    }
}
