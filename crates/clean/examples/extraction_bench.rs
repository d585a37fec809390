//! Main-text extraction measured on the public article-extraction benchmark (Scrapinghub/Zyte,
//! 181 pages), with the benchmark's own metric: 4-token shingles of `\w+` tokens, per-page
//! precision and recall from the multiset overlap, means over pages, F1 of the means.
//!
//! ```text
//! cargo run --release -p orbit-clean --example extraction_bench [-- DIR] [--worst N] [--json]
//!     [--predictions OUT]
//! ```
//! DIR defaults to `../shared/bench/article-extraction` relative to the workspace root.
//! `--predictions OUT` scores another extractor instead of orbit: its text for page `<id>` is
//! read from `OUT/<id>.txt` (a missing file is an empty extraction), so every extractor is
//! scored by this one implementation of the metric (scripts/bench does this for trafilatura).
//! `--json` prints the figures as one JSON object.

use std::collections::HashMap;
use std::io::Read;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use orbit_clean::Cleaner;
use orbit_core::{Body, RawArticle};
use regex::Regex;

fn main() {
    if let Err(e) = run() {
        eprintln!("extraction_bench: {e}");
        std::process::exit(1);
    }
}

struct Args {
    dir: PathBuf,
    worst: usize,
    json: bool,
    predictions: Option<PathBuf>,
}

fn args() -> Result<Args, String> {
    let mut dir = PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."))
        .join("../shared/bench/article-extraction");
    let mut worst = 0;
    let mut json = false;
    let mut predictions = None;
    let mut it = std::env::args().skip(1);
    while let Some(a) = it.next() {
        if a == "--worst" {
            let n = it.next().ok_or("--worst needs a number")?;
            worst = n
                .parse()
                .map_err(|_| format!("--worst {n}: not a number"))?;
        } else if a == "--json" {
            json = true;
        } else if a == "--predictions" {
            predictions = Some(PathBuf::from(
                it.next().ok_or("--predictions needs a directory")?,
            ));
        } else {
            dir = PathBuf::from(a);
        }
    }
    Ok(Args {
        dir,
        worst,
        json,
        predictions,
    })
}

/// One page's score.
struct Score {
    id: String,
    precision: f64,
    recall: f64,
}

fn run() -> Result<(), String> {
    let Args {
        dir,
        worst,
        json,
        predictions,
    } = args()?;
    let truth_path = dir.join("ground-truth.json");
    let truth_text = std::fs::read_to_string(&truth_path)
        .map_err(|e| format!("{}: {e}", truth_path.display()))?;
    let truth: HashMap<String, serde_json::Value> =
        serde_json::from_str(&truth_text).map_err(|e| format!("{}: {e}", truth_path.display()))?;
    let mut ids: Vec<&String> = truth.keys().collect();
    ids.sort();

    let cleaner = Cleaner::load(None).map_err(|e| e.to_string())?;
    let tokens = Regex::new(r"\w+").map_err(|e| e.to_string())?;
    let mut scores = Vec::new();
    let mut cleaning = Duration::ZERO;
    // One untimed page first: the language models load on first use.
    if let (None, Some(first)) = (&predictions, ids.first()) {
        let html = read_gz(&dir.join("html").join(format!("{first}.html.gz")))?;
        let _ = cleaner.clean(&raw_page(first, None, html));
    }
    for id in ids {
        let entry = &truth[id];
        let expected = entry["articleBody"].as_str().unwrap_or("");
        let url = entry["url"].as_str().map(str::to_string);
        let got = match &predictions {
            // Another extractor's output; a page it gave nothing for is an empty extraction.
            Some(out) => std::fs::read_to_string(out.join(format!("{id}.txt"))).unwrap_or_default(),
            None => {
                let html = read_gz(&dir.join("html").join(format!("{id}.html.gz")))?;
                let raw = raw_page(id, url, html);
                let start = Instant::now();
                let got = cleaner.clean(&raw).map(|d| d.text).unwrap_or_default();
                cleaning += start.elapsed();
                got
            }
        };
        let (precision, recall) = shingle_scores(&tokens, expected, &got);
        scores.push(Score {
            id: id.clone(),
            precision,
            recall,
        });
    }

    let n = scores.len() as f64;
    let precision = scores.iter().map(|s| s.precision).sum::<f64>() / n;
    let recall = scores.iter().map(|s| s.recall).sum::<f64>() / n;
    let f1 = 2.0 * precision * recall / (precision + recall);
    let seconds = cleaning.as_secs_f64();
    if json {
        let speed = predictions.is_none() && seconds > 0.0;
        println!(
            "{}",
            serde_json::json!({
                "pages": scores.len(),
                "precision": precision,
                "recall": recall,
                "f1": f1,
                "seconds": speed.then_some(seconds),
                "pages_per_s": speed.then(|| n / seconds),
            })
        );
        return Ok(());
    }
    println!("pages      {}", scores.len());
    println!("precision  {precision:.3}");
    println!("recall     {recall:.3}");
    println!("F1         {f1:.3}");
    if predictions.is_none() {
        println!(
            "speed      {:.1} pages/s ({:.1} ms/page, cleaning only)",
            n / seconds,
            seconds * 1000.0 / n
        );
    }
    if worst > 0 {
        scores.sort_by(|a, b| page_f1(a).total_cmp(&page_f1(b)));
        println!("\nworst pages (precision, recall):");
        for s in scores.iter().take(worst) {
            println!("  {:.3} {:.3}  {}", s.precision, s.recall, s.id);
        }
    }
    Ok(())
}

/// A benchmark page as orbit reads it: HTML with its URL, nothing else known.
fn raw_page(id: &str, url: Option<String>, html: String) -> RawArticle {
    RawArticle {
        origin: id.to_string(),
        url,
        title: None,
        body: Body::Html(html),
        published: None,
        source: None,
        lang: None,
    }
}

fn page_f1(s: &Score) -> f64 {
    if s.precision + s.recall == 0.0 {
        0.0
    } else {
        2.0 * s.precision * s.recall / (s.precision + s.recall)
    }
}

fn read_gz(path: &std::path::Path) -> Result<String, String> {
    let file = std::fs::File::open(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let mut bytes = Vec::new();
    flate2::read::GzDecoder::new(file)
        .read_to_end(&mut bytes)
        .map_err(|e| format!("{}: {e}", path.display()))?;
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

/// The benchmark's shingles: every run of 4 consecutive tokens, or the whole token list when
/// there are fewer than 4, counted as a multiset.
fn shingles<'a>(tokens: &Regex, text: &'a str) -> HashMap<Vec<&'a str>, usize> {
    let words: Vec<&str> = tokens.find_iter(text).map(|m| m.as_str()).collect();
    let mut out = HashMap::new();
    if words.is_empty() {
        return out;
    }
    if words.len() < 4 {
        out.insert(words, 1);
        return out;
    }
    for w in words.windows(4) {
        *out.entry(w.to_vec()).or_insert(0) += 1;
    }
    out
}

/// Per-page (precision, recall); a page with no shingles on either side scores 1.
fn shingle_scores(tokens: &Regex, expected: &str, got: &str) -> (f64, f64) {
    let truth = shingles(tokens, expected);
    let pred = shingles(tokens, got);
    let (mut tp, mut fp, mut fn_) = (0usize, 0usize, 0usize);
    for (k, &t) in &truth {
        let p = pred.get(k).copied().unwrap_or(0);
        tp += t.min(p);
        fn_ += t.saturating_sub(p);
    }
    for (k, &p) in &pred {
        fp += p.saturating_sub(truth.get(k).copied().unwrap_or(0));
    }
    if tp + fp + fn_ == 0 {
        return (1.0, 1.0);
    }
    // Normalising tp/fp/fn to sum to 1 does not change the ratios below.
    let ratio = |a: usize, b: usize| {
        if a + b == 0 {
            0.0
        } else {
            a as f64 / (a + b) as f64
        }
    };
    (ratio(tp, fp), ratio(tp, fn_))
}
