//! Paragraphs and sentences with byte spans.
//!
//! sentencex gets abbreviations ("U.S.", "Gen.", "Sept.") right in English (notes/crates.md §9)
//! but splits French after initials ("S. Lavrov") and abbreviated months ("15 sept. à");
//! a merge rule repairs that: never break before a lowercase word or after a lone capital.

/// A sentence of the document: byte span and the index of its paragraph.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sentence {
    pub start: usize,
    pub end: usize,
    pub paragraph: usize,
}

/// Splits `text` into sentences, paragraph by paragraph (a paragraph is a non-empty line;
/// the cleaner separates paragraphs with blank lines, plain-text pages often with one newline).
pub fn sentences(text: &str, lang: &str) -> Vec<Sentence> {
    let code = match lang {
        "fr" | "en" | "es" | "pt" | "it" | "de" | "ar" | "ru" => lang,
        _ => "en",
    };
    let mut out = Vec::new();
    for (paragraph, (p_start, p_text)) in paragraphs(text).enumerate() {
        let mut pieces: Vec<(usize, usize)> = Vec::new();
        for b in sentencex::get_sentence_boundaries(code, p_text) {
            let (s, e) = trim_span(p_text, b.start_byte, b.end_byte);
            if s >= e {
                continue;
            }
            match pieces.last_mut() {
                Some(last) if should_merge(&p_text[last.0..last.1], &p_text[s..e]) => last.1 = e,
                _ => pieces.push((s, e)),
            }
        }
        out.extend(pieces.into_iter().map(|(s, e)| Sentence {
            start: p_start + s,
            end: p_start + e,
            paragraph,
        }));
    }
    out
}

/// Non-empty lines with their byte offsets.
fn paragraphs(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut offset = 0;
    text.split_inclusive('\n').filter_map(move |line| {
        let start = offset;
        offset += line.len();
        let trimmed = line.trim_end();
        (!trimmed.trim().is_empty()).then_some((start, trimmed))
    })
}

fn trim_span(text: &str, start: usize, end: usize) -> (usize, usize) {
    let end = end.min(text.len());
    let start = start.min(end);
    let slice = &text[start..end];
    let lead = slice.len() - slice.trim_start().len();
    let trail = slice.len() - slice.trim_end().len();
    (start + lead, end - trail)
}

fn should_merge(prev: &str, next: &str) -> bool {
    let next_starts_lower = next
        .chars()
        .find(|c| c.is_alphanumeric())
        .is_some_and(char::is_lowercase);
    // "S. Lavrov", "C.Q. Brown": a lone capital and a period is an initial, not an ending.
    let words: Vec<&str> = prev.split_whitespace().collect();
    let last = words.last().copied().unwrap_or("");
    let lone_initial = {
        let core = last.trim_start_matches(|c: char| !c.is_alphanumeric());
        core.len() <= 4
            && core.ends_with('.')
            && core
                .trim_end_matches('.')
                .split('.')
                .all(|p| p.chars().count() == 1 && p.chars().all(char::is_uppercase))
    };
    next_starts_lower || lone_initial
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(text: &str, lang: &str) -> Vec<String> {
        sentences(text, lang)
            .iter()
            .map(|s| text[s.start..s.end].to_string())
            .collect()
    }

    #[test]
    fn english_abbreviations_and_quotes_survive() {
        let t = "The U.S. Air Force Gen. C.Q. Brown said so. Mali's junta met Russia's Lavrov on Sept. 15. \"Really?\" he asked.";
        assert_eq!(
            texts(t, "en"),
            [
                "The U.S. Air Force Gen. C.Q. Brown said so.",
                "Mali's junta met Russia's Lavrov on Sept. 15.",
                "\"Really?\" he asked."
            ]
        );
    }

    #[test]
    fn french_initials_and_month_abbreviations_survive() {
        let t = "Le M. Diop a rencontré S. Lavrov le 15 sept. à Bamako. « Vraiment ? » a-t-il demandé. La CEDEAO n'a pas réagi.";
        assert_eq!(
            texts(t, "fr"),
            [
                "Le M. Diop a rencontré S. Lavrov le 15 sept. à Bamako.",
                "« Vraiment ? » a-t-il demandé.",
                "La CEDEAO n'a pas réagi."
            ]
        );
    }

    #[test]
    fn paragraphs_are_numbered_and_spans_are_byte_offsets() {
        let t = "Première phrase. Deuxième.\n\nAutre paragraphe.";
        let s = sentences(t, "fr");
        assert_eq!(s.len(), 3);
        assert_eq!((s[0].paragraph, s[1].paragraph, s[2].paragraph), (0, 0, 1));
        assert_eq!(&t[s[2].start..s[2].end], "Autre paragraphe.");
    }
}
