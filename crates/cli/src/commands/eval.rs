//! `orbit eval`: ingest labelled articles into a throw-away database through the normal
//! pipeline and measure attribution, direction and country scores against the labels.

use std::collections::{BTreeMap, HashMap};
use std::io::{BufRead, Write};
use std::process::ExitCode;

use anyhow::{Context, Result};
use orbit_core::{Fact, Period};
use serde::{Deserialize, Serialize};

use crate::args::{EvalArgs, EvalFormat, Global};
use crate::commands::ingest::Pipeline;
use crate::commands::{load_knowledge, load_scorer, period_of, score_country};
use crate::output::table;

/// One labelled article: only what evaluation needs (the article itself goes through ingest).
#[derive(Debug, Clone, Deserialize)]
pub struct Labelled {
    pub id: Option<String>,
    pub url: Option<String>,
    pub lang: Option<String>,
    pub labels: Labels,
}

#[derive(Debug, Clone, Deserialize)]
pub struct Labels {
    #[serde(default)]
    pub countries: Vec<String>,
    pub direction: Option<String>,
}

/// Attribution and direction figures for a set of articles.
#[derive(Debug, Clone, Default, Serialize, PartialEq)]
pub struct ArticleMetrics {
    pub articles: usize,
    pub facts: usize,
    /// Share of facts whose country is among their article's labelled countries.
    pub attribution_precision: Option<f64>,
    /// Share of labelled articles with a fact for their first labelled country.
    pub attribution_recall: Option<f64>,
    /// Share of toward_russia / toward_west articles whose first country's weighted fact
    /// directions sum to the labelled sign (no call counts as wrong).
    pub direction_accuracy: Option<f64>,
    pub direction_articles: usize,
}

/// Country scores against expert scores.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct ScoreMetrics {
    pub period: String,
    pub countries: usize,
    /// Countries orbit gave a score (the others have no evidence and count as misses).
    pub scored: usize,
    pub mae: Option<f64>,
    pub within_one: f64,
    pub spearman: Option<f64>,
    pub worst: Vec<ScoreGap>,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct ScoreGap {
    pub country: String,
    pub expert: f64,
    pub orbit: Option<u8>,
}

#[derive(Debug, Serialize)]
struct EvalReport {
    labels: String,
    overall: ArticleMetrics,
    by_language: BTreeMap<String, ArticleMetrics>,
    /// labelled direction → orbit's call for the first country → articles.
    confusion: BTreeMap<String, BTreeMap<String, usize>>,
    scores: Option<ScoreMetrics>,
    /// Articles orbit got wrong, with the facts behind each call, to see where errors come from.
    mistakes: Vec<Mistake>,
}

#[derive(Debug, Serialize)]
struct Mistake {
    id: Option<String>,
    url: Option<String>,
    lang: Option<String>,
    countries: Vec<String>,
    direction: Option<String>,
    call: String,
    /// Facts attributed to a country the labels don't list.
    wrong_country: Vec<String>,
    /// The facts for the first labelled country: `direction weight counterpart | text`.
    first_country_facts: Vec<String>,
}

pub fn run(global: &Global, args: EvalArgs) -> Result<ExitCode> {
    let labelled = read_labels(&args.labels)?;
    let work = tempfile::tempdir()
        .context("cannot create a temporary directory for the evaluation database")?;
    let mut store = orbit_store::Store::open(&work.path().join("eval.db"))?;
    let pipeline = Pipeline::load(global)?;
    let tally = pipeline.ingest(
        &mut store,
        orbit_ingest::read_paths(std::slice::from_ref(&args.labels)),
    )?;
    eprintln!("orbit: eval: {tally}");
    let facts = store.facts(&orbit_store::FactFilter::default())?;

    let overall = article_metrics(&labelled, &facts);
    let mut by_language = BTreeMap::new();
    for lang in ["en", "fr"] {
        let subset: Vec<Labelled> = labelled
            .iter()
            .filter(|l| l.lang.as_deref() == Some(lang))
            .cloned()
            .collect();
        by_language.insert(lang.to_string(), article_metrics(&subset, &facts));
    }
    let others: Vec<Labelled> = labelled
        .iter()
        .filter(|l| !matches!(l.lang.as_deref(), Some("en" | "fr")))
        .cloned()
        .collect();
    by_language.insert("other".to_string(), article_metrics(&others, &facts));

    let scores = match &args.countries {
        Some(path) => {
            let period = match &args.period {
                Some(p) => period_of(&crate::args::PeriodArgs {
                    period: Some(p.clone()),
                    from: None,
                    to: None,
                })?,
                None => Period::all(),
            };
            let experts = read_expert_scores(path, args.period.as_deref().unwrap_or(""))?;
            let knowledge = load_knowledge(global)?;
            let scorer = load_scorer(global)?;
            let mut pairs = Vec::new();
            for (iso, expert) in experts {
                let Some(country) = knowledge.gazetteer.country(&iso) else {
                    eprintln!(
                        "orbit: {}: unknown country '{iso}'; row skipped",
                        path.display()
                    );
                    continue;
                };
                let (card, _) = score_country(&store, &scorer, country, &period)?;
                pairs.push((iso, expert, card.score));
            }
            Some(score_metrics(&period.key(), &pairs))
        }
        None => None,
    };

    let report = EvalReport {
        labels: args.labels.display().to_string(),
        overall,
        by_language,
        confusion: confusion(&labelled, &facts),
        scores,
        mistakes: mistakes(&labelled, &facts),
    };
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    match args.format {
        EvalFormat::Json => writeln!(out, "{}", serde_json::to_string_pretty(&report)?)?,
        EvalFormat::Table => write!(out, "{}", render_table(&report))?,
    }
    if let Some(path) = &args.floor {
        let text = std::fs::read_to_string(path)
            .with_context(|| format!("cannot read floor {}", path.display()))?;
        let floor: Floor = toml::from_str(&text)
            .with_context(|| format!("floor {} is not valid", path.display()))?;
        let regressions = floor.regressions(&report);
        if !regressions.is_empty() {
            for r in &regressions {
                eprintln!("orbit: eval: below the floor in {}: {r}", path.display());
            }
            return Ok(ExitCode::from(1));
        }
        eprintln!(
            "orbit: eval: every headline metric is at or above the floor in {}",
            path.display()
        );
    }
    Ok(ExitCode::SUCCESS)
}

/// The lowest headline figures accepted (a ratchet kept in the repository: raise it when
/// orbit improves, never lower it to make a regression pass). Missing keys are not checked.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Floor {
    attribution_precision: Option<f64>,
    attribution_recall: Option<f64>,
    /// All languages together: for a set in neither English nor French.
    direction_accuracy: Option<f64>,
    direction_accuracy_en: Option<f64>,
    direction_accuracy_fr: Option<f64>,
    /// A ceiling: the score MAE may not rise above it.
    score_mae_max: Option<f64>,
    score_within_one: Option<f64>,
}

impl Floor {
    fn regressions(&self, r: &EvalReport) -> Vec<String> {
        let lang = |l: &str| r.by_language.get(l).and_then(|m| m.direction_accuracy);
        let checks = [
            (
                "attribution precision",
                r.overall.attribution_precision,
                self.attribution_precision,
            ),
            (
                "attribution recall",
                r.overall.attribution_recall,
                self.attribution_recall,
            ),
            (
                "direction accuracy",
                r.overall.direction_accuracy,
                self.direction_accuracy,
            ),
            (
                "direction accuracy (en)",
                lang("en"),
                self.direction_accuracy_en,
            ),
            (
                "direction accuracy (fr)",
                lang("fr"),
                self.direction_accuracy_fr,
            ),
            (
                "share of scores within ±1",
                r.scores.as_ref().map(|s| s.within_one),
                self.score_within_one,
            ),
        ];
        let mut out: Vec<String> = checks
            .iter()
            .filter_map(|(name, value, floor)| {
                let floor = (*floor)?;
                match value {
                    Some(v) if *v + 1e-9 >= floor => None,
                    Some(v) => Some(format!("{name} is {v:.3}, floor {floor:.3}")),
                    None => Some(format!("{name} was not measured, floor {floor:.3}")),
                }
            })
            .collect();
        if let Some(max) = self.score_mae_max {
            match r.scores.as_ref().and_then(|s| s.mae) {
                Some(mae) if mae <= max + 1e-9 => {}
                Some(mae) => out.push(format!("score MAE is {mae:.3}, ceiling {max:.3}")),
                None => out.push(format!("score MAE was not measured, ceiling {max:.3}")),
            }
        }
        out
    }
}

fn read_labels(path: &std::path::Path) -> Result<Vec<Labelled>> {
    let file = std::fs::File::open(path)
        .with_context(|| format!("cannot read labels {}", path.display()))?;
    let mut out = Vec::new();
    for (i, line) in std::io::BufReader::new(file).lines().enumerate() {
        let line = line.with_context(|| format!("cannot read {}", path.display()))?;
        if line.trim().is_empty() {
            continue;
        }
        match serde_json::from_str::<Labelled>(&line) {
            Ok(l) => out.push(l),
            Err(e) => eprintln!(
                "orbit: {}:{}: no usable labels ({e}); line skipped",
                path.display(),
                i + 1
            ),
        }
    }
    Ok(out)
}

/// Expert rows of `period` ("" = whole corpus): country → score.
fn read_expert_scores(path: &std::path::Path, period: &str) -> Result<Vec<(String, f64)>> {
    // Rationales often contain unquoted commas: only the first three fields are read.
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .from_path(path)
        .with_context(|| format!("cannot read country labels {}", path.display()))?;
    let mut out = Vec::new();
    for (i, row) in reader.records().enumerate() {
        let row = match row {
            Ok(row) => row,
            Err(e) => {
                eprintln!("orbit: {}:{}: {e}; row skipped", path.display(), i + 2);
                continue;
            }
        };
        let (Some(country), Some(p), Some(score)) = (row.get(0), row.get(1), row.get(2)) else {
            eprintln!(
                "orbit: {}:{}: expected country,period,score; row skipped",
                path.display(),
                i + 2
            );
            continue;
        };
        if p.trim() != period {
            continue;
        }
        match score.trim().parse::<f64>() {
            Ok(s) => out.push((country.trim().to_uppercase(), s)),
            Err(_) => eprintln!(
                "orbit: {}:{}: score '{score}' is not a number; row skipped",
                path.display(),
                i + 2
            ),
        }
    }
    Ok(out)
}

/// Facts grouped by their article's URL.
fn facts_by_url(facts: &[Fact]) -> HashMap<&str, Vec<&Fact>> {
    let mut map: HashMap<&str, Vec<&Fact>> = HashMap::new();
    for f in facts {
        if let Some(u) = f.url.as_deref() {
            map.entry(u).or_default().push(f);
        }
    }
    map
}

/// Each labelled article that names a country, with its first country and its facts.
fn with_facts<'a>(
    labelled: &'a [Labelled],
    facts: &'a [Fact],
) -> impl Iterator<Item = (&'a Labelled, &'a String, Vec<&'a Fact>)> {
    let by_url = facts_by_url(facts);
    labelled.iter().filter_map(move |l| {
        let first = l.labels.countries.first()?;
        let article_facts = l
            .url
            .as_deref()
            .and_then(|u| by_url.get(u))
            .cloned()
            .unwrap_or_default();
        Some((l, first, article_facts))
    })
}

/// orbit's call for a country in an article: the sign of its facts' weighted directions.
fn call_for(facts: &[&Fact], country: &str) -> &'static str {
    let net: f64 = facts
        .iter()
        .filter(|f| f.country == country)
        .map(|f| f.signed_weight())
        .sum();
    if net > 0.0 {
        "toward_russia"
    } else if net < 0.0 {
        "toward_west"
    } else {
        "none"
    }
}

/// Attribution precision and recall, and direction accuracy, over `labelled`.
pub fn article_metrics(labelled: &[Labelled], facts: &[Fact]) -> ArticleMetrics {
    let (mut n_facts, mut right_country) = (0usize, 0usize);
    let (mut n_recall, mut recalled) = (0usize, 0usize);
    let (mut n_dir, mut right_dir) = (0usize, 0usize);
    for (l, first, article_facts) in with_facts(labelled, facts) {
        n_facts += article_facts.len();
        right_country += article_facts
            .iter()
            .filter(|f| l.labels.countries.contains(&f.country))
            .count();
        n_recall += 1;
        recalled += usize::from(article_facts.iter().any(|f| &f.country == first));
        if let Some(d @ ("toward_russia" | "toward_west")) = l.labels.direction.as_deref() {
            n_dir += 1;
            right_dir += usize::from(call_for(&article_facts, first) == d);
        }
    }
    let share = |a: usize, n: usize| (n > 0).then(|| round3(a as f64 / n as f64));
    ArticleMetrics {
        articles: n_recall,
        facts: n_facts,
        attribution_precision: share(right_country, n_facts),
        attribution_recall: share(recalled, n_recall),
        direction_accuracy: share(right_dir, n_dir),
        direction_articles: n_dir,
    }
}

fn mistakes(labelled: &[Labelled], facts: &[Fact]) -> Vec<Mistake> {
    let mut out = Vec::new();
    for (l, first, article_facts) in with_facts(labelled, facts) {
        let call = call_for(&article_facts, first);
        let wrong_direction = matches!(l.labels.direction.as_deref(), Some(d @ ("toward_russia" | "toward_west")) if d != call);
        let wrong_country: Vec<String> = article_facts
            .iter()
            .filter(|f| !l.labels.countries.contains(&f.country))
            .map(|f| format!("{} | {}", f.country, f.text))
            .collect();
        let missing = !article_facts.iter().any(|f| &f.country == first);
        if wrong_direction || missing || !wrong_country.is_empty() {
            out.push(Mistake {
                id: l.id.clone(),
                url: l.url.clone(),
                lang: l.lang.clone(),
                countries: l.labels.countries.clone(),
                direction: l.labels.direction.clone(),
                call: call.to_string(),
                wrong_country,
                first_country_facts: article_facts
                    .iter()
                    .filter(|f| &f.country == first)
                    .map(|f| {
                        format!(
                            "{} {:.2} {} | {}",
                            f.direction, f.weight, f.counterpart, f.text
                        )
                    })
                    .collect(),
            });
        }
    }
    out
}

fn confusion(labelled: &[Labelled], facts: &[Fact]) -> BTreeMap<String, BTreeMap<String, usize>> {
    let mut table: BTreeMap<String, BTreeMap<String, usize>> = BTreeMap::new();
    for (l, first, article_facts) in with_facts(labelled, facts) {
        let label = l
            .labels
            .direction
            .clone()
            .unwrap_or_else(|| "unlabelled".into());
        *table
            .entry(label)
            .or_default()
            .entry(call_for(&article_facts, first).to_string())
            .or_default() += 1;
    }
    table
}

/// MAE, share within ±1, Spearman ρ and the five largest gaps; an unscored country is a miss.
pub fn score_metrics(period: &str, pairs: &[(String, f64, Option<u8>)]) -> ScoreMetrics {
    let scored: Vec<(f64, f64)> = pairs
        .iter()
        .filter_map(|(_, e, o)| o.map(|o| (*e, f64::from(o))))
        .collect();
    let mae = (!scored.is_empty()).then(|| {
        round3(scored.iter().map(|(e, o)| (e - o).abs()).sum::<f64>() / scored.len() as f64)
    });
    let within = pairs
        .iter()
        .filter(|(_, e, o)| o.is_some_and(|o| (e - f64::from(o)).abs() <= 1.0))
        .count();
    let mut worst: Vec<ScoreGap> = pairs
        .iter()
        .map(|(c, e, o)| ScoreGap {
            country: c.clone(),
            expert: *e,
            orbit: *o,
        })
        .collect();
    let gap = |g: &ScoreGap| {
        g.orbit
            .map_or(f64::INFINITY, |o| (g.expert - f64::from(o)).abs())
    };
    worst.sort_by(|a, b| gap(b).total_cmp(&gap(a)).then(a.country.cmp(&b.country)));
    worst.truncate(5);
    ScoreMetrics {
        period: period.to_string(),
        countries: pairs.len(),
        scored: scored.len(),
        mae,
        within_one: if pairs.is_empty() {
            0.0
        } else {
            round3(within as f64 / pairs.len() as f64)
        },
        spearman: spearman(&scored).map(round3),
        worst,
    }
}

/// Spearman's ρ: Pearson correlation of average ranks (ties share their mean rank).
pub fn spearman(pairs: &[(f64, f64)]) -> Option<f64> {
    if pairs.len() < 3 {
        return None;
    }
    let rank = |values: Vec<f64>| -> Vec<f64> {
        let mut idx: Vec<usize> = (0..values.len()).collect();
        idx.sort_by(|&a, &b| values[a].total_cmp(&values[b]));
        let mut ranks = vec![0.0; values.len()];
        let mut i = 0;
        while i < idx.len() {
            let mut j = i;
            while j + 1 < idx.len() && values[idx[j + 1]] == values[idx[i]] {
                j += 1;
            }
            let mean = (i + j) as f64 / 2.0 + 1.0;
            for &k in &idx[i..=j] {
                ranks[k] = mean;
            }
            i = j + 1;
        }
        ranks
    };
    let a = rank(pairs.iter().map(|p| p.0).collect());
    let b = rank(pairs.iter().map(|p| p.1).collect());
    let n = a.len() as f64;
    let (ma, mb) = (a.iter().sum::<f64>() / n, b.iter().sum::<f64>() / n);
    let cov: f64 = a.iter().zip(&b).map(|(x, y)| (x - ma) * (y - mb)).sum();
    let va: f64 = a.iter().map(|x| (x - ma).powi(2)).sum();
    let vb: f64 = b.iter().map(|y| (y - mb).powi(2)).sum();
    (va > 0.0 && vb > 0.0).then(|| cov / (va.sqrt() * vb.sqrt()))
}

fn round3(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}

fn render_table(r: &EvalReport) -> String {
    let pct = |x: Option<f64>| x.map_or("-".to_string(), |v| format!("{:.1}%", v * 100.0));
    let row = |name: &str, m: &ArticleMetrics| {
        vec![
            name.to_string(),
            m.articles.to_string(),
            m.facts.to_string(),
            pct(m.attribution_precision),
            pct(m.attribution_recall),
            format!("{} ({})", pct(m.direction_accuracy), m.direction_articles),
        ]
    };
    let mut rows = vec![row("all", &r.overall)];
    rows.extend(r.by_language.iter().map(|(l, m)| row(l, m)));
    let mut out = format!("Evaluation of {}\n\n", r.labels);
    out += &table(
        &[
            "language",
            "articles",
            "facts",
            "precision",
            "recall",
            "direction (n)",
        ],
        &rows,
    );
    out += "\nDirection confusion (labelled → orbit's call for the first country):\n";
    let calls = ["toward_russia", "toward_west", "none"];
    let conf_rows: Vec<Vec<String>> = r
        .confusion
        .iter()
        .map(|(label, calls_for)| {
            std::iter::once(label.clone())
                .chain(
                    calls
                        .iter()
                        .map(|c| calls_for.get(*c).copied().unwrap_or(0).to_string()),
                )
                .collect()
        })
        .collect();
    out += &table(
        &["labelled", "toward_russia", "toward_west", "none"],
        &conf_rows,
    );
    if let Some(s) = &r.scores {
        out += &format!(
            "\nCountry scores ({}): {} countries, {} scored; MAE {}; within ±1 {:.1}%; Spearman ρ {}\n",
            s.period,
            s.countries,
            s.scored,
            s.mae.map_or("-".into(), |m| format!("{m:.2}")),
            s.within_one * 100.0,
            s.spearman.map_or("-".into(), |x| format!("{x:.2}")),
        );
        let worst: Vec<Vec<String>> = s
            .worst
            .iter()
            .map(|g| {
                vec![
                    g.country.clone(),
                    format!("{}", g.expert),
                    g.orbit.map_or("-".into(), |o| o.to_string()),
                ]
            })
            .collect();
        out += &table(&["worst", "expert", "orbit"], &worst);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn labelled(url: &str, countries: &[&str], direction: &str) -> Labelled {
        Labelled {
            id: Some(url.into()),
            url: Some(url.into()),
            lang: Some("en".into()),
            labels: Labels {
                countries: countries.iter().map(|c| c.to_string()).collect(),
                direction: Some(direction.into()),
            },
        }
    }

    fn fact(url: &str, country: &str, direction: orbit_core::Direction) -> Fact {
        Fact {
            id: 1,
            article_id: 1,
            url: Some(url.into()),
            source: None,
            published: None,
            event_date: None,
            date_basis: None,
            country: country.into(),
            counterpart: "RU".into(),
            bloc: orbit_core::Bloc::Russia,
            direction,
            stance: orbit_core::Stance::Cooperative,
            category: orbit_core::Category::Military,
            event_type: orbit_core::EventType::Cooperate,
            actor: orbit_core::Actor::Country,
            hedged: false,
            negated: false,
            weight: 1.0,
            text: String::new(),
            span: [0, 0],
            lang: None,
        }
    }

    #[test]
    fn measures_precision_recall_and_direction() {
        use orbit_core::Direction::*;
        let labels = [
            labelled("a", &["ML"], "toward_russia"),
            labelled("b", &["NE"], "toward_west"),
        ];
        let facts = [
            fact("a", "ML", TowardRussia),
            fact("a", "BF", TowardRussia),
            fact("b", "NE", TowardRussia),
        ];
        let m = article_metrics(&labels, &facts);
        assert_eq!(m.attribution_precision, Some(0.667));
        assert_eq!(m.attribution_recall, Some(1.0));
        assert_eq!(m.direction_accuracy, Some(0.5));
    }

    #[test]
    fn an_unscored_country_is_a_miss() {
        let m = score_metrics(
            "all",
            &[
                ("ML".into(), 5.0, Some(5)),
                ("BF".into(), 5.0, Some(3)),
                ("KE".into(), 1.0, None),
            ],
        );
        assert_eq!(m.scored, 2);
        assert_eq!(m.mae, Some(1.0));
        assert_eq!(m.within_one, 0.333);
        assert_eq!(m.worst[0].country, "KE");
    }

    #[test]
    fn the_floor_names_each_metric_below_it() {
        let report = EvalReport {
            labels: "x".into(),
            overall: ArticleMetrics {
                attribution_precision: Some(0.9),
                attribution_recall: Some(0.9),
                ..Default::default()
            },
            by_language: BTreeMap::new(),
            confusion: BTreeMap::new(),
            scores: Some(score_metrics("all", &[("ML".into(), 5.0, Some(3))])),
            mistakes: Vec::new(),
        };
        let floor: Floor = toml::from_str(
            "attribution_precision = 0.95\nattribution_recall = 0.85\nscore_mae_max = 0.5",
        )
        .unwrap();
        let r = floor.regressions(&report);
        assert_eq!(r.len(), 2, "{r:?}");
        assert!(r[0].starts_with("attribution precision is 0.900"));
        assert!(r[1].starts_with("score MAE is 2.000"));
    }

    #[test]
    fn spearman_handles_ties_and_perfect_order() {
        let rho = spearman(&[(1.0, 10.0), (2.0, 20.0), (3.0, 30.0)]).unwrap();
        assert!((rho - 1.0).abs() < 1e-9);
        let rho = spearman(&[(1.0, 3.0), (2.0, 2.0), (3.0, 1.0)]).unwrap();
        assert!((rho + 1.0).abs() < 1e-9);
        assert!(spearman(&[(1.0, 1.0), (1.0, 2.0), (1.0, 3.0)]).is_none());
    }
}
