//! The fact: one short, dated, attributed statement of how an African country relates to a
//! foreign power (DESIGN §4). Defined once here; every stage speaks this type.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::FuzzyDate;

/// Longest fact text orbit will store or cite, in characters.
pub const MAX_FACT_CHARS: usize = 600;

/// Which way a fact moves its country on orbit's Russia–West axis.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, PartialOrd, Ord)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    TowardRussia,
    TowardWest,
    Neutral,
}

impl Direction {
    /// The direction of a relation of `stance` with a power of `lean`: cooperation with
    /// Russia's side or hostility toward the West's moves a country toward Russia, and the
    /// reverse toward the West; relations with neither side are neutral.
    pub fn of(stance: Stance, lean: Lean) -> Direction {
        let sign = lean.sign()
            * match stance {
                Stance::Cooperative => 1.0,
                Stance::Hostile => -1.0,
            };
        if sign > 0.0 {
            Direction::TowardRussia
        } else if sign < 0.0 {
            Direction::TowardWest
        } else {
            Direction::Neutral
        }
    }

    /// The other way on the axis; neutral stays neutral.
    pub fn opposite(self) -> Direction {
        match self {
            Direction::TowardRussia => Direction::TowardWest,
            Direction::TowardWest => Direction::TowardRussia,
            neutral => neutral,
        }
    }

    /// +1 toward Russia, −1 toward the West, 0 neutral.
    pub fn sign(self) -> f64 {
        match self {
            Direction::TowardRussia => 1.0,
            Direction::TowardWest => -1.0,
            Direction::Neutral => 0.0,
        }
    }
}

/// Whether the relation stated is one of cooperation or of hostility.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Stance {
    Cooperative,
    Hostile,
}

/// The domain a fact belongs to; reports group their narrative by it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, PartialOrd, Ord)]
#[serde(rename_all = "snake_case")]
pub enum Category {
    Military,
    Diplomatic,
    Economic,
    Information,
    Political,
}

impl Category {
    pub const ALL: [Category; 5] = [
        Category::Military,
        Category::Diplomatic,
        Category::Economic,
        Category::Information,
        Category::Political,
    ];
}

/// PLOVER event types (the ontology POLECAT uses), so facts can be exported for researchers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum EventType {
    Agree,
    Consult,
    Support,
    Cooperate,
    Aid,
    Retreat,
    Request,
    Accuse,
    Reject,
    Threaten,
    Protest,
    Sanction,
    Mobilize,
    Coerce,
    Assault,
    Concede,
}

/// Where a fact's event date comes from: the sentence itself, an earlier sentence of its
/// paragraph ("In February 2024, ... Wagner seized the mine ..."), or the article's date.
/// Which side of a fact acts. "Mali expelled the French ambassador" and "Mali and Russia signed
/// a pact" are the country's acts; "Washington imposed sanctions on Sudan" and "Lavrov praised
/// Morocco as a friendly country" are the counterpart's, with the country on the receiving end.
/// What a power does to a country says less about the country's own alignment than what the
/// country does, so the score weighs the two differently (`data/weights.toml`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Actor {
    #[default]
    Country,
    Counterpart,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DateBasis {
    Sentence,
    Paragraph,
    Published,
}

/// The camp a foreign power belongs to on orbit's axes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, PartialOrd, Ord)]
#[serde(rename_all = "snake_case")]
pub enum Bloc {
    West,
    Russia,
    China,
    Turkey,
    Gulf,
    Iran,
    Other,
    /// Multilateral and regional bodies (UN, AU, ECOWAS, AES, ...).
    Multilateral,
}

/// Which side of the Russia–West axis an organisation stands for: leaving ECOWAS or
/// expelling MINUSMA is a step away from the West, joining the AES a step toward Russia.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Lean {
    West,
    Russia,
    Neutral,
}

impl Lean {
    /// +1 for Russia's side, −1 for the West's, 0 otherwise.
    pub fn sign(self) -> f64 {
        match self {
            Lean::Russia => 1.0,
            Lean::West => -1.0,
            Lean::Neutral => 0.0,
        }
    }
}

macro_rules! display_as_serde {
    ($($t:ty),*) => {$(
        impl fmt::Display for $t {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                let v = serde_json::to_value(self).map_err(|_| fmt::Error)?;
                f.write_str(v.as_str().unwrap_or_default())
            }
        }
        impl std::str::FromStr for $t {
            type Err = serde_json::Error;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                serde_json::from_value(serde_json::Value::String(s.to_string()))
            }
        }
    )*};
}
display_as_serde!(
    Direction, Stance, Category, EventType, Bloc, Lean, DateBasis, Actor
);

/// One fact (DESIGN §4). `id` and `article_id` are 0 until the store assigns them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Fact {
    pub id: i64,
    pub article_id: i64,
    pub url: Option<String>,
    pub source: Option<String>,
    pub published: Option<FuzzyDate>,
    /// The date the sentence itself names, else `published`, else `None`.
    pub event_date: Option<FuzzyDate>,
    /// Where `event_date` comes from; `None` when there is no date.
    pub date_basis: Option<DateBasis>,
    /// ISO2 of the African country the fact is about.
    pub country: String,
    /// ISO2 of the foreign power, or an organisation key (`"ECOWAS"`).
    pub counterpart: String,
    pub bloc: Bloc,
    pub direction: Direction,
    pub stance: Stance,
    pub category: Category,
    pub event_type: EventType,
    /// Who acts: the country, or the counterpart with the country on the receiving end.
    /// Facts stored before this field existed read as the country's acts.
    #[serde(default)]
    pub actor: Actor,
    /// "may", "could", "reportedly": what might be, not what is.
    pub hedged: bool,
    /// "denied", "refuted", "not expected".
    pub negated: bool,
    pub weight: f64,
    pub text: String,
    /// Byte offsets of the sentence in the cleaned article text.
    pub span: [usize; 2],
    /// Language of the article.
    pub lang: Option<String>,
}

impl Fact {
    /// The fact's signed contribution on the axis before period-level weighting.
    pub fn signed_weight(&self) -> f64 {
        self.direction.sign() * self.weight
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn direction_follows_stance_and_side() {
        assert_eq!(
            Direction::of(Stance::Hostile, Lean::West),
            Direction::TowardRussia
        );
        assert_eq!(
            Direction::of(Stance::Cooperative, Lean::West),
            Direction::TowardWest
        );
        assert_eq!(
            Direction::of(Stance::Cooperative, Lean::Neutral),
            Direction::Neutral
        );
    }
}
