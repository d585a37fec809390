//! The HTML pages: the overview (map and country table) and the country page (report, trend
//! chart, powers, evidence). Views are plain structs rendered by minijinja templates with
//! HTML auto-escaping, so article text — facts, sources, URLs, titles — is always escaped;
//! the only unescaped markup is the server's own (CSS, script, chart) and the report body,
//! which orbit-report renders through its own auto-escaping template.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::LazyLock;

use minijinja::value::Serde;
use minijinja::{Environment, UndefinedBehavior, Value};
use orbit_core::gazetteer::Region;
use orbit_core::{Category, Direction, Fact, Period, PeriodKind};
use orbit_report::{Report, badge_class, score_label};
use orbit_score::CountryScore;
use serde::Serialize;
use sha2::{Digest, Sha256};

use crate::chart::trend_svg;
use crate::error::ApiError;
use crate::map::Map;
use crate::model::{EvidenceFilter, Scored};
use crate::params::{REGIONS, region_name};

/// The dashboard's one script (inline, allowed by its hash in the page's CSP).
pub const SCRIPT: &str = include_str!("../templates/dashboard.js");

/// How many facts the evidence table shows; the CSV and JSON downloads have them all.
pub const EVIDENCE_ROWS: usize = 500;

static TEMPLATES: LazyLock<Environment<'static>> = LazyLock::new(|| {
    let mut env = Environment::new();
    env.set_undefined_behavior(UndefinedBehavior::Strict);
    // Names ending in .html turn on auto-escaping; the CSS is included as template source.
    for (name, source) in [
        ("dashboard.css", include_str!("../templates/dashboard.css")),
        ("base.html", include_str!("../templates/base.html")),
        ("overview.html", include_str!("../templates/overview.html")),
        ("country.html", include_str!("../templates/country.html")),
        ("error.html", include_str!("../templates/error.html")),
    ] {
        if let Err(e) = env.add_template(name, source) {
            // A broken built-in template is a bug; rendering reports it as a 500.
            eprintln!("orbit-server: built-in template {name} does not parse: {e}");
        }
    }
    env
});

/// The Content-Security-Policy of every page: nothing from elsewhere, and no script but ours
/// (by hash), so even a payload that escaped the escaping could not run.
pub static CSP: LazyLock<String> = LazyLock::new(|| {
    format!(
        "default-src 'none'; script-src 'sha256-{}'; style-src 'unsafe-inline'; img-src 'self' data:; \
         form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
        base64(&Sha256::digest(SCRIPT.as_bytes()))
    )
});

fn render<S: Serialize>(name: &str, view: &S) -> Result<String, ApiError> {
    TEMPLATES
        .get_template(name)
        .and_then(|t| t.render(Value::from(Serde(view))))
        .map_err(|e| ApiError::internal(format!("page {name} could not be rendered: {e}")))
}

/// What every page's frame needs: the period selector and the page footer.
#[derive(Serialize)]
struct Frame {
    db_name: String,
    script: &'static str,
    period_key: String,
    period_label: String,
    /// `?period=2024-06`, or empty for all data.
    period_query: String,
    period_options: Vec<OptionGroup>,
    /// Other parameters the period form carries along (name, value).
    keep_fields: Vec<(String, String)>,
}

#[derive(Serialize)]
struct OptionGroup {
    label: &'static str,
    options: Vec<Choice>,
}

#[derive(Serialize)]
struct Choice {
    value: String,
    label: String,
    selected: bool,
}

impl Frame {
    fn new(
        db_name: &str,
        period: &Period,
        choices: &[Period],
        keep: Vec<(String, String)>,
    ) -> Frame {
        let mut groups: Vec<OptionGroup> = Vec::new();
        let mut found = false;
        for (kind, label) in [
            (PeriodKind::All, "All data"),
            (PeriodKind::Year, "Years"),
            (PeriodKind::Quarter, "Quarters"),
            (PeriodKind::Month, "Months"),
        ] {
            let mut options: Vec<Choice> = choices
                .iter()
                .filter(|p| p.kind == kind)
                .map(|p| {
                    let selected = p == period;
                    found |= selected;
                    Choice {
                        value: p.key(),
                        label: if kind == PeriodKind::All {
                            "All data".into()
                        } else {
                            p.label()
                        },
                        selected,
                    }
                })
                .collect();
            if !found && period.kind == kind {
                // A period outside the data's range (from a shared URL) is still selectable.
                options.insert(
                    0,
                    Choice {
                        value: period.key(),
                        label: period.label(),
                        selected: true,
                    },
                );
                found = true;
            }
            if !options.is_empty() {
                groups.push(OptionGroup { label, options });
            }
        }
        Frame {
            db_name: db_name.to_string(),
            script: SCRIPT,
            period_key: period.key(),
            period_label: period.label(),
            period_query: period_query(period),
            period_options: groups,
            keep_fields: keep,
        }
    }
}

/// `?period=KEY`, or nothing for all data.
pub fn period_query(period: &Period) -> String {
    if period.kind == PeriodKind::All {
        String::new()
    } else {
        format!("?period={}", period.key())
    }
}

/// A query string from the pairs whose value is not empty (`?a=1&b=2`, or nothing).
pub fn query_string(pairs: &[(&str, &str)]) -> String {
    let mut q = url::form_urlencoded::Serializer::new(String::new());
    for (k, v) in pairs {
        if !v.is_empty() {
            q.append_pair(k, v);
        }
    }
    let q = q.finish();
    if q.is_empty() { q } else { format!("?{q}") }
}

fn signed2(x: f64) -> String {
    let r = (x * 100.0).round() / 100.0;
    if r == 0.0 {
        "+0.00".into()
    } else {
        format!("{r:+.2}")
    }
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

// ---------------------------------------------------------------- overview

/// The overview's table state, from the query string.
pub struct TableState {
    pub region: Option<Region>,
    pub sort: &'static str,
    pub dir: &'static str,
}

/// The sortable columns of the country table.
pub const SORT_KEYS: [&str; 6] = [
    "country",
    "score",
    "change",
    "confidence",
    "facts",
    "sources",
];

#[derive(Serialize)]
struct OverviewView {
    #[serde(flatten)]
    frame: Frame,
    n_scored: usize,
    n_facts: usize,
    map: MapView,
    legend: Vec<LegendStep>,
    regions: Vec<Choice>,
    region: &'static str,
    sort: &'static str,
    dir: &'static str,
    table_query: String,
    columns: Vec<Column>,
    rows: Vec<RowView>,
}

#[derive(Serialize)]
struct MapView {
    width: f64,
    height: f64,
    countries: Vec<MapCountry>,
    territories: Vec<MapTerritory>,
}

#[derive(Serialize)]
struct MapCountry {
    iso2: String,
    region: &'static str,
    d: String,
    marker: Option<[f64; 2]>,
    class: &'static str,
    info: String,
    href: String,
}

#[derive(Serialize)]
struct MapTerritory {
    name: String,
    d: String,
}

#[derive(Serialize)]
struct LegendStep {
    class: &'static str,
    text: String,
}

#[derive(Serialize)]
struct Column {
    key: Option<&'static str>,
    label: &'static str,
    num: bool,
}

#[derive(Serialize)]
struct RowView {
    iso2: String,
    name: String,
    region: &'static str,
    score: Option<u8>,
    class: &'static str,
    score_label: &'static str,
    change: String,
    change_title: String,
    confidence: String,
    n_facts: usize,
    n_sources: usize,
    discussion: String,
    href: String,
    sort_score: String,
    sort_change: String,
    sort_confidence: String,
}

/// One row of the overview: a scored country and its one-line discussion.
pub struct OverviewRow<'g> {
    pub scored: Scored<'g>,
    pub discussion: String,
}

/// The hover text of a country: name, score, confidence, evidence.
fn map_info(card: &CountryScore) -> String {
    match card.score {
        Some(s) => format!(
            "{} — score {s} ({}) · index {} · confidence {:.2} · {} from {}",
            card.name,
            score_label(Some(s)),
            card.index.map_or("n/a".into(), signed2),
            card.confidence,
            plural(card.n_facts, "fact", "facts"),
            plural(card.n_sources, "source", "sources"),
        ),
        None => format!("{} — no evidence in this period", card.name),
    }
}

/// The one-line discussion of a country for the table: the report's own sentence on what
/// drives the score (its summary's second paragraph), without citation markers.
pub fn discussion(report: &Report) -> String {
    if report.score.is_none() {
        return "No evidence in this period.".into();
    }
    let summary = report.sections.first().map_or("", |s| s.text.as_str());
    let mut paragraphs = summary
        .split("\n\n")
        .map(str::trim)
        .filter(|p| !p.is_empty());
    let first = paragraphs.next().unwrap_or_default();
    let line = paragraphs
        .next()
        .unwrap_or_else(|| first.split_inclusive(". ").next().unwrap_or(first));
    let line = strip_markers(line);
    // In a table column the report's lead-in repeats on every row; keep what follows it.
    match line.strip_prefix("The score is driven above all by ") {
        Some(rest) => format!("Driven by {rest}"),
        None => line,
    }
}

/// Text without its citation markers: `by X [1], Y [2].` → `by X, Y.`
fn strip_markers(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(open) = rest.find('[') {
        let after = &rest[open + 1..];
        let digits = after.bytes().take_while(u8::is_ascii_digit).count();
        if digits > 0 && after.as_bytes().get(digits) == Some(&b']') {
            out.push_str(rest[..open].trim_end());
            rest = &after[digits + 1..];
        } else {
            out.push_str(&rest[..=open]);
            rest = after;
        }
    }
    out.push_str(rest);
    out
}

/// Renders the overview page.
pub fn overview(
    db_name: &str,
    map: &Map,
    period: &Period,
    choices: &[Period],
    state: &TableState,
    mut rows: Vec<OverviewRow<'_>>,
) -> Result<String, ApiError> {
    sort_rows(&mut rows, state.sort, state.dir);
    let pq = period_query(period);
    let key = period.key();
    let href = |iso: &str| format!("/country/{iso}{pq}");
    let by_iso: BTreeMap<&str, &OverviewRow<'_>> = rows
        .iter()
        .map(|r| (r.scored.country.iso2.as_str(), r))
        .collect();
    let countries = map
        .countries
        .iter()
        .filter_map(|(iso, shape)| {
            let row = by_iso.get(iso.as_str())?;
            Some(MapCountry {
                iso2: iso.clone(),
                region: region_name(row.scored.country.region),
                d: shape.d.clone(),
                marker: shape.marker,
                class: badge_class(row.scored.card.score),
                info: map_info(&row.scored.card),
                href: href(iso),
            })
        })
        .collect();
    let region = state.region.map_or("", region_name);
    let keep = vec![
        ("region".to_string(), region.to_string()),
        ("sort".to_string(), state.sort.to_string()),
        ("dir".to_string(), state.dir.to_string()),
    ];
    let view = OverviewView {
        frame: Frame::new(db_name, period, choices, keep),
        n_scored: rows
            .iter()
            .filter(|r| r.scored.card.score.is_some())
            .count(),
        n_facts: rows.iter().map(|r| r.scored.card.n_facts).sum(),
        map: MapView {
            width: map.width,
            height: map.height,
            countries,
            territories: map
                .territories
                .values()
                .map(|t| MapTerritory {
                    name: t.name.clone(),
                    d: t.d.clone(),
                })
                .collect(),
        },
        // The five steps, strongest Russia first (DESIGN §5).
        legend: (1..=5)
            .rev()
            .map(|s| LegendStep {
                class: badge_class(Some(s)),
                text: format!("{s} · {}", score_label(Some(s))),
            })
            .collect(),
        regions: REGIONS
            .iter()
            .map(|(name, _)| Choice {
                value: name.to_string(),
                label: region_label(name),
                selected: *name == region,
            })
            .collect(),
        region,
        sort: state.sort,
        dir: state.dir,
        table_query: query_string(&[
            ("period", if pq.is_empty() { "" } else { &key }),
            ("region", region),
        ]),
        columns: vec![
            Column {
                key: Some("country"),
                label: "Country",
                num: false,
            },
            Column {
                key: Some("score"),
                label: "Score",
                num: true,
            },
            Column {
                key: Some("change"),
                label: "Change",
                num: true,
            },
            Column {
                key: Some("confidence"),
                label: "Confidence",
                num: true,
            },
            Column {
                key: Some("facts"),
                label: "Facts",
                num: true,
            },
            Column {
                key: Some("sources"),
                label: "Sources",
                num: true,
            },
            Column {
                key: None,
                label: "Discussion",
                num: false,
            },
            Column {
                key: None,
                label: "Read",
                num: false,
            },
        ],
        rows: rows
            .iter()
            .map(|r| {
                let c = &r.scored.card;
                let (change, change_title) = match (&c.previous, c.change) {
                    (Some(p), Some(ch)) => (
                        signed2(ch),
                        format!(
                            "index {} in {} (score {})",
                            p.index.map_or("n/a".into(), signed2),
                            p.period,
                            p.score.map_or("-".into(), |s| s.to_string())
                        ),
                    ),
                    (Some(p), None) if c.score.is_some() => {
                        ("new".into(), format!("no evidence in {}", p.period))
                    }
                    (None, _) if c.score.is_some() => {
                        ("–".into(), "no previous period to compare with".into())
                    }
                    _ => ("–".into(), String::new()),
                };
                RowView {
                    iso2: r.scored.country.iso2.clone(),
                    name: r.scored.country.name.clone(),
                    region: region_name(r.scored.country.region),
                    score: c.score,
                    class: badge_class(c.score),
                    score_label: score_label(c.score),
                    change,
                    change_title,
                    confidence: if c.score.is_some() {
                        format!("{:.2}", c.confidence)
                    } else {
                        "–".into()
                    },
                    n_facts: c.n_facts,
                    n_sources: c.n_sources,
                    discussion: r.discussion.clone(),
                    href: href(&r.scored.country.iso2),
                    sort_score: sort_value(
                        c.score
                            .map(|s| f64::from(s) * 10.0 + c.index.unwrap_or(0.0)),
                    ),
                    sort_change: sort_value(c.change),
                    sort_confidence: sort_value(c.score.map(|_| c.confidence)),
                }
            })
            .collect(),
    };
    render("overview.html", &view)
}

fn sort_value(x: Option<f64>) -> String {
    x.map(|v| format!("{v:.4}")).unwrap_or_default()
}

fn region_label(name: &str) -> String {
    match name {
        "sahel" => "Sahel".into(),
        other => {
            let mut c = other.chars();
            let first: String = c
                .next()
                .map(|f| f.to_uppercase().collect())
                .unwrap_or_default();
            format!("{first}{} Africa", c.as_str())
        }
    }
}

/// Sorts the rows as the table shows them; rows without a value go last either way.
pub fn sort_rows(rows: &mut [OverviewRow<'_>], key: &str, dir: &str) {
    let value = |r: &OverviewRow<'_>| -> Option<f64> {
        let c = &r.scored.card;
        match key {
            "score" => c
                .score
                .map(|s| f64::from(s) * 10.0 + c.index.unwrap_or(0.0)),
            "change" => c.change,
            "confidence" => c.score.map(|_| c.confidence),
            "facts" => Some(c.n_facts as f64),
            "sources" => Some(c.n_sources as f64),
            _ => None,
        }
    };
    let by_name = |a: &OverviewRow<'_>, b: &OverviewRow<'_>| {
        a.scored.country.name.cmp(&b.scored.country.name)
    };
    rows.sort_by(|a, b| {
        if key == "country" {
            let o = by_name(a, b);
            return if dir == "asc" { o } else { o.reverse() };
        }
        match (value(a), value(b)) {
            (Some(x), Some(y)) => {
                let o = x.total_cmp(&y);
                if dir == "asc" { o } else { o.reverse() }
            }
            .then_with(|| by_name(a, b)),
            (Some(_), None) => std::cmp::Ordering::Less,
            (None, Some(_)) => std::cmp::Ordering::Greater,
            // Evidence without a value (no previous period to change from) before no evidence.
            (None, None) => b
                .scored
                .card
                .score
                .is_some()
                .cmp(&a.scored.card.score.is_some())
                .then_with(|| by_name(a, b)),
        }
    });
}

// ---------------------------------------------------------------- country page

#[derive(Serialize)]
struct CountryView {
    #[serde(flatten)]
    frame: Frame,
    iso2: String,
    name: String,
    report_header: String,
    report_html: String,
    chart_svg: String,
    powers: Vec<PowerView>,
    categories: Vec<CategoryView>,
    filters: FilterView,
    options: FilterOptions,
    clear_href: String,
    facts_query: String,
    evidence_total: usize,
    evidence: Vec<FactView>,
}

#[derive(Serialize)]
struct PowerView {
    key: String,
    name: String,
    n_facts: usize,
    warmth: f64,
    warmth_text: String,
    share_text: String,
    bar_left: String,
    bar_width: String,
    share_pct: String,
}

#[derive(Serialize)]
struct CategoryView {
    name: String,
    n_facts: usize,
    index: String,
    share: String,
}

/// The evidence filters as the form shows them.
#[derive(Serialize, Default)]
pub struct FilterView {
    pub q: String,
    pub category: String,
    pub power: String,
    pub direction: String,
    pub source: String,
    pub from: String,
    pub to: String,
}

#[derive(Serialize)]
struct FilterOptions {
    categories: Vec<Choice>,
    powers: Vec<Choice>,
    directions: Vec<Choice>,
    sources: Vec<Choice>,
}

#[derive(Serialize)]
struct FactView {
    id: i64,
    date: String,
    text: String,
    power: String,
    category: String,
    direction: String,
    direction_label: &'static str,
    stance: String,
    event_type: String,
    weight: String,
    hedged: bool,
    negated: bool,
    source: String,
    href: Option<String>,
}

/// What the country page shows, computed by the caller.
pub struct CountryPage<'a> {
    pub db_name: &'a str,
    pub scored: &'a Scored<'a>,
    pub report: &'a Report,
    pub series: &'a [CountryScore],
    pub period: &'a Period,
    pub choices: &'a [Period],
    pub filters: FilterView,
    pub evidence: &'a [Fact],
    pub gazetteer: &'a orbit_core::Gazetteer,
}

/// The report's body as orbit-report renders it — the one place that turns facts into
/// cited prose, escaped by its own template — cut in two: its `<header>` (title, score,
/// scale) and the rest (sections, citations). The cuts are at the template's own tags, which
/// escaped text cannot contain.
pub fn report_body(report: &Report) -> (String, String) {
    let page = report.to_html();
    let body = match (page.find("<main>"), page.rfind("</main>")) {
        (Some(start), Some(end)) if start < end => &page[start + "<main>".len()..end],
        _ => {
            return (
                format!("<h1>{}</h1>", minijinja::HtmlEscape(&report.title)),
                format!(
                    "<p>The report could not be embedded; see <a href=\"/api/countries/{}/report\">its JSON</a>.</p>",
                    minijinja::HtmlEscape(&report.country)
                ),
            );
        }
    };
    match body.find("</header>") {
        Some(end) => {
            let end = end + "</header>".len();
            (body[..end].to_string(), body[end..].to_string())
        }
        None => (String::new(), body.to_string()),
    }
}

fn direction_label(d: Direction) -> &'static str {
    match d {
        Direction::TowardRussia => "toward Russia",
        Direction::TowardWest => "toward the US/West",
        Direction::Neutral => "neutral",
    }
}

/// A link target for a fact's URL: web addresses only; anything else (`javascript:`, local
/// paths) is shown as text, never as a link.
pub fn web_link(url: Option<&str>) -> Option<String> {
    let url = url?.trim();
    let lower = url.get(..8).unwrap_or(url).to_ascii_lowercase();
    (lower.starts_with("http://") || lower.starts_with("https://")).then(|| url.to_string())
}

/// Renders the country page.
pub fn country(page: CountryPage<'_>) -> Result<String, ApiError> {
    let g = page.gazetteer;
    let iso = &page.scored.country.iso2;
    let card = &page.scored.card;
    let pq = period_query(page.period);
    let link = format!("/country/{iso}");
    // Largest share of the evidence first.
    let mut by_share: Vec<(&String, &orbit_score::PowerScore)> = card.powers.iter().collect();
    by_share.sort_by(|a, b| b.1.share.total_cmp(&a.1.share).then(a.0.cmp(b.0)));
    let powers: Vec<PowerView> = by_share
        .into_iter()
        .map(|(key, p)| {
            let w = p.warmth.clamp(-1.0, 1.0);
            PowerView {
                key: key.clone(),
                name: g.counterpart_name(key).to_string(),
                n_facts: p.n_facts,
                warmth: w,
                warmth_text: format!(
                    "warmth {} ({})",
                    signed2(w),
                    if w > 0.2 {
                        "mostly cooperative"
                    } else if w < -0.2 {
                        "mostly hostile"
                    } else {
                        "mixed"
                    }
                ),
                share_text: format!("{:.0}% of the evidence weight", p.share * 100.0),
                bar_left: format!("{:.1}", 50.0 + w.min(0.0) * 50.0),
                bar_width: format!("{:.1}", w.abs() * 50.0),
                share_pct: format!("{:.1}", (p.share * 100.0).clamp(0.0, 100.0)),
            }
        })
        .collect();
    let categories = card
        .categories
        .iter()
        .map(|(c, s)| CategoryView {
            name: c.to_string(),
            n_facts: s.n_facts,
            index: s.index.map_or("n/a".into(), signed2),
            share: format!("{:.0}%", s.share * 100.0),
        })
        .collect();

    // Filter choices come from the period's facts, so every option finds something.
    let period_facts = &page.scored.facts;
    let powers_present: BTreeSet<&str> = period_facts
        .iter()
        .map(|f| f.counterpart.as_str())
        .collect();
    let sources_present: BTreeSet<&str> = period_facts
        .iter()
        .filter_map(|f| f.source.as_deref())
        .collect();
    let choice = |value: String, label: String| Choice {
        value,
        label,
        selected: false,
    };
    let options = FilterOptions {
        categories: Category::ALL
            .iter()
            .map(|c| choice(c.to_string(), c.to_string()))
            .collect(),
        powers: powers_present
            .iter()
            .map(|k| choice(k.to_string(), format!("{} ({k})", g.counterpart_name(k))))
            .collect(),
        directions: [
            Direction::TowardRussia,
            Direction::TowardWest,
            Direction::Neutral,
        ]
        .iter()
        .map(|d| choice(d.to_string(), direction_label(*d).to_string()))
        .collect(),
        sources: sources_present
            .iter()
            .map(|s| choice(s.to_string(), s.to_string()))
            .collect(),
    };
    let f = &page.filters;
    let key = page.period.key();
    let period_value = if pq.is_empty() { "" } else { key.as_str() };
    let facts_query = query_string(&[
        ("country", iso),
        ("period", period_value),
        ("q", &f.q),
        ("category", &f.category),
        ("power", &f.power),
        ("direction", &f.direction),
        ("source", &f.source),
        ("from", &f.from),
        ("to", &f.to),
    ]);
    let evidence = page
        .evidence
        .iter()
        .take(EVIDENCE_ROWS)
        .map(|fact| FactView {
            id: fact.id,
            date: fact.event_date.map_or("undated".into(), |d| d.to_string()),
            text: fact.text.clone(),
            power: g.counterpart_name(&fact.counterpart).to_string(),
            category: fact.category.to_string(),
            direction: fact.direction.to_string(),
            direction_label: direction_label(fact.direction),
            stance: fact.stance.to_string(),
            event_type: fact.event_type.to_string(),
            weight: format!("{:.2}", fact.weight),
            hedged: fact.hedged,
            negated: fact.negated,
            source: fact
                .source
                .clone()
                .or_else(|| fact.url.clone())
                .unwrap_or_else(|| "unknown source".into()),
            href: web_link(fact.url.as_deref()),
        })
        .collect();
    let keep = [
        ("q", &f.q),
        ("category", &f.category),
        ("power", &f.power),
        ("direction", &f.direction),
        ("source", &f.source),
        ("from", &f.from),
        ("to", &f.to),
    ]
    .iter()
    .filter(|(_, v)| !v.is_empty())
    .map(|(k, v)| (k.to_string(), v.to_string()))
    .collect();
    let (report_header, report_html) = report_body(page.report);
    let view = CountryView {
        frame: Frame::new(page.db_name, page.period, page.choices, keep),
        iso2: iso.clone(),
        name: page.scored.country.name.clone(),
        report_header,
        report_html,
        chart_svg: trend_svg(page.series, page.period, &link),
        powers,
        categories,
        options,
        clear_href: format!("{link}{pq}#evidence"),
        facts_query,
        evidence_total: page.evidence.len(),
        evidence,
        filters: page.filters,
    };
    render("country.html", &view)
}

/// Turns the request's evidence parameters into the form's values and the filter.
pub fn filter_view(filter: &EvidenceFilter, q: Option<&str>) -> FilterView {
    FilterView {
        q: q.unwrap_or_default().to_string(),
        category: filter.category.map(|c| c.to_string()).unwrap_or_default(),
        power: filter.power.clone().unwrap_or_default(),
        direction: filter.direction.map(|d| d.to_string()).unwrap_or_default(),
        source: filter.source.clone().unwrap_or_default(),
        from: filter.from.map(|d| d.to_string()).unwrap_or_default(),
        to: filter.to.map(|d| d.to_string()).unwrap_or_default(),
    }
}

// ---------------------------------------------------------------- errors

#[derive(Serialize)]
struct ErrorView {
    #[serde(flatten)]
    frame: Frame,
    status: String,
    message: String,
}

/// An error page: the status and the message, escaped like everything else.
pub fn error_page(db_name: &str, e: &ApiError) -> String {
    let view = ErrorView {
        frame: Frame::new(db_name, &Period::all(), &[], Vec::new()),
        status: format!(
            "{} {}",
            e.status.as_u16(),
            e.status.canonical_reason().unwrap_or("Error")
        ),
        message: e.message.clone(),
    };
    render("error.html", &view).unwrap_or_else(|_| {
        format!(
            "<!DOCTYPE html><title>orbit</title><p>{}</p>",
            minijinja::HtmlEscape(&e.message)
        )
    })
}

/// Standard base64 (RFC 4648, padded), for the CSP hash.
fn base64(bytes: &[u8]) -> String {
    const A: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            *chunk.get(1).unwrap_or(&0),
            *chunk.get(2).unwrap_or(&0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(A[(n >> (18 - 6 * i)) as usize & 63] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_matches_rfc_4648() {
        assert_eq!(base64(b""), "");
        assert_eq!(base64(b"f"), "Zg==");
        assert_eq!(base64(b"fo"), "Zm8=");
        assert_eq!(base64(b"foo"), "Zm9v");
        assert_eq!(base64(b"foobar"), "Zm9vYmFy");
    }

    #[test]
    fn markers_leave_the_discussion_line() {
        assert_eq!(
            strip_markers(
                "driven by a withdrawal (7 July 2024) [1], a mobilisation [2] and [x] more [12]."
            ),
            "driven by a withdrawal (7 July 2024), a mobilisation and [x] more."
        );
    }

    #[test]
    fn only_web_addresses_become_links() {
        assert_eq!(
            web_link(Some("https://a.example/x")).as_deref(),
            Some("https://a.example/x")
        );
        assert_eq!(web_link(Some("javascript:alert(1)")), None);
        assert_eq!(web_link(Some("file:///etc/passwd")), None);
        assert_eq!(web_link(None), None);
    }

    #[test]
    fn query_strings_skip_empty_values_and_encode_the_rest() {
        assert_eq!(query_string(&[("a", ""), ("q", "x y&z")]), "?q=x+y%26z");
        assert_eq!(query_string(&[("a", "")]), "");
    }
}
