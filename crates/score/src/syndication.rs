//! Syndication: the same wire story reprinted by many outlets, lightly edited, is one piece of
//! evidence. Facts are compared by MinHash signatures of their word 3-shingles, with LSH
//! banding so that a period with many facts is not compared pair by pair.
//!
//! Written here rather than taken from a crate: the one maintained MinHash crate (gaoya) has
//! not been released since 2023 (notes/crates.md §14), and this is ~80 lines.

use std::collections::HashMap;
use std::hash::{Hash, Hasher};

use orbit_core::Fact;

/// Signature length: 16 bands of 4 rows. Two facts whose shingle sets have Jaccard
/// similarity s share a band with probability 1 − (1 − s⁴)¹⁶: 0.96 at s = 0.6, 0.07 at s = 0.3.
const BANDS: usize = 16;
const ROWS: usize = 4;
/// Estimated Jaccard similarity from which two facts count as copies.
const SAME_STORY: f64 = 0.6;

/// Indices of `facts` that are copies of an earlier fact about the same country (earlier in
/// slice order), paired with the index of the first fact of the story they repeat.
pub fn copies(facts: &[&Fact], keys: &[String]) -> HashMap<usize, usize> {
    let signatures: Vec<Option<[u64; BANDS * ROWS]>> =
        keys.iter().map(|key| signature(key)).collect();
    // Each band's buckets hold only the stories' first copies: a fact is compared with the
    // stories it may repeat, not with every earlier copy of them, so a story reprinted a
    // thousand times costs a thousand comparisons, not half a million.
    let mut firsts: HashMap<(&str, usize, u64), Vec<usize>> = HashMap::new();
    let mut original: HashMap<usize, usize> = HashMap::new();
    let mut compared = Vec::new();
    for (i, sig) in signatures.iter().enumerate() {
        let Some(sig) = sig else { continue };
        let country = facts[i].country.as_str();
        let keys: Vec<(&str, usize, u64)> = (0..BANDS)
            .map(|band| {
                (
                    country,
                    band,
                    hash_one(&sig[band * ROWS..(band + 1) * ROWS]),
                )
            })
            .collect();
        compared.clear();
        let mut story = None;
        for first in keys.iter().filter_map(|key| firsts.get(key)).flatten() {
            if compared.contains(first) {
                continue;
            }
            compared.push(*first);
            if signatures[*first]
                .as_ref()
                .is_some_and(|other| similarity(sig, other) >= SAME_STORY)
            {
                story = Some(story.map_or(*first, |s: usize| s.min(*first)));
            }
        }
        match story {
            Some(first) => {
                original.insert(i, first);
            }
            None => {
                for key in keys {
                    firsts.entry(key).or_default().push(i);
                }
            }
        }
    }
    original
}

/// MinHash signature of a text's word 3-shingles; `None` for texts too short to shingle.
fn signature(key: &str) -> Option<[u64; BANDS * ROWS]> {
    let words: Vec<&str> = key.split(' ').collect();
    if words.len() < 3 {
        return None;
    }
    let mut sig = [u64::MAX; BANDS * ROWS];
    for shingle in words.windows(3) {
        let h = hash_one(&shingle);
        for (k, slot) in sig.iter_mut().enumerate() {
            // One cheap permutation per slot: a multiply-xorshift mix of the hash and the slot.
            let mut x = h ^ (k as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15);
            x = (x ^ (x >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
            x = (x ^ (x >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
            x ^= x >> 31;
            *slot = (*slot).min(x);
        }
    }
    Some(sig)
}

fn similarity(a: &[u64], b: &[u64]) -> f64 {
    a.iter().zip(b).filter(|(x, y)| x == y).count() as f64 / a.len() as f64
}

/// A deterministic hash (SipHash with fixed keys): scores must not change between runs.
fn hash_one<T: Hash + ?Sized>(value: &T) -> u64 {
    #[allow(deprecated)] // SipHasher's fixed keys are what makes this reproducible.
    let mut h = std::hash::SipHasher::new();
    value.hash(&mut h);
    h.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reworded_copies_are_found_and_different_stories_are_not() {
        let a = "Russian military instructors arrived in Niamey on Wednesday to train Nigerien soldiers and install an air-defence system, state television said.";
        let b = "Russian military instructors arrived in Niamey on Wednesday to train Nigerien soldiers and install an air defence system, the state broadcaster reported.";
        let c = "The United States agreed to withdraw its troops from Niger by September 15 after talks with the junta in Niamey.";
        let sig = |text: &str| signature(&crate::text_key(text)).unwrap();
        let sa = sig(a);
        assert!(similarity(&sa, &sig(b)) >= SAME_STORY);
        assert!(similarity(&sa, &sig(c)) < 0.2);
    }
}
