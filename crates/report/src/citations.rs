//! The one place that turns facts into numbered citations.

use std::collections::BTreeMap;

use orbit_core::Fact;

use crate::Citation;

/// Citation numbers handed out in order of first use; citing a fact again reuses its number.
#[derive(Default)]
pub(crate) struct Cited<'a> {
    facts: Vec<&'a Fact>,
    /// Plan index of a fact → its citation number.
    numbers: BTreeMap<usize, usize>,
}

impl<'a> Cited<'a> {
    /// The marker `[n]` for the fact at plan index `i`, numbering it on first use.
    pub fn marker(&mut self, i: usize, fact: &'a Fact) -> String {
        let n = match self.numbers.get(&i) {
            Some(&n) => n,
            None => {
                self.facts.push(fact);
                let n = self.facts.len();
                self.numbers.insert(i, n);
                n
            }
        };
        format!("[{n}]")
    }

    pub fn into_citations(self) -> Vec<Citation> {
        self.facts
            .into_iter()
            .enumerate()
            .map(|(k, f)| Citation {
                n: k + 1,
                fact_id: f.id,
                text: f.text.trim().to_string(),
                url: f.url.clone().filter(|u| !u.trim().is_empty()),
                source: f.source.clone().filter(|s| !s.trim().is_empty()),
                published: f.published,
                event_date: f.event_date,
                direction: f.direction,
                country: f.country.to_uppercase(),
                counterpart: f.counterpart.clone(),
                category: f.category,
            })
            .collect()
    }
}

/// The citations of a rewritten text (the LLM writer): the supplied citations, renumbered by
/// the first use of their fact in the new text, the unused ones dropped.
pub(crate) struct Renumber<'a> {
    supplied: &'a [Citation],
    /// Indices into `supplied`, in order of first use.
    used: Vec<usize>,
}

impl<'a> Renumber<'a> {
    pub fn new(supplied: &'a [Citation]) -> Self {
        Renumber {
            supplied,
            used: Vec::new(),
        }
    }

    /// The number of the citation of `fact_id`, numbering it on first use; `None` when the
    /// fact is not among the supplied ones.
    pub fn number(&mut self, fact_id: i64) -> Option<usize> {
        let i = self.supplied.iter().position(|c| c.fact_id == fact_id)?;
        Some(match self.used.iter().position(|&u| u == i) {
            Some(k) => k + 1,
            None => {
                self.used.push(i);
                self.used.len()
            }
        })
    }

    pub fn into_citations(self) -> Vec<Citation> {
        self.used
            .iter()
            .enumerate()
            .map(|(k, &i)| Citation {
                n: k + 1,
                ..self.supplied[i].clone()
            })
            .collect()
    }
}
