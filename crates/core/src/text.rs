//! Text folding shared by every matcher, so that "Goïta", "GOITA" and "goita" are one key.

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// Text folded for matching, with a map back to byte offsets in the original.
#[derive(Debug, Clone)]
pub struct Folded {
    pub text: String,
    /// `origin[i]` is the byte offset in the original text of folded byte `i`;
    /// one extra entry maps the end.
    origin: Vec<usize>,
}

impl Folded {
    /// The original byte offset of folded byte `i`.
    pub fn original_offset(&self, i: usize) -> usize {
        self.origin
            .get(i)
            .copied()
            .unwrap_or_else(|| self.origin.last().copied().unwrap_or(0))
    }
}

/// Lowercases, strips diacritics and normalises apostrophes and dashes, keeping a byte map.
///
/// ```
/// let f = orbit_core::fold("Côte d’Ivoire");
/// assert_eq!(f.text, "cote d'ivoire");
/// ```
pub fn fold(text: &str) -> Folded {
    let mut out = String::with_capacity(text.len());
    let mut origin = Vec::with_capacity(text.len() + 1);
    for (i, c) in text.char_indices() {
        let mut push = |ch: char, out: &mut String| {
            let before = out.len();
            out.push(ch);
            origin.extend(std::iter::repeat_n(i, out.len() - before));
        };
        match c {
            '\u{2019}' | '\u{2018}' | '\u{02BC}' | '`' | '\u{00B4}' => push('\'', &mut out),
            '\u{2010}'..='\u{2015}' => push('-', &mut out),
            '\u{00A0}' | '\u{202F}' => push(' ', &mut out),
            c if c.is_ascii() => push(c.to_ascii_lowercase(), &mut out),
            c => {
                for d in c.nfd().filter(|d| !is_combining_mark(*d)) {
                    for l in d.to_lowercase() {
                        push(l, &mut out);
                    }
                }
            }
        }
    }
    origin.push(text.len());
    Folded { text: out, origin }
}

/// The folded form of a short key (an alias, a cue word).
pub fn fold_key(s: &str) -> String {
    fold(s).text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_case_accents_and_apostrophes_with_offsets() {
        let f = fold("À Niamey, l’armée");
        assert_eq!(f.text, "a niamey, l'armee");
        let at = f.text.find("armee").unwrap();
        assert_eq!(&"À Niamey, l’armée"[f.original_offset(at)..], "armée");
    }

    #[test]
    fn folds_cyrillic_case_and_the_letters_written_with_or_without_marks() {
        // "ё" is often printed as "е", and "й" loses its breve like any accent: one key each.
        assert_eq!(fold("Партнёрство с ЧВК").text, "партнерство с чвк");
        assert_eq!(fold("Гойта").text, fold("Гоита").text);
    }
}
