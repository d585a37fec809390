//! The routes: each handler reads its parameters (400 on a bad one), finds its country (404
//! on an unknown one), and computes its page or document from the store on a worker thread.

use std::sync::Arc;

use axum::Router;
use axum::extract::{Path, State as Shared};
use axum::http::{HeaderMap, HeaderValue, Uri, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use orbit_core::gazetteer::Country;
use orbit_core::{Period, PeriodKind};
use orbit_score::CountryScore;

use crate::State;
use crate::cache::Doc;
use crate::csv_out;
use crate::error::ApiError;
use crate::model::{self, EvidenceFilter};
use crate::pages::{self, CountryPage, OverviewRow, SORT_KEYS, TableState};
use crate::params::Params;

pub(crate) fn router(state: Arc<State>) -> Router {
    Router::new()
        .route("/", get(overview))
        .route("/country/{code}", get(country))
        .route("/api/scores", get(api_scores))
        .route("/api/scores.csv", get(api_scores_csv))
        .route("/api/countries/{code}/report", get(api_report))
        .route("/api/countries/{code}/series", get(api_series))
        .route("/api/facts", get(api_facts))
        .route("/api/facts.csv", get(api_facts_csv))
        .fallback(not_found)
        .with_state(state)
}

// ---------------------------------------------------------------- pages

async fn overview(Shared(s): Shared<Arc<State>>, uri: Uri) -> Response {
    respond(&s, &uri, Kind::Page, |s, store, q| {
        let p = Params::parse(q, &["period", "region", "sort", "dir"])?;
        let period = p.period()?;
        let sort = p.choice("sort", &SORT_KEYS, "score")?;
        let default_dir = if sort == "country" { "asc" } else { "desc" };
        let table = TableState {
            region: p.region()?,
            sort,
            dir: p.choice("dir", &["asc", "desc"], default_dir)?,
        };
        let choices = model::period_choices(store)?;
        let rows = model::score_all(store, &s.scorer, &s.gazetteer, &period)?
            .into_iter()
            .map(|scored| {
                let discussion = if scored.card.score.is_some() {
                    pages::discussion(&model::report_of(&scored, &s.scorer, &s.gazetteer, &period))
                } else {
                    "No evidence in this period.".to_string()
                };
                OverviewRow { scored, discussion }
            })
            .collect();
        pages::overview(&s.db_name, &s.map, &period, &choices, &table, rows).map(Doc::html)
    })
    .await
}

async fn country(Shared(s): Shared<Arc<State>>, Path(code): Path<String>, uri: Uri) -> Response {
    respond(&s, &uri, Kind::Page, move |s, store, q| {
        let country = find_country(s, &code)?;
        let p = Params::parse(
            q,
            &[
                "period",
                "q",
                "category",
                "power",
                "direction",
                "source",
                "from",
                "to",
            ],
        )?;
        let period = p.period()?;
        let filter = evidence_filter(&p)?;
        let query = p.get("q");
        let scored = model::score_one(store, &s.scorer, country, &period)?;
        let report = model::report_of(&scored, &s.scorer, &s.gazetteer, &period);
        let series = model::series(store, &s.scorer, country, PeriodKind::Month, &Period::all())?;
        let evidence = if query.is_none() && filter == EvidenceFilter::default() {
            scored.facts.clone()
        } else {
            model::evidence(store, Some(&country.iso2), &period, query, &filter)?
        };
        let choices = model::period_choices(store)?;
        pages::country(CountryPage {
            db_name: &s.db_name,
            scored: &scored,
            report: &report,
            series: &series,
            period: &period,
            choices: &choices,
            filters: pages::filter_view(&filter, query),
            evidence: &evidence,
            gazetteer: &s.gazetteer,
        })
        .map(Doc::html)
    })
    .await
}

// ---------------------------------------------------------------- API

/// The scores of the countries with evidence in the period, by ISO2 (as `orbit scores`).
fn scores_of(
    s: &State,
    store: &orbit_store::Store,
    q: Option<&str>,
) -> Result<(Period, Vec<CountryScore>), ApiError> {
    let p = Params::parse(q, &["period", "region"])?;
    let period = p.period()?;
    let region = p.region()?;
    let mut cards: Vec<CountryScore> = model::score_all(store, &s.scorer, &s.gazetteer, &period)?
        .into_iter()
        .filter(|sc| sc.card.n_facts > 0 && region.is_none_or(|r| sc.country.region == r))
        .map(|sc| sc.card)
        .collect();
    cards.sort_by(|a, b| a.country.cmp(&b.country));
    Ok((period, cards))
}

async fn api_scores(Shared(s): Shared<Arc<State>>, uri: Uri) -> Response {
    respond(&s, &uri, Kind::Api, |s, store, q| {
        to_json(&scores_of(s, store, q)?.1).map(Doc::json)
    })
    .await
}

async fn api_scores_csv(Shared(s): Shared<Arc<State>>, uri: Uri) -> Response {
    respond(&s, &uri, Kind::Api, |s, store, q| {
        let (period, cards) = scores_of(s, store, q)?;
        let refs: Vec<&CountryScore> = cards.iter().collect();
        Ok(Doc::csv(
            format!("orbit-scores-{}.csv", period.key()),
            csv_out::scores(&refs)?,
        ))
    })
    .await
}

async fn api_report(Shared(s): Shared<Arc<State>>, Path(code): Path<String>, uri: Uri) -> Response {
    respond(&s, &uri, Kind::Api, move |s, store, q| {
        let country = find_country(s, &code)?;
        let period = Params::parse(q, &["period"])?.period()?;
        let scored = model::score_one(store, &s.scorer, country, &period)?;
        Ok(Doc::json(
            model::report_of(&scored, &s.scorer, &s.gazetteer, &period).to_json(),
        ))
    })
    .await
}

async fn api_series(Shared(s): Shared<Arc<State>>, Path(code): Path<String>, uri: Uri) -> Response {
    respond(&s, &uri, Kind::Api, move |s, store, q| {
        let country = find_country(s, &code)?;
        let p = Params::parse(q, &["by", "period"])?;
        let kind = match p.choice("by", &["month", "quarter", "year"], "month")? {
            "quarter" => PeriodKind::Quarter,
            "year" => PeriodKind::Year,
            _ => PeriodKind::Month,
        };
        let within = p.period()?;
        to_json(&model::series(store, &s.scorer, country, kind, &within)?).map(Doc::json)
    })
    .await
}

const FACT_PARAMS: [&str; 10] = [
    "country",
    "period",
    "q",
    "category",
    "power",
    "direction",
    "source",
    "from",
    "to",
    "limit",
];

fn facts_of(
    s: &State,
    store: &orbit_store::Store,
    q: Option<&str>,
) -> Result<(String, Vec<orbit_core::Fact>), ApiError> {
    let p = Params::parse(q, &FACT_PARAMS)?;
    let country = p.get("country").map(|c| find_country(s, c)).transpose()?;
    let period = p.period()?;
    let filter = evidence_filter(&p)?;
    let limit = p.number("limit", 1..=10_000_000, usize::MAX)?;
    let mut facts = model::evidence(
        store,
        country.map(|c| c.iso2.as_str()),
        &period,
        p.get("q"),
        &filter,
    )?;
    facts.truncate(limit);
    let name = format!(
        "orbit-facts-{}-{}.csv",
        country.map_or("all", |c| c.iso2.as_str()),
        period.key()
    );
    Ok((name, facts))
}

async fn api_facts(Shared(s): Shared<Arc<State>>, uri: Uri) -> Response {
    respond(&s, &uri, Kind::Api, |s, store, q| {
        to_json(&facts_of(s, store, q)?.1).map(Doc::json)
    })
    .await
}

async fn api_facts_csv(Shared(s): Shared<Arc<State>>, uri: Uri) -> Response {
    respond(&s, &uri, Kind::Api, |s, store, q| {
        let (name, facts) = facts_of(s, store, q)?;
        Ok(Doc::csv(name, csv_out::facts(&facts)?))
    })
    .await
}

async fn not_found(Shared(s): Shared<Arc<State>>, uri: Uri) -> Response {
    let e = ApiError::not_found(format!("there is no page at {}", uri.path()));
    let kind = if uri.path().starts_with("/api/") {
        Kind::Api
    } else {
        Kind::Page
    };
    error_response(&s, kind, &e)
}

// ---------------------------------------------------------------- answering

/// Whether errors are answered as an HTML page or as JSON.
#[derive(Clone, Copy)]
enum Kind {
    Page,
    Api,
}

/// Answers `uri` with the document `compute` makes from the store and the query string —
/// or with the one kept from an earlier identical request, while the database is unchanged.
async fn respond<F>(s: &Arc<State>, uri: &Uri, kind: Kind, compute: F) -> Response
where
    F: FnOnce(&State, &orbit_store::Store, Option<&str>) -> Result<Doc, ApiError> + Send + 'static,
{
    let key = uri.to_string();
    let version = s.cache.version();
    if let Some(doc) = s.cache.get(&key, &version) {
        return doc_response(doc);
    }
    let query = uri.query().map(str::to_string);
    let result = s
        .with_store(move |s, store| {
            // Another worker may have made it while this request waited for its turn.
            if let Some(doc) = s.cache.get(&key, &version) {
                return Ok(doc);
            }
            let doc = compute(s, store, query.as_deref())?;
            s.cache.put(key, version, doc.clone());
            Ok(doc)
        })
        .await;
    match result {
        Ok(doc) => doc_response(doc),
        Err(e) => error_response(s, kind, &e),
    }
}

fn doc_response(doc: Doc) -> Response {
    let mut r = doc.body.into_response();
    let h = r.headers_mut();
    h.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static(doc.content_type),
    );
    security_headers(h, doc.content_type.starts_with("text/html"));
    if let Some(v) = doc
        .filename
        .and_then(|n| HeaderValue::from_str(&format!("attachment; filename=\"{n}\"")).ok())
    {
        h.insert(header::CONTENT_DISPOSITION, v);
    }
    r
}

fn error_response(s: &State, kind: Kind, e: &ApiError) -> Response {
    let (content_type, body) = match kind {
        Kind::Page => ("text/html; charset=utf-8", pages::error_page(&s.db_name, e)),
        Kind::Api => (
            "application/json",
            serde_json::json!({"error": e.message, "status": e.status.as_u16()}).to_string(),
        ),
    };
    let mut r = (e.status, body).into_response();
    let h = r.headers_mut();
    h.insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
    security_headers(h, matches!(kind, Kind::Page));
    r
}

fn security_headers(h: &mut HeaderMap, html: bool) {
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    h.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("no-referrer"),
    );
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
    if html && let Ok(csp) = HeaderValue::from_str(&pages::CSP) {
        h.insert(header::CONTENT_SECURITY_POLICY, csp);
    }
}

// ---------------------------------------------------------------- helpers

/// The country a path or parameter names: ISO2, ISO3, or an English or French name.
fn find_country<'s>(s: &'s State, code: &str) -> Result<&'s Country, ApiError> {
    s.gazetteer.find_country(code).ok_or_else(|| {
        ApiError::not_found(format!(
            "unknown country '{code}': use an ISO code (ML, MLI) or an English or French name (Mali)"
        ))
    })
}

fn evidence_filter(p: &Params) -> Result<EvidenceFilter, ApiError> {
    let power = p.get("power").map(|v| {
        if v.len() <= 40 && v.chars().all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-') {
            Ok(v.to_ascii_uppercase())
        } else {
            Err(ApiError::bad_request(format!(
                "power '{v}' is not a power or organisation key: use a code such as RU, US, FR, CN or ECOWAS"
            )))
        }
    });
    let from = p.date("from")?;
    let to = p.date("to")?;
    if let (Some(f), Some(t)) = (from, to)
        && f.first_day() > t.last_day()
    {
        return Err(ApiError::bad_request(format!("from {f} is after to {t}")));
    }
    Ok(EvidenceFilter {
        category: p.category()?,
        power: power.transpose()?,
        direction: p.direction()?,
        source: p.get("source").map(str::to_string),
        from,
        to,
    })
}

fn to_json<T: serde::Serialize>(value: &T) -> Result<String, ApiError> {
    serde_json::to_string(value)
        .map_err(|e| ApiError::internal(format!("JSON could not be written: {e}")))
}
