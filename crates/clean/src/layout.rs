//! The shape of article text: lines and paragraphs, the date line under a headline, the
//! headline itself, and the final "\n\n"-separated text.

use orbit_core::{FuzzyDate, find_dates};

use crate::junk::Line;

/// The lines of `text`, whitespace-normalised, each tagged with its block: blocks are runs of
/// lines between blank lines (paragraphs of a text file, or of an extracted page).
pub(crate) fn lines_of(text: &str) -> Vec<Line> {
    let mut out = Vec::new();
    let mut block = 0;
    for raw in text.lines() {
        let line = normalise_spaces(raw);
        if line.is_empty() {
            block += 1;
        } else {
            out.push(Line { block, text: line });
        }
    }
    out
}

/// Collapses runs of whitespace (no-break spaces and tabs included) to one space and drops
/// zero-width characters, which pasted pages are full of.
fn normalise_spaces(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for c in s.chars() {
        if matches!(
            c,
            '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{AD}'
        ) {
            continue;
        }
        if c.is_whitespace() {
            space = true;
            continue;
        }
        if space && !out.is_empty() {
            out.push(' ');
        }
        space = false;
        out.push(c);
    }
    out
}

/// How many non-empty lines at the top may hold the date line.
const DATE_LINE_WINDOW: usize = 8;
/// A date line is short: "09 November 2024", "Posted on June 12, 2023 13:00".
const DATE_LINE_MAX_CHARS: usize = 40;

/// Words that may stand beside the date on a date line ("Posted on", "Monday,", "UTC").
const DATE_LINE_WORDS: &[&str] = &[
    "posted",
    "published",
    "updated",
    "last",
    "date",
    "dated",
    "on",
    "at",
    "the",
    "of",
    "am",
    "pm",
    "utc",
    "gmt",
    "cet",
    "cest",
    "est",
    "edt",
    "wat",
    "eat",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "mon",
    "tue",
    "tues",
    "wed",
    "thu",
    "thur",
    "thurs",
    "fri",
    "sat",
    "sun",
    "publié",
    "publie",
    "mis",
    "à",
    "a",
    "jour",
    "le",
    "lundi",
    "mardi",
    "mercredi",
    "jeudi",
    "vendredi",
    "samedi",
    "dimanche",
    "de",
    "du",
];

/// Removes the date line near the top of the text and returns its date.
///
/// A date line is a short line among the first few that is essentially a date: seed 004 puts
/// "09 November 2024" under its headline. A month-precision date must stand alone ("June
/// 2024"); a day-precision one may carry up to two other words (a dateline "Cairo (AFP) July
/// 21, 2022"). Dates inside sentences are never taken: "In June 2019 Russia signed..." is body.
pub(crate) fn take_date_line(lines: &mut Vec<Line>) -> Option<FuzzyDate> {
    let (index, date) = lines
        .iter()
        .take(DATE_LINE_WINDOW)
        .enumerate()
        .find_map(|(i, line)| date_line_date(&line.text).map(|d| (i, d)))?;
    lines.remove(index);
    Some(date)
}

/// The date a line states, if the line is a date line.
fn date_line_date(line: &str) -> Option<FuzzyDate> {
    if line.chars().count() > DATE_LINE_MAX_CHARS {
        return None;
    }
    let (date, start, end) = most_precise_date(line)?;
    let residue = format!(
        "{} {}",
        line.get(..start).unwrap_or(""),
        line.get(end..).unwrap_or("")
    )
    .to_lowercase();
    let other_words = residue
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .filter(|w| !w.chars().any(|c| c.is_ascii_digit()))
        .filter(|w| !DATE_LINE_WORDS.contains(w))
        .count();
    let allowed = if date.day.is_some() { 2 } else { 0 };
    (other_words <= allowed).then_some(date)
}

/// The most precise absolute date in `line` (at least a month) and its byte span.
///
/// `find_dates` reads "date 2024-04-20" as the year 2024 alone (its bare-year form matches one
/// character earlier, with the space), so ISO tokens are also read whole with
/// `FuzzyDate::parse_loose`, the same parser.
fn most_precise_date(line: &str) -> Option<(FuzzyDate, usize, usize)> {
    let found = find_dates(line, None)
        .into_iter()
        .filter(|m| !m.relative)
        .map(|m| (m.date, m.start, m.end));
    let iso_tokens = line.split_whitespace().filter_map(|token| {
        let token = token.trim_matches(|c: char| !c.is_alphanumeric());
        if !token.starts_with(|c: char| c.is_ascii_digit()) || !token.contains('-') {
            return None;
        }
        let start = (token.as_ptr() as usize).checked_sub(line.as_ptr() as usize)?;
        FuzzyDate::parse_loose(token).map(|d| (d, start, start + token.len()))
    });
    let dates: Vec<_> = found.chain(iso_tokens).collect();
    let first_with =
        |precise: fn(&FuzzyDate) -> bool| dates.iter().copied().find(|(d, _, _)| precise(d));
    first_with(|d| d.day.is_some()).or_else(|| first_with(|d| d.month.is_some()))
}

/// A plain text's headline: its first line, if it reads like one — at most 200 characters,
/// two words or more, not starting in lowercase, not ending like a sentence (". , ; :"), not
/// two sentences ("...sénégalaises. Le retrait...") — and followed by more text that does not
/// continue it.
pub(crate) fn title_of(lines: &[Line]) -> Option<String> {
    let first = lines.first()?;
    let next = lines.get(1)?;
    let title = first
        .text
        .trim_matches(|c: char| c == '#' || c == '=' || c.is_whitespace());
    let words_with_letters = title
        .split_whitespace()
        .filter(|w| w.chars().any(char::is_alphabetic))
        .count();
    let looks_like_title = title.chars().count() <= 200
        && words_with_letters >= 2
        && !title.starts_with(['<', '[', '{'])
        && !title
            .chars()
            .find(|c| c.is_alphabetic())
            .is_some_and(char::is_lowercase)
        && !title.ends_with(['.', ',', ';', ':', '…'])
        && !holds_two_sentences(title)
        && !next.text.starts_with(char::is_lowercase);
    looks_like_title.then(|| title.to_string())
}

/// A full stop after a lowercase word, then a capital: "forces. Le retrait". Initials and
/// abbreviations ("U.S. Aims") do not count.
fn holds_two_sentences(s: &str) -> bool {
    let chars: Vec<char> = s.chars().collect();
    chars.windows(5).any(|w| {
        w[0].is_lowercase()
            && w[1].is_lowercase()
            && w[2] == '.'
            && w[3] == ' '
            && w[4].is_uppercase()
    })
}

/// The final text: paragraphs separated by a blank line. Lines of one block are joined when a
/// sentence was wrapped ("An American delegation" / "wants to convince..."), otherwise each
/// line is its own paragraph; a paragraph repeated right after itself (a headline printed
/// twice) is kept once. Repeats further apart stay: a meal plan lists "Eat every 2–3 hours"
/// under every meal.
pub(crate) fn paragraphs(lines: &[Line]) -> String {
    let mut paras: Vec<String> = Vec::new();
    let mut prev_block = None;
    for line in lines {
        let continues = prev_block == Some(line.block)
            && paras.last().is_some_and(|p| wraps_into(p, &line.text));
        match paras.last_mut() {
            Some(last) if continues => {
                last.push(' ');
                last.push_str(&line.text);
            }
            _ => paras.push(line.text.clone()),
        }
        prev_block = Some(line.block);
    }
    paras.dedup_by(|next, prev| same_paragraph(next, prev));
    paras.join("\n\n")
}

/// Equal but for case and final punctuation: a headline repeated as the first sentence.
fn same_paragraph(a: &str, b: &str) -> bool {
    let (a, b) = (without_final_punctuation(a), without_final_punctuation(b));
    // The capital sigma lowercases by its neighbours, which only `str::to_lowercase` sees;
    // every other character lowercases alone, so most pairs differ within a few characters
    // without lowercasing either paragraph whole.
    if a.contains('Σ') || b.contains('Σ') {
        return a.to_lowercase() == b.to_lowercase();
    }
    a.chars()
        .flat_map(char::to_lowercase)
        .eq(b.chars().flat_map(char::to_lowercase))
}

fn without_final_punctuation(s: &str) -> &str {
    s.trim_end_matches(|c: char| c.is_ascii_punctuation() || c.is_whitespace())
}

/// Whether `next` continues the sentence that `prev` broke off.
fn wraps_into(prev: &str, next: &str) -> bool {
    let ends_sentence = prev.ends_with(['.', '!', '?', ':', ';', '"', '”', '»', ')', '\'', '’']);
    !ends_sentence && next.starts_with(char::is_lowercase)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(line: &str) -> Option<String> {
        date_line_date(line).map(|d| d.to_string())
    }

    #[test]
    fn same_paragraph_is_equality_of_the_lowercased_text_without_final_punctuation() {
        let old = |a: &str, b: &str| {
            let core = |s: &str| {
                s.trim_end_matches(|c: char| c.is_ascii_punctuation() || c.is_whitespace())
                    .to_lowercase()
            };
            core(a) == core(b)
        };
        let texts = [
            "Mali and Russia",
            "MALI AND RUSSIA.",
            "Mali and Russia signed",
            "ΟΔΟΣ ΣΟΦΙΑ",
            "οδοσ σοφια",
            "οδος σοφια",
            "İstanbul ẞ Ǆ",
            "i̇stanbul ß ǆ",
            "Côte d’Ivoire !",
            "CÔTE D’IVOIRE",
            "",
        ];
        for a in texts {
            for b in texts {
                assert_eq!(same_paragraph(a, b), old(a, b), "{a:?} {b:?}");
            }
        }
    }

    #[test]
    fn date_lines_are_short_lines_that_are_essentially_dates() {
        assert_eq!(date("09 November 2024").as_deref(), Some("2024-11-09"));
        assert_eq!(
            date("Posted on June 12, 2023 13:00").as_deref(),
            Some("2023-06-12")
        );
        assert_eq!(date("Monday, June 24, 2024").as_deref(), Some("2024-06-24"));
        assert_eq!(
            date("Published Aug 13, 2023").as_deref(),
            Some("2023-08-13")
        );
        assert_eq!(
            date("Cairo (AFP) July 21, 2022").as_deref(),
            Some("2022-07-21")
        );
        assert_eq!(date("June 2024").as_deref(), Some("2024-06"));
        assert_eq!(date("Elections in June 2024"), None);
        assert_eq!(date("In June 2019 Russia signed a deal"), None);
        assert_eq!(date("Since 2017"), None);
        assert_eq!(date("date 2024-04-20").as_deref(), Some("2024-04-20"));
        assert_eq!(
            date("15 June 2024 20:46 (UTC+04:00)").as_deref(),
            Some("2024-06-15")
        );
    }

    #[test]
    fn the_date_line_is_taken_out_of_the_text() {
        let mut lines = lines_of(
            "Partnership\n\nThe Impact\n\n09 November 2024\n\nOn October 21, 2024, Le Monde reported.",
        );
        assert_eq!(
            take_date_line(&mut lines).map(|d| d.to_string()).as_deref(),
            Some("2024-11-09")
        );
        assert_eq!(lines.len(), 3);
        assert!(lines.iter().all(|l| !l.text.contains("09 November")));
    }

    #[test]
    fn a_title_is_a_short_unpunctuated_first_line_with_text_after_it() {
        let t = |s: &str| title_of(&lines_of(s));
        assert_eq!(
            t("Why Russia Wins\n\nBody text.").as_deref(),
            Some("Why Russia Wins")
        );
        assert_eq!(
            t("Is Mali bluffing?\nBody.").as_deref(),
            Some("Is Mali bluffing?")
        );
        assert_eq!(t("A full sentence ends here.\nBody."), None);
        assert_eq!(t("Only one line"), None);
        assert_eq!(t("The United States\nhas not acted."), None);
        assert_eq!(
            t("U.S. Aims to Thwart a Plan\nBody.").as_deref(),
            Some("U.S. Aims to Thwart a Plan")
        );
        assert_eq!(t("russia\nPutin meets Abiy"), None);
        assert_eq!(t("25.2 C\nGuinea."), None);
        assert_eq!(
            t("Les forces sont parties. Le retrait continue\nBody."),
            None
        );
        assert_eq!(
            t("= Madagascar–Russia relations =\nBody.").as_deref(),
            Some("Madagascar–Russia relations")
        );
    }

    #[test]
    fn wrapped_lines_join_and_paragraphs_are_separated_by_a_blank_line() {
        let lines = lines_of(
            "Title\nAn American delegation\nwants to convince them.\nNext  para.\n\nNext  para.",
        );
        assert_eq!(
            paragraphs(&lines),
            "Title\n\nAn American delegation wants to convince them.\n\nNext para."
        );
    }
}
