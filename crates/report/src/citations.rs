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
                counterpart: f.counterpart.clone(),
                category: f.category,
            })
            .collect()
    }
}
