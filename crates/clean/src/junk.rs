//! Page junk: the editable rules of `data/junk.toml` and the function that applies them to
//! the lines of an article.

use std::path::Path;
use std::sync::OnceLock;

use aho_corasick::{AhoCorasick, AhoCorasickKind};
use orbit_core::DataError;
use orbit_core::knowledge::{DataText, parse_toml, read_data_file};
use regex::{Regex, RegexBuilder};
use regex_automata::meta;
use regex_automata::nfa::thompson::WhichCaptures;
use regex_syntax::hir::{Capture, Hir, HirKind, Look, Repetition};
use serde::Deserialize;

const BUILTIN: &str = include_str!("../../../data/junk.toml");

/// A pattern may compile large (case-insensitive Unicode classes); allow for it.
const REGEX_SIZE_LIMIT: usize = 64 * 1024 * 1024;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct JunkFile {
    lines: LinesSection,
    end: EndSection,
    inline: InlineSection,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct LinesSection {
    drop: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct EndSection {
    after: f64,
    markers: Vec<String>,
    #[serde(default)]
    markers_if_followed: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct InlineSection {
    #[serde(default)]
    remove: Vec<String>,
    #[serde(default)]
    cut_to_end: Vec<String>,
}

/// The junk rules, compiled. Each pattern is its own regex rather than one alternation: most
/// are anchored at `^` and fail within a few bytes of a long paragraph, while one big
/// alternation must scan every line to its end on the slow engine. Two gates pick the rules
/// worth trying on a line: one for `remove` (a pass of its own, before the others), one for
/// the four lists that judge a line.
#[derive(Debug, Clone)]
pub(crate) struct JunkRules {
    drop: Patterns,
    end: Patterns,
    end_if_followed: Patterns,
    end_after: f64,
    remove: Patterns,
    cut_to_end: Patterns,
    remove_gate: Gate,
    judge_gate: Gate,
}

/// One list of rules, and where they start among the rules of its gate.
#[derive(Debug, Clone, Default)]
struct Patterns {
    rules: Vec<Rule>,
    first: usize,
}

impl Patterns {
    /// The list's rules that `candidates` (its gate's answer for `line`) lets through.
    fn tried<'a>(&'a self, candidates: &'a [bool]) -> impl Iterator<Item = &'a Rule> + 'a {
        self.rules
            .iter()
            .zip(&candidates[self.first..])
            .filter_map(|(rule, candidate)| candidate.then_some(rule))
    }

    fn is_match(&self, line: &str, candidates: &[bool]) -> bool {
        self.tried(candidates).any(|rule| rule.is_match(line))
    }

    /// Where the earliest match starts.
    fn first_start(&self, line: &str, candidates: &[bool]) -> Option<usize> {
        self.tried(candidates)
            .filter_map(|rule| rule.find_start(line))
            .min()
    }

    /// `line` without the text every rule matches, rule after rule; `None` when none does.
    fn remove_all(&self, line: &str, gate: &Gate) -> Option<String> {
        let mut candidates = gate.candidates(line);
        let mut out: Option<String> = None;
        for (i, rule) in self.rules.iter().enumerate() {
            let current = out.as_deref().unwrap_or(line);
            if candidates[self.first + i]
                && rule.is_match(current)
                && let Some(regex) = rule.regex()
            {
                let rest = regex.replace_all(current, "").into_owned();
                // Removing text can join two pieces into a match for a later rule.
                candidates = gate.candidates(&rest);
                out = Some(rest);
            }
        }
        out
    }
}

/// Which rules may match a line: one Aho–Corasick pass over the line for the literals every
/// match of a rule contains (see [`crate::literals`]). Most lines are article text that no
/// rule matches, and trying each rule in turn walks every line once per rule.
#[derive(Debug, Clone, Default)]
struct Gate {
    /// The gated rules' literals, matched ignoring ASCII case; `None` when no rule has any.
    literals: Option<AhoCorasick>,
    /// The rule each literal belongs to.
    rule_of: Vec<usize>,
    /// Whether a rule is tried on every line (it has no literal to wait for).
    always: Vec<bool>,
}

impl Gate {
    /// The gate of `lists`, whose rules it numbers one after the other.
    fn new(lists: &[&[String]]) -> Gate {
        let patterns: Vec<&String> = lists.iter().flat_map(|list| list.iter()).collect();
        let mut literals = Vec::new();
        let mut rule_of = Vec::new();
        let mut always = Vec::with_capacity(patterns.len());
        for (i, pattern) in patterns.iter().enumerate() {
            let found = regex_syntax::Parser::new()
                .parse(pattern)
                .ok()
                .and_then(|hir| crate::literals::required(&hir));
            always.push(found.is_none());
            for literal in found.into_iter().flatten() {
                literals.push(literal);
                rule_of.push(i);
            }
        }
        // A full DFA: a few hundred short literals make a small one, and it is the fastest
        // to walk a paragraph with.
        let automaton = AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .kind(Some(AhoCorasickKind::DFA))
            .build(&literals);
        match automaton {
            Ok(ac) if !literals.is_empty() => Gate {
                literals: Some(ac),
                rule_of,
                always,
            },
            // Without an automaton every rule is tried: slower, never wrong.
            _ => Gate {
                literals: None,
                rule_of: Vec::new(),
                always: vec![true; patterns.len()],
            },
        }
    }

    /// For each rule, whether it may match `line`.
    fn candidates(&self, line: &str) -> Vec<bool> {
        // Case-insensitive rules match the Kelvin sign for "k" and the long s for "s", which
        // ASCII case folding does not know: such a (rare) line skips the gate.
        let (Some(ac), false) = (&self.literals, line.contains(['\u{212A}', '\u{17F}'])) else {
            return vec![true; self.always.len()];
        };
        let mut candidates = self.always.clone();
        for found in ac.find_overlapping_iter(line) {
            candidates[self.rule_of[found.pattern().as_usize()]] = true;
        }
        candidates
    }
}

/// One rule: its pattern, built into its regex and a looser twin the first time a line
/// needs it.
///
/// Building is lazy because it is most of orbit's start-up (about 0.2 s): `.{0,300}` in a
/// case-insensitive Unicode pattern compiles 300 copies of an automaton for any character,
/// and most rules wait for a literal (see [`Gate`]) that few articles contain.
#[derive(Debug, Clone)]
struct Rule {
    pattern: String,
    /// `None` inside once built when the pattern does not build. That only happens to an
    /// edited file, which is built whole at load and reported there (see [`JunkRules::parse`]).
    built: OnceLock<Option<Built>>,
}

/// A rule's regex, and a looser twin that rules most lines out quickly.
///
/// A Unicode word boundary (`\b`) keeps the regex crate's fast engine (the lazy DFA) off
/// any line with a non-ASCII character, and French text, names like "Goïta" and curly quotes
/// put one in most paragraphs: the slow engine then walks the whole paragraph for rules
/// such as `^.{0,200}\bby clicking here\b`. The twin is the same pattern with its Unicode
/// word boundaries removed: it matches wherever the rule does (and a little more), and runs
/// on the fast engine on any text. A line the twin does not match cannot match the rule, so
/// the rule itself only runs on the few lines the twin lets through, and every answer is
/// the rule's own.
#[derive(Debug, Clone)]
struct Built {
    regex: Regex,
    /// `None` when the pattern has no Unicode word boundary (or the twin does not build).
    quick: Option<meta::Regex>,
}

impl Built {
    fn new(pattern: &str) -> Result<Built, regex::Error> {
        let regex = RegexBuilder::new(pattern)
            .case_insensitive(true)
            .size_limit(REGEX_SIZE_LIMIT)
            .build()?;
        Ok(Built {
            quick: quick_twin(pattern),
            regex,
        })
    }

    /// False only when the rule certainly does not match `line`.
    fn may_match(&self, line: &str) -> bool {
        self.quick.as_ref().is_none_or(|q| q.is_match(line))
    }
}

impl Rule {
    /// A rule built when first used.
    fn lazy(pattern: &str) -> Rule {
        Rule {
            pattern: pattern.to_string(),
            built: OnceLock::new(),
        }
    }

    /// A rule built now, or the error that says why it does not build.
    fn built(pattern: &str) -> Result<Rule, regex::Error> {
        let built = Built::new(pattern)?;
        Ok(Rule {
            pattern: pattern.to_string(),
            built: OnceLock::from(Some(built)),
        })
    }

    /// The built rule; `None` when it does not build (it then matches nothing).
    fn get(&self) -> Option<&Built> {
        self.built
            .get_or_init(|| Built::new(&self.pattern).ok())
            .as_ref()
    }

    /// The rule's regex, when it builds.
    fn regex(&self) -> Option<&Regex> {
        self.get().map(|b| &b.regex)
    }

    fn is_match(&self, line: &str) -> bool {
        self.get()
            .is_some_and(|b| b.may_match(line) && b.regex.is_match(line))
    }

    fn find_start(&self, line: &str) -> Option<usize> {
        let built = self.get().filter(|b| b.may_match(line))?;
        built.regex.find(line).map(|m| m.start())
    }
}

/// What a rule pass decided about one line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Verdict {
    Keep,
    Drop,
    /// Ends the article if it comes late enough; otherwise dropped.
    End,
    /// Ends the article if it comes late enough and an `End` line follows; otherwise dropped.
    EndIfFollowed,
}

/// A line of article text and the block (paragraph) it belongs to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Line {
    pub block: usize,
    pub text: String,
}

impl JunkRules {
    /// Loads `junk.toml` from `dir` (when it holds one) or the built-in copy, and compiles it.
    pub(crate) fn load(dir: Option<&Path>) -> Result<Self, DataError> {
        let data = read_data_file(dir, "junk.toml", BUILTIN)?;
        Self::parse(&data)
    }

    fn parse(data: &DataText) -> Result<Self, DataError> {
        let file: JunkFile = parse_toml(data)?;
        if !(0.0..=1.0).contains(&file.end.after) {
            return Err(DataError::new(
                &data.origin,
                format!("end.after = {}: must be between 0 and 1", file.end.after),
            ));
        }
        // An edited file is built whole now, so that a rule that does not build is reported
        // at start, naming its entry. The built-in rules are known to build (a test builds
        // every one) and are built as lines first need them.
        let now = data.text != BUILTIN;
        let compile =
            |list: &[String], key: &str, first: usize| compile(list, key, first, &data.origin, now);
        let (drop, end) = (&file.lines.drop, &file.end.markers);
        let (end_if_followed, cut_to_end) =
            (&file.end.markers_if_followed, &file.inline.cut_to_end);
        // The judging lists, numbered in this order by their gate.
        let judged: [&[String]; 4] = [end, end_if_followed, drop, cut_to_end];
        Ok(JunkRules {
            end: compile(end, "end.markers", 0)?,
            end_if_followed: compile(end_if_followed, "end.markers_if_followed", end.len())?,
            drop: compile(drop, "lines.drop", end.len() + end_if_followed.len())?,
            cut_to_end: compile(
                cut_to_end,
                "inline.cut_to_end",
                end.len() + end_if_followed.len() + drop.len(),
            )?,
            end_after: file.end.after,
            remove: compile(&file.inline.remove, "inline.remove", 0)?,
            remove_gate: Gate::new(&[&file.inline.remove]),
            judge_gate: Gate::new(&judged),
        })
    }

    /// The lines with the `[inline] remove` rules applied, before anything reads them (a
    /// crawler's " date 2024-06-15 " prefix hides the date line behind it).
    pub(crate) fn strip(&self, lines: Vec<Line>) -> Vec<Line> {
        lines
            .into_iter()
            .filter_map(|mut line| {
                if let Some(rest) = self.remove.remove_all(&line.text, &self.remove_gate) {
                    line.text = rest.trim().to_string();
                }
                (!line.text.is_empty()).then_some(line)
            })
            .collect()
    }

    /// The lines that remain once junk is removed and the article is cut at its end; call it
    /// on lines that went through [`JunkRules::strip`].
    pub(crate) fn clean(&self, lines: Vec<Line>) -> Vec<Line> {
        let judged: Vec<(Verdict, Line)> = lines
            .into_iter()
            .filter_map(|line| self.judge(line))
            .collect();
        let end = self.end_index(&judged);
        judged
            .into_iter()
            .take(end)
            .filter(|(verdict, _)| *verdict == Verdict::Keep)
            .map(|(_, line)| line)
            .collect()
    }

    /// The index of the line where the article stops (the length when it runs to the end):
    /// the first `End` line past the threshold, or an `EndIfFollowed` line past the threshold
    /// that comes before it. The threshold counts article text only: what the kept lines
    /// before a marker hold, as a fraction of all kept lines.
    fn end_index(&self, judged: &[(Verdict, Line)]) -> usize {
        let total: usize = judged
            .iter()
            .filter(|(v, _)| *v == Verdict::Keep)
            .map(|(_, l)| l.text.len())
            .sum();
        let threshold = (total as f64 * self.end_after) as usize;
        let mut offset = 0;
        let mut first_conditional = None;
        for (i, (verdict, line)) in judged.iter().enumerate() {
            match verdict {
                Verdict::Keep => offset += line.text.len(),
                Verdict::End if offset >= threshold => return first_conditional.unwrap_or(i),
                Verdict::EndIfFollowed if offset >= threshold && first_conditional.is_none() => {
                    first_conditional = Some(i);
                }
                _ => {}
            }
        }
        judged.len()
    }

    /// Applies the per-line rules; `None` when nothing is left of the line.
    fn judge(&self, mut line: Line) -> Option<(Verdict, Line)> {
        let candidates = self.judge_gate.candidates(&line.text);
        if self.end.is_match(&line.text, &candidates) {
            return Some((Verdict::End, line));
        }
        if self.end_if_followed.is_match(&line.text, &candidates) {
            return Some((Verdict::EndIfFollowed, line));
        }
        if self.drop.is_match(&line.text, &candidates) {
            return Some((Verdict::Drop, line));
        }
        if let Some(at) = self.cut_to_end.first_start(&line.text, &candidates) {
            line.text.truncate(at);
            line.text.truncate(line.text.trim_end().len());
            if line.text.is_empty() {
                return None;
            }
        }
        Some((Verdict::Keep, line))
    }
}

/// The case-insensitive rules of `list`, built now when `now` (an error names its entry:
/// `lines.drop[3]`), else each when first used.
fn compile(
    list: &[String],
    key: &str,
    first: usize,
    origin: &str,
    now: bool,
) -> Result<Patterns, DataError> {
    let rules = list
        .iter()
        .enumerate()
        .map(|(i, pattern)| {
            if !now {
                return Ok(Rule::lazy(pattern));
            }
            Rule::built(pattern).map_err(|e| {
                DataError::new(
                    origin,
                    format!("{key}[{i}] '{pattern}': {}", e.to_string().trim()),
                )
            })
        })
        .collect::<Result<Vec<_>, _>>()?;
    Ok(Patterns { rules, first })
}

/// The pattern without its Unicode word boundaries, compiled for `is_match` only (see
/// [`Rule`]); `None` when it has none, or when anything about the twin fails (the rule then
/// runs alone).
fn quick_twin(pattern: &str) -> Option<meta::Regex> {
    let hir = parsed(pattern)?;
    if !scans_far(&hir) {
        return None;
    }
    let (relaxed, changed) = without_word_boundaries(&hir);
    if !changed {
        return None;
    }
    // Only "does it match" is asked of the twin: no captures, no engines that report them.
    let config = meta::Config::new()
        .which_captures(WhichCaptures::None)
        .onepass(false)
        .backtrack(false)
        .nfa_size_limit(Some(REGEX_SIZE_LIMIT));
    meta::Builder::new()
        .configure(config)
        .build_from_hir(&relaxed)
        .ok()
}

/// The pattern parsed as the rule is (case-insensitive); `None` when it does not parse.
fn parsed(pattern: &str) -> Option<Hir> {
    regex_syntax::ParserBuilder::new()
        .case_insensitive(true)
        .build()
        .parse(pattern)
        .ok()
}

/// Whether trying the pattern may walk far into a line: it is not anchored at the start, or
/// the anchor is followed by a long repetition (`^.{0,200}\bfollow us`). A rule such as
/// `^(share|tweet)\b` fails within a few bytes on any line and needs no twin (building one
/// costs start-up time).
fn scans_far(hir: &Hir) -> bool {
    match hir.kind() {
        HirKind::Concat(items) => match items.split_first() {
            Some((first, rest)) if *first.kind() == HirKind::Look(Look::Start) => rest
                .iter()
                .find(|h| !matches!(h.kind(), HirKind::Look(_)))
                .is_some_and(leads_with_long_repetition),
            _ => true,
        },
        HirKind::Look(Look::Start) => false,
        _ => true,
    }
}

/// Whether `hir` can begin with a repetition of more than a few items.
fn leads_with_long_repetition(hir: &Hir) -> bool {
    match hir.kind() {
        HirKind::Repetition(r) => {
            r.max.is_none_or(|max| max > 3) || leads_with_long_repetition(&r.sub)
        }
        HirKind::Capture(c) => leads_with_long_repetition(&c.sub),
        HirKind::Concat(items) => items
            .iter()
            .find(|h| !matches!(h.kind(), HirKind::Look(_)))
            .is_some_and(leads_with_long_repetition),
        HirKind::Alternation(alternatives) => alternatives.iter().any(leads_with_long_repetition),
        HirKind::Empty | HirKind::Literal(_) | HirKind::Class(_) | HirKind::Look(_) => false,
    }
}

/// `hir` with every Unicode word-boundary assertion replaced by the empty regex (which always
/// matches), and whether there was one. Removing an assertion can only add matches.
fn without_word_boundaries(hir: &Hir) -> (Hir, bool) {
    match hir.kind() {
        HirKind::Look(
            Look::WordUnicode
            | Look::WordUnicodeNegate
            | Look::WordStartUnicode
            | Look::WordEndUnicode
            | Look::WordStartHalfUnicode
            | Look::WordEndHalfUnicode,
        ) => (Hir::empty(), true),
        HirKind::Repetition(r) => {
            let (sub, changed) = without_word_boundaries(&r.sub);
            let rep = Repetition {
                sub: Box::new(sub),
                ..r.clone()
            };
            (Hir::repetition(rep), changed)
        }
        HirKind::Capture(c) => {
            let (sub, changed) = without_word_boundaries(&c.sub);
            let cap = Capture {
                sub: Box::new(sub),
                ..c.clone()
            };
            (Hir::capture(cap), changed)
        }
        HirKind::Concat(subs) => {
            let (subs, changed) = all_without_word_boundaries(subs);
            (Hir::concat(subs), changed)
        }
        HirKind::Alternation(subs) => {
            let (subs, changed) = all_without_word_boundaries(subs);
            (Hir::alternation(subs), changed)
        }
        HirKind::Empty | HirKind::Literal(_) | HirKind::Class(_) | HirKind::Look(_) => {
            (hir.clone(), false)
        }
    }
}

fn all_without_word_boundaries(subs: &[Hir]) -> (Vec<Hir>, bool) {
    let mut changed = false;
    let subs = subs
        .iter()
        .map(|h| {
            let (h, c) = without_word_boundaries(h);
            changed |= c;
            h
        })
        .collect();
    (subs, changed)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rules() -> JunkRules {
        JunkRules::load(None).expect("built-in junk.toml compiles")
    }

    /// Every list of rules.
    fn lists(r: &JunkRules) -> [&Patterns; 5] {
        [
            &r.drop,
            &r.end,
            &r.end_if_followed,
            &r.remove,
            &r.cut_to_end,
        ]
    }

    /// The rule's regex; every built-in rule builds.
    fn regex(rule: &Rule) -> &Regex {
        rule.regex().expect("the built-in rule builds")
    }

    fn clean(text: &str) -> Vec<String> {
        rules()
            .clean(rules().strip(crate::layout::lines_of(text)))
            .into_iter()
            .map(|l| l.text)
            .collect()
    }

    #[test]
    fn drops_buttons_bylines_and_credits_but_keeps_body() {
        let got = clean(
            "Follow us on social\nShutterstock_1234567890-scaled\nBy Jane Doe*\n\
             By December, Russia had sent 200 instructors.\nShare this\nAnalysis | Africa",
        );
        assert_eq!(got, ["By December, Russia had sent 200 instructors."]);
    }

    #[test]
    fn a_late_end_marker_cuts_the_rest_an_early_one_is_only_dropped() {
        let body = "Mali and Russia signed a defence agreement in the capital on Monday.";
        let text = format!(
            "Related\n{body}\n{body}\nPhoto: Jane Doe via shutterstock.com\nAnother story teaser\n\
             keep reading\n{body}"
        );
        assert_eq!(clean(&text), [body, body]);
    }

    #[test]
    fn a_caption_inside_the_article_does_not_end_it() {
        let body = "Mali and Russia signed a defence agreement in the capital on Monday.";
        let text = format!(
            "{body}\n{body}\nImage: the two ministers in Moscow\n{body}\nRead more\n{body}"
        );
        assert_eq!(clean(&text), [body; 4]);
    }

    #[test]
    fn inline_comment_policy_is_cut_to_the_end_of_the_paragraph() {
        let got = clean(
            "He said it was the best way to do that.” Comments will be moderated. Keep \
             comments on topic. Most Popular 1Some headline 2Another",
        );
        assert_eq!(got, ["He said it was the best way to do that.”"]);
    }

    #[test]
    fn the_crawler_date_artefact_is_removed() {
        assert_eq!(
            clean(" date 2023-02 Le Burkina et la France"),
            ["Le Burkina et la France"]
        );
    }

    #[test]
    fn the_quick_twin_drops_only_word_boundaries() {
        assert!(quick_twin("^share this$").is_none());
        let pattern = r"^.{0,200}\bby clicking here\b.{0,20}$";
        let twin = quick_twin(pattern).expect("the pattern has word boundaries");
        let rule = Rule::built(pattern).unwrap();
        let built = rule.get().unwrap();
        // "Goïtaby" has no word boundary before "by": the twin lets it through, the rule does not.
        assert!(twin.is_match("Goïtaby clicking here"));
        assert!(!rule.is_match("Goïtaby clicking here"));
        assert!(rule.is_match("Pour Goïta, BY CLICKING HERE"));
        assert!(!built.may_match("Le général Goïta a reçu Lavrov à Bamako."));
    }

    #[test]
    fn only_rules_that_scan_far_get_a_twin() {
        assert!(quick_twin(r"^(sign up|subscribe)\b.{0,300}$").is_none());
        assert!(quick_twin(r"\bright in(to)? your inbox\b").is_some());
        assert!(quick_twin(r"^(.{0,40}\b)?newsletters?\b.{0,50}$").is_some());
        assert!(quick_twin(r"(?-i)^.{0,300}\b(REUTERS|AFP)/\p{Lu}").is_some());
    }

    #[test]
    fn every_builtin_rule_answers_as_its_regex_alone() {
        let lines = [
            "Follow us on social",
            "Suivez-nous sur Facebook — Goïta",
            "Follow us on Telegram, Côte d’Ivoire",
            "By December, Russia had sent 200 instructors.",
            "Par Aïssata Maïga",
            "(Photo: Reuters) Le général Goïta a reçu Lavrov à Bamako.",
            "Le président Tiani (photo : AFP) à Niamey",
            "Soldiers at the base near Gao. REUTERS/Zohra Bensemra",
            "Soldats à Gao (AP Photo/Baba Ahmed, File)",
            "Subscribe to our newsletter « Sahel » right in your inbox",
            "Abonnez-vous à la newsletter d’Afrique",
            "Lire aussi : Le Mali et la Russie signent un accord",
            "© 2024 Médias Réunis",
            "Image: 1234567, License: CC BY — Ségou",
            "Comments will be moderated. Merci à tous.",
            "he said.” Comments will be moderated. Most Popular 1Some headline",
            "Éditorial : by clicking here you agree to the terms",
            "Shutterstock_1234567890-scaled",
            "Crédit photo : Getty Images",
            "Related stories:",
            "Leave a Reply",
            " date 2023-02 Le Burkina et la France",
            "Mali and Russia signed a military cooperation agreement in Moscow.",
            "Le Niger a expulsé l’ambassadeur de France le 6 juillet 2024.",
        ];
        let r = rules();
        for (list, gate) in [
            (&r.drop, &r.judge_gate),
            (&r.end, &r.judge_gate),
            (&r.end_if_followed, &r.judge_gate),
            (&r.remove, &r.remove_gate),
            (&r.cut_to_end, &r.judge_gate),
        ] {
            assert!(gate.literals.is_some());
            for line in lines {
                let candidates = gate.candidates(line);
                assert_eq!(
                    list.is_match(line, &candidates),
                    list.rules.iter().any(|rule| regex(rule).is_match(line)),
                    "the gate changed the list's answer on {line:?}"
                );
                assert_eq!(
                    list.first_start(line, &candidates),
                    list.rules
                        .iter()
                        .filter_map(|rule| regex(rule).find(line).map(|m| m.start()))
                        .min(),
                    "the gate changed the list's first match on {line:?}"
                );
            }
            for rule in &list.rules {
                for line in lines {
                    assert_eq!(
                        rule.is_match(line),
                        regex(rule).is_match(line),
                        "{} on {line:?}",
                        rule.pattern
                    );
                    assert_eq!(
                        rule.find_start(line),
                        regex(rule).find(line).map(|m| m.start()),
                        "{} on {line:?}",
                        rule.pattern
                    );
                }
            }
        }
    }

    #[test]
    fn most_builtin_rules_wait_for_a_literal() {
        let r = rules();
        let lists = lists(&r);
        let total: usize = lists.iter().map(|l| l.rules.len()).sum();
        let always: usize = [&r.judge_gate, &r.remove_gate]
            .iter()
            .map(|g| g.always.iter().filter(|a| **a).count())
            .sum();
        // The rules without a literal are anchored at the start of the line and fail fast.
        assert!(
            always * 8 <= total,
            "{always} of {total} rules run on every line"
        );
    }

    #[test]
    fn every_builtin_rule_builds_and_is_built_only_when_used() {
        let r = rules();
        for rule in lists(&r).iter().flat_map(|l| l.rules.iter()) {
            assert!(rule.built.get().is_none(), "{} built at load", rule.pattern);
            assert!(rule.get().is_some(), "{} does not build", rule.pattern);
        }
    }

    #[test]
    fn an_edited_file_is_built_at_load() {
        let data = DataText {
            text: "[lines]\ndrop = ['^ok$']\n[end]\nafter = 0.4\nmarkers = []\n[inline]\n".into(),
            origin: "my/junk.toml".into(),
        };
        let r = JunkRules::parse(&data).unwrap();
        assert!(r.drop.rules[0].built.get().is_some());
    }

    #[test]
    fn a_bad_pattern_is_named() {
        let data = DataText {
            text:
                "[lines]\ndrop = ['ok', '(unclosed']\n[end]\nafter = 0.4\nmarkers = []\n[inline]\n"
                    .into(),
            origin: "my/junk.toml".into(),
        };
        let e = JunkRules::parse(&data).unwrap_err().to_string();
        assert!(
            e.starts_with("data file my/junk.toml: lines.drop[1] '(unclosed'"),
            "{e}"
        );
    }
}
