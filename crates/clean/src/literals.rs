//! Required literals: strings one of which occurs in every match of a regex.
//!
//! The junk rules are many small regexes tried on every line of every article. Nearly every
//! rule names a word ("subscribe", "newsletter", "REUTERS/"), so one Aho–Corasick pass over
//! a line finds the few rules worth trying. regex-syntax only extracts prefix and suffix
//! literals, and a rule such as `^.{0,200}\bby clicking here` has neither; this walks the
//! pattern's HIR for the literals anywhere inside it.

use regex_syntax::hir::{Class, Hir, HirKind};

/// An exact set larger than this is given up: it would stop being a cheap gate.
const MAX_SET: usize = 64;
/// A class with more characters than this is not spelled out as literals.
const MAX_CLASS: usize = 8;
/// ASCII literals shorter than this match too often to rule a line out; a non-ASCII symbol
/// ("»", "©") is rare enough alone.
const MIN_ASCII_LITERAL: usize = 3;

/// Strings, one of which occurs in every match of `hir`, each at least a few bytes long;
/// `None` when the pattern has no such set.
///
/// `hir` must be parsed case-sensitively: the strings are as written, and the caller matches
/// them ignoring ASCII case. A letter whose case differs outside ASCII ("é"/"É") cannot be
/// matched that way, so literals are cut at such letters and the longest piece kept.
pub(crate) fn required(hir: &Hir) -> Option<Vec<String>> {
    let set = required_set(hir)?;
    let cut: Vec<String> = set.iter().map(|s| longest_caseless_piece(s)).collect();
    all_useful(&cut).then_some(cut)
}

/// The strings `hir` matches exactly, when there are few of them.
fn exact(hir: &Hir) -> Option<Vec<String>> {
    match hir.kind() {
        HirKind::Empty | HirKind::Look(_) => Some(vec![String::new()]),
        HirKind::Literal(lit) => Some(vec![String::from_utf8(lit.0.to_vec()).ok()?]),
        HirKind::Class(Class::Unicode(class)) => {
            let mut chars = Vec::new();
            for range in class.iter() {
                for c in range.start()..=range.end() {
                    if chars.len() == MAX_CLASS {
                        return None;
                    }
                    chars.push(c.to_string());
                }
            }
            Some(chars)
        }
        HirKind::Class(Class::Bytes(_)) => None,
        HirKind::Capture(capture) => exact(&capture.sub),
        HirKind::Repetition(rep) => {
            let times = usize::try_from(rep.max?).ok()?;
            if times != usize::try_from(rep.min).ok()? || times > 4 {
                return None;
            }
            let one = exact(&rep.sub)?;
            (0..times).try_fold(vec![String::new()], |acc, _| product(&acc, &one))
        }
        HirKind::Concat(items) => items.iter().try_fold(vec![String::new()], |acc, item| {
            product(&acc, &exact(item)?)
        }),
        HirKind::Alternation(alternatives) => {
            let mut all = Vec::new();
            for alternative in alternatives {
                all.extend(exact(alternative)?);
                if all.len() > MAX_SET {
                    return None;
                }
            }
            Some(all)
        }
    }
}

/// A required set for `hir`, not yet cut for case: its exact strings when they are all long
/// enough, else the best set among its parts.
fn required_set(hir: &Hir) -> Option<Vec<String>> {
    if let Some(set) = exact(hir).filter(|set| all_useful(set)) {
        return Some(set);
    }
    match hir.kind() {
        HirKind::Capture(capture) => required_set(&capture.sub),
        HirKind::Repetition(rep) if rep.min >= 1 => required_set(&rep.sub),
        HirKind::Concat(items) => best_in_concat(items),
        HirKind::Alternation(alternatives) => {
            let mut all = Vec::new();
            for alternative in alternatives {
                all.extend(required_set(alternative)?);
            }
            (all.len() <= MAX_SET).then_some(all)
        }
        _ => None,
    }
}

/// In a concatenation every part occurs in a match, and so does every run of consecutive
/// exact parts, spelled out together ("by" + " " + "clicking"): the best of these.
fn best_in_concat(items: &[Hir]) -> Option<Vec<String>> {
    let mut best: Option<Vec<String>> = None;
    let mut consider = |set: Vec<String>| {
        if best.as_ref().is_none_or(|b| quality(&set) > quality(b)) {
            best = Some(set);
        }
    };
    let mut run: Option<Vec<String>> = None;
    for item in items {
        match exact(item) {
            Some(set) => {
                let joined = match run.take() {
                    Some(acc) => product(&acc, &set),
                    None => Some(set.clone()),
                };
                // A run too big to spell out starts again from this part.
                run = joined.or(Some(set));
            }
            None => {
                if let Some(done) = run.take() {
                    consider(done);
                }
                if let Some(set) = required_set(item) {
                    consider(set);
                }
            }
        }
        if let Some(current) = &run {
            consider(current.clone());
        }
    }
    best.filter(|set| all_useful(set))
}

/// Every `a` followed by every `b`, unless there are too many.
fn product(a: &[String], b: &[String]) -> Option<Vec<String>> {
    if a.len() * b.len() > MAX_SET {
        return None;
    }
    Some(
        a.iter()
            .flat_map(|x| b.iter().map(move |y| format!("{x}{y}")))
            .collect(),
    )
}

/// Whether every literal of `set`, cut for case, is worth waiting for.
fn all_useful(set: &[String]) -> bool {
    set.iter().all(|s| {
        let piece = longest_caseless_piece(s);
        piece.len() >= MIN_ASCII_LITERAL || !piece.is_ascii()
    })
}

fn shortest(set: &[String]) -> usize {
    set.iter()
        .map(|s| longest_caseless_piece(s).len())
        .min()
        .unwrap_or(0)
}

/// Longer shortest literals rule out more lines; fewer literals break ties.
fn quality(set: &[String]) -> (usize, std::cmp::Reverse<usize>) {
    (shortest(set), std::cmp::Reverse(set.len()))
}

/// The longest piece of `s` between letters whose case differs outside ASCII.
fn longest_caseless_piece(s: &str) -> String {
    s.split(|c: char| !c.is_ascii() && c.to_lowercase().ne(c.to_uppercase()))
        .max_by_key(|piece| piece.len())
        .unwrap_or("")
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn literals(pattern: &str) -> Option<Vec<String>> {
        let hir = regex_syntax::Parser::new().parse(pattern).unwrap();
        required(&hir).map(|mut set| {
            set.sort();
            set
        })
    }

    #[test]
    fn finds_literals_inside_the_pattern() {
        assert_eq!(
            literals(r"^.{0,200}\bby clicking here\b"),
            Some(vec!["by clicking here".into()])
        );
        assert_eq!(
            literals(r"\bright in(to)? your inbox\b"),
            Some(vec![" your inbox".into()])
        );
        assert_eq!(
            literals(r"^(follow|join) us\b"),
            Some(vec!["follow us".into(), "join us".into()])
        );
    }

    #[test]
    fn an_alternation_needs_a_literal_in_every_branch() {
        assert_eq!(
            literals(r"^(subscribe|sign up)\b.{0,300}$"),
            Some(vec!["sign up".into(), "subscribe".into()])
        );
        assert_eq!(literals(r"^(subscribe|\d+)$"), None);
    }

    #[test]
    fn letters_with_non_ascii_case_split_the_literal() {
        assert_eq!(
            literals("abonnez-vous à la newsletter"),
            Some(vec![" la newsletter".into()])
        );
        assert_eq!(literals("é"), None);
    }

    #[test]
    fn short_or_open_patterns_have_none() {
        assert_eq!(literals(r"^\w+$"), None);
        assert_eq!(literals(r"^by$"), None);
        assert_eq!(literals(r"(a|bcd)"), None);
        assert_eq!(
            literals(r"^(\w+\s[»›]\s)+"),
            Some(vec!["»".into(), "›".into()])
        );
    }
}
