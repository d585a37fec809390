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

    /// The folded text without the byte ranges `cut` (in order, not overlapping), each byte left
    /// still mapped to the original text.
    pub fn without(&self, cut: &[(usize, usize)]) -> Folded {
        let mut text = String::with_capacity(self.text.len());
        let mut origin = Vec::with_capacity(self.origin.len());
        let mut from = 0;
        for &(start, end) in cut
            .iter()
            .chain(std::iter::once(&(self.text.len(), self.text.len())))
        {
            if start < from {
                continue;
            }
            text.push_str(&self.text[from..start]);
            origin.extend_from_slice(&self.origin[from..start]);
            from = end;
        }
        origin.push(self.original_offset(self.text.len()));
        Folded { text, origin }
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
    let mut i = 0;
    while i < text.len() {
        // Most of an article is plain ASCII: a run of it is lowercased whole, byte for byte.
        let run = text.as_bytes()[i..]
            .iter()
            .position(|&b| !b.is_ascii() || b == b'`')
            .unwrap_or(text.len() - i);
        if run > 0 {
            let at = out.len();
            out.push_str(&text[i..i + run]);
            out[at..].make_ascii_lowercase();
            origin.extend(i..i + run);
            i += run;
            continue;
        }
        let Some(c) = text[i..].chars().next() else {
            break;
        };
        fold_char(c, i, &mut out, &mut origin);
        i += c.len_utf8();
    }
    origin.push(text.len());
    Folded { text: out, origin }
}

/// Appends the folded form of `c`, found at byte `i` of the original, to `out`, and maps each
/// byte it adds back to `i`.
fn fold_char(c: char, i: usize, out: &mut String, origin: &mut Vec<usize>) {
    let mut push = |ch: char, out: &mut String| {
        let before = out.len();
        out.push(ch);
        origin.extend(std::iter::repeat_n(i, out.len() - before));
    };
    match c {
        '\u{2019}' | '\u{2018}' | '\u{02BC}' | '`' | '\u{00B4}' => push('\'', out),
        '\u{2010}'..='\u{2015}' => push('-', out),
        '\u{00A0}' | '\u{202F}' => push(' ', out),
        c if c.is_ascii() => push(c.to_ascii_lowercase(), out),
        c => {
            for d in c.nfd().filter(|d| !is_combining_mark(*d)) {
                for l in d.to_lowercase() {
                    push(l, out);
                }
            }
        }
    }
}

/// The folded form of a short key (an alias, a cue word).
pub fn fold_key(s: &str) -> String {
    fold(s).text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cut_folded_text_still_maps_to_the_original() {
        let original = "Le Mali a voté jeudi contre";
        let f = fold(original);
        let day = f.text.find(" jeudi").unwrap();
        let cut = f.without(&[(day, day + " jeudi".len())]);
        assert_eq!(cut.text, "le mali a vote contre");
        let at = cut.text.find("contre").unwrap();
        assert_eq!(&original[cut.original_offset(at)..], "contre");
        assert_eq!(cut.original_offset(cut.text.len()), original.len());
    }

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

    /// `fold` one character at a time, as it was before ASCII runs were copied whole.
    fn fold_char_by_char(text: &str) -> Folded {
        let (mut out, mut origin) = (String::new(), Vec::new());
        for (i, c) in text.char_indices() {
            fold_char(c, i, &mut out, &mut origin);
        }
        origin.push(text.len());
        Folded { text: out, origin }
    }

    #[test]
    fn ascii_runs_fold_as_their_characters_do() {
        for text in [
            "",
            "Mali's JUNTA met `Lavrov` in Bamako.",
            "À Niamey, l’armée — « Goïta » a dit: İstanbul ẞ, ΟΔΟΣ; Партнёрство с ЧВК",
            "`",
            "é",
            "a\u{00A0}b\u{2013}c\u{0301}d",
        ] {
            let (fast, slow) = (fold(text), fold_char_by_char(text));
            assert_eq!(fast.text, slow.text, "{text:?}");
            assert_eq!(fast.origin, slow.origin, "{text:?}");
        }
    }
}
